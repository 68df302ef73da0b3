import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type PDFDocumentClass from 'pdfkit';
import { phoneTest } from '../../../shared/domain/checklist-phone-test';
import { CHECKLIST_STATUS_WORDS, type Checklist } from '../../../shared/domain/checklist-schema';
import { RISK_COLOURS } from '../../../shared/domain/topology';
import { deviceText } from '../../../shared/text/device-text';

// The checklist as a PDF the user keeps and prints: real text (selectable, searchable), the fonts embedded (as
// subsets), vector check boxes (a drawn square, ticked for a verified step), A4 or Letter. Made offline with pdfkit.

export type Paper = 'a4' | 'letter';

/** A plain-words failure (a font missing, a path that cannot be written): the CLI prints its message as it is. */
export class ChecklistPdfError extends Error {
  override name = 'ChecklistPdfError';
}

/**
 * Where a Unicode TrueType font is looked for, in order: the text font (Latin, Greek, Cyrillic, symbols) and then
 * fallbacks for the characters it lacks (Chinese, Japanese, Korean). A character no font has is drawn as "?".
 */
export const TEXT_FONTS = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  '/Library/Fonts/Arial.ttf',
];
export const FALLBACK_FONTS = [
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/usr/share/fonts/truetype/arphic/uming.ttc',
  'C:\\Windows\\Fonts\\simsunb.ttf',
  '/System/Library/Fonts/Supplemental/Arial Unicode.ttf',
  '/Library/Fonts/Arial Unicode.ttf',
];

export interface ChecklistPdfOptions {
  paper?: Paper;
  /** The fonts to use (tests); absent: the first of TEXT_FONTS found, and every FALLBACK_FONTS found. */
  fonts?: { text: string; fallbacks?: readonly string[] };
}

function chooseFonts(given: ChecklistPdfOptions['fonts']): { text: string; fallbacks: string[] } {
  if (given) return { text: given.text, fallbacks: [...(given.fallbacks ?? [])] };
  const text = TEXT_FONTS.find((f) => existsSync(f));
  if (!text)
    throw new ChecklistPdfError(
      `No font to write the PDF with was found (looked for ${TEXT_FONTS[0]} and others). On Debian or Ubuntu: ` +
        'apt-get install fonts-dejavu-core. The checklist is also available as JSON (--json).',
    );
  return { text, fallbacks: FALLBACK_FONTS.filter((f) => f.endsWith('.ttf') && existsSync(f)) };
}

const PAPER: Record<Paper, string> = { a4: 'A4', letter: 'LETTER' };
const GREY = '#555555';
const BOX = 9;

