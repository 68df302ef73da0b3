// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import App from '../../../../../src/renderer/App.vue';
import type { SetupRecord } from '../../../../../src/shared/domain/setup';
import { appInfo, discoveryList, failed, fakeDevices, fakeReport, fakeSetup, loginAnswer, ok } from '../../fake-api';
import {
  APPLY_JOB,
  AUDIT_JOB,
  REOLINK,
  fakeApplyResult,
  fakePortPlan,
  fakePortReport,
  fakePorts,
  setupWithNvr,
} from '../../fake-ports';
import { applyAndConfirm } from './ports-page';
import { api, mountStep, mountWith, router, useStepHarness } from '../../mount-step';

const PASSWORD = 'Lab-Admin-2024';

// Main has no login for the NVR that this window knows of: nobody logged in here, and the keychain holds none.
useStepHarness({
  path: '/step/ports',
  handlers: () => ({
    'app.info': () => appInfo(false, 'browser'),
    'setup.get': () => ok({ setup: setupWithNvr(), notice: null }),
    'discovery.list': () => discoveryList(),
    'device.login': () => loginAnswer(REOLINK),
  }),
});

const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);
const focused = () => document.activeElement?.getAttribute('data-testid');

async function logIn(wrapper: VueWrapper, password = PASSWORD) {
  await byTest(wrapper, 'login-password').setValue(password);
  await byTest(wrapper, 'login-dialog').find('form').trigger('submit');
  await flushPromises();
}

