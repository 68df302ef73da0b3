// The router's DHCP pool as far as the app knows it, and how sure: the range the user typed, the range the devices
// seen on DHCP span, and the router family's factory pool (../shared/reference/ROUTERS.md) as a hint. Pure.
import { formatIpv4, parseIpv4 } from './ipv4';
import { lanOf, lanProblem, onLan, short, type DhcpPool, type KnownDevice, type LanFacts } from './static-ip-lan';

// ---------------------------------------------------------------------------------------------------------------
// The DHCP pool

const MAX_POOL_TEXT = 80;

/** "199" after "192.168.50.100-": the address with that last number; null when the text is not a number 0–255. */
function lastNumber(first: number, text: string): number | null {
  if (!/^\d{1,3}$/.test(text) || Number(text) > 255) return null;
  return ((first & 0xffffff00) | Number(text)) >>> 0;
}

/**
 * The pool as the user typed it from the router's page: "a-b", "a – b" (any dash, spaces around it), or "a-b" where
 * b is only the last number ("192.168.50.100-199"). Refused, with the reason: malformed, reversed, not inside this
 * computer's network, or containing the network, broadcast or router address (a router never hands those out, so
 * the range was mistyped). A pool that leaves no address outside it is accepted with a warning.
 */
export function parsePool(text: string, lan: LanFacts): { pool: DhcpPool; warnings: string[] } | { problem: string } {
  const malformed = {
    problem: `Type the pool as its first and last address, for example 192.168.1.100-192.168.1.199 or 192.168.1.100-199.`,
  };
  if (typeof text !== 'string' || text.length > MAX_POOL_TEXT) return malformed;
  const parts = text.trim().split(/\s*[-–—]\s*/);
  if (parts.length !== 2) return malformed;
  const [a, b] = parts as [string, string];
  const first = parseIpv4(a);
  if (first === null) return malformed;
  const last = parseIpv4(b) ?? lastNumber(first, b);
  if (last === null) return malformed;
  const l = lanOf(lan);
  if (l === null) return { problem: lanProblem(lan) as string };
  const range = `${formatIpv4(first)}–${formatIpv4(last)}`;
  if (last < first) return { problem: `The pool ${range} ends before it starts: type the lower address first.` };
  if (!onLan(l, first) || !onLan(l, last))
    return { problem: `The pool ${range} is not inside your network ${l.label}: check it on the router's DHCP page.` };
  if (first === l.network || last === l.broadcast)
    return {
      problem: `The pool ${range} includes ${formatIpv4(first === l.network ? l.network : l.broadcast)}, the ${first === l.network ? 'network' : 'broadcast'} address, which no device can have: check it on the router's DHCP page.`,
    };
  if (l.gateway >= first && l.gateway <= last)
    return {
      problem: `The pool ${range} includes the router's own address (${formatIpv4(l.gateway)}), which a router never hands out: copy the first and last address from the router's DHCP page.`,
    };
  const warnings: string[] = [];
  const outside = first - l.network - 1 + (l.broadcast - last - 1) - (onLan(l, l.gateway) ? 1 : 0);
  if (outside <= 0)
    warnings.push(
      `The pool ${range} takes every address of your network: there is none left for a fixed address. Make the pool smaller on the router, or reserve the NVR's address there.`,
    );
  return {
    pool: { first: formatIpv4(first), last: formatIpv4(last), source: 'user', basis: 'the range you typed' },
    warnings,
  };
}

/**
 * The pool as the leases we can see show it: the range spanned by the devices known to be on DHCP on this LAN (not
 * the planned addresses). The real pool is at least this; null when no such device is known.
 */
export function poolFromLeases(devices: KnownDevice[], lan: LanFacts): DhcpPool | null {
  const l = lanOf(lan);
  if (l === null) return null;
  const seen = new Set<number>();
  for (const d of devices) {
    if (d.dhcp !== true || d.planned === true) continue;
    const v = parseIpv4(d.address) ?? NaN;
    if (v > l.network && v < l.broadcast && v !== l.gateway) seen.add(v);
  }
  if (seen.size === 0) return null;
  const first = Math.min(...seen);
  const last = Math.max(...seen);
  const basis =
    seen.size === 1
      ? `seen: 1 device on DHCP at ${short(l, first)} — the pool includes at least this address`
      : `seen: ${seen.size} devices on DHCP between ${short(l, first)} and ${short(l, last)} — the pool is at least this`;
  return { first: formatIpv4(first), last: formatIpv4(last), source: 'leases', basis };
}

