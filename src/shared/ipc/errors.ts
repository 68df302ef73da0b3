// The error catalogue: every failure that crosses a boundary has one of these codes and a plain-language
// message. Exception text, file paths and credentials never cross. The words are the English catalogue's
// `errors` group (src/shared/i18n/en/), where every language's are kept.
import { errors } from '../i18n/en/errors';

export const ERROR_MESSAGES = errors;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as [ErrorCode, ...ErrorCode[]];

/**
 * A failure our own code raises on purpose. `message` may replace the catalogue text only with words our
 * code composed (never an exception's text or a value the user typed that may be secret).
 */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppFailure';
    this.code = code;
  }
}

export function isAppFailure(value: unknown): value is AppFailure {
  return value instanceof AppFailure;
}
