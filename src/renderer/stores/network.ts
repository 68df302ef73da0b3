import { computed, ref, watch } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../api/client';
import { readFromMain, saveInMain } from './call-main';
import type { NetworkInterface, NetworkReport } from '../../shared/domain/network';
import { useSetupStore } from './setup';

/** The measured network of this computer and the interface the app will search for the NVR through. */
export const useNetworkStore = defineStore('network', () => {
  const setup = useSetupStore();
  const measured = ref<NetworkReport | null>(null);
  const loading = ref(false);
  /** Why the last measurement failed, in plain words (an older measurement stays shown). */
  const error = ref<string | null>(null);
  /** The interface being saved right now. */
  const choosing = ref<string | null>(null);
  /** Why the last choice could not be saved; the previous choice is kept. */
  const chooseError = ref<string | null>(null);

  /** The fresh measurement, or else the last one main saved in the setup (shown while re-measuring). */
  const report = computed<NetworkReport | null>(() => measured.value ?? setup.record?.network ?? null);
  const interfaces = computed<NetworkInterface[]>(() => report.value?.interfaces ?? []);
  /** The interface the user chose, as saved by main. */
  const chosenInterface = computed<string | null>(() => setup.interfaceName ?? null);
  const chosenIsPresent = computed(
    () => chosenInterface.value !== null && interfaces.value.some((i) => i.name === chosenInterface.value),
  );
  const recommended = computed(() => report.value?.recommended ?? null);
  /** What discovery will use: the user's choice, else the recommendation. */
  const effectiveInterface = computed<string | null>(() =>
    chosenIsPresent.value ? chosenInterface.value : (recommended.value?.interfaceName ?? null),
  );

  /** Measures the network again; main saves the measurement and the step status. */
  const refresh = (): Promise<boolean> =>
    readFromMain({ loading, error }, client.getNetwork, (data) => {
      measured.value = data;
      return setup.reloadRecord();
    });

  // A new setup record (Start over, here or in another window): the old measurement is not this setup's — measure
  // again, so the first step shows this computer's network at once instead of "not started".
  watch(
    () => setup.record?.createdAt,
    (now, before) => {
      if (before === undefined || now === undefined || now === before) return;
      measured.value = null;
      void refresh();
    },
  );

  const chooseInterface = (name: string): Promise<boolean> =>
    saveInMain(
      { saving: choosing, as: name, error: chooseError, ownMarkOnly: true },
      () => client.chooseInterface(name),
      (record) => {
        setup.applyRecord(record);
        if (record.network) measured.value = record.network;
      },
    );

  return {
    report,
    interfaces,
    loading,
    error,
    choosing,
    chooseError,
    chosenInterface,
    chosenIsPresent,
    recommended,
    effectiveInterface,
    refresh,
    chooseInterface,
  };
});
