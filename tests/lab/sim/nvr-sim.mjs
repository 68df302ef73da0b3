#!/usr/bin/env node
// NVR/camera simulator for the virtual LAN lab. Runs inside the device's network namespace as root.
//   node tests/lab/sim/nvr-sim.mjs --profile hikvision|dahua|reolink|generic|rogue|scale --host <host>
//     --ip <a.b.c.d|dhcp> --prefix 24 --gateway 192.168.50.1 --iface eth0 --mac <mac> --name <model>
//     --state-dir <dir> [--upnp] [--clock-offset <seconds>] [--count 250] [--rogue-variants a,b,c]
//     [--users <file.json>]  (a test's own simulator: [{user,password,level,locked?}] instead of SIM_USERS)
//     [--https-off]  (a test's own simulator: its HTTPS port configured but off at the first start)
// Prints exactly one line "READY" on stdout when every listener is up; logs go to stderr and <state-dir>/sim.log.
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { setLog, log } from './log.mjs';
import { inPrivateNetns } from './netcfg.mjs';

const { values: a } = parseArgs({
  options: {
    profile: { type: 'string' }, host: { type: 'string' }, ip: { type: 'string' }, prefix: { type: 'string', default: '24' },
    gateway: { type: 'string', default: '' }, iface: { type: 'string', default: 'eth0' }, mac: { type: 'string' },
    name: { type: 'string' }, 'state-dir': { type: 'string' }, upnp: { type: 'boolean', default: false },
    'clock-offset': { type: 'string', default: '0' }, count: { type: 'string' }, 'rogue-variants': { type: 'string' },
    users: { type: 'string' }, 'https-off': { type: 'boolean', default: false },
  },
  strict: true,
});

function fail(msg) { process.stderr.write(`nvr-sim: ${msg}\n`); process.exit(2); }
if (!a.profile) fail('--profile is required');
if (!a['state-dir']) fail('--state-dir is required');
if (!inPrivateNetns()) fail('refusing to run outside a network namespace (start it with ip netns exec)');

const stateDir = path.resolve(a['state-dir']);
fs.mkdirSync(stateDir, { recursive: true });
setLog({ path: path.join(stateDir, 'sim.log'), name: a.host ?? a.profile });

let runner;
let stopping = false;
async function shutdown(sig) {
  if (stopping) return;
  stopping = true;
  log(`${sig}: stopping`);
  const hard = setTimeout(() => process.exit(1), 8000);
  hard.unref();
  try { await runner?.stop(); } catch (e) { log('stop error', e.message); }
  log('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGUSR1', () => runner?.quiet?.());
process.on('SIGUSR2', () => runner?.loud?.());
// `lab.mjs sim <host> renew`: a DHCP device runs its DHCP client again now (others ignore it; never the default exit).
process.on('SIGHUP', () => { runner?.renew?.().catch((e) => log('renew', e.message)); });
process.on('uncaughtException', (e) => log('uncaught', e.stack ?? e.message));
process.on('unhandledRejection', (e) => log('unhandled rejection', e?.stack ?? String(e)));

try {
  if (a.profile === 'rogue') {
    const { Rogue } = await import('./rogue.mjs');
    runner = new Rogue({ ip: a.ip, iface: a.iface, variants: a['rogue-variants'] });
  } else if (a.profile === 'scale') {
    const { Scale } = await import('./scale.mjs');
    runner = new Scale({ count: Number(a.count || 250), iface: a.iface, mac: a.mac, stateDir });
  } else {
    if (!a.ip || !a.mac || !a.name) fail('--ip, --mac and --name are required');
    const { Device } = await import('./device.mjs');
    const users = a.users ? JSON.parse(fs.readFileSync(a.users, 'utf8')) : undefined;
    if (users && (!Array.isArray(users) || !users.every((u) => typeof u?.user === 'string' && typeof u.password === 'string' && u.level)))
      fail('--users must name a JSON array of {user, password, level}');
    runner = new Device({ users, profile: a.profile, host: a.host ?? a.profile, ip: a.ip, prefix: a.prefix, gateway: a.gateway, iface: a.iface, mac: a.mac, name: a.name, stateDir, upnp: a.upnp, clockOffset: a['clock-offset'], httpsOff: a['https-off'] });
  }
  await runner.start();
} catch (e) {
  log('start failed', e.stack ?? e.message);
  try { await runner?.stop(); } catch { /* ignore */ }
  process.exit(1);
}
if (!stopping) {
  process.stdout.write('READY\n');
  log('READY');
}
