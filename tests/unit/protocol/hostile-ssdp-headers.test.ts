// Hostile input for the SSDP message codec (src/main/protocol/ssdp.ts, its HTTP-header part: M-SEARCH replies,
// NOTIFYs and the LOCATION they point to; the UPnP description is XML and tested with the XML parser). Whatever
// arrives on UDP 1900 never throws, gives a well-formed message or a refusal, and costs time linear in its size
// (bounded: anything over 8192 characters is refused before it is split). Property-based (fast-check), plus the
// worst-case shapes of tests/support/hostile-shapes.ts timed at 64 KiB and 512 KiB as in hostile-banners.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedLocation, parseSsdpMessage, resolveOnSameHost } from '../../../src/main/protocol/ssdp';
import * as S from '../../support/hostile-shapes';

const MAX_SSDP = 8192;
const lan = { network: '192.168.50.0', prefix: 24 };

const START_LINES = [
  'HTTP/1.1 200 OK',
  'NOTIFY * HTTP/1.1',
  'M-SEARCH * HTTP/1.1',
  'http/1.0 200',
  'GET / HTTP/1.1',
  '',
];
const HEADER_PIECES = [
  'LOCATION: http://192.168.50.64/desc.xml',
  'ST:upnp:rootdevice',
  'usn : uuid:x ',
  'Server: Linux UPnP/1.0',
  'EXT:',
  ':',
  ': no name',
  'BAD NAME: x',
  `${'N'.repeat(65)}: too long a name`,
  `X: ${'v'.repeat(1100)}`,
  '',
  ' ',
  '\t',
  '\u00e9: accent',
  '\0: nul',
];

/** A message: a start line, then header-ish lines joined by any line ending. */
const message = fc
  .tuple(
    fc.constantFrom(...START_LINES),
    fc.array(fc.oneof(fc.constantFrom(...HEADER_PIECES), fc.string({ unit: 'binary', maxLength: 80 })), {
      maxLength: 60,
    }),
    fc.constantFrom('\r\n', '\n', '\r', '\n\r'),
  )
  .map(([start, lines, eol]) => [start, ...lines].join(eol) + eol + eol);

const shaped = fc
  .tuple(
    fc.constantFrom(...START_LINES),
    fc.constantFrom(...Object.keys(S.SHAPES)),
    fc.integer({ min: 0, max: 3 * MAX_SSDP }),
  )
  .map(([start, name, n]) => `${start}\r\n${S.SHAPES[name]!(n)}`);

const anyText = fc.oneof(message, shaped, fc.string({ unit: 'binary', maxLength: 2000 }), fc.string());

/** Bytes near the size limit: a BOM, then 1-, 2-, 3- and 4-byte UTF-8 characters and invalid sequences. */
const nearLimitBytes = fc
  .tuple(
    fc.boolean(),
    fc.constantFrom('a', '\u00e9', '\u20ac', '\u{1f600}'),
    fc.integer({ min: MAX_SSDP - 40, max: 3 * MAX_SSDP + 40 }),
    fc.constantFrom(...START_LINES),
  )
  .map(([bom, ch, units, start]) => {
    const body = Buffer.from(`${start}\r\nA: ${ch.repeat(Math.ceil(units / ch.length))}`, 'utf8');
    return new Uint8Array(bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
  });

const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  anyText.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))),
  anyText.map(S.toBytes),
  nearLimitBytes,
);

function expectMessage(r: ReturnType<typeof parseSsdpMessage>) {
  if (!r.ok) {
    expect(typeof r.error).toBe('string');
    return;
  }
  expect(['response', 'notify', 'search']).toContain(r.message.kind);
  const names = Object.keys(r.message.headers);
  expect(names.length).toBeLessThanOrEqual(32);
  for (const n of names) {
    expect(n).toMatch(/^[A-Z0-9.-]{1,64}$/);
    const v = r.message.headers[n]!;
    expect(v.length).toBeLessThanOrEqual(1024);
  }
}

