import type { SecurityResult } from '../../../shared/domain/security';
import type { StepState } from '../../../shared/domain/step-state';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The Security step's status from a check (the one place it is decided): attention while a finding of the top
 * severity (critical) is open, naming the first; otherwise verified, with what is still worth fixing (high, medium,
 * low and unknown findings lower the score but do not hold the step back).
 */
export function judgeSecurityStep(result: SecurityResult, at: Date): StepState {
  const updatedAt = at.toISOString();
  const critical = result.findings.filter((f) => f.severity === 'critical');
  if (critical.length)
    return {
      status: 'attention',
      updatedAt,
      reason:
        `${plural(critical.length, 'critical finding is', 'critical findings are')} open: ${critical[0]!.title}.`.slice(
          0,
          500,
        ),
    };
  const left = result.findings.filter((f) => f.worth > 0).length;
  return {
    status: 'verified',
    updatedAt,
    reason: left
      ? `No critical finding is open. Score ${result.score}/100: ${plural(left, 'fix is', 'fixes are')} still worth making.`
      : `No finding is open. Score ${result.score}/100.`,
  };
}
