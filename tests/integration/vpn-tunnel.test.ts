// The VPN step's configs, run for real: a userspace WireGuard (Debian's wireguard-go; the kernel here has no
// WireGuard module) brings up the GENERATED Linux wg-quick server config in a router namespace and the GENERATED
// device config in a "phone" namespace on the internet side, and the phone reaches the NVR's web page through the
// tunnel — and only through it. The namespaces are this test's own (nvrvpn-<pid>-lan/-rt/-ph), not the lab's:
//
//   NVR 192.168.77.64 (lan) ── 192.168.77.1 router 203.0.113.2 (rt) ── 203.0.113.10 phone (ph)
//
// The router forwards nothing from the internet side (FORWARD policy DROP, as a home router), the server config's
// PostUp lines let the tunnel in to the LAN. Both files are brought up with `wg-quick up <file>` exactly as written
// (no DNS line to strip: the device config has none), with WG_QUICK_USERSPACE_IMPLEMENTATION pointing at a small
// script of ours that runs `wireguard-go -f <interface>` in the background and records its PID (wg-quick's own
// fallback runs wireguard-go daemonised, whose PID we could not stop by). Each namespace's interface has its own
// name (wgs<n>, wgp<n>): wireguard-go's control socket lives in /var/run/wireguard, shared by all namespaces.
// Everything started is stopped by PID and the namespaces deleted by name in afterAll. Needs root and the lab's
// packages wireguard-go, wireguard-tools and iptables (tests/lab/lib/prereq.mjs); skipped, saying why, without root or
// `ip netns`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVpnService } from '../../src/main/services/vpn/vpn-service';
import { publicKeyOf } from '../../src/main/services/vpn/wg-keys';
import type { VpnCheck } from '../../src/shared/domain/vpn-check';
import type { VpnPlan } from '../../src/shared/domain/vpn-plan';
import { CLI } from '../support/lab-cli';

const TAG = `nvrvpn-${process.pid}`;
const NS = { lan: `${TAG}-lan`, rt: `${TAG}-rt`, ph: `${TAG}-ph` };
const N = process.pid % 100000;
const IF = { server: `wgs${N}`, phone: `wgp${N}` };
const NVR = '192.168.77.64';
const ROUTER_WAN = '203.0.113.2';
const PHONE = '203.0.113.10';
const dir = mkdtempSync(join(tmpdir(), 'nvrvpn-'));
const started: ChildProcess[] = [];

const why = (() => {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'not root';
  if (spawnSync('ip', ['netns', 'list'], { timeout: 10_000 }).status !== 0) return '`ip netns` is not available';
  return null;
})();
if (why) console.warn(`vpn-tunnel.test.ts skipped: ${why} (it builds network namespaces of its own)`);

const ENV = {
  ...process.env,
  WG_I_PREFER_BUGGY_USERSPACE_TO_POLISHED_KMOD: '1',
  WG_QUICK_USERSPACE_IMPLEMENTATION: join(dir, 'wireguard-go-fg.sh'),
};

function run(ns: string | null, cmd: string, args: string[], timeout = 20_000) {
  const full = ns ? ['ip', ['netns', 'exec', ns, cmd, ...args]] : [cmd, args];
  return spawnSync(full[0] as string, full[1] as string[], { encoding: 'utf8', timeout, env: ENV });
}
function sh(ns: string | null, cmd: string, args: string[], timeout = 20_000): string {
  const r = run(ns, cmd, args, timeout);
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')}: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

/** The NVR's page from the phone: its body, or null when nothing answered within 3 s. */
function pageFromPhone(): string | null {
  const r = run(NS.ph, 'curl', ['-s', '--max-time', '3', `http://${NVR}/`], 10_000);
  return r.status === 0 ? r.stdout : null;
}

/** The TCP ports of `host` that accept a connection from the phone: all 65 535, 512 at a time, 1.5 s each. */
function openFromPhone(host: string, ports: number[] | null = null): number[] {
  const script = `
    const net = require('node:net');
    const list = ${JSON.stringify(ports)} ?? Array.from({ length: 65535 }, (_, i) => i + 1);
    const open = [];
    let next = 0, running = 0;
    const start = () => {
      while (running < 512 && next < list.length) {
        const port = list[next++];
        running++;
        const s = net.connect({ host: ${JSON.stringify(host)}, port });
        const t = setTimeout(() => s.destroy(), 1500);
        s.once('connect', () => open.push(port));
        s.once('close', () => { clearTimeout(t); running--; if (next >= list.length && running === 0) console.log(JSON.stringify(open.sort((a, b) => a - b))); else start(); });
        s.once('error', () => {});
      }
    };
    start();`;
  return JSON.parse(sh(NS.ph, process.execPath, ['-e', script], 240_000)) as number[];
}

/**
 * `nvr-assist <args> --json` (the BUILT CLI) from the LAN — the computer the app runs on — with the data folder whose
 * key file the test's plan made, so the CLI's plan has the same keys as the configs brought up here.
 */
function cliFromLan(args: string[]): { code: number | null; json: unknown; stderr: string } {
  const r = spawnSync('ip', ['netns', 'exec', NS.lan, process.execPath, CLI, ...args, '--json'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NVR_ASSIST_DATA_DIR: join(dir, 'keys') },
  });
  let json: unknown;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    json = null;
  }
  return { code: r.status, json, stderr: r.stderr };
}

