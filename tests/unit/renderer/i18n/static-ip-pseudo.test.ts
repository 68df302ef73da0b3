// @vitest-environment happy-dom
// The Static IP step in the pseudo locale (en-XA): every word the step's own files say must come out accented, so a
// string that was never converted shows up here as plain English (english-on-page.ts). What is still English on the page
// comes from files not converted yet (the frame and the shared components, the step titles, the status words) or is
// main's (its findings, reasons, problems, messages and steps) or data (addresses, the router families' menus).
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { formatTime } from '../../../../src/renderer/components/step-status';
import { createTranslator } from '../../../../src/shared/i18n';
import {
  checkTypedAddress,
  choosePool,
  poolFromLeases,
  proposeAddress,
  routerDefaultPool,
  type KnownDevice,
} from '../../../../src/shared/domain/static-ip';
import {
  HIK_NVR,
  discoveryReading,
  fakePending,
  fakePlan,
  fakeReading,
  fakeResult,
  fakeStaticIp,
  lostResult,
  unconfirmed,
  STATIC_IP_PAGE,
  typeAddress,
} from '../fake-static-ip';
import { ok } from '../fake-api';
import { english } from '../../../../src/shared/i18n/english';
import {
  RESERVATION_PATHS,
  reservationPathSaid,
  reservationPathText,
} from '../../../../src/shared/catalog/router-reservations';
import { said } from '../../../../src/shared/i18n/said';
import { fail } from '../../../../src/shared/ipc/result';
import { api, mountStep, useStepHarness } from '../mount-step';
import { intlDates, pseudoChecker, saidAndWords } from './english-on-page';

const WARNING_AT = '192.168.1.150';
/** A change before the reading (a later one would have the page read the NVR again). */
const CHANGED_AT = '2025-03-01T11:50:00.000Z';
const READ_AT = fakeReading().at;
const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);

/** What main said (its findings, reasons, problems, messages and steps) and the data (addresses, menus). */
function notThePages() {
  const { said, words } = saidAndWords(
    [
      HIK_NVR,
      fakeReading(),
      discoveryReading(),
      fakeResult(),
      lostResult(),
      fakePending(),
      fakePlan({ address: WARNING_AT }),
    ],
    ['text', 'evidence', 'why', 'basis', 'message', 'steps'],
  );
  // The DHCP range's basis is shown without its full stop.
  return { said: [unconfirmed().error.message, fakeReading().pool!.basis.replace(/\.$/, ''), ...said], words };
}

/** Intl's dates: the only English on this page that is not main's or data. */
const page = pseudoChecker({
  intl: intlDates(READ_AT, CHANGED_AT, fakeResult().at, fakePending().startedAt, '2025-03-01T12:20:00.000Z'),
});

useStepHarness(STATIC_IP_PAGE);

afterEach(() => setLocale(null));

