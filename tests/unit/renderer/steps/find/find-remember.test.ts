// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import DeviceLoginDialog from '../../../../../src/renderer/components/DeviceLoginDialog.vue';
import { useAppStore } from '../../../../../src/renderer/stores/app';
import { useDeviceLoginStore } from '../../../../../src/renderer/stores/device-login';
import type { DiscoveredDevice } from '../../../../../src/shared/domain/device';
import {
  appInfo,
  failed,
  fakeDevice,
  fakeIdentity,
  fakeListening,
  fakeReport,
  ok,
  searchedList,
  searchedSetup,
} from '../../fake-api';
import { chooseInMain } from './choose-in-main';
import { api, mountStep, pinia, useStepHarness } from '../../mount-step';

const PASSWORD = 'Rem3mber-Me!';
const HIK = fakeDevice();

/** device.login as main answers it: `remembered` only when asked and a keychain exists. */
function loginHandler(keychain: boolean) {
  return (input: unknown) => {
    const { remember } = input as { remember?: boolean };
    const device: DiscoveredDevice = { ...HIK, lastSeenAt: '2025-03-01T11:00:00.000Z' };
    return ok({ identity: fakeIdentity(), onvifUrl: HIK.onvifUrl, device, remembered: keychain && remember === true });
  };
}

function setUp(canRemember: boolean) {
  api.handlers['app.info'] = () => appInfo(canRemember, canRemember ? 'electron' : 'browser');
  api.handlers['device.login'] = loginHandler(canRemember);
}

useStepHarness({
  path: '/step/find',
  handlers: () => ({
    'setup.get': () => ok({ setup: searchedSetup(), notice: null }),
    'network.get': () => ok(fakeReport({ chosenInterface: 'eth0' })),
    'discovery.list': () => searchedList(),
    'device.forgetPassword': () => ok({ forgotten: 1 }),
    'setup.chooseDevice': chooseInMain,
  }),
});
beforeEach(() => {
  fakeListening(api);
});

const hikCard = (wrapper: VueWrapper) => wrapper.find('li[data-address="192.168.1.64"]');
const loginCalls = () => api.calls.filter((c) => c.channel === 'device.login');

async function logIn(wrapper: VueWrapper, options: { tick?: boolean } = {}) {
  await hikCard(wrapper).find('[data-testid="login-device"]').trigger('click');
  await flushPromises();
  if (options.tick) await wrapper.find('[data-testid="login-remember"]').setValue(true);
  await wrapper.find('[data-testid="login-password"]').setValue(PASSWORD);
  await wrapper.find('[data-testid="login-dialog"] form').trigger('submit');
  await flushPromises();
}

