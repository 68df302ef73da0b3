// The DDNS service with a recorded provider and DNS: what is sent (and when nothing is), that the secret never
// leaves in a result, Cloudflare's three steps, and the check's NS walk to the zone's own server.
import { describe, expect, it } from 'vitest';
import { ddnsAfterAnswer, type DdnsRequest } from '../../../../src/shared/domain/ddns';
import { createDdnsService } from '../../../../src/main/services/ddns/ddns-service';
import { said } from '../../../../src/shared/i18n/said';
import type { DnsQuery, SystemLookup } from '../../../../src/main/services/ddns/dns-client';
import { DNS_TYPE, type DnsAnswer, type DnsRecord } from '../../../../src/main/protocol/dns-wire';

const SECRET = 'pa55-W0rd!';
const now = () => new Date('2026-01-01T12:00:00Z');

function provider(answers: Array<{ status: number; body: string } | { error: string }>) {
  const sent: DdnsRequest[] = [];
  const http = async (r: DdnsRequest) => {
    sent.push(r);
    const a = answers.shift() ?? { error: 'no more answers' };
    return 'error' in a ? { ok: false as const, error: a.error } : { ok: true as const, ...a };
  };
  return { sent, http };
}

const noDns: DnsQuery = async () => ({ ok: false, error: 'no answer in time' });
const service = (
  http: ReturnType<typeof provider>['http'],
  query: DnsQuery = noDns,
  lookup: SystemLookup = async () => ({ addresses: [], error: 'x', notFound: false }),
) => createDdnsService({ http, query, lookup, dnsServers: () => ['192.168.50.1'], now, version: '1.0.0' });

const dyn = { provider: 'dyndns2' as const, host: 'mynvr.ddns.example', server: 'http://198.51.100.80', user: 'u' };

