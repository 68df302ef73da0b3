import type { SetupRecord } from '../../../shared/domain/setup';
import type { VerifyResult } from '../../../shared/domain/verify';

/**
 * Sets the Verify step's status from a verification (the one place it is set): verified when nothing drifted and
 * every check that had something saved could measure; attention on drift (what drifted) or when a check could not
 * measure (nothing is proven then).
 */
export function judgeVerifyStep(draft: SetupRecord, result: VerifyResult, at: Date): void {
  const updatedAt = at.toISOString();
  const drifted = result.checks.filter((c) => c.state === 'drift');
  if (result.outcome === 'no-drift') draft.steps.verify = { status: 'verified', updatedAt };
  else if (drifted.length)
    draft.steps.verify = {
      status: 'attention',
      updatedAt,
      reason: `Changed since it was set up: ${drifted.map((c) => c.title).join(', ')}.`.slice(0, 500),
    };
  else {
    const unmeasured = result.checks.filter((c) => c.why === 'unmeasured');
    draft.steps.verify = {
      status: 'attention',
      updatedAt,
      reason: unmeasured.length
        ? `Could not check: ${unmeasured.map((c) => c.title).join(', ')}.`.slice(0, 500)
        : 'Nothing to check yet: set up the steps first.',
    };
  }
}
