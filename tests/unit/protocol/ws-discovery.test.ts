import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  NS,
  buildProbe,
  chooseXAddr,
  isOnvifMatch,
  normaliseMac,
  parseWsdMessage,
  readScopes,
} from '../../../src/main/protocol/ws-discovery';

const fixture = (name: string) => readFileSync(`tests/fixtures/ws-discovery/${name}`);

describe('WS-Discovery probe', () => {
  it.each([
    ['nvt', `{${NS.dn}}NetworkVideoTransmitter`],
    ['device', `{${NS.tds}}Device`],
  ] as const)('the %s variant asks for %s and round-trips through our parser', (variant, type) => {
    const xml = buildProbe('urn:uuid:11111111-2222-4333-8444-555555555555', variant);
    const r = parseWsdMessage(xml);
    expect(r).toMatchObject({
      ok: true,
      message: {
        kind: 'probe',
        messageId: 'urn:uuid:11111111-2222-4333-8444-555555555555',
        dialect: { soap: '1.2', wsd: '2005/04' },
      },
    });
    expect(xml).toContain(type.split('}')[1]);
  });

  it('the empty variant has no Types and is byte-stable', () => {
    expect(buildProbe('urn:uuid:x', 'any')).toBe(buildProbe('urn:uuid:x', 'any'));
    expect(buildProbe('urn:uuid:x', 'any')).not.toContain('Types');
  });

  it('escapes the message id', () => {
    expect(buildProbe('<&>', 'any')).toContain('&lt;&amp;&gt;');
  });
});

describe('WS-Discovery replies', () => {
  it('reads a typical NVR ProbeMatch', () => {
    const r = parseWsdMessage(fixture('hikvision-like.ProbeMatches.xml'));
    expect(r.ok).toBe(true);
    if (!r.ok || r.message.kind !== 'probe-matches') throw new Error('expected probe-matches');
    expect(r.message.relatesTo).toBe('urn:uuid:11111111-2222-4333-8444-555555555555');
    const [m] = r.message.matches;
    expect(m).toMatchObject({
      endpoint: 'urn:uuid:4b5a3c2d-1e0f-4a9b-8c7d-020000c0a840',
      xaddrs: ['http://192.168.50.64/onvif/device_service', 'http://169.254.12.7/onvif/device_service'],
      metadataVersion: 10,
    });
    expect(isOnvifMatch(m!)).toBe(true);
    expect(readScopes(m!.scopes)).toEqual({
      name: 'HIKVISION NVR',
      hardware: 'DS-7608NI-K2',
      location: 'city/hangzhou',
      mac: '02:00:c0:a8:32:40',
      serial: null,
      manufacturer: null,
    });
  });

  it('accepts SOAP 1.1 / WS-Discovery 2009 replies and says so', () => {
    const r = parseWsdMessage(fixture('wsd2009-soap11.ProbeMatches.xml'));
    expect(r).toMatchObject({ ok: true, message: { kind: 'probe-matches', dialect: { soap: '1.1', wsd: '2009/01' } } });
    if (r.ok && r.message.kind === 'probe-matches') expect(isOnvifMatch(r.message.matches[0]!)).toBe(true);
  });

  it('reads Hello and Bye', () => {
    expect(parseWsdMessage(fixture('hello.xml'))).toMatchObject({
      ok: true,
      message: { kind: 'hello', match: { endpoint: 'urn:uuid:4b5a3c2d-1e0f-4a9b-8c7d-020000c0a841' } },
    });
    expect(parseWsdMessage(fixture('bye.xml'))).toMatchObject({
      ok: true,
      message: { kind: 'bye', endpoint: 'urn:uuid:4b5a3c2d-1e0f-4a9b-8c7d-020000c0a841' },
    });
  });

  it.each([
    ['not XML', 'HTTP/1.1 200 OK\r\n\r\n'],
    ['not SOAP', '<x/>'],
    ['no body', `<s:Envelope xmlns:s="${NS.soap12}"/>`],
    ['foreign payload', `<s:Envelope xmlns:s="${NS.soap12}"><s:Body><x/></s:Body></s:Envelope>`],
    [
      'match without endpoint',
      `<s:Envelope xmlns:s="${NS.soap12}" xmlns:d="${NS.wsd}"><s:Body><d:ProbeMatches><d:ProbeMatch/></d:ProbeMatches></s:Body></s:Envelope>`,
    ],
    ['entity-laden', `<!DOCTYPE x [<!ENTITY a "b">]><s:Envelope xmlns:s="${NS.soap12}"/>`],
    ['oversized', `<s:Envelope xmlns:s="${NS.soap12}"><s:Body>${' '.repeat(70_000)}</s:Body></s:Envelope>`],
  ])('rejects %s cleanly', (_label, text) => {
    const r = parseWsdMessage(text);
    expect(r.ok).toBe(false);
  });

  it('normalises MAC spellings', () => {
    expect(normaliseMac('00-1B-D8-80-CD-6C')).toBe('00:1b:d8:80:cd:6c');
    expect(normaliseMac('001bd880cd6c')).toBe('00:1b:d8:80:cd:6c');
    expect(normaliseMac('nope')).toBeNull();
  });
});

describe('XAddr choice', () => {
  const lan = { network: '192.168.50.0', prefix: 24 };
  it('prefers the sender, drops link-local and loopback, never leaves the subnet', () => {
    const r = chooseXAddr(
      [
        'http://169.254.12.7/onvif/device_service',
        'http://127.0.0.1/onvif/device_service',
        'http://192.168.50.99/onvif/device_service',
        'http://192.168.50.64:8000/onvif/device_service',
        'http://10.99.99.99/onvif/device_service',
        'SERVICE_URI',
        'ftp://192.168.50.64/x',
        'http://admin:pw@192.168.50.64/x',
        'http://[::1]/onvif/device_service',
      ],
      '192.168.50.64',
      lan,
    );
    expect(r.url).toBe('http://192.168.50.64:8000/onvif/device_service');
    expect(r.dropped.map((d) => d.reason)).toEqual([
      'not a valid address',
      'not an http(s) address',
      'contains credentials',
      'not an IPv4 address',
      'a self-assigned address (169.254.x)',
      'points at the device itself (127.x)',
      'outside your network: never followed',
    ]);
  });

  it('gives nothing when every XAddr is off the subnet', () => {
    expect(chooseXAddr(['http://10.99.99.99/x', 'http://127.0.0.1/x'], '192.168.50.250', lan).url).toBeNull();
  });
});
