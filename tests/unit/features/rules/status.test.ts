// The Router rules step's status. What the user would lose: rules entered on the router although the plan names a
// problem, or a step verified before the rules were proven from outside.
import { describe, expect, it } from 'vitest';
import { judgeRules, judgeRulesProven } from '../../../../src/main/features/rules/status';
import type { OutsideProof, ProofRow } from '../../../../src/shared/domain/outside-proof';
import type { ForwardPlan } from '../../../../src/shared/domain/forward-plan';
import { fullRecord } from '../../shared/domain/checklist-fixture';

const AT = new Date('2026-03-05T00:00:00.000Z');
const NOW = AT.toISOString();
const plan = (over: Partial<ForwardPlan> = {}): ForwardPlan => ({
  ...structuredClone(fullRecord().rules.plan!),
  ...over,
});

describe('judgeRules', () => {
  it('a plan naming a problem is attention with the problem’s text (cut to 500), not the warnings before it', () => {
    const r = fullRecord();
    judgeRules(
      r,
      plan({
        notes: [
          { code: 'any-source', severity: 'warning', text: 'A warning.' },
          { code: 'plain-video', severity: 'problem', text: 'RTSP would be open to anyone.' },
        ],
      }),
      AT,
    );
    expect(r.steps.rules).toEqual({ status: 'attention', updatedAt: NOW, reason: 'RTSP would be open to anyone.' });
    judgeRules(r, plan({ notes: [{ code: 'plain-video', severity: 'problem', text: 'p'.repeat(900) }] }), AT);
    expect(r.steps.rules?.reason).toHaveLength(500);
  });

  it('rules without a problem are working (never verified here), counting them, singular for one', () => {
    const r = fullRecord();
    const p = plan();
    judgeRules(r, p, AT);
    expect(r.steps.rules).toEqual({
      status: 'working',
      updatedAt: NOW,
      reason: '2 rules to enter on your router, then prove them from outside.',
    });
    judgeRules(r, plan({ rules: p.rules.slice(0, 1) }), AT);
    expect(r.steps.rules?.reason).toBe('1 rule to enter on your router, then prove them from outside.');
  });

  it('no rule: working, saying nothing fits what was asked safely', () => {
    const r = fullRecord();
    judgeRules(r, plan({ rules: [], notes: [] }), AT);
    expect(r.steps.rules).toEqual({
      status: 'working',
      updatedAt: NOW,
      reason: 'No rule to enter: nothing fits what you asked for safely.',
    });
  });
});

describe('judgeRulesProven', () => {
  const row = (port: number, ok: boolean | null, text = ''): ProofRow => ({
    kind: 'planned',
    protocol: 'tcp',
    port,
    label: `rule ${port}`,
    internal: null,
    state: ok === null ? 'unknown' : ok ? 'reachable' : 'filtered',
    ok,
    verdict: ok === null ? 'unknown' : ok ? 'reachable' : 'filtered',
    cause: ok === false ? 'firewall' : null,
    text,
    evidence: '',
  });
  const proof = (rows: ProofRow[]): OutsideProof => ({
    measuredAt: NOW,
    checker: 'http://c/',
    target: null,
    name: null,
    testedAddress: null,
    rows,
    hairpin: null,
    verdict: { code: 'unknown', title: '', advice: '' },
    findings: [],
  });
  const ports = () =>
    fullRecord()
      .rules.plan!.rules.filter((r) => r.protocol === 'tcp')
      .map((r) => r.externalPort);

  it('every planned rule reachable from outside: the step is verified (the rules are entered and work)', () => {
    const r = fullRecord();
    judgeRulesProven(r, proof(ports().map((p) => row(p, true))), AT);
    expect(r.steps.rules).toEqual({ status: 'verified', updatedAt: NOW });
  });

  it('a rule not reachable: attention naming it with its cause, so the step is not left "working"', () => {
    const r = fullRecord();
    const [first, ...rest] = ports();
    judgeRulesProven(
      r,
      proof([row(first!, false, 'The router’s firewall drops it.'), ...rest.map((p) => row(p, true))]),
      AT,
    );
    expect(r.steps.rules).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason: `Not reachable from outside: port ${first}. The router’s firewall drops it.`,
    });
  });

  it('unchanged when the checker could not say, when the proof is of other rules, or without a plan', () => {
    const r = fullRecord();
    const before = structuredClone(r.steps.rules);
    judgeRulesProven(r, proof(ports().map((p) => row(p, null))), AT);
    judgeRulesProven(r, proof([row(1, true)]), AT);
    expect(r.steps.rules).toEqual(before);
    r.rules.plan = null;
    judgeRulesProven(r, proof(ports().map((p) => row(p, true))), AT);
    expect(r.steps.rules).toEqual(before);
  });
});
