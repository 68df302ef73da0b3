import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildChecklist } from '../../../../src/shared/domain/checklist';
import { phoneTest } from '../../../../src/shared/domain/checklist-phone-test';
import { stepReasonIn, todoReasonIn, topologyIn } from '../../../../src/shared/domain/checklist-said';
import {
  ChecklistPdfError,
  TEXT_FONTS,
  renderChecklistPdf,
  writeChecklistPdf,
  writeFileAtomically,
} from '../../../../src/main/services/checklist/checklist-pdf';
import { RISK_COLOURS } from '../../../../src/shared/domain/topology';
import { LOCALES, createTranslator, pseudoLocalize } from '../../../../src/shared/i18n';
import { sayIn, type Said } from '../../../../src/shared/i18n/said';
import { NVR_NAME, fullRecord, saidRecord } from '../../shared/domain/checklist-fixture';

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

/** The PDF's page content streams, inflated (pdfkit compresses them). */
function pageContent(pdf: Buffer): string {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    const from = pdf[start + 6] === 0x0d ? start + 8 : start + 7;
    const end = pdf.indexOf('endstream', from, 'latin1');
    try {
      out.push(inflateSync(pdf.subarray(from, end)).toString('latin1'));
    } catch {
      // A stream that is not Flate (a font program).
    }
    at = end + 9;
  }
  return out.join('\n');
}
/** Whether the content sets this stroke colour (pdfkit writes "r g b SCN", each 0–1). */
const strokes = (content: string, hex: string) =>
  [...content.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) SCN/g)].some((m) =>
    [1, 3, 5].every((i, j) => Math.abs(Number(m[j + 1]) - parseInt(hex.slice(i, i + 2), 16) / 255) < 0.001),
  );
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!font || !hasPoppler)('the checklist PDF: the security score and the topology picture', () => {
  it('prints the score and every fix in order of worth, and the picture’s sentences (its text equivalent)', async () => {
    const out = join(dir, 'c.pdf');
    await writeChecklistPdf(out, checklist, { fonts: { text: font! } });
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Security score 35 / 100 (Security check of 2026-03-01T10:00:00.000Z) — high risk');
    const at = checklist.security!.fixes.map((f, i) => text.indexOf(`${i + 1}. +${f.worth} points: ${f.title}`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain(checklist.security!.fixes[0]!.fix);
    expect(text).toContain('How your NVR is reached');
    for (const sentence of checklist.topology.sentences) expect(text).toContain(sentence);
    // The picture's own words: each box, and each port with its risk said (colour is never the only signal).
    for (const words of [
      'Your router',
      'NVR: Hikvision DS-7608NI-K2',
      '192.168.1.20 · high risk',
      '8443/tcp → NVR: Hikvision DS-7608NI-K2 · medium risk',
      '8000/tcp (UPnP) → NVR: Hikvision DS-7608NI-K2 · high risk',
    ])
      expect(text).toContain(words);
  });

  it('draws the picture as vectors in the risk colours: rounded boxes, high-risk lines red, medium amber, dashed UPnP', async () => {
    const content = pageContent(await renderChecklistPdf(checklist, { fonts: { text: font! } }));
    expect(strokes(content, RISK_COLOURS.high.stroke)).toBe(true);
    expect(strokes(content, RISK_COLOURS.medium.stroke)).toBe(true);
    expect(strokes(content, RISK_COLOURS.low.stroke)).toBe(false); // no VPN in this setup: nothing low
    expect(content).toMatch(/\[[\d.]+ [\d.]+\] 0 d/); // a dash pattern (the UPnP mapping)
    expect((content.match(/ c\n/g) ?? []).length).toBeGreaterThanOrEqual(4 * 3); // rounded corners: curves
  });

  it('a checklist with no Security check says so, and still draws the picture', async () => {
    const out = join(dir, 'n.pdf');
    await writeChecklistPdf(out, { ...checklist, security: null }, { fonts: { text: font! } });
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Security score\s+Not checked yet \(Security step\)\./);
    expect(text).toContain('How your NVR is reached');
  });
});

describe.skipIf(!font || !hasPoppler)('the checklist PDF in the user’s language', () => {
  it('en-XA: its own words pseudo-localised (headings, labels, legend), what the checklist carries as it came', async () => {
    const out = join(dir, 'xa.pdf');
    const pdf = await renderChecklistPdf(checklist, { fonts: { text: font! }, translator: createTranslator('en-XA') });
    writeFileSync(out, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const words = LOCALES['en-XA'].messages.checklistPdf;
    for (const heading of [
      words.title,
      words.nvr.heading,
      words.steps.heading,
      words.security.heading,
      words.picture.heading,
      words.ports.heading,
      words.rules.heading,
      words.upnp.heading,
      words.todo.heading,
    ]) {
      expect(heading).toMatch(/^\[.+\]$/);
      expect(text).toContain(heading);
    }
    for (const english of ['Security score', 'How your NVR is reached', 'Forward rules in the router', 'Still to do'])
      expect(text).not.toContain(english);
    // A label keeps its value as it came, in the pseudo words around it.
    expect(text).toContain(pseudoLocalize('Firmware: {firmware}').replace('{firmware}', checklist.nvr.firmware!));
    // The data: the NVR's name and model, its address, a step's reason, a fix, the picture's boxes and sentences; the
    // reason, the fix and the picture's words in the reader's language where main said them by key
    // (checklist-said.ts, topology-words.ts), the names and addresses in them as they came.
    const xa = createTranslator('en-XA');
    const fix = checklist.security!.fixes[0]!;
    const picture = topologyIn(xa, checklist.topology);
    for (const data of [
      NVR_NAME.replace('監視', ''),
      'DS-7608NI-K2',
      checklist.nvr.address!,
      todoReasonIn(xa, checklist.todo[0]!),
      sayIn(xa, fix.said?.title, fix.title),
      'Hikvision DS-7608NI-K2',
      xa.t('checklist.topology.internet'),
      xa.t('checklist.topology.router'),
      ...picture.sentences,
    ])
      expect(text).toContain(data);
    // The picture's words are not main's English any more: its boxes and its sentences.
    expect(checklist.topology.said?.sentences.every((s) => s !== null)).toBe(true);
    for (const english of ['NVR: Hikvision DS-7608NI-K2', 'Your router', ...checklist.topology.sentences])
      expect(text).not.toContain(english);
    expect(pdf.toString('latin1')).toContain('/Lang (en-XA)');
  });

  it('English by default: the same words as an English translator gives, and /Lang en', async () => {
    const pdf = await renderChecklistPdf(checklist, { fonts: { text: font! } });
    expect(pdf.toString('latin1')).toContain('/Lang (en)');
    const out = join(dir, 'en.pdf');
    writeFileSync(out, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('The NVR Name: ' + NVR_NAME.replace('監視', ''));
    expect(text).toMatch(/UPnP IGD answers, NAT-PMP does not answer; 1 mapping; 0 deleted by the app\./);
  });
});

/** The PDF's text as pdftotext reads it, its white space made single spaces. */
function pdfText(pdf: Buffer, name: string): string {
  const out = join(dir, name);
  writeFileSync(out, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
/** A sentence as pdftotext gives it back: one line, the Japanese (no fallback font given here) drawn as "?". */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').replace(/[監視]/g, '?');

describe.skipIf(!font || !hasPoppler)('the checklist PDF: main’s words said by key, in the reader’s language', () => {
  const meta = { madeAt: '2026-03-02T08:00:00.000Z', appVersion: '1.2.3' };
  const c = buildChecklist(saidRecord(), meta);
  const xa = createTranslator('en-XA');
  /** Each of main's sentences the PDF shows, by key and in English. */
  const fix = c.security!.fixes[0]!;
  const pa = c.internet.publicAddress!;
  const upnp = c.steps.find((s) => s.id === 'upnp')!;
  const sentences: Array<[Said | undefined, string]> = [
    [upnp.said, upnp.reason!],
    [fix.said?.title, fix.title],
    [fix.said?.fix, fix.fix],
    ...c.forwardRules!.rules.map((r) => [r.said, r.why] as [Said | undefined, string]),
    ...c.forwardRules!.notes.map((n) => [n.said, n.text] as [Said | undefined, string]),
    ...c.upnp!.findings.map((f) => [f.said, f.text] as [Said | undefined, string]),
    [c.ddns.check!.said, c.ddns.check!.words],
    [pa.said?.title, pa.title],
    [pa.said?.advice, pa.advice],
    [c.nvr.said, c.nvr.addressBasis],
  ];

  it('en-XA: a step’s reason, the fixes, the rules’ why and notes, UPnP’s findings, the DDNS check, the verdict, the to-dos', async () => {
    const text = pdfText(await renderChecklistPdf(c, { fonts: { text: font! }, translator: xa }), 'said-xa.pdf');
    for (const [said, english] of sentences) {
      expect(said, english).toBeDefined();
      expect(text).toContain(oneLine(sayIn(xa, said, english)));
      expect(text).not.toContain(oneLine(english));
    }
    for (const todo of c.todo) {
      expect(todo.said, todo.step).toBeDefined();
      expect(text).toContain(oneLine(todoReasonIn(xa, todo)));
    }
    expect(text).toContain(oneLine(stepReasonIn(xa, upnp)!));
    expect(text).not.toContain('Not done yet.');
    expect(text).not.toContain('Needs attention.');
    // The steps' titles and status words: the wizard's and the checklist's words by key.
    expect(text).toContain(`${xa.t('wizard.steps.upnp.title')}: ${xa.t('checklist.status.attention')}`);
    expect(text).not.toContain('UPnP: needs attention');
    expect(text).not.toContain('Find your NVR');
  });

  it('English: the very sentences the checklist carries; a record without them: their English in any language', async () => {
    const english = pdfText(await renderChecklistPdf(c, { fonts: { text: font! } }), 'said-en.pdf');
    for (const [, words] of sentences) expect(english).toContain(oneLine(words));
    for (const todo of c.todo) expect(english).toContain(oneLine(todo.reason));
    // A checklist written before it carried words by key (its JSON kept from then): in en-XA, main's English as it came.
    const old = JSON.parse(JSON.stringify(c, (k, v: unknown) => (k === 'said' ? undefined : v))) as typeof c;
    const text = pdfText(await renderChecklistPdf(old, { fonts: { text: font! }, translator: xa }), 'old-xa.pdf');
    for (const [, words] of sentences) expect(text).toContain(oneLine(words));
    for (const todo of c.todo) expect(text).toContain(oneLine(todo.reason));
    expect(text).toContain(LOCALES['en-XA'].messages.checklistPdf.todo.heading);
  });
});

describe.skipIf(!font || !hasPoppler)('the checklist PDF: the test from a phone', () => {
  it('draws a QR code a phone can scan, holding the NVR’s page through the HTTPS rule on the DDNS name, and says it in words', async () => {
    const out = join(dir, 'c.pdf');
    await writeChecklistPdf(out, checklist, { fonts: { text: font! } });
    const want = phoneTest(checklist);
    expect(want).not.toBeNull();
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('The test from your phone');
    expect(text).toContain(want!.text);
    expect(text).toContain('mobile data (Wi-Fi off)');
    // Every page rendered and searched for a QR code: the one found holds exactly the phone test's text.
    execFileSync('pdftoppm', ['-png', '-r', '110', out, join(dir, 'page')]);
    const found = readdirSync(dir)
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .map((f) => {
        const img = PNG.sync.read(readFileSync(join(dir, f)));
        return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data ?? null;
      })
      .filter((d) => d !== null);
    expect(found).toEqual([want!.text]);
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
