// The Ports step as users run it: the BUILT CLI (`nvr-assist ports …`, plain node) in the lab's client host,
// against every simulator. The audit must name each catalogued port's service and judge the vendor SDK ports;
// `--full` must see exactly what nmap (a scanner nobody here wrote) sees; a port change through ONVIF must be
// verified by measurement, and a refused one put back. Every port a test moves is moved back in a `finally`, so
// the lab is left as it was found. Needs the lab up (profile home) and `npm run build`.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  portApplyResultSchema,
  portPlanSchema,
  portReportSchema,
  type PortReport,
} from '../../src/shared/domain/ports';
import { inNs, probe, readLabState, SIMULATORS } from '../lab/lib/testkit.mjs';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'nvr-assist.js');
const ADMIN = { user: 'admin', password: 'Lab-Admin-2024' }; // tests/lab/topology.mjs SIM_USERS
const EXPECTED_SERVICE: Record<string, string> = {
  http: 'http',
  https: 'https',
  rtsp: 'rtsp',
  sdk: 'sdk',
  media: 'sdk',
  onvif: 'onvif',
};

function cli(args: string[], opts: { dataDir?: string; input?: string; timeoutMs?: number } = {}) {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'app-ports-'));
  const r = inNs('client', 'env', [`NVR_ASSIST_DATA_DIR=${dataDir}`, process.execPath, CLI, ...args], {
    timeoutMs: opts.timeoutMs ?? 60_000,
    input: opts.input,
  });
  return { ...r, dataDir };
}

const sim = (host: string) => SIMULATORS.find((s) => s.host === host)!;

function simAddress(s: (typeof SIMULATORS)[number]): string {
  if (s.ip !== 'dhcp') return s.ip;
  const r = inNs(s.host, 'ip', ['-4', '-o', 'addr', 'show', 'dev', 'eth0']);
  const m = /inet (\d+\.\d+\.\d+\.\d+)/.exec(r.stdout);
  if (!m) throw new Error(`${s.host} has no IPv4 address yet`);
  return m[1]!;
}

