// The Router rules step's status. What the user would lose: rules entered on the router although the plan names a
// problem, or a step verified before the rules were proven from outside.
import { describe, expect, it } from 'vitest';
import { judgeRules, judgeRulesProven } from '../../../../src/main/features/rules/status';
import type { OutsideProof, ProofRow } from '../../../../src/shared/domain/outside-proof';
import type { ForwardPlan } from '../../../../src/shared/domain/forward-plan';
import { fullRecord } from '../../shared/domain/checklist-fixture';
import { createTranslator } from '../../../../src/shared/i18n';
import { said, saidList, saidWords, sayIn } from '../../../../src/shared/i18n/said';

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
      reasonSaid: { key: 'wizard.reasons.rules.toEnter', params: { count: 2 } },
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
      reasonSaid: { key: 'wizard.reasons.rules.none' },
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
      reasonSaid: said('wizard.reasons.rules.notReachable', {
        ports: saidList([saidWords('wizard.reasons.rules.port', { port: String(first) })]),
        why: 'The router’s firewall drops it.',
      }),
    });
  });

  /** A record whose plan holds exactly these rules (the fixture's first rule, with this protocol and outside port). */
  const withRules = (...rules: Array<['tcp' | 'udp', number]>) => {
    const r = fullRecord();
    const base = r.rules.plan!.rules[0]!;
    r.rules.plan = {
      ...r.rules.plan!,
      rules: rules.map(([protocol, externalPort]) => ({ ...base, protocol, externalPort })),
    };
    return r;
  };
  const udp = (port: number, ok: boolean | null): ProofRow => ({ ...row(port, ok), protocol: 'udp' });
  const forbidden = (port: number, ok: boolean | null): ProofRow => ({ ...row(port, ok), kind: 'forbidden' });

  it('every rule not reachable is named, in order, with the first one’s cause (cut to 500)', () => {
    const r = withRules(['tcp', 10443], ['tcp', 8000]);
    judgeRulesProven(r, proof([row(10443, false, 'The router’s firewall drops it.'), row(8000, false, 'x')]), AT);
    expect(r.steps.rules).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason: 'Not reachable from outside: port 10443, port 8000. The router’s firewall drops it.',
      reasonSaid: said('wizard.reasons.rules.notReachable', {
        ports: saidList([
          saidWords('wizard.reasons.rules.port', { port: '10443' }),
          saidWords('wizard.reasons.rules.port', { port: '8000' }),
        ]),
        why: 'The router’s firewall drops it.',
      }),
    });
    // The rules by key in the page's language (a list of them), the numbers as they came; the cause as the proof said it.
    const xa = createTranslator('en-XA');
    expect(sayIn(xa, r.steps.rules!.reasonSaid, 'fallback')).toBe(
      xa.t('wizard.reasons.rules.notReachable', {
        ports: `${xa.t('wizard.reasons.rules.port', { port: '10443' })}, ${xa.t('wizard.reasons.rules.port', { port: '8000' })}`,
        why: 'The router’s firewall drops it.',
      }),
    );
    expect(sayIn(xa, r.steps.rules!.reasonSaid, 'fallback')).not.toContain('Not reachable from outside');
    judgeRulesProven(r, proof([row(10443, false, 'w'.repeat(900)), row(8000, true)]), AT);
    expect(r.steps.rules?.reason).toHaveLength(500);
  });

  it('verified only when the proof covers every planned TCP rule: one rule proven and another not asked is not verified', () => {
    const r = withRules(['tcp', 10443], ['tcp', 8000]);
    const before = structuredClone(r.steps.rules);
    judgeRulesProven(r, proof([row(10443, true)]), AT);
    expect(r.steps.rules).toEqual(before);
    // Reachable and not known: not verified either.
    judgeRulesProven(r, proof([row(10443, true), row(8000, null)]), AT);
    expect(r.steps.rules).toEqual(before);
  });

  it('UDP rules are not proven this way (the checker tests TCP): they neither block nor make a verdict', () => {
    const r = withRules(['tcp', 10443], ['udp', 6100]);
    judgeRulesProven(r, proof([row(10443, true), udp(6100, false)]), AT);
    expect(r.steps.rules).toEqual({ status: 'verified', updatedAt: NOW });
    // A plan of UDP rules only: nothing to prove from outside, the step is left as it is.
    const u = withRules(['udp', 6100]);
    const before = structuredClone(u.steps.rules);
    judgeRulesProven(u, proof([udp(6100, true)]), AT);
    expect(u.steps.rules).toEqual(before);
  });

  it('rows that are not the plan’s TCP rules do not count: a forbidden port, a UDP row or a rule of another plan on the way', () => {
    for (const extra of [forbidden(10443, false), udp(10443, null), row(9999, true)]) {
      const r = withRules(['tcp', 10443]);
      judgeRulesProven(r, proof([row(10443, true), extra]), AT);
      expect(r.steps.rules).toEqual({ status: 'verified', updatedAt: NOW });
    }
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
