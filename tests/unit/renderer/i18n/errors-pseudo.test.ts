// Main's catalogued errors on a page, in the page's language: an error that carries the English catalogue's words
// for its code is shown in the locale's words for that code (page-words.ts for jobs, call-main.ts for readings and
// choices); main's own sentence (with its facts) is shown as it came.
import { afterEach, describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { inPageWords } from '../../../../src/renderer/components/page-words';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { readFromMain } from '../../../../src/renderer/stores/call-main';
import { createTranslator, en } from '../../../../src/shared/i18n';

const pseudo = createTranslator('en-XA');
afterEach(() => setLocale(null));

describe('catalogued errors in the page’s language', () => {
  it('a job’s error: the catalogue’s words for its code in en-XA; in English as before', () => {
    setLocale('en-XA');
    expect(inPageWords({ code: 'TIMEOUT', message: en.errors.TIMEOUT })).toBe(pseudo.t('errors.TIMEOUT'));
    setLocale('en');
    expect(inPageWords({ code: 'TIMEOUT', message: en.errors.TIMEOUT })).toBe(en.errors.TIMEOUT);
  });

  it('main’s own sentence for a code is kept (its facts are in it), without its command-line hint', () => {
    setLocale('en-XA');
    expect(
      inPageWords({ code: 'TIMEOUT', message: 'The NVR at 10.0.0.9 did not answer (`nvr-assist ports 10.0.0.9`).' }),
    ).toBe('The NVR at 10.0.0.9 did not answer.');
  });

  it('a reading that main refuses with a catalogued error puts the locale’s words in the store’s error', async () => {
    setLocale('en-XA');
    const state = { loading: ref(false), error: ref<string | null>(null) };
    const worked = await readFromMain(
      state,
      async () => ({ ok: false as const, error: { code: 'NETWORK_LOST' as const, message: en.errors.NETWORK_LOST } }),
      () => {},
    );
    expect(worked).toBe(false);
    expect(state.error.value).toBe(pseudo.t('errors.NETWORK_LOST'));
  });
});
