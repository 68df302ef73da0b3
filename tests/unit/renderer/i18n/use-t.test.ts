// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computed, nextTick } from 'vue';
import { locale, n, setLocale, t } from '../../../../src/renderer/composables/useT';

afterEach(() => {
  vi.unstubAllGlobals();
  setLocale(null);
});

describe('useT: the pages’ language', () => {
  it('follows the system’s languages by default, its region kept for numbers', () => {
    vi.stubGlobal('navigator', { language: 'en-IN', languages: ['fr-FR', 'en-IN'] });
    expect(setLocale(null)).toEqual({ tag: 'en', intl: 'en-IN' });
    expect(n(1234567)).toBe('12,34,567');
  });

  it('?lang (setLocale) switches every computed that says a message, and null goes back to the system', async () => {
    const heading = computed(() => t('find.search.heading'));
    expect(heading.value).toBe('1. Search this network');
    setLocale('en-XA');
    await nextTick();
    expect(locale.value.tag).toBe('en-XA');
    expect(heading.value).toMatch(/^\[1\. Šéàŕçĥ ţĥíš ñéţŵöŕķ .+\]$/);
    setLocale(null);
    expect(heading.value).toBe('1. Search this network');
  });

  it('a language the app does not speak (yet) gives English, not an empty page', () => {
    expect(setLocale('ja-JP').tag).toBe('en');
    expect(t('find.count.found', { count: 2 })).toBe('2 devices found.');
  });
});
