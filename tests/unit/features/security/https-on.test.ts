// `security.httpsOn` and `nvr-assist security --https-on --user-consent` through the app (one core, as the app runs)
// against the lab simulator's device code (its logins, Get/SetNetworkProtocols, no network) and a fake TLS handshake
// that answers only while the device has HTTPS on. What is asserted is the user's harm: HTTPS is on at the end only
// when the verdict says so; it needs the kept login (nothing sent without one); a change the app did not live to
// finish is reported, not forgotten.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../src/main/app';
import { runCli } from '../../../../src/main/cli/run';
import { createSetupStore } from '../../../../src/main/services/setup-store';
import type { HttpTransport } from '../../../../src/main/transport/http';
import type { TcpExchange } from '../../../../src/main/transport/tcp';
import type { DiscoveredDevice } from '../../../../src/shared/domain/device';
import { httpsOnResultSchema } from '../../../../src/shared/domain/security-https-on';
import type { InvokeInput, InvokeOutput } from '../../../../src/shared/ipc/contract';
import type { Result } from '../../../../src/shared/ipc/result';
import { HOME_PC } from '../../../support/fake-system';
import { Device, handleOnvif } from '../../../lab/sim/testing.mjs';
import { chooseNvr, nvrDevice } from './records';

const ADDRESS = '192.168.1.64';
const PASSWORD = 'Lab-Admin-2024';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The simulator's device with HTTPS off on 443; `tlsUp` says whether a handshake answers while HTTPS is on. */
function simulator(tlsUp = true) {
  const stateDir = mkdtempSync(join(tmpdir(), 'https-on-sim-'));
  dirs.push(stateDir);
  const dev = new Device({
    profile: 'dahua',
    host: 'x',
    ip: ADDRESS,
    prefix: '24',
    iface: 'eth0',
    mac: '02:00:00:00:00:69',
    name: 'NVR-Test',
    stateDir,
    users: [{ user: 'admin', password: PASSWORD, level: 'Administrator' }],
  });
  dev.st.enabled.https = false;
  // The device's change applied at once, in memory (the simulator would restart real servers).
  dev.later = (fn: () => unknown) => void fn();
  dev.applyProtocols = async (changes: unknown) => {
    const { ports, enabled } = dev.projected(changes);
    dev.st.ports = ports;
    dev.st.enabled = enabled;
  };
  const sets: string[] = [];
  const http: HttpTransport = {
    async request(url, options) {
      if (url.hostname !== ADDRESS) throw new Error(`no such host ${url.hostname}`);
      const bodyText = options.body ?? '';
      if (/<tds:SetNetworkProtocols/.test(bodyText)) sets.push(bodyText);
      const r = handleOnvif(dev, { bodyText, authorization: options.headers?.authorization });
      const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
      return { status: r.status ?? 200, headers, body: Buffer.from(r.body ?? '') };
    },
  };
  const exchange: TcpExchange = async (host, port, o) => {
    const ok = tlsUp && o.tls === true && host === ADDRESS && dev.st.enabled.https && port === dev.st.ports.https;
    return {
      outcome: ok ? 'ok' : 'refused',
      bytes: new Uint8Array(),
      peerClosed: true,
      elapsedMs: 1,
      certificate: ok
        ? {
            subject: { CN: ADDRESS },
            issuer: { CN: ADDRESS },
            subjectAltName: null,
            validFrom: '',
            validTo: '',
            fingerprint256: '',
            trusted: false,
            trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
            protocol: 'TLSv1.3',
          }
        : null,
    };
  };
  return { http, exchange, sets, httpsOn: () => dev.st.enabled.https as boolean };
}
type Sim = ReturnType<typeof simulator>;

const dahua = (): DiscoveredDevice => ({
  ...nvrDevice('Dahua', 'NVR4104', '4.001.0000000.5.R'),
  onvifUrl: `http://${ADDRESS}/onvif/device_service`,
});

type Core = ReturnType<typeof createAppCore>;
type Channel = 'security.httpsOn' | 'security.get' | 'device.login';
const call = <C extends Channel>(core: Core, channel: C, input: InvokeInput<C>) =>
  core.dispatch(channel, input, { transport: 'test' }) as Promise<Result<InvokeOutput<C>>>;

