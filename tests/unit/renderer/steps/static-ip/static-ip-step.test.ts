// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { ok } from '../../fake-api';
import {
  APPLY_JOB,
  CHECK_JOB,
  HIK_NVR,
  fakePending,
  fakeReading,
  fakeResult,
  fakeStaticIp,
  lostResult,
  setupWithNvr,
  STATIC_IP_PAGE,
  typeAddress,
} from '../../fake-static-ip';
import { api, mountStep, router, useStepHarness } from '../../mount-step';
import { STEP_PAGES } from '../../../../../src/renderer/router';

useStepHarness(STATIC_IP_PAGE);

const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);
const allByTest = (wrapper: VueWrapper, id: string) => wrapper.findAll(`[data-testid="${id}"]`);
const inputsOf = (channel: 'address.check' | 'address.plan' | 'address.apply' | 'address.get') =>
  api.calls.filter((c) => c.channel === channel).map((c) => c.input);

/** Mounted with a saved reading (no check at open), Apply pressed and confirmed. */
async function applied(): Promise<VueWrapper> {
  fakeStaticIp(api, { reading: fakeReading() });
  const wrapper = await mountStep();
  await byTest(wrapper, 'apply').trigger('click');
  await flushPromises();
  await byTest(wrapper, 'apply-confirm-yes').trigger('click');
  await flushPromises();
  return wrapper;
}

describe('Static IP step: opening', () => {
  it('verified says what it rests on — DHCP off on the NVR, or the router’s reservation — not a DHCP range that may be a guess', async () => {
    api.handlers['setup.get'] = () =>
      ok({ setup: setupWithNvr({ steps: { 'static-ip': { status: 'verified', updatedAt: 'x' } } }), notice: null });
    const w = await mountStep();
    const said = w.find('[data-testid="verify-reason"]').text();
    expect(said).toBe(
      'The NVR keeps a fixed address: DHCP is off on the NVR itself, or the router reserves the address for it.',
    );
    expect(said).not.toContain('DHCP range');
  });

  it('is the page of its folder, found by the router', () => {
    expect(STEP_PAGES['static-ip']).toBeDefined();
    expect(router.currentRoute.value.name).toBe('step-static-ip');
  });

  it('reads the saved entry, then checks the NVR when nothing was read yet, and shows what it found', async () => {
    fakeStaticIp(api, {}, { onCheck: fakeReading() });
    const wrapper = await mountStep();
    expect(inputsOf('address.get')[0]).toEqual({ deviceId: HIK_NVR.id });
    expect(inputsOf('address.check')).toEqual([{ deviceId: HIK_NVR.id }]);
    expect(byTest(wrapper, 'found-source').text()).toContain('read from the NVR itself after a login');
    expect(byTest(wrapper, 'read-login').exists()).toBe(false);
    expect(byTest(wrapper, 'found-dhcp').text()).toContain('DHCP on');
    expect(byTest(wrapper, 'found-address').text()).toBe('192.168.1.64/24');
    expect(byTest(wrapper, 'found-netmask').text()).toBe('255.255.255.0');
    expect(byTest(wrapper, 'found-gateway').text()).toBe('192.168.1.1');
    expect(byTest(wrapper, 'found-mac').text()).toBe('44:19:b6:00:00:64');
    expect(byTest(wrapper, 'lan-address').text()).toContain('192.168.1.20/24');
    expect(byTest(wrapper, 'pool-known').text()).toContain('192.168.1.100');
    expect(byTest(wrapper, 'pool-known').text()).toContain('devices seen on DHCP');
    expect(byTest(wrapper, 'pool-basis').text()).toBe('Devices on DHCP were seen from 192.168.1.100 to 192.168.1.199');
    const findings = allByTest(wrapper, 'finding');
    expect(findings.map((f) => f.attributes('data-severity'))).toEqual(['problem', 'ok']);
    expect(findings[0]!.find('details').text()).toContain('GetNetworkInterfaces: DHCP on');
    expect(findings[0]!.find('details').attributes('open')).toBeUndefined();
    // The proposal with its reasons fills the fields, and main checked it.
    expect(byTest(wrapper, 'proposal-address').text()).toBe('192.168.1.230');
    expect(byTest(wrapper, 'proposal-why').text()).toContain('Outside the router’s DHCP range');
    expect((byTest(wrapper, 'draft-address').element as HTMLInputElement).value).toBe('192.168.1.230');
    expect(inputsOf('address.plan').at(-1)).toEqual({
      deviceId: HIK_NVR.id,
      address: '192.168.1.230',
      gateway: '192.168.1.1',
      dns: ['192.168.1.1'],
    });
    expect(byTest(wrapper, 'apply').attributes('disabled')).toBeUndefined();
    expect(byTest(wrapper, 'reservation').text()).toContain('44:19:B6:00:00:64');
    expect(byTest(wrapper, 'reservation-families').text()).toContain('TP-Link FAQ 182');
  });

  it('a reading newer than the last change is shown as saved; one older than it is read again', async () => {
    fakeStaticIp(api, { reading: fakeReading(), lastChange: fakeResult({ at: '2025-03-01T11:00:00.000Z' }) });
    await mountStep();
    expect(api.count('address.check')).toBe(0);
  });

  it('a reading older than the last change is read again', async () => {
    fakeStaticIp(api, { reading: fakeReading(), lastChange: fakeResult() }, { onCheck: fakeReading() });
    await mountStep();
    expect(api.count('address.check')).toBe(1);
  });

  it('a reading of an address the NVR is no longer found at (it moved by itself) is read again', async () => {
    const elsewhere = fakeReading({ settings: { ...fakeReading().settings, address: '192.168.1.200' } });
    fakeStaticIp(api, { reading: elsewhere }, { onCheck: fakeReading() });
    await mountStep();
    expect(api.count('address.check')).toBe(1);
  });

  it('a typed DHCP range goes with the next check', async () => {
    fakeStaticIp(api, { reading: fakeReading() }, { onCheck: fakeReading({ at: '2025-03-01T12:30:00.000Z' }) });
    const wrapper = await mountStep();
    await byTest(wrapper, 'pool-input').setValue(' 192.168.1.50-192.168.1.99 ');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(inputsOf('address.check')).toEqual([{ deviceId: HIK_NVR.id, pool: '192.168.1.50-192.168.1.99' }]);
  });
});

