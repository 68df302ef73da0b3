// Our own minimal DNS codec (RFC 1035): a query for one name and type, and the parts of an answer the DDNS check
// reads — the header (id, TC, AA, rcode), A records with their TTL, CNAMEs (followed from the asked name, never
// looped), NS names and glue addresses. Data in, data out: the input is bounded, every read is checked against the
// end of the message, compression pointers may only point backwards and are followed a bounded number of times,
// and hostile input gives `{ ok: false, reason }`, never a throw.

export const DNS_TYPE = { A: 1, NS: 2, CNAME: 5, SOA: 6 } as const;
export const DNS_CLASS_IN = 1;
/** A UDP answer larger than this is not read (EDNS0 is not asked for, so 512 is the most a server may send). */
export const DNS_MAX_MESSAGE = 4096;
/** The most compression pointers followed while reading one name. */
export const DNS_MAX_POINTERS = 16;
/** The most records of each section that are read (the rest are counted, not parsed). */
export const DNS_MAX_RECORDS = 64;

export type DnsRcodeName = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED' | 'OTHER';

const RCODES: readonly DnsRcodeName[] = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'];

export interface DnsRecord {
  name: string;
  type: number;
  ttl: number;
  /** A: the address; NS and CNAME: the target name; SOA: the primary server's name; other types: '' */
  data: string;
}

export interface DnsAnswer {
  ok: true;
  id: number;
  /** Truncated (TC): the server had more than fits in a UDP answer. */
  truncated: boolean;
  authoritative: boolean;
  rcode: number;
  rcodeName: DnsRcodeName;
  /** The question's name as the answer repeats it (lower case). */
  question: string | null;
  answers: DnsRecord[];
  authorities: DnsRecord[];
  additionals: DnsRecord[];
}

export type DnsRead = DnsAnswer | { ok: false; reason: string };

/** Whether `name` is a host name we may put in a query: LDH labels of 1–63 characters, 253 in all. */
export function isDnsName(name: string): boolean {
  const n = name.endsWith('.') ? name.slice(0, -1) : name;
  if (n.length < 1 || n.length > 253) return false;
  return n.split('.').every((l) => /^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/.test(l));
}

/** A query (RD set unless told otherwise) for `name` and `type`; null for a name we would not send. */
export function encodeDnsQuery(
  name: string,
  type: number,
  id: number,
  options: { recursionDesired?: boolean } = {},
): Uint8Array | null {
  if (!isDnsName(name)) return null;
  const labels = (name.endsWith('.') ? name.slice(0, -1) : name).split('.');
  const qname = labels.reduce((n, l) => n + 1 + l.length, 1);
  const out = new Uint8Array(12 + qname + 4);
  const view = new DataView(out.buffer);
  view.setUint16(0, id & 0xffff);
  view.setUint16(2, options.recursionDesired === false ? 0 : 0x0100);
  view.setUint16(4, 1);
  let at = 12;
  for (const l of labels) {
    out[at++] = l.length;
    for (let i = 0; i < l.length; i++) out[at++] = l.charCodeAt(i);
  }
  out[at++] = 0;
  view.setUint16(at, type);
  view.setUint16(at + 2, DNS_CLASS_IN);
  return out;
}

class Bad extends Error {}

/** Reads a (possibly compressed) name at `start`; returns it and where the record continues. */
function readName(msg: Uint8Array, start: number): { name: string; next: number } {
  const labels: string[] = [];
  let at = start;
  let next = -1;
  let jumps = 0;
  let length = 0;
  for (;;) {
    if (at >= msg.length) throw new Bad('a name runs past the end');
    const len = msg[at]!;
    if (len === 0) {
      if (next < 0) next = at + 1;
      break;
    }
    if ((len & 0xc0) === 0xc0) {
      if (at + 1 >= msg.length) throw new Bad('a pointer runs past the end');
      const target = ((len & 0x3f) << 8) | msg[at + 1]!;
      if (++jumps > DNS_MAX_POINTERS) throw new Bad('too many compression pointers');
      if (target >= at) throw new Bad('a compression pointer points forward');
      if (next < 0) next = at + 2;
      at = target;
      continue;
    }
    if ((len & 0xc0) !== 0) throw new Bad('an unknown label type');
    if (at + 1 + len > msg.length) throw new Bad('a label runs past the end');
    length += len + 1;
    // RFC 1035 §3.1: 255 bytes at most, the labels, their length bytes and the final zero byte.
    if (length + 1 > 255) throw new Bad('a name longer than 255 bytes');
    let label = '';
    for (let i = 0; i < len; i++) {
      const c = msg[at + 1 + i]!;
      label += c > 0x20 && c < 0x7f && c !== 0x2e ? String.fromCharCode(c) : `\\${c.toString().padStart(3, '0')}`;
    }
    labels.push(label.toLowerCase());
    at += 1 + len;
  }
  return { name: labels.join('.'), next };
}

