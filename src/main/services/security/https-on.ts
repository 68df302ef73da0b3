// The NVR's HTTPS turned on, on the NVR itself: a login with the kept login and the protocols read (GetNetworkProtocols:
// the snapshot), then the one change engine (device-change/engine.ts): pending saved, SetNetworkProtocols sent with
// HTTPS enabled on its own port (nothing else in the request), verified by GetNetworkProtocols listing HTTPS enabled on
// that port AND a TLS handshake on that port answering; on any failure HTTPS disabled again, as it was, and that
// proven by GetNetworkProtocols. Only HTTPS is touched: HTTP (which carries ONVIF) and RTSP are not in the request.
import type { HttpsOnFacts } from '../../../shared/domain/security-https-on';
import { httpsOnFaultWords } from '../../../shared/domain/security-https-on';
import { AppFailure, isAppFailure } from '../../../shared/ipc/errors';
import { buildSetNetworkProtocols, readNetworkProtocols, type NetworkProtocol } from '../../protocol/onvif-soap';
import type { TcpExchange } from '../../transport/tcp';
import { runDeviceChange } from '../device-change/engine';
import { openSession, type OnvifClientDeps, type OnvifCredentials, type OnvifSession } from '../onvif/onvif-client';

/** The port HTTPS is asked on when the NVR lists none (the usual one). */
export const HTTPS_DEFAULT_PORT = 443;

export interface HttpsOnArgs {
  url: URL;
  login: OnvifCredentials;
  /** The TLS handshake (the one the Ports step reads certificates with). */
  exchange: TcpExchange;
  signal: AbortSignal;
  /** Saves the pending record (awaited) just before SetNetworkProtocols is sent. */
  onChanging?: (port: number) => Promise<void>;
  /** The bound on everything after the send, the put-back included (ms). */
  boundMs?: number;
  /** How many times (and how far apart) the check is made: an NVR may take seconds to start its HTTPS server. */
  rounds?: number;
  intervalMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** What the change did, for judgeHttpsOn. */
export interface HttpsOnRun {
  ran: HttpsOnFacts['ran'];
  port: number | null;
  fault: string | null;
}

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/** The protocols as the NVR lists them; null when it did not answer with a list. */
async function protocolsOf(session: OnvifSession, signal: AbortSignal): Promise<NetworkProtocol[] | null> {
  try {
    const reply = await session.call('GetNetworkProtocols', '', signal);
    return reply.kind === 'body' ? readNetworkProtocols(reply.body) : null;
  } catch {
    return null;
  }
}

/** Whether a TLS handshake on `port` answers with a certificate (certificate checks off: self-made ones count). */
export async function tlsAnswers(exchange: TcpExchange, host: string, port: number, signal: AbortSignal) {
  try {
    const r = await exchange(host, port, {
      send: `HEAD / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      tls: true,
      timeoutMs: 4000,
      idleMs: 250,
      maxBytes: 4096,
      complete: (bytes) => Buffer.from(bytes).includes('\r\n\r\n'),
      signal,
    });
    return r.outcome === 'ok' && r.certificate !== null;
  } catch {
    return false;
  }
}

/**
 * Turns HTTPS on on the device at `url`. Throws (a catalogued failure) when nothing was sent: the login refused, the
 * protocols not readable, or no HTTPS the NVR knows. Otherwise returns what the engine found (or `already`).
 */
export async function turnHttpsOn(deps: OnvifClientDeps, a: HttpsOnArgs): Promise<HttpsOnRun> {
  const rounds = Math.max(1, a.rounds ?? 6);
  const intervalMs = a.intervalMs ?? 2000;
  const sleep = a.sleep ?? defaultSleep;
  const host = a.url.hostname.replace(/^\[|\]$/g, '');
  // 1. Log in and read the protocols: the snapshot. Nothing has changed yet.
  const { session } = await openSession(deps, a.url, a.login, a.signal);
  const snapshot = await protocolsOf(session, a.signal);
  if (!snapshot) throw new AppFailure('SECURITY_HTTPS_UNREADABLE');
  const was = snapshot.find((p) => p.name === 'HTTPS');
  if (!was) throw new AppFailure('SECURITY_HTTPS_UNSUPPORTED');
  const port = was.ports[0] ?? HTTPS_DEFAULT_PORT;
  if (was.enabled) return { ran: { outcome: 'already' }, port, fault: null };
  const ports = was.ports.length ? was.ports : [port];

  let fault: string | null = null;
  let refusedBySend = false;
  /** Reads the protocols up to `rounds` times until `done` says so; the last reason when it never did. */
  const until = async (
    done: (https: NetworkProtocol | undefined) => Promise<string | null>,
    signal: AbortSignal,
  ): Promise<string | null> => {
    let why: string | null = 'the NVR did not answer';
    for (let i = 0; i < rounds && !signal.aborted; i++) {
      if (i > 0) await sleep(intervalMs, signal);
      const now = await protocolsOf(session, signal);
      why = now ? await done(now.find((p) => p.name === 'HTTPS')) : 'the NVR did not answer';
      if (why === null) return null;
    }
    return why;
  };

  const ran = await runDeviceChange({
    pending: port,
    onChanging: a.onChanging,
    signal: a.signal,
    boundMs: a.boundMs ?? Math.max(30_000, rounds * (intervalMs + 5000) * 2),
    unreachable: 'the NVR did not answer',
    steps: {
      async send({ work }) {
        try {
          const reply = await session.call(
            'SetNetworkProtocols',
            buildSetNetworkProtocols([{ name: 'HTTPS', enabled: true, ports }]),
            work,
          );
          if (reply.kind === 'body') return null;
          fault =
            reply.kind === 'fault' ? httpsOnFaultWords(reply) : 'the NVR answered with something the app cannot read';
        } catch (err) {
          // An answer lost on the way (the NVR restarting its web server): measure instead.
          if (isAppFailure(err) && err.code === 'DEVICE_UNREACHABLE') return null;
          fault =
            isAppFailure(err) && err.code === 'LOGIN_WRONG_PASSWORD'
              ? httpsOnFaultWords({ code: 'Sender', subcodes: ['NotAuthorized'] })
              : 'the NVR did not accept the change';
        }
        refusedBySend = true;
        return `${fault}.`;
      },
      async verify({ user, work }) {
        const why = await until(async (https) => {
          if (!https?.enabled) return 'the NVR does not list HTTPS as on.';
          if (!https.ports.includes(port)) return `the NVR lists HTTPS on another port than ${port}.`;
          return (await tlsAnswers(a.exchange, host, port, work))
            ? null
            : `no encrypted (TLS) connection answered on port ${port}.`;
        }, user);
        return why === 'the NVR did not answer' ? 'the NVR did not answer the check.' : why;
      },
      async restore({ work }) {
        // The NVR said it did not take the change: nothing to put back (GetNetworkProtocols below proves it).
        if (refusedBySend) return true;
        try {
          const reply = await session.call(
            'SetNetworkProtocols',
            buildSetNetworkProtocols([{ name: 'HTTPS', enabled: false, ports }]),
            work,
          );
          if (reply.kind === 'body') return true;
          return {
            refused: `the NVR refused to turn HTTPS off again (${httpsOnFaultWords(reply.kind === 'fault' ? reply : { code: '', subcodes: [] })})`,
          };
        } catch {
          return false;
        }
      },
      async verifyRestored({ work }) {
        return until(async (https) => (https && !https.enabled ? null : 'the NVR still lists HTTPS as on'), work);
      },
    },
  });
  return { ran, port, fault };
}
