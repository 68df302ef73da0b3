// Hikvision SADP responder: UDP 37020, group 239.255.255.250, XML <Probe> → <ProbeMatch> unicast to the sender.
import dgram from 'node:dgram';
import { parseXml, child, text, esc } from './xml.mjs';
import { prefixToMask } from './netcfg.mjs';
import { log } from './log.mjs';

export const SADP_GROUP = '239.255.255.250';
export const SADP_PORT = 37020;

export function parseSadpProbe(buf) {
  const r = parseXml(buf);
  if (!r.ok) return { ok: false, error: r.error };
  if (r.root.local !== 'Probe') return { ok: false, error: 'not-probe' };
  return { ok: true, uuid: text(child(r.root, null, 'Uuid')), types: text(child(r.root, null, 'Types')) };
}

export function sadpProbeMatchXml(d, uuid) {
  const f = (k, v) => `<${k}>${esc(v)}</${k}>\r\n`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\r\n<ProbeMatch>\r\n' +
    f('Uuid', uuid) + f('Types', 'inquiry') + f('DeviceType', d.deviceType) + f('DeviceDescription', d.model) +
    f('DeviceSN', d.serial) + f('CommandPort', d.commandPort) + f('HttpPort', d.httpPort) +
    f('MAC', d.mac.toLowerCase().replace(/:/g, '-')) + f('IPv4Address', d.address) + f('IPv4SubnetMask', prefixToMask(d.prefix)) +
    f('IPv4Gateway', d.gateway || '0.0.0.0') + f('IPv6Address', '::') + f('IPv6Gateway', '::') + f('IPv6MaskLen', 64) +
    f('DHCP', d.dhcp ? 'true' : 'false') + f('AnalogChannelNum', 0) + f('DigitalChannelNum', 8) +
    f('SoftwareVersion', d.softwareVersion) + f('DSPVersion', 'V5.0, build 230616') + f('BootTime', d.bootTime) +
    f('Encrypt', 'true') + f('ResetAbility', 'false') + f('DiskNumber', 1) + f('Activated', 'true') +
    f('PasswordResetAbility', 'true') + f('PasswordResetModeSecond', 'true') + f('SupportHCPlatform', 'true') +
    f('HCPlatformEnable', 'false') + f('IsModifyVerificationCode', 'true') + f('Salt', d.salt) + f('DeviceLock', 'true') +
    f('SDKServerStatus', 'true') + f('SDKOverTLSPort', 8443) + f('OEMInfo', 'N/A') +
    '</ProbeMatch>\r\n'
  );
}

export async function startSadp({ info }) {
  const sock = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  await new Promise((res, rej) => { sock.once('error', rej); sock.bind(SADP_PORT, '0.0.0.0', () => { sock.off('error', rej); res(); }); });
  sock.on('error', (e) => log('sadp error', e.message));
  try { sock.addMembership(SADP_GROUP, info().address); } catch (e) { log('sadp addMembership', e.message); }
  const recent = new Map();
  sock.on('message', (buf, rinfo) => {
    if (buf.length > 8192) return;
    const p = parseSadpProbe(buf);
    if (!p.ok || !/inquiry/i.test(p.types)) return;
    const key = `${p.uuid}|${rinfo.address}:${rinfo.port}`;
    if (recent.has(key)) return;
    recent.set(key, Date.now());
    if (recent.size > 256) recent.delete(recent.keys().next().value);
    const xml = sadpProbeMatchXml(info(), p.uuid);
    setTimeout(() => sock.send(Buffer.from(xml), rinfo.port, rinfo.address, (e) => e && log('sadp send', e.message)), Math.floor(Math.random() * 200));
  });
  return { close: () => new Promise((r) => sock.close(r)) };
}
