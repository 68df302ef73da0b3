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
