import type { ForwardPlan } from '../../../shared/domain/forward-plan';
import type { SetupRecord } from '../../../shared/domain/setup';

/**
 * Sets the Router rules step's status from a plan (the one place it is set). Never verified here: the rules are
 * proven from outside (the Internet step). Attention while the plan names a problem; working once there are rules.
 */
export function judgeRules(draft: SetupRecord, plan: ForwardPlan, at: Date): void {
  const updatedAt = at.toISOString();
  const problem = plan.notes.find((n) => n.severity === 'problem');
  draft.steps.rules = problem
    ? { status: 'attention', updatedAt, reason: problem.text.slice(0, 500) }
    : {
        status: 'working',
        updatedAt,
        reason: plan.rules.length
          ? `${plan.rules.length} rule${plan.rules.length === 1 ? '' : 's'} to enter on your router, then prove them from outside.`
          : 'No rule to enter: nothing fits what you asked for safely.',
      };
}
