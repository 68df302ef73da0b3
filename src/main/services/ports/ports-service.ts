// The Ports step's work on the network: measure a device's ports (scan, identify, ONVIF GetNetworkProtocols),
// and move its HTTP/HTTPS/RTSP ports through ONVIF SetNetworkProtocols — snapshot first, verify by measurement,
// put the snapshot back on any failure and verify that too. The judgement is port-judgement.ts, the rows
// port-report.ts, the plan port-plan.ts.

import type { UsedPort } from '../../../shared/catalog/port-proposal';
import type { DiscoveredDevice } from '../../../shared/domain/device';
import { CAMERA_PORTS } from '../../../shared/catalog/camera-ports';
import {
  type PortApplyResult,
  type PortPendingChange,
  type PortPlan,
  type PortReport,
} from '../../../shared/domain/ports';
import { AppFailure, isAppFailure } from '../../../shared/ipc/errors';
import { said, type Words } from '../../../shared/i18n/said';
import { readNetworkProtocols, type NetworkProtocol } from '../../protocol/onvif-soap';
import { readServiceAddresses } from '../../protocol/rtsp-onvif-replies';
import type { HttpTransport } from '../../transport/http';
import { createFastTcpConnector, type TcpConnector, type TcpExchange, type TcpProbe } from '../../transport/tcp';
import { openSession, type OnvifCredentials, type OnvifSession } from '../onvif/onvif-client';
import { createPortIdentifier, identifyPorts, type PortIdentity } from './identify';
import { auditPorts, declaredPorts, effectiveBrand, ownUrlPort } from './port-judgement';
import { buildPortPlan, type PortEdits } from './port-plan';
import { buildPortReport } from './port-report';
import { scanTcpParallel, type SpawnScanWorker } from './parallel-scan';
import { createChangeEngine, type AppliedPorts, type ApplyOptions, type PortChangeRequest } from './port-change';
import { sleep as abortableSleep } from '../../core/sleep';
import { dropHeadStart, takeHeadStart } from './head-start';
import { spawnScanWorker } from './scan-threads';
import { ALL_PORTS, scanTcp, type ScanOptions, type ScanReport } from './scanner';
import { failOnLinkLost } from './link-lost';

export interface PortsServiceDeps {
  http: HttpTransport;
  /** One connect attempt (verification: is the old port closed?). */
  tcp: TcpProbe;
  /**
   * The scanner's connector. Absent (the app): the fast libuv connector, with a long scan split over worker threads
   * that each make their own. Given (tests): every connect goes through it, on this thread, unless
   * `spawnScanWorker` is given too.
   */
  connector?: TcpConnector;
  /** Starts scan worker threads (default: the built worker script, when no connector is injected). */
  spawnScanWorker?: SpawnScanWorker;
  /** Bounded exchanges for service identification. */
  exchange: TcpExchange;
  now?: () => Date;
  randomBytes?: (n: number) => Uint8Array;
  /** Waits between verification rounds (tests pass an instant one). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** How long a device gets to move a listener: rounds × interval (default 40 × 750 ms = 30 s). */
  verify?: { rounds: number; intervalMs: number };
  /** Scanner tuning (tests). */
  scan?: Partial<Omit<ScanOptions, 'connector' | 'signal' | 'onProgress'>>;
  /** Identification tuning (tests). */
  identify?: { timeoutMs?: number; bannerWaitMs?: number; idleMs?: number };
}

export interface AuditOptions {
  full?: boolean;
  /** The device's ONVIF login, when the app has one (never asked for here). */
  credentials?: OnvifCredentials;
  signal: AbortSignal;
  /** main's progress lines, said by key (`ports.said.progress.scanning`, `.identifying`). */
  progress?: (done: number, total: number | null, words: Words) => void;
}

export type { AppliedPorts, ApplyOptions, PortChangeRequest } from './port-change';

