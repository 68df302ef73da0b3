import { describe, expect, it } from 'vitest';
import {
  ECHOIP_MAX_BYTES,
  parseCheckerUrl,
  readAddressText,
  readEchoipJson,
  readEchoipText,
} from '../../../src/main/protocol/echoip';

const b = (s: string) => new TextEncoder().encode(s);

describe('echoip answers', () => {
  it('reads /json’s ip field as echoip (ifconfig.co) and the lab’s checker write it', () => {
    const body = JSON.stringify({ ip: '203.0.113.2', ip_decimal: 3405803778, country: 'Labland', asn: 'AS64500' });
    expect(readEchoipJson(b(body))).toEqual({ ok: true, address: '203.0.113.2', family: 'IPv4' });
    expect(readEchoipJson(b('{"ip":"2001:DB8::1"}'))).toEqual({ ok: true, address: '2001:db8::1', family: 'IPv6' });
  });
  it('reads /ip’s plain text, with its newline', () => {
    expect(readEchoipText(b('203.0.113.3\n'))).toEqual({ ok: true, address: '203.0.113.3', family: 'IPv4' });
  });
  it.each([
    ['not JSON', '<html>hello</html>', /not JSON/],
    ['an array', '["203.0.113.2"]', /not an object/],
    ['no ip field', '{"addr":"203.0.113.2"}', /no ip field/],
    ['a number as ip', '{"ip":3405803778}', /no ip field/],
    ['a name as ip', '{"ip":"example.com"}', /not an address \("example.com"\)/],
    ['an address with leading zeros', '{"ip":"203.000.113.002"}', /not an address/],
    ['null', 'null', /not an object/],
  ])('refuses a /json answer that is %s, in plain words', (_, text, why) => {
    const r = readEchoipJson(b(text));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(why);
  });
  it('refuses an answer over 16 KB unread, and shows at most 40 characters of garbage', () => {
    const big = new Uint8Array(ECHOIP_MAX_BYTES + 1);
    expect(readEchoipJson(big)).toMatchObject({ ok: false, error: expect.stringMatching(/larger than 16384/) });
    expect(readEchoipText(big)).toMatchObject({ ok: false });
    const r = readEchoipText(b(`\u001b[31m${'x'.repeat(500)}`));
    expect(!r.ok && r.error.length).toBeLessThan(100);
    expect(!r.ok && r.error).not.toContain('\u001b');
  });
  it('takes only dotted IPv4 and IPv6 text as an address', () => {
    expect(readAddressText(' 100.64.0.2 ')).toEqual({ address: '100.64.0.2', family: 'IPv4' });
    for (const t of ['1.2.3', '1.2.3.4.5', '::1::2', '1:2', 'fe80::1%eth0', '256.1.1.1', ''])
      expect(readAddressText(t), t).toBeNull();
  });
});

describe('checker URL', () => {
  it('takes http(s) and makes its path a folder, so /json and /ip go under it', () => {
    expect(parseCheckerUrl('http://198.51.100.10')?.href).toBe('http://198.51.100.10/');
    expect(new URL('json', parseCheckerUrl('https://example.net/echo')!).href).toBe('https://example.net/echo/json');
  });
  it.each(['ftp://x/', 'http://user:pw@x/', 'http://x/?ip=1.2.3.4', 'http://x/#a', 'not a url', 'javascript:alert(1)'])(
    'refuses %j',
    (t) => expect(parseCheckerUrl(t)).toBeNull(),
  );
});
