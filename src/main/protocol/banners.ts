// Service identification from what a port said: HTTP(S), RTSP, ONVIF, SSH/FTP/telnet banners, TLS certificates
// and the vendor SDK ports (Hikvision 8000, Dahua 37777, Reolink 9000). Pure: requests are built from their
// parameters, replies are bytes in, facts out; nothing here throws on hostile input.
//
// Vendor SDK hellos (what we send to a port that waits for the client to speak). Each is a bare protocol header
// with no credentials and no command that changes anything; a device answers with its own header (which names the
// protocol by its shape) or closes. They are designed from public protocol notes and checked against the lab
// simulators (tests/lab/sim/sdk.mjs) only — not yet against real devices:
//   - Hikvision 8000 (private "server/command" protocol, big-endian length-prefixed frames): a 16-byte frame whose
//     first word is its own length (16) and the rest zero — no command, no user name.
//   - Dahua 37777 (DVRIP, 32-byte header, first byte = command): command 0xa4 with an empty body. Not 0xa0: that
//     is the login request, and an empty login could count as a failed attempt on the device.
//   - Reolink 9000 (Baichuan, little-endian header, magic 0x0abcdef0): message 1 ("legacy login", the step that
//     asks for a nonce) as a 20-byte header with a zero-length body, i.e. without the user/password hashes.
import { buildDeviceRequest, readSoapReply, readSystemDateAndTime, soapAction } from './onvif-soap';

export type ServiceKind =
  'http' | 'https' | 'rtsp' | 'onvif' | 'sdk' | 'ssh' | 'ftp' | 'telnet' | 'smtp' | 'tls' | 'unknown';

export type SdkVendor = 'hikvision' | 'dahua' | 'reolink';

/** The probes identify.ts can run against a port; each names one request (or none, for `banner`). */
export type ProbeName =
  | 'banner'
  | 'http'
  | 'https'
  | 'rtsp-options'
  | 'rtsp-describe'
  | 'onvif'
  | 'sdk-hikvision'
  | 'sdk-dahua'
  | 'sdk-reolink';

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

