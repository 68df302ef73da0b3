// The rogue host's hostile payload shapes (pure: strings and buffers in, no I/O), for rogue.mjs and
// rogue-servers.mjs, and for tests that want the ports and the texts (types in rogue-shapes.d.mts).
//
// What each shape attacks in a device-message parser:
// - namespace explosion: a root declaring thousands of prefixes, then thousands of elements. A reader that copies
//   the in-scope prefix map into every element does (declarations × elements) work and memory.
// - attribute flood: one element with thousands of distinct attributes. A duplicate check that compares each
//   attribute with every earlier one is quadratic.
// - deep nesting: 10 000 open elements (a recursive reader or tree walker runs out of stack).
// - long end tag: a 5 KB end-tag name full of terminal escapes (an error message that quotes it copies it all).
// - terminal escapes: device text with ESC [2J (clear screen), ESC ] 0;…BEL (set the terminal title), the C1 CSI
//   U+009B and the bidi override U+202E, as a well-formed message (so the device is listed) and as raw bytes.
import { NS, envelope, dateTimeXml } from './soap.mjs';

/** The rogue's own TCP services (on 192.168.50.250, topology ROGUE.ip). Port 80 stays the tarpit. */
export const ROGUE_PORTS = {
  /** ONVIF device service whose GetDeviceInformation carries terminal escapes (the Manufacturer). */
  onvifEscapes: 8899,
  /** The same, with only characters XML 1.0 allows (C1 controls and U+202E as character references). */
  onvifEscapesLegal: 8898,
  /** ONVIF: every reply, the clock included, is a 512 KB namespace explosion. */
  onvifNsBomb: 8000,
  /** ONVIF: the clock is answered normally; every other reply is a 512 KB namespace explosion. */
  onvifNsBombLate: 8001,
  /** ONVIF: the clock is answered normally; every other reply carries 50 000 attributes (~400 KB). */
  onvifAttrFlood: 8002,
  /** ONVIF: the clock is answered normally; every other reply nests 35 × 120 namespace declarations. */
  onvifNsBombNested: 8003,
  /** UPnP descriptions (the rogue's SSDP answers point here). */
  upnp: 49152,
  /** HTTP page of 128 KB of `<input` and `<title` repeats, Server header with escapes. */
  banner: 8080,
  /** A telnet-like greeting with escapes. */
  telnet: 23,
};

/** The hostile text, decoded: what must never reach a terminal or a page unsanitised. */
export const HOSTILE_TEXT = '\x1b[2J\x1b]0;PWNED\x07EvilCorp\u202e\u009b31m';

/** The same text as ONVIF scope path segments carry it (percent-encoded UTF-8): well-formed XML, valid URI. */
export const HOSTILE_SCOPE = encodeURIComponent(HOSTILE_TEXT);

/** The Manufacturer, as character references (ESC and BEL are not XML 1.0 characters at all). */
export const HOSTILE_CHARREFS = '&#x1b;[2J&#x1b;]0;PWNED&#x7;EvilCorp&#x202e;';

/** Only what XML 1.0 allows: C1 CSI/OSC/ST and the bidi override as character references. */
export const HOSTILE_LEGAL = '&#x9b;2J&#x9d;0;PWNED&#x9c;EvilCorp&#x202e;';

/**
 * Appended after the root element of the heavy shapes that the lab's own simulators also receive (multicast
 * Hello) or that the lab's probe tool parses: the simulators' XML reader (xml.mjs) refuses any text containing
 * "<!ENTITY" before parsing, so they skip these datagrams in microseconds instead of seconds. A comment after the
 * root is well-formed XML; a reader that parses in order meets it only after the whole hostile document.
 */
export const SIM_SHIELD = '<!-- rogue: <!ENTITY> here only makes the lab simulators skip this message unparsed -->';

const cache = new Map();
const memo = (key, make) => {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key);
};

/** ` xmlns:p0="" xmlns:p1="" …` (or `="urn:p<i>"`) up to `bytes` bytes. */
export function nsDeclarations(bytes, withUri = false) {
  return memo(`ns:${bytes}:${withUri}`, () => {
    const parts = [];
    let n = 0;
    for (let i = 0; ; i++) {
      const d = withUri ? ` xmlns:p${i}="urn:p${i}"` : ` xmlns:p${i}=""`;
      if (n + d.length > bytes) break;
      parts.push(d);
      n += d.length;
    }
    return parts.join('');
  });
}

