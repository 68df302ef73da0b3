// Faults mid-flow, in the lab: the BUILT CLI is killed with SIGKILL at random points of a search, a full port audit
// and a port change (3 points each, every run in its own NVR_ASSIST_DATA_DIR), and the next start must recover as
// the README says: setup.json is whole JSON the app loads without a "damaged file" notice, and a change the app never
// finished is found out by the next check, which records where the NVR answers. Then a link dropped during a scan
// must end in a plain message and a non-zero exit. Every kill, port move and link change is undone in a `finally`
// (the Hikvision simulator is put back on its factory ports). The rogue host is quieted for these runs: its hostile
// answers are tests/integration/hostile-lan.test.ts's subject, not this file's.
// Needs the lab up (profile home) and `npm run build`. FAULTS_SEED=<n> repeats a run's kill points.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lab, ns, probe, readLabState, SIMULATORS } from '../lab/lib/testkit.mjs';
import { ROOT, describeRun, newDataDir, removeDataDir, runCli, type CliRun } from '../support/lab-cli';

const ADMIN = { user: 'admin', password: 'Lab-Admin-2024' }; // tests/lab/topology.mjs SIM_USERS
const LOGIN = ['--user', ADMIN.user, '--password-stdin'];
const hik = SIMULATORS.find((s) => s.host === 'hik')!;
const KILLS = 3;
const MOVED_HTTP = 18080;
const SEED = Number(process.env.FAULTS_SEED ?? Math.floor(Math.random() * 1e9));

/** mulberry32: a small seeded generator, so a failing run's kill points can be repeated. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(SEED);
const between = (lo: number, hi: number) => Math.round(lo + random() * Math.max(0, hi - lo));

const dirs: string[] = [];
const dataDir = (tag: string) => {
  const d = newDataDir(`faults-${tag}`);
  dirs.push(d);
  return d;
};

interface KillPlan {
  /** Kill this long after the start… */
  afterMs?: number;
  /** …or this long after a line matching this pattern appears on stderr. */
  onLine?: RegExp;
  plusMs?: number;
}

interface Killed {
  run: CliRun;
  /** When the kill was sent (ms after the start), or null when the command ended first. */
  killedAtMs: number | null;
  plan: string;
}

/** Runs a command and SIGKILLs the app (by its PID) at the planned point; bounded by `timeoutMs`. */
async function runAndKill(args: string[], dir: string, plan: KillPlan, input?: string): Promise<Killed> {
  let pid = 0;
  let killedAtMs: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  let seen = '';
  const started = Date.now();
  const kill = () => {
    if (!pid || killedAtMs !== null) return;
    killedAtMs = Date.now() - started;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // it ended just before
    }
  };
  const run = await runCli(args, {
    dataDir: dir,
    input,
    timeoutMs: 60_000,
    onSpawn: (p) => {
      pid = p;
      if (plan.afterMs !== undefined) timer = setTimeout(kill, plan.afterMs);
    },
    onStderr: (text) => {
      if (!plan.onLine || timer) return;
      seen += text;
      if (plan.onLine.test(seen)) timer = setTimeout(kill, plan.plusMs ?? 0);
    },
  });
  clearTimeout(timer);
  if (run.signal !== 'SIGKILL') killedAtMs = null; // it finished before the kill point
  const planText = plan.onLine ? `${plan.plusMs} ms after ${plan.onLine}` : `${plan.afterMs} ms after the start`;
  return { run, killedAtMs, plan: `${planText} (seed ${SEED})` };
}

type SetupJson = {
  setup: {
    devices: Array<{ id: string; addresses: string[]; onvifUrl: string | null }>;
    ports: Record<
      string,
      {
        report: { rows: Array<{ port: number; state: string }> } | null;
        lastChange: { outcome: string; message: string; onvifUrl: string | null } | null;
        pending: unknown;
      }
    >;
  };
  notice: { code: string; message: string } | null;
};

/**
 * After a kill: setup.json (when there is one) is whole JSON, nothing was moved aside as damaged, and the app loads
 * it (`setup --json`, exit 0, no notice). Returns what it loaded.
 */
