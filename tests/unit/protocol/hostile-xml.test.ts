// The hostile suite for the XML codecs: adversarial shapes (namespace explosions, attribute floods, deep nesting,
// entity bombs, long tags, truncated UTF-8, control characters) fed to every decoder that reads XML. Properties:
// never throws, a well-formed result, error text short and free of control characters, caps enforced. The shapes
// at 512 KB also prove linear work: the quadratic parser took minutes on them (vitest's time-out fails it); the
// numbers themselves are printed by `npm run bench -- hostile`, not asserted here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseDigestChallenge,
  readDeviceInformation,
  readNetworkProtocols,
  readSoapReply,
  readSystemDateAndTime,
} from '../../../src/main/protocol/onvif-soap';
import { parseSadpReply } from '../../../src/main/protocol/sadp';
import { parseUpnpDescription } from '../../../src/main/protocol/ssdp';
import { parseWsdMessage } from '../../../src/main/protocol/ws-discovery';
import { DEFAULT_XML_LIMITS, parseXml, resolveQName, textOf, type XmlElement } from '../../../src/main/protocol/xml';
import { hasUnsafeText } from '../../../src/shared/text/device-text';
import { soapEnvelope, XML_SHAPES } from '../../support/hostile-xml';

/** Limits that let the parser run to the end of a 512 KB shape: what is measured is the parser's own work. */
const UNCAPPED = {
  maxBytes: 4 * 1024 * 1024,
  maxDepth: 1_000_000,
  maxNodes: 1_000_000,
  maxAttributes: 1_000_000,
  maxNamespaceDeclarations: 1_000_000,
  maxTextLength: 4 * 1024 * 1024,
};

function expectCleanError(error: string): void {
  expect(typeof error).toBe('string');
  expect(error.length).toBeGreaterThan(3);
  expect(error.length).toBeLessThanOrEqual(160);
  expect(hasUnsafeText(error)).toBe(false);
}

function walk(el: XmlElement, visit: (el: XmlElement) => void, depth = 0): void {
  visit(el);
  if (depth < 200) for (const c of el.children) walk(c, visit, depth + 1);
}

/** Every decoder that reads XML, as the app calls it; each returns an error value or a result, never throws. */
const DECODERS: Record<string, (text: string) => { ok: boolean; error?: string }> = {
  parseXml: (t) => parseXml(t),
  'ws-discovery': (t) => parseWsdMessage(t),
  'onvif soap': (t) => {
    const r = readSoapReply(t);
    if (r.kind === 'invalid') return { ok: false, error: r.error };
    if (r.kind === 'body') {
      readDeviceInformation(r.body);
      readSystemDateAndTime(r.body);
      readNetworkProtocols(r.body);
    }
    return { ok: true };
  },
  'upnp description': (t) => parseUpnpDescription(t),
  sadp: (t) => parseSadpReply(t),
};

// A generator of adversarial XML: a shape at a random size, optionally cut short, with control or non-UTF-8 bytes
// spliced in, inside a SOAP envelope or not.
const hostileXml = fc
  .record({
    shape: fc.constantFrom(...Object.keys(XML_SHAPES)),
    bytes: fc.integer({ min: 1, max: 96 * 1024 }),
    cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    splice: fc.option(
      fc.constantFrom('\x1b[2J', '\u202e', '\u200b', '\x00', '\ud800', '&#x1b;', '&bomb;', ']]>', '<!DOCTYPE x>'),
      {
        nil: undefined,
      },
    ),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    envelope: fc.boolean(),
  })
  .map(({ shape, bytes, cut, splice, at, envelope }) => {
    let text = XML_SHAPES[shape]!.make(bytes);
    if (envelope) text = soapEnvelope(text);
    if (cut !== undefined) text = text.slice(0, Math.floor(text.length * cut));
    if (splice !== undefined) {
      const k = Math.floor(text.length * at);
      text = text.slice(0, k) + splice + text.slice(k);
    }
    return text;
  });

