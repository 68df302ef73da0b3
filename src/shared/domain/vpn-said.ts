// main's words in the VPN step's results (findings, reasons, the check's lines): the English sentence, and beside it
// the catalogue's key and values (said.ts) for the page and the CLI to say them in the user's language. Main side
// only (it loads the whole catalogue through english.ts): the page's files import none of this.
import { english } from '../i18n/english';
import { saidSchema, type Said } from '../i18n/said';

/**
 * `{ text, said }` to spread into a result. A value longer than the boundary lets through (saidSchema: a long list of
 * ports or networks) leaves the key out: the words are then main's English sentence, as before.
 */
export function vpnSaid(words: Said): { text: string; said?: Said } {
  const text = english(words);
  return saidSchema.safeParse(words).success ? { text, said: words } : { text };
}

/** A refusal: main's English reason and its key (the reason crosses the contract as an error's English message). */
export function refused(words: Said): { ok: false; error: string; said: Said } {
  return { ok: false, error: english(words), said: words };
}