function readRecords(msg: Uint8Array, view: DataView, start: number, count: number) {
  const records: DnsRecord[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    const { name, next } = readName(msg, at);
    if (next + 10 > msg.length) throw new Bad('a record runs past the end');
    const type = view.getUint16(next);
    const ttl = view.getUint32(next + 4);
    const rdlength = view.getUint16(next + 8);
    const rdata = next + 10;
    if (rdata + rdlength > msg.length) throw new Bad('record data runs past the end');
    const klass = view.getUint16(next + 2);
    let data = '';
    if (klass === DNS_CLASS_IN && type === DNS_TYPE.A) {
      if (rdlength !== 4) throw new Bad('an A record that is not 4 bytes');
      data = `${msg[rdata]}.${msg[rdata + 1]}.${msg[rdata + 2]}.${msg[rdata + 3]}`;
    } else if (type === DNS_TYPE.NS || type === DNS_TYPE.CNAME || type === DNS_TYPE.SOA) {
      const target = readName(msg, rdata);
      if (target.next > rdata + rdlength) throw new Bad('a name runs past its record');
      data = target.name;
    }
    if (i < DNS_MAX_RECORDS) records.push({ name, type, ttl: ttl > 0x7fffffff ? 0 : ttl, data });
    at = rdata + rdlength;
  }
  return { records, next: at };
}

/**
 * Reads an answer. `expectedId` (when given) must match: an answer to another query is not ours. Records of
 * other classes than IN are kept with an empty `data`; a TTL with the top bit set counts as 0 (RFC 2181 §8).
 */
export function decodeDnsAnswer(input: Uint8Array, expectedId?: number): DnsRead {
  if (input.length > DNS_MAX_MESSAGE) return { ok: false, reason: 'the answer is too large' };
  if (input.length < 12) return { ok: false, reason: 'shorter than a DNS header' };
  const msg = input;
  const view = new DataView(msg.buffer, msg.byteOffset, msg.byteLength);
  const id = view.getUint16(0);
  const flags = view.getUint16(2);
  if ((flags & 0x8000) === 0) return { ok: false, reason: 'a query, not an answer' };
  if (expectedId !== undefined && id !== (expectedId & 0xffff))
    return { ok: false, reason: 'an answer to another query' };
  const rcode = flags & 0x0f;
  const truncated = (flags & 0x0200) !== 0;
  const counts = [view.getUint16(4), view.getUint16(6), view.getUint16(8), view.getUint16(10)] as const;
  const base = {
    ok: true as const,
    id,
    truncated,
    authoritative: (flags & 0x0400) !== 0,
    rcode,
    rcodeName: RCODES[rcode] ?? ('OTHER' as const),
  };
  try {
    let at = 12;
    let question: string | null = null;
    for (let i = 0; i < counts[0]; i++) {
      const q = readName(msg, at);
      if (q.next + 4 > msg.length) throw new Bad('a question runs past the end');
      if (i === 0) question = q.name;
      at = q.next + 4;
    }
    const answers = readRecords(msg, view, at, counts[1]);
    const authorities = readRecords(msg, view, answers.next, counts[2]);
    const additionals = readRecords(msg, view, authorities.next, counts[3]);
    return {
      ...base,
      question,
      answers: answers.records,
      authorities: authorities.records,
      additionals: additionals.records,
    };
  } catch (err) {
    // A truncated answer may end in the middle of a record: what the header says is still worth reporting.
    if (truncated)
      return { ...base, question: null, answers: [], authorities: [], additionals: [] } satisfies DnsAnswer;
    return { ok: false, reason: err instanceof Bad ? err.message : 'unreadable' };
  }
}

/** The A records for `name`, following the answer's CNAME chain from it (each name once, at most 8 steps). */
export function addressesOf(answer: DnsAnswer, name: string): Array<{ address: string; ttl: number }> {
  let current = name.toLowerCase().replace(/\.$/, '');
  const seen = new Set<string>();
  for (let step = 0; step < 8 && !seen.has(current); step++) {
    seen.add(current);
    const a = answer.answers.filter((r) => r.type === DNS_TYPE.A && r.name === current && r.data);
    if (a.length) return a.map((r) => ({ address: r.data, ttl: r.ttl }));
    const cname = answer.answers.find((r) => r.type === DNS_TYPE.CNAME && r.name === current && r.data);
    if (!cname) break;
    current = cname.data;
  }
  return [];
}

/** The zone's name servers an NS answer names, each with its glue address when the answer carries one. */
export function nameServersOf(answer: DnsAnswer): Array<{ zone: string; name: string; address: string | null }> {
  const ns = [...answer.answers, ...answer.authorities].filter((r) => r.type === DNS_TYPE.NS && r.data);
  return ns.map((r) => ({
    zone: r.name,
    name: r.data,
    address: answer.additionals.find((g) => g.type === DNS_TYPE.A && g.name === r.data && g.data)?.data ?? null,
  }));
}
