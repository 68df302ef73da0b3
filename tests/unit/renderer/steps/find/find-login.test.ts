// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import DeviceLoginDialog from '../../../../../src/renderer/components/DeviceLoginDialog.vue';
import { useDiscoveryStore } from '../../../../../src/renderer/stores/discovery';
import { useDeviceLoginStore } from '../../../../../src/renderer/stores/device-login';
import { checkHost, checkPort } from '../../../../../src/renderer/components/address-input';
import { clockWarning, describeDuration } from '../../../../../src/renderer/components/device-identity';
import { ERROR_MESSAGES, type ErrorCode } from '../../../../../src/shared/ipc/errors';
import type { SetupRecord } from '../../../../../src/shared/domain/setup';
import type { DiscoveredDevice } from '../../../../../src/shared/domain/device';
import {
  failed,
  fakeDevice,
  fakeIdentity,
  fakeReport,
  loginAnswer,
  ok,
  searchedList,
  searchedSetup,
} from '../../fake-api';
import { chooseInMain } from './choose-in-main';
import { api, mountStep, pinia, useStepHarness } from '../../mount-step';

const PASSWORD = 'S3cret-Pass!';
const HIK = fakeDevice();

/** The record main saves after a login with a device id: the device is the NVR and the step is verified. */
function verifiedSetup(device: DiscoveredDevice): SetupRecord {
  return searchedSetup({
    updatedAt: '2025-03-01T11:00:00.000Z',
    nvr: { deviceId: device.id, device, chosenAt: '2025-03-01T11:00:00.000Z' },
    steps: {
      network: { status: 'verified', updatedAt: '2025-03-01T10:00:00.000Z' },
      find: { status: 'verified', updatedAt: '2025-03-01T11:00:00.000Z' },
    },
  });
}

useStepHarness({
  path: '/step/find',
  handlers: () => ({
    'setup.get': () => ok({ setup: searchedSetup(), notice: null }),
    'network.get': () => ok(fakeReport({ chosenInterface: 'eth0' })),
    'discovery.list': () => searchedList(),
    'discovery.start': () => ok({ jobId: 'job-search1', interfaceName: 'eth0' }),
    'setup.chooseDevice': chooseInMain,
  }),
});

const card = (wrapper: VueWrapper, address: string) => wrapper.find(`li[data-address="${address}"]`);
const dialogOf = (wrapper: VueWrapper) => wrapper.find('[data-testid="login-dialog"]');
const passwordInput = (wrapper: VueWrapper) =>
  wrapper.find('[data-testid="login-password"]').element as HTMLInputElement;

async function openLogin(wrapper: VueWrapper, address = '192.168.1.64') {
  const button = card(wrapper, address).find('[data-testid="login-device"]');
  (button.element as HTMLButtonElement).focus();
  await button.trigger('click');
  await flushPromises();
  return button;
}

async function submit(wrapper: VueWrapper, password = PASSWORD, username?: string) {
  if (username !== undefined) await wrapper.find('[data-testid="login-username"]').setValue(username);
  await wrapper.find('[data-testid="login-password"]').setValue(password);
  await wrapper.find('[data-testid="login-dialog"] form').trigger('submit');
  await flushPromises();
}

/** Every string and key held by the Pinia state, to look for a password anywhere in it. */
function stateDump(): string {
  return JSON.stringify(pinia.state.value);
}

