// Hostile input for the routing-table, ARP-table and IPv4 codecs (src/main/protocol/routes.ts, arp.ts, ipv4.ts).
// Their text comes from the operating system, but what is in it (ARP entries, interface names, a DHIP or SSDP
// address) comes from devices on the LAN. Whatever it is: no throw, well-formed results, the same results as the
// straightforward split-based parsers they replaced (kept below as the reference), and time linear in the text.
// Property-based (fast-check), plus the worst-case shapes of tests/support/hostile-shapes.ts timed at 64 KiB and
// 512 KiB as in hostile-banners.test.ts (64 KiB < 200 ms, 512 KiB < 20× that).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostsOf, parseProcArp } from '../../../src/main/protocol/arp';
import {
  classifyIpv4,
  formatIpv4,
  inSubnet,
  parseIpv4,
  prefixFromNetmask,
  subnetOf,
} from '../../../src/main/protocol/ipv4';
import {
  MAX_TABLE,
  eachLine,
  parseBsdNetstat,
  parseLinuxProcRoute,
  parseWindowsRoutePrint,
} from '../../../src/main/protocol/routes';
import { normaliseMac } from '../../../src/main/protocol/ws-discovery';
import * as S from '../../support/hostile-shapes';

// ---------------------------------------------------------------------------------------------------------------
// The parsers as they were (split the whole text, then every line into all its columns): the reference for what
// the bounded ones must return on any text within their size limit.

const HEX8 = /^[0-9A-Fa-f]{8}$/;
const le = (hex: string) => {
  const n = parseInt(hex, 16);
  return (((n & 0xff) << 24) | (((n >>> 8) & 0xff) << 16) | (((n >>> 16) & 0xff) << 8) | ((n >>> 24) & 0xff)) >>> 0;
};

function referenceLinux(text: string) {
  const routes: Array<{ gateway: string; interfaceName: string; metric: number }> = [];
  for (const line of text.split('\n').slice(1)) {
    const c = line.trim().split(/\s+/);
    if (c.length < 8) continue;
    if (!HEX8.test(c[1]!) || !HEX8.test(c[2]!) || !HEX8.test(c[7]!)) continue;
    if (parseInt(c[1]!, 16) !== 0 || parseInt(c[7]!, 16) !== 0 || (parseInt(c[3]!, 16) & 3) !== 3) continue;
    routes.push({ gateway: formatIpv4(le(c[2]!)), interfaceName: c[0]!, metric: Number(c[6]) || 0 });
  }
  return routes.sort((a, b) => a.metric - b.metric);
}

function referenceBsd(text: string) {
  const routes: Array<{ gateway: string; interfaceName: string; metric: number }> = [];
  for (const line of text.split('\n')) {
    const c = line.trim().split(/\s+/);
    if (c[0] !== 'default' || c.length < 4 || parseIpv4(c[1] ?? '') === null) continue;
    const iface = c.find((x, i) => i >= 3 && /^[a-z]+\d+$/i.test(x));
    if (iface) routes.push({ gateway: c[1]!, interfaceName: iface, metric: routes.length });
  }
  return routes;
}

function referenceWindows(text: string) {
  const routes: Array<{ gateway: string; interfaceAddress: string; metric: number }> = [];
  for (const line of text.split(/\r?\n/)) {
    const c = line.trim().split(/\s+/);
    if (c.length < 5 || c[0] !== '0.0.0.0' || c[1] !== '0.0.0.0') continue;
    if (parseIpv4(c[2]!) === null || parseIpv4(c[3]!) === null) continue;
    routes.push({ gateway: c[2]!, interfaceAddress: c[3]!, metric: Number(c[4]) || 0 });
  }
  return routes.sort((a, b) => a.metric - b.metric);
}

