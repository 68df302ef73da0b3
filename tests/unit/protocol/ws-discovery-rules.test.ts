// The rules of the WS-Discovery codec one by one: what a camera's reply may look like before the app lists it,
// what it refuses and why, the bounds on what a device may send, the scopes it reads and the XAddr it follows.
// Each test names what a user would lose if the rule broke.
import { describe, expect, it } from 'vitest';
import {
  NS,
  buildProbe,
  chooseXAddr,
  isOnvifMatch,
  parseWsdMessage,
  readScopes,
  type WsdMatch,
} from '../../../src/main/protocol/ws-discovery';

const env = (body: string, header = '') =>
  `<s:Envelope xmlns:s="${NS.soap12}" xmlns:a="${NS.wsa}" xmlns:d="${NS.wsd}">` +
  `<s:Header>${header}</s:Header><s:Body>${body}</s:Body></s:Envelope>`;
const epr = (address: string) => `<a:EndpointReference><a:Address>${address}</a:Address></a:EndpointReference>`;
const hello = (inner: string) => env(`<d:Hello>${inner}</d:Hello>`);
const helloMatch = (inner: string): WsdMatch => {
  const r = parseWsdMessage(hello(inner));
  if (!r.ok || r.message.kind !== 'hello') throw new Error(`expected a Hello, got ${JSON.stringify(r)}`);
  return r.message.match;
};
const match = (types: string[]): WsdMatch => ({
  endpoint: 'urn:uuid:1',
  types,
  scopes: [],
  xaddrs: [],
  metadataVersion: null,
});

describe('the probe the app multicasts (what cameras must recognise to answer at all)', () => {
  it('is byte for byte the ONVIF probe: XML declaration, To the discovery URN, Probe action, NVT type', () => {
    expect(buildProbe('urn:uuid:1', 'nvt')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        `<s:Envelope xmlns:s="${NS.soap12}" xmlns:a="${NS.wsa}" xmlns:d="${NS.wsd}">` +
        '<s:Header><a:MessageID>urn:uuid:1</a:MessageID>' +
        '<a:To s:mustUnderstand="1">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>' +
        `<a:Action s:mustUnderstand="1">${NS.wsd}/Probe</a:Action></s:Header>` +
        `<s:Body><d:Probe><d:Types xmlns:dn="${NS.dn}">dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body></s:Envelope>`,
    );
  });

  it('the "any" variant sends an empty Probe element (no Types, nothing else in it)', () => {
    expect(buildProbe('urn:uuid:1', 'any')).toContain('<s:Body><d:Probe></d:Probe></s:Body>');
  });
});

