// The shape every language's catalogue must have, derived from the English one (en/, the single source): the
// same groups and keys, each a string or a plural message. A catalogue typed `Messages` that misses a key, adds
// one, or gives a plural message as a plain string does not compile.
import type { en } from './en';

/** The plural categories of CLDR (`Intl.PluralRules`); each language uses some of them, and always `other`. */
export type PluralCategory = Intl.LDMLPluralRule;

/** A message that depends on a number (`count`): one form per plural category the language has. */
export type PluralMessage = { readonly other: string } & { readonly [C in Exclude<PluralCategory, 'other'>]?: string };

/** A leaf of a catalogue: a message, or a plural message (an object with `other`; no group is called `other`). */
export type Message = string | PluralMessage;

/** The catalogue's shape with every message widened to `string` (a plural message to `PluralMessage`). */
type Shape<T> = T extends string
  ? string
  : T extends { readonly other: string }
    ? PluralMessage
    : { readonly [K in keyof T]: Shape<T[K]> };

/** What every language's catalogue is: exactly the keys of the English one. */
export type Messages = Shape<typeof en>;

/** Every message's key, as `group.sub.key`. */
type Keys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string | { readonly other: string }
    ? `${Prefix}${K}`
    : Keys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Keys<typeof en>;

/** The English message under a key. */
type At<T, K extends string> = K extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : K extends keyof T
    ? T[K]
    : never;

/** The `{name}` placeholders of a message. */
type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type NamesOf<M> = M extends string ? Placeholders<M> : Placeholders<M[keyof M]> | 'count';

/** A placeholder's value: a quantity (a number, formatted by the locale) or words/an identifier (a string, as is). */
export type ParamValue = string | number;
/** How a list's words are joined: "a, b" (`unit`), "a, b, and c" (`conjunction`), "a, b, or c" (`disjunction`). */
export type ListType = 'unit' | 'conjunction' | 'disjunction';
/**
 * A placeholder's value that is a list (words or numbers), joined by the locale's list format (`Intl.ListFormat`):
 * what `t` takes where words said by key are a list (said.ts), not a type its callers name.
 */
export interface ListParam {
  readonly list: readonly ParamValue[];
  readonly type?: ListType;
}
export type ParamsOf<K extends MessageKey> =
  At<typeof en, K> extends { readonly other: string }
    ? { readonly count: number } & { readonly [N in Exclude<NamesOf<At<typeof en, K>>, 'count'>]: ParamValue }
    : { readonly [N in NamesOf<At<typeof en, K>>]: ParamValue };

/** `t(key)` for a message without placeholders, `t(key, params)` with them (the names checked). */
export type ParamArgs<K extends MessageKey> = [NamesOf<At<typeof en, K>>] extends [never] ? [] : [params: ParamsOf<K>];

/** A message cut at its placeholders: words, and the names of the placeholders left for the caller to fill. */
export type MessagePart = { readonly text: string } | { readonly slot: string };
