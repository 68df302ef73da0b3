#!/usr/bin/env node
// Tiny network probes for tests and humans, meant to run inside a lab namespace:
//   node tests/lab/lib/probe.mjs stun <server> [port] [none|ip|port|both] → {"answered","ip","port","xor","origin"}
//                                                    (the last word sets RFC 5780 CHANGE-REQUEST; no answer = answered:false)
//   node tests/lab/lib/probe.mjs natpmp-ext <gateway>                    → {"result","epoch","ip"}
//   node tests/lab/lib/probe.mjs natpmp-map <gateway> tcp|udp <internalPort> <externalPort> <lifetime>
//                                                                         → {"result","epoch","internalPort","externalPort","lifetime"}
//   node tests/lab/lib/probe.mjs listen <ip> <port> <banner> [seconds]   → prints READY, answers each connection with banner
//   node tests/lab/lib/probe.mjs connect <ip> <port> [timeoutMs]         → {"connected","data"}
//   node tests/lab/lib/probe.mjs udp <ip> <port> <hex>                   → {"answered","hex"} (one datagram, raw)
//   node tests/lab/lib/probe.mjs wsd-watch <localIp> <seconds> <from…>   → prints READY, then one line per WS-Discovery
//                                   Hello/Bye multicast by one of the <from> addresses: {"from","action","xaddrs"}
// Every probe is bounded in time; output is one JSON line (or READY for listen).
import dgram from 'node:dgram';
import net from 'node:net';
import crypto from 'node:crypto';
import { bindingRequest, decodeStun, decodeAddress, ATTR, BINDING_SUCCESS } from '../wan/stun-wire.mjs';

const TIMEOUT_MS = 3000;
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');

/** One UDP request/response exchange, retried up to 3 times (bounded). */
function udpExchange(host, port, payload, accept) {
  return new Promise((resolve, reject) => {
    const s = dgram.createSocket('udp4');
    let tries = 0;
    const send = () => {
      if (++tries > 3) { s.close(); reject(new Error(`no answer from ${host}:${port}`)); return; }
      s.send(payload, port, host);
      timer = setTimeout(send, TIMEOUT_MS / 3);
    };
    let timer;
    s.on('message', (msg) => {
      const v = accept(msg);
      if (v) { clearTimeout(timer); s.close(); resolve(v); }
    });
    s.on('error', (e) => { clearTimeout(timer); s.close(); reject(e); });
    s.bind(0, send);
  });
}

async function stun(server, port = 3478, change = 'none') {
  const tid = crypto.randomBytes(12);
  const req = bindingRequest(tid, { changeIp: change === 'ip' || change === 'both', changePort: change === 'port' || change === 'both' });
  try {
    return await udpExchange(server, port, req, (msg) => {
      const m = decodeStun(msg);
      if (!m || m.type !== BINDING_SUCCESS || !m.transactionId.equals(tid)) return null;
      const x = m.attrs.find((a) => a.type === ATTR.XOR_MAPPED_ADDRESS);
      const plain = m.attrs.find((a) => a.type === ATTR.MAPPED_ADDRESS);
      const origin = m.attrs.find((a) => a.type === ATTR.RESPONSE_ORIGIN);
      return {
        answered: true,
        ...(x ? decodeAddress(x.value, true) : decodeAddress(plain.value, false)),
        xor: !!x,
        origin: origin ? decodeAddress(origin.value, false) : null,
      };
    });
  } catch (e) {
    if (/^no answer/.test(e.message)) return { answered: false };
    throw e;
  }
}

async function natpmpExt(gw) {
  return udpExchange(gw, 5351, Buffer.from([0, 0]), (msg) => {
    if (msg.length < 12 || msg[0] !== 0 || msg[1] !== 128) return null;
    return { result: msg.readUInt16BE(2), epoch: msg.readUInt32BE(4), ip: [...msg.subarray(8, 12)].join('.') };
  });
}

