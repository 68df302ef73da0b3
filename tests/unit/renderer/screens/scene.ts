// One fixed scene for the screenshots: network verified (port forwarding), the Reolink found and chosen (Find
// verified), its ports measured with main's proposal and a verified change (Ports needs attention). Built from the
// unit tests' fakes, so the pictures show what the tests assert.
import {
  appInfo,
  createFakeApi,
  fakeDevices,
  fakeListening,
  fakeReport,
  ok,
  searchedList,
  searchedSetup,
} from '../fake-api';
import { REOLINK, fakeApplyResult, fakePortPlan, fakePortReport, fakePorts } from '../fake-ports';
import { judgeOutsideProof, proofTargets } from '../../../../src/shared/domain/outside-proof';
import type { ForwardPlan } from '../../../../src/shared/domain/forward-plan';

// A proof from outside with the troubleshooting tree walked (the Internet page): HTTPS reachable, the app port
// dropped although the NVR answers inside and the router loops it back (so the drop is before the rule).
const NVR_AT = REOLINK.addresses[0]!;
const rule = (name: string, role: string, externalPort: number, internalPort: number) => ({
  name,
  role,
  protocol: 'tcp' as const,
  externalPort,
  internalAddress: NVR_AT,
  internalPort,
  sources: [],
  why: '',
});
const plan: ForwardPlan = {
  deviceId: REOLINK.id,
  address: NVR_AT,
  wants: { web: true, app: true, video: false },
  sources: [],
  rules: [rule('NVR Web page (HTTPS)', 'https', 10443, 443), rule('NVR app port', 'sdk', 19000, 9000)],
  notes: [],
  madeAt: '2025-03-01T12:10:00.000Z',
};
const targets = proofTargets(plan, null);
const proof = judgeOutsideProof({
  targets,
  answers: new Map(
    targets.map((t) => [
      t.port,
      { ok: true, reachable: t.port === 10443, ms: t.port === 10443 ? 40 : 2050, ip: '203.0.113.2' },
    ]),
  ),
  internetVerdict: 'public-on-router',
  report: null,
  mappings: [],
  checkerAddress: '198.51.100.10',
  inside: new Map([
    [`${NVR_AT}:443`, 'open'],
    [`${NVR_AT}:9000`, 'open'],
  ]),
  measuredAt: '2025-03-01T12:20:00.000Z',
  checker: 'https://ifconfig.co/',
  target: '203.0.113.2',
  name: null,
  hairpin: {
    address: '203.0.113.2',
    rows: [
      { port: 10443, result: 'reached' },
      { port: 19000, result: 'reached' },
    ],
    loopsBack: 'yes',
    text: 'Your router loops back (NAT loopback, "hairpin").',
  },
});

const setup = searchedSetup({
  approach: 'port-forwarding',
  nvr: { deviceId: REOLINK.id, device: REOLINK, chosenAt: '2025-03-01T11:00:00.000Z' },
  steps: {
    network: { status: 'verified', updatedAt: '2025-03-01T10:00:00.000Z' },
    find: { status: 'verified', updatedAt: '2025-03-01T11:00:00.000Z' },
    ports: {
      status: 'attention',
      updatedAt: '2025-03-01T12:05:00.000Z',
      reason: 'RTSP (554) and HTTPS (443) still use their factory ports.',
    },
  },
});

const api = createFakeApi({
  'app.info': () => appInfo(true, 'electron'),
  'setup.get': () => ok({ setup, notice: null }),
  'network.get': () => ok(fakeReport({ chosenInterface: 'eth0' })),
  'discovery.list': () => searchedList({ devices: fakeDevices(), finishedAt: '2025-03-01T10:10:04.000Z' }),
  'ddns.get': () => ok({ hosts: [], check: null }),
  'internet.get': () =>
    ok({
      check: null,
      proof,
      history: [],
      servers: { stun: 'stun.example.net:3478', checker: 'https://ifconfig.co/' },
    }),
});
fakePorts(api, { report: fakePortReport(), plan: fakePortPlan(), lastChange: fakeApplyResult() });
fakeListening(api);
window.api = api;
