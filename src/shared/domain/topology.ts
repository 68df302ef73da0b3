import type { Said } from '../i18n/said';
import { deviceText } from '../text/device-text';
import { BOX_WORDS, SENTENCES, type Worded } from './topology-words';

export { RISK_WORDS, withRisk } from './topology-words';

/**
 * The topology picture (issue 15, item 2): Internet → (ISP box or the carrier's NAT) → your router → the NVR and the
 * cameras, with what is exposed where — the forward rules planned, the UPnP mappings the router holds, the ports the
 * proof from outside reached, the VPN's one UDP port — each coloured by risk AND said in words (colour is never the
 * only signal), and the same content as sentences for a screen reader and the checklist. Pure: one layout (boxes and
 * arrows with coordinates) that the SVG here and the PDF in main both draw.
 */

export type Risk = 'none' | 'low' | 'medium' | 'high';

export interface TopologyExposure {
  /** The outside port (and protocol), and where it leads inside. */
  port: number;
  protocol: 'tcp' | 'udp';
  to: string;
  toPort: number;
  /** How it is open: a rule of the plan, a UPnP mapping (opened by a device), the VPN's port. */
  how: 'rule' | 'upnp' | 'vpn';
  /** Reached from outside by the last proof (null: not tested). */
  reached: boolean | null;
  risk: Risk;
  words: string;
}

export interface TopologyDevice {
  name: string;
  address: string | null;
  kind: 'nvr' | 'camera';
  risk: Risk;
}

export interface TopologyInput {
  publicAddress: string | null;
  ddnsName: string | null;
  /** The Internet step's verdict (null: not checked). */
  verdict: 'public-on-router' | 'double-nat' | 'cgnat' | 'unknown' | null;
  routerAddress: string | null;
  devices: TopologyDevice[];
  exposures: TopologyExposure[];
}

export interface TopologyBox {
  id: string;
  label: string;
  detail: string;
  risk: Risk;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The label and the detail by key where they are our words (absent: values, as they are). */
  said?: { label?: Said; detail?: Said };
}
export interface TopologyArrow {
  from: string;
  to: string;
  label: string;
  risk: Risk;
  /** Drawn dashed: a UPnP mapping (opened by a device, not by you) or the VPN tunnel. */
  dashed: boolean;
}
export interface TopologyLayout {
  width: number;
  height: number;
  boxes: TopologyBox[];
  arrows: TopologyArrow[];
  /** The picture in sentences (a screen reader's text, the checklist's). */
  sentences: string[];
  /** The same sentences by key, one each (null: said as it is). */
  said?: { sentences: Array<Said | null> };
}

const MAX_DEVICES = 8;
const MAX_EXPOSURES = 12;
/** Ports that must never be open from outside (plain text, the plain web page, unencrypted video). */
const NEVER_OUTSIDE = new Set([21, 22, 23, 80, 554, 8000, 37777, 34567]);
const RANK: Record<Risk, number> = { none: 0, low: 1, medium: 2, high: 3 };
const worst = (risks: Risk[]): Risk => risks.reduce<Risk>((a, r) => (RANK[r] > RANK[a] ? r : a), 'none');

/** The risk of one open port: UPnP holes and never-outside ports are high; a planned rule medium; the VPN low. */
export function exposureRisk(e: Pick<TopologyExposure, 'port' | 'toPort' | 'how'>): Risk {
  if (e.how === 'vpn') return 'low';
  if (e.how === 'upnp' || NEVER_OUTSIDE.has(e.port) || NEVER_OUTSIDE.has(e.toPort)) return 'high';
  return 'medium';
}

interface TopologySourceDevice {
  brand?: string | null;
  model?: string | null;
  name?: string | null;
  addresses: string[];
}

/**
 * The parts of the setup record the picture reads: a SetupRecord is one, and so is the checklist's allow-listed copy
 * (checklist.ts), which reads a record of any shape without a throw.
 */