/** A router family's factory LAN and DHCP pool, from ../shared/reference/ROUTERS.md (section, confidence, source). */
export interface RouterDefault {
  family: string;
  gateway: string;
  prefix: number;
  /** The pool's first and last address; null when ROUTERS.md knows the family's address but not its pool. */
  pool: { first: string; last: string } | null;
  /** ROUTERS.md's confidence in the pool (H confirmed by the vendor, M one secondary source, L believed). */
  confidence: 'H' | 'M' | 'L';
  source: string | null;
}

export const ROUTER_DEFAULTS: readonly RouterDefault[] = [
  // §1.1: the address M (textbook screenshot), the pool L ("believed").
  {
    family: 'TP-Link Archer',
    gateway: '192.168.0.1',
    prefix: 24,
    pool: { first: '192.168.0.100', last: '192.168.0.199' },
    confidence: 'L',
    source: 'https://granttom.com/advanced-options-cisco-local-area-networks/',
  },
  // §1.14 Sky Hub: 192.168.0.1, pool not known (L). §1.3: Netgear cable gateways use 192.168.0.x.
  { family: 'Sky Hub', gateway: '192.168.0.1', prefix: 24, pool: null, confidence: 'L', source: null },
  // §1.2: models with the defip capability, vendor GPL source.
  {
    family: 'ASUS',
    gateway: '192.168.50.1',
    prefix: 24,
    pool: { first: '192.168.50.2', last: '192.168.50.254' },
    confidence: 'M',
    source: 'https://github.com/RMerl/asuswrt-merlin.ng/blob/master/release/src/router/rc/init.c',
  },
  {
    family: 'ASUS (older models)',
    gateway: '192.168.1.1',
    prefix: 24,
    pool: { first: '192.168.1.2', last: '192.168.1.254' },
    confidence: 'M',
    source: 'https://github.com/RMerl/asuswrt-merlin.ng/blob/master/release/src/router/rc/init.c',
  },
  // §1.3: "usually 192.168.1.1 (pool .2–.254, L)".
  {
    family: 'Netgear',
    gateway: '192.168.1.1',
    prefix: 24,
    pool: { first: '192.168.1.2', last: '192.168.1.254' },
    confidence: 'L',
    source: 'https://19216811.live/netgear-c6300bd-manual/24',
  },
  // §1.5.
  {
    family: 'FRITZ!Box',
    gateway: '192.168.178.1',
    prefix: 24,
    pool: { first: '192.168.178.20', last: '192.168.178.200' },
    confidence: 'H',
    source: 'https://service.avm.de/help/de/FRITZ-Box-7590/018/hilfe_ipv4_settings',
  },
  // §1.11: "DHCP pool believed to be .64–.253", no source.
  {
    family: 'BT Smart Hub',
    gateway: '192.168.1.254',
    prefix: 24,
    pool: { first: '192.168.1.64', last: '192.168.1.253' },
    confidence: 'L',
    source: null,
  },
  // §1.16, §1.17: vendor source (config.xml).
  {
    family: 'pfSense',
    gateway: '192.168.1.1',
    prefix: 24,
    pool: { first: '192.168.1.100', last: '192.168.1.199' },
    confidence: 'H',
    source:
      'https://github.com/pfsense/pfsense/blob/01b4c5214b826f335382556924e471de760fd5f7/src/conf.default/config.xml',
  },
  {
    family: 'OPNsense',
    gateway: '192.168.1.1',
    prefix: 24,
    pool: { first: '192.168.1.100', last: '192.168.1.199' },
    confidence: 'H',
    source: 'https://github.com/opnsense/core/blob/00e06aef34e896ab12cd5900f40f7b826241ecef/src/etc/config.xml.sample',
  },
  // §1.18: start 100, limit 150.
  {
    family: 'OpenWrt',
    gateway: '192.168.1.1',
    prefix: 24,
    pool: { first: '192.168.1.100', last: '192.168.1.249' },
    confidence: 'H',
    source:
      'https://github.com/openwrt/openwrt/blob/1a1f361123d678a963bec73dccccdf70986a0c34/package/network/services/dnsmasq/files/dhcp.conf',
  },
  // §1.19: defconf.
  {
    family: 'MikroTik',
    gateway: '192.168.88.1',
    prefix: 24,
    pool: { first: '192.168.88.10', last: '192.168.88.254' },
    confidence: 'M',
    source: 'https://tangentsoft.com/mikrotik/wiki?name=Default%20Router%20Configuration',
  },
];

