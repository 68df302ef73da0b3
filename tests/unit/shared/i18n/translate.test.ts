import { describe, expect, it } from 'vitest';
import { createTranslator, localeFromEnv, resolveLocale } from '../../../../src/shared/i18n';

describe('createTranslator: messages with their placeholders, plural forms and numbers', () => {
  const en = createTranslator('en');

  it('fills placeholders with the values given, words as they are', () => {
    expect(en.t('device.nameAt', { name: 'Hikvision DS-7608NI-K2', address: '192.168.1.64' })).toBe(
      'Hikvision DS-7608NI-K2 at 192.168.1.64',
    );
    expect(en.t('find.search.heading')).toBe('1. Search this network');
  });

  it('picks the plural form by the count in English: one for 1, other for 0, 2 and 1.5', () => {
    expect(en.t('find.count.found', { count: 1 })).toBe('1 device found.');
    expect(en.t('find.count.found', { count: 0 })).toBe('0 devices found.');
    expect(en.t('find.count.found', { count: 2 })).toBe('2 devices found.');
    expect(en.t('find.search.duration', { count: 1 })).toBe('Takes about 1 second.');
    expect(en.t('find.search.duration', { count: 1.5 })).toBe('Takes about 1.5 seconds.');
  });

  it('writes numbers in the locale’s digits and grouping: 1,234 in English, 12,34,567 in Indian English', () => {
    expect(en.t('find.count.found', { count: 1234 })).toBe('1,234 devices found.');
    expect(en.number(1234567.5)).toBe('1,234,567.5');
    const indian = createTranslator('en-IN');
    expect(indian.locale).toEqual({ tag: 'en', intl: 'en-IN' });
    expect(indian.t('find.count.found', { count: 1234567 })).toBe('12,34,567 devices found.');
  });

  it('leaves an identifier passed as a string alone (a port or prefix is not a quantity to group)', () => {
    expect(en.t('find.search.sweepTooBig', { prefix: '16' })).toContain('(/16)');
    expect(en.t('device.chooseLabel', { name: 'port 8080' })).toBe('This is my NVR: port 8080');
  });

  it('the pseudo locale picks English plural forms and formats numbers as English, in accented words', () => {
    const pseudo = createTranslator('en-XA');
    expect(pseudo.locale.tag).toBe('en-XA');
    const one = pseudo.t('find.count.found', { count: 1 });
    const many = pseudo.t('find.count.found', { count: 1234 });
    expect(one).toMatch(/^\[1 đéṽíçé ƒöûñđ\. .+\]$/);
    expect(many).toMatch(/^\[1,234 đéṽíçéš ƒöûñđ\. .+\]$/);
  });

  it('cuts a message at the placeholders it is not given, for markup there; given ones are filled', () => {
    expect(en.parts('find.chosen.summary', { mac: '' })).toEqual([
      { text: 'Your NVR: ' },
      { slot: 'name' },
      { text: ' at ' },
      { slot: 'addresses' },
      { text: ', chosen ' },
      { slot: 'time' },
      { text: '.' },
    ]);
    expect(en.parts('find.searchedThrough', { time: '10:10' })).toEqual([
      { text: 'Searched 10:10 through ' },
      { slot: 'interface' },
    ]);
    expect(en.parts('find.search.goesThrough')).toEqual([
      { text: 'The search goes through ' },
      { slot: 'interface' },
      { slot: 'addresses' },
    ]);
    expect(en.parts('find.count.soFar', { count: 3 })).toEqual([{ text: '3 devices found so far.' }]);
  });

  it('the typecheck refuses an unknown key, a missing placeholder value and a plural message without a count', () => {
    // Checked by `npm run typecheck`: each line below must be an error there; the calls are never run.
    const never = (): void => {
      // @ts-expect-error no such message
      en.t('find.nope');
      // @ts-expect-error {name} and {address} must be given
      en.t('device.nameAt');
      // @ts-expect-error {address} is missing
      en.t('device.nameAt', { name: 'NVR' });
      // @ts-expect-error a plural message needs a number count
      en.t('find.count.found', { count: '3' });
    };
    expect(never).toBeTypeOf('function');
  });

  it('refuses a plural message without a count, and an unknown key, instead of showing something wrong', () => {
    expect(() => en.t('find.count.found', {} as { count: number })).toThrow(/count/);
    expect(() => en.t('find.nope' as 'find.intro')).toThrow(/No message "find.nope"/);
  });
});

describe('resolveLocale / localeFromEnv: which catalogue speaks', () => {
  it('takes the first wanted language that has a catalogue; its region kept for numbers', () => {
    expect(resolveLocale(['en-XA'])).toEqual({ tag: 'en-XA', intl: 'en-XA' });
    expect(resolveLocale(['de-DE', 'en-GB'])).toEqual({ tag: 'en', intl: 'en-GB' });
    expect(resolveLocale(['en_US'])).toEqual({ tag: 'en', intl: 'en-US' });
  });

  it('falls back to English for a language without a catalogue, nothing, or a malformed tag', () => {
    expect(resolveLocale(['fr-FR'])).toEqual({ tag: 'en', intl: 'en' });
    expect(resolveLocale([])).toEqual({ tag: 'en', intl: 'en' });
    expect(resolveLocale(['not a tag!', null, undefined, ''])).toEqual({ tag: 'en', intl: 'en' });
  });

  it('reads LC_ALL, then LC_MESSAGES, then LANG, as POSIX does; C and POSIX mean no preference', () => {
    expect(localeFromEnv({ LANG: 'en_IN.UTF-8' })).toEqual({ tag: 'en', intl: 'en-IN' });
    expect(localeFromEnv({ LC_ALL: 'en-XA', LANG: 'en_GB.UTF-8' }).tag).toBe('en-XA');
    expect(localeFromEnv({ LC_MESSAGES: 'en_XA', LANG: 'en_GB' }).tag).toBe('en-XA');
    expect(localeFromEnv({ LC_ALL: 'C', LANG: 'en_GB.UTF-8' })).toEqual({ tag: 'en', intl: 'en-GB' });
    expect(localeFromEnv({})).toEqual({ tag: 'en', intl: 'en' });
  });
});
