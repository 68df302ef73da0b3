// The password change on the NVR (ONVIF SetUser through the change engine) against the lab simulator's device code
// (its WS-UsernameToken and digest checks and its SetUser, no network), with faults put in its way: a device that
// ignores the change, loses the new login's answer, then goes silent, or locks the login. What is asserted is the
// user's harm: which password the NVR takes at the end (read from the device itself), whether the verdict says so
// truthfully, and that nothing is sent after a lockout.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changeOnvifPassword } from '../../../../src/main/services/security/password-change';
import type { HttpTransport } from '../../../../src/main/transport/http';
import { judgePasswordChange } from '../../../../src/shared/domain/security-password-change';
import { AppFailure } from '../../../../src/shared/ipc/errors';
import { Device, handleOnvif } from '../../../lab/sim/testing.mjs';

const ADDRESS = '192.168.1.64';
const URL_ = new URL(`http://${ADDRESS}/onvif/device_service`);
const OLD = 'Lab-Admin-2024';
// Every character XML must escape, so an unescaped body would not parse or would store another password.
const NEW = `N3w<&>"'-Strong!x`;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Handle = (
  bodyText: string,
  authorization: string | undefined,
) => { status?: number; headers?: object; body?: string } | null;

/**
 * The simulator's device (admin with OLD, an operator); `fault` may answer a request instead of it (null: the
 * device answers). `sent` lists each operation that carried a password, in order.
 */
function simulator(fault: (op: string, n: number) => ReturnType<Handle> | 'drop' = () => null) {
  const stateDir = mkdtempSync(join(tmpdir(), 'password-change-'));
  dirs.push(stateDir);
  const dev = new Device({
    profile: 'generic',
    host: 'x',
    ip: ADDRESS,
    prefix: '24',
    iface: 'eth0',
    mac: '02:00:00:00:00:66',
    name: 'NVR',
    stateDir,
    users: [
      { user: 'admin', password: OLD, level: 'Administrator' },
      { user: 'operator', password: 'Lab-Operator-2024', level: 'Operator' },
    ],
  });
  const sent: string[] = [];
  const http: HttpTransport = {
    async request(_url, options) {
      const bodyText = options.body ?? '';
      const op = /<tds:(\w+)/.exec(bodyText)?.[1] ?? '?';
      // The clock read carries no password: a fault is put only in the way of what does.
      const clock = op === 'GetSystemDateAndTime';
      if (!clock) sent.push(op);
      const instead = clock ? null : fault(op, sent.length);
      if (instead === 'drop') throw new Error('connection reset');
      const r = instead ?? handleOnvif(dev, { bodyText, authorization: options.headers?.authorization });
      const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
      return { status: r.status ?? 200, headers, body: Buffer.from(r.body ?? '') };
    },
  };
  const password = (user = 'admin') => dev.users.find((u: { user: string }) => u.user === user)?.password;
  return { dev, http, sent, password };
}

const SET_USER_OK = { status: 200, body: soap('<tds:SetUserResponse/>') };
const LOCKED_FAULT = {
  status: 400,
  body: soap(
    '<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:NotAuthorized</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en">User "admin" is locked: too many failed login attempts</s:Text></s:Reason></s:Fault>',
  ),
};
function soap(inner: string): string {
  return `<?xml version="1.0"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:ter="http://www.onvif.org/ver10/error"><s:Body>${inner}</s:Body></s:Envelope>`;
}

const NOT_AUTHORIZED = {
  status: 400,
  body: soap(
    '<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:NotAuthorized</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en">Sender not Authorized</s:Text></s:Reason></s:Fault>',
  ),
};
const SET_USER_FIXED = {
  status: 400,
  body: soap(
    '<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:OperationProhibited</s:Value><s:Subcode><s:Value>ter:FixedUser</s:Value></s:Subcode></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en">Fixed user</s:Text></s:Reason></s:Fault>',
  ),
};

const change = (http: HttpTransport, next = NEW, user = 'admin', current = OLD, onChanging?: () => Promise<void>) =>
  changeOnvifPassword(
    { http, now: () => new Date() },
    { url: URL_, user, current, next, signal: new AbortController().signal, boundMs: 5000, onChanging },
  );
const verdict = (run: Awaited<ReturnType<typeof change>>) =>
  judgePasswordChange({ deviceId: 'nvr-1', user: 'admin', at: 'T', ran: run.ran, fault: run.fault, remembered: true });

