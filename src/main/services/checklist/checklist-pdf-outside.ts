import { phoneTest } from '../../../shared/domain/checklist-phone-test';
import { stepTitleIn, todoReasonIn } from '../../../shared/domain/checklist-said';
import type { Checklist } from '../../../shared/domain/checklist-schema';
import type { Translator } from '../../../shared/i18n';
import { sayIn } from '../../../shared/i18n/said';
import { GREY, type Pen } from './checklist-pdf-pen';

// The checklist PDF's sections about the outside and what is left: UPnP, DDNS (with the test from a phone), the
// internet side, the VPN and the to-do list (the others are in checklist-pdf-sections.ts).

type T = Translator['t'];
const P = 'checklistPdf';

export function drawUpnp({ heading, line, none, write }: Pen, c: Checklist, t: T): void {
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
    for (const f of u.findings)
      write(`${f.severity}: ${sayIn({ t }, f.said, f.text)}`, 8.5, { indent: 12, color: GREY });
    if (u.recheck) line(t(`${P}.upnp.recheck`, { time: u.recheck.at, outcome: u.recheck.outcome }));
  }
}

export async function drawDdns({ doc, heading, line, none, write, room }: Pen, c: Checklist, t: T): Promise<void> {
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
  if (check) {
    const words = sayIn({ t }, check.said, check.words);
    line(t(`${P}.ddns.check`, { time: check.checkedAt, verdict: check.verdict, words }));
  }
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
}

export function drawInternet({ heading, line, none, box }: Pen, c: Checklist, t: T): void {
  heading(t(`${P}.internet.heading`));
  const pa = c.internet.publicAddress;
  if (!pa) none(t(`${P}.internet.noPublic`));
  else
    line(
      t(`${P}.internet.publicAddress`, {
        address: pa.address ?? t(`${P}.unknown`),
        time: pa.measuredAt,
        title: sayIn({ t }, pa.said?.title, pa.title),
        advice: sayIn({ t }, pa.said?.advice, pa.advice),
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
}

export function drawVpn({ heading, line, none }: Pen, c: Checklist, t: T): void {
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
}

export function drawTodo({ heading, none, box }: Pen, c: Checklist, t: T): void {
  heading(t(`${P}.todo.heading`));
  if (!c.todo.length) none(t(`${P}.todo.none`));
  for (const step of c.todo) box(false, stepTitleIn({ t }, step.step, step.title), todoReasonIn({ t }, step));
}
