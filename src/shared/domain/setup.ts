import { z } from 'zod';
import { discoveredDeviceSchema } from './device';
import { networkReportSchema } from './network';
import { portApplyResultSchema, portPendingChangeSchema, portPlanSchema, portReportSchema } from './ports';
import { stepIdSchema, stepStateSchema } from './steps';

export const APPROACHES = ['vpn', 'port-forwarding', 'vendor-cloud'] as const;
export const approachSchema = z.enum(APPROACHES);
export type Approach = z.infer<typeof approachSchema>;

export const SETUP_SCHEMA_VERSION = 3;

/** At most this many devices keep a Ports entry in the record. */
export const MAX_PORTS_ENTRIES = 64;

/** The Ports step for one device: the last measurement, the plan, the last change and an unfinished one (v3). */
export const devicePortsSchema = z.object({
  report: portReportSchema.nullable(),
  plan: portPlanSchema.nullable(),
  lastChange: portApplyResultSchema.nullable(),
  /** A change started and not finished (absent in records written before it existed: null). */
  pending: portPendingChangeSchema.nullable().default(null),
});
export type DevicePorts = z.infer<typeof devicePortsSchema>;

/**
 * The setup record: one per site, owned by the main process, written atomically. Secrets never go in it.
 * Bump SETUP_SCHEMA_VERSION and add a migration in main/services/setup-store.ts when the shape changes.
 */
export const setupRecordSchema = z.object({
  schemaVersion: z.literal(SETUP_SCHEMA_VERSION),
  createdAt: z.string(),
  updatedAt: z.string(),
  approach: approachSchema.nullable(),
  interfaceName: z.string().nullable(),
  /** The last measurement of the computer's network, with its time. */
  network: networkReportSchema.nullable(),
  steps: z.partialRecord(stepIdSchema, stepStateSchema),
  /** The devices the last discovery found (v2). */
  devices: z.array(discoveredDeviceSchema).max(512),
  /** The NVR the user picked: the subject of every later step (v2). */
  nvr: z.object({ deviceId: z.string(), device: discoveredDeviceSchema, chosenAt: z.string() }).nullable(),
  /** The Ports step, by device id (v3). */
  ports: z
    .record(z.string().max(300), devicePortsSchema)
    .refine((r) => Object.keys(r).length <= MAX_PORTS_ENTRIES, { message: `at most ${MAX_PORTS_ENTRIES} devices` }),
});
export type SetupRecord = z.infer<typeof setupRecordSchema>;

export const setupNoticeSchema = z.object({
  code: z.literal('SETUP_RECOVERED'),
  message: z.string(),
  backupFile: z.string(),
});
export type SetupNotice = z.infer<typeof setupNoticeSchema>;
