// The pure IPv4 helpers (src/shared/domain/ipv4.ts; src/main/protocol/ipv4.ts re-exports them): tables of the
// edges, and properties over every 32-bit address.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as viaProtocol from '../../../../src/main/protocol/ipv4';
import {
  broadcastNumber,
  broadcastOf,
  classifyIpv4,
  compareIpv4,
  formatIpv4,
  hostCount,
  hostRange,
  inSubnet,
  isPrefix,
  maskOf,
  netmaskOf,
  networkNumber,
  networkOf,
  parseIpv4,
  prefixFromNetmask,
  subnetOf,
} from '../../../../src/shared/domain/ipv4';

describe('parseIpv4', () => {
  it.each([
    ['0.0.0.0', 0],
    ['1.2.3.4', 0x01020304],
    ['255.255.255.255', 0xffffffff],
    [' 192.168.1.10 ', 0xc0a8010a],
    ['\t10.0.0.1\n', 0x0a000001],
    ['010.001.000.009', 0x0a010009],
  ] as const)('reads %j as %i', (text, value) => expect(parseIpv4(text)).toBe(value));

  it.each([
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '1.1.1.256',
    '1.2.3.-4',
    '1.2.3.4a',
    'a.b.c.d',
    '1..2.3',
    '1.2.3.',
    '0001.2.3.4',
    '1.2.3.4/24',
    '1. 2.3.4',
    ' 255.255.255.2555 ',
  ])('refuses %j', (text) => expect(parseIpv4(text)).toBeNull());

  it('refuses what is not a string without throwing', () => {
    for (const v of [undefined, null, 123, {}, ['1.2.3.4']]) expect(parseIpv4(v as unknown as string)).toBeNull();
  });

  it('round-trips every 32-bit number through formatIpv4', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
        expect(parseIpv4(formatIpv4(n))).toBe(n);
      }),
    );
  });
});

describe('formatIpv4', () => {
  it.each([
    [0, '0.0.0.0'],
    [0x01020304, '1.2.3.4'],
    [0xc0a80164, '192.168.1.100'],
    [0xffffffff, '255.255.255.255'],
  ] as const)('writes %i as %s', (n, text) => expect(formatIpv4(n)).toBe(text));
});

describe('prefixes and masks', () => {
  it.each([
    ['255.255.255.0', 24],
    ['255.255.0.0', 16],
    ['255.255.255.252', 30],
    ['255.255.255.255', 32],
    ['128.0.0.0', 1],
    ['0.0.0.0', 0],
  ] as const)('prefixFromNetmask(%s) is /%i', (mask, prefix) => expect(prefixFromNetmask(mask)).toBe(prefix));

  it.each(['255.0.255.0', '255.255.255.1', '0.255.255.255', 'mask'])('prefixFromNetmask refuses %s', (mask) =>
    expect(prefixFromNetmask(mask)).toBeNull(),
  );

  it.each([
    [0, 0],
    [1, 0x80000000],
    [8, 0xff000000],
    [24, 0xffffff00],
    [31, 0xfffffffe],
    [32, 0xffffffff],
  ] as const)('maskOf(%i) is %i', (prefix, mask) => expect(maskOf(prefix)).toBe(mask));

  it.each([
    [0, '0.0.0.0'],
    [16, '255.255.0.0'],
    [24, '255.255.255.0'],
    [30, '255.255.255.252'],
    [32, '255.255.255.255'],
  ] as const)('netmaskOf(%i) is %s', (prefix, mask) => expect(netmaskOf(prefix)).toBe(mask));

  it.each([-1, 33, 24.5, Number.NaN])('netmaskOf(%d) is null: not a prefix', (prefix) =>
    expect(netmaskOf(prefix)).toBeNull(),
  );

  it('isPrefix: whole numbers 0 to 32 only', () => {
    expect([0, 1, 31, 32].map(isPrefix)).toEqual([true, true, true, true]);
    expect([-1, 33, 0.5, Number.NaN, Infinity].map(isPrefix)).toEqual([false, false, false, false, false]);
  });

  it('netmaskOf and prefixFromNetmask are inverses for every prefix', () => {
    for (let p = 0; p <= 32; p++) expect(prefixFromNetmask(netmaskOf(p) as string)).toBe(p);
  });
});

