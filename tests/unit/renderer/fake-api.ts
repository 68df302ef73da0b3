import type { AppApi } from '../../../src/shared/ipc/api';
import {
  eventContract,
  invokeContract,
  type EventName,
  type InvokeChannel,
  type InvokeOutput,
} from '../../../src/shared/ipc/contract';
import type { Result } from '../../../src/shared/ipc/result';
import type { NetworkReport } from '../../../src/shared/domain/network';
import { emptySetupRecord, type SetupRecord } from '../../../src/shared/domain/setup';
import type { DiscoveredDevice } from '../../../src/shared/domain/device';

type Handler = (input: unknown) => unknown;
export type FakeHandlers = Partial<Record<InvokeChannel, Handler>>;

/** Every invoke channel and event of the contract, read from it: a new step's channels need no edit here. */
export const INVOKE_CHANNELS = Object.keys(invokeContract) as InvokeChannel[];
export const EVENT_NAMES = Object.keys(eventContract) as EventName[];
/** The channels that start a job (their answer carries a jobId), read from the contract's output schemas. */
export const JOB_START_CHANNELS = INVOKE_CHANNELS.filter((c) => {
  const output = invokeContract[c].output as { shape?: Record<string, unknown> };
  return !!output.shape && 'jobId' in output.shape;
});

function known<T extends string>(names: readonly T[], name: string, what: string): void {
  if (!(names as readonly string[]).includes(name))
    throw new Error(`The fake API was given ${what} "${name}", which the contract does not have.`);
}

/** A programmable stand-in for the preload's `window.api`: records calls, answers per channel, emits events. */
export interface FakeApi extends AppApi {
  calls: { channel: InvokeChannel; input: unknown }[];
  /** Answers by channel; a channel of the contract without one answers "not faked" (an error envelope). */
  handlers: FakeHandlers;
  /** Sends a contract event to the page (the payload as given: tests also send malformed ones). */
  emit(event: EventName, payload: unknown): void;
  listenerCount(event: EventName): number;
  /** How many times a channel was invoked (e.g. to prove a login is never retried by itself). */
  count(channel: InvokeChannel): number;
}

export function createFakeApi(handlers: FakeHandlers = {}): FakeApi {
  for (const channel of Object.keys(handlers)) known(INVOKE_CHANNELS, channel, 'a handler for');
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const fake: FakeApi = {
    calls: [],
    handlers,
    async invoke(channel, input) {
      fake.calls.push({ channel, input });
      const handler = INVOKE_CHANNELS.includes(channel) ? fake.handlers[channel] : undefined;
      if (!handler) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'not faked' } } as Result<never>;
      return (await handler(input)) as never;
    },
    on(event, listener) {
      known(EVENT_NAMES, event, 'a listener for');
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    emit(event, payload) {
      known(EVENT_NAMES, event, 'the event');
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    listenerCount(event) {
      return listeners.get(event)?.size ?? 0;
    },
    count(channel) {
      known(INVOKE_CHANNELS, channel, 'a count of');
      return fake.calls.filter((c) => c.channel === channel).length;
    },
  };
  return fake;
}

export const ok = <T>(data: T) => ({ ok: true as const, data });
export const failed = (code: string, message: string) => ({ ok: false as const, error: { code, message } });

