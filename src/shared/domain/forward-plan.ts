// The Router rules step's rules: from what the user wants to reach from outside and the NVR's measured ports, the
// fewest port-forward rules — HTTPS for the web page and the vendor's app/SDK port; RTSP only when asked; never
// plain HTTP, never the admin page on 80/443 outside — each with why, and every risky choice named. Pure.
import { z } from 'zod';
import { ROLE_LABELS, type PortRole } from '../catalog/ports';
import { classifyIpv4, formatIpv4, networkNumber, parseIpv4 } from './ipv4';
import type { PortRow } from './ports';

const port = z.number().int().min(1).max(65535);

/** What the user wants to reach from outside. */
export const forwardWantsSchema = z.object({
  /** The NVR's web page in a browser (HTTPS only). */
  web: z.boolean(),
  /** The vendor's phone app and PC software (its app/SDK port). */
  app: z.boolean().default(true),
  /** Live video for other players (RTSP): off unless asked, it is unencrypted. */
  video: z.boolean(),
  /**
   * With video: the NVR's declared RTP port range over UDP too, for players that cannot take RTP over TCP. Off
   * unless asked (a hundred unencrypted ports); absent = off.
   */
  udpMedia: z.boolean().optional(),
});
export type ForwardWants = z.infer<typeof forwardWantsSchema>;

export const forwardRuleSchema = z.object({
  /** A short label for the router's "name" or "comment" field. */
  name: z.string().max(40),
  role: z.string().max(20),
  protocol: z.enum(['tcp', 'udp']),
  externalPort: port,
  internalAddress: z.string().max(45),
  internalPort: port,
  /**
   * A range rule: this many consecutive ports from externalPort (outside) and internalPort (inside), each to the same
   * number (a media range). Absent: one port.
   */
  portCount: z.number().int().min(2).max(1000).optional(),
  /** Allowed source addresses or networks (CIDR); empty = from anywhere. */
  sources: z.array(z.string().max(18)).max(16),
  why: z.string().max(300),
});
export type ForwardRule = z.infer<typeof forwardRuleSchema>;

export const forwardNoteSchema = z.object({
  code: z.enum([
    'no-https',
    'plain-video',
    'any-source',
    'address-not-kept',
    'external-differs',
    'nothing-to-forward',
    'no-measurement',
    'udp-media',
    'udp-range',
    'risky-port',
  ]),
  severity: z.enum(['problem', 'warning', 'info']),
  text: z.string().max(600),
});
export type ForwardNote = z.infer<typeof forwardNoteSchema>;

export const forwardPlanSchema = z.object({
  deviceId: z.string().max(300),
  address: z.string().max(45),
  wants: forwardWantsSchema,
  sources: z.array(z.string().max(18)).max(16),
  rules: z.array(forwardRuleSchema).max(16),
  notes: z.array(forwardNoteSchema).max(16),
  madeAt: z.string(),
});
export type ForwardPlan = z.infer<typeof forwardPlanSchema>;

/** A source the user allows: an IPv4 address or network in CIDR form, on the internet side (not private). */
export function checkSource(text: string): { ok: true; cidr: string } | { ok: false; error: string } {
  const t = text.trim();
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})(?:\/(\d{1,2}))?$/.exec(t);
  const ip = m ? parseIpv4(m[1]!) : null;
  const prefix = m?.[2] === undefined ? 32 : Number(m[2]);
  if (!m || ip === null)
    return {
      ok: false,
      error: `"${t.slice(0, 40)}" is not an IPv4 address or network (e.g. 198.51.100.7 or 198.51.100.0/24).`,
    };
  if (prefix < 8 || prefix > 32)
    return { ok: false, error: `${t}: a network between /8 and /32, please (a shorter one is most of the internet).` };
  const address = formatIpv4(ip);
  const network = networkNumber(address, prefix)!;
  if (network !== ip)
    return {
      ok: false,
      error: `${t} is not the start of a /${prefix} network (did you mean ${formatIpv4(network)}/${prefix}?).`,
    };
  const kind = classifyIpv4(address);
  if (kind === 'private' || kind === 'loopback')
    return { ok: false, error: `${t} is a private address: give the address you connect from on the internet.` };
  const first = ip >>> 24;
  if (kind === 'link-local' || kind === 'cgnat' || kind === 'multicast' || first === 0 || first >= 240)
    return {
      ok: false,
      error: `${t} is not an address anyone connects from on the internet (a carrier-NAT, link-local, multicast or reserved range).`,
    };
  // Written back in its plain form: "198.051.100.7" is 198.51.100.7 here, but a router reads a leading zero as octal.
  return { ok: true, cidr: prefix === 32 ? address : `${address}/${prefix}` };
}

