import { computed, ref } from 'vue';
import { isEditableRole, usePortsStore } from '../../stores/ports';
import { useChangeFlow } from '../../composables/change-flow';
import { useFirstVisit } from '../../composables/useFirstVisit';
import { defineStepFlow } from '../../composables/step-flow';
import type { LoginCredentials } from '../../composables/useDeviceLogin';
import type { PortRole } from '../../../shared/catalog/ports';
import { focusIn, type FocusHolder } from '../../components/focus';
import { t } from '../../composables/useT';

/** What a confirmation or the login before it is for: moving the ports, or putting the old ones back. */
export type ChangePurpose = 'apply' | 'revert';

/**
 * The Ports page's way through a change, shared by its parts (the check, the plan, Apply, Verify, the login
 * dialog): the shared part of a change to the NVR (useChangeFlow: which confirmation is open, why the login dialog is
 * open — before the confirmation of a change or of putting the old ports back, or `retry` after main said it has
 * none), and what the page's buttons do. Ports never checked for the chosen NVR are checked (the usual ones) on the
 * page's first visit (useFirstVisit): the check only knocks on the NVR's ports.
 */
function createPortsFlow() {
  const ports = usePortsStore();
  const firstVisit = useFirstVisit({
    stepId: 'ports',
    open: () => ports.openStep(),
    loadError: () => ports.loadError,
    measured: () => ports.report !== null,
    canRun: () => ports.loadedFor === ports.deviceId && !ports.busy,
    start: () => ports.audit({ full: false }),
    running: () => ports.auditJob.busy,
  });
  const flow = useChangeFlow<ChangePurpose, ChangePurpose | 'retry'>({
    deviceId: () => ports.deviceId,
    checkJob: () => ports.auditJob,
    applyJob: () => ports.applyJob,
    load: () => ports.load(),
    openStep: () => firstVisit.open(),
    address: () => ports.report?.address,
    closeConfirm: () => closeApplyConfirm(),
  });
  const { confirming, loginFor, checkCancelButton, applyButton, applyCancelButton } = flow;
  /** The keyboard's place on "Put the old ports back". */
  const revertButton = ref<FocusHolder>(null);

  /** The changes the open login dialog leads to (shown in it, so the user sees what the login is for). */
  const loginChanges = computed(() =>
    loginFor.value === 'apply' ? ports.pendingChanges : loginFor.value === 'revert' ? ports.revertChanges : [],
  );

  const canDo = (purpose: ChangePurpose): boolean => (purpose === 'apply' ? ports.canApply : ports.canRevert);
  const openerOf = (purpose: ChangePurpose) => (purpose === 'apply' ? applyButton : revertButton);

  /** A new check, an edit or another NVR: the proposal the confirmation named may change, so it closes. */
  function closeApplyConfirm(): void {
    if (confirming.value === 'apply') confirming.value = null;
  }

  async function audit(full: boolean): Promise<void> {
    closeApplyConfirm();
    if (await ports.audit({ full })) await focusIn(checkCancelButton);
  }

  async function edit(role: PortRole, text: string): Promise<void> {
    if (!isEditableRole(role)) return;
    closeApplyConfirm();
    await ports.setEdit(role, text);
  }

  /**
   * Asks for what a change needs before the user's word: the login first when none is known (the dialog shows the
   * change it is for), then the confirmation.
   */
  async function ask(purpose: ChangePurpose): Promise<void> {
    if (!canDo(purpose)) return;
    if (confirming.value !== purpose) confirming.value = null;
    if (!flow.loginFirst(purpose)) await flow.openConfirm(purpose);
  }

  async function cancel(purpose: ChangePurpose): Promise<void> {
    confirming.value = null;
    await focusIn(openerOf(purpose));
  }

  /** The user confirmed (with the plan's warnings in view, if any): the only way anything is changed on the NVR. */
  async function confirmApply(): Promise<void> {
    confirming.value = null;
    if (await ports.applyChanges({ confirmWarnings: ports.applyWarnings.length > 0 })) await focusIn(applyCancelButton);
    else await focusIn(applyButton);
  }

  /** The user confirmed: the ports of the last change go back, checked the same way. */
  async function confirmRevert(): Promise<void> {
    confirming.value = null;
    await ports.revertLastChange();
    await focusIn(revertButton);
  }

  const confirm = (purpose: ChangePurpose): Promise<void> => (purpose === 'apply' ? confirmApply() : confirmRevert());

  /** Main named ports it would not have proposed; the user says yes to them: the same change, sent again. */
  async function acceptWarnings(): Promise<void> {
    if (await ports.confirmWarnings()) await focusIn(applyCancelButton);
  }

  async function moveEachAlone(): Promise<void> {
    if (await ports.moveEachAlone()) await focusIn(applyCancelButton);
  }

  /**
   * One login, sent when the user pressed "Log in". Asked before a change: the confirmation follows (nothing is
   * changed without it). Asked after main refused a change: the change is not retried by itself; the user presses
   * Apply again.
   */
  async function submitLogin(credentials: LoginCredentials): Promise<void> {
    const purpose = await flow.logIn(credentials);
    if (purpose === false) return;
    if ((purpose === 'apply' || purpose === 'revert') && canDo(purpose)) await flow.openConfirm(purpose);
    else await flow.pressAgain(t('ports.frame.loggedInPressAgain', { name: flow.nvrTitle.value }));
  }

  return {
    ...flow,
    /** The check this visit started by itself is running. */
    firstVisitMeasuring: firstVisit.measuring,
    revertButton,
    loginChanges,
    audit,
    edit,
    ask,
    cancel,
    confirm,
    acceptWarnings,
    moveEachAlone,
    submitLogin,
  };
}

/** The page makes the flow once and hands it to its parts (`provide…`); a part of the Ports page takes it (`use…`). */
export const { provide: providePortsFlow, use: usePortsFlow } = defineStepFlow('Ports', createPortsFlow);
