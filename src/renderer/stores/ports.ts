import { computed, ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../api/client';
import { useJob, type JobEnd } from '../composables/useJob';
import { jobKindSchema } from '../../shared/ipc/contract';
import type { PortApplyResult, PortPendingChange, PortPlan, PortReport } from '../../shared/domain/ports';
import { useSetupStore } from './setup';

import {
  LOGIN_NEEDED_CODES,
  WARNINGS_UNCONFIRMED_CODE,
  isOnvifRole,
  parsePortText,
  type EditableRole,
  type PendingChange,
} from './ports-roles';

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
  /** The device the shown report, plan and change belong to. */
  const loadedFor = ref<string | null>(null);
  const loading = ref(false);
  /** Why the saved ports could not be read, in plain words. */
  const loadError = ref<string | null>(null);
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

  /** What the user should know after a change that ended well but not completely (plain words), else null. */
  const applyNotice = ref<string | null>(null);
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
  const busy = computed(() => auditJob.busy || applyJob.busy || planning.value);

  /** Problems of the proposal as it stands (main's, plus "not a number" for what the user typed). */
  const errors = computed(() => (plan.value?.problems ?? []).filter((p) => p.severity === 'error'));
  const warnings = computed(() => (plan.value?.problems ?? []).filter((p) => p.severity === 'warning'));
  const hasInputProblems = computed(() => Object.keys(inputProblems.value).length > 0);

  /** What "Apply through ONVIF" would change: the roles main can move whose new port differs from the current one. */
  const pendingChanges = computed<PendingChange[]>(() => {
    const p = plan.value;
    if (!p) return [];
    const out: PendingChange[] = [];
    for (const item of p.proposal) {
      if (!isOnvifRole(item.role) || !p.applyViaOnvif.includes(item.role)) continue;
      if (item.transport !== 'tcp' || item.internal === item.current) continue;
      if (out.some((c) => c.role === item.role)) continue;
      out.push({ role: item.role, from: item.current, to: item.internal });
    }
    return out;
  });

  /** Why "Apply" is not possible now, in plain words, or null when it is. */
  const applyBlockedReason = computed<string | null>(() => {
    if (!deviceId.value) return 'Choose your NVR first.';
    if (pending.value)
      return 'A port change did not finish last time. Check the ports first: the app finds where the NVR answers now.';
    if (!plan.value) return 'Check the ports first: the proposal comes from what the check finds.';
    if (hasInputProblems.value) return 'Fix the port numbers marked below first.';
    if (errors.value.length)
      return errors.value.length === 1
        ? 'One of the new ports has a problem (marked below). Change it first.'
        : 'Some of the new ports have problems (marked below). Change them first.';
    if (planning.value) return 'The app is checking the new ports…';
    if (planError.value || planEdits.value !== JSON.stringify(edits.value))
      return 'The new ports could not be checked yet. Change one again, or go back to the app’s proposal.';
    if (auditJob.busy) return 'Wait for the port check to finish.';
    if (pendingChanges.value.length === 0) return 'Nothing to change through ONVIF: the ports are already as proposed.';
    return null;
  });
  const canApply = computed(() => applyBlockedReason.value === null && !applyJob.busy);
  /** What "Put the old ports back" would change: the last verified change, reversed. */
  const revertChanges = computed<PendingChange[]>(() => {
    const last = lastChange.value;
    if (!last || !(last.outcome === 'verified' || last.outcome === 'partial') || last.deviceId !== deviceId.value)
      return [];
    return last.changes
      .filter((c) => c.verified && c.from !== c.to)
      .map((c) => ({ role: c.role, from: c.to, to: c.from }));
  });
  /**
   * After the NVR refused a combined change (put back): the same changes, to try one port at a time — the part the
   * NVR takes moves, the rest stays.
   */
  const eachAloneChanges = computed<client.PortChange[]>(() => {
    const last = lastChange.value;
    if (!last || last.outcome !== 'restored' || last.deviceId !== deviceId.value || last.changes.length < 2) return [];
    return last.changes.map(({ role, to }) => ({ role, to }));
  });
  const canMoveEachAlone = computed(
    () => eachAloneChanges.value.length > 1 && !pending.value && !applyJob.busy && !auditJob.busy,
  );
  const canRevert = computed(
    () => revertChanges.value.length > 0 && !pending.value && !applyJob.busy && !auditJob.busy,
  );
  const needsLogin = computed(() => !!applyJob.error && LOGIN_NEEDED_CODES.includes(applyJob.error.code));
  /** Main's warnings about the last change wait for the user's yes (its message names them). */
  const needsWarningYes = computed(
    () => applyJob.error?.code === WARNINGS_UNCONFIRMED_CODE && lastSent.value.length > 0,
  );
  /** The plan's warnings about the ports "Apply" would change: said in the confirmation, which is the user's yes. */
  const applyWarnings = computed(() =>
    warnings.value.filter((w) => pendingChanges.value.some((c) => c.role === w.role)),
  );

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
    applyNotice.value = null;
  }

  function applyEnded(end: JobEnd): void {
    const changed = appliedNow?.outcome === 'verified' && appliedNow.changes.length > 0;
    appliedNow = null;
    if (end.outcome === 'cancelled' && changed) {
      // Stopped during the measurement that follows a verified change: the change stands, only the new table is missing.
      applyNotice.value =
        'The ports were moved and checked; the new measurement was stopped. Press “Re-check” to see the ports as they are now.';
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

  /** Reads what main saved for the chosen NVR (report, plan, last change). */
  async function load(): Promise<boolean> {
    const id = deviceId.value;
    if (!id) {
      clearDeviceData();
      return false;
    }
    if (loadedFor.value !== id) clearDeviceData();
    loading.value = true;
    try {
      const result = await client.getPorts(id);
      if (deviceId.value !== id) return false;
      if (!result.ok) {
        loadError.value = result.error.message;
        return false;
      }
      loadError.value = null;
      take(id, result.data);
      return true;
    } finally {
      loading.value = false;
    }
  }

  /** The newer of two measurements or changes (an event may have brought one main's saved answer lacks). */
  function newer<T extends { at?: string; measuredAt?: string }>(mine: T | null, saved: T | null): T | null {
    if (!mine || !saved) return saved ?? mine;
    return (mine.at ?? mine.measuredAt ?? '') > (saved.at ?? saved.measuredAt ?? '') ? mine : saved;
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
    const id = deviceId.value;
    if (id) {
      const result = await client.getPorts(id);
      if (result.ok && deviceId.value === id) {
        take(id, result.data);
        if (!result.data.plan && result.data.report) await replan();
      }
    }
    await setup.reloadRecord();
  }

  /** After an audit: main's report is in; its proposal is made from it (with the user's edits, if any). */
  async function afterAudit(): Promise<void> {
    const id = deviceId.value;
    if (id) {
      const result = await client.getPorts(id);
      if (result.ok && deviceId.value === id) take(id, result.data);
    }
    if (report.value) await replan();
    await setup.reloadRecord();
  }

  /** Entering the step: show what main saved for the chosen NVR. */
  async function openStep(): Promise<void> {
    if (!setup.record) await setup.reloadRecord();
    await load();
  }

  /**
   * Measures the NVR's ports: the catalogue audit (a few seconds), or with `full` every port 1–65535 (slower).
   * The report arrives as an event of this job.
   */
  async function audit(options: { full?: boolean } = {}): Promise<boolean> {
    const id = deviceId.value;
    if (!id || auditJob.busy || applyJob.busy) return false;
    const full = options.full ?? false;
    const started = await auditJob.start(() => client.auditPorts(id, { full }), {
      message: full ? 'Starting the check of every port…' : 'Starting the port check…',
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
        planError.value = result.error.message;
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
    if (!canApply.value) return false;
    return startApply(
      pendingChanges.value.map(({ role, to }) => ({ role, to })),
      options,
    );
  }

  /** Puts the ports of the last verified change back where they were (the user confirmed it), checked the same way. */
  async function revertLastChange(): Promise<boolean> {
    if (!canRevert.value) return false;
    return startApply(revertChanges.value.map(({ role, to }) => ({ role, to })));
  }

  /** The user asked to move each port on its own after the NVR refused them together (keeps what the NVR takes). */
  async function moveEachAlone(): Promise<boolean> {
    if (!canMoveEachAlone.value) return false;
    const confirmed = (lastChange.value?.confirmedWarnings?.length ?? 0) > 0;
    return startApply(eachAloneChanges.value, { oneAtATime: true, confirmWarnings: confirmed });
  }

  /** The user said yes to the warnings main named: the same changes again, with that yes. */
  async function confirmWarnings(): Promise<boolean> {
    if (!needsWarningYes.value) return false;
    return startApply(lastSent.value, { ...lastSentOptions, confirmWarnings: true });
  }

  async function startApply(
    changes: client.PortChange[],
    options: { confirmWarnings?: boolean; oneAtATime?: boolean } = {},
  ): Promise<boolean> {
    const id = deviceId.value;
    if (!id || changes.length === 0 || applyJob.busy || auditJob.busy) return false;
    applyNotice.value = null;
    appliedNow = null;
    lastSent.value = changes;
    lastSentOptions = { oneAtATime: options.oneAtATime ?? false };
    const started = await applyJob.start(() => client.applyPorts(id, changes, options), {
      message: 'Starting the change…',
    });
    return started !== null;
  }

  /**
   * Asks main to stop the change: before the NVR was touched nothing happens; while it is changing, main puts the
   * old ports back and checks them; during the measurement after a verified change, only the measurement stops.
   */
  const cancelApply = (): Promise<boolean> => applyJob.cancel();

  return {
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
    errors,
    warnings,
    busy,
    pendingChanges,
    applyBlockedReason,
    canApply,
    needsLogin,
    needsWarningYes,
    applyWarnings,
    confirmWarnings,
    eachAloneChanges,
    canMoveEachAlone,
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
    revertChanges,
    canRevert,
    revertLastChange,
    cancelApply,
    unsubscribe,
  };
});
