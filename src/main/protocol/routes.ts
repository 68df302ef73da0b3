// Pure parsers for the operating system's IPv4 routing table, one per platform. They never throw:
// unreadable lines are skipped, and "no default route" is null.
import { formatIpv4, parseIpv4 } from './ipv4';

export interface DefaultRoute {
  gateway: string;
  interfaceName: string;
  metric: number;
}

/** Linux /proc/net/route: little-endian hex columns Iface Destination Gateway Flags … Metric Mask. */
export function parseLinuxProcRoute(text: string): DefaultRoute[] {
  const routes: DefaultRoute[] = [];
  for (const line of text.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 8) continue;
    const [iface, dest, gw, flagsHex, , , metric, mask] = cols as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const flags = parseInt(flagsHex, 16);
    // RTF_UP (1) and RTF_GATEWAY (2); destination and mask 0 = default route.
    if (!/^[0-9A-Fa-f]{8}$/.test(dest) || !/^[0-9A-Fa-f]{8}$/.test(gw) || !/^[0-9A-Fa-f]{8}$/.test(mask)) continue;
    if (parseInt(dest, 16) !== 0 || parseInt(mask, 16) !== 0 || (flags & 3) !== 3) continue;
    routes.push({ gateway: formatIpv4(leHexToIpv4(gw)), interfaceName: iface, metric: Number(metric) || 0 });
  }
  return routes.sort((a, b) => a.metric - b.metric);
}

function leHexToIpv4(hex: string): number {
  const n = parseInt(hex, 16);
  return (((n & 0xff) << 24) | (((n >>> 8) & 0xff) << 16) | (((n >>> 16) & 0xff) << 8) | ((n >>> 24) & 0xff)) >>> 0;
}

/** macOS / BSD `netstat -rn -f inet`: a line "default  192.168.1.1  UGScg  en0". */
export function parseBsdNetstat(text: string): DefaultRoute[] {
  const routes: DefaultRoute[] = [];
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] !== 'default' || cols.length < 4) continue;
    const gateway = cols[1] ?? '';
    if (parseIpv4(gateway) === null) continue;
    const iface = cols.find((c, i) => i >= 3 && /^[a-z]+\d+$/i.test(c));
    if (iface) routes.push({ gateway, interfaceName: iface, metric: routes.length });
  }
  return routes;
}

/**
 * Windows `route print -4`: "0.0.0.0  0.0.0.0  192.168.1.1  192.168.1.20  25" (the interface is given by its
 * address; the caller maps it to a name).
 */
export function parseWindowsRoutePrint(
  text: string,
): Array<{ gateway: string; interfaceAddress: string; metric: number }> {
  const routes: Array<{ gateway: string; interfaceAddress: string; metric: number }> = [];
  for (const line of text.split(/\r?\n/)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 5 || cols[0] !== '0.0.0.0' || cols[1] !== '0.0.0.0') continue;
    const [, , gateway, iface, metric] = cols as [string, string, string, string, string];
    if (parseIpv4(gateway) === null || parseIpv4(iface) === null) continue;
    routes.push({ gateway, interfaceAddress: iface, metric: Number(metric) || 0 });
  }
  return routes.sort((a, b) => a.metric - b.metric);
}
