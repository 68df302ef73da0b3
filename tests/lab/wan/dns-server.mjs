// The "internet's" DDNS provider, in the wan namespace, one process:
//   authoritative DNS for DDNS_ZONE on WAN.dns UDP+TCP 53 (REFUSED for other zones, NXDOMAIN for unknown names)
//   dyndns2 + DuckDNS update endpoints on WAN.ddns:80, which change the zone this server answers from.
// The zone is kept in memory and mirrored to <state-dir>/ddns-zone.json (read back at start).
import dgram from 'node:dgram';
import net from 'node:net';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { WAN, DDNS_ZONE, DDNS_ACCOUNTS, DDNS_BLOCKED } from '../topology.mjs';
import { decodeMessage, encodeMessage, TYPE, RCODE, DnsFormatError } from './dns-wire.mjs';
import { emptyZone, answer } from './zone.mjs';
import { dyndns2Update, duckdnsUpdate } from './ddns.mjs';

const args = process.argv.slice(2);
const stateDir = args[args.indexOf('--state-dir') + 1];
if (!args.includes('--state-dir') || !stateDir) { console.error('usage: dns-server.mjs --state-dir DIR'); process.exit(2); }
const zoneFile = path.join(stateDir, 'ddns-zone.json');

let zone = emptyZone(DDNS_ZONE, WAN.dns);
try {
  const saved = JSON.parse(fs.readFileSync(zoneFile, 'utf8'));
  if (saved.origin === zone.origin && saved.records && typeof saved.records === 'object') zone = { ...zone, ...saved };
} catch { /* first start */ }
const saveZone = () => {
  fs.writeFileSync(zoneFile + '.tmp', JSON.stringify(zone, null, 2));
  fs.renameSync(zoneFile + '.tmp', zoneFile);
};
saveZone();

/** Answer one DNS query message; null = send nothing. */
function handleQuery(buf, maxUdp) {
  if (buf.length < 12) return null;
  const id = buf.readUInt16BE(0);
  const rd = !!(buf[2] & 1);
  if (buf[2] & 0x80) return null; // a response: never answer it
  const error = (rcode) => encodeMessage({ id, flags: { qr: true, rd, rcode } });
  let q;
  try { q = decodeMessage(buf); } catch (e) { return e instanceof DnsFormatError ? error(RCODE.FORMERR) : null; }
  const rawQuestion = buf.subarray(12, q.questionEnd);
  const opts = q.additionals.filter((r) => r.type === TYPE.OPT);
  if (q.flags.opcode !== 0) return encodeMessage({ id, flags: { qr: true, opcode: q.flags.opcode, rd, rcode: RCODE.NOTIMP }, rawQuestion, rawQuestionCount: q.questions.length });
  if (q.questions.length !== 1 || opts.length > 1) return encodeMessage({ id, flags: { qr: true, rd, rcode: RCODE.FORMERR }, rawQuestion, rawQuestionCount: q.questions.length });
  const a = answer(zone, q.questions[0]);
  const edns = opts.length === 1 ? [{ name: '', type: TYPE.OPT, class: 1232, ttl: 0, data: Buffer.alloc(0) }] : [];
  const reply = {
    id,
    flags: { qr: true, aa: a.aa, rd, rcode: a.rcode },
    rawQuestion,
    rawQuestionCount: 1,
    answers: a.answers,
    authorities: a.authorities,
    additionals: [...a.additionals, ...edns],
  };
  let out = encodeMessage(reply);
  const limit = maxUdp ? Math.max(512, Math.min(opts[0]?.class ?? 512, 4096)) : 65535;
  if (out.length > limit) out = encodeMessage({ ...reply, flags: { ...reply.flags, tc: true }, answers: [], authorities: [], additionals: edns });
  return out;
}

let ready = 0;
const NEEDED = 3;
const isReady = () => { if (++ready === NEEDED) console.log('READY'); };
const die = (what) => (e) => { console.error(`${what}: ${e.message}`); process.exit(1); };

// DNS over UDP
const udp = dgram.createSocket('udp4');
udp.on('error', die('dns udp'));
udp.on('message', (msg, rinfo) => {
  try {
    const out = handleQuery(msg, true);
    if (out) udp.send(out, rinfo.port, rinfo.address);
  } catch (e) { console.error('dns: ' + e.message); }
});
udp.bind(53, WAN.dns, isReady);

// DNS over TCP: 2-byte length prefix, several queries per connection, bounded buffer and idle time.
const tcp = net.createServer((sock) => {
  let buf = Buffer.alloc(0);
  sock.setTimeout(10_000, () => sock.destroy());
  sock.on('error', () => sock.destroy());
  sock.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    if (buf.length > 70_000) { sock.destroy(); return; }
    while (buf.length >= 2) {
      const len = buf.readUInt16BE(0);
      if (buf.length < 2 + len) break;
      const msg = buf.subarray(2, 2 + len);
      buf = buf.subarray(2 + len);
      try {
        const out = handleQuery(msg, false);
        if (out) { const l = Buffer.alloc(2); l.writeUInt16BE(out.length); sock.write(Buffer.concat([l, out])); }
      } catch (e) { console.error('dns: ' + e.message); }
    }
  });
});
tcp.on('error', die('dns tcp'));
tcp.listen(53, WAN.dns, isReady);

// DDNS update endpoints
const web = http.createServer((req, res) => {
  const callerIp = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  const url = new URL(req.url ?? '/', 'http://ddns');
  let r;
  if (req.method !== 'GET') r = { status: 405, body: 'method not allowed' };
  else if (url.pathname === '/nic/update') r = dyndns2Update({ query: url.searchParams, authorization: req.headers.authorization, callerIp }, zone, DDNS_ACCOUNTS, { blocked: DDNS_BLOCKED });
  else if (url.pathname === '/update') r = duckdnsUpdate({ query: url.searchParams, callerIp }, zone, DDNS_ACCOUNTS);
  else if (url.pathname === '/zone') r = { status: 200, body: JSON.stringify(zone), headers: { 'content-type': 'application/json' } };
  else r = { status: 404, body: 'not found' };
  if (r.changed) saveZone();
  res.writeHead(r.status, { 'content-type': 'text/plain; charset=utf-8', ...(r.headers ?? {}), 'content-length': Buffer.byteLength(r.body) });
  res.end(r.body);
});
web.headersTimeout = 5000;
web.requestTimeout = 10_000;
web.on('error', die('ddns http'));
web.listen(80, WAN.ddns, isReady);

for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
