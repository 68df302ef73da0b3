import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { useRouter } from 'vue-router';
import { useSetupStore } from '../stores/setup';
import type { StepId } from '../../shared/domain/steps';
import { stepSkipWords, stepTitle } from '../components/step-status';
import { nextStepFor } from '../../shared/domain/step-approach';

/**
 * A step as the way chosen on "Your network" sees it (src/shared/domain/step-approach.ts): why it is not needed
 * (null when it is), and where "Next" leads — the next step with a page that the way needs, or null.
 */
export function useStepApproach(stepId: MaybeRefOrGetter<StepId>) {
  const setup = useSetupStore();
  const router = useRouter();
  const skip = computed(() => stepSkipWords(toValue(stepId), setup.approach));
  const next = computed(() => {
    const id = nextStepFor(toValue(stepId), setup.approach, (s) => router.hasRoute(`step-${s}`));
    return id ? { name: `step-${id}`, title: stepTitle(id) } : null;
  });
  return { skip, next };
}
