// The default-password attempts: the app's own ONVIF login (openSession) against the simulator's device code,
// counted on the way out. A device that answers a digest challenge to every login hears the password twice per
// login, so a second default must not follow, whatever the user confirmed: that is how a lockout is kept away.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  onvifLogin,
  outcomeOf,
  tryDefaults,
  type DefaultLogin,
} from '../../../../src/main/services/security/default-login';
import type { HttpTransport } from '../../../../src/main/transport/http';
import { defaultCandidates } from '../../../../src/shared/domain/security-defaults';
import { AppFailure } from '../../../../src/shared/ipc/errors';
import { Device, handleOnvif } from '../../../lab/sim/testing.mjs';

const ADDRESS = '192.168.1.64';
const URL_ = new URL(`http://${ADDRESS}/onvif/device_service`);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * The simulator's device; with `digestOnly`, every authenticated request is answered 401 with a digest challenge
 * (a device that wants digest and refuses the password), as some firmware does. `sent` counts what reached it.
 */
function device(users: { user: string; password: string; level: string }[], digestOnly = false) {
  const stateDir = mkdtempSync(join(tmpdir(), 'default-login-'));
  dirs.push(stateDir);
  const dev = new Device({
    profile: 'generic',
    host: 'x',
    ip: ADDRESS,
    prefix: '24',
    iface: 'eth0',
    mac: '02:00:00:00:00:65',
    name: 'NVR',
    stateDir,
    users,
  });
  const sent = { withPassword: 0, total: 0 };
  const http: HttpTransport = {
    async request(_url, options) {
      const bodyText = options.body ?? '';
      sent.total += 1;
      const clock = bodyText.includes('GetSystemDateAndTime');
      if (!clock) sent.withPassword += 1;
      const r =
        digestOnly && !clock
          ? {
              status: 401,
              headers: { 'WWW-Authenticate': dev.digest.challenge() },
              body: handleOnvif(dev, { bodyText: '' }).body,
            }
          : handleOnvif(dev, { bodyText, authorization: options.headers?.authorization });
      const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
      return { status: r.status ?? 200, headers, body: Buffer.from(r.body ?? '') };
    },
  };
  return { http, sent };
}

const XM = defaultCandidates('XM');
const now = () => new Date('2026-12-06T01:00:00.000Z');

describe('onvifLogin', () => {
  it('counts one send for a refused signed login, and one for an accepted one; the clock read is not counted', async () => {
    const d = device([{ user: 'admin', password: 'admin', level: 'Administrator' }]);
    const login = onvifLogin({ http: d.http });
    expect(await login(URL_, { username: 'admin', password: 'wrong' })).toEqual({ outcome: 'refused', sends: 1 });
    expect(await login(URL_, { username: 'admin', password: 'admin' })).toEqual({ outcome: 'accepted', sends: 1 });
    expect(d.sent).toEqual({ withPassword: 2, total: 4 });
  });

  it('a device that challenges with digest hears the password twice: counted as 2', async () => {
    const d = device([{ user: 'admin', password: 'x', level: 'Administrator' }], true);
    expect(await onvifLogin({ http: d.http })(URL_, { username: 'admin', password: '' })).toEqual({
      outcome: 'refused',
      sends: 2,
    });
    expect(d.sent.withPassword).toBe(2);
  });
});

describe('tryDefaults', () => {
  it('with the user’s yes, a second default follows a refusal that cost one send', async () => {
    const d = device([{ user: 'default', password: 'tluafed', level: 'Administrator' }]);
    const tried = await tryDefaults({
      url: URL_,
      deviceId: 'n',
      candidates: XM,
      budget: 2,
      tryNext: true,
      now,
      login: onvifLogin({ http: d.http }),
    });
    expect(tried.map((a) => [a.candidate, a.outcome, a.sends])).toEqual([
      ['xm-admin-blank', 'refused', 1],
      ['xm-default-hidden', 'accepted', 1],
    ]);
  });

  it('but not one that cost two: the device has heard 2 passwords, the most in 30 minutes, whatever the yes', async () => {
    const d = device([{ user: 'default', password: 'tluafed', level: 'Administrator' }], true);
    const tried = await tryDefaults({
      url: URL_,
      deviceId: 'n',
      candidates: XM,
      budget: 2,
      tryNext: true,
      now,
      login: onvifLogin({ http: d.http }),
    });
    expect(tried).toEqual([
      { deviceId: 'n', candidate: 'xm-admin-blank', at: now().toISOString(), outcome: 'refused', sends: 2 },
    ]);
    expect(d.sent.withPassword).toBe(2);
  });

  it('stops at a lockout, no answer, or an acceptance even with the yes; a spent budget tries nothing', async () => {
    for (const outcome of ['locked', 'no-answer', 'accepted', 'unusable'] as const) {
      let calls = 0;
      const login: DefaultLogin = async () => {
        calls += 1;
        return { outcome, sends: 1 };
      };
      await tryDefaults({ url: URL_, deviceId: 'n', candidates: XM, budget: 2, tryNext: true, now, login });
      expect(calls, outcome).toBe(1);
    }
    let calls = 0;
    await tryDefaults({
      url: URL_,
      deviceId: 'n',
      candidates: XM,
      budget: 0,
      tryNext: true,
      now,
      login: async () => ((calls += 1), { outcome: 'refused', sends: 1 }),
    });
    expect(calls).toBe(0);
  });
});

describe('outcomeOf', () => {
  it('maps the login’s failures to what they say about the password', () => {
    expect(outcomeOf(new AppFailure('LOGIN_WRONG_PASSWORD'))).toBe('refused');
    expect(outcomeOf(new AppFailure('LOGIN_LOCKED'))).toBe('locked');
    expect(outcomeOf(new AppFailure('DEVICE_UNREACHABLE'))).toBe('no-answer');
    expect(outcomeOf(new AppFailure('CANCELLED'))).toBe('no-answer');
    expect(outcomeOf(new AppFailure('LOGIN_CLOCK_SKEW'))).toBe('unusable');
    expect(outcomeOf(new AppFailure('NOT_ONVIF'))).toBe('unusable');
    expect(outcomeOf(new Error('x'))).toBe('unusable');
  });
});