describe('subnets', () => {
  it('subnetOf names the network with its prefix; null on a bad address or prefix', () => {
    expect(subnetOf('192.168.1.77', 24)).toBe('192.168.1.0/24');
    expect(subnetOf('10.1.2.3', 8)).toBe('10.0.0.0/8');
    expect(subnetOf('10.1.2.3', 0)).toBe('0.0.0.0/0');
    expect(subnetOf('10.1.2.3', 32)).toBe('10.1.2.3/32');
    expect(subnetOf('10.1.2.3', -1)).toBeNull();
    expect(subnetOf('10.1.2.3', 33)).toBeNull();
    expect(subnetOf('nope', 24)).toBeNull();
  });

  it('inSubnet compares the network bits only; false on a bad address', () => {
    expect(inSubnet('192.168.1.77', '192.168.1.0', 24)).toBe(true);
    expect(inSubnet('192.168.2.77', '192.168.1.0', 24)).toBe(false);
    expect(inSubnet('192.168.2.77', '192.168.1.0', 16)).toBe(true);
    expect(inSubnet('8.8.8.8', '10.0.0.0', 0)).toBe(true);
    expect(inSubnet('x', '192.168.1.0', 24)).toBe(false);
    expect(inSubnet('192.168.1.1', 'x', 24)).toBe(false);
    // A bad address is never in a subnet, not even in one whose network bits are all 0.
    expect(inSubnet('x', '0.0.1.0', 16)).toBe(false);
    expect(inSubnet('0.0.1.2', 'x', 16)).toBe(false);
    expect(inSubnet('x', 'y', 0)).toBe(false);
  });

  it.each([
    ['192.168.1.77', 24, '192.168.1.0', '192.168.1.255', '192.168.1.1', '192.168.1.254', 254],
    ['10.20.30.40', 16, '10.20.0.0', '10.20.255.255', '10.20.0.1', '10.20.255.254', 65534],
    ['10.20.30.40', 17, '10.20.0.0', '10.20.127.255', '10.20.0.1', '10.20.127.254', 32766],
    ['10.20.30.40', 20, '10.20.16.0', '10.20.31.255', '10.20.16.1', '10.20.31.254', 4094],
    ['192.168.1.77', 25, '192.168.1.0', '192.168.1.127', '192.168.1.1', '192.168.1.126', 126],
    ['192.168.1.200', 26, '192.168.1.192', '192.168.1.255', '192.168.1.193', '192.168.1.254', 62],
    ['192.168.1.10', 29, '192.168.1.8', '192.168.1.15', '192.168.1.9', '192.168.1.14', 6],
    ['192.168.1.10', 30, '192.168.1.8', '192.168.1.11', '192.168.1.9', '192.168.1.10', 2],
    ['10.1.2.3', 8, '10.0.0.0', '10.255.255.255', '10.0.0.1', '10.255.255.254', 16777214],
    ['1.2.3.4', 0, '0.0.0.0', '255.255.255.255', '0.0.0.1', '255.255.255.254', 4294967294],
  ] as const)('%s/%i: network %s, broadcast %s, hosts %s–%s (%i)', (address, prefix, net, bc, first, last, count) => {
    expect(networkOf(address, prefix)).toBe(net);
    expect(broadcastOf(address, prefix)).toBe(bc);
    expect(networkNumber(address, prefix)).toBe(parseIpv4(net));
    expect(broadcastNumber(address, prefix)).toBe(parseIpv4(bc));
    expect(hostRange(address, prefix)).toEqual({ first, last });
    expect(hostCount(prefix)).toBe(count);
  });

  it('/31 and /32 have a network and broadcast address but no host range, and count no hosts', () => {
    expect(networkOf('192.168.1.11', 31)).toBe('192.168.1.10');
    expect(broadcastOf('192.168.1.11', 31)).toBe('192.168.1.11');
    expect(networkOf('192.168.1.11', 32)).toBe('192.168.1.11');
    expect(hostRange('192.168.1.11', 31)).toBeNull();
    expect(hostRange('192.168.1.11', 32)).toBeNull();
    expect(hostCount(31)).toBe(0);
    expect(hostCount(32)).toBe(0);
  });

  it('bad address or prefix: null everywhere, no host count', () => {
    for (const [address, prefix] of [
      ['x', 24],
      ['192.168.1.1', -1],
      ['192.168.1.1', 33],
      ['192.168.1.1', 24.5],
    ] as const) {
      expect(networkOf(address, prefix)).toBeNull();
      expect(broadcastOf(address, prefix)).toBeNull();
      expect(networkNumber(address, prefix)).toBeNull();
      expect(broadcastNumber(address, prefix)).toBeNull();
      expect(hostRange(address, prefix)).toBeNull();
    }
    expect([-1, 33, 24.5].map(hostCount)).toEqual([0, 0, 0]);
  });

  it('every address lies between its network and broadcast address, and in its own subnet', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 30 }), (n, prefix) => {
        const address = formatIpv4(n);
        const net = networkNumber(address, prefix) as number;
        const bc = broadcastNumber(address, prefix) as number;
        expect(net).toBeLessThanOrEqual(n);
        expect(bc).toBeGreaterThanOrEqual(n);
        expect(bc - net + 1).toBe(2 ** (32 - prefix));
        expect(hostRange(address, prefix)).toEqual({ first: formatIpv4(net + 1), last: formatIpv4(bc - 1) });
        expect(inSubnet(formatIpv4(bc), address, prefix)).toBe(true);
        expect(subnetOf(address, prefix)).toBe(`${formatIpv4(net)}/${prefix}`);
      }),
    );
  });
});

