// What a web page says about the device behind it: its `<title>`, a vendor login page, and the `Server:` header
// (HTTP, RTSP or SSDP). Pure and linear in the page: every scan is capped and no regex rescans from every
// candidate tag.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

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
  // The first `</title>` at or after the current content start; 0 before the first search (every start is after
  // it). When there is none (-1), there is none after a later start either: the scan ends there.
  let close = 0;
  for (;;) {
    const open = indexOfAsciiCi(text, '<title', from);
    if (open < 0) return null;
    const gt = text.indexOf('>', open + 6);
    if (gt < 0) return null;
    const start = gt + 1;
    if (close < start) close = indexOfAsciiCi(text, '</title>', start);
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
// (tests/unit/protocol/banners-corpus.test.ts), not copied here.
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
 * for 64 KiB, 2.6 s for 128 KiB). Here, for each `<input` at p with the first `>` after it at q (or the page's end),
 * the question is whether the first match of `attribute` at or after p + 7 starts before q; every `<input` before
 * the same q has the same answer (so the scan resumes after q), and a match found beyond q is kept for the next tags.
 */
function inputTagHas(page: string, attribute: RegExp): boolean {
  let from = 0;
  let match = -1; // start of the first attribute match at or after the last search position
  for (;;) {
    const p = indexOfAsciiCi(page, '<input', from);
    if (p < 0) return false;
    if (match < p + 7) {
      attribute.lastIndex = p + 7;
      const m = attribute.exec(page);
      if (!m) return false;
      match = m.index;
    }
    // A tag without a `>` runs to the end of the page, so the match found in it lies inside it.
    const gt = page.indexOf('>', p + 6);
    if (gt < 0 || match < gt) return true;
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