describe('Ports step: the login is asked before the confirmation', () => {
  it('no login known: Apply opens the login at once, with the change in view; then the confirmation', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const wrapper = await mountStep();
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    const dialog = byTest(wrapper, 'login-dialog');
    expect(dialog.exists()).toBe(true);
    expect(byTest(wrapper, 'apply-confirm').exists()).toBe(false);
    expect(dialog.text()).toContain('Log in to Reolink RLN8-410');
    // The change the login is for: in the dialog, and still on the page behind it.
    const changes = byTest(wrapper, 'login-changes');
    expect(changes.text()).toContain('Web page (HTTP): 80 → 12080');
    expect(changes.findAll('li')).toHaveLength(3);
    expect(byTest(wrapper, 'pending-changes').text()).toContain('80 → 12080');
    expect(focused()).toBe('login-password');

    await logIn(wrapper);
    expect(api.calls.find((c) => c.channel === 'device.login')?.input).toEqual({
      deviceId: REOLINK.id,
      username: 'admin',
      password: PASSWORD,
    });
    expect(byTest(wrapper, 'login-dialog').exists()).toBe(false);
    expect(byTest(wrapper, 'apply-confirm').exists()).toBe(true);
    expect(focused()).toBe('apply-confirm-yes');
    // Asked, not yet confirmed: nothing is sent to the NVR.
    expect(api.count('ports.apply')).toBe(0);

    await byTest(wrapper, 'apply-confirm-yes').trigger('click');
    await flushPromises();
    expect(api.count('ports.apply')).toBe(1);
    expect(api.count('device.login')).toBe(1);
  });

  it('closing the login sends nothing and asks nothing more; the keyboard goes back to Apply', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const wrapper = await mountStep();
    const apply = byTest(wrapper, 'apply');
    (apply.element as HTMLButtonElement).focus();
    await apply.trigger('click');
    await flushPromises();
    await byTest(wrapper, 'login-cancel').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'login-dialog').exists()).toBe(false);
    expect(byTest(wrapper, 'apply-confirm').exists()).toBe(false);
    expect(focused()).toBe('apply');
    expect(api.count('device.login')).toBe(0);
    expect(api.count('ports.apply')).toBe(0);
  });

  it('a refused login keeps the dialog open with the reason; the next try leads on to the confirmation', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    api.handlers['device.login'] = () =>
      failed(
        'LOGIN_WRONG_PASSWORD',
        'The NVR refused the user name or password. Check them (they are case-sensitive).',
      );
    const wrapper = await mountStep();
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    await logIn(wrapper, 'wrong');
    expect(byTest(wrapper, 'login-error').text()).toContain('refused the user name or password');
    expect(byTest(wrapper, 'apply-confirm').exists()).toBe(false);
    expect(api.count('device.login')).toBe(1);

    api.handlers['device.login'] = () => loginAnswer(REOLINK);
    await logIn(wrapper);
    expect(byTest(wrapper, 'apply-confirm').exists()).toBe(true);
    expect(api.count('device.login')).toBe(2);
    expect(api.count('ports.apply')).toBe(0);
  });

  it('one login while the window stays open: the next change, even after leaving the page, goes straight to the confirmation', async () => {
    const saved = fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const wrapper = await mountStep();
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    await logIn(wrapper);
    await byTest(wrapper, 'apply-confirm-yes').trigger('click');
    await flushPromises();
    saved.lastChange = fakeApplyResult();
    api.emit('ports.onApplied', { jobId: APPLY_JOB, result: fakeApplyResult() });
    api.emit('job.onDone', { jobId: APPLY_JOB, kind: 'ports-apply', outcome: 'ok', error: null });
    await flushPromises();
    // Leave the page and come back (the router forgets its place when its last app unmounts).
    wrapper.unmount();
    await router.push('/step/find');
    await router.push('/step/ports');

    const again = await mountStep();
    await byTest(again, 'revert').trigger('click');
    await flushPromises();
    expect(byTest(again, 'login-dialog').exists()).toBe(false);
    expect(byTest(again, 'revert-confirm').exists()).toBe(true);
    await byTest(again, 'revert-confirm-no').trigger('click');
    await byTest(again, 'apply').trigger('click');
    await flushPromises();
    expect(byTest(again, 'login-dialog').exists()).toBe(false);
    expect(byTest(again, 'apply-confirm').exists()).toBe(true);
    expect(api.count('device.login')).toBe(1);
  });

  it('a login the keychain remembers counts: no dialog; main’s list is read once for it', async () => {
    api.handlers['discovery.list'] = () => discoveryList({ rememberedDeviceIds: [REOLINK.id] });
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const wrapper = await mountStep();
    expect(api.count('discovery.list')).toBe(1);
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'login-dialog').exists()).toBe(false);
    expect(byTest(wrapper, 'apply-confirm').exists()).toBe(true);
  });

  it('a login main still holds from before the page was loaded again counts too: no dialog', async () => {
    api.handlers['discovery.list'] = () => discoveryList({ loginKnownDeviceIds: [REOLINK.id] });
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const wrapper = await mountStep();
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'login-dialog').exists()).toBe(false);
    expect(byTest(wrapper, 'apply-confirm').exists()).toBe(true);
    expect(api.count('device.login')).toBe(0);
  });

  it('putting the old ports back asks for the login first too, showing what goes back', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan(), lastChange: fakeApplyResult() });
    const wrapper = await mountStep();
    await byTest(wrapper, 'revert').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'login-changes').text()).toContain('Web page (HTTP): 12080 → 80');
    await logIn(wrapper);
    expect(byTest(wrapper, 'revert-confirm').exists()).toBe(true);
    expect(focused()).toBe('revert-confirm-yes');
    expect(api.count('ports.apply')).toBe(0);
  });

  it('main’s “log in first” is said in the page’s words (no command line); Apply again stays the user’s', async () => {
    api.handlers['discovery.list'] = () => discoveryList({ rememberedDeviceIds: [REOLINK.id] });
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const wrapper = await mountStep();
    await applyAndConfirm(wrapper);
    api.emit('job.onDone', {
      jobId: APPLY_JOB,
      kind: 'ports-apply',
      outcome: 'failed',
      error: {
        code: 'PORTS_LOGIN_NEEDED',
        message:
          'Log in to the NVR first (step “Find your NVR”, or `nvr-assist identify`): the app needs its ONVIF login to change its ports. Nothing was changed.',
      },
    });
    await flushPromises();
    const error = byTest(wrapper, 'apply-error');
    expect(error.text()).toContain('Log in to the NVR first');
    expect(error.text()).toContain('“Find your NVR”');
    expect(error.text()).not.toMatch(/nvr-assist|identify|`/);
    expect(byTest(wrapper, 'apply-login').text()).toBe('Log in to Reolink RLN8-410');
    await byTest(wrapper, 'apply-login').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'login-changes').exists()).toBe(false);
    await logIn(wrapper);
    expect(byTest(wrapper, 'apply-confirm').exists()).toBe(false);
    expect(byTest(wrapper, 'apply-message').text()).toContain('Press “Apply through ONVIF” again');
    expect(api.count('ports.apply')).toBe(1);
  });
});

/** A small main for the whole way from a fresh start to a moved port, answering as the real one does. */
function fakeMain() {
  let record: SetupRecord = fakeSetup();
  const save = (next: SetupRecord) => {
    record = { ...next, updatedAt: new Date(Date.parse(record.updatedAt) + 1000).toISOString() };
    return record;
  };
  const verified = (at: string) => ({ status: 'verified' as const, updatedAt: at });
  const later = (work: () => void) => setTimeout(work, 0);
  api.handlers['setup.get'] = () => ok({ setup: record, notice: null });
  api.handlers['network.get'] = () => ok(fakeReport({ chosenInterface: null }));
  api.handlers['setup.chooseApproach'] = (input) =>
    ok(
      save({
        ...record,
        approach: (input as { approach: SetupRecord['approach'] }).approach,
        network: fakeReport(),
        steps: { ...record.steps, network: verified('2025-03-01T10:00:00.000Z') },
      }),
    );
  let found: typeof record.devices = [];
  api.handlers['discovery.list'] = () => discoveryList({ devices: found, interfaceName: found.length ? 'eth0' : null });
  api.handlers['discovery.listen'] = () => ok({ jobId: 'job-listen1', interfaceName: 'eth0' });
  api.handlers['discovery.start'] = () => {
    later(() => {
      found = [...fakeDevices()];
      for (const device of found) api.emit('discovery.onDevice', { jobId: 'job-search1', device });
      record = save({ ...record, devices: found });
      api.emit('job.onDone', { jobId: 'job-search1', kind: 'discovery', outcome: 'ok', error: null });
    });
    return ok({ jobId: 'job-search1', interfaceName: 'eth0' });
  };
  api.handlers['setup.chooseDevice'] = () =>
    ok(
      save({
        ...record,
        nvr: { deviceId: REOLINK.id, device: REOLINK, chosenAt: '2025-03-01T11:00:00.000Z' },
        steps: {
          ...record.steps,
          find: { status: 'working', updatedAt: '2025-03-01T11:00:00.000Z', reason: 'Log in to your NVR.' },
        },
      }),
    );
  api.handlers['device.login'] = () => {
    record = save({ ...record, steps: { ...record.steps, find: verified('2025-03-01T11:01:00.000Z') } });
    return loginAnswer(REOLINK);
  };
  const ports = fakePorts(api);
  api.handlers['ports.audit'] = () => {
    later(() => {
      ports.report = fakePortReport();
      ports.plan = fakePortPlan();
      api.emit('job.onProgress', { jobId: AUDIT_JOB, kind: 'ports-audit', done: 5, total: 12, message: 'Port 554…' });
      api.emit('ports.onReport', { jobId: AUDIT_JOB, report: ports.report });
      api.emit('job.onDone', { jobId: AUDIT_JOB, kind: 'ports-audit', outcome: 'ok', error: null });
    });
    return ok({ jobId: AUDIT_JOB });
  };
  api.handlers['ports.apply'] = () => {
    later(() => {
      ports.lastChange = fakeApplyResult();
      record = save({ ...record, steps: { ...record.steps, ports: verified('2025-03-01T12:05:00.000Z') } });
      api.emit('ports.onApplied', { jobId: APPLY_JOB, result: ports.lastChange });
      api.emit('job.onDone', { jobId: APPLY_JOB, kind: 'ports-apply', outcome: 'ok', error: null });
    });
    return ok({ jobId: APPLY_JOB });
  };
}

/** Lets main's answers and the events it sends "later" arrive. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await flushPromises();
}

describe('From launch to a finished port change', () => {
  it('takes 8 actions: approach, Next, pick the NVR, Next, Apply, password, Enter, Enter (the check runs by itself)', async () => {
    fakeMain();
    let actions = 0;
    const click = async (target: DOMWrapper<Element>) => {
      actions++;
      await target.trigger('click');
      await settle();
    };
    await router.push('/');
    const app = mountWith(App);
    await settle();
    expect(router.currentRoute.value.path).toBe('/step/network');

    // Your network: how to reach the NVR (the measurement is the app's own), then on.
    actions++;
    await app.find('input[name="approach"][value="port-forwarding"]').setValue(true);
    await settle();
    expect(app.find('[data-testid="network-step-status"]').text()).toBe('verified');
    await click(app.find('[data-testid="next-step"]'));

    // Find your NVR: the first search runs by itself; pick the Reolink, then on.
    expect(router.currentRoute.value.path).toBe('/step/find');
    const reolink = app.find(`li[data-address="${REOLINK.addresses[0]}"]`);
    actions++;
    await reolink.find('[data-testid="choose-device"]').setValue(true);
    await settle();
    expect(app.find('[data-testid="chosen-summary"]').text()).toContain('Reolink RLN8-410');
    // Static IP comes next in the wizard; this user goes straight to Ports from the list of steps (one click too).
    expect(app.find('[data-testid="next-step"]').text()).toContain('Static IP');
    await click(app.find('li[data-step="ports"] a'));

    // Ports: the check runs by itself on the step's first visit (nothing to press); Apply, the login asked at once
    // (password, Enter), the confirmation (Enter on its focused Yes).
    expect(router.currentRoute.value.path).toBe('/step/ports');
    expect(api.count('ports.audit')).toBe(1);
    expect(app.find('[data-testid="pending-changes"]').exists()).toBe(true);
    await click(app.find('[data-testid="apply"]'));
    expect(document.activeElement?.getAttribute('data-testid')).toBe('login-password');
    actions++;
    await app.find('[data-testid="login-password"]').setValue(PASSWORD);
    actions++; // Enter in the password field submits the form
    await app.find('[data-testid="login-dialog"] form').trigger('submit');
    await settle();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('apply-confirm-yes');
    actions++; // Enter on the focused "Yes, move the ports"
    await (document.activeElement as HTMLButtonElement).click();
    await settle();

    expect(app.find('[data-testid="change-outcome"]').text()).toBe('verified');
    expect(app.find('[data-testid="ports-step-status"]').text()).toBe('verified');
    expect(api.count('device.login')).toBe(1);
    expect(api.count('ports.apply')).toBe(1);
    // Before: 9 with "Check the ports" pressed, and 13 before that (the same 7 up to Apply, then a confirmation that
    // failed for want of a login, Tab and Enter to "Log in to …", password, Enter, Apply again and Yes again).
    expect(api.count('ports.audit')).toBe(1);
    expect(actions).toBe(8);
    app.unmount();
  });
});
