// The lab's own life cycle: up (twice), status, exec, repair of a broken lab, locking, interrupt, down — and
// nothing left afterwards. Runs while the lab is DOWN and brings it up itself (profile home).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  lab,
  readLabState,
  netnsList,
  pidAlive,
  pidNetns,
  pollUntil,
  buildPlan,
  hostCollisions,
  createdNames,
  allLabNamespaces,
  PREFIX,
  PROFILES,
  RUN_DIR,
  LAB_CLI,
  CLIENT,
  SIMULATORS,
  ns,
  inNs,
  WAN,
  CGNAT,
  ROUTER,
} from '../lab/lib/testkit.mjs';

const labNamespaces = () => netnsList().filter((n) => n.startsWith(PREFIX));
const netnsDirs = () =>
  fs
    .readdirSync('/etc/netns', { withFileTypes: true })
    .filter((d) => d.name.startsWith(PREFIX))
    .map((d) => d.name);
const readLabStateLog = (name: string) => {
  const p = readLabState()?.processes.find((x) => x.name === name);
  return p ? fs.readFileSync(p.log, 'utf8') : '';
};
const statusJson = () => {
  const r = lab(['status', '--json']);
  return { code: r.code, s: JSON.parse(r.stdout) };
};

/** Assert the machine is back to how it was: no namespace, no /etc/netns entry, no RUN_DIR, no process. */
function expectNothingLeft(pids: number[]) {
  expect(labNamespaces()).toEqual([]);
  expect(fs.existsSync('/etc/netns') ? netnsDirs() : []).toEqual([]);
  expect(fs.existsSync(RUN_DIR)).toBe(false);
  expect(pids.filter((p) => pidAlive(p))).toEqual([]);
}

describe('host collision check (pure)', () => {
  const plan = buildPlan('home');

  it('passes on a host without lab names', () => {
    expect(
      hostCollisions(plan, { interfaces: ['lo', 'eth0', 'eth1', 'wlan0', 'docker0'], namespaces: ['other-ns'] }),
    ).toEqual([]);
  });

  it('flags an existing bridge, router port, WAN interface or namespace', () => {
    const c = hostCollisions(plan, { interfaces: ['lo', 'br0', 'p-client', 'wan0'], namespaces: [ns('router')] });
    expect(c).toContain('interface br0 exists in the host namespace');
    expect(c).toContain('interface p-client exists in the host namespace');
    expect(c).toContain('interface wan0 exists in the host namespace');
    expect(c).toContain(`namespace ${ns('router')} already exists`);
  });

  it('exempts the device-side names created inside namespaces only (eth0, eth1, lo)', () => {
    expect(createdNames(plan).interfaces).not.toContain('eth0');
    expect(createdNames(plan).interfaces).toContain('br0');
  });

  it('gives every profile prefixed namespaces and the right hosts', () => {
    for (const p of PROFILES)
      for (const n of createdNames(buildPlan(p)).namespaces) expect(n.startsWith(PREFIX)).toBe(true);
    expect(buildPlan('cgnat').hosts.map((h) => h.host)).toContain('carrier');
    expect(buildPlan('scale').hosts.map((h) => h.host)).not.toContain('hik');
    expect(buildPlan('scale').hosts.find((h) => h.host === 'scale')!.ifaces[0]!.addrs).toHaveLength(250);
    expect(allLabNamespaces()).toEqual(expect.arrayContaining([ns('carrier'), ns('scale'), ns('hik')]));
  });
});

