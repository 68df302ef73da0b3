// `security.checkDefaults` through the app's dispatcher, with the app's own ONVIF login (openSession) against the
// lab simulator's device code (tests/lab/sim: its WS-UsernameToken and digest checks, no network) holding a vendor
// default or not. What is asserted is what the user would be harmed by: a default that works must be found and be
// the first finding; a strong password must be refused with no more logins than the policy allows (the device's
// count), nothing tried again within 30 minutes, and the password never in the record, the answer or the log.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../src/main/app';
import { createSetupStore } from '../../../../src/main/services/setup-store';
import type { HttpTransport } from '../../../../src/main/transport/http';
import type { DiscoveredDevice } from '../../../../src/shared/domain/device';
import type { InvokeOutput } from '../../../../src/shared/ipc/contract';
import type { Result } from '../../../../src/shared/ipc/result';
import { HOME_PC } from '../../../support/fake-system';
import { Device, handleOnvif } from '../../../lab/sim/testing.mjs';
import { chooseNvr, nvrDevice } from './records';

const ADDRESS = '192.168.1.64';
const OWNER = { user: 'owner', password: 'Owner-Strong-2026!', level: 'Administrator' };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The simulator's device of `profile` with `users`, answering ONVIF at ADDRESS; every login it refused counted. */
function simulator(profile: string, users: { user: string; password: string; level: string; locked?: boolean }[]) {
  const stateDir = mkdtempSync(join(tmpdir(), 'defaults-sim-'));
  dirs.push(stateDir);
  const dev = new Device({
    profile,
    host: 'x',
    ip: ADDRESS,
    prefix: '24',
    iface: 'eth0',
    mac: '02:00:00:00:00:64',
    name: 'NVR-Test',
    stateDir,
    users,
  });
  const seen = { logins: 0, refused: 0 };
  const http: HttpTransport = {
    async request(url, options) {
      if (url.hostname !== ADDRESS) throw new Error(`no such host ${url.hostname}`);
      const bodyText = options.body ?? '';
      if (!bodyText.includes('GetSystemDateAndTime')) seen.logins += 1;
      const r = handleOnvif(dev, { bodyText, authorization: options.headers?.authorization });
      if (r.status === 400 || r.status === 401) seen.refused += 1;
      const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
      return { status: r.status ?? 200, headers, body: Buffer.from(r.body ?? '') };
    },
  };
  return { http, seen };
}

async function withRecord(device: DiscoveredDevice): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'security-defaults-'));
  dirs.push(dataDir);
  await createSetupStore(join(dataDir, 'setup.json')).update((d) => chooseNvr(d, device));
  return dataDir;
}

const dahua = (): DiscoveredDevice => ({
  ...nvrDevice('Dahua', 'NVR4104', '4.001.0000000.5.R'),
  onvifUrl: `http://${ADDRESS}/onvif/device_service`,
});

async function check(dataDir: string, http: HttpTransport, at: Date, tryNext = false, log: string[] = []) {
  const core = createAppCore({
    dataDir,
    mode: 'cli',
    version: '1',
    now: () => at,
    system: HOME_PC(),
    http,
    log: (l) => log.push(l),
  });
  try {
    return (await core.dispatch('security.checkDefaults', { consent: true, tryNext }, { transport: 'test' })) as Result<
      InvokeOutput<'security.checkDefaults'>
    >;
  } finally {
    await core.close();
  }
}
const T0 = new Date('2026-12-06T01:00:00.000Z');
const later = (min: number) => new Date(T0.getTime() + min * 60_000);

describe('security.checkDefaults against the simulator', () => {
  it('an NVR still on admin/admin: found with one login, critical and first, the step needs attention', async () => {
    const sim = simulator('dahua', [OWNER, { user: 'admin', password: 'admin', level: 'Administrator' }]);
    const dir = await withRecord(dahua());
    const log: string[] = [];
    const r = await check(dir, sim.http, T0, false, log);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.check).toMatchObject({
      verdict: 'accepted',
      tried: [{ candidate: 'dahua-old-admin', outcome: 'accepted' }],
    });
    expect(sim.seen).toEqual({ logins: 1, refused: 0 });
    expect(r.data.result.findings[0]).toMatchObject({ id: 'default-password', severity: 'critical' });
    const saved = readFileSync(join(dir, 'setup.json'), 'utf8');
    expect(JSON.parse(saved).steps.security.status).toBe('attention');
    expect(JSON.parse(saved).security.defaults.last.verdict).toBe('accepted');
    // The password is "admin", which is also the user's name: what must not appear is the pair, in any form.
    for (const text of [saved, JSON.stringify(r.data), log.join('\n')])
      expect(text).not.toMatch(/admin\/admin|password"\s*:/);
    expect(log.join('\n')).toContain('dahua-old-admin accepted');
  });

  it('a strong password: refused after one login, nothing more even when the user asks again or confirms', async () => {
    const sim = simulator('dahua', [OWNER, { user: 'admin', password: 'Zq8-strong-Admin!', level: 'Administrator' }]);
    const dir = await withRecord(dahua());
    const first = await check(dir, sim.http, T0);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.data.check).toMatchObject({ verdict: 'refused', tried: [{ outcome: 'refused' }] });
    expect(first.data.result.findings.find((f) => f.id === 'default-password')).toMatchObject({ severity: 'info' });
    expect(sim.seen).toEqual({ logins: 1, refused: 1 });
    const again = await check(dir, sim.http, later(5), true);
    if (!again.ok) throw new Error(again.error.message);
    expect(again.data.check).toMatchObject({ verdict: 'not-tried', tried: [] });
    expect(sim.seen.logins).toBe(1);
    // The refusal stays the kept verdict; 31 minutes later the one candidate may be tried once more.
    expect(JSON.parse(readFileSync(join(dir, 'setup.json'), 'utf8')).security.defaults.last.verdict).toBe('refused');
    const next = await check(dir, sim.http, later(31));
    expect(next.ok && next.data.check.verdict).toBe('refused');
    expect(sim.seen).toEqual({ logins: 2, refused: 2 });
  });

  it('an account the NVR says is locked: stopped after that one login, "not tried", and no retry in the window', async () => {
    const sim = simulator('dahua', [OWNER, { user: 'admin', password: 'admin', level: 'Administrator', locked: true }]);
    const dir = await withRecord(dahua());
    const r = await check(dir, sim.http, T0, true);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.check).toMatchObject({ verdict: 'not-tried', tried: [{ outcome: 'locked' }] });
    expect(r.data.check.fix).toMatch(/Do not retry now/);
    await check(dir, sim.http, later(10), true);
    expect(sim.seen.logins).toBe(1);
  });

  it('a brand without a known default (the generic camera): no login at all', async () => {
    const sim = simulator('generic', [OWNER]);
    const dir = await withRecord({ ...dahua(), brand: 'IPCAM' });
    const r = await check(dir, sim.http, T0);
    expect(r.ok && r.data.check.verdict).toBe('not-tried');
    expect(sim.seen.logins).toBe(0);
  });
});
