// @vitest-environment happy-dom
// Issue 16 (fewer actions): "Log in" on a card chooses its device too, and the login dialog starts with the brand's
// factory administrator as the user name, the keyboard on the password.
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { DiscoveredDevice } from '../../../../../src/shared/domain/device';
import {
  discoveryList,
  failed,
  fakeDevice,
  fakeDevices,
  fakeReport,
  loginAnswer,
  ok,
  searchedList,
  searchedSetup,
} from '../../fake-api';
import { chooseInMain } from './choose-in-main';
import { api, mountStep, useStepHarness } from '../../mount-step';

const PASSWORD = 'S3cret-Pass!';
const HIK = fakeDevice();
const REOLINK_ID = 'urn:uuid:reolink-66';

useStepHarness({
  path: '/step/find',
  handlers: () => ({
    'setup.get': () => ok({ setup: searchedSetup(), notice: null }),
    'network.get': () => ok(fakeReport({ chosenInterface: 'eth0' })),
    'discovery.list': () => searchedList(),
    'setup.chooseDevice': chooseInMain,
  }),
});

const card = (wrapper: VueWrapper, address: string) => wrapper.find(`li[data-address="${address}"]`);
const radio = (wrapper: VueWrapper, address: string) =>
  card(wrapper, address).find('input[data-testid="choose-device"]').element as HTMLInputElement;
const dialogOf = (wrapper: VueWrapper) => wrapper.find('[data-testid="login-dialog"]');
const userField = (wrapper: VueWrapper) => wrapper.find('[data-testid="login-username"]').element as HTMLInputElement;
const passwordField = (wrapper: VueWrapper) =>
  wrapper.find('[data-testid="login-password"]').element as HTMLInputElement;

/** Presses a card's "Log in" the way a keyboard or mouse user does: focused, then pressed. */
async function pressLogIn(wrapper: VueWrapper, address: string) {
  const button = card(wrapper, address).find('[data-testid="login-device"]');
  (button.element as HTMLButtonElement).focus();
  await button.trigger('click');
  await flushPromises();
  return button;
}

/** The record with this device chosen as the NVR before the page opens. */
function chosenSetup(device: DiscoveredDevice) {
  return searchedSetup({ nvr: { deviceId: device.id, device, chosenAt: '2025-03-01T10:20:00.000Z' } });
}

