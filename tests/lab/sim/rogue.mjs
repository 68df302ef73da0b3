// The "rogue" host: answers every WS-Discovery probe and SSDP M-SEARCH with hostile replies, announces itself
// with hostile Hellos every few seconds, runs hostile ONVIF, UPnP-description and web services on its own ports
// (rogue-servers.mjs, shapes in rogue-shapes.mjs), and an HTTP tarpit on port 80 (accepts, never answers, drops
// the socket after 60 s).
// Variants (toggle with --rogue-variants a,b,c; default all): see VARIANTS and SERVICE_VARIANTS below.
// Note: Debian's `onvif-util -a` may segfault or hang on these replies (LAB-NOTES), so cross-checks with
// onvif-util must not include this host: send the process SIGUSR1 to silence it for 90 s, SIGUSR2 to resume.
import crypto from 'node:crypto';
import dgram from 'node:dgram';
import net from 'node:net';
import { stableUuid } from './profiles.mjs';
import { NS } from './soap.mjs';
import { parseDiscovery, probeMatchesXml, helloXml, newMessageId, WSD_GROUP, WSD_PORT } from './wsd.mjs';
import { SSDP_GROUP, SSDP_PORT, parseSsdp } from './ssdp.mjs';
import {
  ROGUE_PORTS, HOSTILE_SCOPE, HOSTILE_CHARREFS, SIM_SHIELD, namespaceExplosion, nestedNamespaceExplosion, attributeFlood, deepNesting, longEndTag,
} from './rogue-shapes.mjs';
import { startRogueServers } from './rogue-servers.mjs';
import { log } from './log.mjs';

const WSD2009 = 'http://docs.oasis-open.org/ws-dd/ns/discovery/2009/01';
const WSA2005 = 'http://www.w3.org/2005/08/addressing';
const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';

function base(ip, v, relatesTo, extra = {}) {
  return {
    messageId: newMessageId(), relatesTo, instanceId: 1, messageNumber: 1, epr: `urn:uuid:${stableUuid(`rogue:${v}`)}`,
    scopes: [`onvif://www.onvif.org/name/ROGUE-${v}`, 'onvif://www.onvif.org/hardware/ROGUE', 'onvif://www.onvif.org/type/video_encoder'],
    xaddrs: [`http://${ip}/onvif/device_service`], ...extra,
  };
}

/** Each variant: (ip, relatesTo) → [{ delayMs, payload: Buffer|string, repeat? }] */
export const VARIANTS = {
  malformed: (ip, r) => [{ payload: probeMatchesXml(base(ip, 'malformed', r)).slice(0, 700) + '<wsdd:Types>dn:NetworkVideo</wsdd:Scopes><<>' }],
  oversized: (ip, r) => {
    const pad = Array.from({ length: 1200 }, (_, i) => `onvif://www.onvif.org/location/pad${String(i).padStart(5, '0')}/xxxxxxxxxxxxxxxxxxxx`);
    let xml = probeMatchesXml(base(ip, 'oversized', r, { scopes: pad }));
    while (Buffer.byteLength(xml) > 60 * 1024) { pad.pop(); xml = probeMatchesXml(base(ip, 'oversized', r, { scopes: pad })); }
    return [{ payload: xml }];
  },
  duplicate: (ip, r) => {
    const xml = probeMatchesXml(base(ip, 'duplicate', r));
    return Array.from({ length: 5 }, (_, i) => ({ payload: xml, delayMs: 20 * i }));
  },
  late: (ip, r) => [{ payload: probeMatchesXml(base(ip, 'late', r)), delayMs: 3000 }],
  soap11: (ip, r) => [{ payload: probeMatchesXml(base(ip, 'soap11', r)).replace(NS.env, SOAP11) }],
  wsd2009: (ip, r) => [{ payload: probeMatchesXml(base(ip, 'wsd2009', r)).replace(NS.d, WSD2009).replace(NS.wsa, WSA2005).replace('http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches', `${WSD2009}/ProbeMatches`) }],
  xxe: (ip, r) => [{
    payload: probeMatchesXml(base(ip, 'xxe', r, { scopes: ['onvif://www.onvif.org/name/XXE_PLACEHOLDER'] }))
      .replace('<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE SOAP-ENV:Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')
      .replace('XXE_PLACEHOLDER', '&amp;xxe;').replace('&amp;xxe;', '&xxe;'),
  }],
  'billion-laughs': (ip, r) => {
    const ents = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) ents.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    return [{
      payload: probeMatchesXml(base(ip, 'billion-laughs', r, { scopes: ['onvif://www.onvif.org/name/LOL_PLACEHOLDER'] }))
        .replace('<?xml version="1.0" encoding="UTF-8"?>\n', `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE lolz [${ents.join('')}]>\n`)
        .replace('LOL_PLACEHOLDER', '&lol9;'),
    }];
  },
  offsubnet: (ip, r) => [{ payload: probeMatchesXml(base(ip, 'offsubnet', r, { xaddrs: ['http://10.99.99.99/onvif/device_service'] })) }],
  loopback: (ip, r) => [{ payload: probeMatchesXml(base(ip, 'loopback', r, { xaddrs: ['http://127.0.0.1/onvif/device_service'] })) }],
  linklocal: (ip, r) => [{ payload: probeMatchesXml(base(ip, 'linklocal', r, { xaddrs: ['http://169.254.12.34/onvif/device_service'] })) }],
  'wrong-relates': (ip) => [{ payload: probeMatchesXml(base(ip, 'wrong-relates', newMessageId())) }],
  tarpit: (ip, r) => [{ payload: probeMatchesXml(base(ip, 'tarpit', r)) }],
  // The hostile shapes (rogue-shapes.mjs), each also sent as a multicast Hello (see HELLO_VARIANTS).
  'escapes': (ip, r) => [{ payload: wsdShape('escapes', 'probe', ip, r), first: true }],
  'escapes-raw': (ip, r) => [{ payload: wsdShape('escapes-raw', 'probe', ip, r) }],
  'ns-explosion': (ip, r) => [{ payload: wsdShape('ns-explosion', 'probe', ip, r) }],
  'ns-explosion-uri': (ip, r) => [{ payload: wsdShape('ns-explosion-uri', 'probe', ip, r) }],
  'ns-explosion-nested': (ip, r) => [{ payload: wsdShape('ns-explosion-nested', 'probe', ip, r) }],
  'attr-flood': (ip, r) => [{ payload: wsdShape('attr-flood', 'probe', ip, r) }],
  'deep-nesting': (ip, r) => [{ payload: wsdShape('deep-nesting', 'probe', ip, r) }],
  'long-end-tag': (ip, r) => [{ payload: wsdShape('long-end-tag', 'probe', ip, r) }],
};