async function expectSoundSetup(dir: string, what: string): Promise<SetupJson> {
  const file = join(dir, 'setup.json');
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    expect(
      () => JSON.parse(text),
      `${what}: setup.json is not valid JSON: ${JSON.stringify(text.slice(0, 200))}`,
    ).not.toThrow();
  }
  const shown = await runCli(['setup', '--json'], { dataDir: dir, timeoutMs: 20_000 });
  expect(shown.timedOut, `${what}: the next start did not load the setup (${describeRun(shown)})`).toBe(false);
  expect(shown.code, `${what}: ${describeRun(shown)}`).toBe(0);
  const loaded = JSON.parse(shown.stdout.toString('utf8')) as SetupJson;
  expect(loaded.notice, `${what}: the next start said the saved setup was damaged`).toBeNull();
  expect(
    readdirSync(dir).filter((f) => f.includes('.corrupt-')),
    `${what}: a file was moved aside as damaged`,
  ).toEqual([]);
  return loaded;
}

const answers = (port: number): boolean =>
  (probe('client', ['connect', hik.ip, String(port), '1500']) as { connected: boolean }).connected;

/** The Hikvision simulator on its factory HTTP port again (the same data folder first, then a fresh one). */
async function putHikBack(dir: string): Promise<void> {
  if (answers(80) && !answers(MOVED_HTTP)) return;
  const input = `${ADMIN.password}\n`;
  await runCli(['ports', hik.ip, '--set', 'http=80', '--force', ...LOGIN, '--json'], {
    dataDir: dir,
    input,
    timeoutMs: 60_000,
  });
  if (!answers(80) || answers(MOVED_HTTP)) {
    const fresh = dataDir('fix');
    await runCli(['add', hik.ip, '--port', String(MOVED_HTTP)], { dataDir: fresh, timeoutMs: 30_000 });
    await runCli(['ports', hik.ip, '--set', 'http=80', '--force', ...LOGIN], {
      dataDir: fresh,
      input,
      timeoutMs: 60_000,
    });
  }
  expect(answers(80), 'the Hikvision simulator is back on HTTP 80').toBe(true);
  expect(answers(MOVED_HTTP), `nothing is left on ${MOVED_HTTP}`).toBe(false);
}

/** The rogue stays quiet (SIGUSR1, 90 s each) while these tests run. */
const quietRogue = () => {
  const r = lab(['rogue', 'quiet'], { timeoutMs: 20_000 });
  if (r.code !== 0) throw new Error(`lab rogue quiet failed: ${r.stderr}`);
};

beforeAll(() => {
  const state = readLabState();
  if (!state || state.phase !== 'up' || state.profile !== 'home')
    throw new Error('The lab is not up with profile home: run `npm run lab -- up` first.');
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) throw new Error('Build first: npm run build');
  if (!answers(80) || answers(MOVED_HTTP))
    throw new Error(`The Hikvision simulator is not on its factory ports (80 open, ${MOVED_HTTP} closed)`);
  process.stderr.write(`faults: kill points from FAULTS_SEED=${SEED}\n`);
});

beforeEach(() => quietRogue());

afterAll(async () => {
  try {
    await putHikBack(dataDir('final'));
  } finally {
    lab(['rogue', 'loud'], { timeoutMs: 20_000 });
    for (const d of dirs) removeDataDir(d);
  }
}, 180_000);

