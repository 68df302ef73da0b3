// DNS wire format (RFC 1035): a small, bounds-checked codec. Pure functions, no sockets.
// Decoding follows compression pointers only backwards and at most MAX_JUMPS times; every read is bounds-checked.
import net from 'node:net';

export const TYPE = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, OPT: 41, ANY: 255 };
export const CLASS = { IN: 1, ANY: 255 };
export const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 };
const MAX_JUMPS = 32;
const MAX_RECORDS = 64;

export class DnsFormatError extends Error {}
const fail = (msg) => { throw new DnsFormatError(msg); };

/**
 * Read a (possibly compressed) domain name.
 * @param {Buffer} buf @param {number} offset
 * @returns {{ name: string, next: number }} name in presentation form without the trailing dot ('' = root)
 */
export function readName(buf, offset) {
  const labels = [];
  let off = offset;
  let next = -1;
  let jumps = 0;
  let total = 0;
  for (;;) {
    if (off >= buf.length) fail('name runs past the end');
    const len = buf[off];
    if ((len & 0xc0) === 0xc0) {
      if (off + 1 >= buf.length) fail('truncated compression pointer');
      const ptr = ((len & 0x3f) << 8) | buf[off + 1];
      if (ptr >= off) fail('compression pointer does not point backwards');
      if (++jumps > MAX_JUMPS) fail('too many compression pointers');
      if (next < 0) next = off + 2;
      off = ptr;
      continue;
    }
    if (len & 0xc0) fail('reserved label type');
    if (len === 0) { off += 1; break; }
    if (off + 1 + len > buf.length) fail('label runs past the end');
    total += len + 1;
    if (total > 254) fail('name longer than 255 octets');
    const label = buf.toString('latin1', off + 1, off + 1 + len);
    if (label.includes('.')) fail('label contains a dot');
    labels.push(label);
    off += 1 + len;
  }
  return { name: labels.join('.'), next: next < 0 ? off : next };
}

