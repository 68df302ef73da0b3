// The Security step's HTTPS certificate findings, from the certificate each TLS port showed when Ports measured it
// (the report row's `tls`): self-signed or not trusted, expired or not yet valid, a weak key or signature, and a
// name that is not the address or DDNS name users type. Each says what it means in plain words and what to do.
// A report made before certificates were kept has no `tls` on its rows: nothing is said here (the HTTPS findings
// of security-findings.ts still stand). Pure: the clock is a parameter. The words are said by key
// (`security.said.tls.…`, security-finding.ts); the evidence lines (the certificate's facts) stay English.
import { said, saidWords, type Said, type SaidWords } from '../i18n/said';
import type { PortRow, PortTls } from './ports';
import { sayFinding as finding } from './security-finding';
import type { SecurityFinding, SecurityInput, SecuritySeverity } from './security-model';
import type { MessageKey } from '../i18n/types';

/** Below this many days left, an otherwise valid certificate is due for renewal. */
export const RENEW_WITHIN_DAYS = 30;
/** The smallest RSA key still accepted (NIST SP 800-131A; browsers refuse 1024-bit keys). */
export const MIN_RSA_BITS = 2048;
/** The smallest EC key still accepted (P-256 and up). */
export const MIN_EC_BITS = 256;

const DAY_MS = 86_400_000;

/** Whether a certificate name (lower case, maybe `*.example.net`) covers the name typed. */
export function certificateNameCovers(certName: string, typed: string): boolean {
  const c = certName.toLowerCase();
  const t = typed.toLowerCase().replace(/\.$/, '');
  if (c === t) return true;
  if (!c.startsWith('*.')) return false;
  // A wildcard covers exactly one label, never an address.
  const dot = t.indexOf('.');
  return dot > 0 && !/^[\d.]+$/.test(t) && t.slice(dot + 1) === c.slice(2);
}

/** The day of an ISO date, for the words (`2026-12-06`). */
const day = (iso: string) => iso.slice(0, 10);

/** A title's ports ("443, 8443"); its sentence says "(port …)" for one (`title`) and "(ports …)" for more (`titleMany`). */
const ports = (rows: readonly { port: number }[]) => ({ ports: rows.map((r) => r.port).join(', ') });
const many = (rows: readonly unknown[]) => rows.length > 1;

function fact(row: PortRow & { tls: PortTls }): string {
  const t = row.tls;
  const key = t.keyType && t.keyBits ? `, ${t.keyType} ${t.keyBits} bits` : '';
  const sig = t.signatureAlgorithm ? `, ${t.signatureAlgorithm}` : '';
  const valid = t.validTo ? `, valid to ${day(t.validTo)}` : '';
  return `port ${row.port}: ${t.subject || 'no subject'} issued by ${t.issuer || 'nobody named'}${valid}${key}${sig}`;
}

/** What to do about a certificate browsers do not trust (a fix of its own, and the start or end of others). */
const REAL_CERTIFICATE = saidWords('security.said.tls.realCertificate');

/** The names a certificate holds, or the word for none. */
const certNames = (row: PortRow & { tls: PortTls }) =>
  row.tls.names.join(', ') || saidWords('security.said.tls.nameMismatch.nothing');

/** Whether the signature uses a hash browsers no longer accept (MD5, SHA-1). */
export function weakSignature(algorithm: string | null): boolean {
  return algorithm !== null && /md5|sha-?1(?!\d)/i.test(algorithm);
}

/** Whether the key is shorter than accepted; false when the reader could not tell. */
export function weakKey(t: Pick<PortTls, 'keyType' | 'keyBits'>): boolean {
  if (t.keyBits === null) return false;
  if (t.keyType === 'RSA') return t.keyBits < MIN_RSA_BITS;
  if (t.keyType === 'EC') return t.keyBits < MIN_EC_BITS;
  return false;
}

/** A fault a certificate may have, by its words' key (`security.said.tls.<fault>.…`). */
type TlsFault = 'selfSigned' | 'untrusted' | 'expired' | 'notYetValid' | 'expiring' | 'weakKey' | 'weakSignature';
type Cert = PortRow & { tls: PortTls };
type Values = Readonly<Record<string, string | SaidWords>>;

/** One fault: the ports that show it, and the values of its words (from the first of them) beside their ports. */
interface CertFault {
  fault: TlsFault;
  severity: SecuritySeverity;
  found: readonly Cert[];
  title?: (first: Cert) => Values;
  text?: (first: Cert) => Values;
  fix: Said;
}

/** Words by the fault's own key (each fault has all three: a compile error otherwise), with their values if any. */
function faultSaid(
  key: `security.said.tls.${TlsFault}.${'title' | 'titleMany' | 'text'}` & MessageKey,
  values?: Values,
): Said {
  return values === undefined ? { key } : { key, params: values };
}

