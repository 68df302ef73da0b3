import type { SetupRecord } from '../../../shared/domain/setup';
import { stepState } from '../../../shared/domain/step-state';
import { said } from '../../../shared/i18n/said';
import { saidInEnglish } from '../../../shared/i18n/english';

/** What just happened on the Find step. */
export type FindEvent = 'searched' | 'chosen' | 'logged-in';

/**
 * Sets the Find step's status (the one place it is set): verified once the app logged in to the chosen NVR; a
 * search that ends leaves a chosen NVR's status alone and otherwise asks to pick one, or says nothing answered.
 */
export function judgeFind(draft: SetupRecord, event: FindEvent, at: Date): void {
  const updatedAt = at.toISOString();
  if (event === 'logged-in') draft.steps.find = { status: 'verified', updatedAt };
  else if (event === 'chosen')
    draft.steps.find = stepState('working', updatedAt, saidInEnglish(said('wizard.reasons.find.logIn')));
  else if (!draft.nvr)
    draft.steps.find = draft.devices.length
      ? stepState('working', updatedAt, saidInEnglish(said('wizard.reasons.find.pick')))
      : stepState('attention', updatedAt, saidInEnglish(said('wizard.reasons.find.noAnswer')));
}
