import type { SetupRecord } from '../../../shared/domain/setup';

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
    draft.steps.find = { status: 'working', updatedAt, reason: 'Log in to the NVR to confirm the app can talk to it.' };
  else if (!draft.nvr)
    draft.steps.find = draft.devices.length
      ? { status: 'working', updatedAt, reason: 'Pick your NVR in the list.' }
      : {
          status: 'attention',
          updatedAt,
          reason: 'No device answered. Check the NVR is on and on this network, or add it by its address.',
        };
}