/** The variants that are also announced, unsolicited, as multicast Hellos every HELLO_INTERVAL_MS. */
export const HELLO_VARIANTS = ['escapes', 'escapes-raw', 'ns-explosion', 'ns-explosion-uri', 'ns-explosion-nested', 'attr-flood', 'deep-nesting', 'long-end-tag'];
export const HELLO_INTERVAL_MS = 5000;
/** Bursts at most (24 h at one burst per 5 s), then the Hellos stop. */
export const HELLO_MAX_BURSTS = 17_280;
/** Variants that are services rather than discovery answers (rogue-servers.mjs). */
export const SERVICE_VARIANTS = ['hello', 'onvif', 'upnp', 'banner'];
export const DATAGRAM_BYTES = 60 * 1024;
const CHARREF_MARK = 'ROGUE_CHARREFS_HERE';

/**
 * One hostile WS-Discovery message: `kind` 'probe' (a ProbeMatches to relatesTo) or 'hello'. The escape shapes are
 * well-formed (percent-encoded scopes decode to terminal escapes) or carry raw control bytes and character
 * references; their XAddr is the rogue's escape ONVIF service. The heavy shapes get a fresh EndpointReference each
 * time (a hostile device does not help a known-endpoint shortcut) and fill a ~60 KB datagram.
 */
