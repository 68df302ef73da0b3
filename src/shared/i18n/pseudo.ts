// The second language: pseudo-localisation, made from the English catalogue (so it always has every key). Each
// message is accented letter by letter, made about a third longer and put in brackets, its `{placeholders}` and
// `code` kept as they are: a page in it shows any string that was never converted as plain English, a sentence
// built from pieces as several bracketed parts, and a layout that breaks with longer words.
import { en } from './en';
import type { Messages } from './types';

/** Every ASCII letter has an accented look-alike, so no English word survives (a test checks all 52). */
const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i) => [
    letter,
    [...'àƀçđéƒĝĥíĵķļḿñöƥʠŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÍĴĶĻḾÑÖƤɊŔŠŢÛṼŴẊÝŽ'][i]!,
  ]),
);
/** What makes a message longer: words in the same accented letters. */
const FILLER = 'ļöŕéḿ íƥšûḿ đöļöŕ šíţ àḿéţ çöñšéçţéţûŕ àđíƥíšçíñĝ éļíţ šéđ đö éíûšḿöđ ţéḿƥöŕ íñçíđíđûñţ';

/** Placeholders and `code` (a command to type) stay as they are. */
const KEPT = /(\{\w+\}|`[^`]*`)/;

export function pseudoLocalize(text: string): string {
  const pieces = text.split(KEPT);
  let words = 0;
  const accented = pieces
    .map((piece, i) => {
      if (i % 2 === 1) return piece;
      words += piece.length;
      return [...piece].map((ch) => ACCENTED[ch] ?? ch).join('');
    })
    .join('');
  const extra = Math.ceil(words * 0.3);
  const padding =
    extra > 0
      ? ` ${FILLER.repeat(Math.ceil(extra / FILLER.length))
          .slice(0, extra)
          .trimEnd()}`
      : '';
  return `[${accented}${padding}]`;
}

function localize<T>(node: T): T {
  if (typeof node === 'string') return pseudoLocalize(node) as T;
  return Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, localize(v)])) as T;
}

export const pseudo: Messages = localize<Messages>(en);
