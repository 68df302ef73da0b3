// The Checklist step's channels, through the app core as the page calls them: `checklist.get` (the checklist of the
// saved setup, and the step judged again) and `checklist.export` (the file, PDF or JSON, recorded as the last
// export). What the user would lose: a password, token or key handed on in the file; a step shown as verified while
// the copy they keep no longer says what the setup says; a page that writes the record just by being opened.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../../src/main/app';
import { TEXT_FONTS } from '../../../../src/main/services/checklist/checklist-pdf';
import { createSetupStore } from '../../../../src/main/services/setup-store';
import { checklistSchema } from '../../../../src/shared/domain/checklist';
import type { InvokeChannel, InvokeInput, InvokeOutput } from '../../../../src/shared/ipc/contract';
import { LOCALES } from '../../../../src/shared/i18n';
import { HOME_PC } from '../../../support/fake-system';
import { NVR_NAME, SECRETS, fullRecord } from '../../shared/domain/checklist-fixture';

let dir = '';
let core: AppCore;
let clock = new Date('2026-03-02T08:00:00.000Z');

function start(record: unknown | null): void {
  if (record) writeFileSync(join(dir, 'setup.json'), JSON.stringify(record));
  core = createAppCore({
    dataDir: dir,
    mode: 'cli',
    version: '7.7.7',
    system: HOME_PC(),
    log: () => {},
    now: () => clock,
  });
}

async function call<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<InvokeOutput<C>> {
  const r = await core.dispatch(channel, input, { transport: 'test' });
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as InvokeOutput<C>;
}

const saved = () => JSON.parse(readFileSync(join(dir, 'setup.json'), 'utf8'));
const font = TEXT_FONTS.find((f) => existsSync(f));
const pdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'checklist-channels-'));
  clock = new Date('2026-03-02T08:00:00.000Z');
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('checklist.get', () => {
  it('gives the checklist of the saved setup, with none of the secrets planted in the record', async () => {
    start(fullRecord());
    const got = await call('checklist.get', {});
    expect(checklistSchema.parse(got.checklist)).toEqual(got.checklist);
    expect(got.checklist).toMatchObject({ appVersion: '7.7.7', nvr: { name: NVR_NAME, model: 'DS-7608NI-K2' } });
    expect(got).toMatchObject({ lastExport: null, current: false });
    const text = JSON.stringify(got);
    for (const s of SECRETS) {
      expect(JSON.stringify(fullRecord())).toContain(s);
      expect(text).not.toContain(s);
    }
  });

  it('at the start of a journey: every step to do, and opening the page writes nothing', async () => {
    start(null);
    const got = await call('checklist.get', {});
    expect(got.checklist.todo.map((t) => t.step)).toEqual(got.checklist.steps.map((s) => s.id));
    expect(got.checklist.todo.find((t) => t.step === 'checklist')).toMatchObject({ status: 'not-started' });
    expect(existsSync(join(dir, 'setup.json'))).toBe(false);
  });
});

