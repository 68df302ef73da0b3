// The UPnP step's timed re-check as users run it (issue 12 item 2): the BUILT CLI (`nvr-assist upnp --delete … --watch
// SECONDS`, `upnp --watch SECONDS`, plain node) in the lab's client host, against the lab router's real miniupnpd, with
// hik as an NVR that renews its UPnP mappings (`lab.mjs sim hik upnp-renew`). Cross-checked with miniupnpc's upnpc.
// With renewal on, the mapping deleted (and proven gone) comes back during the wait and the re-check names hik as the
// device that opened it again (exit 3); with renewal off it is still gone after the wait (exit 0).
// The router runs with secure mode off (any LAN host may delete any mapping) for the deletions. The lab is left as
// found: renewal off, hik's 8000 mapped again by hik, secure mode on. Needs the lab up (profile home) and
// `npm run build`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upnpDeleteResultSchema, upnpRecheckSchema, upnpWatchResultSchema } from '../../src/shared/domain/upnp';
import { inNs, lab, ns, pollUntil, readLabState, ROUTER, SIMULATORS } from '../lab/lib/testkit.mjs';
import { hikMapsAgain, hikSyncs, upnpcMappings } from '../support/hik-upnp';
import { releaseLabDevices, takeLabDevices } from '../support/lab-devices-lock';

const ME = 'app-upnp-watch test';
const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'nvr-assist.js');
const ROOT_DESC = `http://${ROUTER.lan}:${ROUTER.upnpHttpPort}/rootDesc.xml`;
const hik = SIMULATORS.find((s) => s.host === 'hik')!;
const HIK_SDK = `TCP 8000 ${hik.ip} 8000`;
/** The wait asked for: longer than hik's renewal (4 s) and its sync (an SSDP search and a few SOAP calls). */
const WAIT_S = 8;

function cli(args: string[], dataDir: string) {
  return inNs('client', 'env', [`NVR_ASSIST_DATA_DIR=${dataDir}`, process.execPath, CLI, ...args], {
    timeoutMs: 90_000,
  });
}

/**
 * The CLI as a child process in the client host: its output as it comes, a wait for a text on stderr, and its end.
 * Stopped by its own PID if the test gives up on it.
 */
