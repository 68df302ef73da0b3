// The Security step's HTTPS certificate findings, from certificate facts as the Ports step's reader recorded them
// (the lab's Hikvision simulator, and made-up weak ones), through the report row's `tls`, to the findings the user
// reads. What is asserted is the user's harm: a browser warning users learn to click through, a certificate
// browsers refuse (dates, weak key or hash), a name that is not the one typed — each said with what to do.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  classifyCertificate,
  signatureAlgorithmOf,
  type CertificateFacts,
} from '../../../../src/main/protocol/tls-certificate';
import { portTls } from '../../../../src/main/services/ports/port-report';
import { portReportSchema, type PortTls } from '../../../../src/shared/domain/ports';
import { judgeSecurity, securityInputFromRecord } from '../../../../src/shared/domain/security';
import { certificateNameCovers, tlsFindings, weakKey, weakSignature } from '../../../../src/shared/domain/security-tls';
import { emptySetupRecord } from '../../../../src/shared/domain/setup';
import { portRow } from '../../../support/port-row';
import { AT, careful, HTTPS, NVR, report } from './security-fixture';

const NOW = new Date(AT);
const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'tls');

/** What the reader recorded from the lab's Hikvision simulator on 443 (tests/lab/sim/web.mjs makes it). */
const LAB_HIK: CertificateFacts = {
  subject: { CN: '192.168.50.64' },
  issuer: { CN: '192.168.50.64' },
  subjectAltName: null,
  validFrom: 'Dec  1 10:00:00 2026 GMT',
  validTo: 'Nov 28 10:00:00 2036 GMT',
  fingerprint256: 'AA:BB',
  trusted: false,
  trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
  protocol: 'TLSv1.3',
  keyType: 'EC',
  keyBits: 256,
  signatureAlgorithm: 'ecdsa-with-SHA256',
};

/** A good certificate from a real authority for the DDNS name, as a reverse proxy would show. */
const GOOD: PortTls = {
  selfSigned: false,
  trusted: true,
  validFrom: '2026-11-01T00:00:00.000Z',
  validTo: '2027-03-01T00:00:00.000Z',
  subject: 'CN=mynvr.ddns.net',
  issuer: 'C=US, O=Let’s Encrypt, CN=R11',
  names: ['mynvr.ddns.net', NVR],
  keyType: 'RSA',
  keyBits: 2048,
  signatureAlgorithm: 'sha256WithRSAEncryption',
};

const withTls = (tls: Partial<PortTls>, over: { port?: number; ddns?: string[] } = {}) =>
  careful({
    ports: report([portRow(over.port ?? 443, 'https', { service: 'https', adminUi: true, tls: { ...GOOD, ...tls } })]),
    ddnsNames: over.ddns ?? ['mynvr.ddns.net'],
  });
const tlsIds = (input: ReturnType<typeof careful>) => tlsFindings(input, NOW).map((f) => f.id);
const one = (input: ReturnType<typeof careful>, id: string) => tlsFindings(input, NOW).find((f) => f.id === id)!;

