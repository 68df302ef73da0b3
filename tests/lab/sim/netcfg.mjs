// Changes the device's own network configuration inside its namespace: static address, default gateway,
// DHCP (busybox udhcpc with our script). Refuses to touch anything in the machine's initial namespace.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from './log.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The name of the `ip netns` namespace this process runs in, or null (e.g. the machine's own namespace). */
export function netnsName() {
  try {
    const self = fs.statSync('/proc/self/ns/net');
    for (const dir of ['/run/netns', '/var/run/netns']) {
      let names = [];
      try { names = fs.readdirSync(dir); } catch { continue; }
      for (const n of names) {
        try {
          const st = fs.statSync(path.join(dir, n));
          if (st.ino === self.ino && st.dev === self.dev) return n;
        } catch { /* vanished */ }
      }
    }
  } catch { /* no procfs */ }
  return null;
}
/** True when this process runs inside a named network namespace (i.e. inside the lab), never on the host's. */
export const inPrivateNetns = () => netnsName() !== null;

function ip(args) {
  if (!inPrivateNetns()) throw new Error('refusing to change addresses outside a network namespace');
  log('ip', args.join(' '));
  return execFileSync('ip', args, { encoding: 'utf8', timeout: 5000 });
}

export function currentIPv4(iface) {
  try {
    const j = JSON.parse(execFileSync('ip', ['-j', '-4', 'addr', 'show', 'dev', iface], { encoding: 'utf8', timeout: 3000 }));
    const a = j[0]?.addr_info?.find((x) => x.family === 'inet' && x.scope === 'global');
    return a ? { address: a.local, prefix: a.prefixlen } : null;
  } catch { return null; }
}

export function prefixToMask(p) {
  const m = p === 0 ? 0 : (~0 << (32 - p)) >>> 0;
  return [24, 16, 8, 0].map((s) => (m >>> s) & 255).join('.');
}
export const ipToInt = (a) => a.split('.').reduce((n, o) => n * 256 + Number(o), 0);
export const sameSubnet = (a, b, p) => p === 0 || ipToInt(a) >>> (32 - p) === ipToInt(b) >>> (32 - p);
export function isUsableIPv4(a) {
  if (!/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(a)) return false;
  const o = a.split('.').map(Number);
  if (o.some((x) => x > 255)) return false;
  return !(o[0] === 0 || o[0] === 127 || o[0] >= 224 || (o[0] === 169 && o[1] === 254));
}

export function setStatic(iface, address, prefix, gateway) {
  ip(['addr', 'flush', 'dev', iface, 'scope', 'global']);
  ip(['addr', 'add', `${address}/${prefix}`, 'dev', iface]);
  ip(['link', 'set', iface, 'up']);
  setRoutes(iface, address, prefix, gateway);
  announce(iface, address);
}

/**
 * Unsolicited ARP for a new address (RFC 5227's announcement), as a real device sends: a neighbour that marked the
 * address unreachable while it was free (its entry FAILED) reaches the device at once. Bounded, in the background.
 */
function announce(iface, address) {
  if (!inPrivateNetns()) return;
  const p = spawn('busybox', ['arping', '-U', '-c', '1', '-w', '1', '-I', iface, '-s', address, address], { stdio: 'ignore' });
  p.on('error', (e) => log('arping', e.message));
  const t = setTimeout(() => p.kill('SIGKILL'), 3000);
  p.on('exit', () => clearTimeout(t));
  p.unref();
}

export function setRoutes(iface, address, prefix, gateway) {
  try { ip(['route', 'replace', '224.0.0.0/4', 'dev', iface]); } catch (e) { log('mcast route', e.message); }
  if (gateway && address && sameSubnet(address, gateway, prefix)) {
    try { ip(['route', 'replace', 'default', 'via', gateway, 'dev', iface]); } catch (e) { log('default route', e.message); }
  }
}

/**
 * Obtain a lease with busybox udhcpc (quits once bound). Resolves to the lease or null. `request`: the address to
 * ask for (DHCP option 50), as a device does for the address it had; the server may offer another.
 */
export function dhcpLease(iface, { hostname, stateDir, request, tries = 6, timeoutMs = 20_000 }) {
  if (!inPrivateNetns()) return Promise.reject(new Error('refusing to run DHCP outside a network namespace'));
  const leaseFile = path.join(stateDir, 'lease.json');
  try { fs.rmSync(leaseFile); } catch { /* none */ }
  try { ip(['addr', 'flush', 'dev', iface, 'scope', 'global']); } catch { /* none */ }
  return new Promise((resolve) => {
    const args = ['udhcpc', '-i', iface, '-f', '-q', '-n', '-t', String(tries), '-T', '1', '-s', path.join(HERE, 'udhcpc-script.sh')];
    if (hostname) args.push('-x', `hostname:${hostname}`);
    if (request && isUsableIPv4(request)) args.push('-r', request);
    const p = spawn('busybox', args, { env: { ...process.env, SIM_LEASE_FILE: leaseFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    const t = setTimeout(() => p.kill('SIGTERM'), timeoutMs);
    p.stdout.on('data', (d) => log('udhcpc', d.toString().trim()));
    p.stderr.on('data', (d) => log('udhcpc', d.toString().trim()));
    p.on('exit', () => {
      clearTimeout(t);
      try { resolve(JSON.parse(fs.readFileSync(leaseFile, 'utf8'))); } catch { resolve(null); }
    });
  });
}
