// `security.setPassword` and `nvr-assist security --set-password --password-stdin` through the app (one core, as the
// app runs) against the lab simulator's device code (its logins and SetUser, no network). What is asserted is the
// user's harm: a weak new password never reaches the NVR; a verified change leaves the app logging in with the new
// password (the next call needs no password at all); no password is ever in the record, the log, the answer or
// the output; a change the app did not live to finish is reported, not forgotten.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../src/main/app';
import { runCli } from '../../../../src/main/cli/run';
import { createSetupStore } from '../../../../src/main/services/setup-store';
import type { HttpTransport } from '../../../../src/main/transport/http';
import type { DiscoveredDevice } from '../../../../src/shared/domain/device';
import { passwordChangeResultSchema } from '../../../../src/shared/domain/security-password-change';
import type { InvokeInput, InvokeOutput } from '../../../../src/shared/ipc/contract';
import type { Result } from '../../../../src/shared/ipc/result';
import { createTranslator, localMessage } from '../../../../src/shared/i18n';
import { HOME_PC } from '../../../support/fake-system';
import { Device, handleOnvif } from '../../../lab/sim/testing.mjs';
import { chooseNvr, nvrDevice } from './records';

const ADDRESS = '192.168.1.64';
const OLD = 'Lab-Admin-2024';
const NEW = 'Otter-Mango-Fjord-61!';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function simulator() {
  const stateDir = mkdtempSync(join(tmpdir(), 'set-password-sim-'));
  dirs.push(stateDir);
  const dev = new Device({
    profile: 'dahua',
    host: 'x',
    ip: ADDRESS,
    prefix: '24',
    iface: 'eth0',
    mac: '02:00:00:00:00:67',
    name: 'NVR-Test',
    stateDir,
    users: [{ user: 'admin', password: OLD, level: 'Administrator' }],
  });
  const sent: string[] = [];
  const http: HttpTransport = {
    async request(url, options) {
      if (url.hostname !== ADDRESS) throw new Error(`no such host ${url.hostname}`);
      const bodyText = options.body ?? '';
      sent.push(/<tds:(\w+)/.exec(bodyText)?.[1] ?? '?');
      const r = handleOnvif(dev, { bodyText, authorization: options.headers?.authorization });
      const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
      return { status: r.status ?? 200, headers, body: Buffer.from(r.body ?? '') };
    },
  };
  const password = () => dev.users.find((u: { user: string }) => u.user === 'admin')?.password;
  return { http, sent, password };
}

const dahua = (): DiscoveredDevice => ({
  ...nvrDevice('Dahua', 'NVR4104', '4.001.0000000.5.R'),
  onvifUrl: `http://${ADDRESS}/onvif/device_service`,
});

type Core = ReturnType<typeof createAppCore>;
type Channel = 'security.setPassword' | 'security.get' | 'device.login';
const call = <C extends Channel>(core: Core, channel: C, input: InvokeInput<C>) =>
  core.dispatch(channel, input, { transport: 'test' }) as Promise<Result<InvokeOutput<C>>>;

async function app(http: HttpTransport, pending = false) {
  const dataDir = mkdtempSync(join(tmpdir(), 'set-password-'));
  dirs.push(dataDir);
  await createSetupStore(join(dataDir, 'setup.json')).update((d) => {
    chooseNvr(d, dahua());
    if (pending)
      d.security.passwordChange.pending = { deviceId: 'nvr-1', user: 'admin', startedAt: '2026-12-06T01:02:00Z' };
  });
  const logs: string[] = [];
  const core = createAppCore({ dataDir, mode: 'cli', version: '1', system: HOME_PC(), http, log: (l) => logs.push(l) });
  const files = () =>
    readdirSync(dataDir)
      .map((f) => readFileSync(join(dataDir, f), 'utf8'))
      .join('\n');
  return { core, logs, files };
}