describe('Find step: the ONVIF login', () => {
  it('offers "Log in" on every card that speaks ONVIF (or was added by hand), not on the others', async () => {
    const wrapper = await mountStep();
    expect(card(wrapper, '192.168.1.64').find('[data-testid="login-device"]').attributes('aria-label')).toBe(
      'Log in to Hikvision DS-7608NI-K2 at 192.168.1.64',
    );
    expect(card(wrapper, '192.168.1.66').find('[data-testid="login-device"]').exists()).toBe(true);
    expect(card(wrapper, '192.168.1.65').find('[data-testid="login-device"]').exists()).toBe(false);
    expect(card(wrapper, '192.168.1.30').find('[data-testid="login-device"]').exists()).toBe(false);
  });

  it('opens an accessible modal dialog: admin by default, password hidden with a show/hide toggle, hints', async () => {
    const wrapper = await mountStep();
    await openLogin(wrapper);
    const dialog = dialogOf(wrapper);
    expect(dialog.element.tagName).toBe('DIALOG');
    expect((dialog.element as HTMLDialogElement).open).toBe(true);
    expect(dialog.attributes('aria-labelledby')).toBe('login-dialog-title');
    expect(dialog.find('#login-dialog-title').text()).toBe('Log in to Hikvision DS-7608NI-K2');
    expect(dialog.text()).toContain('192.168.1.64');
    expect((dialog.find('[data-testid="login-username"]').element as HTMLInputElement).value).toBe('admin');
    expect(dialog.find('label[for="login-username"]').text()).toBe('User name');
    expect(dialog.find('label[for="login-password"]').text()).toBe('Password');
    expect(passwordInput(wrapper).type).toBe('password');
    expect(document.activeElement).toBe(passwordInput(wrapper));

    const toggle = dialog.find('[data-testid="login-show-password"]');
    expect(toggle.attributes('aria-pressed')).toBe('false');
    await toggle.trigger('click');
    expect(passwordInput(wrapper).type).toBe('text');
    expect(toggle.attributes('aria-pressed')).toBe('true');
    expect(toggle.attributes('aria-label')).toBe('Hide password');
    await toggle.trigger('click');
    expect(passwordInput(wrapper).type).toBe('password');

    const hint = dialog.find('[data-testid="login-hint"]').text();
    expect(hint).toContain('separate ONVIF user');
    expect(hint).toContain('Integration Protocol');
    expect(hint).toContain('tries what you type once and never guesses');
    expect(api.count('device.login')).toBe(0);
  });

  it('logs in once: the card shows what the device said, the step turns verified from main, focus returns', async () => {
    const updated = fakeDevice({ brand: 'Hikvision', brandSource: 'onvif', lastSeenAt: '2025-03-01T11:00:00.000Z' });
    api.handlers['device.login'] = () => {
      // Main saves the record and tells the page (setup.onChanged follows the answer).
      api.handlers['setup.get'] = () => ok({ setup: verifiedSetup(updated), notice: null });
      return loginAnswer(updated, fakeIdentity({ auth: 'digest' }));
    };
    const wrapper = await mountStep();
    const opener = await openLogin(wrapper);
    await submit(wrapper);

    expect(api.calls.filter((c) => c.channel === 'device.login')).toEqual([
      { channel: 'device.login', input: { deviceId: HIK.id, username: 'admin', password: PASSWORD } },
    ]);
    expect(dialogOf(wrapper).exists()).toBe(false);
    expect(document.activeElement).toBe(opener.element);

    const hik = card(wrapper, '192.168.1.64');
    const identity = hik.find('[data-testid="device-identity"]');
    expect(identity.find('[data-testid="identity-manufacturer"]').text()).toBe('HIKVISION');
    expect(identity.find('[data-testid="identity-model"]').text()).toBe('DS-7608NI-K2');
    expect(identity.find('[data-testid="identity-firmware"]').text()).toBe('V4.30.085 build 210521');
    expect(identity.find('[data-testid="identity-serial"]').text()).toBe('DS-7608NI-K20820210521CCRRF12345678');
    expect(identity.find('[data-testid="identity-auth"]').text()).toBe('HTTP digest');
    expect(hik.find('[data-testid="clock-warning"]').exists()).toBe(false);
    expect(hik.find('[data-testid="chosen-badge"]').text()).toBe('your NVR');
    expect(hik.find('[data-testid="login-device"]').text()).toBe('Log in again');

    expect(wrapper.find('[data-testid="verify-status"]').text()).toBe('verified');
    expect(wrapper.find('[data-testid="verify-reason"]').text()).toBe('Your NVR answered the app’s ONVIF login.');
    expect(wrapper.find('[data-testid="find-step-status"]').text()).toBe('verified');
    expect(wrapper.find('[data-testid="verify-login"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="login-announcement"]').text()).toContain('Logged in to Hikvision');
    expect(wrapper.text()).not.toContain('next version');
  });

  it('follows setup.onChanged from main too (the event that follows a login)', async () => {
    const updated = fakeDevice({ lastSeenAt: '2025-03-01T11:00:00.000Z' });
    api.handlers['device.login'] = () => loginAnswer(updated);
    const wrapper = await mountStep();
    await openLogin(wrapper);
    await submit(wrapper);
    api.emit('setup.onChanged', { setup: verifiedSetup(updated) });
    await flushPromises();
    expect(wrapper.find('[data-testid="verify-status"]').text()).toBe('verified');
  });

  it('says the auth method in plain words and warns about a clock 10 minutes ahead (login still worked)', async () => {
    api.handlers['device.login'] = () =>
      loginAnswer(HIK, fakeIdentity({ auth: 'ws-usernametoken', clockOffsetSeconds: 600 }));
    const wrapper = await mountStep();
    await openLogin(wrapper);
    await submit(wrapper);
    const hik = card(wrapper, '192.168.1.64');
    expect(hik.find('[data-testid="identity-auth"]').text()).toBe('WS-UsernameToken');
    const warning = hik.find('[data-testid="clock-warning"]').text();
    expect(warning).toContain('10 minutes ahead');
    expect(warning).toContain('recordings carry the wrong time');
    expect(warning).toContain('NTP');
    expect(warning).toContain('The login still worked');
  });

  it.each(
    Object.entries({
      LOGIN_WRONG_PASSWORD: ERROR_MESSAGES.LOGIN_WRONG_PASSWORD,
      LOGIN_LOCKED: ERROR_MESSAGES.LOGIN_LOCKED,
      LOGIN_UNSUPPORTED_AUTH: ERROR_MESSAGES.LOGIN_UNSUPPORTED_AUTH,
      LOGIN_CLOCK_SKEW: ERROR_MESSAGES.LOGIN_CLOCK_SKEW,
      DEVICE_UNREACHABLE: ERROR_MESSAGES.DEVICE_UNREACHABLE,
      NOT_ONVIF: ERROR_MESSAGES.NOT_ONVIF,
      DEVICE_NOT_FOUND: ERROR_MESSAGES.DEVICE_NOT_FOUND,
    }),
  )(
    '%s: shows the plain message inline, keeps the user name, clears the password, tries once',
    async (code, message) => {
      api.handlers['device.login'] = () => failed(code as ErrorCode, message);
      const wrapper = await mountStep();
      await openLogin(wrapper);
      await submit(wrapper, PASSWORD, 'onvifuser');

      const dialog = dialogOf(wrapper);
      expect(dialog.exists()).toBe(true);
      const error = dialog.find('[data-testid="login-error"]');
      expect(error.attributes('role')).toBe('alert');
      expect(error.text()).toContain(message);
      expect((dialog.find('[data-testid="login-username"]').element as HTMLInputElement).value).toBe('onvifuser');
      expect(passwordInput(wrapper).value).toBe('');
      expect(document.activeElement).toBe(passwordInput(wrapper));
      expect(api.count('device.login')).toBe(1);
      expect(stateDump()).not.toContain(PASSWORD);
      expect(card(wrapper, '192.168.1.64').find('[data-testid="device-login-error"]').text()).toContain(message);
      expect(wrapper.find('[data-testid="verify-status"]').text()).toBe('working');
    },
  );

  it('keeps the password nowhere after sending: not in the field, not in any store, no password field', async () => {
    let resolve!: (value: unknown) => void;
    api.handlers['device.login'] = () => new Promise((r) => (resolve = r));
    const wrapper = await mountStep();
    await openLogin(wrapper);
    await submit(wrapper);
    // While it is on its way: the field is already empty and the form shows the wait.
    expect(passwordInput(wrapper).value).toBe('');
    expect(wrapper.find('[data-testid="login-submit"]').attributes('aria-busy')).toBe('true');
    expect(wrapper.find('[data-testid="login-submit"]').text()).toBe('Logging in…');
    expect(useDeviceLoginStore().stateOf(HIK.id).pending).toBe(true);
    expect(stateDump()).not.toContain(PASSWORD);
    resolve(loginAnswer(HIK));
    await flushPromises();
    const state = useDeviceLoginStore().stateOf(HIK.id);
    expect(Object.keys(state)).not.toContain('password');
    expect(stateDump()).not.toContain(PASSWORD);
    expect(stateDump().toLowerCase()).not.toContain('"password"');
    expect(window.location.href).not.toContain(PASSWORD);
    expect(JSON.stringify({ ...window.localStorage })).not.toContain(PASSWORD);
  });

  it('never retries by itself, and a second try needs the password typed again and a press of "Log in"', async () => {
    api.handlers['device.login'] = () => failed('LOGIN_WRONG_PASSWORD', ERROR_MESSAGES.LOGIN_WRONG_PASSWORD);
    const wrapper = await mountStep();
    await openLogin(wrapper);
    await submit(wrapper);
    await new Promise((r) => setTimeout(r, 50));
    await flushPromises();
    expect(api.count('device.login')).toBe(1);
    // Submitting again without typing the password sends nothing.
    await wrapper.find('[data-testid="login-dialog"] form').trigger('submit');
    await flushPromises();
    expect(api.count('device.login')).toBe(1);
    expect(wrapper.find('#login-password-problem').text()).toBe('Enter the password.');
    expect(passwordInput(wrapper).getAttribute('aria-invalid')).toBe('true');
    // A deliberate second try goes out once.
    await submit(wrapper, 'another-try');
    expect(api.count('device.login')).toBe(2);
  });

  it('LOGIN_LOCKED disables "Log in" with the wait advice, until another user or the user says the lock is over', async () => {
    api.handlers['device.login'] = () => failed('LOGIN_LOCKED', ERROR_MESSAGES.LOGIN_LOCKED);
    const wrapper = await mountStep();
    await openLogin(wrapper);
    await submit(wrapper, PASSWORD, 'locked');
    const submitButton = () => wrapper.find('[data-testid="login-submit"]');
    expect(submitButton().attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-testid="login-error"]').text()).toContain('Wait (often 30 minutes)');
    expect(wrapper.find('[data-testid="login-locked-advice"]').text()).toContain('paused for locked');

    // Nothing goes out while locked, not even by the store.
    await submit(wrapper, PASSWORD);
    expect(api.count('device.login')).toBe(1);
    expect(await useDeviceLoginStore().login(HIK.id, 'locked', 'x')).toBe(false);
    expect(api.count('device.login')).toBe(1);

    // Reopening the dialog still shows the lock.
    await wrapper.find('[data-testid="login-cancel"]').trigger('click');
    await flushPromises();
    await openLogin(wrapper);
    expect(wrapper.find('[data-testid="login-username"]').element).toHaveProperty('value', 'locked');
    expect(submitButton().attributes('disabled')).toBeDefined();

    // Another account is not locked.
    await wrapper.find('[data-testid="login-username"]').setValue('admin');
    expect(submitButton().attributes('disabled')).toBeUndefined();
    await wrapper.find('[data-testid="login-username"]').setValue('locked');
    expect(submitButton().attributes('disabled')).toBeDefined();
    // The user says the lock is over: one deliberate try is possible again.
    await wrapper.find('[data-testid="login-release-lock"]').trigger('click');
    expect(submitButton().attributes('disabled')).toBeUndefined();
  });

  it('Escape and Cancel close the dialog without sending anything; focus returns to the button that opened it', async () => {
    const wrapper = await mountStep();
    const opener = await openLogin(wrapper);
    await wrapper.find('[data-testid="login-password"]').setValue(PASSWORD);
    await dialogOf(wrapper).trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(dialogOf(wrapper).exists()).toBe(false);
    expect(document.activeElement).toBe(opener.element);

    await openLogin(wrapper);
    expect(passwordInput(wrapper).value).toBe('');
    await dialogOf(wrapper).trigger('cancel');
    await flushPromises();
    expect(dialogOf(wrapper).exists()).toBe(false);

    await openLogin(wrapper);
    await wrapper.find('[data-testid="login-cancel"]').trigger('click');
    await flushPromises();
    expect(dialogOf(wrapper).exists()).toBe(false);
    expect(document.activeElement).toBe(opener.element);
    expect(api.count('device.login')).toBe(0);
  });

  it('logs in to the chosen NVR from its summary and from the verify part', async () => {
    api.handlers['setup.get'] = () =>
      ok({
        setup: searchedSetup({
          nvr: { deviceId: HIK.id, device: HIK, chosenAt: '2025-03-01T10:20:00.000Z' },
          steps: {
            find: {
              status: 'working',
              updatedAt: '2025-03-01T10:20:00.000Z',
              reason: 'Log in to the NVR to confirm the app can talk to it.',
            },
          },
        }),
        notice: null,
      });
    api.handlers['device.login'] = () => {
      api.handlers['setup.get'] = () => ok({ setup: verifiedSetup(HIK), notice: null });
      return loginAnswer(HIK);
    };
    const wrapper = await mountStep();
    await wrapper.find('[data-testid="login-chosen"]').trigger('click');
    await flushPromises();
    expect(dialogOf(wrapper).find('#login-dialog-title').text()).toBe('Log in to Hikvision DS-7608NI-K2');
    await dialogOf(wrapper).trigger('keydown', { key: 'Escape' });
    await flushPromises();

    const verifyButton = wrapper.find('[data-testid="verify-login"]');
    expect(verifyButton.text()).toBe('Log in to Hikvision DS-7608NI-K2');
    await verifyButton.trigger('click');
    await flushPromises();
    await submit(wrapper);
    expect(api.calls.at(-2)).toEqual({
      channel: 'device.login',
      input: { deviceId: HIK.id, username: 'admin', password: PASSWORD },
    });
    expect(wrapper.find('[data-testid="verify-status"]').text()).toBe('verified');
    // The verify part's button went away with the verification: the keyboard stays on the result.
    expect(wrapper.find('[data-testid="verify-login"]').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.find('[data-testid="verify-result"]').element);
  });
});

