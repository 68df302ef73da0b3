// The scale simulator (250 devices in one process), run in two throw-away namespaces of this test
// (simt-scl-*, one veth between them), so it needs neither the lab's scale profile nor its router.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pollUntil } from '../lab/lib/testkit.mjs';
import { SIM_USERS, scaleAddresses, SCALE_MAC } from '../lab/sim/testing.mjs';

const DEV = 'simt-scl-dev';
const CLI = 'simt-scl-cli';
const CLIENT_IP = '192.168.50.10';
const TOOLS = path.resolve(__dirname, '../lab/sim/tools');
const SIM = path.resolve(__dirname, '../lab/sim/nvr-sim.mjs');
const admin = SIM_USERS.find((u) => u.level === 'Administrator')!;
const ip = (...a: string[]) => spawnSync('ip', a, { encoding: 'utf8', timeout: 20_000 });
let child: ReturnType<typeof spawn> | null = null;
let stateDir = '';

function probe(args: string[]) {
  const r = spawnSync('ip', ['netns', 'exec', CLI, process.execPath, path.join(TOOLS, 'probe.mjs'), ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(r.stdout.trim());
}

beforeAll(async () => {
  for (const n of [DEV, CLI]) ip('netns', 'del', n);
  ip('netns', 'add', DEV);
  ip('netns', 'add', CLI);
  ip('-n', CLI, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', DEV);
  const batch = scaleAddresses()
    .map((a) => `address add ${a}/24 dev eth0`)
    .join('\n');
  spawnSync('ip', ['-n', DEV, '-batch', '-'], { input: batch + '\n', encoding: 'utf8', timeout: 20_000 });
  for (const [n, a] of [[CLI, `${CLIENT_IP}/24`]] as const) ip('-n', n, 'addr', 'add', a, 'dev', 'eth0');
  for (const n of [DEV, CLI]) {
    ip('-n', n, 'link', 'set', 'lo', 'up');
    ip('-n', n, 'link', 'set', 'eth0', 'up');
    ip('-n', n, 'route', 'add', '224.0.0.0/4', 'dev', 'eth0');
  }
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'simt-scl-'));
  const c = spawn(
    'ip',
    [
      'netns',
      'exec',
      DEV,
      process.execPath,
      SIM,
      '--profile',
      'scale',
      '--host',
      'scale',
      '--ip',
      'none',
      '--iface',
      'eth0',
      '--mac',
      SCALE_MAC,
      '--name',
      'scale',
      '--state-dir',
      stateDir,
      '--count',
      '250',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child = c;
  let out = '';
  c.stdout!.on('data', (d) => {
    out += d;
  });
  c.stderr!.on('data', () => {});
  await pollUntil(() => out.includes('READY'), { timeoutMs: 30_000, what: 'the scale simulator to print READY' });
});

afterAll(async () => {
  const c = child;
  if (c && c.exitCode === null) {
    await new Promise<void>((res) => {
      const t = setTimeout(() => {
        c.kill('SIGKILL');
        res();
      }, 5000);
      c.once('exit', () => {
        clearTimeout(t);
        res();
      });
      c.kill('SIGTERM');
    });
  }
  for (const n of [DEV, CLI]) ip('netns', 'del', n);
  if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
});

describe('scale simulator', () => {
  it('answers one probe with 250 ProbeMatches, each from its own address and port 3702, within 500 ms', () => {
    const r = probe(['wsd', '--bind', CLIENT_IP, '--timeout', '1500']);
    const froms = r.replies.map((x: { from: string }) => x.from);
    expect(new Set(froms).size).toBe(250);
    expect(froms.sort()).toEqual([...scaleAddresses()].sort());
    for (const m of r.replies) {
      expect(m.port).toBe(3702);
      expect(m.relatesTo).toBe(r.messageId);
      expect(m.xaddrs).toEqual([`http://${m.from}/onvif/device_service`]);
      expect(m.ms).toBeLessThan(1000);
    }
    expect(new Set(r.replies.map((x: { epr: string }) => x.epr)).size).toBe(250);
  });
  it('serves a minimal ONVIF device service on port 80 of every address', () => {
    const addrs = scaleAddresses();
    for (const a of [addrs[0]!, addrs[125]!, addrs[249]!]) {
      const t = probe(['soap', `http://${a}/onvif/device_service`, 'GetSystemDateAndTime', '--auth', 'none']);
      expect(t.status).toBe(200);
      const d = probe([
        'soap',
        `http://${a}/onvif/device_service`,
        'GetDeviceInformation',
        '--user',
        admin.user,
        '--pass',
        admin.password,
      ]);
      expect(d.status).toBe(200);
      expect(d.body).toContain('<tds:Model>SIM-SCALE-CAM</tds:Model>');
      const c = probe(['soap', `http://${a}/onvif/device_service`, 'GetCapabilities', '--auth', 'none']);
      expect(c.body).toContain(`<tt:XAddr>http://${a}/onvif/device_service</tt:XAddr>`);
      expect(
        probe([
          'soap',
          `http://${a}/onvif/device_service`,
          'GetNetworkInterfaces',
          '--user',
          admin.user,
          '--pass',
          admin.password,
        ]).subcodes,
      ).toEqual(['ter:ActionNotSupported']);
    }
  });
});
