// STUN Binding (RFC 5389, as updated by RFC 8489): the request and the reader of its answer. Pure: no I/O.
// Sources: shared/reference/INTERNET-SECURITY.md §2.1 (header, magic cookie 0x2112A442, 96-bit transaction id,
// Binding Request 0x0001 / Success 0x0101 / Error 0x0111, XOR-MAPPED-ADDRESS 0x0020, MAPPED-ADDRESS 0x0001, family 1 =
// IPv4, 2 = IPv6; X-Port XOR 0x2112, IPv4 XOR the cookie, IPv6 XOR cookie ‖ transaction id).
//
// Why our own codec rather than a package: we need one message (a Binding Request with no attributes) and one answer
// (a mapped address), about 150 lines; no dependency to vet and keep updated for that. And the answer comes from a
// server on the internet, or from whoever can send a datagram to our port: it is hostile input, and here it is handled
// our way — bounded before it is read, every length checked against the datagram, the transaction id matched (the
// defence against forged answers), and anything else a plain error, never a throw.
import { randomBytes } from 'node:crypto';
import { formatIpv4 } from './ipv4';

export const STUN_MAGIC_COOKIE = 0x2112a442;
export const STUN_DEFAULT_PORT = 3478;
const HEADER = 20;
/** An answer longer than this is refused unread (real Binding answers are under 200 bytes). */
export const STUN_MAX_MESSAGE = 2048;
const MAX_ATTRIBUTES = 64;

const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;
const BINDING_ERROR = 0x0111;
const ATTR_MAPPED_ADDRESS = 0x0001;
const ATTR_XOR_MAPPED_ADDRESS = 0x0020;
const ATTR_ERROR_CODE = 0x0009;

/** A Binding Request: 20 bytes, no attributes, a cryptographically random 96-bit transaction id. */
export function stunBindingRequest(transactionId: Uint8Array = randomBytes(12)): {
  bytes: Uint8Array;
  transactionId: Uint8Array;
} {
  if (transactionId.length !== 12) throw new RangeError('a STUN transaction id is 12 bytes');
  const bytes = new Uint8Array(HEADER);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, BINDING_REQUEST);
  view.setUint16(2, 0);
  view.setUint32(4, STUN_MAGIC_COOKIE);
  bytes.set(transactionId, 8);
  return { bytes, transactionId: Uint8Array.from(transactionId) };
}

export type StunFamily = 'IPv4' | 'IPv6';

export type StunBindingReply =
  | {
      ok: true;
      address: string;
      port: number;
      family: StunFamily;
      /** Which attribute gave it: XOR-MAPPED-ADDRESS (preferred) or the legacy MAPPED-ADDRESS. */
      attribute: 'xor-mapped-address' | 'mapped-address';
    }
  | { ok: false; error: string };

const fail = (error: string): StunBindingReply => ({ ok: false, error });

