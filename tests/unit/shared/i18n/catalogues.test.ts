import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../../../src/shared/ipc/errors';
import { LOCALES, en, type LocaleTag, type Messages } from '../../../../src/shared/i18n';
import { isPlural, messagesOf, placeholdersOf } from './catalogue-walk';

const english = messagesOf(en);
const tags = Object.keys(LOCALES) as LocaleTag[];

describe('every language has every message English has', () => {
  it('there is a second language, so the pipeline is proven with more than one', () => {
    expect(tags).toEqual(expect.arrayContaining(['en', 'en-XA']));
    expect(english.length).toBeGreaterThan(150);
  });

  it.each(tags)(
    '%s: the same keys as English, none missing and none extra (a missing one would show nothing)',
    (tag) => {
      const keys = messagesOf(LOCALES[tag].messages).map(([key]) => key);
      expect(keys).toEqual(english.map(([key]) => key));
    },
  );

  it.each(tags)(
    '%s: each message has the placeholders English has (a lost {name} drops what the user must see)',
    (tag) => {
      const theirs = new Map(messagesOf(LOCALES[tag].messages));
      for (const [key, message] of english) {
        const their = theirs.get(key)!;
        expect(isPlural(their), key).toBe(isPlural(message));
        expect(placeholdersOf(their), key).toEqual(placeholdersOf(message));
      }
    },
  );

  it.each(tags)(
    '%s: each plural message has exactly the forms its language needs (Intl.PluralRules), so no count reads wrong',
    (tag) => {
      const needed = [...new Intl.PluralRules(tag).resolvedOptions().pluralCategories].sort();
      const plurals = messagesOf(LOCALES[tag].messages).filter(([, m]) => isPlural(m));
      expect(plurals.length).toBeGreaterThan(3);
      for (const [key, message] of plurals) {
        expect(Object.keys(message).sort(), key).toEqual(needed);
        // Every form says the number (a form without it would leave the user guessing how many).
        for (const form of Object.values(message)) expect(form, key).toContain('{count}');
      }
    },
  );

  it('no message is empty, and none is English words with a stray placeholder syntax ({ without a name)', () => {
    for (const tag of tags) {
      for (const [key, message] of messagesOf(LOCALES[tag].messages)) {
        for (const text of typeof message === 'string' ? [message] : Object.values(message)) {
          expect(text.trim(), `${tag} ${key}`).not.toBe('');
          expect(text.replace(/\{\w+\}/g, ''), `${tag} ${key}`).not.toMatch(/[{}]/);
        }
      }
    }
  });

  it('the error catalogue is the English catalogue’s errors group: one place for its words, its shape unchanged', () => {
    expect(ERROR_MESSAGES).toBe(en.errors);
    for (const [code, message] of Object.entries(ERROR_MESSAGES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(typeof message).toBe('string');
    }
  });
});

describe('the typecheck refuses a language that is not complete', () => {
  it('a catalogue missing a group, a key, or a plural form given as one string does not compile', () => {
    // These lines are checked by `npm run typecheck` (tsc over tests/unit): each must be an error there.
    // @ts-expect-error the errors group is missing
    const noErrors: Messages = { app: en.app, find: en.find, device: en.device };
    // @ts-expect-error a plural message must have its forms, not one string
    const flatPlural: Messages = { ...en, find: { ...en.find, count: { ...en.find.count, found: 'devices found' } } };
    const { intro: _intro, ...findWithoutIntro } = en.find;
    // @ts-expect-error find.intro is missing
    const noIntro: Messages = { ...en, find: findWithoutIntro };
    // And a complete one does.
    const complete: Messages = en;
    expect([noErrors, flatPlural, noIntro, complete]).toHaveLength(4);
  });
});
