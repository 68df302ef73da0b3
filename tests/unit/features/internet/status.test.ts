// The Internet step's status. What the user would lose: a step verified behind CGNAT or double NAT, where forwarding
// on their router can never reach the NVR, or a check that could not decide shown as fine.
import { describe, expect, it } from 'vitest';
import { judgeInternetStep, keepProof } from '../../../../src/main/features/internet/status';
import type { PublicAddressCheck } from '../../../../src/shared/domain/public-address';
import { fullRecord } from '../../shared/domain/checklist-fixture';

const AT = new Date('2026-03-05T00:00:00.000Z');
const NOW = AT.toISOString();
const withVerdict = (code: PublicAddressCheck['verdict']['code'], title: string): PublicAddressCheck => {
  const c = structuredClone(fullRecord().internet.check!);
  // The title by its own key as main says it (the advice as the fixture has it).
  const said = c.verdict.said && { ...c.verdict.said, title: { key: `internet.said.title.${code}` } };
  return { ...c, verdict: { ...c.verdict, code, title, ...(said ? { said } : {}) } };
};

describe('judgeInternetStep', () => {
  it('the router holding the public address verifies the step', () => {
    const r = fullRecord();
    expect(r.internet.check!.verdict.code).toBe('public-on-router');
    judgeInternetStep(r, r.internet.check!, AT);
    expect(r.steps.internet).toEqual({ status: 'verified', updatedAt: NOW });
  });

  it('CGNAT is attention, saying forwarding on the router alone cannot reach the NVR', () => {
    const r = fullRecord();
    judgeInternetStep(r, withVerdict('cgnat', 'Carrier-grade NAT'), AT);
    expect(r.steps.internet).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason: 'Carrier-grade NAT: port forwarding on your router alone cannot reach the NVR.',
      reasonSaid: {
        key: 'wizard.reasons.internet.noForwarding',
        params: { verdict: { key: 'internet.said.title.cgnat' } },
      },
    });
  });

  it('a verdict not reached is attention, saying it is not known yet (not that forwarding cannot work)', () => {
    const r = fullRecord();
    judgeInternetStep(r, withVerdict('unknown', 'Not known'), AT);
    expect(r.steps.internet).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason: 'Whether the router has the public address is not known yet.',
      reasonSaid: { key: 'wizard.reasons.internet.unknown' },
    });
  });
});

describe('keepProof', () => {
  it('keeps the proof as the Internet step’s and lets Router rules judge their rules by it (every rule reachable: verified)', () => {
    const r = fullRecord();
    const proof = structuredClone(r.internet.proof!);
    const planned = r.rules.plan!.rules.filter((x) => x.protocol === 'tcp').map((x) => x.externalPort);
    proof.measuredAt = '2026-03-04T00:00:00.000Z';
    proof.rows = planned.map((port) => ({
      kind: 'planned' as const,
      protocol: 'tcp' as const,
      port,
      label: `rule ${port}`,
      internal: null,
      state: 'reachable' as const,
      ok: true,
      verdict: 'reachable',
      cause: null,
      text: '',
      evidence: '',
    }));
    keepProof(r, proof, AT);
    expect(r.internet.proof).toBe(proof);
    expect(r.steps.rules).toEqual({ status: 'verified', updatedAt: NOW });
  });
});
