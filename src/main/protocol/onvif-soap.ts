// ONVIF device-management SOAP: request envelopes with WS-UsernameToken, HTTP digest (RFC 2617/7616),
// response and fault readers. Pure: nonces, clocks and cnonces are parameters. Sources:
// shared/reference/PROTOCOLS.md §3.1 (ONVIF Core §Security, Hikvision's strict `Created`).
import { createHash } from 'node:crypto';
import { child, escapeXml, parseXml, path, textOf, type XmlElement } from './xml';

export const ONVIF_NS = {
  soap: 'http://www.w3.org/2003/05/soap-envelope',
  tds: 'http://www.onvif.org/ver10/device/wsdl',
  tt: 'http://www.onvif.org/ver10/schema',
  ter: 'http://www.onvif.org/ver10/error',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
} as const;

const PASSWORD_DIGEST =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';
const BASE64_BINARY = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';

/** `Created` as canonical UTC with a `Z` and milliseconds (Hikvision rejects offsets; ODM-style ms work). */
export function onvifTimestamp(at: Date): string {
  return at.toISOString();
}

export interface UsernameToken {
  username: string;
  digest: string;
  nonce: string;
  created: string;
}

/** PasswordDigest = Base64(SHA1(nonce + created + password)), nonce sent in Base64 (16 bytes, as ODM does). */
export function usernameToken(username: string, password: string, nonce: Uint8Array, created: Date): UsernameToken {
  const createdText = onvifTimestamp(created);
  const digest = passwordDigest(nonce, createdText, password);
  return { username, digest, nonce: Buffer.from(nonce).toString('base64'), created: createdText };
}

export function passwordDigest(nonce: Uint8Array, created: string, password: string): string {
  return createHash('sha1')
    .update(Buffer.from(nonce))
    .update(created, 'utf8')
    .update(password, 'utf8')
    .digest('base64');
}

export function securityHeader(token: UsernameToken): string {
  return (
    `<wsse:Security xmlns:wsse="${ONVIF_NS.wsse}" xmlns:wsu="${ONVIF_NS.wsu}" s:mustUnderstand="1">` +
    `<wsse:UsernameToken><wsse:Username>${escapeXml(token.username)}</wsse:Username>` +
    `<wsse:Password Type="${PASSWORD_DIGEST}">${token.digest}</wsse:Password>` +
    `<wsse:Nonce EncodingType="${BASE64_BINARY}">${token.nonce}</wsse:Nonce>` +
    `<wsu:Created>${token.created}</wsu:Created></wsse:UsernameToken></wsse:Security>`
  );
}

