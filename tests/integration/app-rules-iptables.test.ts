// The Router rules step's iptables text, proven on a router of its own: the lab's router runs nftables with a
// forward chain that drops (an iptables ACCEPT in another table cannot open it), so this test builds three throwaway
// namespaces — a LAN with the NVR's two services, an iptables router (FORWARD policy DROP, NAT), an internet host with
// two source addresses — applies exactly the text `rules --router iptables` prints for the plan, and tries every TCP
// port of the router's WAN address from the allowed and the refused source. Everything it starts is stopped by PID
// and its namespaces deleted by name. Needs root and iptables (the lab's packages).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planForwards } from '../../src/shared/domain/forward-plan';
import type { PortRow } from '../../src/shared/domain/ports';
import { portRow } from '../support/port-row';
import { IPTABLES_REMOVE, iptablesCommands } from '../../src/shared/domain/rule-commands';

const TAG = `nvrt${process.pid % 100000}`;
const NS = { lan: `${TAG}-lan`, rt: `${TAG}-rt`, wan: `${TAG}-wan` };
const NVR = '192.168.77.64';
const ROUTER_WAN = '203.0.113.2';
const ALLOWED = '198.51.100.10';
const REFUSED = '203.0.113.1';
const started: ChildProcess[] = [];

function sh(ns: string | null, cmd: string, args: string[]) {
  const full = ns ? ['ip', ['netns', 'exec', ns, cmd, ...args]] : [cmd, args];
  const r = spawnSync(full[0] as string, full[1] as string[], { encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')}: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

/** An open port of the NVR, as the Ports step would report it. */
const row = (port: number, role: PortRow['role'], service: PortRow['service']): PortRow =>
  portRow(port, role, { service, neededOutside: 'yes', risk: { level: 'medium', reasons: [] }, isDefault: false });

/** The TCP ports of the router's WAN address that accept a connection from `source`: all 65 535, 512 at a time. */
function openFrom(source: string): number[] {
  const script = `
    const net = require('node:net');
    const open = [];
    let next = 1, running = 0;
    const start = () => {
      while (running < 512 && next <= 65535) {
        const port = next++;
        running++;
        const s = net.connect({ host: ${JSON.stringify(ROUTER_WAN)}, port, localAddress: ${JSON.stringify(source)} });
        const t = setTimeout(() => s.destroy(), 1500);
        s.once('connect', () => open.push(port));
        s.once('close', () => { clearTimeout(t); running--; if (next > 65535 && running === 0) console.log(JSON.stringify(open.sort((a, b) => a - b))); else start(); });
        s.once('error', () => {});
      }
    };
    start();`;
  return JSON.parse(sh(NS.wan, process.execPath, ['-e', script])) as number[];
}

function teardown() {
  for (const p of started.splice(0)) if (p.pid && p.exitCode === null) p.kill('SIGTERM');
  for (const n of Object.values(NS)) spawnSync('ip', ['netns', 'del', n], { timeout: 10_000 });
}

beforeAll(async () => {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) throw new Error('this test needs root');
  if (spawnSync('iptables', ['--version']).status !== 0)
    throw new Error('iptables is missing: `npm run lab -- up` installs the lab packages');
  teardown();
  for (const n of Object.values(NS)) sh(null, 'ip', ['netns', 'add', n]);
  // LAN: the NVR behind the router.
  sh(null, 'ip', ['link', 'add', 'lan0', 'netns', NS.rt, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', NS.lan]);
  sh(NS.rt, 'ip', ['addr', 'add', '192.168.77.1/24', 'dev', 'lan0']);
  sh(NS.lan, 'ip', ['addr', 'add', `${NVR}/24`, 'dev', 'eth0']);
  // WAN: the internet host, with a second (allowed) source address.
  sh(null, 'ip', ['link', 'add', 'wan0', 'netns', NS.rt, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', NS.wan]);
  sh(NS.rt, 'ip', ['addr', 'add', `${ROUTER_WAN}/24`, 'dev', 'wan0']);
  sh(NS.wan, 'ip', ['addr', 'add', `${REFUSED}/24`, 'dev', 'eth0']);
  sh(NS.wan, 'ip', ['addr', 'add', `${ALLOWED}/32`, 'dev', 'lo']);
  for (const n of Object.values(NS)) {
    sh(n, 'ip', ['link', 'set', 'lo', 'up']);
    for (const dev of n === NS.rt ? ['lan0', 'wan0'] : ['eth0']) sh(n, 'ip', ['link', 'set', dev, 'up']);
  }
  sh(NS.lan, 'ip', ['route', 'add', 'default', 'via', '192.168.77.1']);
  sh(NS.rt, 'ip', ['route', 'add', `${ALLOWED}/32`, 'via', REFUSED]);
  // The router: forwards only what a rule accepts.
  sh(NS.rt, 'sysctl', ['-q', '-w', 'net.ipv4.ip_forward=1']);
  sh(NS.rt, 'iptables', ['-P', 'FORWARD', 'DROP']);
  sh(NS.rt, 'iptables', ['-A', 'FORWARD', '-m', 'conntrack', '--ctstate', 'ESTABLISHED,RELATED', '-j', 'ACCEPT']);
  // The NVR's HTTPS and SDK ports (plain listeners: reaching them is what is proven).
  for (const port of [443, 8000]) {
    const p = spawn('ip', [
      'netns',
      'exec',
      NS.lan,
      process.execPath,
      '-e',
      `require('node:net').createServer((s) => s.end('nvr ${port}\\n')).listen(${port}, '${NVR}', () => console.log('READY'))`,
    ]);
    started.push(p);
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`listener ${port} did not start`)), 10_000);
      p.stdout!.on('data', (d: Buffer) => d.toString().includes('READY') && (clearTimeout(t), resolve()));
    });
  }
}, 60_000);

afterAll(() => teardown());

describe('nvr-assist rules --router iptables, applied to an iptables router', () => {
  it('opens exactly the planned ports, to exactly the allowed source; its own removal line shuts them again', () => {
    const plan = planForwards({
      deviceId: 'nvr',
      address: NVR,
      addressKept: true,
      rows: [row(80, 'http', 'http'), row(443, 'https', 'https'), row(554, 'rtsp', 'rtsp'), row(8000, 'sdk', 'sdk')],
      wants: { web: true, app: true, video: false },
      sources: [ALLOWED],
      at: new Date(),
    });
    expect(plan.rules.map((r) => `${r.externalPort}->${r.internalPort}`)).toEqual(['10443->443', '8000->8000']);
    expect(openFrom(ALLOWED)).toEqual([]);
    // Exactly the text the CLI prints, line by line, as root on the router.
    const text = iptablesCommands(plan, { wan: 'wan0' });
    for (const line of text.split('\n').filter((l) => l.startsWith('iptables '))) {
      const r = spawnSync('ip', ['netns', 'exec', NS.rt, 'sh', '-c', line], { encoding: 'utf8', timeout: 10_000 });
      expect(r.status, `${line}: ${r.stderr}`).toBe(0);
    }
    expect(openFrom(ALLOWED)).toEqual([8000, 10443]);
    expect(openFrom(REFUSED)).toEqual([]);
    // 10443 reaches the NVR's 443 (the listener says which port answered).
    const reply = sh(NS.wan, 'curl', ['-s', '--max-time', '5', '--interface', ALLOWED, `telnet://${ROUTER_WAN}:10443`]);
    expect(reply).toContain('nvr 443');
    // The text's own removal line takes every rule out again, and nothing else: the ports are shut as before.
    expect(text).toContain(`# Remove them all with: ${IPTABLES_REMOVE}`);
    const removed = spawnSync('ip', ['netns', 'exec', NS.rt, 'sh', '-c', IPTABLES_REMOVE], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(removed.status, removed.stderr).toBe(0);
    expect(openFrom(ALLOWED)).toEqual([]);
    expect(sh(NS.rt, 'iptables-save', [])).not.toContain('NVR_ASSIST');
  }, 120_000);
});
