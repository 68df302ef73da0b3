import { computed, inject, nextTick, onMounted, provide, ref, watch, type InjectionKey } from 'vue';
import { useSetupStore } from '../../stores/setup';
import { useDeviceLoginStore } from '../../stores/device-login';
import { useStaticIpStore } from '../../stores/static-ip';
import { useDeviceLogin, type LoginCredentials } from '../../composables/useDeviceLogin';
import type ConfirmPanel from '../../components/ConfirmPanel.vue';
import { deviceTitle } from '../../components/device-identity';
import { focusIn, keepFocusWhenJobEnds } from '../../components/focus';

/**
 * Why the login dialog is open: to read the NVR's own settings, before the confirmation of a change (no login known
 * yet), or after main said it has none (the user presses the button again afterwards).
 */
export type LoginPurpose = 'read' | 'apply' | 'retry';

/**
 * The Static IP page's way through a change, shared by its parts (what we found, what to do, verify, the login
 * dialog): the NVR they are about, whether the confirmation is open, why the login dialog is open, and the buttons
 * the keyboard goes back to when the one it was on goes away. Nothing is sent to the NVR without the user's "yes"
 * in the confirmation; a login asked on the way leads to that confirmation, never past it.
 */
function createStaticIpFlow() {
  const setup = useSetupStore();
  const store = useStaticIpStore();
  const logins = useDeviceLoginStore();
  const deviceLogin = useDeviceLogin();

  const holder = () => ref<HTMLElement | null>(null);
  const checkButton = holder();
  const checkCancelButton = holder();
  const applyButton = holder();
  const applyCancelButton = holder();
  const confirmPanel = ref<InstanceType<typeof ConfirmPanel> | null>(null);

  const confirming = ref(false);
  const loginFor = ref<LoginPurpose | null>(null);
  /** Said after a login from this page that does not lead on to the confirmation. */
  const loginMessage = ref('');

  const nvr = computed(() => setup.record?.nvr ?? null);
  const nvrTitle = computed(() => (nvr.value ? deviceTitle(nvr.value.device, 'your NVR') : ''));
  const nvrAddress = computed(() => store.reading?.settings.address ?? nvr.value?.device.addresses[0] ?? null);
  const nvrLogin = computed(() => (nvr.value ? logins.stateOf(nvr.value.deviceId) : null));

  async function openConfirm(): Promise<void> {
    confirming.value = true;
    await nextTick();
    await confirmPanel.value?.focusYes();
  }

  /** A new check or an edit: the address the confirmation named may change, so it closes. */
  function closeConfirm(): void {
    confirming.value = false;
  }

  async function check(options: { pool?: string } = {}): Promise<void> {
    closeConfirm();
    if (await store.check(options)) await focusIn(checkCancelButton);
  }

  /** "Give the NVR this address": the login first when none is known (the dialog says what for), then the question. */
  async function ask(): Promise<void> {
    if (!store.canApply) return;
    loginMessage.value = '';
    store.applyJob.clearError();
    const id = nvr.value?.deviceId;
    if (id && !deviceLogin.isKnown(id)) {
      loginFor.value = 'apply';
      deviceLogin.open(id);
      return;
    }
    await openConfirm();
  }

  async function cancel(): Promise<void> {
    confirming.value = false;
    await focusIn(applyButton);
  }

  /** The user confirmed (with the warnings in view, if any): the only way the NVR's address is changed. */
  async function confirm(): Promise<void> {
    confirming.value = false;
    if (await store.apply({ confirmWarnings: store.warnings.length > 0 })) await focusIn(applyCancelButton);
    else await focusIn(applyButton);
  }

  /** Main named warnings the user had not seen; the user says "Use it anyway": the same address, sent again. */
  async function acceptWarnings(): Promise<void> {
    if (await store.confirmWarnings()) await focusIn(applyCancelButton);
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

  /**
   * One login, sent when the user pressed "Log in". To read: the NVR is read again with it. Before a change: the
   * confirmation follows (nothing is sent without it). After main refused for want of a login: nothing is retried
   * by itself; the user presses the button again.
   */
  async function submitLogin(credentials: LoginCredentials): Promise<void> {
    const purpose = loginFor.value;
    if (!(await deviceLogin.submit(credentials))) return;
    loginFor.value = null;
    if (purpose === 'read') {
      await check();
    } else if (purpose === 'apply' && store.canApply) {
      await openConfirm();
    } else {
      store.applyJob.clearError();
      loginMessage.value = `Logged in to ${nvrTitle.value}. Press “Give the NVR this address” again.`;
      await focusIn(applyButton);
    }
  }

  // When a job ends its Cancel goes away: keep the keyboard user's place on the button that started it.
  keepFocusWhenJobEnds(() => store.checkJob.running, checkCancelButton, checkButton);
  keepFocusWhenJobEnds(() => store.applyJob.running, applyCancelButton, applyButton);
  watch(
    () => store.deviceId,
    (id, before) => {
      if (id !== before) {
        closeConfirm();
        void store.load();
      }
    },
  );
  // What the confirmation names is what is typed: a change of the fields closes it.
  watch(
    () => store.draft,
    () => closeConfirm(),
  );

  onMounted(async () => {
    await store.openStep();
    // Whether main holds the NVR's login (its device list says), so the change does not ask for it again.
    if (nvr.value) await deviceLogin.learnRemembered();
  });

  return {
    deviceLogin,
    nvr,
    nvrTitle,
    nvrAddress,
    nvrLogin,
    loginFor,
    confirming,
    loginMessage,
    checkButton,
    checkCancelButton,
    applyButton,
    applyCancelButton,
    confirmPanel,
    check,
    ask,
    cancel,
    confirm,
    acceptWarnings,
    openLogin,
    closeLogin,
    submitLogin,
  };
}

export type StaticIpFlow = ReturnType<typeof createStaticIpFlow>;

const STATIC_IP_FLOW: InjectionKey<StaticIpFlow> = Symbol('static-ip-flow');

/** The page makes the flow once (its watches and its start live with the page) and hands it to its parts. */
export function provideStaticIpFlow(): StaticIpFlow {
  const flow = createStaticIpFlow();
  provide(STATIC_IP_FLOW, flow);
  return flow;
}

/** A part of the Static IP page takes the page's flow. */
export function useStaticIpFlow(): StaticIpFlow {
  const flow = inject(STATIC_IP_FLOW);
  if (!flow) throw new Error('A part of the Static IP page is used outside WizardStepStaticIp.');
  return flow;
}