/** A device-service request. `operation` is a tds operation name, `inner` its (already escaped) children. */
export function buildDeviceRequest(operation: string, inner = '', token?: UsernameToken): string {
  if (!/^[A-Za-z]{1,64}$/.test(operation)) throw new Error('invalid operation name');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<s:Envelope xmlns:s="${ONVIF_NS.soap}" xmlns:tds="${ONVIF_NS.tds}" xmlns:tt="${ONVIF_NS.tt}">` +
    (token ? `<s:Header>${securityHeader(token)}</s:Header>` : '') +
    `<s:Body><tds:${operation}>${inner}</tds:${operation}></s:Body></s:Envelope>`
  );
}

export function soapAction(operation: string): string {
  return `${ONVIF_NS.tds}/${operation}`;
}

export type SoapReply =
  | { kind: 'body'; body: XmlElement }
  | { kind: 'fault'; code: string; subcodes: string[]; reason: string }
  | { kind: 'invalid'; error: string };

/** Reads a SOAP 1.2 (or 1.1) response: the first Body child, or the Fault's codes and reason. */
export function readSoapReply(data: string | Uint8Array): SoapReply {
  const r = parseXml(data, { maxBytes: 512 * 1024, maxDepth: 40, maxNodes: 20_000 });
  if (!r.ok) return { kind: 'invalid', error: r.error };
  const env = r.root;
  if (env.name !== 'Envelope') return { kind: 'invalid', error: 'not a SOAP envelope' };
  const body = child(env, 'Body', env.ns);
  const first = body?.children[0];
  if (!first) return { kind: 'invalid', error: 'empty SOAP body' };
  if (first.name !== 'Fault') return { kind: 'body', body: first };
  // SOAP 1.2: Code/Value + nested Subcode/Value; SOAP 1.1: faultcode/faultstring.
  const subcodes: string[] = [];
  let sub = path(first, 'Code', 'Subcode');
  for (let depth = 0; sub && depth < 5; depth++) {
    const v = textOf(child(sub, 'Value'));
    if (v) subcodes.push(localPart(v));
    sub = child(sub, 'Subcode');
  }
  const code = localPart(textOf(path(first, 'Code', 'Value')) || textOf(child(first, 'faultcode')));
  const reason = (textOf(path(first, 'Reason', 'Text')) || textOf(child(first, 'faultstring'))).slice(0, 300);
  return { kind: 'fault', code, subcodes, reason };
}

function localPart(qname: string): string {
  const i = qname.indexOf(':');
  return (i >= 0 ? qname.slice(i + 1) : qname).slice(0, 100);
}

/** UTC time from GetSystemDateAndTimeResponse, or null when the device left it out or sent nonsense. */
export function readSystemDateAndTime(body: XmlElement): Date | null {
  const utc = path(body, 'SystemDateAndTime', 'UTCDateTime');
  if (!utc) return null;
  const n = (el: XmlElement | undefined) => Number(textOf(el));
  const date = child(utc, 'Date');
  const time = child(utc, 'Time');
  const [y, mo, d, h, mi, s] = [
    n(child(date, 'Year')),
    n(child(date, 'Month')),
    n(child(date, 'Day')),
    n(child(time, 'Hour')),
    n(child(time, 'Minute')),
    n(child(time, 'Second')),
  ];
  if (![y, mo, d, h, mi, s].every(Number.isInteger) || y! < 1970 || y! > 2200) return null;
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || s! > 60) return null;
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
}

export interface DeviceInformation {
  manufacturer: string | null;
  model: string | null;
  firmware: string | null;
  serial: string | null;
  hardwareId: string | null;
}

export function readDeviceInformation(body: XmlElement): DeviceInformation {
  const f = (name: string) => textOf(child(body, name)).slice(0, 200) || null;
  return {
    manufacturer: f('Manufacturer'),
    model: f('Model'),
    firmware: f('FirmwareVersion'),
    serial: f('SerialNumber'),
    hardwareId: f('HardwareId'),
  };
}

// --- HTTP digest (RFC 2617 / 7616, MD5 and SHA-256, qop=auth) ---

export interface DigestChallenge {
  realm: string;
  nonce: string;
  qop: string | null;
  opaque: string | null;
  algorithm: 'MD5' | 'SHA-256';
  stale: boolean;
}

/** Reads the first Digest challenge of a WWW-Authenticate header; null when there is none we can answer. */
export function parseDigestChallenge(header: string | string[] | undefined): DigestChallenge | null {
  const values = Array.isArray(header) ? header : header ? [header] : [];
  for (const value of values) {
    const m = /^\s*Digest\s+(.*)$/is.exec(value.slice(0, 2048));
    if (!m) continue;
    const params: Record<string, string> = {};
    const re = /([a-zA-Z]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
    let p: RegExpExecArray | null;
    while ((p = re.exec(m[1]!))) params[p[1]!.toLowerCase()] = (p[2] ?? p[3] ?? '').replace(/\\(.)/g, '$1');
    if (!params.realm || !params.nonce) continue;
    const algorithm = (params.algorithm ?? 'MD5').toUpperCase();
    if (algorithm !== 'MD5' && algorithm !== 'SHA-256') continue;
    const qops = (params.qop ?? '').split(',').map((q) => q.trim());
    if (params.qop && !qops.includes('auth')) continue;
    return {
      realm: params.realm,
      nonce: params.nonce,
      qop: params.qop ? 'auth' : null,
      opaque: params.opaque ?? null,
      algorithm,
      stale: /^true$/i.test(params.stale ?? ''),
    };
  }
  return null;
}

export function digestAuthorization(
  challenge: DigestChallenge,
  credentials: { username: string; password: string },
  request: { method: string; uri: string },
  cnonce: string,
  nc = 1,
): string {
  const hash = (s: string) =>
    createHash(challenge.algorithm === 'MD5' ? 'md5' : 'sha256')
      .update(s, 'utf8')
      .digest('hex');
  const ha1 = hash(`${credentials.username}:${challenge.realm}:${credentials.password}`);
  const ha2 = hash(`${request.method}:${request.uri}`);
  const ncText = nc.toString(16).padStart(8, '0');
  const response = challenge.qop
    ? hash(`${ha1}:${challenge.nonce}:${ncText}:${cnonce}:${challenge.qop}:${ha2}`)
    : hash(`${ha1}:${challenge.nonce}:${ha2}`);
  const q = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;
  const parts = [
    `username=${q(credentials.username)}`,
    `realm=${q(challenge.realm)}`,
    `nonce=${q(challenge.nonce)}`,
    `uri=${q(request.uri)}`,
    `algorithm=${challenge.algorithm}`,
    `response=${q(response)}`,
  ];
  if (challenge.qop) parts.push(`qop=${challenge.qop}`, `nc=${ncText}`, `cnonce=${q(cnonce)}`);
  if (challenge.opaque !== null) parts.push(`opaque=${q(challenge.opaque)}`);
  return `Digest ${parts.join(', ')}`;
}

export type AuthVerdict = 'ok' | 'wrong-credentials' | 'locked' | 'unsupported-auth' | 'not-onvif' | 'fault';

/**
 * What an answer to an authenticated request means, in terms the user can act on. Locked accounts are told
 * apart from wrong passwords by the words devices use (Hikvision "locked", Dahua "user locked"/"too many").
 */
export function classifyAuthReply(status: number, reply: SoapReply): AuthVerdict {
  const text = reply.kind === 'fault' ? `${reply.code} ${reply.subcodes.join(' ')} ${reply.reason}` : '';
  // "lock" anywhere ("locked", "AccountLocked") but in "clock": "outside the device clock window" is a clock refusal.
  if (/(?<!c)lock|too many|frozen|blocked/i.test(text) || status === 423) return 'locked';
  if (reply.kind === 'body' && status >= 200 && status < 300) return 'ok';
  if (
    reply.kind === 'fault' &&
    reply.subcodes.some((s) => /NotAuthorized|FailedAuthentication|InvalidSecurity/i.test(s))
  )
    return 'wrong-credentials';
  if (reply.kind === 'fault' && /NotAuthorized|not authorized|Unauthorized/i.test(text)) return 'wrong-credentials';
  if (status === 401) return reply.kind === 'invalid' ? 'unsupported-auth' : 'wrong-credentials';
  if (reply.kind === 'invalid') return 'not-onvif';
  return reply.kind === 'fault' ? 'fault' : 'not-onvif';
}

// --- Network protocols (HTTP, HTTPS, RTSP ports) ---

export interface NetworkProtocol {
  name: 'HTTP' | 'HTTPS' | 'RTSP';
  enabled: boolean;
  ports: number[];
}

/** GetNetworkProtocolsResponse → the three protocols ONVIF knows; unknown names and bad ports are skipped. */
export function readNetworkProtocols(body: XmlElement): NetworkProtocol[] {
  const out: NetworkProtocol[] = [];
  for (const p of body.children.filter((c) => c.name === 'NetworkProtocols').slice(0, 8)) {
    const name = textOf(child(p, 'Name')).toUpperCase();
    if (name !== 'HTTP' && name !== 'HTTPS' && name !== 'RTSP') continue;
    const ports = p.children
      .filter((c) => c.name === 'Port')
      .map((c) => Number(textOf(c)))
      .filter((n) => Number.isInteger(n) && n > 0 && n < 65536)
      .slice(0, 8);
    out.push({ name, enabled: /^(true|1)$/i.test(textOf(child(p, 'Enabled'))), ports });
  }
  return out;
}

/** The body of SetNetworkProtocols (the `onvif` package lacks it): every value escaped, ports validated. */
export function buildSetNetworkProtocols(protocols: NetworkProtocol[]): string {
  return protocols
    .map((p) => {
      if (!['HTTP', 'HTTPS', 'RTSP'].includes(p.name)) throw new Error('unknown protocol');
      const ports = p.ports.map((n) => {
        if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error('port out of range');
        return `<tt:Port>${n}</tt:Port>`;
      });
      return `<tds:NetworkProtocols><tt:Name>${escapeXml(p.name)}</tt:Name><tt:Enabled>${p.enabled}</tt:Enabled>${ports.join('')}</tds:NetworkProtocols>`;
    })
    .join('');
}

/** True for the fault a device sends when a requested port is taken (ONVIF Core: ter:PortAlreadyInUse). */
export function isPortInUseFault(reply: SoapReply): boolean {
  return reply.kind === 'fault' && reply.subcodes.some((s) => /PortAlreadyInUse/i.test(s));
}

// --- Users (GetUsers, SetUser) ---

export const ONVIF_USER_LEVELS = ['Administrator', 'Operator', 'User'] as const;
export type OnvifUserLevel = (typeof ONVIF_USER_LEVELS)[number];

/** GetUsersResponse → each user's name and level (unknown levels, e.g. Anonymous or Extended, are kept as null). */
export function readUsers(body: XmlElement): { username: string; level: OnvifUserLevel | null }[] {
  return body.children
    .filter((c) => c.name === 'User')
    .slice(0, 64)
    .map((u) => {
      const level = textOf(child(u, 'UserLevel'));
      return {
        username: textOf(child(u, 'Username')).slice(0, 64),
        level: (ONVIF_USER_LEVELS as readonly string[]).includes(level) ? (level as OnvifUserLevel) : null,
      };
    });
}

/**
 * The body of SetUser (the `onvif` package never escapes values): one tt:User with its name, new password and level,
 * every value escaped. A control character cannot travel in XML 1.0, so a value with one is refused here.
 */
export function buildSetUser(user: { username: string; password: string; level: OnvifUserLevel }): string {
  if (!ONVIF_USER_LEVELS.includes(user.level)) throw new Error('unknown user level');
  for (const v of [user.username, user.password])
    if (!v || /\p{Cc}/u.test(v)) throw new Error('empty value or control character');
  return (
    `<tds:User><tt:Username>${escapeXml(user.username)}</tt:Username>` +
    `<tt:Password>${escapeXml(user.password)}</tt:Password>` +
    `<tt:UserLevel>${user.level}</tt:UserLevel></tds:User>`
  );
}
