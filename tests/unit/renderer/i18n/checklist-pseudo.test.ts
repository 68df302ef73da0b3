// @vitest-environment happy-dom
// The Checklist step in the pseudo locale (en-XA): every word the step's own files say must come out accented, so a
// string that was never converted shows up here as plain English. What is still English on the page comes from files
// not converted yet (the step frame, the time format) or is data (main's checklist: its steps' reasons and fixes not
// said by key, the picture; the file names): both are named below, and a name no longer seen fails the test so the
// lists only shrink. The status words and the steps' titles are said by key (checklist-said.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { formatTime } from '../../../../src/renderer/components/step-status';
import { createTranslator } from '../../../../src/shared/i18n';
import { buildChecklist } from '../../../../src/shared/domain/checklist';
import { stepState } from '../../../../src/shared/domain/step-state';
import { saidInEnglish } from '../../../../src/shared/i18n/english';
import { said, sayIn } from '../../../../src/shared/i18n/said';
import { topologyIn } from '../../../../src/shared/domain/checklist-said';
import type { SetupRecord } from '../../../../src/shared/domain/setup';
import { fakeSetup, ok } from '../fake-api';
import { mountStep, useStepHarness } from '../mount-step';
import { HALF_DONE_AT, exposedRecord } from '../steps/checklist/fake-checklist';
import { intlDates, pseudoChecker, stringsOf } from './english-on-page';

const AT = '2026-03-02T08:00:00.000Z';

let record: SetupRecord;
let lastExport: unknown;
const FILE = 'nvr-checklist-2026-03-02-letter.pdf';

/** What main's checklist says (steps, reasons, fixes, the picture's words) and the file's name: data. */
function data(w: VueWrapper): string[] {
  const svg = w.find('[data-testid="checklist-topology"]');
  return [
    ...stringsOf(buildChecklist(record, { madeAt: AT, appVersion: '1.0.0' })),
    ...(svg.exists() ? [...svg.element.querySelectorAll('*')].map((e) => e.textContent ?? '') : []),
    FILE,
  ];
}

/** Still English on this page, by the file that says it (none of them is the Checklist step's). */
const guard = pseudoChecker({ intl: intlDates(fakeSetup().updatedAt, AT, HALF_DONE_AT) });

useStepHarness({
  path: '/step/checklist',
  handlers: () => ({
    'setup.get': () => ok({ setup: record, notice: null }),
    'checklist.get': () =>
      ok({ checklist: buildChecklist(record, { madeAt: AT, appVersion: '1.0.0' }), lastExport, current: true }),
    'checklist.export': () => {
      lastExport = { at: AT, format: 'pdf', paper: 'letter', digest: 'a'.repeat(64) };
      return ok({
        fileName: FILE,
        mediaType: 'application/pdf',
        base64: Buffer.from('%PDF-1.7 fake').toString('base64'),
        bytes: 2400,
        export: lastExport,
      });
    },
  }),
});

beforeEach(() => {
  record = fakeSetup();
  lastExport = null;
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:test/0');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  setLocale(null);
});

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);

describe('the Checklist step in the pseudo locale: no string of its own is left in English', () => {
  it('half done: the NVR, what is done, the score and its fixes, the picture, the to-dos, a PDF downloaded', async () => {
    setLocale('en-XA');
    record = exposedRecord();
    const w = await mountStep();
    await byTest(w, 'checklist-download-letter').trigger('click');
    await flushPromises();
    for (const id of ['checklist-nvr', 'checklist-done', 'checklist-fixes', 'checklist-topology', 'checklist-last'])
      expect(byTest(w, id).exists(), id).toBe(true);
    guard.expectOnlyKnownEnglish({ said: data(w) });
    // And it is the pseudo text, not an empty page: the to-dos' count is the plural form with the number.
    const todo = w.findAll('[data-testid="checklist-todo"] > li').length;
    expect(w.find('[data-testid="checklist-todo"]').element.previousElementSibling!.textContent!.trim()).toBe(
      createTranslator('en-XA').t('checklist.todo.count', { count: todo }),
    );
  });

  it('the picture’s words in en-XA: its boxes, labels and sentences said by key, names and addresses as they came', async () => {
    setLocale('en-XA');
    record = exposedRecord();
    const checklist = buildChecklist(record, { madeAt: AT, appVersion: '1.0.0' });
    const xa = createTranslator('en-XA');
    const picture = topologyIn(xa, checklist.topology);
    const w = await mountStep();
    const sentences = w.findAll('[data-testid="checklist-topology-sentences"] li').map((li) => li.text());
    expect(sentences).toEqual(picture.sentences);
    const svg = byTest(w, 'checklist-topology').text();
    expect(svg).toContain(xa.t('checklist.topology.router'));
    expect(svg).toContain(xa.t('checklist.picture.heading'));
    for (const english of [...checklist.topology.sentences, 'Your router', 'How your NVR is reached', ' risk'])
      expect(w.text() + svg).not.toContain(english);
  });

  it('at the start: no NVR, nothing done, no score, every step to do', async () => {
    setLocale('en-XA');
    const w = await mountStep();
    for (const id of ['checklist-no-nvr', 'checklist-done-none', 'checklist-score-none', 'checklist-todo'])
      expect(byTest(w, id).exists(), id).toBe(true);
    guard.expectOnlyKnownEnglish({ said: data(w) });
  });

  it('the English named as not converted yet was all seen (a file converted since must leave the list)', () => {
    expect(guard.unseen()).toEqual([]);
  });
});

