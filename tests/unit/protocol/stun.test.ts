import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatIpv6,
  parseStunServer,
  readStunBindingReply,
  STUN_MAGIC_COOKIE,
  stunBindingRequest,
} from '../../../src/main/protocol/stun';
// The lab's STUN server's own encoder: written separately, so a reply it builds is an independent check of our reader.
// @ts-expect-error -- plain .mjs without types
import { bindingError, bindingSuccess } from '../../lab/wan/stun-wire.mjs';

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const TID = hex('b7e7a701 bc34d686 fa87dfae');

// RFC 5769 §2.2: sample IPv4 response (SOFTWARE, XOR-MAPPED-ADDRESS 192.0.2.1:32853, MESSAGE-INTEGRITY, FINGERPRINT).
const RFC5769_IPV4 = hex(`
  0101003c 2112a442 b7e7a701 bc34d686 fa87dfae
  8022000b 74657374 20766563 746f7220
  00200008 0001a147 e112a643
  00080014 2b91f599 fd9e90c3 8c7489f9 2af9ba53 f06be7d7
  80280004 c07d4c96`);
// RFC 5769 §2.3: sample IPv6 response (XOR-MAPPED-ADDRESS 2001:db8:1234:5678:11:2233:4455:6677 port 32853). The
// MESSAGE-INTEGRITY and FINGERPRINT values are not checked by the reader (no password, no CRC needed): zeros here.
const RFC5769_IPV6 = hex(`
  01010048 2112a442 b7e7a701 bc34d686 fa87dfae
  8022000b 74657374 20766563 746f7220
  00200014 0002a147 0113a9fa a5d3f179 bc25f4b5 bed2b9d9
  00080014 00000000 00000000 00000000 00000000 00000000
  80280004 00000000`);

describe('STUN Binding request', () => {
  it('is the 20-byte header: Binding Request, no attributes, the magic cookie and a random transaction id', () => {
    const a = stunBindingRequest();
    const b = stunBindingRequest();
    expect(a.bytes).toHaveLength(20);
    expect(Buffer.from(a.bytes.subarray(0, 8)).toString('hex')).toBe('000100002112a442');
    expect(Buffer.from(a.bytes.subarray(8)).equals(Buffer.from(a.transactionId))).toBe(true);
    expect(Buffer.from(a.transactionId).equals(Buffer.from(b.transactionId))).toBe(false);
  });
  it('takes a given transaction id and refuses one that is not 12 bytes', () => {
    expect(Buffer.from(stunBindingRequest(TID).bytes.subarray(8)).toString('hex')).toBe('b7e7a701bc34d686fa87dfae');
    expect(() => stunBindingRequest(new Uint8Array(11))).toThrow(RangeError);
  });
});

