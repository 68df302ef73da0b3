import { promises as dns } from 'node:dns';

/** Resolves a host name to one IPv4 address with the system resolver, bounded in time; null when unknown. */
export type HostLookup = (host: string, timeoutMs?: number) => Promise<string | null>;

export const nodeLookup: HostLookup = async (host, timeoutMs = 3000) => {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      dns.lookup(host, { family: 4 }).then((r) => r.address),
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs))),
    ]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
};
