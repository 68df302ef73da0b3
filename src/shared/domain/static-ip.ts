// The Static IP step's pure rules (issue #11): what the device says about its address and how that stands on this
// LAN (findings with their evidence), what we know of the router's DHCP pool and how sure, a good fixed address for
// the device (deterministic, explained), and the inline problems of a typed address, gateway or DNS list. No I/O:
// main measures (ONVIF, SADP, DHIP, the neighbour table, "Your network") and proves an address free; the renderer
// shows and edits. Every message is plain words for a home user.
import { broadcastNumber, classifyIpv4, formatIpv4, isPrefix, networkNumber, parseIpv4 } from './ipv4';

// ---------------------------------------------------------------------------------------------------------------
// Types (the names the service, the contract and the page use)

/** What the device says about its own IPv4 settings, and where that came from. */
export interface Ipv4Settings {
  /** DHCP on (true), off (false), or not known (null: e.g. found by discovery alone). */
  dhcp: boolean | null;
  address: string | null;
  prefix: number | null;
  /**
   * The default gateway. Null means "none set" when the source reports gateways (ONVIF, SADP, DHIP) and "not known"
   * when it is 'discovery'.
   */
  gateway: string | null;
  /** The DNS servers. Empty means "none set" from ONVIF GetDNS or a non-empty list elsewhere; "not known" otherwise. */
  dns: string[];
  source: 'onvif' | 'sadp' | 'dhip' | 'discovery';
}

/** This computer on the LAN, from "Your network". */
export interface LanFacts {
  interfaceName: string;
  address: string;
  prefix: number;
  gateway: string | null;
}

export type PoolSource = 'user' | 'leases' | 'router-default';

/** The router's DHCP pool as far as we know it: its first and last address, and what that rests on. */
export interface DhcpPool {
  first: string;
  last: string;
  source: PoolSource;
  /** Plain words: what the pool rests on and how sure it is. */
  basis: string;
}

/** A device we know on the LAN (by its id), or an address planned for one. */
export interface KnownDevice {
  id: string;
  address: string;
  mac: string | null;
  dhcp: boolean | null;
  /** The address is planned for this device (not in use yet). */
  planned?: boolean;
}

export type FindingCode =
  | 'on-dhcp'
  | 'static-in-pool'
  | 'static-off-subnet'
  | 'gateway-not-router'
  | 'no-dns'
  | 'other-subnet'
  | 'address-conflict'
  | 'static-ok'
  | 'settings-unknown';

export interface Finding {
  code: FindingCode;
  severity: 'problem' | 'warning' | 'ok' | 'info';
  /** Plain words for a home user. */
  text: string;
  /** Where each fact came from. */
  evidence: string[];
}

export interface AddressProposal {
  address: string;
  prefix: number;
  gateway: string;
  dns: string[];
  /** Plain words: why this address, gateway and DNS. */
  why: string[];
}

export interface InputIssue {
  severity: 'error' | 'warning';
  text: string;
}

export interface AddressContext {
  lan: LanFacts;
  pool: DhcpPool | null;
  known: KnownDevice[];
  /** The device being set: its own entries in `known` do not count as taken. */
  deviceId: string;
}

// ---------------------------------------------------------------------------------------------------------------
// The LAN

/** The prefixes we plan addresses in: /8 to /30 (a /30 has two host addresses, the router's and one more). */
export const MIN_PREFIX = 8;
export const MAX_PREFIX = 30;

/** What makes this computer's network unusable for planning an address, in plain words; null when it is usable. */
export function lanProblem(lan: LanFacts): string | null {
  if (parseIpv4(lan.address) === null) return `This computer's address (${lan.address}) is not an IPv4 address.`;
  if (!isPrefix(lan.prefix) || lan.prefix > MAX_PREFIX)
    return `This computer's network (/${lan.prefix}) is a point-to-point link or a single address, not a local network with room for the NVR.`;
  if (lan.prefix < MIN_PREFIX)
    return `This computer's network (/${lan.prefix}) is larger than any home or office network: check the network settings on "Your network".`;
  return null;
}

interface Lan {
  network: number;
  broadcast: number;
  prefix: number;
  self: number;
  /** The router's address; NaN when it is not known (NaN equals nothing and lies in no range). */
  gateway: number;
  label: string;
}