describe('Find step: add by address', () => {
  const manual = fakeDevice({
    id: 'addr:192.168.1.80',
    addresses: ['192.168.1.80'],
    mac: null,
    brand: null,
    brandSource: null,
    model: null,
    name: null,
    firmware: null,
    serial: null,
    sources: ['manual'],
    onvifUrl: 'http://192.168.1.80:8000/onvif/device_service',
    endpoint: null,
    ports: { onvif: 8000 },
    notes: ['Added by hand (192.168.1.80).'],
  });

  it('adds the device from the answer itself (not the event), marked "manual", and says so', async () => {
    api.handlers['discovery.addManual'] = () => {
      // main's event carries another job's id: the page must not rely on it
      api.emit('discovery.onDevice', { jobId: 'job-manual', device: manual });
      return ok({ device: manual });
    };
    const wrapper = await mountStep();
    const form = wrapper.find('[data-testid="add-by-address"]');
    expect(wrapper.find('#add-by-address-title').text()).toBe('Not in the list? Add it by its address');
    expect(form.find('label[for="add-host"]').exists()).toBe(true);
    expect(form.find('label[for="add-port"]').text()).toContain('optional');
    await wrapper.find('[data-testid="add-host"]').setValue(' 192.168.1.80 ');
    await wrapper.find('[data-testid="add-port"]').setValue('8000');
    await form.trigger('submit');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'discovery.addManual')).toEqual([
      { channel: 'discovery.addManual', input: { host: '192.168.1.80', port: 8000 } },
    ]);
    const added = card(wrapper, '192.168.1.80');
    expect(added.exists()).toBe(true);
    expect(added.find('[data-source="manual"]').text()).toBe('manual');
    expect(added.find('[data-testid="login-device"]').exists()).toBe(true);
    expect(wrapper.findAll('li[data-address="192.168.1.80"]')).toHaveLength(1);
    expect(wrapper.find('[data-testid="add-done"]').text()).toContain('marked “manual”');
    expect(wrapper.find('[data-testid="add-done"]').attributes('role')).toBe('status');
    expect((wrapper.find('[data-testid="add-host"]').element as HTMLInputElement).value).toBe('');
  });

  it('sends no port when the port is left empty', async () => {
    api.handlers['discovery.addManual'] = () => ok({ device: manual });
    const wrapper = await mountStep();
    await wrapper.find('[data-testid="add-host"]').setValue('nvr.lan');
    await wrapper.find('[data-testid="add-by-address"]').trigger('submit');
    await flushPromises();
    expect(api.calls.at(-1)).toEqual({ channel: 'discovery.addManual', input: { host: 'nvr.lan' } });
  });

  it.each(['ADDRESS_NOT_LOCAL', 'HOST_NOT_FOUND', 'DEVICE_UNREACHABLE', 'NOT_ONVIF'] as const)(
    '%s: shows the plain reason inline and keeps what was typed',
    async (code) => {
      api.handlers['discovery.addManual'] = () => failed(code, ERROR_MESSAGES[code]);
      const wrapper = await mountStep();
      await wrapper.find('[data-testid="add-host"]').setValue('192.168.1.81');
      await wrapper.find('[data-testid="add-by-address"]').trigger('submit');
      await flushPromises();
      const error = wrapper.find('[data-testid="add-error"]');
      expect(error.attributes('role')).toBe('alert');
      expect(error.text()).toContain(ERROR_MESSAGES[code]);
      expect((wrapper.find('[data-testid="add-host"]').element as HTMLInputElement).value).toBe('192.168.1.81');
      expect(wrapper.findAll('li[data-device-id]')).toHaveLength(4);
      expect(api.count('discovery.addManual')).toBe(1);
    },
  );

  it.each([
    ['0', 'from 1 to 65535'],
    ['65536', 'from 1 to 65535'],
    ['80a', 'from 1 to 65535'],
    ['-1', 'from 1 to 65535'],
  ])('refuses port %s before sending anything', async (port, problem) => {
    api.handlers['discovery.addManual'] = () => ok({ device: manual });
    const wrapper = await mountStep();
    await wrapper.find('[data-testid="add-host"]').setValue('192.168.1.80');
    await wrapper.find('[data-testid="add-port"]').setValue(port);
    await wrapper.find('[data-testid="add-by-address"]').trigger('submit');
    await flushPromises();
    expect(api.count('discovery.addManual')).toBe(0);
    expect(wrapper.find('[data-testid="add-port-problem"]').text()).toContain(problem);
    const input = wrapper.find('[data-testid="add-port"]');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(input.attributes('aria-describedby')).toBe('add-port-problem');
    expect(document.activeElement).toBe(input.element);
  });

  it('refuses an empty or malformed address before sending anything', async () => {
    const wrapper = await mountStep();
    await wrapper.find('[data-testid="add-by-address"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="add-host-problem"]').text()).toContain('Enter the NVR’s address');
    await wrapper.find('[data-testid="add-host"]').setValue('http://192.168.1.80/');
    await wrapper.find('[data-testid="add-by-address"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="add-host-problem"]').text()).toContain('without “http://”');
    expect(api.count('discovery.addManual')).toBe(0);
  });
});