describe('checklist.export', () => {
  it('JSON: the checklist with its own step done, no secret; recorded; the step verified until the setup changes', async () => {
    start(fullRecord());
    const out = await call('checklist.export', { format: 'json' });
    expect(out).toMatchObject({ fileName: 'nvr-checklist-2026-03-02.json', mediaType: 'application/json' });
    const text = Buffer.from(out.base64, 'base64').toString('utf8');
    expect(out.bytes).toBe(Buffer.byteLength(text));
    for (const s of SECRETS) expect(text).not.toContain(s);
    const file = checklistSchema.parse(JSON.parse(text));
    expect(file.steps.find((s) => s.id === 'checklist')).toMatchObject({ status: 'verified', verifiedAt: file.madeAt });
    expect(file.todo.map((t) => t.step)).not.toContain('checklist');
    expect(file.todo.map((t) => t.step)).toContain('upnp');

    const record = saved();
    expect(record.checklist.lastExport).toEqual({ ...out.export, format: 'json', paper: null });
    expect(record.steps.checklist).toMatchObject({ status: 'verified', updatedAt: out.export.at });
    expect(await call('checklist.get', {})).toMatchObject({ current: true, lastExport: out.export });
    expect(saved().steps.checklist.status).toBe('verified');

    // Another step changes (the DDNS name stops pointing here): the copy the user keeps is out of date.
    clock = new Date('2026-03-03T08:00:00.000Z');
    await createSetupStore(join(dir, 'setup.json')).update((d) => {
      d.steps.ddns = { status: 'attention', updatedAt: clock.toISOString(), reason: 'The name points elsewhere.' };
    });
    const after = await call('checklist.get', {});
    expect(after.current).toBe(false);
    expect(saved().steps.checklist).toMatchObject({
      status: 'attention',
      reason: `The setup changed after the checklist of ${out.export.at} was downloaded: download it again.`,
    });
    expect(after.checklist.steps.find((s) => s.id === 'checklist')).toMatchObject({ status: 'attention' });

    // Downloaded again: verified again.
    await call('checklist.export', { format: 'json' });
    expect(saved().steps.checklist.status).toBe('verified');
  });

  it('a second look at an unchanged setup writes nothing more', async () => {
    start(fullRecord());
    await call('checklist.export', { format: 'json' });
    const before = readFileSync(join(dir, 'setup.json'), 'utf8');
    clock = new Date('2026-03-05T08:00:00.000Z');
    await call('checklist.get', {});
    expect(readFileSync(join(dir, 'setup.json'), 'utf8')).toBe(before);
  });

  it('a paper given with JSON, an unknown format or key, no format: refused before anything is made', async () => {
    start(fullRecord());
    for (const input of [{ format: 'json', paper: 'a4' }, { format: 'pdf', extra: 1 }, { format: 'docx' }, {}]) {
      const r = await core.dispatch('checklist.export', input, { transport: 'test' });
      expect(r.ok).toBe(false);
    }
    expect(saved().checklist.lastExport).toBeNull();
  });

  it('a locale: a short tag taken (an unknown one too), one of 200 characters or with JSON refused', async () => {
    start(fullRecord());
    for (const input of [
      { format: 'pdf', locale: `en${'-abcdefgh'.repeat(22)}` }, // 200 characters, each part well formed
      { format: 'pdf', locale: 'en XA<' },
      { format: 'json', locale: 'en' },
    ]) {
      const r = await core.dispatch('checklist.export', input, { transport: 'test' });
      expect(r.ok, JSON.stringify(input)).toBe(false);
    }
    expect(saved().checklist.lastExport).toBeNull();
    if (!font) return;
    for (const locale of ['en-XA', 'fr-CA'])
      expect((await call('checklist.export', { format: 'pdf', locale })).export.format).toBe('pdf');
  });

  it.skipIf(!font || !pdftotext)(
    'PDF with locale en-XA: its own words pseudo-localised, the NVR as it came; an unknown tag: English',
    async () => {
      start(fullRecord());
      const textOf = async (locale: string) => {
        const out = await call('checklist.export', { format: 'pdf', locale });
        const file = join(dir, `${locale}.pdf`);
        writeFileSync(file, Buffer.from(out.base64, 'base64'));
        return spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout;
      };
      const xa = await textOf('en-XA');
      expect(xa).toContain(LOCALES['en-XA'].messages.checklistPdf.todo.heading);
      expect(xa).not.toContain('Still to do');
      expect(xa).toContain('DS-7608NI-K2');
      const unknown = await textOf('tlh');
      expect(unknown).toContain('Still to do');
    },
  );

  it.skipIf(!font)('PDF on Letter: a PDF of Letter size, named so; recorded with its paper', async () => {
    start(fullRecord());
    const out = await call('checklist.export', { format: 'pdf', paper: 'letter' });
    const pdf = Buffer.from(out.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'))?.slice(1)).toEqual(['612', '792']);
    expect(out).toMatchObject({ fileName: 'nvr-checklist-2026-03-02-letter.pdf', mediaType: 'application/pdf' });
    expect(out.bytes).toBe(pdf.length);
    expect(saved().checklist.lastExport).toMatchObject({ format: 'pdf', paper: 'letter' });
  });

  it.skipIf(!font || !pdftotext)('PDF on A4: its text names the NVR and none of the secrets', async () => {
    start(fullRecord());
    const out = await call('checklist.export', { format: 'pdf' });
    const file = join(dir, 'c.pdf');
    writeFileSync(file, Buffer.from(out.base64, 'base64'));
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('DS-7608NI-K2');
    expect(text).toContain('Still to do');
    for (const s of SECRETS) expect(text).not.toContain(s);
    expect(out.fileName).toBe('nvr-checklist-2026-03-02.pdf');
  });
});
