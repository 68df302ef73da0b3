// Following a device whose address changed: log in at an address (after checking ONVIF answers there without a
// login), read its network settings, and try a list of addresses round after round within a bound.
import type { OnvifCredentials } from '../onvif/onvif-client';
import { openSession } from '../onvif/onvif-client';
import { findOnvifEndpoint } from '../onvif/device-access';
import { AppFailure, isAppFailure } from '../../../shared/ipc/errors';
import type { StaticIpServiceDeps } from './static-ip-service';

/** The device-service URL at another address (same port, path and scheme). */
export function urlAt(onvifUrl: string, address: string): string {
  const url = new URL(onvifUrl);
  url.hostname = address;
  return url.href;
}

export function createFollower(deps: StaticIpServiceDeps, follow: { rounds: number; intervalMs: number }) {
  const open =
    deps.openSession ??
    (async (url: URL, login: OnvifCredentials, signal: AbortSignal) =>
      (await openSession(deps.onvif, url, login, signal)).session);
  const reachable =
    deps.reachable ??
    (async (address: string, port: number, signal: AbortSignal) => {
      await findOnvifEndpoint(deps.onvif, address, port, signal);
    });

  function session(url: string, login: OnvifCredentials, signal: AbortSignal) {
    return open(new URL(url), login, signal);
  }

  /** Looks for the device's ONVIF service at an address and reads its network there (with the login). */
  async function readAt(url: string, login: OnvifCredentials, signal: AbortSignal) {
    const at = new URL(url);
    await reachable(at.hostname, Number(at.port || 80), signal);
    const s = await session(url, login, signal);
    return { session: s, network: await deps.readNetwork(s, at.hostname, signal) };
  }

  /**
   * Tries each URL every round until one answers with the login, within the bound: `rounds` rounds and
   * rounds × interval of the clock, whichever ends first (an address where nothing lives can take seconds a try).
   */
  async function findAgain(
    urls: string[],
    login: OnvifCredentials,
    signal: AbortSignal,
    onRound?: (n: number) => void,
    /** Who it is: when it answers at none of `urls`, one search of the LAN looks for it by its MAC or endpoint. */
    whom?: { mac: string | null; endpoint: string | null },
  ) {
    const deadline = deps.now().getTime() + follow.rounds * follow.intervalMs;
    for (let round = 0; round < follow.rounds; round++) {
      onRound?.(round);
      for (const url of urls) {
        const left = deadline - deps.now().getTime();
        if (left <= 0) return null;
        const bound = AbortSignal.timeout(left);
        try {
          return { url, ...(await readAt(url, login, AbortSignal.any([signal, bound]))) };
        } catch (err) {
          if (signal.aborted) throw new AppFailure('CANCELLED');
          if (bound.aborted) return null;
          if (isAppFailure(err) && err.code === 'CANCELLED') throw err;
          // Wrong password or a lock means we found it, and it no longer takes the login: say so.
          if (isAppFailure(err) && (err.code === 'LOGIN_WRONG_PASSWORD' || err.code === 'LOGIN_LOCKED')) throw err;
        }
      }
      if (round < follow.rounds - 1) await deps.sleep(follow.intervalMs, signal);
    }
    return whom && deps.locate ? elsewhere(urls, login, signal, whom) : null;
  }

  /** One search of the LAN (WS-Discovery, SADP, DHIP) for the device by its MAC or endpoint, at a third address. */
  async function elsewhere(
    urls: string[],
    login: OnvifCredentials,
    signal: AbortSignal,
    whom: { mac: string | null; endpoint: string | null },
  ) {
    if (!whom.mac && !whom.endpoint) return null;
    const located = await deps.locate!(whom, signal);
    if (!located || urls.includes(located)) return null;
    try {
      return { url: located, ...(await readAt(located, login, signal)) };
    } catch (err) {
      if (signal.aborted) throw new AppFailure('CANCELLED');
      if (isAppFailure(err) && (err.code === 'LOGIN_WRONG_PASSWORD' || err.code === 'LOGIN_LOCKED')) throw err;
      return null;
    }
  }

  return { session, findAgain };
}

export type Follower = ReturnType<typeof createFollower>;
export type Found = Awaited<ReturnType<Follower['findAgain']>>;
