import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildChecklist } from '../../../../src/shared/domain/checklist';
import {
  ChecklistPdfError,
  TEXT_FONTS,
  renderChecklistPdf,
  writeChecklistPdf,
  writeFileAtomically,
} from '../../../../src/main/services/checklist/checklist-pdf';
import { fullRecord } from '../../shared/domain/checklist-fixture';

const checklist = buildChecklist(fullRecord(), { madeAt: '2026-03-02T08:00:00.000Z', appVersion: '1.2.3' });
const font = TEXT_FONTS.find((f) => existsSync(f));
let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'checklist-pdf-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The page size in the PDF's MediaBox. */
const mediaBox = (pdf: Buffer) => /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'))?.slice(1);

describe.skipIf(!font)('the checklist PDF', () => {
  it('is a PDF with an embedded TrueType font (not a standard one) on A4 by default and on Letter when asked', async () => {
    const a4 = await renderChecklistPdf(checklist, { fonts: { text: font! } });
    expect(a4.subarray(0, 5).toString()).toBe('%PDF-');
    expect(mediaBox(a4)).toEqual(['595.28', '841.89']);
    expect(a4.toString('latin1')).toMatch(/\/FontFile2/);
    const letter = await renderChecklistPdf(checklist, { paper: 'letter', fonts: { text: font! } });
    expect(mediaBox(letter)).toEqual(['612', '792']);
  });

  it('writes the file whole and says where and how many bytes', async () => {
    const out = join(dir, 'c.pdf');
    const r = await writeChecklistPdf(out, checklist, { fonts: { text: font! } });
    expect(r).toEqual({ path: out, bytes: readFileSync(out).length });
    expect(readdirSync(dir)).toEqual(['c.pdf']);
  });
});

describe('writing the checklist file', () => {
  it('a font that cannot be read: a plain ChecklistPdfError naming it', async () => {
    const bad = join(dir, 'bad.ttf');
    writeFileSync(bad, 'not a font');
    await expect(renderChecklistPdf(checklist, { fonts: { text: bad } })).rejects.toThrow(ChecklistPdfError);
    await expect(renderChecklistPdf(checklist, { fonts: { text: bad } })).rejects.toThrow(/bad\.ttf could not be read/);
  });

  it('a folder that does not exist: a plain message, no temporary file', async () => {
    await expect(writeFileAtomically(join(dir, 'nope', 'c.pdf'), Buffer.from('x'))).rejects.toThrow(
      /could not be written to .*c\.pdf: The folder .*nope does not exist\./,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a path that is a folder: refused, the folder untouched', async () => {
    await expect(writeFileAtomically(dir, Buffer.from('x'))).rejects.toThrow(/is a folder\./);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an older file of that name is replaced whole, never left half written', async () => {
    const out = join(dir, 'c.pdf');
    writeFileSync(out, 'old');
    await writeFileAtomically(out, Buffer.from('new content'));
    expect(readFileSync(out, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['c.pdf']);
  });
});
