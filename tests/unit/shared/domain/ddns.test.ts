// Every answer the DDNS providers document, read as the user needs it: what happened, in plain words, whether the
// app may send again and when. Modelled on help.dyn.com "Return codes", noip.com/integrate/response,
// duckdns.org/spec.jsp and Cloudflare API v4 answers (see the sources in src/shared/domain/ddns.ts).
import { describe, expect, it } from 'vitest';
import {
  DDNS_RETRY_LATER_MINUTES,
  cloudflareItem,
  cloudflarePatchRequest,
  cloudflareRecordRequest,
  cloudflareUpdated,
  cloudflareZoneRequest,
  ddnsAfterAnswer,
  ddnsGate,
  ddnsServer,
  duckdnsDomain,
  duckdnsRequest,
  dyndns2Request,
  isDdnsHost,
  judgeDdnsCheck,
  readCloudflareAnswer,
  readDuckdnsAnswer,
  readDyndns2Answer,
  zoneCandidates,
  type DdnsAnswer,
  type DdnsLast,
  type DdnsLookup,
} from '../../../../src/shared/domain/ddns';

const SECRET = 's3cr3t-Pässword';
const host = 'mynvr.ddns.example';

describe('building the update request: the secret only in headers (DuckDNS: its URL), never in what is shown', () => {
  it('dyndns2: GET /nic/update with hostname and myip, basic auth and a User-Agent naming the program', () => {
    const r = dyndns2Request(
      { provider: 'dyndns2', host: 'MyNvr.DDNS.example', server: 'http://198.51.100.80', user: 'labuser' },
      { password: SECRET, ip: '203.0.113.2', version: '1.2.3' },
    )!;
    expect(r.method).toBe('GET');
    expect(r.url).toBe('http://198.51.100.80/nic/update?hostname=mynvr.ddns.example&myip=203.0.113.2');
    expect(r.headers.authorization).toBe(`Basic ${Buffer.from(`labuser:${SECRET}`).toString('base64')}`);
    expect(r.headers['user-agent']).toMatch(/nvr-assist.*1\.2\.3/);
    expect(r.url + r.shown).not.toContain(SECRET);
    expect(r.shown).not.toContain(Buffer.from(`labuser:${SECRET}`).toString('base64'));
  });

  it('dyndns2 without an address lets the provider take the caller’s; No-IP and Dynu default to their servers', () => {
    const noip = dyndns2Request({ provider: 'noip', host, user: 'u' }, { password: 'p', ip: null, version: '1' })!;
    expect(noip.url).toBe('https://dynupdate.no-ip.com/nic/update?hostname=mynvr.ddns.example');
    const dynu = dyndns2Request({ provider: 'dynu', host, user: 'u' }, { password: 'p', ip: null, version: '1' })!;
    expect(dynu.url).toMatch(/^https:\/\/api\.dynu\.com\/nic\/update\?/);
  });

  it('dyndns2 is not built without a user, for a bad host name, or for a server with a query or a login in it', () => {
    const p = { password: 'p', ip: null, version: '1' };
    expect(dyndns2Request({ provider: 'dyndns2', host }, p)).toBeNull();
    expect(dyndns2Request({ provider: 'dyndns2', host: 'nodot', user: 'u' }, p)).toBeNull();
    expect(dyndns2Request({ provider: 'dyndns2', host, user: 'u', server: 'http://x.example/?a=1' }, p)).toBeNull();
    expect(dyndns2Request({ provider: 'dyndns2', host, user: 'u', server: 'http://a:b@x.example' }, p)).toBeNull();
    expect(dyndns2Request({ provider: 'dyndns2', host, user: 'u', server: 'ftp://x.example' }, p)).toBeNull();
    expect(dyndns2Request({ provider: 'dyndns2', host, user: 'u', server: 'not a url' }, p)).toBeNull();
  });

  it('a server with a path keeps it (a compatible server under /dyn/)', () => {
    expect(ddnsServer({ provider: 'dyndns2', server: 'https://dns.example/dyn' })?.href).toBe(
      'https://dns.example/dyn/',
    );
    expect(ddnsServer({ provider: 'cloudflare' })?.href).toBe('https://api.cloudflare.com/client/v4/');
  });

  it('DuckDNS: the token in the URL (DuckDNS takes it nowhere else), verbose on, and shown as ***', () => {
    const r = duckdnsRequest(
      { provider: 'duckdns', host: 'MyCam.duckdns.org' },
      { token: 'tok-123', ip: '203.0.113.7' },
    )!;
    expect(r.url).toBe('https://www.duckdns.org/update?domains=mycam&token=tok-123&ip=203.0.113.7&verbose=true');
    expect(r.shown).toBe('GET https://www.duckdns.org/update?domains=mycam&token=***&ip=203.0.113.7&verbose=true');
    expect(duckdnsDomain('mynvr.ddns.lab.example')).toBe('mynvr.ddns.lab.example');
    expect(duckdnsRequest({ provider: 'duckdns', host }, { token: '', ip: null })).toBeNull();
  });

  it('Cloudflare: zone, record and PATCH of the A record’s content with a Bearer token, not shown', () => {
    const t = { provider: 'cloudflare' as const, host };
    const z = cloudflareZoneRequest(t, { token: SECRET, zone: 'ddns.example' })!;
    expect(z.url).toBe('https://api.cloudflare.com/client/v4/zones?name=ddns.example');
    const rec = cloudflareRecordRequest(t, { token: SECRET, zoneId: 'z1' })!;
    expect(rec.url).toBe('https://api.cloudflare.com/client/v4/zones/z1/dns_records?type=A&name=mynvr.ddns.example');
    const p = cloudflarePatchRequest(t, { token: SECRET, zoneId: 'z1', recordId: 'r9', ip: '203.0.113.2' })!;
    expect(p.method).toBe('PATCH');
    expect(p.url).toBe('https://api.cloudflare.com/client/v4/zones/z1/dns_records/r9');
    expect(JSON.parse(p.body!)).toEqual({ type: 'A', content: '203.0.113.2' });
    for (const r of [z, rec, p]) {
      expect(r.headers.authorization).toBe(`Bearer ${SECRET}`);
      expect(r.shown + r.url).not.toContain(SECRET);
    }
    expect(cloudflarePatchRequest(t, { token: 'x', zoneId: '../x', recordId: 'r', ip: '1.2.3.4' })).toBeNull();
    expect(cloudflarePatchRequest(t, { token: 'x', zoneId: 'z', recordId: 'r', ip: '1.2.3' })).toBeNull();
    expect(cloudflareRecordRequest(t, { token: 'x', zoneId: 'a/b' })).toBeNull();
  });

  it('zone candidates run from the host up, never a bare top-level domain, at most four', () => {
    expect(zoneCandidates('a.b.example.com')).toEqual(['a.b.example.com', 'b.example.com', 'example.com']);
    expect(zoneCandidates('a.b.c.d.e.f')).toHaveLength(4);
    expect(isDdnsHost('mynvr.ddns.net')).toBe(true);
    expect(isDdnsHost('-bad.example')).toBe(false);
    expect(isDdnsHost('localhost')).toBe(false);
  });
});

