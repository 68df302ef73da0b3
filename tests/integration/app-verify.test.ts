// The Verify step as users run it (issue 13 items 6-7): the BUILT CLI (`nvr-assist verify --json`, plain node) in the
// lab's client host, against a setup saved the way a user makes it — hik found and chosen, its ports measured, the
// public address read (STUN 198.51.100.3, checker 198.51.100.10), hik's UPnP mapping of 8000 deleted (and proven
// gone), the router rules planned and proven from outside. (a) Right after: no drift, exit 0. (b) hik maps 8000 again
// through UPnP (as an NVR with UPnP on does): drift, the mapping named as deleted and listed again by hik, exit 3 —
// and the saved steps are untouched (only verify's own result is kept). (c) hik's RTSP port moved through ONVIF by
// another data folder (a change the saved setup does not know): the port that was open is closed now, drift, exit 3;
// RTSP is put back in a `finally`. The lab is left as found: hik's mappings added again by hik, secure mode on, the
// lab devices' lock held throughout. Needs the lab up (profile home) and `npm run build`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portReportSchema } from '../../src/shared/domain/ports';
import { verifyResultSchema, type VerifyResult } from '../../src/shared/domain/verify';
import { inNs, lab, pollUntil, readLabState, SIMULATORS, WAN } from '../lab/lib/testkit.mjs';
import { hikMapsAgain, hikSyncs, upnpcMappings } from '../support/hik-upnp';
import { releaseLabDevices, takeLabDevices } from '../support/lab-devices-lock';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'nvr-assist.js');
const ME = `app-verify:${process.pid}`;
const hik = SIMULATORS.find((s) => s.host === 'hik')!;
const CHECKER = `http://${WAN.checker}`;
const ADMIN = { user: 'admin', password: 'Lab-Admin-2024' }; // tests/lab/topology.mjs SIM_USERS
const HIK_SDK = `TCP 8000 ${hik.ip} 8000`;

let dataDir = '';
let locked = false;
let secureOff = false;

function cli(args: string[], dir = dataDir, input?: string) {
  return inNs('client', 'env', [`NVR_ASSIST_DATA_DIR=${dir}`, process.execPath, CLI, ...args], {
    timeoutMs: 120_000,
    ...(input !== undefined ? { input } : {}),
  });
}

function verify(): { code: number; result: VerifyResult; stderr: string } {
  const r = cli(['verify', '--json']);
  expect(r.stdout, r.stderr).not.toBe('');
  return { code: r.code, result: verifyResultSchema.parse(JSON.parse(r.stdout)), stderr: r.stderr };
}

const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.check === id)!;
const saved = () => JSON.parse(readFileSync(join(dataDir, 'setup.json'), 'utf8')) as Record<string, unknown>;
/** The saved record without the frame's times and the Verify step's own slice and status: what verify must not touch. */
function stepsSaved() {
  const {
    updatedAt: _u,
    verify: _v,
    steps,
    ...rest
  } = saved() as { steps: Record<string, unknown> } & Record<string, unknown>;
  const { verify: _s, ...others } = steps;
  return { ...rest, steps: others };
}

/** hik's renewal off and no sync of its UPnP mappings under way (its count stays put for 3 s). */
async function hikQuiet(): Promise<void> {
  expect(lab(['sim', 'hik', 'upnp-renew', 'off']).code).toBe(0);
  let last = hikSyncs();
  let since = Date.now();
  await pollUntil(
    () => {
      const now = hikSyncs();
      if (now !== last) [last, since] = [now, Date.now()];
      return Date.now() - since >= 3000;
    },
    { timeoutMs: 30_000, intervalMs: 250, what: 'hik to stop syncing its UPnP mappings' },
  );
}