describe('Find step: "Log in" on a card chooses its device', () => {
  it('on a device not chosen yet: one press chooses it (as its radio does) and opens the login for it', async () => {
    const wrapper = await mountStep();
    expect(wrapper.find('[data-testid="chosen-summary"]').text()).toBe('Not chosen yet.');
    const opener = await pressLogIn(wrapper, '192.168.1.64');

    // The choice, saved in main before the dialog opened, with the radio's effects on the page.
    expect(api.calls.filter((c) => ['setup.chooseDevice', 'device.login'].includes(c.channel))).toEqual([
      { channel: 'setup.chooseDevice', input: { deviceId: HIK.id } },
    ]);
    const hik = card(wrapper, '192.168.1.64');
    expect(radio(wrapper, '192.168.1.64').checked).toBe(true);
    expect(hik.classes()).toContain('device-card--chosen');
    expect(hik.find('[data-testid="chosen-badge"]').text()).toBe('your NVR');
    expect(wrapper.findAll('[data-testid="chosen-badge"]')).toHaveLength(1);
    expect(wrapper.find('[data-testid="chosen-summary"]').text()).toContain('Hikvision DS-7608NI-K2');
    expect(wrapper.find('[data-testid="verify-status"]').text()).toBe('working');
    expect(wrapper.find('[data-testid="choose-error"]').exists()).toBe(false);

    // The dialog is open for that device, the keyboard on the password (the user name is already there).
    const dialog = dialogOf(wrapper);
    expect((dialog.element as HTMLDialogElement).open).toBe(true);
    expect(dialog.find('#login-dialog-title').text()).toBe('Log in to Hikvision DS-7608NI-K2');
    expect(userField(wrapper).value).toBe('admin');
    expect(document.activeElement).toBe(passwordField(wrapper));

    // Closed without logging in: the choice stays, the keyboard is back on the button that was pressed.
    await dialog.trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(dialogOf(wrapper).exists()).toBe(false);
    expect(document.activeElement).toBe(opener.element);
    expect(radio(wrapper, '192.168.1.64').checked).toBe(true);
    expect(api.count('device.login')).toBe(0);
  });

  it('moves the choice from another device, and a login then goes to the device pressed', async () => {
    const reolink = fakeDevices().find((d) => d.id === REOLINK_ID)!;
    api.handlers['setup.get'] = () => ok({ setup: chosenSetup(reolink), notice: null });
    api.handlers['device.login'] = () => loginAnswer(HIK);
    const wrapper = await mountStep();
    expect(radio(wrapper, '192.168.1.66').checked).toBe(true);

    await pressLogIn(wrapper, '192.168.1.64');
    expect(api.calls.filter((c) => c.channel === 'setup.chooseDevice')).toEqual([
      { channel: 'setup.chooseDevice', input: { deviceId: HIK.id } },
    ]);
    expect(radio(wrapper, '192.168.1.64').checked).toBe(true);
    expect(radio(wrapper, '192.168.1.66').checked).toBe(false);
    expect(card(wrapper, '192.168.1.66').find('[data-testid="chosen-badge"]').exists()).toBe(false);

    await wrapper.find('[data-testid="login-password"]').setValue(PASSWORD);
    await wrapper.find('[data-testid="login-dialog"] form').trigger('submit');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'device.login')).toEqual([
      { channel: 'device.login', input: { deviceId: HIK.id, username: 'admin', password: PASSWORD } },
    ]);
  });

  it('on the chosen device: nothing is chosen again, the login opens at once', async () => {
    api.handlers['setup.get'] = () => ok({ setup: chosenSetup(HIK), notice: null });
    const wrapper = await mountStep();
    await pressLogIn(wrapper, '192.168.1.64');
    expect(api.count('setup.chooseDevice')).toBe(0);
    expect(dialogOf(wrapper).exists()).toBe(true);
  });

  it('when main refuses the choice: no login is offered, the reason is said, the radios show main’s choice', async () => {
    api.handlers['setup.get'] = () => ok({ setup: chosenSetup(HIK), notice: null });
    api.handlers['setup.chooseDevice'] = () =>
      failed(
        'DEVICE_NOT_FOUND',
        'That device is not in the list of devices found. Search again, or add it by its address.',
      );
    const wrapper = await mountStep();
    const opener = await pressLogIn(wrapper, '192.168.1.66');
    expect(api.count('setup.chooseDevice')).toBe(1);
    expect(dialogOf(wrapper).exists()).toBe(false);
    expect(wrapper.find('[data-testid="choose-error"]').text()).toContain('not in the list of devices found');
    expect(wrapper.find('[data-testid="choose-error"]').attributes('role')).toBe('alert');
    expect(radio(wrapper, '192.168.1.64').checked).toBe(true);
    expect(radio(wrapper, '192.168.1.66').checked).toBe(false);
    expect(document.activeElement).toBe(opener.element);
    expect(api.count('device.login')).toBe(0);
  });

  it('a second press while the choice is being saved chooses once and opens one login', async () => {
    let answer!: (value: unknown) => void;
    api.handlers['setup.chooseDevice'] = (input) => new Promise((r) => (answer = () => r(chooseInMain(input))));
    const wrapper = await mountStep();
    const button = card(wrapper, '192.168.1.64').find('[data-testid="login-device"]');
    await button.trigger('click');
    await button.trigger('click');
    await flushPromises();
    expect(dialogOf(wrapper).exists()).toBe(false);
    answer(undefined);
    await flushPromises();
    expect(api.count('setup.chooseDevice')).toBe(1);
    expect(wrapper.findAll('[data-testid="login-dialog"]')).toHaveLength(1);
  });

  it('offers "Log in to <name>" on every card that can be logged in to, before the card’s choice in keyboard order', async () => {
    const wrapper = await mountStep();
    for (const [address, name] of [
      ['192.168.1.64', 'Hikvision DS-7608NI-K2 at 192.168.1.64'],
      ['192.168.1.66', 'Reolink RLN8-410 at 192.168.1.66'],
    ]) {
      const focusable = card(wrapper, address!)
        .findAll('button, input')
        .map((e) => e.attributes('data-testid'));
      expect(focusable.slice(0, 2)).toEqual(['login-device', 'choose-device']);
      expect(card(wrapper, address!).find('[data-testid="login-device"]').attributes('aria-label')).toBe(
        `Log in to ${name}`,
      );
    }
  });
});

