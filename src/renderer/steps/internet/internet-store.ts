import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../../api/client';
import { useJob } from '../../composables/useJob';
import { jobKindSchema } from '../../../shared/ipc/contract';
import type { OutsideProof } from '../../../shared/domain/outside-proof';
import type { PublicAddressCheck, PublicAddressSeen } from '../../../shared/domain/public-address';
import { useSetupStore } from '../../stores/setup';
import { newer, useStepLoad, loadWithRecord } from '../../stores/step-load';
import { t } from '../../composables/useT';

/**
 * The Internet step's page state: main's last check (the verdict, the router's WAN address, what STUN and the
 * checker saw), the public addresses seen, the servers the next check asks (editable here), and the check job; the
 * last proof from outside, the DDNS name to prove (prefilled from the DDNS step's first host) and the proof job.
 * Nothing is contacted until the user presses a button.
 */
export const useInternetStore = defineStore('internet', () => {
  const setup = useSetupStore();
  const check = ref<PublicAddressCheck | null>(null);
  const history = ref<PublicAddressSeen[]>([]);
  const stun = ref('');
  const checker = ref('');
  /** The last proof from outside (main's saved one, or a newer one its event brought). */
  const proof = ref<OutsideProof | null>(null);
  /** The DDNS name to prove instead of the public address (empty: the public address). */
  const host = ref('');
  let hostTouched = false;

  const checkJob = useJob({
    kind: jobKindSchema.enum['internet-check'],
    maxBuffered: 20,
    events: { 'internet.onCheck': ({ check: next }) => (check.value = next) },
    onEnd: () => sync(),
  });

  /** The proof from outside (main's `internet-prove` job): progress per port, then the proof as an event. */
  const proveJob = useJob({
    kind: jobKindSchema.enum['internet-prove'],
    maxBuffered: 80,
    events: { 'internet.onProof': ({ proof: next }) => (proof.value = next) },
    onEnd: () => sync(),
  });

  /** Whether the Router rules step saved a plan with at least one rule (else there is nothing to prove). */
  const hasPlan = computed(() => (setup.record?.rules?.plan?.rules.length ?? 0) > 0);
  /** The DDNS step's first host, if it has one. */
  const ddnsHost = computed<string | null>(() => setup.record?.ddns?.hosts[0]?.host ?? null);

  const { loading, loadError, load } = useStepLoad({
    read: () => client.call('internet.get', {}),
    take: (_, data) => {
      check.value = newer(check.value, data.check);
      proof.value = newer(proof.value, data.proof ?? null);
      history.value = data.history;
      if (!stun.value) stun.value = data.servers.stun;
      if (!checker.value) checker.value = data.servers.checker;
    },
  });

  const sync = (): Promise<void> => loadWithRecord(setup, load);

  async function openStep(): Promise<void> {
    if (!setup.record) await setup.reloadRecord();
    if (!hostTouched && !host.value && ddnsHost.value) host.value = ddnsHost.value;
    await load();
  }

  /** The user's own name in the field (an emptied field stays empty). */
  function setHost(value: string): void {
    hostTouched = true;
    host.value = value;
  }

  /** Asks the router, the STUN server and the checker (the ones in the fields), then judges. */
  async function run(): Promise<boolean> {
    if (checkJob.busy) return false;
    const input = {
      ...(stun.value.trim() ? { stun: stun.value.trim() } : {}),
      ...(checker.value.trim() ? { checker: checker.value.trim() } : {}),
    };
    const started = await checkJob.start(() => client.call('internet.check', input), {
      message: t('internet.check.asking'),
    });
    return started !== null;
  }

  const cancel = (): Promise<boolean> => checkJob.cancel();

  /** The proof from outside: the checker in the field asks every planned rule and every forbidden port. */
  async function prove(): Promise<boolean> {
    if (proveJob.busy) return false;
    const input = {
      ...(checker.value.trim() ? { checker: checker.value.trim() } : {}),
      ...(host.value.trim() ? { host: host.value.trim() } : {}),
    };
    const started = await proveJob.start(() => client.call('internet.prove', input), {
      message: t('internet.proof.asking'),
    });
    return started !== null;
  }

  const cancelProve = (): Promise<boolean> => proveJob.cancel();

  return {
    check,
    history,
    stun,
    checker,
    proof,
    host,
    hasPlan,
    ddnsHost,
    checkJob,
    proveJob,
    loading,
    loadError,
    openStep,
    run,
    cancel,
    setHost,
    prove,
    cancelProve,
  };
});