describe('stores: login and add by address', () => {
  it('login keeps per-device state and takes the updated device into the list', async () => {
    const updated = fakeDevice({ firmware: 'V4.31.000', lastSeenAt: '2025-03-01T09:00:00.000Z' });
    api.handlers['device.login'] = () => loginAnswer(updated);
    const discovery = useDiscoveryStore();
    await discovery.load();
    const login = useDeviceLoginStore();
    expect(await login.login(HIK.id, 'admin', PASSWORD)).toBe(true);
    // The answer is the newest word on the device, even if its lastSeenAt looks older.
    expect(discovery.devices.find((d) => d.id === HIK.id)?.firmware).toBe('V4.31.000');
    expect(login.stateOf(HIK.id)).toMatchObject({ pending: false, error: null, identity: fakeIdentity() });
    expect(login.stateOf('other').identity).toBeNull();
    expect(api.calls.some((c) => c.channel === 'setup.get')).toBe(true);
    expect(stateDump()).not.toContain(PASSWORD);
  });

  it('a login does not start twice while one is on its way', async () => {
    let resolve!: (value: unknown) => void;
    api.handlers['device.login'] = () => new Promise((r) => (resolve = r));
    const login = useDeviceLoginStore();
    const first = login.login(HIK.id, 'admin', PASSWORD);
    expect(await login.login(HIK.id, 'admin', PASSWORD)).toBe(false);
    resolve(failed('LOGIN_WRONG_PASSWORD', ERROR_MESSAGES.LOGIN_WRONG_PASSWORD));
    expect(await first).toBe(false);
    expect(api.count('device.login')).toBe(1);
    expect(login.stateOf(HIK.id).error?.code).toBe('LOGIN_WRONG_PASSWORD');
  });

  it('a malformed answer from main is not used', async () => {
    api.handlers['device.login'] = () => ok({ identity: { manufacturer: 'x' }, onvifUrl: 'u', device: null });
    const login = useDeviceLoginStore();
    expect(await login.login(HIK.id, 'admin', PASSWORD)).toBe(false);
    expect(login.stateOf(HIK.id).error?.code).toBe('INTERNAL');
    expect(login.stateOf(HIK.id).identity).toBeNull();
  });

  it('addByAddress keeps pending and the error, and does not run twice at once', async () => {
    let resolve!: (value: unknown) => void;
    api.handlers['discovery.addManual'] = () => new Promise((r) => (resolve = r));
    const discovery = useDiscoveryStore();
    const first = discovery.addByAddress('192.168.1.90');
    expect(discovery.adding).toBe(true);
    expect(await discovery.addByAddress('192.168.1.90')).toBeNull();
    resolve(failed('NOT_ONVIF', ERROR_MESSAGES.NOT_ONVIF));
    expect(await first).toBeNull();
    expect(discovery.adding).toBe(false);
    expect(discovery.addError?.code).toBe('NOT_ONVIF');
    expect(api.count('discovery.addManual')).toBe(1);
  });
});

