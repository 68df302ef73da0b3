import { ref } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../../api/client';
import { useJob } from '../../composables/useJob';
import { jobKindSchema } from '../../../shared/ipc/contract';
import type { VerifyResult } from '../../../shared/domain/verify-shapes';
import { useSetupStore } from '../../stores/setup';
import { newer, useStepLoad, openWithRecord, loadWithRecord } from '../../stores/step-load';
import { t } from '../../composables/useT';

/**
 * The Verify step's page state: main's last verification (each check: ok, drift or not checked) and the job that
 * re-checks everything. Nothing is contacted until the button is pressed, or until the page's first visit starts it for
 * an NVR never verified (WizardStepVerify, useFirstVisit).
 */
export const useVerifyStore = defineStore('verify', () => {
  const setup = useSetupStore();
  const last = ref<VerifyResult | null>(null);

  const runJob = useJob({
    kind: jobKindSchema.enum['verify-run'],
    maxBuffered: 40,
    events: { 'verify.onResult': ({ result }) => (last.value = result) },
    onEnd: () => sync(),
  });

  const { loading, loadError, load } = useStepLoad({
    read: () => client.call('verify.get', {}),
    take: (_, data) => {
      last.value = newer(last.value, data.last);
    },
  });

  const sync = (): Promise<void> => loadWithRecord(setup, load);

  const openStep = (): Promise<void> => openWithRecord(setup, load);

  /** Re-checks everything against the saved setup. */
  async function run(): Promise<boolean> {
    if (runJob.busy) return false;
    const started = await runJob.start(() => client.call('verify.run', {}), {
      message: t('verify.progressStart'),
    });
    return started !== null;
  }

  const cancel = (): Promise<boolean> => runJob.cancel();

  return { last, runJob, loading, loadError, openStep, run, cancel };
});
