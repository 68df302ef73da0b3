// @vitest-environment happy-dom
// The VPN step in the pseudo locale (en-XA): every word the step's own files say must come out accented, so a string
// that was never converted shows up here as plain English. What is still English on the page comes from files not
// converted yet (the step frame, shared components, the step titles, the time format) or is data (main's refusals,
// the plan's and the check's values, the reference's servers and steps, paths and commands): both are named below,
// and a name no longer seen fails the test so the lists only shrink. main's findings, the check's lines and the phone
// test are said by key: they must come out in en-XA (mainSaidInEnXa).
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { formatTime } from '../../../../src/renderer/components/step-status';
import { createTranslator } from '../../../../src/shared/i18n';
import { VPN_SERVERS } from '../../../../src/shared/domain/vpn-plan';
import type { VpnCheck } from '../../../../src/shared/domain/vpn-check';
import { mountStep, useStepHarness } from '../mount-step';
import { fakeSetup } from '../fake-api';
import { fakeVpn, recordWithDdns, type FakeVpn } from '../steps/vpn/fake-vpn';
import { intlDates, pseudoChecker, stringsOf } from './english-on-page';

const AT = '2026-01-02T10:00:00.000Z';
let main: FakeVpn;

/** What main said (its plan, its check, its refusals), the reference's servers, and the paths and commands: data. */
function data(w: VueWrapper): string[] {
  const said = w.findAll('[data-testid$="-said"]').map((p) => p.text());
  return [
    ...stringsOf([main.plan, main.record.ddns, VPN_SERVERS]),
    // main's words not said by key (none now: its refusals are, see below); the page's own words are bracketed
    ...said.filter((text) => !text.startsWith('[')),
    'TP-Link',
    'Netgear',
    'Linksys',
    ...(w.find('[data-testid="vpn-cli"]').exists() ? [w.find('[data-testid="vpn-cli"]').text()] : []),
    ...w.findAll('input').flatMap((i) => [i.attributes('placeholder') ?? '', (i.element as HTMLInputElement).value]),
  ];
}

/** Intl's date: the only English on this page that is not main's or data. */
const guard = pseudoChecker({ intl: intlDates(AT) });

useStepHarness({
  path: '/step/vpn',
  handlers: () => {
    main = fakeVpn(recordWithDdns());
    return main.handlers;
  },
});

afterEach(() => setLocale(null));

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);
async function submit(w: VueWrapper, id: string): Promise<void> {
  await byTest(w, id).trigger('submit');
  await flushPromises();
}
/** main's check, the way the page runs it, for the data it said. */
async function check(w: VueWrapper): Promise<string[]> {
  await byTest(w, 'vpn-check-run').trigger('click');
  await flushPromises();
  return stringsOf(await main.handlers['vpn.check']!({}));
}

/**
 * main's plan findings (these codes) and its last check are on the page in en-XA: none of main's English sentences
 * beside them is (the check asked of the fake main again: its words are the same for the same answer).
 */
async function mainSaidInEnXa(w: VueWrapper, codes: readonly string[]): Promise<void> {
  expect(main.plan!.findings.map((f) => f.code)).toEqual(codes);
  const answer = (await main.handlers['vpn.check']!({})) as { ok: true; data: VpnCheck };
  const c = answer.data;
  const page = w.text();
  for (const english of [
    ...main.plan!.findings.map((f) => f.text),
    c.server.text,
    c.endpoint.text,
    c.exposure.text,
    ...c.phoneTest,
  ])
    expect(page).not.toContain(english);
  expect(byTest(w, 'vpn-check-server').text()).toContain(
    createTranslator('en-XA').t(`vpn.said.check.${main.answer}`, c.server.said!.params as never),
  );
}