describe('Static IP step: a typed address', () => {
  it('shows main’s problems inline, tied to the field, and blocks the change', async () => {
    fakeStaticIp(api, { reading: fakeReading() });
    const wrapper = await mountStep();
    await typeAddress(wrapper, '192.168.1.1');
    expect(inputsOf('address.plan').at(-1)).toMatchObject({ address: '192.168.1.1' });
    const problems = allByTest(wrapper, 'plan-problem');
    expect(problems.map((p) => p.text())).toEqual(['Problem: 192.168.1.1 is your router’s address.']);
    const input = byTest(wrapper, 'draft-address');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(input.attributes('aria-describedby')).toContain('static-ip-problems');
    expect(wrapper.find('label[for="static-ip-address"]').exists()).toBe(true);
    expect(byTest(wrapper, 'apply').attributes('disabled')).toBeDefined();
    expect(byTest(wrapper, 'apply-blocked').text()).toContain('has a problem');
    // Back to the proposal: checked again, the change possible again.
    await byTest(wrapper, 'draft-reset').trigger('click');
    await flushPromises();
    expect(allByTest(wrapper, 'plan-problem')).toHaveLength(0);
    expect(byTest(wrapper, 'apply').attributes('disabled')).toBeUndefined();
  });

  it('an empty address or too many DNS servers is said at once, without asking main', async () => {
    fakeStaticIp(api, { reading: fakeReading() });
    const wrapper = await mountStep();
    const before = api.count('address.plan');
    await typeAddress(wrapper, '  ');
    await byTest(wrapper, 'draft-dns').setValue('1.1.1.1, 8.8.8.8, 9.9.9.9, 1.0.0.1, 8.8.4.4');
    await byTest(wrapper, 'draft-dns').trigger('change');
    await flushPromises();
    expect(byTest(wrapper, 'draft-problem-address').text()).toContain('Type the address');
    expect(byTest(wrapper, 'draft-problem-dns').text()).toBe('At most 4 DNS servers.');
    expect(api.count('address.plan')).toBe(before);
  });
});

