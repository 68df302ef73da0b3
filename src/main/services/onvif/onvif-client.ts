import { randomBytes } from 'node:crypto';
import { AppFailure } from '../../../shared/ipc/errors';
import {
  buildDeviceRequest,
  classifyAuthReply,
  digestAuthorization,
  parseDigestChallenge,
  readDeviceInformation,
  readSoapReply,
  readSystemDateAndTime,
  soapAction,
  usernameToken,
  type DeviceInformation,
  type SoapReply,
} from '../../protocol/onvif-soap';
import { HttpLimitError, type HttpTransport, type LimitedResponse } from '../../transport/http';

export interface OnvifCredentials {
  username: string;
  password: string;
}

export interface OnvifClientDeps {
  http: HttpTransport;
  now?: () => Date;
  randomBytes?: (n: number) => Uint8Array;
}

export interface DeviceClock {
  /** Device time minus our time, ms; null when the device would not tell its time without a login. */
  offsetMs: number | null;
}

export interface Identity extends DeviceInformation {
  clockOffsetSeconds: number | null;
  auth: 'ws-usernametoken' | 'digest';
}

const TIMEOUT_MS = 4000;
const MAX_BYTES = 512 * 1024;

/** One SOAP exchange; network failures become catalogued errors in plain words. */
async function post(
  deps: OnvifClientDeps,
  url: URL,
  operation: string,
  body: string,
  signal: AbortSignal | undefined,
  authorization?: string,
): Promise<{ res: LimitedResponse; reply: SoapReply }> {
  try {
    const res = await deps.http.request(url, {
      method: 'POST',
      timeoutMs: TIMEOUT_MS,
      maxBytes: MAX_BYTES,
      signal,
      headers: {
        'content-type': `application/soap+xml; charset=utf-8; action="${soapAction(operation)}"`,
        ...(authorization ? { authorization } : {}),
      },
      body,
    });
    return { res, reply: readSoapReply(res.body) };
  } catch (err) {
    if (signal?.aborted) throw new AppFailure('CANCELLED');
    if (err instanceof HttpLimitError && err.reason === 'too-large') throw new AppFailure('NOT_ONVIF');
    throw new AppFailure('DEVICE_UNREACHABLE');
  }
}

/** Reads the device clock without a login (ONVIF PRE_AUTH), to sign later requests with the device's time. */
export async function readDeviceClock(deps: OnvifClientDeps, url: URL, signal?: AbortSignal): Promise<DeviceClock> {
  const now = deps.now ?? (() => new Date());
  const sent = now().getTime();
  const { res, reply } = await post(
    deps,
    url,
    'GetSystemDateAndTime',
    buildDeviceRequest('GetSystemDateAndTime'),
    signal,
  );
  if (reply.kind === 'body') {
    const deviceTime = readSystemDateAndTime(reply.body);
    if (!deviceTime) return { offsetMs: null };
    const received = now().getTime();
    return { offsetMs: deviceTime.getTime() - (sent + received) / 2 };
  }
  if (reply.kind === 'fault' || res.status === 401 || res.status === 400) return { offsetMs: null };
  throw new AppFailure('NOT_ONVIF');
}

export interface OnvifSession {
  url: URL;
  /** Device time minus ours, ms (null when the device would not tell). */
  clockOffsetMs: number | null;
  auth: 'ws-usernametoken' | 'digest';
  /** One authenticated operation; failures are catalogued (a SOAP fault comes back as `fault`, not thrown). */
  call(operation: string, inner?: string, signal?: AbortSignal): Promise<SoapReply>;
}

/**
 * Logs in: reads the clock unauthenticated, then GetDeviceInformation signed with the DEVICE's time, answering
 * an HTTP digest challenge once. The password is never tried a third time; later calls reuse the method that
 * worked (digest challenges are answered per call, since nonces expire).
 */
