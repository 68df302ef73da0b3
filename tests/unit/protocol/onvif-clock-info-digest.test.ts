import { describe, expect, it } from 'vitest';
import {
  buildDeviceRequest,
  parseDigestChallenge,
  readDeviceInformation,
  readSystemDateAndTime,
} from '../../../src/main/protocol/onvif-soap';
import { parseXml } from '../../../src/main/protocol/xml';

// The device's clock, its identity and its digest challenge, read field by field (issue 17, from mutation testing).
// The clock signs every login: a wrong date read as right makes a good password fail; an impossible one must be
// refused, not used.

const xml = (text: string) => {
  const r = parseXml(text);
  if (!r.ok) throw new Error(r.error);
  return r.root;
};
const clock = (y: unknown, mo: unknown, d: unknown, h: unknown, mi: unknown, s: unknown) =>
  readSystemDateAndTime(
    xml(
      `<r><SystemDateAndTime><UTCDateTime><Date><Year>${y}</Year><Month>${mo}</Month><Day>${d}</Day></Date>` +
        `<Time><Hour>${h}</Hour><Minute>${mi}</Minute><Second>${s}</Second></Time></UTCDateTime></SystemDateAndTime></r>`,
    ),
  );

describe('readSystemDateAndTime', () => {
  it('reads every field into the right place (month 1 is January)', () => {
    expect(clock(2026, 1, 2, 3, 4, 5)?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(clock(2026, 12, 31, 23, 59, 59)?.toISOString()).toBe('2026-12-31T23:59:59.000Z');
  });

  it.each([
    ['the first year', [1970, 1, 1, 0, 0, 0]],
    ['the last year', [2200, 1, 1, 0, 0, 0]],
    ['a leap second', [2026, 6, 30, 23, 59, 60]],
  ])('accepts %s', (_n, f) => {
    expect(clock(...(f as [number, number, number, number, number, number]))).toBeInstanceOf(Date);
  });

  it.each([
    ['a year before 1970', [1969, 12, 31, 0, 0, 0]],
    ['a year after 2200', [2201, 1, 1, 0, 0, 0]],
    ['month 0', [2026, 0, 1, 0, 0, 0]],
    ['month 13', [2026, 13, 1, 0, 0, 0]],
    ['day 0', [2026, 1, 0, 0, 0, 0]],
    ['day 32', [2026, 1, 32, 0, 0, 0]],
    ['hour 24', [2026, 1, 1, 24, 0, 0]],
    ['minute 60', [2026, 1, 1, 0, 60, 0]],
    ['second 61', [2026, 1, 1, 0, 0, 61]],
    ['a fraction', [2026, 1, 1, 0, 0, 1.5]],
    ['text', [2026, 'Jan', 1, 0, 0, 0]],
  ])('refuses %s', (_n, f) => {
    expect(clock(...(f as [number, number, number, number, number, number]))).toBeNull();
  });

  it('a reply without a UTC time is null', () => {
    expect(
      readSystemDateAndTime(xml('<r><SystemDateAndTime><DateTimeType>NTP</DateTimeType></SystemDateAndTime></r>')),
    ).toBeNull();
  });
});

describe('readDeviceInformation', () => {
  it('reads each field from its own element, cut at 200 characters; an empty one is null', () => {
    const info = readDeviceInformation(
      xml(
        `<r><Manufacturer>HIKVISION</Manufacturer><Model>DS-7608NI-K2</Model><FirmwareVersion>V4.61</FirmwareVersion>` +
          `<SerialNumber>${'S'.repeat(300)}</SerialNumber><HardwareId></HardwareId></r>`,
      ),
    );
    expect(info).toEqual({
      manufacturer: 'HIKVISION',
      model: 'DS-7608NI-K2',
      firmware: 'V4.61',
      serial: 'S'.repeat(200),
      hardwareId: null,
    });
    expect(readDeviceInformation(xml('<r><HardwareId>88</HardwareId></r>')).hardwareId).toBe('88');
  });
});

describe('parseDigestChallenge', () => {
  it('takes the Digest challenge among several, with leading spaces, quoted escapes and unquoted values', () => {
    expect(
      parseDigestChallenge([
        'Basic realm="x"',
        '  Digest realm="IP \\"Camera\\"", nonce=abc123, qop="auth-int, auth", opaque="o", algorithm=sha-256, stale=TRUE',
      ]),
    ).toEqual({ realm: 'IP "Camera"', nonce: 'abc123', qop: 'auth', opaque: 'o', algorithm: 'SHA-256', stale: true });
  });

  it('a single header string, MD5 by default, no qop, no opaque, not stale', () => {
    expect(parseDigestChallenge('Digest realm="r", nonce="n"')).toEqual({
      realm: 'r',
      nonce: 'n',
      qop: null,
      opaque: null,
      algorithm: 'MD5',
      stale: false,
    });
    expect(parseDigestChallenge('Digest realm="r",nonce="n",stale=false')?.stale).toBe(false);
  });

  it('refuses what it cannot answer: no realm or nonce, another algorithm, only auth-int, not Digest at all', () => {
    for (const h of [
      'Digest nonce="n"',
      'Digest realm="r"',
      'Digest realm="r", nonce="n", algorithm=SHA-512',
      'Digest realm="r", nonce="n", qop="auth-int"',
      'Basic realm="r"',
      'XDigest realm="r", nonce="n"',
      'Digestrealm="r", nonce="n"',
    ])
      expect(parseDigestChallenge(h), h).toBeNull();
    expect(parseDigestChallenge(undefined)).toBeNull();
    expect(parseDigestChallenge([])).toBeNull();
  });

  it('reads only the first 2 KiB of a header', () => {
    expect(parseDigestChallenge(`Digest realm="r", ${' '.repeat(2100)}nonce="n"`)).toBeNull();
  });
});

describe('buildDeviceRequest', () => {
  it('refuses an operation name that is not plain letters, anywhere in it', () => {
    for (const op of ['', 'Get Info', 'Get<x>', 'x'.repeat(65), 'GetInfo\n', '1GetInfo'])
      expect(() => buildDeviceRequest(op), JSON.stringify(op)).toThrow('invalid operation name');
    expect(buildDeviceRequest('GetDeviceInformation')).toContain(
      '<tds:GetDeviceInformation></tds:GetDeviceInformation>',
    );
  });

  it('is an XML document with the SOAP envelope and no header without a token', () => {
    const body = buildDeviceRequest('GetSystemDateAndTime');
    expect(body.startsWith('<?xml version="1.0" encoding="UTF-8"?><s:Envelope ')).toBe(true);
    expect(body).not.toContain('<s:Header>');
  });
});
