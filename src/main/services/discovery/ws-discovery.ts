import {
  PROBE_VARIANTS,
  WSD_MULTICAST,
  buildProbe,
  chooseXAddr,
  isOnvifMatch,
  parseWsdMessage,
  readScopes,
  type Dialect,
  type WsdMatch,
} from '../../protocol/ws-discovery';
import { subnetOf } from '../../protocol/ipv4';
import type { Datagram, UdpTransport } from '../../transport/udp';

export interface DiscoveryInterface {
  name: string;
  address: string;
  prefix: number;
}

export interface WsdFinding {
  endpoint: string;
  /** The address the reply came from. */
  address: string;
  /** The device-service URL chosen by chooseXAddr, or null when none was safe. */
  deviceServiceUrl: string | null;
  droppedXAddrs: Array<{ url: string; reason: string }>;
  onvif: boolean;
  scopes: ReturnType<typeof readScopes>;
  dialect: Dialect;
  interfaceName: string;
  /** 'probe' for an answer to our probe, 'hello' for an announcement, 'bye' when a device leaves. */
  source: 'probe' | 'hello' | 'bye';
}

export interface WsdTiming {
  /** Rounds of probes (each round sends all three Types variants). */
  rounds: number;
  /** Random gap between rounds, ms. */
  gapMs: [number, number];
  /** How long to keep listening after the last probe (devices wait up to 500 ms before answering). */
  listenMs: number;
}

export const DEFAULT_WSD_TIMING: WsdTiming = { rounds: 3, gapMs: [50, 250], listenMs: 900 };

export interface WsdProbeOptions {
  iface: DiscoveryInterface;
  udp: UdpTransport;
  signal: AbortSignal;
  onFinding: (finding: WsdFinding) => void;
  onWarning?: (message: string) => void;
  newMessageId: () => string;
  timing?: WsdTiming;
  random?: () => number;
  /** Cap on distinct devices kept (bounded memory against floods). */
  maxDevices?: number;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Multicast WS-Discovery on one interface: a socket bound to the interface's address (so multi-NIC hosts probe
 * where they should), several rounds of the three Types variants, replies reported as they arrive, de-duplicated
 * by EndpointReference. Malformed replies become warnings, never failures.
 */
export async function probeWsDiscovery(options: WsdProbeOptions): Promise<{ devices: number; warnings: number }> {
  const { iface, signal } = options;
  const timing = options.timing ?? DEFAULT_WSD_TIMING;
  const random = options.random ?? Math.random;
  const maxDevices = options.maxDevices ?? 4096;
  const network = (subnetOf(iface.address, iface.prefix) ?? `${iface.address}/32`).split('/')[0]!;
  const ourIds = new Set<string>();
  const seen = new Set<string>();
  let warnings = 0;
  const warn = (message: string) => {
    warnings++;
    if (warnings <= 50) options.onWarning?.(message);
  };

  const handle = (d: Datagram) => {
    if (signal.aborted) return;
    // Busy LANs answer every probe from every device: skip the full parse when every endpoint in the
    // datagram is already known, so the socket is drained fast enough and nothing is dropped.
    if (seen.size > 0 && allKnown(d.data, seen)) return;
    const parsed = parseWsdMessage(d.data);
    if (!parsed.ok) return warn(`ignored a malformed discovery reply from ${d.from.address}: ${parsed.error}`);
    const msg = parsed.message;
    if (msg.kind === 'probe') return; // another client's probe
    if (msg.kind === 'bye') {
      if (seen.delete(msg.endpoint))
        options.onFinding({
          endpoint: msg.endpoint,
          address: d.from.address,
          deviceServiceUrl: null,
          droppedXAddrs: [],
          onvif: true,
          scopes: readScopes([]),
          dialect: msg.dialect,
          interfaceName: iface.name,
          source: 'bye',
        });
      return;
    }
    if (msg.kind === 'probe-matches' && msg.relatesTo !== null && !ourIds.has(msg.relatesTo)) return;
    const matches: WsdMatch[] = msg.kind === 'probe-matches' ? msg.matches : [msg.match];
    for (const match of matches) {
      if (seen.has(match.endpoint)) continue;
      if (seen.size >= maxDevices) return warn('too many devices answered; the rest were ignored');
      seen.add(match.endpoint);
      const choice = chooseXAddr(match.xaddrs, d.from.address, { network, prefix: iface.prefix });
      options.onFinding({
        endpoint: match.endpoint,
        address: d.from.address,
        deviceServiceUrl: choice.url,
        droppedXAddrs: choice.dropped,
        onvif: isOnvifMatch(match),
        scopes: readScopes(match.scopes),
        dialect: msg.dialect,
        interfaceName: iface.name,
        source: msg.kind === 'hello' ? 'hello' : 'probe',
      });
    }
  };

  const socket = await options.udp.open(
    { bindAddress: iface.address, multicastInterface: iface.address, multicastTtl: 1, recvBufferSize: 4 * 1024 * 1024 },
    handle,
  );
  try {
    for (let round = 0; round < timing.rounds && !signal.aborted; round++) {
      for (const variant of PROBE_VARIANTS) {
        const id = options.newMessageId();
        ourIds.add(id);
        await socket.send(buildProbe(id, variant), WSD_MULTICAST.port, WSD_MULTICAST.address).catch(() => {
          warn(`a discovery probe could not be sent on ${iface.name}`);
        });
      }
      if (round < timing.rounds - 1) {
        const [lo, hi] = timing.gapMs;
        await sleep(lo + random() * (hi - lo), signal);
      }
    }
    await sleep(timing.listenMs, signal);
  } finally {
    socket.close();
  }
  return { devices: seen.size, warnings };
}

const ADDRESS = /<(?:[A-Za-z_][\w.-]*:)?Address>\s*([^<\s]{1,256})\s*<\/(?:[A-Za-z_][\w.-]*:)?Address>/g;

/** True when the datagram names at least one endpoint and all of them are known (a cheap, bounded scan). */
function allKnown(data: Buffer, seen: Set<string>): boolean {
  const text = data.toString('latin1', 0, Math.min(data.length, 65_536));
  let any = false;
  let n = 0;
  for (const m of text.matchAll(ADDRESS)) {
    if (++n > 64 || !seen.has(m[1]!)) return false;
    any = true;
  }
  return any;
}
