import { computed } from 'vue';
import { useSetupStore } from '../../stores/setup';
import { approachWords } from '../../../shared/guidance/approaches';
import { useT } from '../../composables/useT';

/** The three ways to reach the NVR from outside as the Network page shows them (in its language), and the one chosen. */
export function useApproaches() {
  const setup = useSetupStore();
  const { t } = useT();
  const approaches = computed(() =>
    approachWords(t).map((guide) => ({
      ...guide,
      shortTitle: guide.title,
      selected: setup.approach === guide.id,
    })),
  );
  const chosenApproachTitle = computed(() => approaches.value.find((a) => a.selected)?.shortTitle ?? null);
  return { approaches, chosenApproachTitle };
}