function referenceArp(text: string) {
  const out = new Map<string, string>();
  for (const line of text.split('\n').slice(1, 4097)) {
    const c = line.trim().split(/\s+/);
    if (c.length < 6 || parseIpv4(c[0]!) === null || (parseInt(c[2]!, 16) & 0x2) === 0) continue;
    const mac = normaliseMac(c[3]!);
    if (mac && mac !== '00:00:00:00:00:00') out.set(c[0]!, mac);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Generators: tables whose lines are near misses of real ones (right columns, odd separators and values), mixed
// with arbitrary text and the hostile shapes.

const pick = (...values: string[]) => fc.constantFrom(...values);
/** Whitespace of every kind `trim` and `\s` know (NBSP, BOM, line separator, vertical tab), and CR. */
const sep = pick(' ', '  ', '\t', ' \t ', '\u00a0', '\r', '\u2028', '\v', '\ufeff');
const joined = (cols: fc.Arbitrary<string>[]) =>
  fc
    .tuple(fc.option(sep), fc.tuple(...cols), fc.array(sep, { minLength: cols.length, maxLength: cols.length }))
    .map(([lead, c, s]) => (lead ?? '') + c.map((x, i) => x + s[i]).join(''));

const linuxLine = joined([
  pick('eth0', 'wlan0', 'docker0', ''),
  pick('00000000', '0000000', '0101A8C0', 'zzzzzzzz'),
  pick('0101A8C0', '00000000', '1', 'FE01A8C0'),
  pick('0003', '0001', '0007', 'x'),
  pick('0'),
  pick('0'),
  pick('100', '0', '-5', 'x', '1e3', '600'),
  pick('00000000', '00FFFFFF'),
  pick('0', '', 'x'),
]);
const bsdLine = joined([
  pick('default', 'Default', '127', 'default\u00a0x'),
  pick('192.168.1.1', '10.0.0.1', 'link#4', '256.0.0.1'),
  pick('UGScg', 'UHS', ''),
  pick('en0', 'utun3', 'en', '0en', 'x'),
  pick('', 'en1', '3600'),
]);
const windowsLine = joined([
  pick('0.0.0.0', '0.0.0.00', '127.0.0.0'),
  pick('0.0.0.0', '255.0.0.0'),
  pick('192.168.1.1', 'On-link', '10.0.0.1'),
  pick('192.168.1.20', '10.0.0.5', 'x'),
  pick('25', '50', '0x10', '', 'a', '-1'),
]);
const arpLine = joined([
  pick('192.168.1.5', '10.0.0.1', '1.2.3', 'x', ' 192.168.1.9'),
  pick('0x1'),
  pick('0x2', '0x0', '0x6', 'zz', '2'),
  pick('02:00:00:00:00:01', '00:00:00:00:00:00', '02-00-00-00-00-0A', 'aabbccddeeff0', ''),
  pick('*'),
  pick('eth0', ''),
]);
const anyLine = fc.oneof(
  linuxLine,
  bsdLine,
  windowsLine,
  arpLine,
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .tuple(fc.constantFrom(...Object.keys(S.SHAPES)), fc.integer({ min: 0, max: 3000 }))
    .map(([name, n]) => S.SHAPES[name]!(n)),
);
const table = fc
  .tuple(fc.array(anyLine, { maxLength: 30 }), pick('\n', '\r\n', '\r', '\n\n'))
  .map(([lines, eol]) => lines.join(eol));

const isIpv4 = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && parseIpv4(s) !== null;

// ---------------------------------------------------------------------------------------------------------------

describe('routing tables on hostile text', () => {
  it('the same routes as the split-based reference, all well-formed', () => {
    fc.assert(
      fc.property(table, (text) => {
        const linux = parseLinuxProcRoute(text);
        expect(linux).toEqual(referenceLinux(text));
        const bsd = parseBsdNetstat(text);
        expect(bsd).toEqual(referenceBsd(text));
        const windows = parseWindowsRoutePrint(text);
        expect(windows).toEqual(referenceWindows(text));
        for (const r of [...linux, ...bsd]) {
          expect(isIpv4(r.gateway), r.gateway).toBe(true);
          expect(r.interfaceName).toMatch(/^\S+$/);
          expect(Number.isFinite(r.metric)).toBe(true);
        }
        for (const r of windows) expect(isIpv4(r.gateway) && isIpv4(r.interfaceAddress)).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('eachLine gives the lines split("\\n") gives', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', ' '), maxLength: 40 }), (text) => {
        const lines: string[] = [];
        eachLine(text, (line) => void lines.push(line));
        expect(lines).toEqual(text.split('\n'));
      }),
    );
  });

  it('reads the first MiB of a table only', () => {
    const line = 'eth0\t00000000\t0101A8C0\t0003\t0\t0\t7\t00000000\n';
    const padded = `Iface\n${' '.repeat(MAX_TABLE - 6)}\n${line}`;
    expect(parseLinuxProcRoute(padded)).toEqual([]);
    expect(parseLinuxProcRoute(`Iface\n${line}${' '.repeat(MAX_TABLE)}`)).toHaveLength(1);
  });
});

describe('ARP table on hostile text', () => {
  it('the same entries as the split-based reference, all well-formed', () => {
    fc.assert(
      fc.property(table, (text) => {
        const arp = parseProcArp(text);
        expect([...arp]).toEqual([...referenceArp(text)]);
        for (const [ip, mac] of arp) {
          expect(parseIpv4(ip)).not.toBeNull();
          expect(mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
          expect(mac).not.toBe('00:00:00:00:00:00');
        }
      }),
      { numRuns: 600 },
    );
  });

  it('reads 4096 entries and not the 4097th', () => {
    const entry = (i: number) => `10.0.${i >> 8}.${i & 255} 0x1 0x2 02:00:00:00:00:01 * eth0`;
    const text = [
      'IP address HW type Flags HW address Mask Device',
      ...Array.from({ length: 4097 }, (_, i) => entry(i)),
    ];
    const arp = parseProcArp(text.join('\n'));
    expect(arp.size).toBe(4096);
    expect(arp.has('10.0.16.0')).toBe(false);
  });

  it('hostsOf: null, or the host addresses of a /22 or smaller', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.double(), (network, prefix) => {
        const hosts = hostsOf(network, prefix);
        if (hosts) expect(hosts.length).toBeLessThanOrEqual(1022);
      }),
    );
  });
});

describe('IPv4 helpers on hostile text', () => {
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc
      .tuple(
        fc.string({ unit: pick(' ', '\t', '\n', '\u00a0', '\ufeff'), maxLength: 6 }),
        fc.array(pick('0', '1', '25', '255', '256', '000', '0000', '', '+1', '1e1', ' 1'), {
          minLength: 4,
          maxLength: 4,
        }),
        pick('.', '..'),
      )
      .map(([ws, parts, dot]) => ws + parts.join(dot) + ws),
    fc.integer({ min: 0, max: 100_000 }).map((n) => `${' '.repeat(n)}192.168.1.1`),
    fc.integer({ min: 0, max: 100_000 }).map((n) => S.longLine(n)),
  );

  it('never throw; an address is a 32-bit number that formats back to a canonical form of itself', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: -1, max: 40 }), (t, prefix) => {
        const n = parseIpv4(t);
        if (n !== null) {
          expect(Number.isInteger(n) && n >= 0 && n <= 0xffffffff).toBe(true);
          expect(parseIpv4(formatIpv4(n))).toBe(n);
          expect(t.trim().length).toBeLessThanOrEqual(15);
        }
        const p = prefixFromNetmask(t);
        expect(p === null || (Number.isInteger(p) && p >= 0 && p <= 32)).toBe(true);
        const c = classifyIpv4(t);
        expect(c === null).toBe(n === null);
        expect(subnetOf(t, prefix) === null).toBe(n === null || prefix < 0 || prefix > 32);
        expect(typeof inSubnet(t, '192.168.1.0', 24)).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('whitespace around an address is still allowed, however much', () => {
    expect(parseIpv4(`${' '.repeat(100_000)}192.168.1.1\n`)).toBe(0xc0a80101);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Linear time (64 KiB < 200 ms, 512 KiB < 20× that).

const TABLE_SHAPES = [
  'newlineFlood',
  'whitespaceFlood',
  'columnFlood',
  'longLine',
  'crFlood',
  'controlChars',
  'attrWhitespaceFlood',
  'procRouteFlood',
  'netstatDefaultFlood',
  'routePrintFlood',
  'procArpFlood',
];
const PARSERS: Array<[string, (text: string) => unknown]> = [
  ['parseLinuxProcRoute', parseLinuxProcRoute],
  ['parseBsdNetstat', parseBsdNetstat],
  ['parseWindowsRoutePrint', parseWindowsRoutePrint],
  ['parseProcArp', parseProcArp],
  ['parseIpv4', parseIpv4],
  ['prefixFromNetmask', prefixFromNetmask],
];
const cases = PARSERS.flatMap(([name, run]) => TABLE_SHAPES.map((shape) => [name, shape, run] as const));

describe('linear time on worst-case shapes (64 KiB < 200 ms, 512 KiB < 20× that)', () => {
  it.each(cases)('%s: %s', (_name, shape, run) => {
    expect(S.growthProblem(S.timeGrowth(S.SHAPES[shape]!, run))).toBeNull();
  });
});
