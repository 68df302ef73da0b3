// @vitest-environment happy-dom
// The Security page: main's saved check shown on opening (a chosen NVR never checked is checked at once: see
// security-first-visit.test.ts), the check through main, the score, the fixes worth most first, and the NVR's firmware
// beside each known vulnerability with its fixed version and source.
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { judgeSecurity, securityInputFromRecord, type SecurityResult } from '../../../../../src/shared/domain/security';
import { failed, fakeDevice, fakeSetup, ok } from '../../fake-api';
import { api, mountStep, pinia, useStepHarness } from '../../mount-step';
import { judgePassword } from '../../../../../src/shared/domain/security-password';
import { CHECKED_AT as AT, securityRecord as record } from './fake-security';

let saved: SecurityResult | null;
let checkFails: boolean;
useStepHarness({
  path: '/step/security',
  handlers: () => {
    saved = null;
    checkFails = false;
    return {
      'setup.get': () => ok({ setup: record(), notice: null }),
      'security.get': () => ok({ last: saved }),
      'security.password': (raw) => {
        const { password } = raw as { password: string };
        return ok(
          judgePassword(password, {
            score: password.length > 15 ? 4 : 0,
            warning: null,
            suggestions: [],
            crackTime: 'centuries',
          }),
        );
      },
      'security.check': () => {
        if (checkFails) return failed('INTERNAL', 'The setup record could not be read.');
        saved = judgeSecurity(securityInputFromRecord(record()), AT);
        return ok(saved);
      },
    };
  },
});

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);
const allByTest = (w: VueWrapper, id: string) => w.findAll(`[data-testid="${id}"]`);

async function checked(): Promise<VueWrapper> {
  const w = await mountStep();
  await byTest(w, 'security-check').trigger('click');
  await flushPromises();
  return w;
}