export interface TopologySource {
  nvr: { deviceId: string; device: TopologySourceDevice } | null;
  devices: Array<TopologySourceDevice & { id: string }>;
  internet: {
    check: {
      publicAddress?: string | null;
      gateway?: string | null;
      verdict: { code: NonNullable<TopologyInput['verdict']> };
    } | null;
    proof: { rows: Array<{ port: number; protocol: 'tcp' | 'udp'; state: string }> } | null;
  };
  rules: {
    plan: {
      rules: Array<{ externalPort: number; protocol: 'tcp' | 'udp'; internalAddress: string; internalPort: number }>;
    } | null;
  };
  upnp: {
    audit: {
      gateway?: string | null;
      mappings: Array<{ externalPort: number; protocol: string; internalClient: string; internalPort: number }>;
    } | null;
  };
  vpn: { plan: { mode: string; listenPort?: number | null; forward?: { to: string } | null } | null };
  ddns: { hosts: Array<{ host: string }>; check: { host: string } | null };
}

/** What the picture shows, read from the setup record (each step's last measurement or plan). */
export function topologyFromRecord(record: TopologySource): TopologyInput {
  const nvr = record.nvr;
  const nvrAddress = nvr?.device.addresses[0] ?? null;
  const devices: TopologyDevice[] = [];
  if (nvr)
    devices.push({
      name: [nvr.device.brand, nvr.device.model].filter(Boolean).join(' ') || nvr.device.name || 'NVR',
      address: nvrAddress,
      kind: 'nvr',
      risk: 'none',
    });
  for (const d of record.devices) {
    if (devices.length >= MAX_DEVICES) break;
    if (nvr && d.id === nvr.deviceId) continue;
    devices.push({
      name: d.name || [d.brand, d.model].filter(Boolean).join(' ') || 'Camera',
      address: d.addresses[0] ?? null,
      kind: 'camera',
      risk: 'none',
    });
  }
  const proofRows = record.internet.proof?.rows ?? [];
  const reached = (port: number, protocol: 'tcp' | 'udp') => {
    const row = proofRows.find((r) => r.port === port && r.protocol === protocol);
    return row ? row.state === 'reachable' : null;
  };
  const exposures: TopologyExposure[] = [];
  const add = (e: Omit<TopologyExposure, 'risk' | 'words' | 'reached'>) => {
    if (exposures.length >= MAX_EXPOSURES) return;
    const risk = exposureRisk(e);
    const r = reached(e.port, e.protocol);
    exposures.push({ ...e, reached: r, risk, words: SENTENCES.exposure(e, risk, r).text });
  };
  for (const rule of record.rules.plan?.rules ?? [])
    add({
      port: rule.externalPort,
      protocol: rule.protocol,
      to: rule.internalAddress,
      toPort: rule.internalPort,
      how: 'rule',
    });
  for (const m of record.upnp.audit?.mappings ?? [])
    add({
      port: m.externalPort,
      protocol: m.protocol === 'UDP' ? 'udp' : 'tcp',
      to: m.internalClient,
      toPort: m.internalPort,
      how: 'upnp',
    });
  const vpn = record.vpn.plan;
  if (vpn?.mode === 'wireguard' && vpn.listenPort)
    add({
      port: vpn.listenPort,
      protocol: 'udp',
      to: vpn.forward?.to ?? record.internet.check?.gateway ?? 'your router',
      toPort: vpn.listenPort,
      how: 'vpn',
    });
  for (const d of devices)
    d.risk = worst(exposures.filter((e) => e.to === d.address && e.how !== 'vpn').map((e) => e.risk));
  const check = record.internet.check;
  return {
    publicAddress: check?.publicAddress ?? null,
    ddnsName: record.ddns.hosts[0]?.host ?? record.ddns.check?.host ?? null,
    verdict: check?.verdict.code ?? null,
    routerAddress: check?.gateway ?? record.upnp.audit?.gateway ?? null,
    devices,
    exposures,
  };
}

const BOX_W = 200;
const BOX_H = 64;

