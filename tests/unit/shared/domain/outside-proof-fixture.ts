// The fixtures of the outside-proof tests (outside-proof.test.ts, outside-proof-row.test.ts): a plan of two rules
// for the NVR at 192.168.1.64 (HTTPS 10443 → 443, SDK 8000), the Ports step's last measurement of it, and the
// checker's three kinds of answer.
import type { ForwardPlan, ForwardRule } from '../../../../src/shared/domain/forward-plan';
import { proofTargets, type CheckerAnswer, type ProofInput } from '../../../../src/shared/domain/outside-proof';
import type { PortReport } from '../../../../src/shared/domain/ports';
import { portRow } from '../../../support/port-row';

export const NVR = '192.168.1.64';
export const rule = (over: Partial<ForwardRule>): ForwardRule => ({
  name: 'NVR App/SDK port',
  role: 'sdk',
  protocol: 'tcp',
  externalPort: 8000,
  internalAddress: NVR,
  internalPort: 8000,
  sources: [],
  why: '',
  ...over,
});
export const HTTPS = rule({ name: 'NVR Web page (HTTPS)', role: 'https', externalPort: 10443, internalPort: 443 });
export const SDK = rule({});
export const plan = (rules: ForwardRule[] = [HTTPS, SDK]): ForwardPlan => ({
  deviceId: 'hik',
  address: NVR,
  wants: { web: true, app: true, video: false },
  sources: [],
  rules,
  notes: [],
  madeAt: '2026-01-01T00:00:00.000Z',
});
export const report = (over: Partial<PortReport> = {}): PortReport =>
  ({
    deviceId: 'hik',
    address: NVR,
    measuredAt: '2026-01-01T00:00:00.000Z',
    full: false,
    rows: [
      portRow(80, 'http', { service: 'http', plainText: true, adminUi: true }),
      portRow(443, 'https', { adminUi: true }),
      portRow(8000, 'sdk'),
    ],
    declaredButClosed: [],
    undeclared: [],
    ...over,
  }) as PortReport;

export const yes = (ms = 30): CheckerAnswer => ({ ok: true, reachable: true, ms, ip: '203.0.113.2' });
export const refused = (ms = 40): CheckerAnswer => ({ ok: true, reachable: false, ms, ip: '203.0.113.2' });
export const timedOut = (ms = 2050): CheckerAnswer => ({ ok: true, reachable: false, ms, ip: '203.0.113.2' });

export function input(answers: Record<number, CheckerAnswer>, over: Partial<ProofInput> = {}): ProofInput {
  return {
    targets: proofTargets(plan(), report()),
    answers: new Map(Object.entries(answers).map(([p, a]) => [Number(p), a])),
    internetVerdict: 'public-on-router',
    report: report(),
    mappings: [],
    checkerAddress: '198.51.100.10',
    ...over,
  };
}
export const target = (port: number, kind: 'planned' | 'forbidden' = 'planned') =>
  proofTargets(plan(), report()).find((t) => t.port === port && t.kind === kind)!;
