import { describe, expect, it } from 'vitest';
import { en, pseudoLocalize, pseudoMessages } from '../../../../src/shared/i18n';
import { messagesOf } from './catalogue-walk';

/** What is left of a pseudo text once its placeholders and `code` are taken out. */
const words = (text: string) => text.replace(/\{\w+\}|`[^`]*`/g, '');

describe('the pseudo locale (en-XA): English made visibly foreign', () => {
  it('accents every one of the 52 ASCII letters, so no English word can pass for a translated one', () => {
    const all = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const out = pseudoLocalize(all);
    expect(words(out)).not.toMatch(/[A-Za-z]/);
    // One look-alike per letter: none shared, so the text still reads letter by letter.
    expect(new Set(out.slice(1, 53)).size).toBe(52);
  });

  it('changes every message of the catalogue: bracketed, no ASCII letter left outside placeholders and code', () => {
    const english = new Map(messagesOf(en));
    for (const [key, message] of messagesOf(pseudoMessages())) {
      const forms = typeof message === 'string' ? { text: message } : message;
      const englishForms = (
        typeof english.get(key) === 'string' ? { text: english.get(key) } : english.get(key)
      ) as Record<string, string>;
      for (const [form, text] of Object.entries(forms)) {
        expect(text, key).not.toBe(englishForms[form]);
        expect(text, key).toMatch(/^\[[\s\S]*\]$/);
        expect(words(text), key).not.toMatch(/[A-Za-z]/);
      }
    }
  });

  it('keeps placeholders and `commands` exactly, so the values and what to type still come through', () => {
    expect(pseudoLocalize('Added {name} at {addresses}.')).toMatch(/^\[Àđđéđ \{name\} àţ \{addresses\}\..*\]$/);
    expect(pseudoLocalize('Log in first (`nvr-assist identify`).')).toContain('`nvr-assist identify`');
  });

  it('makes text about a third longer, so a layout that cannot take longer words shows it', () => {
    for (const english of ['Search', 'Search again, checking every address', en.find.intro]) {
      const grown = pseudoLocalize(english).length - 2;
      expect(grown).toBeGreaterThanOrEqual(Math.floor(english.length * 1.25));
      expect(grown).toBeLessThanOrEqual(Math.ceil(english.length * 1.4) + 1);
    }
  });
});
