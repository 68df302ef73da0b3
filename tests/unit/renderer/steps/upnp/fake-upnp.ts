import type { SetupRecord } from '../../../../../src/shared/domain/setup';
import type {
  UpnpAudit,
  UpnpDeleteResult,
  UpnpDeletion,
  UpnpMapping,
  UpnpRecheck,
} from '../../../../../src/shared/domain/upnp';
import { fakeDevice, fakeDevices, fakeSetup, ok, type FakeApi } from '../../fake-api';

// Fakes for the UPnP step: a router with UPnP and NAT-PMP on, whose list holds (in the router's order) a games
// console's mapping, the chosen Hikvision NVR's two and a Dahua recorder's one; and what main answers.

export const AUDIT_JOB = 'job-upnp-audit1';
export const DELETE_JOB = 'job-upnp-delete1';
export const WATCH_JOB = 'job-upnp-watch1';
export const NVR = fakeDevice();

/** The setup with the Hikvision NVR chosen and the search's devices known. */
export function setupWithNvr(overrides: Partial<SetupRecord> = {}): SetupRecord {
  return fakeSetup({
    interfaceName: 'eth0',
    devices: fakeDevices(),
    nvr: { deviceId: NVR.id, device: NVR, chosenAt: '2025-03-01T11:00:00.000Z' },
    steps: {
      network: { status: 'verified', updatedAt: '2025-03-01T10:00:00.000Z' },
      find: { status: 'verified', updatedAt: '2025-03-01T11:00:00.000Z' },
    },
    ...overrides,
  });
}

export function fakeMapping(overrides: Partial<UpnpMapping> = {}): UpnpMapping {
  return {
    protocol: 'TCP',
    externalPort: 8000,
    internalClient: '192.168.1.64',
    internalPort: 8000,
    remoteHost: '',
    enabled: true,
    description: 'Hikvision SDK',
    leaseSeconds: 604_800,
    device: { id: NVR.id, name: 'Shop NVR' },
    camera: true,
    service: 'App/SDK port',
    ...overrides,
  };
}

/** The console (not a camera), then the NVR's SDK and HTTP ports, then the Dahua recorder's: the router's order. */
export function fakeMappings(): UpnpMapping[] {
  return [
    fakeMapping({
      protocol: 'UDP',
      externalPort: 3074,
      internalClient: '192.168.1.40',
      internalPort: 3074,
      description: 'Xbox <img src=x onerror="alert(1)">',
      leaseSeconds: 0,
      device: null,
      camera: false,
      service: null,
    }),
    // The NVR's ports named as main names them: by key (ports.role), its English beside.
    fakeMapping({ serviceSaid: { key: 'ports.role.sdk' } }),
    fakeMapping({
      externalPort: 80,
      internalPort: 80,
      description: 'Hikvision HTTP',
      service: 'Web page (HTTP)',
      serviceSaid: { key: 'ports.role.http' },
    }),
    fakeMapping({
      externalPort: 37777,
      internalClient: '192.168.1.65',
      internalPort: 37777,
      description: 'Dahua SDK',
      leaseSeconds: 3600,
      device: { id: 'mac:3c:ef:8c:00:00:65', name: 'NVR4108' },
      service: null,
    }),
  ];
}

export function fakeAudit(overrides: Partial<UpnpAudit> = {}): UpnpAudit {
  return {
    measuredAt: '2025-03-01T12:00:00.000Z',
    interfaceName: 'eth0',
    gateway: '192.168.1.1',
    igd: {
      location: 'http://192.168.1.1:5000/rootDesc.xml',
      controlUrl: 'http://192.168.1.1:5000/ctl/IPConn',
      serviceType: 'urn:schemas-upnp-org:service:WANIPConnection:2',
      igdVersion: 2,
      friendlyName: 'Home Router',
      manufacturer: 'ACME',
      modelName: 'AX3000',
      externalAddress: '203.0.113.2',
      connectionStatus: 'Connected',
    },
    mappings: fakeMappings(),
    listEnd: 'complete',
    natPmp: { present: true, externalAddress: '203.0.113.2' },
    elsewhere: [],
    findings: [
      {
        code: 'camera-mapped',
        severity: 'problem',
        text: 'The router opens 3 ports to Shop NVR, NVR4108 through UPnP.',
        evidence: ['TCP 8000 → 192.168.1.64:8000 “Hikvision SDK”, expires in 7 days'],
      },
      { code: 'upnp-on', severity: 'warning', text: 'UPnP is on at the router.', evidence: [] },
      { code: 'natpmp-on', severity: 'warning', text: 'NAT-PMP answers at the router.', evidence: [] },
      {
        code: 'other-mapped',
        severity: 'info',
        text: '1 mapping to an address the search did not identify.',
        evidence: [],
      },
    ],
    ...overrides,
  };
}

export function fakeDeletion(overrides: Partial<UpnpDeletion> = {}): UpnpDeletion {
  return {
    protocol: 'TCP',
    externalPort: 8000,
    accepted: true,
    gone: true,
    errorCode: null,
    message: '',
    ...overrides,
  };
}

/** The router's refusal in secure mode, as main words it. */
export const REFUSED_606 =
  'The router refuses this request over UPnP: most routers only let the device that opened a mapping delete it (others only allow it on their own web page). (UPnP error 606, Action not authorized)';

export function fakeDeleteResult(deletions: UpnpDeletion[], audit: UpnpAudit): UpnpDeleteResult {
  return { deletions, audit };
}

/** upnp.get, upnp.audit, upnp.delete, upnp.watch and job.cancel as main answers them (each test sends the events). */
export function fakeUpnp(
  fake: FakeApi,
  saved: {
    audit?: UpnpAudit | null;
    deleted?: UpnpDeletion[] | null;
    recheckAfterS?: number | null;
    recheck?: UpnpRecheck | null;
  } = {},
) {
  const state = {
    audit: saved.audit ?? null,
    deleted: saved.deleted ?? null,
    recheckAfterS: saved.recheckAfterS ?? null,
    recheck: saved.recheck ?? null,
  };
  fake.handlers['upnp.get'] = () => ok({ ...state });
  fake.handlers['upnp.audit'] = () => ok({ jobId: AUDIT_JOB });
  fake.handlers['upnp.delete'] = () => ok({ jobId: DELETE_JOB });
  fake.handlers['upnp.watch'] = (input) =>
    ok({ jobId: WATCH_JOB, seconds: (input as { seconds?: number }).seconds ?? state.recheckAfterS ?? 120 });
  fake.handlers['job.cancel'] = () => ok({ cancelled: true });
  return state;
}