/** A port range the device declares for its video over UDP (RTP), e.g. QNAP 6100–6199. */
export interface MediaRange {
  port: number;
  portEnd: number;
  /** Who says so (the catalogue's source for the brand). */
  source: string;
}

/** The last port of a rule (its first one for a single-port rule). */
export function lastPort(first: number, r: Pick<ForwardRule, 'portCount'>): number {
  return first + (r.portCount ?? 1) - 1;
}

/** A rule's ports as text: "8000", or "6100-6199" for a range (`sep` as the router writes ranges). */
export function portsText(first: number, r: Pick<ForwardRule, 'portCount'>, sep = '-'): string {
  return r.portCount ? `${first}${sep}${lastPort(first, r)}` : String(first);
}

/** The outside port for an inside one: the same when it is not a well-known port, else 10000 + it (443 → 10443). */
export function externalFor(internal: number): number {
  return internal >= 1024 ? internal : 10_000 + internal;
}

/** The roles of the vendor's app/SDK ports, which must be forwarded on the same number outside. */
const APP_ROLES: ReadonlySet<string> = new Set(['sdk', 'mobile', 'media']);

export interface ForwardInput {
  deviceId: string;
  /** The NVR's address on the LAN. */
  address: string;
  /** True when the address is kept (static, or a proven DHCP reservation); null when not checked. */
  addressKept: boolean | null;
  /** The Ports step's measurement rows (null: not measured). */
  rows: readonly PortRow[] | null;
  wants: ForwardWants;
  sources: readonly string[];
  /** The RTP range the device (its brand's catalogue) declares for video over UDP; null/absent: none. */
  mediaRange?: MediaRange | null;
  at: Date;
}

const label = (role: string) => ROLE_LABELS[role as PortRole] ?? role;

/**
 * The fewest rules for what the user wants: the web page over HTTPS only (never plain HTTP), the vendor's app/SDK
 * ports on their own numbers (vendors require it), RTSP only when asked; an admin page's well-known port is never
 * the outside one (443 → 10443). Notes say what is risky and why, most urgent first.
 */
