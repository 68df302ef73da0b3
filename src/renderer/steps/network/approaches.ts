import { computed } from 'vue';
import { useSetupStore } from '../../stores/setup';
import { APPROACH_GUIDES } from '../../../shared/guidance/approaches';

/** The three ways to reach the NVR from outside as the Network page shows them, and the one the user chose. */
export function useApproaches() {
  const setup = useSetupStore();
  const approaches = computed(() =>
    APPROACH_GUIDES.map((guide) => ({
      ...guide,
      shortTitle: guide.title.replace(/\s*\(recommended\)\s*$/i, ''),
      selected: setup.approach === guide.id,
    })),
  );
  const chosenApproachTitle = computed(() => approaches.value.find((a) => a.selected)?.shortTitle ?? null);
  return { approaches, chosenApproachTitle };
}
