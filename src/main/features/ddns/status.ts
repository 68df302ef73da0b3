import type { DdnsCheck, DdnsLast } from '../../../shared/domain/ddns';
import type { StepState } from '../../../shared/domain/step-state';

/**
 * The DDNS step's status (the one place it is decided): verified only when a check found the name at the public
 * address; attention when the check found it elsewhere or missing, or the last update's answer stops updates;
 * working while an update went through but no check has proven it yet (or the resolver is still catching up).
 */
export function judgeDdnsStep(check: DdnsCheck | null, last: DdnsLast | null, at: Date): StepState {
  const updatedAt = at.toISOString();
  if (last?.answer.stop && (!check || check.checkedAt < last.answeredAt))
    return {
      status: 'attention',
      updatedAt,
      reason: `The provider answered "${last.answer.code}": ${last.answer.words}`.slice(0, 500),
    };
  if (!check)
    return last
      ? { status: 'working', updatedAt, reason: 'Updated; not checked yet.' }
      : { status: 'not-started', updatedAt };
  if (check.verdict === 'ok') return { status: 'verified', updatedAt };
  if (check.verdict === 'propagating' || check.verdict === 'no-expected')
    return { status: 'working', updatedAt, reason: check.words.slice(0, 500) };
  return { status: 'attention', updatedAt, reason: check.words.slice(0, 500) };
}
