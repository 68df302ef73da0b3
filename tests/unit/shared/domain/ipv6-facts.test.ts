// IPv6 on the Internet step: a global address or none, and what it means for the NVR (the router's IPv6 firewall,
// not NAT, decides what gets in).
import { describe, expect, it } from 'vitest';
import { ipv6FactsSchema, isGlobalIpv6, judgeIpv6 } from '../../../../src/shared/domain/ipv6-facts';

describe('isGlobalIpv6', () => {
  it('global unicast (2000::/3) only: 2a02:…, 2001:db8::1, 3fff::1', () => {
    for (const a of ['2a02:8070:1:2::64', '2001:db8::1', '3fff::1', '2001:DB8::A', '2000::', ' 2001:db8::1%eth0 '])
      expect(isGlobalIpv6(a), a).toBe(true);
  });
  it('not global: link-local, unique-local, loopback, unspecified, mapped IPv4, IPv4, garbage', () => {
    for (const a of [
      'fe80::1%eth0',
      'fd00::64',
      'fc12::1',
      '::1',
      '::',
      '::ffff:192.168.1.64',
      '4000::1',
      '1fff::1',
      '2a0::1',
      '2001',
    ])
      expect(isGlobalIpv6(a), a).toBe(false);
    for (const a of [
      '192.168.1.64',
      '',
      'not an address',
      '2001',
      'g001::1',
      '2a02:8070::1;rm',
      `2001:${'0:'.repeat(38)}1`,
      '2001:db8::1%eth 0',
    ])
      expect(isGlobalIpv6(a), a).toBe(false);
  });
  it('an address as long as 80 characters still counts; longer is not read', () => {
    expect(isGlobalIpv6(`2001:${'0:'.repeat(37)}1`)).toBe(true);
    expect(`2001:${'0:'.repeat(37)}1`).toHaveLength(80);
  });
});

describe('judgeIpv6', () => {
  it('no global IPv6 here: said, with IPv4 as the only way in and IPv6 as a question for a CGNAT ISP', () => {
    const f = judgeIpv6(['fe80::a8c1:abff:fe12:3456', 'fd00::5'], ['192.168.1.64']);
    expect(f).toMatchObject({ code: 'none', global: [], nvr: null });
    expect(f.text).toContain('reached from outside only over IPv4');
  });

  it('this computer has a global address: the network has IPv6, and the router’s IPv6 firewall is what protects', () => {
    const f = judgeIpv6(['fe80::1', '2a02:8070:1:2::10', '2a02:8070:1:2::10', 'fd00::10'], ['192.168.1.64']);
    expect(f).toMatchObject({ code: 'network', global: ['2a02:8070:1:2::10'], nvr: null });
    expect(f.text).toContain('Your network has IPv6 (this computer: 2a02:8070:1:2::10)');
    expect(f.text).toContain('there is no NAT and no port forward');
    expect(f.text).toContain('opens it exactly like a port forward');
  });

  it('the NVR has a global address: named, with "no pinhole, the VPN instead" and the changing prefix', () => {
    const f = judgeIpv6([], ['192.168.1.64', 'fe80::64', '2a02:8070:1:2::64%eth0']);
    expect(f).toMatchObject({ code: 'nvr', nvr: '2a02:8070:1:2::64', global: [] });
    expect(f.text).toContain('Your NVR has a global IPv6 address (2a02:8070:1:2::64)');
    expect(f.text).toContain('open no pinhole for the NVR');
    expect(f.text).toContain('AAAA record');
  });

  it('keeps at most 4 of this computer’s addresses, without zone ids, and always fits the saved shape', () => {
    const many = [' 2A02:8070::1 ', ...Array.from({ length: 9 }, (_, i) => `2a02:8070::${i + 1}%eth0`)];
    const f = judgeIpv6(many, []);
    expect(f.global).toEqual(['2a02:8070::1', '2a02:8070::2', '2a02:8070::3', '2a02:8070::4']);
    for (const x of [f, judgeIpv6([], []), judgeIpv6([], ['2001:db8::64'])])
      expect(ipv6FactsSchema.parse(x)).toEqual(x);
  });
});
