import { z } from 'zod';
import { discoveredDeviceSchema } from '../domain/device';
import { networkReportSchema } from '../domain/network';
import { portApplyResultSchema, portPendingChangeSchema, portPlanSchema, portReportSchema } from '../domain/ports';
import { approachSchema, setupNoticeSchema, setupRecordSchema } from '../domain/setup';
import { stepIdSchema } from '../domain/steps';
import { INVOKE_CHANNELS, EVENT_NAMES } from './channels';

const empty = z.object({}).strict();
const jobId = z.string().regex(/^job-[A-Za-z0-9_-]{1,64}$/);

/**
 * THE contract between the UI and the main process. Every invoke channel has an input and an output schema,
 * every event a payload schema. All three transports (Electron IPC, browser-mode HTTP, CLI) use it, and every
 * boundary parses with it.
 */
export const invokeContract = {
  'app.info': {
    input: empty,
    output: z.object({
      name: z.string(),
      version: z.string(),
      mode: z.enum(['electron', 'browser', 'cli']),
      platform: z.string(),
      /** Whether "remember my password" is possible (the system keychain; desktop app only). */
      canRememberPasswords: z.boolean(),
    }),
  },
  'network.get': { input: empty, output: networkReportSchema },
  'setup.get': {
    input: empty,
    output: z.object({ setup: setupRecordSchema, notice: setupNoticeSchema.nullable() }),
  },
  'setup.chooseApproach': { input: z.object({ approach: approachSchema }).strict(), output: setupRecordSchema },
  'setup.chooseInterface': {
    input: z.object({ interfaceName: z.string().min(1).max(64) }).strict(),
    output: setupRecordSchema,
  },
  'setup.skipStep': {
    input: z.object({ step: stepIdSchema, reason: z.string().min(1).max(500) }).strict(),
    output: setupRecordSchema,
  },
  'setup.reset': { input: empty, output: setupRecordSchema },
  'setup.chooseDevice': {
    input: z.object({ deviceId: z.string().min(1).max(300) }).strict(),
    output: setupRecordSchema,
  },
  'job.cancel': { input: z.object({ jobId }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'discovery.start': {
    input: z.object({ interfaceName: z.string().min(1).max(64).optional(), sweep: z.boolean().optional() }).strict(),
    output: z.object({ jobId, interfaceName: z.string() }),
  },
  'discovery.listen': {
    input: z.object({ interfaceName: z.string().min(1).max(64).optional() }).strict(),
    output: z.object({ jobId, interfaceName: z.string() }),
  },
  'discovery.addManual': {
    input: z.object({ host: z.string().min(1).max(253), port: z.number().int().min(1).max(65535).optional() }).strict(),
    output: z.object({ device: discoveredDeviceSchema }),
  },
  'device.login': {
    input: z
      .object({
        deviceId: z.string().min(1).max(300).optional(),
        host: z.string().min(1).max(253).optional(),
        port: z.number().int().min(1).max(65535).optional(),
        username: z.string().min(1).max(64),
        password: z.string().max(256),
        remember: z.boolean().optional(),
      })
      .strict()
      .refine((v) => (v.deviceId === undefined) !== (v.host === undefined), {
        message: 'deviceId or host',
        path: ['deviceId'],
      }),
    output: z.object({
      identity: z.object({
        manufacturer: z.string().nullable(),
        model: z.string().nullable(),
        firmware: z.string().nullable(),
        serial: z.string().nullable(),
        hardwareId: z.string().nullable(),
        clockOffsetSeconds: z.number().int().nullable(),
        auth: z.enum(['ws-usernametoken', 'digest']),
      }),
      onvifUrl: z.string(),
      device: discoveredDeviceSchema.nullable(),
      /** True when the login was stored encrypted by the system keychain. */
      remembered: z.boolean(),
    }),
  },
  'device.forgetPassword': {
    input: z.object({ deviceId: z.string().min(1).max(300).optional() }).strict(),
    output: z.object({ forgotten: z.number().int().min(0) }),
  },
  /** Measure the chosen device's ports (a job): the catalogue audit, or with `full` every port 1–65535. */
  'ports.audit': {
    input: z.object({ deviceId: z.string().min(1).max(300), full: z.boolean().optional() }).strict(),
    output: z.object({ jobId }),
  },
  /** The last measurement, plan and change for a device (kept in the setup record), and a change left unfinished. */
  'ports.get': {
    input: z.object({ deviceId: z.string().min(1).max(300) }).strict(),
    output: z.object({
      report: portReportSchema.nullable(),
      plan: portPlanSchema.nullable(),
      lastChange: portApplyResultSchema.nullable(),
      pending: portPendingChangeSchema.nullable(),
    }),
  },
  /** Proposes non-standard ports, or checks the user's edited ones (`edits` by role). */
  'ports.plan': {
    input: z
      .object({
        deviceId: z.string().min(1).max(300),
        edits: z
          .partialRecord(z.enum(['http', 'https', 'rtsp', 'sdk', 'media', 'onvif']), z.number().int().min(1).max(65535))
          .optional(),
      })
      .strict(),
    output: portPlanSchema,
  },
  /** Moves HTTP/HTTPS/RTSP through ONVIF SetNetworkProtocols (a job): snapshot, apply, verify, restore on failure. */
  'ports.apply': {
    input: z
      .object({
        deviceId: z.string().min(1).max(300),
        changes: z
          .array(z.object({ role: z.enum(['http', 'https', 'rtsp']), to: z.number().int().min(1).max(65535) }).strict())
          .min(1)
          .max(3),
      })
      .strict(),
    output: z.object({ jobId }),
  },
  'discovery.list': {
    input: empty,
    output: z.object({
      devices: z.array(discoveredDeviceSchema),
      running: jobId.nullable(),
      interfaceName: z.string().nullable(),
      finishedAt: z.string().nullable(),
      warnings: z.array(z.string()),
      /** Devices whose login is remembered (encrypted by the system keychain); never the login itself. */
      rememberedDeviceIds: z.array(z.string()),
    }),
  },
} as const;

/** Every kind of long job; the renderer follows jobs by these exact names. */
export const JOB_KINDS = ['discovery', 'discovery-listen', 'ports-audit', 'ports-apply'] as const;
export const jobKindSchema = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof jobKindSchema>;

export const jobProgressSchema = z.object({
  jobId,
  kind: jobKindSchema,
  done: z.number().int().min(0),
  total: z.number().int().min(0).nullable(),
  message: z.string().max(500),
});

export const eventContract = {
  'job.onProgress': jobProgressSchema,
  'job.onDone': z.object({
    jobId,
    kind: jobKindSchema,
    outcome: z.enum(['ok', 'failed', 'cancelled']),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  }),
  'setup.onChanged': z.object({ setup: setupRecordSchema }),
  'discovery.onDevice': z.object({ jobId, device: discoveredDeviceSchema }),
  'discovery.onWarning': z.object({ jobId, message: z.string().max(500) }),
  'ports.onReport': z.object({ jobId, report: portReportSchema }),
  'ports.onApplied': z.object({ jobId, result: portApplyResultSchema }),
} as const;

export type InvokeContract = typeof invokeContract;
export type InvokeChannel = keyof InvokeContract;
export type InvokeInput<C extends InvokeChannel> = z.input<InvokeContract[C]['input']>;
export type InvokeOutput<C extends InvokeChannel> = z.output<InvokeContract[C]['output']>;

export type EventContract = typeof eventContract;
export type EventName = keyof EventContract;
export type EventPayload<E extends EventName> = z.output<EventContract[E]>;

/** A handler for every channel: leaving one out is a compile error. */
export type InvokeHandlers<Ctx> = {
  [C in InvokeChannel]: (input: z.output<InvokeContract[C]['input']>, ctx: Ctx) => Promise<InvokeOutput<C>>;
};

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(invokeContract, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(eventContract, name);
}

// The name lists in channels.ts (imported by the preload, which must stay small) must equal the contract's keys.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelsMatch: Same<(typeof INVOKE_CHANNELS)[number], InvokeChannel> = true;
const eventsMatch: Same<(typeof EVENT_NAMES)[number], EventName> = true;
void channelsMatch;
void eventsMatch;
