import { computed, onMounted, ref, watch } from 'vue';
import { useSetupStore } from '../stores/setup';
import { useDeviceLoginStore } from '../stores/device-login';
import { deviceTitle } from '../components/device-identity';
import { focusIn } from '../components/focus';
import { useConfirmPanel, useJobPlaces } from './job-focus';
import type { Job } from './useJob';
import { t } from './useT';
import { useDeviceLogin, type LoginCredentials } from './useDeviceLogin';

/** What the flow needs of the step's store, and of its page. */
export interface ChangeFlowOptions {
  deviceId: () => string | null;
  /** The job that reads or measures the NVR (nothing is changed), and the one that changes it. */
  checkJob: () => Job;
  applyJob: () => Job;
  /** Reads what main saved for the NVR (another NVR was chosen); entering the step. */
  load: () => Promise<unknown>;
  openStep: () => Promise<void>;
  /** Where the page says the NVR is (its last reading), before the address it was found at. */
  address: () => string | null | undefined;
  /** Another NVR was chosen: what the confirmation named may not hold any more. */
  closeConfirm: () => void;
}

/**
 * The part every page that changes the chosen NVR shares (Ports, Static IP): the NVR it is about, the confirmation on
 * show (`Purpose`: what it is for) and the login asked on the way (`LoginPurpose`: why it is open), and the buttons
 * the keyboard goes back to when the one it was on goes away. Nothing is changed on the NVR without the user's "yes"
 * in a confirmation; a login asked on the way leads to that confirmation, never past it. The step's own flow adds
 * what its buttons do.
 */
export function useChangeFlow<Purpose extends string, LoginPurpose extends string>(options: ChangeFlowOptions) {
  const setup = useSetupStore();
  const logins = useDeviceLoginStore();
  const deviceLogin = useDeviceLogin();

  // The places the keyboard is put back on (the parts that hold the buttons that come and go), kept when a job ends.
  const {
    checkButton,
    checkCancelButton,
    changeButton: applyButton,
    changeCancelButton: applyCancelButton,
  } = useJobPlaces(
    () => options.checkJob().running,
    () => options.applyJob().running,
  );
  /** The confirmation on show. */
  const { confirming, confirmPanel, openConfirm } = useConfirmPanel<Purpose>();
  /** Why the login dialog is open. */
  const loginFor = ref<LoginPurpose | null>(null);
  /** Said after a login from this page that does not lead on to a confirmation. */
  const loginMessage = ref('');

  const nvr = computed(() => setup.record?.nvr ?? null);
  const nvrTitle = computed(() => (nvr.value ? deviceTitle(nvr.value.device, t('components.yourNvr')) : ''));
  const nvrAddress = computed(() => options.address() ?? nvr.value?.device.addresses[0] ?? null);
  const nvrLogin = computed(() => (nvr.value ? logins.stateOf(nvr.value.deviceId) : null));
  /** What the page's NvrStepFrame shows of the NVR: whether one is chosen, its name and address, the open login. */
  const nvrFrame = computed(() => ({
    hasNvr: !!nvr.value,
    nvrTitle: nvrTitle.value,
    nvrAddress: nvrAddress.value,
    login: deviceLogin.props,
  }));

  /**
   * Before a confirmation: the last refusal and message go; when no login to the NVR is known the login dialog opens
   * first (it says what it is for) and true is returned — the confirmation follows the login.
   */
  function loginFirst(purpose: LoginPurpose): boolean {
    loginMessage.value = '';
    options.applyJob().clearError();
    const id = nvr.value?.deviceId;
    if (!id || deviceLogin.isKnown(id)) return false;
    loginFor.value = purpose;
    deviceLogin.open(id);
    return true;
  }

  function openLogin(purpose: LoginPurpose): void {
    if (!nvr.value) return;
    loginMessage.value = '';
    loginFor.value = purpose;
    deviceLogin.open(nvr.value.deviceId);
  }

  function closeLogin(): void {
    loginFor.value = null;
    deviceLogin.close();
  }

  /** Sends the login the user typed: what it was asked for, once it is in; false when it was not accepted. */
  async function logIn(credentials: LoginCredentials): Promise<LoginPurpose | null | false> {
    const purpose = loginFor.value;
    if (!(await deviceLogin.submit(credentials))) return false;
    loginFor.value = null;
    return purpose;
  }

  /** After a login that does not lead on to a confirmation: what to press now, and the keyboard on that button. */
  async function pressAgain(message: string): Promise<void> {
    options.applyJob().clearError();
    loginMessage.value = message;
    await focusIn(applyButton);
  }

  watch(options.deviceId, (id, before) => {
    if (id !== before) {
      options.closeConfirm();
      void options.load();
    }
  });

  onMounted(async () => {
    await options.openStep();
    // Whether main holds the NVR's login (its device list says), so a change does not ask for it again.
    if (nvr.value) await deviceLogin.learnRemembered();
  });

  return {
    deviceLogin,
    nvr,
    nvrTitle,
    nvrAddress,
    nvrLogin,
    nvrFrame,
    loginFor,
    confirming,
    loginMessage,
    checkButton,
    checkCancelButton,
    applyButton,
    applyCancelButton,
    confirmPanel,
    openConfirm,
    loginFirst,
    openLogin,
    closeLogin,
    logIn,
    pressAgain,
  };
}
