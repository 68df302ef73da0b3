// The English left on a page rendered in the pseudo locale (en-XA), for the steps' pseudo tests (network-, static-ip-,
// upnp-pseudo.test.ts; find-pseudo.test.ts has its own copy of the same rule). Every word a converted file says
// comes out accented there, so an English word on the page is one of: a sentence main said (named by the test), a
// word of the data (what this computer, the router or a device said about itself), or text from a file not converted
// yet (named by the test, by file, as whole texts or as pieces of one: a time inside a sentence). Anything else fails;
// a text named as not converted yet and no longer seen fails too, so the lists only shrink.
import { expect } from 'vitest';

export interface PseudoPageOptions {
  /**
   * Whole sentences from main (reasons, findings, notes, messages), taken out of a text before its words are looked
   * at: those given here, and every string under one of `sentenceKeys` in `data`.
   */
  mainSays?: () => readonly string[];
  /** Still English on the page, by the file that says it (none of them the step's own). */
  notConvertedYet: Readonly<Record<string, readonly string[]>>;
  /** The data on show: every word of its strings may appear, but for the sentences under `sentenceKeys` (main's). */
  data: () => unknown;
  /** The keys whose strings are main's sentences (default: note, notes, reason). */
  sentenceKeys?: readonly string[];
}

const bare = (word: string) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** Each text node and user-facing attribute in the document. */
function textsOnPage(): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.replace(/\s+/g, ' ').trim();
    if (text) found.push(text);
  }
  for (const element of document.body.querySelectorAll('*'))
    for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
      const value = element.getAttribute(name);
      if (value) found.push(value.replace(/\s+/g, ' ').trim());
    }
  return found;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` without each of `pieces` where it stands as words of its own (not inside a longer word). */
function without(text: string, pieces: readonly string[]): string {
  let rest = text;
  for (const piece of [...pieces].sort((a, b) => b.length - a.length))
    rest = rest.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(piece)}(?![\\p{L}\\p{N}])`, 'gu'), ' ');
  return rest;
}

export function pseudoPage(options: PseudoPageOptions) {
  const sentenceKeys = new Set(options.sentenceKeys ?? ['note', 'notes', 'reason']);
  const allowed = [...new Set(Object.values(options.notConvertedYet).flat())];
  const seen = new Set<string>();

  /** The words of the data, and main's sentences in it (every string under a sentence key). */
  function readData(): { words: Set<string>; sentences: string[] } {
    const words = new Set<string>();
    const sentences: string[] = [];
    const walk = (value: unknown, said: boolean): void => {
      if (typeof value === 'string') {
        if (said) sentences.push(value);
        else value.split(/\s+/).forEach((w) => words.add(bare(w)));
      } else if (value && typeof value === 'object')
        for (const [key, v] of Object.entries(value)) walk(v, said || sentenceKeys.has(key));
    };
    walk(options.data(), false);
    return { words, sentences };
  }

  /** Each text on the page with an English word in it that is not data, main's, or named as not converted yet. */
  function englishOnPage(): string[] {
    const { words: data, sentences } = readData();
    const said = [...(options.mainSays?.() ?? []), ...sentences];
    const texts = textsOnPage().map((text) => without(text, said));
    for (const piece of allowed) if (texts.some((text) => without(text, [piece]) !== text)) seen.add(piece);
    const isEnglish = (text: string): boolean =>
      without(text, allowed)
        .split(/\s+/)
        .map(bare)
        .some((word) => /[A-Za-z]{2,}/.test(word) && !data.has(word));
    return texts.filter(isEnglish);
  }

  return {
    englishOnPage,
    /** The page in pseudo: no English but data, main's and what is named as not converted yet (remembered as seen). */
    expectOnlyKnownEnglish(): void {
      expect(englishOnPage()).toEqual([]);
    },
    /** What was named as not converted yet and never seen (a file converted since must leave the list). */
    unseen: (): string[] => allowed.filter((text) => !seen.has(text)),
  };
}
