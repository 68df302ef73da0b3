// The rules of the routing-table and ARP readers one by one: which default route comes first (the gateway the app
// takes for the user's router), which columns are trusted, how much of a table is read, and which addresses a sweep
// covers. Each test names what the user would be told wrongly if the rule broke (the wrong router, a phantom one).
import { describe, expect, it } from 'vitest';
import { hostsOf, parseProcArp } from '../../../src/main/protocol/arp';
import {
  MAX_TABLE,
  parseBsdNetstat,
  parseLinuxProcRoute,
  parseWindowsRoutePrint,
} from '../../../src/main/protocol/routes';

const LINUX_HEAD = 'Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\tMTU\tWindow\tIRTT';
const linux = (iface: string, dest: string, gw: string, metric: number, mask = '00000000') =>
  `${iface}\t${dest}\t${gw}\t0003\t0\t0\t${metric}\t${mask}\t0\t0\t0`;
const padding = (n: number) => `${'#'.repeat(n)}\n`;

describe('the default route (the gateway the app takes for the user’s router)', () => {
  it('Linux: the lowest metric first, whatever order the table lists them in', () => {
    const table = [
      LINUX_HEAD,
      linux('wlan0', '00000000', '0132A8C0', 600),
      linux('eth0', '00000000', '0101A8C0', 100),
      linux('usb0', '00000000', '012AA8C0', 300),
    ].join('\n');
    expect(parseLinuxProcRoute(table).map((r) => [r.interfaceName, r.gateway, r.metric])).toEqual([
      ['eth0', '192.168.1.1', 100],
      ['usb0', '192.168.42.1', 300],
      ['wlan0', '192.168.50.1', 600],
    ]);
  });

  it('Linux: a destination, gateway or mask that is not exactly 8 hex digits is not read', () => {
    const table = [
      LINUX_HEAD,
      linux('a0', '000000000', '0101A8C0', 1),
      linux('a1', 'x00000000', '0101A8C0', 1),
      linux('a2', '00000000', '0101A8C01', 1),
      linux('a3', '00000000', 'x0101A8C0', 1),
      linux('a4', '00000000', '0101A8C0', 1, '000000000'),
      linux('a5', '00000000', '0101A8C0', 1, 'x00000000'),
    ].join('\n');
    expect(parseLinuxProcRoute(table)).toEqual([]);
  });

  it('BSD/macOS: the interface is the first later column shaped like a name and a number (en10, not en0x)', () => {
    expect(parseBsdNetstat('default 192.168.1.1 UGScg en0x -x7 en10\n')).toEqual([
      { gateway: '192.168.1.1', interfaceName: 'en10', metric: 0 },
    ]);
  });

  it('Windows: the lowest metric first', () => {
    const table =
      '  0.0.0.0  0.0.0.0  192.168.1.1  192.168.1.20  50\r\n  0.0.0.0  0.0.0.0  10.0.0.1  10.0.0.5  25\r\n  0.0.0.0  0.0.0.0  172.16.0.1  172.16.0.9  35\r\n';
    expect(parseWindowsRoutePrint(table).map((r) => r.metric)).toEqual([25, 35, 50]);
  });

  it('only the first MiB of a table is read, in every format', () => {
    const pad = padding(MAX_TABLE);
    expect(parseLinuxProcRoute(`${LINUX_HEAD}\n${pad}${linux('eth0', '00000000', '0101A8C0', 1)}`)).toEqual([]);
    expect(parseBsdNetstat(`${pad}default 192.168.1.1 UGScg en0`)).toEqual([]);
    expect(parseWindowsRoutePrint(`${pad}0.0.0.0 0.0.0.0 192.168.1.1 192.168.1.20 25`)).toEqual([]);
  });
});

describe('the ARP table and the sweep’s addresses', () => {
  it('only the first MiB of the ARP table is read', () => {
    const line = '192.168.1.7  0x1  0x2  00:11:22:33:44:55  *  eth0';
    expect(parseProcArp(`IP address HW type Flags HW address Mask Device\n${line}`).size).toBe(1);
    expect(parseProcArp(`IP address HW type Flags HW address Mask Device\n${padding(1024 * 1024)}${line}`).size).toBe(
      0,
    );
  });

  it.each([
    [32, [0xc0a80107]],
    [31, [0xc0a80107]],
    [33, null],
    [21, null],
  ])('a /%s gives %j', (prefix, want) => {
    expect(hostsOf(0xc0a80107, prefix)).toEqual(want);
  });

  it('a /30 gives its two host addresses, not the network or the broadcast', () => {
    expect(hostsOf(0xc0a80104, 30)).toEqual([0xc0a80105, 0xc0a80106]);
  });
});