describe('Find step: the user name the login starts with', () => {
  /** An Axis camera (its factory administrator is root) and a device that said nothing about its maker. */
  const AXIS = fakeDevice({
    id: 'mac:ac:cc:8e:00:00:70',
    addresses: ['192.168.1.70'],
    mac: 'ac:cc:8e:00:00:70',
    brand: 'AXIS',
    brandSource: 'scopes',
    model: 'M3045-V',
    name: null,
    serial: null,
    sources: ['onvif'],
    onvifUrl: 'http://192.168.1.70/onvif/device_service',
  });
  const NAMELESS = fakeDevice({
    id: 'mac:02:00:c0:a8:01:63',
    addresses: ['192.168.1.99'],
    mac: '02:00:c0:a8:01:63',
    brand: null,
    brandSource: null,
    model: null,
    name: null,
    serial: null,
    sources: ['sweep'],
    onvifUrl: 'http://192.168.1.99/onvif/device_service',
  });

  it.each([
    ['an Axis camera', '192.168.1.70', 'root'],
    ['a Hikvision NVR', '192.168.1.64', 'admin'],
    ['a Reolink NVR', '192.168.1.66', 'admin'],
    ['a device whose maker is not known', '192.168.1.99', 'admin'],
  ])('%s: its factory administrator, editable, the keyboard on the password', async (_what, address, user) => {
    api.handlers['discovery.list'] = () =>
      discoveryList({ devices: [...fakeDevices(), AXIS, NAMELESS], interfaceName: 'eth0' });
    const wrapper = await mountStep();
    await pressLogIn(wrapper, address);
    expect(userField(wrapper).value).toBe(user);
    expect(userField(wrapper).readOnly).toBe(false);
    expect(passwordField(wrapper).value).toBe('');
    expect(document.activeElement).toBe(passwordField(wrapper));
    // The user types another name: that one is sent.
    await wrapper.find('[data-testid="login-username"]').setValue('viewer');
    await wrapper.find('[data-testid="login-password"]').setValue(PASSWORD);
    await wrapper.find('[data-testid="login-dialog"] form').trigger('submit');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'device.login').at(-1)?.input).toMatchObject({ username: 'viewer' });
  });

  it('a user name already sent to the device wins over the default; another device still starts with its own', async () => {
    api.handlers['discovery.list'] = () =>
      discoveryList({ devices: [...fakeDevices(), AXIS, NAMELESS], interfaceName: 'eth0' });
    api.handlers['device.login'] = () => failed('LOGIN_WRONG_PASSWORD', 'The NVR refused the user name or password.');
    const wrapper = await mountStep();
    await pressLogIn(wrapper, '192.168.1.70');
    await wrapper.find('[data-testid="login-username"]').setValue('onvifuser');
    await wrapper.find('[data-testid="login-password"]').setValue(PASSWORD);
    await wrapper.find('[data-testid="login-dialog"] form').trigger('submit');
    await flushPromises();
    await wrapper.find('[data-testid="login-cancel"]').trigger('click');
    await flushPromises();

    await pressLogIn(wrapper, '192.168.1.70');
    expect(userField(wrapper).value).toBe('onvifuser');
    expect(document.activeElement).toBe(passwordField(wrapper));
    await wrapper.find('[data-testid="login-cancel"]').trigger('click');
    await flushPromises();

    await pressLogIn(wrapper, '192.168.1.64');
    expect(userField(wrapper).value).toBe('admin');
    expect(document.activeElement).toBe(passwordField(wrapper));
  });
});