describe('DeviceLoginDialog on its own', () => {
  it('emits the credentials once and empties the field in the same moment; Escape emits close', async () => {
    const opener = document.createElement('button');
    document.body.appendChild(opener);
    opener.focus();
    const wrapper = mount(DeviceLoginDialog, {
      props: { deviceTitle: 'Dahua NVR4108', address: '192.168.1.65' },
      attachTo: document.body,
    });
    await flushPromises();
    await wrapper.find('[data-testid="login-password"]').setValue(PASSWORD);
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('submit')).toEqual([[{ username: 'admin', password: PASSWORD, remember: false }]]);
    expect((wrapper.find('[data-testid="login-password"]').element as HTMLInputElement).value).toBe('');
    await wrapper.find('dialog').trigger('keydown', { key: 'Escape' });
    expect(wrapper.emitted('close')).toHaveLength(1);
    wrapper.unmount();
    expect(document.activeElement).toBe(opener);
  });

  it('refuses an empty user name before anything is sent', async () => {
    const wrapper = mount(DeviceLoginDialog, {
      props: { deviceTitle: 'x', address: '192.168.1.65', initialUsername: '' },
      attachTo: document.body,
    });
    await flushPromises();
    expect(document.activeElement).toBe(wrapper.find('[data-testid="login-username"]').element);
    await wrapper.find('[data-testid="login-password"]').setValue(PASSWORD);
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('submit')).toBeUndefined();
    expect(wrapper.find('#login-username-problem').text()).toBe('Enter the user name.');
  });
});

