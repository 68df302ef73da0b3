// @vitest-environment happy-dom
// The pages' words load with the pages (src/renderer/i18n/catalogue.ts): the first screen carries the shell's, the
// shared components', the errors' and the first step's groups; each other step's group comes with its route, before
// its page renders; the CLI's and the checklist PDF's never reach the pages. The unit setup loads every group
// (page-words-setup.ts), so the loading itself is tested here on a fresh catalogue (vi.resetModules()).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { STEPS, type StepId } from '../../../../src/shared/domain/steps';
import { en } from '../../../../src/shared/i18n';
import { pseudoLocalize } from '../../../../src/shared/i18n/pseudo-localize';
import { groupsNamed, keysOf, ROOT, staticGraph } from './module-graph';

type Catalogue = typeof import('../../../../src/renderer/i18n/catalogue');
type UseT = typeof import('../../../../src/renderer/composables/useT');
type RouterModule = typeof import('../../../../src/renderer/router');

const KEYS = keysOf(en);
/** A message of a group without placeholders or plural forms: what `t` says of it proves the group is there. */
const sample = (group: string): string =>
  KEYS.find((k) => k.startsWith(`${group}.`) && typeof lookup(k) === 'string' && !lookup(k).includes('{'))!;
function lookup(key: string): string {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en) as string;
}

/** The groups the first screen says (i18n/catalogue.ts's FIRST_SCREEN). */
const FIRST_SCREEN = ['app', 'common', 'components', 'errors', 'network', 'wizard'];
const STEP_GROUPS = [
  ...['find', 'device', 'staticIp', 'ports', 'security', 'upnp', 'internet', 'ddns', 'rules', 'vpn', 'verify'],
  'checklist',
];
const available = STEPS.filter((s) => s.available).map((s) => s.id as StepId);

/** What the pages' `t` says of a key (any key: no placeholders here). */
const say = (key: string): string => (useT.t as (key: string) => string)(key);

let catalogue: Catalogue;
let useT: UseT;
let routerModule: RouterModule;
beforeEach(async () => {
  vi.resetModules();
  catalogue = await import('../../../../src/renderer/i18n/catalogue');
  useT = await import('../../../../src/renderer/composables/useT');
  routerModule = await import('../../../../src/renderer/router');
  useT.setLocale('en');
});

describe('the pages’ words: the first screen’s with the app, each step’s with its page', () => {
  it('the app starts with the first screen’s groups only: a step’s key says itself until its page is opened', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const group of FIRST_SCREEN) expect(say(sample(group)), group).toBe(lookup(sample(group)));
    for (const group of STEP_GROUPS) {
      expect(catalogue.hasGroup(group), group).toBe(false);
      expect(say(sample(group)), group).toBe(sample(group));
    }
  });

  it('each step’s route loads its page’s groups before the page resolves, in English and in en-XA', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: routerModule.createRoutes() });
    const seen = new Set(FIRST_SCREEN);
    for (const step of available) {
      const groups = catalogue.stepGroups(step);
      for (const group of groups.filter((g) => !seen.has(g))) expect(catalogue.hasGroup(group), step).toBe(false);
      await router.push(routerModule.stepPath(step));
      expect(router.currentRoute.value.meta.stepId).toBe(step);
      for (const group of groups) {
        seen.add(group);
        useT.setLocale('en');
        expect(say(sample(group)), `${step}: ${group}`).toBe(lookup(sample(group)));
        useT.setLocale('en-XA');
        expect(say(sample(group)), `${step}: ${group}`).toBe(pseudoLocalize(lookup(sample(group))));
      }
      useT.setLocale('en');
    }
    // Every step group was loaded by some route, and only what the routes asked for.
    expect([...seen].sort()).toEqual([...FIRST_SCREEN, ...STEP_GROUPS].sort());
  });

  it('a page’s first render already has its words (stepComponent waits for them)', async () => {
    const said: string[] = [];
    const Page = defineComponent({
      setup() {
        said.push(say(sample('upnp')));
        return () => h('p', said.at(-1));
      },
    });
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/', component: routerModule.stepComponent('upnp', async () => Page) }],
    });
    await router.push('/');
    const wrapper = mount(RouterView, { global: { plugins: [router] } });
    await flushPromises();
    expect(said).toEqual([lookup(sample('upnp'))]);
    expect(wrapper.text()).toBe(lookup(sample('upnp')));
  });

  it('the Checklist’s words said by key: their groups load with it (only groups the pages have; others left alone)', async () => {
    const { saidKeys } = await import('../../../../src/shared/domain/checklist-said');
    // Keys as a checklist carries them: a fix's title (Security's), a reason (the first screen's), words within
    // words (Ports'), and keys of no group the pages load (the PDF's, one unknown).
    const checklist = {
      steps: [{ reason: 'x', said: { key: 'wizard.reasons.upnp.unreadable' } }],
      security: { fixes: [{ title: 'y', said: { title: { key: sample('security') } } }] },
      upnp: { findings: [{ said: { key: 'upnp.x', params: { role: { key: 'ports.role.https' } } } }] },
      other: { said: { key: 'checklistPdf.title' }, key: 'vpn.not-said' },
      todo: [{ said: [{ key: 'nothing.here' }] }],
    };
    const keys = saidKeys(checklist);
    expect([...keys].sort()).toEqual(
      [
        'checklistPdf.title',
        'nothing.here',
        'ports.role.https',
        sample('security'),
        'upnp.x',
        'wizard.reasons.upnp.unreadable',
      ].sort(),
    );
    for (const group of ['security', 'upnp', 'vpn']) expect(catalogue.hasGroup(group), group).toBe(false);
    await catalogue.loadGroupsOf(keys);
    for (const group of ['security', 'upnp', 'ports']) expect(catalogue.hasGroup(group), group).toBe(true);
    for (const group of ['vpn', 'checklistPdf', 'nothing']) expect(catalogue.hasGroup(group), group).toBe(false);
    expect(say(sample('security'))).toBe(lookup(sample('security')));
  });

  it('a group loaded while en-XA is spoken comes in en-XA too', async () => {
    useT.setLocale('en-XA');
    expect(say(sample('wizard'))).toBe(pseudoLocalize(lookup(sample('wizard'))));
    await catalogue.loadGroup('vpn');
    expect(say(sample('vpn'))).toBe(pseudoLocalize(lookup(sample('vpn'))));
  });
});

