#!/usr/bin/env node
// Raw protocol probes for cross-checking the simulators from the lab client namespace. Prints JSON.
//   probe.mjs wsd [--types nvt|device|empty|wsdp|both] [--timeout 2000] [--bind <ip>] [--to <ip>]
//   probe.mjs sadp | dhip [--timeout 1500]
//   probe.mjs ssdp [--st ssdp:all]
//   probe.mjs rtsp <rtsp-url> [--user u --pass p]
//   probe.mjs soap <device-service-url> <Operation> [--body '<tds:Op>…</tds:Op>'] [--user u --pass p]
//              [--auth ut|digest|none] [--created-offset <s>] [--device-clock]
//   probe.mjs tcp <host> <port> [--send hex]
import dgram from 'node:dgram';
import net from 'node:net';
import http from 'node:http';
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { CLIENT } from '../../topology.mjs';
import { parseXml, find, findAll, text } from '../xml.mjs';
import { NS } from '../soap.mjs';
import { usernameTokenXml, parseAuthParams } from '../auth.mjs';
import { dhipPacket, parseDhip } from '../dhip.mjs';

const { values: o, positionals: pos } = parseArgs({
  allowPositionals: true,
  options: {
    types: { type: 'string', default: 'nvt' }, timeout: { type: 'string', default: '2000' }, bind: { type: 'string', default: CLIENT.ip },
    to: { type: 'string' }, st: { type: 'string', default: 'ssdp:all' }, user: { type: 'string' }, pass: { type: 'string' },
    auth: { type: 'string', default: 'ut' }, 'created-offset': { type: 'string', default: '0' }, body: { type: 'string' },
    'device-clock': { type: 'boolean', default: false }, send: { type: 'string' }, 'message-id': { type: 'string' },
  },
});
const timeout = Math.min(Number(o.timeout) || 2000, 20_000);
const out = (v) => process.stdout.write(JSON.stringify(v, null, 1) + '\n', () => process.exit(0));

function udpExchange({ port, group, payloads, onMessage }) {
  return new Promise((resolve) => {
    const sock = dgram.createSocket('udp4');
    const replies = [];
    sock.on('message', (buf, r) => replies.push(onMessage(buf, r)));
    sock.on('error', (e) => { replies.push({ error: e.message }); });
    sock.bind(0, o.bind, () => {
      try { sock.setMulticastInterface(o.bind); sock.setMulticastTTL(2); } catch { /* unicast */ }
      for (const p of payloads) sock.send(p, port, o.to ?? group);
      setTimeout(() => { sock.close(); resolve(replies.filter(Boolean)); }, timeout);
    });
  });
}