describe('security.setPassword', () => {
  it('verified: the NVR takes the new password, and the next change needs no password — the app logs in with the new one', async () => {
    const sim = simulator();
    const { core, logs, files } = await app(sim.http);
    try {
      const login = await call(core, 'device.login', { deviceId: 'nvr-1', username: 'admin', password: OLD });
      expect(login.ok).toBe(true);
      const r = await call(core, 'security.setPassword', { consent: true, next: NEW });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.data).toMatchObject({ outcome: 'verified', works: 'new', user: 'admin' });
      expect(sim.password()).toBe(NEW);
      // Back, with nothing but the kept login: it must be the new password by now.
      const back = await call(core, 'security.setPassword', { consent: true, next: 'Heron-Quartz-Valley-27?' });
      expect(back.ok && back.data.outcome).toBe('verified');
      expect(sim.password()).toBe('Heron-Quartz-Valley-27?');
      const saved = JSON.parse(files());
      expect(saved.security.passwordChange).toMatchObject({ last: { outcome: 'verified' }, pending: null });
      for (const where of [files(), logs.join('\n'), JSON.stringify(r.data)])
        for (const secret of [OLD, NEW, 'Heron-Quartz-Valley-27?']) expect(where).not.toContain(secret);
      expect(logs.join('\n')).toContain('security: password change on the chosen NVR: verified');
    } finally {
      await core.close();
    }
  });

  it('a weak new password, or the same one: refused in plain words, and nothing reaches the NVR', async () => {
    const sim = simulator();
    const { core } = await app(sim.http);
    try {
      const weak = await call(core, 'security.setPassword', {
        consent: true,
        next: 'password1',
        current: OLD,
        user: 'admin',
      });
      expect(weak.ok ? null : weak.error).toMatchObject({ code: 'SECURITY_PASSWORD_WEAK' });
      expect(weak.ok ? '' : weak.error.message).toMatch(/^The app did not send it\. Not strong enough/);
      const same = await call(core, 'security.setPassword', { consent: true, next: OLD, current: OLD, user: 'admin' });
      expect(same.ok ? '' : same.error.message).toContain('the same as the current one');
      // Both said by key: the user's language on the page and in the CLI (en-XA here), main's English unchanged.
      for (const [refused, key] of [
        [weak, 'security.said.failures.notStrong'],
        [same, 'security.said.failures.notSent'],
      ] as const) {
        const error = refused.ok ? null : refused.error;
        expect(error?.said).toEqual({ key });
        expect(localMessage(error!, createTranslator('en'))).toBe(error!.message);
        const pseudo = localMessage(error!, createTranslator('en-XA'));
        expect(pseudo).not.toContain('The app did not send it');
        expect(pseudo).not.toContain('Not strong enough');
        expect(pseudo).not.toContain('the same as the current one');
      }
      expect(sim.sent).toEqual([]);
      expect(sim.password()).toBe(OLD);
    } finally {
      await core.close();
    }
  });

  it('no login kept and no password given: SECURITY_LOGIN_NEEDED, nothing sent', async () => {
    const sim = simulator();
    const { core } = await app(sim.http);
    try {
      const r = await call(core, 'security.setPassword', { consent: true, next: NEW });
      expect(r.ok ? null : r.error.code).toBe('SECURITY_LOGIN_NEEDED');
      expect(sim.sent).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('a change left unfinished (the app stopped after the send): security.get says which passwords to try, once', async () => {
    const { core } = await app(simulator().http, true);
    try {
      const r = await call(core, 'security.get', {});
      if (!r.ok) throw new Error(r.error.message);
      expect(r.data.passwordChange).toMatchObject({ outcome: 'unfinished', works: 'unknown', user: 'admin' });
      expect(r.data.passwordChange?.words[1]).toMatch(/log in with the new one first, else the old one/);
      const again = await call(core, 'security.get', {});
      expect(again.ok && again.data.passwordChange?.outcome).toBe('unfinished');
    } finally {
      await core.close();
    }
  });
});

describe('nvr-assist security --set-password --password-stdin', () => {
  async function cli(http: HttpTransport, argv: string[], stdin: string | null) {
    const { core, logs, files } = await app(http);
    let stdout = '';
    let stderr = '';
    try {
      const code = await runCli(
        argv,
        core,
        {
          stdout: (t) => (stdout += t),
          stderr: (t) => (stderr += t),
          ...(stdin === null ? {} : { readStdin: async () => stdin }),
        },
        '1',
      );
      return { code, stdout, stderr, logs: logs.join('\n'), files: files() };
    } finally {
      await core.close();
    }
  }

  it('current then new on standard input: exit 0, the verdict in the contract’s shape, no password anywhere', async () => {
    const sim = simulator();
    const r = await cli(
      sim.http,
      ['security', '--set-password', '--password-stdin', '--user', 'admin', '--json'],
      `${OLD}\n${NEW}\n`,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(passwordChangeResultSchema.parse(JSON.parse(r.stdout))).toMatchObject({ outcome: 'verified' });
    expect(sim.password()).toBe(NEW);
    for (const where of [r.stdout, r.stderr, r.logs, r.files])
      for (const s of [OLD, NEW]) expect(where).not.toContain(s);
  });

  it('the plain words say it is done and checked', async () => {
    const r = await cli(
      simulator().http,
      ['security', '--set-password', '--password-stdin', '--user', 'admin'],
      `${OLD}\n${NEW}`,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Done, and checked: the NVR’s password for “admin” is changed/);
  });

  it('refuses without --password-stdin, with one line only, or with a third line (exit 2), and sends nothing', async () => {
    const sim = simulator();
    expect((await cli(sim.http, ['security', '--set-password', '--user', 'admin'], `${OLD}\n${NEW}\n`)).code).toBe(2);
    const one = await cli(sim.http, ['security', '--set-password', '--password-stdin', '--user', 'admin'], `${NEW}\n`);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('two lines: the current password, then the new one');
    expect(
      (await cli(sim.http, ['security', '--set-password', '--password-stdin'], `${OLD}\n${NEW}\n${NEW}\n`)).code,
    ).toBe(2);
    expect(sim.sent).toEqual([]);
  });

  it('a weak new password: exit 1 with the rule’s words, and the NVR is never asked', async () => {
    const sim = simulator();
    const r = await cli(
      sim.http,
      ['security', '--set-password', '--password-stdin', '--user', 'admin'],
      `${OLD}\nadmin12345\n`,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/The app did not send it\. Not strong enough/);
    expect(sim.sent).toEqual([]);
  });
});