const shape = (a: DdnsAnswer) => [a.outcome, a.mayRetry, a.stop, a.retryAfterMinutes];

describe('dyndns2 answers (DynDNS, No-IP, Dynu): each word as the providers define it', () => {
  it('good <ip>: updated, and the address the provider took', () => {
    const a = readDyndns2Answer(200, 'good 203.0.113.2\n', '203.0.113.2');
    expect(shape(a)).toEqual(['updated', true, false, null]);
    expect(a.address).toBe('203.0.113.2');
    expect(a.words).toContain('203.0.113.2');
  });

  it('good 127.0.0.1 when it was not asked for: Dyn ignored the update because it refuses the agent — stop', () => {
    const a = readDyndns2Answer(200, 'good 127.0.0.1', '203.0.113.2');
    expect(shape(a)).toEqual(['fatal', false, true, null]);
    expect(readDyndns2Answer(200, 'good 127.0.0.1', '127.0.0.1').outcome).toBe('updated');
  });

  it('nochg <ip>: unchanged, and the words say repeating it gets the host blocked', () => {
    const a = readDyndns2Answer(200, 'nochg 203.0.113.2', '203.0.113.2');
    expect(shape(a)).toEqual(['unchanged', true, false, null]);
    expect(a.address).toBe('203.0.113.2');
    expect(a.words).toMatch(/blocked/);
  });

  it('No-IP’s good/nochg with both addresses: the IPv4 one is read', () => {
    expect(readDyndns2Answer(200, 'good 2001:db8::1,203.0.113.5', null).address).toBe('203.0.113.5');
  });

  it.each([
    ['badauth', 'auth', /user name or password/],
    ['!donator', 'fatal', /paying/],
    ['nohost', 'host', /not in this account/],
    ['notfqdn', 'host', /full name/],
    ['numhost', 'fatal', /20/],
    ['abuse', 'blocked', /blocked/],
    ['badagent', 'fatal', /refuses this program/],
  ] as const)('%s: %s, never retried by itself', (word, outcome, words) => {
    const a = readDyndns2Answer(200, `${word}\n`, '203.0.113.2');
    expect(shape(a)).toEqual([outcome, false, true, null]);
    expect(a.code).toBe(word);
    expect(a.words).toMatch(words);
  });

  it(`911: retry later, not before ${DDNS_RETRY_LATER_MINUTES} minutes, and not automatically (stop)`, () => {
    const a = readDyndns2Answer(200, '911', null);
    expect(shape(a)).toEqual(['retry-later', true, true, 30]);
    expect(DDNS_RETRY_LATER_MINUTES).toBeGreaterThanOrEqual(30);
  });

  it('dnserr: retry later after the same wait (a server fault like 911)', () => {
    expect(shape(readDyndns2Answer(200, 'dnserr', null))).toEqual(['retry-later', true, false, 30]);
  });

  it('an unknown word is a plain "unknown answer" that stops updates', () => {
    const a = readDyndns2Answer(200, 'wibble 1.2.3.4', null);
    expect(shape(a)).toEqual(['fatal', false, true, null]);
    expect(a.words).toMatch(/^unknown answer/);
    expect(a.code).toBe('wibble');
    expect(readDyndns2Answer(200, '', null).code).toBe('empty');
    expect(readDyndns2Answer(404, '', null).code).toBe('http 404');
  });

  it('HTTP 401 without a word is a refused login; 429 and 5xx are the server’s trouble for a while', () => {
    expect(readDyndns2Answer(401, '', null).outcome).toBe('auth');
    expect(shape(readDyndns2Answer(429, '', null))).toEqual(['retry-later', true, false, 30]);
    expect(readDyndns2Answer(503, '<html>busy</html>', null).code).toBe('http 503');
    expect(readDyndns2Answer(401, 'badauth', null).code).toBe('badauth');
  });

  it('the first non-empty line is read, with any spaces and CRLF', () => {
    expect(readDyndns2Answer(200, '\r\n  nochg 203.0.113.2\r\nnohost\r\n', null).outcome).toBe('unchanged');
    expect(readDyndns2Answer(200, 'x'.repeat(100_000), null).code.length).toBeLessThanOrEqual(32);
  });
});

