// The Security step's password change: the ONVIF user's password changed on the NVR itself (ONVIF SetUser), verified
// by a new login with the new password, and put back when that login fails. What is kept and shown: the outcome, in
// plain words, with the user's name and whether each login worked — never a password. Pure. The verdict's lines are
// said by key (`security.said.passwordChange.…`) beside main's English sentence; why a login failed (the change's own
// words, from the service and the change engine) stays as it came, inside them. Why a new password cannot be sent
// (newPasswordProblems) fills the refusal's sentence (an AppFailure's), said by key too. The shapes: security-password-change-shapes.ts.
import { english } from '../i18n/english';
import { said, saidWords, type Said, type SaidWords } from '../i18n/said';
import {
  DEVICE_PASSWORD_MAX,
  type PasswordChangePending,
  type PasswordChangeResult,
} from './security-password-change-shapes';

export * from './security-password-change-shapes';

/**
 * What is wrong with a new password before anything is sent (empty: nothing). The strength rule is judged apart
 * (security-password.ts); these are what a device cannot take at all.
 */
export function newPasswordProblems(next: string, current: string | null): string[] {
  return newPasswordProblemWords(next, current).map((p) => p.text);
}

/** The same problems, each said by key beside its English sentence (they fill a refusal's `{parts}`). */
export function newPasswordProblemWords(next: string, current: string | null): Array<{ said: Said; text: string }> {
  const problems: Said[] = [];
  if ([...next].length > DEVICE_PASSWORD_MAX)
    problems.push(said('security.said.failures.tooLong', { max: String(DEVICE_PASSWORD_MAX) }));
  // Control characters cannot travel in XML 1.0 (ONVIF's SOAP), and a device could not be logged in to with them.
  if (/\p{Cc}/u.test(next)) problems.push(said('security.said.failures.controlCharacter'));
  if (next === current) problems.push(said('security.said.failures.sameAsCurrent'));
  return problems.map((words) => ({ said: words, text: english(words) }));
}

/** The NVR's refusal of SetUser by its ONVIF fault codes (not the user's words), most telling first. */
const FAULTS = [
  ['tooLong', /PasswordTooLong/i],
  ['tooWeak', /PasswordTooWeak/i],
  ['noUser', /UsernameMissing/i],
  ['fixedUser', /FixedUser/i],
  ['level', /AnonymousNotAllowed/i],
  ['notAuthorized', /NotAuthorized/i],
  ['notSupported', /ActionNotSupported|NotSupported/i],
] as const;
type Fault = (typeof FAULTS)[number][0] | 'unknown';
const faultWords = (fault: Fault) => saidWords(`security.said.passwordChange.fault.${fault}`);

/** A SetUser refusal, said by key, from the ONVIF Core faults. */
export function setUserFaultSaid(fault: { code: string; subcodes: readonly string[] }): SaidWords {
  const codes = [fault.code, ...fault.subcodes].join(' ');
  return faultWords(FAULTS.find(([, pattern]) => pattern.test(codes))?.[0] ?? 'unknown');
}

/** A SetUser refusal in plain words (English: the result's `fault`). */
export function setUserFaultWords(fault: { code: string; subcodes: readonly string[] }): string {
  return english(setUserFaultSaid(fault));
}

/** The kept refusal by key where it is one of the faults' words (else as it came: the service's own words). */
function faultValue(fault: string): string | SaidWords {
  const known: Fault[] = [...FAULTS.map(([name]) => name), 'unknown'];
  return known.map(faultWords).find((w) => english(w) === fault) ?? fault;
}

/** What the change found, for the verdict (no password in it). */
export interface PasswordChangeFacts {
  deviceId: string;
  user: string;
  at: string;
  /** The engine's outcome, or `locked` when a login was refused as locked on the way. */
  ran:
    | { outcome: 'verified' }
    | { outcome: 'restored'; refused: boolean; failure: string }
    | { outcome: 'failed'; failure: string; back: string; reached: boolean }
    | { outcome: 'locked'; when: 'verify' | 'put-back' | 'send'; changed: boolean };
  /** The device's refusal in plain words (a SOAP fault to SetUser), if any. */
  fault: string | null;
  remembered: boolean;
}

/** The verdict's lines, with their English sentences (`words`) and their keys (`said`). */
function lines(...said: Said[]): Pick<PasswordChangeResult, 'words' | 'said'> {
  return { words: said.map(english), said: { words: said } };
}

/** The verdict in plain words: what the NVR takes now, and what to do. */
export function judgePasswordChange(f: PasswordChangeFacts): PasswordChangeResult {
  const base = { deviceId: f.deviceId, user: f.user, fault: f.fault, at: f.at };
  const r = f.ran;
  if (r.outcome === 'verified')
    return {
      ...base,
      outcome: 'verified',
      works: 'new',
      putBackVerified: null,
      remembered: f.remembered,
      ...lines(
        said('security.said.passwordChange.done', { user: f.user }),
        said(f.remembered ? 'security.said.passwordChange.remembered' : 'security.said.passwordChange.notRemembered'),
        said('security.said.passwordChange.elsewhere'),
      ),
    };
  if (r.outcome === 'restored' && r.refused)
    return {
      ...base,
      outcome: 'refused',
      works: 'old',
      putBackVerified: true,
      remembered: false,
      ...lines(
        said('security.said.passwordChange.notChanged', {
          fault: f.fault === null ? saidWords('security.said.passwordChange.refusedNew') : faultValue(f.fault),
        }),
        said('security.said.passwordChange.oldWorks'),
      ),
    };
  if (r.outcome === 'restored')
    return {
      ...base,
      outcome: 'put-back',
      works: 'old',
      putBackVerified: true,
      remembered: false,
      ...lines(
        said('security.said.passwordChange.notChangedBecause', { failure: r.failure }),
        said('security.said.passwordChange.putBack'),
        said('security.said.passwordChange.webPage'),
      ),
    };
  if (r.outcome === 'failed')
    return {
      ...base,
      outcome: 'put-back-failed',
      works: 'unknown',
      putBackVerified: false,
      remembered: false,
      ...lines(
        said('security.said.passwordChange.notAsPlanned', { failure: r.failure }),
        said('security.said.passwordChange.backNotProven', { back: r.back }),
        said('security.said.passwordChange.tryBoth'),
      ),
    };
  return {
    ...base,
    outcome: 'locked',
    works: 'unknown',
    putBackVerified: r.when === 'put-back' ? false : null,
    remembered: false,
    ...lines(
      said('security.said.passwordChange.locked'),
      said(r.changed ? 'security.said.passwordChange.lockedChanged' : 'security.said.passwordChange.lockedUnchanged'),
    ),
  };
}

/** The verdict for a change found unfinished at the next start (the app stopped between the send and the check). */
export function unfinishedPasswordChange(p: PasswordChangePending, at: string): PasswordChangeResult {
  const started = Number.isNaN(Date.parse(p.startedAt))
    ? said('security.said.passwordChange.unfinished', { user: p.user })
    : said('security.said.passwordChange.unfinishedAt', {
        user: p.user,
        day: p.startedAt.slice(0, 10),
        time: p.startedAt.slice(11, 16),
      });
  return {
    deviceId: p.deviceId,
    user: p.user,
    outcome: 'unfinished',
    works: 'unknown',
    putBackVerified: null,
    fault: null,
    remembered: false,
    at,
    ...lines(started, said('security.said.passwordChange.eitherOne')),
  };
}
