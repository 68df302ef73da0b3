import { computed } from 'vue';
import { useDiscoveryStore } from '../../stores/discovery';
import { useNetworkStore } from '../../stores/network';
import { useDeviceLoginStore } from '../../stores/device-login';
import { useStepState } from '../../composables/useStepState';
import { deviceTitle } from '../../components/device-identity';
import { searchSeconds, sweepCovers } from '../../../shared/domain/discovery-limits';
import type { DiscoveredDevice } from '../../../shared/domain/device';
import { t } from '../../composables/useT';

// What the Find page's parts read alike from the stores (each part computes it for itself; nothing is kept here).

/** A device's name for sentences; one that told nothing about itself by its address. */
export function nameOf(device: Pick<DiscoveredDevice, 'brand' | 'model' | 'name' | 'addresses'>): string {
  return deviceTitle(
    device,
    device.addresses[0] ? t('find.deviceAt', { address: device.addresses[0] }) : t('find.theDevice'),
  );
}

/** The next search: where it goes, whether it can check every address, how long it takes, whether one ran. */
export function useSearchPlan() {
  const discovery = useDiscoveryStore();
  const network = useNetworkStore();
  const stepState = useStepState('find');

  /** The interface the next search goes through: the user's choice, else the suggested one. */
  const nextInterface = computed(() => network.effectiveInterface);
  const nextInterfaceInfo = computed(() => network.interfaces.find((i) => i.name === nextInterface.value) ?? null);
  /** The subnet size the sweep would cover (null when not known yet). */
  const sweepPrefix = computed(() => nextInterfaceInfo.value?.ipv4[0]?.prefix ?? null);
  /** Main sweeps at most a /22 (shared/domain/discovery-limits.ts); a bigger network gets the usual search only. */
  const sweepTooBig = computed(() => sweepPrefix.value !== null && !sweepCovers(sweepPrefix.value));
  /** How long a search takes, said before it starts. */
  const durationText = computed(() =>
    t('find.search.duration', { count: searchSeconds({ sweep: discovery.sweep, prefix: sweepPrefix.value }) }),
  );
  /** After a search that found nothing without checking every address: suggest it (where it can run). */
  const suggestSweep = computed(() => discovery.lastSweep !== true && !sweepTooBig.value);
  const searchedBefore = computed(
    () =>
      discovery.finishedAt !== null || discovery.searchJob.outcome !== null || stepState.value.status !== 'not-started',
  );

  return {
    nextInterface,
    nextInterfaceInfo,
    sweepPrefix,
    sweepTooBig,
    durationText,
    suggestSweep,
    searchedBefore,
  };
}

/** The NVR the user picked, as the list shows it, and its login. */
export function useChosenNvr() {
  const discovery = useDiscoveryStore();
  const login = useDeviceLoginStore();

  const chosen = computed(() => discovery.chosen);
  const chosenTitle = computed(() => {
    const d = chosen.value?.device;
    return d ? deviceTitle(d, t('find.aDevice')) : '';
  });
  const chosenInList = computed(() => discovery.devices.some((d) => discovery.isChosen(d)));
  /** The chosen NVR's id as shown in the list (matched by MAC when a later search named it differently). */
  const chosenShownId = computed(
    () => discovery.devices.find((d) => discovery.isChosen(d))?.id ?? chosen.value?.deviceId,
  );
  const chosenLogin = computed(() => (chosenShownId.value ? login.stateOf(chosenShownId.value) : null));

  return { chosen, chosenTitle, chosenInList, chosenShownId, chosenLogin };
}
