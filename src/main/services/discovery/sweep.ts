import { formatIpv4, parseIpv4, subnetOf } from '../../protocol/ipv4';
import { hostsOf, parseProcArp } from '../../protocol/arp';
import type { SystemSource } from '../../transport/system';
import type { TcpProbe } from '../../transport/tcp';
import { readDeviceClock, type OnvifClientDeps } from '../onvif/onvif-client';
import { ONVIF_PORTS } from '../onvif/device-access';
import type { Finding } from './inventory';
import type { DiscoveryInterface } from './ws-discovery';

/** Ports that tell a recorder or camera is there (PORTS.md): web, RTSP, ONVIF alternatives and vendor SDKs. */
export const SWEEP_PORTS = [80, 443, 554, 8000, 8080, 8443, 8899, 2020, 9000, 37777] as const;
/** First pass: whether anybody is at an address at all (a refusal counts as "there"). */
const LIVENESS_PORTS = [80, 554, 8000];
const ROLES: Record<number, string> = {
  80: 'http',
  443: 'https',
  554: 'rtsp',
  8443: 'https',
  37777: 'sdk',
  9000: 'media',
};

export interface SweepOptions {
  iface: DiscoveryInterface;
  signal: AbortSignal;
  tcp: TcpProbe;
  onvif: OnvifClientDeps;
  system: SystemSource;
  onFinding: (f: Finding) => void;
  onProgress?: (done: number, total: number) => void;
  /** Connections in flight at once. */
  concurrency?: number;
  timeoutMs?: number;
}

/** Runs `work` over `items` with at most `limit` at once; stops taking new items when aborted. */
async function pool<T>(
  items: T[],
  limit: number,
  signal: AbortSignal,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (!signal.aborted && next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

/**
 * Unicast sweep for LANs where multicast is blocked (VLANs, Docker, Wi-Fi isolation): every address of the
 * interface's subnet (at most a /22), bounded concurrency and time-outs; then an unauthenticated ONVIF
 * GetSystemDateAndTime on hosts with a web port open. Findings carry the MAC from the ARP table.
 */
export async function sweepSubnet(options: SweepOptions): Promise<{ hosts: number; found: number }> {
  const { iface, signal, tcp } = options;
  const concurrency = options.concurrency ?? 128;
  const timeoutMs = options.timeoutMs ?? 700;
  const network = parseIpv4((subnetOf(iface.address, iface.prefix) ?? '').split('/')[0] ?? '');
  const hosts = network === null ? null : hostsOf(network, iface.prefix);
  if (!hosts) return { hosts: 0, found: 0 };
  const targets = hosts.map(formatIpv4).filter((a) => a !== iface.address);
  const total = targets.length * 2;
  let done = 0;
  const tick = () => options.onProgress?.(++done, total);

  // Pass 1: who is there.
  const alive = new Set<string>();
  const open = new Map<string, Set<number>>();
  await pool(targets, concurrency, signal, async (address) => {
    for (const port of LIVENESS_PORTS) {
      const r = await tcp(address, port, timeoutMs, signal);
      if (r !== 'timeout') alive.add(address);
      if (r === 'open') (open.get(address) ?? open.set(address, new Set()).get(address)!).add(port);
      if (r === 'timeout') break; // nobody answered: do not wait on the other ports
    }
    tick();
  });

  // Pass 2: the remaining ports on hosts that are there, then ONVIF on their web ports.
  let found = 0;
  const arp = parseProcArp((await options.system.readText('/proc/net/arp')) ?? '');
  await pool(targets, concurrency, signal, async (address) => {
    if (!alive.has(address)) return tick();
    const ports = open.get(address) ?? new Set<number>();
    for (const port of SWEEP_PORTS) {
      if (ports.has(port) || LIVENESS_PORTS.includes(port)) continue;
      if ((await tcp(address, port, timeoutMs, signal)) === 'open') ports.add(port);
    }
    tick();
    if (ports.size === 0) return;
    let onvifUrl: string | null = null;
    for (const port of ONVIF_PORTS) {
      if (!ports.has(port) || signal.aborted) continue;
      const url = new URL(`http://${address}${port === 80 ? '' : `:${port}`}/onvif/device_service`);
      try {
        await readDeviceClock(options.onvif, url, signal);
        onvifUrl = url.href;
        break;
      } catch {
        // not ONVIF on this port
      }
    }
    const interesting = onvifUrl !== null || ports.has(554) || ports.has(37777) || ports.has(8000) || ports.has(9000);
    if (!interesting) return;
    found++;
    const declared: Record<string, number> = {};
    for (const port of ports) if (ROLES[port]) declared[ROLES[port]!] ??= port;
    if (onvifUrl) declared.onvif = Number(new URL(onvifUrl).port || 80);
    options.onFinding({
      source: 'sweep',
      address,
      interfaceName: iface.name,
      mac: arp.get(address) ?? null,
      onvifUrl,
      ports: declared,
      notes: [`Open ports seen by the sweep: ${[...ports].sort((a, b) => a - b).join(', ')}.`],
    });
  });
  return { hosts: targets.length, found };
}
