import { z } from 'zod';
import { discoveredDeviceSchema } from '../domain/device';
import { approachSchema, setupNoticeSchema, setupRecordSchema } from '../domain/setup';
import { STEPS, stepIdSchema, type DefinedStep } from '../domain/steps';
import { saidSchema } from '../i18n/said';
import { saidPartSchema } from './result';

const empty = z.object({}).strict();
const jobId = z.string().regex(/^job-[A-Za-z0-9_-]{1,64}$/);

/** The frame's own channels (app, setup record, jobs, device login); each step brings its own (STEPS). */
const coreInvoke = {
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
} as const;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Part<K extends string> = DefinedStep extends infer S ? (S extends { [P in K]: infer V } ? V : never) : never;
type StepInvoke = UnionToIntersection<Part<'invoke'>>;
type StepEvents = UnionToIntersection<Part<'events'>>;
type StepJob = Part<'jobs'> extends readonly (infer J)[] ? J : never;

const stepInvoke = Object.assign({}, ...STEPS.map((s) => ('invoke' in s ? s.invoke : {}))) as StepInvoke;
const stepEvents = Object.assign({}, ...STEPS.map((s) => ('events' in s ? s.events : {}))) as StepEvents;

/**
 * THE contract between the UI and the main process: the frame's channels plus every step's (src/shared/steps/).
 * Every invoke channel has an input and an output schema, every event a payload schema. All three transports
 * (Electron IPC, browser-mode HTTP, CLI) use it, and every boundary parses with it.
 */
export const invokeContract = { ...coreInvoke, ...stepInvoke };

/** Every kind of long job, from the steps that start them; the renderer follows jobs by these exact names. */
export const JOB_KINDS = STEPS.flatMap((s) => ('jobs' in s ? s.jobs : [])) as unknown as readonly [
  StepJob,
  ...StepJob[],
];
export const jobKindSchema = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof jobKindSchema>;

export const jobProgressSchema = z.object({
  jobId,
  kind: jobKindSchema,
  done: z.number().int().min(0),
  total: z.number().int().min(0).nullable(),
  message: z.string().max(500),
  said: saidSchema.optional(),
});

export const eventContract = {
  'job.onProgress': jobProgressSchema,
  'job.onDone': z.object({
    jobId,
    kind: jobKindSchema,
    outcome: z.enum(['ok', 'failed', 'cancelled']),
    error: z
      .object({
        code: z.string(),
        message: z.string(),
        said: saidSchema.optional(),
        parts: z.array(saidPartSchema).max(16).optional(),
      })
      .nullable(),
  }),
  'setup.onChanged': z.object({ setup: setupRecordSchema }),
  ...stepEvents,
};

export type InvokeContract = typeof invokeContract;
export type InvokeChannel = Extract<keyof InvokeContract, string>;
export type InvokeInput<C extends InvokeChannel> = z.input<InvokeContract[C]['input']>;
export type InvokeOutput<C extends InvokeChannel> = z.output<InvokeContract[C]['output']>;

export type EventContract = typeof eventContract;
export type EventName = Extract<keyof EventContract, string>;
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

/** The channel and event names (the build hands them to the preload, which must not load zod: see channels.ts). */
export const INVOKE_CHANNEL_NAMES = Object.keys(invokeContract) as InvokeChannel[];
export const EVENT_NAME_LIST = Object.keys(eventContract) as EventName[];