describe('compareIpv4', () => {
  it('orders addresses by number, not by text', () => {
    const sorted = ['192.168.1.10', 'junk', '10.0.0.1', '192.168.1.9', '', '192.168.1.100', '10.0.0.1'].sort(
      compareIpv4,
    );
    expect(sorted).toEqual(['10.0.0.1', '10.0.0.1', '192.168.1.9', '192.168.1.10', '192.168.1.100', '', 'junk']);
  });

  it('puts what is not an address after every address; equal addresses compare 0', () => {
    expect(compareIpv4('1.2.3.4', 'x')).toBe(-1);
    expect(compareIpv4('x', '1.2.3.4')).toBe(1);
    expect(compareIpv4('b', 'a')).toBe(1);
    expect(compareIpv4('a', 'b')).toBe(-1);
    expect(compareIpv4('a', 'a')).toBe(0);
    expect(compareIpv4('1.2.3.4', ' 1.2.3.4')).toBe(0);
  });

  it('agrees with the numbers for every pair of addresses', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (x, y) => {
        expect(Math.sign(compareIpv4(formatIpv4(x), formatIpv4(y)))).toBe(Math.sign(x - y));
      }),
    );
  });
});

describe('classifyIpv4', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.255', 'loopback'],
    ['169.254.1.1', 'link-local'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.0', 'public'],
    ['192.168.255.255', 'private'],
    ['192.169.0.0', 'public'],
    ['100.63.255.255', 'public'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.1', 'documentation'],
    ['203.0.113.1', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.255', 'multicast'],
    ['240.0.0.0', 'public'],
    ['8.8.8.8', 'public'],
  ] as const)('%s is %s', (ip, kind) => expect(classifyIpv4(ip)).toBe(kind));

  it('is null for what is not an address', () => expect(classifyIpv4('localhost')).toBeNull());
});

describe('src/main/protocol/ipv4.ts', () => {
  it('re-exports the shared helpers themselves, so its callers are unchanged', () => {
    expect(viaProtocol.parseIpv4).toBe(parseIpv4);
    expect(viaProtocol.formatIpv4).toBe(formatIpv4);
    expect(viaProtocol.subnetOf).toBe(subnetOf);
    expect(viaProtocol.inSubnet).toBe(inSubnet);
    expect(viaProtocol.classifyIpv4).toBe(classifyIpv4);
    expect(viaProtocol.prefixFromNetmask).toBe(prefixFromNetmask);
    expect(viaProtocol.hostRange).toBe(hostRange);
  });
});
