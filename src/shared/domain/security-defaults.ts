// The default-password check's rules: which vendor defaults may be tried on the chosen NVR now, and the verdict from
// the device's answers. The policy is ../shared/reference/INTERNET-SECURITY.md §4.2's: at most ONE attempt per
// candidate default and at most 2 attempts per device per 30 minutes in total; stop at the first failure unless the
// user confirms; stop at the first sign of a lockout. Known lockouts start at 3 to 7 failures (§4.2), so 2 stay
// below every threshold the reference lists — counted as the times the password was SENT (a login that answers a
// digest challenge sends it twice, and a device may count both), so a run never gives a device more than 2. An attempt is kept by its candidate's name, never its password. Pure.
import { z } from 'zod';
import { brandFromText } from '../catalog/oui';
import { DEFAULT_CREDENTIALS, type DefaultCredential } from '../catalog/default-credentials';

/** The policy's window and the attempts allowed in it, per device. */
export const DEFAULT_WINDOW_MS = 30 * 60_000;
export const MAX_DEFAULT_ATTEMPTS = 2;

/**
 * What one login with a default said: accepted (the login worked), refused (wrong user or password), locked (the
 * device said the account or address is locked), no-answer (it could not be reached), unusable (an answer that says
 * nothing about the password: the clock, an unsupported login method, not ONVIF).
 */
export const DEFAULT_OUTCOMES = ['accepted', 'refused', 'locked', 'no-answer', 'unusable'] as const;
export type DefaultOutcome = (typeof DEFAULT_OUTCOMES)[number];

export const defaultAttemptSchema = z.object({
  deviceId: z.string().max(300),
  /** The candidate's id in the table (never its password). */
  candidate: z.string().max(40),
  at: z.string().max(40),
  outcome: z.enum(DEFAULT_OUTCOMES),
  /**
   * How many requests carried the password (absent: 1). The app's login sends it once, and once more when the device
   * answers with a digest challenge; a device may count both, so the budget counts these, not logins.
   */
  sends: z.number().int().min(0).max(2).optional(),
});
export type DefaultAttempt = z.infer<typeof defaultAttemptSchema>;

export const defaultCheckSchema = z.object({
  deviceId: z.string().max(300).nullable(),
  checkedAt: z.string().max(40),
  brand: z.string().max(80).nullable(),
  /** accepted: a default still works (critical); refused: each one tried was refused; not-tried: see `reason`. */
  verdict: z.enum(['accepted', 'refused', 'not-tried']),
  /** The accepted candidate's words ("user admin with the factory password of …"), when one was. */
  accepted: z.string().max(200).nullable(),
  /** What it means, in plain words. */
  reason: z.string().max(600),
  /** What to do. */
  fix: z.string().max(600),
  /** This run's attempts, in order. */
  tried: z.array(defaultAttemptSchema).max(MAX_DEFAULT_ATTEMPTS),
  /** Known defaults for the brand not tried in this run. */
  untried: z.number().int().min(0).max(16),
  /** When the next attempt is allowed (the window's end), when the budget is spent; else null. */
  nextAt: z.string().max(40).nullable(),
  source: z.string().max(300).nullable(),
});
export type DefaultCheck = z.infer<typeof defaultCheckSchema>;

/** What the record keeps: the last check, and the attempts of the last window (for the budget across runs). */
export const defaultsRecordSchema = z.object({
  last: defaultCheckSchema.nullable().default(null),
  attempts: z.array(defaultAttemptSchema).max(16).default([]),
});
export type DefaultsRecord = z.infer<typeof defaultsRecordSchema>;

/** The defaults known for a brand as the device or the search named it ('XIONGMAI', 'Dahua', …), in order. */
export function defaultCandidates(brand: string | null): DefaultCredential[] {
  if (!brand) return [];
  const name = brandFromText(brand) ?? brand.trim();
  return DEFAULT_CREDENTIALS.filter((c) => c.brand.toLowerCase() === name.toLowerCase());
}

/** A candidate in words, without its password. */
export function describeCandidate(c: DefaultCredential): string {
  return `user "${c.user}" with ${c.password ? 'the factory password' : 'a blank password'}, the default of ${c.era}`;
}

