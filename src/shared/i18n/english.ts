// main's English sentence for words it says by key (said.ts): the text a result keeps beside its key and values.
// For main-side rules only: it loads the whole catalogue, which the pages load step by step.
import type { Said } from './said';
import { createTranslator } from './translate';
import type { ParamValue } from './types';

const { t } = createTranslator('en');

/** The words and their English sentence, to spread into a finding: `{ ...saidInEnglish(said(…)), severity, … }`. */
export function saidInEnglish(words: Said): { said: Said; text: string } {
  return { said: words, text: english(words) };
}

export function english(words: Said): string {
  return (t as (key: string, params?: Readonly<Record<string, ParamValue>>) => string)(words.key, words.params);
}