describe('Find step: remembering the password', () => {
  it('where the keychain is available: a "Remember" checkbox, off by default; unticked, nothing is remembered', async () => {
    setUp(true);
    const wrapper = await mountStep({ app: true });
    await hikCard(wrapper).find('[data-testid="login-device"]').trigger('click');
    await flushPromises();
    const box = wrapper.find('[data-testid="login-remember"]');
    expect((box.element as HTMLInputElement).type).toBe('checkbox');
    expect((box.element as HTMLInputElement).checked).toBe(false);
    expect(wrapper.find('[data-testid="login-remember-label"]').text()).toBe(
      'Remember on this computer (encrypted by the system keychain)',
    );
    expect(wrapper.find('[data-testid="login-kept-note"]').exists()).toBe(false);
    await wrapper.find('[data-testid="login-password"]').setValue(PASSWORD);
    await wrapper.find('[data-testid="login-dialog"] form').trigger('submit');
    await flushPromises();
    expect(loginCalls()).toEqual([
      { channel: 'device.login', input: { deviceId: HIK.id, username: 'admin', password: PASSWORD } },
    ]);
    expect(hikCard(wrapper).find('[data-testid="password-remembered"]').exists()).toBe(false);
  });

  it('ticked: sends remember: true; the card says "password remembered" with a Forget button', async () => {
    setUp(true);
    const wrapper = await mountStep({ app: true });
    await logIn(wrapper, { tick: true });
    expect(loginCalls()).toEqual([
      { channel: 'device.login', input: { deviceId: HIK.id, username: 'admin', password: PASSWORD, remember: true } },
    ]);
    const remembered = hikCard(wrapper).find('[data-testid="password-remembered"]');
    expect(remembered.text()).toContain('password remembered');
    expect(remembered.text()).toContain('encrypted by the system keychain');
    expect(remembered.find('[data-testid="forget-password"]').text()).toBe('Forget');
    expect(remembered.find('[data-testid="forget-password"]').attributes('aria-label')).toBe(
      'Forget the password of Hikvision DS-7608NI-K2 at 192.168.1.64',
    );
    expect(wrapper.find('[data-testid="login-announcement"]').text()).toContain(
      'Its password is remembered on this computer.',
    );
    // Only this card.
    expect(wrapper.findAll('[data-testid="password-remembered"]')).toHaveLength(1);
  });

  it('Forget asks main to forget that device’s login, and the card stops saying it is remembered', async () => {
    setUp(true);
    const wrapper = await mountStep({ app: true });
    await logIn(wrapper, { tick: true });
    const forget = hikCard(wrapper).find('[data-testid="forget-password"]');
    (forget.element as HTMLButtonElement).focus();
    await forget.trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'device.forgetPassword')).toEqual([
      { channel: 'device.forgetPassword', input: { deviceId: HIK.id } },
    ]);
    expect(hikCard(wrapper).find('[data-testid="password-remembered"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="login-announcement"]').text()).toBe(
      'The password of Hikvision DS-7608NI-K2 is forgotten on this computer.',
    );
    expect(document.activeElement).toBe(hikCard(wrapper).find('[data-testid="login-device"]').element);
  });

  it('a Forget that fails keeps the badge and says why', async () => {
    setUp(true);
    api.handlers['device.forgetPassword'] = () => failed('INTERNAL', 'Something went wrong inside the app.');
    const wrapper = await mountStep({ app: true });
    await logIn(wrapper, { tick: true });
    await hikCard(wrapper).find('[data-testid="forget-password"]').trigger('click');
    await flushPromises();
    expect(hikCard(wrapper).find('[data-testid="password-remembered"]').exists()).toBe(true);
    expect(hikCard(wrapper).find('[data-testid="forget-error"]').text()).toContain('Something went wrong');
  });

  it('a later login without ticking drops the remembered one (main says remembered: false)', async () => {
    setUp(true);
    const wrapper = await mountStep({ app: true });
    await logIn(wrapper, { tick: true });
    expect(hikCard(wrapper).find('[data-testid="password-remembered"]').exists()).toBe(true);
    await logIn(wrapper);
    expect(loginCalls().at(-1)!.input).not.toHaveProperty('remember');
    expect(hikCard(wrapper).find('[data-testid="password-remembered"]').exists()).toBe(false);
  });

  it('without a keychain (browser mode): no checkbox, one line saying the password is kept only while the app runs', async () => {
    setUp(false);
    const wrapper = await mountStep({ app: true });
    await hikCard(wrapper).find('[data-testid="login-device"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="login-remember"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="login-kept-note"]').text()).toBe(
      'The password is kept only while the app runs.',
    );
    expect(wrapper.find('[data-testid="login-hint"]').text()).toContain('It is not saved on disk.');
    await wrapper.find('[data-testid="login-password"]').setValue(PASSWORD);
    await wrapper.find('[data-testid="login-dialog"] form').trigger('submit');
    await flushPromises();
    expect(loginCalls()[0]!.input).not.toHaveProperty('remember');
    expect(hikCard(wrapper).find('[data-testid="password-remembered"]').exists()).toBe(false);
  });

  it('before app.info has answered, nothing is offered to remember', async () => {
    api.handlers['device.login'] = loginHandler(true);
    const wrapper = await mountStep();
    await hikCard(wrapper).find('[data-testid="login-device"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="login-remember"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="login-kept-note"]').exists()).toBe(true);
  });

  it('keeps the password nowhere: not in any store, not in the page, also after a remembered login', async () => {
    setUp(true);
    const wrapper = await mountStep({ app: true });
    await logIn(wrapper, { tick: true });
    expect(JSON.stringify(pinia.state.value)).not.toContain(PASSWORD);
    expect(document.body.innerHTML).not.toContain(PASSWORD);
    expect(wrapper.find('[data-testid="login-dialog"]').exists()).toBe(false);
    const state = useDeviceLoginStore().stateOf(HIK.id);
    expect(Object.keys(state).sort()).toEqual(
      [
        'error',
        'forgetError',
        'forgetting',
        'identity',
        'lockedUsername',
        'loggedInAt',
        'pending',
        'remembered',
      ].sort(),
    );
    expect(state.remembered).toBe(true);
  });
});

describe('DeviceLoginDialog: remember', () => {
  it('emits remember: true only when offered and ticked', async () => {
    const wrapper = mount(DeviceLoginDialog, {
      props: { deviceTitle: 'Hikvision DS-7608NI-K2', address: '192.168.1.64', canRemember: true },
      attachTo: document.body,
    });
    await wrapper.find('[data-testid="login-remember"]').setValue(true);
    await wrapper.find('[data-testid="login-password"]').setValue(PASSWORD);
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('submit')).toEqual([[{ username: 'admin', password: PASSWORD, remember: true }]]);
    expect(wrapper.find('[data-testid="login-hint"]').text()).toContain('only encrypted by the system keychain');
    wrapper.unmount();
  });
});

describe('useDeviceLoginStore: remember and forget', () => {
  it('passes remember through and records what main says; forget clears it', async () => {
    api.handlers['device.login'] = loginHandler(true);
    const login = useDeviceLoginStore();
    expect(await login.login(HIK.id, 'admin', PASSWORD, { remember: true })).toBe(true);
    expect(loginCalls()[0]!.input).toEqual({ deviceId: HIK.id, username: 'admin', password: PASSWORD, remember: true });
    expect(login.stateOf(HIK.id).remembered).toBe(true);
    expect(await login.forget(HIK.id)).toBe(true);
    expect(login.stateOf(HIK.id).remembered).toBe(false);
    expect(login.stateOf(HIK.id).forgetting).toBe(false);
  });

  it('the app store says whether passwords can be remembered (false until app.info answers)', async () => {
    api.handlers['app.info'] = () => appInfo(true);
    const app = useAppStore();
    expect(app.canRememberPasswords).toBe(false);
    await app.load();
    expect(app.canRememberPasswords).toBe(true);
  });
});

describe('Find step: a remembered login after a restart', () => {
  it('shows "password remembered" for the devices main lists as remembered, and Forget clears it', async () => {
    setUp(true);
    api.handlers['discovery.list'] = () => searchedList({ rememberedDeviceIds: [HIK.id] });
    const wrapper = await mountStep({ app: true });
    expect(hikCard(wrapper).text()).toContain('password remembered');
    await hikCard(wrapper).find('[data-testid="forget-password"]').trigger('click');
    await flushPromises();
    expect(api.calls.some((c) => c.channel === 'device.forgetPassword')).toBe(true);
    expect(hikCard(wrapper).text()).not.toContain('password remembered');
    expect(useDeviceLoginStore().stateOf(HIK.id).remembered).toBe(false);
  });
});
