// Pure parsers for the operating system's IPv4 routing table, one per platform. They never throw:
// unreadable lines are skipped, and "no default route" is null.
//
// Bounded and linear on any text: at most MAX_TABLE characters are read, lines are walked with indexOf (no array
// of all lines), and a line is split into columns only as far as its format needs.
import { formatIpv4, parseIpv4 } from './ipv4';

export interface DefaultRoute {
  gateway: string;
  interfaceName: string;
  metric: number;
}

/**
 * How much of a routing table is read: 1 MiB is over 8 000 routes in any of the three formats (a desktop has a
 * few dozen; a host with hundreds of container bridges a few hundred), and the default route comes first in each
 * (all three list by destination, and 0.0.0.0 sorts first).
 */
export const MAX_TABLE = 1024 * 1024;

/**
 * Calls `each` with every line of `text` (as `text.split('\n')` would give them, the last one included even when
 * empty), in order, until it returns false. No array of all lines: memory stays that of one line.
 */
export function eachLine(text: string, each: (line: string, index: number) => boolean | void): void {
  let start = 0;
  for (let index = 0; start <= text.length; index++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (each(text.slice(start, end), index) === false) return;
    start = end + 1;
  }
}

/** The whitespace-separated columns of a line, at most `max` of them (the rest of the line is not split). */
const columns = (line: string, max?: number) => line.trim().split(/\s+/, max);

/** Linux /proc/net/route: little-endian hex columns Iface Destination Gateway Flags … Metric Mask. */
export function parseLinuxProcRoute(text: string): DefaultRoute[] {
  const routes: DefaultRoute[] = [];
  eachLine(String(text ?? '').slice(0, MAX_TABLE), (line, index) => {
    if (index === 0) return;
    const cols = columns(line, 8);
    if (cols.length < 8) return;
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
    if (!/^[0-9A-Fa-f]{8}$/.test(dest) || !/^[0-9A-Fa-f]{8}$/.test(gw) || !/^[0-9A-Fa-f]{8}$/.test(mask)) return;
    if (parseInt(dest, 16) !== 0 || parseInt(mask, 16) !== 0 || (flags & 3) !== 3) return;
    routes.push({ gateway: formatIpv4(leHexToIpv4(gw)), interfaceName: iface, metric: Number(metric) || 0 });
  });
  return routes.sort((a, b) => a.metric - b.metric);
}

function leHexToIpv4(hex: string): number {
  const n = parseInt(hex, 16);
  return (((n & 0xff) << 24) | (((n >>> 8) & 0xff) << 16) | (((n >>> 16) & 0xff) << 8) | ((n >>> 24) & 0xff)) >>> 0;
}

/** A line whose first column is `default` (what `columns(line)[0] === 'default'` tells, without splitting). */
const DEFAULT_LINE = /^\s*default(?:\s|$)/;

/** macOS / BSD `netstat -rn -f inet`: a line "default  192.168.1.1  UGScg  en0". */
export function parseBsdNetstat(text: string): DefaultRoute[] {
  const routes: DefaultRoute[] = [];
  eachLine(String(text ?? '').slice(0, MAX_TABLE), (line) => {
    if (!DEFAULT_LINE.test(line)) return;
    const cols = columns(line);
    if (cols[0] !== 'default' || cols.length < 4) return;
    const gateway = cols[1] ?? '';
    if (parseIpv4(gateway) === null) return;
    const iface = cols.find((c, i) => i >= 3 && /^[a-z]+\d+$/i.test(c));
    if (iface) routes.push({ gateway, interfaceName: iface, metric: routes.length });
  });
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
  // Lines end in \r\n; the \r is whitespace, which the column split drops with the rest.
  eachLine(String(text ?? '').slice(0, MAX_TABLE), (line) => {
    const cols = columns(line, 5);
    if (cols.length < 5 || cols[0] !== '0.0.0.0' || cols[1] !== '0.0.0.0') return;
    const [, , gateway, iface, metric] = cols as [string, string, string, string, string];
    if (parseIpv4(gateway) === null || parseIpv4(iface) === null) return;
    routes.push({ gateway, interfaceAddress: iface, metric: Number(metric) || 0 });
  });
  return routes.sort((a, b) => a.metric - b.metric);
}
