// Ports: the built CLI's `ports-scan` inside the lab's client namespace, against every simulator. The open TCP
// ports must equal what nmap (a scanner nobody here wrote) sees from the same namespace, and each catalogued
// port must be identified as its service. Needs the lab up (profile home) and `npm run build`.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portPlanSchema, portReportSchema } from '../../src/shared/domain/ports';
import { SIMULATORS, inNs, readLabState, startSimPair } from '../lab/lib/testkit.mjs';

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

// Issue 18: a camera whose ONVIF service has a port of its own (8081: `GET /` answers 404, ONVIF answers a POST),
// beside its web page on 80, that answers WS-Discovery from an ephemeral source port. It runs in two throw-away
// namespaces of this test (simt-onv-*), joined by one veth: nothing else sees it. The built CLI finds it, and the
// Ports table, the advice and the plan call 8081 ONVIF, saying what decided it.
describe('ONVIF on a port of its own (lab profile onvifport)', () => {
  const IP = '192.168.50.79';
  let pair: Awaited<ReturnType<typeof startSimPair>> | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'ports-onvif-'));
  const cli = (args: string[], input?: string) => {
    const r = spawnSync(
      'ip',
      ['netns', 'exec', pair!.cli, 'env', `NVR_ASSIST_DATA_DIR=${dataDir}`, process.execPath, CLI, ...args],
      { encoding: 'utf8', timeout: 60_000, input },
    );
    return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  };

  beforeAll(async () => {
    pair = await startSimPair('onv', {
      devAddresses: [`${IP}/24`],
      clientAddress: '192.168.50.10/24',
      simArgs: [
        ...['--profile', 'onvifport', '--host', 'onvifport', '--ip', IP, '--prefix', '24', '--iface', 'eth0'],
        ...['--mac', '02:00:c0:a8:32:4f', '--name', 'IPC-OnvifPort'],
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await pair?.stop();
  });

  it('is found by WS-Discovery (its answer comes from an ephemeral port) with its ONVIF address on 8081', () => {
    const r = cli(['discover', '--interface', 'eth0', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const devices = JSON.parse(r.stdout).devices as Array<{
      addresses: string[];
      onvifUrl: string | null;
      sources: string[];
    }>;
    const cam = devices.find((d) => d.addresses.includes(IP));
    expect(cam, r.stdout.slice(0, 500)).toBeDefined();
    expect(cam!.sources).toContain('onvif');
    expect(cam!.onvifUrl).toBe(`http://${IP}:8081/onvif/device_service`);
  });

  it('the table calls 8081 ONVIF — role, purpose, risk and advice — and says which evidence decided', () => {
    const r = cli(['ports', IP, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = portReportSchema.parse(JSON.parse(r.stdout));
    const onvif = report.rows.find((row) => row.port === 8081)!;
    expect(onvif).toMatchObject({ state: 'open', service: 'onvif', role: 'onvif', neededOutside: 'no' });
    expect(onvif.purpose).toMatch(/^ONVIF device service/);
    expect(onvif.risk.level).toBe('medium');
    expect(onvif.recommendation).toBe('Do not forward: ONVIF is for setting up and viewing on your own network.');
    expect(onvif.identifiedBy).toMatch(/^ONVIF: it answered ONVIF GetSystemDateAndTime without a login\.$/);
    expect(onvif.evidence.join(' ')).toMatch(/GET \/ → 404: ONVIF only, no web UI/);
    const web = report.rows.find((row) => row.port === 80)!;
    expect(web).toMatchObject({ service: 'http', role: 'http' });
    expect(web.identifiedBy).toBeUndefined();
  });

  it('with the login, GetServices names 8081 too; the plan proposes it as ONVIF, with the vendor’s steps', () => {
    const r = cli(['ports', IP, '--user', 'admin', '--password-stdin', '--json'], 'Lab-Admin-2024\n');
    expect(r.code, r.stderr).toBe(0);
    const report = portReportSchema.parse(JSON.parse(r.stdout));
    const onvif = report.rows.find((row) => row.port === 8081)!;
    expect(onvif.declaredBy).toContain('onvif'); // GetServices (ONVIF's own word comes first)
    expect(onvif.role).toBe('onvif');
    const planned = cli(['ports', IP, '--plan', '--json']);
    expect(planned.code, planned.stderr).toBe(0);
    const plan = portPlanSchema.parse(JSON.parse(planned.stdout));
    expect(plan.proposal.filter((p) => p.current === 8081).map((p) => p.role)).toEqual(['onvif']);
    expect(plan.proposal.find((p) => p.role === 'http')?.current).toBe(80);
    expect(plan.applyViaOnvif).not.toContain('onvif');
    expect(plan.manualSteps.find((m) => m.role === 'onvif')?.steps.join(' ')).toMatch(/ONVIF Port/);
  });
});
