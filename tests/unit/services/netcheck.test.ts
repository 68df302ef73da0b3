import { describe, expect, it } from 'vitest';
import { createNetcheckService, kindFromName, recommendInterface } from '../../../src/main/services/netcheck';
import { fakeLinux, HOME_PC, procRouteWithDefault } from '../../support/fake-system';

const at = () => new Date('2026-11-24T10:00:00Z');

describe('netcheck service', () => {
  it('lists every interface with kind, state, IPv4/prefix/subnet and MAC', async () => {
    const report = await createNetcheckService(HOME_PC(), at).report(null);
    expect(report.interfaces.map((i) => i.name)).toEqual(['docker0', 'eth0', 'eth1', 'lo', 'wg0', 'wlan0']);
    const eth0 = report.interfaces.find((i) => i.name === 'eth0')!;
    expect(eth0).toMatchObject({ kind: 'wired', up: true, mac: '3c:52:82:aa:bb:cc', usable: true });
    expect(eth0.ipv4).toEqual([{ address: '192.168.1.20', prefix: 24, subnet: '192.168.1.0/24' }]);
    expect(report.interfaces.find((i) => i.name === 'eth1')).toMatchObject({ up: false, usable: false, ipv4: [] });
    expect(report.interfaces.find((i) => i.name === 'lo')).toMatchObject({ kind: 'loopback', usable: false });
    expect(report.interfaces.find((i) => i.name === 'wlan0')?.kind).toBe('wireless');
    expect(report.interfaces.find((i) => i.name === 'wg0')?.kind).toBe('vpn');
    expect(report.interfaces.find((i) => i.name === 'docker0')?.kind).toBe('virtual');
    expect(report.measuredAt).toBe('2026-11-24T10:00:00.000Z');
  });

  it('finds the default gateway and recommends the interface that leads to it', async () => {
    const report = await createNetcheckService(HOME_PC(), at).report(null);
    expect(report.gateway).toEqual({ address: '192.168.1.1', interfaceName: 'eth0' });
    expect(report.recommended?.interfaceName).toBe('eth0');
    expect(report.recommended?.reason).toContain('192.168.1.1');
  });

  it('keeps the chosen interface only while it exists', async () => {
    const service = createNetcheckService(HOME_PC(), at);
    expect((await service.report('wlan0')).chosenInterface).toBe('wlan0');
    expect((await service.report('eth9')).chosenInterface).toBeNull();
  });

  it('prefers a private LAN over VPN and container networks when there is no default route', async () => {
    const system = fakeLinux(
      [
        { name: 'tun0', ipv4: [['10.8.0.6', 24]], sysType: '65534' },
        { name: 'docker0', ipv4: [['172.17.0.1', 16]] },
        { name: 'enp3s0', ipv4: [['192.168.0.14', 24]], mac: 'aa:bb:cc:dd:ee:ff' },
      ],
      'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\n',
    );
    const report = await createNetcheckService(system, at).report(null);
    expect(report.gateway).toBeNull();
    expect(report.recommended?.interfaceName).toBe('enp3s0');
  });

  it('recommends nothing when only self-assigned addresses exist', async () => {
    const system = fakeLinux(
      [{ name: 'eth0', ipv4: [['169.254.10.2', 16]] }],
      procRouteWithDefault('eth0', '169.254.0.1'),
    );
    const report = await createNetcheckService(system, at).report(null);
    expect(report.interfaces[0]).toMatchObject({ usable: false });
    expect(report.interfaces[0]?.note).toMatch(/self-assigned/);
    expect(recommendInterface(report.interfaces, report.gateway)).toBeNull();
  });

  it.each([
    ['lo', 'loopback'],
    ['eth0', 'wired'],
    ['enp0s31f6', 'wired'],
    ['wlp2s0', 'wireless'],
    ['Wi-Fi', 'wireless'],
    ['utun3', 'vpn'],
    ['tailscale0', 'vpn'],
    ['veth12ab', 'virtual'],
    ['vboxnet0', 'virtual'],
    ['mystery', 'unknown'],
  ] as const)('names %s a %s interface', (name, kind) => {
    expect(kindFromName(name)).toBe(kind);
  });
});