describe('the lab Hikvision simulator’s certificate, as the Ports step keeps it', () => {
  const verdict = classifyCertificate(LAB_HIK, NOW, '192.168.50.64');
  const tls = portTls(verdict);
  const input = careful({
    ports: { ...report([portRow(443, 'https', { service: 'https', adminUi: true, tls })]), address: '192.168.50.64' },
  });

  it('keeps the dates, names, key and signature in a row the report schema accepts (older rows without it too)', () => {
    expect(tls).toEqual({
      selfSigned: true,
      trusted: false,
      validFrom: '2026-12-01T10:00:00.000Z',
      validTo: '2036-11-28T10:00:00.000Z',
      subject: 'CN=192.168.50.64',
      issuer: 'CN=192.168.50.64',
      names: ['192.168.50.64'],
      keyType: 'EC',
      keyBits: 256,
      signatureAlgorithm: 'ecdsa-with-SHA256',
    });
    const r = input.ports!;
    expect(portReportSchema.parse(r)).toEqual(r);
    expect(portReportSchema.parse(report([HTTPS])).rows[0]!.tls).toBeUndefined();
  });

  it('says self-signed (the warning users learn to click through) with the certificate page and the reverse proxy as fixes', () => {
    const f = tlsFindings(input, NOW);
    expect(f.map((x) => x.id)).toEqual(['tls-self-signed']);
    expect(f[0]!.severity).toBe('medium');
    expect(f[0]!.worth).toBe(10);
    expect(f[0]!.title).toBe('HTTPS certificate is self-signed (port 443)');
    expect(f[0]!.text).toMatch(/warns every time/);
    expect(f[0]!.text).toMatch(/click through hides a real attack/);
    expect(f[0]!.text).toMatch(/the password goes to them/);
    expect(f[0]!.fix).toMatch(/certificate request/);
    expect(f[0]!.fix).toMatch(/reverse proxy/);
    expect(f[0]!.fix).toMatch(/Router rules/);
    expect(f[0]!.evidence).toEqual([
      'port 443: CN=192.168.50.64 issued by CN=192.168.50.64, valid to 2036-11-28, EC 256 bits, ecdsa-with-SHA256',
    ]);
  });

  it('is part of the whole check: it costs its worth in the score', () => {
    const without = judgeSecurity(careful(), AT);
    const withIt = judgeSecurity(input, AT);
    expect(withIt.findings.map((x) => x.id)).toContain('tls-self-signed');
    expect(without.score - withIt.score).toBe(10);
  });
});

describe('dates', () => {
  it('an expired certificate: says the day it expired, medium', () => {
    const f = one(withTls({ validTo: '2026-12-01T00:00:00.000Z' }), 'tls-expired');
    expect(f.title).toBe('HTTPS certificate expired on 2026-12-01 (port 443)');
    expect(f.severity).toBe('medium');
    expect(f.fix).toMatch(/new certificate/);
    expect(f.text).toMatch(/every browser warn/);
    expect(tlsIds(withTls({ validTo: '2026-12-01T00:00:00.000Z' }))).not.toContain('tls-expiring');
  });
  it('a certificate not valid yet: says from when, and that the NVR’s clock is the usual cause', () => {
    const f = one(withTls({ validFrom: '2027-01-02T00:00:00.000Z' }), 'tls-not-yet-valid');
    expect(f.title).toBe('HTTPS certificate not valid until 2027-01-02 (port 443)');
    expect(f.severity).toBe('medium');
    expect(f.fix).toMatch(/NTP/);
    expect(f.text).toMatch(/clock was wrong/);
    expect(tlsIds(withTls({ validFrom: '2027-01-02T00:00:00.000Z', validTo: '2027-01-03T00:00:00.000Z' }))).toEqual([
      'tls-not-yet-valid',
    ]);
  });
  it('fewer than 30 days left: renew now (low); 30 days or more, or already expired: not this finding', () => {
    const f = one(withTls({ validTo: '2026-12-20T00:00:00.000Z' }), 'tls-expiring');
    expect(f.severity).toBe('low');
    expect(f.title).toBe('HTTPS certificate expires on 2026-12-20 (port 443)');
    expect(f.text).toBe('Fewer than 30 days are left; then every browser warns.');
    expect(f.fix).toMatch(/Renew it now/);
    const in30 = new Date(NOW.getTime() + 30 * 86_400_000).toISOString();
    const justUnder = new Date(NOW.getTime() + 30 * 86_400_000 - 1).toISOString();
    expect(tlsIds(withTls({ validTo: in30 }))).toEqual([]);
    expect(tlsIds(withTls({ validTo: justUnder }))).toEqual(['tls-expiring']);
    expect(tlsIds(withTls({ validTo: AT }))).toEqual(['tls-expiring']);
    expect(tlsIds(withTls({ validFrom: AT }))).toEqual([]);
  });
  it('unreadable dates say nothing about dates', () => {
    expect(tlsIds(withTls({ validFrom: null, validTo: null }))).toEqual([]);
  });
});

