import { describe, expect, it } from 'vitest';
import {
  believablePublic,
  changedFinding,
  judgePublicAddress,
  MAX_PUBLIC_HISTORY,
  notePublicAddress,
  type VerdictInput,
} from '../../../../src/shared/domain/public-address';
import { checker, codes, input, stun } from './public-address-fixture';

describe('the verdict, row by row', () => {
  it('router WAN = what STUN and the checker see → public on the router: forwarding can work', () => {
    const r = judgePublicAddress(input());
    expect(r.verdict.code).toBe('public-on-router');
    expect(r.publicAddress).toBe('203.0.113.2');
    expect(r.verdict.advice).toMatch(/Port forwarding can work/);
    expect(r.verdict.evidence.join('\n')).toMatch(/203\.0\.113\.2 \(from its UPnP gateway/);
    expect(r.findings).toEqual([]);
  });

  it('one outside source is enough when the other did not answer (and that is said)', () => {
    const r = judgePublicAddress(input({ checker: checker(null, 'no answer in time') }));
    expect(r.verdict.code).toBe('public-on-router');
    expect(r.findings).toEqual([
      expect.objectContaining({ code: 'checker-failed', text: expect.stringMatching(/no answer in time/) }),
    ]);
    expect(judgePublicAddress(input({ stun: stun(null) })).verdict.code).toBe('public-on-router');
  });

  it('router WAN in 100.64.0.0/10 → CGNAT, whatever the outside sees: ask the ISP, IPv6, or a VPN', () => {
    for (const wan of ['100.64.0.2', '100.127.255.254']) {
      const r = judgePublicAddress(input({ wan, stun: stun('203.0.113.3'), checker: checker('203.0.113.3') }));
      expect(r.verdict.code, wan).toBe('cgnat');
      expect(r.verdict.advice).toMatch(/Ask the ISP for a public IPv4 address/);
      expect(r.verdict.advice).toMatch(/VPN/);
      expect(r.verdict.evidence.at(-1)).toMatch(/RFC 6598/);
    }
    expect(
      judgePublicAddress(input({ wan: '100.64.0.2', stun: stun(null), checker: checker(null) })).verdict.code,
    ).toBe('cgnat');
  });

  it('router WAN private (RFC 1918) → double NAT: bridge mode or DMZ on the ISP box', () => {
    for (const wan of ['192.168.1.10', '10.0.0.2', '172.16.5.4', '172.31.255.1']) {
      const r = judgePublicAddress(input({ wan, stun: stun('198.51.100.77'), checker: checker('198.51.100.77') }));
      expect(r.verdict.code, wan).toBe('double-nat');
      expect(r.verdict.advice).toMatch(/bridge mode/);
      expect(r.verdict.advice).toMatch(/DMZ/);
    }
  });

  it('router WAN public but not what the internet sees → CGNAT (another NAT in between)', () => {
    const r = judgePublicAddress(
      input({ wan: '203.0.113.2', stun: stun('203.0.113.9'), checker: checker('203.0.113.9') }),
    );
    expect(r.verdict.code).toBe('cgnat');
    expect(r.verdict.evidence.at(-1)).toMatch(/203\.0\.113\.2 is not the address the internet sees \(203\.0\.113\.9\)/);
  });

  it('STUN and the checker disagree → unknown, naming both', () => {
    const r = judgePublicAddress(input({ stun: stun('203.0.113.2'), checker: checker('203.0.113.50') }));
    expect(r.verdict.code).toBe('unknown');
    expect(r.publicAddress).toBeNull();
    expect(codes(r)).toEqual(['sources-disagree']);
    expect(r.verdict.advice).toMatch(/STUN 203\.0\.113\.2, checker 203\.0\.113\.50/);
  });

  it('no outside source gave an address → unknown, saying which failed and why', () => {
    const r = judgePublicAddress(
      input({ stun: stun(null, 'no answer within 3.0 s'), checker: checker(null, 'refused') }),
    );
    expect(r.verdict.code).toBe('unknown');
    expect(codes(r)).toEqual(['stun-failed', 'checker-failed']);
    expect(r.verdict.advice).toMatch(/no outside service gave a believable address/);
  });

  it('the router did not say its WAN address → unknown, with how to read it on the router', () => {
    const r = judgePublicAddress(input({ wan: null }));
    expect(r.verdict.code).toBe('unknown');
    expect(r.publicAddress).toBe('203.0.113.2');
    expect(codes(r)).toEqual(['router-unknown']);
    expect(r.verdict.advice).toMatch(/if it is 203\.0\.113\.2, port forwarding can work/);
    expect(r.verdict.advice).toMatch(/100\.64–100\.127/);
    expect(judgePublicAddress(input({ wan: null, stun: stun(null), checker: checker(null) })).verdict.advice).toMatch(
      /Neither the router nor the outside services/,
    );
  });

  it('a router WAN that cannot be one (loopback, link-local, garbage) → unknown', () => {
    for (const wan of ['127.0.0.1', '169.254.1.1', '0.0.0.0x', '224.0.0.1']) {
      const r = judgePublicAddress(input({ wan }));
      expect(r.verdict.code, wan).toBe('unknown');
      expect(codes(r), wan).toContain('router-not-wan');
    }
  });

  it('no default gateway → unknown: connect to the router first', () => {
    const r = judgePublicAddress(input({ gateway: null }));
    expect(r.verdict.code).toBe('unknown');
    expect(codes(r)).toEqual(['no-gateway']);
  });
});

describe('the hop after the router (ping with TTL 1 and 2 toward the STUN server)', () => {
  const hops = (first: string | null, second: string | null, error: string | null = null) => ({
    target: '198.51.100.3',
    first,
    second,
    error,
  });
  // The lab's cgnat profile: miniupnpd learnt 203.0.113.3 by STUN and reports it as its WAN address.
  const stunLearnt = (over: Partial<VerdictInput> = {}) =>
    input({ wan: '203.0.113.3', stun: stun('203.0.113.3'), checker: checker('203.0.113.3'), ...over });

  it('hop 2 in 100.64.0.0/10 → CGNAT even when the router reports the public address (learnt by STUN)', () => {
    expect(judgePublicAddress(stunLearnt()).verdict.code).toBe('public-on-router');
    for (const second of ['100.64.0.1', '100.127.255.254']) {
      const r = judgePublicAddress(stunLearnt({ hops: hops('192.168.50.1', second) }));
      expect(r.verdict.code, second).toBe('cgnat');
      expect(r.verdict.advice).toMatch(/Ask the ISP for a public IPv4 address/);
      expect(r.verdict.evidence.at(-1)).toMatch(
        new RegExp(
          `^The first router after yours, ${second.replace(/\./g, '\\.')}, is in the carrier-NAT range 100\\.64\\.0\\.0/10`,
        ),
      );
      expect(r.verdict.evidence.at(-1)).toMatch(/the 203\.0\.113\.3 it reports is not its own .*by STUN/);
      expect(r.publicAddress).toBe('203.0.113.3');
      expect(r.findings).toEqual([]);
    }
  });

  it('hop 2 in 100.64.0.0/10 with the router’s WAN unknown, or the sources disagreeing → CGNAT too', () => {
    const unknownWan = judgePublicAddress(input({ wan: null, hops: hops('192.168.50.1', '100.64.0.1') }));
    expect(unknownWan.verdict.code).toBe('cgnat');
    expect(unknownWan.verdict.evidence.at(-1)).not.toMatch(/by STUN/);
    const disagree = judgePublicAddress(
      input({ checker: checker('203.0.113.50'), hops: hops('192.168.50.1', '100.64.0.1') }),
    );
    expect(disagree.verdict.code).toBe('cgnat');
  });

  it('hop 2 counts only after this computer’s router: another hop 1, or none, leaves the verdict as it was', () => {
    for (const first of ['10.8.0.1', null]) {
      const r = judgePublicAddress(stunLearnt({ hops: hops(first, '100.64.0.1') }));
      expect(r.verdict.code, String(first)).toBe('public-on-router');
      expect(r.verdict.evidence.join('\n'), String(first)).toMatch(/not used/);
    }
  });

  it('hop 2 private with a private WAN → double NAT, the box in front named; hop 2 private with a public WAN changes nothing', () => {
    const r = judgePublicAddress(input({ wan: '192.168.1.10', hops: hops('192.168.50.1', '192.168.1.1') }));
    expect(r.verdict.code).toBe('double-nat');
    expect(r.verdict.evidence.at(-1)).toMatch(/192\.168\.1\.1, is a private address as well: that is the box in front/);
    const ispCore = judgePublicAddress(input({ hops: hops('192.168.50.1', '10.20.0.1') }));
    expect(ispCore.verdict.code).toBe('public-on-router');
  });

  it('a public hop 2, the STUN server itself at hop 2, or a silent hop 2 change nothing (and are said)', () => {
    const cases: Array<[string | null, RegExp]> = [
      ['203.0.113.1', /hop 2, the first router after yours, is 203\.0\.113\.1 \(a documentation address\)/],
      ['198.51.100.3', /hop 2 is the STUN server itself/],
      [null, /hop 2 did not answer/],
    ];
    for (const [second, said] of cases) {
      const r = judgePublicAddress(input({ hops: hops('192.168.50.1', second) }));
      expect(r.verdict.code, String(second)).toBe('public-on-router');
      expect(r.verdict.evidence.join('\n'), String(second)).toMatch(said);
      expect(r.findings).toEqual([]);
      const seenElsewhere = judgePublicAddress(
        input({
          wan: '203.0.113.2',
          stun: stun('203.0.113.9'),
          checker: checker('203.0.113.9'),
          hops: hops('192.168.50.1', second),
        }),
      );
      expect(seenElsewhere.verdict.code, String(second)).toBe('cgnat');
    }
  });

  it('ping that could not run is a note, and the verdict rests on the other answers; a cancel says nothing', () => {
    const r = judgePublicAddress(
      stunLearnt({ hops: hops(null, null, 'this computer does not let ping send ICMP here (no permission)') }),
    );
    expect(r.verdict.code).toBe('public-on-router');
    expect(r.findings).toEqual([
      expect.objectContaining({ code: 'hops-unknown', severity: 'info', text: expect.stringMatching(/no permission/) }),
    ]);
    expect(codes(judgePublicAddress(stunLearnt({ hops: hops(null, null, 'cancelled') })))).toEqual([]);
    expect(judgePublicAddress(stunLearnt({ hops: null })).verdict.code).toBe('public-on-router');
  });

  it('no default gateway: the hops are not read', () => {
    const r = judgePublicAddress(input({ gateway: null, hops: hops('192.168.50.1', '100.64.0.1') }));
    expect(r.verdict.code).toBe('unknown');
  });
});

describe('a lying source is a finding, not trusted', () => {
  it.each([
    ['private', '192.168.1.1'],
    ['CGNAT', '100.64.0.2'],
    ['loopback', '127.0.0.1'],
    ['not IPv4', '2001:db8::1'],
  ])('a checker that says the internet sees a %s address is not believed', (_, said) => {
    const r = judgePublicAddress(input({ checker: checker(said) }));
    expect(codes(r)).toEqual(['checker-not-public']);
    expect(r.findings[0]!.severity).toBe('problem');
    // STUN still gives the public address, so the verdict stands on it alone.
    expect(r.verdict.code).toBe('public-on-router');
    expect(r.publicAddress).toBe('203.0.113.2');
  });
  it('both lying: nothing to compare with → unknown', () => {
    const r = judgePublicAddress(input({ stun: stun('10.0.0.1'), checker: checker('100.100.0.1') }));
    expect(r.verdict.code).toBe('unknown');
    expect(codes(r)).toEqual(['stun-not-public', 'checker-not-public']);
  });
  it('believable: public and documentation ranges only', () => {
    expect(believablePublic('8.8.8.8')).toEqual({ ok: true });
    expect(believablePublic('203.0.113.2')).toEqual({ ok: true });
    expect(believablePublic('172.20.0.1')).toEqual({ ok: false, kind: 'private' });
    expect(believablePublic(null)).toEqual({ ok: false, kind: 'not-ipv4' });
  });
});

describe('looks dynamic: the public address history', () => {
  const t = (n: number) => `2026-01-0${n}T00:00:00.000Z`;
  it('the first address seen starts the history; the same again only moves its last-seen time', () => {
    const first = notePublicAddress([], '203.0.113.2', t(1));
    expect(first).toEqual({ history: [{ address: '203.0.113.2', firstSeen: t(1), lastSeen: t(1) }], changed: null });
    const again = notePublicAddress(first.history, '203.0.113.2', t(2));
    expect(again).toEqual({ history: [{ address: '203.0.113.2', firstSeen: t(1), lastSeen: t(2) }], changed: null });
  });
  it('a new address is put first and says what it was and when it was last seen', () => {
    const h = [{ address: '203.0.113.2', firstSeen: t(1), lastSeen: t(2) }];
    const next = notePublicAddress(h, '203.0.113.3', t(3));
    expect(next.changed).toEqual({ from: '203.0.113.2', lastSeen: t(2) });
    expect(next.history.map((e) => e.address)).toEqual(['203.0.113.3', '203.0.113.2']);
    expect(changedFinding('203.0.113.3', next.changed!).text).toMatch(
      /203\.0\.113\.2.*now 203\.0\.113\.3.*looks dynamic/,
    );
  });
  it('a check without a public address changes nothing; the history keeps at most 16', () => {
    const h = [{ address: '203.0.113.2', firstSeen: t(1), lastSeen: t(2) }];
    expect(notePublicAddress(h, null, t(3))).toEqual({ history: h, changed: null });
    let history: ReturnType<typeof notePublicAddress>['history'] = [];
    for (let i = 1; i <= 20; i++) history = notePublicAddress(history, `198.51.100.${i}`, t(1)).history;
    expect(history).toHaveLength(MAX_PUBLIC_HISTORY);
    expect(history[0]!.address).toBe('198.51.100.20');
  });
});
