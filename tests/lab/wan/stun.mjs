// STUN Binding server (RFC 5389, with RFC 5780 CHANGE-REQUEST) on WAN.stun:3478, in the wan namespace.
// It answers from four sockets (stun/stunAlt × 3478/3479) so a client can tell an unrestricted NAT from a
// filtering one — miniupnpd's ext_perform_stun does exactly that test.
import dgram from 'node:dgram';
import { WAN } from '../topology.mjs';
import { decodeStun, changeRequest, bindingSuccess, bindingError, unknownRequired, BINDING_REQUEST } from './stun-wire.mjs';

const PORT = 3478;
const ALT_PORT = 3479;
const endpoints = [
  { ip: WAN.stun, port: PORT },
  { ip: WAN.stun, port: ALT_PORT },
  { ip: WAN.stunAlt, port: PORT },
  { ip: WAN.stunAlt, port: ALT_PORT },
];
const sockets = new Map();
const key = (ip, port) => `${ip}:${port}`;

function onMessage(local, msg, rinfo) {
  const m = decodeStun(msg);
  if (!m || m.type !== BINDING_REQUEST) return; // not STUN or not a request: drop silently
  const unknown = unknownRequired(m);
  if (unknown.length) {
    sockets.get(key(local.ip, local.port)).send(bindingError({ transactionId: m.transactionId, code: 420, reason: 'Unknown Attribute', unknown }), rinfo.port, rinfo.address);
    return;
  }
  const { changeIp, changePort } = changeRequest(m);
  const fromIp = changeIp ? (local.ip === WAN.stun ? WAN.stunAlt : WAN.stun) : local.ip;
  const fromPort = changePort ? (local.port === PORT ? ALT_PORT : PORT) : local.port;
  const other = { ip: local.ip === WAN.stun ? WAN.stunAlt : WAN.stun, port: local.port === PORT ? ALT_PORT : PORT };
  const reply = bindingSuccess({
    transactionId: m.transactionId,
    rfc5389: m.rfc5389,
    mapped: { ip: rinfo.address, port: rinfo.port },
    origin: { ip: fromIp, port: fromPort },
    other,
    software: 'nvrlab-stun',
  });
  sockets.get(key(fromIp, fromPort)).send(reply, rinfo.port, rinfo.address);
}

let bound = 0;
for (const ep of endpoints) {
  const s = dgram.createSocket('udp4');
  s.on('error', (e) => { console.error(`stun ${ep.ip}:${ep.port}: ${e.message}`); process.exit(1); });
  s.on('message', (msg, rinfo) => { try { onMessage(ep, msg, rinfo); } catch (e) { console.error('stun: ' + e.message); } });
  s.bind(ep.port, ep.ip, () => { if (++bound === endpoints.length) console.log('READY'); });
  sockets.set(key(ep.ip, ep.port), s);
}
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
