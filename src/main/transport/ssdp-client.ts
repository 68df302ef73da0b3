export interface SsdpResponse {
  headers: Record<string, string>;
  from: { address: string; port: number };
}

export interface SsdpSearcher {
  search(st: string): void;
  stop(): void;
}

/** Opens an SSDP search on one interface (by name) and reports responses. Behind an interface for tests. */
export type SsdpTransport = (interfaceName: string, onResponse: (r: SsdpResponse) => void) => Promise<SsdpSearcher>;

/**
 * node-ssdp (the design card's choice), bound explicitly to the interface's address so a multi-NIC computer
 * searches where the user chose. Header names are upper-cased here; values are bounded by the service.
 */
export const nodeSsdp: SsdpTransport = async (interfaceName, onResponse) => {
  // Loaded on first search, not at start-up (node-ssdp brings bluebird and more: ~30 ms the CLI need not pay).
  const { default: ssdp } = await import('node-ssdp');
  const client = new ssdp.Client({
    interfaces: [interfaceName],
    explicitSocketBind: true,
    ssdpTtl: 2,
    customLogger: () => {},
  });
  client.on('response', (headers, _status, rinfo) => {
    const upper: Record<string, string> = {};
    let n = 0;
    for (const [k, v] of Object.entries(headers ?? {})) {
      if (++n > 32) break;
      if (typeof v === 'string') upper[k.toUpperCase()] = v.slice(0, 1024);
    }
    onResponse({ headers: upper, from: { address: rinfo.address, port: rinfo.port } });
  });
  await client.start();
  return {
    search: (st) => {
      try {
        client.search(st);
      } catch {
        // a send failure is reported by the absence of answers
      }
    },
    stop: () => {
      try {
        client.stop();
      } catch {
        // already stopped
      }
    },
  };
};
