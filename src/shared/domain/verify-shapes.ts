// The Verify step's shapes (the contract's, the record's, the page's): each check's finding and the outcome. No English
// sentence is made here — the rules that fill them and their words are verify.ts (main's side; it re-exports every name
// here), so the pages load this file without the catalogue. Pure.
import { z } from 'zod';
import { saidSchema, type SaidWords } from '../i18n/said';

export const VERIFY_CHECKS = ['address', 'ports', 'upnp', 'public', 'ddns', 'outside'] as const;
export type VerifyCheckId = (typeof VERIFY_CHECKS)[number];

const words = (max: number) => z.string().max(max);

export const verifyChangeSchema = z.object({
  what: words(200),
  from: words(200),
  to: words(200),
  /**
   * The same words by the catalogue's key (said.ts), each where main said it by key (an address or a MAC is data,
   * as it is): the page and the CLI say them in the user's language.
   */
  said: z.object({ what: saidSchema.optional(), from: saidSchema.optional(), to: saidSchema.optional() }).optional(),
});
export type VerifyChange = z.infer<typeof verifyChangeSchema>;

export const verifyCheckSchema = z.object({
  check: z.enum(VERIFY_CHECKS),
  title: words(80),
  /** The title by the catalogue's key. */
  titleSaid: saidSchema.optional(),
  state: z.enum(['ok', 'drift', 'not-checked']),
  /** What was found, in plain words. */
  text: words(600),
  /** `text` by the catalogue's key (absent where the words are another step's, not said by key yet). */
  said: saidSchema.optional(),
  /** Drift: what changed, from what to what. */
  changes: z.array(verifyChangeSchema).max(16),
  /** Drift: what to do. */
  todo: words(600).nullable(),
  /** `todo` by the catalogue's key. */
  todoSaid: saidSchema.optional(),
  /** Not checked: nothing saved to compare with (nothing is wrong), or the measurement failed (nothing proven). */
  why: z.enum(['nothing-saved', 'unmeasured']).nullable(),
  /** No drift, but this many things are still not as they should be (ports from outside, as when proven). */
  standing: z.number().int().min(0).max(64).optional(),
});
export type VerifyCheck = z.infer<typeof verifyCheckSchema>;

/** no-drift: every check that could run found what was saved; drift: one changed; unproven: one could not measure. */
export const VERIFY_OUTCOMES = ['no-drift', 'drift', 'unproven'] as const;
export type VerifyOutcome = (typeof VERIFY_OUTCOMES)[number];

export const verifyResultSchema = z.object({
  at: z.string().max(40),
  outcome: z.enum(VERIFY_OUTCOMES),
  checks: z.array(verifyCheckSchema).max(VERIFY_CHECKS.length),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;

/** The exit code of `nvr-assist verify`: 0 no drift, 3 drift, 1 could not check. */
export const VERIFY_EXIT: Readonly<Record<VerifyOutcome, number>> = { 'no-drift': 0, drift: 3, unproven: 1 };

/** One TCP connect to a port: it answered, refused, or said nothing in time. */
export type KnockState = 'open' | 'closed' | 'filtered';

/**
 * A fresh measurement: its value, why it failed (in English, or said by key: words without values of their own, to
 * fill the check's sentence), or null when it was not made (nothing saved, or cancelled).
 */
export type Fresh<T> = { ok: true; value: T } | { ok: false; error: string | SaidWords } | null;