describe('the Static IP step in the pseudo locale: no string of its own is left in English', () => {
  it('read after a login, an address with a warning typed and asked, the reservation noted, the last change moved', async () => {
    setLocale('en-XA');
    fakeStaticIp(api, {
      reading: fakeReading(),
      lastChange: fakeResult({ at: CHANGED_AT }),
      reservation: { address: '192.168.1.230', mac: HIK_NVR.mac, plannedAt: '2025-03-01T12:20:00.000Z' },
    });
    const wrapper = await mountStep();
    await typeAddress(wrapper, WARNING_AT);
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'apply-confirm-warnings').exists()).toBe(true);
    expect(byTest(wrapper, 'reservation-planned').exists()).toBe(true);
    expect(byTest(wrapper, 'change-recheck').exists()).toBe(true);
    page.expectOnlyKnownEnglish(notThePages());
    expect(byTest(wrapper, 'plan-state').text()).toContain(
      createTranslator('en-XA').t('staticIp.plan.notes', { count: 1 }),
    );
  });

  it('where the routers keep reservations, as main says it: an unconfirmed path looked for in en-XA', async () => {
    setLocale('en-XA');
    // The families as main's rule gives them (static-ip-service.ts): the path, its words by key, the source.
    const families = RESERVATION_PATHS.map((p) => {
      const pathSaid = reservationPathSaid(p);
      return { family: p.family, path: reservationPathText(p), ...(pathSaid ? { pathSaid } : {}), source: p.source };
    });
    const reading = fakeReading();
    fakeStaticIp(api, { reading: { ...reading, reservation: { ...reading.reservation!, families } } });
    const wrapper = await mountStep();
    const shown = byTest(wrapper, 'reservation-families').text();
    const xa = createTranslator('en-XA');
    const tp = RESERVATION_PATHS.find((p) => p.family === 'TP-Link Archer')!;
    expect(shown).toContain(xa.t('staticIp.reservationPath.lookFor', { path: tp.path }));
    expect(shown).not.toContain('look for it; menus differ by firmware');
    // The families' names, paths and sources are the routers' own and the evidence: data, as they are.
    const data = RESERVATION_PATHS.flatMap((p) => [p.family, p.path, p.source]);
    const { said, words } = notThePages();
    page.expectOnlyKnownEnglish({ said: [...said, ...data].sort((a, b) => b.length - a.length), words });
  });

  it('main refused the address for want of a yes: “Use it anyway” offered under the button', async () => {
    setLocale('en-XA');
    fakeStaticIp(api, { reading: fakeReading() });
    api.handlers['address.apply'] = () => unconfirmed();
    const wrapper = await mountStep();
    await typeAddress(wrapper, WARNING_AT);
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    await byTest(wrapper, 'apply-confirm-yes').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'apply-error').exists()).toBe(true);
    page.expectOnlyKnownEnglish(notThePages());
  });

  it('only what the search knows, no DHCP range, nothing proposed, a change unfinished and the last one lost', async () => {
    setLocale('en-XA');
    fakeStaticIp(api, {
      reading: discoveryReading({ lan: null, pool: null, proposal: null }),
      lastChange: lostResult(),
      pending: fakePending(),
    });
    api.handlers['address.check'] = () => new Promise(() => {});
    const wrapper = await mountStep();
    await typeAddress(wrapper, '');
    expect(byTest(wrapper, 'static-ip-pending').exists()).toBe(true);
    expect(byTest(wrapper, 'change-lost').exists()).toBe(true);
    expect(byTest(wrapper, 'lan-unknown').exists()).toBe(true);
    page.expectOnlyKnownEnglish(notThePages());
  });

  it('the English named as not converted yet was all seen (a file converted since must leave the list)', () => {
    expect(page.unseen()).toEqual([]);
  });
});

describe('the Static IP step in the pseudo locale: main’s words said by key come in the page’s language', () => {
  it('the proposal’s reasons, the DHCP range’s basis and a typed address’s problems, from the real rules', async () => {
    setLocale('en-XA');
    const xa = createTranslator('en-XA');
    // A TP-Link's factory network; two devices seen on DHCP, widened to its factory pool: a basis of three parts.
    const lan = { interfaceName: 'eth0', address: '192.168.0.20', prefix: 24, gateway: '192.168.0.1' };
    const settings = {
      ...fakeReading().settings,
      address: '192.168.0.64',
      gateway: '192.168.0.1',
      dns: ['192.168.0.1'],
    };
    const known: KnownDevice[] = [
      { id: 'a', address: '192.168.0.120', mac: null, dhcp: true },
      { id: 'b', address: '192.168.0.130', mac: null, dhcp: true },
    ];
    const pool = choosePool({ user: null, leases: poolFromLeases(known, lan), routerDefault: routerDefaultPool(lan) })!;
    expect(pool.basisSaid).toHaveLength(3);
    const proposal = proposeAddress({ device: settings, lan, pool, known, deviceId: HIK_NVR.id })!;
    const reading = fakeReading({ settings, lan, pool, proposal });
    const typed = '192.168.0.150';
    const problems = checkTypedAddress(typed, { lan, pool, known, deviceId: HIK_NVR.id });
    expect(problems.map((p) => p.said?.key)).toEqual(['staticIp.typed.maybeInPool']);
    fakeStaticIp(api, { reading });
    api.handlers['address.plan'] = () => ok({ problems, proposal: null });
    const wrapper = await mountStep();
    await typeAddress(wrapper, typed);
    const shown = wrapper.text();
    // None of main's English sentences (nor the basis) is on the page: each is there in the page's language.
    for (const line of [...proposal.why, pool.basis, ...problems.map((p) => p.text)]) expect(shown).not.toContain(line);
    expect(byTest(wrapper, 'proposal-why').text()).toContain(xa.t('staticIp.why.gateway', { router: '192.168.0.1' }));
    expect(byTest(wrapper, 'pool-basis').text()).toContain(
      xa.t('staticIp.poolBasis.seenMany', { count: '2', first: '.120', last: '.130' }),
    );
    // The basis inside a reason and a problem is said in the page's language too (its family's name as it came).
    const basisXa = byTest(wrapper, 'pool-basis').text();
    expect(basisXa).toContain('TP-Link Archer');
    expect(byTest(wrapper, 'proposal-why').text()).toContain(
      xa.t('staticIp.why.poolBasis', { range: '.100–.199', basis: basisXa }),
    );
    expect(byTest(wrapper, 'plan-problem').text()).toContain(
      xa.t('staticIp.typed.maybeInPool', { address: typed, pool: '.100–.199', basis: basisXa }),
    );
  });
});

