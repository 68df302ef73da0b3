// What a TLS server's certificate says: self-signed or trusted, expired, whose name it carries. Pure: the transport
// hands over the leaf certificate's facts, and the clock is a parameter.

/** What a TLS server showed: the leaf certificate's facts (no key material, no chain); the transport fills it. */
export interface CertificateFacts {
  subject: Record<string, string>;
  issuer: Record<string, string>;
  subjectAltName: string | null;
  validFrom: string;
  validTo: string;
  fingerprint256: string;
  trusted: boolean;
  trustError: string | null;
  protocol: string | null;
}

export interface TlsVerdict {
  selfSigned: boolean;
  trusted: boolean;
  expired: boolean;
  notYetValid: boolean;
  daysLeft: number | null;
  subject: string;
  issuer: string;
  /** The certificate names this host (CN or subjectAltName), when we know the host. */
  namesHost: boolean | null;
}

/** TLS certificate verdict; `now` is a parameter so results compare exactly. */
export function classifyCertificate(cert: CertificateFacts, now: Date, host?: string): TlsVerdict {
  const name = (o: Record<string, string>) =>
    Object.entries(o)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')
      .slice(0, 300);
  const same =
    Object.keys(cert.subject).length > 0 &&
    JSON.stringify(Object.entries(cert.subject).sort()) === JSON.stringify(Object.entries(cert.issuer).sort());
  const selfSigned =
    same || cert.trustError === 'DEPTH_ZERO_SELF_SIGNED_CERT' || cert.trustError === 'SELF_SIGNED_CERT_IN_CHAIN';
  const from = Date.parse(cert.validFrom);
  const to = Date.parse(cert.validTo);
  const t = now.getTime();
  let namesHost: boolean | null = null;
  if (host) {
    // A camera's certificate names a handful of hosts; 64 KiB is hundreds of names (and more than a TLS stack
    // accepts in a whole certificate chain by default), and bounds the split.
    const alt = String(cert.subjectAltName ?? '')
      .slice(0, 64 * 1024)
      .split(/,\s*/)
      .map((s) => s.replace(/^(DNS|IP Address):/i, '').toLowerCase());
    namesHost = alt.includes(host.toLowerCase()) || (cert.subject.CN ?? '').toLowerCase() === host.toLowerCase();
  }
  return {
    selfSigned,
    trusted: cert.trusted,
    expired: Number.isFinite(to) ? t > to : false,
    notYetValid: Number.isFinite(from) ? t < from : false,
    daysLeft: Number.isFinite(to) ? Math.floor((to - t) / 86_400_000) : null,
    subject: name(cert.subject),
    issuer: name(cert.issuer),
    namesHost,
  };
}