/** ` a0="" a1="" …` (base-36 names, all distinct): exactly `count` attributes, or as many as fit in `bytes`. */
export function attributes({ count = Infinity, bytes = Infinity }) {
  return memo(`attrs:${count}:${bytes}`, () => {
    const parts = [];
    let n = 0;
    for (let i = 0; i < count; i++) {
      const a = ` a${i.toString(36)}=""`;
      if (n + a.length > bytes) break;
      parts.push(a);
      n += a.length;
    }
    return parts.join('');
  });
}

/** Inserts attributes into the first start tag whose name is `tag` (before its closing `>`). */
export function addToStartTag(xml, tag, attrs) {
  const at = xml.indexOf(`<${tag}`);
  const gt = xml.indexOf('>', at);
  if (at === -1 || gt === -1) throw new Error(`no <${tag}> in the template`);
  const end = xml[gt - 1] === '/' ? gt - 1 : gt;
  return xml.slice(0, end) + attrs + xml.slice(end);
}

/** Inserts text right after the first start tag named `tag`. */
export function insideStartOf(xml, tag, content) {
  const at = xml.indexOf(`<${tag}`);
  const gt = xml.indexOf('>', at);
  if (at === -1 || gt === -1) throw new Error(`no <${tag}> in the template`);
  return xml.slice(0, gt + 1) + content + xml.slice(gt + 1);
}

const bytesOf = (s) => Buffer.byteLength(s);

/**
 * A namespace explosion built on a well-formed template: `declsOn` gets the declarations, `elementsIn` the
 * `<a/>` run; `share` of the free bytes go to declarations. Fills the message to `size` bytes (trailer included)
 * and keeps the element count under `maxElements`.
 */
export function namespaceExplosion(template, { size, declsOn, elementsIn, share = 0.5, maxElements = Infinity, withUri = false, trailer = '' }) {
  const free = size - bytesOf(template) - bytesOf(trailer);
  if (free <= 0) throw new Error('template larger than the target size');
  let elements = Math.min(maxElements, Math.floor((free * (1 - share)) / 4));
  const decls = nsDeclarations(free - elements * 4, withUri);
  elements = Math.min(maxElements, Math.floor((free - bytesOf(decls)) / 4));
  const xml = insideStartOf(addToStartTag(template, declsOn, decls), elementsIn, '<a/>'.repeat(elements));
  return xml + trailer;
}

/**
 * The same explosion spread over `levels` nested `<n>` elements of `perLevel` declarations each (under a
 * per-element attribute cap), with the `<a/>` run at the deepest level, inside the first `<inTag>`; fills `size`.
 */
export function nestedNamespaceExplosion(template, { inTag, levels, perLevel = 120, size, maxElements = Infinity, trailer = '' }) {
  let open = '';
  let close = '';
  for (let l = 0, i = 0; l < levels; l++) {
    let decls = '';
    for (let k = 0; k < perLevel; k++, i++) decls += ` xmlns:q${i}=""`;
    open += `<n${decls}>`;
    close += '</n>';
  }
  const free = size - bytesOf(template) - bytesOf(open) - bytesOf(close) - bytesOf(trailer);
  if (free <= 0) throw new Error('nesting larger than the target size');
  const elements = Math.min(maxElements, Math.floor(free / 4));
  return insideStartOf(template, inTag, open + '<a/>'.repeat(elements) + close) + trailer;
}

/** An attribute flood on the first `<tag>` of the template, filling to `size` bytes or `count` attributes. */
export function attributeFlood(template, { size = Infinity, count = Infinity, on, trailer = '' }) {
  const room = size === Infinity ? Infinity : size - bytesOf(template) - bytesOf(trailer);
  return addToStartTag(template, on, attributes({ count, bytes: room })) + trailer;
}