/** The finding for the ports that show one fault (`tls-<fault>`): its title names the port, or the ports. */
function faultFinding(f: CertFault, evidence: string[]): SecurityFinding {
  const first = f.found[0]!;
  return finding(
    `tls-${f.fault.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    f.severity,
    faultSaid(`security.said.tls.${f.fault}.${many(f.found) ? 'titleMany' : 'title'}`, {
      ...f.title?.(first),
      ...ports(f.found),
    }),
    faultSaid(`security.said.tls.${f.fault}.text`, f.text?.(first)),
    f.fix,
    evidence,
  );
}

/** The certificate findings for the NVR's open TLS ports; `names` are the DDNS names users type from outside. */
export function tlsFindings(input: SecurityInput, now: Date): SecurityFinding[] {
  const report = input.ports;
  if (!report) return [];
  const rows = report.rows.filter((r): r is Cert => r.state === 'open' && r.tls !== undefined);
  if (rows.length === 0) return [];
  const evidence = rows.map(fact);
  const out: SecurityFinding[] = [];
  const t = now.getTime();

  const early = rows.filter((r) => r.tls.validFrom !== null && Date.parse(r.tls.validFrom) > t);
  const faults: readonly CertFault[] = [
    {
      fault: 'selfSigned',
      severity: 'medium',
      found: rows.filter((r) => r.tls.selfSigned),
      fix: said('security.said.tls.selfSigned.fix', { realCertificate: REAL_CERTIFICATE }),
    },
    {
      fault: 'untrusted',
      severity: 'low',
      found: rows.filter((r) => !r.tls.selfSigned && !r.tls.trusted),
      text: (c) => ({ issuer: c.tls.issuer || saidWords('security.said.tls.untrusted.notNamed') }),
      fix: said('security.said.tls.realCertificate'),
    },
    {
      fault: 'expired',
      severity: 'medium',
      found: rows.filter((r) => r.tls.validTo !== null && Date.parse(r.tls.validTo) < t),
      title: (c) => ({ day: day(c.tls.validTo!) }),
      fix: said('security.said.tls.expired.fix', { realCertificate: REAL_CERTIFICATE }),
    },
    {
      fault: 'notYetValid',
      severity: 'medium',
      found: early,
      title: (c) => ({ day: day(c.tls.validFrom!) }),
      fix: said('security.said.tls.notYetValid.fix'),
    },
    {
      fault: 'expiring',
      severity: 'low',
      found: rows.filter((r) => {
        const to = r.tls.validTo === null ? NaN : Date.parse(r.tls.validTo);
        return to >= t && to - t < RENEW_WITHIN_DAYS * DAY_MS && !early.includes(r);
      }),
      title: (c) => ({ day: day(c.tls.validTo!) }),
      text: () => ({ days: String(RENEW_WITHIN_DAYS) }),
      fix: said('security.said.tls.expiring.fix'),
    },
    {
      fault: 'weakKey',
      severity: 'medium',
      found: rows.filter((r) => weakKey(r.tls)),
      title: (c) => ({ keyType: String(c.tls.keyType), keyBits: String(c.tls.keyBits) }),
      text: () => ({ minBits: String(MIN_RSA_BITS) }),
      fix: said('security.said.tls.weakKey.fix', { minBits: String(MIN_RSA_BITS) }),
    },
    {
      fault: 'weakSignature',
      severity: 'medium',
      found: rows.filter((r) => weakSignature(r.tls.signatureAlgorithm)),
      title: (c) => ({ algorithm: String(c.tls.signatureAlgorithm) }),
      fix: said('security.said.tls.weakSignature.fix'),
    },
  ];
  for (const f of faults) if (f.found.length) out.push(faultFinding(f, evidence));

  const typed = [...new Set([...(input.ddnsNames ?? []), report.address].map((n) => n.toLowerCase()).filter(Boolean))];
  const unnamed = typed.filter((name) => rows.some((r) => !r.tls.names.some((c) => certificateNameCovers(c, name))));
  const lacking =
    rows.find((r) => unnamed.some((name) => !r.tls.names.some((c) => certificateNameCovers(c, name)))) ?? rows[0]!;
  const outside = unnamed.filter((n) => n !== report.address.toLowerCase());
  if (unnamed.length)
    out.push(
      finding(
        'tls-name-mismatch',
        outside.length ? 'medium' : 'low',
        said('security.said.tls.nameMismatch.title', { names: unnamed.join(', ') }),
        rows.length > 1
          ? said('security.said.tls.nameMismatch.textOnPort', {
              port: String(lacking.port),
              certNames: certNames(lacking),
              names: unnamed.join(', '),
            })
          : said('security.said.tls.nameMismatch.text', { certNames: certNames(lacking), names: unnamed.join(', ') }),
        said('security.said.tls.nameMismatch.fix', { name: unnamed[0]! }),
        evidence,
      ),
    );
  return out;
}
