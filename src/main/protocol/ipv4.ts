// Pure IPv4 helpers: parsing, prefixes, subnets and address classes. No I/O.

/**
 * A dotted-quad IPv4 address as a number; null when it is not one. Surrounding whitespace is allowed; anything
 * longer than the 15 characters of "255.255.255.255" is refused before it is split (bounded work on any text).
 */
export function parseIpv4(text: string): number | null {
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

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
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
