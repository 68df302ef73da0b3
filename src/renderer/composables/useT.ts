// The page's language: one reactive locale for the whole renderer, the system's by default (`navigator.languages`),
// set by `?lang=` in the address (main.ts: `?lang=en-XA` shows the pseudo locale). `t` reads it, so a template or a
// computed that calls `t` follows a change of language at once. The messages are src/shared/i18n's, loaded group by
// group (../i18n/catalogue.ts: the first screen's with the app, each step's with its page).
import { computed, readonly, ref } from 'vue';
import { resolveLocale, translatorOver, type ResolvedLocale } from '../../shared/i18n/translator';
import type { MessageKey, MessagePart, ParamArgs, ParamValue } from '../../shared/i18n/types';
import { messagesOf } from '../i18n/catalogue';

/** The system's languages, most wanted first (none where there is no navigator). */
function systemLanguages(): string[] {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return [...(nav?.languages ?? []), ...(nav?.language ? [nav.language] : [])];
}
const systemLocale = (): ResolvedLocale => resolveLocale(systemLanguages());

const current = ref<ResolvedLocale>(systemLocale());
/** A key whose group is not loaded says itself (never a blank or a crash); the router loads a page's groups first. */
function missing(key: string): string {
  if (import.meta.env.DEV) console.warn(`No message "${key}" loaded for the pages`);
  return key;
}
const translator = computed(() => translatorOver(current.value, messagesOf(current.value.tag), missing));

/** The locale the pages speak now. */
export const locale = readonly(current);

/** Speak `tag` (`en`, `en-XA`, `en-GB`…: the nearest catalogue, English when none fits); null goes back to the system's. */
export function setLocale(tag: string | null): ResolvedLocale {
  current.value = tag ? resolveLocale([tag, ...systemLanguages()]) : systemLocale();
  return current.value;
}

/** The message under `key` in the current locale (see shared/i18n/translate.ts). */
export function t<K extends MessageKey>(key: K, ...params: ParamArgs<K>): string {
  return translator.value.t(key, ...params);
}

/** The message cut at the placeholders not given, for `MessageParts` to put markup in. */
export function tParts<K extends MessageKey>(key: K, params?: Readonly<Record<string, ParamValue>>): MessagePart[] {
  return translator.value.parts(key, params);
}

/** A number in the current locale. */
export function n(value: number, options?: Intl.NumberFormatOptions): string {
  return translator.value.number(value, options);
}

/** For a component: `const { t } = useT()`, then `{{ t('find.search.heading') }}` in its template. */
export function useT() {
  return { t, tParts, n, locale };
}
