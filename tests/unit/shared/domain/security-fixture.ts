import type { ForwardPlan, ForwardRule } from '../../../../src/shared/domain/forward-plan';
import type { OutsideProof, ProofRow } from '../../../../src/shared/domain/outside-proof';
import type { PortReport, PortRow } from '../../../../src/shared/domain/ports';
import { judgeSecurity, type SecurityInput } from '../../../../src/shared/domain/security';
import type { UpnpAudit, UpnpFinding } from '../../../../src/shared/domain/upnp';
import { portRow } from '../../../support/port-row';

// The Security check's tests: a Ports measurement, a plan, a UPnP audit and a proof from outside, each built from
// a few facts, and a careful setup to change one fact at a time.

export const AT = '2026-12-05T20:00:00.000Z';
export const NVR = '192.168.1.64';

export const report = (rows: PortRow[]): PortReport => ({
  deviceId: 'nvr-1',
  address: NVR,
  measuredAt: AT,
  full: false,
  rows,
  declaredButClosed: [],
  undeclaredOpen: [],
  onvifProtocols: null,
});
export const HTTPS = portRow(443, 'https', { service: 'https', adminUi: true });
export const HTTP = portRow(80, 'http', { service: 'http', plainText: true, adminUi: true });
export const SDK = portRow(8000, 'sdk');
export const RTSP = portRow(554, 'rtsp', { service: 'rtsp', plainText: true });

export const rule = (over: Partial<ForwardRule> = {}): ForwardRule => ({
  name: 'NVR Web page (HTTPS)',
  role: 'https',
  protocol: 'tcp',
  externalPort: 10443,
  internalAddress: NVR,
  internalPort: 443,
  sources: ['198.51.100.7/32'],
  why: '',
  ...over,
});
export const plan = (rules: ForwardRule[]): ForwardPlan => ({
  deviceId: 'nvr-1',
  address: NVR,
  wants: { web: true, app: true, video: false },
  sources: [],
  rules,
  notes: [],
  madeAt: AT,
});
export const upnpFinding = (code: UpnpFinding['code']): UpnpFinding => ({
  code,
  severity: 'info',
  text: `router says ${code}`,
  evidence: [`evidence of ${code}`],
});
export const audit = (codes: UpnpFinding['code'][]): UpnpAudit => ({
  measuredAt: AT,
  interfaceName: 'eth0',
  gateway: '192.168.1.1',
  igd: null,
  mappings: [],
  listEnd: 'complete',
  natPmp: { present: false, externalAddress: null },
  elsewhere: [],
  findings: codes.map(upnpFinding),
});
export const proofRow = (port: number, kind: ProofRow['kind'], state: ProofRow['state']): ProofRow => ({
  kind,
  protocol: 'tcp',
  port,
  label: port === 23 ? 'Telnet (plain-text login)' : `port ${port}`,
  internal: null,
  state,
  ok: null,
  verdict: state,
  cause: null,
  text: '',
  evidence: '31 ms',
});
export const proof = (rows: ProofRow[]): OutsideProof => ({
  measuredAt: AT,
  checker: 'https://checker.example',
  target: '203.0.113.2',
  name: null,
  testedAddress: '203.0.113.2',
  rows,
  hairpin: null,
  verdict: { code: 'proven', title: 't', advice: 'a' },
  findings: [],
});

/** A careful setup: a Hikvision NVR not in CVE-2017-7921's families, HTTPS only, UPnP off, a VPN, nothing forwarded. */
export const careful = (over: Partial<SecurityInput> = {}): SecurityInput => ({
  nvr: { brand: 'Hikvision', model: 'DS-7608NI-K2', firmware: 'V4.30.085 build 210521' },
  ports: report([HTTPS, SDK]),
  upnp: audit(['upnp-off']),
  plan: null,
  proof: null,
  vpn: 'planned',
  ...over,
});
export const ids = (input: SecurityInput): string[] => judgeSecurity(input, AT).findings.map((f) => f.id);
export const find = (input: SecurityInput, id: string) => judgeSecurity(input, AT).findings.find((f) => f.id === id);
