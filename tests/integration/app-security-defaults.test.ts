// The default-password check as users run it: the BUILT CLI (`nvr-assist security --check-defaults --user-consent`,
// plain node) against simulators of this test's own (startSimPair: a Dahua-profile simulator and a client on one
// link of their own, outside the shared lab's devices), each with a user list from --users: one whose "admin" still
// has the old Dahua default admin/admin, one whose "admin" has a strong password. The user's own login ("owner")
// is how the app learns the brand, as Find does. What is asserted is the user's harm: the default must be found
// (critical, first in the list), the strong one refused, and the simulator must see no more failed logins than the
// policy allows (one per candidate, none when asked again within 30 minutes) and lock nobody. Each simulator is
// stopped by its PID and its namespaces removed in `afterAll`. Needs the lab up (for its tools) and `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLabState, startSimPair } from '../lab/lib/testkit.mjs';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'nvr-assist.js');
const OWNER = { user: 'owner', password: 'Owner-Lab-Strong-2026', level: 'Administrator' };
const STRONG = 'Zq8-Lab-Admin-Strong!';
type Pair = Awaited<ReturnType<typeof startSimPair>>;

interface SimUnderTest {
  pair: Pair;
  ip: string;
  dataDir: string;
}

const sims: SimUnderTest[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'app-security-defaults-'));

async function startSim(tag: string, ip: string, adminPassword: string): Promise<SimUnderTest> {
  const users = join(scratch, `${tag}-users.json`);
  writeFileSync(users, JSON.stringify([OWNER, { user: 'admin', password: adminPassword, level: 'Administrator' }]));
  const pair = await startSimPair(tag, {
    devAddresses: [`${ip}/24`],
    clientAddress: '192.168.50.10/24',
    simArgs: [
      ...['--profile', 'dahua', '--host', tag, '--ip', ip, '--prefix', '24', '--iface', 'eth0'],
      ...['--mac', `02:00:c0:a8:32:${ip.split('.')[3]!.padStart(2, '0').slice(-2)}`, '--name', 'NVR4104-Lab'],
      ...['--users', users],
    ],
  });
  const sim = { pair, ip, dataDir: mkdtempSync(join(scratch, `${tag}-data-`)) };
  sims.push(sim);
  return sim;
}

/** `nvr-assist <args>` in the simulator's client namespace, with the test's data folder. */
function cli(sim: SimUnderTest, args: string[], input?: string) {
  const r = spawnSync(
    'ip',
    ['netns', 'exec', sim.pair.cli, 'env', `NVR_ASSIST_DATA_DIR=${sim.dataDir}`, process.execPath, CLI, ...args],
    { encoding: 'utf8', timeout: 60_000, input, killSignal: 'SIGKILL' },
  );
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** As a user would: add the NVR by address, log in with their own account (the brand is read), which chooses it. */
function chooseWithOwnLogin(sim: SimUnderTest): void {
  const added = cli(sim, ['add', sim.ip, '--json']);
  expect(added.code, added.stderr).toBe(0);
  const id = (JSON.parse(added.stdout) as { device: { id: string } }).device.id;
  const login = cli(sim, ['identify', id, '--user', OWNER.user, '--password-stdin', '--json'], `${OWNER.password}\n`);
  expect(login.code, login.stderr).toBe(0);
  const setup = JSON.parse(readFileSync(join(sim.dataDir, 'setup.json'), 'utf8'));
  expect(setup.nvr.device.brand).toBe('Dahua');
}

/** What the simulator logged: logins it refused (wrong password) and logins refused as locked. */
function simSaw(sim: SimUnderTest): { failed: number; locked: number } {
  const log = readFileSync(join(sim.pair.stateDir, 'sim.log'), 'utf8');
  return {
    failed: (log.match(/onvif auth failed/g) ?? []).length,
    locked: (log.match(/user locked/g) ?? []).length,
  };
}

function checkDefaults(sim: SimUnderTest, extra: string[] = []) {
  const r = cli(sim, ['security', '--check-defaults', '--user-consent', '--json', ...extra]);
  return { code: r.code, stderr: r.stderr, data: r.stdout ? JSON.parse(r.stdout) : null, raw: r.stdout };
}

beforeAll(() => {
  const state = readLabState();
  if (!state || state.phase !== 'up') throw new Error('The lab is not up: run `npm run lab -- up` first.');
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) throw new Error('Build first: npm run build');
});

afterAll(async () => {
  for (const s of sims.splice(0)) await s.pair.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('nvr-assist security --check-defaults against a simulator of its own', () => {
  it('an NVR whose admin is still admin/admin: found in one login, exit 3, the critical finding first', async () => {
    const sim = await startSim('dpa', '192.168.50.73', 'admin');
    chooseWithOwnLogin(sim);
    const before = simSaw(sim);
    const r = checkDefaults(sim);
    expect(r.code, r.stderr).toBe(3);
    expect(r.data.check).toMatchObject({
      verdict: 'accepted',
      tried: [{ candidate: 'dahua-old-admin', outcome: 'accepted' }],
    });
    expect(r.data.check.fix).toMatch(/^Change it now/);
    expect(r.data.result.findings[0]).toMatchObject({ id: 'default-password', severity: 'critical' });
    // The device saw the one login, and it was not a failure.
    expect(simSaw(sim)).toEqual(before);
    // The plain-words report says it first.
    const text = cli(sim, ['security']);
    expect(text.stdout).toMatch(/^1\. \[CRITICAL\] The factory default password still works/m);
    // Nothing the app keeps holds the pair: the data folder's files carry the candidate's name only.
    const saved = readFileSync(join(sim.dataDir, 'setup.json'), 'utf8');
    expect(saved).toContain('dahua-old-admin');
    expect(saved).not.toMatch(/"password"/);
  }, 120_000);

  it('an NVR with a strong admin password: refused, exit 0, one failed login on the device; asked again, none more', async () => {
    const sim = await startSim('dpr', '192.168.50.74', STRONG);
    chooseWithOwnLogin(sim);
    const before = simSaw(sim);
    const r = checkDefaults(sim);
    expect(r.code, r.stderr).toBe(0);
    expect(r.data.check).toMatchObject({ verdict: 'refused', tried: [{ outcome: 'refused' }] });
    expect(simSaw(sim)).toEqual({ failed: before.failed + 1, locked: 0 });
    // Asked again at once, even with the user's yes to go on: nothing is sent (one attempt per default).
    const again = checkDefaults(sim, ['--try-next']);
    expect(again.code).toBe(1);
    expect(again.data.check).toMatchObject({ verdict: 'not-tried', tried: [] });
    expect(simSaw(sim)).toEqual({ failed: before.failed + 1, locked: 0 });
    // The owner's own login still works: nothing was locked.
    const owner = cli(
      sim,
      ['identify', sim.ip, '--user', OWNER.user, '--password-stdin', '--json'],
      `${OWNER.password}\n`,
    );
    expect(owner.code, owner.stderr).toBe(0);
  }, 120_000);
});
