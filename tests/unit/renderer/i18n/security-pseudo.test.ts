// @vitest-environment happy-dom
// The Security step in the pseudo locale (en-XA): every word the step's own files say must come out accented, so a
// string that was never converted shows up here as plain English. What is still English on the page comes from files
// not converted yet (the step frame, shared components, the step titles, the time format) or is data (the device, the
// reference's vendor clouds, and of main's results what it did not say by key: the evidence, the estimator's words,
// why a change failed, the values inside its sentences): both are named below, and a name no longer seen fails the
// test so the lists only shrink. main's sentences said by key are not data: they must come out in en-XA.
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { createTranslator } from '../../../../src/shared/i18n';
import { sayIn } from '../../../../src/shared/i18n/said';
import { VENDOR_CLOUD_RULES, vendorCloudFor } from '../../../../src/shared/catalog/vendor-clouds';
import { VULNERABILITIES } from '../../../../src/shared/catalog/vulnerabilities';
import { readableSource } from '../../../../src/shared/catalog/source-text';
import { judgeSecurity, securityInputFromRecord, type SecurityResult } from '../../../../src/shared/domain/security';
import { defaultCandidates, type DefaultCheck } from '../../../../src/shared/domain/security-defaults';
import { judgeDefaultAnswers } from '../../../../src/shared/domain/security-defaults-verdict';
import { judgeHttpsOn } from '../../../../src/shared/domain/security-https-on';
import { judgePasswordChange } from '../../../../src/shared/domain/security-password-change';
import type { SetupRecord } from '../../../../src/shared/domain/setup';
import { ok } from '../fake-api';
import { api, mountStep, useStepHarness } from '../mount-step';
import { CHECKED_AT as AT, CVE_NVR as NVR, STRONG, securityRecord, strength } from '../steps/security/fake-security';
import { intlDates, pseudoChecker, stringsOf } from './english-on-page';

const record = (approach: SetupRecord['approach'] = 'vendor-cloud'): SetupRecord => ({ ...securityRecord(), approach });

const candidates = defaultCandidates('HIKVISION');
const defaults: DefaultCheck = {
  ...judgeDefaultAnswers({
    deviceId: NVR.id,
    brand: 'HIKVISION',
    tried: [{ deviceId: NVR.id, candidate: candidates[0]!.id, at: AT, outcome: 'refused' }],
    candidates,
    untried: 1,
    checkedAt: AT,
  }),
  nextAt: AT,
};
const result = (): SecurityResult => judgeSecurity({ ...securityInputFromRecord(record()), defaults }, AT);
const change = judgePasswordChange({
  deviceId: NVR.id,
  user: 'admin',
  at: AT,
  ran: { outcome: 'verified' },
  fault: null,
  remembered: true,
});
const https = judgeHttpsOn({
  deviceId: NVR.id,
  at: AT,
  port: 443,
  ran: { outcome: 'restored', refused: false, failure: 'the HTTPS port did not answer' },
  fault: null,
});

/**
 * A result without main's English sentences where it said them by key (`said.<field>`, a line of `said.words`):
 * what is left (and the values inside what it said) is data, as it came.
 */
function unsaid(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unsaid);
  if (!value || typeof value !== 'object') return value;
  const said = (value as { said?: Record<string, unknown> }).said;
  return Object.fromEntries(
    Object.entries(value).map(([field, v]) => {
      const by = field === 'said' ? undefined : said?.[field];
      if (by === undefined) return [field, unsaid(v)];
      return [field, Array.isArray(v) && Array.isArray(by) ? v.filter((_, i) => by[i] === null) : null];
    }),
  );
}

/**
 * What the device said, what main did not say by key, and the reference's vendor cloud's name and source: data, not
 * the page's words (the cloud's words and rules are the catalogue's, `security.cloud.brands` and `.rules`).
 */
const cloud = vendorCloudFor('HIKVISION')!;
const DATA = [
  ...stringsOf(unsaid([NVR, result(), defaults, change, https, strength('admin'), strength(STRONG)])),
  cloud.service,
  readableSource(cloud.source),
];

/** Intl's date: the only English on this page that is not main's or data. */
const guard = pseudoChecker({ intl: intlDates(AT) });

useStepHarness({
  path: '/step/security',
  handlers: () => ({
    'setup.get': () => ok({ setup: record(), notice: null }),
    'security.get': () => ok({ last: result(), defaults, passwordChange: change, httpsOn: https }),
    'security.password': (input: unknown) => ok(strength((input as { password: string }).password)),
  }),
});

afterEach(() => setLocale(null));

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);
/** Types into a field and waits for main's strength verdict (asked 300 ms after the last key). */
async function type(w: VueWrapper, id: string, value: string): Promise<void> {
  await byTest(w, id).setValue(value);
  await new Promise((r) => setTimeout(r, 350));
  await flushPromises();
}

