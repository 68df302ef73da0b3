// The password change as it is kept and crosses to the page: the outcomes, the result and the pending record (the
// rules: security-password-change.ts). Without words of its own: the contract and the pages load it.
import { z } from 'zod';
import { saidSchema } from '../i18n/said';

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
  /** The same lines by the catalogue's key, one for each of `words`, for the page and the CLI to say in the user's language. */
  said: z.object({ words: z.array(saidSchema.nullable()).max(6) }).optional(),
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
