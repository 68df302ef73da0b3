import type {
  PortApplyResult,
  PortPendingChange,
  PortPlan,
  PortReport,
  PortRow,
} from '../../../src/shared/domain/ports';
import type { DiscoveredDevice } from '../../../src/shared/domain/device';
import type { SetupRecord } from '../../../src/shared/domain/setup';
import { appInfo, discoveryList, failed, fakeDevice, fakeSetup, ok, type FakeApi, type FakeHandlers } from './fake-api';

// Fakes for the Ports step (kept apart from fake-api.ts, which other work edits): a Reolink NVR's ports as main
// measures them, main's proposal and its check of edits, and the results of a change.

export const REOLINK: DiscoveredDevice = fakeDevice({
  id: 'urn:uuid:reolink-66',
  addresses: ['192.168.1.66'],
  mac: 'ec:71:db:00:00:66',
  brand: 'Reolink',
  brandSource: 'scopes',
  model: 'RLN8-410',
  name: 'RLN8-410',
  sources: ['onvif'],
  onvifUrl: 'http://192.168.1.66:8000/onvif/device_service',
  endpoint: 'urn:uuid:reolink-66',
  ports: { onvif: 8000, http: 80 },
});

export const AUDIT_JOB = 'job-ports-audit1';
export const APPLY_JOB = 'job-ports-apply1';

/** The setup with the Reolink chosen as the NVR (Find verified). */
export function setupWithNvr(overrides: Partial<SetupRecord> = {}): SetupRecord {
  return fakeSetup({
    devices: [REOLINK],
    nvr: { deviceId: REOLINK.id, device: REOLINK, chosenAt: '2025-03-01T11:00:00.000Z' },
    steps: {
      network: { status: 'verified', updatedAt: '2025-03-01T10:00:00.000Z' },
      find: { status: 'verified', updatedAt: '2025-03-01T11:00:00.000Z' },
    },
    ...overrides,
  });
}

export function fakePortRow(overrides: Partial<PortRow> = {}): PortRow {
  return {
    port: 80,
    transport: 'tcp',
    state: 'open',
    service: 'http',
    product: 'Reolink web server',
    vendor: 'Reolink',
    role: 'http',
    purpose: 'The NVR’s web page.',
    neededOutside: 'no',
    risk: {
      level: 'medium',
      reasons: ['The factory port: scanners try it first.', 'Passwords cross the network readable (no encryption).'],
    },
    recommendation: 'Do not forward it; use HTTPS on a new port, or a VPN.',
    declaredBy: ['onvif', 'catalogue'],
    isDefault: true,
    plainText: true,
    adminUi: true,
    authRequired: true,
    evidence: ['Server: nginx', 'HTTP/1.1 200 OK, title "Reolink"'],
    ...overrides,
  };
}

/** The Reolink's ports: web 80/443, RTSP 554, ONVIF 8000, media 9000, an undeclared telnet, a closed 8443. */
export function fakePortReport(overrides: Partial<PortReport> = {}): PortReport {
  return {
    deviceId: REOLINK.id,
    address: '192.168.1.66',
    measuredAt: '2025-03-01T12:00:00.000Z',
    full: false,
    rows: [
      fakePortRow(),
      fakePortRow({
        port: 443,
        service: 'https',
        product: 'Reolink web server',
        role: 'https',
        purpose: 'The NVR’s web page, encrypted.',
        risk: { level: 'low', reasons: ['The factory port: scanners try it first.'] },
        recommendation: 'Move it to a new port.',
        plainText: false,
        evidence: ['TLS certificate subject CN=Reolink'],
      }),
      fakePortRow({
        port: 554,
        service: 'rtsp',
        product: 'Reolink RTSP',
        role: 'rtsp',
        purpose: 'Video streams for players and recorders.',
        neededOutside: 'yes',
        adminUi: false,
        recommendation: 'Move it to a new port; watch over TCP.',
        evidence: ['RTSP/1.0 401 Unauthorized'],
      }),
      fakePortRow({
        port: 8000,
        service: 'onvif',
        product: null,
        vendor: null,
        role: 'onvif',
        purpose: 'ONVIF: how apps and recorders control the NVR.',
        risk: { level: 'medium', reasons: ['The device’s administration API.'] },
        recommendation: 'Never forward it.',
        evidence: ['GetSystemDateAndTime answered'],
      }),
      fakePortRow({
        port: 9000,
        service: 'sdk',
        product: 'Reolink media protocol',
        role: 'media',
        purpose: 'The Reolink app and client connect here.',
        neededOutside: 'only-with-vendor-app',
        risk: { level: 'high', reasons: ['The maker’s own protocol, with a history of security flaws.'] },
        recommendation: 'Move it to a new port, or use a VPN.',
        plainText: false,
        adminUi: false,
        authRequired: null,
        evidence: ['Reolink Baichuan hello answered'],
      }),
      fakePortRow({
        port: 23,
        service: 'telnet',
        product: null,
        vendor: null,
        role: 'telnet',
        purpose: 'A remote shell, unencrypted.',
        risk: { level: 'high', reasons: ['Passwords cross the network readable.', 'A hidden service.'] },
        recommendation: 'Turn it off; never forward it.',
        declaredBy: [],
        isDefault: false,
        adminUi: true,
        authRequired: true,
        evidence: ['login: prompt'],
      }),
      fakePortRow({
        port: 8443,
        state: 'closed',
        service: 'https',
        product: null,
        vendor: null,
        role: 'https',
        risk: { level: 'none', reasons: [] },
        recommendation: 'Nothing to do.',
        declaredBy: ['catalogue'],
        isDefault: false,
        plainText: false,
        evidence: [],
      }),
    ],
    declaredButClosed: [8443],
    undeclaredOpen: [23],
    onvifProtocols: [
      { name: 'HTTP', enabled: true, ports: [80] },
      { name: 'HTTPS', enabled: true, ports: [443] },
      { name: 'RTSP', enabled: true, ports: [554] },
    ],
    ...overrides,
  };
}

