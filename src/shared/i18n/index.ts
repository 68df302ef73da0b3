// Translations: every user-facing string, one catalogue per language (README, "Translations").
export { en } from './en';
export { localMessage } from './local-message';
export { pseudoLocalize, pseudoMessages } from './pseudo';
export {
  DEFAULT_LOCALE,
  LOCALES,
  createTranslator,
  localeFromEnv,
  resolveLocale,
  type LocaleTag,
  type ResolvedLocale,
  type Translator,
} from './translate';
export type {
  Message,
  MessageKey,
  MessagePart,
  Messages,
  ParamArgs,
  ParamValue,
  ParamsOf,
  PluralCategory,
  PluralMessage,
} from './types';
