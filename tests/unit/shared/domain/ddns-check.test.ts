// The DDNS rules before sending and the check's verdict, as the user meets them: an update sent that the provider
// punishes (or one held back that was needed), a record that forgets what the provider took, and the verdict's
// words — which server said what, the addresses, the TTL — that the user reads to know where the name points.
import { describe, expect, it } from 'vitest';
import {
  ddnsAfterAnswer,
  ddnsGate,
  judgeDdnsCheck,
  readDyndns2Answer,
  type DdnsLast,
  type DdnsLookup,
} from '../../../../src/shared/domain/ddns';
import { said } from '../../../../src/shared/i18n/said';

const host = 'mynvr.ddns.example';
const IP = '203.0.113.2';
const t0 = new Date('2026-01-01T12:00:00Z');
const target = { provider: 'dyndns2' as const, host, server: 'http://198.51.100.80/', user: 'u' };
const after = (before: DdnsLast | null, body: string, sent: string | null, at = t0) =>
  ddnsAfterAnswer(before, target, readDyndns2Answer(200, body, sent), at);

describe('the record after an answer', () => {
  it('nochg keeps the address the provider has and the time it was confirmed', () => {
    const t1 = new Date('2026-01-02T08:00:00Z');
    const l = after(after(null, `good ${IP}`, IP), `nochg ${IP}`, IP, t1);
    expect([l.address, l.successAt, l.answeredAt]).toEqual([IP, t1.toISOString(), t1.toISOString()]);
  });
});

describe('the gate before sending', () => {
  it('after nochg for this address nothing is sent again, with the words saying since when', () => {
    const l = after(after(null, `good ${IP}`, IP), `nochg ${IP}`, IP);
    expect(ddnsGate(l, IP, t0)).toEqual({
      send: false,
      reason: 'unchanged',
      retryAt: null,
      words: `Not sent: ${host} already points to ${IP} at the provider (since 2026-01-01T12:00:00.000Z); providers block clients that repeat updates.`,
      said: said('ddns.said.gate.unchanged', { host, address: IP, since: '2026-01-01T12:00:00.000Z' }),
    });
  });
  it('"since" is the last success, not the last answer', () => {
    const t1 = new Date('2026-01-03T00:00:00Z');
    const l: DdnsLast = { ...after(null, `good ${IP}`, IP), answeredAt: t1.toISOString() };
    expect(ddnsGate(l, IP, t1)).toMatchObject({ words: expect.stringContaining('(since 2026-01-01T12:00:00.000Z)') });
  });
  it('after badauth the same address is still sent (the new login is the fix), even when an old success had it', () => {
    const l = after(after(null, `good ${IP}`, IP), 'badauth', IP);
    expect(l.address).toBe(IP);
    expect(ddnsGate(l, IP, t0)).toEqual({ send: true });
  });
  it('a success whose address is not known does not hold back an update that lets the provider take the caller’s', () => {
    const l = after(null, 'good', null);
    expect(l.address).toBeNull();
    expect(ddnsGate(l, null, t0)).toEqual({ send: true });
  });
  it('the wait and the stop say why, in words', () => {
    const waiting = after(null, '911', null);
    expect(ddnsGate(waiting, IP, new Date(t0.getTime() + 60_000))).toEqual({
      send: false,
      reason: 'wait',
      retryAt: '2026-01-01T12:30:00.000Z',
      words: 'The provider asked to wait (911): no update before 2026-01-01T12:30:00.000Z.',
      said: said('ddns.said.gate.wait', { code: '911', at: '2026-01-01T12:30:00.000Z' }),
    });
    const blocked = after(null, 'abuse', null);
    expect(ddnsGate(blocked, IP, t0)).toEqual({
      send: false,
      reason: 'stopped',
      retryAt: null,
      words: `The last answer was "abuse": ${blocked.answer.words} Once it is fixed at the provider, update again with --force.`,
      // The last answer's words fill the sentence by key (they have no values of their own).
      said: said('ddns.said.gate.stopped', { code: 'abuse', words: { key: 'ddns.said.answer.abuse' } }),
    });
  });
  it('a clock set back after an answer without a wait does not make the app wait', () => {
    const before = new Date(t0.getTime() - 10 * 60_000);
    expect(ddnsGate(after(null, `good ${IP}`, IP), '203.0.113.9', before)).toEqual({ send: true });
    expect(ddnsGate(after(null, 'badauth', null), '203.0.113.9', before)).toEqual({ send: true });
    const noMinutes: DdnsLast = {
      ...after(null, 'dnserr', null),
      answer: { ...after(null, 'dnserr', null).answer, retryAfterMinutes: null },
    };
    expect(ddnsGate(noMinutes, '203.0.113.9', before)).toEqual({ send: true });
  });
});

const look = (
  rcode: string | null,
  addresses: Array<[string, number | null]> = [],
  o: { server?: string | null; error?: string | null } = {},
): DdnsLookup => ({
  server: o.server === undefined ? '198.51.100.53' : o.server,
  rcode,
  addresses: addresses.map(([address, ttl]) => ({ address, ttl })),
  error: o.error === undefined ? null : o.error,
});
const SYS = look(null, [], { server: 'system resolver', error: 'no answer in time' });

