import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { DiscoveredDevice } from '../../../src/shared/domain/device';
import type { SetupRecord } from '../../../src/shared/domain/setup';
import type { InvokeInput, InvokeOutput } from '../../../src/shared/ipc/contract';
import type {
  PlannedReservation,
  StaticIpPending,
  StaticIpReading,
  StaticIpResult,
} from '../../../src/shared/steps/static-ip';
import { appInfo, discoveryList, failed, fakeDevice, fakeSetup, ok, type FakeApi, type FakeHandlers } from './fake-api';

// Fakes for the Static IP step (kept apart from fake-api.ts, which other work edits): a Hikvision NVR on DHCP as
// main reads it, main's check of a typed address, and the results of a change.

/** The NVR, on DHCP at 192.168.1.64 (the router's pool is 192.168.1.100–199). */
export const HIK_NVR: DiscoveredDevice = fakeDevice();

export const CHECK_JOB = 'job-static-ip-check1';
export const APPLY_JOB = 'job-static-ip-apply1';

/** The setup with the Hikvision NVR chosen (Find verified). */
export function setupWithNvr(overrides: Partial<SetupRecord> = {}): SetupRecord {
  return fakeSetup({
    interfaceName: 'eth0',
    devices: [HIK_NVR],
    nvr: { deviceId: HIK_NVR.id, device: HIK_NVR, chosenAt: '2025-03-01T11:00:00.000Z' },
    steps: {
      network: { status: 'verified', updatedAt: '2025-03-01T10:00:00.000Z' },
      find: { status: 'verified', updatedAt: '2025-03-01T11:00:00.000Z' },
    },
    ...overrides,
  });
}

/** Main's reading after a login: DHCP on, a pool spanned by the leases, 192.168.1.230 proposed. */
export function fakeReading(overrides: Partial<StaticIpReading> = {}): StaticIpReading {
  return {
    deviceId: HIK_NVR.id,
    at: '2025-03-01T12:00:00.000Z',
    settings: {
      dhcp: true,
      address: '192.168.1.64',
      prefix: 24,
      gateway: '192.168.1.1',
      dns: ['192.168.1.1'],
      source: 'onvif',
    },
    loggedIn: true,
    mac: '44:19:b6:00:00:64',
    lan: { interfaceName: 'eth0', address: '192.168.1.20', prefix: 24, gateway: '192.168.1.1' },
    pool: {
      first: '192.168.1.100',
      last: '192.168.1.199',
      source: 'leases',
      basis: 'Devices on DHCP were seen from 192.168.1.100 to 192.168.1.199.',
    },
    findings: [
      {
        code: 'on-dhcp',
        severity: 'problem',
        text: 'The NVR gets its address from the router (DHCP): a router restart can move it, and the forward then points at nothing.',
        evidence: ['GetNetworkInterfaces: DHCP on, 192.168.1.64/24 (read after the login).'],
      },
      {
        code: 'static-ok',
        severity: 'ok',
        text: 'The router and DNS the NVR uses are your router’s.',
        evidence: ['GetNetworkDefaultGateway: 192.168.1.1', 'GetDNS: 192.168.1.1'],
      },
    ],
    proposal: {
      address: '192.168.1.230',
      prefix: 24,
      gateway: '192.168.1.1',
      dns: ['192.168.1.1'],
      why: ['Outside the router’s DHCP range (192.168.1.100–192.168.1.199).', 'No device answered at it.'],
    },
    reservation: {
      mac: '44:19:b6:00:00:64',
      address: '192.168.1.230',
      families: [
        {
          family: 'TP-Link',
          path: 'Advanced › Network › DHCP Server › Address Reservation',
          source: 'TP-Link FAQ 182',
        },
      ],
    },
    ...overrides,
  };
}

/** What the search alone knows (no login): the address it answered on. */
export function discoveryReading(overrides: Partial<StaticIpReading> = {}): StaticIpReading {
  return fakeReading({
    settings: { dhcp: true, address: '192.168.1.64', prefix: null, gateway: null, dns: [], source: 'sadp' },
    loggedIn: false,
    ...overrides,
  });
}

type PlanInput = InvokeInput<'address.plan'>;
type PlanOutput = InvokeOutput<'address.plan'>;

/**
 * Main's check of a typed address on 192.168.1.0/24: not an address, off the subnet or the router's own is an
 * error; inside the DHCP pool 100–199 is a warning (allowed with the user's yes).
 */
export function fakePlan(input: Omit<PlanInput, 'deviceId'>): PlanOutput {
  const problems: PlanOutput['problems'] = [];
  const a = input.address.trim();
  const m = /^192\.168\.1\.(\d{1,3})$/.exec(a);
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(a)) problems.push({ severity: 'error', text: `“${a}” is not an address.` });
  else if (!m) problems.push({ severity: 'error', text: `${a} is not on your network (192.168.1.0/24).` });
  else if (a === '192.168.1.1') problems.push({ severity: 'error', text: '192.168.1.1 is your router’s address.' });
  else if (Number(m[1]) >= 100 && Number(m[1]) <= 199)
    problems.push({ severity: 'warning', text: `${a} is inside the DHCP range the app guessed from the leases.` });
  const ok = !problems.some((p) => p.severity === 'error');
  return {
    problems,
    proposal: ok
      ? {
          address: a,
          prefix: 24,
          gateway: input.gateway ?? '192.168.1.1',
          dns: input.dns ?? ['192.168.1.1'],
          why: ['The address you typed.'],
        }
      : null,
  };
}