/** RFC 5952 text of 16 bytes: lower-case hex groups, the longest run (≥ 2) of zero groups as "::". */
export function formatIpv6(bytes: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLength < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** An address attribute's value (MAPPED-ADDRESS layout); `xor` undoes XOR-MAPPED-ADDRESS's masking. */
function readAddress(
  value: Uint8Array,
  xor: Uint8Array | null,
): { address: string; port: number; family: StunFamily } | string {
  if (value.length < 4) return 'an address attribute is too short';
  const family = value[1];
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  let port = view.getUint16(2);
  if (xor) port ^= STUN_MAGIC_COOKIE >>> 16;
  if (family === 0x01) {
    if (value.length !== 8) return 'an IPv4 address attribute has the wrong length';
    let raw = view.getUint32(4);
    if (xor) raw = (raw ^ STUN_MAGIC_COOKIE) >>> 0;
    return { address: formatIpv4(raw), port, family: 'IPv4' };
  }
  if (family === 0x02) {
    if (value.length !== 20) return 'an IPv6 address attribute has the wrong length';
    const bytes = value.slice(4, 20);
    if (xor) for (let i = 0; i < 16; i++) bytes[i] = (bytes[i] ?? 0) ^ (xor[i] ?? 0);
    return { address: formatIpv6(bytes), port, family: 'IPv6' };
  }
  return `an address attribute has an unknown family (${family})`;
}

/**
 * Reads the answer to our Binding Request: the mapped address from XOR-MAPPED-ADDRESS, else MAPPED-ADDRESS. Refuses
 * (a plain error, never a throw) anything that is not a well-formed RFC 5389 answer to `transactionId`: too short or
 * too long, the top two bits set, a length field that is not the datagram's, no magic cookie (an RFC 3489 server),
 * another transaction, an attribute running past the end, no address, a malformed address. A Binding Error answer
 * is reported with its code and reason.
 */
export function readStunBindingReply(data: Uint8Array, transactionId: Uint8Array): StunBindingReply {
  if (!(data instanceof Uint8Array)) return fail('not a STUN message');
  if (data.length < HEADER) return fail('not a STUN message (shorter than its 20-byte header)');
  if (data.length > STUN_MAX_MESSAGE) return fail(`not a STUN answer (longer than ${STUN_MAX_MESSAGE} bytes)`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const type = view.getUint16(0);
  if (type & 0xc000) return fail('not a STUN message (the first two bits are not zero)');
  const length = view.getUint16(2);
  if (length !== data.length - HEADER || length % 4 !== 0)
    return fail('a malformed STUN message (its length field does not match the datagram)');
  if (view.getUint32(4) !== STUN_MAGIC_COOKIE)
    return fail('not an RFC 5389 STUN answer (no magic cookie: an old RFC 3489 server, or not STUN)');
  if (transactionId.length !== 12) return fail('no transaction to match');
  for (let i = 0; i < 12; i++)
    if (data[8 + i] !== transactionId[i]) return fail('a STUN answer to another request (transaction id differs)');
  if (type !== BINDING_SUCCESS && type !== BINDING_ERROR)
    return fail(`not a Binding answer (message type 0x${type.toString(16).padStart(4, '0')})`);

  let xorMapped: Uint8Array | null = null;
  let mapped: Uint8Array | null = null;
  let errorCode: Uint8Array | null = null;
  let offset = HEADER;
  let count = 0;
  while (offset < data.length) {
    if (++count > MAX_ATTRIBUTES) return fail('a STUN answer with too many attributes');
    if (offset + 4 > data.length) return fail('a STUN attribute header runs past the end of the message');
    const attrType = view.getUint16(offset);
    const attrLength = view.getUint16(offset + 2);
    const start = offset + 4;
    if (start + attrLength > data.length) return fail('a STUN attribute runs past the end of the message');
    const value = data.subarray(start, start + attrLength);
    if (attrType === ATTR_XOR_MAPPED_ADDRESS && !xorMapped) xorMapped = value;
    else if (attrType === ATTR_MAPPED_ADDRESS && !mapped) mapped = value;
    else if (attrType === ATTR_ERROR_CODE && !errorCode) errorCode = value;
    offset = start + Math.ceil(attrLength / 4) * 4;
  }
  if (offset !== data.length) return fail('a STUN attribute runs past the end of the message');

  if (type === BINDING_ERROR) {
    if (!errorCode || errorCode.length < 4) return fail('the STUN server answered with an error');
    const code = (errorCode[2]! & 0x07) * 100 + errorCode[3]!;
    const reason = new TextDecoder('utf-8', { fatal: false })
      .decode(errorCode.subarray(4, 4 + 128))
      .replace(/[^\x20-\x7e]/g, '')
      .trim()
      .slice(0, 40);
    return fail(`the STUN server answered with error ${code}${reason ? ` (${reason})` : ''}`);
  }
  if (xorMapped) {
    const mask = new Uint8Array(16);
    new DataView(mask.buffer).setUint32(0, STUN_MAGIC_COOKIE);
    mask.set(transactionId, 4);
    const a = readAddress(xorMapped, mask);
    return typeof a === 'string'
      ? fail(`a malformed XOR-MAPPED-ADDRESS: ${a}`)
      : { ok: true, ...a, attribute: 'xor-mapped-address' };
  }
  if (mapped) {
    const a = readAddress(mapped, null);
    return typeof a === 'string'
      ? fail(`a malformed MAPPED-ADDRESS: ${a}`)
      : { ok: true, ...a, attribute: 'mapped-address' };
  }
  return fail('a STUN answer without a mapped address');
}

/** "host:port" or "host" (port 3478) → its parts; null when it is not that (an IPv6 literal goes in brackets). */
export function parseStunServer(text: string): { host: string; port: number } | null {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  if (!t || t.length > 260) return null;
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+))(?::(\d{1,5}))?$/.exec(t);
  if (!m) return null;
  const port = m[3] === undefined ? STUN_DEFAULT_PORT : Number(m[3]);
  if (port < 1 || port > 65535) return null;
  const host = m[1] ?? m[2]!;
  if (!m[1] && (host.startsWith('.') || host.startsWith('-') || host.includes('..'))) return null;
  return { host, port };
}
