// Words main says in its results (a finding, a reason, a verdict), kept as the catalogue's key and the values that
// fill it, so that each side shows them in its user's language: the page with its translator, the CLI with the
// locale of its terminal. The result still carries main's English sentence beside it (`text`: the JSON output, the
// record, a page or CLI whose catalogue does not know the key yet), made from the very same key and values.
import { z } from 'zod';
import type { MessageKey, ParamArgs, ParamValue } from './types';
import type { Translator } from './translate';

export interface Said {
  readonly key: string;
  /**
   * The values: words or numbers as `t` takes them, or words said by key themselves, with values of their own ("user
   * {user} with the factory password") — two levels at most: the inner words' values are words or numbers.
   */
  readonly params?: Readonly<Record<string, ParamValue | SaidWords>>;
}

/** main's words where either will do: an English sentence as it is, or words said by key (a job's progress line). */
export type Words = string | Said;

/** Words said by key that fill another's placeholder, with values of their own that are plain words or numbers. */
export interface SaidWords {
  readonly key: string;
  readonly params?: Readonly<Record<string, ParamValue>>;
}

/** A message's values where one may be words said by key. */
type SaidArgs<K extends MessageKey> =
  ParamArgs<K> extends [params: infer P] ? [params: { readonly [N in keyof P]: P[N] | SaidWords }] : [];

/** A key and its values, the names checked against the English catalogue as `t` checks them. */
export function said<K extends MessageKey>(key: K, ...params: SaidArgs<K>): Said {
  const [values] = params as [Readonly<Record<string, ParamValue | SaidWords>>?];
  return values === undefined ? { key } : { key, params: values };
}

/** Words said by key to fill another message's placeholder, its own values checked as `t` checks them. */
export function saidWords<K extends MessageKey>(key: K, ...params: ParamArgs<K>): SaidWords {
  const [values] = params as [Readonly<Record<string, ParamValue>>?];
  return values === undefined ? { key } : { key, params: values };
}

const valueSchema = z.union([z.string().max(300), z.number()]);

/** Said's shape where it crosses a boundary (bounded, as everything that crosses is). */
export const saidSchema = z.object({
  key: z.string().max(120),
  params: z
    .record(
      z.string().max(40),
      z.union([
        valueSchema,
        z.object({ key: z.string().max(120), params: z.record(z.string().max(40), valueSchema).optional() }),
      ]),
    )
    .optional(),
});

type Say = (key: string, params?: Readonly<Record<string, ParamValue>>) => string;

/** The words in a translator's `t` (throws where its catalogue has no such key, as `t` does). */
export function sayWith(t: Say, words: Said): string {
  const params = words.params
    ? Object.fromEntries(
        Object.entries(words.params).map(
          ([name, v]) => [name, typeof v === 'object' ? t(v.key, v.params) : v] as const,
        ),
      )
    : undefined;
  return t(words.key, params);
}

/**
 * The words in the translator's language; `fallback` (main's own English sentence) when nothing was said by key, or
 * the translator's catalogue does not have the key (a page older than main, or a group not loaded).
 */
export function sayIn({ t }: Pick<Translator, 't'>, words: Said | undefined, fallback: string): string {
  if (!words) return fallback;
  try {
    const shown = sayWith(t as Say, words);
    // The pages' translator gives a key it does not hold back as the key itself (main's throws).
    return shown === words.key ? fallback : shown;
  } catch {
    return fallback;
  }
}