describe('SIGKILL mid-flow, then the next start', () => {
  it(`a search (discover), killed at ${KILLS} random points, leaves a setup the next start loads, and the next search works`, async () => {
    for (let k = 0; k < KILLS; k++) {
      const dir = dataDir(`discover-${k}`);
      // A saved search first, so the kill may land while the record is being rewritten.
      const first = await runCli(['discover', '--json'], { dataDir: dir, timeoutMs: 30_000 });
      expect(first.code, describeRun(first)).toBe(0);
      const killed = await runAndKill(['discover', '--json'], dir, { afterMs: between(150, Math.max(300, first.ms)) });
      const what = `discover killed ${killed.plan}`;
      await expectSoundSetup(dir, what);
      const next = await runCli(['discover', '--json'], { dataDir: dir, timeoutMs: 30_000 });
      expect(next.code, `${what}; the next search: ${describeRun(next)}`).toBe(0);
      const devices = (JSON.parse(next.stdout.toString('utf8')) as { devices: Array<{ addresses: string[] }> }).devices;
      expect(
        devices.some((d) => d.addresses.includes(hik.ip)),
        `${what}: the next search lost the NVR`,
      ).toBe(true);
    }
  }, 120_000);

  it(`a full port audit, killed at ${KILLS} random points, leaves a setup the next start loads, and the next audit works`, async () => {
    const calibrate = await runCli(['ports', hik.ip, '--full', '--json'], {
      dataDir: dataDir('full-cal'),
      timeoutMs: 60_000,
    });
    expect(calibrate.code, describeRun(calibrate)).toBe(0);
    for (let k = 0; k < KILLS; k++) {
      const dir = dataDir(`full-${k}`);
      const killed = await runAndKill(['ports', hik.ip, '--full', '--json'], dir, {
        afterMs: between(100, Math.max(200, calibrate.ms - 50)),
      });
      const what = `ports --full killed ${killed.plan}`;
      await expectSoundSetup(dir, what);
      const next = await runCli(['ports', hik.ip, '--json'], { dataDir: dir, timeoutMs: 60_000 });
      expect(next.code, `${what}; the next audit: ${describeRun(next)}`).toBe(0);
      const report = JSON.parse(next.stdout.toString('utf8')) as { rows: Array<{ port: number; state: string }> };
      expect(report.rows.find((r) => r.port === 80)?.state, `${what}: the next audit`).toBe('open');
    }
  }, 180_000);

  it(`a port change, killed at ${KILLS} points (before, while the NVR changes, during the re-measure): the next check finds where the NVR answers and records the result`, async () => {
    const input = `${ADMIN.password}\n`;
    const set = ['ports', hik.ip, '--set', `http=${MOVED_HTTP}`, ...LOGIN, '--json'];
    // How long an undisturbed change takes here (and that it works at all), then back to the factory port.
    const calDir = dataDir('set-cal');
    let duration: number;
    try {
      const calibrate = await runCli(set, { dataDir: calDir, input, timeoutMs: 60_000 });
      expect(calibrate.code, describeRun(calibrate)).toBe(0);
      duration = calibrate.ms;
    } finally {
      await putHikBack(calDir);
    }
    const plans: KillPlan[] = [
      { afterMs: between(50, Math.round(duration * 0.3)) },
      // The pending change is saved just before this line: a kill here lands while the NVR is changing.
      { onLine: /Changing the ports/, plusMs: between(0, 700) },
      { afterMs: between(Math.round(duration * 0.75), Math.round(duration * 0.95)) },
    ];
    let recovered = 0;
    const outcomes: string[] = [];
    for (const [k, plan] of plans.entries()) {
      const dir = dataDir(`set-${k}`);
      try {
        const killed = await runAndKill(set, dir, plan, input);
        const what = `ports --set http=${MOVED_HTTP} killed ${killed.plan}`;
        const before = await expectSoundSetup(dir, what);
        const pending = Object.entries(before.setup.ports).filter(([, e]) => e.pending);
        // A change the NVR accepted just before the kill lands ~0.3 s later (the simulator moves after its reply).
        await new Promise((r) => setTimeout(r, 1500));

        // The next check, as the user would start it.
        const next = await runCli(['ports', hik.ip, '--json'], { dataDir: dir, timeoutMs: 60_000 });
        expect(next.code, `${what}; the next check: ${describeRun(next)}`).toBe(0);
        // Where the NVR really answers now (it does not move by itself any more).
        const httpAt = answers(MOVED_HTTP) ? MOVED_HTTP : answers(80) ? 80 : null;
        expect(httpAt, `${what}: HTTP answers on neither 80 nor ${MOVED_HTTP}`).not.toBeNull();
        const report = JSON.parse(next.stdout.toString('utf8')) as { rows: Array<{ port: number; state: string }> };
        expect(report.rows.find((r) => r.port === httpAt)?.state, `${what}: the check measured HTTP on ${httpAt}`).toBe(
          'open',
        );
        const after = await expectSoundSetup(dir, `${what}, after the next check`);
        for (const [id, entry] of Object.entries(after.setup.ports))
          expect(entry.pending, `${what}: the change is still pending for ${id} after the next check`).toBeFalsy();
        if (pending.length) {
          recovered++;
          const [id] = pending[0]!;
          const change = after.setup.ports[id]!.lastChange;
          expect(change?.message, `${what}: the check recorded no result for the unfinished change`).toMatch(
            /did not finish/,
          );
          const expected = httpAt === MOVED_HTTP ? 'verified' : 'restored';
          expect(change?.outcome, `${what}: HTTP answers on ${httpAt}, the result says ${change?.outcome}`).toBe(
            expected,
          );
          const device = after.setup.devices.find((d) => d.id === id);
          const url = `http://${hik.ip}${httpAt === 80 ? '' : `:${httpAt}`}/onvif/device_service`;
          expect(device?.onvifUrl, `${what}: the device did not follow to where ONVIF answers`).toBe(url);
        }
        outcomes.push(
          `${killed.plan}: ${killed.killedAtMs === null ? 'ended first' : `killed at ${killed.killedAtMs} ms`}, pending ${pending.length > 0}, HTTP on ${httpAt}`,
        );
      } finally {
        await putHikBack(dir);
      }
    }
    expect(recovered, `no kill landed while the change was pending: ${outcomes.join('; ')}`).toBeGreaterThan(0);
  }, 300_000);
});

