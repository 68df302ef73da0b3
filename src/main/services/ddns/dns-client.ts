// A bounded DNS client for the DDNS check: one question over UDP to one server (a random id, the answer must come
// from that server's address and port 53 with that id; one retry; the whole exchange within `timeoutMs`), and the
// system resolver's view (node:dns lookup, every IPv4 address, bounded). Nothing here outlives its deadline.
import { randomInt } from 'node:crypto';
import { promises as dns, getServers } from 'node:dns';
import { DNS_MAX_MESSAGE, decodeDnsAnswer, encodeDnsQuery, type DnsAnswer } from '../../protocol/dns-wire';
import type { UdpTransport } from '../../transport/udp';

export const DNS_QUERY_MS = 3000;

export type DnsQuery = (
  server: string,
  name: string,
  type: number,
  options: { signal?: AbortSignal; timeoutMs?: number; recursionDesired?: boolean },
) => Promise<{ ok: true; answer: DnsAnswer } | { ok: false; error: string }>;

/** One question to `server`:53 over UDP, sent again once after a third of the time; the first matching answer wins. */
export function udpDnsQuery(udp: UdpTransport, random: () => number = () => randomInt(0, 0x10000)): DnsQuery {
  return async (server, name, type, { signal, timeoutMs = DNS_QUERY_MS, recursionDesired = true }) => {
    const id = random() & 0xffff;
    const query = encodeDnsQuery(name, type, id, { recursionDesired });
    if (!query) return { ok: false, error: 'not a DNS name' };
    if (signal?.aborted) return { ok: false, error: 'cancelled' };
    let done: (r: { ok: true; answer: DnsAnswer } | { ok: false; error: string }) => void = () => {};
    const result = new Promise<{ ok: true; answer: DnsAnswer } | { ok: false; error: string }>((r) => (done = r));
    let unreadable: string | null = null;
    let socket: Awaited<ReturnType<UdpTransport['open']>> | null = null;
    try {
      socket = await udp.open({ bindAddress: '0.0.0.0' }, (d) => {
        if (d.from.address !== server || d.from.port !== 53 || d.data.length > DNS_MAX_MESSAGE) return;
        const read = decodeDnsAnswer(d.data, id);
        if (read.ok) done({ ok: true, answer: read });
        else if (read.reason !== 'an answer to another query') unreadable = read.reason;
      });
    } catch {
      return { ok: false, error: 'no UDP socket' };
    }
    const send = () => void socket?.send(query, 53, server).catch(() => {});
    const again = setTimeout(send, Math.floor(timeoutMs / 3));
    const deadline = setTimeout(
      () => done({ ok: false, error: unreadable ? `unreadable answer (${unreadable})` : 'no answer in time' }),
      timeoutMs,
    );
    const onAbort = () => done({ ok: false, error: 'cancelled' });
    signal?.addEventListener('abort', onAbort, { once: true });
    send();
    try {
      return await result;
    } finally {
      clearTimeout(again);
      clearTimeout(deadline);
      signal?.removeEventListener('abort', onAbort);
      socket.close();
    }
  };
}

export type SystemLookup = (
  host: string,
  timeoutMs?: number,
) => Promise<{ addresses: string[]; error: string | null; notFound: boolean }>;

/** The system resolver's IPv4 addresses for `host` (what the user's other programs see), bounded. */
export const systemLookup: SystemLookup = async (host, timeoutMs = DNS_QUERY_MS) => {
  let timer: NodeJS.Timeout | undefined;
  try {
    const r = await Promise.race([
      dns.lookup(host, { family: 4, all: true }),
      new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs))),
    ]);
    if (r === 'late') return { addresses: [], error: 'no answer in time', notFound: false };
    return { addresses: r.map((a) => a.address).slice(0, 64), error: null, notFound: false };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOTFOUND') return { addresses: [], error: 'the name is not known', notFound: true };
    return { addresses: [], error: code === 'EAI_AGAIN' ? 'the resolver failed' : 'lookup failed', notFound: false };
  } finally {
    clearTimeout(timer);
  }
};

/** The system's DNS servers (resolv.conf), IPv4 only, at most three. */
export function systemDnsServers(): string[] {
  return getServers()
    .filter((s) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s))
    .slice(0, 3);
}
