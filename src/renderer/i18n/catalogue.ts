// The pages' words, loaded as they are needed: the first screen's groups of the English catalogue
// (src/shared/i18n/en/: the shell, the sidebar, the shared components, the errors and the first step's) come with
// the app, and each other step's group with its page (router.ts waits for both before the page renders, so `t` stays
// synchronous and a page never shows a key). The pseudo locale's words (en-XA) are made from the groups loaded, when
// it is asked for. The CLI's and the checklist PDF's words (en/cli*, en/checklist-pdf.ts) are main's: never here.
// A new step's group (en/<step id>.ts) is found by its file name; a language with a catalogue of its own (none yet:
// translate.ts's LOCALES) would be split and loaded here the same way.
import { app, common } from '../../shared/i18n/en/app';
import { components } from '../../shared/i18n/en/components';
import { errors } from '../../shared/i18n/en/errors';
import { network } from '../../shared/i18n/en/network';
import { wizard } from '../../shared/i18n/en/wizard';
import type { en } from '../../shared/i18n/en';
import { localize } from '../../shared/i18n/pseudo-localize';
import type { LocaleTag } from '../../shared/i18n/translator';
import type { StepId } from '../../shared/domain/steps';

/** A top-level group of the catalogue (`ports`, `staticIp` …). */
export type GroupName = keyof typeof en;

/** What the first screen says: the shell, the sidebar and progress, the shared components, the errors, Network's. */
const FIRST_SCREEN: Partial<Record<GroupName, object>> = { app, common, components, errors, network, wizard };

/**
 * Every other group's file (`en/<group in kebab-case>.ts`), a chunk of its own loaded on demand. The whole
 * catalogue (index.ts), the CLI's and the PDF's are left out, and so are the first screen's (already here).
 */
const GROUP_FILES = import.meta.glob<Record<string, object>>([
  '../../shared/i18n/en/*.ts',
  '!../../shared/i18n/en/index.ts',
  '!../../shared/i18n/en/cli.ts',
  '!../../shared/i18n/en/checklist-pdf.ts',
  '!../../shared/i18n/en/app.ts',
  '!../../shared/i18n/en/components.ts',
  '!../../shared/i18n/en/errors.ts',
  '!../../shared/i18n/en/network.ts',
  '!../../shared/i18n/en/wizard.ts',
]);

const camel = (kebab: string): string => kebab.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** The loader of each group, by its name in the catalogue. */
const LOADERS: ReadonlyMap<string, () => Promise<object>> = new Map(
  Object.entries(GROUP_FILES).map(([file, load]) => {
    const name = camel(/([^/]+)\.ts$/.exec(file)![1]!);
    return [name, async () => (await load())[name]!];
  }),
);

/**
 * The groups a step's page says besides its own (`en/<step id>.ts`): through a component or a store it shares with
 * another step. tests/unit/renderer/i18n/route-groups.test.ts fails when a page's files use a group not loaded here.
 */
const ALSO: Partial<Record<StepId, readonly GroupName[]>> = {
  find: ['device'], // the device cards (components/DiscoveredDeviceCard.vue)
  ddns: ['rules'], // the router rules store (stores/rules.ts), for the addresses allowed
  rules: ['ports', 'internet'], // the ports' names (components/port-labels.ts); the proof from outside (internet-store.ts)
};

/** The groups loaded so far, by locale; en-XA is made from the English ones the first time it is asked for. */
const english: Record<string, object> = { ...FIRST_SCREEN };
let pseudo: Record<string, object> | null = null;

/** The messages of a locale, as loaded so far (read at each `t`, so a group added later is found). */
export function messagesOf(tag: LocaleTag): object {
  if (tag === 'en') return english;
  pseudo ??= localize({ ...english });
  return pseudo;
}

export function hasGroup(name: string): boolean {
  return name in english;
}

/** The groups a step's page needs beyond the first screen's: its own (when it has a file) and those it shares. */
export function stepGroups(step: StepId): GroupName[] {
  const own = camel(step) as GroupName;
  return [...(LOADERS.has(own) || own in FIRST_SCREEN ? [own] : []), ...(ALSO[step] ?? [])];
}

/** Loads a group (once) and adds it to every locale's messages. */
export async function loadGroup(name: GroupName): Promise<void> {
  if (hasGroup(name)) return;
  const load = LOADERS.get(name);
  if (!load) throw new Error(`No group "${name}" for the pages`);
  const words = await load();
  english[name] = words;
  if (pseudo) pseudo[name] = localize(words);
}

/**
 * Loads the groups main's words said by key come from (a key's first part), where the pages have them: for a page
 * that shows other steps' results (the Checklist: their reasons and findings). A key of no such group is left alone.
 */
export async function loadGroupsOf(keys: Iterable<string>): Promise<void> {
  const names = new Set([...keys].map((key) => key.split('.')[0]!).filter((name) => LOADERS.has(name)));
  await Promise.all([...names].map((name) => loadGroup(name as GroupName)));
}

/** Loads the groups of a step's page (see router.ts: before the page's component resolves). */
export async function loadStepGroups(step: StepId): Promise<void> {
  await Promise.all(stepGroups(step).map(loadGroup));
}

/** Every group the pages may load (the unit tests' setup, where components are mounted without their route). */
export async function loadAllGroups(): Promise<void> {
  await Promise.all([...LOADERS.keys()].map((name) => loadGroup(name as GroupName)));
}
