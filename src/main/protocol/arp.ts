// Linux /proc/net/arp: which MAC answered for which IPv4 address, to merge sweep results with other findings.
import { SWEEP_MAX_PREFIX } from '../../shared/domain/discovery-limits';
import { parseIpv4 } from './ipv4';
import { eachLine } from './routes';
import { normaliseMac } from './ws-discovery';

/** Entries read at most: the kernel's default gc_thresh3 (1024) four times over. */
const MAX_ENTRIES = 4096;
/**
 * Characters read at most. A line is under 160 characters (address, type, flags, a MAC of up to 59 characters,
 * mask, a 15-character device name, padding), so 4096 entries fit in 640 KiB and the cut never reaches one.
 */
const MAX_TEXT = 1024 * 1024;

/**
 * Complete entries (flag ATF_COM 0x2) only; incomplete and 00:00:… entries are skipped. Never throws. Linear and
 * bounded: lines are walked with indexOf up to the MAX_ENTRIES-th, each split into its first 6 columns only.
 */
export function parseProcArp(text: string): Map<string, string> {
  const out = new Map<string, string>();
  eachLine(String(text ?? '').slice(0, MAX_TEXT), (line, index) => {
    if (index > MAX_ENTRIES) return false;
    if (index === 0) return; // the column titles
    const cols = line.trim().split(/\s+/, 6);
    if (cols.length < 6) return;
    const [ip, , flags, mac] = cols as [string, string, string, string];
    if (parseIpv4(ip) === null || (parseInt(flags, 16) & 0x2) === 0) return;
    const normal = normaliseMac(mac);
    if (normal && normal !== '00:00:00:00:00:00') out.set(ip, normal);
  });
  return out;
}

/** Every host address of a subnet (network and broadcast excluded), or null when it is larger than the sweep's /22. */
export function hostsOf(network: number, prefix: number, maxPrefixSize = SWEEP_MAX_PREFIX): number[] | null {
  if (prefix < maxPrefixSize || prefix > 32) return null;
  if (prefix >= 31) return [network >>> 0];
  const size = 2 ** (32 - prefix);
  const base = (network & (0xffffffff << (32 - prefix))) >>> 0;
  const hosts: number[] = [];
  for (let i = 1; i < size - 1; i++) hosts.push((base + i) >>> 0);
  return hosts;
}
