// @vitest-environment happy-dom
// The Router rules step in the pseudo locale (en-XA): every word the step's own files say (its pages, rules-words,
// rules-flow, the rules store's checks) must come out accented, so a string that was never converted shows up here
// as plain English. What is still English on the page comes from files not converted yet (the step frame, shared
// components, the step titles, the port roles' names) or is main's (the rules' names, the commands, the proxy's
// config, the command writer's reason an interface is refused) or data (addresses, names, the commands and paths in
// the proxy's steps). main's reasons, notes and proxy steps are said by key: in en-XA here, never main's English.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { createTranslator } from '../../../../src/shared/i18n';
import { FORWARD_PAGES } from '../../../../src/shared/catalog/router-forwards';
import { routerCommands, routerStepsSaid } from '../../../../src/shared/domain/router-commands';
import { FORWARD_CHAINS } from '../../../../src/shared/catalog/nft-forward-chains';
import { mediaRangeFor } from '../../../../src/shared/catalog/ports';
import { planForwards } from '../../../../src/shared/domain/forward-plan';
import { proxyTarget, reverseProxy } from '../../../../src/shared/domain/reverse-proxy';
import { sayIn } from '../../../../src/shared/i18n/said';
import { EXAMPLES } from '../../../../src/renderer/steps/rules/rules-words';
import { discoveryList, failed, ok } from '../fake-api';
import { REOLINK, fakePortReport, setupWithNvr } from '../fake-ports';
import { api, mountStep, useStepHarness } from '../mount-step';
import { fakeRules, MADE_AT, type RulesMain } from '../steps/rules/fake-rules';
import { intlDates, pseudoChecker, stringsOf, wordsOf } from './english-on-page';

const pseudo = createTranslator('en-XA');
/** QNAP declares an RTP range, so "Also video over UDP" is offered. */
const NVR = { ...REOLINK, brand: 'QNAP' };
let measured = true;

useStepHarness({
  path: '/step/rules',
  handlers: () => {
    measured = true;
    return {
      'setup.get': () =>
        ok({
          setup: setupWithNvr({
            devices: [NVR],
            nvr: { deviceId: NVR.id, device: NVR, chosenAt: '2025-03-01T11:00:00.000Z' },
            ports: measured
              ? { [NVR.id]: { report: fakePortReport(), plan: null, lastChange: null, pending: null } }
              : {},
          }),
          notice: null,
        }),
      'discovery.list': () => discoveryList(),
    };
  },
});

afterEach(() => {
  setLocale(null);
  vi.unstubAllGlobals();
});

const report = fakePortReport();
/** When the second plan of the first test is made. */
const LATER = '2025-03-01T14:00:00.000Z';
/** Intl's dates: the only English on this page that is not main's or data. */
const check = pseudoChecker({ intl: intlDates(MADE_AT.toISOString(), LATER, report.measuredAt) });

/**
 * Data: the NVR and its measured ports, the routers' names in the forwards catalogue, the protocols, the commands
 * and example names the help texts show (rules-words.ts's EXAMPLES, kept as they are in every language), and the
 * common nftables forward chains offered beside the chain field (their catalogue's names).
 */
const DATA = wordsOf([
  NVR,
  report,
  FORWARD_PAGES.map((p) => p.family),
  ['TCP', 'UDP'],
  EXAMPLES,
  FORWARD_CHAINS.map((c) => c.chain),
  mediaRangeFor(NVR.brand)?.source,
]);

/**
 * Main's words on the page that stay as they are: the rules' names (what the router is given), the commands, the
 * proxy's config. Its reasons and notes are said by key, in the page's language.
 */
function mainSays(main: RulesMain, more: readonly string[] = []): string[] {
  return [...(main.plan?.rules.map((r) => r.name) ?? []), ...more];
}

/** main's English sentences for what it said by key (reasons, notes): none may be on the page. */
function mainsEnglish(main: RulesMain): string[] {
  const plan = main.plan;
  return plan ? [...plan.rules.map((r) => r.why), ...plan.notes.map((n) => n.text)] : [];
}

const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);

async function submit(wrapper: VueWrapper, selector: string): Promise<void> {
  await wrapper.find(selector).trigger('submit');
  await flushPromises();
}

