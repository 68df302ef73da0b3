// Words main says in its results (a finding, a reason, a verdict), kept as the catalogue's key and the values that
// fill it, so that each side shows them in its user's language: the page with its translator, the CLI with the
// locale of its terminal. The result still carries main's English sentence beside it (`text`: the JSON output, the
// record, a page or CLI whose catalogue does not know the key yet), made from the very same key and values.
import { z } from 'zod';
import type { MessageKey, ParamArgs, ParamValue } from './types';
import type { Translator } from './translate';

export interface Said {
  readonly key: string;
  readonly params?: Readonly<Record<string, ParamValue>>;
}

/** A key and its values, the names checked against the English catalogue as `t` checks them. */
export function said<K extends MessageKey>(key: K, ...params: ParamArgs<K>): Said {
  const [values] = params as [Readonly<Record<string, ParamValue>>?];
  return values === undefined ? { key } : { key, params: values };
}

/** Said's shape where it crosses a boundary (bounded, as everything that crosses is). */
export const saidSchema = z.object({
  key: z.string().max(120),
  params: z.record(z.string().max(40), z.union([z.string().max(300), z.number()])).optional(),
});

/**
 * The words in the translator's language; `fallback` (main's own English sentence) when nothing was said by key, or
 * the translator's catalogue does not have the key (a page older than main, or a group not loaded).
 */
export function sayIn({ t }: Pick<Translator, 't'>, words: Said | undefined, fallback: string): string {
  if (!words) return fallback;
  try {
    return (t as (key: string, params?: Readonly<Record<string, ParamValue>>) => string)(words.key, words.params);
  } catch {
    return fallback;
  }
}
