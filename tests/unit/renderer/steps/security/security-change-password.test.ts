// @vitest-environment happy-dom
// The Security page's password change: nothing is sent until the new password is strong by main's verdict, typed
// the same twice and the user said yes; then main's verdict is shown in plain words (changed, or put back and
// checked, or main's refusal), the fields are emptied, and the panel is offered first when the password checked
// above is weak. The keyboard can do it all (a form: Enter submits).
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import {
  judgePasswordChange,
  type PasswordChangeResult,
} from '../../../../../src/shared/domain/security-password-change';
import type { SetupRecord } from '../../../../../src/shared/domain/setup';
import { failed, fakeDevice, fakeSetup, ok } from '../../fake-api';
import { api, mountStep, useStepHarness } from '../../mount-step';
import { STRONG, strength } from './fake-security';

const AT = '2026-12-06T01:00:00.000Z';
const NVR = fakeDevice({ brand: 'Hikvision', model: 'DS-7608NI', firmware: 'V4.61' });

function record(): SetupRecord {
  return fakeSetup({ nvr: { deviceId: NVR.id, device: NVR, chosenAt: AT }, devices: [NVR] });
}
const verdict = (ran: Parameters<typeof judgePasswordChange>[0]['ran']): PasswordChangeResult =>
  judgePasswordChange({ deviceId: NVR.id, user: 'admin', at: AT, ran, fault: null, remembered: true });

let answer: PasswordChangeResult;
let refuse: boolean;
useStepHarness({
  path: '/step/security',
  handlers: () => {
    answer = verdict({ outcome: 'verified' });
    refuse = false;
    return {
      'setup.get': () => ok({ setup: record(), notice: null }),
      'security.get': () => ok({ last: null, defaults: null, passwordChange: null }),
      'security.password': (input: unknown) => ok(strength((input as { password: string }).password)),
      'security.setPassword': () =>
        refuse
          ? failed('SECURITY_LOGIN_NEEDED', 'Log in to the NVR first (step “Find your NVR”). Nothing was changed.')
          : ok(answer),
    };
  },
});

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);
const sent = () => api.calls.filter((c) => c.channel === 'security.setPassword').map((c) => c.input);
/** Types into a field and waits for main's strength verdict (asked 300 ms after the last key). */
async function type(w: VueWrapper, id: string, value: string): Promise<void> {
  await byTest(w, id).setValue(value);
  await new Promise((r) => setTimeout(r, 350));
  await flushPromises();
}
async function fill(w: VueWrapper, password = STRONG): Promise<void> {
  await type(w, 'security-change-new', password);
  await type(w, 'security-change-again', password);
  await byTest(w, 'security-change-consent').setValue(true);
}
const submit = async (w: VueWrapper) => {
  await byTest(w, 'security-change-form').trigger('submit');
  await flushPromises();
};

describe('Security step: changing the NVR’s password', () => {
  it('a weak new password: its verdict shown, the button stays off, and nothing is sent even on Enter', async () => {
    const w = await mountStep();
    await fill(w, 'admin123');
    expect(byTest(w, 'security-change-strength').attributes('data-strong')).toBe('false');
    expect(byTest(w, 'security-change-strength').text()).toMatch(/Not strong enough/);
    expect(byTest(w, 'security-change-apply').attributes('disabled')).toBeDefined();
    expect(byTest(w, 'security-change-why').text()).toBe('Choose a stronger one first.');
    await submit(w);
    expect(sent()).toEqual([]);
  });

  it('typed differently the second time: the field says so (and is marked invalid), nothing is sent', async () => {
    const w = await mountStep();
    await type(w, 'security-change-new', STRONG);
    await type(w, 'security-change-again', `${STRONG}x`);
    await byTest(w, 'security-change-consent').setValue(true);
    expect(byTest(w, 'security-change-again-problem').text()).toContain('The two passwords are not the same');
    expect(byTest(w, 'security-change-again').attributes('aria-invalid')).toBe('true');
    expect(byTest(w, 'security-change-why').text()).toBe('The two passwords are not the same.');
    await submit(w);
    expect(sent()).toEqual([]);
  });

  it('without the yes, nothing is sent; with it, main gets the new password once and its verdict is shown', async () => {
    const w = await mountStep();
    await type(w, 'security-change-new', STRONG);
    await type(w, 'security-change-again', STRONG);
    expect(byTest(w, 'security-change-apply').attributes('disabled')).toBeDefined();
    await submit(w);
    expect(sent()).toEqual([]);
    await byTest(w, 'security-change-consent').setValue(true);
    expect(byTest(w, 'security-change-apply').attributes('disabled')).toBeUndefined();
    await submit(w);
    expect(sent()).toEqual([{ consent: true, next: STRONG }]);
    const box = byTest(w, 'security-change-result');
    expect(box.attributes('data-outcome')).toBe('verified');
    expect(box.attributes('role')).toBe('status');
    expect(box.text()).toContain('Done, and checked: the NVR’s password for “admin” is changed');
    // The fields are emptied once main answered: the password stays nowhere on the page.
    expect((byTest(w, 'security-change-new').element as HTMLInputElement).value).toBe('');
    expect((byTest(w, 'security-change-again').element as HTMLInputElement).value).toBe('');
    expect(w.html()).not.toContain(STRONG);
  });

  it('put back: the words say the old password is back and a login with it worked', async () => {
    const w = await mountStep();
    answer = verdict({
      outcome: 'restored',
      refused: false,
      failure: 'the NVR refused a new login with the new password.',
    });
    await fill(w);
    await submit(w);
    const box = byTest(w, 'security-change-result');
    expect(box.attributes('data-outcome')).toBe('put-back');
    expect(box.text()).toContain('Not changed: the NVR refused a new login with the new password.');
    expect(box.text()).toContain('a login with the old password worked');
  });

  it('main refuses (no login kept): its words in an alert, the fields kept to try again', async () => {
    const w = await mountStep();
    refuse = true;
    await fill(w);
    await submit(w);
    expect(byTest(w, 'security-change-error').attributes('role')).toBe('alert');
    expect(byTest(w, 'security-change-error').text()).toMatch(/^Log in to the NVR first/);
    expect((byTest(w, 'security-change-new').element as HTMLInputElement).value).toBe(STRONG);
  });

  it('offered first when the password checked above is weak', async () => {
    const w = await mountStep();
    expect(byTest(w, 'security-change-urge').exists()).toBe(false);
    await byTest(w, 'security-password').setValue('admin123');
    await byTest(w, 'security-password-form').trigger('submit');
    await flushPromises();
    expect(byTest(w, 'security-change-urge').text()).toMatch(/^The password checked above is not safe/);
  });
});
