import { computed, type Ref } from 'vue';
import type { Job } from '../composables/useJob';

/** What the store of a page that changes the NVR (Ports, Static IP) says about its change. */
export interface ChangeGate {
  applyJob: Job;
  canApply: boolean;
  /** Why Apply cannot be pressed now, or null. */
  applyBlockedReason: string | null;
  /** Main refused the change for want of a login, or of the user's yes to its warnings. */
  needsLogin: boolean;
  needsWarningYes: boolean;
}

/** What the page's flow (useChangeFlow and the step's own) gives for it. */
export interface ChangeGateFlow {
  nvrTitle: Ref<string>;
  nvrLogin: Ref<{ pending: boolean } | null>;
  openLogin: (purpose: 'retry') => void;
  acceptWarnings: () => Promise<void>;
}

/** The page's words: the button (while it runs), its blocked sentence's id, and the refusal's title, button, yes. */
export interface ChangeApplyWords {
  label: string;
  runningLabel: string;
  blockedId: string;
  refusedTitle: string;
  button: string;
  yesLabel: string;
}

/**
 * ApplyButton's and ApplyRefused's props (and ApplyRefused's listeners) from the step's store, flow and words, for
 * `v-bind`. The login asked after a refusal is a retry (the user presses the button again); the yes to the warnings
 * is the flow's.
 */
export function useChangeApply(store: ChangeGate, flow: ChangeGateFlow, words: ChangeApplyWords) {
  const applyProps = computed(() => ({
    label: words.label,
    runningLabel: words.runningLabel,
    blockedId: words.blockedId,
    job: store.applyJob,
    canApply: store.canApply,
    blockedReason: store.applyBlockedReason,
  }));
  const refusedProps = computed(() => ({
    title: words.refusedTitle,
    button: words.button,
    yesLabel: words.yesLabel,
    text: store.applyJob.errorText,
    nvrTitle: flow.nvrTitle.value,
    needsLogin: store.needsLogin,
    loginBusy: flow.nvrLogin.value?.pending,
    needsWarningYes: store.needsWarningYes,
    onLogin: () => flow.openLogin('retry'),
    onAcceptWarnings: () => void flow.acceptWarnings(),
  }));
  return { applyProps, refusedProps };
}
