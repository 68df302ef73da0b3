import type { ForwardPlan } from '../../../shared/domain/forward-plan';
import type { OutsideProof } from '../../../shared/domain/outside-proof';
import type { SetupRecord } from '../../../shared/domain/setup';
import { planStepState, stepState } from '../../../shared/domain/step-state';
import { said, saidList, saidWords } from '../../../shared/i18n/said';
import { saidInEnglish } from '../../../shared/i18n/english';

/**
 * Sets the Router rules step's status from a plan. Never verified here: the rules are proven from outside (the
 * Internet step, judgeRulesProven below). Attention while the plan names a problem; working once there are rules.
 */
export function judgeRules(draft: SetupRecord, plan: ForwardPlan, at: Date): void {
  draft.steps.rules = planStepState(
    plan.notes,
    at.toISOString(),
    saidInEnglish(
      plan.rules.length
        ? said('wizard.reasons.rules.toEnter', { count: plan.rules.length })
        : said('wizard.reasons.rules.none'),
    ),
  );
}

/**
 * The Router rules step after a proof from outside of the saved plan: verified when every planned TCP rule was
 * reachable; attention naming the first rule that was not, with its cause; unchanged when the checker could not say
 * (or the proof was of another plan, or the plan has no TCP rule to prove).
 */
export function judgeRulesProven(draft: SetupRecord, proof: OutsideProof, at: Date): void {
  const plan = draft.rules.plan;
  if (!plan) return;
  const planned = new Set(plan.rules.filter((r) => r.protocol === 'tcp').map((r) => r.externalPort));
  const rows = proof.rows.filter((r) => r.kind === 'planned' && r.protocol === 'tcp' && planned.has(r.port));
  if (!rows.length || rows.length !== planned.size) return;
  const updatedAt = at.toISOString();
  const failed = rows.filter((r) => r.ok === false);
  if (failed.length)
    // The rules not reachable by key (a list), the first one's cause as the proof said it (English, a value).
    draft.steps.rules = stepState(
      'attention',
      updatedAt,
      saidInEnglish(
        said('wizard.reasons.rules.notReachable', {
          ports: saidList(failed.map((r) => saidWords('wizard.reasons.rules.port', { port: String(r.port) }))),
          why: failed[0]!.text,
        }),
      ),
    );
  else if (rows.every((r) => r.ok === true)) draft.steps.rules = { status: 'verified', updatedAt };
}
