// @vitest-environment happy-dom
// The Checklist page against a stand-in for main built from the shared builder: what it shows as done and to do,
// and the downloads (main makes the file; the page saves the bytes it got). What the user would lose: a step left
// out of the to-dos, a button that makes the wrong paper or format, a download that never happens, or main's reason
// for a failed file swallowed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { buildChecklist } from '../../../../../src/shared/domain/checklist';
import type { SetupRecord } from '../../../../../src/shared/domain/setup';
import { STEPS } from '../../../../../src/shared/domain/steps';
import { failed, fakeSetup, ok, type FakeHandlers } from '../../fake-api';
import { api, mountStep, useStepHarness } from '../../mount-step';
import { setLocale } from '../../../../../src/renderer/composables/useT';
import { exposedRecord, halfRecord } from './fake-checklist';

const AT = '2026-03-02T08:00:00.000Z';

let record: SetupRecord = fakeSetup();
let exportAnswer: unknown = null;
/** main's last export (the record's), as its `checklist.get` gives it back. */
let lastExport: unknown = null;

function handlers(): FakeHandlers {
  return {
    'setup.get': () => ok({ setup: record, notice: null }),
    'checklist.get': () =>
      ok({
        checklist: buildChecklist(record, { madeAt: AT, appVersion: '1.0.0' }),
        lastExport,
        current: lastExport !== null,
      }),
    'checklist.export': (input) => {
      if (exportAnswer) return exportAnswer;
      const { format, paper } = input as { format: 'pdf' | 'json'; paper?: 'a4' | 'letter' };
      const body = format === 'pdf' ? '%PDF-1.7 fake' : '{"format":"nvr-assist.checklist"}';
      const entry = { at: AT, format, paper: format === 'pdf' ? (paper ?? 'a4') : null, digest: 'a'.repeat(64) };
      lastExport = entry;
      return ok({
        fileName: `nvr-checklist-2026-03-02${paper === 'letter' ? '-letter' : ''}.${format}`,
        mediaType: format === 'pdf' ? 'application/pdf' : 'application/json',
        base64: Buffer.from(body).toString('base64'),
        bytes: body.length,
        export: entry,
      });
    },
  };
}
useStepHarness({ path: '/step/checklist', handlers });

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);
let downloads: { href: string; download: string; blob: Blob | undefined }[] = [];

beforeEach(() => {
  record = fakeSetup();
  exportAnswer = null;
  lastExport = null;
  downloads = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, b as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ href: this.href, download: this.download, blob: blobs.get(this.href) });
  });
});
afterEach(() => vi.restoreAllMocks());

