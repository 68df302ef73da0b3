import { computed, reactive, ref } from 'vue';
import { useAppStore } from '../stores/app';
import { useDeviceLoginStore } from '../stores/device-login';
import { useDiscoveryStore } from '../stores/discovery';
import { inPageWords } from '../components/page-words';
import { factoryAdminUser } from '../../shared/catalog/factory-users';

export interface LoginCredentials {
  username: string;
  password: string;
  remember: boolean;
}

/**
 * The ONVIF login dialog as a page uses it: which device it is open for, the props DeviceLoginDialog takes, and
 * one login sent when the user presses "Log in" (never repeated by itself; the password only passes through).
 * The logins themselves live in the device-login store, so a login made on one page counts on every other page
 * for as long as the app window stays open.
 */
export function useDeviceLogin() {
  const app = useAppStore();
  const logins = useDeviceLoginStore();
  const discovery = useDiscoveryStore();
  /** The device the dialog is open for, or null when it is closed. */
  const deviceId = ref<string | null>(null);

  const state = computed(() => (deviceId.value ? logins.stateOf(deviceId.value) : null));

  /** The device as this window knows it: in the last search's list, else the chosen NVR saved in the record. */
  function deviceOf(id: string) {
    return (
      discovery.devices.find((d) => d.id === id) ?? (discovery.chosen?.deviceId === id ? discovery.chosen.device : null)
    );
  }

  /**
   * The user name the dialog starts with: the one last sent to this device (kept by the device-login store), else
   * the brand's factory administrator (`admin` for most, and where the brand is not known: shared/catalog/
   * factory-users.ts). Never a password; the field stays editable, and the dialog then starts on the password.
   */
  function startUsername(id: string): string {
    return logins.usernameOf(id) ?? factoryAdminUser(deviceOf(id)?.brand);
  }

  /**
   * What DeviceLoginDialog needs besides the device's name and address, with the answer to "the lock is over"
   * (null while it is closed).
   */
  const props = computed(() => {
    const id = deviceId.value;
    const s = state.value;
    if (!id || !s) return null;
    return {
      pending: s.pending,
      error: s.error ? { code: s.error.code, message: inPageWords(s.error) } : null,
      lockedUsername: s.lockedUsername,
      initialUsername: startUsername(id),
      canRemember: app.canRememberPasswords,
      onReleaseLock: releaseLock,
    };
  });

  /**
   * Whether main holds a login for the device, as far as this window knows: logged in here, remembered, or held by
   * main from a login before this page was loaded (its device list says so).
   */
  function isKnown(id: string): boolean {
    const s = logins.stateOf(id);
    return s.loggedInAt !== null || s.remembered || discovery.loginKnownIds.includes(id);
  }

  /**
   * Learns which logins main remembers (from its device list) when no page has read it yet, so that a page does
   * not ask for a login the keychain already holds.
   */
  async function learnRemembered(): Promise<void> {
    if (!discovery.loaded && !discovery.loading) await discovery.load();
  }

  function open(id: string): void {
    // A lock-out stays on show (it explains the disabled button); older failures are done with.
    if (logins.stateOf(id).error?.code !== 'LOGIN_LOCKED') logins.clearError(id);
    deviceId.value = id;
  }

  function close(): void {
    deviceId.value = null;
  }

  /** One login with what the user typed; the dialog closes when it worked. True when it did. */
  async function submit(credentials: LoginCredentials): Promise<boolean> {
    const id = deviceId.value;
    if (!id) return false;
    const done = await logins.login(id, credentials.username, credentials.password, {
      remember: credentials.remember && app.canRememberPasswords,
    });
    if (done && deviceId.value === id) deviceId.value = null;
    return done;
  }

  /** The user says the lock is over: one more try becomes possible. */
  function releaseLock(): void {
    if (deviceId.value) logins.releaseLock(deviceId.value);
  }

  return reactive({
    deviceId,
    state,
    props,
    startUsername,
    isKnown,
    learnRemembered,
    open,
    close,
    submit,
    releaseLock,
  });
}
