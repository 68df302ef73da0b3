#!/usr/bin/env node
// Reads a simulator with the npm `onvif` client (agsh/onvif 0.8.3), as a third-party cross-check.
//   onvif-check.mjs <host> <port> <user> <password> [--digest]
// Prints JSON { info, time, interfaces, protocols, streamUri } or { error }.
import onvif from 'onvif';

const [host, port, username, password] = process.argv.slice(2);
const digest = process.argv.includes('--digest');
const guard = setTimeout(() => { console.log(JSON.stringify({ error: 'timeout' })); process.exit(1); }, 20_000);
const p = (fn) => new Promise((res, rej) => fn((err, data) => (err ? rej(err) : res(data))));

const cam = new onvif.Cam({ hostname: host, port: Number(port), username, password, timeout: 8000, autoconnect: false, useWSSecurity: !digest });
cam.on('warning', () => {});
try {
  await p((cb) => cam.connect(cb));
  const info = await p((cb) => cam.getDeviceInformation(cb));
  const time = await p((cb) => cam.getSystemDateAndTime(cb));
  const interfaces = await p((cb) => cam.getNetworkInterfaces(cb));
  const protocols = await p((cb) => cam.getNetworkProtocols(cb));
  let streamUri = null;
  try { streamUri = (await p((cb) => cam.getStreamUri({ protocol: 'RTSP' }, cb)))?.uri ?? null; } catch (e) { streamUri = `error: ${e.message}`; }
  clearTimeout(guard);
  console.log(JSON.stringify({ info, time, interfaces, protocols, streamUri, profiles: (cam.profiles ?? []).length }));
  process.exit(0);
} catch (e) {
  clearTimeout(guard);
  console.log(JSON.stringify({ error: e.message }));
  process.exit(1);
}
