/**
 * The only file in the renderer that touches `window.api`. Stores call these functions; components never do.
 * In Electron `window.api` comes from the preload; in browser mode it is missing and the HTTP bridge is used.
 * Every envelope and every output is parsed with the contract's schemas before anyone else sees it.
 */
import type { AppApi } from '../../shared/ipc/api';
import {
  eventContract,
  invokeContract,
  type EventName,
  type EventPayload,
  type InvokeChannel,
  type InvokeInput,
  type InvokeOutput,
} from '../../shared/ipc/contract';
import { fail, resultEnvelopeSchema, type Result } from '../../shared/ipc/result';
import type { Approach } from '../../shared/domain/setup';
import type { StepId } from '../../shared/domain/steps';
import { createHttpBridge } from './http-bridge';

export type { Result };

const UNEXPECTED_ANSWER =
  "The app's background service answered in an unexpected form, so the answer was not used. Nothing was changed. Try again; if it happens again, restart the app.";

let bridge: AppApi | null = null;

function api(): AppApi {
  if (typeof window !== 'undefined' && window.api) return window.api;
  bridge ??= createHttpBridge();
  return bridge;
}

/**
 * One call through the contract: input checked, the answer's envelope and output checked. A step's store calls its
 * own channels with it (the named functions below are the frame's and the first steps').
 */
export async function call<C extends InvokeChannel>(
  channel: C,
  input: InvokeInput<C>,
): Promise<Result<InvokeOutput<C>>> {
  const schemas = invokeContract[channel];
  const checkedInput = schemas.input.safeParse(input);
  if (!checkedInput.success) return fail('BAD_REQUEST');
  let raw: unknown;
  try {
    raw = await api().invoke(channel, checkedInput.data as InvokeInput<C>);
  } catch {
    return fail('INTERNAL');
  }
  const envelope = resultEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return fail('INTERNAL', UNEXPECTED_ANSWER);
  if (!envelope.data.ok) return { ok: false, error: envelope.data.error };
  const output = schemas.output.safeParse(envelope.data.data);
  if (!output.success) return fail('INTERNAL', UNEXPECTED_ANSWER);
  return { ok: true, data: output.data as InvokeOutput<C> };
}

export const getAppInfo = () => call('app.info', {});
export const getNetwork = () => call('network.get', {});
export const getSetup = () => call('setup.get', {});
export const chooseApproach = (approach: Approach) => call('setup.chooseApproach', { approach });
export const chooseInterface = (interfaceName: string) => call('setup.chooseInterface', { interfaceName });
export const skipStep = (step: StepId, reason: string) => call('setup.skipStep', { step, reason });
export const resetSetup = () => call('setup.reset', {});
export const cancelJob = (jobId: string) => call('job.cancel', { jobId });
/**
 * Starts a search through `interfaceName` (or the interface main picks). With `sweep`, main also knocks on every
 * address of the interface's subnet (up to a /22), for networks that block discovery.
 */
export const startDiscovery = (interfaceName?: string, options: { sweep?: boolean } = {}) =>
  call('discovery.start', {
    ...(interfaceName ? { interfaceName } : {}),
    ...(options.sweep ? { sweep: true } : {}),
  });
/**
 * Starts (or joins) main's background job that hears devices announce themselves (ONVIF Hello/Bye) on the
 * interface; they arrive as discovery.onDevice with this job's id. Stop it with cancelJob.
 */
export const listenDiscovery = (interfaceName?: string) =>
  call('discovery.listen', interfaceName ? { interfaceName } : {});
export const listDiscovery = () => call('discovery.list', {});
export const chooseDevice = (deviceId: string) => call('setup.chooseDevice', { deviceId });

export type DeviceIdentity = InvokeOutput<'device.login'>['identity'];
/** Which device to log in to: one in the list (by id), or one by its address. */
export type DeviceLoginTarget = { deviceId: string } | { host: string; port?: number };

/**
 * Asks main to log in to a device over ONVIF. The password only passes through here on its way to main: it is
 * not kept, logged or returned. Main tries it at most twice (one digest retry); callers never retry by themselves.
 * With `remember`, main also keeps the login encrypted by the system keychain (where there is one); the answer's
 * `remembered` says whether it did.
 */
export const loginDevice = (
  target: DeviceLoginTarget,
  username: string,
  password: string,
  options: { remember?: boolean } = {},
) =>
  call('device.login', {
    ...('deviceId' in target
      ? { deviceId: target.deviceId }
      : { host: target.host, ...(target.port === undefined ? {} : { port: target.port }) }),
    username,
    password,
    ...(options.remember ? { remember: true } : {}),
  });
/** Asks main to forget the login it keeps for a device (in memory and in the keychain-encrypted file). */
export const forgetPassword = (deviceId: string) => call('device.forgetPassword', { deviceId });
/** Adds a device by its IPv4 address or LAN name (and ONVIF port); main checks that it is local and speaks ONVIF. */
export const addDeviceByAddress = (host: string, port?: number) =>
  call('discovery.addManual', port === undefined ? { host } : { host, port });

export type PortEdits = NonNullable<InvokeInput<'ports.plan'>['edits']>;
/** What main saved for a device's ports: the last measurement, plan and change, and a change left unfinished. */
export type SavedPorts = InvokeOutput<'ports.get'>;
export type PortChange = InvokeInput<'ports.apply'>['changes'][number];

/**
 * Starts main's measurement of the device's ports (a job): the catalogue audit (a few seconds), or with `full`
 * every port 1–65535. Progress comes as job.onProgress, the report as ports.onReport, the end as job.onDone.
 */
export const auditPorts = (deviceId: string, options: { full?: boolean } = {}) =>
  call('ports.audit', options.full ? { deviceId, full: true } : { deviceId });
/** The device's last port report, plan and change, as main saved them in the setup record. */
export const getPorts = (deviceId: string) => call('ports.get', { deviceId });
/** Main's proposal of non-standard ports, or its check of the user's edited ones (`edits` by role). */
export const planPorts = (deviceId: string, edits?: PortEdits) =>
  call('ports.plan', edits && Object.keys(edits).length ? { deviceId, edits } : { deviceId });
/**
 * Asks main to move HTTP/HTTPS/RTSP through ONVIF (a job): it snapshots, applies, verifies, and puts the old ports
 * back if anything fails. The result comes as ports.onApplied, the end as job.onDone. Only on the user's word;
 * `confirmWarnings` is the user's yes to ports the app would not have proposed (main refuses them without it).
 */
export const applyPorts = (
  deviceId: string,
  changes: PortChange[],
  options: { confirmWarnings?: boolean; oneAtATime?: boolean } = {},
) =>
  call('ports.apply', {
    deviceId,
    changes,
    ...(options.confirmWarnings ? { confirmWarnings: true } : {}),
    ...(options.oneAtATime ? { oneAtATime: true } : {}),
  });

/** Subscribes to a contract event; payloads that do not match the contract are dropped. Returns unsubscribe. */
export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  try {
    return api().on(event, (payload: unknown) => {
      const parsed = eventContract[event].safeParse(payload);
      if (parsed.success) listener(parsed.data as EventPayload<E>);
    });
  } catch {
    return () => undefined;
  }
}

export const onSetupChanged = (listener: (payload: EventPayload<'setup.onChanged'>) => void) =>
  onEvent('setup.onChanged', listener);

/** For tests: forget the cached browser-mode bridge. */
export function resetClientForTests(): void {
  bridge = null;
}