describe('Security step', () => {
  it('judges nothing on opening without a chosen NVR: it reads the saved check only and says what to press', async () => {
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup(), notice: null });
    const w = await mountStep();
    expect(api.calls.map((c) => c.channel)).toContain('security.get');
    expect(api.calls.map((c) => c.channel)).not.toContain('security.check');
    expect(byTest(w, 'security-empty').text()).toContain('Press “Check security”');
    expect(byTest(w, 'security-score').exists()).toBe(false);
  });

  it('shows main’s score and every fix in main’s order, worth most first, the critical CVE on top', async () => {
    const w = await checked();
    expect(byTest(w, 'security-score-number').text()).toBe(String(saved!.score));
    const rows = allByTest(w, 'security-finding');
    expect(rows.map((r) => r.attributes('data-id'))).toEqual(saved!.findings.map((f) => f.id));
    expect(rows[0]!.attributes('data-id')).toBe('vuln-CVE-2017-7921');
    expect(rows[0]!.attributes('data-severity')).toBe('critical');
    const worth = saved!.findings.map((f) => f.worth);
    expect(worth).toEqual([...worth].sort((a, b) => b - a));
    expect(rows[0]!.find('[data-testid="security-finding-worth"]').text()).toBe('+35 points');
    expect(rows[0]!.text()).toContain('What to do: ');
    expect(byTest(w, 'security-score-words').text()).toContain('critical');
  });

  it('puts the NVR’s firmware version beside each CVE row, with its answer, fixed version and source', async () => {
    const w = await checked();
    expect(byTest(w, 'security-firmware-version').text()).toContain('V5.4.0 build 160530');
    const cves = allByTest(w, 'security-cve');
    expect(cves.map((c) => c.attributes('data-id'))).toEqual(saved!.firmware.map((f) => f.id));
    const row = cves.find((c) => c.attributes('data-id') === 'CVE-2017-7921')!;
    const fact = saved!.firmware.find((f) => f.id === 'CVE-2017-7921')!;
    expect(row.find('[data-testid="security-cve-status"]').text()).toBe('affected');
    expect(row.find('[data-testid="security-cve-fixed"]').text()).toBe(fact.fixedIn);
    expect(row.find('[data-testid="security-cve-source"]').text()).toBe(fact.source);
  });

  it('a check saved earlier is on show at opening, with the time it was made', async () => {
    saved = judgeSecurity(securityInputFromRecord(record()), AT);
    const w = await mountStep();
    expect(api.calls.map((c) => c.channel)).not.toContain('security.check');
    expect(byTest(w, 'security-checked-at').attributes('datetime')).toBe(AT);
    expect(allByTest(w, 'security-finding')).toHaveLength(saved.findings.length);
  });

  it('says main’s error in its words when the check fails, and shows no score it does not have', async () => {
    checkFails = true;
    const w = await checked();
    expect(byTest(w, 'security-error').text()).toBe('The setup record could not be read.');
    expect(byTest(w, 'security-score').exists()).toBe(false);
  });

  it('the password goes to main in the one call; the verdict is shown, the field emptied, the store keeps no password', async () => {
    const w = await mountStep();
    const secret = 'short1';
    await byTest(w, 'security-password-user').setValue('shopkeeper');
    await byTest(w, 'security-password').setValue(secret);
    await byTest(w, 'security-password-form').trigger('submit');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'security.password').map((c) => c.input)).toEqual([
      { password: secret, user: 'shopkeeper' },
    ]);
    expect(byTest(w, 'security-password-verdict').attributes('data-strong')).toBe('false');
    expect(byTest(w, 'security-password-words').text()).toMatch(/^Not strong enough/);
    expect(byTest(w, 'security-password-advice').text()).toContain('Make it at least 12 characters long (it has 6)');
    expect((byTest(w, 'security-password').element as HTMLInputElement).value).toBe('');
    expect(JSON.stringify(pinia.state.value)).not.toContain(secret);
    expect(w.html()).not.toContain(secret);
  });

  it('a strong password is said strong; an empty field sends nothing', async () => {
    const w = await mountStep();
    await byTest(w, 'security-password-form').trigger('submit');
    await flushPromises();
    expect(api.calls.map((c) => c.channel)).not.toContain('security.password');
    await byTest(w, 'security-password').setValue('Otter-Mango-Fjord-61');
    await byTest(w, 'security-password-form').trigger('submit');
    await flushPromises();
    expect(byTest(w, 'security-password-verdict').attributes('data-strong')).toBe('true');
    expect(byTest(w, 'security-password-words').text()).toMatch(/^Strong: 20 characters of 4 kinds/);
  });

  it('no vendor-cloud part when that way is not chosen', async () => {
    const w = await mountStep();
    expect(byTest(w, 'vendor-cloud').exists()).toBe(false);
  });

  it('the vendor-cloud way: the chosen NVR’s cloud (Hik-Connect for this Hikvision) and the rules every cloud needs', async () => {
    api.handlers['setup.get'] = () => ok({ setup: { ...record(), approach: 'vendor-cloud' }, notice: null });
    const w = await mountStep();
    const brand = byTest(w, 'vendor-cloud-brand');
    expect(brand.attributes('data-use')).toBe('true');
    expect(brand.text()).toMatch(/^HIKVISION: Hik-Connect\. /);
    expect(brand.text()).toContain('forward nothing, and leave UPnP off even if the app asks for it');
    expect(brand.text()).toContain('Source: https://ipvm.com/reports/hik-app-pf');
    expect(allByTest(w, 'vendor-cloud-rules')[0]!.findAll('li')).toHaveLength(4);
  });

  it('the vendor-cloud way with an XM device: its cloud is the one not to use, said as an alert', async () => {
    const xm = fakeDevice({ id: 'urn:uuid:xm-1', brand: 'XM', model: 'NVR', firmware: null });
    api.handlers['setup.get'] = () =>
      ok({
        setup: {
          ...fakeSetup({ nvr: { deviceId: xm.id, device: xm, chosenAt: AT }, devices: [xm] }),
          approach: 'vendor-cloud',
        },
        notice: null,
      });
    const w = await mountStep();
    const brand = byTest(w, 'vendor-cloud-brand');
    expect(brand.attributes('role')).toBe('alert');
    expect(brand.attributes('data-use')).toBe('false');
    expect(brand.text()).toContain('Turn XMEye off and take the VPN way');
  });
});
