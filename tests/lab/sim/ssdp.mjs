// SSDP advertiser/responder for a device with UPnP on (UDP 1900, group 239.255.255.250).
import dgram from 'node:dgram';
import { log } from './log.mjs';

export const SSDP_GROUP = '239.255.255.250';
export const SSDP_PORT = 1900;
export const DEVICE_TYPE = 'urn:schemas-upnp-org:device:Basic:1';

export function parseSsdp(buf) {
  const t = buf.toString('latin1');
  if (t.length > 8192) return null;
  const [first, ...lines] = t.split(/\r?\n/);
  const headers = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  return { start: first.trim(), headers };
}

function targets(d) {
  return [
    { nt: 'upnp:rootdevice', usn: `uuid:${d.uuid}::upnp:rootdevice` },
    { nt: `uuid:${d.uuid}`, usn: `uuid:${d.uuid}` },
    { nt: DEVICE_TYPE, usn: `uuid:${d.uuid}::${DEVICE_TYPE}` },
  ];
}

export function searchResponse(d, st, usn) {
  return (
    'HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\n' +
    `DATE: ${new Date().toUTCString()}\r\nEXT:\r\nLOCATION: ${d.location}\r\nSERVER: ${d.server}\r\n` +
    `ST: ${st}\r\nUSN: ${usn}\r\nBOOTID.UPNP.ORG: ${d.bootId}\r\nCONFIGID.UPNP.ORG: 1\r\n\r\n`
  );
}
export function notify(d, nts, nt, usn) {
  return (
    `NOTIFY * HTTP/1.1\r\nHOST: ${SSDP_GROUP}:${SSDP_PORT}\r\nCACHE-CONTROL: max-age=1800\r\n` +
    (nts === 'ssdp:alive' ? `LOCATION: ${d.location}\r\nSERVER: ${d.server}\r\n` : '') +
    `NT: ${nt}\r\nNTS: ${nts}\r\nUSN: ${usn}\r\nBOOTID.UPNP.ORG: ${d.bootId}\r\nCONFIGID.UPNP.ORG: 1\r\n\r\n`
  );
}

/** info(): { uuid, location, server, address, bootId } */
export async function startSsdp({ info }) {
  const sock = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  await new Promise((res, rej) => { sock.once('error', rej); sock.bind(SSDP_PORT, '0.0.0.0', () => { sock.off('error', rej); res(); }); });
  sock.on('error', (e) => log('ssdp error', e.message));
  const d0 = info();
  try { sock.addMembership(SSDP_GROUP, d0.address); sock.setMulticastInterface(d0.address); sock.setMulticastTTL(2); sock.setMulticastLoopback(false); } catch (e) { log('ssdp mcast', e.message); }
  const timers = new Set();
  sock.on('message', (buf, rinfo) => {
    const m = parseSsdp(buf);
    if (!m || !/^M-SEARCH \* HTTP\/1\.1$/i.test(m.start) || m.headers.man?.replace(/"/g, '') !== 'ssdp:discover') return;
    const st = m.headers.st ?? '';
    const d = info();
    const all = targets(d);
    const hits = st === 'ssdp:all' ? all.map((x) => [x.nt, x.usn]) : all.filter((x) => x.nt === st).map((x) => [x.nt, x.usn]);
    if (!hits.length) return;
    const mx = Math.min(Math.max(Number(m.headers.mx) || 1, 1), 5);
    for (const [s, usn] of hits) {
      const t = setTimeout(() => { timers.delete(t); sock.send(Buffer.from(searchResponse(d, s, usn)), rinfo.port, rinfo.address, () => {}); }, Math.floor(Math.random() * Math.min(mx, 1) * 1000));
      timers.add(t);
    }
  });
  const announce = (nts) => Promise.all(targets(info()).map((x) => new Promise((r) => sock.send(Buffer.from(notify(info(), nts, x.nt, x.usn)), SSDP_PORT, SSDP_GROUP, () => r()))));
  await announce('ssdp:alive');
  const refresh = setInterval(() => announce('ssdp:alive'), 300_000);
  return {
    async close() {
      clearInterval(refresh);
      for (const t of timers) clearTimeout(t);
      await announce('ssdp:byebye');
      await new Promise((r) => sock.close(r));
    },
  };
}
