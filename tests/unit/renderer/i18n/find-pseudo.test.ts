// @vitest-environment happy-dom
// The Find step in the pseudo locale (en-XA): every word the step's own files say must come out accented, so a
// string that was never converted shows up here as plain English. What is still English on the page comes from
// files not converted yet, is data (what the devices and main said) or is Intl's (a time, in a locale without names
// of its own): each is named below, and a name no longer seen fails the test so the lists only shrink.
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { formatTime } from '../../../../src/renderer/components/step-status';
import { createTranslator } from '../../../../src/shared/i18n';
import App from '../../../../src/renderer/App.vue';
import type { DiscoveredDevice } from '../../../../src/shared/domain/device';
import {
  appInfo,
  discoveryList,
  fakeDevices,
  fakeListening,
  fakeReport,
  fakeSetup,
  ok,
  searchedSetup,
} from '../fake-api';
import { api, mountStep, mountWith, useStepHarness } from '../mount-step';
import { intlDates, pseudoChecker, saidAndWords } from './english-on-page';

const AT = '2025-03-01T10:10:00.000Z';
const devices = (): DiscoveredDevice[] =>
  fakeDevices().map((d) => (d.brand === 'Dahua' ? { ...d, activated: false } : d));
const hik = () => devices().find((d) => d.brand === 'Hikvision')!;
/** What main says in this page's states (its words are main's, not the page's). */
const MAIN_SAYS = [
  'Pick your NVR in the list.',
  'Ignored an address it announced (http://203.0.113.9/onvif/device_service): not on your network.',
  'An answer from 10.9.9.9 named an address outside your network.',
  'not faked',
  'SSDP (UPnP) finished; 1 device(s) so far',
];

/**
 * What Intl writes in the locale: en-XA has no month names or day periods of its own, so a time comes out as
 * English's ("Mar 1, 2025, 10:10:00 AM"), written through the page's locale (step-status.ts `formatTime`).
 */
const check = pseudoChecker({ intl: intlDates(AT) });

/** Main's words (MAIN_SAYS, its notes and reasons) and data: every word the devices and the interfaces said. */
function notThePages() {
  const { said, words } = saidAndWords([devices(), fakeReport()]);
  Object.keys(hik().ports).forEach((key) => words.add(key));
  return { said: [...MAIN_SAYS, ...said], words };
}

useStepHarness({
  path: '/step/find',
  handlers: () => ({
    'setup.get': () =>
      ok({
        setup: searchedSetup({ devices: devices(), nvr: { deviceId: hik().id, device: hik(), chosenAt: AT } }),
        notice: null,
      }),
    'network.get': () => ok(fakeReport({ chosenInterface: 'eth0' })),
    'discovery.list': () => discoveryList({ devices: devices(), interfaceName: 'eth0', warnings: [MAIN_SAYS[2]!] }),
    'app.info': () => appInfo(false, 'browser'),
    'discovery.start': () => ok({ jobId: 'job-search1', interfaceName: 'eth0' }),
  }),
});

afterEach(() => setLocale(null));

