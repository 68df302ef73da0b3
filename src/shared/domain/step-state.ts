import { z } from 'zod';
import { saidSchema, type Said } from '../i18n/said';

export const STEP_STATUSES = ['not-started', 'working', 'verified', 'attention', 'skipped'] as const;
export const stepStatusSchema = z.enum(STEP_STATUSES);
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const stepStateSchema = z.object({
  status: stepStatusSchema,
  updatedAt: z.string(),
  /** Plain-words reason, for `attention` and `skipped`. */
  reason: z.string().max(500).optional(),
  /** The same words by the catalogue's key (said.ts): the page says them in the user's language. */
  reasonSaid: saidSchema.optional(),
});
export type StepState = z.infer<typeof stepStateSchema>;

/** A reason: main's English sentence as it is, or with the same words by key beside it (a finding's, a note's). */
export type StepReason = string | { readonly text: string; readonly said?: Said | undefined };

/** A step's state with its reason in plain words, cut to the 500 characters the record keeps. */
export function stepState(status: StepStatus, updatedAt: string, reason: StepReason): StepState {
  const { text, said } = typeof reason === 'string' ? { text: reason, said: undefined } : reason;
  // Words too long to cross by key (a value past the shape's bounds) leave main's English alone: the record stays valid.
  const keep = said !== undefined && saidSchema.safeParse(said).success;
  return { status, updatedAt, reason: text.slice(0, 500), ...(keep ? { reasonSaid: said } : {}) };
}

/**
 * A plan's step state: attention with the words of the first note that is a problem, working with `working` as the
 * reason while there is none.
 */
export function planStepState(
  notes: readonly { severity: string; text: string; said?: Said | undefined }[],
  updatedAt: string,
  working: StepReason,
): StepState {
  const problem = notes.find((n) => n.severity === 'problem');
  return problem ? stepState('attention', updatedAt, problem) : stepState('working', updatedAt, working);
}