describe('updates', () => {
  it('one request; the answer read; the secret in no part of the result', async () => {
    const p = provider([{ status: 200, body: 'good 203.0.113.2' }]);
    const r = await service(p.http).update({ ...dyn, secret: SECRET, ip: '203.0.113.2', last: null });
    expect(p.sent).toHaveLength(1);
    expect(p.sent[0]!.headers.authorization).toContain(Buffer.from(`u:${SECRET}`).toString('base64'));
    expect([r.sent, r.answer.outcome, r.answer.address]).toEqual([true, 'updated', '203.0.113.2']);
    const json = JSON.stringify(r);
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain(Buffer.from(`u:${SECRET}`).toString('base64'));
  });

  it('the same address again after a success: nothing sent, "unchanged"', async () => {
    const p = provider([]);
    const last = ddnsAfterAnswer(
      null,
      { ...dyn, server: 'http://198.51.100.80/' },
      {
        outcome: 'updated',
        code: 'good',
        words: '',
        mayRetry: true,
        stop: false,
        retryAfterMinutes: null,
        address: '203.0.113.2',
      },
      now(),
    );
    const r = await service(p.http).update({ ...dyn, secret: SECRET, ip: '203.0.113.2', last });
    expect(p.sent).toHaveLength(0);
    expect([r.sent, r.answer.outcome, r.answer.code]).toEqual([false, 'unchanged', 'not sent']);
  });

  it('abuse: one request, then none until forced', async () => {
    const p = provider([
      { status: 200, body: 'abuse' },
      { status: 200, body: 'good 203.0.113.2' },
    ]);
    const s = service(p.http);
    const first = await s.update({ ...dyn, secret: SECRET, ip: '203.0.113.2', last: null });
    expect([first.answer.outcome, first.answer.stop]).toEqual(['blocked', true]);
    const last = ddnsAfterAnswer(null, { ...dyn, server: first.server }, first.answer, now());
    const again = await s.update({ ...dyn, secret: SECRET, ip: '203.0.113.2', last });
    expect([p.sent.length, again.sent, again.answer.outcome]).toEqual([1, false, 'blocked']);
    const forced = await s.update({ ...dyn, secret: SECRET, ip: '203.0.113.2', last, force: true });
    expect([p.sent.length, forced.answer.outcome]).toEqual([2, 'updated']);
  });

  it('no answer from the provider: retry later, no wait imposed; no user or no secret: nothing sent', async () => {
    const p = provider([{ error: 'no answer in time' }]);
    const r = await service(p.http).update({ ...dyn, secret: SECRET, ip: null, last: null });
    expect([r.answer.outcome, r.answer.code, r.answer.retryAfterMinutes]).toEqual(['retry-later', 'unreachable', null]);
    const q = provider([]);
    expect(
      (await service(q.http).update({ ...dyn, user: null, secret: SECRET, ip: null, last: null })).answer.words,
    ).toMatch(/user name/);
    expect((await service(q.http).update({ ...dyn, secret: '', ip: null, last: null })).answer.code).toBe('no secret');
    expect(q.sent).toHaveLength(0);
  });

  it('DuckDNS: the verbose answer; the token only in the URL sent, *** in what is shown', async () => {
    const p = provider([{ status: 200, body: 'OK\n203.0.113.9\n\nUPDATED' }]);
    const r = await service(p.http).update({
      provider: 'duckdns',
      host: 'mynvr.duckdns.org',
      secret: SECRET,
      ip: '203.0.113.9',
      last: null,
    });
    expect(new URL(p.sent[0]!.url).searchParams.get('token')).toBe(SECRET);
    expect(r.requests[0]).toContain('token=***');
    expect(JSON.stringify(r)).not.toMatch(/pa55/);
    expect(r.answer.outcome).toBe('updated');
  });

  const cfOk = (result: unknown) => ({ status: 200, body: JSON.stringify({ success: true, errors: [], result }) });
  const cf = { provider: 'cloudflare' as const, host: 'cam.home.example.com', secret: SECRET, last: null };

  it('Cloudflare: the zone found walking up from the host, the record read, then PATCHed', async () => {
    const p = provider([
      cfOk([]),
      cfOk([{ id: 'zone1' }]),
      cfOk([{ id: 'rec1', content: '203.0.113.1' }]),
      cfOk({ id: 'rec1', content: '203.0.113.2' }),
    ]);
    const r = await service(p.http).update({ ...cf, ip: '203.0.113.2' });
    expect(p.sent.map((s) => `${s.method} ${s.url.replace('https://api.cloudflare.com/client/v4/', '')}`)).toEqual([
      'GET zones?name=cam.home.example.com',
      'GET zones?name=home.example.com',
      'GET zones/zone1/dns_records?type=A&name=cam.home.example.com',
      'PATCH zones/zone1/dns_records/rec1',
    ]);
    expect([r.answer.outcome, r.answer.address]).toEqual(['updated', '203.0.113.2']);
  });

  it('Cloudflare: a record that already has the address is not PATCHed; a refused token stops at once', async () => {
    const p = provider([cfOk([{ id: 'zone1' }]), cfOk([{ id: 'rec1', content: '203.0.113.2' }])]);
    expect((await service(p.http).update({ ...cf, ip: '203.0.113.2' })).answer.outcome).toBe('unchanged');
    expect(p.sent.every((s) => s.method === 'GET')).toBe(true);
    const q = provider([{ status: 403, body: JSON.stringify({ success: false, errors: [{ code: 9109 }] }) }]);
    const r = await service(q.http).update({ ...cf, ip: '203.0.113.2' });
    expect([q.sent.length, r.answer.outcome]).toEqual([1, 'auth']);
  });

  it('Cloudflare: no address, no zone, no record', async () => {
    const none = provider([]);
    expect((await service(none.http).update({ ...cf, ip: null })).sent).toBe(false);
    const p = provider([cfOk([]), cfOk([]), cfOk([])]);
    expect((await service(p.http).update({ ...cf, ip: '1.2.3.4' })).answer.outcome).toBe('host');
    const q = provider([cfOk([{ id: 'z' }]), cfOk([])]);
    expect((await service(q.http).update({ ...cf, ip: '1.2.3.4' })).answer.code).toBe('cloudflare 81044');
  });
});

const answer = (
  rcodeName: DnsAnswer['rcodeName'],
  answers: DnsRecord[],
  additionals: DnsRecord[] = [],
  truncated = false,
): DnsAnswer => ({
  ok: true,
  id: 1,
  truncated,
  authoritative: true,
  rcode: 0,
  rcodeName,
  question: null,
  answers,
  authorities: [],
  additionals,
});

