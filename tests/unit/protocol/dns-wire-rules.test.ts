// The DNS codec's rules, each as the harm a user would meet if it broke: the DDNS check asking for the wrong name,
// reading a hostile label as another name, missing the zone's servers or its SOA, refusing a real answer at a
// bound, or following a CNAME chain without end. Answers come from the lab's own DNS server code (tests/lab/wan:
// its zone logic and its encoder, written separately) where it can make them, else byte by byte (RFC 1035 §4.1).
import { describe, expect, it } from 'vitest';
import {
  DNS_MAX_MESSAGE,
  DNS_TYPE,
  addressesOf,
  decodeDnsAnswer,
  encodeDnsQuery,
  isDnsName,
  nameServersOf,
  type DnsAnswer,
} from '../../../src/main/protocol/dns-wire';
// @ts-expect-error -- plain .mjs without types
import { encodeMessage } from '../../lab/wan/dns-wire.mjs';
// @ts-expect-error -- plain .mjs without types
import { answer as zoneAnswer, emptyZone, setRecord } from '../../lab/wan/zone.mjs';

const ZONE = 'ddns.lab.example';
const HOST = `mynvr.${ZONE}`;

/** The lab's authoritative server's answer to one question, as it puts it on the wire. */
function labAnswer(name: string, type: number, id = 0x4242): Uint8Array {
  const zone = emptyZone(ZONE, '198.51.100.53');
  setRecord(zone, HOST, '203.0.113.2');
  const q = { name, type, class: 1 };
  const a = zoneAnswer(zone, q);
  return Uint8Array.from(
    encodeMessage({ id, flags: { qr: true, aa: a.aa, rcode: a.rcode }, questions: [q], ...a }) as Buffer,
  );
}
const read = (m: Uint8Array): DnsAnswer => {
  const r = decodeDnsAnswer(m);
  if (!r.ok) throw new Error(r.reason);
  return r;
};
const reason = (m: Uint8Array) => {
  const r = decodeDnsAnswer(m);
  return r.ok ? 'ok' : r.reason;
};

