// @vitest-environment happy-dom
// The Ports page measures on its first visit (composables/useFirstVisit.ts): ports never checked for the chosen NVR
// are checked (the usual ones) as if "Check the ports" had been pressed — once per visit, never over a result, not
// on a step the way does not need, not without an NVR, not while a job of the step runs; Cancel stops it.
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { failed, fakeSetup, ok } from '../../fake-api';
import { AUDIT_JOB, REOLINK, fakePortPlan, fakePortReport, fakePorts, portsPage, setupWithNvr } from '../../fake-ports';
import { api, mountStep, router, useStepHarness } from '../../mount-step';

useStepHarness(portsPage());

const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);
const audits = () => api.calls.filter((c) => c.channel === 'ports.audit').map((c) => c.input);

/** Leaves the page and comes back: another visit (the router forgets its place when its last app unmounts). */
async function revisit(wrapper: VueWrapper): Promise<VueWrapper> {
  wrapper.unmount();
  await router.push('/step/find');
  await router.push('/step/ports');
  return mountStep();
}

/** Main ends the audit job with `outcome`. */
async function auditEnds(outcome: 'ok' | 'cancelled'): Promise<void> {
  api.emit('job.onDone', {
    jobId: AUDIT_JOB,
    kind: 'ports-audit',
    outcome,
    error: outcome === 'ok' ? null : { code: 'CANCELLED', message: 'The operation was cancelled.' },
  });
  await flushPromises();
}

describe('Ports step: the first visit', () => {
  it('never checked: the usual ports are checked once, said on the page, the keyboard left where it was', async () => {
    const saved = fakePorts(api);
    const wrapper = await mountStep();
    expect(audits()).toEqual([{ deviceId: REOLINK.id }]);
    expect(byTest(wrapper, 'first-visit').text()).toContain('this step checks the usual ports by itself');
    expect(byTest(wrapper, 'audit-progress').exists()).toBe(true);
    expect(byTest(wrapper, 'audit-cancel').isVisible()).toBe(true);
    expect(document.activeElement?.getAttribute('data-testid')).not.toBe('audit-cancel');
    expect(byTest(wrapper, 'ports-empty').exists()).toBe(false);

    api.emit('job.onProgress', { jobId: AUDIT_JOB, kind: 'ports-audit', done: 3, total: 12, message: 'Port 554…' });
    await flushPromises();
    expect(byTest(wrapper, 'audit-message').text()).toBe('Port 554…');

    saved.report = fakePortReport();
    saved.plan = fakePortPlan();
    api.emit('ports.onReport', { jobId: AUDIT_JOB, report: saved.report });
    await auditEnds('ok');
    expect(byTest(wrapper, 'first-visit').exists()).toBe(false);
    expect(byTest(wrapper, 'ports-measured-at').attributes('datetime')).toBe(saved.report.measuredAt);
    expect(byTest(wrapper, 'audit').text()).toBe('Check the ports again');
    expect(audits()).toHaveLength(1);
    // A check pressed afterwards is the user's: the page does not call it the first visit's.
    await byTest(wrapper, 'audit').trigger('click');
    await flushPromises();
    expect(audits()).toHaveLength(2);
    expect(byTest(wrapper, 'audit-progress').exists()).toBe(true);
    expect(byTest(wrapper, 'first-visit').exists()).toBe(false);
    await auditEnds('ok');

    // The next visit finds the result: nothing starts by itself; the button is there for "again".
    const again = await revisit(wrapper);
    expect(audits()).toHaveLength(2);
    expect(byTest(again, 'first-visit').exists()).toBe(false);
    expect(byTest(again, 'audit').attributes('disabled')).toBeUndefined();
  });

  it('a check saved earlier: nothing starts by itself', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const wrapper = await mountStep();
    expect(audits()).toEqual([]);
    expect(byTest(wrapper, 'first-visit').exists()).toBe(false);
  });

  it('Cancel stops it as it stops a pressed check; it does not start again in the same visit, only in the next', async () => {
    fakePorts(api);
    const wrapper = await mountStep();
    await byTest(wrapper, 'audit-cancel').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'job.cancel').map((c) => c.input)).toEqual([{ jobId: AUDIT_JOB }]);
    await auditEnds('cancelled');
    expect(byTest(wrapper, 'first-visit').exists()).toBe(false);
    expect(byTest(wrapper, 'audit-message').text()).toContain('The check was stopped');
    expect(byTest(wrapper, 'ports-empty').text()).toContain('Not checked yet');
    expect(byTest(wrapper, 'audit').attributes('disabled')).toBeUndefined();
    await flushPromises();
    expect(audits()).toHaveLength(1);

    await revisit(wrapper);
    expect(audits()).toHaveLength(2);
  });

  it('left while it runs: it goes on as a pressed check does, and the next visit follows it instead of starting another', async () => {
    const saved = fakePorts(api);
    const back = await revisit(await mountStep());
    expect(audits()).toHaveLength(1);
    expect(byTest(back, 'audit-progress').exists()).toBe(true);
    saved.report = fakePortReport();
    api.emit('ports.onReport', { jobId: AUDIT_JOB, report: saved.report });
    await auditEnds('ok');
    expect(byTest(back, 'ports-summary').text()).toContain('6 ports open.');
  });

  it('starts nothing without a chosen NVR, on a step the way does not need, on a step the user skipped', async () => {
    fakePorts(api);
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup(), notice: null });
    const none = await mountStep();
    expect(audits()).toEqual([]);
    api.handlers['setup.get'] = () => ok({ setup: setupWithNvr({ approach: 'vpn' }), notice: null });
    const vpnWay = await revisit(none);
    expect(byTest(vpnWay, 'step-not-applicable').exists()).toBe(true);
    expect(audits()).toEqual([]);
    const skipped = setupWithNvr();
    skipped.steps.ports = { status: 'skipped', updatedAt: '2025-03-01T11:30:00.000Z', reason: 'Not now.' };
    api.handlers['setup.get'] = () => ok({ setup: skipped, notice: null });
    const wrapper = await revisit(vpnWay);
    expect(audits()).toEqual([]);
    expect(byTest(wrapper, 'audit').attributes('disabled')).toBeUndefined();
  });

  it('starts nothing when the saved check cannot be read', async () => {
    fakePorts(api);
    api.handlers['ports.get'] = () => failed('INTERNAL', 'The setup record could not be read.');
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'ports-load-error').exists()).toBe(true);
    expect(audits()).toEqual([]);
  });

  it('a page left before its saved check is read starts nothing', async () => {
    fakePorts(api);
    let answer: (value: unknown) => void = () => undefined;
    api.handlers['ports.get'] = () => new Promise((resolve) => (answer = resolve));
    const wrapper = await mountStep();
    wrapper.unmount();
    answer(ok({ report: null, plan: null, lastChange: null, pending: null }));
    await flushPromises();
    expect(audits()).toEqual([]);
  });
});