describe('the check', () => {
  it('finds the zone by NS through the system’s DNS, asks its server without recursion, reads the TTL', async () => {
    const asked: string[] = [];
    const query: DnsQuery = async (server, name, type, o) => {
      asked.push(`${server} ${name} ${type} rd=${o.recursionDesired !== false}`);
      if (type === DNS_TYPE.NS && name === 'ddns.example')
        return {
          ok: true,
          answer: answer(
            'NOERROR',
            [{ name, type: 2, ttl: 60, data: 'ns1.ddns.example' }],
            [{ name: 'ns1.ddns.example', type: 1, ttl: 60, data: '198.51.100.53' }],
          ),
        };
      if (type === DNS_TYPE.NS) return { ok: true, answer: answer('NOERROR', []) };
      return {
        ok: true,
        answer: answer('NOERROR', [{ name: 'mynvr.ddns.example', type: 1, ttl: 60, data: '203.0.113.2' }]),
      };
    };
    const lookup = async () => ({ addresses: ['203.0.113.2'], error: null, notFound: false });
    const c = await service(provider([]).http, query, lookup).check({
      host: 'MyNvr.ddns.example',
      expected: '203.0.113.2',
      expectedFrom: 'given',
    });
    expect(asked).toEqual([
      '192.168.50.1 mynvr.ddns.example 2 rd=true',
      '192.168.50.1 ddns.example 2 rd=true',
      '198.51.100.53 mynvr.ddns.example 1 rd=false',
    ]);
    expect([c.zone, c.authoritative.server, c.authoritative.addresses, c.verdict]).toEqual([
      'ddns.example',
      '198.51.100.53',
      [{ address: '203.0.113.2', ttl: 60 }],
      'ok',
    ]);
  });

  it('--dns-server skips the walk; a truncated answer says TC; no DNS at all: unreachable', async () => {
    const asked: string[] = [];
    const query: DnsQuery = async (server) => {
      asked.push(server);
      return {
        ok: true,
        answer: answer('NOERROR', [{ name: 'h.example', type: 1, ttl: 5, data: '1.2.3.4' }], [], true),
      };
    };
    const c = await service(provider([]).http, query).check({
      host: 'h.example',
      expected: '1.2.3.4',
      expectedFrom: 'given',
      dnsServer: '198.51.100.53',
    });
    expect(asked).toEqual(['198.51.100.53']);
    expect(c.authoritative.error).toMatch(/TC/);
    const none = await service(provider([]).http).check({
      host: 'h.example',
      expected: '1.2.3.4',
      expectedFrom: 'given',
    });
    expect(none.verdict).toBe('unreachable');
  });
});

describe('main’s own words said by key, beside its English sentence', () => {
  it('nothing sent: the provider’s name and what it needs (a password or a token: two whole sentences)', async () => {
    const q = provider([]);
    const noip = await service(q.http).update({ ...dyn, provider: 'noip', secret: '', ip: null, last: null });
    expect([noip.answer.words, noip.answer.said]).toEqual([
      'No-IP needs the password.',
      said('ddns.said.service.needsPassword', { provider: 'No-IP' }),
    ]);
    const duck = await service(q.http).update({ ...dyn, provider: 'duckdns', secret: '', ip: null, last: null });
    expect([duck.answer.words, duck.answer.said]).toEqual([
      'DuckDNS needs the token.',
      said('ddns.said.service.needsToken', { provider: 'DuckDNS' }),
    ]);
    expect(q.sent).toHaveLength(0);
  });

  it('the provider not reached: why, as the request said it', async () => {
    const p = provider([{ error: 'no answer in time' }]);
    const r = await service(p.http).update({ ...dyn, secret: SECRET, ip: null, last: null });
    expect(r.answer.said).toEqual(
      said('ddns.said.service.unreachable', { provider: 'the dyndns2 server', error: 'no answer in time' }),
    );
    expect(r.answer.words).toBe('the dyndns2 server could not be reached: no answer in time.');
  });

  it('why the zone’s server gave nothing: main’s reasons by key, a DNS question’s own failure as it came', async () => {
    const none = await service(provider([]).http).check({ host: 'h.example', expected: null, expectedFrom: null });
    expect([none.authoritative.error, none.authoritative.errorSaid]).toEqual([
      'the DNS server 192.168.50.1 gave no answer (no answer in time)',
      said('ddns.said.lookup.noAnswerFrom', { server: '192.168.50.1', error: 'no answer in time' }),
    ]);
    const alone = await createDdnsService({
      http: provider([]).http,
      query: noDns,
      lookup: async () => ({ addresses: [], error: 'x', notFound: false }),
      dnsServers: () => [],
      now,
      version: '1.0.0',
    }).check({ host: 'h.example', expected: null, expectedFrom: null });
    expect(alone.authoritative.errorSaid).toEqual(said('ddns.said.lookup.noResolver'));
    expect(alone.said).toEqual(
      said('ddns.said.check.unreachable', {
        host: 'h.example',
        zoneError: { key: 'ddns.said.lookup.noResolver' },
        systemError: 'x',
      }),
    );
    expect(alone.words).toBe(
      'No DNS answer for h.example: this computer has no DNS server to ask which server holds the zone; system resolver: x.',
    );
  });
});
