// The router's DHCP pool as far as the app knows it, and how sure: the range the user typed, the range the devices
// seen on DHCP span, and the router family's factory pool (../shared/reference/ROUTERS.md) as a hint. Pure.
import { english, saidInEnglish } from '../i18n/english';
import { said, saidWords, type Said } from '../i18n/said';
import { formatIpv4, parseIpv4 } from './ipv4';
import { lanOf, lanProblemSaid, onLan, short, type DhcpPool, type KnownDevice, type LanFacts } from './static-ip-lan';

/** A pool's basis from its parts said by key: the English `basis` (parts joined by "; ") and the parts. */
function basisOf(parts: Said[]): Pick<DhcpPool, 'basis' | 'basisSaid'> {
  return { basis: parts.map(english).join('; '), basisSaid: parts };
}

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
export function parsePool(
  text: string,
  lan: LanFacts,
): { pool: DhcpPool; warnings: string[]; warningsSaid: Said[] } | { problem: string; said: Said } {
  const refused = (words: Said) => {
    const { said, text } = saidInEnglish(words);
    return { problem: text, said };
  };
  const malformed = refused(said('staticIp.poolProblem.malformed'));
  if (typeof text !== 'string' || text.length > MAX_POOL_TEXT) return malformed;
  const parts = text.trim().split(/\s*[-–—]\s*/);
  if (parts.length !== 2) return malformed;
  const [a, b] = parts as [string, string];
  const first = parseIpv4(a);
  if (first === null) return malformed;
  const last = parseIpv4(b) ?? lastNumber(first, b);
  if (last === null) return malformed;
  const l = lanOf(lan);
  if (l === null) return refused(lanProblemSaid(lan)!);
  const range = `${formatIpv4(first)}–${formatIpv4(last)}`;
  if (last < first) return refused(said('staticIp.poolProblem.reversed', { range }));
  if (!onLan(l, first) || !onLan(l, last))
    return refused(said('staticIp.poolProblem.offLan', { range, network: l.label }));
  if (first === l.network) return refused(said('staticIp.poolProblem.network', { range, address: formatIpv4(first) }));
  if (last === l.broadcast)
    return refused(said('staticIp.poolProblem.broadcast', { range, address: formatIpv4(last) }));
  if (l.gateway >= first && l.gateway <= last)
    return refused(said('staticIp.poolProblem.router', { range, router: formatIpv4(l.gateway) }));
  const warningsSaid: Said[] = [];
  const outside = first - l.network - 1 + (l.broadcast - last - 1) - (onLan(l, l.gateway) ? 1 : 0);
  if (outside <= 0) warningsSaid.push(said('staticIp.poolProblem.takesAll', { range }));
  return {
    pool: {
      first: formatIpv4(first),
      last: formatIpv4(last),
      source: 'user',
      ...basisOf([said('staticIp.poolBasis.typed')]),
    },
    warnings: warningsSaid.map(english),
    warningsSaid,
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
      ? said('staticIp.poolBasis.seenOne', { address: short(l, first) })
      : said('staticIp.poolBasis.seenMany', { count: String(seen.size), first: short(l, first), last: short(l, last) });
  return { first: formatIpv4(first), last: formatIpv4(last), source: 'leases', ...basisOf([basis]) };
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
  const also = unknown.length ? [said('staticIp.poolBasis.also', { families: unknown.join(', ') })] : [];
  const [r] = withPool as [RouterDefault];
  if (withPool.length === 1) {
    const confidence = saidWords(`staticIp.confidence.${r.confidence}`);
    return {
      first: formatIpv4(first),
      last: formatIpv4(last),
      source: 'router-default',
      ...basisOf([said('staticIp.poolBasis.factory', { family: r.family, range, confidence }), ...also]),
    };
  }
  const each = withPool.map(
    (r) => `${r.family} ${short(l, parseIpv4(r.pool!.first)!)}–${short(l, parseIpv4(r.pool!.last)!)}`,
  );
  return {
    first: formatIpv4(first),
    last: formatIpv4(last),
    source: 'router-default',
    ...basisOf([
      said('staticIp.poolBasis.several', { router: formatIpv4(l.gateway), each: each.join(', '), range }),
      ...also,
    ]),
  };
}

/** A pool's basis and more parts after it: said by key where the pool's basis is (else its English words only). */
function basisAfter(pool: DhcpPool, more: Said[]): Pick<DhcpPool, 'basis' | 'basisSaid'> {
  return pool.basisSaid
    ? basisOf([...pool.basisSaid, ...more])
    : { basis: [pool.basis, ...more.map(english)].join('; ') };
}

/** "widened to …": the factory hint's first part, said as what the leases were widened to. */
const WIDENED: Readonly<Record<string, 'staticIp.poolBasis.widenedFactory' | 'staticIp.poolBasis.widenedSeveral'>> = {
  'staticIp.poolBasis.factory': 'staticIp.poolBasis.widenedFactory',
  'staticIp.poolBasis.several': 'staticIp.poolBasis.widenedSeveral',
};

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
  if (ll < rf || lf > rl) return { ...leases, ...basisAfter(leases, [said('staticIp.poolBasis.notFit')]) };
  const [hint, ...rest] = routerDefault.basisSaid ?? [];
  const widened = hint && WIDENED[hint.key];
  return {
    first: formatIpv4(Math.min(lf, rf)),
    last: formatIpv4(Math.max(ll, rl)),
    // Past what was seen, the range is the factory hint's: a typed address there is a warning, not a refusal.
    source: 'router-default',
    ...(widened
      ? basisAfter(leases, [{ key: widened, ...(hint.params ? { params: hint.params } : {}) }, ...rest])
      : { basis: `${leases.basis}; widened to ${routerDefault.basis}` }),
  };
}