export function planForwards(input: ForwardInput): ForwardPlan {
  const rules: ForwardRule[] = [];
  const notes: ForwardNote[] = [];
  const open = (input.rows ?? []).filter((r) => r.state === 'open' && r.role);
  const sources = [...input.sources];
  const add = (row: PortRow, role: string, external: number, why: string) => {
    if (rules.some((r) => r.externalPort === external && r.protocol === 'tcp')) return;
    rules.push({
      name: `NVR ${label(role)}`.slice(0, 40),
      role,
      protocol: 'tcp',
      externalPort: external,
      internalAddress: input.address,
      internalPort: row.port,
      sources,
      why,
    });
  };
  if (!input.rows)
    notes.push({
      code: 'no-measurement',
      severity: 'problem',
      text: 'The NVR’s ports have not been measured yet (Ports step): the plan cannot know which ports it uses.',
    });
  if (input.wants.web) {
    const https = open.find((r) => r.role === 'https');
    if (https)
      add(https, 'https', externalFor(https.port), 'The web page, encrypted (HTTPS). Plain HTTP is never forwarded.');
    else if (open.some((r) => r.role === 'http'))
      notes.push({
        code: 'no-https',
        severity: 'problem',
        text:
          'The NVR’s web page answers only over plain HTTP: forwarding it would send your password unencrypted across ' +
          'the internet. It is left out. Turn HTTPS on in the NVR (then measure again), use the phone app’s port, or use a VPN.',
      });
  }
  if (input.wants.app)
    for (const row of open.filter((r) => APP_ROLES.has(r.role!)))
      add(
        row,
        row.role!,
        row.port,
        `The phone app and viewer software (${label(row.role!)}): same number outside, as the vendor requires.`,
      );
  if (input.wants.video) {
    const rtsp = open.find((r) => r.role === 'rtsp');
    if (rtsp) {
      add(rtsp, 'rtsp', externalFor(rtsp.port), 'Live video for other players (RTSP), as you asked.');
      notes.push({
        code: 'plain-video',
        severity: 'warning',
        text:
          'RTSP is not encrypted: the video and the login cross the internet in the clear. Prefer the phone app, or a VPN; ' +
          'keep RTSP only if a player outside really needs it, and limit it to the addresses you use.',
      });
      const range = input.mediaRange;
      if (range && input.wants.udpMedia) {
        const count = range.portEnd - range.port + 1;
        rules.push({
          name: 'NVR video over UDP (RTP)',
          role: 'rtp',
          protocol: 'udp',
          externalPort: range.port,
          internalAddress: input.address,
          internalPort: range.port,
          portCount: count,
          sources,
          why: `Video over UDP for players that cannot use RTP over TCP: the NVR’s own range ${range.port}–${range.portEnd}, the same numbers outside (${range.source}).`,
        });
        notes.push({
          code: 'udp-range',
          severity: 'warning',
          text:
            `${count} UDP ports (${range.port}–${range.portEnd}) carry the video unencrypted, and no port checker can ` +
            'prove UDP from outside. Most players can use "RTP over TCP" instead: then the RTSP rule alone is enough and ' +
            'this range can go.',
        });
      } else
        notes.push({
          code: 'udp-media',
          severity: 'info',
          text: range
            ? `Players that ask for video over UDP need the NVR’s range ${range.port}–${range.portEnd} (UDP) forwarded too; choose "RTP over TCP" (or "TCP") in the player instead, so this one rule is enough.`
            : 'Players that ask for video over UDP need more ports forwarded; choose "RTP over TCP" (or "TCP") in the player instead, so this one rule is enough.',
        });
    }
  }
  // Each rule the Ports step judged high-risk says why, so the choice to open it is made knowing it.
  for (const r of rules) {
    const row = r.protocol === 'tcp' ? open.find((x) => x.port === r.internalPort) : undefined;
    const reason = row?.risk.level === 'high' ? row.risk.reasons[0] : undefined;
    if (reason)
      notes.push({
        code: 'risky-port',
        severity: 'warning',
        text: `${r.name} (outside ${r.externalPort}): ${reason} A VPN reaches it without opening anything.`.slice(
          0,
          600,
        ),
      });
  }
  if (rules.length === 0 && input.rows)
    notes.push({
      code: 'nothing-to-forward',
      severity: 'warning',
      text: 'Nothing the NVR offers fits what you asked for safely, so there is no rule to enter. A VPN reaches everything without any forward.',
    });
  if (rules.some((r) => r.externalPort !== r.internalPort))
    notes.push({
      code: 'external-differs',
      severity: 'info',
      text:
        'Some outside ports differ from the NVR’s own (e.g. ' +
        rules
          .filter((r) => r.externalPort !== r.internalPort)
          .map((r) => `${r.externalPort} → ${r.internalPort}`)
          .join(', ') +
        '): a well-known port is never opened outside. Use the outside number in the app and the browser.',
    });
  if (rules.length && sources.length === 0)
    notes.push({
      code: 'any-source',
      severity: 'warning',
      text:
        'These rules are open to the whole internet. If you always connect from known addresses (your office, a phone ' +
        'plan with a fixed address), give them and the router lets only those in.',
    });
  if (rules.length && input.addressKept !== true)
    notes.push({
      code: 'address-not-kept',
      severity: input.addressKept === false ? 'problem' : 'warning',
      text:
        input.addressKept === false
          ? `The NVR’s address (${input.address}) can change (DHCP): the rules would then point at nothing. Fix it in the Static IP step first.`
          : `It is not checked yet that the NVR keeps ${input.address} (Static IP step): the rules point at that address.`,
    });
  if (rules.length > 16) rules.length = 16; // the schema's bound (a real NVR offers a handful of ports)
  const order = { problem: 0, warning: 1, info: 2 } as const;
  notes.sort((a, b) => order[a.severity] - order[b.severity]);
  return {
    deviceId: input.deviceId,
    address: input.address,
    wants: input.wants,
    sources,
    rules,
    notes: notes.slice(0, 16),
    madeAt: input.at.toISOString(),
  };
}
