// The rogue host's TCP services (variants `onvif`, `upnp`, `banner`; ports in rogue-shapes.mjs ROGUE_PORTS):
// hostile ONVIF device services that accept any user and password, UPnP descriptions that the rogue's SSDP answers
// point to, and web/telnet banners. Every reply is built once and cached; connections are capped and time out.
import http from 'node:http';
import net from 'node:net';
import { stableUuid } from './profiles.mjs';
import { envelope, fault, parseRequest, NS } from './soap.mjs';
import {
  ROGUE_PORTS, onvifClockBody, onvifDeviceInfoBody, onvifNsBomb, onvifNestedNsBomb, onvifAttrFlood, upnpNestedNsBomb, upnpNsBomb, upnpAttrFlood, upnpEscapes,
  tagSoupPage, rawHttpResponse, TELNET_GREETING,
} from './rogue-shapes.mjs';
import { log } from './log.mjs';

const MAX_REQUEST = 64 * 1024;
/** GET / on the ONVIF and UPnP ports: under the 64 KiB a client reads of a page, so all of it is parsed. */
const SOUP_SMALL = 60 * 1024;
const SOUP_BIG = 128 * 1024;

const soapHeaders = (len) => ({ 'Content-Type': 'application/soap+xml; charset=utf-8', 'Content-Length': len, Server: 'rogue-onvif' });

/** Hostile replies, built once each. */
const HOSTILE = {
  'info-escapes': () => envelope(onvifDeviceInfoBody()),
  'info-legal': () => envelope(onvifDeviceInfoBody({ legal: true })),
  'ns-bomb': () => onvifNsBomb(),
  'attr-flood': () => onvifAttrFlood(),
  'ns-bomb-nested': () => onvifNestedNsBomb(),
};

/** Which hostile reply (a HOSTILE key) each ONVIF mode gives an operation; null: the plain answer. */
const ONVIF_MODES = {
  // The issue's device: clock and capabilities as a camera answers them; GetDeviceInformation with escapes.
  escapes: (op) => (op === 'GetDeviceInformation' ? 'info-escapes' : null),
  'escapes-legal': (op) => (op === 'GetDeviceInformation' ? 'info-legal' : null),
  'ns-bomb': () => 'ns-bomb',
  'ns-bomb-late': (op) => (op === 'GetSystemDateAndTime' ? null : 'ns-bomb'),
  'attr-flood': (op) => (op === 'GetSystemDateAndTime' ? null : 'attr-flood'),
  'ns-bomb-nested': (op) => (op === 'GetSystemDateAndTime' ? null : 'ns-bomb-nested'),
};

const ONVIF_PORT_MODES = [
  [ROGUE_PORTS.onvifEscapes, 'escapes'],
  [ROGUE_PORTS.onvifEscapesLegal, 'escapes-legal'],
  [ROGUE_PORTS.onvifNsBomb, 'ns-bomb'],
  [ROGUE_PORTS.onvifNsBombLate, 'ns-bomb-late'],
  [ROGUE_PORTS.onvifAttrFlood, 'attr-flood'],
  [ROGUE_PORTS.onvifNsBombNested, 'ns-bomb-nested'],
];

function plainAnswer(op, ip, port) {
  const base = `http://${ip}:${port}`;
  switch (op) {
    case 'GetSystemDateAndTime':
      return envelope(onvifClockBody());
    case 'GetCapabilities':
      return envelope(`<tds:GetCapabilitiesResponse><tds:Capabilities><tt:Device><tt:XAddr>${base}/onvif/device_service</tt:XAddr></tt:Device></tds:Capabilities></tds:GetCapabilitiesResponse>`);
    case 'GetServices':
      return envelope(`<tds:GetServicesResponse><tds:Service><tds:Namespace>${NS.tds}</tds:Namespace><tds:XAddr>${base}/onvif/device_service</tds:XAddr><tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service></tds:GetServicesResponse>`);
    default:
      return null;
  }
}

const cached = new Map();
const once = (key, make) => {
  if (!cached.has(key)) cached.set(key, Buffer.from(make()));
  return cached.get(key);
};

function listen(server, port, ip) {
  return new Promise((res, rej) => {
    server.once('error', rej);
    server.listen(port, ip, () => { server.off('error', rej); res(); });
  });
}

function httpServer(handler) {
  const server = http.createServer((req, res) => {
    const chunks = [];
    let n = 0;
    req.on('data', (c) => { n += c.length; if (n > MAX_REQUEST) req.destroy(); else chunks.push(c); });
    req.on('end', () => {
      try {
        const out = handler(req, Buffer.concat(chunks).toString('utf8'));
        res.writeHead(out.status, { ...out.headers, 'Content-Length': out.body.length, Connection: 'close' });
        res.end(req.method === 'HEAD' ? undefined : out.body);
      } catch (e) {
        log('rogue http', e.message);
        res.destroy();
      }
    });
    req.on('error', () => {});
  });
  server.maxConnections = 64;
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.keepAliveTimeout = 1_000;
  return server;
}