function cliRunning(args: string[], dataDir: string) {
  const child = spawn(
    'ip',
    ['netns', 'exec', ns('client'), 'env', `NVR_ASSIST_DATA_DIR=${dataDir}`, process.execPath, CLI, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<number>((done) => child.on('exit', (code) => done(code ?? -1)));
  return {
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    /** Waits (bounded) until stderr holds `text`; fails with what the CLI said so far. */
    async until(text: string, timeoutMs: number) {
      await pollUntil(() => stderr.includes(text) || child.exitCode !== null, { timeoutMs, what: `"${text}"` });
      if (!stderr.includes(text)) throw new Error(`the CLI ended (${child.exitCode}) before "${text}": ${stderr}`);
    },
    /** Its exit code (bounded; stopped by PID after `timeoutMs`). */
    async end(timeoutMs: number): Promise<number> {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<number>((done) => {
        timer = setTimeout(() => {
          if (child.pid) child.kill('SIGKILL');
          done(-2);
        }, timeoutMs);
      });
      try {
        return await Promise.race([exited, late]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** The lease left on hik's 8000 mapping as upnpc reads it (s; its last column). */
function upnpcSdkLease(): number {
  const r = inNs('client', 'upnpc', ['-i', '-u', ROOT_DESC, '-L'], { timeoutMs: 30_000 });
  expect(r.code, r.stderr).toBe(0);
  const line = r.stdout.split('\n').find((l) => new RegExp(`^\\s*\\d+\\s+TCP\\s+8000->${hik.ip}:8000\\s`).test(l));
  expect(line, r.stdout).toBeDefined();
  return Number(/(\d+)\s*$/.exec(line!)?.[1]);
}

/** Renewal off, and no sync of hik's still under way (its count stays put for 3 s). */
async function hikQuiet(): Promise<void> {
  expect(lab(['sim', 'hik', 'upnp-renew', 'off']).code).toBe(0);
  let last = hikSyncs();
  let stableSince = Date.now();
  await pollUntil(
    () => {
      const now = hikSyncs();
      if (now !== last) [last, stableSince] = [now, Date.now()];
      return Date.now() - stableSince >= 3000;
    },
    { timeoutMs: 30_000, intervalMs: 250, what: 'hik to stop syncing its UPnP mappings' },
  );
}

/** hik's SDK mapping is on the router (as earlier suites and the lab's start leave it). */
async function hikSdkMapped(): Promise<void> {
  if (!upnpcMappings().includes(HIK_SDK)) await hikMapsAgain();
  await pollUntil(() => upnpcMappings().includes(HIK_SDK), { timeoutMs: 20_000, what: 'hik’s 8000 mapping' });
}

/** The UPnP slice of the setup record the CLI wrote. */
function savedUpnp(dataDir: string) {
  return (JSON.parse(readFileSync(join(dataDir, 'setup.json'), 'utf8')) as { upnp: Record<string, unknown> }).upnp;
}

let dataDir = '';
let haveDevices = false;

beforeAll(async () => {
  const st = readLabState();
  if (!st || st.phase !== 'up') throw new Error('the lab is not up: run `node tests/lab/lab.mjs up` first');
  if (st.profile !== 'home') throw new Error(`these tests need the home profile, the lab runs "${st.profile}"`);
  await takeLabDevices(ME, 'hik is');
  haveDevices = true;
  await hikQuiet();
  await hikSdkMapped();
  // The devices the search finds are what the mappings are attributed to (hik by its model).
  dataDir = mkdtempSync(join(tmpdir(), 'app-upnp-watch-'));
  const found = cli(['discover', '--json'], dataDir);
  expect(found.code, found.stderr).toBe(0);
  expect(lab(['router', 'upnp-secure', 'off']).code).toBe(0);
}, 300_000);

afterAll(async () => {
  try {
    try {
      await hikQuiet();
      await hikSdkMapped();
    } finally {
      expect(lab(['router', 'upnp-secure', 'on']).code).toBe(0);
    }
  } finally {
    if (haveDevices) releaseLabDevices(ME);
  }
}, 120_000);

describe('nvr-assist upnp --delete 8000/tcp --watch: the re-check after the device’s renewal', () => {
  it('hik renews its mappings during the wait: the re-check names hik’s 8000 as come back, and exits 3', async () => {
    await hikSdkMapped();
    // hik asks for a permanent mapping (lease 0); the lab's miniupnpd is an IGD:2, which gives such a mapping a
    // week's lease (604 800 s) instead: a lease the re-check cannot wait out, so its delay is the 10-minute cap.
    expect(upnpcSdkLease()).toBeGreaterThan(600);
    const run = cliRunning(['upnp', '--delete', '8000/tcp', '--watch', String(WAIT_S), '--json'], dataDir);
    // The deletion is proven (its re-read no longer lists it) before the wait starts; then hik starts renewing
    // (the first renewal at once, then every 4 s), as an NVR with UPnP on does after its mapping was deleted.
    await run.until(`Watching for ${WAIT_S} s`, 60_000);
    expect(upnpcMappings()).not.toContain(HIK_SDK);
    const syncs = hikSyncs();
    expect(lab(['sim', 'hik', 'upnp-renew', '4']).code).toBe(0);
    let code: number;
    try {
      code = await run.end(90_000);
    } finally {
      await hikQuiet();
    }
    expect(code, run.stderr).toBe(3);
    expect(hikSyncs()).toBeGreaterThan(syncs);
    const doc = JSON.parse(run.stdout) as { deleted: unknown; watched: unknown };
    const deleted = upnpDeleteResultSchema.parse(doc.deleted);
    expect(deleted.deletions).toEqual([
      expect.objectContaining({ protocol: 'TCP', externalPort: 8000, accepted: true, gone: true, errorCode: null }),
    ]);
    // the delay --watch without SECONDS would have waited: the longest lease deleted, capped at 10 minutes
    expect(deleted.recheckAfterS).toBe(600);
    const watched = upnpWatchResultSchema.parse(doc.watched);
    expect(watched.recheck).toMatchObject({
      waitedS: WAIT_S,
      watched: [{ protocol: 'TCP', externalPort: 8000 }],
      cameBack: [
        { protocol: 'TCP', externalPort: 8000, internalClient: hik.ip, internalPort: 8000, device: 'DS-7608NI-K2' },
      ],
      outcome: 'came-back',
    });
    const back = watched.audit.findings.find((f) => f.code === 'came-back');
    expect(back?.severity).toBe('problem');
    expect(back?.text).toContain('DS-7608NI-K2');
    // upnpc agrees: the router lists it again
    expect(upnpcMappings()).toContain(HIK_SDK);
    // the countdown on stderr, from the wait asked for down
    expect(run.stderr).toContain(`0/${WAIT_S} Re-checking TCP 8000 in ${WAIT_S} s…`);
    expect(run.stderr).toContain(`${WAIT_S - 1}/${WAIT_S} Re-checking TCP 8000 in 1 s…`);
    // kept: when the re-check ran and what came back
    const saved = savedUpnp(dataDir);
    expect(upnpRecheckSchema.parse(saved.recheck)).toEqual(watched.recheck);
    expect(saved.recheckAfterS).toBe(600);
  }, 180_000);

  it('with hik’s renewal off, `upnp --watch 8` after the deletion finds 8000 still gone, and exits 0', async () => {
    await hikQuiet();
    await hikSdkMapped();
    const syncs = hikSyncs();
    const del = cli(['upnp', '--delete', '8000/tcp', '--json'], dataDir);
    expect(del.code, del.stderr).toBe(0);
    expect(upnpDeleteResultSchema.parse(JSON.parse(del.stdout)).deletions[0]).toMatchObject({ gone: true });
    const r = cli(['upnp', '--watch', String(WAIT_S)], dataDir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Re-checked after ${WAIT_S} s \\(`));
    expect(r.stdout).toContain('  Still gone: TCP 8000');
    expect(r.stdout).not.toContain('CAME BACK');
    expect(r.stdout).not.toMatch(/^Problem: .*you deleted came back/m);
    expect(r.stderr).toContain(`0/${WAIT_S} Re-checking TCP 8000 in ${WAIT_S} s…`);
    expect(hikSyncs()).toBe(syncs);
    expect(upnpcMappings()).not.toContain(HIK_SDK);
    expect(savedUpnp(dataDir).recheck).toMatchObject({
      waitedS: WAIT_S,
      watched: [{ protocol: 'TCP', externalPort: 8000 }],
      cameBack: [],
      outcome: 'still-gone',
    });
  }, 180_000);
});
