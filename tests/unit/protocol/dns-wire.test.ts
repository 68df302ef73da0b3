// Our DNS codec: the query it sends and the answers it reads — rcodes, A records with their TTL, CNAME chains,
// NS with glue, TC — and hostile input (pointer loops, forward pointers, lengths past the end, random bytes) read
// as "unreadable", never a throw or a hang.
import { describe, expect, it } from 'vitest';
import {
  DNS_MAX_MESSAGE,
  DNS_MAX_POINTERS,
  DNS_MAX_RECORDS,
  DNS_TYPE,
  addressesOf,
  decodeDnsAnswer,
  encodeDnsQuery,
  isDnsName,
  nameServersOf,
  type DnsAnswer,
} from '../../../src/main/protocol/dns-wire';

function name(n: string): number[] {
  return [...n.split('.').flatMap((l) => [l.length, ...Buffer.from(l)]), 0];
}
const u16 = (v: number) => [(v >> 8) & 0xff, v & 0xff];
const u32 = (v: number) => [(v >>> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];
function rr(owner: number[], type: number, ttl: number, rdata: number[], klass = 1): number[] {
  return [...owner, ...u16(type), ...u16(klass), ...u32(ttl), ...u16(rdata.length), ...rdata];
}
function message(
  o: { id?: number; flags?: number; qd?: number[]; an?: number[][]; ns?: number[][]; ar?: number[][] } = {},
): Uint8Array {
  const qd = o.qd ?? [...name('mynvr.ddns.example'), ...u16(1), ...u16(1)];
  const an = o.an ?? [];
  const ns = o.ns ?? [];
  const ar = o.ar ?? [];
  return Uint8Array.from([
    ...u16(o.id ?? 0x1234),
    ...u16(o.flags ?? 0x8400),
    ...u16(1),
    ...u16(an.length),
    ...u16(ns.length),
    ...u16(ar.length),
    ...qd,
    ...an.flat(),
    ...ns.flat(),
    ...ar.flat(),
  ]);
}
const ok = (m: Uint8Array, id?: number): DnsAnswer => {
  const r = decodeDnsAnswer(m, id);
  if (!r.ok) throw new Error(r.reason);
  return r;
};
const PTR_Q = [0xc0, 12]; // the question's name

describe('the query', () => {
  it('an A question with our id, RD set, class IN, the name as labels', () => {
    const q = encodeDnsQuery('MyNvr.ddns.example.', DNS_TYPE.A, 0xbeef)!;
    expect([...q.slice(0, 12)]).toEqual([0xbe, 0xef, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect([...q.slice(12)]).toEqual([...name('MyNvr.ddns.example'), 0, 1, 0, 1]);
  });

  it('RD off for the zone’s own server; an NS question; names we would not send are refused', () => {
    const q = encodeDnsQuery('ddns.example', DNS_TYPE.NS, 7, { recursionDesired: false })!;
    expect([q[2], q[3]]).toEqual([0, 0]);
    expect([...q.slice(-4)]).toEqual([0, 2, 0, 1]);
    expect(encodeDnsQuery('bad..name', 1, 1)).toBeNull();
    expect(encodeDnsQuery(`${'a'.repeat(64)}.example`, 1, 1)).toBeNull();
    expect(encodeDnsQuery('a b.example', 1, 1)).toBeNull();
    expect(isDnsName(`${'a.'.repeat(127)}b`)).toBe(false);
  });
});

describe('reading answers', () => {
  it('A records with their TTL, the header flags and the question', () => {
    const a = ok(message({ an: [rr(PTR_Q, 1, 60, [203, 0, 113, 2]), rr(PTR_Q, 1, 3600, [203, 0, 113, 3])] }), 0x1234);
    expect([a.rcodeName, a.authoritative, a.truncated, a.question]).toEqual([
      'NOERROR',
      true,
      false,
      'mynvr.ddns.example',
    ]);
    expect(addressesOf(a, 'MYNVR.ddns.example.')).toEqual([
      { address: '203.0.113.2', ttl: 60 },
      { address: '203.0.113.3', ttl: 3600 },
    ]);
  });

  it.each([
    [0x8403, 'NXDOMAIN'],
    [0x8182, 'SERVFAIL'],
    [0x8185, 'REFUSED'],
    [0x8181, 'FORMERR'],
    [0x8184, 'NOTIMP'],
    [0x818b, 'OTHER'],
  ])('rcode in flags %s: %s', (flags, rcodeName) => {
    expect(ok(message({ flags })).rcodeName).toBe(rcodeName);
  });

  it('a CNAME chain is followed to the A record; a loop or a dead end gives none', () => {
    const www = name('www.example');
    const a = ok(
      message({
        an: [
          rr(PTR_Q, 5, 300, name('cdn.example')),
          rr(name('cdn.example'), 5, 300, www),
          rr(www, 1, 30, [1, 2, 3, 4]),
        ],
      }),
    );
    expect(addressesOf(a, 'mynvr.ddns.example')).toEqual([{ address: '1.2.3.4', ttl: 30 }]);
    const loop = ok(message({ an: [rr(PTR_Q, 5, 1, name('x.example')), rr(name('x.example'), 5, 1, PTR_Q)] }));
    expect(addressesOf(loop, 'mynvr.ddns.example')).toEqual([]);
    expect(addressesOf(ok(message({ an: [rr(PTR_Q, 5, 1, www)] })), 'mynvr.ddns.example')).toEqual([]);
  });

  it('A records of another name are not taken for the asked one', () => {
    expect(
      addressesOf(ok(message({ an: [rr(name('evil.example'), 1, 60, [6, 6, 6, 6])] })), 'mynvr.ddns.example'),
    ).toEqual([]);
  });

  it('NS answers with glue; without glue the server’s address is null', () => {
    const zone = name('ddns.example');
    const a = ok(
      message({
        an: [rr(zone, 2, 60, name('ns1.ddns.example')), rr(zone, 2, 60, name('ns2.other.example'))],
        ar: [rr(name('ns1.ddns.example'), 1, 60, [198, 51, 100, 53])],
      }),
    );
    expect(nameServersOf(a)).toEqual([
      { zone: 'ddns.example', name: 'ns1.ddns.example', address: '198.51.100.53' },
      { zone: 'ddns.example', name: 'ns2.other.example', address: null },
    ]);
  });

  it('a truncated answer (TC) is reported, also when it ends in the middle of a record', () => {
    const full = message({ flags: 0x8600, an: [rr(PTR_Q, 1, 60, [1, 2, 3, 4])] });
    expect(ok(full).truncated).toBe(true);
    const cut = ok(full.slice(0, full.length - 3));
    expect([cut.truncated, cut.answers]).toEqual([true, []]);
  });

  it('a TTL with the top bit set counts as 0; a class other than IN has no data', () => {
    const a = ok(message({ an: [rr(PTR_Q, 1, 0x80000000, [1, 2, 3, 4]), rr(PTR_Q, 1, 5, [9, 9, 9, 9], 3)] }));
    expect(a.answers.map((r) => [r.ttl, r.data])).toEqual([
      [0, '1.2.3.4'],
      [5, ''],
    ]);
  });

  it('at most DNS_MAX_RECORDS records of a section are kept', () => {
    const many = Array.from({ length: DNS_MAX_RECORDS + 5 }, () => rr(PTR_Q, 1, 1, [1, 1, 1, 1]));
    expect(ok(message({ an: many })).answers).toHaveLength(DNS_MAX_RECORDS);
  });
});

describe('hostile answers: a plain reason, never a throw', () => {
  const bad = (m: Uint8Array, id?: number) => {
    const r = decodeDnsAnswer(m, id);
    expect(r.ok).toBe(false);
    return r.ok ? '' : r.reason;
  };

  it('not an answer, another id, too short, too large', () => {
    expect(bad(message({ flags: 0x0100 }))).toMatch(/query/);
    expect(bad(message({ id: 1 }), 2)).toMatch(/another query/);
    expect(bad(new Uint8Array(11))).toMatch(/shorter/);
    expect(bad(new Uint8Array(DNS_MAX_MESSAGE + 1))).toMatch(/too large/);
  });

  it('a pointer to itself, a forward pointer, a pointer chain longer than the bound', () => {
    expect(bad(message({ an: [rr([0xc0, 12 + 24], 1, 1, [1, 2, 3, 4])] }))).toMatch(/forward/);
    expect(bad(message({ qd: [0xc0, 12, 0, 1, 0, 1] }))).toMatch(/forward/);
    // A ladder of backward pointers inside an unknown record's data, each to the one before, the first to the
    // question's name; a second record's owner points at the top: steps + 1 jumps in all.
    const ladder = (steps: number) => {
      const chain = [0xc0, 12];
      for (let i = 1; i < steps; i++) chain.push(0xc0, 48 + 2 * (i - 1));
      return message({ an: [rr(PTR_Q, 99, 1, chain), rr([0xc0, 48 + 2 * (steps - 1)], 1, 1, [1, 2, 3, 4])] });
    };
    expect(bad(ladder(DNS_MAX_POINTERS))).toMatch(/too many compression pointers/);
    expect(addressesOf(ok(ladder(DNS_MAX_POINTERS - 1)), 'mynvr.ddns.example')).toEqual([
      { address: '1.2.3.4', ttl: 1 },
    ]);
  });

  it('lengths past the end: a label, a record, rdata; an A record of 5 bytes; an unknown label type', () => {
    expect(bad(message({ qd: [5, 97, 0] }))).toMatch(/past the end/);
    expect(bad(message({ an: [[...PTR_Q, 0, 1, 0, 1]] }))).toMatch(/past the end/);
    expect(bad(message({ an: [rr(PTR_Q, 1, 1, [1, 2, 3, 4]).slice(0, -2)] }))).toMatch(/past the end/);
    expect(bad(message({ an: [rr(PTR_Q, 1, 1, [1, 2, 3, 4, 5])] }))).toMatch(/4 bytes/);
    expect(bad(message({ qd: [0x40, 0, 0, 1, 0, 1] }))).toMatch(/label type/);
  });

  it('a name longer than 255 bytes', () => {
    const long = Array.from({ length: 5 }, () => [63, ...Buffer.from('a'.repeat(63))]).flat();
    expect(bad(message({ qd: [...long, 0, 0, 1, 0, 1] }))).toMatch(/255/);
  });

  it('an NS whose name runs past its record', () => {
    const zone = name('ddns.example');
    const target = name('ns1.ddns.example');
    const wrong = [...zone, ...u16(2), ...u16(1), ...u32(60), ...u16(3), ...target];
    expect(bad(message({ an: [wrong] }))).toMatch(/past its record/);
  });

  it('10 000 random and mutated messages: every one read or refused, none throws', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) & 0xff;
    const base = message({
      an: [rr(PTR_Q, 5, 1, name('x.example')), rr(name('x.example'), 1, 1, [1, 2, 3, 4])],
      ar: [rr(PTR_Q, 2, 1, PTR_Q)],
    });
    for (let i = 0; i < 10_000; i++) {
      const m = i % 2 ? Uint8Array.from({ length: rnd() + 12 }, rnd) : base.map((b) => (rnd() < 8 ? rnd() : b));
      if (i % 2) m[2] = m[2]! | 0x80;
      const r = decodeDnsAnswer(m);
      if (r.ok) {
        expect(Array.isArray(addressesOf(r, 'mynvr.ddns.example'))).toBe(true);
        expect(Array.isArray(nameServersOf(r))).toBe(true);
      } else expect(typeof r.reason).toBe('string');
    }
  });
});