describe('key and signature', () => {
  it('RSA below 2048 bits is weak (1024 and 2047), 2048 is not; EC below 256 is weak; an unknown key is not judged', () => {
    expect(weakKey({ keyType: 'RSA', keyBits: 1024 })).toBe(true);
    expect(weakKey({ keyType: 'RSA', keyBits: 2047 })).toBe(true);
    expect(weakKey({ keyType: 'RSA', keyBits: 2048 })).toBe(false);
    expect(weakKey({ keyType: 'EC', keyBits: 255 })).toBe(true);
    expect(weakKey({ keyType: 'EC', keyBits: 256 })).toBe(false);
    expect(weakKey({ keyType: 'RSA', keyBits: null })).toBe(false);
    expect(weakKey({ keyType: null, keyBits: 512 })).toBe(false);
    expect(weakKey({ keyType: 'Ed25519', keyBits: 128 })).toBe(false);
    const f = one(withTls({ keyBits: 1024 }), 'tls-weak-key');
    expect(f.title).toBe('HTTPS certificate has a weak RSA 1024-bit key (port 443)');
    expect(f.severity).toBe('medium');
    expect(f.fix).toMatch(/2048 bits or more/);
    expect(f.text).toBe('Keys shorter than 2048 bits (RSA) can be broken, and browsers refuse them.');
  });
  it('MD5 and SHA-1 signatures are weak, SHA-256 and up are not, an unread one is not judged', () => {
    for (const a of ['md5WithRSAEncryption', 'sha1WithRSAEncryption', 'ecdsa-with-SHA1', 'dsa-with-SHA1', 'SHA-1'])
      expect(weakSignature(a), a).toBe(true);
    for (const a of [
      'sha256WithRSAEncryption',
      'ecdsa-with-SHA256',
      'sha512WithRSAEncryption',
      'Ed25519',
      'RSASSA-PSS',
    ])
      expect(weakSignature(a), a).toBe(false);
    expect(weakSignature(null)).toBe(false);
    const f = one(withTls({ signatureAlgorithm: 'sha1WithRSAEncryption' }), 'tls-weak-signature');
    expect(f.title).toBe('HTTPS certificate signed with sha1WithRSAEncryption (port 443)');
    expect(f.severity).toBe('medium');
    expect(f.fix).toMatch(/SHA-256/);
    expect(f.text).toMatch(/MD5 and SHA-1 signatures can be forged/);
  });
});

describe('the signature algorithm read from the certificate’s own bytes', () => {
  const der = (name: string) => new X509Certificate(readFileSync(join(FIXTURES, name))).raw;
  it('names MD5, SHA-1 and ECDSA-SHA256 as openssl does', () => {
    expect(signatureAlgorithmOf(der('rsa1024-sha1.pem'))).toBe('sha1WithRSAEncryption');
    expect(signatureAlgorithmOf(der('rsa2048-md5.pem'))).toBe('md5WithRSAEncryption');
    expect(signatureAlgorithmOf(der('ec256-sha256.pem'))).toBe('ecdsa-with-SHA256');
  });
  it('the verdict reads it from the bytes the transport hands over, when the transport did not name it', () => {
    const { signatureAlgorithm: _named, ...facts } = LAB_HIK;
    const verdict = classifyCertificate({ ...facts, der: der('rsa1024-sha1.pem') }, NOW);
    expect(verdict.signatureAlgorithm).toBe('sha1WithRSAEncryption');
    expect(classifyCertificate({ ...facts, der: null }, NOW).signatureAlgorithm).toBeNull();
  });
  it('gives the dotted OID for an algorithm not in its table, and null for bytes that are not a certificate', () => {
    const d = Buffer.from(der('ec256-sha256.pem'));
    const at = d.indexOf(Buffer.from('06082a8648ce3d040302', 'hex'), 200);
    expect(at).toBeGreaterThan(0);
    const other = Buffer.from(d);
    other[at + 9] = 0x09; // ecdsa-with-SHA… .9 (not a real one)
    expect(signatureAlgorithmOf(other)).toBe('OID 1.2.840.10045.4.3.9');
    expect(signatureAlgorithmOf(new Uint8Array())).toBeNull();
    expect(signatureAlgorithmOf(Buffer.from('3003020101', 'hex'))).toBeNull();
    expect(signatureAlgorithmOf(d.subarray(0, d.length - 10))).toBeNull();
    expect(signatureAlgorithmOf(Buffer.from('308480', 'hex'))).toBeNull();
  });
});

