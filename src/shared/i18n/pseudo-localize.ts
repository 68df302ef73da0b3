// Pseudo-localisation itself (see ./pseudo.ts): a message, or a whole group of messages, in the pseudo locale. Its
// own module, without the catalogue, so that the pages make the pseudo words of each group they load, and only those.

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

/** A catalogue or a group of it, every message pseudo-localised (a plural message form by form). */
export function localize<T>(node: T): T {
  if (typeof node === 'string') return pseudoLocalize(node) as T;
  return Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, localize(v)])) as T;
}