function lanOf(lan: LanFacts): Lan | null {
  if (lanProblem(lan) !== null) return null;
  const network = networkNumber(lan.address, lan.prefix) as number;
  const gateway = parseIpv4(lan.gateway) ?? NaN;
  return {
    network,
    broadcast: broadcastNumber(lan.address, lan.prefix) as number,
    prefix: lan.prefix,
    self: parseIpv4(lan.address) as number,
    gateway,
    label: `${formatIpv4(network)}/${lan.prefix}`,
  };
}

const onLan = (l: Lan, value: number) => value >= l.network && value <= l.broadcast;

/** An address as people read it on this LAN: the last octet (".100") on a /24 or smaller, else the whole address. */
function short(l: Lan, value: number): string {
  return l.prefix >= 24 ? `.${value & 255}` : formatIpv4(value);
}

function lanEvidence(lan: LanFacts): string {
  const via = lan.gateway === null ? 'no router known' : `via ${lan.gateway}`;
  return `your computer: ${lan.address}/${lan.prefix} ${via} (${lan.interfaceName})`;
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

// ---------------------------------------------------------------------------------------------------------------
// Findings

const SOURCE_WORDS = {
  onvif: { iface: 'ONVIF GetNetworkInterfaces', gateway: 'ONVIF GetNetworkDefaultGateway', dns: 'ONVIF GetDNS' },
  sadp: { iface: 'SADP reply', gateway: 'SADP reply', dns: 'SADP reply' },
  dhip: { iface: 'DHIP reply', gateway: 'DHIP reply', dns: 'DHIP reply' },
  discovery: { iface: 'discovery', gateway: 'discovery', dns: 'discovery' },
} as const;

const inPool = (pool: DhcpPool | null, value: number) =>
  pool !== null && value >= (parseIpv4(pool.first) as number) && value <= (parseIpv4(pool.last) as number);

function poolLabel(l: Lan, pool: DhcpPool): string {
  return `${short(l, parseIpv4(pool.first) as number)}–${short(l, parseIpv4(pool.last) as number)}`;
}

/** A DNS entry a device can use: a unicast address (not 0.0.0.0, broadcast, loopback, multicast or link-local). */
function usableDns(address: string): boolean {
  const v = parseIpv4(address);
  if (v === null || v === 0 || v === 0xffffffff) return false;
  const kind = classifyIpv4(address);
  return kind !== 'loopback' && kind !== 'multicast' && kind !== 'link-local';
}

/**
 * What the device's address settings mean on this LAN, each finding with its evidence: on DHCP; static but inside
 * the DHCP pool (a problem when the pool rests on the user's entry or the leases, a warning on a factory hint);
 * static but off this computer's subnet; on DHCP (or not known) and off the subnet, i.e. this computer is on another
 * network or VLAN than the NVR; a gateway that is not this LAN's router; no DNS; another device on its address;
 * and, when nothing is wrong with a fixed address, that it is fine. Settings a source cannot tell are said to be
 * unknown, never guessed.
 */
export function judgeAddress(input: {
  device: Ipv4Settings;
  lan: LanFacts;
  pool: DhcpPool | null;
  conflicts: string[];
}): Finding[] {
  const { device, lan, pool, conflicts } = input;
  const words = SOURCE_WORDS[device.source];
  const here = lanEvidence(lan);
  const l = lanOf(lan);
  if (l === null)
    return [{ code: 'settings-unknown', severity: 'info', text: lanProblem(lan) as string, evidence: [here] }];
  const value = parseIpv4(device.address);
  if (value === null)
    return [
      {
        code: 'settings-unknown',
        severity: 'info',
        text: 'We could not read the address this device uses. Log in to it, so we can read its settings.',
        evidence: [`${words.iface}: no address`],
      },
    ];
  const address = formatIpv4(value);
  const at = `${words.iface}: address ${address}${device.prefix === null ? '' : `/${device.prefix}`}`;
  const findings: Finding[] = [];
  if (device.dhcp === true)
    findings.push({
      code: 'on-dhcp',
      severity: 'problem',
      text: `The NVR gets its address (${address}) from the router (DHCP). After a router restart or a lease change it can move, and everything that points at it — forward rules, apps — would point at nowhere. Give it a fixed address, or reserve this address for it in the router.`,
      evidence: [`${words.iface}: DHCP on`, at],
    });
  if (device.dhcp === null)
    findings.push({
      code: 'settings-unknown',
      severity: 'info',
      text: `We could not tell whether the NVR gets its address from the router (DHCP) or keeps a fixed one: ${device.source === 'discovery' ? 'discovery does not say' : 'the device did not say'}. Log in to it so we can read its settings.`,
      evidence: [`${words.iface}: DHCP not reported`, at],
    });
  const onSubnet = onLan(l, value);
  if (!onSubnet && device.dhcp === false)
    findings.push({
      code: 'static-off-subnet',
      severity: 'problem',
      text: `The NVR keeps the fixed address ${address}, which is not on your network ${l.label}. Either it still has a factory or old address — then devices on your network cannot reach it — or this computer is on another network (VLAN) than the NVR.`,
      evidence: [`${words.iface}: DHCP off`, at, here],
    });
  if (!onSubnet && device.dhcp !== false)
    findings.push({
      code: 'other-subnet',
      severity: 'warning',
      text: `The NVR (${address}) is on another network than this computer (${l.label}): this computer is probably on another network or VLAN than the NVR. Connect this computer to the NVR's network to check and change its address.`,
      evidence: [at, here],
    });
  if (onSubnet && device.dhcp === false && inPool(pool, value)) {
    const p = pool as DhcpPool;
    findings.push({
      code: 'static-in-pool',
      severity: p.source === 'router-default' ? 'warning' : 'problem',
      text: `The NVR keeps the fixed address ${address}, but it is inside the range the router hands out (${poolLabel(l, p)}${p.source === 'router-default' ? ', if the router still has its factory range' : ''}). The router may give the same address to another device, and then neither works reliably. Choose an address outside that range.`,
      evidence: [`${words.iface}: DHCP off`, at, `DHCP pool ${poolLabel(l, p)}: ${p.basis}`],
    });
  }
  const gatewayKnown = device.source !== 'discovery' || device.gateway !== null;
  const gw = parseIpv4(device.gateway);
  if (onSubnet && gatewayKnown && !Number.isNaN(l.gateway) && gw !== l.gateway)
    findings.push({
      code: 'gateway-not-router',
      severity: 'problem',
      text:
        device.gateway === null
          ? `The NVR has no gateway set, so it cannot answer anyone outside your network. Set the gateway to your router, ${formatIpv4(l.gateway)}.`
          : `The NVR's gateway is ${device.gateway}, not your router (${formatIpv4(l.gateway)}). Its answers to the outside would not go through your router, so remote access would fail. Set the gateway to ${formatIpv4(l.gateway)}.`,
      evidence: [`${words.gateway}: gateway ${device.gateway ?? 'none'}`, here],
    });
  const dnsKnown = device.source === 'onvif' || device.dns.length > 0;
  if (dnsKnown && !device.dns.some(usableDns))
    findings.push({
      code: 'no-dns',
      severity: 'warning',
      text: 'The NVR has no DNS server set. It needs one to find DDNS and cloud (P2P) servers by name, and usually to set its clock; without it those quietly fail. Set the DNS to your router or a public DNS server.',
      evidence: [`${words.dns}: DNS ${device.dns.length ? device.dns.slice(0, 4).join(', ') : 'none'}`],
    });
  const others = [...new Set(conflicts.map((m) => m.trim().toLowerCase()).filter((m) => m.length > 0))];
  if (others.length > 0 || value === l.gateway)
    findings.push({
      code: 'address-conflict',
      severity: 'problem',
      text:
        value === l.gateway
          ? `The NVR uses ${address}, your router's own address. Two devices on one address both stop working reliably: give the NVR another address.`
          : `Another device (${others.slice(0, 3).join(', ')}${others.length > 3 ? ' and more' : ''}) also answers on ${address}. Two devices on one address both stop working reliably: give the NVR an address no one else uses.`,
      evidence: [at, ...others.slice(0, 5).map((m) => `neighbour table: ${m} seen at ${address}`)],
    });
  const wrong = findings.some((f) => f.severity === 'problem' || f.code === 'static-in-pool');
  if (device.dhcp === false && onSubnet && !wrong)
    findings.push({
      code: 'static-ok',
      severity: pool === null ? 'info' : 'ok',
      text:
        pool === null
          ? `The NVR keeps the fixed address ${address} on your network. We do not know the router's DHCP range, so we could not check that the router never hands out this address: type the range from the router's DHCP page to be sure.`
          : `The NVR keeps the fixed address ${address} on your network, outside the range the router hands out (${poolLabel(l, pool)}).`,
      evidence: [
        `${words.iface}: DHCP off`,
        at,
        here,
        ...(pool === null ? [] : [`DHCP pool ${poolLabel(l, pool)}: ${pool.basis}`]),
      ],
    });
  return findings;
}

// ---------------------------------------------------------------------------------------------------------------
// The proposal

/** A DNS server the device can reach from this LAN: usable, and public or a host address on this LAN. */
function reachableDns(l: Lan, text: string): boolean {
  const v = parseIpv4(text) ?? NaN;
  return usableDns(text) && (classifyIpv4(text) === 'public' || (v > l.network && v < l.broadcast));
}

/** What another known device makes of an address: whose it is, in words; the device itself never counts. */
function takenBy(known: KnownDevice[], deviceId: string): Map<number, string> {
  const taken = new Map<number, string>(); // an unreadable address sits under NaN, which no real address looks up
  for (const d of known) {
    if (d.id === deviceId) continue;
    const v = parseIpv4(d.address) ?? NaN;
    if (!taken.has(v)) taken.set(v, d.planned === true ? `planned for ${d.id}` : `used by ${d.id}`);
  }
  return taken;
}

/** Why no address can be proposed, in plain words (the page shows it where a proposal would be). */
export function noProposalReason(input: { lan: LanFacts; pool: DhcpPool | null }): string {
  const problem = lanProblem(input.lan);
  if (problem !== null) return problem;
  if (parseIpv4(input.lan.gateway) === null)
    return 'We do not know your router\'s address, so we cannot set the NVR\'s gateway: check "Your network".';
  return input.pool === null
    ? 'Every address on your network is in use or planned for another device.'
    : `No address outside the router's DHCP range (${input.pool.first}–${input.pool.last}) is free. Make the range smaller on the router, or reserve the NVR's address in the router instead.`;
}

const MAX_SKIPPED_SHOWN = 5;

/**
 * A fixed address for the device: on this computer's subnet, outside the pool as known, not the network, broadcast
 * or router address, not this computer's, not one another known device uses or was planned for. Deterministic:
 *  1. the device's current address, when it is already fixed (DHCP off), on the subnet, outside the pool and no one
 *     else's — the least change (an address the device got by DHCP came from the pool, known or not, so never);
 *  2. with a pool: the first free address above the pool, counting up; then the nearest below it, counting down;
 *  3. without a pool: the highest free address, counting down (routers usually hand out from the low end).
 * Gateway: the LAN's router. DNS: the device's own usable servers (public ones, or private ones on this subnet; at
 * most two), else the router. Null when no address qualifies (noProposalReason says why).
 */
export function proposeAddress(input: {
  device: Ipv4Settings;
  lan: LanFacts;
  pool: DhcpPool | null;
  known: KnownDevice[];
  deviceId: string;
}): AddressProposal | null {
  const { device, lan, pool, known, deviceId } = input;
  const l = lanOf(lan);
  if (l === null || !onLan(l, l.gateway)) return null;
  const taken = takenBy(known, deviceId);
  const current = parseIpv4(device.address) ?? NaN;
  const skipped: string[] = [];
  /** Whose an address is, in words; null when it is free. The device's own address counts only as a DHCP lease. */
  const owner = (v: number) =>
    v === l.gateway
      ? 'the router'
      : v === l.self
        ? 'this computer'
        : v === current && device.dhcp !== false
          ? "the NVR's own DHCP lease"
          : (taken.get(v) ?? null);
  /** The first free host address from `from` (just outside the pool), stepping by `step`; taken ones on the way noted. */
  const scan = (from: number, step: 1 | -1) => {
    for (let v = from; v > l.network && v < l.broadcast; v += step) {
      const who = owner(v);
      if (who === null) return v;
      if (skipped.length < MAX_SKIPPED_SHOWN) skipped.push(`${short(l, v)} (${who})`);
    }
    return null;
  };
  // 1. Keep the current address: a host address outside the pool that is no one else's (owner() refuses a lease).
  let rule: 'keep' | 'above' | 'below' | 'top' = 'keep';
  let chosen: number | null =
    current > l.network && current < l.broadcast && !inPool(pool, current) && owner(current) === null ? current : null;
  if (chosen === null && pool !== null) {
    // 2. Above the pool, counting up; then below it, counting down.
    rule = 'above';
    chosen = scan((parseIpv4(pool.last) as number) + 1, 1);
    if (chosen === null) {
      rule = 'below';
      chosen = scan((parseIpv4(pool.first) as number) - 1, -1);
    }
  } else if (chosen === null) {
    // 3. No pool known: from the top, counting down.
    rule = 'top';
    chosen = scan(l.broadcast - 1, -1);
  }
  if (chosen === null) return null;
  const address = formatIpv4(chosen);
  const gateway = formatIpv4(l.gateway);
  const range = pool && poolLabel(l, pool);
  const why = [
    `On your network ${l.label}, where this computer is ${lan.address} and the router ${gateway}.`,
    {
      keep: `It keeps its current fixed address ${address}: already outside the router's DHCP range and used by no other device we know — the least change.`,
      above: `${address} is the first free address above the router's DHCP range ${range}.`,
      below: `${address} is the nearest free address below the router's DHCP range ${range}: none above it is free.`,
      top: `${address} is the highest free address on your network: routers usually hand out addresses from the low end.`,
    }[rule],
    pool === null
      ? "We do not know the router's DHCP range: type it from the router's DHCP page to be sure the router never hands out this address."
      : `The router's DHCP range ${range} rests on ${pool.basis}.`,
  ];
  if (skipped.length > 0) why.push(`Skipped: ${skipped.join(', ')}.`);
  why.push(`Gateway ${gateway}: your router, so the NVR's answers to the outside go through it.`);
  const own = [
    ...new Set(device.dns.filter((d) => reachableDns(l, d)).map((d) => formatIpv4(parseIpv4(d) as number))),
  ].slice(0, 2);
  why.push(
    own.length > 0
      ? `DNS ${own.join(', ')}: the NVR's own, kept.`
      : `DNS ${gateway}: your router, because the NVR has no DNS server it could reach from this network (DDNS and cloud need one).`,
  );
  return { address, prefix: l.prefix, gateway, dns: own.length > 0 ? own : [gateway], why };
}

// ---------------------------------------------------------------------------------------------------------------
// Typed values

const MAX_TYPED = 64;

function typedAddress(text: string, what: string): { value: number } | { issue: InputIssue } {
  const value = typeof text === 'string' && text.length <= MAX_TYPED ? parseIpv4(text) : null;
  if (value === null) {
    const shown = typeof text === 'string' ? text.trim().slice(0, 20) : '';
    return {
      issue: {
        severity: 'error',
        text: `${shown ? `"${shown}"` : 'This'} is not ${what}: type four numbers from 0 to 255 separated by dots, like 192.168.1.64.`,
      },
    };
  }
  return { value };
}

/**
 * The problems of an address the user typed for the device: malformed, off the subnet, the network, broadcast or
 * router address, this computer's, another device's (named) or planned for another; inside the DHCP pool is an error
 * when the pool rests on the user's entry or the leases, a warning when only on a factory hint. Empty when fine.
 */
export function checkTypedAddress(text: string, ctx: AddressContext): InputIssue[] {
  const parsed = typedAddress(text, 'an IPv4 address');
  if ('issue' in parsed) return [parsed.issue];
  const v = parsed.value;
  const address = formatIpv4(v);
  const l = lanOf(ctx.lan);
  if (l === null) return [{ severity: 'error', text: lanProblem(ctx.lan) as string }];
  if (!onLan(l, v))
    return [
      {
        severity: 'error',
        text: `${address} is not on your network ${l.label}: the NVR would be unreachable from it.`,
      },
    ];
  if (v === l.network)
    return [
      { severity: 'error', text: `${address} is the network's own address (all host bits 0): no device can have it.` },
    ];
  if (v === l.broadcast)
    return [{ severity: 'error', text: `${address} is the network's broadcast address: no device can have it.` }];
  if (v === l.gateway) return [{ severity: 'error', text: `${address} is your router's address.` }];
  if (v === l.self) return [{ severity: 'error', text: `${address} is this computer's address.` }];
  const issues: InputIssue[] = [];
  const other = takenBy(ctx.known, ctx.deviceId).get(v);
  if (other !== undefined) issues.push({ severity: 'error', text: `${address} is already ${other}.` });
  if (inPool(ctx.pool, v)) {
    const p = ctx.pool as DhcpPool;
    issues.push(
      p.source === 'router-default'
        ? {
            severity: 'warning',
            text: `${address} may be inside the range the router hands out (${poolLabel(l, p)}, ${p.basis}). Check the range on the router's DHCP page, or choose an address outside it.`,
          }
        : {
            severity: 'error',
            text: `${address} is inside the range the router hands out (${poolLabel(l, p)}, ${p.basis}): the router could give it to another device.`,
          },
    );
  }
  return issues;
}

/**
 * The problems of a gateway the user typed: malformed; off the subnet, the network or broadcast address, or the
 * device's own address (errors); not this LAN's router (a warning: a second router is possible, but rare at home).
 */
export function checkGateway(text: string, ctx: { lan: LanFacts; address?: string | null }): InputIssue[] {
  const parsed = typedAddress(text, 'a gateway address');
  if ('issue' in parsed) return [parsed.issue];
  const v = parsed.value;
  const gateway = formatIpv4(v);
  const l = lanOf(ctx.lan);
  if (l === null) return [{ severity: 'error', text: lanProblem(ctx.lan) as string }];
  if (!onLan(l, v) || v === l.network || v === l.broadcast)
    return [
      {
        severity: 'error',
        text: `${gateway} cannot be the gateway: it must be a device on your network ${l.label}, normally your router.`,
      },
    ];
  const own = parseIpv4(ctx.address);
  if (v === own)
    return [{ severity: 'error', text: `${gateway} is the NVR's own address: the gateway must be your router.` }];
  if (!Number.isNaN(l.gateway) && v !== l.gateway)
    return [
      {
        severity: 'warning',
        text: `${gateway} is not your router (${formatIpv4(l.gateway)}). Unless that device routes to the internet, the NVR could not be reached from outside.`,
      },
    ];
  return [];
}

/** The DNS servers in a typed list ("8.8.8.8, 1.1.1.1" or separated by spaces), in order, as typed (trimmed). */
export function splitDnsList(text: string): string[] {
  if (typeof text !== 'string') return [];
  return text
    .slice(0, 200)
    .split(/[\s,;]/)
    .filter((s) => s.length > 0);
}

/**
 * The problems of a typed DNS list: each entry malformed or not a server address (0.0.0.0, broadcast, loopback,
 * multicast, link-local) is an error; an empty list, more than two servers (many NVRs keep a preferred and an
 * alternate one only), or a private address off this network (unreachable unless routed) are warnings.
 */
export function checkDnsList(text: string, ctx: { lan: LanFacts }): InputIssue[] {
  const entries = splitDnsList(text);
  if (entries.length === 0)
    return [{ severity: 'warning', text: 'Without a DNS server the NVR cannot find DDNS and cloud servers by name.' }];
  const issues: InputIssue[] = [];
  const l = lanOf(ctx.lan);
  for (const entry of entries.slice(0, 8)) {
    const parsed = typedAddress(entry, 'a DNS server address');
    if ('issue' in parsed) {
      issues.push(parsed.issue);
      continue;
    }
    const address = formatIpv4(parsed.value);
    if (!usableDns(address)) issues.push({ severity: 'error', text: `${address} is not a DNS server address.` });
    else if (l !== null && classifyIpv4(address) !== 'public' && !onLan(l, parsed.value))
      issues.push({
        severity: 'warning',
        text: `${address} is not on your network ${l.label}: the NVR can use it only if your router routes to it.`,
      });
  }
  if (entries.length > 2)
    issues.push({
      severity: 'warning',
      text: 'Many NVRs keep only two DNS servers (preferred and alternate): the others may be dropped.',
    });
  return issues;
}