describe('changeOnvifPassword', () => {
  it('changed and checked: the device holds exactly the new password (every XML character escaped) and nothing more is sent', async () => {
    const sim = simulator();
    const run = await change(sim.http);
    expect(run).toEqual({ ran: { outcome: 'verified' }, fault: null });
    expect(sim.password()).toBe(NEW);
    // One login, the level read, the change, the new login: no password sent twice for nothing.
    expect(sim.sent).toEqual(['GetDeviceInformation', 'GetUsers', 'SetUser', 'GetDeviceInformation']);
    expect(verdict(run)).toMatchObject({ outcome: 'verified', works: 'new', putBackVerified: null });
  });

  it('the device refuses the change (a password too long for it): its fault in plain words, the old one proven by a login', async () => {
    const sim = simulator();
    const run = await change(sim.http, `${'Aa1-'.repeat(16)}x`);
    expect(run.ran).toMatchObject({ outcome: 'restored', refused: true });
    expect(run.fault).toBe('the NVR says the password is too long');
    expect(sim.password()).toBe(OLD);
    // Nothing to put back: no second SetUser, one login with the old password to prove it.
    expect(sim.sent).toEqual(['GetDeviceInformation', 'GetUsers', 'SetUser', 'GetDeviceInformation']);
    const v = verdict(run);
    expect(v).toMatchObject({ outcome: 'refused', works: 'old', putBackVerified: true });
    expect(v.words[0]).toBe('Not changed: the NVR says the password is too long.');
  });

  it('a device that answers OK but keeps the old password: the new login fails, the old one is proven, "put back"', async () => {
    const sim = simulator((op) => (op === 'SetUser' ? SET_USER_OK : null));
    const run = await change(sim.http);
    expect(run.ran).toEqual({
      outcome: 'restored',
      refused: false,
      failure: 'the NVR refused a new login with the new password.',
    });
    expect(sim.password()).toBe(OLD);
    // The new login refused, the old one works (nothing to send back), and a login with it proves it.
    expect(sim.sent).toEqual([
      'GetDeviceInformation',
      'GetUsers',
      'SetUser',
      'GetDeviceInformation',
      'GetDeviceInformation',
      'GetDeviceInformation',
    ]);
    const v = verdict(run);
    expect(v).toMatchObject({ outcome: 'put-back', works: 'old', putBackVerified: true });
    expect(v.words[1]).toMatch(/a login with the old password worked/);
  });

  it('the new login’s answer is lost: the old password is really put back with SetUser and proven by a login with it', async () => {
    // The 4th request that carries a password is the new login after SetUser: lost on the way.
    const sim = simulator((_op, n) => (n === 4 ? 'drop' : null));
    const run = await change(sim.http);
    expect(run.ran).toMatchObject({ outcome: 'restored', refused: false });
    expect(sim.password()).toBe(OLD);
    expect(sim.sent.filter((s) => s === 'SetUser')).toHaveLength(2);
  });

  it('the device goes silent after the change: "put back failed", and the verdict does not claim which password works', async () => {
    const sim = simulator((_op, n) => (n >= 4 ? 'drop' : null));
    const run = await change(sim.http);
    expect(run.ran).toEqual({
      outcome: 'failed',
      failure: 'the NVR did not answer a new login with the new password.',
      back: 'the NVR did not answer',
      reached: false,
    });
    expect(sim.password()).toBe(NEW);
    const v = verdict(run);
    expect(v).toMatchObject({ outcome: 'put-back-failed', works: 'unknown', putBackVerified: false });
    expect(v.words[2]).toMatch(/^Try the old password first, then the new one/);
  });

  it('a lockout at the new login: stopped — no further password is sent, and the verdict says the new one may be set', async () => {
    const sim = simulator((op, n) => (n >= 4 && op === 'GetDeviceInformation' ? LOCKED_FAULT : null));
    const run = await change(sim.http);
    expect(run.ran).toEqual({ outcome: 'locked', when: 'verify', changed: true });
    expect(sim.sent).toEqual(['GetDeviceInformation', 'GetUsers', 'SetUser', 'GetDeviceInformation']);
    const v = verdict(run);
    expect(v).toMatchObject({ outcome: 'locked', works: 'unknown' });
    expect(v.words[1]).toMatch(/log in with the new password first, else the old one/);
  });

  it('an Operator may not change passwords: refused before any change is sent', async () => {
    const sim = simulator();
    await expect(change(sim.http, NEW, 'operator', 'Lab-Operator-2024')).rejects.toMatchObject({
      code: 'SECURITY_PASSWORD_NOT_ADMIN',
    });
    expect(sim.sent).not.toContain('SetUser');
    expect(sim.password('operator')).toBe('Lab-Operator-2024');
  });

  it('a wrong current password: the login’s own failure, nothing sent', async () => {
    const sim = simulator();
    const err = await change(sim.http, NEW, 'admin', 'not-it').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppFailure);
    expect((err as AppFailure).code).toBe('LOGIN_WRONG_PASSWORD');
    expect(sim.sent).toEqual(['GetDeviceInformation']);
  });

  it('the pending record is saved after the level is read and before SetUser is sent', async () => {
    const sim = simulator();
    let sentWhenSaved: string[] | null = null;
    await change(sim.http, NEW, 'admin', OLD, async () => {
      sentWhenSaved = [...sim.sent];
    });
    expect(sentWhenSaved).toEqual(['GetDeviceInformation', 'GetUsers']);
  });

  it('SetUser’s answer lost on the way, but the device took it: measured by the new login, verified', async () => {
    const sim = simulator((op) => (op === 'SetUser' ? null : null));
    let seen = 0;
    const lossy: HttpTransport = {
      async request(url, options) {
        const r = await sim.http.request(url, options);
        if ((options.body ?? '').includes('<tds:SetUser>') && ++seen === 1) throw new Error('reset after the change');
        return r;
      },
    };
    const run = await change(lossy);
    expect(run).toEqual({ ran: { outcome: 'verified' }, fault: null });
    expect(sim.password()).toBe(NEW);
  });

  it('a lockout answer to SetUser itself: stopped, not changed, nothing more sent', async () => {
    const sim = simulator((op) => (op === 'SetUser' ? LOCKED_FAULT : null));
    const run = await change(sim.http);
    expect(run.ran).toEqual({ outcome: 'locked', when: 'send', changed: false });
    expect(sim.sent).toEqual(['GetDeviceInformation', 'GetUsers', 'SetUser']);
    expect(sim.password()).toBe(OLD);
  });

  it('SetUser refused as not authorized: "needs an Administrator", the old one proven by a login', async () => {
    const sim = simulator((op) => (op === 'SetUser' ? NOT_AUTHORIZED : null));
    const run = await change(sim.http);
    expect(run.ran).toMatchObject({ outcome: 'restored', refused: true });
    expect(run.fault).toBe('this login may not change passwords (it needs an Administrator)');
    expect(sim.sent).toEqual(['GetDeviceInformation', 'GetUsers', 'SetUser', 'GetDeviceInformation']);
  });

  it('SetUser answered with something that is not SOAP: "did not accept", the old one proven', async () => {
    const sim = simulator((op) => (op === 'SetUser' ? { status: 200, body: '<html>ok</html>' } : null));
    const run = await change(sim.http);
    expect(run.ran).toMatchObject({ outcome: 'restored', refused: true });
    expect(run.fault).toBe('the NVR did not accept the change');
  });

  it('a user GetUsers does not list: refused before any change (its level would be a guess)', async () => {
    const sim = simulator((op) =>
      op === 'GetUsers' ? { status: 200, body: soap('<tds:GetUsersResponse></tds:GetUsersResponse>') } : null,
    );
    await expect(change(sim.http)).rejects.toMatchObject({ code: 'SECURITY_PASSWORD_NO_LEVEL' });
    expect(sim.sent).not.toContain('SetUser');
  });

  it('GetUsers answered 200 with a NotAuthorized fault: not an administrator, nothing changed', async () => {
    const sim = simulator((op) => (op === 'GetUsers' ? { status: 200, body: NOT_AUTHORIZED.body } : null));
    await expect(change(sim.http)).rejects.toMatchObject({ code: 'SECURITY_PASSWORD_NOT_ADMIN' });
    expect(sim.sent).not.toContain('SetUser');
  });

  it('after the change neither password logs in: put back failed, and the device was reached', async () => {
    const sim = simulator((op, n) => (n >= 4 && op === 'GetDeviceInformation' ? NOT_AUTHORIZED : null));
    const run = await change(sim.http);
    expect(run.ran).toEqual({
      outcome: 'failed',
      failure: 'the NVR refused a new login with the new password.',
      back: 'the NVR refused both the old and the new password',
      reached: true,
    });
  });

  it('a lockout while putting back (the old login answered locked): stopped, the new password may be set', async () => {
    const sim = simulator((op, n) =>
      n === 4 ? 'drop' : n === 5 && op === 'GetDeviceInformation' ? LOCKED_FAULT : null,
    );
    const run = await change(sim.http);
    expect(run.ran).toEqual({ outcome: 'locked', when: 'put-back', changed: true });
    expect(sim.sent).toHaveLength(5);
  });

  it('the device refuses to take the old password back: its refusal in words, not claimed as put back', async () => {
    let setUsers = 0;
    const sim = simulator((op, n) => (n === 4 ? 'drop' : op === 'SetUser' && ++setUsers === 2 ? SET_USER_FIXED : null));
    const run = await change(sim.http);
    expect(run.ran).toMatchObject({
      outcome: 'failed',
      back: 'the NVR refused to take the old password back (the NVR does not let that user be changed)',
      reached: true,
    });
    expect(sim.password()).toBe(NEW);
  });

  it('the new login refused for the device’s clock: the failure says so', async () => {
    const skew = {
      status: 400,
      body: soap(
        '<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:NotAuthorized</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en">Created is outside the device clock window</s:Text></s:Reason></s:Fault>',
      ),
    };
    const sim = simulator((op) => (op === 'SetUser' ? SET_USER_OK : null));
    const withSkew: HttpTransport = {
      async request(url, options) {
        const body = options.body ?? '';
        // Only the first login after SetUser meets the skew.
        if (sim.sent.at(-1) === 'SetUser' && body.includes('GetDeviceInformation')) {
          sim.sent.push('GetDeviceInformation');
          return { status: skew.status, headers: {}, body: Buffer.from(skew.body) };
        }
        return sim.http.request(url, options);
      },
    };
    const run = await change(withSkew);
    expect(run.ran).toMatchObject({
      outcome: 'restored',
      failure: 'the NVR refused a new login with the new password for its clock.',
    });
  });
});
