// The Security step's password change: the ONVIF user's password changed on the NVR itself (ONVIF SetUser), verified
// by a new login with the new password, and put back when that login fails. What is kept and shown: the outcome, in
// plain words, with the user's name and whether each login worked — never a password. Pure.
import { z } from 'zod';

/** The most characters the app sends as a device password (ONVIF devices commonly take at most 64). */
export const DEVICE_PASSWORD_MAX = 64;

export const PASSWORD_CHANGE_OUTCOMES = [
  /** Changed, and a new login with the new password worked. */
  'verified',
  /** The device refused the change (`fault` says why); the old password still works (a login proved it). */
  'refused',
  /** The device took the change but the new login failed; the old password is back (a login proved it). */
  'put-back',
  /** The new login failed and the put-back could not be proven by a login with the old password. */
  'put-back-failed',
  /** The device locked the login on the way: the app stopped sending passwords. */
  'locked',
  /** A change the app did not live to finish (found at the next start): which password works is not known. */
  'unfinished',
] as const;
export type PasswordChangeOutcome = (typeof PASSWORD_CHANGE_OUTCOMES)[number];

export const passwordChangeResultSchema = z.object({
  deviceId: z.string().max(300),
  /** The ONVIF user whose password was changed. */
  user: z.string().max(64),
  outcome: z.enum(PASSWORD_CHANGE_OUTCOMES),
  /** Which password the NVR takes now, as far as a login proved it: the new one, the old one, or not known. */
  works: z.enum(['new', 'old', 'unknown']),
  /** The put-back, when there was one: whether a login with the old password proved it (null: no put-back). */
  putBackVerified: z.boolean().nullable(),
  /** The device's refusal in plain words (null: none). */
  fault: z.string().max(300).nullable(),
  /** The verdict and what to do, in plain words, most important first. */
  words: z.array(z.string().max(500)).min(1).max(6),
  /** The new password is what the app now logs in with (kept as device logins are kept). */
  remembered: z.boolean(),
  at: z.string().max(40),
});
export type PasswordChangeResult = z.infer<typeof passwordChangeResultSchema>;

/** Saved before SetUser is sent: a crash between the send and the verification is found out at the next start. */
export const passwordChangePendingSchema = z.object({
  deviceId: z.string().max(300),
  user: z.string().max(64),
  startedAt: z.string().max(40),
});
export type PasswordChangePending = z.infer<typeof passwordChangePendingSchema>;

export const passwordChangeRecordSchema = z.object({
  last: passwordChangeResultSchema.nullable().default(null),
  pending: passwordChangePendingSchema.nullable().default(null),
});

/**
 * What is wrong with a new password before anything is sent (empty: nothing). The strength rule is judged apart
 * (security-password.ts); these are what a device cannot take at all.
 */
export function newPasswordProblems(next: string, current: string | null): string[] {
  const problems: string[] = [];
  if ([...next].length > DEVICE_PASSWORD_MAX)
    problems.push(`The new password is longer than ${DEVICE_PASSWORD_MAX} characters: NVRs do not take it.`);
  // Control characters cannot travel in XML 1.0 (ONVIF's SOAP), and a device could not be logged in to with them.
  if (/\p{Cc}/u.test(next)) problems.push('The new password holds a control character (a line break, a tab…).');
  if (next === current) problems.push('The new password is the same as the current one.');
  return problems;
}

/** A SetUser refusal in plain words, from the ONVIF Core faults (its codes are not the user's). */
export function setUserFaultWords(fault: { code: string; subcodes: readonly string[] }): string {
  const codes = [fault.code, ...fault.subcodes].join(' ');
  if (/PasswordTooLong/i.test(codes)) return 'the NVR says the password is too long';
  if (/PasswordTooWeak/i.test(codes)) return 'the NVR says the password is too weak for its own rules';
  if (/UsernameMissing/i.test(codes)) return 'the NVR does not know that user';
  if (/FixedUser/i.test(codes)) return 'the NVR does not let that user be changed';
  if (/AnonymousNotAllowed/i.test(codes)) return 'the NVR refused the user level';
  if (/NotAuthorized/i.test(codes)) return 'this login may not change passwords (it needs an Administrator)';
  if (/ActionNotSupported|NotSupported/i.test(codes)) return 'the NVR does not let passwords be changed over ONVIF';
  return 'the NVR refused it without a reason the app knows';
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

const WEB_PAGE = 'Open the NVR’s web page and set the password there.';

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
      words: [
        `Done, and checked: the NVR’s password for “${f.user}” is changed, and a new login with the new password worked.`,
        f.remembered
          ? 'The app logs in with the new password from now on (kept as your NVR login is kept).'
          : 'The app uses the new password from now on; it keeps no password on disk here, so give the new one the next time you log in.',
        'Change it too wherever else it is saved: the maker’s phone app, recorders, players.',
      ],
    };
  if (r.outcome === 'restored' && r.refused)
    return {
      ...base,
      outcome: 'refused',
      works: 'old',
      putBackVerified: true,
      remembered: false,
      words: [
        `Not changed: ${f.fault ?? 'the NVR refused the new password'}.`,
        `The old password still works: a login with it was checked. ${WEB_PAGE}`,
      ],
    };
  if (r.outcome === 'restored')
    return {
      ...base,
      outcome: 'put-back',
      works: 'old',
      putBackVerified: true,
      remembered: false,
      words: [
        `Not changed: ${r.failure}`,
        'The app put the old password back, and a login with the old password worked: nothing is changed on the NVR.',
        WEB_PAGE,
      ],
    };
  if (r.outcome === 'failed')
    return {
      ...base,
      outcome: 'put-back-failed',
      works: 'unknown',
      putBackVerified: false,
      remembered: false,
      words: [
        `Not changed as planned: ${r.failure}`,
        `The app tried to put the old password back, but could not prove it by a login with the old password: ${r.back}.`,
        'Try the old password first, then the new one, in the NVR’s web page (one try each: NVRs lock after a few wrong ones).',
      ],
    };
  return {
    ...base,
    outcome: 'locked',
    works: 'unknown',
    putBackVerified: r.when === 'put-back' ? false : null,
    remembered: false,
    words: [
      'Stopped: the NVR locked the login (too many wrong passwords), so the app sent no more passwords.',
      r.changed
        ? 'The NVR may already have the new password. Wait until it unlocks (often 30 minutes), then log in with the new password first, else the old one.'
        : 'The password was not changed. Wait until the NVR unlocks (often 30 minutes), then try again.',
    ],
  };
}

/** The verdict for a change found unfinished at the next start (the app stopped between the send and the check). */
export function unfinishedPasswordChange(p: PasswordChangePending, at: string): PasswordChangeResult {
  const started = Number.isNaN(Date.parse(p.startedAt))
    ? ''
    : ` on ${p.startedAt.slice(0, 10)} at ${p.startedAt.slice(11, 16)} UTC`;
  return {
    deviceId: p.deviceId,
    user: p.user,
    outcome: 'unfinished',
    works: 'unknown',
    putBackVerified: null,
    fault: null,
    remembered: false,
    at,
    words: [
      `A password change for “${p.user}” started${started} did not finish (the app stopped while it ran).`,
      'The NVR has either the old or the new password: log in with the new one first, else the old one (one try each).',
    ],
  };
}
