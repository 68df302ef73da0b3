// The Router rules plan's shapes (the contract's, the record's), the ports' helpers and the allowed sources' check,
// its reasons said by key: what the pages load. No English sentence is made here — the rules that make the plan and
// its words are forward-plan.ts (main's side; it re-exports every name here). Pure.
import { z } from 'zod';
import { said, saidSchema, type Said } from '../i18n/said';
import { classifyIpv4, formatIpv4, networkNumber, parseIpv4 } from './ipv4';

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
  /** `why` by the catalogue's key (said.ts): the page and the CLI say it in the user's language. */
  said: saidSchema.optional(),
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
  /** The same words by the catalogue's key (said.ts): the page and the CLI say them in the user's language. */
  said: saidSchema.optional(),
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

/**
 * A source the user allows: an IPv4 address or network in CIDR form, on the internet side (not private); or why not,
 * said by key (the page says it in its language; main's checkSource adds the English sentence).
 */
export function checkSourceSaid(text: string): { ok: true; cidr: string } | { ok: false; said: Said } {
  const t = text.trim();
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})(?:\/(\d{1,2}))?$/.exec(t);
  const ip = m ? parseIpv4(m[1]!) : null;
  const prefix = m?.[2] === undefined ? 32 : Number(m[2]);
  if (!m || ip === null) return { ok: false, said: said('rules.said.source.notAddress', { text: t.slice(0, 40) }) };
  if (prefix < 8 || prefix > 32) return { ok: false, said: said('rules.said.source.prefix', { text: t }) };
  const address = formatIpv4(ip);
  const network = networkNumber(address, prefix)!;
  if (network !== ip)
    return {
      ok: false,
      said: said('rules.said.source.notStart', { text: t, prefix: String(prefix), network: formatIpv4(network) }),
    };
  const kind = classifyIpv4(address);
  if (kind === 'private' || kind === 'loopback')
    return { ok: false, said: said('rules.said.source.private', { text: t }) };
  const first = ip >>> 24;
  if (kind === 'link-local' || kind === 'cgnat' || kind === 'multicast' || first === 0 || first >= 240)
    return { ok: false, said: said('rules.said.source.notInternet', { text: t }) };
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