export interface PortsService {
  audit(device: DiscoveredDevice, options: AuditOptions): Promise<PortReport>;
  /** After a change the app did not finish (it stopped mid-way): where the NVR answers now, as a change result. */
  recover(device: DiscoveredDevice, pending: PortPendingChange, signal: AbortSignal): Promise<PortApplyResult>;
  plan(device: DiscoveredDevice, report: PortReport, edits?: PortEdits, inUseElsewhere?: readonly UsedPort[]): PortPlan;
  apply(device: DiscoveredDevice, changes: readonly PortChangeRequest[], options: ApplyOptions): Promise<AppliedPorts>;
}

const GET_SERVICES = '<tds:IncludeCapability>false</tds:IncludeCapability>';

export function createPortsService(deps: PortsServiceDeps): PortsService {
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? abortableSleep;
  const rounds = deps.verify?.rounds ?? 40;
  const intervalMs = deps.verify?.intervalMs ?? 750;
  const onvifDeps = { http: deps.http, now, randomBytes: deps.randomBytes };

  const identifyOne = async (address: string, port: number, signal: AbortSignal): Promise<PortIdentity | null> =>
    (
      await identifyPorts(address, [port], {
        exchange: deps.exchange,
        signal,
        concurrency: 1,
        ...deps.identify,
      })
    )[0] ?? null;

  /** GetNetworkProtocols through a session; null when the device will not say. */
  async function readProtocols(session: OnvifSession, signal: AbortSignal): Promise<NetworkProtocol[] | null> {
    const reply = await session.call('GetNetworkProtocols', '', signal);
    if (reply.kind !== 'body') return null;
    const list = readNetworkProtocols(reply.body);
    return list.length ? list : null;
  }

  async function audit(device: DiscoveredDevice, options: AuditOptions): Promise<PortReport> {
    const { signal } = options;
    const progress = options.progress ?? (() => {});
    const address = device.addresses[0];
    if (!address) throw new AppFailure('DEVICE_UNREACHABLE');
    // Stops the identification and the ONVIF read when the audit ends early (a cancel, an unexpected error).
    const stop = new AbortController();
    const onAbort = () => stop.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      // The scan starts at once; ONVIF's own list of ports is read meanwhile (the catalogue audit knocks on the
      // ports it adds afterwards), and each open port is identified as soon as the scan finds it.
      const reading = readDeclared(device, options.credentials, stop.signal);
      reading.catch(() => {}); // awaited below; not an unhandled rejection while the scan runs
      // The device's own discovery answer says where its ONVIF service is: identification asks there.
      const onvifPaths = new Map<number, string>();
      const xaddrPort = device.onvifUrl ? ownUrlPort(device, device.onvifUrl) : null;
      if (xaddrPort !== null) onvifPaths.set(xaddrPort, new URL(device.onvifUrl!).pathname);
      const identify = createPortIdentifier(address, {
        exchange: deps.exchange,
        signal: stop.signal,
        onvifPaths,
        ...deps.identify,
      });
      const onOpen = (_address: string, port: number) => identify.add(port);
      const ports = options.full
        ? ALL_PORTS
        : auditPorts(effectiveBrand(device, []), declaredPorts(device, null), CAMERA_PORTS);
      const onProgress: ScanOptions['onProgress'] = (p) =>
        progress(
          p.done,
          p.total,
          said('ports.said.progress.scanning', { done: String(p.done), total: String(p.total), open: String(p.open) }),
        );
      const scan = await scanPorts(address, ports, { signal, onProgress, onOpen });
      if (scan.cancelled || signal.aborted) throw new AppFailure('CANCELLED');
      const host = scan.hosts[0];
      if (!host?.up) throw new AppFailure('DEVICE_UNREACHABLE');
      const { protocols, serviceAddresses } = await reading;
      const open = [...host.open];
      const filtered = [...host.filtered];
      if (!options.full) {
        // Ports only ONVIF named (a moved RTSP port, say): knocked on now, identified like the rest.
        const scanned = new Set(ports);
        const extra = declaredPorts(device, protocols, serviceAddresses)
          .map((d) => d.port)
          .filter((p) => !scanned.has(p));
        if (extra.length) {
          const more = (await scanPorts(address, [...new Set(extra)], { signal, onOpen })).hosts[0];
          if (signal.aborted) throw new AppFailure('CANCELLED');
          open.push(...(more?.open ?? []));
          filtered.push(...(more?.filtered ?? []));
        }
      }
      progress(scan.portCount, scan.portCount, said('ports.said.progress.identifying', { count: String(open.length) }));
      const identities = await identify.finish();
      if (signal.aborted) throw new AppFailure('CANCELLED');
      return buildPortReport({
        device,
        address,
        full: options.full ?? false,
        measuredAt: now(),
        open: open.sort((a, b) => a - b),
        filtered: filtered.sort((a, b) => a - b),
        identities,
        protocols,
        serviceAddresses,
      });
    } finally {
      signal.removeEventListener('abort', onAbort);
      stop.abort();
    }
  }

  /**
   * What the device itself says about its ports when the app has its login: GetNetworkProtocols (HTTP, HTTPS,
   * RTSP) and the addresses of its ONVIF services (GetServices). Null and none without a login or an answer.
   */
  async function readDeclared(
    device: DiscoveredDevice,
    credentials: OnvifCredentials | undefined,
    signal: AbortSignal,
  ): Promise<{ protocols: NetworkProtocol[] | null; serviceAddresses: string[] }> {
    const none = { protocols: null, serviceAddresses: [] };
    if (!credentials || !device.onvifUrl) return none;
    try {
      const { session } = await openSession(onvifDeps, new URL(device.onvifUrl), credentials, signal);
      const protocols = await readProtocols(session, signal);
      let serviceAddresses: string[] = [];
      try {
        const reply = await session.call('GetServices', GET_SERVICES, signal);
        if (reply.kind === 'body') serviceAddresses = readServiceAddresses(reply.body);
      } catch (err) {
        if (!isAppFailure(err)) throw err; // a device without GetServices: its list of protocols still counts
      }
      return { protocols, serviceAddresses };
    } catch (err) {
      // The measurement goes on without ONVIF's word (a changed password, ONVIF off): the rows say who declared what.
      if (signal.aborted || isAppFailure(err)) return none;
      throw err;
    }
  }

  /**
   * One TCP scan of `address`. The app's: the fast connector, a long scan split over worker threads. With an
   * injected connector (tests): that connector, on this thread unless a worker spawner is injected too.
   */
  function scanPorts(
    address: string,
    ports: readonly number[],
    o: Pick<ScanOptions, 'signal' | 'onProgress' | 'onOpen'>,
  ): Promise<ScanReport> {
    // The app's own scanner (nothing injected) takes over the scan the CLI started on its first line, if it is
    // this one (head-start.ts).
    const own = !deps.connector && !deps.spawnScanWorker && !deps.scan;
    const early = own ? takeHeadStart(address, ports, o) : null;
    if (early) return early;
    const spawn = deps.spawnScanWorker ?? (deps.connector ? null : spawnScanWorker);
    const connector = deps.connector ?? createFastTcpConnector();
    return spawn
      ? scanTcpParallel([address], ports, { ...deps.scan, ...o, connector, spawn, localSlices: 1 })
      : scanTcp([address], ports, { ...deps.scan, ...o, connector }).then(failOnLinkLost);
  }

  const { apply, recover } = createChangeEngine({
    deps,
    now,
    sleep,
    rounds,
    intervalMs,
    onvifDeps,
    identifyOne,
    readProtocols,
  });

  // A recovery or a change moves ports: a scan started before it (head-start.ts) no longer measures the device.
  return {
    audit,
    recover: (...args) => (dropHeadStart(), recover(...args)),
    plan: buildPortPlan,
    apply: (...args) => (dropHeadStart(), apply(...args)),
  };
}