describe('DuckDNS answers', () => {
  it('OK with UPDATED / NOCHANGE (verbose), and a bare OK', () => {
    const up = readDuckdnsAnswer(200, 'OK\n203.0.113.9\n\nUPDATED', '203.0.113.9');
    expect([up.outcome, up.address, up.code]).toEqual(['updated', '203.0.113.9', 'OK UPDATED']);
    const same = readDuckdnsAnswer(200, 'OK\n203.0.113.9\n\nNOCHANGE', null);
    expect([same.outcome, same.address]).toEqual(['unchanged', '203.0.113.9']);
    expect(readDuckdnsAnswer(200, 'OK', '203.0.113.1')).toMatchObject({ outcome: 'updated', code: 'OK' });
  });

  it('KO: token or domain wrong (DuckDNS does not say which), stop', () => {
    const a = readDuckdnsAnswer(200, 'KO', null);
    expect(shape(a)).toEqual(['auth', false, true, null]);
    expect(a.words).toMatch(/token.*domain/);
  });

  it('anything else is an unknown answer; a 5xx a wait', () => {
    expect(readDuckdnsAnswer(200, 'maybe', null).words).toMatch(/^unknown answer/);
    expect(readDuckdnsAnswer(502, 'bad gateway', null).outcome).toBe('retry-later');
  });
});

const cf = (code: number, status = 400) =>
  readCloudflareAnswer(
    status,
    JSON.stringify({ success: false, errors: [{ code, message: 'x' }], messages: [], result: null }),
  ).answer!;

