import { sleep } from '../../core/sleep';
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
  type WsdMessage,
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

/** What every WS-Discovery run is given: the interface, its socket maker, the signal, and whom to tell. */
interface WsdRunOptions {
  iface: DiscoveryInterface;
  udp: UdpTransport;
  signal: AbortSignal;
  onFinding: (finding: WsdFinding) => void;
  onWarning?: (message: string) => void;
}

export interface WsdProbeOptions extends WsdRunOptions {
  newMessageId: () => string;
  timing?: WsdTiming;
  random?: () => number;
  /** Cap on distinct devices kept (bounded memory against floods). */
  maxDevices?: number;
}

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

  const handle = createWsdHandler({
    iface,
    network,
    signal,
    warn,
    onFinding: options.onFinding,
    // Busy LANs answer every probe from every device: skip the full parse when every endpoint in the
    // datagram is already known, so the socket is drained fast enough and nothing is dropped.
    skip: (d) => seen.size > 0 && allKnown(d.data, seen),
    accept: (msg) => msg.kind !== 'probe-matches' || msg.relatesTo === null || ourIds.has(msg.relatesTo),
    isNew: (endpoint) => {
      if (seen.has(endpoint)) return false;
      if (seen.size >= maxDevices) {
        warn('too many devices answered; the rest were ignored');
        return false;
      }
      seen.add(endpoint);
      return true;
    },
    forget: (endpoint) => seen.delete(endpoint),
  });

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

interface HandlerOptions {
  iface: DiscoveryInterface;
  network: string;
  signal: AbortSignal;
  warn: (message: string) => void;
  onFinding: (finding: WsdFinding) => void;
  /** A cheap pre-check that lets known answers through without parsing. */
  skip?: (d: Datagram) => boolean;
  /** Whether a parsed message concerns us (e.g. a ProbeMatch for one of our probes). */
  accept: (msg: WsdMessage) => boolean;
  /** Whether an endpoint is reported (dedupe and caps live with the caller). */
  isNew: (endpoint: string) => boolean;
  /** A device said Bye: true when it was one we had reported. */
  forget: (endpoint: string) => boolean;
}

/** Turns WS-Discovery datagrams into findings: one parser and one XAddr policy for probing and listening. */
function createWsdHandler(o: HandlerOptions): (d: Datagram) => void {
  return (d) => {
    if (o.signal.aborted || o.skip?.(d)) return;
    const parsed = parseWsdMessage(d.data);
    if (!parsed.ok) return o.warn(`ignored a malformed discovery reply from ${d.from.address}: ${parsed.error}`);
    const msg = parsed.message;
    if (msg.kind === 'probe' || !o.accept(msg)) return; // another client's probe, or an answer to someone else
    if (msg.kind === 'bye') {
      if (o.forget(msg.endpoint))
        o.onFinding({
          endpoint: msg.endpoint,
          address: d.from.address,
          deviceServiceUrl: null,
          droppedXAddrs: [],
          onvif: true,
          scopes: readScopes([]),
          dialect: msg.dialect,
          interfaceName: o.iface.name,
          source: 'bye',
        });
      return;
    }
    const matches: WsdMatch[] = msg.kind === 'probe-matches' ? msg.matches : [msg.match];
    for (const match of matches) {
      if (!o.isNew(match.endpoint)) continue;
      const choice = chooseXAddr(match.xaddrs, d.from.address, { network: o.network, prefix: o.iface.prefix });
      o.onFinding({
        endpoint: match.endpoint,
        address: d.from.address,
        deviceServiceUrl: choice.url,
        droppedXAddrs: choice.dropped,
        onvif: isOnvifMatch(match),
        scopes: readScopes(match.scopes),
        dialect: msg.dialect,
        interfaceName: o.iface.name,
        source: msg.kind === 'hello' ? 'hello' : 'probe',
      });
    }
  };
}

export interface AnnouncementOptions extends WsdRunOptions {
  /** Stop by itself after this long (a page left open all day must not listen forever). */
  maxMs?: number;
}

/**
 * Hears Hello and Bye announcements on one interface while the user looks at the list: a device that boots,
 * changes address or leaves shows up without a new search. Joins the WS-Discovery group on that interface only.
 */
export async function listenForAnnouncements(options: AnnouncementOptions): Promise<void> {
  const { iface, signal } = options;
  const network = (subnetOf(iface.address, iface.prefix) ?? `${iface.address}/32`).split('/')[0]!;
  let warnings = 0;
  const handle = createWsdHandler({
    iface,
    network,
    signal,
    warn: (m) => {
      if (++warnings <= 50) options.onWarning?.(m);
    },
    onFinding: options.onFinding,
    accept: (msg) => msg.kind === 'hello' || msg.kind === 'bye',
    isNew: () => true,
    forget: () => true,
  });
  const socket = await options.udp.open(
    {
      bindAddress: '0.0.0.0',
      port: WSD_MULTICAST.port,
      reuseAddr: true,
      multicastInterface: iface.address,
      join: [WSD_MULTICAST.address],
    },
    handle,
  );
  try {
    await sleep(options.maxMs ?? 30 * 60_000, signal);
  } finally {
    socket.close();
  }
}