describe('Checklist step', () => {
  it('at the start of a journey: nothing done, every step a to-do with what to do, nothing downloaded by opening', async () => {
    const w = await mountStep();
    expect(byTest(w, 'checklist-done-none').exists()).toBe(true);
    expect(byTest(w, 'checklist-no-nvr').exists()).toBe(true);
    const todo = w.findAll('[data-testid="checklist-todo"] > li');
    expect(todo.map((li) => li.attributes('data-step'))).toEqual(STEPS.map((s) => s.id));
    for (const li of todo) expect(li.find('[data-testid="checklist-todo-how"]').text().length).toBeGreaterThan(20);
    // A step with a page links to it; every step of this version has one, so none says it is not in this version.
    expect(w.find('[data-step="ports"] a').attributes('href')).toBe('/step/ports');
    expect(w.find('[data-step="security"] a').attributes('href')).toBe('/step/security');
    expect(w.text()).not.toContain('Not in this version of the app yet');
    expect(api.count('checklist.export')).toBe(0);
    expect(downloads).toEqual([]);
  });

  it('a setup half done: the NVR and the verified steps as done; UPnP to do with its reason', async () => {
    record = halfRecord();
    const w = await mountStep();
    expect(byTest(w, 'checklist-nvr-name').text()).toBe('Shop NVR');
    expect(byTest(w, 'checklist-nvr-address').text()).toBe('192.168.1.64');
    const done = w.findAll('[data-testid="checklist-done"] > li').map((li) => li.attributes('data-step'));
    expect(done).toEqual(['network', 'find', 'ports']);
    const todo = w.findAll('[data-testid="checklist-todo"] > li').map((li) => li.attributes('data-step'));
    expect(todo).toEqual(STEPS.map((s) => s.id).filter((id) => !done.includes(id)));
    const upnp = w.find('[data-testid="checklist-todo"] [data-step="upnp"]');
    expect(upnp.text()).toContain('needs attention');
    expect(upnp.find('[data-testid="checklist-todo-why"]').text()).toBe(
      'A mapping to the NVR came back after deletion.',
    );
    // A step with no reason of its own: its badge says it, no line repeats it.
    expect(w.find('[data-step="static-ip"] [data-testid="checklist-todo-why"]').exists()).toBe(false);
  });

  it.each([
    // A PDF in the page's language (English here: the system's); JSON has none.
    [
      'checklist-download-a4',
      { format: 'pdf', paper: 'a4', locale: 'en' },
      'nvr-checklist-2026-03-02.pdf',
      'application/pdf',
    ],
    [
      'checklist-download-letter',
      { format: 'pdf', paper: 'letter', locale: 'en' },
      'nvr-checklist-2026-03-02-letter.pdf',
      'application/pdf',
    ],
    ['checklist-download-json', { format: 'json' }, 'nvr-checklist-2026-03-02.json', 'application/json'],
  ])('%s asks main for %j and saves the bytes it got under its name', async (button, input, name, type) => {
    const w = await mountStep();
    await byTest(w, button).trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'checklist.export').map((c) => c.input)).toEqual([input]);
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.download).toBe(name);
    expect(downloads[0]!.blob?.type).toBe(type);
    const text = await downloads[0]!.blob!.text();
    expect(text.startsWith(type === 'application/pdf' ? '%PDF-' : '{"format"')).toBe(true);
    expect(byTest(w, 'checklist-last').text()).toContain(name);
    expect(byTest(w, 'checklist-last').text()).toContain('It says what the setup says now.');
  });

  it('a page in another language asks for the PDF in that language; the JSON carries none', async () => {
    setLocale('en-XA');
    try {
      const w = await mountStep();
      await byTest(w, 'checklist-download-letter').trigger('click');
      await flushPromises();
      expect(api.calls.filter((c) => c.channel === 'checklist.export').map((c) => c.input)).toEqual([
        { format: 'pdf', paper: 'letter', locale: 'en-XA' },
      ]);
      expect(downloads).toHaveLength(1);
      await byTest(w, 'checklist-download-json').trigger('click');
      await flushPromises();
      expect(api.calls.filter((c) => c.channel === 'checklist.export').at(-1)!.input).toEqual({ format: 'json' });
    } finally {
      setLocale(null);
    }
  });

  it('a file main could not make: its words shown, nothing saved', async () => {
    exportAnswer = failed(
      'INTERNAL',
      'No font to write the PDF with was found. The checklist is also available as JSON.',
    );
    const w = await mountStep();
    await byTest(w, 'checklist-download-a4').trigger('click');
    await flushPromises();
    expect(byTest(w, 'checklist-download-error').text()).toContain('No font to write the PDF with was found.');
    expect(downloads).toEqual([]);
  });

  it('shows the security score and the fixes worth most first, and the topology picture with its words', async () => {
    record = exposedRecord();
    const c = buildChecklist(record, { madeAt: AT, appVersion: '1.0.0' });
    expect(c.security!.fixes.length).toBeGreaterThan(1);
    const w = await mountStep();
    expect(byTest(w, 'checklist-score-number').text()).toBe(String(c.security!.score));
    expect(byTest(w, 'checklist-score').classes()).toContain('checklist-score--danger');
    expect(byTest(w, 'checklist-score').text()).toContain('A critical or high risk is open');
    const fixes = w.findAll('[data-testid="checklist-fixes"] > li');
    expect(fixes.map((li) => li.attributes('data-fix'))).toEqual(c.security!.fixes.map((f) => f.id));
    expect(fixes[0]!.text()).toContain(`+${c.security!.fixes[0]!.worth} points`);
    expect(fixes[0]!.text()).toContain(c.security!.fixes[0]!.fix);
    // The picture: the SVG inline, an image with a title and the sentences as its description.
    const svg = w.find('[data-testid="checklist-topology"] svg');
    expect(svg.attributes('role')).toBe('img');
    expect(svg.attributes('aria-labelledby')).toBe('topo-title topo-desc');
    expect(svg.find('desc').text()).toBe(c.topology.sentences.join(' '));
    expect(svg.findAll('rect')).toHaveLength(c.topology.boxes.length);
    expect(svg.text()).toContain('8000/tcp (UPnP) → NVR: Hikvision DS-7608NI-K2 · high risk');
    expect(svg.find('rect.topo-risk-high').exists()).toBe(true);
    expect(w.findAll('[data-testid="checklist-topology-sentences"] li').map((li) => li.text())).toEqual(
      c.topology.sentences,
    );
  });

  it('no Security check yet: says so and links to the step; a device name with markup stays text in the picture', async () => {
    const r = exposedRecord();
    r.security.last = null;
    r.nvr!.device = { ...r.nvr!.device, brand: null, model: null, name: '<img src=x onerror=alert(1)>NVR' };
    record = r;
    const w = await mountStep();
    expect(byTest(w, 'checklist-score-none').find('a').attributes('href')).toBe('/step/security');
    expect(byTest(w, 'checklist-score').exists()).toBe(false);
    const picture = byTest(w, 'checklist-topology');
    expect(picture.find('img').exists()).toBe(false);
    expect(picture.text()).toContain('NVR: <img src=x onerror=alert(1)>NVR');
  });

  it('a topology that is not the checklist’s shape (a number that is markup) is never put in the page', async () => {
    const { default: ChecklistPicture } =
      await import('../../../../../src/renderer/steps/checklist/ChecklistPicture.vue');
    const c = buildChecklist(exposedRecord(), { madeAt: AT, appVersion: '1.0.0' });
    const bad = { ...c, topology: { ...c.topology, width: '1"><script>x()</script>' } } as unknown as typeof c;
    const { mount } = await import('@vue/test-utils');
    const p = mount(ChecklistPicture, { props: { checklist: bad }, global: { stubs: { RouterLink: true } } });
    expect(p.find('[data-testid="checklist-topology"]').exists()).toBe(false);
    expect(p.find('[data-testid="checklist-topology-none"]').exists()).toBe(true);
    expect(p.html()).not.toContain('<script>');
  });
});