async function app(sim: Sim, pending = false, choose = true) {
  const dataDir = mkdtempSync(join(tmpdir(), 'https-on-'));
  dirs.push(dataDir);
  await createSetupStore(join(dataDir, 'setup.json')).update((d) => {
    if (choose) chooseNvr(d, dahua());
    if (pending) d.security.httpsOn.pending = { deviceId: 'nvr-1', port: 443, startedAt: '2026-12-06T01:02:00Z' };
  });
  const logs: string[] = [];
  const core = createAppCore({
    dataDir,
    mode: 'cli',
    version: '1',
    system: HOME_PC(),
    http: sim.http,
    tcpExchange: sim.exchange,
    httpsOnChecks: { rounds: 2, intervalMs: 0 },
    log: (l) => logs.push(l),
  });
  const files = () =>
    readdirSync(dataDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => readFileSync(join(dataDir, f), 'utf8'))
      .join('\n');
  return { core, logs, files };
}

describe('security.httpsOn', () => {
  it('on: with the kept login, HTTPS is on at the end, checked, and the verdict is kept', async () => {
    const sim = simulator();
    const { core, logs, files } = await app(sim);
    try {
      const login = await call(core, 'device.login', { deviceId: 'nvr-1', username: 'admin', password: PASSWORD });
      expect(login.ok).toBe(true);
      const r = await call(core, 'security.httpsOn', { consent: true });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.data).toMatchObject({ outcome: 'on', httpsOn: true, port: 443 });
      expect(sim.httpsOn()).toBe(true);
      expect(JSON.parse(files()).security.httpsOn).toMatchObject({ last: { outcome: 'on' }, pending: null });
      expect(logs.join('\n')).toContain('security: turning HTTPS on on the chosen NVR: on');
      const got = await call(core, 'security.get', {});
      expect(got.ok && got.data.httpsOn?.outcome).toBe('on');
      // Asked again: nothing more is sent.
      const again = await call(core, 'security.httpsOn', { consent: true });
      expect(again.ok && again.data.outcome).toBe('already-on');
      expect(sim.sets).toHaveLength(1);
    } finally {
      await core.close();
    }
  });

  it('no TLS answer: HTTPS is off again at the end, and the verdict says it was put back', async () => {
    const sim = simulator(false);
    const { core } = await app(sim);
    try {
      await call(core, 'device.login', { deviceId: 'nvr-1', username: 'admin', password: PASSWORD });
      const r = await call(core, 'security.httpsOn', { consent: true });
      expect(r.ok && r.data).toMatchObject({ outcome: 'put-back', httpsOn: false, putBackVerified: true });
      expect(sim.httpsOn()).toBe(false);
    } finally {
      await core.close();
    }
  });

  it('no login kept: SECURITY_HTTPS_LOGIN_NEEDED, nothing sent; without consent the call is refused', async () => {
    const sim = simulator();
    const { core } = await app(sim);
    try {
      const r = await call(core, 'security.httpsOn', { consent: true });
      expect(r.ok ? null : r.error.code).toBe('SECURITY_HTTPS_LOGIN_NEEDED');
      // Its words are about turning HTTPS on, not about the password change's login.
      expect(r.ok ? '' : r.error.message).toContain('to turn HTTPS on');
      const no = await call(core, 'security.httpsOn', { consent: false } as unknown as { consent: true });
      expect(no.ok).toBe(false);
      expect(sim.sets).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('a change left unfinished (the app stopped after the send): security.get says so, once kept', async () => {
    const { core } = await app(simulator(), true);
    try {
      const r = await call(core, 'security.get', {});
      if (!r.ok) throw new Error(r.error.message);
      expect(r.data.httpsOn).toMatchObject({ outcome: 'unfinished', httpsOn: null, port: 443 });
      const again = await call(core, 'security.get', {});
      expect(again.ok && again.data.httpsOn?.outcome).toBe('unfinished');
    } finally {
      await core.close();
    }
  });
});

describe('nvr-assist security --https-on --user-consent', () => {
  /**
   * The CLI with the kept login in place (logged in first, in the same core) unless `login` is false; `stdin`: what
   * standard input holds (none when undefined).
   */
  async function cli(sim: Sim, argv: string[], login = true, stdin?: string, choose = true) {
    const { core, files, logs } = await app(sim, false, choose);
    let stdout = '';
    let stderr = '';
    try {
      if (login) await call(core, 'device.login', { deviceId: 'nvr-1', username: 'admin', password: PASSWORD });
      const io = {
        stdout: (t: string) => (stdout += t),
        stderr: (t: string) => (stderr += t),
        ...(stdin === undefined ? {} : { readStdin: async () => stdin }),
      };
      const code = await runCli(argv, core, io, '1');
      return { code, stdout, stderr, files: files(), logs: logs.join('\n') };
    } finally {
      await core.close();
    }
  }

  it('--json: exit 0, the verdict in the contract’s shape, HTTPS on at the NVR', async () => {
    const sim = simulator();
    const r = await cli(sim, ['security', '--https-on', '--user-consent', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(httpsOnResultSchema.parse(JSON.parse(r.stdout))).toMatchObject({ outcome: 'on', port: 443 });
    expect(sim.httpsOn()).toBe(true);
    expect(r.files).not.toContain(PASSWORD);
  });

  it('plain words: put back when no TLS answers, exit 3, and HTTPS is off as it was', async () => {
    const sim = simulator(false);
    const r = await cli(sim, ['security', '--https-on', '--user-consent']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toMatch(
      /^Not turned on: no encrypted \(TLS\) connection answered on port 443\.\n- The app turned HTTPS off again/,
    );
    expect(sim.httpsOn()).toBe(false);
  });

  it('without --user-consent: a usage error (exit 2), nothing sent', async () => {
    const sim = simulator();
    const r = await cli(sim, ['security', '--https-on']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Add --user-consent');
    expect(sim.sets).toEqual([]);
  });

  it('no kept login: exit 1 with the words to log in first (and how, from the CLI), nothing sent', async () => {
    const sim = simulator();
    const r = await cli(sim, ['security', '--https-on', '--user-consent'], false);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Log in to the NVR first/);
    expect(r.stderr).toContain('--user admin --password-stdin');
    expect(sim.sets).toEqual([]);
  });

  // Each CLI run is a new process that keeps no login (no keychain in plain node): found by the lab test
  // (tests/integration/app-security-https-on.test.ts), where `--https-on` could never run from the CLI.
  it('a new process with --user and the password on standard input: logged in first, HTTPS on, no password kept', async () => {
    const sim = simulator();
    const argv = ['security', '--https-on', '--user-consent', '--user', 'admin', '--password-stdin', '--json'];
    const r = await cli(sim, argv, false, `${PASSWORD}\n`);
    expect(r.code, r.stderr).toBe(0);
    expect(httpsOnResultSchema.parse(JSON.parse(r.stdout))).toMatchObject({ outcome: 'on', port: 443 });
    expect(sim.httpsOn()).toBe(true);
    for (const where of [r.stdout, r.stderr, r.files, r.logs]) expect(where).not.toContain(PASSWORD);
  });

  it('a wrong password on standard input: exit 1, the NVR’s refusal in plain words, nothing sent', async () => {
    const sim = simulator();
    const argv = ['security', '--https-on', '--user-consent', '--user', 'admin', '--password-stdin'];
    const r = await cli(sim, argv, false, 'Not-The-Password-1\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The NVR refused the user name or password');
    expect(sim.sets).toEqual([]);
    expect(sim.httpsOn()).toBe(false);
  });

  it('--user without --password-stdin, --password-stdin without --user, or an empty password: usage (exit 2), nothing sent', async () => {
    const sim = simulator();
    const base = ['security', '--https-on', '--user-consent'];
    const noStdin = await cli(sim, [...base, '--user', 'admin'], false, `${PASSWORD}\n`);
    expect(noStdin.code).toBe(2);
    expect(noStdin.stderr).toContain('--password-stdin (never on the command line)');
    const noUser = await cli(sim, [...base, '--password-stdin'], false, `${PASSWORD}\n`);
    expect(noUser.code).toBe(2);
    expect(noUser.stderr).toContain('Give the NVR’s user with --user');
    const empty = await cli(sim, [...base, '--user', 'admin', '--password-stdin'], false, '\n');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('No password on standard input');
    expect(sim.sets).toEqual([]);
  });

  it('--user with no NVR chosen: exit 1, the words to choose it first, nothing sent', async () => {
    const sim = simulator();
    const argv = ['security', '--https-on', '--user-consent', '--user', 'admin', '--password-stdin'];
    const r = await cli(sim, argv, false, `${PASSWORD}\n`, false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No NVR is chosen yet');
    expect(r.stderr).toContain('nvr-assist identify');
    expect(sim.sets).toEqual([]);
  });
});