async function natpmpMap(gw, proto, internalPort, externalPort, lifetime) {
  const op = proto === 'udp' ? 1 : 2;
  const req = Buffer.alloc(12);
  req[0] = 0; req[1] = op;
  req.writeUInt16BE(Number(internalPort), 4);
  req.writeUInt16BE(Number(externalPort), 6);
  req.writeUInt32BE(Number(lifetime), 8);
  return udpExchange(gw, 5351, req, (msg) => {
    if (msg.length < 16 || msg[0] !== 0 || msg[1] !== 128 + op) return null;
    return { result: msg.readUInt16BE(2), epoch: msg.readUInt32BE(4), internalPort: msg.readUInt16BE(8), externalPort: msg.readUInt16BE(10), lifetime: msg.readUInt32BE(12) };
  });
}

function listen(ip, port, banner, seconds = 60) {
  const srv = net.createServer((c) => { c.on('error', () => {}); c.end(banner + '\n'); });
  srv.on('error', (e) => { console.error(e.message); process.exit(1); });
  srv.listen(Number(port), ip, () => console.log('READY'));
  setTimeout(() => process.exit(0), Math.min(Number(seconds), 600) * 1000).unref();
  for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
}

function connect(ip, port, timeoutMs = TIMEOUT_MS) {
  return new Promise((resolve) => {
    const s = net.connect({ host: ip, port: Number(port) });
    let data = '';
    let connected = false;
    const done = () => { clearTimeout(t); s.destroy(); resolve({ connected, data: data.trim() }); };
    const t = setTimeout(done, Number(timeoutMs));
    s.on('connect', () => { connected = true; });
    s.on('data', (d) => { data += d; if (data.length > 4096) done(); });
    s.on('end', done);
    s.on('error', done);
  });
}

/**
 * Watch the WS-Discovery group (joined on `localIp`) for `seconds` and print each Hello or Bye sent from one of
 * `from` (other senders, e.g. the rogue's 60 KiB shapes, are skipped unread). Text is bounded and matched, never
 * parsed.
 */
function wsdWatch(localIp, seconds, from) {
  const s = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  const senders = new Set(from);
  let lines = 0;
  s.on('message', (msg, r) => {
    if (!senders.has(r.address) || msg.length > 16 * 1024 || lines >= 200) return;
    const t = msg.toString('utf8');
    const action = /<[^>]*Action[^>]*>[^<]*\/discovery\/(Hello|Bye)\s*</.exec(t)?.[1] ?? null;
    if (!action) return;
    const xaddrs = (/<[^>/]*XAddrs[^>]*>([^<]{0,1000})</.exec(t)?.[1] ?? '').trim().split(/\s+/).filter(Boolean);
    lines += 1;
    out({ from: r.address, action, xaddrs });
  });
  s.on('error', (e) => { console.error(e.message); process.exit(1); });
  s.bind(3702, '0.0.0.0', () => {
    s.addMembership('239.255.255.250', localIp);
    console.log('READY');
  });
  setTimeout(() => process.exit(0), Math.min(Number(seconds) || 10, 300) * 1000).unref();
  for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
}

const [cmd, ...a] = process.argv.slice(2);
try {
  if (cmd === 'stun') out(await stun(a[0], a[1] ? Number(a[1]) : 3478, a[2] ?? 'none'));
  else if (cmd === 'natpmp-ext') out(await natpmpExt(a[0]));
  else if (cmd === 'natpmp-map') out(await natpmpMap(a[0], a[1], a[2], a[3], a[4]));
  else if (cmd === 'listen') listen(a[0], a[1], a[2] ?? 'nvrlab', a[3] ?? 60);
  else if (cmd === 'udp') {
    const payload = Buffer.from(a[2] ?? '', 'hex');
    out(await udpExchange(a[0], Number(a[1]), payload, (msg) => ({ answered: true, hex: msg.toString('hex') })).catch((e) => {
      if (/^no answer/.test(e.message)) return { answered: false };
      throw e;
    }));
  } else if (cmd === 'connect') out(await connect(a[0], a[1], a[2] ?? TIMEOUT_MS));
  else if (cmd === 'wsd-watch') wsdWatch(a[0], a[1], a.slice(2));
  else { console.error('usage: probe.mjs stun|natpmp-ext|natpmp-map|listen|connect|udp|wsd-watch …'); process.exit(2); }
} catch (e) {
  console.error(`probe: ${e.message}`);
  process.exit(1);
}
