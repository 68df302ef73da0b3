// The translator: one per locale, made from that language's catalogue. The same code runs in the renderer, in main
// and in the CLI (plain functions over plain objects: no message compiler, nothing evaluated, nothing for the
// renderer's Content-Security-Policy to refuse).
import { en } from './en';
import { pseudo } from './pseudo';
import type { Message, MessageKey, MessagePart, Messages, ParamArgs, ParamValue } from './types';

/** The languages the app speaks: the tag of its catalogue, its name in its own words, its messages. */
export const LOCALES = {
  en: { name: 'English', messages: en as Messages },
  // Pseudo-localisation (CLDR's tag for it): English accented, about a third longer and bracketed, so a string
  // that was never converted shows up as plain English, and a layout that cannot take longer words shows it.
  'en-XA': { name: 'Ƥšéûđö', messages: pseudo },
} as const satisfies Record<string, { name: string; messages: Messages }>;

export type LocaleTag = keyof typeof LOCALES;
export const DEFAULT_LOCALE: LocaleTag = 'en';

/** The locale to speak: the catalogue's tag, and the tag Intl formats numbers and picks plurals with. */
export interface ResolvedLocale {
  readonly tag: LocaleTag;
  /** The user's own tag when its language is the catalogue's (`en-IN` groups 12,34,567), else the catalogue's. */
  readonly intl: string;
}

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The first of the user's languages (most wanted first: `navigator.languages`, `LANG`) the app has a catalogue
 * for: the exact tag (`en-XA`), else its language (`en-GB` → `en`); English when none is.
 */
export function resolveLocale(wanted: readonly (string | null | undefined)[]): ResolvedLocale {
  for (const raw of wanted) {
    const tag = raw ? canonical(raw) : null;
    if (!tag) continue;
    if (tag in LOCALES) return { tag: tag as LocaleTag, intl: tag };
    const language = tag.split('-')[0]!;
    if (language in LOCALES) return { tag: language as LocaleTag, intl: tag };
  }
  return { tag: DEFAULT_LOCALE, intl: DEFAULT_LOCALE };
}

/** The locale of a POSIX environment (`LC_ALL`, `LC_MESSAGES`, `LANG`: `de_DE.UTF-8` → `de-DE`), for the CLI and main. */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): ResolvedLocale {
  const fromPosix = (value: string | undefined): string | null => {
    const tag = value?.split('.')[0]?.split('@')[0];
    return tag && tag !== 'C' && tag !== 'POSIX' ? tag : null;
  };
  return resolveLocale([fromPosix(env.LC_ALL), fromPosix(env.LC_MESSAGES), fromPosix(env.LANG)]);
}

export interface Translator {
  readonly locale: ResolvedLocale;
  /** The message under `key` in this locale, its placeholders filled (numbers formatted, plural form chosen). */
  t<K extends MessageKey>(key: K, ...params: ParamArgs<K>): string;
  /**
   * The message cut at the placeholders not given: for a page that puts markup there (a name in bold, a link).
   * Given ones are filled as `t` fills them; `count` picks the plural form.
   */
  parts<K extends MessageKey>(key: K, params?: Readonly<Record<string, ParamValue>>): MessagePart[];
  /** A number in this locale's digits, grouping and decimal sign. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

function lookup(messages: Messages, key: string): Message {
  let node: unknown = messages;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node === 'string' || (typeof node === 'object' && node !== null && 'other' in node))
    return node as Message;
  throw new Error(`No message "${key}"`);
}

const translators = new Map<string, Translator>();

/** The translator of a locale (`en`, `en-XA`, or the user's tag, resolved as `resolveLocale` does); kept per locale. */
export function createTranslator(locale: string | ResolvedLocale = DEFAULT_LOCALE): Translator {
  const resolved = typeof locale === 'string' ? resolveLocale([locale]) : locale;
  const cacheKey = `${resolved.tag}|${resolved.intl}`;
  const known = translators.get(cacheKey);
  if (known) return known;

  const messages = LOCALES[resolved.tag].messages;
  const plurals = new Intl.PluralRules(resolved.intl);
  const numbers = new Intl.NumberFormat(resolved.intl);
  const show = (value: ParamValue): string => (typeof value === 'number' ? numbers.format(value) : value);

  function text(key: string, params: Readonly<Record<string, ParamValue>> | undefined): string {
    const message = lookup(messages, key);
    if (typeof message === 'string') return message;
    const count = params?.count;
    if (typeof count !== 'number') throw new Error(`Message "${key}" needs a number "count"`);
    return message[plurals.select(count)] ?? message.other;
  }

  const translator: Translator = {
    locale: resolved,
    t(key, ...args) {
      const params = args[0] as Readonly<Record<string, ParamValue>> | undefined;
      return text(key, params).replace(PLACEHOLDER, (whole, name: string) =>
        params && name in params ? show(params[name]!) : whole,
      );
    },
    parts(key, params) {
      const result: MessagePart[] = [];
      const message = text(key, params);
      let at = 0;
      const push = (words: string) => {
        if (!words) return;
        const last = result.at(-1);
        if (last && 'text' in last) result[result.length - 1] = { text: last.text + words };
        else result.push({ text: words });
      };
      for (const match of message.matchAll(PLACEHOLDER)) {
        push(message.slice(at, match.index));
        const name = match[1]!;
        if (params && name in params) push(show(params[name]!));
        else result.push({ slot: name });
        at = match.index + match[0].length;
      }
      push(message.slice(at));
      return result;
    },
    number: (value, options) => (options ? new Intl.NumberFormat(resolved.intl, options) : numbers).format(value),
  };
  translators.set(cacheKey, translator);
  return translator;
}
