// Words main says in its results (a finding, a reason, a verdict), kept as the catalogue's key and the values that
// fill it, so that each side shows them in its user's language: the page with its translator, the CLI with the
// locale of its terminal. The result still carries main's English sentence beside it (`text`: the JSON output, the
// record, a page or CLI whose catalogue does not know the key yet), made from the very same key and values.
import { z } from 'zod';
import type { ListParam, ListType, MessageKey, ParamArgs, ParamValue } from './types';
import type { Translator } from './translate';

export interface Said {
  readonly key: string;
  /**
   * The values: words or numbers as `t` takes them, or words said by key themselves ("a private address"), with values
   * of their own (see SaidWords: three levels of words at most).
   */
  readonly params?: Readonly<Record<string, ParamValue | SaidWords | SaidList>>;
}

/** main's words where either will do: an English sentence as it is, or words said by key (a job's progress line). */
export type Words = string | Said;

/**
 * Words said by key that fill another's placeholder: a message without values, or with values of its own that are
 * words or numbers, or words said by key without values (two levels at most: "{words} {reason}", where the reason
 * names the firmware and a row's own words).
 */
export interface SaidWords {
  readonly key: string;
  readonly params?: Readonly<Record<string, ParamValue | { readonly key: string } | SaidList>>;
}

/**
 * A list of words that fills a placeholder (several refused defaults, several checks): each item a value or words by
 * key, joined in the language's list format (`Intl.ListFormat`, `type`: "a, b" by default), or, where the sentence
 * joins them its own way ("a; b"), by the catalogue's `join` message (`{first}` and `{next}`, folded from the left).
 */
export interface SaidList {
  readonly list: (ParamValue | SaidWords)[];
  readonly type?: ListType;
  readonly join?: string;
}

/** Keys of the messages that join two items of a list: `{first}` and `{next}`, nothing else. */
type JoinKey = {
  [K in MessageKey]: ParamArgs<K> extends [params: { first: ParamValue; next: ParamValue }] ? K : never;
}[MessageKey];

/** A list of words to fill a placeholder (see SaidList). */
export function saidList(
  items: readonly (ParamValue | SaidWords)[],
  how: { type?: ListType; join?: JoinKey } = {},
): SaidList {
  return { list: [...items], ...(how.type ? { type: how.type } : {}), ...(how.join ? { join: how.join } : {}) };
}

/** A message's values where one may be words said by key, or a list of them. */
type SaidArgs<K extends MessageKey> =
  ParamArgs<K> extends [params: infer P] ? [params: { readonly [N in keyof P]: P[N] | SaidWords | SaidList }] : [];

/** A key and its values, the names checked against the English catalogue as `t` checks them. */
export function said<K extends MessageKey>(key: K, ...params: SaidArgs<K>): Said {
  const [values] = params as [Readonly<Record<string, ParamValue | SaidWords | SaidList>>?];
  return values === undefined ? { key } : { key, params: values };
}

/** Words said by key to fill another message's placeholder, its own values checked as `t` checks them. */
export function saidWords<K extends MessageKey>(key: K, ...params: ParamArgs<K>): SaidWords {
  const [values] = params as [Readonly<Record<string, ParamValue>>?];
  return values === undefined ? { key } : { key, params: values };
}

const saidKey = z.string().max(120);
const saidName = z.string().max(40);
const saidValue = z.union([z.string().max(300), z.number()]);
/** A list of words: 16 items at most, each a value or words by key as `item` lets them (bounded as a value is). */
const listSchema = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    list: z.array(z.union([saidValue, item])).max(16),
    type: z.enum(['unit', 'conjunction', 'disjunction']).optional(),
    join: saidKey.optional(),
  });
const plainWordsSchema = z.object({ key: saidKey });
/**
 * Words that fill a placeholder: a key, and values of their own (words, numbers, words by key without values, or a
 * list of such).
 */
const saidWordsSchema = z.object({
  key: saidKey,
  params: z.record(saidName, z.union([saidValue, plainWordsSchema, listSchema(plainWordsSchema)])).optional(),
});
const saidListSchema = listSchema(saidWordsSchema);

/** Said's shape where it crosses a boundary (bounded, as everything that crosses is). */
export const saidSchema = z.object({
  key: saidKey,
  params: z.record(saidName, z.union([saidValue, saidWordsSchema, saidListSchema])).optional(),
});

type Say = (key: string, params?: Readonly<Record<string, ParamValue | ListParam>>) => string;

/** A list's items said, joined by its `join` message, or handed to `t` to join in its locale's list format. */
function sayList(t: Say, words: SaidList, depth: number): ParamValue | ListParam {
  const items = words.list.map((v) => (typeof v === 'object' ? sayWith(t, v, depth + 1) : v));
  const join = words.join;
  if (join === undefined) return { list: items, ...(words.type ? { type: words.type } : {}) };
  return items.length ? items.reduce((first, next) => t(join, { first, next })) : '';
}

/** The words in a translator's `t` (throws where its catalogue has no such key, as `t` does). */
export function sayWith(t: Say, words: Said, depth = 0): string {
  const params = words.params
    ? Object.fromEntries(
        Object.entries(words.params).map(([name, v]) => {
          if (typeof v !== 'object') return [name, v] as const;
          // A list of words, in the words' own place (their items are words within words).
          if ('list' in v) return [name, sayList(t, v, depth)] as const;
          // Words within words, two levels at most (what saidSchema lets cross).
          return [name, depth < 1 ? sayWith(t, v as Said, depth + 1) : t(v.key)] as const;
        }),
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
