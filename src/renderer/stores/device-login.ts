import { ref } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../api/client';
import { inPageWords } from '../components/page-words';
import type { AppError } from '../../shared/ipc/result';
import { useDiscoveryStore } from './discovery';
import { useSetupStore } from './setup';

export type DeviceIdentity = client.DeviceIdentity;

/** One device's ONVIF login as the page knows it. Never holds a password. */
export interface DeviceLoginState {
  /** A login is on its way to the device. */
  pending: boolean;
  /** Why the last login failed (code and plain message), or null. */
  error: AppError | null;
  /** The user name the device said is locked out: no new try with it until the user says the lock is over. */
  lockedUsername: string | null;
  /** What the device said about itself at the last successful login. */
  identity: DeviceIdentity | null;
  /** When that login succeeded. */
  loggedInAt: string | null;
  /** Main keeps this device's login encrypted by the system keychain (the user asked it to). */
  remembered: boolean;
  /** Main is being asked to forget that login. */
  forgetting: boolean;
  /** Why forgetting failed, in plain words, or null. */
  forgetError: string | null;
}

/** A device the app has not logged in to, in this window or before. */
export const IDLE_LOGIN: Readonly<DeviceLoginState> = Object.freeze({
  pending: false,
  error: null,
  lockedUsername: null,
  identity: null,
  loggedInAt: null,
  remembered: false,
  forgetting: false,
  forgetError: null,
});

/**
 * ONVIF logins to the devices in the list. Credentials are only passed through to main (which keeps them):
 * nothing here stores, logs or returns a password. Each login is one request; nothing is ever retried by itself,
 * since a wrong password tried again counts towards the NVR's lock-out.
 */
export const useDeviceLoginStore = defineStore('deviceLogin', () => {
  const discovery = useDiscoveryStore();
  const setup = useSetupStore();
  const states = ref<Record<string, DeviceLoginState>>({});
  /** The user name last sent to each device from this window (not secret), offered again by the login dialog. */
  const usernames = ref<Record<string, string>>({});

  function stateOf(deviceId: string): Readonly<DeviceLoginState> {
    // Whether main remembers a login comes from main's list until this page logs in or forgets.
    return states.value[deviceId] ?? { ...IDLE_LOGIN, remembered: discovery.rememberedIds.includes(deviceId) };
  }

  function patch(deviceId: string, change: Partial<DeviceLoginState>): void {
    states.value[deviceId] = { ...stateOf(deviceId), ...change };
  }

  /** The user name last sent to the device from this window, or null when none was. */
  function usernameOf(deviceId: string): string | null {
    return usernames.value[deviceId] ?? null;
  }

  /** True while `username` is the account the device reported locked. */
  function isLocked(deviceId: string, username: string): boolean {
    const locked = stateOf(deviceId).lockedUsername;
    return locked !== null && locked === username;
  }

  /**
   * Logs in to the device once with what the user typed. On success main updates the device, makes it the NVR
   * and verifies the step; the page takes the device from the answer and the record from main. With `remember`,
   * main keeps the login encrypted by the system keychain (where there is one); the password never stays here.
   */
  async function login(
    deviceId: string,
    username: string,
    password: string,
    options: { remember?: boolean } = {},
  ): Promise<boolean> {
    const current = stateOf(deviceId);
    if (current.pending || isLocked(deviceId, username)) return false;
    patch(deviceId, { pending: true, error: null });
    usernames.value[deviceId] = username;
    const result = await client.loginDevice({ deviceId }, username, password, { remember: options.remember ?? false });
    if (!result.ok) {
      patch(deviceId, {
        pending: false,
        error: result.error,
        lockedUsername: result.error.code === 'LOGIN_LOCKED' ? username : stateOf(deviceId).lockedUsername,
      });
      return false;
    }
    const success: Partial<DeviceLoginState> = {
      pending: false,
      error: null,
      lockedUsername: null,
      identity: result.data.identity,
      loggedInAt: new Date().toISOString(),
      // A login without "remember" also drops a login main remembered before.
      remembered: result.data.remembered,
      forgetError: null,
    };
    patch(deviceId, success);
    const device = result.data.device;
    if (device) {
      discovery.put(device);
      if (device.id !== deviceId) {
        patch(device.id, success);
        usernames.value[device.id] = username;
      }
    }
    // Main saved the NVR and the verified step (setup.onChanged follows); read it too, in case the event is missed.
    await setup.reloadRecord();
    return true;
  }

  /** Asks main to forget the login it keeps for the device (memory and keychain-encrypted file). */
  async function forget(deviceId: string): Promise<boolean> {
    if (stateOf(deviceId).forgetting) return false;
    patch(deviceId, { forgetting: true, forgetError: null });
    const result = await client.forgetPassword(deviceId);
    if (!result.ok) {
      patch(deviceId, { forgetting: false, forgetError: inPageWords(result.error) });
      return false;
    }
    patch(deviceId, { forgetting: false, remembered: false, forgetError: null });
    discovery.rememberedIds = discovery.rememberedIds.filter((id) => id !== deviceId);
    discovery.loginKnownIds = discovery.loginKnownIds.filter((id) => id !== deviceId);
    return true;
  }

  /** The user says the lock is over (waited, or unlocked it on the NVR): one more try becomes possible. */
  function releaseLock(deviceId: string): void {
    if (stateOf(deviceId).lockedUsername !== null) patch(deviceId, { lockedUsername: null });
  }

  function clearError(deviceId: string): void {
    if (stateOf(deviceId).error) patch(deviceId, { error: null });
  }

  return { states, usernames, stateOf, usernameOf, isLocked, login, forget, releaseLock, clearError };
});
