import { describe, expect, it } from 'vitest';
import {
  changedFinding,
  judgePublicAddress,
  publicAddressCheckSchema,
  type PathHops,
} from '../../../../src/shared/domain/public-address';
import { checker, input, stun } from './public-address-fixture';

/** A real public address (not a documentation range): what a user's router and the outside sources really show. */
const REAL = '81.2.69.142';
const hops = (first: string | null, second: string | null): PathHops => ({
  target: '198.51.100.3',
  first,
  second,
  error: null,
});
const finding = (r: ReturnType<typeof judgePublicAddress>, code: string) => r.findings.find((f) => f.code === code);

describe('a real public address (outside the documentation ranges the lab uses)', () => {
  it('router WAN = what the internet sees, both real public → forwarding can work, not "unknown"', () => {
    const r = judgePublicAddress(input({ wan: REAL, stun: stun(REAL), checker: checker(REAL) }));
    expect(r.verdict.code).toBe('public-on-router');
    expect(r.findings).toEqual([]);
  });

  it('hop 2 in the carrier range with a real public WAN: says the router learnt the address (by STUN)', () => {
    const r = judgePublicAddress(
      input({ wan: REAL, stun: stun(REAL), checker: checker(REAL), hops: hops('192.168.50.1', '100.64.0.1') }),
    );
    expect(r.verdict.code).toBe('cgnat');
    expect(r.verdict.evidence.at(-1)).toContain(`so the ${REAL} it reports is not its own — it learned the address`);
  });

  it('hop 2 in the carrier range with the router silent: the proof stops at the carrier’s shared network', () => {
    const r = judgePublicAddress(input({ wan: null, hops: hops('192.168.50.1', '100.64.0.1') }));
    expect(r.verdict.evidence.at(-1)).toBe(
      'The first router after yours, 100.64.0.1, is in the carrier-NAT range 100.64.0.0/10 (RFC 6598): your router’s WAN side is on the carrier’s shared network',
    );
  });
});

describe('what each source said is in the evidence, named', () => {
  it('STUN and the checker are each named by what they are, with what they saw', () => {
    const r = judgePublicAddress(input());
    expect(r.verdict.evidence).toEqual([
      'The router 192.168.50.1 says its WAN address is 203.0.113.2 (from its UPnP gateway (GetExternalIPAddress))',
      'The STUN server 198.51.100.3:3478 sees 203.0.113.2',
      'The address checker http://198.51.100.10/ sees 203.0.113.2',
    ]);
  });

  it('a silent source: a warning naming it and its reason (or "no answer"), and "no answer" in the evidence', () => {
    const r = judgePublicAddress(input({ checker: { server: 'http://198.51.100.10/', address: null, error: null } }));
    expect(finding(r, 'checker-failed')).toEqual({
      code: 'checker-failed',
      severity: 'warning',
      text: 'The address checker http://198.51.100.10/ gave no address: no answer.',
      said: {
        key: 'internet.said.checkerFailed',
        params: { server: 'http://198.51.100.10/', error: { key: 'internet.said.noAnswer' } },
      },
    });
    expect(r.verdict.evidence).toContain('The address checker http://198.51.100.10/: no answer');
    const s = judgePublicAddress(input({ stun: stun(null, 'timed out') }));
    expect(finding(s, 'stun-failed')?.text).toBe('The STUN server 198.51.100.3:3478 gave no address: timed out.');
  });

  it('a lying source: the problem says what the address is, and the evidence marks it not believable', () => {
    const r = judgePublicAddress(input({ stun: stun('10.0.0.5') }));
    expect(finding(r, 'stun-not-public')?.text).toMatch(
      /^The STUN server 198\.51\.100\.3:3478 says the internet sees 10\.0\.0\.5, which is a private \(RFC 1918\) address/,
    );
    expect(r.verdict.evidence).toContain('The STUN server 198.51.100.3:3478: 10.0.0.5 (not believable)');
    expect(r.publicAddress).toBe('203.0.113.2');
  });

  it('a router address without a source is not told with an unknown source; a silent router is not quoted', () => {
    const noSource = judgePublicAddress({ ...input(), router: { address: '203.0.113.2', source: null, readAt: null } });
    expect(noSource.verdict.evidence.join('\n')).not.toMatch(/says its WAN address|undefined/);
    const silent = judgePublicAddress(input({ wan: null }));
    expect(silent.verdict.evidence.join('\n')).not.toMatch(/says its WAN address|null/);
    const empty = judgePublicAddress({ ...input(), router: { address: null, source: 'igd', readAt: null } });
    expect(empty.verdict.evidence.join('\n')).not.toMatch(/says its WAN address|null/);
  });
});