describe('the verdict’s words, as the user reads them', () => {
  it('ok at the zone’s server and the resolver, with the TTL', () => {
    expect(judgeDdnsCheck(host, IP, look('NOERROR', [[IP, 60]]), look('NOERROR', [[IP, 300]]))).toEqual({
      verdict: 'ok',
      words: `${host} points to ${IP} (TTL 300 s) at the zone's server 198.51.100.53 and at the system resolver.`,
      said: said('ddns.said.check.okAtBothTtl', { host, address: IP, ttl: '300', server: '198.51.100.53' }),
    });
  });
  it('ok at the resolver alone (the zone’s server silent): no server named, the resolver’s TTL', () => {
    expect(judgeDdnsCheck(host, IP, look('NOERROR', [[IP, 42]]), look(null))).toEqual({
      verdict: 'ok',
      words: `${host} points to ${IP} (TTL 42 s) and at the system resolver.`,
      said: said('ddns.said.check.okAtSystemTtl', { host, address: IP, ttl: '42' }),
    });
  });
  it('ok at the zone’s server with the resolver silent and no TTL known: no TTL, no resolver claimed', () => {
    expect(judgeDdnsCheck(host, IP, SYS, look('NOERROR', [[IP, null]]))).toEqual({
      verdict: 'ok',
      words: `${host} points to ${IP} at the zone's server 198.51.100.53.`,
      said: said('ddns.said.check.okAtZone', { host, address: IP, server: '198.51.100.53' }),
    });
  });
  it('stale names every address the zone’s server has, and the public one', () => {
    const v = judgeDdnsCheck(
      host,
      IP,
      SYS,
      look(
        'NOERROR',
        [
          ['203.0.113.98', 60],
          ['203.0.113.99', 60],
        ],
        { server: null },
      ),
    );
    expect(v).toEqual({
      verdict: 'stale',
      words: `${host} points to 203.0.113.98, 203.0.113.99 at the zone's server, not to the public address ${IP}: the update did not happen or another client set it. Update it.`,
      said: said('ddns.said.check.staleAtZoneUnnamed', { host, addresses: '203.0.113.98, 203.0.113.99', address: IP }),
    });
  });
  it('stale at the resolver when the zone’s server is silent', () => {
    expect(judgeDdnsCheck(host, IP, look('NOERROR', [['203.0.113.99', 60]]), look(null)).words).toBe(
      `${host} points to 203.0.113.99 at the system resolver, not to the public address ${IP}: the update did not happen or another client set it. Update it.`,
    );
  });
  it('propagating: what each side has, and the TTL to wait', () => {
    expect(
      judgeDdnsCheck(
        host,
        IP,
        look('NOERROR', [
          ['203.0.113.1', 60],
          ['203.0.113.3', 60],
        ]),
        look('NOERROR', [[IP, 120]]),
      ),
    ).toEqual({
      verdict: 'propagating',
      words: `the zone's server 198.51.100.53 has ${IP} (TTL 120 s), the system resolver still has 203.0.113.1, 203.0.113.3: it follows within the TTL.`,
      said: said('ddns.said.check.propagatingTtl', {
        address: IP,
        addresses: '203.0.113.1, 203.0.113.3',
        ttl: '120',
        server: '198.51.100.53',
      }),
    });
  });
  it('NXDOMAIN says who said so', () => {
    expect(judgeDdnsCheck(host, IP, SYS, look('NXDOMAIN')).words).toBe(
      `${host} does not exist (NXDOMAIN at the zone's server 198.51.100.53): check the name, or create it at the provider.`,
    );
    expect(judgeDdnsCheck(host, IP, look('NXDOMAIN'), look(null)).words).toBe(
      `${host} does not exist (NXDOMAIN at the system resolver): check the name, or create it at the provider.`,
    );
  });
  it('SERVFAIL at the resolver with the zone’s server silent is a broken zone, said so', () => {
    expect(judgeDdnsCheck(host, IP, look('SERVFAIL'), look(null))).toEqual({
      verdict: 'servfail',
      words: `The DNS server failed to answer for ${host} (SERVFAIL): the provider's DNS or the zone is broken. Try again later.`,
      said: said('ddns.said.check.servfail', { host }),
    });
  });
  it('REFUSED names the server that is not the zone’s', () => {
    expect(judgeDdnsCheck(host, IP, SYS, look('REFUSED')).words).toBe(
      `the zone's server 198.51.100.53 refused to answer for ${host} (REFUSED): it is not this zone's server.`,
    );
  });
  it('unreachable gives each side’s reason, or a plain one when none is known', () => {
    expect(judgeDdnsCheck(host, IP, SYS, look(null, [], { error: 'no server found' })).words).toBe(
      `No DNS answer for ${host}: no server found; system resolver: no answer in time.`,
    );
    expect(judgeDdnsCheck(host, IP, look(null), look(null)).words).toBe(
      `No DNS answer for ${host}: the zone server did not answer; system resolver: no address.`,
    );
  });
  it('no A record names the zone’s server', () => {
    expect(judgeDdnsCheck(host, IP, SYS, look('NOERROR')).words).toBe(
      `${host} exists but has no IPv4 address (A record) at the zone's server 198.51.100.53.`,
    );
  });
  it('no public address known: every address, and the TTL', () => {
    expect(
      judgeDdnsCheck(
        host,
        null,
        SYS,
        look('NOERROR', [
          [IP, 60],
          ['203.0.113.3', 60],
        ]),
      ).words,
    ).toBe(
      `${host} points to ${IP}, 203.0.113.3 (TTL 60 s); the public address is not known, so it cannot be compared.`,
    );
  });
});
