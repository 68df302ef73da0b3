import type { SetupRecord } from '../../../shared/domain/setup';
import type { VerifyResult } from '../../../shared/domain/verify';
import { stepState } from '../../../shared/domain/step-state';
import { said, saidList, type Said } from '../../../shared/i18n/said';
import { saidInEnglish } from '../../../shared/i18n/english';

/**
 * Sets the Verify step's status from a verification (the one place it is set): verified when nothing drifted, every
 * check that had something saved could measure and nothing was already wrong (a planned port not reachable, a port
 * exposed, as when proven); attention on drift (what drifted), on what is still wrong, or when a check could not
 * measure (nothing is proven then).
 */
export function judgeVerifyStep(draft: SetupRecord, result: VerifyResult, at: Date): void {
  const updatedAt = at.toISOString();
  const drifted = result.checks.filter((c) => c.state === 'drift');
  // Nothing drifted, yet what was proven was already not as it should be (a rule not reachable, a port exposed):
  // remote access is not verified, whatever stayed the same.
  const standing = result.checks.filter((c) => (c.standing ?? 0) > 0);
  if (result.outcome === 'no-drift' && standing.length)
    draft.steps.verify = {
      status: 'attention',
      updatedAt,
      reason: `Nothing changed, but not everything works yet: ${standing.map((c) => c.text).join(' ')}`.slice(0, 500),
    };
  else if (result.outcome === 'no-drift') draft.steps.verify = { status: 'verified', updatedAt };
  else if (drifted.length)
    draft.steps.verify = stepState('attention', updatedAt, {
      text: `Changed since it was set up: ${drifted.map((c) => c.title).join(', ')}.`,
      ...titles('wizard.reasons.verify.changed', drifted),
    });
  else {
    const unmeasured = result.checks.filter((c) => c.why === 'unmeasured');
    draft.steps.verify = stepState(
      'attention',
      updatedAt,
      unmeasured.length
        ? {
            text: `Could not check: ${unmeasured.map((c) => c.title).join(', ')}.`,
            ...titles('wizard.reasons.verify.unmeasured', unmeasured),
          }
        : saidInEnglish(said('wizard.reasons.verify.nothing')),
    );
  }
}

/**
 * A reason naming the checks, by key: one by its title's own key, several as a list of them (joined the language's
 * way: "Ports, DDNS name" in English, as main's sentence joins them). A title said with values stays main's English.
 */
function titles(
  key: 'wizard.reasons.verify.changed' | 'wizard.reasons.verify.unmeasured',
  checks: readonly VerifyResult['checks'][number][],
): { said?: Said } {
  const keys = checks.map((c) => (c.titleSaid && !c.titleSaid.params ? { key: c.titleSaid.key } : null));
  if (!keys.length || keys.some((k) => k === null)) return {};
  const plain = keys as { key: string }[];
  return { said: said(key, { title: plain.length === 1 ? plain[0]! : saidList(plain) }) };
}