const cmd = pos[0];
if (cmd === 'wsd') {
  const id = o['message-id'] ?? `urn:uuid:${crypto.randomUUID()}`;
  const types = { nvt: '<d:Types xmlns:dn="http://www.onvif.org/ver10/network/wsdl">dn:NetworkVideoTransmitter</d:Types>',
    device: '<d:Types xmlns:x="http://www.onvif.org/ver10/device/wsdl">x:Device</d:Types>', empty: '',
    both: '<d:Types xmlns:dn="http://www.onvif.org/ver10/network/wsdl" xmlns:tds="http://www.onvif.org/ver10/device/wsdl">dn:NetworkVideoTransmitter tds:Device</d:Types>',
    wsdp: '<d:Types xmlns:wsdp="http://schemas.xmlsoap.org/ws/2006/02/devprof">wsdp:Device</d:Types>' }[o.types];
  const probe = `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="${NS.env}" xmlns:a="${NS.wsa}" xmlns:d="${NS.d}"><s:Header>` +
    `<a:MessageID>${id}</a:MessageID><a:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To><a:Action>${NS.d}/Probe</a:Action></s:Header>` +
    `<s:Body><d:Probe>${types}</d:Probe></s:Body></s:Envelope>`;
  const t0 = Date.now();
  const replies = await udpExchange({ port: 3702, group: '239.255.255.250', payloads: [Buffer.from(probe), Buffer.from(probe)], onMessage: (buf, r) => {
    const x = parseXml(buf, { maxBytes: 70 * 1024, maxDepth: 48, maxNodes: 4000 });
    if (!x.ok) return { from: r.address, port: r.port, error: x.error, bytes: buf.length, ms: Date.now() - t0 };
    return { from: r.address, port: r.port, ms: Date.now() - t0, relatesTo: text(find(x.root, NS.wsa, 'RelatesTo')), epr: text(find(find(x.root, null, 'EndpointReference'), null, 'Address')),
      types: text(find(x.root, null, 'Types')), scopes: text(find(x.root, null, 'Scopes')).split(/\s+/).filter(Boolean), xaddrs: text(find(x.root, null, 'XAddrs')).split(/\s+/).filter(Boolean),
      envNs: x.root.ns };
  } });
  out({ messageId: id, replies });
} else if (cmd === 'sadp') {
  const uuid = crypto.randomUUID().toUpperCase();
  const probe = `<?xml version="1.0" encoding="utf-8"?><Probe><Uuid>${uuid}</Uuid><Types>inquiry</Types></Probe>`;
  const replies = await udpExchange({ port: 37020, group: '239.255.255.250', payloads: [Buffer.from(probe)], onMessage: (buf, r) => {
    const x = parseXml(buf);
    if (!x.ok || x.root.local !== 'ProbeMatch') return null;
    const f = {};
    for (const c of x.root.children) f[c.local] = text(c);
    return { from: r.address, ...f };
  } });
  out({ uuid, replies });
} else if (cmd === 'dhip') {
  const pkt = dhipPacket({ method: 'DHDiscover.search', params: { mac: '', uni: 1 } });
  const replies = await udpExchange({ port: 37810, group: '239.255.255.251', payloads: [pkt], onMessage: (buf, r) => {
    const p = parseDhip(buf);
    return p.ok ? { from: r.address, header: buf.subarray(0, 32).toString('hex'), ...p.json } : null;
  } });
  out({ replies: replies.filter((x) => x.method === 'client.notifyDevInfo') });
} else if (cmd === 'ssdp') {
  const msg = `M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nST: ${o.st}\r\nMAN: "ssdp:discover"\r\nMX: 1\r\n\r\n`;
  const replies = await udpExchange({ port: 1900, group: '239.255.255.250', payloads: [Buffer.from(msg)], onMessage: (buf, r) => {
    const h = {};
    for (const l of buf.toString('latin1').split(/\r?\n/).slice(1)) { const i = l.indexOf(':'); if (i > 0) h[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim(); }
    return { from: r.address, st: h.st, usn: h.usn, location: h.location, server: h.server };
  } });
  out({ replies });
} else if (cmd === 'rtsp') {
  const url = new URL(pos[1]);
  const port = Number(url.port || 554);
  const send = (sock, cseq, auth) => sock.write(`DESCRIBE ${pos[1]} RTSP/1.0\r\nCSeq: ${cseq}\r\nAccept: application/sdp\r\nUser-Agent: nvr-sim-probe\r\n${auth ? `Authorization: ${auth}\r\n` : ''}\r\n`);
  const result = await new Promise((resolve) => {
    const sock = net.connect(port, url.hostname);
    let buf = '';
    let tries = 0;
    const t = setTimeout(() => { sock.destroy(); resolve({ error: 'timeout', raw: buf.slice(0, 2000) }); }, timeout);
    sock.on('error', (e) => { clearTimeout(t); resolve({ error: e.message }); });
    sock.on('connect', () => send(sock, 1));
    sock.on('data', (d) => {
      buf += d.toString('latin1');
      const he = buf.indexOf('\r\n\r\n');
      if (he < 0) return;
      const head = buf.slice(0, he);
      const len = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buf.length < he + 4 + len) return;
      const status = Number(/^RTSP\/1\.0 (\d+)/.exec(head)?.[1]);
      const body = buf.slice(he + 4, he + 4 + len);
      buf = buf.slice(he + 4 + len);
      const www = /www-authenticate:\s*(.*)/i.exec(head)?.[1];
      if (status === 401 && www && o.user && tries++ === 0) {
        if (/^Digest/i.test(www)) {
          const p = parseAuthParams(www);
          const md5 = (s) => crypto.createHash('md5').update(s).digest('hex');
          const resp = md5(`${md5(`${o.user}:${p.realm}:${o.pass}`)}:${p.nonce}:${md5(`DESCRIBE:${pos[1]}`)}`);
          send(sock, 2, `Digest username="${o.user}", realm="${p.realm}", nonce="${p.nonce}", uri="${pos[1]}", response="${resp}"`);
        } else send(sock, 2, `Basic ${Buffer.from(`${o.user}:${o.pass}`).toString('base64')}`);
        return;
      }
      clearTimeout(t);
      sock.destroy();
      resolve({ status, server: /\r\nserver:\s*(.*)/i.exec(head)?.[1], contentType: /content-type:\s*(.*)/i.exec(head)?.[1], sdp: body, www });
    });
  });
  out(result);
} else if (cmd === 'soap') {
  const url = new URL(pos[1]);
  const opName = pos[2];
  const body = o.body ?? `<tds:${opName}/>`;
  const deviceClockMs = async () => {
    const r = await post(url, envelope('', `<tds:GetSystemDateAndTime/>`), {});
    const x = parseXml(r.body);
    const u = find(x.root, null, 'UTCDateTime');
    const g = (n) => Number(text(find(u, null, n)));
    return Date.UTC(g('Year'), g('Month') - 1, g('Day'), g('Hour'), g('Minute'), g('Second'));
  };
  let header = '';
  if (o.auth === 'ut') {
    const base = o['device-clock'] ? await deviceClockMs() : Date.now();
    const created = new Date(base + Number(o['created-offset']) * 1000).toISOString();
    header = usernameTokenXml(o.user, o.pass, created);
  }
  let r = await post(url, envelope(header, body), {});
  if (o.auth === 'digest' && r.status === 401 && r.www) {
    const p = parseAuthParams(r.www);
    const md5 = (s) => crypto.createHash('md5').update(s).digest('hex');
    const cnonce = crypto.randomBytes(8).toString('hex');
    const ha1 = md5(`${o.user}:${p.realm}:${o.pass}`);
    const resp = md5(`${ha1}:${p.nonce}:00000001:${cnonce}:auth:${md5(`POST:${url.pathname}`)}`);
    r = await post(url, envelope('', body), { Authorization: `Digest username="${o.user}", realm="${p.realm}", nonce="${p.nonce}", uri="${url.pathname}", qop=auth, nc=00000001, cnonce="${cnonce}", response="${resp}", opaque="${p.opaque ?? ''}"` });
  }
  const x = parseXml(r.body, { maxBytes: 256 * 1024, maxDepth: 64, maxNodes: 20000 });
  const subcodes = x.ok ? findAll(x.root, NS.env, 'Subcode').map((s) => text(s.children.find((c) => c.local === 'Value'))) : [];
  out({ status: r.status, server: r.server, fault: x.ok && !!find(x.root, NS.env, 'Fault'), subcodes, reason: x.ok ? text(find(x.root, NS.env, 'Text')) : null, body: r.body });
} else if (cmd === 'tcp') {
  const res = await new Promise((resolve) => {
    const s = net.connect(Number(pos[2]), pos[1]);
    const chunks = [];
    const t = setTimeout(() => { s.destroy(); resolve({ connected: true, timeout: true, data: Buffer.concat(chunks).toString('hex') }); }, timeout);
    s.on('connect', () => { if (o.send) s.write(Buffer.from(o.send, 'hex')); });
    s.on('data', (d) => chunks.push(d));
    s.on('end', () => { clearTimeout(t); resolve({ connected: true, data: Buffer.concat(chunks).toString('hex') }); });
    s.on('error', (e) => { clearTimeout(t); resolve({ connected: false, error: e.code }); });
  });
  out(res);
} else {
  process.stderr.write('unknown command\n');
  process.exit(2);
}

function envelope(header, body) {
  return `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="${NS.env}" xmlns:tds="${NS.tds}" xmlns:tt="${NS.tt}" xmlns:trt="${NS.trt}">` +
    `<s:Header>${header}</s:Header><s:Body>${body}</s:Body></s:Envelope>`;
}
function post(url, body, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', timeout, headers: { 'Content-Type': 'application/soap+xml; charset=utf-8', ...headers } }, (res) => {
      const c = [];
      res.on('data', (d) => c.push(d));
      res.on('end', () => resolve({ status: res.statusCode, server: res.headers.server, www: res.headers['www-authenticate'], body: Buffer.concat(c).toString() }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}
