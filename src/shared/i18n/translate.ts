// The translator: one per locale, made from that language's whole catalogue. The same code runs in the renderer, in
// main and in the CLI (./translator.ts); main and the CLI hold every language's whole catalogue (here), the pages
// load each step's words with its page (src/renderer/i18n/catalogue.ts).
import { en } from './en';
import { pseudoMessages } from './pseudo';
import {
  DEFAULT_LOCALE,
  LOCALE_NAMES,
  resolveLocale,
  translatorOver,
  type LocaleTag,
  type ResolvedLocale,
  type Translator,
} from './translator';
import type { Messages } from './types';

export {
  DEFAULT_LOCALE,
  LOCALE_NAMES,
  localeFromEnv,
  resolveLocale,
  type LocaleTag,
  type ResolvedLocale,
  type Translator,
} from './translator';

/** The languages the app speaks: the tag of its catalogue, its name in its own words, its messages. */
export const LOCALES = {
  en: { name: LOCALE_NAMES.en, messages: en as Messages },
  'en-XA': {
    name: LOCALE_NAMES['en-XA'],
    get messages() {
      return pseudoMessages();
    },
  },
} as const satisfies Record<LocaleTag, { name: string; messages: Messages }>;

const translators = new Map<string, Translator>();

/** The translator of a locale (`en`, `en-XA`, or the user's tag, resolved as `resolveLocale` does); kept per locale. */
export function createTranslator(locale: string | ResolvedLocale = DEFAULT_LOCALE): Translator {
  const resolved = typeof locale === 'string' ? resolveLocale([locale]) : locale;
  const cacheKey = `${resolved.tag}|${resolved.intl}`;
  const known = translators.get(cacheKey);
  if (known) return known;
  const translator = translatorOver(resolved, LOCALES[resolved.tag].messages);
  translators.set(cacheKey, translator);
  return translator;
}