describe('parseSsdpMessage on hostile datagrams', () => {
  it('never throws and gives a well-formed message or a refusal (text)', () => {
    fc.assert(
      fc.property(anyText, (t) => expectMessage(parseSsdpMessage(t))),
      { numRuns: 500 },
    );
  });

  it('reads bytes exactly as their UTF-8 decoding, including around the size limit (no decode when too large)', () => {
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        const r = parseSsdpMessage(bytes);
        expectMessage(r);
        expect(r).toEqual(parseSsdpMessage(new TextDecoder().decode(bytes)));
      }),
      { numRuns: 400 },
    );
  });

  it('refuses a flood of 100 000 headers, and keeps 32 of a flood that fits', () => {
    expect(parseSsdpMessage(S.headerFlood(800_000, 'NOTIFY * HTTP/1.1'))).toEqual({
      ok: false,
      error: 'SSDP message too large',
    });
    const distinct = ['NOTIFY * HTTP/1.1', ...Array.from({ length: 500 }, (_, i) => `H${i}: v`)].join('\r\n');
    const r = parseSsdpMessage(distinct);
    expect(r.ok && Object.keys(r.message.headers)).toHaveLength(32);
  });

  it('the byte limit: a datagram of 3 × 8192 + 3 bytes that decodes to 8192 characters is still read', () => {
    // A BOM (3 bytes, no character) and 8192 three-byte characters: the largest datagram under the limit.
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\u20ac'.repeat(MAX_SSDP), 'utf8')]);
    expect(bytes.length).toBe(3 * MAX_SSDP + 3);
    expect(parseSsdpMessage(new Uint8Array(bytes))).toEqual({ ok: false, error: 'not an SSDP message' });
    const over = new Uint8Array(bytes.length + 1).fill(0x61);
    expect(parseSsdpMessage(over)).toEqual({ ok: false, error: 'SSDP message too large' });
  });
});

describe('LOCATION and control URLs on hostile values', () => {
  const location = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.webUrl(),
    fc
      .tuple(
        fc.constantFrom('http://192.168.50.64', 'http://u:p@192.168.50.64', 'http://[::1]', 'file://'),
        fc.string(),
      )
      .map(([a, b]) => a + b),
    fc.integer({ min: 0, max: 70_000 }).map((n) => `http://192.168.50.64/${S.longLine(n)}`),
  );

  it('allowedLocation: null, or a plain-http URL on the sender itself', () => {
    fc.assert(
      fc.property(location, (loc) => {
        const url = allowedLocation(loc, '192.168.50.64', lan);
        if (url === null) return;
        expect(url.protocol).toBe('http:');
        expect(url.hostname).toBe('192.168.50.64');
        expect(url.username + url.password).toBe('');
        expect(loc.length).toBeLessThanOrEqual(1024);
      }),
      { numRuns: 300 },
    );
  });

  it('resolveOnSameHost: null, or a URL on the same host and port', () => {
    const base = new URL('http://192.168.50.1:5000/rootDesc.xml');
    fc.assert(
      fc.property(location, (rel) => {
        const url = resolveOnSameHost(base, rel);
        if (url) expect(url.host).toBe('192.168.50.1:5000');
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Linear time (64 KiB < 200 ms, 512 KiB < 20× that). At these sizes every message is over the limit: these guard
// that the refusal comes before any decoding or splitting; the 8 KiB shapes are timed by the last test.

const SSDP_SHAPES = [
  'headerFlood',
  'longLine',
  'newlineFlood',
  'crFlood',
  'colonFlood',
  'whitespaceFlood',
  'controlChars',
  'truncatedUtf8',
];
const ssdpShape = (name: string): S.Shape =>
  name === 'headerFlood' ? (b) => S.headerFlood(b, 'NOTIFY * HTTP/1.1') : S.SHAPES[name]!;

describe('linear time on worst-case shapes (64 KiB < 200 ms, 512 KiB < 20× that)', () => {
  it.each(SSDP_SHAPES)('parseSsdpMessage: %s (text and bytes)', (name) => {
    for (const prepare of [(s: string) => s, S.toBytes]) {
      expect(S.growthProblem(S.timeGrowth<string | Uint8Array>(ssdpShape(name), parseSsdpMessage, prepare))).toBeNull();
    }
  });

  it.each(SSDP_SHAPES)('parseSsdpMessage: %s just under the limit takes < 50 ms', (name) => {
    const text = `NOTIFY * HTTP/1.1\r\n${ssdpShape(name)(MAX_SSDP - 19)}`;
    parseSsdpMessage(text);
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = S.cpuMs();
      parseSsdpMessage(text);
      best = Math.min(best, S.cpuMs() - t0);
    }
    expect(best).toBeLessThan(50);
  });

  it('allowedLocation: a long LOCATION is refused at once', () => {
    const g = S.timeGrowth(S.longLine, (loc: string) => allowedLocation(loc, '192.168.50.64', lan));
    expect(S.growthProblem(g)).toBeNull();
  });
});