describe('pure helpers', () => {
  it.each([
    [null, null],
    [0, null],
    [119, null],
    [-119, null],
    [120, '2 minutes ahead'],
    [600, '10 minutes ahead'],
    [-300, '5 minutes behind this computer’s'],
    [600, '10 minutes ahead of this computer’s'],
    [3 * 3600, '3 hours ahead'],
    [-3 * 86400, '3 days behind'],
  ])('clockWarning(%s) mentions %s', (offset, words) => {
    const warning = clockWarning(offset);
    if (words === null) expect(warning).toBeNull();
    else expect(warning).toContain(words);
  });

  it('describeDuration says one minute in the singular', () => {
    expect(describeDuration(60)).toBe('1 minute');
  });

  it.each([
    ['192.168.1.64', true],
    [' 10.0.0.5 ', true],
    ['nvr.lan', true],
    ['NVR-01', true],
    ['', false],
    ['192.168.1', false],
    ['192.168.1.256', false],
    ['192.168.1.64:80', false],
    ['http://nvr', false],
    ['nvr lan', false],
    ['-nvr', false],
  ])('checkHost(%j) ok=%s', (text, valid) => {
    expect(checkHost(text).ok).toBe(valid);
  });

  it.each([
    ['', true, undefined],
    ['1', true, 1],
    ['8000', true, 8000],
    ['65535', true, 65535],
    ['0', false, undefined],
    ['65536', false, undefined],
    ['80.5', false, undefined],
    ['eighty', false, undefined],
  ])('checkPort(%j) ok=%s', (text, valid, value) => {
    const checked = checkPort(text);
    expect(checked.ok).toBe(valid);
    if (checked.ok) expect(checked.value).toBe(value);
  });
});
