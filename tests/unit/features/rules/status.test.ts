// The Router rules step's status. What the user would lose: rules entered on the router although the plan names a
// problem, or a step verified before the rules were proven from outside.
import { describe, expect, it } from 'vitest';
import { judgeRules } from '../../../../src/main/features/rules/status';
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
