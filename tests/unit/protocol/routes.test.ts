import { describe, expect, it } from 'vitest';
import { classifyIpv4, inSubnet, parseIpv4, prefixFromNetmask, subnetOf } from '../../../src/main/protocol/ipv4';
import { parseBsdNetstat, parseLinuxProcRoute, parseWindowsRoutePrint } from '../../../src/main/protocol/routes';
import { procRouteWithDefault } from '../../support/fake-system';

describe('routing table parsers', () => {
  it('reads the default route from /proc/net/route', () => {
    expect(parseLinuxProcRoute(procRouteWithDefault('eth0', '192.168.50.1'))).toEqual([
      { gateway: '192.168.50.1', interfaceName: 'eth0', metric: 100 },
    ]);
  });

  it('ignores garbage, non-default and down routes without throwing', () => {
    const text =
      'Iface Destination\nbad line\neth0\tZZZZZZZZ\t0101A8C0\t0003\t0\t0\t0\t00000000\neth0\t00000000\t0101A8C0\t0001\t0\t0\t0\t00000000\n';
    expect(parseLinuxProcRoute(text)).toEqual([]);
    expect(parseLinuxProcRoute('')).toEqual([]);
  });

  it('reads macOS netstat -rn', () => {
    const text = [
      'Routing tables',
      '',
      'Internet:',
      'Destination        Gateway            Flags           Netif Expire',
      'default            192.168.1.1        UGScg             en0',
      '127                127.0.0.1          UCS               lo0',
    ].join('\n');
    expect(parseBsdNetstat(text)).toEqual([{ gateway: '192.168.1.1', interfaceName: 'en0', metric: 0 }]);
  });

  it('reads Windows route print', () => {
    const text = [
      'IPv4 Route Table',
      'Active Routes:',
      'Network Destination        Netmask          Gateway       Interface  Metric',
      '          0.0.0.0          0.0.0.0      192.168.1.1    192.168.1.20     25',
      '          0.0.0.0          0.0.0.0       10.0.0.1        10.0.0.5       50',
      '        127.0.0.0        255.0.0.0         On-link         127.0.0.1    331',
    ].join('\r\n');
    expect(parseWindowsRoutePrint(text)).toEqual([
      { gateway: '192.168.1.1', interfaceAddress: '192.168.1.20', metric: 25 },
      { gateway: '10.0.0.1', interfaceAddress: '10.0.0.5', metric: 50 },
    ]);
  });
});

describe('IPv4 helpers', () => {
  it.each([
    ['255.255.255.0', 24],
    ['255.255.252.0', 22],
    ['255.255.255.255', 32],
    ['0.0.0.0', 0],
    ['255.0.255.0', null],
    ['nonsense', null],
  ] as const)('netmask %s is /%s', (mask, prefix) => expect(prefixFromNetmask(mask)).toBe(prefix));

  it('computes subnets and membership', () => {
    expect(subnetOf('192.168.50.77', 24)).toBe('192.168.50.0/24');
    expect(subnetOf('10.1.2.3', 8)).toBe('10.0.0.0/8');
    expect(inSubnet('192.168.50.200', '192.168.50.1', 24)).toBe(true);
    expect(inSubnet('192.168.51.1', '192.168.50.1', 24)).toBe(false);
    expect(parseIpv4('256.1.1.1')).toBeNull();
    expect(parseIpv4('1.2.3')).toBeNull();
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['169.254.1.1', 'link-local'],
    ['192.168.1.1', 'private'],
    ['172.20.0.1', 'private'],
    ['100.70.1.1', 'cgnat'],
    ['203.0.113.5', 'documentation'],
    ['8.8.8.8', 'public'],
    ['x', null],
  ] as const)('%s is %s', (ip, kind) => expect(classifyIpv4(ip)).toBe(kind));
});