describe('trust', () => {
  it('a certificate from an authority this computer does not trust: low, with its issuer named', () => {
    const f = one(withTls({ trusted: false, issuer: 'CN=Home CA' }), 'tls-untrusted');
    expect(f.severity).toBe('low');
    expect(f.text).toContain('CN=Home CA');
    expect(f.title).toBe('HTTPS certificate is not trusted (port 443)');
    expect(one(withTls({ trusted: false, issuer: '' }), 'tls-untrusted').text).toContain('(not named)');
    expect(tlsIds(withTls({ trusted: false, selfSigned: true }))).toEqual(['tls-self-signed']);
  });
  it('a good certificate from a real authority for the names typed: no certificate finding', () => {
    expect(tlsIds(withTls({}))).toEqual([]);
  });
});

describe('names users type', () => {
  it('a wildcard covers one label of the DDNS name, never two, never an address; an exact name or address matches', () => {
    expect(certificateNameCovers('*.ddns.net', 'mynvr.ddns.net')).toBe(true);
    expect(certificateNameCovers('*.ddns.net', 'MyNVR.ddns.net.')).toBe(true);
    expect(certificateNameCovers('*.ddns.net', 'a.mynvr.ddns.net')).toBe(false);
    expect(certificateNameCovers('*.ddns.net', 'ddns.net')).toBe(false);
    expect(certificateNameCovers('*.168.1.64', '192.168.1.64')).toBe(false);
    expect(certificateNameCovers('*.ddns.net', '.ddns.net')).toBe(false);
    expect(certificateNameCovers('a.ddns.net', 'b.ddns.net')).toBe(false);
    expect(certificateNameCovers('*.example.com1', 'nvr.example.com1')).toBe(true);
    expect(certificateNameCovers('*.ddns.net', '1nvr.ddns.net')).toBe(true);
    expect(certificateNameCovers('mynvr.ddns.net', 'mynvr.ddns.net')).toBe(true);
    expect(certificateNameCovers('other.ddns.net', 'mynvr.ddns.net')).toBe(false);
    expect(certificateNameCovers('ddns.net', 'mynvr.ddns.net')).toBe(false);
  });
  it('the DDNS name missing from the certificate: medium, naming what it names and what users type', () => {
    const f = one(withTls({ names: [NVR] }), 'tls-name-mismatch');
    expect(f.severity).toBe('medium');
    expect(f.title).toBe('HTTPS certificate does not name mynvr.ddns.net');
    expect(f.text).toContain(`names ${NVR}, but users type mynvr.ddns.net`);
    expect(f.fix).toContain('(mynvr.ddns.net)');
    expect(f.text).toBe(
      `The certificate names ${NVR}, but users type mynvr.ddns.net: the browser warns about the name even once the certificate is otherwise right.`,
    );
  });
  it('only the LAN address missing: low; no DDNS name kept: only the address is asked', () => {
    const f = one(withTls({ names: ['mynvr.ddns.net'] }), 'tls-name-mismatch');
    expect(f.severity).toBe('low');
    expect(f.title).toBe(`HTTPS certificate does not name ${NVR}`);
    expect(tlsIds(withTls({ names: [NVR] }, { ddns: [] }))).toEqual([]);
    expect(one(withTls({ names: [] }, { ddns: [] }), 'tls-name-mismatch').text).toContain('names nothing');
  });
  it('an NVR at a name or IPv6 address with letters: only that LAN address missing is still low, not as if outsiders were turned away', () => {
    for (const address of ['fd00::a64', 'NVR.home.arpa']) {
      const input = withTls({ names: ['mynvr.ddns.net'] });
      const f = one({ ...input, ports: { ...input.ports!, address } }, 'tls-name-mismatch');
      expect(f.title, address).toBe(`HTTPS certificate does not name ${address.toLowerCase()}`);
      expect(f.severity, address).toBe('low');
    }
  });
  it('a blank DDNS name (a host row not filled in) is no name users type: no warning about a name that is not there', () => {
    expect(tlsIds(withTls({}, { ddns: ['', 'mynvr.ddns.net'] }))).toEqual([]);
  });
  it('the DDNS names come from the DDNS step’s record', () => {
    const record = emptySetupRecord(AT) as ReturnType<typeof emptySetupRecord> & {
      ddns: { hosts: { host: string }[] };
    };
    record.ddns = { ...record.ddns, hosts: [{ host: 'mynvr.ddns.net' } as never] };
    expect(securityInputFromRecord(record).ddnsNames).toEqual(['mynvr.ddns.net']);
    expect(securityInputFromRecord(emptySetupRecord(AT)).ddnsNames).toEqual([]);
  });
});