function pidOf(iface: string): number | null {
  const f = join(dir, `${iface}.pid`);
  return existsSync(f) ? Number(readFileSync(f, 'utf8').trim()) || null : null;
}
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function teardown() {
  for (const iface of Object.values(IF)) {
    const pid = pidOf(iface);
    if (pid && alive(pid)) process.kill(pid, 'SIGTERM');
    for (let i = 0; pid && alive(pid) && i < 50; i++) await new Promise((r) => setTimeout(r, 100));
    if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(join('/var/run/wireguard', `${iface}.sock`), { force: true });
    rmSync(join('/var/run/wireguard', `${iface}.name`), { force: true });
  }
  for (const p of started.splice(0)) if (p.pid && p.exitCode === null) p.kill('SIGTERM');
  for (const n of Object.values(NS)) spawnSync('ip', ['netns', 'del', n], { timeout: 10_000 });
}

let plan: VpnPlan;
const files = { server: join(dir, `${IF.server}.conf`), phone: join(dir, `${IF.phone}.conf`) };

beforeAll(async () => {
  if (why) return;
  for (const tool of ['wg', 'wg-quick', 'wireguard-go', 'iptables', 'curl'])
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
      throw new Error(
        `${tool} is missing: \`npm run lab -- up\` installs the lab packages (wireguard-go, wireguard-tools)`,
      );
  await teardown();
  // wg-quick's userspace fallback, as a script of ours: wireguard-go in the foreground (-f), backgrounded, its PID
  // kept; returns once the control socket is there (5 s at most).
  writeFileSync(
    ENV.WG_QUICK_USERSPACE_IMPLEMENTATION,
    [
      '#!/bin/sh',
      `wireguard-go -f "$1" > "${dir}/$1.log" 2>&1 &`,
      `echo $! > "${dir}/$1.pid"`,
      'i=0; while [ ! -S "/var/run/wireguard/$1.sock" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done',
      '[ -S "/var/run/wireguard/$1.sock" ]',
      '',
    ].join('\n'),
    { mode: 0o700 },
  );
  for (const n of Object.values(NS)) sh(null, 'ip', ['netns', 'add', n]);
  sh(null, 'ip', ['link', 'add', 'lan0', 'netns', NS.rt, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', NS.lan]);
  sh(null, 'ip', ['link', 'add', 'wan0', 'netns', NS.rt, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', NS.ph]);
  sh(NS.rt, 'ip', ['addr', 'add', '192.168.77.1/24', 'dev', 'lan0']);
  sh(NS.rt, 'ip', ['addr', 'add', `${ROUTER_WAN}/24`, 'dev', 'wan0']);
  sh(NS.lan, 'ip', ['addr', 'add', `${NVR}/24`, 'dev', 'eth0']);
  sh(NS.ph, 'ip', ['addr', 'add', `${PHONE}/24`, 'dev', 'eth0']);
  for (const n of Object.values(NS)) {
    sh(n, 'ip', ['link', 'set', 'lo', 'up']);
    for (const dev of n === NS.rt ? ['lan0', 'wan0'] : ['eth0']) sh(n, 'ip', ['link', 'set', dev, 'up']);
  }
  sh(NS.lan, 'ip', ['route', 'add', 'default', 'via', '192.168.77.1']);
  // The phone's "internet" leads to the router too: without the tunnel, it is the router's firewall that stops it.
  sh(NS.ph, 'ip', ['route', 'add', 'default', 'via', ROUTER_WAN]);
  // A home router: forwards the LAN out (NAT) and nothing in. ip_forward is left to the server config's PostUp.
  sh(NS.rt, 'iptables', ['-P', 'FORWARD', 'DROP']);
  sh(NS.rt, 'iptables', ['-A', 'FORWARD', '-i', 'lan0', '-o', 'wan0', '-j', 'ACCEPT']);
  sh(NS.rt, 'iptables', [
    '-A',
    'FORWARD',
    '-i',
    'wan0',
    '-o',
    'lan0',
    '-m',
    'conntrack',
    '--ctstate',
    'ESTABLISHED,RELATED',
    '-j',
    'ACCEPT',
  ]);
  sh(NS.rt, 'iptables', ['-t', 'nat', '-A', 'POSTROUTING', '-o', 'wan0', '-j', 'MASQUERADE']);
  // The NVR's web page.
  const nvr = spawn('ip', [
    'netns',
    'exec',
    NS.lan,
    process.execPath,
    '-e',
    `require('node:http').createServer((q, s) => s.end('<title>NVR login</title>')).listen(80, '${NVR}', () => console.log('READY'))`,
  ]);
  started.push(nvr);
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('the NVR page did not start')), 10_000);
    nvr.stdout!.on('data', (d: Buffer) => d.toString().includes('READY') && (clearTimeout(t), resolve()));
  });

  // The plan and the two files, as `vpn plan --server linux` and `vpn config server|phone --out` make them.
  const vpn = createVpnService({ keysFile: join(dir, 'keys', 'vpn-keys.json'), resolve: async () => [] });
  plan = await vpn.plan({
    server: 'linux',
    lan: '192.168.77.0/24',
    otherNetworks: ['203.0.113.0/24'],
    peers: ['phone'],
    ddnsName: null,
    publicAddress: ROUTER_WAN,
    verdict: 'public-on-router',
    serverLanAddress: '192.168.77.1',
    at: new Date(),
  });
  await vpn.writeConfig(plan, 'server', files.server);
  await vpn.writeConfig(plan, 'phone', files.phone);
}, 120_000);