function nmapOpen(ip: string): number[] {
  const r = inNs('client', 'nmap', ['-n', '-sT', '-T4', '-p-', '-oG', '-', ip], { timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`nmap failed: ${r.stderr}`);
  const line = r.stdout.split('\n').find((l) => l.includes('Ports:')) ?? '';
  return [...line.matchAll(/(\d+)\/open\/tcp/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
}

/** Whether a TCP port of a lab host accepts a connection, seen from the client. */
function answers(ip: string, port: number): boolean {
  return (probe('client', ['connect', ip, String(port), '1500']) as { connected: boolean }).connected;
}

function audit(ip: string, extra: string[] = [], opts: { dataDir?: string; input?: string } = {}): PortReport {
  const r = cli(['ports', ip, ...extra, '--json'], opts);
  if (r.code !== 0) throw new Error(`ports ${ip} failed (${r.code}): ${r.stderr}`);
  return portReportSchema.parse(JSON.parse(r.stdout));
}

beforeAll(() => {
  const state = readLabState();
  if (!state || state.phase !== 'up' || state.profile !== 'home')
    throw new Error('The lab is not up with profile home: run `npm run lab -- up` first.');
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) throw new Error('Build first: npm run build');
});

describe.each(SIMULATORS.map((s) => [s.host, s] as const))('ports audit of %s', (_host, s) => {
  let ip: string;
  let report: PortReport;

  beforeAll(() => {
    ip = simAddress(s);
    report = audit(ip);
  });

  it('has a row for each of its ports, with the service that really answers there', () => {
    const ports = s.ports as Record<string, number>;
    for (const [role, port] of Object.entries(ports)) {
      const row = report.rows.find((r) => r.port === port);
      expect(row, `${role} ${port}`).toBeDefined();
      expect(row!.state).toBe('open');
      // ONVIF on the web port: the row is the web page's, and ONVIF is part of it.
      const expected = role === 'onvif' && port === ports.http ? 'http' : EXPECTED_SERVICE[role];
      expect(row!.service, `${role} ${port}`).toBe(expected);
      expect(row!.recommendation.length).toBeGreaterThan(20);
      expect(row!.purpose.length).toBeGreaterThan(5);
    }
    const http = report.rows.find((r) => r.port === ports.http)!;
    expect(http).toMatchObject({ role: 'http', plainText: true, isDefault: true });
    expect(http.recommendation).toMatch(/Forward only as HTTPS on a non-standard port/);
    if (ports.rtsp) expect(report.rows.find((r) => r.port === ports.rtsp)).toMatchObject({ authRequired: true });
    expect(report.undeclaredOpen).toEqual([]);
  });

  it('flags the vendor SDK port as high risk: do not forward', () => {
    const sdk = (s.ports as Record<string, number | undefined>).sdk;
    if (!sdk) return;
    const row = report.rows.find((r) => r.port === sdk)!;
    expect(row).toMatchObject({ role: 'sdk', service: 'sdk', risk: { level: 'high' }, isDefault: true });
    expect(row.recommendation).toMatch(/^Do not forward/);
    expect(row.neededOutside).toBe('only-with-vendor-app');
  });

  it('--full sees exactly the open ports nmap -sT -p- sees', () => {
    const full = audit(ip, ['--full']);
    expect(full.full).toBe(true);
    expect(full.rows.filter((r) => r.state === 'open').map((r) => r.port)).toEqual(nmapOpen(ip));
  });
});

describe('ports with a login', () => {
  it('reads the device’s own list over ONVIF, and the plan is the same every time', () => {
    const ip = sim('hik').ip;
    const first = audit(ip, ['--user', ADMIN.user, '--password-stdin'], { input: `${ADMIN.password}\n` });
    expect(first.onvifProtocols).toEqual([
      { name: 'HTTP', enabled: true, ports: [80] },
      { name: 'HTTPS', enabled: true, ports: [443] },
      { name: 'RTSP', enabled: true, ports: [554] },
    ]);
    expect(first.rows.find((r) => r.port === 80)!.declaredBy).toContain('onvif');
    const plan = (dataDir?: string) => {
      const r = cli(['ports', ip, '--plan', '--json'], { dataDir });
      expect(r.code, r.stderr).toBe(0);
      return portPlanSchema.parse(JSON.parse(r.stdout));
    };
    const a = plan();
    const b = plan();
    expect(a.proposal).toEqual(b.proposal);
    expect(a.applyViaOnvif.sort()).toEqual(['http', 'https', 'rtsp']);
    expect(a.manualSteps.map((m) => m.role)).toContain('sdk');
    expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('refuses to change ports without a login, in plain words, and changes nothing', () => {
    const r = cli(['ports', sim('reolink').ip, '--set', 'http=18080']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Log in to the NVR first/);
    expect(answers(sim('reolink').ip, 80)).toBe(true);
  });
});

describe('moving ports through ONVIF', () => {
  it('moves the camera’s web port (ONVIF moves with it), verifies it, and moves it back, verified', () => {
    const cam = sim('cam');
    const ip = simAddress(cam);
    const login = { input: `${ADMIN.password}\n` };
    const dataDir = mkdtempSync(join(tmpdir(), 'app-ports-set-'));
    try {
      const moved = cli(['ports', ip, '--set', 'http=18080', '--user', ADMIN.user, '--password-stdin', '--json'], {
        ...login,
        dataDir,
      });
      expect(moved.code, moved.stderr).toBe(0);
      const result = portApplyResultSchema.parse(JSON.parse(moved.stdout));
      expect(result).toMatchObject({
        outcome: 'verified',
        onvifUrl: `http://${ip}:18080/onvif/device_service`,
        changes: [{ role: 'http', from: 80, to: 18080, verified: true }],
      });
      expect(result.changes[0]!.evidence).toMatch(/80 refuses connections; 18080 answers HTTP/);
      expect(answers(ip, 80)).toBe(false);
      expect(answers(ip, 18080)).toBe(true);
      // The next command (same data folder) finds the device, and its login, at the new address.
      const shown = cli(['setup', '--json'], { dataDir });
      expect(shown.code, shown.stderr).toBe(0);
      const setup = JSON.parse(shown.stdout);
      expect(setup.setup.steps.ports.status).toBe('attention'); // RTSP is still on its factory port 554
      expect(setup.setup.devices[0].onvifUrl).toBe(`http://${ip}:18080/onvif/device_service`);
      // Main measured the camera again after the change: the saved table shows 18080 and not 80, and the new
      // proposal keeps 18080 (it is already a good port) while it still moves RTSP off 554.
      const entry = setup.setup.ports[result.deviceId];
      const open = portReportSchema
        .parse(entry.report)
        .rows.filter((r) => r.state === 'open')
        .map((r) => r.port);
      expect(open).toContain(18080);
      expect(open).not.toContain(80);
      const plan = portPlanSchema.parse(entry.plan);
      expect(plan.proposal.find((p) => p.role === 'http')).toMatchObject({ current: 18080, internal: 18080 });
      expect(plan.proposal.find((p) => p.role === 'rtsp')?.internal).not.toBe(554);
    } finally {
      const back = cli(
        ['ports', ip, '--set', 'http=80', '--force', '--user', ADMIN.user, '--password-stdin', '--json'],
        {
          ...login,
          dataDir,
        },
      );
      if (back.code !== 0 || !answers(ip, 80)) {
        // The first change failed half-way: find the camera wherever its web port is and move it back.
        const fresh = mkdtempSync(join(tmpdir(), 'app-ports-fix-'));
        cli(['add', ip, '--port', '18080'], { dataDir: fresh });
        cli(['ports', ip, '--set', 'http=80', '--force', '--user', ADMIN.user, '--password-stdin'], {
          ...login,
          dataDir: fresh,
        });
      }
      expect(back.code, back.stderr).toBe(0);
      expect(portApplyResultSchema.parse(JSON.parse(back.stdout))).toMatchObject({
        outcome: 'verified',
        onvifUrl: `http://${ip}/onvif/device_service`,
      });
      expect(answers(ip, 80)).toBe(true);
      expect(answers(ip, 18080)).toBe(false);
    }
  });

  it('the issue’s own command: HTTP to 18080 and RTSP to 10554 in one change, verified; the step is verified', () => {
    const ip = simAddress(sim('cam'));
    const login = { input: `${ADMIN.password}\n` };
    const dataDir = mkdtempSync(join(tmpdir(), 'app-ports-both-'));
    const set = (list: string, force = false) =>
      cli(
        ['ports', ip, '--set', list, ...(force ? ['--force'] : []), '--user', ADMIN.user, '--password-stdin', '--json'],
        {
          ...login,
          dataDir,
        },
      );
    try {
      const moved = set('http=18080,rtsp=10554');
      expect(moved.code, moved.stderr).toBe(0);
      const result = portApplyResultSchema.parse(JSON.parse(moved.stdout));
      expect(result.outcome).toBe('verified');
      expect(result.changes.map((c) => [c.role, c.from, c.to, c.verified])).toEqual([
        ['http', 80, 18080, true],
        ['rtsp', 554, 10554, true],
      ]);
      expect(result.changes[1]!.evidence).toMatch(/554 refuses connections; 10554 answers RTSP/);
      expect([80, 554].map((p) => answers(ip, p))).toEqual([false, false]);
      expect([18080, 10554].map((p) => answers(ip, p))).toEqual([true, true]);
      // No factory port is left on the camera (it has no HTTPS): the step is verified, from the new measurement.
      const setup = JSON.parse(cli(['setup', '--json'], { dataDir }).stdout);
      expect(setup.setup.steps.ports.status).toBe('verified');
      const plan = portPlanSchema.parse(setup.setup.ports[result.deviceId].plan);
      for (const role of ['http', 'rtsp'] as const)
        expect(plan.proposal.find((p) => p.role === role)).toMatchObject({ internal: role === 'http' ? 18080 : 10554 });
    } finally {
      const back = set('http=80,rtsp=554', true); // factory ports: the user's explicit yes
      expect(back.code, back.stderr).toBe(0);
      expect([80, 554].map((p) => answers(ip, p))).toEqual([true, true]);
      expect([18080, 10554].map((p) => answers(ip, p))).toEqual([false, false]);
    }
  });

  it('a change the app never finished (it died mid-change) is found out by the next check, and the device followed', () => {
    const ip = simAddress(sim('cam'));
    const login = { input: `${ADMIN.password}\n` };
    const dataDir = mkdtempSync(join(tmpdir(), 'app-ports-crash-'));
    const oldUrl = `http://${ip}/onvif/device_service`;
    const newUrl = `http://${ip}:18080/onvif/device_service`;
    try {
      const moved = cli(['ports', ip, '--set', 'http=18080', '--user', ADMIN.user, '--password-stdin', '--json'], {
        ...login,
        dataDir,
      });
      expect(moved.code, moved.stderr).toBe(0);
      // Make the record look like the app died after sending the change: the device still saved on its old
      // address, the change pending, no result.
      const file = join(dataDir, 'setup.json');
      const record = JSON.parse(readFileSync(file, 'utf8'));
      const id = record.devices[0].id as string;
      record.devices[0] = {
        ...record.devices[0],
        onvifUrl: oldUrl,
        ports: { ...record.devices[0].ports, http: 80, onvif: 80 },
      };
      record.ports[id] = {
        ...record.ports[id],
        lastChange: null,
        pending: {
          changes: [{ role: 'http', from: 80, to: 18080 }],
          onvifUrl: oldUrl,
          newOnvifUrl: newUrl,
          startedAt: '2026-11-25T05:00:00.000Z',
        },
      };
      writeFileSync(file, JSON.stringify(record));

      const report = audit(ip, [], { dataDir }); // the next check, as the user would start it
      expect(report.rows.find((r) => r.port === 18080)?.state).toBe('open');
      const after = JSON.parse(cli(['setup', '--json'], { dataDir }).stdout).setup;
      expect(after.ports[id].pending).toBeNull();
      const found = portApplyResultSchema.parse(after.ports[id].lastChange);
      expect(found).toMatchObject({ outcome: 'verified', onvifUrl: newUrl });
      expect(found.message).toMatch(/did not finish .*answers on 18080; ONVIF answers at/);
      expect(after.devices[0].onvifUrl).toBe(newUrl);
    } finally {
      const back = cli(
        ['ports', ip, '--set', 'http=80', '--force', '--user', ADMIN.user, '--password-stdin', '--json'],
        {
          ...login,
          dataDir,
        },
      );
      if (back.code !== 0 || !answers(ip, 80)) {
        const fresh = mkdtempSync(join(tmpdir(), 'app-ports-fix-'));
        cli(['add', ip, '--port', '18080'], { dataDir: fresh });
        cli(['ports', ip, '--set', 'http=80', '--force', '--user', ADMIN.user, '--password-stdin'], {
          ...login,
          dataDir: fresh,
        });
      }
      expect(answers(ip, 80)).toBe(true);
      expect(answers(ip, 18080)).toBe(false);
    }
  });

  it('Dahua, measured: main refuses HTTP onto 37777 itself (the SDK port is open there), naming it; nothing is sent', () => {
    const ip = sim('dahua').ip;
    const dataDir = mkdtempSync(join(tmpdir(), 'app-ports-dahua-'));
    try {
      audit(ip, [], { dataDir }); // the measurement that shows 37777 in use
      const r = cli(
        ['ports', ip, '--set', 'http=37777', '--force', '--user', ADMIN.user, '--password-stdin', '--json'],
        { input: `${ADMIN.password}\n`, dataDir },
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/The app did not send that port change\./);
      expect(r.stderr).toMatch(/37777 is already used by another service on this device/);
      expect(r.stderr).toMatch(/Nothing was changed\./);
      const setup = JSON.parse(cli(['setup', '--json'], { dataDir }).stdout);
      const entry = Object.values(setup.setup.ports as Record<string, { lastChange: unknown; pending: unknown }>)[0]!;
      expect(entry.lastChange).toBeNull();
      expect(entry.pending).toBeNull();
    } finally {
      expect(answers(ip, 80)).toBe(true);
      expect(answers(ip, 37777)).toBe(true);
    }
  });

  it('Dahua, not measured: 37777 is only a warning to main; with --force the NVR refuses it (PortAlreadyInUse), put back and checked', () => {
    const ip = sim('dahua').ip;
    const dataDir = mkdtempSync(join(tmpdir(), 'app-ports-dahua-'));
    try {
      const unconfirmed = cli(['ports', ip, '--set', 'http=37777', '--user', ADMIN.user, '--password-stdin'], {
        input: `${ADMIN.password}\n`,
        dataDir,
      });
      expect(unconfirmed.code).toBe(1);
      expect(unconfirmed.stderr).toMatch(/37777 is 32768 or above/);
      expect(unconfirmed.stderr).toMatch(/Confirm it to send it anyway/);
      const r = cli(
        ['ports', ip, '--set', 'http=37777', '--force', '--user', ADMIN.user, '--password-stdin', '--json'],
        { input: `${ADMIN.password}\n`, dataDir },
      );
      expect(r.code).toBe(1);
      const result = portApplyResultSchema.parse(JSON.parse(r.stdout));
      expect(result.outcome).toBe('restored');
      expect(result.message).toMatch(/already used by another service on the device/);
      expect(result.message).toMatch(/HTTP answers on 80 again/);
      expect(result.confirmedWarnings?.map((w) => w.code)).toEqual(['ephemeral', 'vendor-default']);
      expect(r.stderr).toMatch(/Not changed/);
      const setup = JSON.parse(cli(['setup', '--json'], { dataDir }).stdout);
      expect(setup.setup.steps.ports).toMatchObject({ status: 'attention' });
      expect(setup.setup.ports[result.deviceId].lastChange.outcome).toBe('restored');
      // …and measured again after putting it back: HTTP on 80, the SDK port still on 37777.
      const again = portReportSchema.parse(setup.setup.ports[result.deviceId].report);
      expect(again.measuredAt >= result.at).toBe(true);
      const open = again.rows.filter((r) => r.state === 'open');
      expect(open.find((r) => r.port === 80)?.role).toBe('http');
      expect(open.some((r) => r.port === 37777)).toBe(true);
    } finally {
      expect(answers(ip, 80)).toBe(true);
      expect(answers(ip, 37777)).toBe(true);
    }
  });
});
