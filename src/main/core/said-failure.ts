// A failure in main's own words, said by key: the English sentence (the failure's message: the JSON, the log, a front
// end whose catalogue lacks the key) and the key with its values (each front end's language), made from one source.
import { english } from '../../shared/i18n/english';
import { PARTS } from '../../shared/i18n/local-message';
import { saidSchema, type Said } from '../../shared/i18n/said';
import type { MessageKey } from '../../shared/i18n/types';
import { AppFailure, type ErrorCode, type FailurePart } from '../../shared/ipc/errors';

/**
 * The words by key where they fit the boundary (saidSchema): a value longer than it lets through (a long path, a long
 * list) leaves the key out, and the words are then main's English sentence, as before.
 */
function crossing(words: Said | undefined): Said | undefined {
  return words && saidSchema.safeParse(words).success ? words : undefined;
}

export function saidFailure(code: ErrorCode, words: Said): AppFailure {
  return new AppFailure(code, english(words), crossing(words));
}

/** A failure whose English sentence was made elsewhere from `words` (a check's `{ error, said }`), said by key too. */
export function withSaid(code: ErrorCode, message: string, words: Said | undefined): AppFailure {
  return new AppFailure(code, message, crossing(words));
}

/**
 * A refusal that lists its problems: `key`'s sentence with the problems in its `{parts}` (in English: their texts, one
 * after the other; on a page or in the CLI: each said in the user's language, see shared/i18n/local-message.ts).
 */
export function refusalWithParts(code: ErrorCode, key: MessageKey, parts: readonly FailurePart[]): AppFailure {
  const kept = parts.slice(0, 16);
  // The problems go in whole (a value said by key is cut at 300 characters; the English sentence never is).
  const message = english({ key, params: { parts: PARTS } }).replace(PARTS, kept.map((p) => p.text).join(' '));
  // What crosses is bounded (result.ts): a part that does not fit leaves the key out, and main's English is said.
  const fits = kept.every((p) => p.text.length <= 600 && (p.said === undefined || crossing(p.said) !== undefined));
  return fits ? new AppFailure(code, message, { key }, kept) : new AppFailure(code, message);
}
