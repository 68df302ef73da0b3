import { statusIn, stepReasonIn, stepTitleIn, topologyIn } from '../../../shared/domain/checklist-said';
import type { Checklist } from '../../../shared/domain/checklist-schema';
import type { Translator } from '../../../shared/i18n';
import { sayIn } from '../../../shared/i18n/said';
import { drawPicture } from './checklist-pdf-picture';
import { GREY, type Pen } from './checklist-pdf-pen';

// The checklist PDF's sections about the NVR and the house: the title, the NVR, the steps, the security score, the
// picture, the ports and the forward rules (the outside ones are in checklist-pdf-outside.ts). Its own words are in
// the user's language (the checklistPdf group); what the checklist carries is main's: in the user's language where
// main said it by key (checklist-said.ts), else as it came.

type T = Translator['t'];
const P = 'checklistPdf';

export function drawTitle({ write }: Pen, c: Checklist, t: T): void {
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
}

export function drawNvr({ heading, line, none }: Pen, c: Checklist, t: T): void {
  heading(t(`${P}.nvr.heading`));
  if (!c.nvr.chosen) none(t(`${P}.nvr.none`));
  else {
    const dash = (v: string | null) => v ?? '—';
    line(t(`${P}.nvr.name`, { name: dash(c.nvr.name) }));
    line(t(`${P}.nvr.brandModel`, { brandModel: `${dash(c.nvr.brand)} ${c.nvr.model ?? ''}`.trim() }));
    line(t(`${P}.nvr.firmware`, { firmware: dash(c.nvr.firmware) }));
    line(t(`${P}.nvr.mac`, { mac: dash(c.nvr.mac) }));
    const kind = t(`${P}.nvr.addressKind.${c.nvr.addressKind}`);
    const basis = sayIn({ t }, c.nvr.said, c.nvr.addressBasis);
    line(t(`${P}.nvr.address`, { address: dash(c.nvr.address), kind, basis }));
  }
}

export function drawSteps({ heading, box }: Pen, c: Checklist, t: T): void {
  heading(t(`${P}.steps.heading`));
  for (const s of c.steps) {
    const status = statusIn({ t }, s.status);
    const title = stepTitleIn({ t }, s.id, s.title);
    const words = s.verifiedAt
      ? t(`${P}.steps.stepVerified`, { title, status, time: s.verifiedAt })
      : t(`${P}.steps.step`, { title, status });
    box(s.status === 'verified', words, stepReasonIn({ t }, s));
  }
}

export function drawSecurity({ heading, line, none, write, box }: Pen, c: Checklist, t: T): void {
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
      const title = sayIn({ t }, f.said?.title, f.title);
      box(
        false,
        t(`${P}.security.fix`, { n: i + 1, count: f.worth, title, severity }),
        sayIn({ t }, f.said?.fix, f.fix),
      );
    });
  }
}

export function drawPictureSection(pen: Pen, c: Checklist, t: T): void {
  const { room, width, heading, write, line } = pen;
  // The heading, its legend and the picture on one page.
  room(60 + Math.min(c.topology.height * (width() / c.topology.width), 520));
  heading(t(`${P}.picture.heading`));
  write(t(`${P}.picture.legend`), 8.5, { color: GREY });
  // Its words in the reader's language where the checklist says them by key (topology-words.ts).
  const topology = topologyIn({ t }, c.topology);
  drawPicture(pen, topology, t);
  for (const s of topology.sentences) line(s);
}

export function drawPorts({ heading, line, none }: Pen, c: Checklist, t: T): void {
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
}

export function drawRules({ heading, line, none, write }: Pen, c: Checklist, t: T): void {
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
        why: sayIn({ t }, r.said, r.why),
      };
      line(t(`${P}.rules.rule`, rule), 12);
    }
    if (!c.forwardRules.rules.length) line(t(`${P}.rules.noRule`), 12);
    for (const n of c.forwardRules.notes)
      write(`${n.severity}: ${sayIn({ t }, n.said, n.text)}`, 8.5, { indent: 12, color: GREY });
  }
}
