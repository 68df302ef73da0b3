// The "scale" profile: many devices in one namespace (the lab puts topology scaleAddresses() on eth0).
// One WS-Discovery responder answers each probe with one ProbeMatches per device, each sent from that
// device's own address; a single HTTP server on 0.0.0.0:80 serves a minimal ONVIF device service per address.
import dgram from 'node:dgram';
import http from 'node:http';
import { scaleAddresses, SIM_USERS } from '../topology.mjs';
import { stableUuid } from './profiles.mjs';
import { createDigest } from './auth.mjs';
import { handleOnvif } from './onvif-device.mjs';
import { fault, parseRequest } from './soap.mjs';
import { parseDiscovery, probeMatches, probeMatchesXml, newMessageId, WSD_GROUP, WSD_PORT } from './wsd.mjs';
import { execFileSync } from 'node:child_process';
import { log } from './log.mjs';

const ALLOWED = new Set(['GetSystemDateAndTime', 'GetDeviceInformation', 'GetCapabilities', 'GetServices', 'GetScopes', 'GetHostname', 'GetEndpointReference']);
const PERSONA = {
  manufacturer: 'ScaleSim', firmware: 'V1.0.0 build 240101', hardwareId: 'SC1', tz: 'UTC0', realm: 'IPCamera',
  rtsp: { uris: ['/stream1'] }, anonHostname: false,
};

function macPlus(base, n) {
  const v = BigInt('0x' + base.replace(/:/g, '')) + BigInt(n);
  return v.toString(16).padStart(12, '0').match(/../g).join(':');
}

export class Scale {
  constructor({ count, iface, mac }) {
    this.iface = iface;
    this.count = count;
    this.baseMac = (mac || '02:00:c0:a8:33:00').toLowerCase();
    this.closers = [];
    this.timers = new Set();
  }

  assigned() {
    try {
      const j = JSON.parse(execFileSync('ip', ['-j', '-4', 'addr', 'show', 'dev', this.iface], { encoding: 'utf8', timeout: 3000 }));
      return new Set((j[0]?.addr_info ?? []).map((a) => a.local));
    } catch { return new Set(); }
  }

  async start() {
    const have = this.assigned();
    const want = scaleAddresses().slice(0, this.count);
    const addrs = want.filter((a) => have.has(a));
    if (addrs.length < want.length) log(`scale: ${want.length - addrs.length} of ${want.length} addresses are not on ${this.iface}`);
    if (!addrs.length) throw new Error('no scale addresses on the interface');
    const digest = createDigest({ realm: PERSONA.realm });
    this.devices = new Map();
    addrs.forEach((address, i) => {
      const n = String(i + 1).padStart(3, '0');
      const mac = macPlus(this.baseMac, i + 1);
      const uuid = stableUuid(mac);
      const d = {
        profile: 'generic', p: PERSONA, model: 'SIM-SCALE-CAM', mac, uuid, epr: `urn:uuid:${uuid}`, serial: `SCALE${n}${mac.replace(/:/g, '').slice(6).toUpperCase()}`,
        users: SIM_USERS, digest, iface: this.iface, st: { ports: { onvif: 80, http: 80, rtsp: 554 }, hostname: `scale-${n}`, net: { dhcp: false, prefix: 24 } },
        nowMs: () => Date.now(), address: () => address, name: `SCALE-${n}`,
        scopes: () => [
          'onvif://www.onvif.org/type/video_encoder', 'onvif://www.onvif.org/Profile/Streaming', `onvif://www.onvif.org/name/SCALE-${n}`,
          'onvif://www.onvif.org/hardware/SIM-SCALE-CAM', `onvif://www.onvif.org/MAC/${mac}`, 'onvif://www.onvif.org/location/city/lab',
        ],
      };
      this.devices.set(address, d);
    });

    // Per-address sending sockets (source port 3702 where the kernel allows it, else ephemeral).
    this.senders = new Map();
    for (const a of addrs) {
      const s = dgram.createSocket({ type: 'udp4', reuseAddr: true });
      await new Promise((res) => {
        s.once('error', () => { s.removeAllListeners('error'); const s2 = dgram.createSocket('udp4'); s2.bind(0, a, () => { this.senders.set(a, s2); res(); }); });
        s.bind(WSD_PORT, a, () => { this.senders.set(a, s); res(); });
      });
    }
    for (const s of this.senders.values()) { s.on('error', () => {}); this.closers.push(() => new Promise((r) => s.close(r))); }

    const sock = dgram.createSocket({ type: 'udp4', reuseAddr: true });
    await new Promise((res, rej) => { sock.once('error', rej); sock.bind(WSD_PORT, '0.0.0.0', () => { sock.off('error', rej); res(); }); });
    sock.on('error', (e) => log('scale wsd', e.message));
    try { sock.addMembership(WSD_GROUP, addrs[0]); } catch (e) { log('scale addMembership', e.message); }
    this.closers.push(() => new Promise((r) => sock.close(r)));
    const seen = new Set();
    let msgNo = 0;
    sock.on('message', (buf, rinfo) => {
      const m = parseDiscovery(buf);
      if (!m.ok || m.kind !== 'probe' || !m.messageId || seen.has(m.messageId)) return;
      seen.add(m.messageId);
      if (seen.size > 256) seen.delete(seen.values().next().value);
      if (this.devices.has(rinfo.address)) return; // our own multicast
      for (const [a, d] of this.devices) {
        if (!probeMatches(m, d.scopes())) continue;
        const t = setTimeout(() => {
          this.timers.delete(t);
          const xml = probeMatchesXml({ messageId: newMessageId(), relatesTo: m.messageId, instanceId: 1, messageNumber: ++msgNo, epr: d.epr, scopes: d.scopes(), xaddrs: [`http://${a}/onvif/device_service`] });
          this.senders.get(a).send(Buffer.from(xml), rinfo.port, rinfo.address, () => {});
        }, Math.floor(Math.random() * 500));
        this.timers.add(t);
      }
    });

    const server = http.createServer((req, res) => {
      const d = this.devices.get(req.socket.localAddress?.replace(/^::ffff:/, ''));
      const chunks = [];
      let n = 0;
      req.on('data', (c) => { n += c.length; if (n > 64 * 1024) req.destroy(); else chunks.push(c); });
      req.on('end', () => {
        let out;
        const body = Buffer.concat(chunks).toString('utf8');
        if (!d || !req.url.startsWith('/onvif/') || req.method !== 'POST') out = { status: 404, body: '' };
        else {
          const r = parseRequest(body);
          out = r.ok && !ALLOWED.has(r.op.local) ? fault('Receiver', ['ter:ActionNotSupported'], `Unknown operation ${r.op.local}`) : handleOnvif(d, { bodyText: body, authorization: req.headers.authorization });
        }
        const b = Buffer.from(out.body);
        res.writeHead(out.status, { 'Content-Type': 'application/soap+xml; charset=utf-8', 'Content-Length': b.length, Server: 'ScaleSim', ...(out.headers ?? {}) });
        res.end(b);
      });
    });
    server.headersTimeout = 10_000;
    server.requestTimeout = 15_000;
    server.keepAliveTimeout = 2_000;
    await new Promise((res, rej) => { server.once('error', rej); server.listen(80, '0.0.0.0', () => { server.off('error', rej); res(); }); });
    this.closers.push(() => new Promise((r) => { server.close(() => r()); server.closeAllConnections?.(); }));
    log(`scale: ${addrs.length} devices up`);
  }

  async stop() {
    for (const t of this.timers) clearTimeout(t);
    for (const c of this.closers) { try { await c(); } catch { /* ignore */ } }
  }
}