export function fakeResult(overrides: Partial<StaticIpResult> = {}): StaticIpResult {
  return {
    deviceId: HIK_NVR.id,
    outcome: 'verified',
    message: 'The NVR now keeps the address 192.168.1.230 (DHCP off), read back from the NVR itself.',
    change: {
      from: fakeReading().settings,
      to: { address: '192.168.1.230', prefix: 24, gateway: '192.168.1.1', dns: ['192.168.1.1'] },
    },
    address: '192.168.1.230',
    mac: '44:19:b6:00:00:64',
    steps: [
      'No answer at 192.168.1.230 (ICMP, ARP, TCP 80/443/554).',
      'Sent to the NVR: DHCP off, address 192.168.1.230/24, router 192.168.1.1, DNS 192.168.1.1.',
      'Read back at 192.168.1.230: DHCP off, 192.168.1.230/24, router 192.168.1.1, DNS 192.168.1.1.',
    ],
    recheck: ['ports', 'upnp', 'verify'],
    at: '2025-03-01T12:10:00.000Z',
    ...overrides,
  };
}

/** The NVR did not come back at either address. */
export function lostResult(): StaticIpResult {
  return fakeResult({
    outcome: 'lost',
    message: 'The NVR did not answer at 192.168.1.230 or at 192.168.1.64 within 90 s. Its MAC is 44:19:b6:00:00:64.',
    address: null,
    steps: ['Sent to the NVR: DHCP off, address 192.168.1.230/24, router 192.168.1.1, DNS 192.168.1.1.'],
    recheck: [],
  });
}

export function fakePending(): StaticIpPending {
  return {
    change: fakeResult().change,
    mac: '44:19:b6:00:00:64',
    endpoint: HIK_NVR.endpoint,
    onvifUrl: 'http://192.168.1.64/onvif/device_service',
    newOnvifUrl: 'http://192.168.1.230/onvif/device_service',
    startedAt: '2025-03-01T12:08:00.000Z',
  };
}

/**
 * Installs main's Static IP channels on the fake: address.get answers `saved` (kept up to date the way main saves),
 * address.plan checks with fakePlan, address.check/address.apply hand out CHECK_JOB/APPLY_JOB. With `onCheck`, the
 * check job reads that (address.onReading, saved) and ends by itself; otherwise the test emits the events.
 */
export function fakeStaticIp(
  fake: FakeApi,
  saved: {
    reading?: StaticIpReading | null;
    userPool?: string | null;
    lastChange?: StaticIpResult | null;
    pending?: StaticIpPending | null;
    reservation?: PlannedReservation | null;
  } = {},
  options: { onCheck?: StaticIpReading } = {},
) {
  const state = {
    reading: saved.reading ?? null,
    userPool: saved.userPool ?? null,
    lastChange: saved.lastChange ?? null,
    pending: saved.pending ?? null,
    reservation: saved.reservation ?? null,
  };
  fake.handlers['address.get'] = () => ok({ ...state });
  fake.handlers['address.plan'] = (input) => ok(fakePlan(input as PlanInput));
  fake.handlers['address.check'] = (input) => {
    const { pool } = input as InvokeInput<'address.check'>;
    if (pool !== undefined) state.userPool = pool || null;
    const reading = options.onCheck;
    if (reading)
      queueMicrotask(() => {
        state.reading = reading;
        fake.emit('address.onReading', { jobId: CHECK_JOB, reading });
        fake.emit('job.onDone', { jobId: CHECK_JOB, kind: 'static-ip-check', outcome: 'ok', error: null });
      });
    return ok({ jobId: CHECK_JOB });
  };
  fake.handlers['address.apply'] = () => ok({ jobId: APPLY_JOB });
  // The router way: checked like a typed address, the pool not held against it (routers reserve inside it too).
  fake.handlers['address.reserve'] = (input) => {
    const { address } = input as InvokeInput<'address.reserve'>;
    if (address === null) {
      state.reservation = null;
      return ok({ reservation: null, problems: [] });
    }
    const problems = fakePlan({ address }).problems.filter((p) => p.severity === 'error');
    if (problems.length) return ok({ reservation: null, problems });
    state.reservation = { address: address.trim(), mac: HIK_NVR.mac, plannedAt: '2025-03-01T12:20:00.000Z' };
    return ok({ reservation: state.reservation, problems: [] });
  };
  fake.handlers['job.cancel'] = () => ok({ cancelled: true });
  return state;
}

/** What main's change job ends with when it would not send an address the user has not said yes to. */
export const unconfirmed = () =>
  failed(
    'STATIC_IP_UNCONFIRMED',
    'The app did not send that address: 192.168.1.150 is inside the DHCP range the app guessed from the leases. Confirm it to send it anyway, or pick another address. Nothing was changed.',
  );

/** The Static IP page's harness: the NVR chosen, the browser build, main holding the NVR's login (remembered). */
export const STATIC_IP_PAGE = {
  path: '/step/static-ip',
  handlers: (): FakeHandlers => ({
    'setup.get': () => ok({ setup: setupWithNvr(), notice: null }),
    'app.info': () => appInfo(false, 'browser'),
    // The change asks no login first.
    'discovery.list': () => discoveryList({ rememberedDeviceIds: [HIK_NVR.id] }),
  }),
};

/** Types `address` in the page's address field, as the user does (the field is read on change). */
export async function typeAddress(wrapper: VueWrapper, address: string): Promise<void> {
  const input = wrapper.find('[data-testid="draft-address"]');
  await input.setValue(address);
  await input.trigger('change');
  await flushPromises();
}