/** Boxes left to right (Internet, the NAT in front if any, the router, the devices stacked) and the arrows. */
export function topologyLayout(input: TopologyInput): TopologyLayout {
  const boxes: TopologyBox[] = [];
  const arrows: TopologyArrow[] = [];
  const sentences: Worded[] = [];
  const cgnat = input.verdict === 'cgnat';
  const inFront = input.verdict === 'double-nat' || cgnat;
  /** A box with its label and detail, each by key where it is our words. */
  const box = (b: Omit<TopologyBox, 'label' | 'detail' | 'said'>, label: Worded, detail: Worded): TopologyBox => {
    const s = { ...(label.said ? { label: label.said } : {}), ...(detail.said ? { detail: detail.said } : {}) };
    return { ...b, label: label.text, detail: detail.text, ...(Object.keys(s).length ? { said: s } : {}) };
  };
  const devices = input.devices.slice(0, MAX_DEVICES);
  const rows = Math.max(1, devices.length);
  // A band on top for the exposures' lines and their labels, one line each.
  const band = Math.min(input.exposures.length, MAX_EXPOSURES) * 18 + (input.exposures.length ? 24 : 0);
  const height = band + Math.max(180, 40 + rows * (BOX_H + 24));
  const mid = band + (height - band - BOX_H) / 2;
  let x = 20;
  const publicWords = BOX_WORDS.publicDetail([input.publicAddress, input.ddnsName].filter((v): v is string => !!v));
  boxes.push(box({ id: 'internet', risk: 'none', x, y: mid, w: BOX_W, h: BOX_H }, BOX_WORDS.internet(), publicWords));
  let last = 'internet';
  if (inFront) {
    x += BOX_W + 60;
    boxes.push(
      box(
        { id: 'front', risk: 'medium', x, y: mid, w: BOX_W, h: BOX_H },
        BOX_WORDS.front(cgnat),
        BOX_WORDS.frontDetail(cgnat),
      ),
    );
    arrows.push({ from: last, to: 'front', label: '', risk: 'none', dashed: false });
    last = 'front';
  }
  x += BOX_W + 60;
  boxes.push(
    box({ id: 'router', risk: 'none', x, y: mid, w: BOX_W, h: BOX_H }, BOX_WORDS.router(), {
      text: input.routerAddress ?? '',
    }),
  );
  arrows.push({ from: last, to: 'router', label: '', risk: 'none', dashed: false });
  x += BOX_W + 80;
  devices.forEach((d, i) => {
    const id = `device-${i}`;
    boxes.push(
      box(
        { id, risk: d.risk, x, y: band + 20 + i * (BOX_H + 24), w: BOX_W + 40, h: BOX_H },
        BOX_WORDS.device(d.kind, d.name),
        BOX_WORDS.deviceDetail(d.address, d.risk),
      ),
    );
    arrows.push({ from: 'router', to: id, label: '', risk: 'none', dashed: false });
  });
  for (const e of input.exposures.slice(0, MAX_EXPOSURES)) {
    const target = devices.findIndex((d) => d.address === e.to);
    arrows.push({
      from: 'internet',
      to: e.how === 'vpn' || target < 0 ? 'router' : `device-${target}`,
      label: `${e.port}/${e.protocol}${e.how === 'upnp' ? ' (UPnP)' : e.how === 'vpn' ? ' (VPN)' : ''}`,
      risk: e.risk,
      dashed: e.how !== 'rule',
    });
  }
  sentences.push(SENTENCES.internet(input.publicAddress, input.ddnsName));
  if (inFront) sentences.push(SENTENCES.front(cgnat));
  sentences.push(SENTENCES.router(input.routerAddress));
  for (const d of devices) sentences.push(SENTENCES.device(d.kind, d.name, d.address, d.risk));
  if (input.exposures.length === 0) sentences.push(SENTENCES.nothingOpen());
  // An exposure's sentence by key where its words are still the ones made from it.
  else
    for (const e of input.exposures.slice(0, MAX_EXPOSURES)) {
      const words = SENTENCES.exposure(e, e.risk, e.reached);
      sentences.push(words.text === e.words ? words : { text: e.words });
    }
  const width = x + BOX_W + 60;
  return {
    width,
    height,
    boxes,
    arrows,
    sentences: sentences.map((s) => s.text),
    said: { sentences: sentences.map((s) => s.said ?? null) },
  };
}

