// The ONVIF user's password changed on the NVR itself: a login with the current password and the user's level read
// (GetUsers: SetUser takes the level too, and the app must not change the user's rights), then the one change engine
// (device-change/engine.ts): pending saved, SetUser sent, verified by a new login with the new password, and on any
// failure the old password put back and verified by a login with it. The passwords go to the device and nowhere
// else: nothing here logs, keeps or returns them. At the first sign of a lockout no further password is sent.
import type { PasswordChangeFacts } from '../../../shared/domain/security-password-change';
import { setUserFaultWords } from '../../../shared/domain/security-password-change';
import { AppFailure, isAppFailure } from '../../../shared/ipc/errors';
import { buildSetUser, readUsers, type OnvifUserLevel } from '../../protocol/onvif-soap';
import { runDeviceChange } from '../device-change/engine';
import { openSession, type OnvifClientDeps, type OnvifSession } from '../onvif/onvif-client';

export interface PasswordChangeArgs {
  url: URL;
  user: string;
  current: string;
  next: string;
  signal: AbortSignal;
  /** Saves the pending record (awaited) just before SetUser is sent. */
  onChanging?: () => Promise<void>;
  /** The bound on everything after the send, the put-back included (ms). */
  boundMs?: number;
}

/** What the change did, for judgePasswordChange (no password in it). */
export interface PasswordChangeRun {
  ran: PasswordChangeFacts['ran'];
  fault: string | null;
}

/** The user's level as the device lists it; a failure in plain words (nothing has been sent yet). */
async function levelOf(session: OnvifSession, user: string, signal: AbortSignal): Promise<OnvifUserLevel> {
  let reply;
  try {
    reply = await session.call('GetUsers', '', signal);
  } catch (err) {
    // The login worked a moment ago: a refusal now is the device saying this login may not read the users.
    if (isAppFailure(err) && err.code === 'LOGIN_WRONG_PASSWORD') throw new AppFailure('SECURITY_PASSWORD_NOT_ADMIN');
    throw err;
  }
  if (reply.kind === 'fault' && /NotAuthorized/i.test([reply.code, ...reply.subcodes].join(' ')))
    throw new AppFailure('SECURITY_PASSWORD_NOT_ADMIN');
  const level = reply.kind === 'body' ? readUsers(reply.body).find((u) => u.username === user)?.level : null;
  if (!level) throw new AppFailure('SECURITY_PASSWORD_NO_LEVEL');
  return level;
}

/** Why a login failed, in plain words for the verdict. */
function loginFailure(err: unknown, which: 'new' | 'old'): string {
  const code = isAppFailure(err) ? err.code : 'INTERNAL';
  if (code === 'LOGIN_WRONG_PASSWORD') return `the NVR refused a new login with the ${which} password.`;
  if (code === 'DEVICE_UNREACHABLE' || code === 'CANCELLED')
    return `the NVR did not answer a new login with the ${which} password.`;
  if (code === 'LOGIN_CLOCK_SKEW') return `the NVR refused a new login with the ${which} password for its clock.`;
  return `a new login with the ${which} password did not work.`;
}

/**
 * Changes `user`'s password from `current` to `next` on the device at `url`. Throws (a catalogued failure) when
 * nothing was sent: the current login refused or locked, the user's level not readable. Otherwise returns what the
 * engine found, or `locked` when the device locked the login on the way.
 */
export async function changeOnvifPassword(deps: OnvifClientDeps, a: PasswordChangeArgs): Promise<PasswordChangeRun> {
  const { url, user } = a;
  const oldLogin = { username: user, password: a.current };
  const newLogin = { username: user, password: a.next };
  // 1. Log in with the current password and read the user's level. Nothing has changed yet.
  const { session } = await openSession(deps, url, oldLogin, a.signal);
  const level = await levelOf(session, user, a.signal);

  let locked: { when: 'verify' | 'put-back' | 'send'; changed: boolean } | null = null;
  let fault: string | null = null;
  let refusedBySend = false;
  const isLocked = (err: unknown) => isAppFailure(err) && err.code === 'LOGIN_LOCKED';
  /** A login with `login`: null when it worked, else the error (a lockout is remembered: nothing more is sent). */
  const tryLogin = async (login: typeof oldLogin, when: 'verify' | 'put-back', signal: AbortSignal) => {
    try {
      return { session: (await openSession(deps, url, login, signal)).session, err: null };
    } catch (err) {
      if (isLocked(err)) locked = { when, changed: true };
      return { session: null, err };
    }
  };
  const LOCKED = 'the NVR locked the login';

  const ran = await runDeviceChange({
    pending: null,
    onChanging: a.onChanging ? () => a.onChanging!() : undefined,
    signal: a.signal,
    boundMs: a.boundMs ?? 30_000,
    unreachable: 'the NVR did not answer',
    steps: {
      async send({ work }) {
        try {
          const reply = await session.call('SetUser', buildSetUser({ ...newLogin, level }), work);
          if (reply.kind === 'body') return null;
          if (reply.kind === 'fault') fault = setUserFaultWords(reply);
          else fault = 'the NVR answered with something the app cannot read';
        } catch (err) {
          // An answer lost on the way: measure instead (the new login says whether it took).
          if (isAppFailure(err) && err.code === 'DEVICE_UNREACHABLE') return null;
          if (isLocked(err)) locked = { when: 'send', changed: false };
          fault =
            isAppFailure(err) && err.code === 'LOGIN_WRONG_PASSWORD'
              ? setUserFaultWords({ code: 'Sender', subcodes: ['NotAuthorized'] })
              : 'the NVR did not accept the change';
        }
        refusedBySend = true;
        return `${fault}.`;
      },
      async verify({ work }) {
        const r = await tryLogin(newLogin, 'verify', work);
        return r.err === null ? null : locked ? `${LOCKED}.` : loginFailure(r.err, 'new');
      },
      async restore({ work }) {
        if (locked) return { refused: LOCKED };
        // The device said it did not take the change: nothing to put back (the old login below proves it).
        if (refusedBySend) return true;
        // The old password may still be in place (the device ignored the change): a login with it says so.
        const old = await tryLogin(oldLogin, 'put-back', work);
        if (old.err === null) return true;
        if (locked) return { refused: LOCKED };
        const withNew = await tryLogin(newLogin, 'put-back', work);
        if (!withNew.session) {
          if (locked) return { refused: LOCKED };
          const reached = isAppFailure(withNew.err) && withNew.err.code !== 'DEVICE_UNREACHABLE';
          return reached ? { refused: 'the NVR refused both the old and the new password' } : false;
        }
        try {
          const reply = await withNew.session.call('SetUser', buildSetUser({ ...oldLogin, level }), work);
          if (reply.kind === 'body') return true;
          return {
            refused: `the NVR refused to take the old password back (${setUserFaultWords(reply.kind === 'fault' ? reply : { code: '', subcodes: [] })})`,
          };
        } catch (err) {
          if (isLocked(err)) {
            locked = { when: 'put-back', changed: true };
            return { refused: LOCKED };
          }
          return false;
        }
      },
      async verifyRestored({ work }) {
        if (locked) return LOCKED;
        const r = await tryLogin(oldLogin, 'put-back', work);
        return r.err === null ? null : locked ? LOCKED : loginFailure(r.err, 'old').replace(/\.$/, '');
      },
    },
  });
  const lockedNow = locked as { when: 'verify' | 'put-back' | 'send'; changed: boolean } | null;
  if (lockedNow) return { ran: { outcome: 'locked', ...lockedNow }, fault };
  return { ran, fault };
}