describe('the Static IP step in the pseudo locale: main’s refusals in its own words come in the page’s language', () => {
  it('the DHCP range main refused (its own sentence, with the range in it)', async () => {
    setLocale('en-XA');
    const xa = createTranslator('en-XA');
    const problem = said('staticIp.poolProblem.reversed', { range: '192.168.1.200-192.168.1.100' });
    const sentence = english(problem);
    fakeStaticIp(api, { reading: fakeReading() });
    api.handlers['address.plan'] = () => fail('STATIC_IP_BAD_POOL', sentence, problem);
    const wrapper = await mountStep();
    await typeAddress(wrapper, '192.168.1.150');
    expect(byTest(wrapper, 'plan-error').text()).toContain(
      xa.t('staticIp.poolProblem.reversed', { range: '192.168.1.200-192.168.1.100' }),
    );
    expect(wrapper.text()).not.toContain(sentence);
  });
});

describe('the Static IP step in English: sentences with markup inside stay whole, spaces and all', () => {
  it('the proposal, the DHCP range, the unfinished change, the lost NVR and “Not checked yet.”', async () => {
    fakeStaticIp(api, { reading: fakeReading(), lastChange: lostResult(), pending: fakePending() });
    api.handlers['address.check'] = () => new Promise(() => {});
    const wrapper = await mountStep();
    const text = (id: string) => byTest(wrapper, id).text().replace(/\s+/g, ' ');
    expect(byTest(wrapper, 'proposal').find('p').text().replace(/\s+/g, ' ')).toBe(
      'The app proposes 192.168.1.230 (router 192.168.1.1, DNS 192.168.1.1), because:',
    );
    expect(text('pool-known')).toBe(
      'The router hands out addresses from 192.168.1.100 to 192.168.1.199. This rests on the addresses of devices seen on DHCP (a guess: the range is at least this wide): Devices on DHCP were seen from 192.168.1.100 to 192.168.1.199.',
    );
    expect(text('static-ip-pending')).toMatch(
      new RegExp(
        `^An address change did not finish\\. The app stopped while it was moving the NVR from 192\\.168\\.1\\.64 to 192\\.168\\.1\\.230 \\(started ${formatTime(fakePending().startedAt)}\\)\\. Press “Find the NVR and check again”: the app looks for it at both addresses \\(its MAC is 44:19:b6:00:00:64\\) and shows where it answers now\\.`,
      ),
    );
    expect(text('change-where')).toBe(
      'The app does not know where the NVR answers now. Asked for: 192.168.1.230/24 (netmask 255.255.255.0), router 192.168.1.1, DNS 192.168.1.1, DHCP off.',
    );
    expect(text('change-lost')).toContain(
      'How to find it. Its MAC address is 44:19:B6:00:00:64 (some routers write it 44-19-B6-00-00-64); the MAC stays the same whatever address it has. Look for it:',
    );
  });

  it('before any reading: “Not checked yet.” and what the check does, with the space between', async () => {
    fakeStaticIp(api, {});
    api.handlers['address.check'] = () => new Promise(() => {});
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'static-ip-empty').text()).toBe(
      'Not checked yet. Press “Check the address”: the app reads how the NVR gets its address (nothing is changed on the NVR).',
    );
  });
});
