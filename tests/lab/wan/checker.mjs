// echoip-compatible "what is my IP / is my port open" service on WAN.checker:80 (wan namespace).
//   GET /        → caller's IP (plain text, like echoip for curl)
//   GET /ip      → caller's IP (plain text)
//   GET /json    → { ip, ip_decimal, country, country_iso, asn, asn_org, user_agent }
//   GET /port/N  → { ip, port, reachable } after a TCP connect back to the caller on port N (2 s time-out)
import http from 'node:http';
import net from 'node:net';
import { WAN } from '../topology.mjs';

const CONNECT_TIMEOUT_MS = 2000;

const callerIp = (req) => (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
const ipDecimal = (ip) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);

/** TCP connect to ip:port from the checker's own address; true if the handshake completes in time. */
export function probePort(ip, port, timeoutMs = CONNECT_TIMEOUT_MS) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: ip, port, localAddress: WAN.checker });
    const done = (ok) => { clearTimeout(timer); sock.destroy(); resolve(ok); };
    const timer = setTimeout(() => done(false), timeoutMs);
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

function send(res, status, body, type = 'application/json') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer(async (req, res) => {
  const ip = callerIp(req);
  const url = new URL(req.url ?? '/', 'http://checker');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { status: 405, error: 'method not allowed' });
  if (url.pathname === '/' || url.pathname === '/ip') return send(res, 200, ip + '\n', 'text/plain');
  if (url.pathname === '/json') {
    return send(res, 200, {
      ip,
      ip_decimal: ipDecimal(ip),
      country: 'Labland',
      country_iso: 'XL',
      country_eu: false,
      asn: 'AS64500',
      asn_org: 'NVR Lab Internet',
      user_agent: { raw_value: String(req.headers['user-agent'] ?? '') },
    });
  }
  const m = /^\/port\/([0-9]{1,5})$/.exec(url.pathname);
  if (m) {
    const port = Number(m[1]);
    if (port < 1 || port > 65535) return send(res, 400, { status: 400, error: `invalid port: ${m[1]}` });
    const reachable = await probePort(ip, port);
    return send(res, 200, { ip, port, reachable });
  }
  if (url.pathname.startsWith('/port/')) return send(res, 400, { status: 400, error: 'invalid port' });
  return send(res, 404, { status: 404, error: 'not found' });
});
server.headersTimeout = 5000;
server.requestTimeout = 10_000;
server.on('error', (e) => { console.error(`checker: ${e.message}`); process.exit(1); });
server.listen(80, WAN.checker, () => console.log('READY'));
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
