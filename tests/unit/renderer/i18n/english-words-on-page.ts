// What a page in the pseudo locale (en-XA) still says in English, for the steps' pseudo tests (rules-pseudo,
// internet-pseudo; find-pseudo has its own): each text node and user-facing attribute with an English word in it,
// once main's sentences (reasons, verdicts, rules, commands: `said`), data words (addresses, names: `data`) and the
// words of files not converted yet (named by file) are taken out. A file's words no longer seen fail the last test
// of the page, so the lists only shrink.
import { expect } from 'vitest';

const bare = (word: string) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** Every word of the strings in `value` (objects and arrays walked), as data: names, addresses, what main keeps. */
export function wordsOf(value: unknown, words = new Set<string>()): Set<string> {
  if (typeof value === 'string') value.split(/\s+/).forEach((w) => words.add(bare(w)));
  else if (value && typeof value === 'object') for (const v of Object.values(value)) wordsOf(v, words);
  return words;
}

/** The page's text nodes and user-facing attributes, whitespace made single spaces. */
function pageTexts(): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    texts.push(node.textContent!.replace(/\s+/g, ' ').trim());
  for (const element of document.body.querySelectorAll('*'))
    for (const name of ['title', 'aria-label', 'placeholder', 'alt', 'data-label']) {
      const value = element.getAttribute(name);
      if (value) texts.push(value.replace(/\s+/g, ' ').trim());
    }
  return texts.filter(Boolean);
}

/**
 * The check of one page. `notConverted`: the words still English on it, by the file that says them (a text node or
 * a piece of one). `expectOnlyKnownEnglish` fails on any other English word outside main's sentences and data;
 * `unseen` is what was named but never on the page (a file converted since: take it off the list).
 */
export function pseudoChecker(notConverted: Readonly<Record<string, readonly string[]>>) {
  const named = [...new Set(Object.values(notConverted).flat())];
  const seen = new Set<string>();
  return {
    expectOnlyKnownEnglish(said: readonly string[], data: ReadonlySet<string>): void {
      const known = [...named, ...said.map((words) => words.replace(/\s+/g, ' ').trim())]
        .filter(Boolean)
        .sort((a, b) => b.length - a.length);
      const english: string[] = [];
      for (const text of pageTexts()) {
        let rest = text;
        for (const words of known) {
          if (!rest.includes(words)) continue;
          if (named.includes(words)) seen.add(words);
          rest = rest.split(words).join(' ');
        }
        if (
          rest
            .split(/\s+/)
            .map(bare)
            .some((word) => /[A-Za-z]{2,}/.test(word) && !data.has(word))
        )
          english.push(text);
      }
      expect(english).toEqual([]);
    },
    unseen: (): string[] => named.filter((words) => !seen.has(words)),
  };
}
