import type { SetupRecord } from '../../../shared/domain/setup';
import type { VerifyResult } from '../../../shared/domain/verify';

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
