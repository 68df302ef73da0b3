// One STUN Binding exchange over UDP, bounded: the request is sent up to three times (at 0, 500 and 1500 ms: UDP may
// drop one), the first well-formed answer to our transaction from the server's own address and port wins, and the
// whole exchange ends at `totalMs` (3 s) or when `signal` aborts — no socket or timer outlives it.
import { isIP } from 'node:net';
import { parseStunServer, readStunBindingReply, stunBindingRequest } from '../../protocol/stun';
import type { HostLookup } from '../../transport/dns';
import type { UdpTransport } from '../../transport/udp';

export type StunResult =
  | { ok: true; address: string; port: number; family: 'IPv4' | 'IPv6'; serverAddress: string }
  | { ok: false; error: string };

export interface StunClientOptions {
  signal: AbortSignal;
  /** When each try is sent, in ms from the start (default 0, 500, 1500). */
  sendAtMs?: readonly number[];
  /** The bound of the whole exchange, name lookup included (default 3000 ms). */
  totalMs?: number;
}

export const STUN_SEND_AT_MS = [0, 500, 1500] as const;
export const STUN_TOTAL_MS = 3000;

export async function stunBinding(
  deps: { udp: UdpTransport; lookup: HostLookup },
  server: string,
  options: StunClientOptions,
): Promise<StunResult> {
  const parsed = parseStunServer(server);
  if (!parsed) return { ok: false, error: `"${server.slice(0, 60)}" is not a STUN server (host:port)` };
  const totalMs = options.totalMs ?? STUN_TOTAL_MS;
  const started = Date.now();
  if (isIP(parsed.host) === 6) return { ok: false, error: 'IPv6 STUN servers are not asked yet (IPv4 only)' };
  const ip = isIP(parsed.host) === 4 ? parsed.host : await deps.lookup(parsed.host, Math.min(2000, totalMs));
  if (!ip) return { ok: false, error: `the name ${parsed.host} did not resolve to an IPv4 address` };
  if (options.signal.aborted) return { ok: false, error: 'cancelled' };

  const { bytes, transactionId } = stunBindingRequest();
  // Set by the socket's callback (a holder, so the checks after the wait see them).
  const got: { result: StunResult | null; lastError: string | null; sendError: string | null } = {
    result: null,
    lastError: null,
    sendError: null,
  };
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  let socket;
  try {
    socket = await deps.udp.open({ bindAddress: '0.0.0.0' }, (d) => {
      if (got.result || d.from.address !== ip || d.from.port !== parsed.port) return;
      const r = readStunBindingReply(d.data, transactionId);
      if (!r.ok) {
        got.lastError = r.error;
        return;
      }
      got.result = { ok: true, address: r.address, port: r.port, family: r.family, serverAddress: ip };
      finish();
    });
  } catch {
    return { ok: false, error: 'this computer could not open a UDP socket' };
  }
  const timers: NodeJS.Timeout[] = [];
  const send = () =>
    void socket.send(bytes, parsed.port, ip).catch(() => {
      got.sendError = 'the request could not be sent (no route to the server?)';
    });
  const onAbort = () => finish();
  try {
    const left = Math.max(0, totalMs - (Date.now() - started));
    for (const at of options.sendAtMs ?? STUN_SEND_AT_MS) if (at < left) timers.push(setTimeout(send, at));
    timers.push(setTimeout(finish, left));
    options.signal.addEventListener('abort', onAbort, { once: true });
    await done;
  } finally {
    for (const t of timers) clearTimeout(t);
    options.signal.removeEventListener('abort', onAbort);
    socket.close();
  }
  if (got.result) return got.result;
  if (options.signal.aborted) return { ok: false, error: 'cancelled' };
  return {
    ok: false,
    error:
      got.lastError ??
      got.sendError ??
      `no answer from ${parsed.host}:${parsed.port}${ip !== parsed.host ? ` (${ip})` : ''} within ${(totalMs / 1000).toFixed(1)} s`,
  };
}
