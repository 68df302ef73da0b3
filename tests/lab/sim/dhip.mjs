// Dahua DHIP discovery responder: UDP 37810, group 239.255.255.251.
// Request and reply: 32-byte header (u32le 0x20, "DHIP", u32le session, u32le id, u32le len, u32le 0, u32le len, u32le 0) + JSON.
import dgram from 'node:dgram';
import { prefixToMask } from './netcfg.mjs';
import { log } from './log.mjs';

export const DHIP_GROUP = '239.255.255.251';
export const DHIP_PORT = 37810;

export function dhipPacket(obj, { session = 0, id = 0 } = {}) {
  const body = Buffer.from(JSON.stringify(obj) + '\n');
  const h = Buffer.alloc(32);
  h.writeUInt32LE(0x20, 0);
  h.write('DHIP', 4, 'latin1');
  h.writeUInt32LE(session, 8);
  h.writeUInt32LE(id, 12);
  h.writeUInt32LE(body.length, 16);
  h.writeUInt32LE(body.length, 24);
  return Buffer.concat([h, body]);
}

export function parseDhip(buf) {
  if (buf.length < 32 || buf.toString('latin1', 4, 8) !== 'DHIP') return { ok: false, error: 'no-magic' };
  const len = buf.readUInt32LE(16);
  if (len > 16384 || 32 + len > buf.length) return { ok: false, error: 'bad-length' };
  try {
    const json = JSON.parse(buf.subarray(32, 32 + len).toString('utf8'));
    return { ok: true, session: buf.readUInt32LE(8), id: buf.readUInt32LE(12), json };
  } catch { return { ok: false, error: 'bad-json' }; }
}

export function notifyDevInfo(d) {
  return {
    mac: d.mac.toLowerCase(),
    method: 'client.notifyDevInfo',
    params: {
      deviceInfo: {
        AlarmInputChannels: 4, AlarmOutputChannels: 1, DeviceClass: 'NVR', DeviceType: d.model, HttpPort: d.httpPort, HttpsPort: d.httpsPort,
        IPv4Address: { DefaultGateway: d.gateway || '0.0.0.0', DhcpEnable: !!d.dhcp, IPAddress: d.address, SubnetMask: prefixToMask(d.prefix) },
        IPv6Address: { DefaultGateway: '', DhcpEnable: false, IPAddress: '/64' },
        Init: 1, MachineName: d.hostname, Manufacturer: 'Dahua', Port: d.sdkPort, RemoteVideoInputChannels: 8,
        SerialNo: d.serial, UnLoginFuncMask: 7, Vendor: 'Dahua', Version: d.version, VideoInputChannels: 0, VideoOutputChannels: 2,
      },
    },
  };
}

export async function startDhip({ info }) {
  const sock = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  await new Promise((res, rej) => { sock.once('error', rej); sock.bind(DHIP_PORT, '0.0.0.0', () => { sock.off('error', rej); res(); }); });
  sock.on('error', (e) => log('dhip error', e.message));
  try { sock.addMembership(DHIP_GROUP, info().address); } catch (e) { log('dhip addMembership', e.message); }
  sock.on('message', (buf, rinfo) => {
    if (buf.length > 16384) return;
    const p = parseDhip(buf);
    if (!p.ok || p.json?.method !== 'DHDiscover.search') return;
    const wantMac = p.json.params?.mac;
    const d = info();
    if (wantMac && wantMac.toLowerCase() !== d.mac.toLowerCase()) return;
    const pkt = dhipPacket(notifyDevInfo(d), { id: p.id });
    setTimeout(() => sock.send(pkt, rinfo.port, rinfo.address, (e) => e && log('dhip send', e.message)), Math.floor(Math.random() * 200));
  });
  return { close: () => new Promise((r) => sock.close(r)) };
}