describe('STUN Binding answer', () => {
  it('reads RFC 5769’s IPv4 sample: 192.0.2.1:32853 from XOR-MAPPED-ADDRESS', () => {
    expect(readStunBindingReply(RFC5769_IPV4, TID)).toEqual({
      ok: true,
      address: '192.0.2.1',
      port: 32853,
      family: 'IPv4',
      attribute: 'xor-mapped-address',
    });
  });
  it('reads RFC 5769’s IPv6 sample (XOR with cookie and transaction id)', () => {
    expect(readStunBindingReply(RFC5769_IPV6, TID)).toEqual({
      ok: true,
      address: '2001:db8:1234:5678:11:2233:4455:6677',
      port: 32853,
      family: 'IPv6',
      attribute: 'xor-mapped-address',
    });
  });
  it('reads the lab server’s answer (its own encoder), preferring XOR-MAPPED-ADDRESS over MAPPED-ADDRESS', () => {
    const reply = bindingSuccess({
      transactionId: Buffer.from(TID),
      rfc5389: true,
      mapped: { ip: '203.0.113.2', port: 40000 },
      origin: { ip: '198.51.100.3', port: 3478 },
      other: { ip: '198.51.100.4', port: 3479 },
      software: 'nvrlab-stun',
    });
    expect(readStunBindingReply(reply, TID)).toMatchObject({ ok: true, address: '203.0.113.2', port: 40000 });
    expect(readStunBindingReply(reply, TID)).toMatchObject({ attribute: 'xor-mapped-address' });
  });
  it('falls back to MAPPED-ADDRESS when an older server sends only that', () => {
    const msg = hex(`0101000c 2112a442 b7e7a701 bc34d686 fa87dfae 00010008 00011f90 cb007102`);
    expect(readStunBindingReply(msg, TID)).toEqual({
      ok: true,
      address: '203.0.113.2',
      port: 8080,
      family: 'IPv4',
      attribute: 'mapped-address',
    });
  });
  it('reports a Binding Error with its code and reason', () => {
    const e = bindingError({
      transactionId: Buffer.from(TID),
      code: 420,
      reason: 'Unknown Attribute',
      unknown: [0x7777],
    });
    expect(readStunBindingReply(e, TID)).toEqual({
      ok: false,
      error: 'the STUN server answered with error 420 (Unknown Attribute)',
    });
  });

  const refused: Array<[string, Uint8Array, RegExp]> = [
    ['shorter than a header', RFC5769_IPV4.subarray(0, 19), /shorter than its 20-byte header/],
    ['longer than 2048 bytes', new Uint8Array(2049), /longer than 2048/],
    ['the first two bits set', Uint8Array.from([0xc1, ...RFC5769_IPV4.subarray(1)]), /first two bits/],
    ['a length field that is not the datagram’s', RFC5769_IPV4.subarray(0, 60), /length field/],
    [
      'no magic cookie (RFC 3489)',
      Uint8Array.from([...RFC5769_IPV4.subarray(0, 4), 0, 0, 0, 0, ...RFC5769_IPV4.subarray(8)]),
      /no magic cookie/,
    ],
    ['a request, not an answer', hex('00010000 2112a442 b7e7a701 bc34d686 fa87dfae'), /not a Binding answer/],
    ['no address at all', hex('01010000 2112a442 b7e7a701 bc34d686 fa87dfae'), /without a mapped address/],
    ['an attribute running past the end', hex('01010004 2112a442 b7e7a701 bc34d686 fa87dfae 00200010'), /past the end/],
    [
      'an IPv6 family in an 8-byte attribute',
      hex('0101000c 2112a442 b7e7a701 bc34d686 fa87dfae 00200008 00020000 00000000'),
      /IPv6 address attribute has the wrong length/,
    ],
    [
      'an IPv4 family in a 12-byte attribute',
      hex('01010010 2112a442 b7e7a701 bc34d686 fa87dfae 0020000c 00010000 00000000 00000000'),
      /IPv4 address attribute has the wrong length/,
    ],
    [
      'an unknown family',
      hex('0101000c 2112a442 b7e7a701 bc34d686 fa87dfae 00200008 00030000 00000000'),
      /unknown family \(3\)/,
    ],
  ];
  it.each(refused)('refuses a message with %s, in plain words', (_, msg, why) => {
    const r = readStunBindingReply(msg, TID);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(why);
  });

  it('refuses an answer to another transaction (a forged or stray answer)', () => {
    const other = Uint8Array.from(TID);
    other[11] = other[11]! ^ 1;
    expect(readStunBindingReply(RFC5769_IPV4, other)).toEqual({
      ok: false,
      error: 'a STUN answer to another request (transaction id differs)',
    });
  });

  it('never throws and never reads past the datagram, whatever arrives', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (tail, withHeader) => {
        const head = withHeader
          ? Uint8Array.from([0x01, 0x01, (tail.length >> 8) & 0xff, tail.length & 0xff, 0x21, 0x12, 0xa4, 0x42, ...TID])
          : new Uint8Array(0);
        const r = readStunBindingReply(Uint8Array.from([...head, ...tail]), TID);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.error.length).toBeLessThan(120);
      }),
      { numRuns: 2000 },
    );
  });

  it('the magic cookie is RFC 5389’s', () => expect(STUN_MAGIC_COOKIE).toBe(0x2112a442));
});

describe('IPv6 text', () => {
  it('writes RFC 5952 form: lower case, no leading zeros, the longest zero run as ::', () => {
    expect(formatIpv6(hex('20010db8000000000000000000000001'))).toBe('2001:db8::1');
    expect(formatIpv6(hex('00000000000000000000000000000000'))).toBe('::');
    expect(formatIpv6(hex('20010db8000100000001000000000001'))).toBe('2001:db8:1:0:1::1');
    expect(formatIpv6(hex('20010db8abcd00010002000300040005'))).toBe('2001:db8:abcd:1:2:3:4:5');
  });
});

describe('STUN server text', () => {
  it('takes host:port, host alone (3478) and [IPv6]:port', () => {
    expect(parseStunServer('198.51.100.3:3478')).toEqual({ host: '198.51.100.3', port: 3478 });
    expect(parseStunServer('stun.cloudflare.com')).toEqual({ host: 'stun.cloudflare.com', port: 3478 });
    expect(parseStunServer('[2001:db8::1]:19302')).toEqual({ host: '2001:db8::1', port: 19302 });
  });
  it.each(['', 'stun:host', 'host:0', 'host:70000', 'a b:1', '-host:1', 'h..x:1', 'http://x/'])('refuses %j', (t) =>
    expect(parseStunServer(t)).toBeNull(),
  );
});