/** Encode a name, compressing against `table` (lower-case suffix → offset) when given. */
export function writeName(name, offsetOfThisName = -1, table = null) {
  const labels = name === '' || name === '.' ? [] : name.replace(/\.$/, '').split('.');
  const parts = [];
  let pos = offsetOfThisName;
  for (let i = 0; i < labels.length; i++) {
    const suffix = labels.slice(i).join('.').toLowerCase();
    if (table && table.has(suffix)) {
      const p = Buffer.alloc(2);
      p.writeUInt16BE(0xc000 | table.get(suffix), 0);
      parts.push(p);
      return Buffer.concat(parts);
    }
    const l = Buffer.from(labels[i], 'latin1');
    if (l.length === 0 || l.length > 63) throw new Error(`bad label in "${name}"`);
    if (table && pos >= 0 && pos < 0x3fff) table.set(suffix, pos);
    parts.push(Buffer.from([l.length]), l);
    if (pos >= 0) pos += 1 + l.length;
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

function readRecord(buf, offset) {
  const { name, next } = readName(buf, offset);
  if (next + 10 > buf.length) fail('truncated resource record');
  const type = buf.readUInt16BE(next);
  const klass = buf.readUInt16BE(next + 2);
  const ttl = buf.readUInt32BE(next + 4);
  const rdlen = buf.readUInt16BE(next + 8);
  const start = next + 10;
  if (start + rdlen > buf.length) fail('rdata runs past the end');
  return { rr: { name, type, class: klass, ttl, data: decodeRdata(buf, type, start, rdlen) }, next: start + rdlen };
}

function decodeRdata(buf, type, start, len) {
  const raw = buf.subarray(start, start + len);
  switch (type) {
    case TYPE.A:
      if (len !== 4) fail('A record is not 4 octets');
      return [...raw].join('.');
    case TYPE.NS: case TYPE.CNAME: case TYPE.PTR: {
      const { name, next } = readName(buf, start);
      if (next !== start + len) fail('name rdata length mismatch');
      return name;
    }
    case TYPE.SOA: {
      const m = readName(buf, start);
      const r = readName(buf, m.next);
      if (r.next + 20 !== start + len) fail('SOA rdata length mismatch');
      const n = (i) => buf.readUInt32BE(r.next + 4 * i);
      return { mname: m.name, rname: r.name, serial: n(0), refresh: n(1), retry: n(2), expire: n(3), minimum: n(4) };
    }
    default:
      return Buffer.from(raw);
  }
}

/**
 * Decode a whole message.
 * @param {Buffer} buf
 */
export function decodeMessage(buf) {
  if (!Buffer.isBuffer(buf) || buf.length < 12) fail('shorter than a DNS header');
  const id = buf.readUInt16BE(0);
  const f = buf.readUInt16BE(2);
  const counts = [4, 6, 8, 10].map((o) => buf.readUInt16BE(o));
  if (counts.some((c) => c > MAX_RECORDS)) fail('too many records');
  let off = 12;
  const questions = [];
  for (let i = 0; i < counts[0]; i++) {
    const { name, next } = readName(buf, off);
    if (next + 4 > buf.length) fail('truncated question');
    questions.push({ name, type: buf.readUInt16BE(next), class: buf.readUInt16BE(next + 2) });
    off = next + 4;
  }
  const questionEnd = off;
  const sections = [[], [], []];
  for (let s = 0; s < 3; s++) {
    for (let i = 0; i < counts[s + 1]; i++) {
      const { rr, next } = readRecord(buf, off);
      sections[s].push(rr);
      off = next;
    }
  }
  return {
    id,
    flags: { qr: !!(f & 0x8000), opcode: (f >> 11) & 15, aa: !!(f & 0x400), tc: !!(f & 0x200), rd: !!(f & 0x100), ra: !!(f & 0x80), ad: !!(f & 0x20), cd: !!(f & 0x10), rcode: f & 15 },
    questions,
    answers: sections[0],
    authorities: sections[1],
    additionals: sections[2],
    questionEnd,
    trailing: buf.length - off,
  };
}

function encodeRdata(rr, offset, table) {
  switch (rr.type) {
    case TYPE.A:
      if (!net.isIPv4(rr.data)) throw new Error(`bad A data ${rr.data}`);
      return Buffer.from(rr.data.split('.').map(Number));
    case TYPE.NS: case TYPE.CNAME: case TYPE.PTR:
      return writeName(rr.data, offset, table);
    case TYPE.SOA: {
      const m = writeName(rr.data.mname, offset, table);
      const r = writeName(rr.data.rname, offset + m.length, table);
      const n = Buffer.alloc(20);
      ['serial', 'refresh', 'retry', 'expire', 'minimum'].forEach((k, i) => n.writeUInt32BE(rr.data[k] >>> 0, 4 * i));
      return Buffer.concat([m, r, n]);
    }
    default:
      return Buffer.isBuffer(rr.data) ? rr.data : Buffer.alloc(0);
  }
}

/**
 * Encode a message. `rawQuestion` (bytes copied from a query) replaces `questions` when given, so the
 * answer echoes the question exactly.
 */
export function encodeMessage(msg) {
  const fl = msg.flags ?? {};
  const flags = (fl.qr ? 0x8000 : 0) | ((fl.opcode ?? 0) << 11) | (fl.aa ? 0x400 : 0) | (fl.tc ? 0x200 : 0) | (fl.rd ? 0x100 : 0) | (fl.ra ? 0x80 : 0) | (fl.ad ? 0x20 : 0) | (fl.cd ? 0x10 : 0) | ((fl.rcode ?? 0) & 15);
  const table = new Map();
  const parts = [];
  let len = 12;
  const push = (b) => { parts.push(b); len += b.length; };
  const header = Buffer.alloc(12);
  header.writeUInt16BE(msg.id & 0xffff, 0);
  header.writeUInt16BE(flags, 2);
  const questions = msg.questions ?? [];
  header.writeUInt16BE(msg.rawQuestion ? msg.rawQuestionCount : questions.length, 4);
  header.writeUInt16BE((msg.answers ?? []).length, 6);
  header.writeUInt16BE((msg.authorities ?? []).length, 8);
  header.writeUInt16BE((msg.additionals ?? []).length, 10);
  parts.push(header);
  if (msg.rawQuestion) {
    // Register the (single) raw question name for compression: it starts at offset 12.
    if (msg.rawQuestionCount === 1) {
      try {
        const { name } = readName(msg.rawQuestion, 0);
        const labels = name ? name.split('.') : [];
        let pos = 12;
        for (let i = 0; i < labels.length; i++) { table.set(labels.slice(i).join('.').toLowerCase(), pos); pos += 1 + Buffer.byteLength(labels[i], 'latin1'); }
      } catch { /* not compressible: fine */ }
    }
    push(msg.rawQuestion);
  } else {
    for (const q of questions) {
      push(writeName(q.name, len, table));
      const t = Buffer.alloc(4);
      t.writeUInt16BE(q.type, 0);
      t.writeUInt16BE(q.class ?? CLASS.IN, 2);
      push(t);
    }
  }
  for (const rr of [...(msg.answers ?? []), ...(msg.authorities ?? []), ...(msg.additionals ?? [])]) {
    push(writeName(rr.name, len, table));
    const fixed = Buffer.alloc(10);
    fixed.writeUInt16BE(rr.type, 0);
    fixed.writeUInt16BE(rr.class ?? CLASS.IN, 2);
    fixed.writeUInt32BE((rr.ttl ?? 0) >>> 0, 4);
    const rdata = encodeRdata(rr, len + 10, table);
    fixed.writeUInt16BE(rdata.length, 8);
    push(fixed);
    push(rdata);
  }
  return Buffer.concat(parts);
}

/** Build a query (for tests and clients). */
export function encodeQuery({ id, name, type, rd = false }) {
  return encodeMessage({ id, flags: { rd }, questions: [{ name, type, class: CLASS.IN }] });
}
