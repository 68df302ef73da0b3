import { watch } from 'vue';
import { useStaticIpStore } from '../../stores/static-ip';
import { useChangeFlow } from '../../composables/change-flow';
import { defineStepFlow } from '../../composables/step-flow';
import type { LoginCredentials } from '../../composables/useDeviceLogin';
import { focusIn } from '../../components/focus';
import { t } from '../../composables/useT';

/**
 * Why the login dialog is open: to read the NVR's own settings, before the confirmation of a change (no login known
 * yet), or after main said it has none (the user presses the button again afterwards).
 */
export type LoginPurpose = 'read' | 'apply' | 'retry';

/**
 * The Static IP page's way through a change, shared by its parts (what we found, what to do, verify, the login
 * dialog): the shared part of a change to the NVR (useChangeFlow: whether the confirmation is open, why the login
 * dialog is open), and what the page's buttons do.
 */
function createStaticIpFlow() {
  const store = useStaticIpStore();
  const flow = useChangeFlow<'apply', LoginPurpose>({
    deviceId: () => store.deviceId,
    checkJob: () => store.checkJob,
    applyJob: () => store.applyJob,
    load: () => store.load(),
    openStep: () => store.openStep(),
    address: () => store.reading?.settings.address,
    closeConfirm: () => closeConfirm(),
  });
  const { confirming, checkCancelButton, applyButton, applyCancelButton } = flow;

  /** A new check or an edit: the address the confirmation named may change, so it closes. */
  function closeConfirm(): void {
    confirming.value = null;
  }

  async function check(options: { pool?: string } = {}): Promise<void> {
    closeConfirm();
    if (await store.check(options)) await focusIn(checkCancelButton);
  }

  /** "Give the NVR this address": the login first when none is known (the dialog says what for), then the question. */
  async function ask(): Promise<void> {
    if (!store.canApply) return;
    if (!flow.loginFirst('apply')) await flow.openConfirm('apply');
  }

  async function cancel(): Promise<void> {
    closeConfirm();
    await focusIn(applyButton);
  }

  /** The user confirmed (with the warnings in view, if any): the only way the NVR's address is changed. */
  async function confirm(): Promise<void> {
    closeConfirm();
    if (await store.apply({ confirmWarnings: store.warnings.length > 0 })) await focusIn(applyCancelButton);
    else await focusIn(applyButton);
  }

  /** Main named warnings the user had not seen; the user says "Use it anyway": the same address, sent again. */
  async function acceptWarnings(): Promise<void> {
    if (await store.confirmWarnings()) await focusIn(applyCancelButton);
  }

  /**
   * One login, sent when the user pressed "Log in". To read: the NVR is read again with it. Before a change: the
   * confirmation follows (nothing is sent without it). After main refused for want of a login: nothing is retried
   * by itself; the user presses the button again.
   */
  async function submitLogin(credentials: LoginCredentials): Promise<void> {
    const purpose = await flow.logIn(credentials);
    if (purpose === false) return;
    if (purpose === 'read') await check();
    else if (purpose === 'apply' && store.canApply) await flow.openConfirm('apply');
    else await flow.pressAgain(t('staticIp.loggedInPressAgain', { name: flow.nvrTitle.value }));
  }

  // What the confirmation names is what is typed: a change of the fields closes it.
  watch(
    () => store.draft,
    () => closeConfirm(),
  );

  return { ...flow, check, ask, cancel, confirm, acceptWarnings, submitLogin };
}

/** The page makes the flow once and hands it to its parts (`provide…`); a part of the Static IP page takes it (`use…`). */
export const { provide: provideStaticIpFlow, use: useStaticIpFlow } = defineStepFlow('Static IP', createStaticIpFlow);
