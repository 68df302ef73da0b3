// A step's state from a plan: the first problem note puts the step in attention with its words (cut to what the
// record keeps), and without one the step is working with the reason the step gives.
import { describe, expect, it } from 'vitest';
import { planStepState, stepState, stepStateSchema } from '../../../../src/shared/domain/step-state';

const AT = '2026-12-06T02:00:00.000Z';

describe('step state', () => {
  it('a reason longer than the record keeps is cut to 500 characters, so saving it cannot fail', () => {
    const s = stepState('attention', AT, 'x'.repeat(600));
    expect(s.reason).toHaveLength(500);
    expect(stepStateSchema.safeParse(s).success).toBe(true);
  });

  it('a plan naming a problem needs attention, in the words of its first problem, not a warning before it', () => {
    const notes = [
      { severity: 'warning', text: 'only a warning' },
      { severity: 'problem', text: 'first problem' },
      { severity: 'problem', text: 'second problem' },
    ];
    expect(planStepState(notes, AT, 'ready')).toEqual({ status: 'attention', updatedAt: AT, reason: 'first problem' });
  });

  it('a plan with warnings and notes only is working, with the reason the step gives', () => {
    const notes = [{ severity: 'warning', text: 'only a warning' }];
    expect(planStepState(notes, AT, 'ready')).toEqual({ status: 'working', updatedAt: AT, reason: 'ready' });
  });

  it('words said by key go with the reason (a note’s, passed through); words too long to cross by key do not', () => {
    const said = { key: 'rules.notes.plainVideo', params: { port: '554' } };
    expect(planStepState([{ severity: 'problem', text: 'first problem', said }], AT, 'ready')).toEqual({
      status: 'attention',
      updatedAt: AT,
      reason: 'first problem',
      reasonSaid: said,
    });
    const working = planStepState([], AT, { text: 'ready', said: { key: 'wizard.reasons.rules.none' } });
    expect(working.reasonSaid).toEqual({ key: 'wizard.reasons.rules.none' });
    // A value past the shape's bounds (300 characters) would make the record invalid: main's English alone then.
    const long = stepState('attention', AT, { text: 'x', said: { key: 'k', params: { text: 'y'.repeat(301) } } });
    expect(long).toEqual({ status: 'attention', updatedAt: AT, reason: 'x' });
    expect(stepStateSchema.safeParse(working).success).toBe(true);
  });
});
