import { ref } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../../api/client';
import { useJob } from '../../composables/useJob';
import { jobKindSchema } from '../../../shared/ipc/contract';
import type { PublicAddressCheck, PublicAddressSeen } from '../../../shared/domain/public-address';
import { useSetupStore } from '../../stores/setup';
import { newer, useStepLoad } from '../../stores/step-load';

/**
 * The Internet step's page state: main's last check (the verdict, the router's WAN address, what STUN and the
 * checker saw), the public addresses seen, the servers the next check asks (editable here), and the check job.
 * Nothing is contacted until the user presses the check button.
 */
export const useInternetStore = defineStore('internet', () => {
  const setup = useSetupStore();
  const check = ref<PublicAddressCheck | null>(null);
  const history = ref<PublicAddressSeen[]>([]);
  const stun = ref('');
  const checker = ref('');

  const checkJob = useJob({
    kind: jobKindSchema.enum['internet-check'],
    maxBuffered: 20,
    events: { 'internet.onCheck': ({ check: next }) => (check.value = next) },
    onEnd: () => sync(),
  });

  const { loading, loadError, load } = useStepLoad({
    read: () => client.call('internet.get', {}),
    take: (_, data) => {
      check.value = newer(check.value, data.check);
      history.value = data.history;
      if (!stun.value) stun.value = data.servers.stun;
      if (!checker.value) checker.value = data.servers.checker;
    },
  });

  async function sync(): Promise<void> {
    await Promise.all([load(), setup.reloadRecord()]);
  }

  async function openStep(): Promise<void> {
    if (!setup.record) await setup.reloadRecord();
    await load();
  }

  /** Asks the router, the STUN server and the checker (the ones in the fields), then judges. */
  async function run(): Promise<boolean> {
    if (checkJob.busy) return false;
    const input = {
      ...(stun.value.trim() ? { stun: stun.value.trim() } : {}),
      ...(checker.value.trim() ? { checker: checker.value.trim() } : {}),
    };
    const started = await checkJob.start(() => client.call('internet.check', input), {
      message: 'Asking the router and the internet…',
    });
    return started !== null;
  }

  const cancel = (): Promise<boolean> => checkJob.cancel();

  return { check, history, stun, checker, checkJob, loading, loadError, openStep, run, cancel };
});
