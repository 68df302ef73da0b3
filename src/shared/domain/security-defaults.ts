// The default-password check's rules: which vendor defaults may be tried on the chosen NVR now, and the verdict from
// the device's answers. The policy is ../shared/reference/INTERNET-SECURITY.md §4.2's: at most ONE attempt per
// candidate default and at most 2 attempts per device per 30 minutes in total; stop at the first failure unless the
// user confirms; stop at the first sign of a lockout. Known lockouts start at 3 to 7 failures (§4.2), so 2 stay
// below every threshold the reference lists — counted as the times the password was SENT (a login that answers a
// digest challenge sends it twice, and a device may count both), so a run never gives a device more than 2. An attempt is kept by its candidate's name, never its password. Pure.
// Why nothing was tried, and what to do, are said by key (`security.said.defaults.…`) beside main's English sentence; the
// shapes are in security-defaults-shapes.ts (the contract's, without words).
import { brandFromText } from '../catalog/oui';
import { DEFAULT_CREDENTIALS, type DefaultCredential } from '../catalog/default-credentials';
import { english } from '../i18n/english';
import { said, type Said } from '../i18n/said';
import { DEFAULT_WINDOW_MS, MAX_DEFAULT_ATTEMPTS, type DefaultAttempt } from './security-defaults-shapes';

export * from './security-defaults-shapes';

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
  | { kind: 'not-tried'; reason: string; fix: string; nextAt: string | null; said: { reason: Said; fix: Said } };

/** How many times the attempts sent a password (an attempt kept without the count: once). */
export function sendsOf(attempts: readonly DefaultAttempt[]): number {
  return attempts.reduce((n, a) => n + (a.sends ?? 1), 0);
}

/** This device's attempts inside the window that ends now. */
export function recentAttempts(attempts: readonly DefaultAttempt[], deviceId: string, now: Date): DefaultAttempt[] {
  const since = now.getTime() - DEFAULT_WINDOW_MS;
  return attempts.filter((a) => a.deviceId === deviceId && Date.parse(a.at) > since);
}

/** The time of day of an ISO time (`01:10`; the sentences say "UTC" after it). */
const clock = (iso: string) => iso.slice(11, 16);

/** Which defaults may be tried now, or why none. */
export function planDefaultCheck(input: DefaultPlanInput): DefaultPlan {
  const none = (reason: Said, fix: Said, nextAt: string | null = null): DefaultPlan => ({
    kind: 'not-tried',
    reason: english(reason),
    fix: english(fix),
    nextAt,
    said: { reason, fix },
  });
  const { device } = input;
  if (!device) return none(said('security.said.defaults.noNvr'), said('security.said.defaults.chooseNvr'));
  if (device.activated === false)
    return none(said('security.said.defaults.notActivated'), said('security.said.defaults.activate'));
  const candidates = defaultCandidates(device.brand);
  if (!candidates.length)
    return device.brand
      ? none(
          said('security.said.defaults.noCandidates', { brand: device.brand }),
          said('security.said.defaults.ownAndStrong'),
        )
      : none(said('security.said.defaults.noBrand'), said('security.said.defaults.logInOnce'));
  const recent = recentAttempts(input.attempts, device.id, input.now);
  const oldest = recent.reduce<string | null>((min, a) => (min === null || a.at < min ? a.at : min), null);
  const windowEnd = oldest ? new Date(Date.parse(oldest) + DEFAULT_WINDOW_MS).toISOString() : null;
  const locked = recent.find((a) => a.outcome === 'locked');
  if (locked)
    return none(
      said('security.said.defaults.lockedAt', { time: clock(locked.at) }),
      said('security.said.defaults.waitLock'),
      windowEnd,
    );
  const sent = sendsOf(recent);
  if (sent >= MAX_DEFAULT_ATTEMPTS)
    return none(
      said('security.said.defaults.budgetSpent', { sent: String(sent) }),
      said('security.said.defaults.checkAfter', { time: clock(windowEnd!) }),
      windowEnd,
    );
  const left = candidates.filter((c) => !recent.some((a) => a.candidate === c.id));
  if (!left.length)
    return none(
      said('security.said.defaults.eachTried'),
      said('security.said.defaults.checkAfter', { time: clock(windowEnd!) }),
      windowEnd,
    );
  if (recent.some((a) => a.outcome === 'refused') && !input.tryNext)
    return none(said('security.said.defaults.refusedConfirm'), said('security.said.defaults.confirmNext'), null);
  const budget = MAX_DEFAULT_ATTEMPTS - sent;
  const chosen = left.slice(0, budget);
  return { kind: 'try', candidates: chosen, untried: candidates.length - chosen.length, budget };
}