/** One recorded exchange: what we sent (by probe name) and what came back. */
export interface Exchange {
  probe: ProbeName;
  /** `ok`: connected; the reply may still be empty (a silent port). */
  outcome: 'ok' | 'refused' | 'unreachable' | 'timeout' | 'tls-failed' | 'aborted';
  reply: Uint8Array;
  certificate?: CertificateFacts | null;
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

export interface ServiceIdentity {
  service: ServiceKind;
  product: string | null;
  vendor: string | null;
  /** Credentials or video cross the network readable by anyone on the path. */
  plainText: boolean;
  /** Someone can log in and administer the device here (web UI, vendor SDK, telnet/SSH/FTP). */
  adminUi: boolean;
  /** true: the service asked for credentials; false: it served without; null: not known. */
  authRequired: boolean | null;
  /** The port answered an unauthenticated ONVIF GetSystemDateAndTime. */
  onvif: boolean;
  tls: TlsVerdict | null;
  /** Short facts that led to the verdict, for the "details" view and the checklist. */
  evidence: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Request builders

const hostHeader = (host: string, port: number, defaultPort: number) =>
  port === defaultPort ? host : `${host}:${port}`;

/** A plain GET that any web server answers; `Connection: close` so the reply ends with the connection. */
export function buildHttpGet(host: string, port: number, path = '/', tls = false): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: ${hostHeader(host, port, tls ? 443 : 80)}\r\nUser-Agent: nvr-assist\r\n` +
    `Accept: text/html,*/*\r\nConnection: close\r\n\r\n`
  );
}

/** ONVIF GetSystemDateAndTime, unauthenticated (ONVIF Core: must be answered before login). */
export function buildOnvifProbe(host: string, port: number, tls = false): string {
  const body = buildDeviceRequest('GetSystemDateAndTime');
  return (
    `POST /onvif/device_service HTTP/1.1\r\nHost: ${hostHeader(host, port, tls ? 443 : 80)}\r\n` +
    `User-Agent: nvr-assist\r\nContent-Type: application/soap+xml; charset=utf-8; action="${soapAction('GetSystemDateAndTime')}"\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

/**
 * Stream paths tried by DESCRIBE when the root answers 404 (some servers check the path before the login):
 * Hikvision, Dahua/Amcrest, Reolink, generic. Only asked without credentials, to learn whether a login is needed.
 */
export const RTSP_DESCRIBE_PATHS = [
  '/Streaming/Channels/101',
  '/cam/realmonitor?channel=1&subtype=0',
  '/h264Preview_01_main',
  '/stream1',
] as const;

/** RTSP OPTIONS or DESCRIBE (no credentials), of the server root unless a path is given. */
export function buildRtspRequest(
  method: 'OPTIONS' | 'DESCRIBE',
  host: string,
  port: number,
  cseq: number,
  path = '/',
): string {
  const url = `rtsp://${hostHeader(host, port, 554)}${path.startsWith('/') ? path : `/${path}`}`;
  return (
    `${method} ${url} RTSP/1.0\r\nCSeq: ${cseq}\r\nUser-Agent: nvr-assist\r\n` +
    (method === 'DESCRIBE' ? 'Accept: application/sdp\r\n' : '') +
    '\r\n'
  );
}

/** The vendor SDK hellos described at the top of this file. */
export function buildSdkHello(vendor: SdkVendor): Uint8Array {
  switch (vendor) {
    case 'hikvision': {
      const b = Buffer.alloc(16);
      b.writeUInt32BE(16, 0);
      return b;
    }
    case 'dahua': {
      const b = Buffer.alloc(32);
      b[0] = 0xa4;
      return b;
    }
    case 'reolink': {
      const b = Buffer.alloc(20);
      b.writeUInt32LE(0x0abcdef0, 0);
      b.writeUInt32LE(1, 4);
      return b;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reply parsers

export interface HeadReply {
  protocol: 'HTTP' | 'RTSP';
  version: string;
  status: number;
  reason: string;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

/** Real reply heads are under 2 KiB (a camera's is a dozen headers); only the first 16 KiB is read as headers. */
const MAX_HEAD = 16 * 1024;
/**
 * How much of a reply is read at all: the body is only looked at for its `<title>` (first 64 KiB), login form
 * (first 128 KiB) and ONVIF SOAP reply (a few KiB), so 256 KiB covers every use with room to spare.
 */
const MAX_REPLY = 256 * 1024;

/**
 * Reads an HTTP/1.x or RTSP/1.0 reply head (and the body as latin1 text). Null when it is not one. Linear: the
 * status-line regex is anchored, the head end is two `indexOf`s, and only the first MAX_HEAD characters are split
 * into at most 100 headers.
 */
export function parseHeadReply(bytes: Uint8Array): HeadReply | null {
  const text = Buffer.from(bytes.subarray(0, MAX_REPLY)).toString('latin1');
  const m = /^(HTTP|RTSP)\/(\d\.\d) (\d{3})(?: ([^\r\n]*))?\r?\n/.exec(text);
  if (!m) return null;
  let end = text.indexOf('\r\n\r\n');
  let sep = 4;
  if (end < 0) {
    end = text.indexOf('\n\n');
    sep = 2;
  }
  const headEnd = end < 0 ? Math.min(text.length, MAX_HEAD) : Math.min(end, MAX_HEAD);
  const headers: Record<string, string> = {};
  let count = 0;
  for (const line of text.slice(m[0].length, headEnd).split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    if (++count > 100) break;
    const name = line.slice(0, i).trim().toLowerCase().slice(0, 64);
    const value = line
      .slice(i + 1)
      .trim()
      .slice(0, 1024);
    headers[name] = headers[name] !== undefined ? `${headers[name]}, ${value}` : value;
  }
  return {
    protocol: m[1] as 'HTTP' | 'RTSP',
    version: m[2]!,
    status: Number(m[3]),
    reason: (m[4] ?? '').slice(0, 200),
    headers,
    body: end < 0 ? '' : text.slice(end + sep),
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Whether an HTTP/RTSP reply has fully arrived: the head, and as many body bytes as Content-Length says (an RTSP
 * reply without Content-Length has no body). False while unsure: the caller then waits for close or idle.
 */
export function replyComplete(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.subarray(0, MAX_REPLY)).toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0 || !/^(HTTP|RTSP)\/\d\.\d \d{3}/.test(text)) return false;
  const head = text.slice(0, end);
  const length = /\r\ncontent-length:\s*(\d{1,9})/i.exec(head);
  if (length) return bytes.length - (end + 4) >= Number(length[1]);
  return text.startsWith('RTSP/') || /^HTTP\/\d\.\d (1\d\d|204|304)/.test(text);
}

/**
 * Where `needle` (lower-case ASCII, first character not a letter) next starts in `text` at or after `from`, with
 * ASCII letters matched case-insensitively, exactly as a non-`u` regex with the `i` flag does (it never folds a
 * non-ASCII letter such as U+0130 or U+212A onto an ASCII one); -1 when nowhere. One `indexOf` per candidate and a
 * compare of `needle.length` characters: linear in the text.
 */
function indexOfAsciiCi(text: string, needle: string, from: number): number {
  const first = needle[0]!;
  for (let i = text.indexOf(first, from); i >= 0; i = text.indexOf(first, i + 1)) {
    if (i + needle.length > text.length) return -1;
    let j = 1;
    for (; j < needle.length; j++) {
      let c = text.charCodeAt(i + j);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== needle.charCodeAt(j)) break;
    }
    if (j === needle.length) return i;
  }
  return -1;
}

/**
 * How much of a page htmlTitle reads: the `<title>` of a real page sits in its `<head>`, in the first few KB, and
 * camera login pages are under 64 KiB whole.
 */
const MAX_TITLE_SCAN = 64 * 1024;

/**
 * The page's `<title>`, whitespace collapsed and simple entities decoded; null when there is none.
 *
 * Finds what `/<title[^>]*>([\s\S]{0,600}?)<\/title>/i` finds (the first `<title…>` whose `</title>` follows within
 * 600 characters), in linear time: the regex rescanned to the next `>` from every `<title`, quadratic on a page of
 * `<title<title<title…` (0.5 s for 64 KiB). Here every `<title` before the same `>` shares one outcome, so the
 * scan resumes after that `>`, and the next `</title>` is searched for once and reused while it lies ahead.
 */
export function htmlTitle(html: string): string | null {
  const text = String(html ?? '').slice(0, MAX_TITLE_SCAN);
  let from = 0;
  let close = -2; // the first `</title>` at or after the current content start; -2: not searched yet
  for (;;) {
    const open = indexOfAsciiCi(text, '<title', from);
    if (open < 0) return null;
    const gt = text.indexOf('>', open + 6);
    if (gt < 0) return null;
    const start = gt + 1;
    if (close !== -1 && close < start) close = indexOfAsciiCi(text, '</title>', start);
    if (close < 0) return null;
    if (close - start <= 600) return cleanTitle(text.slice(start, close));
    from = start;
  }
}

function cleanTitle(raw: string): string | null {
  const t = raw
    .replace(/&(#\d{1,6}|#x[0-9a-f]{1,5}|[a-z]{2,6});/gi, (all, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[e.toLowerCase()] ?? all;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return t ? t.slice(0, 200) : null;
}

export interface ProductGuess {
  vendor: string | null;
  product: string | null;
  /** What kind of thing the header usually belongs to. */
  device: 'camera' | 'recorder' | 'router' | 'media-server' | 'web-server' | 'other' | null;
}

interface ServerRule {
  test: RegExp;
  vendor: string | null;
  product?: string | ((m: RegExpExecArray) => string);
  device: ProductGuess['device'];
}

// Our own fingerprints for Server headers of cameras, recorders and the routers in front of them. Written from
// vendor documentation and the lab simulators; the shared recog-derived corpora are only the test set
// (tests/unit/ports/banner-corpus.test.ts), not copied here.
const SERVER_RULES: ServerRule[] = [
  // Cameras and recorders
  {
    test: /\b(Hikvision|DVRDVS|DNVRS)-Webs\b/i,
    vendor: 'Hikvision',
    product: (m) => `${m[1]}-Webs`,
    device: 'recorder',
  },
  { test: /^App-webs\/?/i, vendor: 'Hikvision', product: 'App-webs', device: 'recorder' },
  { test: /\bHikvision\b/i, vendor: 'Hikvision', device: 'camera' },
  { test: /^Dahua\b|\bDahua (Rtsp|Device|Camera)/i, vendor: 'Dahua', device: 'camera' },
  { test: /\bReolink\b/i, vendor: 'Reolink', device: 'camera' },
  { test: /^Hipcam\b/i, vendor: 'Hipcam', product: 'Hipcam RealServer', device: 'camera' },
  { test: /^HiIpcam\//i, vendor: 'Foscam', product: 'HiIpcam', device: 'camera' },
  { test: /^AvigilonOnvifNvt\/([\w.]+)/i, vendor: 'Avigilon', product: (m) => `ONVIF NVT ${m[1]}`, device: 'camera' },
  { test: /_nl-xarina\b.*Ze-PRO/i, vendor: 'Sony', device: 'camera' },
  { test: /^Indigo-Security\//i, vendor: 'Indigo Security', device: 'camera' },
  { test: /^ReeCam IP Camera/i, vendor: 'Shenzhen Reecam Tech. Ltd.', product: 'ReeCam', device: 'camera' },
  { test: /^Netwave IP Camera/i, vendor: 'Netwave', device: 'camera' },
  { test: /^PDR-M(\d+)\//i, vendor: 'Merit LILIN', product: (m) => `PDR M${m[1]}`, device: 'recorder' },
  { test: /^VCS-VIDOS-NVR/i, vendor: 'Bosch', product: 'VIDOS NVR', device: 'recorder' },
  { test: /^FUHO-DVR/i, vendor: 'FUHO', device: 'recorder' },
  { test: /^HeiTel GmbH Web Server/i, vendor: 'HeiTel', device: 'recorder' },
  { test: /^AV-TECH (\w+) Video Web Server/i, vendor: 'AV Tech', product: (m) => m[1]!, device: 'recorder' },
  { test: /^tivo-httpd/i, vendor: 'Tivo', device: 'recorder' },
  { test: /^MWS 0\.0\d/i, vendor: 'ANNKE', product: 'IP Camera', device: 'camera' },
  { test: /^ev-compat$/i, vendor: 'Pelco', device: 'camera' },
  { test: /-axis\d*,.*Portable SDK for UPnP/i, vendor: 'AXIS', device: 'camera' },
  { test: /\bAXIS\b/i, vendor: 'AXIS', device: 'camera' },
  { test: /-Mozart-\w+,.*Portable SDK for UPnP/i, vendor: 'Steinsvik', product: 'Orbit IP Camera', device: 'camera' },
  { test: /_eureka_\d.*Portable SDK for UPnP/i, vendor: 'Siqura', device: 'camera' },
  { test: /^IPCamera Login$|^camera$|^Mini Dome IP Camera$/i, vendor: null, product: 'IP camera', device: 'camera' },
  { test: /^Cross Web Server/i, vendor: null, product: 'Cross Web Server', device: 'recorder' },
  { test: /^OpenTV\//i, vendor: null, product: 'OpenTV', device: 'recorder' },
  { test: /^Boa\/([\w.]+)/i, vendor: null, product: (m) => `Boa ${m[1]}`, device: 'camera' },
  { test: /^Webs$|^GoAhead-Webs/i, vendor: null, product: 'GoAhead Webs', device: 'camera' },
  // Media servers
  { test: /^GStreamer RTSP server/i, vendor: null, product: 'GStreamer RTSP Server', device: 'media-server' },
  { test: /^Wowza/i, vendor: 'Wowza Media Systems', device: 'media-server' },
  { test: /^WMServer\//i, vendor: 'Microsoft', product: 'Windows Media Server', device: 'media-server' },
  { test: /^Flussonic\b/i, vendor: 'Flussonic', device: 'media-server' },
  // Routers and gateways (the device in front of the NVR)
  { test: /\bminiupnpd\/([\w.]+)/i, vendor: null, product: (m) => `MiniUPnPd ${m[1]}`, device: 'router' },
  { test: /\bTP-LINK\b/i, vendor: 'TP-LINK', device: 'router' },
  { test: /\bD-Link\b|\bDIR-\d+/i, vendor: 'D-Link', device: 'router' },
  { test: /\bAVM\b|FRITZ!Box/i, vendor: 'AVM', device: 'router' },
  { test: /\bHuawei\b|ATP-IGD/i, vendor: 'Huawei', device: 'router' },
  { test: /\bNetgear\b/i, vendor: 'Netgear', device: 'router' },
  { test: /\bOpenWRT\b/i, vendor: null, product: 'OpenWrt', device: 'router' },
  { test: /\bMikroTik\b/i, vendor: 'MikroTik', device: 'router' },
  { test: /\bDrayTek\b/i, vendor: 'DrayTek', device: 'router' },
  // Plain web servers
  { test: /^nginx\b/i, vendor: null, product: 'nginx', device: 'web-server' },
  { test: /^lighttpd\b/i, vendor: null, product: 'lighttpd', device: 'web-server' },
  { test: /^Apache\b/i, vendor: null, product: 'Apache httpd', device: 'web-server' },
  { test: /^thttpd\b|^mini_httpd\b|^uhttpd\b/i, vendor: null, device: 'web-server' },
  { test: /^Microsoft-IIS\//i, vendor: 'Microsoft', product: 'IIS', device: 'web-server' },
];

/**
 * What a `Server:` header (HTTP, RTSP or SSDP) says about the device. Never throws; unknown → all null. Real
 * Server values are under 200 characters; the 512 cut also bounds the rules with `.*` in the middle (at most
 * 512² steps each, well under a millisecond).
 */
export function classifyServerHeader(value: string): ProductGuess {
  const v = String(value ?? '')
    .slice(0, 512)
    .trim();
  if (!v) return { vendor: null, product: null, device: null };
  for (const rule of SERVER_RULES) {
    const m = rule.test.exec(v);
    if (!m) continue;
    const product =
      typeof rule.product === 'function' ? rule.product(m) : (rule.product ?? (rule.vendor ? null : v.slice(0, 80)));
    return { vendor: rule.vendor, product, device: rule.device };
  }
  return { vendor: null, product: v.slice(0, 80), device: null };
}

export interface LoginFingerprint {
  vendor: string | null;
  /** The page is a login form (user + password fields). */
  loginForm: boolean;
  evidence: string[];
}

const LOGIN_RULES: { test: RegExp; vendor: string; what: string }[] = [
  {
    test: /\/doc\/page\/login\.asp|class="[^"]*hikvision|hikvision login|webComponents|\/ISAPI\//i,
    vendor: 'Hikvision',
    what: 'Hikvision web login',
  },
  {
    test: /\bWEB SERVICE\b|\/RPC2_Login|dahua-login|class="[^"]*dahua|magicBox\.cgi/i,
    vendor: 'Dahua',
    what: 'Dahua web login',
  },
  {
    test: /<title>\s*Reolink\b|reolink-login|class="[^"]*reolink|\/cgi-bin\/api\.cgi/i,
    vendor: 'Reolink',
    what: 'Reolink web login',
  },
];

/** Attribute tails looked for inside an `<input …>` tag (global: searched forward from a `lastIndex`). */
const PASSWORD_TYPE = /type\s*=\s*["']?password/gi;
const USER_NAME = /name\s*=\s*["']?(?:user|username|login|usr|account)/gi;

/**
 * Whether some `<input` tag has `attribute` inside it, i.e. what `/<input[^>]+ATTRIBUTE/i` tells, in linear time.
 * The regex rescanned from every `<input` to the next `>` (or the end), quadratic on `<input<input<input…` (0.7 s
 * for 64 KiB, 2.6 s for 128 KiB). Here, for each `<input` at p with the first `>` after it at q, the question is
 * whether the first match of `attribute` at or after p + 7 starts before q; every `<input` before the same q has
 * the same answer (so the scan resumes after q), and a match found beyond q is kept for the next tags.
 */
function inputTagHas(page: string, attribute: RegExp): boolean {
  let from = 0;
  let match = -1; // start of the first attribute match at or after the last search position
  for (;;) {
    const p = indexOfAsciiCi(page, '<input', from);
    if (p < 0) return false;
    const gt = page.indexOf('>', p + 6);
    const q = gt < 0 ? page.length : gt;
    if (match < p + 7) {
      attribute.lastIndex = p + 7;
      const m = attribute.exec(page);
      if (!m) return false;
      match = m.index;
    }
    if (match < q) return true;
    if (gt < 0) return false;
    from = gt + 1;
  }
}

/**
 * How much of a page the login fingerprint reads: camera login pages are under 64 KiB (their scripts come in
 * separate files), so 128 KiB holds the whole form with room to spare. The title (htmlTitle's, ≤ 200 characters)
 * and the Location header (≤ 1 KiB from parseHeadReply; Node's HTTP parser caps all headers at 16 KiB) are cut too.
 */
const MAX_LOGIN_SCAN = 128 * 1024;

/** Login-page fingerprints (Hikvision, Dahua, Reolink, generic camera login) from the page and its headers. */
export function fingerprintLoginPage(
  html: string,
  headers: Record<string, string> = {},
  title?: string | null,
): LoginFingerprint {
  const page = String(html ?? '').slice(0, MAX_LOGIN_SCAN);
  const shortTitle = title ? String(title).slice(0, 1024) : title;
  const evidence: string[] = [];
  let vendor: string | null = null;
  // Linear: each alternative starts with a literal, and a `class="[^"]*…` run ends at the next quote, where the
  // next `class="` can start at the earliest, so no two attempts scan the same run.
  for (const rule of LOGIN_RULES)
    if (rule.test.test(page)) {
      vendor = rule.vendor;
      evidence.push(rule.what);
      break;
    }
  const location = String(headers['location'] ?? '').slice(0, 16 * 1024);
  if (!vendor && /\/doc\/page\/login\.asp/i.test(location)) {
    vendor = 'Hikvision';
    evidence.push('redirect to /doc/page/login.asp');
  }
  const password = inputTagHas(page, PASSWORD_TYPE);
  const user = inputTagHas(page, USER_NAME);
  const loginWords = /\b(log ?in|sign ?in|anmelden|connexion)\b/i.test(`${shortTitle ?? ''} ${page.slice(0, 8192)}`);
  const loginForm = password && (user || loginWords);
  if (loginForm) evidence.push('login form (user name and password fields)');
  else if (shortTitle && /\b(ip ?camera|nvr|dvr|network video)\b/i.test(shortTitle) && loginWords)
    evidence.push(`camera login title "${shortTitle}"`);
  return { vendor, loginForm: loginForm || (!!shortTitle && /\blogin\b/i.test(shortTitle)), evidence };
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

/** Which SDK protocol a binary reply belongs to, by the shape of its header (see the hellos above). */
export function classifySdkReply(bytes: Uint8Array): SdkVendor | null {
  const b = Buffer.from(bytes.subarray(0, 64));
  if (b.length >= 20 && b.readUInt32LE(0) === 0x0abcdef0) return 'reolink';
  if (b.length >= 32 && (b[0]! & 0xf0) === 0xb0) return 'dahua';
  if (b.length >= 8 && b.readUInt32BE(0) >= 8 && b.readUInt32BE(0) <= 0x100000 && b[0] === 0 && b[1] === 0)
    return 'hikvision';
  return null;
}

export interface TextBanner {
  service: 'ssh' | 'ftp' | 'telnet' | 'smtp';
  product: string | null;
  vendor: string | null;
  line: string;
}

/**
 * Server-first banners: SSH identification string, FTP/SMTP greetings, telnet option negotiation. A greeting is
 * one line (SSH: at most 255 bytes by RFC 4253), so the first 4 KiB are plenty.
 */
export function classifyTextBanner(bytes: Uint8Array): TextBanner | null {
  const b = Buffer.from(bytes.subarray(0, 4096));
  if (b.length === 0) return null;
  if (b[0] === 0xff && b.length >= 3 && b[1]! >= 0xfb && b[1]! <= 0xfe) {
    const text = b
      .toString('latin1')
      .replace(/\xff[\xfb-\xfe][\s\S]|\xff[\s\S]/g, '')
      .replace(/[^\x20-\x7e\n]/g, '')
      .trim();
    return { service: 'telnet', product: null, vendor: null, line: text.split('\n', 1)[0]?.slice(0, 120) ?? '' };
  }
  const text = b.toString('latin1');
  const first = (text.split(/\r?\n/, 1)[0] ?? '').replace(/[^\x20-\x7e]/g, '').slice(0, 200);
  const ssh = /^SSH-(\d\.\d+)-(\S+)/.exec(first);
  if (ssh) {
    const sw = ssh[2]!;
    return { service: 'ssh', product: sw.replace(/_/g, ' '), vendor: null, line: first };
  }
  if (/^220[ -]/.test(first)) {
    const smtp = /E?SMTP|Postfix|Exim|Sendmail/i.test(first);
    const product = /vsFTPd|ProFTPD|Pure-FTPd|FileZilla|BusyBox|Microsoft FTP/i.exec(first)?.[0] ?? null;
    return { service: smtp ? 'smtp' : 'ftp', product, vendor: null, line: first };
  }
  if (/(login|username|user name|password)\s*:\s*$/i.test(text.trim().slice(-40)))
    return { service: 'telnet', product: null, vendor: null, line: first };
  return null;
}

/** RTSP facts from an OPTIONS or DESCRIBE reply. */
export function readRtspReply(bytes: Uint8Array): {
  status: number;
  server: string | null;
  authRequired: boolean;
  authScheme: string | null;
  sdp: boolean;
  methods: string[];
} | null {
  const r = parseHeadReply(bytes);
  if (!r || r.protocol !== 'RTSP') return null;
  const auth = r.headers['www-authenticate'] ?? null;
  return {
    status: r.status,
    server: r.headers['server'] ?? null,
    authRequired: r.status === 401,
    authScheme: auth ? (auth.split(/\s/, 1)[0] ?? null) : null,
    sdp: r.status === 200 && (/application\/sdp/i.test(r.headers['content-type'] ?? '') || /^v=0/m.test(r.body)),
    methods: (r.headers['public'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 20),
  };
}

/** Whether an HTTP reply is an ONVIF device service answering GetSystemDateAndTime (or a SOAP fault). */
export function readOnvifReply(bytes: Uint8Array): { onvif: boolean; deviceTime: Date | null; fault: string | null } {
  const r = parseHeadReply(bytes);
  if (!r || r.protocol !== 'HTTP') return { onvif: false, deviceTime: null, fault: null };
  const reply = readSoapReply(r.body);
  if (reply.kind === 'body')
    return reply.body.name === 'GetSystemDateAndTimeResponse'
      ? { onvif: true, deviceTime: readSystemDateAndTime(reply.body), fault: null }
      : { onvif: false, deviceTime: null, fault: null };
  if (reply.kind === 'fault') return { onvif: true, deviceTime: null, fault: reply.subcodes[0] ?? reply.code };
  return { onvif: false, deviceTime: null, fault: null };
}

// ---------------------------------------------------------------------------------------------------------------
// The verdict

const SDK_PRODUCT: Record<SdkVendor, { vendor: string; product: string }> = {
  hikvision: { vendor: 'Hikvision', product: 'Hikvision SDK (server/command port)' },
  dahua: { vendor: 'Dahua', product: 'Dahua DVRIP SDK (TCP port)' },
  reolink: { vendor: 'Reolink', product: 'Reolink Baichuan (media port)' },
};

export interface IdentifyContext {
  now?: Date;
  /** The address we connected to, for the certificate's name check. */
  host?: string;
}

/**
 * The service on `port`, from every exchange identify.ts had with it (in the order they ran). Never throws;
 * a port nothing recognisable came back from is `unknown` with the evidence of what was tried.
 */
export function identifyService(
  port: number,
  exchanges: readonly Exchange[],
  context: IdentifyContext = {},
): ServiceIdentity {
  const id: ServiceIdentity = {
    service: 'unknown',
    product: null,
    vendor: null,
    plainText: true,
    adminUi: false,
    authRequired: null,
    onvif: false,
    tls: null,
    evidence: [],
  };
  const ev = (s: string) => {
    const line = s.slice(0, 200);
    if (id.evidence.length < 20 && !id.evidence.includes(line)) id.evidence.push(line);
  };
  const take = (g: ProductGuess, why: string) => {
    if (g.vendor && !id.vendor) id.vendor = g.vendor;
    if (g.product && !id.product) id.product = g.product;
    if (g.vendor || g.product) ev(why);
  };
  let web: HeadReply | null = null;
  let webTls = false;

  for (const x of exchanges) {
    if (x.outcome !== 'ok') {
      if (x.probe === 'https' && x.outcome === 'tls-failed') ev('no TLS handshake');
      continue;
    }
    const reply = x.reply;
    if (x.certificate) {
      id.tls = classifyCertificate(x.certificate, context.now ?? new Date(), context.host);
      ev(
        `TLS certificate ${id.tls.selfSigned ? 'self-signed' : id.tls.trusted ? 'trusted' : 'not trusted'}` +
          `${id.tls.expired ? ', expired' : ''} (${id.tls.subject || 'no subject'})`,
      );
    }
    switch (x.probe) {
      case 'banner': {
        const b = classifyTextBanner(reply);
        if (b) {
          id.service = b.service;
          id.product = b.product;
          id.plainText = b.service !== 'ssh';
          id.adminUi = true;
          id.authRequired = true;
          ev(`${b.service.toUpperCase()} banner "${b.line.slice(0, 80)}"`);
        } else if (reply.length > 0) ev(`sent ${reply.length} byte(s) unprompted`);
        break;
      }
      case 'http':
      case 'https': {
        const r = parseHeadReply(reply);
        if (r?.protocol === 'HTTP') {
          web ??= r;
          webTls ||= x.probe === 'https';
        } else if (reply.length > 0) {
          const sdk = classifySdkReply(reply);
          if (sdk && id.service === 'unknown') setSdk(sdk, 'answered an HTTP request with a binary header');
        }
        break;
      }
      case 'onvif': {
        const o = readOnvifReply(reply);
        if (o.onvif) {
          id.onvif = true;
          ev(o.fault ? `ONVIF fault ${o.fault}` : 'ONVIF GetSystemDateAndTime answered without login');
        }
        const r = parseHeadReply(reply);
        if (r?.headers['server']) take(classifyServerHeader(r.headers['server']), `Server: ${r.headers['server']}`);
        break;
      }
      case 'rtsp-options':
      case 'rtsp-describe': {
        const r = readRtspReply(reply);
        if (!r) {
          const sdk = classifySdkReply(reply);
          if (sdk && id.service === 'unknown') setSdk(sdk, 'answered an RTSP request with a binary header');
          break;
        }
        id.service = 'rtsp';
        id.plainText = id.tls === null;
        if (r.server) take(classifyServerHeader(r.server), `RTSP Server: ${r.server}`);
        if (x.probe === 'rtsp-describe' || r.authRequired) {
          if (r.authRequired) {
            id.authRequired = true;
            ev(
              `RTSP ${x.probe === 'rtsp-describe' ? 'DESCRIBE' : 'OPTIONS'} → 401 (${r.authScheme ?? 'auth'} required)`,
            );
          } else if (r.sdp) {
            id.authRequired = false;
            ev('RTSP DESCRIBE answered with SDP without login: the stream is open');
          } else ev(`RTSP ${x.probe === 'rtsp-describe' ? 'DESCRIBE' : 'OPTIONS'} → ${r.status}`);
        } else ev(`RTSP OPTIONS → ${r.status}`);
        break;
      }
      case 'sdk-hikvision':
      case 'sdk-dahua':
      case 'sdk-reolink': {
        const sdk = classifySdkReply(reply);
        if (sdk) setSdk(sdk, `answered the ${x.probe.slice(4)} hello`);
        else if (reply.length > 0 && id.service === 'unknown') {
          const r = parseHeadReply(reply);
          if (r?.protocol === 'HTTP') web ??= r;
        }
        break;
      }
    }
  }

  function setSdk(vendor: SdkVendor, why: string) {
    id.service = 'sdk';
    id.vendor = SDK_PRODUCT[vendor].vendor;
    id.product = SDK_PRODUCT[vendor].product;
    id.plainText = true;
    id.adminUi = true;
    id.authRequired = true;
    ev(`${SDK_PRODUCT[vendor].vendor} SDK header: ${why}`);
  }

  if (web && (id.service === 'unknown' || id.service === 'tls')) {
    const title = htmlTitle(web.body);
    const server = web.headers['server'] ?? null;
    const login = fingerprintLoginPage(web.body, web.headers, title);
    const uiStatus = web.status < 400 || web.status === 401 || web.status === 403;
    if (id.onvif && !uiStatus) {
      id.service = 'onvif';
      ev(`GET / → ${web.status}: ONVIF only, no web UI`);
    } else {
      id.service = webTls ? 'https' : 'http';
      id.adminUi = uiStatus;
      ev(`${webTls ? 'HTTPS' : 'HTTP'} ${web.status}${title ? ` "${title}"` : ''}`);
    }
    if (server) take(classifyServerHeader(server), `Server: ${server}`);
    if (login.vendor) id.vendor = login.vendor;
    for (const e of login.evidence.slice(0, 3)) ev(e);
    if (web.status === 401) {
      id.authRequired = true;
      ev(`GET / → 401 (${(web.headers['www-authenticate'] ?? 'auth').split(/\s/, 1)[0]})`);
    } else if (
      login.loginForm ||
      (web.status >= 300 && web.status < 400 && /login/i.test(web.headers['location'] ?? ''))
    )
      id.authRequired = true;
    id.plainText = !webTls;
  } else if (id.service === 'unknown' && id.onvif) {
    id.service = 'onvif';
  }
  if (id.service === 'unknown' && id.tls) {
    id.service = 'tls';
    id.plainText = false;
  }
  if (id.service === 'unknown') {
    ev(`nothing recognisable on port ${port}`);
    id.plainText = false;
  }
  if (id.tls && (id.service === 'https' || id.service === 'tls' || id.service === 'rtsp')) id.plainText = false;
  return id;
}

/**
 * Which probes to run against `port`, in order (identify.ts stops once a probe gives a verdict; `onvif` is added
 * after any plain HTTP answer). Known ports go straight to their protocol; other ports first listen for a
 * banner, then try HTTP, TLS and RTSP.
 */
export function probePlan(port: number): ProbeName[] {
  switch (port) {
    case 21:
    case 22:
    case 23:
    case 25:
    case 2323:
    case 9530:
      return ['banner', 'http'];
    case 443:
    case 8443:
    case 7441:
    case 7443:
    case 5001:
    case 4443:
    case 9443:
      return ['https', 'http'];
    case 80:
    case 81:
    case 85:
    case 88:
    case 2020:
    case 5000:
    case 7080:
    case 8080:
    case 8081:
    case 8082:
    case 8899:
      return ['http', 'https', 'rtsp-options'];
    case 554:
    case 8554:
    case 7447:
    case 10554:
      return ['rtsp-options', 'rtsp-describe'];
    case 8000:
      return ['http', 'sdk-hikvision'];
    case 37777:
      return ['sdk-dahua', 'sdk-hikvision', 'sdk-reolink'];
    case 9000:
      return ['sdk-reolink', 'http'];
    default:
      return ['banner', 'http', 'https', 'rtsp-options', 'sdk-hikvision'];
  }
}
