// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { appInfo, discoveryList, failed, loginAnswer, ok } from '../../fake-api';
import {
  APPLY_JOB,
  HIK_NVR,
  discoveryReading,
  fakeReading,
  fakeStaticIp,
  setupWithNvr,
  unconfirmed,
  typeAddress,
} from '../../fake-static-ip';
import { api, mountStep, useStepHarness } from '../../mount-step';

useStepHarness({
  path: '/step/static-ip',
  handlers: () => ({
    'setup.get': () => ok({ setup: setupWithNvr(), notice: null }),
    'app.info': () => appInfo(false, 'browser'),
    // No login known for the NVR.
    'discovery.list': () => discoveryList(),
    'device.login': () => loginAnswer(HIK_NVR),
  }),
});

const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);
const focused = () => document.activeElement?.getAttribute('data-testid');
const applyInputs = () => api.calls.filter((c) => c.channel === 'address.apply').map((c) => c.input);

async function logIn(wrapper: VueWrapper): Promise<void> {
  await byTest(wrapper, 'login-password').setValue('secret-123');
  await byTest(wrapper, 'login-dialog').find('form').trigger('submit');
  await flushPromises();
}

describe('Static IP step: the login', () => {
  it('only what the search knows is said as such; “Log in to read…” logs in, then reads the NVR again', async () => {
    const read = fakeReading({ at: '2025-03-01T12:30:00.000Z' });
    fakeStaticIp(api, { reading: discoveryReading() }, { onCheck: read });
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'found-source').text()).toContain('without a login');
    expect(byTest(wrapper, 'found-source').text()).toContain('may differ');
    expect(byTest(wrapper, 'found-gateway').text()).toBe('not known without a login');
    expect(api.count('address.check')).toBe(0);

    await byTest(wrapper, 'read-login').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'login-purpose').text()).toContain('reads the NVR’s own address settings');
    expect(focused()).toBe('login-password');
    await logIn(wrapper);
    expect(api.count('device.login')).toBe(1);
    expect(api.calls.filter((c) => c.channel === 'address.check').map((c) => c.input)).toEqual([
      { deviceId: HIK_NVR.id },
    ]);
    expect(byTest(wrapper, 'found-source').text()).toContain('read from the NVR itself after a login');
    expect(byTest(wrapper, 'read-login').exists()).toBe(false);
    expect(byTest(wrapper, 'found-gateway').text()).toBe('192.168.1.1');
  });

  it('no login known: the change asks for it first, then for the confirmation; nothing is sent before “yes”', async () => {
    fakeStaticIp(api, { reading: fakeReading() });
    const wrapper = await mountStep();
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'login-dialog').exists()).toBe(true);
    expect(byTest(wrapper, 'login-purpose').text()).toContain('asks you to confirm once more');
    await logIn(wrapper);
    expect(byTest(wrapper, 'apply-confirm').exists()).toBe(true);
    expect(focused()).toBe('apply-confirm-yes');
    expect(applyInputs()).toEqual([]);
  });

  it('main says it has no login: “Log in to …” under the refusal, and nothing is retried by itself', async () => {
    fakeStaticIp(api, { reading: fakeReading() });
    api.handlers['discovery.list'] = () => discoveryList({ rememberedDeviceIds: [HIK_NVR.id] });
    api.handlers['address.apply'] = () =>
      failed(
        'STATIC_IP_LOGIN_NEEDED',
        'Log in to the NVR first (step “Find your NVR”, or `nvr-assist identify`): the app needs its ONVIF login to change its address. Nothing was changed.',
      );
    const wrapper = await mountStep();
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    await byTest(wrapper, 'apply-confirm-yes').trigger('click');
    await flushPromises();
    const error = byTest(wrapper, 'apply-error');
    expect(error.text()).toContain('The address was not sent.');
    expect(error.text()).not.toContain('nvr-assist');
    await byTest(wrapper, 'apply-login').trigger('click');
    await flushPromises();
    await logIn(wrapper);
    expect(applyInputs()).toHaveLength(1);
    expect(byTest(wrapper, 'login-message').text()).toContain('Press “Give the NVR this address” again');
  });
});

describe('Static IP step: warnings need an explicit yes', () => {
  it('a typed address with a warning: the confirmation names it, “Use it anyway” sends it with that yes', async () => {
    fakeStaticIp(api, { reading: fakeReading() });
    api.handlers['discovery.list'] = () => discoveryList({ rememberedDeviceIds: [HIK_NVR.id] });
    const wrapper = await mountStep();
    await typeAddress(wrapper, '192.168.1.150');
    expect(byTest(wrapper, 'plan-problem').attributes('data-severity')).toBe('warning');
    expect(byTest(wrapper, 'apply').attributes('disabled')).toBeUndefined();
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'apply-confirm-warnings').text()).toContain('inside the DHCP range');
    expect(byTest(wrapper, 'apply-confirm-yes').text()).toBe('Use it anyway');
    await byTest(wrapper, 'apply-confirm-yes').trigger('click');
    await flushPromises();
    expect(applyInputs()).toEqual([
      {
        deviceId: HIK_NVR.id,
        address: '192.168.1.150',
        gateway: '192.168.1.1',
        dns: ['192.168.1.1'],
        confirmWarnings: true,
      },
    ]);
  });

  it('main refuses with warnings the page had not shown: “Use it anyway” resends the same address with the yes', async () => {
    fakeStaticIp(api, { reading: fakeReading() });
    api.handlers['discovery.list'] = () => discoveryList({ rememberedDeviceIds: [HIK_NVR.id] });
    const wrapper = await mountStep();
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    await byTest(wrapper, 'apply-confirm-yes').trigger('click');
    await flushPromises();
    // Main's gate ran inside the job and refused.
    api.emit('job.onDone', {
      jobId: APPLY_JOB,
      kind: 'static-ip-apply',
      outcome: 'failed',
      error: unconfirmed().error,
    });
    await flushPromises();
    expect(byTest(wrapper, 'apply-error').text()).toContain('inside the DHCP range the app guessed');
    expect(byTest(wrapper, 'apply-broken').exists()).toBe(false);
    await byTest(wrapper, 'apply-accept-warnings').trigger('click');
    await flushPromises();
    const sent = { deviceId: HIK_NVR.id, address: '192.168.1.230', gateway: '192.168.1.1', dns: ['192.168.1.1'] };
    expect(applyInputs()).toEqual([sent, { ...sent, confirmWarnings: true }]);
    expect(byTest(wrapper, 'apply-error').exists()).toBe(false);
    expect(focused()).toBe('apply-cancel');
  });

  it('an address something already answers at is refused by main; the page says so and offers no yes', async () => {
    fakeStaticIp(api, { reading: fakeReading() });
    api.handlers['discovery.list'] = () => discoveryList({ rememberedDeviceIds: [HIK_NVR.id] });
    const wrapper = await mountStep();
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    await byTest(wrapper, 'apply-confirm-yes').trigger('click');
    await flushPromises();
    api.emit('job.onDone', {
      jobId: APPLY_JOB,
      kind: 'static-ip-apply',
      outcome: 'failed',
      error: {
        code: 'STATIC_IP_ADDRESS_IN_USE',
        message:
          'Something on your network already answers at that address. Pick another address. Nothing was changed.',
      },
    });
    await flushPromises();
    expect(byTest(wrapper, 'apply-error').text()).toContain('already answers at that address');
    expect(byTest(wrapper, 'apply-accept-warnings').exists()).toBe(false);
  });
});
