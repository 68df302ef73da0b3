import type { DefaultCredential } from '../../../shared/catalog/default-credentials';
import type { DefaultAttempt, DefaultOutcome } from '../../../shared/domain/security-defaults';
import { goOnAfter } from '../../../shared/domain/security-defaults-verdict';
import { AppFailure } from '../../../shared/ipc/errors';
import { findOnvifEndpoint } from '../onvif/device-access';
import { openSession, type OnvifClientDeps, type OnvifCredentials } from '../onvif/onvif-client';

// The default-password check's attempts: the app's one ONVIF login (openSession: the device's clock read without a
// password, then GetDeviceInformation signed with WS-UsernameToken, a digest challenge answered once) with each
// planned vendor default in turn, stopping as the policy says (security-defaults.ts). The password goes to the
// login and nowhere else: an attempt is kept by its candidate's name and what the device answered.

/** One login with a candidate: what the device answered, and how many requests carried the password. */
export type DefaultLogin = (
  url: URL,
  login: OnvifCredentials,
  signal?: AbortSignal,
) => Promise<{ outcome: DefaultOutcome; sends: number }>;

/**
 * The app's ONVIF login (onvif-client's openSession), its session dropped at once. Its requests are counted on the
 * way out: each one but the unauthenticated clock read carries the password (the signed request, and the digest
 * answer when the device challenges).
 */
export const onvifLogin =
  (deps: OnvifClientDeps): DefaultLogin =>
  async (url, login, signal) => {
    let sends = 0;
    const counted: OnvifClientDeps = {
      ...deps,
      http: {
        request: (to, options) => {
          if (!/GetSystemDateAndTime/.test(options.body ?? '')) sends += 1;
          return deps.http.request(to, options);
        },
      },
    };
    try {
      await openSession(counted, url, login, signal);
      return { outcome: 'accepted', sends };
    } catch (err) {
      return { outcome: outcomeOf(err), sends };
    }
  };

/** What a failed login says about the password. */
export function outcomeOf(err: unknown): Exclude<DefaultOutcome, 'accepted'> {
  if (!(err instanceof AppFailure)) return 'unusable';
  switch (err.code) {
    case 'LOGIN_WRONG_PASSWORD':
      return 'refused';
    case 'LOGIN_LOCKED':
      return 'locked';
    case 'DEVICE_UNREACHABLE':
    case 'CANCELLED':
      return 'no-answer';
    default:
      return 'unusable';
  }
}

/** The device service to log in to: the one the app knows, else found on the address (no password is sent). */
export async function defaultCheckUrl(
  deps: OnvifClientDeps,
  device: { onvifUrl: string | null; addresses: string[]; ports: { onvif?: number } },
  signal?: AbortSignal,
): Promise<URL | null> {
  if (device.onvifUrl) return new URL(device.onvifUrl);
  const address = device.addresses[0];
  if (!address) return null;
  try {
    return (await findOnvifEndpoint(deps, address, device.ports.onvif, signal)).url;
  } catch {
    return null;
  }
}

/**
 * Tries the planned candidates in order: one login each, going on only after a refusal the user confirmed, and only
 * while the window's budget of password sends (`budget`) is not spent.
 */
export async function tryDefaults(args: {
  url: URL;
  deviceId: string;
  candidates: readonly DefaultCredential[];
  budget: number;
  tryNext: boolean;
  now: () => Date;
  login: DefaultLogin;
  signal?: AbortSignal;
}): Promise<DefaultAttempt[]> {
  const tried: DefaultAttempt[] = [];
  let spent = 0;
  for (const c of args.candidates) {
    if (spent >= args.budget) break;
    const { outcome, sends } = await args.login(args.url, { username: c.user, password: c.password }, args.signal);
    spent += sends;
    tried.push({ deviceId: args.deviceId, candidate: c.id, at: args.now().toISOString(), outcome, sends });
    if (!goOnAfter(outcome, args.tryNext)) break;
  }
  return tried;
}