describe('the VPN step in the pseudo locale: no string of its own is left in English', () => {
  it('a home-server plan for two devices: the tunnel, the keys, files written (and refused), the check', async () => {
    setLocale('en-XA');
    const w = await mountStep();
    await byTest(w, 'vpn-peers').setValue('phone, laptop');
    await submit(w, 'vpn-form');
    await byTest(w, 'vpn-file-config-phone-path').setValue('/home/me/phone.conf');
    await submit(w, 'vpn-file-config-phone');
    await byTest(w, 'vpn-file-qr-phone-path').setValue('phone.png');
    await submit(w, 'vpn-file-qr-phone');
    const said = await check(w);
    for (const id of [
      'vpn-tunnel',
      'vpn-server-key',
      'vpn-peers-table',
      'vpn-file-config-phone-said',
      'vpn-check-server',
    ])
      expect(byTest(w, id).exists(), id).toBe(true);
    guard.expectOnlyKnownEnglish({ said: [...data(w), ...said] });
    // And it is the pseudo text, not an empty page: what was written, with its size.
    expect(byTest(w, 'vpn-file-config-phone-said').text()).toBe(
      createTranslator('en-XA').t('vpn.files.written', { bytes: '301', file: '/home/me/phone.conf' }),
    );
    // main's refusal of a path that is not a full one, in its own words said by key: in en-XA, not in English.
    expect(byTest(w, 'vpn-file-qr-phone-said').text()).toBe(createTranslator('en-XA').t('vpn.failures.fullPath'));
    expect(w.text()).not.toContain('The file to write must be given as a full path.');
    // main's findings and its check were said by key: the page says them in en-XA, not main's English beside them.
    await mainSaidInEnXa(w, ['lan-common', 'tunnel-moved', 'udp-forward']);
    expect(byTest(w, 'vpn-tunnel-why').text()).toBe(
      createTranslator('en-XA').t('vpn.said.findings.tunnelMovedOne', {
        clashes: '10.8.0.0/24',
        taken: '10.8.0.0/16',
        tunnel: '10.66.66.0/24',
      }),
    );
  });

  it('behind carrier-grade NAT (the overlay ways, no files) and a name the phone cannot dial', async () => {
    setLocale('en-XA');
    main.verdict = 'cgnat';
    const w = await mountStep();
    await submit(w, 'vpn-form');
    expect(byTest(w, 'vpn-overlay-tailscale').exists()).toBe(true);
    expect(byTest(w, 'vpn-no-files').exists()).toBe(true);
    expect(main.plan!.findings.map((f) => f.code)).toEqual(['lan-common', 'cgnat']);
    for (const f of main.plan!.findings) expect(w.text()).not.toContain(f.text);
    await byTest(w, 'vpn-endpoint').setValue('not a name!');
    // A device's name that cannot be a file name: the plan's own check, said in the page's language.
    await byTest(w, 'vpn-peers').setValue('my phone');
    await submit(w, 'vpn-form');
    expect(byTest(w, 'vpn-endpoint-problem').exists()).toBe(true);
    expect(byTest(w, 'vpn-peers-problem').text()).toBe(
      createTranslator('en-XA').t('vpn.said.names.notFileName', { name: 'my phone', example: 'my-phone' }),
    );
    // The name it suggests is data, as the name typed is.
    guard.expectOnlyKnownEnglish({ said: [...data(w), 'my-phone'] });
  });

  it('no plan yet and no DDNS name; then a router that makes its own config, checked with nothing known from outside', async () => {
    setLocale('en-XA');
    main.record = fakeSetup();
    const w = await mountStep();
    expect(byTest(w, 'vpn-empty').exists()).toBe(true);
    expect(byTest(w, 'vpn-phone-test').text()).not.toBe('');
    guard.expectOnlyKnownEnglish({ said: data(w) });
    await byTest(w, 'vpn-server-unifi').setValue(true);
    await submit(w, 'vpn-form');
    expect(byTest(w, 'vpn-router-config').exists()).toBe(true);
    main.answer = 'silent';
    const said = await check(w);
    guard.expectOnlyKnownEnglish({ said: [...data(w), ...said] });
    await mainSaidInEnXa(w, ['lan-common', 'tunnel-moved', 'not-confirmed', 'dynamic-address']);
  });

  it('the English named as not converted yet was all seen (a file converted since must leave the list)', () => {
    expect(guard.unseen()).toEqual([]);
  });
});

describe('the VPN step in English: a sentence with markup inside stays whole', () => {
  it('the server’s public key and when the check was made', async () => {
    const w = await mountStep();
    await submit(w, 'vpn-form');
    await check(w);
    expect(w.find('.vpn-plan__key').text()).toBe(`Server public key: ${main.plan!.serverPublicKey}`);
    expect(w.find('.vpn-check .wizard-step__actions').text()).toContain(`Checked ${formatTime(AT)}`);
  });
});