describe('what the renderer’s files import (its static module graph)', () => {
  const FIRST = staticGraph('src/renderer/main.ts');
  const PAGES = Object.fromEntries(
    available.map((step) => [step, staticGraph(`src/renderer/steps/${step}/${pageFile(step)}`)]),
  ) as Record<StepId, Set<string>>;
  const EVERYTHING = new Set([...FIRST, ...Object.values(PAGES).flatMap((files) => [...files])]);
  const EN = 'src/shared/i18n/en/';

  /**
   * Step groups the first screen still carries, and why (a list that only shrinks: each must still be reached).
   * ports: shared/catalog/ports.ts names the ports with en/ports.ts's `role` (ROLE_LABELS, main's messages), and
   * the steps' contract slices (shared/domain/steps.ts, which the router reads) import that catalogue; the group's
   * words said by key (en/said/ports.ts, and the maker's manual steps in en/said/ports-manual.ts) come with it, and so
   * do the catalogue's purposes (en/said/port-purposes.ts): they were the catalogue's strings on the first screen
   * before, and moved to the catalogue of words (not a second copy: the port catalogue takes its English from there).
   */
  const FIRST_SCREEN_TOO = [
    `${EN}ports.ts`,
    `${EN}said/ports.ts`,
    `${EN}said/ports-manual.ts`,
    `${EN}said/port-purposes.ts`,
  ];

  it('the first screen imports no step’s words but the first step’s (and those named above)', () => {
    const words = [...FIRST].filter((f) => f.startsWith(EN)).sort();
    expect(words).toEqual(
      [...['app', 'components', 'errors', 'network', 'wizard'].map((g) => `${EN}${g}.ts`), ...FIRST_SCREEN_TOO].sort(),
    );
  });

  it('no page imports the whole catalogue, its whole pseudo locale, the CLI’s words or the checklist PDF’s', () => {
    const forbidden = [...EVERYTHING].filter(
      (f) =>
        f === `${EN}index.ts` ||
        f === 'src/shared/i18n/index.ts' ||
        f === 'src/shared/i18n/pseudo.ts' ||
        f === 'src/shared/i18n/translate.ts' ||
        f.startsWith(`${EN}cli`) ||
        f === `${EN}checklist-pdf.ts`,
    );
    expect(forbidden).toEqual([]);
  });

  // The renderer's files: src/shared's name keys for main's translator (and channels such as 'security.password').
  const named = (files: Set<string>) =>
    [...files]
      .filter((f) => f.startsWith('src/renderer/'))
      .flatMap((f) => [...groupsNamed(f, KEYS)].map((g): [string, string] => [g, f]));

  it('the keys each page’s files name are of the groups its route loads (or the first screen’s)', () => {
    const firstScreenNames = new Set(named(FIRST).map(([g]) => g));
    expect([...firstScreenNames].filter((g) => !FIRST_SCREEN.includes(g))).toEqual([]);
    for (const step of available) {
      const loaded = new Set([...FIRST_SCREEN, ...catalogue.stepGroups(step)]);
      const missing = named(PAGES[step]).filter(([g]) => !loaded.has(g));
      expect(missing, step).toEqual([]);
    }
  });
});

function pageFile(step: StepId): string {
  return readdirSync(join(ROOT, 'src/renderer/steps', step)).find((f) => /^WizardStep\w+\.vue$/.test(f))!;
}
