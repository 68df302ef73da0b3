import { ref } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../../api/client';
import { inPageWords } from '../../components/page-words';
import type { SecurityResult } from '../../../shared/domain/security';
import type { DefaultCheck } from '../../../shared/domain/security-defaults';
import type { HttpsOnResult } from '../../../shared/domain/security-https-on';
import type { PasswordStrength } from '../../../shared/domain/security-password';
import type { PasswordChangeResult } from '../../../shared/domain/security-password-change';
import { useSetupStore } from '../../stores/setup';
import { useStepLoad, openWithRecord } from '../../stores/step-load';

/**
 * The Security step's page state: main's last check (saved with its time, read when the page opens), whether a check
 * is on its way, and why the last one failed. The check reads the setup record only; nothing is sent to a device.
 */
export const useSecurityStore = defineStore('security', () => {
  const setup = useSetupStore();
  const result = ref<SecurityResult | null>(null);
  const busy = ref(false);
  const error = ref<string | null>(null);
  /** The last password verdict (it holds no password) and the password check's state. */
  const password = ref<PasswordStrength | null>(null);
  const passwordBusy = ref(false);
  const passwordError = ref<string | null>(null);
  /** The last default-password check (it holds candidate names, never a password) and its state. */
  const defaults = ref<DefaultCheck | null>(null);
  const defaultsBusy = ref(false);
  const defaultsError = ref<string | null>(null);
  /** The last password change on the NVR (its verdict, never a password) and the change's state. */
  const passwordChange = ref<PasswordChangeResult | null>(null);
  const passwordChangeBusy = ref(false);
  const passwordChangeError = ref<string | null>(null);
  /** The last "turn HTTPS on" on the NVR (its verdict) and its state. */
  const httpsOn = ref<HttpsOnResult | null>(null);
  const httpsOnBusy = ref(false);
  const httpsOnError = ref<string | null>(null);

  const { loading, loadError, load } = useStepLoad({
    read: () => client.call('security.get', {}),
    take: (_, data) => {
      result.value = data.last ?? result.value;
      defaults.value = data.defaults ?? defaults.value;
      passwordChange.value = data.passwordChange ?? passwordChange.value;
      httpsOn.value = data.httpsOn ?? httpsOn.value;
    },
  });

  const openStep = (): Promise<void> => openWithRecord(setup, load);

  /** Judge what the steps recorded, now: true when main answered with a result. */
  async function runCheck(): Promise<boolean> {
    if (busy.value) return false;
    busy.value = true;
    error.value = null;
    try {
      const answer = await client.call('security.check', {});
      if (!answer.ok) {
        error.value = answer.error.message;
        return false;
      }
      result.value = answer.data;
      await setup.reloadRecord();
      return true;
    } finally {
      busy.value = false;
    }
  }

  /**
   * How strong `secret` is, judged by main. The password goes in this call only: the store keeps the verdict, never
   * the password. True when main answered.
   */
  async function checkPassword(secret: string, user: string): Promise<boolean> {
    if (passwordBusy.value || !secret) return false;
    passwordBusy.value = true;
    passwordError.value = null;
    try {
      const answer = await client.call('security.password', {
        password: secret,
        ...(user.trim() ? { user: user.trim() } : {}),
      });
      if (!answer.ok) {
        passwordError.value = answer.error.message;
        password.value = null;
        return false;
      }
      password.value = answer.data;
      return true;
    } finally {
      passwordBusy.value = false;
    }
  }

  /**
   * The default-password check, on the user's consent (the page does not call this without it): main tries the
   * vendor defaults its policy allows now; `tryNext` is the user's yes to going on after a refusal. The answer's
   * Security check replaces the shown one, so the finding is in the list. True when main answered.
   */
  async function checkDefaults(tryNext: boolean): Promise<boolean> {
    if (defaultsBusy.value) return false;
    defaultsBusy.value = true;
    defaultsError.value = null;
    try {
      const answer = await client.call('security.checkDefaults', { consent: true, tryNext });
      if (!answer.ok) {
        defaultsError.value = answer.error.message;
        return false;
      }
      defaults.value = answer.data.check;
      result.value = answer.data.result;
      await setup.reloadRecord();
      return true;
    } finally {
      defaultsBusy.value = false;
    }
  }

  /**
   * How strong a new password is, judged by main, for the change panel: the verdict is returned, not kept (the
   * panel's password check and this one do not overwrite each other). Null when main did not answer.
   */
  async function judgeNewPassword(secret: string, user: string | null): Promise<PasswordStrength | null> {
    if (!secret) return null;
    const answer = await client.call('security.password', { password: secret, ...(user ? { user } : {}) });
    return answer.ok ? answer.data : null;
  }

  /**
   * Changes the NVR's password to `next` with the login main keeps, on the user's yes (the page does not call this
   * without it). The password goes in this call only; the store keeps the verdict. True when main answered.
   */
  async function changePassword(next: string): Promise<boolean> {
    if (passwordChangeBusy.value || !next) return false;
    passwordChangeBusy.value = true;
    passwordChangeError.value = null;
    try {
      const answer = await client.call('security.setPassword', { consent: true, next });
      if (!answer.ok) {
        passwordChangeError.value = answer.error.message;
        return false;
      }
      passwordChange.value = answer.data;
      await setup.reloadRecord();
      return true;
    } finally {
      passwordChangeBusy.value = false;
    }
  }

  /**
   * Turns the NVR's HTTPS on with the login main keeps, on the user's yes (the page does not call this without it);
   * main checks it and puts it back when the check fails. True when main answered.
   */
  async function turnHttpsOn(): Promise<boolean> {
    if (httpsOnBusy.value) return false;
    httpsOnBusy.value = true;
    httpsOnError.value = null;
    try {
      const answer = await client.call('security.httpsOn', { consent: true });
      if (!answer.ok) {
        // The page's words: main's catalogue names a CLI command for the CLI, which a page does not show.
        httpsOnError.value = inPageWords(answer.error);
        return false;
      }
      httpsOn.value = answer.data;
      await setup.reloadRecord();
      return true;
    } finally {
      httpsOnBusy.value = false;
    }
  }

  return {
    result,
    httpsOn,
    httpsOnBusy,
    httpsOnError,
    turnHttpsOn,
    passwordChange,
    passwordChangeBusy,
    passwordChangeError,
    judgeNewPassword,
    changePassword,
    defaults,
    defaultsBusy,
    defaultsError,
    checkDefaults,
    busy,
    error,
    loading,
    loadError,
    password,
    passwordBusy,
    passwordError,
    openStep,
    runCheck,
    checkPassword,
  };
});
