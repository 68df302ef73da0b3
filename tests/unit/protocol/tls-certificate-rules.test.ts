// The rules of the certificate verdict one by one: self-signed or not, expired or not yet valid (to the second),
// days left, whose names it carries and whether it names the host the app connected to. Each test names what a user
// would be told wrongly if the rule broke (a camera's own certificate called trusted, an expired one called fine).
import { describe, expect, it } from 'vitest';
import { classifyCertificate, type CertificateFacts } from '../../../src/main/protocol/tls-certificate';

const CERT: CertificateFacts = {
  subject: { CN: 'cam.local', O: 'Acme' },
  issuer: { CN: 'Acme CA', O: 'Acme' },
  subjectAltName: null,
  validFrom: '2024-01-01T00:00:00Z',
  validTo: '2026-01-01T00:00:00Z',
  fingerprint256: 'AA:BB',
  trusted: true,
  trustError: null,
  protocol: 'TLSv1.3',
};
const at = (iso: string) => new Date(iso);
const NOW = at('2025-01-01T00:00:00Z');

describe('self-signed (the certificate vouches for itself: the browser warning the user will see)', () => {
  it('a subject equal to the issuer, in any order of fields, is self-signed', () => {
    const cert = { ...CERT, subject: { O: 'Acme', CN: 'cam' }, issuer: { CN: 'cam', O: 'Acme' } };
    expect(classifyCertificate(cert, NOW).selfSigned).toBe(true);
    expect(classifyCertificate({ ...cert, subject: cert.issuer, issuer: cert.subject }, NOW).selfSigned).toBe(true);
  });

  it('a subject that differs from the issuer in one field, or an empty subject and issuer, is not', () => {
    expect(classifyCertificate(CERT, NOW).selfSigned).toBe(false);
    expect(classifyCertificate({ ...CERT, subject: {}, issuer: {} }, NOW).selfSigned).toBe(false);
  });

  it.each(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN'])('the trust error %s means self-signed', (e) => {
    expect(classifyCertificate({ ...CERT, trusted: false, trustError: e }, NOW)).toMatchObject({
      selfSigned: true,
      trusted: false,
    });
  });

  it('another trust error does not', () => {
    expect(classifyCertificate({ ...CERT, trustError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, NOW).selfSigned).toBe(false);
  });
});

describe('validity (expired, not yet valid, days left: measured against the clock given)', () => {
  it('at the last valid instant it is not expired and has 0 days left; a millisecond later it is expired', () => {
    expect(classifyCertificate(CERT, at('2026-01-01T00:00:00Z'))).toMatchObject({ expired: false, daysLeft: 0 });
    expect(classifyCertificate(CERT, at('2026-01-01T00:00:00.001Z'))).toMatchObject({ expired: true, daysLeft: -1 });
  });

  it('before its start it is not yet valid; at its start it is', () => {
    expect(classifyCertificate(CERT, at('2023-12-31T23:59:59.999Z')).notYetValid).toBe(true);
    expect(classifyCertificate(CERT, at('2024-01-01T00:00:00Z')).notYetValid).toBe(false);
  });

  it('days left are whole days, rounded down', () => {
    expect(classifyCertificate(CERT, at('2025-12-30T00:00:01Z')).daysLeft).toBe(1);
  });

  it('dates that do not parse give not expired, not "not yet valid", and no days left', () => {
    const cert = { ...CERT, validFrom: 'garbage', validTo: '' };
    expect(classifyCertificate(cert, NOW)).toMatchObject({ expired: false, notYetValid: false, daysLeft: null });
  });
});

describe('names (what the details view shows, and whether the certificate is for this host)', () => {
  it('subject and issuer are written "key=value, …", cut to 300 characters', () => {
    const v = classifyCertificate({ ...CERT, subject: { CN: 'c'.repeat(400) } }, NOW);
    expect(v.issuer).toBe('CN=Acme CA, O=Acme');
    expect(v.subject).toBe(`CN=${'c'.repeat(297)}`);
  });

  it('without a host to check, namesHost is unknown (null)', () => {
    expect(classifyCertificate(CERT, NOW).namesHost).toBeNull();
  });

  it.each([
    [
      'a DNS name among several, with or without a space after the comma',
      'DNS:a.local,DNS:cam.local, IP Address:1.2.3.4',
      'CAM.local',
      true,
    ],
    ['an IP address', 'DNS:a.local, IP Address:192.0.2.64', '192.0.2.64', true],
    ['the CN, in another case', null, 'Cam.Local', true],
    ['a name that only starts like the host', 'DNS:cam.local.evil', 'cam.local2', false],
  ])('%s: %s names %s → %s', (_label, san, host, want) => {
    const cert = { ...CERT, subject: { CN: san === null ? 'cam.local' : 'other' }, subjectAltName: san };
    expect(classifyCertificate(cert, NOW, host).namesHost).toBe(want);
  });

  it('a name past the first 64 KiB of subjectAltName is not read', () => {
    const san = `DNS:${'x'.repeat(64 * 1024)}, DNS:late.local`;
    expect(classifyCertificate({ ...CERT, subjectAltName: san }, NOW, 'late.local').namesHost).toBe(false);
  });
});
