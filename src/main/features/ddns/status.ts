import type { DdnsCheck, DdnsLast } from '../../../shared/domain/ddns';
import { stepState, type StepState } from '../../../shared/domain/step-state';
import { saidInEnglish } from '../../../shared/i18n/english';
import { said } from '../../../shared/i18n/said';

/**
 * The DDNS step's status (the one place it is decided): verified only when a check found the name at the public
 * address; attention when the check found it elsewhere or missing, or the last update's answer stops updates;
 * working while an update went through but no check has proven it yet (or the resolver is still catching up).
 */
export function judgeDdnsStep(check: DdnsCheck | null, last: DdnsLast | null, at: Date): StepState {
  const updatedAt = at.toISOString();
  if (last?.answer.stop && (!check || check.checkedAt < last.answeredAt))
    // The provider's words stay as they came inside the sentence (a value; its own key cannot sit in another's). The
    // English is made here, whole: the words may be longer than a value said by key may be (then only it is kept).
    return stepState('attention', updatedAt, {
      text: `The provider answered "${last.answer.code}": ${last.answer.words}`,
      said: said('wizard.reasons.ddns.providerAnswered', { code: last.answer.code, words: last.answer.words }),
    });
  if (!check)
    return last
      ? stepState('working', updatedAt, saidInEnglish(said('wizard.reasons.ddns.notChecked')))
      : { status: 'not-started', updatedAt };
  if (check.verdict === 'ok') return { status: 'verified', updatedAt };
  const words = { text: check.words, said: check.said };
  if (check.verdict === 'propagating' || check.verdict === 'no-expected') return stepState('working', updatedAt, words);
  return stepState('attention', updatedAt, words);
}