const CONFIDENCE_WORDS = { H: 'confirmed by the vendor', M: 'one source', L: 'low confidence' } as const;

/**
 * The factory pool of the router families whose factory LAN is this one (same router address and prefix): a hint,
 * never a fact. When several families share the address (192.168.1.1), the widest range any of them uses, and the
 * basis says so. Null when no family with a known pool matches.
 */
export function routerDefaultPool(lan: LanFacts, table: readonly RouterDefault[] = ROUTER_DEFAULTS): DhcpPool | null {
  const l = lanOf(lan);
  if (l === null) return null;
  const rows = table.filter((r) => parseIpv4(r.gateway) === l.gateway && r.prefix === l.prefix);
  const withPool = rows.filter((r) => r.pool !== null);
  if (withPool.length === 0) return null;
  const firsts = withPool.map((r) => parseIpv4(r.pool!.first) as number);
  const lasts = withPool.map((r) => parseIpv4(r.pool!.last) as number);
  const first = Math.min(...firsts);
  const last = Math.max(...lasts);
  const range = `${short(l, first)}–${short(l, last)}`;
  const unknown = rows.filter((r) => r.pool === null).map((r) => r.family);
  const also = unknown.length ? `; also the factory address of ${unknown.join(', ')} (pool not known)` : '';
  const [r] = withPool as [RouterDefault];
  if (withPool.length === 1) {
    return {
      first: formatIpv4(first),
      last: formatIpv4(last),
      source: 'router-default',
      basis: `${r.family}'s factory pool (${range}), a hint (ROUTERS.md, ${CONFIDENCE_WORDS[r.confidence]})${also}`,
    };
  }
  const each = withPool.map(
    (r) => `${r.family} ${short(l, parseIpv4(r.pool!.first)!)}–${short(l, parseIpv4(r.pool!.last)!)}`,
  );
  return {
    first: formatIpv4(first),
    last: formatIpv4(last),
    source: 'router-default',
    basis: `${formatIpv4(l.gateway)} is the factory address of several router families whose pools differ (${each.join(', ')}): the widest, ${range}, is assumed — a hint, not a fact (ROUTERS.md)${also}`,
  };
}

/**
 * The pool a proposal rests on: the user's entry wins; else the leases we saw, widened to the router family's
 * factory pool when the two overlap (the leases then fit the hint); else the leases alone; else the hint alone.
 */
export function choosePool(input: {
  user: DhcpPool | null;
  leases: DhcpPool | null;
  routerDefault: DhcpPool | null;
}): DhcpPool | null {
  const { user, leases, routerDefault } = input;
  if (user !== null) return user;
  if (leases === null) return routerDefault;
  if (routerDefault === null) return leases;
  const lf = parseIpv4(leases.first) as number;
  const ll = parseIpv4(leases.last) as number;
  const rf = parseIpv4(routerDefault.first) as number;
  const rl = parseIpv4(routerDefault.last) as number;
  if (ll < rf || lf > rl)
    return { ...leases, basis: `${leases.basis}; the factory pool hint does not fit what we saw, so it is left out` };
  return {
    first: formatIpv4(Math.min(lf, rf)),
    last: formatIpv4(Math.max(ll, rl)),
    // Past what was seen, the range is the factory hint's: a typed address there is a warning, not a refusal.
    source: 'router-default',
    basis: `${leases.basis}; widened to ${routerDefault.basis}`,
  };
}