function name(n: string): number[] {
  return [...n.split('.').flatMap((l) => [l.length, ...Buffer.from(l)]), 0];
}
const u16 = (v: number) => [(v >> 8) & 0xff, v & 0xff];
const u32 = (v: number) => [(v >>> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];
const rr = (owner: number[], type: number, ttl: number, rdata: number[], klass = 1) => [
  ...owner,
  ...u16(type),
  ...u16(klass),
  ...u32(ttl),
  ...u16(rdata.length),
  ...rdata,
];
/** A header (answer, AA) with the given counts, then the raw sections. */
function raw(counts: [number, number, number, number], body: number[], flags = 0x8400): Uint8Array {
  return Uint8Array.from([...u16(0x1234), ...u16(flags), ...counts.flatMap(u16), ...body]);
}
const QD = [...name(HOST), ...u16(1), ...u16(1)];
const PTR_Q = [0xc0, 12];

describe('the query asks for exactly the name the user gave', () => {
  it('a name without the final dot is sent whole (not one character short)', () => {
    const q = encodeDnsQuery(HOST, DNS_TYPE.A, 1)!;
    expect([...q.slice(12, -4)]).toEqual(name(HOST));
  });
  it('names up to 253 characters (254 with the final dot) and one-character labels are sent; longer are refused', () => {
    const n253 = `${'a'.repeat(63)}.`.repeat(4).slice(0, 253);
    expect(isDnsName(n253)).toBe(true);
    expect(isDnsName(`${n253}.`)).toBe(true);
    expect(isDnsName(`${n253}b`)).toBe(false);
    expect(isDnsName(`${n253}b.`)).toBe(false);
    expect(isDnsName('a')).toBe(true);
    expect(isDnsName('a.b.example')).toBe(true);
  });
});

describe('the lab server’s own answers are read as it meant them', () => {
  it('an A answer: the address, the zone’s NS in the authority section, its glue', () => {
    const a = read(labAnswer(HOST, DNS_TYPE.A));
    expect(addressesOf(a, HOST)).toEqual([{ address: '203.0.113.2', ttl: 60 }]);
    expect(nameServersOf(a)).toEqual([{ zone: ZONE, name: `ns1.${ZONE}`, address: '198.51.100.53' }]);
  });
  it('NXDOMAIN: the SOA in the authority section names the zone’s primary server; no NS is made of it', () => {
    const a = read(labAnswer(`nothere.${ZONE}`, DNS_TYPE.A));
    expect(a.rcodeName).toBe('NXDOMAIN');
    expect(a.authorities).toEqual([{ name: ZONE, type: DNS_TYPE.SOA, ttl: 60, data: `ns1.${ZONE}` }]);
    expect(nameServersOf(a)).toEqual([]);
  });
  it('REFUSED from a server that is not the zone’s: not authoritative, no records', () => {
    const a = read(labAnswer('mynvr.other.example', DNS_TYPE.A));
    expect([a.rcodeName, a.authoritative, a.answers, a.authorities]).toEqual(['REFUSED', false, [], []]);
  });
});

describe('a hostile or odd answer is never read as another name', () => {
  it('a label holding dots, spaces or control bytes is escaped, so "mynvr.ddns.lab.example" in one label is not the host', () => {
    const label = [...Buffer.from('mynvr.ddns'), 0x20, 0x7f, 0x00, 0xff];
    const owner = [label.length, ...label, ...name('lab.example')];
    const a = read(raw([1, 1, 0, 0], [...QD, ...rr(owner, 1, 60, [6, 6, 6, 6])]));
    expect(a.answers[0]!.name).toBe('mynvr\\046ddns\\032\\127\\000\\255.lab.example');
    expect(addressesOf(a, 'mynvr.ddns.lab.example')).toEqual([]);
  });
  it('a byte of 0x21 ("!") or 0x7e ("~") is kept as it is', () => {
    const owner = [3, 0x21, 0x61, 0x7e, ...name('example')];
    expect(read(raw([1, 1, 0, 0], [...QD, ...rr(owner, 1, 1, [1, 2, 3, 4])])).answers[0]!.name).toBe('!a~.example');
  });
  it('a CNAME of another name is not followed for the asked one', () => {
    const a = read(
      raw(
        [1, 2, 0, 0],
        [...QD, ...rr(name('evil.example'), 5, 60, name('x.example')), ...rr(name('x.example'), 1, 60, [6, 6, 6, 6])],
      ),
    );
    expect(addressesOf(a, HOST)).toEqual([]);
  });
  it('only a CNAME is followed: an NS or SOA record owned by the asked name does not lend it its server’s address', () => {
    const ns1 = name(`ns1.${ZONE}`);
    const a = read(
      raw(
        [1, 3, 0, 0],
        [
          ...QD,
          ...rr(PTR_Q, 2, 60, ns1),
          ...rr(PTR_Q, 6, 60, [...ns1, ...name(`hostmaster.${ZONE}`), ...new Array<number>(20).fill(0)]),
          ...rr(ns1, 1, 60, [198, 51, 100, 53]),
        ],
      ),
    );
    expect(addressesOf(a, HOST)).toEqual([]);
  });
  it('a CNAME chain is followed 8 names deep and no further', () => {
    const chain = (hops: number) => {
      const names = [HOST, ...Array.from({ length: hops }, (_, i) => `c${i}.example`)];
      const records = names.slice(1).map((n, i) => rr(name(names[i]!), 5, 60, name(n)));
      records.push(rr(name(names.at(-1)!), 1, 60, [1, 2, 3, 4]));
      return read(raw([1, records.length, 0, 0], [...QD, ...records.flat()]));
    };
    expect(addressesOf(chain(7), HOST)).toEqual([{ address: '1.2.3.4', ttl: 60 }]);
    expect(addressesOf(chain(8), HOST)).toEqual([]);
  });
  it('the zone’s servers are only the NS records (not its A, CNAME or SOA records), the glue only an A record', () => {
    const ns1 = name(`ns1.${ZONE}`);
    const a = read(
      raw(
        [1, 2, 1, 2],
        [
          ...QD,
          ...rr(PTR_Q, 1, 60, [203, 0, 113, 2]),
          ...rr(PTR_Q, 5, 60, name('alias.example')),
          ...rr(name(ZONE), 2, 60, ns1),
          ...rr(ns1, 5, 60, name('elsewhere.example')),
          ...rr(ns1, 1, 60, [198, 51, 100, 53]),
        ],
      ),
    );
    expect(nameServersOf(a)).toEqual([{ zone: ZONE, name: `ns1.${ZONE}`, address: '198.51.100.53' }]);
    const noGlue = read(
      raw([1, 0, 1, 1], [...QD, ...rr(name(ZONE), 2, 60, ns1), ...rr(ns1, 5, 60, name('x.example'))]),
    );
    expect(nameServersOf(noGlue)).toEqual([{ zone: ZONE, name: `ns1.${ZONE}`, address: null }]);
  });
});

describe('real answers at the bounds are read', () => {
  it('a 12-byte answer with no question (a server refusing outright) is read with its rcode', () => {
    const a = read(raw([0, 0, 0, 0], [], 0x8105));
    expect([a.rcodeName, a.question, a.answers]).toEqual(['REFUSED', null, []]);
  });
  it('an answer ending with an empty record (an EDNS OPT the server adds) is read', () => {
    const opt = [0, ...u16(41), ...u16(1232), ...u32(0), ...u16(0)];
    const a = read(raw([1, 1, 0, 1], [...QD, ...rr(PTR_Q, 1, 60, [203, 0, 113, 2]), ...opt]));
    expect(addressesOf(a, HOST)).toEqual([{ address: '203.0.113.2', ttl: 60 }]);
  });
  it('an answer of exactly 4096 bytes is read', () => {
    const m = raw([1, 1, 0, 0], [...QD, ...rr(PTR_Q, 1, 60, [203, 0, 113, 2])]);
    const padded = new Uint8Array(DNS_MAX_MESSAGE);
    padded.set(m);
    expect(addressesOf(read(padded), HOST)).toEqual([{ address: '203.0.113.2', ttl: 60 }]);
  });
  it('a TTL of 2^31 − 1 is kept (only the top bit makes it 0)', () => {
    expect(read(raw([1, 1, 0, 0], [...QD, ...rr(PTR_Q, 1, 0x7fffffff, [1, 2, 3, 4])])).answers[0]!.ttl).toBe(
      0x7fffffff,
    );
  });
  it('an answer without AA is not taken as the zone’s own', () => {
    expect(read(raw([1, 0, 0, 0], QD, 0x8180)).authoritative).toBe(false);
  });
  it('with two questions, the first is the one reported', () => {
    const qd2 = [...QD, ...name('other.example'), ...u16(1), ...u16(1)];
    expect(read(raw([2, 0, 0, 0], qd2)).question).toBe(HOST);
  });
  it('a truncated answer cut inside a record reports no records in any section', () => {
    const m = raw([1, 1, 1, 1], [...QD, ...rr(PTR_Q, 1, 1, [1, 2, 3, 4])], 0x8600);
    const cut = read(m);
    expect([cut.truncated, cut.question, cut.answers, cut.authorities, cut.additionals]).toEqual([
      true,
      null,
      [],
      [],
      [],
    ]);
  });
});

describe('a cut or oversized name is refused with the reason', () => {
  it('a name that stops at the end of the message', () => {
    expect(reason(raw([1, 0, 0, 0], [3, 0x61, 0x62, 0x63]))).toBe('a name runs past the end');
  });
  it('a compression pointer cut in half at the end', () => {
    expect(reason(raw([1, 0, 0, 0], [0xc0]))).toBe('a pointer runs past the end');
  });
  it('a label one byte longer than what is left', () => {
    expect(reason(raw([1, 0, 0, 0], [5, 0x61, 0x61, 0x61, 0x61]))).toBe('a label runs past the end');
  });
  it('a question without its type and class', () => {
    expect(reason(raw([1, 0, 0, 0], [...name(HOST), 0, 1]))).toBe('a question runs past the end');
  });
  it('a name of 256 bytes on the wire (255 in labels, RFC 1035’s 255-byte limit counts the final zero) is refused', () => {
    const labels = [63, 63, 63, 62].flatMap((n) => [n, ...new Array<number>(n).fill(0x61)]);
    expect(labels).toHaveLength(255);
    expect(reason(raw([1, 0, 0, 0], [...labels, 0, 0, 1, 0, 1]))).toBe('a name longer than 255 bytes');
    const ok254 = [63, 63, 63, 61].flatMap((n) => [n, ...new Array<number>(n).fill(0x61)]);
    expect(reason(raw([1, 0, 0, 0], [...ok254, 0, 0, 1, 0, 1]))).toBe('ok');
  });
});
