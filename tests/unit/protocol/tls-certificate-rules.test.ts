// The rules of the certificate verdict one by one: self-signed or not, expired or not yet valid (to the second),
// days left, whose names it carries and whether it names the host the app connected to. Each test names what a user
// would be told wrongly if the rule broke (a camera's own certificate called trusted, an expired one called fine).
import { describe, expect, it } from 'vitest';
import {
  classifyCertificate,
  signatureAlgorithmOf,
  type CertificateFacts,
} from '../../../src/main/protocol/tls-certificate';

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

describe('the names it carries (the details view, and what the Security step checks against the names the user types)', () => {
  const namesOf = (subject: Record<string, string>, san: string | null) =>
    classifyCertificate({ ...CERT, subject, subjectAltName: san }, NOW).names;

  it('lists the CN first, then each DNS name and IP address, lower-cased, each once (names differing only in case)', () => {
    expect(namesOf({ CN: 'Cam.Local' }, 'DNS:CAM.local, DNS:nvr.example, IP Address:192.0.2.64')).toEqual([
      'cam.local',
      'nvr.example',
      '192.0.2.64',
    ]);
  });

  it('a certificate without a CN lists only its subjectAltName names; without either it lists none', () => {
    expect(namesOf({ O: 'Acme' }, 'DNS:nvr.example')).toEqual(['nvr.example']);
    expect(namesOf({ O: 'Acme' }, null)).toEqual([]);
  });

  it('an e-mail or URI entry names no host, even one that holds "DNS:" (a URI is not a name the browser accepts)', () => {
    const san = 'email:admin@cam.local, URI:urn:x:DNS:evil.example, DNS:cam.local';
    expect(namesOf({}, san)).toEqual(['cam.local']);
    const cert = { ...CERT, subject: {}, subjectAltName: 'URI:urn:x:DNS:evil.example' };
    expect(classifyCertificate(cert, NOW, 'evil.example').namesHost).toBe(false);
    expect(classifyCertificate(cert, NOW, 'urn:x:dns:evil.example').namesHost).toBe(false);
  });

  it('a hostile certificate with 40 names lists the first 32, each cut to 253 characters (a DNS name’s limit)', () => {
    const san = Array.from({ length: 40 }, (_, i) => `DNS:n${i}.example`).join(', ');
    const names = namesOf({ CN: 'a'.repeat(300) }, san);
    expect(names).toHaveLength(32);
    expect(names?.slice(0, 2)).toEqual(['a'.repeat(253), 'n0.example']);
    expect(names?.[31]).toBe('n30.example');
  });

  it('a host named only by an IP Address entry, or only by the CN, is named', () => {
    const cert = { ...CERT, subject: { CN: 'Cam.Local' }, subjectAltName: 'IP Address:192.0.2.64' };
    expect(classifyCertificate(cert, NOW, '192.0.2.64').namesHost).toBe(true);
    expect(classifyCertificate(cert, NOW, 'CAM.LOCAL').namesHost).toBe(true);
    expect(classifyCertificate(cert, NOW, '192.0.2.65').namesHost).toBe(false);
  });
});

describe('the key (a weak key is a finding: its size must be a number the transport measured, or unknown)', () => {
  const key = (keyType: unknown, keyBits: unknown) =>
    classifyCertificate({ ...CERT, keyType, keyBits } as unknown as CertificateFacts, NOW);

  it('an RSA key of 2048 bits is kept as it was measured', () => {
    expect(key('RSA', 2048)).toMatchObject({ keyType: 'RSA', keyBits: 2048 });
  });

  it.each([
    ['not measured', undefined],
    ['null', null],
    ['not a number (NaN)', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
    ['text, not a number', '2048'],
  ])('key bits %s are unknown (null), never a size that a weak-key rule would compare', (_label, bits) => {
    expect(key('RSA', bits).keyBits).toBeNull();
  });

  it('a key whose type the transport could not tell is unknown (null, not undefined)', () => {
    expect(key(undefined, 256).keyType).toBeNull();
  });
});

describe('the signature algorithm read from the certificate’s bytes (a truncated or hostile one is unknown, never garbage)', () => {
  // Certificates built byte by byte: Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm SEQUENCE { OID,
  // parameters }, signature BIT STRING }. Only the headers and the algorithm's OID are read.
  /** A TLV with a one-byte (short-form) length; the content in hex. */
  const tlv = (tag: string, ...content: string[]) => {
    const c = content.join('');
    return `${tag}${(c.length / 2).toString(16).padStart(2, '0')}${c}`;
  };
  const bytes = (hex: string) => Buffer.from(hex, 'hex');
  const SHA256_RSA = '06092a864886f70d01010b'; // OID 1.2.840.113549.1.1.11
  const TBS = tlv('30', tlv('02', '01')); // a stand-in tbsCertificate (a serial number only)
  const ALG = tlv('30', SHA256_RSA, '0500');
  const SIG = tlv('03', '00');
  const INNER = `${TBS}${ALG}${SIG}`;
  const LEN = (INNER.length / 2).toString(16).padStart(2, '0');

  it('reads the algorithm of a well-formed certificate (the baseline for the broken ones below)', () => {
    expect(signatureAlgorithmOf(bytes(tlv('30', INNER)))).toBe('sha256WithRSAEncryption');
  });

  it('reads a length written in one, two or three bytes (a large certificate), and refuses four (a 4 GiB claim)', () => {
    expect(signatureAlgorithmOf(bytes(`3081${LEN}${INNER}`))).toBe('sha256WithRSAEncryption');
    expect(signatureAlgorithmOf(bytes(`308200${LEN}${INNER}`))).toBe('sha256WithRSAEncryption');
    expect(signatureAlgorithmOf(bytes(`30830000${LEN}${INNER}`))).toBe('sha256WithRSAEncryption');
    expect(signatureAlgorithmOf(bytes(`3084000000${LEN}${INNER}`))).toBeNull();
  });

  it('an indefinite length (BER, not the DER a certificate is) is unknown', () => {
    expect(signatureAlgorithmOf(bytes(`3080${INNER}0000`))).toBeNull();
  });

  it('a certificate cut after its header, after its first part, or after an empty algorithm is unknown (no throw)', () => {
    expect(signatureAlgorithmOf(bytes('3000'))).toBeNull();
    expect(signatureAlgorithmOf(bytes(tlv('30', TBS)))).toBeNull();
    expect(signatureAlgorithmOf(bytes(tlv('30', TBS, '3000')))).toBeNull();
  });

  it('a first part that is not a SEQUENCE, or an algorithm that is a SET, is not a certificate: unknown', () => {
    expect(signatureAlgorithmOf(bytes(tlv('30', tlv('02', '00'), ALG, SIG)))).toBeNull();
    expect(signatureAlgorithmOf(bytes(tlv('30', TBS, tlv('31', SHA256_RSA, '0500'), SIG)))).toBeNull();
  });

  it('an algorithm that does not start with an OID, has an empty OID, or an OID running past its end is unknown', () => {
    expect(signatureAlgorithmOf(bytes(tlv('30', TBS, tlv('30', '0500', SHA256_RSA), SIG)))).toBeNull();
    expect(signatureAlgorithmOf(bytes(tlv('30', TBS, tlv('30', '0600'), SIG)))).toBeNull();
    // The algorithm claims 3 bytes; the OID inside claims 11 (the bytes are there, but belong to what follows).
    expect(signatureAlgorithmOf(bytes(tlv('30', TBS, `3003${SHA256_RSA}`, SIG)))).toBeNull();
  });
});