/** Makes the PDF in memory. */
export async function renderChecklistPdf(checklist: Checklist, options: ChecklistPdfOptions = {}): Promise<Buffer> {
  const fonts = chooseFonts(options.fonts);
  // Loaded when a PDF is made, not with the app: pdfkit (and its font engine) is large, and every command would pay.
  const PDFDocument = (await import('pdfkit')).default as typeof PDFDocumentClass;
  const doc = new PDFDocument({
    size: PAPER[options.paper ?? 'a4'],
    margin: 50,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: 'NVR remote access — checklist',
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

  /** Splits a line into runs each drawn with the first font that has its characters. */
  function runs(line: string): Array<{ font: string; text: string }> {
    const out: Array<{ font: string; text: string }> = [];
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
  /** A check box (a drawn square; ticked when done) and its text beside it. */
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
  function runsWidth(parts: Array<{ font: string; text: string }>, size: number): number {
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
  /**
   * The topology picture as vectors, from the same layout as the page's SVG: boxes and arrows coloured by risk, and
   * every box and exposure saying its risk in words too; dashed: a UPnP mapping or the VPN. Scaled to the page.
   */
  function picture(t: Checklist['topology']): void {
    const maxH = (doc.page.height - doc.page.margins.top - doc.page.margins.bottom) * 0.7;
    const k = Math.min(1, width() / t.width, maxH / t.height);
    room(t.height * k + 10);
    const ox = doc.page.margins.left;
    const oy = doc.y + 4;
    const X = (x: number) => ox + x * k;
    const Y = (y: number) => oy + y * k;
    const byId = new Map(t.boxes.map((b) => [b.id, b]));
    const head = (x: number, y: number, dx: number, dy: number, color: string) => {
      const s = 6 * Math.max(k, 0.6);
      doc
        .polygon(
          [x, y],
          [x - dx * s - dy * s * 0.5, y - dy * s - dx * s * 0.5],
          [x - dx * s + dy * s * 0.5, y - dy * s + dx * s * 0.5],
        )
        .fill(color);
    };
    let n = 0;
    // The labels start right of every exposure's rising line, so no line strikes through one.
    const rising = t.arrows.filter((a) => a.label).length;
    for (const a of t.arrows) {
      const from = byId.get(a.from);
      const to = byId.get(a.to);
      if (!from || !to) continue;
      const color = RISK_COLOURS[a.risk].stroke;
      doc.strokeColor(color);
      if (!a.label) {
        const [x1, y1, x2, y2] = [X(from.x + from.w), Y(from.y + from.h / 2), X(to.x), Y(to.y + to.h / 2)];
        doc.lineWidth(1).moveTo(x1, y1).lineTo(x2, y2).stroke();
        const len = Math.hypot(x2 - x1, y2 - y1) || 1;
        head(x2, y2, (x2 - x1) / len, (y2 - y1) / len, color);
        continue;
      }
      const lineY = 20 + n * 18;
      const x1 = from.x + from.w / 2 + n * 8;
      const x2 = to.x + 30 + n * 10;
      doc.lineWidth(a.risk === 'high' ? 2 : 1.5);
      if (a.dashed) doc.dash(5 * k + 1, { space: 3 * k + 1 });
      doc
        .moveTo(X(x1), Y(from.y))
        .lineTo(X(x1), Y(lineY + 4))
        .lineTo(X(x2), Y(lineY + 4))
        .lineTo(X(x2), Y(to.y) - 1)
        .stroke();
      doc.undash();
      head(X(x2), Y(to.y), 0, 1, color);
      const lx = from.x + from.w / 2 + rising * 8 + 4;
      label(
        `${a.label} → ${to.label} · ${a.risk} risk`,
        X(lx),
        Y(lineY) - 12 * k,
        11 * k + 1,
        color,
        80,
        ox + width() - X(lx),
      );
      n++;
    }
    for (const b of t.boxes) {
      const c = RISK_COLOURS[b.risk];
      doc
        .lineWidth(b.risk === 'high' ? 2.2 : 1)
        .roundedRect(X(b.x), Y(b.y), b.w * k, b.h * k, 8 * k)
        .fillAndStroke(c.fill, c.stroke);
      label(b.label, X(b.x + 10), Y(b.y + 12), 13 * k + 1, '#1b1f24', 48, (b.w - 20) * k);
      label(b.detail, X(b.x + 10), Y(b.y + 36), 11 * k + 1, '#3b4650', 64, (b.w - 20) * k);
    }
    doc.fillColor('black').strokeColor('black').lineWidth(1);
    doc.x = ox;
    doc.y = oy + t.height * k + 6;
  }

  const line = (text: string, indent = 0) => write(text, 9.5, { indent });
  const none = (text: string) => write(text, 9.5, { color: GREY });

  const c = checklist;
  write('NVR remote access — checklist', 18);
  write(
    `Made ${c.madeAt} by NVR Remote-Access Assistant ${c.appVersion} · setup last changed ${c.recordUpdatedAt ?? 'unknown'} · checklist format ${c.format} v${c.schemaVersion}`,
    8.5,
    { color: GREY },
  );

  heading('The NVR');
  if (!c.nvr.chosen) none('No NVR chosen yet (Find step).');
  else {
    const dash = (v: string | null) => v ?? '—';
    line(`Name: ${dash(c.nvr.name)}`);
    line(`Brand and model: ${dash(c.nvr.brand)} ${c.nvr.model ?? ''}`.trim());
    line(`Firmware: ${dash(c.nvr.firmware)}`);
    line(`MAC: ${dash(c.nvr.mac)}`);
    line(`Address: ${dash(c.nvr.address)} (${c.nvr.addressKind}) — ${c.nvr.addressBasis}`);
  }

  heading('Steps');
  for (const s of c.steps)
    box(
      s.status === 'verified',
      `${s.title}: ${CHECKLIST_STATUS_WORDS[s.status]}${s.verifiedAt ? ` (verified ${s.verifiedAt})` : ''}`,
      s.reason,
    );

  heading('Security score');
  const sec = c.security;
  if (!sec) none('Not checked yet (Security step).');
  else {
    line(
      `${sec.score} / 100 (Security check of ${sec.checkedAt})${sec.highRisk ? ' — high risk: a critical or high finding is open.' : '.'}`,
    );
    if (sec.fixes.length) write('The fixes, the one worth most first:', 9.5, { color: GREY });
    else line('Nothing to fix.', 12);
    sec.fixes.forEach((f, i) => box(false, `${i + 1}. +${f.worth} points: ${f.title} (${f.severity})`, f.fix));
  }

  // The heading, its legend and the picture on one page.
  room(60 + Math.min(c.topology.height * (width() / c.topology.width), 520));
  heading('How your NVR is reached');
  write(
    'Colour shows the risk (green low, amber medium, red high); every box and port also says it in words. Dashed: a UPnP mapping a device opened, or the VPN.',
    8.5,
    { color: GREY },
  );
  picture(c.topology);
  for (const s of c.topology.sentences) line(s);

  heading('Ports of the NVR');
  if (!c.ports.measuredAt) none('Not measured yet (Ports step).');
  else {
    line(`Measured ${c.ports.measuredAt} at ${c.ports.address ?? '—'}. Open now:`);
    for (const p of c.ports.open)
      line(`${p.port}/tcp  ${p.service}${p.role ? ` (${p.role})` : ''} — risk ${p.risk}`, 12);
    if (!c.ports.open.length) line('none', 12);
  }
  if (c.ports.lastChange) {
    const ch = c.ports.lastChange;
    line(`Last change ${ch.at}: ${ch.outcome}. ${ch.message}`);
    for (const m of ch.changes)
      line(`${m.role}: ${m.from} → ${m.to}${m.verified ? ' (verified)' : ' (not verified)'}`, 12);
  }

  heading('Forward rules in the router');
  if (!c.forwardRules) none('No plan yet (Router rules step).');
  else {
    line(`Plan of ${c.forwardRules.madeAt}:`);
    for (const r of c.forwardRules.rules) {
      const ports = (p: number) => (r.portCount > 1 ? `${p}-${p + r.portCount - 1}` : `${p}`);
      line(
        `${r.name}: ${r.protocol.toUpperCase()} ${ports(r.externalPort)} → ${r.internalAddress}:${ports(r.internalPort)}` +
          ` from ${r.sources.length ? r.sources.join(', ') : 'anywhere'} — ${r.why}`,
        12,
      );
    }
    if (!c.forwardRules.rules.length) line('No rule: nothing to forward.', 12);
    for (const n of c.forwardRules.notes) write(`${n.severity}: ${n.text}`, 8.5, { indent: 12, color: GREY });
  }

  heading('UPnP');
  if (!c.upnp) none('Not checked yet (UPnP step).');
  else {
    const u = c.upnp;
    line(
      `Checked ${u.measuredAt}: UPnP IGD ${u.igd ? 'answers' : 'does not answer'}, NAT-PMP ${u.natPmp ? 'answers' : 'does not answer'}; ${u.mappings.length} mapping(s); ${u.deleted} deleted by the app.`,
    );
    for (const m of u.mappings)
      line(
        `${m.protocol} ${m.externalPort} → ${m.internalClient}:${m.internalPort}${m.device ? ` (${m.device})` : ''}`,
        12,
      );
    for (const f of u.findings) write(`${f.severity}: ${f.text}`, 8.5, { indent: 12, color: GREY });
    if (u.recheck) line(`Re-check ${u.recheck.at}: ${u.recheck.outcome}`);
  }

  heading('DDNS name');
  if (!c.ddns.names.length && !c.ddns.check) none('No DDNS name yet (DDNS step).');
  for (const n of c.ddns.names)
    line(
      `${n.host} (${n.provider}): ${n.address ?? 'no address taken yet'}${n.successAt ? `, updated ${n.successAt}` : ''} — last answer ${n.outcome}`,
    );
  if (c.ddns.check) line(`Check ${c.ddns.check.checkedAt}: ${c.ddns.check.verdict} — ${c.ddns.check.words}`);
  const phone = phoneTest(c);
  if (phone) {
    // The one test only a phone on a real outside network can make: its QR code, drawn as vectors (dark squares on
    // white, with the 4-module quiet zone scanners need), and the same in words.
    const QRCode = (await import('qrcode')).default;
    const modules = QRCode.create(phone.text, { errorCorrectionLevel: 'M' }).modules;
    const cell = 2.6;
    const side = (modules.size + 8) * cell;
    room(side + 40);
    doc.moveDown(0.3);
    write('The test from your phone', 10);
    const x0 = doc.page.margins.left;
    const y0 = doc.y + 2;
    doc.rect(x0, y0, side, side).fill('white');
    for (let r = 0; r < modules.size; r++)
      for (let col = 0; col < modules.size; col++)
        if (modules.get(r, col)) doc.rect(x0 + (col + 4) * cell, y0 + (r + 4) * cell, cell, cell).fill('black');
    doc.x = x0;
    doc.y = y0 + side + 4;
    write(phone.text, 9);
    write(phone.words, 8.5, { color: GREY });
  }

  heading('Public address and the test from outside');
  const pa = c.internet.publicAddress;
  if (!pa) none('The public address was not checked yet (Internet step).');
  else line(`Public address ${pa.address ?? 'unknown'} (checked ${pa.measuredAt}): ${pa.title} ${pa.advice}`);
  const proof = c.internet.outsideProof;
  if (!proof) none('No test from outside yet.');
  else {
    line(`Test from outside ${proof.measuredAt}: ${proof.title} ${proof.advice}`);
    for (const r of proof.rows)
      box(r.ok === true, `${r.protocol.toUpperCase()} ${r.port} ${r.label} (${r.kind}): ${r.verdict}`);
  }

  heading('VPN');
  const vpn = c.vpn;
  if (!vpn) none('No VPN plan yet (VPN step).');
  else {
    line(
      `Plan of ${vpn.madeAt}: ${vpn.server}${vpn.tunnel ? `, tunnel ${vpn.tunnel}` : ''}${vpn.endpoint ? `, the devices dial ${vpn.endpoint}` : ''}.`,
    );
    if (vpn.forward)
      line(`The router forwards ${vpn.forward.protocol.toUpperCase()} ${vpn.forward.port} to ${vpn.forward.to}.`, 12);
    if (vpn.serverPublicKey) line(`Server public key: ${vpn.serverPublicKey}`, 12);
    for (const p of vpn.peers) line(`${p.name} (${p.address}): public key ${p.publicKey}`, 12);
  }

  heading('Still to do');
  if (!c.todo.length) none('Nothing: every step is verified.');
  for (const t of c.todo) box(false, t.title, t.reason);

  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function writeError(err: unknown, file: string): ChecklistPdfError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const dir = dirname(file);
  const words: Record<string, string> = {
    ENOENT: existsSync(dir) ? `No file can be made in ${dir}.` : `The folder ${dir} does not exist.`,
    ENOTDIR: `${dir} is not a folder.`,
    EACCES: `No permission to write in ${dir}.`,
    EPERM: `No permission to write in ${dir}.`,
    EROFS: `${dir} is on a read-only disk.`,
    ENOSPC: `The disk of ${dir} is full.`,
    EISDIR: `${file} is a folder.`,
  };
  return new ChecklistPdfError(
    `The checklist could not be written to ${file}: ${(code && words[code]) ?? (err as Error)?.message ?? 'unknown error'}`,
  );
}

/**
 * Writes bytes to `file` through a temporary file in the same folder and a rename: the file is whole or not
 * there (an older file of that name stays as it was). Plain-words ChecklistPdfError on failure.
 */
export async function writeFileAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const target = resolve(file);
  const isDir = await stat(target).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (isDir) throw writeError(Object.assign(new Error('is a folder'), { code: 'EISDIR' }), target);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw writeError(err, target);
  }
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
