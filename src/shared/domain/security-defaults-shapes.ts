// The default-password check's shapes: the policy's numbers, an attempt, the check as kept and shown, and what the
// record keeps (the rules: security-defaults.ts, security-defaults-verdict.ts). Without words of its own: the
// contract and the pages load it.
import { z } from 'zod';
import { saidSchema } from '../i18n/said';

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
  /** The reason and the fix by the catalogue's key, for the page and the CLI to say in the user's language. */
  said: z.object({ reason: saidSchema.optional(), fix: saidSchema.optional() }).optional(),
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
