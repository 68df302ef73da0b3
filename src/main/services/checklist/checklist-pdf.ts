import { resolve } from 'node:path';
import type PDFDocumentClass from 'pdfkit';
import type { Checklist } from '../../../shared/domain/checklist-schema';
import { createTranslator, type Translator } from '../../../shared/i18n';
import { chooseFonts, writeFileAtomically } from './checklist-pdf-file';
import { drawDdns, drawInternet, drawTodo, drawUpnp, drawVpn } from './checklist-pdf-outside';
import { createPen, registerFonts } from './checklist-pdf-pen';
import {
  drawNvr,
  drawPictureSection,
  drawPorts,
  drawRules,
  drawSecurity,
  drawSteps,
  drawTitle,
} from './checklist-pdf-sections';

// The checklist as a PDF the user keeps and prints: real text (selectable, searchable), the fonts embedded (as
// subsets), vector check boxes (a drawn square, ticked for a verified step), A4 or Letter. Made offline with pdfkit.
// Its own words are in the user's language (the checklistPdf group of shared/i18n); what the checklist carries (steps,
// reasons, findings, verdicts, addresses, the picture's boxes and sentences) is main's: a reason, a finding, a fix or
// a verdict main said by key is in the user's language too (checklist-said.ts), the rest is written as it came.
// The parts: the fonts and the file (checklist-pdf-file.ts), the drawing primitives (checklist-pdf-pen.ts), the
// picture (checklist-pdf-picture.ts) and the sections (checklist-pdf-sections.ts, checklist-pdf-outside.ts).

export { ChecklistPdfError, FALLBACK_FONTS, TEXT_FONTS, writeFileAtomically } from './checklist-pdf-file';

export type Paper = 'a4' | 'letter';

export interface ChecklistPdfOptions {
  paper?: Paper;
  /** The fonts to use (tests); absent: the first of TEXT_FONTS found, and every FALLBACK_FONTS found. */
  fonts?: { text: string; fallbacks?: readonly string[] };
  /** The language of the PDF's own words (and its /Lang); English when absent. */
  translator?: Translator;
}

const PAPER: Record<Paper, string> = { a4: 'A4', letter: 'LETTER' };

/** Makes the PDF in memory. */
export async function renderChecklistPdf(checklist: Checklist, options: ChecklistPdfOptions = {}): Promise<Buffer> {
  const fonts = chooseFonts(options.fonts);
  const { t, locale } = options.translator ?? createTranslator();
  // Loaded when a PDF is made, not with the app: pdfkit (and its font engine) is large, and every command would pay.
  const PDFDocument = (await import('pdfkit')).default as typeof PDFDocumentClass;
  const doc = new PDFDocument({
    size: PAPER[options.paper ?? 'a4'],
    margin: 50,
    lang: locale.intl,
    displayTitle: true,
    info: {
      Title: t('checklistPdf.title'),
      Creator: `NVR Remote-Access Assistant ${checklist.appVersion}`,
      CreationDate: new Date(checklist.madeAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c) => chunks.push(c));
  const ended = new Promise<void>((res, rej) => {
    doc.on('end', res);
    doc.on('error', rej);
  });
  const pen = createPen(doc, registerFonts(doc, fonts));

  drawTitle(pen, checklist, t);
  drawNvr(pen, checklist, t);
  drawSteps(pen, checklist, t);
  drawSecurity(pen, checklist, t);
  drawPictureSection(pen, checklist, t);
  drawPorts(pen, checklist, t);
  drawRules(pen, checklist, t);
  drawUpnp(pen, checklist, t);
  await drawDdns(pen, checklist, t);
  drawInternet(pen, checklist, t);
  drawVpn(pen, checklist, t);
  drawTodo(pen, checklist, t);

  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Makes the PDF and writes it atomically; returns where and how many bytes. */
export async function writeChecklistPdf(
  file: string,
  checklist: Checklist,
  options: ChecklistPdfOptions = {},
): Promise<{ path: string; bytes: number }> {
  const pdf = await renderChecklistPdf(checklist, options);
  await writeFileAtomically(file, pdf);
  return { path: resolve(file), bytes: pdf.length };
}