export function wsdShape(name, kind, ip, relatesTo) {
  const build = (m) => (kind === 'hello' ? helloXml(m) : probeMatchesXml(m));
  const escXAddr = [`http://${ip}:${ROGUE_PORTS.onvifEscapes}/onvif/device_service`];
  const fresh = { epr: `urn:uuid:${crypto.randomUUID()}` };
  const heavy = (v) => build(base(ip, v, relatesTo, fresh));
  const rootTag = 'SOAP-ENV:Envelope';
  const header = 'SOAP-ENV:Header';
  switch (name) {
    case 'escapes':
      return build(base(ip, 'escapes', relatesTo, {
        scopes: ['name', 'hardware', 'manufacturer'].map((k) => `onvif://www.onvif.org/${k}/${HOSTILE_SCOPE}`).concat('onvif://www.onvif.org/type/video_encoder'),
        xaddrs: escXAddr,
      }));
    case 'escapes-raw':
      return build(base(ip, 'escapes-raw', relatesTo, {
        scopes: [`onvif://www.onvif.org/name/\x1b[2J\x1b]0;PWNED\x07EvilCorp\u202e\u009b31m`, `onvif://www.onvif.org/hardware/${CHARREF_MARK}`],
        xaddrs: escXAddr,
      })).replace(CHARREF_MARK, HOSTILE_CHARREFS);
    case 'ns-explosion':
    case 'ns-explosion-uri':
      return namespaceExplosion(heavy(name), {
        size: DATAGRAM_BYTES, declsOn: rootTag, elementsIn: header, maxElements: 7800, withUri: name === 'ns-explosion-uri', trailer: SIM_SHIELD,
      });
    case 'ns-explosion-nested':
      return nestedNamespaceExplosion(heavy(name), { inTag: header, levels: 16, size: DATAGRAM_BYTES, maxElements: 7000, trailer: SIM_SHIELD });
    case 'attr-flood':
      return attributeFlood(heavy(name), { size: DATAGRAM_BYTES, on: header });
    case 'deep-nesting':
      return deepNesting(heavy(name), { tag: header, size: DATAGRAM_BYTES });
    case 'long-end-tag':
      return longEndTag(heavy(name));
    default:
      throw new Error(`unknown shape ${name}`);
  }
}
export const SSDP_LOCATIONS = ['http://10.99.99.99:49152/rootDesc.xml', 'http://203.0.113.1/rootDesc.xml', 'http://127.0.0.1:5000/rootDesc.xml'];
/** Descriptions on the rogue's own LAN address (variant `upnp`), which a client does follow (rogue-servers.mjs). */
export const UPNP_PATHS = ['/desc-escapes.xml', '/desc.xml', '/desc-ns-nested.xml', '/desc-attrs-128k.xml', '/desc-attrs.xml'];
/** Searches for a router (what the simulators' own UPnP clients send) never get the on-LAN descriptions. */
const IGD_SEARCH = /InternetGatewayDevice|WANIPConnection|WANPPPConnection/i;

export class Rogue {
  constructor({ ip, iface, variants }) {
    this.ip = ip;
    this.iface = iface;
    const all = Object.keys(VARIANTS).concat('ssdp', SERVICE_VARIANTS);
    this.variants = variants ? variants.split(',').map((s) => s.trim()).filter((v) => all.includes(v)) : all;
    this.timers = new Set();
    this.closers = [];
    this.budget = { t: Date.now(), n: 0 };
    this.hellos = 0;
  }

  /** SIGUSR1: stay silent for `ms` (cross-checks with fragile third-party tools); SIGUSR2 or the timer ends it. */
  quiet(ms = 90_000) {
    this.quietUntil = Date.now() + ms;
    log(`rogue: quiet for ${ms / 1000}s`);
  }
  loud() {
    this.quietUntil = 0;
    log('rogue: answering again');
  }
  isQuiet() {
    return !!this.quietUntil && Date.now() < this.quietUntil;
  }

  allow() {
    const now = Date.now();
    if (this.isQuiet()) return false;
    if (now - this.budget.t > 10_000) this.budget = { t: now, n: 0 };
    return ++this.budget.n <= 40; // at most 40 probes answered per 10 s
  }

  later(fn, ms) {
    // Every later task is a send: none once quiet (a late answer queued before SIGUSR1 stays unsent).
    const t = setTimeout(() => { this.timers.delete(t); if (!this.isQuiet()) fn(); }, ms);
    this.timers.add(t);
  }

  async udp(port, group, onMessage) {
    const sock = dgram.createSocket({ type: 'udp4', reuseAddr: true });
    await new Promise((res, rej) => { sock.once('error', rej); sock.bind(port, '0.0.0.0', () => { sock.off('error', rej); res(); }); });
    sock.on('error', (e) => log('rogue udp', e.message));
    try { sock.addMembership(group, this.ip); sock.setMulticastInterface(this.ip); sock.setMulticastTTL(1); sock.setMulticastLoopback(false); } catch (e) { log('rogue mcast', e.message); }
    sock.on('message', (b, r) => onMessage(sock, b, r));
    this.closers.push(() => new Promise((r) => sock.close(r)));
    return sock;
  }

  /** One burst of hostile Hellos to the WS-Discovery group (well-formed escapes first), unless quiet. */
  helloBurst(sock) {
    if (this.isQuiet() || this.hellos >= HELLO_MAX_BURSTS) return;
    this.hellos++;
    const shapes = HELLO_VARIANTS.filter((v) => this.variants.includes(v));
    shapes.forEach((v, i) => {
      let payload;
      try { payload = wsdShape(v, 'hello', this.ip); } catch (e) { log('rogue hello', v, e.message); return; }
      this.later(() => sock.send(Buffer.from(payload), WSD_PORT, WSD_GROUP, () => {}), 30 * i);
    });
  }

