import type PDFDocumentClass from 'pdfkit';
import { deviceText } from '../../../shared/text/device-text';
import { ChecklistPdfError } from './checklist-pdf-file';

// The checklist PDF's drawing primitives on one pdfkit document: text in runs (each with the first font that has its
// characters), headings, check boxes, labels that never wrap, and the room left on the page.

export type PdfDoc = PDFDocumentClass;
type Run = { font: string; text: string };

export const GREY = '#555555';
const BOX = 9;

/** The drawing primitives the sections use (createPen). */
export interface Pen {
  readonly doc: PdfDoc;
  /** The width of the text area. */
  width(): number;
  write(line: string, size?: number, opts?: { color?: string; indent?: number }): void;
  /** A new page when less than `height` points are left on this one. */
  room(height: number): void;
  heading(title: string): void;
  /** A check box (a drawn square; ticked when done) and its text beside it. */
  box(done: boolean, line: string, note?: string | null): void;
  label(text: string, x: number, y: number, size: number, color: string, max: number, fit: number): void;
  /** A line of the checklist (9.5 pt), indented by `indent` points. */
  line(text: string, indent?: number): void;
  /** A section with nothing in it, said in grey. */
  none(text: string): void;
}

/**
 * Registers the text font and its fallbacks on the document: each font's name, and whether it has a character. A
 * font that cannot be read ends the document and throws a plain ChecklistPdfError naming it.
 */
export function registerFonts(
  doc: PdfDoc,
  fonts: { text: string; fallbacks: string[] },
): { names: string[]; coverage: Array<(cp: number) => boolean> } {
  const names = ['text', ...fonts.fallbacks.map((_, i) => `fallback${i}`)];
  const coverage = names.map((n, i) => {
    try {
      doc.registerFont(n, i === 0 ? fonts.text : fonts.fallbacks[i - 1]!);
      doc.font(n);
    } catch (err) {
      doc.end();
      throw new ChecklistPdfError(
        `The font ${i === 0 ? fonts.text : fonts.fallbacks[i - 1]} could not be read: ${(err as Error).message}`,
      );
    }
    const font = doc._font?.font;
    return (cp: number) => font?.hasGlyphForCodePoint?.(cp) ?? false;
  });
  return { names, coverage };
}

/** The primitives on `doc`, with the fonts registerFonts gave. */
export function createPen(doc: PdfDoc, { names, coverage }: ReturnType<typeof registerFonts>): Pen {
  /** Splits a line into runs each drawn with the first font that has its characters. */
  function runs(line: string): Run[] {
    const out: Run[] = [];
    for (const ch of line) {
      const cp = ch.codePointAt(0)!;
      // Control characters (a device's text may carry them) become spaces; a space is in every font.
      const at = cp <= 0x20 || cp === 0x7f ? 0 : coverage.findIndex((has) => has(cp));
      const font = names[Math.max(at, 0)]!;
      const piece = cp <= 0x20 || cp === 0x7f ? ' ' : at < 0 ? '?' : ch;
      const last = out[out.length - 1];
      if (last && last.font === font) last.text += piece;
      else out.push({ font, text: piece });
    }
    return out.length ? out : [{ font: 'text', text: '' }];
  }
  const width = () => doc.page.width - doc.page.margins.left - doc.page.margins.right;
  function write(line: string, size = 10, opts: { color?: string; indent?: number } = {}): void {
    const x = doc.page.margins.left + (opts.indent ?? 0);
    doc.fontSize(size).fillColor(opts.color ?? 'black');
    const parts = runs(line);
    parts.forEach((p, i) => {
      const continued = i < parts.length - 1;
      doc.font(p.font);
      if (i === 0) doc.text(p.text, x, doc.y, { width: width() - (opts.indent ?? 0), continued, lineGap: 1 });
      else doc.text(p.text, { continued, lineGap: 1 });
    });
  }
  function room(height: number): void {
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  }
  function heading(title: string): void {
    room(60);
    doc.moveDown(0.6);
    write(title, 13);
    doc.moveDown(0.2);
  }
  function box(done: boolean, line: string, note?: string | null): void {
    room(30);
    const x = doc.page.margins.left;
    const y = doc.y + 1;
    doc.lineWidth(0.8).strokeColor('black').rect(x, y, BOX, BOX).stroke();
    if (done)
      doc
        .lineWidth(1.4)
        .moveTo(x + 1.8, y + 4.8)
        .lineTo(x + 3.8, y + 7.2)
        .lineTo(x + 7.6, y + 1.8)
        .stroke();
    write(line, 10, { indent: BOX + 6 });
    if (note) write(note, 8.5, { indent: BOX + 6, color: GREY });
    doc.moveDown(0.15);
  }
  /** The width of a line drawn in runs (each with its font) at `size`. */
  function runsWidth(parts: Run[], size: number): number {
    doc.fontSize(size);
    return parts.reduce((sum, p) => sum + doc.font(p.font).widthOfString(p.text), 0);
  }
  /**
   * One line of text at a place (a label in the picture), never wrapped: the device-text sanitiser first (at most
   * `max` characters), then smaller down to 5 pt to fit `fit` points, then cut with "…".
   */
  function label(text: string, x: number, y: number, size: number, color: string, max: number, fit: number): void {
    let clean = deviceText(text, max);
    let parts = runs(clean);
    let s = size;
    while (s > 5 && runsWidth(parts, s) > fit) s -= 0.5;
    while (clean.length > 1 && runsWidth(parts, s) > fit) {
      clean = `${[...clean].slice(0, -2).join('')}…`;
      parts = runs(clean);
    }
    doc.fontSize(s).fillColor(color);
    parts.forEach((p, i) => {
      const continued = i < parts.length - 1;
      doc.font(p.font);
      if (i === 0) doc.text(p.text, x, y, { continued, lineBreak: false });
      else doc.text(p.text, { continued, lineBreak: false });
    });
  }
  const line = (text: string, indent = 0) => write(text, 9.5, { indent });
  const none = (text: string) => write(text, 9.5, { color: GREY });
  return { doc, width, write, room, heading, box, label, line, none };
}
