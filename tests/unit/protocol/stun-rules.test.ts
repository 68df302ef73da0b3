// The STUN reader's rules, each as the harm a user would meet if it broke: a wrong public address or port shown, a
// forged or malformed answer believed, a server's error misread, a crash on hostile input, a server text refused.
// Messages are RFC 5389 shapes (header, magic cookie, TLV attributes padded to 4 bytes), built byte by byte.
import { describe, expect, it } from 'vitest';
import {
  formatIpv6,
  parseStunServer,
  readStunBindingReply,
  STUN_MAX_MESSAGE,
  stunBindingRequest,
} from '../../../src/main/protocol/stun';

const TID = Uint8Array.from(Buffer.from('b7e7a701bc34d686fa87dfae', 'hex'));
const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));

/** One attribute: type, length, value, zero padding to 4 bytes. */
function attr(type: number, value: Uint8Array | number[]): number[] {
  const v = [...value];
  const pad = (4 - (v.length % 4)) % 4;
  return [
    (type >> 8) & 0xff,
    type & 0xff,
    (v.length >> 8) & 0xff,
    v.length & 0xff,
    ...v,
    ...new Array<number>(pad).fill(0),
  ];
}
/** A whole message: type, the length of the attributes, the magic cookie, the transaction id, the attributes. */
function stun(type: number, ...attrs: number[][]): Uint8Array {
  const body = attrs.flat();
  return Uint8Array.from([
    (type >> 8) & 0xff,
    type & 0xff,
    (body.length >> 8) & 0xff,
    body.length & 0xff,
    0x21,
    0x12,
    0xa4,
    0x42,
    ...TID,
    ...body,
  ]);
}
const SUCCESS = 0x0101;
const ERROR = 0x0111;
const SOFTWARE = 0x8022;
const ERROR_CODE = 0x0009;
// RFC 5769 §2.2's XOR-MAPPED-ADDRESS: 192.0.2.1:32853.
const XOR_V4 = attr(0x0020, hex('0001a147e112a643'));
const errorCode = (code: number, reason: string | number[]) => [
  0,
  0,
  Math.floor(code / 100),
  code % 100,
  ...(typeof reason === 'string' ? Buffer.from(reason) : reason),
];
const errorOf = (msg: Uint8Array) => {
  const r = readStunBindingReply(msg, TID);
  return r.ok ? `ok ${r.address}` : r.error;
};

describe('a Binding Error answer is told to the user with the server’s own code and reason', () => {
  it('the code is read from ERROR-CODE even when SOFTWARE comes first (not from another attribute)', () => {
    const msg = stun(
      ERROR,
      attr(SOFTWARE, Buffer.from('lab stun 1.0')),
      attr(ERROR_CODE, errorCode(401, 'Unauthorized')),
    );
    expect(errorOf(msg)).toBe('the STUN server answered with error 401 (Unauthorized)');
  });
  it('an attribute after ERROR-CODE does not replace it', () => {
    const msg = stun(ERROR, attr(ERROR_CODE, errorCode(438, 'Stale Nonce')), attr(SOFTWARE, Buffer.from('x.y')));
    expect(errorOf(msg)).toBe('the STUN server answered with error 438 (Stale Nonce)');
  });
  it('an error without a reason phrase names its code alone, without empty brackets', () => {
    expect(errorOf(stun(ERROR, attr(ERROR_CODE, errorCode(400, ''))))).toBe('the STUN server answered with error 400');
  });
  it('an error without ERROR-CODE does not read another attribute (SOFTWARE) as its code', () => {
    expect(errorOf(stun(ERROR, attr(SOFTWARE, Buffer.from('lab stun 1.0'))))).toBe(
      'the STUN server answered with an error',
    );
  });
  it('an error without ERROR-CODE, or with one too short to hold a code, is a plain error, not a crash or "NaN"', () => {
    expect(errorOf(stun(ERROR))).toBe('the STUN server answered with an error');
    expect(errorOf(stun(ERROR, attr(ERROR_CODE, [0, 4])))).toBe('the STUN server answered with an error');
  });
  it('the reason is shown without control characters or padding spaces, at most 40 characters, and bad UTF-8 does not throw', () => {
    const reason = [0x20, 0x1b, ...Buffer.from('[31mServer\u0007 Error'), 0xff, 0xfe, 0x20, 0x20];
    expect(errorOf(stun(ERROR, attr(ERROR_CODE, errorCode(500, reason))))).toBe(
      'the STUN server answered with error 500 ([31mServer Error)',
    );
    const long = 'Try Alternate server because this one is full tonight';
    expect(errorOf(stun(ERROR, attr(ERROR_CODE, errorCode(300, long))))).toBe(
      `the STUN server answered with error 300 (${long.slice(0, 40)})`,
    );
  });
});

