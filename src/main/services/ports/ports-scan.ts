// `nvr-assist ports-scan`: scan a host (or a subnet) and identify what answers — the scanner and identification
// under the Ports step, bare, for diagnosis and the benchmark (`npm run bench -- ports`). The Ports step itself
// (`nvr-assist ports`, the wizard) is ports-service.ts; the JSON shape here is not a promise.
import { sweepCovers } from '../../../shared/domain/discovery-limits';
import { CAMERA_PORTS } from '../../../shared/catalog/camera-ports';
import { formatIpv4, parseIpv4 } from '../../protocol/ipv4';
import { hostsOf } from '../../protocol/arp';
import {
  createFastTcpConnector,
  nodeTcpExchange,
  type ConnectorKind,
  type TcpConnector,
  type TcpExchange,
} from '../../transport/tcp';
import { identifyPorts, type PortIdentity } from './identify';
import { scanTcpParallel } from './parallel-scan';
import { spawnScanWorker } from './scan-threads';
import { ALL_PORTS, normalisePorts, scanTcp, type ScanProgress, type ScanReport } from './scanner';
import { failOnLinkLost } from './link-lost';

export interface PortsScanRequest {
  /** An IPv4 address or an IPv4 subnet in CIDR form (at most a /22). */
  target: string;
  /** Explicit ports, or 'full' for 1–65535, or undefined for CAMERA_PORTS. */
  ports?: readonly number[] | 'full';
  identify?: boolean;
  signal: AbortSignal;
  onProgress?: (p: ScanProgress) => void;
  connector?: TcpConnector;
  exchange?: TcpExchange;
}

export interface PortsScanResult {
  target: string;
  /** The ports scanned per host: the list, or '1-65535'. */
  ports: number[] | '1-65535';
  scan: ScanReport;
  services: Record<string, PortIdentity[]>;
  identifyMs: number;
  /** How the connects were made: the libuv fast path, net.connect, or a connector the caller passed (tests). */
  connector: ConnectorKind | 'injected';
}

/** Expands the target to addresses; null when it is not an IPv4 address or a CIDR of /22 or smaller. */
export function expandTarget(target: string): string[] | null {
  const [addr, prefixText] = target.split('/');
  const ip = parseIpv4(addr ?? '');
  if (ip === null) return null;
  if (prefixText === undefined) return [formatIpv4(ip)];
  const prefix = Number(prefixText);
  if (!sweepCovers(prefix)) return null;
  if (prefix >= 31) return [formatIpv4(ip)];
  const hosts = hostsOf(ip, prefix);
  return hosts ? hosts.map(formatIpv4) : null;
}

export async function runPortsScan(req: PortsScanRequest): Promise<PortsScanResult> {
  const addresses = expandTarget(req.target);
  if (!addresses) throw new Error('target must be an IPv4 address or a subnet of at most /22');
  const ports = req.ports === 'full' ? ALL_PORTS : normalisePorts(req.ports ?? CAMERA_PORTS);
  if (!ports || ports.length === 0) throw new Error('ports must be numbers from 1 to 65535');
  // An injected connector (tests) runs on this thread; the real one splits a long single-host scan over threads.
  const own = req.connector ? null : createFastTcpConnector();
  const scan = req.connector
    ? failOnLinkLost(
        await scanTcp(addresses, ports, { connector: req.connector, signal: req.signal, onProgress: req.onProgress }),
      )
    : await scanTcpParallel(addresses, ports, {
        connector: own!,
        spawn: spawnScanWorker,
        localSlices: 1,
        signal: req.signal,
        onProgress: req.onProgress,
      });
  const services: Record<string, PortIdentity[]> = {};
  const t0 = performance.now();
  if (req.identify !== false && !scan.cancelled) {
    const live = scan.hosts.filter((h) => h.up && h.open.length > 0);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(8, live.length) }, async () => {
        while (next < live.length && !req.signal.aborted) {
          const h = live[next++]!;
          services[h.address] = await identifyPorts(h.address, h.open, {
            exchange: req.exchange ?? nodeTcpExchange,
            signal: req.signal,
          });
        }
      }),
    );
  }
  return {
    target: req.target,
    ports: ports.length === 65535 ? '1-65535' : [...ports],
    scan,
    services,
    identifyMs: performance.now() - t0,
    connector: own ? await own.ready : 'injected',
  };
}
