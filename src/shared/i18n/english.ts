// main's English sentence for words it says by key (said.ts): the text a result keeps beside its key and values.
// For main-side rules only: it loads the whole catalogue, which the pages load step by step.
import { sayWith, type Said } from './said';
import { createTranslator } from './translate';

const { t } = createTranslator('en');

/** The words and their English sentence, to spread into a finding: `{ ...saidInEnglish(said(…)), severity, … }`. */
export function saidInEnglish(words: Said): { said: Said; text: string } {
  return { said: words, text: english(words) };
}

export function english(words: Said): string {
  return sayWith(t as Parameters<typeof sayWith>[0], words);
}