describe('the mapped address: never a wrong address, never a crash', () => {
  it('a legacy MAPPED-ADDRESS with IPv6 is read as sent (no XOR applied to it)', () => {
    const v6 = hex('0002 1f90 20010db8 00000000 00000000 00000001');
    expect(readStunBindingReply(stun(SUCCESS, attr(0x0001, v6)), TID)).toEqual({
      ok: true,
      address: '2001:db8::1',
      port: 8080,
      family: 'IPv6',
      attribute: 'mapped-address',
    });
  });
  it('a malformed MAPPED-ADDRESS is refused, not shown as an address', () => {
    expect(errorOf(stun(SUCCESS, attr(0x0001, hex('0003 1f90 cb007102'))))).toBe(
      'a malformed MAPPED-ADDRESS: an address attribute has an unknown family (3)',
    );
  });
  it('an address attribute of 2 or 4 bytes is refused in words (too short; no room for the address)', () => {
    expect(errorOf(stun(SUCCESS, attr(0x0020, [0, 1])))).toBe(
      'a malformed XOR-MAPPED-ADDRESS: an address attribute is too short',
    );
    expect(errorOf(stun(SUCCESS, attr(0x0020, [0, 1, 0xa1, 0x47])))).toBe(
      'a malformed XOR-MAPPED-ADDRESS: an IPv4 address attribute has the wrong length',
    );
  });
  it('an answer of exactly the 2048-byte bound is still read (a server padding with unknown attributes)', () => {
    const filler = attr(0x8023, new Uint8Array(STUN_MAX_MESSAGE - 20 - XOR_V4.length - 4));
    const msg = stun(SUCCESS, filler, XOR_V4);
    expect(msg).toHaveLength(STUN_MAX_MESSAGE);
    expect(errorOf(msg)).toBe('ok 192.0.2.1');
  });
  it('an attribute with no value (length 0) at the very end is read, not taken for a cut message', () => {
    expect(errorOf(stun(SUCCESS, XOR_V4, attr(0x8028, [])))).toBe('ok 192.0.2.1');
  });
  it('64 attributes are read; the 65th makes the answer refused (bounded work on a hostile answer)', () => {
    const empties = (n: number) => Array.from({ length: n }, () => attr(0x8023, []));
    expect(errorOf(stun(SUCCESS, ...empties(63), XOR_V4))).toBe('ok 192.0.2.1');
    expect(errorOf(stun(SUCCESS, ...empties(64), XOR_V4))).toBe('a STUN answer with too many attributes');
  });
});

describe('what is not an answer to our request is refused, in words', () => {
  it('a length field that is not a multiple of 4 is named as such', () => {
    const msg = Uint8Array.from([...stun(SUCCESS, XOR_V4), 0]);
    msg[3] = msg.length - 20;
    expect(errorOf(msg)).toBe('a malformed STUN message (its length field does not match the datagram)');
  });
  it('a caller’s transaction id that is not 12 bytes matches nothing (13 bytes starting with ours included)', () => {
    const msg = stun(SUCCESS, XOR_V4);
    expect(readStunBindingReply(msg, Uint8Array.from([...TID, 0]))).toEqual({
      ok: false,
      error: 'no transaction to match',
    });
    expect(readStunBindingReply(msg, TID.subarray(0, 11))).toEqual({ ok: false, error: 'no transaction to match' });
  });
  it('a request echoed back is named by its four-digit type', () => {
    expect(errorOf(stun(0x0001))).toBe('not a Binding answer (message type 0x0001)');
  });
  it('something that is not bytes (a string from a broken caller) is refused, not thrown on', () => {
    expect(readStunBindingReply('x'.repeat(40) as unknown as Uint8Array, TID)).toEqual({
      ok: false,
      error: 'not a STUN message',
    });
  });
});

describe('the request', () => {
  it('a transaction id of the wrong size is refused with the reason', () => {
    expect(() => stunBindingRequest(new Uint8Array(16))).toThrow('a STUN transaction id is 12 bytes');
  });
});

describe('IPv6 text as the user compares it (RFC 5952)', () => {
  it('the first of two equally long zero runs is shortened, the rest kept with their colons', () => {
    expect(formatIpv6(hex('20010db8000000000001000000000001'))).toBe('2001:db8::1:0:0:1');
  });
  it('the longest zero run is shortened even when a shorter one comes later', () => {
    expect(formatIpv6(hex('20010000000000000001000000000001'))).toBe('2001::1:0:0:1');
  });
});

describe('the STUN server the user typed', () => {
  it('is taken with spaces around it, at ports 1 and 65535', () => {
    expect(parseStunServer('  stun.example.net:1 ')).toEqual({ host: 'stun.example.net', port: 1 });
    expect(parseStunServer('stun.example.net:65535')).toEqual({ host: 'stun.example.net', port: 65535 });
  });
  it('a name starting with a dot is refused; one ending with a dot (a full name) is taken', () => {
    expect(parseStunServer('.stun.example.net')).toBeNull();
    expect(parseStunServer('stun.example.net.')).toEqual({ host: 'stun.example.net.', port: 3478 });
  });
  it('text up to 260 characters is read; longer is refused unread; a value that is not text is refused', () => {
    const host = `${'a'.repeat(63)}.`.repeat(4).slice(0, 255); // 255 characters: with ":3478", 260
    expect(parseStunServer(`${host}:3478`)).toEqual({ host, port: 3478 });
    expect(parseStunServer(`${host}x:3478`)).toBeNull();
    expect(parseStunServer(42 as unknown as string)).toBeNull();
  });
});
