// The gate every device change passes before anything is sent.
//
// The principle: main never sends a change it would not have proposed without telling the user why and getting
// their yes. Whoever asks (the page, the CLI, a script on the browser-mode wire), the change is checked with the
// same rules, in the same plain words, as the plan the app proposes:
//   - an error (the change cannot work, or would break something: a port in use, one port for two services, a
//     value out of range, one the device cannot take) refuses the change — nothing is sent;
//   - a warning (it works, but the app would not have proposed it) needs the user's explicit yes; without it
//     nothing is sent, and with it the warnings are recorded with the change.
// Nothing here knows about ports: the Ports step checks with the plan's rules (port-plan.ts `checkPortChanges`), and
// a later change (the device's address, its passwords) brings its own rules and error codes to the same gate.
import type { Said } from '../../../shared/i18n/said';
import type { MessageKey } from '../../../shared/i18n/types';
import { AppFailure, ERROR_MESSAGES, type ErrorCode } from '../../../shared/ipc/errors';
import { refusalWithParts } from '../../core/said-failure';

/** One problem a rule found with a change, in plain words naming what and why (and by key, where said so). */
export interface ChangeProblem {
  severity: 'error' | 'warning';
  message: string;
  said?: Said;
}

export interface ChangeCheck<P extends ChangeProblem> {
  errors: P[];
  warnings: P[];
}

/** Splits a rule set's problems into errors and warnings (order kept). */
export function checkChange<P extends ChangeProblem>(problems: readonly P[]): ChangeCheck<P> {
  return {
    errors: problems.filter((p) => p.severity === 'error'),
    warnings: problems.filter((p) => p.severity === 'warning'),
  };
}

export interface GateCodes {
  /** Raised when a rule found an error: the change is refused. */
  refused: ErrorCode;
  /** Raised when a rule found a warning the user has not confirmed. */
  unconfirmed: ErrorCode;
  /**
   * The same refusals said by key: each sentence with the problems in its `{parts}` (the catalogue's words around
   * them, as `compose` frames them in English), so the page and the CLI say them in the user's language.
   */
  said?: { refused: MessageKey; unconfirmed: MessageKey };
}

/** An error message may carry this much across (the dispatcher's limit is 2,000 characters). */
const MAX_MESSAGE = 1500;

function compose(code: ErrorCode, problems: readonly ChangeProblem[]): string {
  // The catalogue's words frame the rules' own (each names the value and the reason); both are our words.
  const [lead, ...rest] = ERROR_MESSAGES[code].split(/(?<=\.) /);
  const tail = rest.join(' ');
  const reasons = problems.map((p) => p.message).join(' ');
  const text = `${lead} ${reasons} ${tail}`.trim();
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

/**
 * The refusal: main's English as composed here, with its words by key where they say exactly that (a refusal cut to
 * fit, or one with more problems than cross, is said in English alone).
 */
function refusal(code: ErrorCode, key: MessageKey | undefined, problems: readonly ChangeProblem[]): AppFailure {
  const text = compose(code, problems);
  if (!key) return new AppFailure(code, text);
  const parts = problems.map((p) => ({ text: p.message, ...(p.said ? { said: p.said } : {}) }));
  const byKey = refusalWithParts(code, key, parts);
  return byKey.message === text ? new AppFailure(code, text, byKey.said, byKey.parts) : new AppFailure(code, text);
}

/**
 * Lets a change through only when no rule found an error and every warning was confirmed; throws the catalogued
 * refusal otherwise (its message names each problem). Returns the warnings the user confirmed, to be recorded with
 * the change.
 */
export function gateChange<P extends ChangeProblem>(
  check: ChangeCheck<P>,
  confirmWarnings: boolean,
  codes: GateCodes,
): P[] {
  if (check.errors.length > 0) throw refusal(codes.refused, codes.said?.refused, check.errors);
  if (check.warnings.length > 0 && !confirmWarnings)
    throw refusal(codes.unconfirmed, codes.said?.unconfirmed, check.warnings);
  return [...check.warnings];
}
