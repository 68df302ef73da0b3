// The NVR's password changed as users change it: the BUILT CLI (`nvr-assist security --set-password
// --password-stdin`, plain node, the current and the new password on standard input) against a simulator of this
// test's own (startSimPair: a Hikvision-profile simulator with the lab's logins — admin / Lab-Admin-2024 — and a
// client on one link of their own). The shared lab's cam and hik are not touched: their running simulators predate
// SetUser, and this test must not change a login other suites use. What is asserted is the user's harm: after the
// change the new password logs in (the app's own login in a new process, and the independent `onvif` npm client),
// the old one is refused, no password is in the app's files or output; then the old password is put back the same
// way and proven by a login. The lab password is ALWAYS restored in `finally` (by the CLI, else by a raw SetUser),
// the simulator stopped by its PID and its namespaces removed in `afterAll`. Needs the lab up and `npm run build`.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLabState, startSimPair } from '../lab/lib/testkit.mjs';
import { simClient } from '../support/sim-client';

const ROOT = resolve(__dirname, '..', '..');
const ONVIF_CHECK = join(ROOT, 'tests', 'lab', 'sim', 'tools', 'onvif-check.mjs');
const AUTH = join(ROOT, 'tests', 'lab', 'sim', 'auth.mjs');
const IP = '192.168.50.75';
const OLD = 'Lab-Admin-2024';
// XML's special characters in it: the change must carry them escaped and the device must store them as typed.
const NEW = `Kestrel<&>"'-Lab-2026`;
type Pair = Awaited<ReturnType<typeof startSimPair>>;

let pair: Pair | null = null;
const scratch = mkdtempSync(join(tmpdir(), 'app-security-password-'));
const dataDir = mkdtempSync(join(scratch, 'data-'));

const { inClient, cli } = simClient(() => {
  if (!pair) throw new Error('no simulator');
  return pair.cli;
}, dataDir);
const login = (password: string) =>
  cli(['identify', IP, '--user', 'admin', '--password-stdin', '--json'], `${password}\n`);
/** The independent `onvif` npm client (agsh/onvif) logging in with WS-UsernameToken: its JSON answer. */
const npmOnvif = (password: string) => {
  const r = inClient([process.execPath, ONVIF_CHECK, IP, '80', 'admin', password]);
  return JSON.parse(r.stdout.trim() || '{"error":"no output"}') as { error?: string; info?: { manufacturer?: string } };
};
const setPassword = (current: string, next: string) =>
  cli(['security', '--set-password', '--password-stdin', '--user', 'admin', '--json'], `${current}\n${next}\n`);

/** The last way back: SetUser sent raw (the simulator's own UsernameToken helper), trying each password we set. */
function rawRestore(): boolean {
  const script = `
    import { usernameTokenXml } from ${JSON.stringify(AUTH)};
    for (const pw of ${JSON.stringify([NEW, OLD])}) {
      const body = '<?xml version="1.0"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema"><s:Header>' +
        usernameTokenXml('admin', pw, new Date().toISOString()) +
        '</s:Header><s:Body><tds:SetUser><tds:User><tt:Username>admin</tt:Username><tt:Password>${OLD}</tt:Password><tt:UserLevel>Administrator</tt:UserLevel></tds:User></tds:SetUser></s:Body></s:Envelope>';
      const res = await fetch('http://${IP}/onvif/device_service', { method: 'POST', body, headers: { 'content-type': 'application/soap+xml' } });
      if (res.ok) { console.log('restored'); process.exit(0); }
    }
    process.exit(1);`;
  return inClient([process.execPath, '--input-type=module', '-e', script]).stdout.includes('restored');
}

beforeAll(async () => {
  const state = readLabState();
  if (!state || state.phase !== 'up') throw new Error('The lab is not up: run `npm run lab -- up` first.');
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) throw new Error('Build first: npm run build');
  pair = await startSimPair('spw', {
    devAddresses: [`${IP}/24`],
    clientAddress: '192.168.50.10/24',
    simArgs: [
      ...['--profile', 'hikvision', '--host', 'spw', '--ip', IP, '--prefix', '24', '--iface', 'eth0'],
      ...['--mac', '02:00:c0:a8:32:75', '--name', 'DS-7608NI-Lab'],
    ],
  });
}, 60_000);

afterAll(async () => {
  await pair?.stop();
  pair = null;
  rmSync(scratch, { recursive: true, force: true });
});

describe('nvr-assist security --set-password against a simulator of its own', () => {
  it('changed and verified by a new login; the old one refused after; the npm onvif client logs in with the new; then put back', async () => {
    // As a user would: add the NVR by address and log in to it, which chooses it.
    const added = cli(['add', IP, '--json']);
    expect(added.code, added.stderr).toBe(0);
    const id = (JSON.parse(added.stdout) as { device: { id: string } }).device.id;
    const first = cli(['identify', id, '--user', 'admin', '--password-stdin', '--json'], `${OLD}\n`);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dataDir, 'setup.json'), 'utf8')).nvr.deviceId).toBe(id);
    let restored = false;
    try {
      const r = setPassword(OLD, NEW);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'verified', works: 'new', user: 'admin' });

      // A new process, the app's own login: the new password works, the old one is refused.
      const withNew = login(NEW);
      expect(withNew.code, withNew.stderr).toBe(0);
      const withOld = login(OLD);
      expect(withOld.code).toBe(1);
      expect(withOld.stderr).toContain('The NVR refused the user name or password');

      // The independent client: the escaped characters reached the device as typed.
      expect(npmOnvif(NEW)).toMatchObject({ info: { manufacturer: expect.stringMatching(/hikvision/i) } });
      expect(npmOnvif(OLD).error).toBeTruthy();

      // No password in anything the app wrote or printed.
      const files = readdirSync(dataDir)
        .map((f) => readFileSync(join(dataDir, f), 'utf8'))
        .join('\n');
      expect(JSON.parse(readFileSync(join(dataDir, 'setup.json'), 'utf8')).security.passwordChange.last).toMatchObject({
        outcome: 'verified',
      });
      for (const where of [files, r.stdout, r.stderr]) for (const s of [OLD, NEW]) expect(where).not.toContain(s);

      // Back the same way, and proven by a login with the lab's password.
      const back = setPassword(NEW, OLD);
      expect(back.code, back.stderr).toBe(0);
      expect(JSON.parse(back.stdout)).toMatchObject({ outcome: 'verified' });
      restored = true;
      expect(login(OLD).code).toBe(0);
    } finally {
      // ALWAYS: the lab's password back, whatever failed above.
      if (!restored && setPassword(NEW, OLD).code !== 0 && login(OLD).code !== 0) expect(rawRestore()).toBe(true);
    }
  }, 180_000);

  it('a weak new password is refused before the NVR is asked: exit 1, and the lab password still works', () => {
    const r = setPassword(OLD, 'admin1234');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The app did not send it');
    expect(login(OLD).code).toBe(0);
  }, 60_000);
});
