import { computed, ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../api/client';
import { inPageWords } from '../components/page-words';
import { useJob, type JobEnd } from '../composables/useJob';
import { jobKindSchema, type InvokeOutput } from '../../shared/ipc/contract';
import type {
  AddressProblem,
  PlannedReservation,
  StaticIpPending,
  StaticIpReading,
  StaticIpResult,
} from '../../shared/steps/static-ip';
import { t } from '../composables/useT';
import { useSetupStore } from './setup';
import { newer, useStepLoad } from './step-load';
import {
  EMPTY_DRAFT,
  draftFromReading,
  draftInput,
  useStaticIpDerived,
  type AddressDraft,
  type AddressPlan,
  type ApplyInput,
} from './static-ip-derived';

export * from './static-ip-derived';

type SavedStaticIp = InvokeOutput<'address.get'>;

/**
 * The Static IP step for the chosen NVR: main's last reading of its address settings (judged, with a proposal),
 * the DHCP range the user typed, the last change and one left unfinished, as main saved them; the check job and
 * the change job this page started (each followed through useJob); the address the user typed and main's check of
 * it. Nothing is sent to the NVR without the user's word.
 */
export const useStaticIpStore = defineStore('staticIp', () => {
  const setup = useSetupStore();

  const reading = ref<StaticIpReading | null>(null);
  /** The DHCP range as the user typed it and main saved it. */
  const userPool = ref<string | null>(null);
  const lastChange = ref<StaticIpResult | null>(null);
  /** A change main started and never finished (the app stopped mid-change): the next check finds the NVR. */
  const pending = ref<StaticIpPending | null>(null);
  /** The router way, when the user said they reserved the address in the router (the next check proves it). */
  const plannedReservation = ref<PlannedReservation | null>(null);
  const reserving = ref(false);
  /** Main's problems with the reserved address, or why it could not be noted (plain words). */
  const reserveProblems = ref<AddressProblem[]>([]);
  const reserveError = ref<string | null>(null);

  /** The DHCP range field (sent as `pool` with the next check). */
  const poolDraft = ref('');
  /** The address, router and DNS fields; `edited` once the user changed them from main's proposal. */
  const draft = ref<AddressDraft>({ ...EMPTY_DRAFT });
  const edited = ref(false);
  const plan = ref<AddressPlan | null>(null);
  const planFor = ref<string | null>(null);
  const planning = ref(false);
  const planError = ref<string | null>(null);
  /** The address last sent, so the user's yes to main's warnings sends the very same one again. */
  const lastSent = shallowRef<ApplyInput | null>(null);
  /** The result main announced for the running change (it comes before the job ends). */
  let appliedNow: StaticIpResult | null = null;

  const deviceId = computed<string | null>(() => setup.record?.nvr?.deviceId ?? null);
  /** Where the chosen NVR was last found (the search updates it when the NVR moved by itself). */
  const nvrAddress = computed<string | null>(() => setup.record?.nvr?.device.addresses[0] ?? null);
  /** Main's saved reading, range and changes for the chosen NVR (`loadedFor`: the NVR they belong to). */
  const { loadedFor, loading, loadError, load, refresh } = useStepLoad({
    deviceId: () => deviceId.value,
    read: (id) => client.call('address.get', { deviceId: id }),
    take,
    clear: clearDeviceData,
  });

  function takeResult(result: StaticIpResult): void {
    lastChange.value = result;
    appliedNow = result;
    pending.value = null;
  }

  /** The reading (main's `static-ip-check` job); a change left unfinished is sorted out first, as a result. */
  const checkJob = useJob({
    kind: jobKindSchema.enum['static-ip-check'],
    maxBuffered: 50,
    events: {
      'address.onReading': ({ reading: next }) => takeReading(next),
      'address.onApplied': ({ result }) => takeResult(result),
    },
    onEnd: () => sync(),
  });

  /** The change (main's `static-ip-apply` job): proven free, sent, the NVR followed and read back. */
  const applyJob = useJob({
    kind: jobKindSchema.enum['static-ip-apply'],
    maxBuffered: 50,
    events: { 'address.onApplied': ({ result }) => takeResult(result) },
    onEnd: (end) => applyEnded(end),
  });

  const derived = useStaticIpDerived({
    deviceId,
    nvrAddress,
    reading,
    lastChange,
    pending,
    draft,
    plan,
    planFor,
    planning,
    planError,
    lastSent,
    checkJob,
    applyJob,
  });

  function takeReading(next: StaticIpReading): void {
    const changed = reading.value?.at !== next.at || reading.value?.deviceId !== next.deviceId;
    reading.value = next;
    loadedFor.value = next.deviceId;
    if (changed && !edited.value) {
      draft.value = draftFromReading(next);
      void replan();
    }
  }

  function clearDeviceData(): void {
    reading.value = null;
    userPool.value = null;
    poolDraft.value = '';
    pending.value = null;
    plannedReservation.value = null;
    reserveProblems.value = [];
    reserveError.value = null;
    loadedFor.value = null;
    draft.value = { ...EMPTY_DRAFT };
    edited.value = false;
    plan.value = null;
    planFor.value = null;
    planError.value = null;
    lastSent.value = null;
    checkJob.clearError();
    checkJob.outcome = null;
    applyJob.clearError();
    // A change just made moves the NVR (its id may follow its address): its result stays on show for the new id.
    if (lastChange.value && !deviceAt(lastChange.value.address)) lastChange.value = null;
  }

  function deviceAt(address: string | null): boolean {
    return !!address && !!setup.record?.nvr?.device.addresses.includes(address);
  }

  function take(id: string, saved: SavedStaticIp): void {
    const same = loadedFor.value === id;
    loadedFor.value = id;
    pending.value = saved.pending ?? null;
    userPool.value = saved.userPool;
    plannedReservation.value = saved.reservation ?? null;
    if (!same || !poolDraft.value) poolDraft.value = saved.userPool ?? '';
    lastChange.value = newer(lastChange.value, saved.lastChange);
    const next = same ? newer(reading.value, saved.reading) : saved.reading;
    if (next) takeReading(next);
  }

  /** Re-reads main's saved entry and the setup record (step status) after a job, keeping what we have on failure. */
  async function sync(): Promise<void> {
    await setup.reloadRecord();
    if (!deviceId.value) return;
    if (loadedFor.value !== deviceId.value) await load();
    else await refresh();
  }

  /**
   * Entering the step: main's saved entry; a new reading when there is none, when it is older than the last change,
   * or when a change did not finish (the check finds where the NVR answers now; it only reads).
   */
  async function openStep(): Promise<void> {
    if (!setup.record) await setup.reloadRecord();
    const loaded = await load();
    if (loaded && (derived.needsCheck.value || pending.value)) await check();
  }

  /**
   * Reads the NVR's address settings and judges them (logged in when main holds a login). With `pool`, the DHCP
   * range the user typed goes along (empty: forget it). The reading arrives as an event of this job.
   */
  async function check(options: { pool?: string } = {}): Promise<boolean> {
    const id = deviceId.value;
    if (!id || checkJob.busy || applyJob.busy) return false;
    const pool = options.pool?.trim();
    const started = await checkJob.start(
      () => client.call('address.check', pool === undefined ? { deviceId: id } : { deviceId: id, pool }),
      { message: pending.value ? t('staticIp.job.finding') : t('staticIp.job.reading') },
    );
    return started !== null;
  }

  const cancelCheck = (): Promise<boolean> => checkJob.cancel();

  /** Main's check of the typed address (nothing is sent to the NVR); only the answer to what is typed now counts. */
  async function replan(): Promise<boolean> {
    const id = deviceId.value;
    const input = draftInput(draft.value);
    const key = JSON.stringify(input);
    if (!id || Object.keys(derived.inputProblems.value).length) {
      plan.value = null;
      planFor.value = null;
      return false;
    }
    if (planFor.value === key && !planError.value) return true;
    planning.value = true;
    planError.value = null;
    try {
      const result = await client.call('address.plan', { deviceId: id, ...input });
      if (deviceId.value !== id || JSON.stringify(draftInput(draft.value)) !== key) return false;
      if (!result.ok) {
        planError.value = inPageWords(result.error);
        plan.value = null;
        planFor.value = null;
        return false;
      }
      plan.value = result.data;
      planFor.value = key;
      return true;
    } finally {
      planning.value = false;
    }
  }

  /** The user typed in one of the fields; main checks the whole address when `check` is asked (the page decides when). */
  function setDraft(field: keyof AddressDraft, text: string): void {
    if (draft.value[field] === text) return;
    draft.value = { ...draft.value, [field]: text };
    edited.value = true;
  }

  /**
   * The router way: the user reserved `address` for the NVR's MAC in the router (null: not any more). Main notes it
   * (nothing is sent to the NVR or the router); a reading then proves it once the NVR has renewed its lease.
   */
  async function reserve(address: string | null): Promise<boolean> {
    const id = deviceId.value;
    if (!id || reserving.value) return false;
    reserving.value = true;
    reserveError.value = null;
    try {
      const result = await client.call('address.reserve', { deviceId: id, address });
      if (deviceId.value !== id) return false;
      if (!result.ok) {
        reserveError.value = inPageWords(result.error);
        return false;
      }
      reserveProblems.value = result.data.problems;
      if (address !== null && !result.data.reservation) return false;
      plannedReservation.value = result.data.reservation;
      return true;
    } finally {
      reserving.value = false;
    }
  }

  /** Back to main's proposal. */
  async function resetDraft(): Promise<boolean> {
    draft.value = draftFromReading(reading.value);
    edited.value = false;
    return replan();
  }

  /**
   * Gives the NVR the checked address: only when the user confirmed it (with the warnings in view, then
   * `confirmWarnings`). Main proves it free, saves the change as pending, sends it, follows the NVR and reads it back.
   */
  async function apply(options: { confirmWarnings?: boolean } = {}): Promise<boolean> {
    const target = derived.applyTarget.value;
    if (!derived.canApply.value || !target) return false;
    return startApply({ address: target.address, gateway: target.gateway, dns: [...target.dns] }, options);
  }

  /** The user said yes to the warnings main named: the same address again, with that yes. */
  async function confirmWarnings(): Promise<boolean> {
    if (!derived.needsWarningYes.value || !lastSent.value) return false;
    return startApply(lastSent.value, { confirmWarnings: true });
  }

  async function startApply(input: ApplyInput, options: { confirmWarnings?: boolean }): Promise<boolean> {
    const id = deviceId.value;
    if (!id || applyJob.busy || checkJob.busy) return false;
    appliedNow = null;
    lastSent.value = input;
    const started = await applyJob.start(
      () =>
        client.call('address.apply', {
          deviceId: id,
          address: input.address,
          gateway: input.gateway,
          dns: input.dns,
          ...(options.confirmWarnings ? { confirmWarnings: true } : {}),
        }),
      { message: t('staticIp.job.starting') },
    );
    return started !== null;
  }

  async function applyEnded(end: JobEnd | null): Promise<void> {
    const result = appliedNow;
    appliedNow = null;
    if (end?.outcome === 'cancelled') applyJob.error = end.error as typeof applyJob.error;
    if (result) {
      // The NVR moved (or was put back): the typed fields are done with; the next reading brings a new proposal.
      edited.value = false;
      plan.value = null;
      planFor.value = null;
    }
    await sync();
    // Read the NVR where it is now, so "What we found" shows it as it is (not when it is lost: nothing to read).
    if (result && (result.outcome === 'verified' || result.outcome === 'restored') && derived.needsCheck.value)
      await check();
  }

  /**
   * Asks main to stop the change: before the address is sent nothing happens; once the NVR has it, the change is
   * left as it is and saved as unfinished, so the next check finds where the NVR answers.
   */
  const cancelApply = (): Promise<boolean> => applyJob.cancel();

  function unsubscribe(): void {
    checkJob.unsubscribe();
    applyJob.unsubscribe();
  }

  return {
    ...derived,
    reading,
    userPool,
    poolDraft,
    lastChange,
    pending,
    plannedReservation,
    reserving,
    reserveProblems,
    reserveError,
    loadedFor,
    loading,
    loadError,
    deviceId,
    draft,
    edited,
    plan,
    planning,
    planError,
    lastSent,
    checkJob,
    applyJob,
    openStep,
    load,
    sync,
    check,
    cancelCheck,
    replan,
    setDraft,
    resetDraft,
    reserve,
    apply,
    confirmWarnings,
    cancelApply,
    unsubscribe,
  };
});
