// The error catalogue: every failure that crosses a boundary has one of these codes and a plain-language
// message. Exception text, file paths and credentials never cross. The words are the English catalogue's
// `errors` group (src/shared/i18n/en/errors.ts), where every language's are kept.
import { errors } from '../i18n/en/errors';
import type { Said } from '../i18n/said';

/** One problem a refusal lists (its `{parts}`): main's English words, and the same by key where main said them so. */
export interface FailurePart {
  said?: Said;
  text: string;
}

export const ERROR_MESSAGES = errors;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as [ErrorCode, ...ErrorCode[]];

/**
 * A failure our own code raises on purpose. `message` may replace the catalogue text only with words our
 * code composed (never an exception's text or a value the user typed that may be secret); `said`, the same words
 * by the catalogue's key and values, lets each front end say them in its user's language (main's side makes both
 * with `saidFailure`, src/main/core/said-failure.ts).
 */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly said: Said | undefined;
  readonly parts: readonly FailurePart[] | undefined;
  constructor(code: ErrorCode, message?: string, said?: Said, parts?: readonly FailurePart[]) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppFailure';
    this.code = code;
    this.said = said;
    this.parts = parts;
  }
}

export function isAppFailure(value: unknown): value is AppFailure {
  return value instanceof AppFailure;
}
