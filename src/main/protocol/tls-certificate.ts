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
  /** The public key's kind ('RSA', 'EC', …) and size in bits, when the transport could tell. */
  keyType?: string | null;
  keyBits?: number | null;
  /** The signature algorithm's name, when known; else it is read from `der`. */
  signatureAlgorithm?: string | null;
  /** The leaf certificate's DER bytes (public; no key material), for `signatureAlgorithmOf`. */
  der?: Uint8Array | null;
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
  /** The validity dates as ISO strings (null: missing or unreadable). */
  validFrom?: string | null;
  validTo?: string | null;
  /** Every name it carries: its CN, then each subjectAltName DNS name or IP address (at most 32). */
  names?: string[];
  keyType?: string | null;
  keyBits?: number | null;
  signatureAlgorithm?: string | null;
}

/** Signature algorithm OIDs (DER content bytes, hex) a camera's certificate may carry, by name. */
const SIGNATURE_OIDS: Readonly<Record<string, string>> = {
  '2a864886f70d010104': 'md5WithRSAEncryption',
  '2a864886f70d010105': 'sha1WithRSAEncryption',
  '2a864886f70d01010b': 'sha256WithRSAEncryption',
  '2a864886f70d01010c': 'sha384WithRSAEncryption',
  '2a864886f70d01010d': 'sha512WithRSAEncryption',
  '2a864886f70d01010a': 'RSASSA-PSS',
  '2a8648ce3d040301': 'ecdsa-with-SHA1',
  '2a8648ce3d040302': 'ecdsa-with-SHA256',
  '2a8648ce3d040303': 'ecdsa-with-SHA384',
  '2a8648ce3d040304': 'ecdsa-with-SHA512',
  '2b6570': 'Ed25519',
  '2a8648ce380403': 'dsa-with-SHA1',
};

/**
 * The signature algorithm of a DER certificate (Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm
 * SEQUENCE { OID, … }, signature }): its name, `OID <dotted>` for one not in the table, null when the bytes are not
 * that shape. Reads only headers and one OID; never throws.
 */
export function signatureAlgorithmOf(der: Uint8Array): string | null {
  /** The TLV at `at`: where its content starts and ends, or null when it does not fit. */
  const tlv = (at: number): { tag: number; start: number; end: number } | null => {
    if (at + 2 > der.length) return null;
    const tag = der[at]!;
    let len = der[at + 1]!;
    let start = at + 2;
    if (len & 0x80) {
      const n = len & 0x7f;
      if (n === 0 || n > 3 || start + n > der.length) return null;
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + der[start + i]!;
      start += n;
    }
    const end = start + len;
    return end <= der.length ? { tag, start, end } : null;
  };
  const cert = tlv(0);
  if (cert?.tag !== 0x30) return null;
  const tbs = tlv(cert.start);
  if (tbs?.tag !== 0x30) return null;
  const alg = tlv(tbs.end);
  if (alg?.tag !== 0x30) return null;
  const oid = tlv(alg.start);
  if (oid?.tag !== 0x06 || oid.end > alg.end || oid.end === oid.start) return null;
  const bytes = der.subarray(oid.start, oid.end);
  const hex = Buffer.from(bytes).toString('hex');
  return SIGNATURE_OIDS[hex] ?? `OID ${dotted(bytes)}`;
}

function dotted(b: Uint8Array): string {
  const parts: number[] = [Math.floor(b[0]! / 40), b[0]! % 40];
  let v = 0;
  for (const x of b.subarray(1)) {
    v = v * 128 + (x & 0x7f);
    if (!(x & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

const iso = (ms: number): string | null => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);

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
  const cn = (cert.subject.CN ?? '').toLowerCase();
  // The DNS names and IP addresses of subjectAltName. Node writes each entry `TYPE:value` (`DNS:…`, `IP Address:…`,
  // `URI:…`, `email:…`, …): only the first two name a host. A camera's certificate names a handful of hosts; 64 KiB
  // is hundreds of names (and more than a TLS stack accepts in a whole certificate chain by default), and bounds the
  // split.
  const sanNames = String(cert.subjectAltName ?? '')
    .slice(0, 64 * 1024)
    .split(/,\s*/)
    .flatMap((s) => {
      const prefix = /^(DNS|IP Address):/i.exec(s);
      return prefix ? [s.slice(prefix[0].length).toLowerCase()] : [];
    });
  const namesHost = host ? sanNames.includes(host.toLowerCase()) || cn === host.toLowerCase() : null;
  const names = [...new Set([...(cn ? [cn] : []), ...sanNames])].slice(0, 32).map((n) => n.slice(0, 253));
  return {
    selfSigned,
    trusted: cert.trusted,
    expired: Number.isFinite(to) ? t > to : false,
    notYetValid: Number.isFinite(from) ? t < from : false,
    daysLeft: Number.isFinite(to) ? Math.floor((to - t) / 86_400_000) : null,
    subject: name(cert.subject),
    issuer: name(cert.issuer),
    namesHost,
    validFrom: iso(from),
    validTo: iso(to),
    names,
    keyType: cert.keyType ?? null,
    // Number.isFinite is false for anything but a finite number (it does not convert a string or null).
    keyBits: Number.isFinite(cert.keyBits) ? cert.keyBits! : null,
    signatureAlgorithm: cert.signatureAlgorithm ?? (cert.der ? signatureAlgorithmOf(cert.der) : null),
  };
}
