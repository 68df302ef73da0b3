// The Internet step's measurement: what the router says its WAN address is, what a STUN server and an
// echoip-compatible checker see as this network's address, and the verdict (shared/domain/public-address). Only
// the servers the user chose (or the documented defaults) are contacted, and only when a check is started. Every
// exchange is bounded: STUN 3 s, the checker 3 s for /json and 2 s more for /ip when /json was unusable, 16 KB each;
// they run at the same time as the router's answer. Once STUN has said which address it asked (or the server is given
// as an IPv4 address), the first two hops toward that address are traced (services/internet/hop-probe: one ping each
// with TTL 1 and 2, at once, 2 s at most): the router after yours is a second view of its WAN side.
import { isIP } from 'node:net';
import { said, type Words } from '../../../shared/i18n/said';
import {
  judgePublicAddress,
  type OutsideView,
  type PathHops,
  type PublicAddressCheck,
  type RouterWanSource,
} from '../../../shared/domain/public-address';
import { ECHOIP_MAX_BYTES, parseCheckerUrl, readEchoipJson, readEchoipText } from '../../protocol/echoip';
import { parseStunServer } from '../../protocol/stun';
import type { HostLookup } from '../../transport/dns';
import type { UdpTransport } from '../../transport/udp';
import { stunBinding } from './stun-client';

/** One bounded GET (http or https): status and body, or a plain reason. */
export type BoundedGet = (
  url: URL,
  limits: { timeoutMs: number; maxBytes: number; signal: AbortSignal },
) => Promise<{ ok: true; status: number; body: Uint8Array } | { ok: false; error: string }>;

/** The router's own WAN address, as it says it (UPnP IGD, NAT-PMP) or as the UPnP step last read it. */
export interface RouterWan {
  address: string | null;
  source: RouterWanSource | null;
  readAt: string | null;
}

export interface PublicAddressDeps {
  udp: UdpTransport;
  lookup: HostLookup;
  get: BoundedGet;
  now: () => Date;
  /**
   * Traces hop 1 and hop 2 toward an IPv4 address (services/internet/hop-probe's probePathHops with the system's
   * ping); null where it cannot. Without it no hop is traced.
   */
  hops?: (target: string, signal: AbortSignal) => Promise<PathHops | null>;
  /** Bounds for tests (defaults: STUN 3 s; checker 3 s + 2 s). */
  stunTotalMs?: number;
  checkerMs?: { json: number; text: number };
}

export interface PublicAddressRun {
  gateway: string | null;
  stun: string;
  checker: string;
  signal: AbortSignal;
  progress?: (words: Words) => void;
  /** Asks the router for its WAN address (runs beside the outside questions). */
  routerWan: (signal: AbortSignal) => Promise<RouterWan>;
}

/** The checker's view: /json's `ip`, else /ip's text (only when /json answered but was unusable). */
export async function askChecker(
  deps: Pick<PublicAddressDeps, 'get' | 'checkerMs'>,
  checker: string,
  signal: AbortSignal,
): Promise<OutsideView> {
  const base = parseCheckerUrl(checker);
  const server = (base?.href ?? checker).slice(0, 300);
  if (!base) return { server, address: null, error: 'not an http(s) address without a query' };
  const ms = deps.checkerMs ?? { json: 3000, text: 2000 };
  const json = await deps.get(new URL('json', base), { timeoutMs: ms.json, maxBytes: ECHOIP_MAX_BYTES, signal });
  if (!json.ok) return { server, address: null, error: json.error };
  let error: string;
  if (json.status === 200) {
    const a = readEchoipJson(json.body);
    if (a.ok) return { server, address: a.address, error: null };
    error = a.error;
  } else error = `/json answered HTTP ${json.status}`;
  if (signal.aborted) return { server, address: null, error: 'cancelled' };
  const text = await deps.get(new URL('ip', base), { timeoutMs: ms.text, maxBytes: ECHOIP_MAX_BYTES, signal });
  if (!text.ok) return { server, address: null, error: `${error}; /ip: ${text.error}` };
  if (text.status !== 200) return { server, address: null, error: `${error}; /ip answered HTTP ${text.status}` };
  const a = readEchoipText(text.body);
  return a.ok ? { server, address: a.address, error: null } : { server, address: null, error: `${error}; ${a.error}` };
}

export function createPublicAddressService(deps: PublicAddressDeps) {
  return {
    /** One check: the three views at once, then the verdict. `changed` is the caller's (it holds the history). */
    async check(run: PublicAddressRun): Promise<Omit<PublicAddressCheck, 'changed'>> {
      const measuredAt = deps.now().toISOString();
      run.progress?.(said('internet.progress.asking', { stun: run.stun, checker: run.checker }));
      const noRouter: RouterWan = { address: null, source: null, readAt: null };
      const stunAndHops = stunBinding(deps, run.stun, {
        signal: run.signal,
        ...(deps.stunTotalMs ? { totalMs: deps.stunTotalMs } : {}),
      }).then(async (result) => {
        // Toward the address STUN asked; when it failed, toward the server only if it was given as an IPv4 address.
        const given = parseStunServer(run.stun)?.host;
        const target = result.ok ? result.serverAddress : given && isIP(given) === 4 ? given : null;
        const trace = deps.hops;
        if (!trace || !run.gateway || !target || run.signal.aborted) return { result, hops: null };
        run.progress?.(said('internet.progress.tracing', { target }));
        const hops = await trace(target, run.signal).catch(() => null);
        return { result, hops };
      });
      const [router, { result: stunResult, hops }, checker] = await Promise.all([
        run.gateway ? run.routerWan(run.signal).catch(() => noRouter) : Promise.resolve(noRouter),
        stunAndHops,
        askChecker(deps, run.checker, run.signal),
      ]);
      const stun: OutsideView = {
        server: run.stun.slice(0, 300),
        address: stunResult.ok ? stunResult.address : null,
        error: stunResult.ok ? null : stunResult.error.slice(0, 300),
      };
      const judged = judgePublicAddress({ gateway: run.gateway, router, stun, checker, hops });
      return { measuredAt, gateway: run.gateway, router, stun, checker, hops, ...judged };
    },
  };
}

export type PublicAddressService = ReturnType<typeof createPublicAddressService>;