afterAll(async () => {
  await teardown();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe.skipIf(why !== null)('the generated WireGuard configs, run by wg-quick over wireguard-go', () => {
  it('the plan: the tunnel beside the LAN and the internet side, the phone dialling the public address on 51820', () => {
    expect(plan.mode).toBe('wireguard');
    expect(plan.tunnel).toBe('10.8.0.0/24');
    expect(plan.endpoint).toEqual({ host: ROUTER_WAN, kind: 'address' });
    expect(plan.allowedIps).toEqual(['192.168.77.0/24', '10.8.0.0/24']);
  });

  it('our keys are WireGuard’s: `wg pubkey` of each private key in the files is the public key in the plan', () => {
    const privateOf = (file: string) => /^PrivateKey = (\S+)$/m.exec(readFileSync(file, 'utf8'))![1]!;
    const pub = (priv: string) =>
      spawnSync('wg', ['pubkey'], { input: `${priv}\n`, encoding: 'utf8', timeout: 5000 }).stdout.trim();
    expect(pub(privateOf(files.server))).toBe(plan.serverPublicKey);
    expect(pub(privateOf(files.phone))).toBe(plan.peers[0]!.publicKey);
    // The other direction: keys `wg genkey` made, through our publicKeyOf, give what `wg pubkey` prints.
    for (let i = 0; i < 5; i++) {
      const genkey = spawnSync('wg', ['genkey'], { encoding: 'utf8', timeout: 5000 }).stdout.trim();
      expect(publicKeyOf(genkey)).toBe(pub(genkey));
    }
  });

  it('both files are owner-only (0600), as wg-quick wants them', () => {
    expect(statSync(files.server).mode & 0o777).toBe(0o600);
    expect(statSync(files.phone).mode & 0o777).toBe(0o600);
  });

  it('from the internet side, before the tunnel: no TCP port of the router open, the NVR unreachable', () => {
    expect(openFromPhone(ROUTER_WAN)).toEqual([]);
    expect(openFromPhone(NVR, [80, 443, 554, 8000, 37777])).toEqual([]);
    expect(pageFromPhone()).toBeNull();
  }, 240_000);

  it('`vpn check` from the LAN before the server is up: no answer to the handshake, said with its causes, exit 3', () => {
    const planned = cliFromLan(['vpn', 'plan', '--server', 'linux', '--server-address', '192.168.77.1']);
    expect(planned.code, planned.stderr).toBe(0);
    // The CLI's plan kept the test's keys (same data folder): the configs brought up below are this plan's.
    expect((planned.json as VpnPlan).serverPublicKey).toBe(plan.serverPublicKey);
    const r = cliFromLan(['vpn', 'check']);
    expect(r.code, r.stderr).toBe(3);
    const c = r.json as VpnCheck;
    expect(c.server).toMatchObject({
      address: '192.168.77.1',
      port: 51820,
      peer: 'phone',
      answer: 'silent',
      ok: false,
    });
    expect(c.server.attempts).toBe(3);
    expect(c.server.text).toContain('the server is not running');
  }, 60_000);

  it('the phone reaches the NVR’s web page through the tunnel, and not once the tunnel is down', () => {
    const up = run(NS.rt, 'wg-quick', ['up', files.server], 30_000);
    expect(up.status, up.stderr).toBe(0);
    expect(pidOf(IF.server)).not.toBeNull();
    expect(sh(NS.rt, 'wg', ['show', IF.server, 'listen-port']).trim()).toBe('51820');
    // With the server up, still nothing but UDP 51820 on the internet side: no TCP port, the NVR not routed.
    expect(openFromPhone(ROUTER_WAN, [22, 80, 443, 554, 8000, 8080, 10443, 37777, 51820])).toEqual([]);
    expect(pageFromPhone()).toBeNull();

    // The check from inside: wireguard-go answers a handshake made with the phone's keys, and the answer opens
    // with them (the server runs with this plan's key and knows the phone). Sent to the server's LAN address.
    const checked = cliFromLan(['vpn', 'check', 'phone']);
    const c = checked.json as VpnCheck;
    expect(c.server, checked.stderr).toMatchObject({ address: '192.168.77.1', answer: 'handshake', ok: true });
    expect(c.server.text).toContain('runs with this plan’s server key');
    // Nothing else known in this throwaway network: no Internet check (the name is unjudged), no proof from outside.
    expect(c.exposure.ok).toBeNull();
    expect(c.phoneTest.join(' ')).toContain('mobile data');
    expect(checked.code).toBe(c.endpoint.ok === false ? 3 : 0);
    // A server that does not know the device stays silent: the same check with the server's list of devices emptied.
    sh(NS.rt, 'wg', ['set', IF.server, 'peer', plan.peers[0]!.publicKey, 'remove']);
    const unknown = cliFromLan(['vpn', 'check', 'phone']);
    expect((unknown.json as VpnCheck).server).toMatchObject({ answer: 'silent', ok: false });
    expect(unknown.code).toBe(3);
    sh(NS.rt, 'wg', ['set', IF.server, 'peer', plan.peers[0]!.publicKey, 'allowed-ips', plan.peers[0]!.address]);
    const phoneUp = run(NS.ph, 'wg-quick', ['up', files.phone], 30_000);
    expect(phoneUp.status, phoneUp.stderr).toBe(0);
    let page: string | null = null;
    for (let i = 0; i < 5 && page === null; i++) page = pageFromPhone();
    expect(page).toContain('<title>NVR login</title>');
    // The handshake happened, with the phone's public key, from the phone's internet address.
    const dump = sh(NS.rt, 'wg', ['show', IF.server, 'dump']).trim().split('\n').slice(1);
    expect(dump).toHaveLength(1);
    const [peerKey, , endpoint, allowed, handshake] = dump[0]!.split('\t');
    expect(peerKey).toBe(plan.peers[0]!.publicKey);
    expect(endpoint).toMatch(new RegExp(`^${PHONE.replace(/\./g, '\\.')}:\\d+$`));
    expect(allowed).toBe('10.8.0.2/32');
    expect(Number(handshake)).toBeGreaterThan(0);
    // Split tunnel: only the LAN and the tunnel go through it (the phone's default route is untouched).
    expect(sh(NS.ph, 'ip', ['route', 'get', '192.168.77.64'])).toContain(`dev ${IF.phone}`);
    expect(sh(NS.ph, 'ip', ['route', 'get', '198.51.100.1'])).toContain('dev eth0');

    const phoneDown = run(NS.ph, 'wg-quick', ['down', files.phone], 30_000);
    expect(phoneDown.status, phoneDown.stderr).toBe(0);
    expect(pageFromPhone()).toBeNull();
  }, 120_000);
});
