import { computed } from 'vue';
import { useSetupStore } from '../stores/setup';
import { STEP_STATUS_VIEW } from '../components/step-status';
import type { StepId } from '../../shared/domain/steps';

/** A step's state as main saved it in the record: its status, how it is shown, main's reason and its time. */
export function useStepState(stepId: StepId) {
  const setup = useSetupStore();
  return computed(() => {
    const state = setup.record?.steps[stepId];
    const status = state?.status ?? 'not-started';
    return {
      status,
      view: STEP_STATUS_VIEW[status],
      reason: state?.reason ?? null,
      /** `reason` by the catalogue's key, where main said it by key: the page says it in its language. */
      reasonSaid: state?.reasonSaid,
      updatedAt: state?.updatedAt ?? null,
    };
  });
}