describe('a link dropped during a scan', () => {
  const iproute = (...args: string[]) =>
    spawnSync('ip', ['-n', ns('client'), ...args], { encoding: 'utf8', timeout: 10_000 });
  const routes = () =>
    (iproute('-4', 'route', 'show').stdout ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);

  it('ports <hik> --full with the client’s eth0 going down mid-scan ends in a plain message and a non-zero exit; the link comes back', async () => {
    const before = routes();
    expect(
      before.some((r) => r.startsWith('default via')),
      'the client has its default route',
    ).toBe(true);
    let downAt = 0;
    const dir = dataDir('link');
    const started = Date.now();
    try {
      const run = await runCli(['ports', hik.ip, '--full'], {
        dataDir: dir,
        timeoutMs: 90_000,
        onStderr: (text) => {
          if (downAt || !/Checking ports: \d+ of 65535/.test(text)) return;
          const r = iproute('link', 'set', 'eth0', 'down');
          if (r.status === 0) downAt = Date.now() - started;
        },
      });
      expect(downAt, `the link was never taken down: ${describeRun(run)}`).toBeGreaterThan(0);
      const what = `eth0 down ${downAt} ms into ports --full`;
      expect(run.timedOut, `${what}: ${describeRun(run)}`).toBe(false);
      expect(run.ms, `${what}: took ${run.ms} ms`).toBeLessThan(60_000);
      expect(
        run.code,
        `${what}: the scan should fail, not report a device it could no longer see (${describeRun(run)})`,
      ).not.toBe(0);
      expect(run.signal, describeRun(run)).toBeNull();
      const stderr = run.stderr.toString('utf8');
      expect(stderr, `${what}: no plain message`).toMatch(/^Error: \S/m);
      expect(stderr, `${what}: a stack trace reached the user`).not.toMatch(/^\s+at |node:internal/m);
    } finally {
      iproute('link', 'set', 'eth0', 'up');
      // Taking a link down drops the static routes through it: put back every route the client had.
      const now = new Set(routes());
      for (const r of before)
        if (!now.has(r)) iproute('route', 'replace', ...r.split(/\s+/).filter((t) => t !== 'linkdown'));
      expect(routes().sort(), 'the client’s routes are as before').toEqual([...before].sort());
      expect(answers(80), 'the client reaches the NVR again').toBe(true);
    }
  }, 120_000);
});