beforeAll(async () => {
  const st = readLabState();
  if (!st || st.phase !== 'up') throw new Error('the lab is not up: run `node tests/lab/lab.mjs up` first');
  if (st.profile !== 'home') throw new Error(`these tests need the home profile, the lab runs "${st.profile}"`);
  await takeLabDevices(ME, 'the lab devices (hik, the router’s UPnP)');
  locked = true;
  await hikQuiet();
  if (!upnpcMappings().includes(HIK_SDK)) await hikMapsAgain();
  await hikQuiet();
  dataDir = mkdtempSync(join(tmpdir(), 'app-verify-'));
  const found = cli(['discover', '--json']);
  expect(found.code, found.stderr).toBe(0);
  const devices = (JSON.parse(found.stdout) as { devices: Array<{ id: string; addresses: string[] }> }).devices;
  const id = devices.find((d) => d.addresses.includes(hik.ip))?.id;
  expect(id, 'the search finds hik').toBeDefined();
  expect(lab(['router', 'upnp-secure', 'off']).code).toBe(0);
  secureOff = true;
  for (const args of [
    ['choose', id!],
    ['ports', hik.ip],
    ['public', '--stun', `${WAN.stun}:3478`, '--checker', CHECKER],
    ['upnp', '--delete', '8000/tcp'],
    ['rules'],
  ]) {
    const r = cli(args);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
  // The proof from outside as it is now (8000 has no mapping and no rule): saved, whatever its verdict.
  const proof = cli(['public', '--prove', '--checker', CHECKER]);
  expect([0, 3], proof.stderr).toContain(proof.code);
}, 300_000);

afterAll(async () => {
  try {
    try {
      await hikQuiet();
      if (!upnpcMappings().includes(HIK_SDK)) await hikMapsAgain();
    } finally {
      if (secureOff) expect(lab(['router', 'upnp-secure', 'on']).code).toBe(0);
    }
  } finally {
    if (locked) releaseLabDevices(ME);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);

describe('nvr-assist verify against the saved setup, profile home', () => {
  it('(a) right after the setup: every saved check ok, DDNS not checked (no name saved), no drift, exit 0 — the step not verified while the proven rules are not reachable', () => {
    const { code, result, stderr } = verify();
    expect(code, stderr).toBe(0);
    expect(result.outcome).toBe('no-drift');
    expect(result.checks.map((c) => [c.check, c.state])).toEqual([
      ['address', 'ok'],
      ['ports', 'ok'],
      ['upnp', 'ok'],
      ['public', 'ok'],
      ['ddns', 'not-checked'],
      ['outside', 'ok'],
    ]);
    expect(check(result, 'address').text).toContain(`answers at ${hik.ip}`);
    expect(check(result, 'public').text).toContain(WAN.routerWan);
    expect(check(result, 'ddns')).toMatchObject({ why: 'nothing-saved' });
    // Progress per stage on stderr, as other jobs print it.
    expect(stderr).toContain('5/5 Comparing with the saved setup');
    // Kept: the result and the step's status.
    const record = saved() as { verify: { last: unknown }; steps: { verify: { status: string; reason?: string } } };
    expect(record.verify.last).toEqual(result);
    // No drift — but the saved proof's rules were never entered on the router (no rule yet): remote access does not
    // work, so the step is not verified, and says what is still wrong.
    expect(check(result, 'outside').standing).toBeGreaterThan(0);
    expect(record.steps.verify.status).toBe('attention');
    expect(record.steps.verify.reason).toMatch(
      /^Nothing changed, but not everything works yet: .*Still as before: \d+ ports? not as it should be/,
    );
  }, 120_000);

  it('(b) hik maps 8000 again through UPnP: drift naming the deleted mapping listed again by hik, exit 3; the saved steps untouched', async () => {
    expect(upnpcMappings()).not.toContain(HIK_SDK);
    const before = stepsSaved();
    await hikMapsAgain();
    await pollUntil(() => upnpcMappings().includes(HIK_SDK), { timeoutMs: 20_000, what: 'hik’s 8000 mapping' });
    const { code, result } = verify();
    expect(code).toBe(3);
    expect(result.outcome).toBe('drift');
    const upnp = check(result, 'upnp');
    expect(upnp.state).toBe('drift');
    expect(upnp.changes).toContainEqual({
      what: `TCP 8000 → ${hik.ip}:8000`,
      from: 'deleted',
      to: 'listed again, opened by DS-7608NI-K2',
      said: {
        from: { key: 'verify.said.change.deleted' },
        to: { key: 'verify.said.change.listedAgain', params: { who: 'DS-7608NI-K2' } },
      },
    });
    expect(upnp.todo).toContain('turn UPnP off on the NVR');
    // The NVR itself did not move.
    expect(check(result, 'address').state).toBe('ok');
    expect(check(result, 'ports').state).toBe('ok');
    // Only the Verify step's own result and status changed in the record.
    expect(stepsSaved()).toEqual(before);
    expect((saved() as { steps: { verify: { status: string; reason: string } } }).steps.verify).toMatchObject({
      status: 'attention',
      reason: expect.stringContaining('UPnP mappings'),
    });
  }, 120_000);

  it('(c) hik’s RTSP port moved behind the saved setup’s back: the port open when measured is closed now, drift, exit 3', async () => {
    const nvrId = (saved() as { nvr: { deviceId: string } }).nvr.deviceId;
    const report = portReportSchema.parse(
      (saved() as { ports: Record<string, { report: unknown }> }).ports[nvrId]!.report,
    );
    const rtsp = report.rows.find((r) => r.role === 'rtsp' && r.state === 'open');
    expect(rtsp, 'hik’s RTSP port was measured open').toBeDefined();
    const from = rtsp!.port;
    const to = from === 10554 ? 11554 : 10554;
    const other = mkdtempSync(join(tmpdir(), 'app-verify-move-'));
    const set = (port: number, force: boolean) =>
      cli(
        [
          'ports',
          hik.ip,
          '--set',
          `rtsp=${port}`,
          ...(force ? ['--force'] : []),
          '--user',
          ADMIN.user,
          '--password-stdin',
          '--json',
        ],
        other,
        `${ADMIN.password}\n`,
      );
    try {
      const moved = set(to, false);
      expect(moved.code, moved.stderr).toBe(0);
      const { code, result } = verify();
      expect(code).toBe(3);
      const ports = check(result, 'ports');
      expect(ports.state).toBe('drift');
      expect(ports.changes).toContainEqual({
        what: `Video streams (RTSP) ${from}`,
        from: 'open',
        to: 'closed',
        said: { from: { key: 'verify.said.change.state.open' }, to: { key: 'verify.said.change.state.closed' } },
      });
      expect(ports.todo).toContain('Ports');
      expect(check(result, 'address').state).toBe('ok');
    } finally {
      const back = set(from, true);
      expect(back.code, back.stderr).toBe(0);
      rmSync(other, { recursive: true, force: true });
    }
    // Put back: the NVR's ports are as saved again (the UPnP drift of (b) stays: the saved setup deleted 8000).
    const after = verify().result;
    expect(check(after, 'ports').state).toBe('ok');
    await hikQuiet();
  }, 240_000);
});