describe('what is refused, and the reason the app gives (a stray packet never becomes a device)', () => {
  it.each([
    ['a root that is not an Envelope', `<s:Header xmlns:s="${NS.soap12}"><s:Body/></s:Header>`, 'not a SOAP envelope'],
    [
      'an Envelope in a foreign namespace',
      `<s:Envelope xmlns:s="urn:other" xmlns:d="${NS.wsd}"><s:Body><d:Hello>${epr('urn:uuid:1').replace(/a:/g, '')}</d:Hello></s:Body></s:Envelope>`,
      'not a SOAP envelope',
    ],
    [
      'an Envelope without a Body',
      `<s:Envelope xmlns:s="${NS.soap12}"><s:Header/></s:Envelope>`,
      'SOAP envelope without a Body',
    ],
    ['an empty Body', env(''), 'empty SOAP Body'],
    [
      'a Hello without an endpoint',
      env('<d:Hello><d:Types>x</d:Types></d:Hello>'),
      'Hello without an EndpointReference',
    ],
    ['a Bye without an endpoint', env('<d:Bye/>'), 'Bye without an EndpointReference'],
    [
      'ProbeMatches with no usable match',
      env('<d:ProbeMatches><d:ProbeMatch/></d:ProbeMatches>'),
      'ProbeMatches without a usable ProbeMatch',
    ],
    [
      'a message kind the app does not handle',
      env(`<d:Resolve>${epr('urn:uuid:1')}</d:Resolve>`),
      'unsupported WS-Discovery message Resolve',
    ],
  ])('%s: refused as "%s"', (_label, xml, error) => {
    expect(parseWsdMessage(xml)).toEqual({ ok: false, error });
  });

  it('an unknown message kind is named in at most 40 characters', () => {
    const name = `R${'e'.repeat(99)}`;
    expect(parseWsdMessage(env(`<d:${name}/>`))).toEqual({
      ok: false,
      error: `unsupported WS-Discovery message ${name.slice(0, 40)}`,
    });
  });

  it('a datagram over 64 KiB is refused even when it is a well-formed Hello (the codec bounds its own input)', () => {
    const padded = hello(`${epr('urn:uuid:1')}<d:Scopes>${' '.repeat(64 * 1024)}</d:Scopes>`);
    const r = parseWsdMessage(padded);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^message too large/);
  });

  it('512 ProbeMatch entries are read, 513 are refused as too many', () => {
    const item = (k: number) =>
      `<d:ProbeMatch><EndpointReference><Address>u${k}</Address></EndpointReference></d:ProbeMatch>`;
    const many = (count: number) =>
      env(`<d:ProbeMatches>${Array.from({ length: count }, (_, k) => item(k)).join('')}</d:ProbeMatches>`);
    const ok = parseWsdMessage(many(512));
    expect(ok.ok && ok.message.kind === 'probe-matches' ? ok.message.matches.length : 0).toBe(512);
    expect(parseWsdMessage(many(513))).toEqual({ ok: false, error: 'too many ProbeMatch entries' });
  });
});

describe('what is read from a match (the identity and the addresses the app shows and follows)', () => {
  it('an endpoint of 256 characters is kept; one of 257 makes the match unusable', () => {
    expect(helloMatch(epr('u'.repeat(256))).endpoint).toHaveLength(256);
    expect(parseWsdMessage(hello(epr('u'.repeat(257))))).toEqual({
      ok: false,
      error: 'Hello without an EndpointReference',
    });
  });

  it("a Bye's endpoint is cut to 256 characters", () => {
    const r = parseWsdMessage(env(`<d:Bye>${epr('u'.repeat(300))}</d:Bye>`));
    expect(r.ok && r.message.kind === 'bye' ? r.message.endpoint : '').toBe('u'.repeat(256));
  });

  it('a match without Types has no types and is not taken for an ONVIF device', () => {
    const m = helloMatch(epr('urn:uuid:1'));
    expect(m.types).toEqual([]);
    expect(isOnvifMatch(m)).toBe(false);
  });

  it.each([
    ['absent', '', null],
    ['empty', '<d:MetadataVersion> </d:MetadataVersion>', null],
    ['not a number', '<d:MetadataVersion>x</d:MetadataVersion>', null],
    ['7', '<d:MetadataVersion>7</d:MetadataVersion>', 7],
  ])('MetadataVersion %s reads as %s', (_label, inner, want) => {
    expect(helloMatch(`${epr('urn:uuid:1')}${inner}`).metadataVersion).toBe(want);
  });

  it('lists split on any run of white space, drop empties, and are bounded: 64 items of at most 512 characters', () => {
    const m = helloMatch(
      `${epr('urn:uuid:1')}<d:Scopes>${Array.from({ length: 70 }, (_, k) => `s${k}`).join(' \n\t ')}</d:Scopes>` +
        `<d:XAddrs>http://192.168.1.2/${'p'.repeat(600)}</d:XAddrs>`,
    );
    expect(m.scopes).toEqual(Array.from({ length: 64 }, (_, k) => `s${k}`));
    expect(m.xaddrs).toEqual([`http://192.168.1.2/${'p'.repeat(600)}`.slice(0, 512)]);
    expect(helloMatch(`${epr('urn:uuid:1')}<d:Scopes></d:Scopes>`).scopes).toEqual([]);
  });
});

