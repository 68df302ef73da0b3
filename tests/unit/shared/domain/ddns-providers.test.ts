// The DDNS requests as they leave the app: a request built from bad input (a host name with a space or a port, a
// server with a login in it, an identifier that walks out of the API path) would update the wrong thing or leak a
// secret; a request not built from good input leaves the name stale. And what is shown to the user never holds the
// secret.
import { describe, expect, it } from 'vitest';
import {
  cloudflarePatchRequest,
  cloudflareRecordRequest,
  cloudflareZoneRequest,
  ddnsServer,
  ddnsUserAgent,
  duckdnsRequest,
  dyndns2Request,
  isDdnsHost,
} from '../../../../src/shared/domain/ddns';

const host = 'mynvr.ddns.example';

describe('the User-Agent the dyndns2 providers require', () => {
  it('names the program and a clean version, at most 32 characters of it, "0" when none is left', () => {
    expect(ddnsUserAgent('1.2.3 beta/x')).toBe('nvr-assist NVR-Remote-Access-Assistant/1.2.3betax');
    expect(ddnsUserAgent('9'.repeat(40))).toBe(`nvr-assist NVR-Remote-Access-Assistant/${'9'.repeat(32)}`);
    expect(ddnsUserAgent('///')).toBe('nvr-assist NVR-Remote-Access-Assistant/0');
  });
});

describe('the host name sent for update', () => {
  it('one-letter labels, hyphens inside labels and 253 characters are taken', () => {
    expect(isDdnsHost('x.ddns.example')).toBe(true);
    expect(isDdnsHost('my-nvr.ddns.example')).toBe(true);
    const name = (last: number) => [63, 63, 63, last].map((n) => 'a'.repeat(n)).join('.') + '.ex';
    expect(name(58)).toHaveLength(253);
    expect(isDdnsHost(name(58))).toBe(true);
    expect(isDdnsHost(name(59))).toBe(false);
  });
  it.each(['my nvr.ddns.example', 'mynvr.ddns.example:8080', 'mynvr.ddns.example/x', 'http://mynvr.ddns.example'])(
    '%j is refused',
    (h) => expect(isDdnsHost(h)).toBe(false),
  );
});

describe('the server sent to', () => {
  it('a server with a user name alone (no password) in it is refused', () => {
    expect(ddnsServer({ provider: 'dyndns2', server: 'https://user@dns.example/' })).toBeNull();
  });
});

describe('dyndns2', () => {
  it('shows the request with the user name, never the password', () => {
    const r = dyndns2Request(
      { provider: 'dyndns2', host, user: 'labuser', server: 'https://dns.example' },
      { password: 'pw-secret', ip: '203.0.113.2', version: '1' },
    )!;
    expect(r.shown).toBe(
      'GET https://dns.example/nic/update?hostname=mynvr.ddns.example&myip=203.0.113.2 (basic auth as labuser)',
    );
  });
});

describe('DuckDNS', () => {
  it('without an address, no ip parameter (DuckDNS takes the caller’s); GET; the token only in the URL', () => {
    const r = duckdnsRequest({ provider: 'duckdns', host: 'mycam.duckdns.org' }, { token: 'tok', ip: null })!;
    expect(r).toEqual({
      method: 'GET',
      url: 'https://www.duckdns.org/update?domains=mycam&token=tok&verbose=true',
      headers: {},
      shown: 'GET https://www.duckdns.org/update?domains=mycam&token=***&verbose=true',
    });
  });
  it('not built for a bad host or a bad server', () => {
    expect(duckdnsRequest({ provider: 'duckdns', host: 'bad host' }, { token: 'tok', ip: null })).toBeNull();
    expect(
      duckdnsRequest({ provider: 'duckdns', host, server: 'ftp://x.example' }, { token: 'tok', ip: null }),
    ).toBeNull();
  });
});

describe('Cloudflare', () => {
  const t = { provider: 'cloudflare' as const, host };
  const bad = { ...t, server: 'ftp://api.example' };
  it('each request: its method, the JSON content type, and shown without the token', () => {
    const z = cloudflareZoneRequest(t, { token: 'T', zone: 'ddns.example' })!;
    const rec = cloudflareRecordRequest(t, { token: 'T', zoneId: 'z1' })!;
    const p = cloudflarePatchRequest(t, { token: 'T', zoneId: 'z1', recordId: 'r9', ip: '203.0.113.2' })!;
    expect([z.shown, rec.shown, p.shown]).toEqual([
      'GET https://api.cloudflare.com/client/v4/zones?name=ddns.example',
      'GET https://api.cloudflare.com/client/v4/zones/z1/dns_records?type=A&name=mynvr.ddns.example',
      'PATCH https://api.cloudflare.com/client/v4/zones/z1/dns_records/r9',
    ]);
    for (const r of [z, rec, p])
      expect(r.headers).toEqual({ authorization: 'Bearer T', 'content-type': 'application/json' });
  });
  it('none is built without a token or for a bad server', () => {
    expect(cloudflareZoneRequest(t, { token: '', zone: 'ddns.example' })).toBeNull();
    expect(cloudflareZoneRequest(bad, { token: 'T', zone: 'ddns.example' })).toBeNull();
    expect(cloudflareRecordRequest(t, { token: '', zoneId: 'z1' })).toBeNull();
    expect(cloudflareRecordRequest(bad, { token: 'T', zoneId: 'z1' })).toBeNull();
    expect(cloudflareRecordRequest({ ...t, host: 'bad host' }, { token: 'T', zoneId: 'z1' })).toBeNull();
    const patch = { zoneId: 'z1', recordId: 'r9', ip: '203.0.113.2' };
    expect(cloudflarePatchRequest(t, { ...patch, token: '' })).toBeNull();
    expect(cloudflarePatchRequest(bad, { ...patch, token: 'T' })).toBeNull();
  });
  it.each([
    ['z1/../../user/tokens', 'r9'],
    ['../z1', 'r9'],
    ['z1', 'r9/../../x'],
    ['z1', '../r9'],
  ])('an identifier that would leave the record’s path is refused (%s, %s)', (zoneId, recordId) => {
    expect(cloudflarePatchRequest(t, { token: 'T', zoneId, recordId, ip: '203.0.113.2' })).toBeNull();
  });
});
