import { z } from 'zod';

export const STEP_STATUSES = ['not-started', 'working', 'verified', 'attention', 'skipped'] as const;
export const stepStatusSchema = z.enum(STEP_STATUSES);
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const stepStateSchema = z.object({
  status: stepStatusSchema,
  updatedAt: z.string(),
  /** Plain-words reason, for `attention` and `skipped`. */
  reason: z.string().max(500).optional(),
});
export type StepState = z.infer<typeof stepStateSchema>;

/** A step's state with its reason in plain words, cut to the 500 characters the record keeps. */
export function stepState(status: StepStatus, updatedAt: string, reason: string): StepState {
  return { status, updatedAt, reason: reason.slice(0, 500) };
}

/**
 * A plan's step state: attention with the words of the first note that is a problem, working with `working` as the
 * reason while there is none.
 */
export function planStepState(
  notes: readonly { severity: string; text: string }[],
  updatedAt: string,
  working: string,
): StepState {
  const problem = notes.find((n) => n.severity === 'problem');
  return problem ? stepState('attention', updatedAt, problem.text) : stepState('working', updatedAt, working);
}
