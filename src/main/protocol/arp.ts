// Linux /proc/net/arp: which MAC answered for which IPv4 address, to merge sweep results with other findings.
import { parseIpv4 } from './ipv4';
import { normaliseMac } from './ws-discovery';

/** Complete entries (flag ATF_COM 0x2) only; incomplete and 00:00:… entries are skipped. Never throws. */
export function parseProcArp(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n').slice(1, 4097)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 6) continue;
    const [ip, , flags, mac] = cols as [string, string, string, string];
    if (parseIpv4(ip) === null || (parseInt(flags, 16) & 0x2) === 0) continue;
    const normal = normaliseMac(mac);
    if (normal && normal !== '00:00:00:00:00:00') out.set(ip, normal);
  }
  return out;
}

/** Every host address of a subnet (network and broadcast excluded), or null when it is larger than /22. */
export function hostsOf(network: number, prefix: number, maxPrefixSize = 22): number[] | null {
  if (prefix < maxPrefixSize || prefix > 32) return null;
  if (prefix >= 31) return [network >>> 0];
  const size = 2 ** (32 - prefix);
  const base = (network & (0xffffffff << (32 - prefix))) >>> 0;
  const hosts: number[] = [];
  for (let i = 1; i < size - 1; i++) hosts.push((base + i) >>> 0);
  return hosts;
}