describe('the Router rules step in the pseudo locale: no string of its own is left in English', () => {
  it('a plan with every wish, the commands for nftables with a refused interface, the proxy asked and written', async () => {
    setLocale('en-XA');
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.resolve() } });
    const main = fakeRules(api, fakePortReport(), { wants: { web: true, app: true, video: true } }, 'QNAP');
    const wrapper = await mountStep();
    await byTest(wrapper, 'want-udpMedia').setValue(true);
    await submit(wrapper, 'form.wishes');
    expect(byTest(wrapper, 'plan-made').text()).toBe(pseudo.t('rules.planMade', { count: main.plan!.rules.length }));
    expect(byTest(wrapper, 'found-facts').exists()).toBe(true);
    expect(byTest(wrapper, 'notes').exists()).toBe(true);

    await byTest(wrapper, 'family-nftables').setValue(true);
    await flushPromises();
    await byTest(wrapper, 'commands-copy').trigger('click');
    await flushPromises();
    const commands = byTest(wrapper, 'commands-text').text();
    // The proxy's user is required (the plan is open to anyone): said at the field before main is asked.
    await submit(wrapper, '[data-testid="proxy-form"]');
    expect(byTest(wrapper, 'rules-proxy-user-input').attributes('aria-invalid')).toBe('true');
    check.expectOnlyKnownEnglish({ said: mainSays(main, [commands]), words: DATA });

    // A name that is not an interface, and a newer plan made: the commands on show are from the older plan.
    await byTest(wrapper, 'rules-wan-input').setValue('eth1; reboot');
    await submit(wrapper, 'form.wan');
    const plan = api.handlers['rules.plan']!;
    api.handlers['rules.plan'] = (input) => {
      plan(input);
      return ok({ ...main.plan!, madeAt: LATER });
    };
    await submit(wrapper, 'form.wishes');
    expect(byTest(wrapper, 'commands-stale').exists()).toBe(true);
    await byTest(wrapper, 'rules-proxy-user-input').setValue('viewer');
    await submit(wrapper, '[data-testid="proxy-form"]');
    expect(byTest(wrapper, 'proxy-steps').exists()).toBe(true);
    expect(api.calls.filter((c) => c.channel === 'rules.proxy')).toHaveLength(1);
    const config = byTest(wrapper, 'proxy-text').text();
    const steps = wrapper.findAll('[data-testid="proxy-step"]').map((s) => s.text());
    // The proxy main wrote (as the fake main does): its steps said by key, their commands and paths as they are.
    const written = reverseProxy('caddy', proxyTarget(main.plan!, report.rows)!, { user: 'viewer' });
    if (!written.ok) throw new Error(written.error);
    const stepValues = stringsOf(written.config.said!.steps.map((s) => s.params ?? {}));
    expect(steps).toEqual(written.config.said!.steps.map((s) => sayIn(pseudo, s, '')));
    check.expectOnlyKnownEnglish({
      // The refused interface name is said in the page's words (rules.failures): only what was typed is data.
      said: mainSays(main, [commands, config, ...stepValues, 'eth1; reboot']),
      words: wordsOf(byTest(wrapper, 'proxy-path').find('.mono').text(), new Set(DATA)),
    });
    const page = wrapper.text();
    const english = [...mainsEnglish(main), ...written.config.steps];
    expect(english.length).toBeGreaterThan(10);
    for (const sentence of english) expect(page).not.toContain(sentence);
    expect(wrapper.findAll('[data-testid="rule-why"]').map((w) => w.text())).toEqual(
      main.plan!.rules.map((r) => sayIn(pseudo, r.said, '')),
    );
  });

  it('ports not measured yet, a saved plan for another NVR with no rule, too many sources and a refused plan', async () => {
    setLocale('en-XA');
    measured = false;
    const other = planForwards({
      deviceId: 'urn:uuid:another',
      address: '192.168.1.70',
      addressKept: null,
      rows: fakePortReport().rows,
      wants: { web: false, app: false, video: false },
      sources: [],
      mediaRange: null,
      at: MADE_AT,
    });
    const main = fakeRules(api, fakePortReport(), { plan: other, wants: other.wants });
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'found-not-measured').exists()).toBe(true);
    expect(byTest(wrapper, 'plan-other-nvr').exists()).toBe(true);
    expect(byTest(wrapper, 'rules-none').exists()).toBe(true);
    const many = Array.from({ length: 18 }, (_, i) => `198.51.100.${i + 1}`).join(', ');
    await byTest(wrapper, 'rules-allow-input').setValue(many);
    await submit(wrapper, 'form.wishes');
    expect(byTest(wrapper, 'plan-problem').text()).toContain(
      pseudo.t('rules.wishes.tooManySources', { count: 2, max: 16 }),
    );
    check.expectOnlyKnownEnglish({ said: mainSays(main), words: DATA });

    const refusal = 'Choose your NVR first (Find your NVR): the rules point at its address.';
    api.handlers['rules.plan'] = () => failed('RULES_NO_NVR', refusal);
    await byTest(wrapper, 'rules-allow-input').setValue('');
    await submit(wrapper, 'form.wishes');
    expect(byTest(wrapper, 'plan-error').exists()).toBe(true);
    check.expectOnlyKnownEnglish({ said: mainSays(main, [refusal]), words: DATA });
  });

  it('a typed source, host name or user name refused at its field: the plan’s own reasons in en-XA', async () => {
    setLocale('en-XA');
    const main = fakeRules(api, fakePortReport(), { wants: { web: true, app: true, video: false } });
    const wrapper = await mountStep();
    await byTest(wrapper, 'rules-allow-input').setValue('192.168.1.7, 198.51.100.1/24');
    await submit(wrapper, 'form.wishes');
    const allow = wrapper.find('#rules-allow-problems').text();
    expect(allow).toContain(pseudo.t('rules.said.source.private', { text: '192.168.1.7' }));
    expect(allow).toContain(
      pseudo.t('rules.said.source.notStart', { text: '198.51.100.1/24', prefix: '24', network: '198.51.100.0' }),
    );
    expect(allow).not.toContain('is a private address');
    expect(api.calls.filter((c) => c.channel === 'rules.plan')).toHaveLength(0);
    // A plan open to anyone exposes the web page: the proxy's fields, checked before main is asked.
    await byTest(wrapper, 'rules-allow-input').setValue('');
    await submit(wrapper, 'form.wishes');
    await byTest(wrapper, 'rules-proxy-host-input').setValue('203.0.113.7');
    await byTest(wrapper, 'rules-proxy-user-input').setValue('a:b');
    await submit(wrapper, '[data-testid="proxy-form"]');
    expect(wrapper.find('#rules-proxy-host-problems').text()).toContain(
      pseudo.t('rules.said.proxy.hostIsAddress', { host: '203.0.113.7' }),
    );
    expect(wrapper.find('#rules-proxy-user-problems').text()).toContain(
      pseudo.t('rules.said.proxy.notUser', { text: 'a:b' }),
    );
    expect(api.calls.filter((c) => c.channel === 'rules.proxy')).toHaveLength(0);
    check.expectOnlyKnownEnglish({ said: mainSays(main), words: DATA });
  });

  it('a router with a web page (TP-Link): its numbered steps in en-XA, the path, labels and values as they are', async () => {
    setLocale('en-XA');
    const copied: string[] = [];
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: (text: string) => (copied.push(text), Promise.resolve()) },
    });
    const main = fakeRules(api, fakePortReport(), { wants: { web: true, app: true, video: false } });
    const wrapper = await mountStep();
    await submit(wrapper, 'form.wishes');
    await byTest(wrapper, 'family-tp-link').setValue(true);
    await flushPromises();
    const shown = byTest(wrapper, 'commands-text').text();
    const english = routerCommands('tp-link', main.plan!);
    const tp = FORWARD_PAGES.find((p) => p.id === 'tp-link')!;
    for (const line of english.split('\n').slice(1)) expect(shown).not.toContain(line.replace(/^\d+\. /, ''));
    expect(shown).toContain(`1. ${pseudo.t('rules.said.forward.open', { path: tp.path })}`);
    expect(shown).toContain(pseudo.t('rules.said.forward.triggering'));
    // The ISP box, a family named in words of ours, among the routers offered.
    expect(byTest(wrapper, 'families').text()).toContain(pseudo.t('rules.said.forward.family.isp'));
    expect(wrapper.text()).not.toContain('An ISP box');
    // The copy is what the page shows.
    await byTest(wrapper, 'commands-copy').trigger('click');
    await flushPromises();
    expect(copied).toEqual([shown]);
    // What stays as it is: the family's name and the source (the first line's values), the menu paths, the fields'
    // labels and the plan's values (the rules' names, ports, addresses, protocols).
    const said = routerStepsSaid('tp-link', main.plan!)!;
    const values = stringsOf([said.header, ...said.steps].map((w) => w.params ?? {}));
    check.expectOnlyKnownEnglish({ said: mainSays(main, values), words: DATA });
  });

  it('the English named as not converted yet was all seen (a file converted since must leave the list)', () => {
    expect(check.unseen()).toEqual([]);
  });
});

describe('the Router rules step in English: sentences with markup inside stay whole', () => {
  it('the plan’s “For …, from …” and the way to the Ports step read as one sentence each', async () => {
    measured = false;
    fakeRules(api);
    const wrapper = await mountStep();
    await submit(wrapper, 'form.wishes');
    const text = (id: string) => byTest(wrapper, id).text().replace(/\s+/g, ' ');
    expect(text('plan-for')).toBe('For the web page (HTTPS), the phone app, from anywhere.');
    expect(text('found-not-measured')).toBe(
      'The NVR’s ports are not measured yet. The plan forwards only ports the NVR really uses: check them first on the step Ports, then come back here.',
    );
  });
});
