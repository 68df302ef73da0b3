// The media range rule (a declared RTP range over UDP, e.g. QNAP 6100–6199), proven on routers of its own: three
// throwaway namespaces — a LAN with the NVR listening on UDP around the range, a router, an internet host with an
// allowed and a refused source address. The router gets exactly the text `rules --router nftables` prints for the
// plan, then (its table removed) exactly the iptables text; each time a datagram goes to every port from 6095 to
// 6205 from both sources, and the NVR reports which arrived, on which port. UDP cannot be proven from outside by a
// port checker; it can here. Everything started is stopped by PID, the namespaces deleted by name. Needs root, nft
// and iptables (the lab's packages), not the lab.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planForwards } from '../../src/shared/domain/forward-plan';
import { iptablesCommands, nftablesCommands } from '../../src/shared/domain/rule-commands';
import { portRow } from '../support/port-row';

const TAG = `nvru${process.pid % 100000}`;
const NS = { lan: `${TAG}-lan`, rt: `${TAG}-rt`, wan: `${TAG}-wan` };
const NVR = '192.168.78.70';
const ROUTER_WAN = '203.0.113.2';
const ALLOWED = '198.51.100.10';
const REFUSED = '203.0.113.1';
const FIRST = 6095;
const LAST = 6205;
let nvr: ChildProcess | null = null;
let heard = '';