describe('lab life cycle', () => {
  const seenPids = new Set<number>();
  const remember = () => {
    for (const p of readLabState()?.processes ?? []) seenPids.add(p.pid);
  };

  beforeAll(() => {
    if (readLabState() || labNamespaces().length) {
      throw new Error('the lab is up: the lifecycle suite needs it down (node tests/lab/lab.mjs down)');
    }
  });
  afterAll(() => {
    lab(['down']);
  });

  it('status says down before anything runs', () => {
    const { code, s } = statusJson();
    expect(code).toBe(1);
    expect(s).toMatchObject({ up: false, phase: 'down', healthy: false });
  });

  it('comes up in a few seconds with every namespace, address and process', () => {
    const t0 = Date.now();
    const r = lab(['up']);
    expect(r.code, r.stderr).toBe(0);
    expect(Date.now() - t0).toBeLessThan(30_000);
    remember();
    const { code, s } = statusJson();
    expect(code).toBe(0);
    expect(s).toMatchObject({ up: true, profile: 'home', phase: 'up', healthy: true });
    expect(s.namespaces.map((n: { name: string }) => n.name).sort()).toEqual(
      buildPlan('home')
        .hosts.map((h) => h.ns)
        .sort(),
    );
    expect(s.addresses.client).toContain(`eth0 ${CLIENT.ip}/24`);
    const names = s.processes.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['wan-stun', 'wan-checker', 'wan-dns', 'dnsmasq', 'miniupnpd']));
    for (const p of s.processes) {
      expect(p.alive).toBe(true);
      expect(pidNetns(p.pid)).toBe(p.ns);
    }
    for (const n of s.namespaces)
      expect(fs.readFileSync(`/etc/netns/${n.name}/resolv.conf`, 'utf8')).toMatch(/options timeout:1 attempts:1/);
    if (names.includes('sim-hik'))
      expect(names).toEqual(expect.arrayContaining(SIMULATORS.map((x) => `sim-${x.host}`)));
  });

  it('a second up is a no-op (same PIDs)', () => {
    const before = readLabState()!.processes.map((p) => p.pid);
    const r = lab(['up']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/already up/);
    expect(readLabState()!.processes.map((p) => p.pid)).toEqual(before);
  });

  it('two concurrent ups do not interleave (lock) and leave a healthy lab', async () => {
    const runUp = () =>
      new Promise<{ code: number | null; err: string }>((resolve) => {
        const c = spawn(process.execPath, [LAB_CLI, 'up'], { stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        c.stderr.on('data', (d) => {
          err += d;
        });
        const t = setTimeout(() => c.kill('SIGKILL'), 60_000);
        c.on('exit', (code) => {
          clearTimeout(t);
          resolve({ code, err });
        });
      });
    const [a, b] = await Promise.all([runUp(), runUp()]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(statusJson().s.healthy).toBe(true);
  });

  it('exec runs a command in the host namespace and passes its exit code', () => {
    const r = lab(['exec', 'client', 'ip', '-4', '-o', 'addr', 'show', 'dev', 'eth0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`inet ${CLIENT.ip}/24`);
    expect(lab(['exec', 'client', 'sh', '-c', 'exit 7']).code).toBe(7);
    const bad = lab(['exec', 'nosuchhost', 'true']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/unknown lab host "nosuchhost"/);
  });

  it('a broken lab (a dead daemon) is reported and rebuilt by up', async () => {
    const victim = readLabState()!.processes.find((p) => p.name === 'wan-checker')!;
    expect(pidNetns(victim.pid)).toBe(victim.ns);
    process.kill(victim.pid, 'SIGKILL');
    await pollUntil(() => !pidAlive(victim.pid), { timeoutMs: 5000, what: 'the checker to die' });
    const { code, s } = statusJson();
    expect(code).toBe(1);
    expect(s.healthy).toBe(false);
    expect(s.problems.join(' ')).toMatch(/wan-checker/);
    const r = lab(['up']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/rebuilding/);
    remember();
    expect(statusJson().s.healthy).toBe(true);
    expect(readLabState()!.processes.find((p) => p.name === 'wan-checker')!.pid).not.toBe(victim.pid);
  });

  it('switches to the cgnat profile: the internet sees the carrier, miniupnpd refuses mappings', () => {
    const r = lab(['up', '--profile', 'cgnat']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/switching profile home → cgnat/);
    remember();
    expect(statusJson().s).toMatchObject({ profile: 'cgnat', healthy: true });
    const json = inNs('client', 'curl', ['-sS', '--max-time', '5', `http://${WAN.checker}/json`]);
    expect(JSON.parse(json.stdout).ip).toBe(WAN.carrierWan);
    expect(readLabStateLog('miniupnpd')).toMatch(/restrictive or symmetric NAT/);
    const add = inNs(
      'client',
      'upnpc',
      [
        '-i',
        '-u',
        `http://${ROUTER.lan}:${ROUTER.upnpHttpPort}/rootDesc.xml`,
        '-a',
        CLIENT.ip,
        '18900',
        '18900',
        'TCP',
      ],
      { timeoutMs: 30_000 },
    );
    expect(add.stdout + add.stderr).toMatch(/failed with code 501/);
  });

  it('behind the carrier, `nvr-assist public` says CGNAT from the hop after the router, though the router reports the public address; the VPN plan is then the overlay way', () => {
    // Still in the cgnat profile (the test above). miniupnpd (ext_perform_stun) learnt the carrier's 203.0.113.3 by
    // STUN and answers GetExternalIPAddress with it, so router WAN = what the internet sees; only hop 2 toward the
    // STUN server, the carrier's 100.64.0.1, shows the carrier's NAT. The BUILT CLI: run `npm run build` first.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifecycle-public-'));
    try {
      const cli = path.resolve(__dirname, '..', '..', 'bin', 'nvr-assist.js');
      const r = inNs(
        'client',
        'env',
        [
          `NVR_ASSIST_DATA_DIR=${dataDir}`,
          process.execPath,
          cli,
          'public',
          '--stun',
          `${WAN.stun}:3478`,
          '--checker',
          `http://${WAN.checker}`,
          '--json',
        ],
        { timeoutMs: 60_000 },
      );
      expect(r.code, r.stderr).toBe(0);
      const c = JSON.parse(r.stdout);
      expect(c.stun.address).toBe(WAN.carrierWan);
      expect(c.checker.address).toBe(WAN.carrierWan);
      expect(c.router).toMatchObject({ address: WAN.carrierWan, source: 'igd' });
      expect(c.hops).toEqual({ target: WAN.stun, first: ROUTER.lan, second: CGNAT.carrier, error: null });
      expect(c.verdict.code).toBe('cgnat');
      expect(c.verdict.evidence.at(-1)).toMatch(
        /^The first router after yours, 100\.64\.0\.1, is in the carrier-NAT range 100\.64\.0\.0\/10 .*by STUN/,
      );
      // The VPN plan from that measured record (issue 14): no home WireGuard server can be reached behind the
      // carrier's NAT, so the plan is the overlay way, and there is no server config to write.
      const vpn = (args: string[]) =>
        inNs('client', 'env', [`NVR_ASSIST_DATA_DIR=${dataDir}`, process.execPath, cli, 'vpn', ...args], {
          timeoutMs: 60_000,
        });
      const planned = vpn(['plan', '--server', 'openwrt', '--json']);
      expect(planned.code, planned.stderr).toBe(0);
      const plan = JSON.parse(planned.stdout);
      expect(plan.mode).toBe('overlay');
      expect(plan.overlay.map((o: { name: string }) => o.name).join(' ')).toMatch(/Tailscale/);
      expect(plan.findings.map((f: { text: string }) => f.text).join(' ')).toMatch(/carrier-grade NAT/);
      const config = vpn(['config', 'server', '--out', path.join(dataDir, 'wg0.conf')]);
      expect(config.code).toBe(1);
      expect(config.stderr).toContain('carrier-grade NAT');
      expect(fs.existsSync(path.join(dataDir, 'wg0.conf'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('down removes every namespace, process, /etc/netns entry and RUN_DIR', () => {
    remember();
    const r = lab(['down']);
    expect(r.code, r.stderr).toBe(0);
    expectNothingLeft([...seenPids]);
    expect(lab(['down']).code).toBe(0); // idempotent too
  });

  it('SIGTERM during up tears the half-built lab down', async () => {
    const child = spawn(process.execPath, [LAB_CLI, 'up'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupt once the first namespaces exist (state.json records them as they are made).
    await pollUntil(() => (readLabState()?.namespaces.length ?? 0) > 0, {
      timeoutMs: 20_000,
      intervalMs: 10,
      what: 'up to start building',
    });
    const pids = () => (readLabState()?.processes ?? []).map((p) => p.pid);
    const started = pids();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const code = await exited;
    clearTimeout(timer);
    expect(code).not.toBe(0);
    expect(err).toMatch(/interrupted by SIGTERM/);
    expectNothingLeft(started);
  });
});
