// What a page rendered in the pseudo locale (en-XA) still says in English, for a step's pseudo test (like
// find-pseudo.test.ts): every text node and user-facing attribute with an English word in it, once the words that
// are not the page's own are cut out — what main and the devices said (data, whole strings as they came), and what
// files not converted yet say (named per file; each must still be seen, so those lists only shrink).
import { expect } from 'vitest';

/** Every string in a value (main's answers, a device): the pieces of text the page shows as they came. */
export function stringsOf(value: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') found.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return found;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `piece` where it stands as whole words (not inside a longer word). */
const asWords = (piece: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(piece)}(?![\\p{L}\\p{N}])`, 'gu');
const hasEnglishWord = (text: string) => /[A-Za-z]{2,}/.test(text);

/**
 * A guard for one step's pseudo test: `notConvertedYet` is the English still said by other files (by file name),
 * `data` what main and the devices said. `expectOnlyKnownEnglish()` fails on any other English on the page;
 * `unseen()` names the not-converted English no test saw (a file converted since must leave the list).
 */
export function pseudoGuard(notConvertedYet: Readonly<Record<string, readonly string[]>>) {
  // Compared as the page's text is: white space as one space.
  const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
  const allowed = [...new Set(Object.values(notConvertedYet).flat().map(squeeze))];
  const seen = new Set<string>();

  function englishOnPage(data: readonly string[]): string[] {
    // Longest first, so a sentence is cut before a word of it; pieces of two letters or fewer say no word.
    const cuts = [...new Set([...allowed, ...data.map(squeeze)])]
      .filter((piece) => piece.trim().length > 2)
      .sort((a, b) => b.length - a.length)
      .map((piece) => ({ piece, pattern: asWords(piece) }));
    const isEnglish = (text: string): boolean => {
      let rest = text;
      for (const { piece, pattern } of cuts) {
        const after = rest.replace(pattern, ' ');
        if (after !== rest && allowed.includes(piece)) seen.add(piece);
        rest = after;
      }
      return hasEnglishWord(rest.replace(/[^\p{L}\p{N}\s]/gu, ' '));
    };
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = squeeze(node.textContent!);
      if (text && isEnglish(text)) found.push(text);
    }
    for (const element of document.body.querySelectorAll('*'))
      for (const name of ['title', 'aria-label', 'placeholder', 'alt', 'data-label']) {
        const value = element.getAttribute(name);
        if (value && isEnglish(value)) found.push(value);
      }
    return found;
  }

  return {
    /** The page says no English but the named files' and the data's. */
    expectOnlyKnownEnglish(data: readonly string[] = []): void {
      expect(englishOnPage(data)).toEqual([]);
    },
    /** The named English no test saw. */
    unseen: (): string[] => allowed.filter((piece) => !seen.has(piece)),
  };
}