/** Each risk's fill and line colour: the SVG's and the checklist PDF's. */
export const RISK_COLOURS: Readonly<Record<Risk, { fill: string; stroke: string }>> = {
  none: { fill: '#eef3f8', stroke: '#4a6278' },
  low: { fill: '#e6f4ea', stroke: '#1e7a3c' },
  medium: { fill: '#fff4dc', stroke: '#a86200' },
  high: { fill: '#fde7e7', stroke: '#b3261e' },
};

/** Text for XML: the device-text sanitiser (controls, bidi, escape sequences out; at most `max`), then escaped. */
export function xmlText(s: string, max = 120): string {
  return deviceText(s, max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The picture as a standalone SVG: role img, a title and the sentences as its description. Its colours are
 * attributes (a file, the standalone picture); each box, line and label also has a class by risk (topo-risk-high …)
 * so a page can give it its theme's colours.
 */
export function topologySvg(
  layout: TopologyLayout,
  title = 'How your NVR is reached',
  /** An exposure's label: its port, the box it leads to, its risk (the page's words in its language). */
  arrowLabel = (a: TopologyArrow, to: TopologyBox) => `${a.label} → ${to.label} · ${a.risk} risk`,
): string {
  const byId = new Map(layout.boxes.map((b) => [b.id, b]));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-labelledby="topo-title topo-desc" font-family="sans-serif">`,
    `<title id="topo-title">${xmlText(title)}</title>`,
    `<desc id="topo-desc">${xmlText(layout.sentences.join(' '), 4000)}</desc>`,
    '<defs><marker id="topo-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="context-stroke"/></marker></defs>',
  ];
  // Exposures: an arc from the top of the Internet box over the others to the top of its target, its label on a line
  // of its own in the band above the boxes (the k-th exposure on the k-th line).
  let k = 0;
  // The labels start right of every exposure's rising line, so no line strikes through one.
  const labelX = (from: TopologyBox) => from.x + from.w / 2 + layout.arrows.filter((a) => a.label).length * 8 + 4;
  for (const a of layout.arrows) {
    const from = byId.get(a.from);
    const to = byId.get(a.to);
    if (!from || !to) continue;
    const c = RISK_COLOURS[a.risk].stroke;
    if (!a.label) {
      const [x1, y1, x2, y2] = [from.x + from.w, from.y + from.h / 2, to.x, to.y + to.h / 2];
      parts.push(
        `<path class="topo-link" d="M${x1} ${y1} L${x2} ${y2}" fill="none" stroke="${c}" stroke-width="1.5" marker-end="url(#topo-arrow)"/>`,
      );
      continue;
    }
    const line = 20 + k * 18;
    const x1 = from.x + from.w / 2 + k * 8;
    const x2 = to.x + 30 + k * 10;
    parts.push(
      `<path class="topo-exposure topo-risk-${a.risk}" d="M${x1} ${from.y} L${x1} ${line + 4} L${x2} ${line + 4} L${x2} ${to.y}" fill="none" stroke="${c}" stroke-width="2.5"${a.dashed ? ' stroke-dasharray="6 4"' : ''} marker-end="url(#topo-arrow)"/>`,
      `<text class="topo-label topo-risk-${a.risk}" x="${labelX(from)}" y="${line}" font-size="12" fill="${c}">${xmlText(arrowLabel(a, to), 80)}</text>`,
    );
    k++;
  }
  for (const b of layout.boxes) {
    const c = RISK_COLOURS[b.risk];
    parts.push(
      `<g><rect class="topo-box topo-risk-${b.risk}" x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="10" fill="${c.fill}" stroke="${c.stroke}" stroke-width="${b.risk === 'high' ? 3 : 1.5}"/>`,
      `<text class="topo-name" x="${b.x + 12}" y="${b.y + 26}" font-size="14" font-weight="bold" fill="#1b1f24">${xmlText(b.label, 32)}</text>`,
      `<text class="topo-detail" x="${b.x + 12}" y="${b.y + 48}" font-size="12" fill="#3b4650">${xmlText(b.detail, 40)}</text></g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}