describe('which matches count as ONVIF (only these are offered for an ONVIF login)', () => {
  it.each([
    ['a Device', [`{${NS.tds}}Device`], true],
    ['a NetworkVideoTransmitter', [`{${NS.dn}}NetworkVideoTransmitter`], true],
    ['a printer listed before a Device', ['{urn:printer}Printer', `{${NS.tds}}Device`], true],
    ['a Device in another namespace', ['{urn:other}Device'], false],
    ['an NVT in another namespace', ['{urn:other}NetworkVideoTransmitter'], false],
    ['a bare Device with no namespace', ['Device'], false],
  ])('%s: %s', (_label, types, want) => {
    expect(isOnvifMatch(match(types))).toBe(want);
  });
});

describe('ONVIF scopes (the name, model, MAC and serial the device list shows)', () => {
  const o = (key: string, value: string) => `onvif://www.onvif.org/${key}/${value}`;

  it('reads each field under every spelling devices use, in any case', () => {
    expect(
      readScopes([
        o('Name', 'Gate'),
        o('hardware', 'X1'),
        o('location', 'yard'),
        o('MacAddress', '00-1B-D8-80-CD-6C'),
        o('SerialNumber', 'S1'),
        o('Manufacturer', 'Acme'),
      ]),
    ).toEqual({
      name: 'Gate',
      hardware: 'X1',
      location: 'yard',
      mac: '00:1b:d8:80:cd:6c',
      serial: 'S1',
      manufacturer: 'Acme',
    });
    expect(readScopes([o('mac', 'aabbccddeeff'), o('mfr', 'Acme')])).toMatchObject({
      mac: 'aa:bb:cc:dd:ee:ff',
      manufacturer: 'Acme',
    });
  });

  it('the first value of a field wins over a later one', () => {
    expect(readScopes([o('name', 'First'), o('name', 'Second')]).name).toBe('First');
  });

  it('ignores vendor schemes, text before the ONVIF prefix and unknown keys, without failing', () => {
    expect(
      readScopes([
        'http://vendor.example/name/Nope',
        `x${o('name', 'Nope')}`,
        o('type', 'video_encoder'),
        o('name', 'Yes'),
      ]),
    ).toEqual({ name: 'Yes', hardware: null, location: null, mac: null, serial: null, manufacturer: null });
  });

  it('no MAC scope gives a null MAC; a MAC that is not 12 hex digits gives null too', () => {
    expect(readScopes([o('name', 'A')]).mac).toBeNull();
    expect(readScopes([o('mac', 'not-a-mac')]).mac).toBeNull();
  });

  it('percent-decodes values and keeps at most 200 characters; a bad escape is kept as written, also bounded', () => {
    expect(readScopes([o('name', 'Front%20door')]).name).toBe('Front door');
    expect(readScopes([o('name', 'n'.repeat(300))]).name).toBe('n'.repeat(200));
    expect(readScopes([o('name', '100%zz')]).name).toBe('100%zz');
    expect(readScopes([o('name', `%zz${'n'.repeat(300)}`)]).name).toBe(`%zz${'n'.repeat(197)}`);
  });
});

describe('XAddr choice (the app only talks to http(s) on the user’s own network, never with credentials)', () => {
  const lan = { network: '192.168.50.0', prefix: 24 };
  it('an https XAddr is followed', () => {
    expect(chooseXAddr(['https://192.168.50.64/onvif/device_service'], '192.168.50.64', lan).url).toBe(
      'https://192.168.50.64/onvif/device_service',
    );
  });

  it.each([['http://admin@192.168.50.64/x'], ['http://:pw@192.168.50.64/x']])(
    '%s (a user name or a password alone) is dropped as containing credentials',
    (url) => {
      expect(chooseXAddr([url], '192.168.50.64', lan)).toEqual({
        url: null,
        dropped: [{ url, reason: 'contains credentials' }],
      });
    },
  );
});