describe('Static IP step: giving the NVR the address', () => {
  it('asks first, saying exactly what is sent and that the NVR moves; the keyboard is on “yes”, Escape closes', async () => {
    fakeStaticIp(api, { reading: fakeReading() });
    const wrapper = await mountStep();
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    const confirm = byTest(wrapper, 'apply-confirm');
    expect(confirm.attributes('role')).toBe('alertdialog');
    expect(byTest(wrapper, 'confirm-address').text()).toBe('192.168.1.230/24 (netmask 255.255.255.0)');
    expect(byTest(wrapper, 'confirm-gateway').text()).toBe('192.168.1.1');
    expect(byTest(wrapper, 'confirm-dns').text()).toBe('192.168.1.1');
    expect(byTest(wrapper, 'apply-confirm-moves').text()).toMatch(/moves from 192\.168\.1\.64 to 192\.168\.1\.230/);
    expect(byTest(wrapper, 'apply-confirm-moves').text()).toContain('follows it there');
    expect(api.count('address.apply')).toBe(0);
    expect(document.activeElement).toBe(byTest(wrapper, 'apply-confirm-yes').element);
    await confirm.trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(byTest(wrapper, 'apply-confirm').exists()).toBe(false);
    expect(document.activeElement).toBe(byTest(wrapper, 'apply').element);
    expect(api.count('address.apply')).toBe(0);
  });

  it('sends exactly the confirmed address, shows the progress with Cancel, then the result', async () => {
    const wrapper = await applied();
    expect(inputsOf('address.apply')).toEqual([
      { deviceId: HIK_NVR.id, address: '192.168.1.230', gateway: '192.168.1.1', dns: ['192.168.1.1'] },
    ]);
    expect(document.activeElement).toBe(byTest(wrapper, 'apply-cancel').element);
    api.emit('job.onProgress', {
      jobId: APPLY_JOB,
      kind: 'static-ip-apply',
      done: 4,
      total: 6,
      message: 'Looking for the NVR at 192.168.1.230…',
    });
    await flushPromises();
    expect(byTest(wrapper, 'apply-progress').exists()).toBe(true);
    expect(byTest(wrapper, 'apply-message').text()).toBe('Looking for the NVR at 192.168.1.230…');
    api.emit('address.onApplied', { jobId: APPLY_JOB, result: fakeResult() });
    api.emit('job.onDone', { jobId: APPLY_JOB, kind: 'static-ip-apply', outcome: 'ok', error: null });
    await flushPromises();
    expect(byTest(wrapper, 'apply-progress').exists()).toBe(false);
    expect(byTest(wrapper, 'change-outcome').text()).toBe('moved and checked');
    expect(byTest(wrapper, 'change-where').text()).toContain('answers at 192.168.1.230 now');
    expect(wrapper.findAll('[data-testid="change-steps"] li')).toHaveLength(3);
    const recheck = byTest(wrapper, 'change-recheck');
    // Steps with a page are links (Verify has one now); a planned one would say it comes later.
    expect(recheck.findAll('a').map((a) => a.text())).toEqual(['Ports', 'UPnP', 'Verify']);
    expect(recheck.text()).not.toContain('(a later step)');
    // The reading is older than the change now: the NVR is read again where it is.
    expect(api.count('address.check')).toBe(1);
  });

  it('Cancel asks main to stop the change', async () => {
    const wrapper = await applied();
    await byTest(wrapper, 'apply-cancel').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'job.cancel').map((c) => c.input)).toEqual([{ jobId: APPLY_JOB }]);
    api.emit('job.onDone', {
      jobId: APPLY_JOB,
      kind: 'static-ip-apply',
      outcome: 'cancelled',
      error: { code: 'CANCELLED', message: 'The operation was cancelled.' },
    });
    await flushPromises();
    expect(byTest(wrapper, 'apply-message').text()).toBe('The change was stopped.');
    expect(byTest(wrapper, 'apply-cancel').isVisible()).toBe(false);
  });

  it('a lost NVR: its MAC and where to look', async () => {
    const wrapper = await applied();
    api.emit('address.onApplied', { jobId: APPLY_JOB, result: lostResult() });
    api.emit('job.onDone', { jobId: APPLY_JOB, kind: 'static-ip-apply', outcome: 'ok', error: null });
    await flushPromises();
    expect(byTest(wrapper, 'change-outcome').text()).toBe('not found');
    expect(byTest(wrapper, 'change-mac').text()).toBe('44:19:B6:00:00:64');
    expect(byTest(wrapper, 'change-lost').text()).toContain('44-19-B6-00-00-64');
    const lost = byTest(wrapper, 'change-lost').text();
    expect(lost).toContain('router’s list of connected devices');
    expect(lost).toContain('address sweep');
    expect(lost).toContain('192.168.1.230');
    expect(lost).not.toMatch(/nvr-assist/);
    expect(byTest(wrapper, 'change-lost').find('a').attributes('href')).toContain('/step/find');
    // Nothing to read where the NVR is not: no check by itself.
    expect(api.count('address.check')).toBe(0);
  });

  it('a change found unfinished at the start is said as such, and the check that finds the NVR starts by itself', async () => {
    fakeStaticIp(api, { reading: fakeReading(), pending: fakePending() });
    const wrapper = await mountStep();
    const pending = byTest(wrapper, 'static-ip-pending');
    expect(pending.text()).toContain('did not finish');
    expect(pending.text()).toMatch(/from 192\.168\.1\.64 to 192\.168\.1\.230/);
    expect(byTest(wrapper, 'apply').attributes('disabled')).toBeDefined();
    // The check only reads: it runs at once to find where the NVR answers now.
    expect(inputsOf('address.check')).toEqual([{ deviceId: HIK_NVR.id }]);
    expect(byTest(wrapper, 'check-message').text()).toBe('Finding where the NVR answers now…');
    api.emit('address.onApplied', { jobId: CHECK_JOB, result: fakeResult() });
    await flushPromises();
    expect(byTest(wrapper, 'change-outcome').text()).toBe('moved and checked');
  });
});
