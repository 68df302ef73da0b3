// The Security step's HTTPS certificate findings, from the certificate each TLS port showed when Ports measured it
// (the report row's `tls`): self-signed or not trusted, expired or not yet valid, a weak key or signature, and a
// name that is not the address or DDNS name users type. Each says what it means in plain words and what to do.
// A report made before certificates were kept has no `tls` on its rows: nothing is said here (the HTTPS findings
// of security-findings.ts still stand). Pure: the clock is a parameter.
import type { PortRow, PortTls } from './ports';
import { finding, type SecurityFinding, type SecurityInput } from './security-model';

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

const ports = (rows: readonly { port: number }[]) =>
  `${rows.length > 1 ? 'ports' : 'port'} ${rows.map((r) => r.port).join(', ')}`;

function fact(row: PortRow & { tls: PortTls }): string {
  const t = row.tls;
  const key = t.keyType && t.keyBits ? `, ${t.keyType} ${t.keyBits} bits` : '';
  const sig = t.signatureAlgorithm ? `, ${t.signatureAlgorithm}` : '';
  const valid = t.validTo ? `, valid to ${day(t.validTo)}` : '';
  return `port ${row.port}: ${t.subject || 'no subject'} issued by ${t.issuer || 'nobody named'}${valid}${key}${sig}`;
}

const REAL_CERTIFICATE =
  'Put a certificate from a real authority on the NVR: its web page’s certificate page (often Configuration → ' +
  'Network → Advanced → HTTPS, “Create certificate request”, then “Upload signed certificate”) for the name you ' +
  'type. Or leave the NVR’s certificate and put a reverse proxy with a real (Let’s Encrypt) certificate in front ' +
  'of it: Router rules writes its Caddy or nginx configuration.';

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

/** The certificate findings for the NVR's open TLS ports; `names` are the DDNS names users type from outside. */
export function tlsFindings(input: SecurityInput, now: Date): SecurityFinding[] {
  const report = input.ports;
  if (!report) return [];
  const rows = report.rows.filter((r): r is PortRow & { tls: PortTls } => r.state === 'open' && r.tls !== undefined);
  if (rows.length === 0) return [];
  const evidence = rows.map(fact);
  const out: SecurityFinding[] = [];
  const t = now.getTime();

  const selfSigned = rows.filter((r) => r.tls.selfSigned);
  if (selfSigned.length)
    out.push(
      finding(
        'tls-self-signed',
        'medium',
        `HTTPS certificate is self-signed (${ports(selfSigned)})`,
        'The NVR signed its own certificate, so the browser warns every time its page is opened. A warning users ' +
          'learn to click through hides a real attack: someone in the middle (a hostile Wi-Fi, a hijacked name) ' +
          'shows the same warning, and the password goes to them.',
        `${REAL_CERTIFICATE} Until then, never click through a warning you did not expect.`,
        evidence,
      ),
    );
  const untrusted = rows.filter((r) => !r.tls.selfSigned && !r.tls.trusted);
  if (untrusted.length)
    out.push(
      finding(
        'tls-untrusted',
        'low',
        `HTTPS certificate is not trusted (${ports(untrusted)})`,
        `Its issuer (${untrusted[0]!.tls.issuer || 'not named'}) is not one this computer trusts, so the browser warns as for a self-signed one, and a warning users click through hides a real attack.`,
        REAL_CERTIFICATE,
        evidence,
      ),
    );

  const expired = rows.filter((r) => r.tls.validTo !== null && Date.parse(r.tls.validTo) < t);
  if (expired.length)
    out.push(
      finding(
        'tls-expired',
        'medium',
        `HTTPS certificate expired on ${day(expired[0]!.tls.validTo!)} (${ports(expired)})`,
        'An expired certificate makes every browser warn, and the app on phones may refuse to connect.',
        `Make a new certificate on the NVR’s certificate page (or renew the one from your authority) and upload it; a reverse proxy with Let’s Encrypt renews by itself. ${REAL_CERTIFICATE}`,
        evidence,
      ),
    );
  const early = rows.filter((r) => r.tls.validFrom !== null && Date.parse(r.tls.validFrom) > t);
  if (early.length)
    out.push(
      finding(
        'tls-not-yet-valid',
        'medium',
        `HTTPS certificate not valid until ${day(early[0]!.tls.validFrom!)} (${ports(early)})`,
        'The certificate’s dates begin in the future: browsers refuse it. Usually the NVR’s clock was wrong when it made the certificate.',
        'Set the NVR’s time from the internet (NTP in its time settings), then make its certificate again.',
        evidence,
      ),
    );
  const soon = rows.filter((r) => {
    const to = r.tls.validTo === null ? NaN : Date.parse(r.tls.validTo);
    return to >= t && to - t < RENEW_WITHIN_DAYS * DAY_MS && !early.includes(r);
  });
  if (soon.length)
    out.push(
      finding(
        'tls-expiring',
        'low',
        `HTTPS certificate expires on ${day(soon[0]!.tls.validTo!)} (${ports(soon)})`,
        `Fewer than ${RENEW_WITHIN_DAYS} days are left; then every browser warns.`,
        'Renew it now on the NVR’s certificate page, or let a reverse proxy with Let’s Encrypt renew it.',
        evidence,
      ),
    );

  const shortKey = rows.filter((r) => weakKey(r.tls));
  if (shortKey.length)
    out.push(
      finding(
        'tls-weak-key',
        'medium',
        `HTTPS certificate has a weak ${shortKey[0]!.tls.keyType} ${shortKey[0]!.tls.keyBits}-bit key (${ports(shortKey)})`,
        `Keys shorter than ${MIN_RSA_BITS} bits (RSA) can be broken, and browsers refuse them.`,
        `Make a new certificate on the NVR with an RSA key of ${MIN_RSA_BITS} bits or more (or an EC key), or put a reverse proxy with a real certificate in front of it.`,
        evidence,
      ),
    );
  const oldHash = rows.filter((r) => weakSignature(r.tls.signatureAlgorithm));
  if (oldHash.length)
    out.push(
      finding(
        'tls-weak-signature',
        'medium',
        `HTTPS certificate signed with ${oldHash[0]!.tls.signatureAlgorithm} (${ports(oldHash)})`,
        'MD5 and SHA-1 signatures can be forged, and browsers refuse certificates signed with them.',
        'Make a new certificate on the NVR signed with SHA-256 (newer firmware does), or put a reverse proxy with a real certificate in front of it.',
        evidence,
      ),
    );

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
        `HTTPS certificate does not name ${unnamed.join(', ')}`,
        `The certificate${rows.length > 1 ? ` on port ${lacking.port}` : ''} names ${lacking.tls.names.join(', ') || 'nothing'}, but users type ${unnamed.join(', ')}: the browser warns about the name even once the certificate is otherwise right.`,
        `Make the certificate for the name users type (${unnamed[0]}) on the NVR’s certificate page, or let a reverse proxy answer for that name with its own certificate.`,
        evidence,
      ),
    );
  return out;
}
