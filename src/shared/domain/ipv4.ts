// Pure IPv4 helpers: parsing, prefixes, subnets, host ranges and address classes. No I/O; used by main (the codecs
// and services, through src/main/protocol/ipv4.ts) and by the renderer. Addresses are dotted-quad strings at the
// edges and unsigned 32-bit numbers inside.

/**
 * A dotted-quad IPv4 address as a number; null when it is not one (or not text at all: null, undefined). Surrounding
 * whitespace is allowed; anything longer than the 15 characters of "255.255.255.255" is refused before it is split
 * (bounded work on any text).
 */
export function parseIpv4(text: string | null | undefined): number | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  if (trimmed.length > 15) return null;
  const parts = trimmed.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value >>> 0;
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

export function prefixFromNetmask(netmask: string): number | null {
  const value = parseIpv4(netmask);
  if (value === null) return null;
  const bits = value.toString(2).padStart(32, '0');
  if (!/^1*0*$/.test(bits)) return null;
  return bits.indexOf('0') === -1 ? 32 : bits.indexOf('0');
}

/** True for a whole number 0–32. */
export function isPrefix(prefix: number): boolean {
  return Number.isInteger(prefix) && prefix >= 0 && prefix <= 32;
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** The dotted netmask of a prefix (24 → "255.255.255.0"); null when the prefix is not 0–32. */
export function netmaskOf(prefix: number): string | null {
  return isPrefix(prefix) ? formatIpv4(maskOf(prefix)) : null;
}

export function subnetOf(address: string, prefix: number): string | null {
  const value = parseIpv4(address);
  if (value === null || prefix < 0 || prefix > 32) return null;
  return `${formatIpv4((value & maskOf(prefix)) >>> 0)}/${prefix}`;
}

export function inSubnet(address: string, network: string, prefix: number): boolean {
  const a = parseIpv4(address);
  const n = parseIpv4(network);
  if (a === null || n === null) return false;
  const mask = maskOf(prefix);
  return (a & mask) >>> 0 === (n & mask) >>> 0;
}

/** The network address (all host bits 0) of an address's subnet, as a number; null on a bad address or prefix. */
export function networkNumber(address: string, prefix: number): number | null {
  const value = parseIpv4(address);
  if (value === null || !isPrefix(prefix)) return null;
  return (value & maskOf(prefix)) >>> 0;
}

/** The broadcast address (all host bits 1) of an address's subnet, as a number; null on a bad address or prefix. */
export function broadcastNumber(address: string, prefix: number): number | null {
  const network = networkNumber(address, prefix);
  return network === null ? null : (network | ~maskOf(prefix)) >>> 0;
}

/** The network address of an address's subnet ("192.168.1.77", 24 → "192.168.1.0"); null on bad input. */
export function networkOf(address: string, prefix: number): string | null {
  const n = networkNumber(address, prefix);
  return n === null ? null : formatIpv4(n);
}

/** The broadcast address of an address's subnet ("192.168.1.77", 24 → "192.168.1.255"); null on bad input. */
export function broadcastOf(address: string, prefix: number): string | null {
  const n = broadcastNumber(address, prefix);
  return n === null ? null : formatIpv4(n);
}

/**
 * The first and last host address of an address's subnet, as dotted strings (the network and broadcast addresses
 * left out): "192.168.1.77", 24 → 192.168.1.1–192.168.1.254; a /30 has two. Null for a bad address, and for /31 and
 * /32, which have no network and broadcast address to leave out (point-to-point links, not a home LAN).
 */
export function hostRange(address: string, prefix: number): { first: string; last: string } | null {
  const network = networkNumber(address, prefix);
  if (network === null || prefix > 30) return null;
  return { first: formatIpv4(network + 1), last: formatIpv4((network | ~maskOf(prefix)) - 1) };
}

/** How many host addresses a prefix leaves (24 → 254, 30 → 2); 0 for /31, /32 and anything not 0–32. */
export function hostCount(prefix: number): number {
  return isPrefix(prefix) && prefix <= 30 ? 2 ** (32 - prefix) - 2 : 0;
}

/**
 * Orders two dotted addresses numerically (for sort: negative, 0, positive); "192.168.1.9" before "192.168.1.10".
 * Text that is not an address sorts after every address, and among itself as text.
 */
export function compareIpv4(a: string, b: string): number {
  const x = parseIpv4(a);
  const y = parseIpv4(b);
  if (x !== null && y !== null) return x - y;
  if (x !== null) return -1;
  if (y !== null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const CLASSES: Array<
  [string, number, 'loopback' | 'link-local' | 'private' | 'cgnat' | 'documentation' | 'multicast']
> = [
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['10.0.0.0', 8, 'private'],
  ['172.16.0.0', 12, 'private'],
  ['192.168.0.0', 16, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['192.0.2.0', 24, 'documentation'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
];

export type Ipv4Class = 'loopback' | 'link-local' | 'private' | 'cgnat' | 'documentation' | 'multicast' | 'public';

export function classifyIpv4(address: string): Ipv4Class | null {
  if (parseIpv4(address) === null) return null;
  for (const [network, prefix, kind] of CLASSES) if (inSubnet(address, network, prefix)) return kind;
  return 'public';
}
