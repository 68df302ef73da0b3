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
import { AppFailure, ERROR_MESSAGES, type ErrorCode } from '../../../shared/ipc/errors';

/** One problem a rule found with a change, in plain words naming what and why. */
export interface ChangeProblem {
  severity: 'error' | 'warning';
  message: string;
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
 * Lets a change through only when no rule found an error and every warning was confirmed; throws the catalogued
 * refusal otherwise (its message names each problem). Returns the warnings the user confirmed, to be recorded with
 * the change.
 */
export function gateChange<P extends ChangeProblem>(
  check: ChangeCheck<P>,
  confirmWarnings: boolean,
  codes: GateCodes,
): P[] {
  if (check.errors.length > 0) throw new AppFailure(codes.refused, compose(codes.refused, check.errors));
  if (check.warnings.length > 0 && !confirmWarnings)
    throw new AppFailure(codes.unconfirmed, compose(codes.unconfirmed, check.warnings));
  return [...check.warnings];
}
