// What a page rendered in the pseudo locale (en-XA) still says in English, for every pseudo test here: each text
// node and user-facing attribute with an English word in it, once what is not the page's own is taken out — main's
// sentences and the data as whole pieces (`said`), single data words (`words`: names, addresses), Intl's dates and
// what files not converted yet say (named when the checker is made; each must still be seen, so the lists only
// shrink). Every word a converted file says comes out accented, so any English left is a string never converted.
import { expect } from 'vitest';
import { formatTime } from '../../../../src/renderer/components/step-status';
import { STEPS } from '../../../../src/shared/domain/steps';
import { en } from '../../../../src/shared/i18n';

/** The attributes people read or hear (data-label: a table cell's column name, shown where a row is a card). */
const USER_FACING = ['title', 'aria-label', 'aria-valuetext', 'placeholder', 'alt', 'data-label'];

/** Compared as the page's text is: white space as one space. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
/** A word without the marks around it (quotes, full stops, the pseudo locale's brackets). */
const bare = (word: string) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `piece` where it stands as words of its own (not inside a longer word). */
const asWords = (piece: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(piece)}(?![\\p{L}\\p{N}])`, 'gu');

/** What Intl writes for these times in en-XA: it has no month names or day periods of its own, so English's. */
export const intlDates = (...isoTimes: string[]): string[] => isoTimes.map((at) => formatTime(at, 'en-XA'));

/** Every string in a value (objects and arrays walked): the pieces of text the page shows as they came. */
export function stringsOf(value: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') found.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return found;
}

/** Every word of the strings in `value`, as data: names, addresses, what a device or main keeps as it is. */
export function wordsOf(value: unknown, words = new Set<string>()): Set<string> {
  for (const text of stringsOf(value)) text.split(/\s+/).forEach((w) => words.add(bare(w)));
  return words;
}

/**
 * What main and the devices said, as the page shows it: the strings under one of `sentenceKeys` are main's sentences
 * (cut out whole), every word of the other strings is data.
 */
export function saidAndWords(value: unknown, sentenceKeys: readonly string[] = ['note', 'notes', 'reason']) {
  const said: string[] = [];
  const words = new Set<string>();
  const walk = (v: unknown, isSaid: boolean): void => {
    if (typeof v === 'string') {
      if (isSaid) said.push(v);
      else wordsOf(v, words);
    } else if (v && typeof v === 'object')
      for (const [key, inner] of Object.entries(v)) walk(inner, isSaid || sentenceKeys.includes(key));
  };
  walk(value, false);
  return { said, words };
}

/** The user-facing attributes' values in the document, white space squeezed. */
export function attributeTexts(): string[] {
  return [...document.body.querySelectorAll('*')]
    .flatMap((element) => USER_FACING.map((name) => squeeze(element.getAttribute(name) ?? '')))
    .filter(Boolean);
}

/** Each text node and user-facing attribute in the document, white space squeezed. */
export function pageTexts(): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(squeeze(node.textContent!));
  return [...texts.filter(Boolean), ...attributeTexts()];
}

/** What is not the page's own: main's sentences and data strings (cut out whole), and single data words. */
export interface NotThePages {
  said?: readonly string[];
  words?: ReadonlySet<string>;
}

/**
 * The titles of steps newer than the catalogue (a step folder just added says steps.ts's English title until it is
 * converted, CONTRIBUTING.md): a neighbour's "Next: …" shows it, and it is not that page's English.
 */
const NEWER_STEP_TITLES: readonly string[] = STEPS.filter((s) => !Object.hasOwn(en.wizard.steps, s.id)).map(
  (s) => s.title,
);

/**
 * The checker of one page's pseudo test. `intl`: Intl's dates (intlDates); `notConvertedYet`: English other files
 * still say, by file. Both are named: taken out where they stand, and remembered when seen.
 */
export function pseudoChecker(
  named: { intl?: readonly string[]; notConvertedYet?: Readonly<Record<string, readonly string[]>> } = {},
) {
  const allowed = [
    ...new Set([...(named.intl ?? []), ...Object.values(named.notConvertedYet ?? {}).flat()].map(squeeze)),
  ];
  const seen = new Set<string>();

  /** Each text on the page with an English word in it that is not main's, data, or named. */
  function englishOnPage({ said = [], words = new Set() }: NotThePages = {}): string[] {
    // Longest first, so a sentence is cut before a word of it; pieces of two letters or fewer say no word.
    const cuts = [...new Set([...allowed, ...said.map(squeeze), ...NEWER_STEP_TITLES])]
      .filter((piece) => piece.length > 2)
      .sort((a, b) => b.length - a.length)
      .map((piece) => ({ piece, pattern: asWords(piece) }));
    const isEnglish = (text: string): boolean => {
      let rest = text;
      for (const { piece, pattern } of cuts) {
        const after = rest.replace(pattern, ' ');
        if (after !== rest && allowed.includes(piece)) seen.add(piece);
        rest = after;
      }
      // Brackets too: the pseudo locale's marks, which glue a message's words to a value put inside it.
      return rest
        .split(/[\s[\]]+/)
        .map(bare)
        .some((word) => /[A-Za-z]{2,}/.test(word) && !words.has(word));
    };
    return pageTexts().filter(isEnglish);
  }

  return {
    englishOnPage,
    /** The page says no English but main's, the data's and what is named. */
    expectOnlyKnownEnglish(known: NotThePages = {}): void {
      expect(englishOnPage(known)).toEqual([]);
    },
    /** What was named and no test saw (a file converted since must leave the list). */
    unseen: (): string[] => allowed.filter((piece) => !seen.has(piece)),
  };
}