describe('Cloudflare answers: {success, errors[{code}]}', () => {
  it('success hands the result on (no verdict yet)', () => {
    const r = readCloudflareAnswer(200, JSON.stringify({ success: true, errors: [], result: [{ id: 'z1' }] }));
    expect(r.answer).toBeNull();
    expect(cloudflareItem(r.result)).toEqual({ id: 'z1', content: null });
  });

  it.each([
    [9109, 'auth'],
    [10000, 'auth'],
    [6003, 'auth'],
    [6103, 'auth'],
    [6111, 'auth'],
    [81044, 'host'],
    [7003, 'host'],
    [1038, 'fatal'],
    [1004, 'fatal'],
    [9005, 'fatal'],
    [81057, 'unchanged'],
    [81058, 'unchanged'],
  ] as const)('error %i: %s', (code, outcome) => {
    const a = cf(code);
    expect(a.outcome).toBe(outcome);
    expect(a.code).toBe(`cloudflare ${code}`);
    expect(a.stop).toBe(outcome !== 'unchanged');
  });

  it('9109 says the token was refused; 81044 says to create the record', () => {
    expect(cf(9109, 403).words).toMatch(/token/);
    expect(cf(81044, 404).words).toMatch(/create/);
  });

  it('an unknown code is an unknown answer naming it; 429 waits; 403 without a known code is the token; junk is unknown', () => {
    expect(cf(12345).words).toMatch(/^unknown answer/);
    expect(cf(12345).code).toBe('cloudflare 12345');
    expect(cf(12345, 429).outcome).toBe('retry-later');
    expect(readCloudflareAnswer(403, '<html>').answer!.outcome).toBe('auth');
    expect(readCloudflareAnswer(200, '{not json').answer!.code).toBe('http 200');
    expect(readCloudflareAnswer(200, JSON.stringify({ success: 'yes' })).answer!.outcome).toBe('fatal');
  });

  it('a list item: one with an id and its IPv4 content; none; several', () => {
    expect(cloudflareItem([{ id: 'r1', content: '203.0.113.2' }])).toEqual({ id: 'r1', content: '203.0.113.2' });
    expect(cloudflareItem([])).toBe('none');
    expect(cloudflareItem(null)).toBe('none');
    expect(cloudflareItem([{ id: 'a b' }])).toBe('none');
    expect(cloudflareItem([{ id: 'a' }, { id: 'b' }])).toBe('many');
  });

  it('after the PATCH: updated to the record’s content, unchanged when it already had it', () => {
    expect(cloudflareUpdated({ content: '203.0.113.2' }, '203.0.113.2', '203.0.113.1').outcome).toBe('updated');
    expect(cloudflareUpdated({}, '203.0.113.2', '203.0.113.2').outcome).toBe('unchanged');
  });
});

const t0 = new Date('2026-01-01T12:00:00Z');
const last = (answer: DdnsAnswer, address: string | null = null): DdnsLast =>
  ddnsAfterAnswer(
    address ? ddnsAfterAnswer(null, target, readDyndns2Answer(200, `good ${address}`, address), t0) : null,
    target,
    answer,
    t0,
  );
const target = { provider: 'dyndns2' as const, host, server: 'http://198.51.100.80/', user: 'u' };

