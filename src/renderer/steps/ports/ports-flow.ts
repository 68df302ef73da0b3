import { computed, inject, nextTick, onMounted, provide, ref, watch, type InjectionKey } from 'vue';
import { useSetupStore } from '../../stores/setup';
import { useDeviceLoginStore } from '../../stores/device-login';
import { isEditableRole, usePortsStore } from '../../stores/ports';
import { useDeviceLogin, type LoginCredentials } from '../../composables/useDeviceLogin';
import type { PortRole } from '../../../shared/catalog/ports';
import type ConfirmPanel from '../../components/ConfirmPanel.vue';
import { deviceTitle } from '../../components/device-identity';
import { focusIn, keepFocusWhenJobEnds } from '../../components/focus';

/** What a confirmation or the login before it is for: moving the ports, or putting the old ones back. */
export type ChangePurpose = 'apply' | 'revert';

/**
 * The Ports page's way through a change, shared by its parts (the check, the plan, Apply, Verify, the login
 * dialog): the NVR they are about, which confirmation is open, why the login dialog is open, and the buttons the
 * keyboard goes back to when the one it was on goes away. Nothing is changed on the NVR without the user's "yes"
 * in a confirmation; a login asked on the way leads to that confirmation, never past it.
 */
function createPortsFlow() {
  const setup = useSetupStore();
  const ports = usePortsStore();
  const logins = useDeviceLoginStore();
  const deviceLogin = useDeviceLogin();

  // The places the keyboard is put back on (spans around buttons that come and go), and the confirmation on show.
  const holder = () => ref<HTMLElement | null>(null);
  const checkButton = holder();
  const auditCancelButton = holder();
  const applyButton = holder();
  const applyCancelButton = holder();
  const revertButton = holder();
  const confirmPanel = ref<InstanceType<typeof ConfirmPanel> | null>(null);

  /** The confirmation on show: before anything is changed on the NVR, or before the last change is undone. */
  const confirming = ref<ChangePurpose | null>(null);
  /**
   * Why the login dialog is open: before the confirmation of a change or of putting the old ports back (no login
   * known yet), or after main said it has none (the user presses Apply again afterwards).
   */
  const loginFor = ref<ChangePurpose | 'retry' | null>(null);
  /** Said after a login from this page that does not lead on to a confirmation. */
  const loginMessage = ref('');

  const nvr = computed(() => setup.record?.nvr ?? null);
  const nvrTitle = computed(() => (nvr.value ? deviceTitle(nvr.value.device, 'your NVR') : ''));
  const nvrAddress = computed(() => ports.report?.address ?? nvr.value?.device.addresses[0] ?? null);
  const nvrLogin = computed(() => (nvr.value ? logins.stateOf(nvr.value.deviceId) : null));
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

  async function openConfirm(purpose: ChangePurpose): Promise<void> {
    confirming.value = purpose;
    await nextTick();
    await confirmPanel.value?.focusYes();
  }

  async function audit(full: boolean): Promise<void> {
    closeApplyConfirm();
    if (await ports.audit({ full })) await focusIn(auditCancelButton);
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
    loginMessage.value = '';
    ports.applyJob.clearError();
    const id = nvr.value?.deviceId;
    if (id && !deviceLogin.isKnown(id)) {
      loginFor.value = purpose;
      deviceLogin.open(id);
      return;
    }
    await openConfirm(purpose);
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

  /** "Log in to …" under main's "no login" error. */
  function openLogin(): void {
    if (!nvr.value) return;
    loginMessage.value = '';
    loginFor.value = 'retry';
    deviceLogin.open(nvr.value.deviceId);
  }

  function closeLogin(): void {
    loginFor.value = null;
    deviceLogin.close();
  }

  /**
   * One login, sent when the user pressed "Log in". Asked before a change: the confirmation follows (nothing is
   * changed without it). Asked after main refused a change: the change is not retried by itself; the user presses
   * Apply again.
   */
  async function submitLogin(credentials: LoginCredentials): Promise<void> {
    const purpose = loginFor.value;
    if (!(await deviceLogin.submit(credentials))) return;
    loginFor.value = null;
    if ((purpose === 'apply' || purpose === 'revert') && canDo(purpose)) {
      await openConfirm(purpose);
    } else {
      ports.applyJob.clearError();
      loginMessage.value = `Logged in to ${nvrTitle.value}. Press “Apply through ONVIF” again to move the ports.`;
      await focusIn(applyButton);
    }
  }

  // When a check or a change ends its Cancel goes away: the keyboard goes back to "Check the ports" / "Apply".
  keepFocusWhenJobEnds(() => ports.auditJob.running, auditCancelButton, checkButton);
  keepFocusWhenJobEnds(() => ports.applyJob.running, applyCancelButton, applyButton);
  watch(
    () => ports.deviceId,
    (id, before) => {
      if (id !== before) {
        closeApplyConfirm();
        void ports.load();
      }
    },
  );

  onMounted(async () => {
    await ports.openStep();
    // Whether the keychain holds the NVR's login (main's device list says), so Apply does not ask for it again.
    if (nvr.value) await deviceLogin.learnRemembered();
  });

  return {
    deviceLogin,
    nvr,
    nvrTitle,
    nvrAddress,
    nvrLogin,
    loginChanges,
    confirming,
    loginMessage,
    checkButton,
    auditCancelButton,
    applyButton,
    applyCancelButton,
    revertButton,
    confirmPanel,
    audit,
    edit,
    ask,
    cancel,
    confirm,
    acceptWarnings,
    moveEachAlone,
    openLogin,
    closeLogin,
    submitLogin,
  };
}

export type PortsFlow = ReturnType<typeof createPortsFlow>;

const PORTS_FLOW: InjectionKey<PortsFlow> = Symbol('ports-flow');

/** The page makes the flow once (its watches and its start live with the page) and hands it to its parts. */
export function providePortsFlow(): PortsFlow {
  const flow = createPortsFlow();
  provide(PORTS_FLOW, flow);
  return flow;
}

/** A part of the Ports page takes the page's flow. */
export function usePortsFlow(): PortsFlow {
  const flow = inject(PORTS_FLOW);
  if (!flow) throw new Error('A part of the Ports page is used outside WizardStepPorts.');
  return flow;
}
