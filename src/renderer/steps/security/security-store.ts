import { ref } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../../api/client';
import type { SecurityResult } from '../../../shared/domain/security';
import { useSetupStore } from '../../stores/setup';
import { useStepLoad } from '../../stores/step-load';

/**
 * The Security step's page state: main's last check (saved with its time, read when the page opens), whether a check
 * is on its way, and why the last one failed. The check reads the setup record only; nothing is sent to a device.
 */
export const useSecurityStore = defineStore('security', () => {
  const setup = useSetupStore();
  const result = ref<SecurityResult | null>(null);
  const busy = ref(false);
  const error = ref<string | null>(null);

  const { loading, loadError, load } = useStepLoad({
    read: () => client.call('security.get', {}),
    take: (_, data) => {
      result.value = data.last ?? result.value;
    },
  });

  async function openStep(): Promise<void> {
    if (!setup.record) await setup.reloadRecord();
    await load();
  }

  /** Judge what the steps recorded, now: true when main answered with a result. */
  async function runCheck(): Promise<boolean> {
    if (busy.value) return false;
    busy.value = true;
    error.value = null;
    try {
      const answer = await client.call('security.check', {});
      if (!answer.ok) {
        error.value = answer.error.message;
        return false;
      }
      result.value = answer.data;
      await setup.reloadRecord();
      return true;
    } finally {
      busy.value = false;
    }
  }

  return { result, busy, error, loading, loadError, openStep, runCheck };
});
