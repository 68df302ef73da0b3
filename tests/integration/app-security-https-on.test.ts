// The NVR's HTTPS turned on as users turn it on: the BUILT CLI (`nvr-assist security --https-on --user-consent`, plain
// node, the login on standard input) against a simulator of this test's own (startSimPair: a Hikvision-profile
// simulator with the lab's logins — admin / Lab-Admin-2024 — started with `--https-off`, so its HTTPS port 443 is
// configured but off, and a client on one link of their own). The shared lab's devices are not touched. What is
// asserted is the user's outcome, read by others than the app: before, the independent `onvif` npm client reads HTTPS
// as off and a TLS connection to 443 is refused; without consent, or with a wrong password, nothing is sent (the
// simulator's log counts each applied SetNetworkProtocols); when the device lists HTTPS as on but its port does not
// speak TLS (the simulator's `https-plain` flag), the app turns it off again and says so in plain words, and the device
// is as it was; with a working HTTPS, the app says on and checked, a real TLS handshake to 443 succeeds from the
// client's namespace and the npm client reads HTTPS as on; the setup record holds the verdict and no password is in the
// app's files or output; asked again, nothing is sent. Each CLI run is a new process that keeps no login, so the login
// goes with the command (--user, the password on standard input), as the password test gives it. The simulator is
// stopped by its PID and its namespaces removed in `afterAll`. Needs the lab up (its state says so) and
// `npm run build`.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLabState, startSimPair } from '../lab/lib/testkit.mjs';
import { simClient } from '../support/sim-client';

const ROOT = resolve(__dirname, '..', '..');
const ONVIF_CHECK = join(ROOT, 'tests', 'lab', 'sim', 'tools', 'onvif-check.mjs');
const IP = '192.168.50.76';
const PASSWORD = 'Lab-Admin-2024';
type Pair = Awaited<ReturnType<typeof startSimPair>>;

let pair: Pair | null = null;
const scratch = mkdtempSync(join(tmpdir(), 'app-security-https-on-'));
const dataDir = mkdtempSync(join(scratch, 'data-'));

const { inClient, cli } = simClient(() => {
  if (!pair) throw new Error('no simulator');
  return pair.cli;
}, dataDir);
/** `security --https-on`, the login given as the password test gives it: --user and the password on standard input. */
const httpsOn = (extra: string[]) =>
  cli(['security', '--https-on', '--user', 'admin', '--password-stdin', ...extra], `${PASSWORD}\n`);

/** HTTPS as the independent `onvif` npm client (agsh/onvif) reads it with GetNetworkProtocols. */
function npmHttps(): { enabled: boolean; port: number } {
  const r = inClient([process.execPath, ONVIF_CHECK, IP, '80', 'admin', PASSWORD]);
  type Protocol = { name: string; enabled: boolean | string; port: number | string };
  const out = JSON.parse(r.stdout.trim() || '{"error":"no output"}') as {
    error?: string;
    protocols?: { networkProtocols?: Protocol | Protocol[] };
  };
  const listed = out.protocols?.networkProtocols;
  if (out.error || !listed) throw new Error(`the onvif npm client could not read the protocols: ${out.error}`);
  const https = ([] as Protocol[]).concat(listed).find((p) => p.name === 'HTTPS');
  if (!https) throw new Error('the onvif npm client lists no HTTPS');
  return { enabled: String(https.enabled) === 'true', port: Number(https.port) };
}

/** A real TLS handshake to the device's port 443 from the client's namespace (self-made certificate accepted). */
function tlsTo443(): { ok: boolean; protocol?: string; subject?: string; code?: string } {
  const script = `
    import tls from 'node:tls';
    const done = (v) => { console.log(JSON.stringify(v)); process.exit(0); };
    setTimeout(() => done({ ok: false, code: 'TIMEOUT' }), 5000);
    const s = tls.connect({ host: ${JSON.stringify(IP)}, port: 443, rejectUnauthorized: false }, () => {
      const cert = s.getPeerCertificate();
      done({ ok: true, protocol: s.getProtocol(), subject: JSON.stringify(cert.subject ?? null) });
    });
    s.on('error', (e) => done({ ok: false, code: e.code ?? e.message }));`;
  const r = inClient([process.execPath, '--input-type=module', '-e', script]);
  return JSON.parse(r.stdout.trim() || '{"ok":false,"code":"no output"}') as ReturnType<typeof tlsTo443>;
}

/** Every file the app wrote under its data dir, as text. */
function dataFiles(dir = dataDir): string {
  return readdirSync(dir)
    .map((f) => join(dir, f))
    .map((p) => (statSync(p).isDirectory() ? dataFiles(p) : readFileSync(p, 'utf8')))
    .join('\n');
}
const setupRecord = () =>
  JSON.parse(readFileSync(join(dataDir, 'setup.json'), 'utf8')) as {
    nvr: { deviceId: string };
    security: { httpsOn: { last: Record<string, unknown> | null; pending: unknown } };
  };