describe('the evidence line', () => {
  it('says only what the reader told: no key without its kind and size, no dates or signature not read', () => {
    const bare = { subject: '', issuer: '', validTo: null, keyType: null, signatureAlgorithm: null };
    expect(one(withTls({ ...bare, selfSigned: true }), 'tls-self-signed').evidence).toEqual([
      'port 443: no subject issued by nobody named',
    ]);
    expect(one(withTls({ selfSigned: true, keyType: 'RSA', keyBits: null }), 'tls-self-signed').evidence[0]).toBe(
      'port 443: CN=mynvr.ddns.net issued by C=US, O=Let’s Encrypt, CN=R11, valid to 2027-03-01, sha256WithRSAEncryption',
    );
  });
});

describe('several ports and old reports', () => {
  it('the words name the first port whose certificate lacks any name typed, not only one lacking them all', () => {
    const input = careful({
      ports: report([
        portRow(443, 'https', { service: 'https', tls: { ...GOOD, names: [NVR] } }),
        portRow(8443, null, { service: 'https', tls: { ...GOOD, names: ['x.lan'] } }),
      ]),
      ddnsNames: ['mynvr.ddns.net'],
    });
    expect(one(input, 'tls-name-mismatch').text).toMatch(new RegExp(`^The certificate on port 443 names ${NVR},`));
  });
  it('a DDNS name one of two certificates lacks is still said; names typed twice (any case) are said once', () => {
    const input = careful({
      ports: report([
        portRow(443, 'https', { service: 'https', tls: GOOD }),
        portRow(8443, null, { service: 'https', tls: { ...GOOD, names: ['nvr.lan', 'other.lan'] } }),
      ]),
      ddnsNames: ['MYNVR.ddns.net', 'mynvr.ddns.net'],
    });
    const f = tlsFindings(input, NOW).find((x) => x.id === 'tls-name-mismatch')!;
    expect(f.title).toBe(`HTTPS certificate does not name mynvr.ddns.net, ${NVR}`);
    expect(f.text).toBe(
      `The certificate on port 8443 names nvr.lan, other.lan, but users type mynvr.ddns.net, ${NVR}: the browser warns about the name even once the certificate is otherwise right.`,
    );
  });

  it('one finding for the same fact on two ports, listing both', () => {
    const input = careful({
      ports: report([
        portRow(443, 'https', { service: 'https', tls: { ...GOOD, selfSigned: true, trusted: false } }),
        portRow(8443, null, { service: 'https', tls: { ...GOOD, selfSigned: true, trusted: false } }),
      ]),
      ddnsNames: ['mynvr.ddns.net'],
    });
    const f = tlsFindings(input, NOW);
    expect(f.map((x) => x.id)).toEqual(['tls-self-signed']);
    expect(f[0]!.title).toBe('HTTPS certificate is self-signed (ports 443, 8443)');
    expect(f[0]!.evidence).toHaveLength(2);
  });
  it('a closed port’s old certificate, a report without certificates, or no report: nothing said here', () => {
    const closed = careful({
      ports: report([portRow(443, 'https', { state: 'closed', tls: { ...GOOD, selfSigned: true } })]),
    });
    expect(tlsFindings(closed, NOW)).toEqual([]);
    expect(tlsFindings(careful(), NOW)).toEqual([]);
    expect(tlsFindings(careful({ ports: null }), NOW)).toEqual([]);
  });
});
