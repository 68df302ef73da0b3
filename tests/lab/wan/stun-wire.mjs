// STUN (RFC 5389 / RFC 5780) Binding messages: pure encode/decode, no sockets.
import net from 'node:net';

export const MAGIC = 0x2112a442;
export const BINDING_REQUEST = 0x0001;
export const BINDING_SUCCESS = 0x0101;
export const BINDING_ERROR = 0x0111;
export const ATTR = {
  MAPPED_ADDRESS: 0x0001,
  CHANGE_REQUEST: 0x0003,
  ERROR_CODE: 0x0009,
  UNKNOWN_ATTRIBUTES: 0x000a,
  XOR_MAPPED_ADDRESS: 0x0020,
  SOFTWARE: 0x8022,
  FINGERPRINT: 0x8028,
  RESPONSE_ORIGIN: 0x802b,
  OTHER_ADDRESS: 0x802c,
};

/**
 * Decode a STUN message header and attributes. Returns null for anything that is not STUN.
 * @param {Buffer} buf
 * @returns {null | { type: number, length: number, rfc5389: boolean, transactionId: Buffer, attrs: { type: number, value: Buffer }[] }}
 */
export function decodeStun(buf) {
  if (!Buffer.isBuffer(buf) || buf.length < 20) return null;
  const type = buf.readUInt16BE(0);
  if (type & 0xc000) return null; // first two bits are zero in STUN
  const length = buf.readUInt16BE(2);
  if (length % 4 !== 0 || 20 + length !== buf.length) return null;
  const rfc5389 = buf.readUInt32BE(4) === MAGIC;
  const transactionId = Buffer.from(buf.subarray(rfc5389 ? 8 : 4, 20));
  const attrs = [];
  let off = 20;
  for (let i = 0; off < buf.length && i < 256; i++) {
    if (off + 4 > buf.length) return null;
    const at = buf.readUInt16BE(off);
    const al = buf.readUInt16BE(off + 2);
    if (off + 4 + al > buf.length) return null;
    attrs.push({ type: at, value: Buffer.from(buf.subarray(off + 4, off + 4 + al)) });
    off += 4 + al + ((4 - (al % 4)) % 4);
  }
  if (off !== buf.length) return null;
  return { type, length, rfc5389, transactionId, attrs };
}

/** CHANGE-REQUEST flags of a decoded request. */
export function changeRequest(msg) {
  const a = msg.attrs.find((x) => x.type === ATTR.CHANGE_REQUEST);
  if (!a || a.value.length !== 4) return { changeIp: false, changePort: false };
  const f = a.value.readUInt32BE(0);
  return { changeIp: (f & 4) !== 0, changePort: (f & 2) !== 0 };
}

function addressValue(ip, port, xorWith) {
  const v = Buffer.alloc(8);
  v[1] = 0x01; // IPv4
  const octets = ip.split('.').map(Number);
  v.writeUInt16BE(port, 2);
  for (let i = 0; i < 4; i++) v[4 + i] = octets[i];
  if (xorWith) {
    v.writeUInt16BE(port ^ (MAGIC >>> 16), 2);
    v.writeUInt32BE((v.readUInt32BE(4) ^ MAGIC) >>> 0, 4);
  }
  return v;
}

/** Decode an IPv4 (XOR-)MAPPED-ADDRESS style value. */
export function decodeAddress(value, xor) {
  if (value.length !== 8 || value[1] !== 0x01) return null;
  let port = value.readUInt16BE(2);
  let addr = value.readUInt32BE(4);
  if (xor) { port ^= MAGIC >>> 16; addr = (addr ^ MAGIC) >>> 0; }
  return { ip: [addr >>> 24, (addr >>> 16) & 255, (addr >>> 8) & 255, addr & 255].join('.'), port };
}

function encode(type, transactionId, rfc5389, attrs) {
  const parts = [];
  for (const { type: t, value } of attrs) {
    const h = Buffer.alloc(4);
    h.writeUInt16BE(t, 0);
    h.writeUInt16BE(value.length, 2);
    parts.push(h, value, Buffer.alloc((4 - (value.length % 4)) % 4));
  }
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(20);
  head.writeUInt16BE(type, 0);
  head.writeUInt16BE(body.length, 2);
  if (rfc5389) { head.writeUInt32BE(MAGIC, 4); transactionId.copy(head, 8); } else transactionId.copy(head, 4);
  return Buffer.concat([head, body]);
}

/** Build a Binding Request (for tests and clients). */
export function bindingRequest(transactionId, { changeIp = false, changePort = false } = {}) {
  const attrs = [];
  if (changeIp || changePort) {
    const v = Buffer.alloc(4);
    v.writeUInt32BE((changeIp ? 4 : 0) | (changePort ? 2 : 0), 0);
    attrs.push({ type: ATTR.CHANGE_REQUEST, value: v });
  }
  return encode(BINDING_REQUEST, transactionId, true, attrs);
}

/**
 * Build a Binding Success Response.
 * @param {{ transactionId: Buffer, rfc5389: boolean, mapped: { ip: string, port: number }, origin?: { ip: string, port: number }, other?: { ip: string, port: number }, software?: string }} o
 */
export function bindingSuccess(o) {
  if (!net.isIPv4(o.mapped.ip)) throw new Error('IPv4 only');
  const attrs = [{ type: ATTR.MAPPED_ADDRESS, value: addressValue(o.mapped.ip, o.mapped.port, false) }];
  if (o.rfc5389) {
    attrs.push({ type: ATTR.XOR_MAPPED_ADDRESS, value: addressValue(o.mapped.ip, o.mapped.port, true) });
    if (o.origin) attrs.push({ type: ATTR.RESPONSE_ORIGIN, value: addressValue(o.origin.ip, o.origin.port, false) });
    if (o.other) attrs.push({ type: ATTR.OTHER_ADDRESS, value: addressValue(o.other.ip, o.other.port, false) });
    if (o.software) attrs.push({ type: ATTR.SOFTWARE, value: Buffer.from(o.software, 'utf8') });
  }
  return encode(BINDING_SUCCESS, o.transactionId, o.rfc5389, attrs);
}

/** Build a Binding Error Response (e.g. 400 Bad Request, 420 Unknown Attribute). */
export function bindingError({ transactionId, code, reason, unknown = [] }) {
  const v = Buffer.alloc(4 + Buffer.byteLength(reason));
  v[2] = Math.floor(code / 100);
  v[3] = code % 100;
  v.write(reason, 4, 'utf8');
  const attrs = [{ type: ATTR.ERROR_CODE, value: v }];
  if (unknown.length) {
    const u = Buffer.alloc(unknown.length * 2);
    unknown.forEach((t, i) => u.writeUInt16BE(t, i * 2));
    attrs.push({ type: ATTR.UNKNOWN_ATTRIBUTES, value: u });
  }
  return encode(BINDING_ERROR, transactionId, true, attrs);
}

/** Comprehension-required attributes (< 0x8000) a Binding server does not understand. */
export function unknownRequired(msg) {
  const known = new Set([ATTR.CHANGE_REQUEST, 0x0006 /* USERNAME */, 0x0008 /* MESSAGE-INTEGRITY */, 0x0024 /* PRIORITY */, 0x0025 /* USE-CANDIDATE */, 0x0019 /* REQUESTED-TRANSPORT */, 0x0026 /* PADDING */, 0x0027 /* RESPONSE-PORT */]);
  return msg.attrs.map((a) => a.type).filter((t) => t < 0x8000 && !known.has(t));
}