export interface DefaultPlanInput {
  device: { id: string; brand: string | null; activated: boolean | null } | null;
  /** The attempts kept in the record (any device, any time). */
  attempts: readonly DefaultAttempt[];
  now: Date;
  /** The user confirmed going on after a refusal (the policy's "unless the user confirms"). */
  tryNext: boolean;
}

export type DefaultPlan =
  /** `budget`: how many more times the password may be sent in this window (the run stops when it is spent). */
  | { kind: 'try'; candidates: DefaultCredential[]; untried: number; budget: number }
  | { kind: 'not-tried'; reason: string; fix: string; nextAt: string | null };

/** How many times the attempts sent a password (an attempt kept without the count: once). */
export function sendsOf(attempts: readonly DefaultAttempt[]): number {
  return attempts.reduce((n, a) => n + (a.sends ?? 1), 0);
}

/** This device's attempts inside the window that ends now. */
export function recentAttempts(attempts: readonly DefaultAttempt[], deviceId: string, now: Date): DefaultAttempt[] {
  const since = now.getTime() - DEFAULT_WINDOW_MS;
  return attempts.filter((a) => a.deviceId === deviceId && Date.parse(a.at) > since);
}

const clock = (iso: string) => `${iso.slice(11, 16)} UTC`;

/** Which defaults may be tried now, or why none. */
export function planDefaultCheck(input: DefaultPlanInput): DefaultPlan {
  const none = (reason: string, fix: string, nextAt: string | null = null): DefaultPlan => ({
    kind: 'not-tried',
    reason,
    fix,
    nextAt,
  });
  const { device } = input;
  if (!device) return none('No NVR is chosen: the check only runs on your own NVR.', 'Choose your NVR in “Find”.');
  if (device.activated === false)
    return none(
      'The NVR says it is not activated yet: it has no password at all, so there is no default to try.',
      'Activate it with a strong password of your own (its setup page or the vendor’s tool), then check again.',
    );
  const candidates = defaultCandidates(device.brand);
  if (!candidates.length)
    return none(
      device.brand
        ? `No factory default password is known for ${device.brand} (current firmware of most brands makes you set one at first use): nothing was tried.`
        : 'The NVR’s brand is not known, so no default can be chosen: nothing was tried.',
      device.brand
        ? 'Make sure the password is your own and strong (the password check above).'
        : 'Log in to the NVR once (Ports or Static IP) so the app reads its brand, then check again.',
    );
  const recent = recentAttempts(input.attempts, device.id, input.now);
  const oldest = recent.reduce<string | null>((min, a) => (min === null || a.at < min ? a.at : min), null);
  const windowEnd = oldest ? new Date(Date.parse(oldest) + DEFAULT_WINDOW_MS).toISOString() : null;
  const locked = recent.find((a) => a.outcome === 'locked');
  if (locked)
    return none(
      `The NVR said at ${clock(locked.at)} that the login is locked: no more attempts, so it is not locked for longer.`,
      'Wait until the lock ends (often 30 minutes), then log in with your own password to make sure it works.',
      windowEnd,
    );
  const sent = sendsOf(recent);
  if (sent >= MAX_DEFAULT_ATTEMPTS)
    return none(
      `The NVR was sent a default password ${sent} times in the last 30 minutes: the most the assistant sends, so that no lockout can result.`,
      `Check again after ${clock(windowEnd!)}.`,
      windowEnd,
    );
  const left = candidates.filter((c) => !recent.some((a) => a.candidate === c.id));
  if (!left.length)
    return none(
      'Each known default for this brand was tried in the last 30 minutes: one attempt each is the most.',
      `Check again after ${clock(windowEnd!)}.`,
      windowEnd,
    );
  if (recent.some((a) => a.outcome === 'refused') && !input.tryNext)
    return none(
      'A default was refused in the last 30 minutes. The assistant stops after a refusal unless you confirm trying the next one.',
      'Confirm “try the next default too” to make one more attempt (at most 2 in 30 minutes).',
      null,
    );
  const budget = MAX_DEFAULT_ATTEMPTS - sent;
  const chosen = left.slice(0, budget);
  return { kind: 'try', candidates: chosen, untried: candidates.length - chosen.length, budget };
}
