// @vitest-environment happy-dom
// The Verify page re-checks on its first visit (composables/useFirstVisit.ts): a chosen NVR never verified is
// re-checked as if "Re-check everything" had been pressed — once per visit, never over a saved verification, not
// without an NVR, not on a step the user skipped, not when the saved one cannot be read; Cancel stops it.
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { VerifyResult } from '../../../../../src/shared/domain/verify';
import { failed, fakeSetup, ok } from '../../fake-api';
import { api, mountStep, router, useStepHarness } from '../../mount-step';
import { VERIFIED_AT, VERIFY_JOB as JOB, setupWithNvr, verification, verifyHandlers } from './fake-verify';

let last: VerifyResult | null;
useStepHarness({
  path: '/step/verify',
  handlers: () => {
    last = null;
    return { ...verifyHandlers(() => last), 'setup.get': () => ok({ setup: setupWithNvr(), notice: null }) };
  },
});

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);
const runs = () => api.calls.filter((c) => c.channel === 'verify.run').map((c) => c.input);

/** Leaves the page and comes back: another visit. */
async function revisit(wrapper: VueWrapper): Promise<VueWrapper> {
  wrapper.unmount();
  await router.push('/step/find');
  await router.push('/step/verify');
  return mountStep();
}

async function runEnds(outcome: 'ok' | 'cancelled'): Promise<void> {
  api.emit('job.onDone', { jobId: JOB, kind: 'verify-run', outcome, error: null });
  await flushPromises();
}

describe('Verify step: the first visit', () => {
  it('never verified: everything is re-checked once, said on the page, the keyboard left where it was', async () => {
    const w = await mountStep();
    expect(runs()).toEqual([{}]);
    expect(byTest(w, 'first-visit').text()).toContain('re-checks everything by itself on its first visit');
    expect(byTest(w, 'verify-none').exists()).toBe(false);
    expect(byTest(w, 'verify-progress').exists()).toBe(true);
    expect(byTest(w, 'verify-cancel').isVisible()).toBe(true);
    expect(document.activeElement).not.toBe(byTest(w, 'verify-cancel').element);

    last = verification();
    api.emit('verify.onResult', { jobId: JOB, result: last });
    await runEnds('ok');
    expect(byTest(w, 'first-visit').exists()).toBe(false);
    expect(byTest(w, 'verify-outcome').attributes('data-outcome')).toBe('no-drift');

    // The next visit finds the result: nothing starts by itself; the button is there for "again".
    const again = await revisit(w);
    expect(runs()).toHaveLength(1);
    expect(byTest(again, 'verify-outcome').exists()).toBe(true);
    expect(byTest(again, 'verify-start').attributes('disabled')).toBeUndefined();
  });

  it('a verification saved earlier: nothing starts by itself', async () => {
    last = verification(true);
    const w = await mountStep();
    expect(runs()).toEqual([]);
    expect(byTest(w, 'verify-outcome').attributes('data-outcome')).toBe('drift');
  });

  it('Cancel stops it as it stops a pressed one; not again in the same visit, again in the next', async () => {
    const w = await mountStep();
    await byTest(w, 'verify-cancel').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'job.cancel').map((c) => c.input)).toEqual([{ jobId: JOB }]);
    await runEnds('cancelled');
    expect(byTest(w, 'first-visit').exists()).toBe(false);
    expect(byTest(w, 'verify-none').exists()).toBe(true);
    expect(byTest(w, 'verify-message').text()).toMatch(/Stopped: nothing was kept/);
    expect(runs()).toHaveLength(1);
    await revisit(w);
    expect(runs()).toHaveLength(2);
  });

  it('left while it runs: it goes on, and the next visit follows it instead of starting another', async () => {
    const back = await revisit(await mountStep());
    expect(runs()).toHaveLength(1);
    expect(byTest(back, 'verify-progress').exists()).toBe(true);
    last = verification();
    api.emit('verify.onResult', { jobId: JOB, result: last });
    await runEnds('ok');
    expect(byTest(back, 'verify-outcome').exists()).toBe(true);
    expect(runs()).toHaveLength(1);
  });

  it('says what to press only once the saved verification is read (none, no NVR chosen)', async () => {
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup(), notice: null });
    let answer: (value: unknown) => void = () => undefined;
    api.handlers['verify.get'] = () => new Promise((resolve) => (answer = resolve));
    const w = await mountStep();
    expect(byTest(w, 'verify-none').exists()).toBe(false);
    answer(ok({ last: null }));
    await flushPromises();
    expect(byTest(w, 'verify-none').text()).toContain('Re-check everything');
    expect(runs()).toEqual([]);
  });

  it('starts nothing without a chosen NVR, on a step the user skipped, or when the saved one cannot be read', async () => {
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup(), notice: null });
    const none = await mountStep();
    expect(runs()).toEqual([]);
    const skipped = setupWithNvr();
    skipped.steps.verify = { status: 'skipped', updatedAt: VERIFIED_AT, reason: 'Not now.' };
    api.handlers['setup.get'] = () => ok({ setup: skipped, notice: null });
    const skip = await revisit(none);
    expect(runs()).toEqual([]);
    api.handlers['setup.get'] = () => ok({ setup: setupWithNvr(), notice: null });
    api.handlers['verify.get'] = () => failed('INTERNAL', 'The setup file could not be read.');
    const unreadable = await revisit(skip);
    expect(byTest(unreadable, 'verify-load-error').exists()).toBe(true);
    expect(runs()).toEqual([]);
  });
});