describe('the Find step in the pseudo locale: no string of its own is left in English', () => {
  it('with devices found, your NVR chosen, odd answers and the connection choices open', async () => {
    setLocale('en-XA');
    const wrapper = await mountStep();
    await wrapper.find('[data-testid="change-interface"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="find-interface-choices"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="chosen-summary"]').text()).toContain('Hikvision DS-7608NI-K2');
    expect(wrapper.find('[data-testid="upnp-hint"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="not-activated"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="ignored-answers"]').exists()).toBe(true);
    check.expectOnlyKnownEnglish(notThePages());
    // And it is the pseudo text, not an empty page: the count says the plural form with the number.
    expect(wrapper.find('[data-testid="found-count"]').text()).toBe(
      createTranslator('en-XA').t('find.count.foundLikely', { count: 4, likely: 3 }),
    );
  });

  it('listening for devices, and after a search that found nothing (what to check, the sweep offered)', async () => {
    setLocale('en-XA');
    fakeListening(api);
    api.handlers['setup.get'] = () => ok({ setup: searchedSetup({ devices: [] }), notice: null });
    api.handlers['discovery.list'] = () => discoveryList({ devices: [], interfaceName: 'eth0', finishedAt: AT });
    const wrapper = await mountStep();
    expect(wrapper.find('[data-testid="listening-indicator"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="suggest-sweep"]').exists()).toBe(true);
    check.expectOnlyKnownEnglish(notThePages());
  });

  it('before any search, nothing chosen, the search and the listen job refused (their reasons are main’s words)', async () => {
    setLocale('en-XA');
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup(), notice: null });
    api.handlers['discovery.list'] = () => discoveryList();
    delete api.handlers['discovery.start'];
    const wrapper = await mountStep();
    expect(wrapper.find('[data-testid="discovery-error"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="empty-state"]').text()).not.toBe('');
    expect(wrapper.find('[data-testid="listening-off"]').exists()).toBe(true);
    check.expectOnlyKnownEnglish(notThePages());
  });

  it('while the first search runs: its progress, a device arrived, the count so far', async () => {
    setLocale('en-XA');
    api.handlers['setup.get'] = () =>
      ok({ setup: fakeSetup({ network: fakeReport(), interfaceName: null }), notice: null });
    api.handlers['discovery.list'] = () => discoveryList();
    const wrapper = await mountStep();
    api.emit('job.onProgress', { jobId: 'job-search1', kind: 'discovery', done: 2, total: 4, message: MAIN_SAYS[4]! });
    api.emit('discovery.onDevice', { jobId: 'job-search1', device: hik() });
    await flushPromises();
    expect(wrapper.find('[data-testid="searching-on"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="found-count"]').text()).toBe(
      createTranslator('en-XA').t('find.count.soFar', { count: 1 }),
    );
    check.expectOnlyKnownEnglish(notThePages());
  });

  it('the English named as not converted yet was all seen (a file converted since must leave the list)', () => {
    expect(check.unseen()).toEqual([]);
  });
});

describe('the Find step in English: sentences with markup inside stay whole, spaces and all', () => {
  it('the chosen NVR’s summary, “Searched … through …”, and the verify hint read as one sentence each', async () => {
    api.handlers['discovery.list'] = () =>
      discoveryList({
        devices: devices().filter((d) => d.brand !== 'Hikvision'),
        interfaceName: 'eth0',
        finishedAt: AT,
      });
    const wrapper = await mountStep();
    const text = (id: string) => wrapper.find(`[data-testid="${id}"]`).text().replace(/\s+/g, ' ');
    expect(text('chosen-summary')).toContain(
      `Your NVR: Hikvision DS-7608NI-K2 at 192.168.1.64 (MAC 44:19:b6:00:00:64), chosen ${formatTime(AT)}. It did not answer the latest search.`,
    );
    expect(text('found')).toContain(`Searched ${formatTime(AT)} through eth0`);
    expect(text('verify-how')).toBe(
      'Log in to your NVR to confirm the app can talk to it. Picking it is not proof yet: the proof is the NVR answering the app over ONVIF with your user name and password. The app tries once and never guesses.',
    );
  });
});

describe('the shell (App.vue) in the pseudo locale', () => {
  it('its skip link, browser-mode badge and footer are pseudo text, and English again when the locale is', async () => {
    setLocale('en-XA');
    const pseudo = createTranslator('en-XA');
    const wrapper = mountWith(App);
    await flushPromises();
    expect(wrapper.find('.skip-link').text()).toBe(pseudo.t('app.skipToContent'));
    const footer = wrapper.find('.app-shell__footer').text();
    expect(footer).toContain(pseudo.t('app.version', { version: '0.1.0', platform: 'linux' }));
    expect(footer).toContain(pseudo.t('app.savedNote'));
    expect(wrapper.find('.app-shell__brand').text()).toContain(pseudo.t('app.browserMode'));

    setLocale('en');
    await flushPromises();
    expect(wrapper.find('.skip-link').text()).toBe('Skip to content');
    expect(wrapper.find('.app-shell__footer').text()).toContain('Version 0.1.0 · linux');
  });
});
