import { computed, type Ref } from 'vue';
import type * as client from '../api/client';
import type { Job } from '../composables/useJob';
import type { PortApplyResult, PortPendingChange, PortPlan } from '../../shared/domain/ports';
import {
  LOGIN_NEEDED_CODES,
  WARNINGS_UNCONFIRMED_CODE,
  isOnvifRole,
  type EditableRole,
  type PendingChange,
} from './ports-roles';
import { t } from '../composables/useT';

/** The Ports store's state that what the page may do now is worked out from. */
export interface PortsState {
  deviceId: Readonly<Ref<string | null>>;
  plan: Ref<PortPlan | null>;
  lastChange: Ref<PortApplyResult | null>;
  pending: Ref<PortPendingChange | null>;
  edits: Ref<Partial<Record<EditableRole, number>>>;
  inputProblems: Ref<Partial<Record<EditableRole, string>>>;
  planning: Ref<boolean>;
  /** The edits the shown plan was checked with (JSON). */
  planEdits: Ref<string>;
  planError: Ref<string | null>;
  /** The changes last sent. */
  lastSent: Readonly<Ref<readonly client.PortChange[]>>;
  auditJob: Job;
  applyJob: Job;
}

/**
 * What the Ports page may do now, worked out from the store's state: the problems of the proposal, the changes
 * "Apply" would make and why it cannot now, what "Put the old ports back" and "Move each port on its own" would send,
 * and what main's refusal of the last change asks for.
 */
export function usePortsDerived(state: PortsState) {
  const { deviceId, plan, lastChange, pending, edits, inputProblems, planning, planEdits, planError, lastSent } = state;
  const { auditJob, applyJob } = state;

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
    if (!deviceId.value) return t('ports.apply.blocked.noNvr');
    if (pending.value) return t('ports.apply.blocked.pending');
    if (!plan.value) return t('ports.apply.blocked.noPlan');
    if (hasInputProblems.value) return t('ports.apply.blocked.inputProblems');
    if (errors.value.length)
      return t(
        errors.value.length === 1 ? 'ports.apply.blocked.problems.single' : 'ports.apply.blocked.problems.several',
      );
    if (planning.value) return t('ports.apply.blocked.planning');
    if (planError.value || planEdits.value !== JSON.stringify(edits.value)) return t('ports.apply.blocked.notChecked');
    if (auditJob.busy) return t('ports.apply.blocked.auditing');
    if (pendingChanges.value.length === 0) return t('ports.apply.blocked.nothing');
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

  return {
    errors,
    warnings,
    pendingChanges,
    applyBlockedReason,
    canApply,
    revertChanges,
    eachAloneChanges,
    canMoveEachAlone,
    canRevert,
    needsLogin,
    needsWarningYes,
    applyWarnings,
  };
}
