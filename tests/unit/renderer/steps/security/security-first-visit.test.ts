// @vitest-environment happy-dom
// The Security page checks on its first visit (composables/useFirstVisit.ts): a chosen NVR never checked is judged
// as if "Check security" had been pressed — once per visit, never over a saved check, not without an NVR, not on a
// step the user skipped, not while a check runs, not when the saved check cannot be read.
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { judgeSecurity, securityInputFromRecord, type SecurityResult } from '../../../../../src/shared/domain/security';
import { failed, fakeSetup, ok } from '../../fake-api';
import { api, mountStep, router, useStepHarness } from '../../mount-step';
import { CHECKED_AT as AT, securityRecord as record } from './fake-security';

let saved: SecurityResult | null;
useStepHarness({
  path: '/step/security',
  handlers: () => {
    saved = null;
    return {
      'setup.get': () => ok({ setup: record(), notice: null }),
      'security.get': () => ok({ last: saved }),
      'security.check': () => {
        saved = judgeSecurity(securityInputFromRecord(record()), AT);
        return ok(saved);
      },
    };
  },
});

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);
const checks = () => api.count('security.check');

/** Leaves the page and comes back: another visit. */
async function revisit(wrapper: VueWrapper): Promise<VueWrapper> {
  wrapper.unmount();
  await router.push('/step/find');
  await router.push('/step/security');
  return mountStep();
}

describe('Security step: the first visit', () => {
  it('a chosen NVR never checked is checked once, at once; the next visit finds the result and starts nothing', async () => {
    const w = await mountStep();
    expect(checks()).toBe(1);
    expect(byTest(w, 'security-checked-at').attributes('datetime')).toBe(AT);
    expect(byTest(w, 'security-score-number').text()).toBe(String(saved!.score));
    expect(byTest(w, 'security-check').text()).toBe('Check again');
    expect(byTest(w, 'first-visit').exists()).toBe(false);
    const again = await revisit(w);
    expect(checks()).toBe(1);
    expect(byTest(again, 'security-checked-at').attributes('datetime')).toBe(AT);
  });

  it('says so while it runs (not “Press Check security”); a check that fails says why and leaves the button', async () => {
    let answer: (value: unknown) => void = () => undefined;
    api.handlers['security.check'] = () => new Promise((resolve) => (answer = resolve));
    const w = await mountStep();
    expect(checks()).toBe(1);
    expect(byTest(w, 'first-visit').text()).toContain('by itself on its first visit');
    expect(byTest(w, 'security-empty').exists()).toBe(false);
    answer(failed('INTERNAL', 'The setup record could not be read.'));
    await flushPromises();
    expect(byTest(w, 'first-visit').exists()).toBe(false);
    expect(byTest(w, 'security-error').text()).toBe('The setup record could not be read.');
    expect(byTest(w, 'security-empty').text()).toContain('Press “Check security”');
    expect(checks()).toBe(1);
  });

  it('left while it runs: it goes on, and the next visit does not start another beside it', async () => {
    let answer: (value: unknown) => void = () => undefined;
    api.handlers['security.check'] = () => new Promise((resolve) => (answer = resolve));
    const back = await revisit(await mountStep());
    expect(checks()).toBe(1);
    saved = judgeSecurity(securityInputFromRecord(record()), AT);
    answer(ok(saved));
    await flushPromises();
    expect(byTest(back, 'security-checked-at').attributes('datetime')).toBe(AT);
    expect(checks()).toBe(1);
  });

  it('starts nothing without a chosen NVR, on a step the user skipped, or when the saved check cannot be read', async () => {
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup(), notice: null });
    const none = await mountStep();
    expect(checks()).toBe(0);
    const skipped = record();
    skipped.steps.security = { status: 'skipped', updatedAt: AT, reason: 'Not now.' };
    api.handlers['setup.get'] = () => ok({ setup: skipped, notice: null });
    const skip = await revisit(none);
    expect(checks()).toBe(0);
    api.handlers['setup.get'] = () => ok({ setup: record(), notice: null });
    api.handlers['security.get'] = () => failed('INTERNAL', 'The setup record could not be read.');
    const unreadable = await revisit(skip);
    expect(byTest(unreadable, 'security-load-error').exists()).toBe(true);
    expect(checks()).toBe(0);
  });
});
