import { z } from 'zod';

/** Every wizard step, in order. `available` steps have a page; the others are planned and shown as such. */
export const STEPS = [
  { id: 'network', title: 'Your network', available: true },
  { id: 'find', title: 'Find your NVR', available: true },
  { id: 'static-ip', title: 'Static IP', available: false },
  { id: 'ports', title: 'Ports', available: true },
  { id: 'security', title: 'Security', available: false },
  { id: 'upnp', title: 'UPnP', available: false },
  { id: 'internet', title: 'Internet side', available: false },
  { id: 'ddns', title: 'DDNS', available: false },
  { id: 'rules', title: 'Router rules', available: false },
  { id: 'verify', title: 'Verify', available: false },
  { id: 'checklist', title: 'Checklist', available: false },
] as const;

export type StepId = (typeof STEPS)[number]['id'];
export const STEP_IDS = STEPS.map((s) => s.id) as [StepId, ...StepId[]];
export const stepIdSchema = z.enum(STEP_IDS);

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
