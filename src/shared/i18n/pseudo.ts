// The second language: pseudo-localisation, made from the English catalogue (so it always has every key). Each
// message is accented letter by letter, made about a third longer and put in brackets, its `{placeholders}` and
// `code` kept as they are: a page in it shows any string that was never converted as plain English, a sentence
// built from pieces as several bracketed parts, and a layout that breaks with longer words.
import { en } from './en';
import { localize } from './pseudo-localize';
import type { Messages } from './types';

export { pseudoLocalize } from './pseudo-localize';

let made: Messages | null = null;

/** The whole catalogue in the pseudo locale, made on first use (not at load: ~10 ms every CLI run would pay). */
export function pseudoMessages(): Messages {
  made ??= localize<Messages>(en);
  return made;
}
