import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type PDFDocumentClass from 'pdfkit';
import { phoneTest } from '../../../shared/domain/checklist-phone-test';
import { CHECKLIST_STATUS_WORDS, type Checklist } from '../../../shared/domain/checklist-schema';
import { RISK_COLOURS } from '../../../shared/domain/topology';
import { createTranslator, type Translator } from '../../../shared/i18n';
import { deviceText } from '../../../shared/text/device-text';

// The checklist as a PDF the user keeps and prints: real text (selectable, searchable), the fonts embedded (as
// subsets), vector check boxes (a drawn square, ticked for a verified step), A4 or Letter. Made offline with pdfkit.
// Its own words are in the user's language (the checklistPdf group of shared/i18n); what the checklist carries (steps,
// reasons, findings, verdicts, addresses, the picture's boxes and sentences) is main's and is written as it came.

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
  /** The language of the PDF's own words (and its /Lang); English when absent. */
  translator?: Translator;
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
  function picture(topo: Checklist['topology']): void {
    const maxH = (doc.page.height - doc.page.margins.top - doc.page.margins.bottom) * 0.7;
    const k = Math.min(1, width() / topo.width, maxH / topo.height);
    room(topo.height * k + 10);
    const ox = doc.page.margins.left;
    const oy = doc.y + 4;
    const X = (x: number) => ox + x * k;
    const Y = (y: number) => oy + y * k;
    const byId = new Map(topo.boxes.map((b) => [b.id, b]));
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
    const rising = topo.arrows.filter((a) => a.label).length;
    for (const a of topo.arrows) {
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
        t('checklistPdf.picture.arrow', {
          port: a.label,
          to: to.label,
          risk: t(`checklistPdf.picture.risk.${a.risk}`),
        }),
        X(lx),
        Y(lineY) - 12 * k,
        11 * k + 1,
        color,
        80,
        ox + width() - X(lx),
      );
      n++;
    }
    for (const b of topo.boxes) {
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
    doc.y = oy + topo.height * k + 6;
  }

  const line = (text: string, indent = 0) => write(text, 9.5, { indent });
  const none = (text: string) => write(text, 9.5, { color: GREY });

  const c = checklist;
  const P = 'checklistPdf';
  write(t(`${P}.title`), 18);
  write(
    t(`${P}.made`, {
      madeAt: c.madeAt,
      version: c.appVersion,
      changed: c.recordUpdatedAt ?? t(`${P}.unknown`),
      format: c.format,
      schemaVersion: String(c.schemaVersion),
    }),
    8.5,
    { color: GREY },
  );

  heading(t(`${P}.nvr.heading`));
  if (!c.nvr.chosen) none(t(`${P}.nvr.none`));
  else {
    const dash = (v: string | null) => v ?? '—';
    line(t(`${P}.nvr.name`, { name: dash(c.nvr.name) }));
    line(t(`${P}.nvr.brandModel`, { brandModel: `${dash(c.nvr.brand)} ${c.nvr.model ?? ''}`.trim() }));
    line(t(`${P}.nvr.firmware`, { firmware: dash(c.nvr.firmware) }));
    line(t(`${P}.nvr.mac`, { mac: dash(c.nvr.mac) }));
    const kind = t(`${P}.nvr.addressKind.${c.nvr.addressKind}`);
    line(t(`${P}.nvr.address`, { address: dash(c.nvr.address), kind, basis: c.nvr.addressBasis }));
  }

  heading(t(`${P}.steps.heading`));
  for (const s of c.steps) {
    const status = CHECKLIST_STATUS_WORDS[s.status];
    const words = s.verifiedAt
      ? t(`${P}.steps.stepVerified`, { title: s.title, status, time: s.verifiedAt })
      : t(`${P}.steps.step`, { title: s.title, status });
    box(s.status === 'verified', words, s.reason);
  }

  heading(t(`${P}.security.heading`));
  const sec = c.security;
  if (!sec) none(t(`${P}.security.none`));
  else {
    const score = { score: sec.score, time: sec.checkedAt };
    line(sec.highRisk ? t(`${P}.security.scoreHighRisk`, score) : t(`${P}.security.score`, score));
    if (sec.fixes.length) write(t(`${P}.security.fixesLabel`), 9.5, { color: GREY });
    else line(t(`${P}.security.nothingToFix`), 12);
    sec.fixes.forEach((f, i) => {
      const severity = t(`${P}.security.severity.${f.severity}`);
      box(false, t(`${P}.security.fix`, { n: i + 1, count: f.worth, title: f.title, severity }), f.fix);
    });
  }

  // The heading, its legend and the picture on one page.
  room(60 + Math.min(c.topology.height * (width() / c.topology.width), 520));
  heading(t(`${P}.picture.heading`));
  write(t(`${P}.picture.legend`), 8.5, { color: GREY });
  picture(c.topology);
  for (const s of c.topology.sentences) line(s);

  heading(t(`${P}.ports.heading`));
  if (!c.ports.measuredAt) none(t(`${P}.ports.none`));
  else {
    line(t(`${P}.ports.measured`, { time: c.ports.measuredAt, address: c.ports.address ?? '—' }));
    for (const p of c.ports.open) {
      const port = { port: String(p.port), service: p.service, risk: p.risk };
      line(p.role ? t(`${P}.ports.openRole`, { ...port, role: p.role }) : t(`${P}.ports.open`, port), 12);
    }
    if (!c.ports.open.length) line(t(`${P}.none`), 12);
  }
  if (c.ports.lastChange) {
    const ch = c.ports.lastChange;
    const outcome = t(`${P}.ports.outcome.${ch.outcome}`);
    line(t(`${P}.ports.lastChange`, { time: ch.at, outcome, message: ch.message }));
    for (const m of ch.changes) {
      const change = { role: m.role, from: String(m.from), to: String(m.to) };
      line(m.verified ? t(`${P}.ports.change`, change) : t(`${P}.ports.changeUnverified`, change), 12);
    }
  }

  heading(t(`${P}.rules.heading`));
  if (!c.forwardRules) none(t(`${P}.rules.none`));
  else {
    line(t(`${P}.rules.plan`, { time: c.forwardRules.madeAt }));
    for (const r of c.forwardRules.rules) {
      const ports = (p: number) => (r.portCount > 1 ? `${p}-${p + r.portCount - 1}` : `${p}`);
      const rule = {
        name: r.name,
        protocol: r.protocol.toUpperCase(),
        external: ports(r.externalPort),
        address: r.internalAddress,
        internal: ports(r.internalPort),
        sources: r.sources.length ? r.sources.join(', ') : t(`${P}.anywhere`),
        why: r.why,
      };
      line(t(`${P}.rules.rule`, rule), 12);
    }
    if (!c.forwardRules.rules.length) line(t(`${P}.rules.noRule`), 12);
    for (const n of c.forwardRules.notes) write(`${n.severity}: ${n.text}`, 8.5, { indent: 12, color: GREY });
  }

  heading(t(`${P}.upnp.heading`));
  if (!c.upnp) none(t(`${P}.upnp.none`));
  else {
    const u = c.upnp;
    const answers = (yes: boolean) => (yes ? t(`${P}.upnp.answers`) : t(`${P}.upnp.silent`));
    line(
      t(`${P}.upnp.checked`, {
        time: u.measuredAt,
        igd: answers(u.igd),
        natPmp: answers(u.natPmp),
        mappings: t(`${P}.upnp.mappings`, { count: u.mappings.length }),
        deleted: u.deleted,
      }),
    );
    for (const m of u.mappings)
      line(
        `${m.protocol} ${m.externalPort} → ${m.internalClient}:${m.internalPort}${m.device ? ` (${m.device})` : ''}`,
        12,
      );
    for (const f of u.findings) write(`${f.severity}: ${f.text}`, 8.5, { indent: 12, color: GREY });
    if (u.recheck) line(t(`${P}.upnp.recheck`, { time: u.recheck.at, outcome: u.recheck.outcome }));
  }

  heading(t(`${P}.ddns.heading`));
  if (!c.ddns.names.length && !c.ddns.check) none(t(`${P}.ddns.none`));
  for (const n of c.ddns.names) {
    const name = {
      host: n.host,
      provider: n.provider,
      address: n.address ?? t(`${P}.ddns.noAddress`),
      outcome: n.outcome,
    };
    line(n.successAt ? t(`${P}.ddns.nameUpdated`, { ...name, time: n.successAt }) : t(`${P}.ddns.name`, name));
  }
  const check = c.ddns.check;
  if (check) line(t(`${P}.ddns.check`, { time: check.checkedAt, verdict: check.verdict, words: check.words }));
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
    write(t(`${P}.ddns.phone`), 10);
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

  heading(t(`${P}.internet.heading`));
  const pa = c.internet.publicAddress;
  if (!pa) none(t(`${P}.internet.noPublic`));
  else
    line(
      t(`${P}.internet.publicAddress`, {
        address: pa.address ?? t(`${P}.unknown`),
        time: pa.measuredAt,
        title: pa.title,
        advice: pa.advice,
      }),
    );
  const proof = c.internet.outsideProof;
  if (!proof) none(t(`${P}.internet.noProof`));
  else {
    line(t(`${P}.internet.proof`, { time: proof.measuredAt, title: proof.title, advice: proof.advice }));
    for (const r of proof.rows) {
      const row = {
        protocol: r.protocol.toUpperCase(),
        port: String(r.port),
        label: r.label,
        kind: t(`${P}.internet.kind.${r.kind}`),
        verdict: r.verdict,
      };
      box(r.ok === true, t(`${P}.internet.row`, row));
    }
  }

  heading(t(`${P}.vpn.heading`));
  const vpn = c.vpn;
  if (!vpn) none(t(`${P}.vpn.none`));
  else {
    const tunnel = vpn.tunnel ? t(`${P}.vpn.tunnel`, { tunnel: vpn.tunnel }) : '';
    const endpoint = vpn.endpoint ? t(`${P}.vpn.endpoint`, { endpoint: vpn.endpoint }) : '';
    line(t(`${P}.vpn.plan`, { time: vpn.madeAt, server: vpn.server, tunnel, endpoint }));
    const fwd = vpn.forward;
    if (fwd)
      line(t(`${P}.vpn.forward`, { protocol: fwd.protocol.toUpperCase(), port: String(fwd.port), to: fwd.to }), 12);
    if (vpn.serverPublicKey) line(t(`${P}.vpn.serverKey`, { key: vpn.serverPublicKey }), 12);
    for (const p of vpn.peers) line(t(`${P}.vpn.peer`, { name: p.name, address: p.address, key: p.publicKey }), 12);
  }

  heading(t(`${P}.todo.heading`));
  if (!c.todo.length) none(t(`${P}.todo.none`));
  for (const step of c.todo) box(false, step.title, step.reason);

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