export async function openSession(
  deps: OnvifClientDeps,
  url: URL,
  credentials: OnvifCredentials,
  signal?: AbortSignal,
): Promise<{ session: OnvifSession; info: DeviceInformation }> {
  const now = deps.now ?? (() => new Date());
  const rand = deps.randomBytes ?? ((n: number) => randomBytes(n));
  const clock = await readDeviceClock(deps, url, signal);
  const deviceNow = () => new Date(now().getTime() + (clock.offsetMs ?? 0));
  const signed = (operation: string, inner: string) =>
    buildDeviceRequest(
      operation,
      inner,
      usernameToken(credentials.username, credentials.password, rand(16), deviceNow()),
    );
  const digestFor = (res: LimitedResponse) => {
    const challenge = parseDigestChallenge(res.headers['www-authenticate']);
    return challenge
      ? digestAuthorization(
          challenge,
          credentials,
          { method: 'POST', uri: `${url.pathname}${url.search}` },
          Buffer.from(rand(8)).toString('hex'),
        )
      : null;
  };

  let attempt = await post(deps, url, 'GetDeviceInformation', signed('GetDeviceInformation', ''), signal);
  let auth: OnvifSession['auth'] = 'ws-usernametoken';
  if (attempt.res.status === 401) {
    const authorization = digestFor(attempt.res);
    if (!authorization)
      throw new AppFailure(attempt.reply.kind === 'invalid' ? 'LOGIN_UNSUPPORTED_AUTH' : 'LOGIN_WRONG_PASSWORD');
    // The one retry: digest (with a fresh UsernameToken too, for devices that check both).
    attempt = await post(deps, url, 'GetDeviceInformation', signed('GetDeviceInformation', ''), signal, authorization);
    auth = 'digest';
  }
  const verdict = classifyAuthReply(attempt.res.status, attempt.reply);
  if (verdict === 'ok' && attempt.reply.kind === 'body') {
    const session: OnvifSession = {
      url,
      clockOffsetMs: clock.offsetMs,
      auth,
      async call(operation, inner = '', callSignal) {
        let r = await post(deps, url, operation, signed(operation, inner), callSignal);
        if (r.res.status === 401 && auth === 'digest') {
          const authorization = digestFor(r.res);
          if (authorization) r = await post(deps, url, operation, signed(operation, inner), callSignal, authorization);
        }
        const v = classifyAuthReply(r.res.status, r.reply);
        if (v === 'locked') throw new AppFailure('LOGIN_LOCKED');
        if (v === 'wrong-credentials') throw new AppFailure('LOGIN_WRONG_PASSWORD');
        if (v === 'unsupported-auth' || v === 'not-onvif') throw new AppFailure('NOT_ONVIF');
        return r.reply;
      },
    };
    return { session, info: readDeviceInformation(attempt.reply.body) };
  }
  if (verdict === 'locked') throw new AppFailure('LOGIN_LOCKED');
  if (verdict === 'wrong-credentials') {
    const reason = attempt.reply.kind === 'fault' ? attempt.reply.reason : '';
    if (/time|clock|expired|stale|created/i.test(reason)) throw new AppFailure('LOGIN_CLOCK_SKEW');
    throw new AppFailure('LOGIN_WRONG_PASSWORD');
  }
  if (verdict === 'unsupported-auth') throw new AppFailure('LOGIN_UNSUPPORTED_AUTH');
  throw new AppFailure('NOT_ONVIF');
}

/** Logs in and reads maker, model, firmware and serial (see openSession for how the password is used). */
export async function identify(
  deps: OnvifClientDeps,
  url: URL,
  credentials: OnvifCredentials,
  signal?: AbortSignal,
): Promise<Identity> {
  const { session, info } = await openSession(deps, url, credentials, signal);
  const offsetSeconds = session.clockOffsetMs === null ? null : Math.round(session.clockOffsetMs / 1000);
  return { ...info, clockOffsetSeconds: offsetSeconds, auth: session.auth };
}