describe('each finding and verdict tells the user what to do', () => {
  it('the sources disagree: a warning naming both addresses and the likely causes', () => {
    const r = judgePublicAddress(input({ checker: checker('203.0.113.9') }));
    expect(finding(r, 'sources-disagree')).toEqual({
      code: 'sources-disagree',
      severity: 'warning',
      text: 'STUN sees 203.0.113.2 but the address checker sees 203.0.113.9. Your traffic may leave through more than one address (two internet lines, a VPN on this computer, or a load-balancing carrier NAT).',
      said: { key: 'internet.said.sourcesDisagree', params: { stun: '203.0.113.2', checker: '203.0.113.9' } },
    });
  });

  it('no default gateway: a problem, and the way to connect', () => {
    const r = judgePublicAddress(input({ gateway: null }));
    expect(finding(r, 'no-gateway')).toEqual({
      code: 'no-gateway',
      severity: 'problem',
      text: 'This computer has no default gateway: it is not connected to a router.',
      said: { key: 'internet.said.noGateway' },
    });
    expect(r.verdict.advice).toBe(
      'Connect this computer to the network the NVR is on (the router’s LAN, not a guest network), then check again.',
    );
    expect(r.verdict.title).toBe('Not known yet');
  });

  it('the router did not say: a note that off is the safe setting', () => {
    const r = judgePublicAddress(input({ wan: null }));
    expect(finding(r, 'router-unknown')).toEqual({
      code: 'router-unknown',
      severity: 'info',
      text: 'The router did not say its WAN address (UPnP and NAT-PMP are off or do not answer — off is the safe setting).',
      said: { key: 'internet.said.routerUnknown' },
    });
  });

  it('a WAN address that cannot be one: a warning saying what it is, and to read it on the router', () => {
    const r = judgePublicAddress(input({ wan: 'garbage' }));
    expect(finding(r, 'router-not-wan')).toEqual({
      code: 'router-not-wan',
      severity: 'warning',
      text: 'The router reports garbage as its WAN address, which is not an IPv4 address: it cannot be one.',
      said: {
        key: 'internet.said.routerNotWan',
        params: { address: 'garbage', kind: { key: 'internet.said.kind.not-ipv4' } },
      },
    });
    expect(r.verdict.advice).toBe('Read the WAN (Internet) address on your router’s status page, then check again.');
    const loop = judgePublicAddress(input({ wan: '127.0.0.1' }));
    expect(finding(loop, 'router-not-wan')?.text).toContain('which is a loopback address');
  });

  it('double NAT: the proof says who hands out the private address; a non-private hop 2 adds nothing', () => {
    const r = judgePublicAddress(input({ wan: '192.168.1.2', hops: hops('192.168.50.1', '203.0.113.1') }));
    expect(r.verdict.code).toBe('double-nat');
    expect(r.verdict.evidence.at(-1)).toBe('192.168.1.2 is a private (RFC 1918) address: another router hands it out');
  });

  it('a changed public address: a warning that it looks dynamic', () => {
    const f = changedFinding('203.0.113.9', { from: '203.0.113.2', lastSeen: '2026-01-01T00:00:00.000Z' });
    expect(f).toMatchObject({ code: 'address-changed', severity: 'warning' });
  });
});

describe('the hops, when they cannot be used, are said so plainly', () => {
  it('hop 1 silent and hop 2 seen: hop 2 is not used, and that is said', () => {
    const r = judgePublicAddress(input({ wan: '192.168.1.2', hops: hops(null, '192.168.1.1') }));
    expect(r.verdict.evidence).toContain(
      'Toward the STUN server 198.51.100.3, hop 1 did not answer and hop 2 is 192.168.1.1: without hop 1 it is not known to be the router after yours, so it is not used',
    );
    expect(r.verdict.evidence.join('\n')).not.toContain('box in front of yours');
  });

  it('both hops silent: nothing is said about them (no "null" in the evidence)', () => {
    const r = judgePublicAddress(input({ hops: hops(null, null) }));
    expect(r.verdict.evidence.join('\n')).not.toMatch(/Toward the STUN server|null/);
  });

  it('hop 2 that is not an IPv4 address: said as seen, without a kind, and not used', () => {
    const r = judgePublicAddress(input({ hops: hops('192.168.50.1', 'fe80::1') }));
    expect(r.verdict.code).toBe('public-on-router');
    expect(r.verdict.evidence.at(-1)).toBe(
      'Toward the STUN server 198.51.100.3, hop 1 is your router 192.168.50.1 and hop 2, the first router after yours, is fe80::1',
    );
  });

  it('every verdict fits the saved check’s shape', () => {
    for (const over of [
      {},
      { gateway: null },
      { wan: null },
      { wan: '100.64.1.1' },
      { checker: checker('203.0.113.9') },
    ]) {
      const r = judgePublicAddress(input(over));
      const check = {
        measuredAt: '2026-01-01T00:00:00.000Z',
        gateway: '192.168.50.1',
        router: { address: null, source: null, readAt: null },
        stun: stun('203.0.113.2'),
        checker: checker('203.0.113.2'),
        publicAddress: r.publicAddress,
        verdict: r.verdict,
        changed: null,
        findings: r.findings,
      };
      expect(publicAddressCheckSchema.parse(check)).toEqual(check);
    }
  });
});
