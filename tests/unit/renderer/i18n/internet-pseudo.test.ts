// @vitest-environment happy-dom
// The Internet side step in the pseudo locale (en-XA): every word the step's own files say (its pages and its store)
// must come out accented, so a string that was never converted shows up here as plain English. What is still English
// on the page comes from files not converted yet (the step frame, shared components, the step titles) or is main's
// (the verdicts, findings, the proof's rows and the questions of its proof tree, what the servers said) or data.
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { formatTime } from '../../../../src/renderer/components/step-status';
import { OWN_CHECKER } from '../../../../src/renderer/steps/internet/internet-words';
import { createTranslator } from '../../../../src/shared/i18n';
import { judgeIpv6 } from '../../../../src/shared/domain/ipv6-facts';
import type { OutsideProof } from '../../../../src/shared/domain/outside-proof';
import { judgePublicAddress, type PublicAddressCheck } from '../../../../src/shared/domain/public-address';
import type { SetupRecord } from '../../../../src/shared/domain/setup';
import { fakeSetup, ok } from '../fake-api';
import { mountStep, useStepHarness } from '../mount-step';
import { CHECKER, NVR, PUBLIC, fakePlan, fakeProof, no, yes } from '../steps/internet/fake-internet';
import { intlDates, pseudoChecker, stringsOf, wordsOf } from './english-on-page';

const pseudo = createTranslator('en-XA');
const STUN = 'stun.example.net:3478';
const CHECKED_AT = '2026-01-01T00:00:00.000Z';
const PROVEN_AT = '2026-01-02T10:00:00.000Z';

/** A double NAT: the router's WAN address (by NAT-PMP) is private; STUN did not answer; the address changed. */
function doubleNat(): PublicAddressCheck {
  const input = {
    gateway: '192.168.1.1',
    router: { address: '192.168.0.2', source: 'nat-pmp' as const, readAt: CHECKED_AT },
    stun: { server: STUN, address: null, error: 'no answer within 3 s' },
    checker: { server: CHECKER, address: PUBLIC, error: null },
  };
  return {
    measuredAt: CHECKED_AT,
    ...input,
    ...judgePublicAddress(input),
    changed: { from: '203.0.113.9', lastSeen: '2025-12-31T00:00:00.000Z' },
    ipv6: judgeIpv6(['2a02:8070::10'], [NVR, '2a02:8070::64']),
  };
}

/** A proof of the DDNS name: 10443 reached, 18000 refused, Telnet exposed, the rest silent; no hairpin. */
const proof = (): OutsideProof => fakeProof({ 10443: yes(), 18000: no(30), 23: yes() }, PROVEN_AT, 'mynvr.ddns.net');

let record: SetupRecord;
let saved: { check: PublicAddressCheck | null; proof: OutsideProof | null };
useStepHarness({
  path: '/step/internet',
  handlers: () => {
    record = fakeSetup({ rules: { ...fakeSetup().rules, plan: fakePlan() } });
    saved = { check: doubleNat(), proof: proof() };
    return {
      'setup.get': () => ok({ setup: record, notice: null }),
      'internet.get': () => ok({ ...saved, history: [], servers: { stun: STUN, checker: CHECKER } }),
      'internet.check': () => ok({ jobId: 'job-internet1' }),
    };
  },
});

afterEach(() => setLocale(null));

/** Intl's dates: the only English on this page that is not main's or data. */
const check = pseudoChecker({ intl: intlDates(CHECKED_AT, PROVEN_AT) });

/** Every string main gave the page: sentences (with a space) are main's words, single tokens are data. */
function fromMain(...values: unknown[]): { said: string[]; words: Set<string> } {
  const strings = stringsOf(values);
  const said = strings.filter((s) => /\s/.test(s.trim()));
  return {
    said,
    words: wordsOf([strings.filter((s) => !said.includes(s)), OWN_CHECKER, [CHECKER, STUN, 'TCP', 'UDP']]),
  };
}

const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);

describe('the Internet side step in the pseudo locale: no string of its own is left in English', () => {
  it('a double NAT checked (the address changed, STUN silent, IPv6), and a proof of a DDNS name with every part', async () => {
    setLocale('en-XA');
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'internet-facts').exists()).toBe(true);
    expect(byTest(wrapper, 'internet-ipv6').exists()).toBe(true);
    expect(byTest(wrapper, 'proof-exposed').exists()).toBe(true);
    expect(byTest(wrapper, 'proof-path').exists()).toBe(true);
    expect(byTest(wrapper, 'proof-hairpin').exists()).toBe(true);
    expect(byTest(wrapper, 'proof-start').text()).toBe(pseudo.t('internet.proof.again'));
    check.expectOnlyKnownEnglish(fromMain(saved.check, saved.proof));
    // main's verdict and findings were said by key: the page says them in en-XA, not main's English beside them.
    const c = saved.check!;
    expect(c.findings.length).toBeGreaterThan(0);
    const page = wrapper.text();
    for (const english of [c.verdict.title, c.verdict.advice, ...c.findings.map((f) => f.text)])
      expect(page).not.toContain(english);
    expect(byTest(wrapper, 'internet-advice').text()).toBe(pseudo.t('internet.said.advice.double-nat'));
  });

  it('nothing checked or proved yet, no plan of router rules, and the check running', async () => {
    setLocale('en-XA');
    record = fakeSetup();
    saved = { check: null, proof: null };
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'internet-empty').exists()).toBe(true);
    expect(byTest(wrapper, 'proof-no-plan').exists()).toBe(true);
    check.expectOnlyKnownEnglish({ words: fromMain().words });

    await byTest(wrapper, 'check').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'check-message').text()).toBe(pseudo.t('internet.check.asking'));
    check.expectOnlyKnownEnglish({ words: fromMain().words });
  });

  it('the English named as not converted yet was all seen (a file converted since must leave the list)', () => {
    expect(check.unseen()).toEqual([]);
  });
});

describe('the Internet side step in English: sentences with markup inside stay whole', () => {
  it('what the checker tested, and how to run one’s own, read as one sentence each', async () => {
    const wrapper = await mountStep();
    const text = (id: string) => byTest(wrapper, id).text().replace(/\s+/g, ' ');
    expect(text('proof-addresses')).toBe(
      `The checker ${CHECKER} tested ${PUBLIC}; expected mynvr.ddns.net → ${PUBLIC}. Asked ${formatTime(PROVEN_AT)}.`,
    );
    expect(text('proof-self-host')).toBe(
      `Your own checker, on a server outside your home: ${OWN_CHECKER.command}, then put ${OWN_CHECKER.url} in the address checker field.`,
    );
    expect(byTest(wrapper, 'internet-public').text()).toContain(`${PUBLIC} (changed: it was 203.0.113.9)`);
  });
});