function sh(ns: string | null, cmd: string, args: string[]) {
  const full = ns ? ['ip', ['netns', 'exec', ns, cmd, ...args]] : [cmd, args];
  const r = spawnSync(full[0] as string, full[1] as string[], { encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')}: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

/** Sends one datagram `tag:port` to every port FIRST…LAST of the router's WAN address from `source`. */
function sendAll(source: string, tag: string): void {
  const script = `
    const s = require('node:dgram').createSocket('udp4');
    s.bind(0, ${JSON.stringify(source)}, async () => {
      for (let p = ${FIRST}; p <= ${LAST}; p++) {
        await new Promise((r) => s.send(${JSON.stringify(tag)} + ':' + p, p, ${JSON.stringify(ROUTER_WAN)}, r));
      }
      setTimeout(() => s.close(), 200);
    });`;
  sh(NS.wan, process.execPath, ['-e', script]);
}

/** What the NVR heard for `tag`: "sent-to-port@arrived-on-port", sorted by port. */
async function arrived(tag: string): Promise<string[]> {
  await new Promise((r) => setTimeout(r, 700));
  return [...heard.matchAll(new RegExp(`^${tag}:(\\d+)@(\\d+)$`, 'gm'))]
    .map((m) => [Number(m[1]), Number(m[2])] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([sent, on]) => `${sent}@${on}`);
}

const plan = planForwards({
  deviceId: 'qnap',
  address: NVR,
  addressKept: true,
  rows: [
    portRow(443, 'https', { service: 'https' }),
    portRow(554, 'rtsp', { service: 'rtsp' }),
    portRow(8000, 'sdk', { service: 'sdk' }),
  ],
  wants: { web: true, app: true, video: true, udpMedia: true },
  sources: [ALLOWED],
  mediaRange: { port: 6100, portEnd: 6199, source: 'QNAP' },
  at: new Date(),
});
const RANGE = Array.from({ length: 100 }, (_, i) => `${6100 + i}@${6100 + i}`);

function teardown() {
  if (nvr?.pid && nvr.exitCode === null) nvr.kill('SIGTERM');
  nvr = null;
  for (const n of Object.values(NS)) spawnSync('ip', ['netns', 'del', n], { timeout: 10_000 });
}

beforeAll(async () => {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) throw new Error('this test needs root');
  for (const tool of ['nft', 'iptables'])
    if (spawnSync(tool, ['--version']).status !== 0)
      throw new Error(`${tool} is missing: \`npm run lab -- up\` installs the lab packages`);
  teardown();
  for (const n of Object.values(NS)) sh(null, 'ip', ['netns', 'add', n]);
  sh(null, 'ip', ['link', 'add', 'lan0', 'netns', NS.rt, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', NS.lan]);
  sh(NS.rt, 'ip', ['addr', 'add', '192.168.78.1/24', 'dev', 'lan0']);
  sh(NS.lan, 'ip', ['addr', 'add', `${NVR}/24`, 'dev', 'eth0']);
  sh(null, 'ip', ['link', 'add', 'wan0', 'netns', NS.rt, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', NS.wan]);
  sh(NS.rt, 'ip', ['addr', 'add', `${ROUTER_WAN}/24`, 'dev', 'wan0']);
  sh(NS.wan, 'ip', ['addr', 'add', `${REFUSED}/24`, 'dev', 'eth0']);
  sh(NS.wan, 'ip', ['addr', 'add', `${ALLOWED}/32`, 'dev', 'lo']);
  for (const n of Object.values(NS)) {
    sh(n, 'ip', ['link', 'set', 'lo', 'up']);
    for (const dev of n === NS.rt ? ['lan0', 'wan0'] : ['eth0']) sh(n, 'ip', ['link', 'set', dev, 'up']);
  }
  sh(NS.lan, 'ip', ['route', 'add', 'default', 'via', '192.168.78.1']);
  sh(NS.rt, 'ip', ['route', 'add', `${ALLOWED}/32`, 'via', REFUSED]);
  sh(NS.rt, 'sysctl', ['-q', '-w', 'net.ipv4.ip_forward=1']);
  // The NVR: a UDP socket on every port around the range, printing "<what was sent>@<port it arrived on>".
  const listener = `
    const dgram = require('node:dgram');
    let ready = 0;
    for (let p = ${FIRST}; p <= ${LAST}; p++) {
      const s = dgram.createSocket('udp4');
      s.on('message', (m) => console.log(m.toString().slice(0, 40) + '@' + p));
      s.bind(p, ${JSON.stringify(NVR)}, () => { if (++ready === ${LAST - FIRST + 1}) console.log('READY'); });
    }`;
  nvr = spawn('ip', ['netns', 'exec', NS.lan, process.execPath, '-e', listener]);
  nvr.stdout!.on('data', (d: Buffer) => (heard += d.toString()));
  const t0 = Date.now();
  while (!heard.includes('READY') && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 50));
  if (!heard.includes('READY')) throw new Error('the NVR’s UDP listeners did not start');
}, 60_000);

afterAll(() => teardown());

describe('a UDP media range rule, applied to real routers', () => {
  it('the plan has one UDP rule for 6100–6199 beside the TCP ones', () => {
    expect(plan.rules.map((r) => `${r.protocol} ${r.externalPort}${r.portCount ? `+${r.portCount}` : ''}`)).toEqual([
      'tcp 10443',
      'tcp 8000',
      'tcp 10554',
      'udp 6100+100',
    ]);
  });

  it('nftables: every port of the range reaches the NVR on its own number, from the allowed source only; 6099 and 6200 do not', async () => {
    sendAll(ALLOWED, 'pre');
    expect(await arrived('pre')).toEqual([]);
    const file = nftablesCommands(plan, { wan: 'wan0' });
    const r = spawnSync('ip', ['netns', 'exec', NS.rt, 'nft', '-f', '-'], { input: file, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    sendAll(ALLOWED, 'nfta');
    sendAll(REFUSED, 'nftr');
    expect(await arrived('nfta')).toEqual(RANGE);
    expect(await arrived('nftr')).toEqual([]);
    sh(NS.rt, 'nft', ['delete', 'table', 'inet', 'nvr_assist']);
  }, 60_000);

  it('iptables: the same, from exactly the lines it prints', async () => {
    sendAll(ALLOWED, 'mid');
    expect(await arrived('mid')).toEqual([]);
    for (const line of iptablesCommands(plan, { wan: 'wan0' })
      .split('\n')
      .filter((l) => l.startsWith('iptables '))) {
      const r = spawnSync('ip', ['netns', 'exec', NS.rt, 'sh', '-c', line], { encoding: 'utf8', timeout: 10_000 });
      expect(r.status, `${line}: ${r.stderr}`).toBe(0);
    }
    sendAll(ALLOWED, 'ipta');
    sendAll(REFUSED, 'iptr');
    expect(await arrived('ipta')).toEqual(RANGE);
    expect(await arrived('iptr')).toEqual([]);
  }, 60_000);
});
