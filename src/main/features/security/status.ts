import type { SecurityResult } from '../../../shared/domain/security';
import { stepState, type StepState } from '../../../shared/domain/step-state';
import { said, type Said, type SaidWords } from '../../../shared/i18n/said';
import type { ParamValue } from '../../../shared/i18n/types';
import { saidInEnglish } from '../../../shared/i18n/english';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Words said by key that may fill another's placeholder: their values plain words or numbers, or words by key without
 * values of their own (said.ts carries three levels at most); else null.
 */
function plainWords(words: Said | undefined): SaidWords | null {
  if (!words) return null;
  const params: Record<string, ParamValue | { key: string }> = {};
  for (const [name, value] of Object.entries(words.params ?? {})) {
    if (typeof value !== 'object') params[name] = value;
    else if ('key' in value && value.params === undefined) params[name] = { key: value.key };
    else return null;
  }
  return words.params ? { key: words.key, params } : { key: words.key };
}

/**
 * The Security step's status from a check (the one place it is decided): attention while a finding of the top
 * severity (critical) is open, naming the first; otherwise verified, with what is still worth fixing (high, medium,
 * low and unknown findings lower the score but do not hold the step back).
 */
export function judgeSecurityStep(result: SecurityResult, at: Date): StepState {
  const updatedAt = at.toISOString();
  const critical = result.findings.filter((f) => f.severity === 'critical');
  if (critical.length) {
    const first = critical[0]!;
    // The first finding's title by its own key, with its values (three levels of words at most, said.ts); else the
    // sentence stays main's English (a title whose values have values of their own, or one not said by key).
    const title = plainWords(first.said?.title);
    return stepState('attention', updatedAt, {
      text: `${plural(critical.length, 'critical finding is', 'critical findings are')} open: ${first.title}.`,
      ...(title ? { said: said('wizard.reasons.security.critical', { count: critical.length, title }) } : {}),
    });
  }
  const left = result.findings.filter((f) => f.worth > 0).length;
  return stepState(
    'verified',
    updatedAt,
    saidInEnglish(
      left
        ? said('wizard.reasons.security.worthFixing', { count: left, score: result.score })
        : said('wizard.reasons.security.noFinding', { score: result.score }),
    ),
  );
}
