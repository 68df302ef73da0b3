// @vitest-environment happy-dom
// The UPnP page checks on its first visit (composables/useFirstVisit.ts): a router never checked is asked as if
// "Check the router" had been pressed — once per visit, never over a saved check, not before an NVR is chosen (the app
// asks nothing of the network by itself before the user searched), not on a step the user skipped, not while a job of
// the step runs, not when the saved check cannot be read; Cancel stops it as it stops a pressed one.
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { discoveryList, failed, fakeSetup, ok } from '../../fake-api';
import { api, mountStep, router, useStepHarness } from '../../mount-step';
import { AUDIT_JOB, WATCH_JOB, fakeAudit, fakeUpnp, setupWithNvr } from './fake-upnp';

useStepHarness({
  path: '/step/upnp',
  handlers: () => ({
    'setup.get': () => ok({ setup: setupWithNvr(), notice: null }),
    'discovery.list': () => discoveryList(),
  }),
});

const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);
const checks = () => api.count('upnp.audit');

/** Leaves the page and comes back: another visit. */
async function revisit(wrapper: VueWrapper): Promise<VueWrapper> {
  wrapper.unmount();
  await router.push('/step/find');
  await router.push('/step/upnp');
  return mountStep();
}

async function auditEnds(outcome: 'ok' | 'cancelled'): Promise<void> {
  api.emit('job.onDone', {
    jobId: AUDIT_JOB,
    kind: 'upnp-audit',
    outcome,
    error: outcome === 'ok' ? null : { code: 'CANCELLED', message: 'The operation was cancelled.' },
  });
  await flushPromises();
}

describe('UPnP step: the first visit', () => {
  it('a router never checked is asked once, said on the page, the keyboard left where it was; the next visit starts nothing', async () => {
    const saved = fakeUpnp(api);
    const wrapper = await mountStep();
    expect(api.calls.filter((c) => c.channel === 'upnp.audit').map((c) => c.input)).toEqual([{}]);
    expect(byTest(wrapper, 'first-visit').text()).toContain('asks your router by itself on its first visit');
    expect(byTest(wrapper, 'check-progress').exists()).toBe(true);
    expect(byTest(wrapper, 'check-cancel').isVisible()).toBe(true);
    expect(document.activeElement).not.toBe(byTest(wrapper, 'check-cancel').element);
    expect(byTest(wrapper, 'upnp-empty').exists()).toBe(false);

    saved.audit = fakeAudit();
    api.emit('upnp.onAudit', { jobId: AUDIT_JOB, audit: saved.audit });
    await auditEnds('ok');
    expect(byTest(wrapper, 'first-visit').exists()).toBe(false);
    expect(byTest(wrapper, 'upnp-measured-at').attributes('datetime')).toBe(saved.audit.measuredAt);
    expect(byTest(wrapper, 'check').text()).toBe('Check the router again');

    const again = await revisit(wrapper);
    expect(checks()).toBe(1);
    expect(byTest(again, 'check').attributes('disabled')).toBeUndefined();
  });

  it('a check saved earlier: nothing starts by itself', async () => {
    fakeUpnp(api, { audit: fakeAudit() });
    await mountStep();
    expect(checks()).toBe(0);
  });

  it('Cancel stops it as it stops a pressed check; not again in the same visit, again in the next', async () => {
    fakeUpnp(api);
    const wrapper = await mountStep();
    await byTest(wrapper, 'check-cancel').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'job.cancel').map((c) => c.input)).toEqual([{ jobId: AUDIT_JOB }]);
    await auditEnds('cancelled');
    expect(byTest(wrapper, 'first-visit').exists()).toBe(false);
    expect(byTest(wrapper, 'upnp-empty').text()).toContain('Press “Check the router”');
    expect(checks()).toBe(1);
    await revisit(wrapper);
    expect(checks()).toBe(2);
  });

  it('starts nothing without a chosen NVR, on a step the user skipped, or when the saved check cannot be read', async () => {
    fakeUpnp(api);
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup(), notice: null });
    const noNvr = await mountStep();
    expect(checks()).toBe(0);
    expect(byTest(noNvr, 'upnp-empty').text()).toContain('Press “Check the router”');
    const skipped = setupWithNvr();
    skipped.steps.upnp = { status: 'skipped', updatedAt: '2025-03-01T12:00:00.000Z', reason: 'Not now.' };
    api.handlers['setup.get'] = () => ok({ setup: skipped, notice: null });
    const skip = await revisit(noNvr);
    expect(checks()).toBe(0);
    api.handlers['setup.get'] = () => ok({ setup: setupWithNvr(), notice: null });
    api.handlers['upnp.get'] = () => failed('INTERNAL', 'The setup file could not be read.');
    const unreadable = await revisit(skip);
    expect(byTest(unreadable, 'upnp-load-error').exists()).toBe(true);
    expect(checks()).toBe(0);
  });

  it('left while it runs: it goes on, and the next visit follows it instead of starting another', async () => {
    const saved = fakeUpnp(api);
    const back = await revisit(await mountStep());
    expect(checks()).toBe(1);
    expect(byTest(back, 'check-progress').exists()).toBe(true);
    saved.audit = fakeAudit();
    api.emit('upnp.onAudit', { jobId: AUDIT_JOB, audit: saved.audit });
    await auditEnds('ok');
    expect(byTest(back, 'upnp-measured-at').exists()).toBe(true);
    expect(checks()).toBe(1);
  });

  it('starts nothing while another job of the step runs (a timed re-check)', async () => {
    fakeUpnp(api, { recheckAfterS: 120 });
    const wrapper = await mountStep();
    await auditEnds('cancelled');
    await byTest(wrapper, 'watch-start').trigger('click');
    await flushPromises();
    expect(api.count('upnp.watch')).toBe(1);
    await revisit(wrapper);
    expect(checks()).toBe(1);
    api.emit('job.onDone', { jobId: WATCH_JOB, kind: 'upnp-watch', outcome: 'cancelled', error: null });
    await flushPromises();
    expect(checks()).toBe(1);
  });
});