describe('the Security step in the pseudo locale: no string of its own is left in English', () => {
  it('checked: score, fixes, firmware, vendor cloud, factory password, a weak password, a change and HTTPS', async () => {
    setLocale('en-XA');
    const w = await mountStep();
    await byTest(w, 'security-password').setValue('admin');
    await byTest(w, 'security-password-form').trigger('submit');
    await flushPromises();
    await byTest(w, 'security-defaults-consent').setValue(true);
    await type(w, 'security-change-new', 'admin');
    await type(w, 'security-change-again', 'admin2');
    await byTest(w, 'security-https-offer').trigger('click');
    await flushPromises();
    for (const id of [
      'security-score',
      'security-finding',
      'security-cve',
      'vendor-cloud-brand',
      'security-defaults-verdict',
      'security-defaults-next-at',
      'security-password-verdict',
      'security-change-urge',
      'security-change-strength',
      'security-change-result',
      'security-https-yes',
      'security-https-result',
    ])
      expect(byTest(w, id).exists(), id).toBe(true);
    expect(w.find('[data-testid="security-defaults-next"]').exists()).toBe(true);
    guard.expectOnlyKnownEnglish({ said: DATA });
    // main said the findings and the factory-password verdict by key: the page says them in en-XA, not main's English.
    const page = w.text();
    const xa = createTranslator('en-XA');
    const checked = result();
    const said = checked.findings.filter((f) => f.said);
    expect(said.length).toBeGreaterThan(3);
    for (const f of said)
      for (const part of ['title', 'text', 'fix'] as const)
        if (f.said![part]) expect(page, `${f.id} ${part}`).not.toContain(f[part]);
    expect(page).not.toContain(defaults.reason);
    expect(page).not.toContain(defaults.fix);
    // So were the verdict lines of the password's strength, the password change and turning HTTPS on.
    const weak = strength('admin');
    for (const english of [...weak.words, ...change.words, ...https.words]) expect(page).not.toContain(english);
    expect(byTest(w, 'security-password-words').text()).toBe(sayIn(xa, weak.said!.words[0]!, weak.words[0]!));
    expect(byTest(w, 'security-https-result').text()).toContain(
      xa.t('security.said.httpsOn.notTurnedOn', { failure: 'the HTTPS port did not answer' }),
    );
    expect(byTest(w, 'security-defaults-fix').text()).toBe(
      `${xa.t('security.whatToDo')} ${xa.t('security.said.defaults.good')}`,
    );
    expect(checked.findings[0]!.said?.title).toBeDefined();
    expect(byTest(w, 'security-finding-title').text()).toBe(
      sayIn(xa, checked.findings[0]!.said?.title, checked.findings[0]!.title),
    );
    // And it is the pseudo text, not an empty page: a finding's worth is the plural form with the number.
    const worth = result().findings[0]!.worth;
    expect(byTest(w, 'security-finding-worth').text()).toBe(
      createTranslator('en-XA').t('security.findings.worth', { count: worth }),
    );
    // The vulnerability table's words are said by key too (security.vulns): each row's reason and fix in en-XA, the
    // CVE's own words in the findings too; none of their English on the page.
    expect(checked.firmware.length).toBe(2);
    for (const row of checked.firmware) {
      expect(row.said?.reason, row.id).toBeDefined();
      const tr = w.find(`[data-testid="security-cve"][data-id="${row.id}"]`);
      expect(tr.text()).toContain(sayIn(xa, row.said?.reason, ''));
      expect(tr.find('[data-testid="security-cve-fixed"]').text()).toBe(sayIn(xa, row.said?.fixedIn, ''));
      expect(page).not.toContain(row.reason);
      expect(page).not.toContain(row.fixedIn);
    }
    // The maker's cloud's words and the rules of every cloud, in en-XA; the service's name as it is.
    const en = createTranslator('en');
    const brandBox = byTest(w, 'vendor-cloud-brand').text();
    expect(brandBox).toContain(`${xa.t(cloud.how)} ${xa.t(cloud.watch)}`);
    expect(brandBox).toContain(cloud.service);
    expect(
      byTest(w, 'vendor-cloud-rules')
        .findAll('li')
        .map((li) => li.text()),
    ).toEqual(VENDOR_CLOUD_RULES.map((rule) => xa.t(rule)));
    for (const english of [cloud.how, cloud.watch, ...VENDOR_CLOUD_RULES]) expect(page).not.toContain(en.t(english));
    for (const v of VULNERABILITIES.filter((x) => x.brand === 'hikvision')) {
      expect(page).toContain(xa.t(v.said.words.key as 'security.vulns.rows.CVE-2017-7921.words'));
      for (const english of [v.words, v.advice]) expect(page).not.toContain(english);
    }
  });

  it('before any check, the way not the vendor cloud, nothing kept: what to press, the change’s reasons', async () => {
    setLocale('en-XA');
    // No NVR chosen yet: the page does not check by itself (with one, its first visit checks at once).
    api.handlers['setup.get'] = () => ok({ setup: { ...record('port-forwarding'), nvr: null }, notice: null });
    api.handlers['security.get'] = () => ok({ last: null });
    const w = await mountStep();
    expect(byTest(w, 'security-empty').exists()).toBe(true);
    expect(byTest(w, 'security-change-why').text()).not.toBe('');
    guard.expectOnlyKnownEnglish({ said: DATA });
  });

  it('never checked, the NVR chosen: the check the first visit starts by itself is said so', async () => {
    setLocale('en-XA');
    api.handlers['setup.get'] = () => ok({ setup: record('port-forwarding'), notice: null });
    api.handlers['security.get'] = () => ok({ last: null });
    api.handlers['security.check'] = () => new Promise(() => undefined);
    const w = await mountStep();
    expect(byTest(w, 'first-visit').exists()).toBe(true);
    guard.expectOnlyKnownEnglish({ said: DATA });
  });

  it('the English named as not converted yet was all seen (a file converted since must leave the list)', () => {
    expect(guard.unseen()).toEqual([]);
  });
});
