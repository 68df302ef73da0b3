import type { ForwardPlan } from '../../../../../src/shared/domain/forward-plan';
import {
  judgeHairpin,
  judgeOutsideProof,
  proofTargets,
  type CheckerAnswer,
  type OutsideProof,
} from '../../../../../src/shared/domain/outside-proof';

// The proof from outside for the Internet step's tests (internet-proof.test.ts, i18n/internet-pseudo.test.ts): a plan
// of two router rules to the NVR, and proofs judged by the shared domain main uses (judgeOutsideProof).

export const CHECKER = 'https://checker.example/';
export const PUBLIC = '203.0.113.2';
export const NVR = '192.168.1.64';

export function fakePlan(): ForwardPlan {
  const rule = (name: string, externalPort: number, internalPort: number) => ({
    name,
    role: 'web',
    protocol: 'tcp' as const,
    externalPort,
    internalAddress: NVR,
    internalPort,
    sources: [],
    why: 'to reach it from outside',
  });
  return {
    deviceId: 'nvr-1',
    address: NVR,
    wants: { web: true, app: true, video: false },
    sources: [],
    rules: [rule('NVR HTTPS', 10443, 443), rule('NVR app', 18000, 8000)],
    notes: [],
    madeAt: '2026-01-01T00:00:00.000Z',
  };
}

export const yes = (ms = 40): CheckerAnswer => ({ ok: true, reachable: true, ms, ip: PUBLIC });
export const no = (ms: number): CheckerAnswer => ({ ok: true, reachable: false, ms, ip: PUBLIC });

/**
 * A proof judged from the checker's answers (port → reachable and ms; a port not given stays silent), of the public
 * address or of a DDNS name (`name`); no hairpin.
 */
export function fakeProof(
  answers: Record<number, CheckerAnswer>,
  measuredAt = '2026-01-02T10:00:00.000Z',
  name: string | null = null,
): OutsideProof {
  const targets = proofTargets(fakePlan(), null);
  const asked = new Map(targets.map((t) => [t.port, answers[t.port] ?? no(1900)]));
  return judgeOutsideProof({
    targets,
    answers: asked,
    internetVerdict: 'public-on-router',
    report: null,
    mappings: null,
    checkerAddress: '198.51.100.10',
    measuredAt,
    checker: CHECKER,
    target: PUBLIC,
    name,
    hairpin: judgeHairpin(PUBLIC, [{ port: 10443, result: 'no-answer' }], [10443]),
  });
}
