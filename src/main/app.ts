import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { SetupRecord } from '../shared/domain/setup';
import { createDispatcher, type Dispatcher } from './core/dispatch';
import { createEventHub, type EventHub } from './core/events';
import { createJobRunner, type JobRunner } from './core/jobs';
import { mergeHandlers } from './features';
import type { AppContext, FeatureOptions } from './features/types';
import { createCredentialStore, type SecretCipher } from './services/credentials';
import { createDeviceService } from './services/devices/device-service';
import { createDiscoveryService, type DiscoveryService } from './services/discovery/discovery';
import { createNetcheckService, type NetcheckService } from './services/netcheck';
import { createPortsService, type PortsService, type PortsServiceDeps } from './services/ports/ports-service';
import { createSetupStore, type SetupStore } from './services/setup-store';
import { createUpnpService } from './services/upnp/upnp-service';
import { nodeLookup, type HostLookup } from './transport/dns';
import { nodeHttp, type HttpTransport } from './transport/http';
import { nodeSsdp, type SsdpTransport } from './transport/ssdp-client';
import { nodeSystem, type SystemSource } from './transport/system';
import { nodeTcpExchange, nodeTcpProbe, type TcpConnector, type TcpExchange, type TcpProbe } from './transport/tcp';
import { nodeUdp, type UdpTransport } from './transport/udp';

export interface AppCoreOptions extends FeatureOptions {
  dataDir: string;
  system?: SystemSource;
  /** Network transports; tests pass fakes, the app the real sockets. */
  udp?: UdpTransport;
  ssdp?: SsdpTransport;
  http?: HttpTransport;
  tcp?: TcpProbe;
  /** The port scanner's connector (absent: the fast one, on worker threads) and the identification exchanges. */
  tcpConnector?: TcpConnector;
  tcpExchange?: TcpExchange;
  /** A shorter UPnP search for tests (ms). */
  upnpSearchMs?: number;
  /** Shorter verification rounds for tests (Ports step). */
  portsVerify?: PortsServiceDeps['verify'];
  portsSleep?: PortsServiceDeps['sleep'];
  lookup?: HostLookup;
  /** The system keychain (Electron safeStorage); null where there is none (browser mode, CLI). */
  secretCipher?: SecretCipher | null;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface AppCore {
  dispatch: Dispatcher;
  hub: EventHub;
  jobs: JobRunner;
  services: { netcheck: NetcheckService; setup: SetupStore; discovery: DiscoveryService; ports: PortsService };
  close(): Promise<void>;
}

/**
 * The composition root shared by every entry point (Electron, browser mode, CLI): builds each service with its
 * dependencies, in order, and hands them to the feature modules (src/main/features/), whose handlers make up the
 * contract. No service reaches for a global; nothing else happens here.
 */
export function createAppCore(options: AppCoreOptions): AppCore {
  const log = options.log ?? ((line: string) => process.stderr.write(`[nvr-assist] ${line}\n`));
  const now = options.now ?? (() => new Date());
  const hub = createEventHub(log);
  const jobs = createJobRunner(hub, () => randomBytes(9).toString('base64url'), log);
  const system = options.system ?? nodeSystem;
  const http = options.http ?? nodeHttp;
  const tcp = options.tcp ?? nodeTcpProbe;
  const setup = createSetupStore(join(options.dataDir, 'setup.json'), now);
  // A change another process made (the CLI) is shown like our own; the CLI itself does not watch.
  const stopWatching =
    options.mode === 'cli' ? () => {} : setup.watch((record) => hub.emit('setup.onChanged', { setup: record }));
  const netcheck = createNetcheckService(system, now);
  const discovery = createDiscoveryService({
    udp: options.udp ?? nodeUdp,
    ssdp: options.ssdp ?? nodeSsdp,
    http,
    tcp,
    system,
    newId: () => randomUUID(),
    now,
  });
  const ports = createPortsService({
    http,
    tcp,
    connector: options.tcpConnector,
    exchange: options.tcpExchange ?? nodeTcpExchange,
    now,
    verify: options.portsVerify,
    sleep: options.portsSleep,
  });
  const upnp = createUpnpService({
    http,
    ssdp: options.ssdp ?? nodeSsdp,
    udp: options.udp ?? nodeUdp,
    now,
    ...(options.upnpSearchMs ? { searchMs: options.upnpSearchMs } : {}),
  });
  const devices = createDeviceService({
    http,
    lookup: options.lookup ?? nodeLookup,
    setup,
    credentials: createCredentialStore(join(options.dataDir, 'credentials.bin'), options.secretCipher ?? null),
    now,
  });
  const save = async (change: (draft: SetupRecord) => void): Promise<SetupRecord> => {
    const record = await setup.update(change);
    hub.emit('setup.onChanged', { setup: record });
    return record;
  };
  const udp = options.udp ?? nodeUdp;
  const ctx: AppContext = {
    ...{ options, now, log, hub, jobs, setup, save, netcheck, discovery, ports, devices, upnp, http, system, udp },
    tcpConnector: options.tcpConnector,
    tcpExchange: options.tcpExchange,
  };
  return {
    dispatch: createDispatcher(mergeHandlers(ctx), log),
    hub,
    jobs,
    services: { netcheck, setup, discovery, ports },
    close: () => {
      stopWatching();
      return jobs.shutdown();
    },
  };
}