describe('hostile XML: every decoder', () => {
  for (const [name, decode] of Object.entries(DECODERS)) {
    it(`${name}: never throws, and an error is short and free of control characters`, () => {
      fc.assert(
        fc.property(hostileXml, (text) => {
          const r = decode(text);
          if (!r.ok && r.error !== undefined) expectCleanError(r.error);
        }),
        { numRuns: 150, seed: 9 },
      );
    });
  }

  it('random strings over the XML alphabet never throw in any decoder', () => {
    const alphabet = fc.constantFrom(...'<>/="\'&;:!?[]-xmlnsp0 abc\n#x1b'.split(''), '\x1b', '\u202e', '\ud800');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 400 }), (chars) => {
        const text = chars.join('');
        for (const decode of Object.values(DECODERS)) {
          const r = decode(text);
          if (!r.ok && r.error !== undefined) expectCleanError(r.error);
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('truncated UTF-8 bytes decode to replacement characters, not a throw', () => {
    const bytes = new TextEncoder().encode('<r>Hikvision 海康威视</r>');
    for (let k = 0; k <= bytes.length; k++) {
      const r = parseXml(bytes.subarray(0, k));
      if (!r.ok) expectCleanError(r.error);
    }
    const cutInside = parseXml(
      new Uint8Array([...new TextEncoder().encode('<r>海'), 0xe5, 0xba, ...new TextEncoder().encode('</r>')]),
    );
    expect(cutInside.ok && cutInside.root.text).toBe('海\ufffd');
  });
});

describe('hostile XML: linear work at 512 KB with every cap lifted', () => {
  for (const [name, shape] of Object.entries(XML_SHAPES)) {
    it(`${name} (${shape.what})`, () => {
      const r = parseXml(shape.make(512 * 1024), UNCAPPED);
      if (!r.ok) expectCleanError(r.error);
    });
  }

  it('an element that declares no namespace shares its parent’s scope (no copy per element)', () => {
    const r = parseXml(XML_SHAPES['namespace-explosion']!.make(64 * 1024), UNCAPPED);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.root.children.length).toBeGreaterThan(1000);
    for (const c of r.root.children) expect(c.scope).toBe(r.root.scope);
    expect(r.root.scope.p0).toBe('');
  });
});

describe('hostile XML: caps per message, as documented in XmlLimits', () => {
  it('real messages stay well inside the defaults (the corpus: ≤ 36 attributes, ≤ 36 declarations)', () => {
    expect(DEFAULT_XML_LIMITS.maxAttributes).toBeGreaterThanOrEqual(2 * 36);
    expect(DEFAULT_XML_LIMITS.maxNamespaceDeclarations).toBeGreaterThanOrEqual(2 * 36);
  });

  it('refuses a namespace explosion at a cap, not after copying it', () => {
    const onRoot = parseXml(XML_SHAPES['namespace-explosion']!.make(60 * 1024));
    expect(onRoot).toEqual({ ok: false, error: expect.stringContaining('too many attributes') });
    const spread = Array.from({ length: 300 }, (_, k) => `<a xmlns:p${k}="urn:${k}"/>`).join('');
    expect(parseXml(`<r>${spread}</r>`)).toEqual({
      ok: false,
      error: expect.stringContaining('too many namespace declarations'),
    });
  });

  it('refuses 50 000 attributes on one element at the attribute cap', () => {
    const r = parseXml(XML_SHAPES['attribute-flood']!.make(512 * 1024), { ...UNCAPPED, maxAttributes: 64 });
    expect(r).toEqual({ ok: false, error: expect.stringContaining('too many attributes') });
  });

  it('still finds a duplicate attribute among many', () => {
    const attrs = Array.from({ length: 60 }, (_, k) => ` a${k}=""`).join('');
    expect(parseXml(`<r${attrs} a7="x"/>`)).toEqual({ ok: false, error: 'duplicate attribute' });
  });

  it('bounds the text of one element', () => {
    const r = parseXml(`<r>${'x'.repeat(2000)}</r>`, { ...DEFAULT_XML_LIMITS, maxTextLength: 1000 });
    expect(r).toEqual({ ok: false, error: 'text too long' });
    const cdata = parseXml(`<r><![CDATA[${'x'.repeat(2000)}]]></r>`, { ...DEFAULT_XML_LIMITS, maxTextLength: 1000 });
    expect(cdata).toEqual({ ok: false, error: 'text too long' });
  });

  it('each codec refuses a message over its size cap before parsing', () => {
    const big = `<r>${'x'.repeat(600 * 1024)}</r>`;
    expect(parseWsdMessage(big)).toEqual({ ok: false, error: expect.stringContaining('message too large') });
    expect(readSoapReply(big)).toEqual({ kind: 'invalid', error: expect.stringContaining('message too large') });
    expect(parseUpnpDescription(big)).toEqual({ ok: false, error: expect.stringContaining('message too large') });
    expect(parseSadpReply(big)).toEqual({ ok: false, error: expect.stringContaining('message too large') });
  });
});

describe('hostile XML: device bytes in errors and text', () => {
  it('a 5 KB end tag with escapes gives a short error with a sanitised excerpt', () => {
    const r = parseXml(XML_SHAPES['long-end-tag']!.make(5 * 1024));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expectCleanError(r.error);
    expect(r.error).toMatch(/^mismatched end tag <\/"x{10}/);
  });

  it('prefixes named like Object members are undeclared, not prototype members', () => {
    for (const text of ['<constructor:a/>', '<r><__proto__:b/></r>', '<r hasOwnProperty:x="1"/>', '<toString:a/>']) {
      const r = parseXml(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^undeclared namespace prefix "/);
    }
    const ok = parseXml('<r xmlns:constructor="urn:c"><constructor:a/></r>');
    expect(ok.ok && ok.root.children[0]!.ns).toBe('urn:c');
    const q = parseXml('<r>x</r>');
    expect(q.ok && resolveQName('__proto__:Device', q.root)).toEqual({ ns: null, local: 'Device' });
  });

  it('attributes named like Object members are plain data', () => {
    const r = parseXml('<r __proto__="p" constructor="c"/>');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.root.attrs.__proto__).toBe('p');
    expect(r.root.attrs.constructor).toBe('c');
    expect(Object.getPrototypeOf(r.root.attrs)).toBe(null);
  });

  it('text read from a device has no terminal escapes, bidi overrides or zero-width characters', () => {
    const r = parseXml('<r>&#x1b;[2J&#x1b;]0;PWNED&#x7;Evil&#x202e;Corp&#x200b;</r>');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(textOf(r.root)).toBe('EvilCorp');
    const info = readSoapReply(
      soapEnvelope(
        '<tds:GetDeviceInformationResponse xmlns:tds="http://www.onvif.org/ver10/device/wsdl"><tds:Manufacturer>&#x1b;[2J&#x1b;]0;PWNED&#x7;EvilCorp&#x202e;</tds:Manufacturer><tds:Model>M&#x9b;31m</tds:Model></tds:GetDeviceInformationResponse>',
      ),
    );
    expect(info.kind).toBe('body');
    if (info.kind !== 'body') return;
    expect(readDeviceInformation(info.body)).toMatchObject({ manufacturer: 'EvilCorp', model: 'M' });
  });

  it('walks a parsed shape without surprises (every element has a name, a namespace and children)', () => {
    const r = parseXml(soapEnvelope(XML_SHAPES['element-flood']!.make(8 * 1024)));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    let count = 0;
    walk(r.root, (el) => {
      count++;
      expect(typeof el.name).toBe('string');
      expect(typeof el.ns).toBe('string');
      expect(Array.isArray(el.children)).toBe(true);
    });
    expect(count).toBeGreaterThan(1000);
  });

  it('a digest challenge of any shape is read or refused, never thrown', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 3000 }),
        fc.constantFrom('', 'Digest ', 'Digest realm="', 'Digest a=b,'),
        (s, head) => {
          const r = parseDigestChallenge(head + s);
          if (r) expect(typeof r.nonce).toBe('string');
        },
      ),
      { numRuns: 300, seed: 3 },
    );
    expect(parseDigestChallenge(`Digest ${'a=b, '.repeat(20_000)}`)).toBe(null);
  });
});