type EditRole = 'http' | 'https' | 'rtsp' | 'sdk' | 'media' | 'onvif';
const PROPOSED: Record<string, number> = { http: 12080, https: 12443, rtsp: 12554, media: 19000 };

/**
 * Main's proposal, and its check of edited ports: below 1024 is an error (blocks Apply); 8080 is a warning
 * (commonly scanned, allowed).
 */
export function fakePortPlan(edits: Partial<Record<EditRole, number>> = {}): PortPlan {
  const rows: { role: EditRole; current: number; samePort: 'free' | 'recommended'; why: string }[] = [
    { role: 'http', current: 80, samePort: 'free', why: 'Port 80 is the first one scanners try.' },
    { role: 'https', current: 443, samePort: 'free', why: 'Port 443 is scanned everywhere.' },
    { role: 'rtsp', current: 554, samePort: 'free', why: 'Port 554 is the RTSP default.' },
    { role: 'media', current: 9000, samePort: 'recommended', why: 'The Reolink app learns it from the NVR.' },
  ];
  const problems: PortPlan['problems'] = [];
  const proposal = rows.map((r) => {
    const port = edits[r.role] ?? PROPOSED[r.role]!;
    if (port < 1024)
      problems.push({
        code: 'well-known',
        severity: 'error',
        role: r.role,
        port,
        message: `Port ${port} is a well-known port; pick one from 1024 to 32767.`,
      });
    if (port === 8080)
      problems.push({
        code: 'commonly-scanned',
        severity: 'warning',
        role: r.role,
        port,
        message: 'Port 8080 is also scanned often; it works, but a less common one is better.',
      });
    return {
      role: r.role,
      transport: 'tcp' as const,
      current: r.current,
      internal: port,
      external: port,
      samePort: r.samePort,
      why: r.why,
    };
  });
  return {
    deviceId: REOLINK.id,
    proposal,
    problems,
    applyViaOnvif: ['http', 'https', 'rtsp'],
    manualSteps: [
      {
        role: 'media',
        steps: [
          'Open the NVR’s web page and log in as admin.',
          `Go to Settings › Network › Advanced › Server Settings and set Media Port to ${edits.media ?? PROPOSED.media}.`,
          'Press Save; the NVR restarts its network service.',
        ],
      },
    ],
    rtspAdvice: 'Set your player to "RTSP over TCP" so the video travels inside the one RTSP connection.',
  };
}

export function fakeApplyResult(overrides: Partial<PortApplyResult> = {}): PortApplyResult {
  return {
    deviceId: REOLINK.id,
    outcome: 'verified',
    message: 'The web page and the video streams moved; the old ports are closed and the new ones answer.',
    changes: [
      {
        role: 'http',
        from: 80,
        to: 12080,
        verified: true,
        evidence: 'Port 80 closed; port 12080 answered HTTP (Server: nginx).',
      },
    ],
    onvifUrl: 'http://192.168.1.66:8000/onvif/device_service',
    at: '2025-03-01T12:05:00.000Z',
    ...overrides,
  };
}

/**
 * Installs main's ports channels on the fake: ports.get answers `saved` (report, plan, last change), ports.plan
 * checks edits with fakePortPlan, ports.audit/ports.apply hand out AUDIT_JOB/APPLY_JOB (the test emits the events).
 */
export function fakePorts(
  fake: FakeApi,
  saved: {
    report?: PortReport | null;
    plan?: PortPlan | null;
    lastChange?: PortApplyResult | null;
    pending?: PortPendingChange | null;
  } = {},
) {
  const state = {
    report: saved.report ?? null,
    plan: saved.plan ?? null,
    lastChange: saved.lastChange ?? null,
    pending: saved.pending ?? null,
  };
  fake.handlers['ports.get'] = () => ok({ ...state });
  fake.handlers['ports.plan'] = (input) =>
    ok(fakePortPlan((input as { edits?: Partial<Record<EditRole, number>> }).edits));
  fake.handlers['ports.audit'] = () => ok({ jobId: AUDIT_JOB });
  fake.handlers['ports.apply'] = () => ok({ jobId: APPLY_JOB });
  fake.handlers['job.cancel'] = () => ok({ cancelled: true });
  return state;
}

/** What main answers to ports.apply without a login to the NVR. */
export const loginNeeded = () =>
  failed(
    'PORTS_LOGIN_NEEDED',
    'Log in to the NVR first (step “Find your NVR”): the app needs its ONVIF login to change its ports. Nothing was changed.',
  );

/** The Ports page's harness: the NVR chosen, the browser build, main holding the NVR's login while `remembered`. */
export function portsPage(remembered: () => boolean = () => true) {
  return {
    path: '/step/ports',
    handlers: (): FakeHandlers => ({
      'setup.get': () => ok({ setup: setupWithNvr(), notice: null }),
      'app.info': () => appInfo(false, 'browser'),
      'discovery.list': () => discoveryList({ rememberedDeviceIds: remembered() ? [REOLINK.id] : [] }),
    }),
  };
}