/** 10 000 nested `<a>` inside the first `<tag>`, closed as far as `size` allows (a datagram cannot hold them all). */
export function deepNesting(template, { tag, depth = 10_000, size }) {
  const cut = template.indexOf('>', template.indexOf(`<${tag}`)) + 1;
  const head = template.slice(0, cut) + '<a>'.repeat(depth);
  const closes = Math.max(0, Math.min(depth, Math.floor((size - bytesOf(head)) / 4)));
  return head + '</a>'.repeat(closes);
}

/** The template with its last end tag replaced by a ~5 KB one full of terminal escapes. */
export function longEndTag(template, { bytes = 5 * 1024 } = {}) {
  const unit = '\x1b[2J\x1b]0;PWNED\x07';
  const i = template.lastIndexOf('</');
  const name = template.slice(i + 2, template.indexOf('>', i));
  const junk = unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
  return `${template.slice(0, i)}</${name}${junk}>`;
}

// ---- ONVIF replies ----

export function onvifClockBody(now = new Date()) {
  return (
    `<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>Manual</tt:DateTimeType>` +
    `<tt:DaylightSavings>false</tt:DaylightSavings><tt:TimeZone><tt:TZ>UTC0</tt:TZ></tt:TimeZone>` +
    `<tt:UTCDateTime>${dateTimeXml(now)}</tt:UTCDateTime><tt:LocalDateTime>${dateTimeXml(now)}</tt:LocalDateTime>` +
    `</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>`
  );
}

/** GetDeviceInformation with hostile text; `legal`: only characters XML 1.0 allows. Values are raw XML. */
export function onvifDeviceInfoBody({ legal = false } = {}) {
  const f = legal
    ? { manufacturer: HOSTILE_LEGAL, model: 'EvilCam&#x9b;31m&#x202e;4pm.exe', firmware: 'V6&#x85;6&#x9b;8m', serial: 'SN&#x202e;666', hw: 'HW&#x9d;0;x&#x9c;' }
    : { manufacturer: HOSTILE_CHARREFS, model: 'EvilCam&#x9b;31m&#x202e;4pm.exe', firmware: '\x1b[31mV6.6.6\x07', serial: 'SN&#x1b;[8m666', hw: 'HW\u202e\x1b]0;PWNED\x07' };
  return (
    `<tds:GetDeviceInformationResponse><tds:Manufacturer>${f.manufacturer}</tds:Manufacturer><tds:Model>${f.model}</tds:Model>` +
    `<tds:FirmwareVersion>${f.firmware}</tds:FirmwareVersion><tds:SerialNumber>${f.serial}</tds:SerialNumber>` +
    `<tds:HardwareId>${f.hw}</tds:HardwareId></tds:GetDeviceInformationResponse>`
  );
}

const ONVIF_MAX = 512 * 1024; // the size the issue measured; the app's reply cap was 512 KiB

/** A SOAP reply of ~512 KB: the body is a normal answer, the envelope a namespace explosion. */
export function onvifNsBomb(body = '<tds:GetDeviceInformationResponse><tds:Manufacturer>Rogue</tds:Manufacturer><tds:Model>NS</tds:Model><tds:FirmwareVersion>1</tds:FirmwareVersion><tds:SerialNumber>NS1</tds:SerialNumber><tds:HardwareId>1</tds:HardwareId></tds:GetDeviceInformationResponse>') {
  const template = envelope(`${body}`).replace('<env:Body>', '<env:Header></env:Header><env:Body>');
  return namespaceExplosion(template, { size: ONVIF_MAX - 256, declsOn: 'env:Envelope', elementsIn: 'env:Header', share: 0.85, maxElements: 19_000 });
}

/** A SOAP reply with 35 levels of 120 declarations each (4 200 in all) and 19 000 elements below them. */
export function onvifNestedNsBomb() {
  const template = envelope('<tds:GetDeviceInformationResponse><tds:Manufacturer>Rogue</tds:Manufacturer><tds:Model>NSN</tds:Model><tds:FirmwareVersion>1</tds:FirmwareVersion><tds:SerialNumber>NSN1</tds:SerialNumber><tds:HardwareId>1</tds:HardwareId></tds:GetDeviceInformationResponse>').replace('<env:Body>', '<env:Header></env:Header><env:Body>');
  return nestedNamespaceExplosion(template, { inTag: 'env:Header', levels: 35, size: 160 * 1024, maxElements: 19_000 });
}