export function fakeReport(overrides: Partial<NetworkReport> = {}): NetworkReport {
  return {
    interfaces: [
      {
        name: 'lo',
        kind: 'loopback',
        up: true,
        mac: null,
        ipv4: [{ address: '127.0.0.1', prefix: 8, subnet: '127.0.0.0/8' }],
        usable: false,
        note: 'Only reaches this computer itself.',
      },
      {
        name: 'eth0',
        kind: 'wired',
        up: true,
        mac: 'aa:bb:cc:dd:ee:01',
        ipv4: [{ address: '192.168.1.20', prefix: 24, subnet: '192.168.1.0/24' }],
        usable: true,
        note: 'Connected; your router is on this network.',
      },
      {
        name: 'wlan0',
        kind: 'wireless',
        up: true,
        mac: 'aa:bb:cc:dd:ee:02',
        ipv4: [{ address: '10.0.0.7', prefix: 24, subnet: '10.0.0.0/24' }],
        usable: true,
        note: 'Connected.',
      },
      {
        name: 'eth1',
        kind: 'wired',
        up: false,
        mac: 'aa:bb:cc:dd:ee:03',
        ipv4: [],
        usable: false,
        note: 'The cable is unplugged.',
      },
    ],
    gateway: { address: '192.168.1.1', interfaceName: 'eth0' },
    recommended: { interfaceName: 'eth0', reason: 'It is up and your router (192.168.1.1) is reached through it.' },
    chosenInterface: null,
    measuredAt: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}

export function fakeSetup(overrides: Partial<SetupRecord> = {}): SetupRecord {
  // Every step's slice, empty, from the contract's own record (a new step's keys need no edit here).
  return { ...emptySetupRecord('2025-03-01T09:00:00.000Z'), ...overrides };
}

/** A record as main keeps it after a search that found the fake devices: network verified, "Find" working. */
export function searchedSetup(overrides: Partial<SetupRecord> = {}): SetupRecord {
  return fakeSetup({
    interfaceName: 'eth0',
    network: fakeReport({ chosenInterface: 'eth0' }),
    devices: fakeDevices(),
    steps: {
      network: { status: 'verified', updatedAt: '2025-03-01T10:00:00.000Z' },
      find: { status: 'working', updatedAt: '2025-03-01T10:10:04.000Z', reason: 'Pick your NVR in the list.' },
    },
    ...overrides,
  });
}

export type FakeDiscoveryList = InvokeOutput<'discovery.list'>;

/** discovery.list as main answers it: nothing found and no search running, unless overridden. */
export function discoveryList(overrides: Partial<FakeDiscoveryList> = {}) {
  return ok<FakeDiscoveryList>({
    devices: [],
    running: null,
    interfaceName: null,
    finishedAt: null,
    warnings: [],
    rememberedDeviceIds: [],
    ...overrides,
  });
}

/** discovery.list after a search on eth0 that found the fake devices (the list beside searchedSetup). */
export function searchedList(overrides: Partial<FakeDiscoveryList> = {}) {
  return discoveryList({ devices: fakeDevices(), interfaceName: 'eth0', ...overrides });
}

export function fakeDevice(overrides: Partial<DiscoveredDevice> = {}): DiscoveredDevice {
  return {
    id: 'mac:44:19:b6:00:00:64',
    addresses: ['192.168.1.64'],
    mac: '44:19:b6:00:00:64',
    brand: 'Hikvision',
    brandSource: 'sadp',
    model: 'DS-7608NI-K2',
    name: 'Shop NVR',
    firmware: 'V4.30.085 build 210521',
    serial: 'DS-7608NI-K20820210521CCRRF12345678',
    sources: ['onvif', 'sadp'],
    onvifUrl: 'http://192.168.1.64/onvif/device_service',
    endpoint: 'urn:uuid:4419b600-0000-0064-0000-000000000064',
    ports: { http: 80, sdk: 8000, onvif: 80 },
    dhcp: true,
    activated: true,
    upnp: false,
    notes: [],
    interfaceName: 'eth0',
    lastSeenAt: '2025-03-01T10:10:00.000Z',
    ...overrides,
  };
}

/** A Dahua-like recorder (DHIP), a UPnP-only TV, and a Reolink-like camera (ONVIF), in no particular order. */
export function fakeDevices(): DiscoveredDevice[] {
  return [
    fakeDevice({
      id: 'addr:192.168.1.30',
      addresses: ['192.168.1.30'],
      mac: null,
      brand: 'Samsung',
      brandSource: 'ssdp',
      model: 'QE55Q60',
      name: 'Living room TV',
      firmware: null,
      serial: null,
      sources: ['ssdp'],
      onvifUrl: null,
      endpoint: null,
      ports: { http: 8001 },
      dhcp: null,
      activated: null,
      upnp: true,
    }),
    fakeDevice({
      id: 'mac:3c:ef:8c:00:00:65',
      addresses: ['192.168.1.65'],
      mac: '3c:ef:8c:00:00:65',
      brand: 'Dahua',
      brandSource: 'dhip',
      model: 'DHI-NVR4108HS-4KS2',
      name: 'NVR4108',
      firmware: 'V4.001.0000000.1',
      serial: '6J0A1B2PAZ12345',
      sources: ['dhip'],
      onvifUrl: null,
      endpoint: null,
      ports: { http: 80, sdk: 37777 },
      dhcp: false,
      activated: null,
    }),
    fakeDevice({
      id: 'urn:uuid:reolink-66',
      addresses: ['192.168.1.66'],
      mac: 'ec:71:db:00:00:66',
      brand: 'Reolink',
      brandSource: 'scopes',
      model: 'RLN8-410',
      name: 'RLN8-410',
      firmware: null,
      serial: null,
      sources: ['onvif'],
      onvifUrl: 'http://192.168.1.66:8000/onvif/device_service',
      endpoint: 'urn:uuid:reolink-66',
      ports: { onvif: 8000 },
      dhcp: null,
      activated: null,
      notes: ['Ignored an address it announced (http://203.0.113.9/onvif/device_service): not on your network.'],
    }),
    fakeDevice(),
  ];
}

export type FakeIdentity = InvokeOutput<'device.login'>['identity'];

/** What a Hikvision NVR says about itself at an ONVIF login (GetDeviceInformation), with its clock in time. */
export function fakeIdentity(overrides: Partial<FakeIdentity> = {}): FakeIdentity {
  return {
    manufacturer: 'HIKVISION',
    model: 'DS-7608NI-K2',
    firmware: 'V4.30.085 build 210521',
    serial: 'DS-7608NI-K20820210521CCRRF12345678',
    hardwareId: '88',
    clockOffsetSeconds: 2,
    auth: 'digest',
    ...overrides,
  };
}

/** A Result envelope for device.login as main answers it (the device as main updated it, or null by address). */
export function loginAnswer(device: DiscoveredDevice | null, identity: FakeIdentity = fakeIdentity()) {
  return ok({
    identity,
    onvifUrl: device?.onvifUrl ?? 'http://192.168.1.64/onvif/device_service',
    device,
    remembered: false,
  });
}

/** The job id the fake main gives the listen job (discovery.listen). */
export const LISTEN_JOB = 'job-listen1';

/**
 * discovery.listen and job.cancel as main answers them: listen hands out job-listen1, job-listen2 … (one per
 * start, on the interface asked for, eth0 by default); cancel answers `cancelled: true` and then ends the job
 * with job.onDone (kind discovery-listen for listen jobs — those it handed out, and any id a test names
 * job-listen… — discovery otherwise), as main's job runner does.
 */
export function fakeListening(fake: FakeApi, options: { defaultInterface?: string } = {}) {
  let n = 0;
  const listenJobs = new Set<string>();
  fake.handlers['discovery.listen'] = (input) => {
    const jobId = n === 0 ? LISTEN_JOB : `job-listen${n + 1}`;
    n++;
    listenJobs.add(jobId);
    const asked = (input as { interfaceName?: string }).interfaceName;
    return ok({ jobId, interfaceName: asked ?? options.defaultInterface ?? 'eth0' });
  };
  fake.handlers['job.cancel'] = (input) => {
    const { jobId } = input as { jobId: string };
    queueMicrotask(() =>
      fake.emit('job.onDone', {
        jobId,
        kind: listenJobs.has(jobId) || jobId.startsWith('job-listen') ? 'discovery-listen' : 'discovery',
        outcome: 'cancelled',
        error: { code: 'CANCELLED', message: 'The operation was cancelled.' },
      }),
    );
    return ok({ cancelled: true });
  };
  return {
    /** Listen jobs started so far, in order. */
    started: () => [...listenJobs],
  };
}

/** app.info as main answers it; `canRememberPasswords` true only in the desktop app with a keychain. */
export function appInfo(canRememberPasswords: boolean, mode: 'electron' | 'browser' = 'electron') {
  return ok({ name: 'NVR Remote-Access Assistant', version: '0.1.0', mode, platform: 'linux', canRememberPasswords });
}