const soup = (bytes) => ({ status: 200, headers: { 'Content-Type': 'text/html', Server: 'rogue-web' }, body: once(`soup:${bytes}`, () => tagSoupPage(bytes)) });

function onvifHandler(mode, ip, port) {
  return (req, bodyText) => {
    if (req.method !== 'POST' || !req.url.startsWith('/onvif/')) return soup(SOUP_SMALL);
    const r = parseRequest(bodyText);
    const op = r.ok ? r.op.local : 'Invalid';
    // Any user, any password (or none): this device wants to be logged in to.
    const key = ONVIF_MODES[mode](op);
    const body = key ? once(key, HOSTILE[key]) : (() => { const t = plainAnswer(op, ip, port); return t === null ? null : Buffer.from(t); })();
    if (body) return { status: 200, headers: soapHeaders(body.length), body };
    const f = r.ok ? fault('Receiver', ['ter:ActionNotSupported'], `Unknown operation ${op.slice(0, 60)}`) : r.fault;
    const faultBody = Buffer.from(f.body);
    return { status: f.status, headers: soapHeaders(faultBody.length), body: faultBody };
  };
}

function upnpHandler() {
  const udn = (p) => `uuid:${stableUuid(`rogue-upnp${p}`)}`;
  const pages = {
    '/desc.xml': () => upnpNsBomb(udn('/desc.xml')),
    '/desc-ns-nested.xml': () => upnpNestedNsBomb(udn('/desc-ns-nested.xml')),
    '/desc-attrs.xml': () => upnpAttrFlood(udn('/desc-attrs.xml')),
    '/desc-attrs-128k.xml': () => upnpAttrFlood(udn('/desc-attrs-128k.xml'), { size: 128 * 1024 - 64 }),
    '/desc-escapes.xml': () => upnpEscapes(udn('/desc-escapes.xml')),
  };
  return (req) => {
    const path = req.url.split('?')[0];
    if (!pages[path]) return soup(SOUP_SMALL);
    const body = once(`upnp:${path}`, pages[path]);
    return { status: 200, headers: { 'Content-Type': 'text/xml; charset="utf-8"', Server: 'Linux/2.6 UPnP/1.0 rogue/1.0' }, body };
  };
}

/** A raw TCP server: `onConnect(socket)` writes; sockets are capped, time out after 15 s, and are closed at stop. */
function rawServer(onConnect) {
  const sockets = new Set();
  const server = net.createServer((c) => {
    sockets.add(c);
    c.on('error', () => {});
    c.on('close', () => sockets.delete(c));
    c.setTimeout(15_000, () => c.destroy());
    onConnect(c);
  });
  server.maxConnections = 64;
  server.sockets = sockets;
  return server;
}

/** Starts the service variants that are on; returns a function that stops them all. */
export async function startRogueServers({ ip, variants }) {
  const servers = [];
  const start = async (server, port) => {
    try {
      await listen(server, port, ip);
      servers.push(server);
    } catch (e) {
      log(`rogue: port ${port} unavailable: ${e.message}`);
    }
  };
  if (variants.includes('onvif')) {
    for (const [port, mode] of ONVIF_PORT_MODES) await start(httpServer(onvifHandler(mode, ip, port)), port);
  }
  if (variants.includes('upnp')) await start(httpServer(upnpHandler()), ROGUE_PORTS.upnp);
  if (variants.includes('banner')) {
    // HTTP: answers once the request head arrives (or after 300 ms of silence, like a server that speaks first).
    await start(rawServer((c) => {
      let head = '';
      let sent = false;
      const answer = () => {
        if (sent || c.destroyed) return;
        sent = true;
        c.end(once('banner:http', () => rawHttpResponse(tagSoupPage(SOUP_BIG))));
      };
      const t = setTimeout(answer, 300);
      c.on('data', (d) => {
        head += d.toString('latin1');
        if (head.includes('\r\n\r\n') || head.length > 8192) { clearTimeout(t); answer(); }
      });
      c.on('close', () => clearTimeout(t));
    }), ROGUE_PORTS.banner);
    // Telnet-like: greets with escapes, then waits for the client to give up.
    await start(rawServer((c) => c.write(TELNET_GREETING)), ROGUE_PORTS.telnet);
  }
  log(`rogue services on ${servers.map((s) => s.address()?.port).join(', ') || 'no port'}`);
  return () => Promise.all(servers.map((s) => new Promise((r) => {
    for (const c of s.sockets ?? []) c.destroy();
    s.closeAllConnections?.();
    s.close(() => r());
  })));
}
