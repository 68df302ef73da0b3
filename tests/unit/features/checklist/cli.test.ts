import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliCore } from '../../../../src/main/cli/run';
import { CHECKLIST_COMMANDS, renderWritten } from '../../../../src/main/features/checklist/cli';
import { buildChecklist } from '../../../../src/shared/domain/checklist';
import { emptySetupRecord, type SetupRecord } from '../../../../src/shared/domain/setup';
import { TEXT_FONTS } from '../../../../src/main/services/checklist/checklist-pdf';
import { LOCALES, createTranslator } from '../../../../src/shared/i18n';
import { SECRETS, fullRecord, saidRecord } from '../../shared/domain/checklist-fixture';

function harness(setup: SetupRecord) {
  const calls: string[] = [];
  const out = { stdout: '', stderr: '' };
  const core: CliCore = {
    dispatch: (async (channel: string) => {
      calls.push(channel);
      return { ok: true, data: { setup, notice: null } };
    }) as unknown as CliCore['dispatch'],
    hub: { subscribe: () => () => {} },
  };
  const io = { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) };
  return {
    calls,
    out,
    run: (argv: string[], locale = 'en') => runCli(argv, core, io, '4.5.6', CHECKLIST_COMMANDS, locale),
  };
}

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'checklist-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('nvr-assist checklist', () => {
  it('--json prints the checklist of the saved setup, with no file and no secret', async () => {
    const h = harness(fullRecord());
    expect(await h.run(['checklist', '--json'])).toBe(0);
    expect(h.calls).toEqual(['setup.get']);
    const c = JSON.parse(h.out.stdout);
    expect(c).toMatchObject({ format: 'nvr-assist.checklist', appVersion: '4.5.6', nvr: { model: 'DS-7608NI-K2' } });
    for (const s of SECRETS) expect(h.out.stdout).not.toContain(s);
  });

  it('at the start of the journey --json lists every step as to do', async () => {
    const h = harness(emptySetupRecord('2026-01-01T00:00:00.000Z'));
    expect(await h.run(['checklist', '--json'])).toBe(0);
    const c = JSON.parse(h.out.stdout);
    expect(c.todo.length).toBe(c.steps.length);
  });

  it('without --out or --json, with a stray word, or --out not a .pdf: usage, exit 2, nothing read', async () => {
    const h = harness(fullRecord());
    expect(await h.run(['checklist'])).toBe(2);
    expect(await h.run(['checklist', 'now', '--json'])).toBe(2);
    expect(await h.run(['checklist', '--out', join(dir, 'setup.json')])).toBe(2);
    expect(h.out.stderr).toMatch(/--out FILE/);
    expect(h.calls).toEqual([]);
  });

  it.skipIf(!TEXT_FONTS.some((f) => existsSync(f)))('--out writes the PDF and says what is still to do', async () => {
    const h = harness(fullRecord());
    const file = join(dir, 'c.pdf');
    expect(await h.run(['checklist', '--out', file, '--letter'])).toBe(0);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(h.out.stdout).toMatch(/^The checklist was written to .*c\.pdf \(\d+ bytes\)\.\nStill to do \(\d+\):\n/);
    expect(h.out.stdout).toContain('[ ] UPnP: Needs attention. A mapping to the NVR came back after deletion.');
  });

  it.skipIf(!TEXT_FONTS.some((f) => existsSync(f)) || spawnSync('pdftotext', ['-v']).error !== undefined)(
    'in the locale of LANG (en-XA): the PDF’s own words in it, the NVR as it came',
    async () => {
      const h = harness(fullRecord());
      const file = join(dir, 'xa.pdf');
      expect(await h.run(['checklist', '--out', file], 'en-XA')).toBe(0);
      const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain(LOCALES['en-XA'].messages.checklistPdf.steps.heading);
      expect(text).not.toContain('Still to do');
      expect(text).toContain('DS-7608NI-K2');
    },
  );

  it('a path that cannot be written: the plain message, exit 1', async () => {
    const h = harness(fullRecord());
    expect(await h.run(['checklist', '--out', join(dir, 'no', 'c.pdf')])).toBe(1);
    expect(h.out.stderr).toMatch(/^Error: The checklist could not be written to .*: The folder .* does not exist\.\n$/);
  });
});

describe('nvr-assist checklist: what is still to do, in the terminal’s language', () => {
  const meta = { madeAt: '2026-03-02T08:00:00.000Z', appVersion: '4.5.6' };
  const written = { path: '/tmp/c.pdf', bytes: 1234 };

  it('en-XA: each to-do’s reason said by key comes out pseudo, the step’s own reason too; not main’s English', () => {
    const c = buildChecklist(saidRecord(), meta);
    const xa = createTranslator('en-XA').t;
    const out = renderWritten(written, c, xa);
    const upnp = c.steps.find((s) => s.id === 'upnp')!;
    expect(out).toContain(
      `  [ ] ${xa('wizard.steps.upnp.title')}: ${xa('checklist.said.todo.attention')} ${xa('wizard.reasons.upnp.unreadable')}\n`,
    );
    expect(out).toContain(`  [ ] ${xa('wizard.steps.security.title')}: ${xa('checklist.said.todo.notStarted')}`);
    expect(out).not.toContain(upnp.reason!);
    expect(out).not.toContain('Needs attention.');
    expect(out).not.toContain('Not done yet.');
    // In English: the reasons exactly as the checklist carries them.
    const english = renderWritten(written, c, createTranslator('en').t);
    for (const todo of c.todo) expect(english).toContain(`  [ ] ${todo.title}: ${todo.reason}`);
    expect(english).toContain('  [ ] UPnP: Needs attention. The router’s UPnP mappings could not all be read.');
  });

  it('a record written before the reasons were said by key: that reason in English, whole, in any language', () => {
    const xa = createTranslator('en-XA').t;
    const out = renderWritten(written, buildChecklist(fullRecord(), meta), xa);
    expect(out).toContain(
      `  [ ] ${xa('wizard.steps.upnp.title')}: Needs attention. A mapping to the NVR came back after deletion.\n`,
    );
  });
});
