// @vitest-environment happy-dom
// The Security page offers to turn the NVR's HTTPS on only when the findings say HTTPS is not offered; nothing is sent
// until the user confirms (Cancel sends nothing); then main's verdict is shown in plain words, and the offer goes away
// once HTTPS is on.
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { SecurityResult } from '../../../../../src/shared/domain/security';
import { judgeHttpsOn, type HttpsOnResult } from '../../../../../src/shared/domain/security-https-on';
import type { SetupRecord } from '../../../../../src/shared/domain/setup';
import { ERROR_MESSAGES } from '../../../../../src/shared/ipc/errors';
import { failed, fakeDevice, fakeSetup, ok } from '../../fake-api';
import { api, mountStep, useStepHarness } from '../../mount-step';

const AT = '2026-12-06T01:00:00.000Z';
const NVR = fakeDevice({ brand: 'Hikvision', model: 'DS-7608NI', firmware: 'V4.61' });

function record(): SetupRecord {
  return fakeSetup({ nvr: { deviceId: NVR.id, device: NVR, chosenAt: AT }, devices: [NVR] });
}
const finding = (id: string) => ({
  id,
  severity: 'high' as const,
  title: id === 'no-https' ? 'HTTPS not offered' : 'Something else',
  text: 'x',
  fix: 'y',
  worth: 15,
  evidence: [],
});
const check = (...ids: string[]): SecurityResult => ({
  checkedAt: AT,
  score: 70,
  highRisk: true,
  findings: ids.map(finding),
  firmware: [],
});
const verdict = (ran: Parameters<typeof judgeHttpsOn>[0]['ran']): HttpsOnResult =>
  judgeHttpsOn({ deviceId: NVR.id, at: AT, port: 443, ran, fault: null });

let last: SecurityResult;
let answer: HttpsOnResult;
let refuse: boolean;
useStepHarness({
  path: '/step/security',
  handlers: () => {
    last = check('no-https');
    answer = verdict({ outcome: 'verified' });
    refuse = false;
    return {
      'setup.get': () => ok({ setup: record(), notice: null }),
      'security.get': () => ok({ last, defaults: null, passwordChange: null, httpsOn: null }),
      'security.httpsOn': () =>
        refuse ? failed('SECURITY_HTTPS_LOGIN_NEEDED', ERROR_MESSAGES.SECURITY_HTTPS_LOGIN_NEEDED) : ok(answer),
    };
  },
});

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);
const sent = () => api.calls.filter((c) => c.channel === 'security.httpsOn').map((c) => c.input);
const click = async (w: VueWrapper, id: string) => {
  await byTest(w, id).trigger('click');
  await flushPromises();
};

describe('Security step: turning the NVR’s HTTPS on', () => {
  it('not offered when the findings do not say HTTPS is off', async () => {
    last = check('plain-http-admin');
    const w = await mountStep();
    expect(byTest(w, 'security-https-offer').exists()).toBe(false);
  });

  it('offered when HTTPS is not offered; Cancel sends nothing; Yes sends it once with consent and shows the verdict', async () => {
    const w = await mountStep();
    expect(byTest(w, 'security-https-offer').exists()).toBe(true);
    await click(w, 'security-https-offer');
    await click(w, 'security-https-cancel');
    expect(sent()).toEqual([]);
    await click(w, 'security-https-offer');
    await click(w, 'security-https-yes');
    expect(sent()).toEqual([{ consent: true }]);
    const box = byTest(w, 'security-https-result');
    expect(box.attributes('data-outcome')).toBe('on');
    expect(box.attributes('role')).toBe('status');
    expect(box.text()).toContain('Done, and checked: the NVR’s HTTPS (port 443) is on');
    // On now: no more offer.
    expect(byTest(w, 'security-https-offer').exists()).toBe(false);
  });

  it('put back: the verdict says HTTPS is off again, and the offer stays', async () => {
    answer = verdict({
      outcome: 'restored',
      refused: false,
      failure: 'no encrypted (TLS) connection answered on port 443.',
    });
    const w = await mountStep();
    await click(w, 'security-https-offer');
    await click(w, 'security-https-yes');
    expect(byTest(w, 'security-https-result').attributes('data-outcome')).toBe('put-back');
    expect(byTest(w, 'security-https-result').text()).toContain('The app turned HTTPS off again, as it was');
    expect(byTest(w, 'security-https-offer').exists()).toBe(true);
  });

  it('main refuses: its words shown as an alert, in the page’s words (no CLI command)', async () => {
    refuse = true;
    const w = await mountStep();
    await click(w, 'security-https-offer');
    await click(w, 'security-https-yes');
    const alert = byTest(w, 'security-https-error').text();
    expect(alert).toContain('Log in to the NVR first (step “Find your NVR”): the app needs its ONVIF login');
    expect(alert).not.toContain('nvr-assist');
    expect(byTest(w, 'security-https-result').exists()).toBe(false);
  });
});
