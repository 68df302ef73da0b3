// @vitest-environment happy-dom
// The Network step in the pseudo locale (en-XA): every word the step's own files say must come out accented, so a
// string that was never converted shows up here as plain English (english-on-page.ts). What is still English on the page
// comes from files not converted yet (the step frame, the step titles, the status words) or is main's (its notes on each connection, its reason for the suggested one): both are named below.
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { createTranslator } from '../../../../src/shared/i18n';
import { APPROACH_GUIDES, approachWords, UPNP_WARNING } from '../../../../src/shared/guidance/approaches';
import { fakeReport, fakeSetup, failed, ok } from '../fake-api';
import { api, mountStep, useStepHarness } from '../mount-step';
import { intlDates, pseudoChecker, saidAndWords } from './english-on-page';

const AT = '2025-03-01T10:00:00.000Z';
const FAILURE = 'This check is not available on this operating system yet.';

/** What main said (its notes and reasons, the failure) and the data (the connections, their names). */
const notThePages = () => {
  const { said, words } = saidAndWords([fakeReport(), 'eth9']);
  return { said: [FAILURE, ...said], words };
};

// The three ways to reach the NVR and the UPnP warning are the catalogue's (network.ways, said with `t`): none is
// named here, so a card left in English fails.
const page = pseudoChecker({ intl: intlDates(AT) });

/** Measured, wlan0 and VPN chosen, the step verified. */
const verifiedVpn = () =>
  fakeSetup({
    approach: 'vpn',
    interfaceName: 'wlan0',
    network: fakeReport(),
    steps: { network: { status: 'verified', updatedAt: AT } },
  });

useStepHarness({
  path: '/step/network',
  handlers: () => ({
    'setup.get': () => ok({ setup: fakeSetup(), notice: null }),
    'network.get': () => ok(fakeReport()),
  }),
});

afterEach(() => setLocale(null));

describe('the Network step in the pseudo locale: no string of its own is left in English', () => {
  it('measured, a connection and an approach chosen, the step verified', async () => {
    setLocale('en-XA');
    api.handlers['setup.get'] = () => ok({ setup: verifiedVpn(), notice: null });
    const wrapper = await mountStep();
    expect(wrapper.find('[data-interface="eth0"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="upnp-warning"]').exists()).toBe(true);
    page.expectOnlyKnownEnglish(notThePages());
    const pseudo = createTranslator('en-XA');
    expect(wrapper.find('[data-testid="interface-summary"]').text()).toBe(
      pseudo.t('network.interfaces.yourChoice', { interface: 'wlan0' }),
    );

    // The ways' cards and the UPnP warning in the pseudo locale, and none of their English sentences on the page.
    const english = createTranslator('en');
    const shown = wrapper.find('[data-testid="approach-choices"]').text();
    for (const [i, way] of approachWords(pseudo.t).entries()) {
      const card = wrapper.find(`[data-approach="${way.id}"]`).text();
      for (const words of [way.title, way.summary, ...way.pros, ...way.cons]) expect(card).toContain(words);
      const guide = APPROACH_GUIDES[i]!;
      for (const key of [guide.title, guide.summary, ...guide.pros, ...guide.cons])
        expect(shown).not.toContain(english.t(key as 'network.ways.vpn.title'));
    }
    expect(wrapper.find('[data-testid="upnp-warning"]').text()).toContain(pseudo.t(UPNP_WARNING));
    expect(wrapper.find('[data-testid="upnp-warning"]').text()).not.toContain(english.t(UPNP_WARNING));
  });

  it('no gateway, nothing suggested, the connection chosen before gone, the measurement refused', async () => {
    setLocale('en-XA');
    const report = fakeReport({ gateway: null, recommended: null });
    api.handlers['setup.get'] = () =>
      ok({ setup: fakeSetup({ interfaceName: 'eth9', network: report }), notice: null });
    api.handlers['network.get'] = () => failed('PLATFORM_UNSUPPORTED', FAILURE);
    const wrapper = await mountStep();
    expect(wrapper.find('[data-testid="network-error"]').exists()).toBe(true);
    page.expectOnlyKnownEnglish(notThePages());
  });

  it('while the first measurement runs, and none yet', async () => {
    setLocale('en-XA');
    api.handlers['network.get'] = () => new Promise(() => {});
    const wrapper = await mountStep();
    expect(wrapper.find('.wizard-step__loading').exists()).toBe(true);
    page.expectOnlyKnownEnglish(notThePages());
  });

  it('the English named as not converted yet was all seen (a file converted since must leave the list)', () => {
    expect(page.unseen()).toEqual([]);
  });
});

describe('the Network step in English: sentences with markup inside stay whole, spaces and all', () => {
  it('the router line, the suggestion, the choice and the verified sentence read as one sentence each', async () => {
    api.handlers['setup.get'] = () => ok({ setup: verifiedVpn(), notice: null });
    const wrapper = await mountStep();
    const text = (id: string) => wrapper.find(`[data-testid="${id}"]`).text().replace(/\s+/g, ' ');
    expect(text('gateway')).toBe('192.168.1.1, reached through eth0');
    expect(text('recommended')).toBe('eth0 — It is up and your router (192.168.1.1) is reached through it.');
    expect(text('interface-summary')).toBe('The app will search through wlan0 (your choice).');
    expect(text('verify-reason')).toBe(
      'The latest measurement found wlan0 up with an IPv4 address, and you chose VPN.',
    );
  });
});