/** A SOAP reply whose GetDeviceInformationResponse element carries 50 000 attributes (~512 KB). */
export function onvifAttrFlood() {
  const template = envelope('<tds:GetDeviceInformationResponse><tds:Manufacturer>Rogue</tds:Manufacturer><tds:Model>ATTR</tds:Model><tds:FirmwareVersion>1</tds:FirmwareVersion><tds:SerialNumber>AT1</tds:SerialNumber><tds:HardwareId>1</tds:HardwareId></tds:GetDeviceInformationResponse>');
  return attributeFlood(template, { count: 50_000, size: ONVIF_MAX - 256, on: 'tds:GetDeviceInformationResponse' });
}

// ---- UPnP descriptions ----

export function upnpDescriptionXml({ udn, friendlyName, manufacturer, modelName, serial }) {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<root xmlns="urn:schemas-upnp-org:device-1-0"><specVersion><major>1</major><minor>0</minor></specVersion>` +
    `<device><deviceType>urn:schemas-upnp-org:device:Basic:1</deviceType><friendlyName>${friendlyName}</friendlyName>` +
    `<manufacturer>${manufacturer}</manufacturer><modelName>${modelName}</modelName><modelNumber>${modelName}</modelNumber>` +
    `<serialNumber>${serial}</serialNumber><UDN>${udn}</UDN></device></root>`
  );
}

const UPNP_MAX = 128 * 1024; // the size the issue measured; the app's description cap was 128 KiB

export function upnpNsBomb(udn) {
  const t = upnpDescriptionXml({ udn, friendlyName: 'ROGUE ns-explosion', manufacturer: 'Rogue', modelName: 'NSBOMB', serial: 'NS-1' });
  return namespaceExplosion(t, { size: UPNP_MAX - 64, declsOn: 'root', elementsIn: 'device', share: 0.88, maxElements: 3_900 });
}

export function upnpNestedNsBomb(udn) {
  const t = upnpDescriptionXml({ udn, friendlyName: 'ROGUE ns-explosion-nested', manufacturer: 'Rogue', modelName: 'NSNEST', serial: 'NSN-1' });
  return nestedNamespaceExplosion(t, { inTag: 'device', levels: 20, size: UPNP_MAX - 64, maxElements: 3_900 });
}

/** 50 000 attributes (~450 KB: more than the app reads) or, with `size`, as many as fit. */
export function upnpAttrFlood(udn, { size } = {}) {
  const t = upnpDescriptionXml({ udn, friendlyName: 'ROGUE attr-flood', manufacturer: 'Rogue', modelName: 'ATTRS', serial: 'AT-1' });
  return size ? attributeFlood(t, { size, on: 'device' }) : attributeFlood(t, { count: 50_000, on: 'device' });
}

export function upnpEscapes(udn) {
  return upnpDescriptionXml({ udn, friendlyName: `ROGUE ${HOSTILE_LEGAL}`, manufacturer: HOSTILE_CHARREFS, modelName: 'EvilCam&#x9b;31m&#x202e;', serial: 'SN&#x1b;[2J' });
}

// ---- web pages and banners ----

/** `<input<title` repeated to `bytes`: no `>` anywhere, so `<title[^>]*>`-style patterns scan to the end each time. */
export function tagSoupPage(bytes) {
  return memo(`soup:${bytes}`, () => '<input<title'.repeat(Math.ceil(bytes / 12)).slice(0, bytes));
}

/** A raw HTTP response (header bytes as written, escapes included: node:http would refuse them). */
export function rawHttpResponse(body, { server = '\x1b]0;PWNED\x07EvilWebs\x1b[2J', type = 'text/html' } = {}) {
  const b = Buffer.from(body, 'latin1');
  return Buffer.concat([
    Buffer.from(`HTTP/1.1 200 OK\r\nServer: ${server}\r\nContent-Type: ${type}\r\nContent-Length: ${b.length}\r\nConnection: close\r\n\r\n`, 'latin1'),
    b,
  ]);
}

export const TELNET_GREETING = `\x1b[2J\x1b]0;PWNED\x07\r\nEvilCorp\u202e DVR\r\nlogin: `;

export { NS };
