// The Internet step's shapes: what one outside source said, the first two hops toward the STUN server, the verdict,
// the saved check and the public-address history. The rules that fill them: public-address-verdict.ts (the verdict)
// and public-address.ts (the history); every name is also exported from public-address.ts.
import { z } from 'zod';
import { saidSchema } from '../i18n/said';
import { ipv6FactsSchema } from './ipv6-facts';

const address = z.string().max(64);

/** Where the router's own WAN address came from. */
export const ROUTER_WAN_SOURCES = ['igd', 'nat-pmp', 'upnp-record'] as const;
export type RouterWanSource = (typeof ROUTER_WAN_SOURCES)[number];

export const PUBLIC_VERDICTS = ['public-on-router', 'double-nat', 'cgnat', 'unknown'] as const;
export type PublicVerdictCode = (typeof PUBLIC_VERDICTS)[number];

export const PUBLIC_FINDING_CODES = [
  'stun-failed',
  'checker-failed',
  'stun-not-public',
  'checker-not-public',
  'sources-disagree',
  'router-unknown',
  'router-not-wan',
  'no-gateway',
  'address-changed',
  'hops-unknown',
] as const;

export const publicFindingSchema = z.object({
  code: z.enum(PUBLIC_FINDING_CODES),
  severity: z.enum(['problem', 'warning', 'ok', 'info']),
  text: z.string().max(600),
  /** The same words by the catalogue's key (said.ts): the page and the CLI say them in the user's language. */
  said: saidSchema.optional(),
});
export type PublicFinding = z.infer<typeof publicFindingSchema>;

/** What one outside source (STUN or the echoip checker) said: an address, or why there is none. */
export const outsideViewSchema = z.object({
  /** The server asked ("198.51.100.3:3478", "https://ifconfig.co/"). */
  server: z.string().max(300),
  address: address.nullable(),
  /** Why no address: the server did not answer, answered garbage… (plain words). */
  error: z.string().max(300).nullable(),
});
export type OutsideView = z.infer<typeof outsideViewSchema>;

export const publicVerdictSchema = z.object({
  code: z.enum(PUBLIC_VERDICTS),
  title: z.string().max(120),
  /** The way forward, in plain words. */
  advice: z.string().max(800),
  /** The title and advice by the catalogue's key (said.ts), for the user's language. */
  said: z.object({ title: saidSchema, advice: saidSchema }).optional(),
  /** The facts it rests on. */
  evidence: z.array(z.string().max(300)).max(12),
});
export type PublicVerdict = z.infer<typeof publicVerdictSchema>;

/**
 * The first two routers toward the STUN server's address (one ping each with TTL 1 and 2): hop 1 should be this
 * computer's router, hop 2 the first router after it — in 100.64.0.0/10 it is the carrier's NAT, in RFC 1918 space
 * an ISP box (or the ISP's own private network), public it tells nothing new. A hop that did not answer is null.
 */
export const pathHopsSchema = z.object({
  /** The address pinged toward (the STUN server's). */
  target: address,
  first: address.nullable(),
  second: address.nullable(),
  /** Why ping could not tell (plain words), or null. */
  error: z.string().max(300).nullable(),
});
export type PathHops = z.infer<typeof pathHopsSchema>;

export const publicAddressCheckSchema = z.object({
  measuredAt: z.string(),
  /** This computer's default gateway (the router), if it has one. */
  gateway: address.nullable(),
  /** The router's own WAN address, as it reports it. */
  router: z.object({
    address: address.nullable(),
    source: z.enum(ROUTER_WAN_SOURCES).nullable(),
    /** When it was read (the UPnP step's audit may be older than this check). */
    readAt: z.string().nullable(),
  }),
  stun: outsideViewSchema,
  checker: outsideViewSchema,
  /** The first two hops toward the STUN server; null when not traced (no gateway, no STUN address, no ping here);
   *  absent in checks saved before they were traced. */
  hops: pathHopsSchema.nullable().optional(),
  /** The public IPv4 address the internet sees, when the outside sources give a believable one. */
  publicAddress: address.nullable(),
  verdict: publicVerdictSchema,
  /** The public address changed since the last check: it looks dynamic (DDNS needed). */
  changed: z.object({ from: address, lastSeen: z.string() }).nullable(),
  findings: z.array(publicFindingSchema).max(16),
  /** IPv6 here: a global address or none, and what it means for the NVR; absent in checks saved before it was read. */
  ipv6: ipv6FactsSchema.optional(),
});
export type PublicAddressCheck = z.infer<typeof publicAddressCheckSchema>;

/** One public address seen, from its first to its last check. */
export const publicAddressSeenSchema = z.object({ address, firstSeen: z.string(), lastSeen: z.string() });
export type PublicAddressSeen = z.infer<typeof publicAddressSeenSchema>;
/** How many past public addresses the record keeps. */
export const MAX_PUBLIC_HISTORY = 16;
