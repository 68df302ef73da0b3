// @vitest-environment happy-dom
// The Security page's factory-password check: the rules are said before the button, nothing is sent without the
// user's consent, main's verdict is shown in words and its finding joins the list (critical first), going on after
// a refusal is offered only then and reaches main as the user's yes, and main's error is shown in its words.
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { judgeSecurity, securityInputFromRecord } from '../../../../../src/shared/domain/security';
import { defaultCandidates, type DefaultCheck } from '../../../../../src/shared/domain/security-defaults';
import { judgeDefaultAnswers } from '../../../../../src/shared/domain/security-defaults-verdict';
import type { SetupRecord } from '../../../../../src/shared/domain/setup';
import { failed, fakeDevice, fakeSetup, ok } from '../../fake-api';
import { api, mountStep, useStepHarness } from '../../mount-step';

const AT = '2026-12-06T01:00:00.000Z';
const NVR = fakeDevice({ brand: 'XM', model: 'NBD80X', firmware: 'V4.02' });
const XM = defaultCandidates('XM');

function record(): SetupRecord {
  return fakeSetup({ nvr: { deviceId: NVR.id, device: NVR, chosenAt: AT }, devices: [NVR] });
}
const verdict = (outcome: 'accepted' | 'refused'): DefaultCheck =>
  judgeDefaultAnswers({
    deviceId: NVR.id,
    brand: 'XM',
    tried: [{ deviceId: NVR.id, candidate: XM[0]!.id, at: AT, outcome }],
    candidates: XM,
    untried: 0,
    checkedAt: AT,
  });

let answer: DefaultCheck;
let fails: boolean;
useStepHarness({
  path: '/step/security',
  handlers: () => {
    answer = verdict('accepted');
    fails = false;
    return {
      'setup.get': () => ok({ setup: record(), notice: null }),
      'security.get': () => ok({ last: null, defaults: null }),
      'security.checkDefaults': () => {
        if (fails) return failed('INTERNAL', 'The setup record could not be read.');
        const r = record();
        const result = judgeSecurity({ ...securityInputFromRecord(r), defaults: answer }, AT);
        return ok({ check: answer, result });
      },
    };
  },
});

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);
const sent = () => api.calls.filter((c) => c.channel === 'security.checkDefaults').map((c) => c.input);

async function consentAndCheck(w: VueWrapper): Promise<void> {
  await byTest(w, 'security-defaults-consent').setValue(true);
  await byTest(w, 'security-defaults-check').trigger('click');
  await flushPromises();
}

describe('Security step: the factory-password check', () => {
  it('says the limits before the button, and sends nothing until the user agrees', async () => {
    const w = await mountStep();
    const rules = byTest(w, 'security-defaults-rules').text();
    expect(rules).toContain('at most 2 attempts in 30 minutes');
    expect(rules).toContain('stops after a refusal unless you confirm');
    expect(rules).toMatch(/locked NVR can also lose its own cameras/);
    expect(byTest(w, 'security-defaults-check').attributes('disabled')).toBeDefined();
    await byTest(w, 'security-defaults-check').trigger('click');
    await flushPromises();
    expect(sent()).toEqual([]);
  });

  it('a default that works: critical, change it now, and the finding first in the list', async () => {
    const w = await mountStep();
    await consentAndCheck(w);
    expect(sent()).toEqual([{ consent: true, tryNext: false }]);
    const box = byTest(w, 'security-defaults-verdict');
    expect(box.attributes('data-verdict')).toBe('accepted');
    expect(box.text()).toContain('The factory password still works — change it now');
    expect(byTest(w, 'security-defaults-fix').text()).toMatch(/^What to do: Change it now/);
    const first = w.find('[data-testid="security-finding"]');
    expect(first.attributes('data-id')).toBe('default-password');
    expect(first.attributes('data-severity')).toBe('critical');
  });

  it('after a refusal with another default known: the user may confirm going on, and main gets that yes', async () => {
    answer = { ...verdict('refused'), untried: 1 };
    const w = await mountStep();
    expect(byTest(w, 'security-defaults-next').exists()).toBe(false);
    await consentAndCheck(w);
    expect(byTest(w, 'security-defaults-verdict').attributes('data-verdict')).toBe('refused');
    await byTest(w, 'security-defaults-next').setValue(true);
    await byTest(w, 'security-defaults-check').trigger('click');
    await flushPromises();
    expect(sent()).toEqual([
      { consent: true, tryNext: false },
      { consent: true, tryNext: true },
    ]);
  });

  it('main’s error in its words; no verdict it does not have', async () => {
    fails = true;
    const w = await mountStep();
    await consentAndCheck(w);
    expect(byTest(w, 'security-defaults-error').text()).toBe('The setup record could not be read.');
    expect(byTest(w, 'security-defaults-verdict').exists()).toBe(false);
  });
});
