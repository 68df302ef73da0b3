// Ports: the built CLI's `ports-scan` inside the lab's client namespace, against every simulator. The open TCP
// ports must equal what nmap (a scanner nobody here wrote) sees from the same namespace, and each catalogued
// port must be identified as its service. Needs the lab up (profile home) and `npm run build`.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SIMULATORS, inNs, readLabState } from '../lab/lib/testkit.mjs';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'nvr-assist.js');
const BRAND: Record<string, string | null> = {
  hikvision: 'Hikvision',
  dahua: 'Dahua',
  reolink: 'Reolink',
  generic: null,
};

interface PortIdentity {
  port: number;
  service: string;
  vendor: string | null;
  product: string | null;
  authRequired: boolean | null;
  onvif: boolean;
  plainText: boolean;
  tls: { selfSigned: boolean } | null;
  evidence: string[];
}

function portsScan(ip: string, args: string[], env: string[] = []) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ports-it-'));
  const r = inNs(
    'client',
    'env',
    [`NVR_ASSIST_DATA_DIR=${dataDir}`, ...env, process.execPath, CLI, 'ports-scan', ip, ...args],
    {
      timeoutMs: 60_000,
    },
  );
  if (r.code !== 0) throw new Error(`ports-scan ${ip} failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as {
    scan: { hosts: { address: string; open: number[]; filtered: number[] }[] };
    services: Record<string, PortIdentity[]>;
    connector: string;
  };
}

function nmapOpen(ip: string): number[] {
  const r = inNs('client', 'nmap', ['-n', '-sT', '-T4', '-p-', '-oG', '-', ip], { timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`nmap failed: ${r.stderr}`);
  const line = r.stdout.split('\n').find((l) => l.includes('Ports:')) ?? '';
  return [...line.matchAll(/(\d+)\/open\/tcp/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
}

function simAddress(sim: (typeof SIMULATORS)[number]): string {
  if (sim.ip !== 'dhcp') return sim.ip;
  const r = inNs(sim.host, 'ip', ['-4', '-o', 'addr', 'show', 'dev', 'eth0']);
  const m = /inet (\d+\.\d+\.\d+\.\d+)/.exec(r.stdout);
  if (!m) throw new Error(`${sim.host} has no IPv4 address yet`);
  return m[1]!;
}

beforeAll(() => {
  const state = readLabState();
  if (!state || state.phase !== 'up' || state.profile !== 'home')
    throw new Error('The lab is not up with profile home: run `npm run lab -- up` first.');
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) throw new Error('Build first: npm run build');
});

describe.each(SIMULATORS.map((s) => [s.host, s] as const))('ports-scan %s', (_host, sim) => {
  let ip: string;
  let ids: Map<number, PortIdentity>;
  let open: number[];
  let connector: string;

  beforeAll(() => {
    ip = simAddress(sim);
    const out = portsScan(ip, ['--full']);
    open = out.scan.hosts.find((h) => h.address === ip)?.open ?? [];
    ids = new Map((out.services[ip] ?? []).map((p) => [p.port, p]));
    connector = out.connector;
  });

  it('sees exactly the open TCP ports nmap -sT -p- sees (fast connector, proven on loopback first)', () => {
    expect(connector).toBe('fast');
    expect(open).toEqual(nmapOpen(ip));
    expect(open).toEqual(expect.arrayContaining(Object.values(sim.ports)));
  });

  it('identifies every catalogued port', () => {
    const brand = BRAND[sim.profile] ?? null;
    const { http, https, rtsp, onvif, sdk, media } = sim.ports as Record<string, number | undefined>;
    if (http) {
      const id = ids.get(http)!;
      expect(id, `port ${http}`).toMatchObject({ service: 'http', plainText: true });
      if (brand) expect(id.vendor).toBe(brand);
      else expect(id.product).toMatch(/Boa/);
    }
    if (https) {
      const id = ids.get(https)!;
      expect(id).toMatchObject({ service: 'https', plainText: false });
      expect(id.tls?.selfSigned).toBe(true);
      if (brand) expect(id.vendor).toBe(brand);
    }
    if (rtsp) expect(ids.get(rtsp)).toMatchObject({ service: 'rtsp', authRequired: true, plainText: true });
    if (onvif) {
      expect(ids.get(onvif)?.onvif).toBe(true);
      if (onvif !== http) expect(ids.get(onvif)?.service).toBe('onvif');
    }
    for (const port of [sdk, media]) if (port) expect(ids.get(port)).toMatchObject({ service: 'sdk', vendor: brand });
  });
});

describe('subnet sweep', () => {
  it('finds every simulator and its catalogued ports on the /24', () => {
    const out = portsScan('192.168.50.0/24', ['--no-identify']);
    for (const sim of SIMULATORS) {
      const host = out.scan.hosts.find((h) => h.address === simAddress(sim));
      expect(host?.open, sim.host).toEqual(expect.arrayContaining([...new Set(Object.values(sim.ports))]));
    }
  });
});

describe('the portable connector (net.connect), as used where the fast one is not available', () => {
  it('sees exactly the open TCP ports nmap -sT -p- sees on the Hikvision simulator', () => {
    const ip = SIMULATORS.find((s) => s.profile === 'hikvision')!.ip;
    const out = portsScan(ip, ['--full', '--no-identify'], ['NVR_ASSIST_TCP_CONNECTOR=portable']);
    expect(out.connector).toBe('portable');
    expect(out.scan.hosts.find((h) => h.address === ip)?.open).toEqual(nmapOpen(ip));
  });
});