const simLog = () => readFileSync(join(pair!.stateDir, 'sim.log'), 'utf8');
/** How many SetNetworkProtocols the simulator applied (one `applying protocols` line each in its log). */
const applied = () =>
  simLog()
    .split('\n')
    .filter((l) => l.includes('applying protocols')).length;

beforeAll(async () => {
  const state = readLabState();
  if (!state || state.phase !== 'up') throw new Error('The lab is not up: run `npm run lab -- up` first.');
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) throw new Error('Build first: npm run build');
  pair = await startSimPair('shs', {
    devAddresses: [`${IP}/24`],
    clientAddress: '192.168.50.10/24',
    simArgs: [
      ...['--profile', 'hikvision', '--host', 'shs', '--ip', IP, '--prefix', '24', '--iface', 'eth0'],
      ...['--mac', '02:00:c0:a8:32:76', '--name', 'DS-7608NI-Lab', '--https-off'],
    ],
  });
  // As a user would: add the NVR by address and log in to it, which chooses it.
  const added = cli(['add', IP, '--json']);
  if (added.code !== 0) throw new Error(`add failed: ${added.stderr}`);
  const id = (JSON.parse(added.stdout) as { device: { id: string } }).device.id;
  const first = cli(['identify', id, '--user', 'admin', '--password-stdin', '--json'], `${PASSWORD}\n`);
  if (first.code !== 0) throw new Error(`identify failed: ${first.stderr}`);
}, 60_000);

afterAll(async () => {
  await pair?.stop();
  pair = null;
  rmSync(scratch, { recursive: true, force: true });
});

describe('nvr-assist security --https-on against a simulator of its own (HTTPS configured but off)', () => {
  it('before: the npm onvif client reads HTTPS off on 443 and a TLS connection to 443 is refused', () => {
    expect(npmHttps()).toEqual({ enabled: false, port: 443 });
    expect(tlsTo443()).toMatchObject({ ok: false, code: 'ECONNREFUSED' });
  }, 30_000);

  it('without --user-consent the CLI refuses in plain words (exit 2) and HTTPS stays off', () => {
    const r = httpsOn(['--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Add --user-consent to say you agree');
    expect(r.stdout).toBe('');
    expect(applied()).toBe(0);
    expect(npmHttps().enabled).toBe(false);
    expect(tlsTo443().ok).toBe(false);
  }, 30_000);

  it('a wrong password on standard input: the NVR’s refusal in plain words (exit 1), nothing sent', () => {
    const r = cli(
      ['security', '--https-on', '--user-consent', '--user', 'admin', '--password-stdin'],
      'Not-The-Lab-Password-1\n',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The NVR refused the user name or password');
    expect(applied()).toBe(0);
    expect(npmHttps().enabled).toBe(false);
  }, 30_000);

  it('the device lists HTTPS on but its port does not speak TLS: the app turns it off again, proven, and says so (exit 3)', () => {
    writeFileSync(join(pair!.stateDir, 'https-plain'), 'on\n');
    try {
      const r = httpsOn(['--user-consent']);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stdout).toContain('Not turned on: no encrypted (TLS) connection answered on port 443.');
      expect(r.stdout).toContain('The app turned HTTPS off again, as it was, and the NVR confirmed it');
      // On the device: turned on with a port that spoke plain HTTP, then off again (two changes applied), and off
      // now as others read it.
      expect(simLog()).toContain('started https 443|true|plain');
      expect(applied()).toBe(2);
      expect(npmHttps()).toEqual({ enabled: false, port: 443 });
      expect(tlsTo443()).toMatchObject({ ok: false, code: 'ECONNREFUSED' });
      expect(setupRecord().security.httpsOn).toMatchObject({
        last: { outcome: 'put-back', httpsOn: false, putBackVerified: true, port: 443 },
        pending: null,
      });
    } finally {
      rmSync(join(pair!.stateDir, 'https-plain'), { force: true });
    }
  }, 60_000);

  it('turned on and checked: a real TLS handshake to 443 succeeds, the npm onvif client reads HTTPS on, no password kept', () => {
    const r = httpsOn(['--user-consent', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ outcome: 'on', httpsOn: true, port: 443, fault: null });

    const handshake = tlsTo443();
    expect(handshake, JSON.stringify(handshake)).toMatchObject({
      ok: true,
      protocol: expect.stringMatching(/^TLSv1\.[23]$/),
    });
    expect(npmHttps()).toEqual({ enabled: true, port: 443 });

    const record = setupRecord();
    expect(record.security.httpsOn).toMatchObject({ last: { outcome: 'on', httpsOn: true, port: 443 }, pending: null });
    expect(record.security.httpsOn.last?.deviceId).toBe(record.nvr.deviceId);
    for (const where of [dataFiles(), r.stdout, r.stderr]) expect(where).not.toContain(PASSWORD);
    expect(applied()).toBe(3);

    // Asked again: the NVR already lists it on, so nothing is sent, and HTTPS still answers.
    const again = httpsOn(['--user-consent']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Nothing changed: the NVR already lists HTTPS (port 443) as on.');
    expect(applied()).toBe(3);
    expect(tlsTo443().ok).toBe(true);
  }, 60_000);
});
