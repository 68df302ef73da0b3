import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../api/client';
import { readFromMain, saveInMain } from './call-main';
import type { Approach, SetupNotice, SetupRecord } from '../../shared/domain/setup';
import { STEPS, type StepId, type StepStatus } from '../../shared/domain/steps';
import { stepFit } from '../../shared/domain/step-approach';
import { stepTitle } from '../components/step-status';

export interface StepView {
  id: StepId;
  title: string;
  available: boolean;
  status: StepStatus;
  reason: string | null;
  updatedAt: string | null;
}

/** The setup record as main keeps it, the recovered-file notice, and step statuses. Main is the source of truth. */
export const useSetupStore = defineStore('setup', () => {
  const record = ref<SetupRecord | null>(null);
  const notice = ref<SetupNotice | null>(null);
  const noticeDismissed = ref(false);
  const loading = ref(false);
  /** Why the setup could not be loaded, in plain words. */
  const error = ref<string | null>(null);
  /** Which change is being saved right now. */
  const saving = ref<'approach' | 'skip' | 'reset' | null>(null);
  /** Why the last change could not be saved; the previous state is kept. */
  const saveError = ref<string | null>(null);
  let unsubscribe: (() => void) | null = null;

  const approach = computed<Approach | null>(() => record.value?.approach ?? null);
  const interfaceName = computed<string | null>(() => record.value?.interfaceName ?? null);

  const steps = computed<StepView[]>(() =>
    STEPS.map((step) => {
      const state = record.value?.steps[step.id];
      return {
        id: step.id,
        title: stepTitle(step.id),
        available: step.available,
        status: state?.status ?? 'not-started',
        reason: state?.reason ?? null,
        updatedAt: state?.updatedAt ?? null,
      };
    }),
  );
  /** The steps the chosen way needs (every step while no way is chosen): what the progress counts. */
  const neededSteps = computed(() => steps.value.filter((s) => stepFit(s.id, approach.value).applies));
  const totalSteps = computed(() => neededSteps.value.length);
  const verifiedCount = computed(() => neededSteps.value.filter((s) => s.status === 'verified').length);
  /** Where a half-done setup continues: the first available step that is neither verified nor skipped. */
  const resumeStepId = computed<StepId>(() => {
    const available = steps.value.filter((s) => s.available);
    // The first step not done that the chosen way needs (src/shared/domain/step-approach.ts): a step the way does
    // not need is never where the wizard resumes.
    const open = available.find(
      (s) => s.status !== 'verified' && s.status !== 'skipped' && stepFit(s.id, approach.value).applies,
    );
    return (open ?? available[0] ?? steps.value[0]!).id;
  });
  const visibleNotice = computed(() => (noticeDismissed.value ? null : notice.value));

  function statusOf(id: StepId): StepStatus {
    return record.value?.steps[id]?.status ?? 'not-started';
  }

  /** Takes a record from main unless we already hold a newer one (events and answers may cross). */
  function applyRecord(next: SetupRecord): void {
    const current = record.value;
    if (current && current.createdAt === next.createdAt && next.updatedAt < current.updatedAt) return;
    record.value = next;
  }

  function listen(): void {
    if (unsubscribe) return;
    unsubscribe = client.onSetupChanged(({ setup }) => applyRecord(setup));
  }

  /** Loads (or resumes) the setup from main and starts following its changes. */
  function load(): Promise<boolean> {
    listen();
    return readFromMain({ loading, error }, client.getSetup, (data) => {
      record.value = data.setup;
      if (data.notice?.backupFile !== notice.value?.backupFile) noticeDismissed.value = false;
      notice.value = data.notice;
    });
  }

  /** Re-reads the record quietly (after a measurement that main saved), keeping what we have on failure. */
  async function reloadRecord(): Promise<void> {
    const result = await client.getSetup();
    if (result.ok) applyRecord(result.data.setup);
  }

  const save = (kind: 'approach' | 'skip' | 'reset', work: () => Promise<client.Result<SetupRecord>>) =>
    saveInMain({ saving, as: kind, error: saveError }, work, (next) => {
      if (kind === 'reset') record.value = next;
      else applyRecord(next);
    });

  const chooseApproach = (choice: Approach) => save('approach', () => client.chooseApproach(choice));
  const skipStep = (step: StepId, reason: string) => save('skip', () => client.skipStep(step, reason));
  async function reset(): Promise<boolean> {
    const done = await save('reset', () => client.resetSetup());
    if (done) {
      notice.value = null;
      noticeDismissed.value = false;
    }
    return done;
  }

  function dismissNotice(): void {
    noticeDismissed.value = true;
  }

  function clearSaveError(): void {
    saveError.value = null;
  }

  return {
    record,
    notice,
    visibleNotice,
    loading,
    error,
    saving,
    saveError,
    approach,
    interfaceName,
    steps,
    totalSteps,
    verifiedCount,
    resumeStepId,
    statusOf,
    applyRecord,
    load,
    reloadRecord,
    chooseApproach,
    skipStep,
    reset,
    dismissNotice,
    clearSaveError,
  };
});