describe('the providers’ rules before sending', () => {
  it('no update when the provider already took this address; one when it changed; none known: sent', () => {
    const l = last(readDyndns2Answer(200, 'good 203.0.113.2', '203.0.113.2'));
    expect(ddnsGate(l, '203.0.113.2', t0)).toMatchObject({ send: false, reason: 'unchanged' });
    expect(ddnsGate(l, '203.0.113.3', t0)).toEqual({ send: true });
    expect(ddnsGate(l, null, t0)).toEqual({ send: true });
    expect(ddnsGate(null, '203.0.113.2', t0)).toEqual({ send: true });
    expect(ddnsGate(l, '203.0.113.2', t0, true)).toEqual({ send: true });
  });

  it('after 911 or dnserr: nothing for 30 minutes, even forced; then allowed', () => {
    for (const word of ['911', 'dnserr']) {
      const l = last(readDyndns2Answer(200, word, null), '203.0.113.2');
      const in29 = new Date(t0.getTime() + 29 * 60_000);
      const gate = ddnsGate(l, '203.0.113.9', in29, true);
      expect(gate).toMatchObject({ send: false, reason: 'wait', retryAt: '2026-01-01T12:30:00.000Z' });
      expect(ddnsGate(l, '203.0.113.9', new Date(t0.getTime() + 30 * 60_000))).toEqual({ send: true });
    }
  });

  it('after abuse, badagent or an unknown answer: nothing until the user says it was fixed (force)', () => {
    for (const word of ['abuse', 'badagent', '!donator', 'wibble']) {
      const l = last(readDyndns2Answer(200, word, null));
      expect(ddnsGate(l, '203.0.113.9', t0)).toMatchObject({ send: false, reason: 'stopped' });
      expect(ddnsGate(l, '203.0.113.9', t0, true)).toEqual({ send: true });
    }
  });

  it('after badauth or nohost the new login or name is the fix: sent', () => {
    expect(ddnsGate(last(readDyndns2Answer(200, 'badauth', null)), '203.0.113.9', t0)).toEqual({ send: true });
    expect(ddnsGate(last(readDyndns2Answer(200, 'nohost', null)), '203.0.113.9', t0)).toEqual({ send: true });
  });

  it('a failure keeps the last success’s address and time', () => {
    const l = last(readDyndns2Answer(200, 'badauth', null), '203.0.113.2');
    expect([l.address, l.successAt, l.answer.code]).toEqual(['203.0.113.2', t0.toISOString(), 'badauth']);
  });
});

const look = (rcode: string | null, ...addresses: string[]): DdnsLookup => ({
  server: '198.51.100.53',
  rcode,
  addresses: addresses.map((address) => ({ address, ttl: 60 })),
  error: rcode ? null : 'no answer in time',
});

describe('the check’s verdict', () => {
  it('ok: the zone’s server and the resolver both have the public address, with the TTL', () => {
    const v = judgeDdnsCheck(host, '203.0.113.2', look('NOERROR', '203.0.113.2'), look('NOERROR', '203.0.113.2'));
    expect(v.verdict).toBe('ok');
    expect(v.words).toContain('TTL 60 s');
  });

  it('stale: the zone’s server has another address, named with the public one', () => {
    const v = judgeDdnsCheck(host, '203.0.113.2', look('NOERROR', '203.0.113.99'), look('NOERROR', '203.0.113.99'));
    expect(v.verdict).toBe('stale');
    expect(v.words).toMatch(/203\.0\.113\.99.*not to the public address 203\.0\.113\.2/);
  });

  it('propagating: the zone’s server has it, the resolver still the old one', () => {
    const v = judgeDdnsCheck(host, '203.0.113.2', look('NOERROR', '203.0.113.1'), look('NOERROR', '203.0.113.2'));
    expect(v.verdict).toBe('propagating');
  });

  it('NXDOMAIN, SERVFAIL, REFUSED and no A record each say so', () => {
    expect(judgeDdnsCheck(host, '1.2.3.4', look(null), look('NXDOMAIN')).verdict).toBe('nxdomain');
    expect(judgeDdnsCheck(host, '1.2.3.4', look('NXDOMAIN'), look(null)).verdict).toBe('nxdomain');
    expect(judgeDdnsCheck(host, '1.2.3.4', look(null), look('SERVFAIL')).verdict).toBe('servfail');
    expect(judgeDdnsCheck(host, '1.2.3.4', look(null), look('REFUSED')).verdict).toBe('refused');
    expect(judgeDdnsCheck(host, '1.2.3.4', look(null), look('NOERROR')).verdict).toBe('no-record');
  });

  it('nobody answers: unreachable; the zone’s server silent but the resolver answers: judged on the resolver', () => {
    expect(judgeDdnsCheck(host, '1.2.3.4', look(null), look(null)).verdict).toBe('unreachable');
    expect(judgeDdnsCheck(host, '1.2.3.4', look('NOERROR', '1.2.3.4'), look(null)).verdict).toBe('ok');
    expect(judgeDdnsCheck(host, '1.2.3.4', look('NOERROR', '1.2.3.5'), look(null)).verdict).toBe('stale');
  });

  it('no public address known: it says where the name points and that it cannot compare', () => {
    const v = judgeDdnsCheck(host, null, look(null), look('NOERROR', '203.0.113.2'));
    expect(v.verdict).toBe('no-expected');
    expect(v.words).toContain('203.0.113.2');
  });
});
