import { computed, ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../api/client';
import { inPageWords } from '../components/page-words';
import { useJob, type JobEnd } from '../composables/useJob';
import { jobKindSchema } from '../../shared/ipc/contract';
import type { PortApplyResult, PortPendingChange, PortPlan, PortReport } from '../../shared/domain/ports';
import { useSetupStore } from './setup';
import { newer, useStepLoad, openWithRecord } from './step-load';
import { parsePortText, type EditableRole } from './ports-roles';
import { usePortsDerived } from './ports-derived';
import { t } from '../composables/useT';

export * from './ports-roles';

/**
 * The Ports step for the chosen NVR: main's last measurement (report), its proposal of non-standard ports (plan)
 * and the last change it applied, as main saved them; the audit job and the apply job this page started (each
 * followed through useJob: `auditJob`, `applyJob`); the user's edits of the new ports. Nothing is ever applied
 * without the user's word.
 */
export const usePortsStore = defineStore('ports', () => {
  const setup = useSetupStore();

  const report = ref<PortReport | null>(null);
  const plan = ref<PortPlan | null>(null);
  const lastChange = ref<PortApplyResult | null>(null);
  /** A change main started and never finished (the app stopped mid-change): the next check sorts it out. */
  const pending = ref<PortPendingChange | null>(null);
  /** Whether the running (or last) audit checks every port 1–65535. */
  const auditFull = ref(false);

  // The user's edits of the proposal, and main's check of them.
  const edits = ref<Partial<Record<EditableRole, number>>>({});
  /** What is wrong with what the user typed (not a port number), by role; nothing is sent to main for it. */
  const inputProblems = ref<Partial<Record<EditableRole, string>>>({});
  const planning = ref(false);
  /** The edits the shown plan was checked with (JSON), so a plan that does not reflect them cannot be applied. */
  const planEdits = ref('{}');
  /** Why the proposal could not be made or checked, in plain words. */
  const planError = ref<string | null>(null);

  /** A verified change whose measurement after it was stopped: the change stands, only the new table is missing. */
  const measurementStopped = ref(false);
  /** What the user should know after a change that ended well but not completely (plain words), else null. */
  const applyNotice = computed(() => (measurementStopped.value ? t('ports.apply.measurementStopped') : null));
  /** The result main announced for the running change (it comes before the job ends). */
  let appliedNow: PortApplyResult | null = null;
  /** The changes last sent, so the user's yes to main's warnings sends the very same ones again. */
  const lastSent = shallowRef<client.PortChange[]>([]);
  /** How the last change was asked for (one port at a time or not): a yes to its warnings sends it the same way. */
  let lastSentOptions: { oneAtATime: boolean } = { oneAtATime: false };

  function takeReport(next: PortReport): void {
    report.value = next;
    loadedFor.value = next.deviceId;
  }

  /** The measurement (main's `ports-audit` job); its report arrives as an event. */
  const auditJob = useJob({
    kind: jobKindSchema.enum['ports-audit'],
    maxBuffered: 200,
    events: { 'ports.onReport': ({ report: next }) => takeReport(next) },
    onEnd: (end) => (end ? (end.outcome === 'ok' ? void afterAudit() : undefined) : sync()),
  });

  /**
   * The change (main's `ports-apply` job): its result, then the measurement main makes after it (same job).
   */
  const applyJob = useJob({
    kind: jobKindSchema.enum['ports-apply'],
    maxBuffered: 200,
    events: {
      'ports.onReport': ({ report: next }) => takeReport(next),
      'ports.onApplied': ({ result }) => {
        lastChange.value = result;
        appliedNow = result;
      },
    },
    onEnd: (end) => (end ? applyEnded(end) : sync()),
  });

  const deviceId = computed<string | null>(() => setup.record?.nvr?.deviceId ?? null);
  /** Main's saved report, plan and change for the chosen NVR (`loadedFor`: the NVR they belong to). */
  const { loadedFor, loading, loadError, load, refresh } = useStepLoad({
    deviceId: () => deviceId.value,
    read: client.getPorts,
    take,
    clear: clearDeviceData,
  });
  const busy = computed(() => auditJob.busy || applyJob.busy || planning.value);

  /** What the page may do now (Apply, put back, each alone) and why not, worked out from the state above. */
  const derived = usePortsDerived({
    deviceId,
    plan,
    lastChange,
    pending,
    edits,
    inputProblems,
    planning,
    planEdits,
    planError,
    lastSent,
    auditJob,
    applyJob,
  });

  function clearDeviceData(): void {
    report.value = null;
    plan.value = null;
    lastChange.value = null;
    pending.value = null;
    loadedFor.value = null;
    edits.value = {};
    inputProblems.value = {};
    planError.value = null;
    planEdits.value = '{}';
    auditJob.clearError();
    auditJob.outcome = null;
    applyJob.clearError();
    measurementStopped.value = false;
  }

  function applyEnded(end: JobEnd): void {
    const changed = appliedNow?.outcome === 'verified' && appliedNow.changes.length > 0;
    appliedNow = null;
    if (end.outcome === 'cancelled' && changed) {
      // Stopped during the measurement that follows a verified change: the change stands, only the new table is missing.
      measurementStopped.value = true;
    } else if (end.outcome === 'cancelled') applyJob.error = end.error as typeof applyJob.error;
    // The device moved (or was put back): the edits are done with; take main's report, plan and status.
    edits.value = {};
    inputProblems.value = {};
    void sync();
  }

  /** Stops following main's events (the jobs themselves go on). */
  function unsubscribe(): void {
    auditJob.unsubscribe();
    applyJob.unsubscribe();
  }

  function take(id: string, saved: client.SavedPorts): void {
    const same = loadedFor.value === id;
    loadedFor.value = id;
    pending.value = saved.pending ?? null;
    report.value = same ? newer(report.value, saved.report) : saved.report;
    lastChange.value = same ? newer(lastChange.value, saved.lastChange) : saved.lastChange;
    // The user's edits stay on screen: main's saved plan is its own proposal, without them.
    if (Object.keys(edits.value).length === 0) {
      plan.value = saved.plan;
      planEdits.value = '{}';
    }
  }

  /** Re-reads main's saved ports and the setup record (step status) after a job, keeping what we have on failure. */
  async function sync(): Promise<void> {
    const saved = await refresh();
    if (saved && !saved.plan && saved.report) await replan();
    await setup.reloadRecord();
  }

  /** After an audit: main's report is in; its proposal is made from it (with the user's edits, if any). */
  async function afterAudit(): Promise<void> {
    await refresh();
    if (report.value) await replan();
    await setup.reloadRecord();
  }

  /** Entering the step: show what main saved for the chosen NVR. */
  const openStep = (): Promise<void> => openWithRecord(setup, load);

  /**
   * Measures the NVR's ports: the catalogue audit (a few seconds), or with `full` every port 1–65535 (slower).
   * The report arrives as an event of this job.
   */
  async function audit(options: { full?: boolean } = {}): Promise<boolean> {
    const id = deviceId.value;
    if (!id || auditJob.busy || applyJob.busy) return false;
    const full = options.full ?? false;
    const started = await auditJob.start(() => client.auditPorts(id, { full }), {
      message: full ? t('ports.audit.startingEvery') : t('ports.audit.starting'),
      onStarted: () => (auditFull.value = full),
    });
    return started !== null;
  }

  /** Asks main to stop the audit; the end comes as job.onDone. */
  const cancelAudit = (): Promise<boolean> => auditJob.cancel();

  /** Asks main for its proposal, checked with the user's edits. */
  async function replan(): Promise<boolean> {
    const id = deviceId.value;
    if (!id) return false;
    planning.value = true;
    planError.value = null;
    const sent = { ...edits.value };
    try {
      const result = await client.planPorts(id, sent as client.PortEdits);
      if (deviceId.value !== id) return false;
      if (!result.ok) {
        planError.value = inPageWords(result.error);
        return false;
      }
      // A later edit is on its way: its answer is the one to show.
      if (JSON.stringify(sent) !== JSON.stringify(edits.value)) return false;
      plan.value = result.data;
      planEdits.value = JSON.stringify(sent);
      return true;
    } finally {
      planning.value = false;
    }
  }

  /**
   * The user typed a new port for a role. Not a port number: said here, nothing sent. Otherwise main checks the
   * whole set again (errors block Apply, warnings do not).
   */
  async function setEdit(role: EditableRole, text: string): Promise<boolean> {
    const parsed = parsePortText(text);
    if (!parsed.ok) {
      inputProblems.value = { ...inputProblems.value, [role]: parsed.error };
      return false;
    }
    const problems = { ...inputProblems.value };
    delete problems[role];
    inputProblems.value = problems;
    const current = plan.value?.proposal.find((p) => p.role === role)?.internal;
    if (edits.value[role] === parsed.value || (edits.value[role] === undefined && current === parsed.value))
      return true;
    edits.value = { ...edits.value, [role]: parsed.value };
    return replan();
  }

  /** Back to main's own proposal. */
  async function resetEdits(): Promise<boolean> {
    edits.value = {};
    inputProblems.value = {};
    return replan();
  }

  /**
   * Moves HTTP/HTTPS/RTSP to the new ports through ONVIF: only when the user confirmed it, and only when no error
   * blocks it. Main checks the result and puts the old ports back if anything fails; the result is an event.
   */
  async function applyChanges(options: { confirmWarnings?: boolean } = {}): Promise<boolean> {
    if (!derived.canApply.value) return false;
    return startApply(
      derived.pendingChanges.value.map(({ role, to }) => ({ role, to })),
      options,
    );
  }

  /** Puts the ports of the last verified change back where they were (the user confirmed it), checked the same way. */
  async function revertLastChange(): Promise<boolean> {
    if (!derived.canRevert.value) return false;
    return startApply(derived.revertChanges.value.map(({ role, to }) => ({ role, to })));
  }

  /** The user asked to move each port on its own after the NVR refused them together (keeps what the NVR takes). */
  async function moveEachAlone(): Promise<boolean> {
    if (!derived.canMoveEachAlone.value) return false;
    const confirmed = (lastChange.value?.confirmedWarnings?.length ?? 0) > 0;
    return startApply(derived.eachAloneChanges.value, { oneAtATime: true, confirmWarnings: confirmed });
  }

  /** The user said yes to the warnings main named: the same changes again, with that yes. */
  async function confirmWarnings(): Promise<boolean> {
    if (!derived.needsWarningYes.value) return false;
    return startApply(lastSent.value, { ...lastSentOptions, confirmWarnings: true });
  }

  async function startApply(
    changes: client.PortChange[],
    options: { confirmWarnings?: boolean; oneAtATime?: boolean } = {},
  ): Promise<boolean> {
    const id = deviceId.value;
    if (!id || changes.length === 0 || applyJob.busy || auditJob.busy) return false;
    measurementStopped.value = false;
    appliedNow = null;
    lastSent.value = changes;
    lastSentOptions = { oneAtATime: options.oneAtATime ?? false };
    const started = await applyJob.start(() => client.applyPorts(id, changes, options), {
      message: t('ports.apply.starting'),
    });
    return started !== null;
  }

  /**
   * Asks main to stop the change: before the NVR was touched nothing happens; while it is changing, main puts the
   * old ports back and checks them; during the measurement after a verified change, only the measurement stops.
   */
  const cancelApply = (): Promise<boolean> => applyJob.cancel();

  return {
    ...derived,
    report,
    plan,
    lastChange,
    pending,
    loadedFor,
    loading,
    loadError,
    deviceId,
    auditJob,
    auditFull,
    applyJob,
    applyNotice,
    edits,
    inputProblems,
    planning,
    planError,
    busy,
    confirmWarnings,
    moveEachAlone,
    openStep,
    load,
    sync,
    audit,
    cancelAudit,
    replan,
    setEdit,
    resetEdits,
    applyChanges,
    revertLastChange,
    cancelApply,
    unsubscribe,
  };
});