describe('the Checklist step in English: sentences with markup inside stay whole', () => {
  it('the last download, no NVR chosen yet, and when a step was verified', async () => {
    const w = await mountStep();
    const text = (id: string) => byTest(w, id).text().replace(/\s+/g, ' ');
    expect(text('checklist-no-nvr')).toBe(
      'No NVR chosen yet. Find it on the step Find your NVR; the checklist then names it, its address and how the address is kept.',
    );
    await byTest(w, 'checklist-download-letter').trigger('click');
    await flushPromises();
    expect(text('checklist-last')).toBe(
      `Last downloaded ${formatTime(AT)} as PDF (Letter) — ${FILE}, 2 KB. It says what the setup says now.`,
    );
  });
});

describe('the Checklist step in the pseudo locale: main’s words said by key in it, not in main’s English', () => {
  const xa = createTranslator('en-XA');
  const text = (w: VueWrapper) => w.text().replace(/\s+/g, ' ');

  it('a step’s reason on the to-do list and the Security fixes: the pseudo words, never the English sentence', async () => {
    setLocale('en-XA');
    record = exposedRecord();
    // UPnP's reason as its status rule says it now: the English and its key (src/main/features/upnp/status.ts).
    record.steps.upnp = stepState('attention', HALF_DONE_AT, saidInEnglish(said('wizard.reasons.upnp.unreadable')));
    const c = buildChecklist(record, { madeAt: AT, appVersion: '1.0.0' });
    const w = await mountStep();
    const upnp = c.steps.find((s) => s.id === 'upnp')!;
    expect(upnp.said).toBeDefined();
    expect(byTest(w, 'checklist-todo').text()).toContain(sayIn(xa, upnp.said, ''));
    expect(text(w)).not.toContain(upnp.reason!);
    const fixes = c.security!.fixes.filter((f) => f.said?.title && f.said.fix);
    expect(fixes.length).toBeGreaterThan(1);
    const shown = byTest(w, 'checklist-fixes').text().replace(/\s+/g, ' ');
    for (const f of fixes) {
      expect(shown).toContain(sayIn(xa, f.said!.title, '').replace(/\s+/g, ' '));
      expect(shown).toContain(sayIn(xa, f.said!.fix, '').replace(/\s+/g, ' '));
      expect(shown).not.toContain(f.title);
      expect(shown).not.toContain(f.fix);
    }
  });

  it('the to-dos’ titles and status words, and the steps done: the wizard’s and the checklist’s words by key', async () => {
    setLocale('en-XA');
    record = exposedRecord();
    const w = await mountStep();
    const todo = byTest(w, 'checklist-todo').text();
    for (const english of ['not done yet', 'needs attention', 'Security', 'Verify'])
      expect(todo).not.toContain(english);
    expect(todo).toContain(xa.t('checklist.status.notStarted'));
    expect(todo).toContain(xa.t('checklist.status.attention'));
    expect(todo).toContain(xa.t('wizard.steps.security.title'));
    expect(byTest(w, 'checklist-done').text()).toContain(xa.t('wizard.steps.find.title'));
    expect(byTest(w, 'checklist-done').text()).not.toContain('Find your NVR');
    // What the NVR's address kind rests on: said by key too.
    const c = buildChecklist(record, { madeAt: AT, appVersion: '1.0.0' });
    expect(c.nvr.said).toBeDefined();
    expect(text(w)).toContain(sayIn(xa, c.nvr.said, ''));
    expect(text(w)).not.toContain(c.nvr.addressBasis);
  });

  it('a record written before main said them by key: its reason in English, as it came', async () => {
    setLocale('en-XA');
    record = exposedRecord();
    const w = await mountStep();
    expect(byTest(w, 'checklist-todo').text()).toContain('A mapping to the NVR came back after deletion.');
  });
});