  async start() {
    log('rogue variants', this.variants.join(','));
    const seen = new Set();
    const wsd = await this.udp(WSD_PORT, WSD_GROUP, (sock, buf, rinfo) => {
      const m = parseDiscovery(buf);
      if (!m.ok || m.kind !== 'probe' || !m.messageId || seen.has(m.messageId) || !this.allow()) return;
      seen.add(m.messageId);
      if (seen.size > 512) seen.delete(seen.values().next().value);
      // Every payload is built before any is sent: building the heavy shapes takes a while on a loaded machine,
      // and a timer set before that work could otherwise fire before the `first` part's.
      const parts = this.variants.flatMap((v) => (VARIANTS[v] ? VARIANTS[v](this.ip, m.messageId) : []));
      // `first` parts (the well-formed escapes) go out at once, so they are what the client lists for this
      // address; everything else follows after 20-120 ms.
      for (const part of parts.filter((p) => p.first)) sock.send(Buffer.from(part.payload), rinfo.port, rinfo.address, () => {});
      for (const part of parts.filter((p) => !p.first)) {
        const delay = (part.delayMs ?? 0) + 20 + Math.floor(Math.random() * 100);
        this.later(() => sock.send(Buffer.from(part.payload), rinfo.port, rinfo.address, () => {}), delay);
      }
    });
    if (this.variants.includes('hello')) {
      const timer = setInterval(() => this.helloBurst(wsd), HELLO_INTERVAL_MS);
      timer.unref();
      this.closers.unshift(() => clearInterval(timer));
      this.later(() => this.helloBurst(wsd), 1000);
    }
    const upnp = this.variants.includes('upnp');
    if (this.variants.includes('ssdp') || upnp) {
      const s = await this.udp(SSDP_PORT, SSDP_GROUP, (sock, buf, rinfo) => {
        const m = parseSsdp(buf);
        if (!m || !/^M-SEARCH/i.test(m.start) || !this.allow()) return;
        const st = m.headers.st || 'ssdp:all';
        const locations = [
          ...(this.variants.includes('ssdp') ? SSDP_LOCATIONS : []),
          ...(upnp && !IGD_SEARCH.test(st) ? UPNP_PATHS.map((p) => `http://${this.ip}:${ROGUE_PORTS.upnp}${p}`) : []),
        ];
        locations.forEach((loc, i) => {
          const msg = `HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=120\r\nEXT:\r\nLOCATION: ${loc}\r\nSERVER: Linux/2.6 UPnP/1.0 rogue/1.0\r\nST: ${st}\r\nUSN: uuid:${stableUuid(`rogue-ssdp-${i}`)}::${st}\r\n\r\n`;
          this.later(() => sock.send(Buffer.from(msg), rinfo.port, rinfo.address, () => {}), Math.floor(Math.random() * 200));
        });
      });
      if (this.variants.includes('ssdp')) {
        const notify = `NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nCACHE-CONTROL: max-age=120\r\nLOCATION: ${SSDP_LOCATIONS[0]}\r\nNT: upnp:rootdevice\r\nNTS: ssdp:alive\r\nSERVER: Linux/2.6 UPnP/1.0 rogue/1.0\r\nUSN: uuid:${stableUuid('rogue-ssdp-0')}::upnp:rootdevice\r\n\r\n`;
        s.send(Buffer.from(notify), SSDP_PORT, SSDP_GROUP, () => {});
      }
    }
    // Hostile ONVIF, UPnP-description and web services on the rogue's own ports.
    this.closers.push(await startRogueServers({ ip: this.ip, variants: this.variants }));
    // Tarpit: accept and never answer; each socket is dropped after 60 s.
    const sockets = new Set();
    const tarpit = net.createServer((c) => {
      sockets.add(c);
      c.on('data', () => {});
      c.on('error', () => {});
      c.on('close', () => sockets.delete(c));
      c.setTimeout(60_000, () => c.destroy());
    });
    tarpit.maxConnections = 256;
    await new Promise((res, rej) => { tarpit.once('error', rej); tarpit.listen(80, '0.0.0.0', () => { tarpit.off('error', rej); res(); }); });
    this.closers.push(() => new Promise((r) => { for (const c of sockets) c.destroy(); tarpit.close(() => r()); }));
  }

  async stop() {
    for (const t of this.timers) clearTimeout(t);
    for (const c of this.closers) { try { await c(); } catch { /* ignore */ } }
  }
}
