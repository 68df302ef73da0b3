// The translator over a catalogue (see ./translate.ts): the locales, how one is chosen, and the words of a key with
// its placeholders filled. Plain functions over plain objects (no message compiler, nothing evaluated, nothing for
// the renderer's Content-Security-Policy to refuse), and without the catalogue itself: main and the CLI give it the
// whole catalogue (./translate.ts), the pages the groups they have loaded (src/renderer/i18n/catalogue.ts).
import type { ListParam, ListType, Message, MessageKey, MessagePart, ParamArgs, ParamValue } from './types';

/** The languages the app speaks: the tag of its catalogue and its name in its own words. */
export const LOCALE_NAMES = {
  en: 'English',
  // Pseudo-localisation (CLDR's tag for it): English accented, about a third longer and bracketed, so a string
  // that was never converted shows up as plain English, and a layout that cannot take longer words shows it.
  'en-XA': 'Ƥšéûđö',
} as const;

export type LocaleTag = keyof typeof LOCALE_NAMES;
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
    if (tag in LOCALE_NAMES) return { tag: tag as LocaleTag, intl: tag };
    const language = tag.split('-')[0]!;
    if (language in LOCALE_NAMES) return { tag: language as LocaleTag, intl: tag };
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

/**
 * A translator over `messages` (a catalogue, or the part of one loaded so far: it is read at each call, so a group
 * added to it later is found). A key it does not hold throws, or gives what `missing` makes of it.
 */
export function translatorOver(
  resolved: ResolvedLocale,
  messages: object,
  missing: (key: string) => string = (key) => {
    throw new Error(`No message "${key}"`);
  },
): Translator {
  // Made on first use: the first NumberFormat of a process costs ~12 ms of ICU set-up, and most translators (the
  // English ones main makes at load, the CLI's) never format a number — `ports --full` loads the app while it scans.
  let plurals: Intl.PluralRules | undefined;
  let numbers: Intl.NumberFormat | undefined;
  const lists = new Map<ListType, Intl.ListFormat>();
  const numberFormat = (): Intl.NumberFormat => (numbers ??= new Intl.NumberFormat(resolved.intl));
  const listFormat = (type: ListType): Intl.ListFormat => {
    const known = lists.get(type);
    if (known) return known;
    const made = new Intl.ListFormat(resolved.intl, { type });
    lists.set(type, made);
    return made;
  };
  // A list (words said by key, said.ts: not in `t`'s own types) in the locale's list format, each item shown as a
  // value is.
  const show = (value: ParamValue | ListParam): string =>
    typeof value === 'number'
      ? numberFormat().format(value)
      : typeof value === 'string'
        ? value
        : listFormat(value.type ?? 'unit').format(value.list.map(show));

  function lookup(key: string): Message | null {
    let node: unknown = messages;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node === 'string' || (typeof node === 'object' && node !== null && 'other' in node))
      return node as Message;
    return null;
  }

  function text(key: string, params: Readonly<Record<string, ParamValue | ListParam>> | undefined): string {
    const message = lookup(key);
    if (message === null) return missing(key);
    if (typeof message === 'string') return message;
    const count = params?.count;
    if (typeof count !== 'number') throw new Error(`Message "${key}" needs a number "count"`);
    plurals ??= new Intl.PluralRules(resolved.intl);
    return message[plurals.select(count)] ?? message.other;
  }

  const translator: Translator = {
    locale: resolved,
    t(key, ...args) {
      const params = args[0] as Readonly<Record<string, ParamValue | ListParam>> | undefined;
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
    number: (value, options) =>
      (options ? new Intl.NumberFormat(resolved.intl, options) : numberFormat()).format(value),
  };
  return translator;
}
