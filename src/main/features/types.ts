import type { SetupRecord } from '../../shared/domain/setup';
import type { InvokeChannel, InvokeHandlers } from '../../shared/ipc/contract';
import type { CliCommand } from '../cli/command';
import type { CallContext } from '../core/dispatch';
import type { EventHub } from '../core/events';
import type { JobRunner } from '../core/jobs';
import type { DeviceService } from '../services/devices/device-service';
import type { DiscoveryService } from '../services/discovery/discovery';
import type { NetcheckService } from '../services/netcheck';
import type { PortsService } from '../services/ports/ports-service';
import type { SetupStore } from '../services/setup-store';
import type { UpnpService } from '../services/upnp/upnp-service';
import type { HostLookup } from '../transport/dns';
import type { HttpTransport } from '../transport/http';
import type { SystemSource } from '../transport/system';
import type { TcpConnector, TcpExchange } from '../transport/tcp';
import type { UdpTransport } from '../transport/udp';

/** The app's settings a feature reads (app.ts's options carry these and more). */
export interface FeatureOptions {
  mode: 'electron' | 'browser' | 'cli';
  version: string;
  /** The app's data folder (the setup record's; the VPN keys live beside it, owner-only). */
  dataDir: string;
  /** Resolves a host name (tests: a fake; default: the system resolver). */
  lookup?: HostLookup;
  /** Shorter discovery windows for tests. */
  discoveryTiming?: Parameters<DiscoveryService['run']>[0]['timing'];
  /** How long the Static IP step looks for a device after its address changed (tests: shorter). */
  staticIpFollow?: { rounds: number; intervalMs: number };
  /** How many times (how far apart) turning HTTPS on is checked, and its put-back (tests: shorter). */
  httpsOnChecks?: { rounds: number; intervalMs: number };
}

/** What every feature module is built from: the services, built once by app.ts, and the shared plumbing. */
export interface AppContext {
  options: FeatureOptions;
  now: () => Date;
  log: (line: string) => void;
  hub: EventHub;
  jobs: JobRunner;
  setup: SetupStore;
  /** Applies a change to the setup record (as it is on disk now) and tells every window. */
  save(change: (draft: SetupRecord) => void): Promise<SetupRecord>;
  netcheck: NetcheckService;
  discovery: DiscoveryService;
  ports: PortsService;
  /** The devices the app knows (found, added, logged in to), their logins, and where they moved. */
  devices: DeviceService;
  /** The router's UPnP IGD and NAT-PMP (the default gateway only). */
  upnp: UpnpService;
  http: HttpTransport;
  /** UDP sockets (tests: a fake). */
  udp: UdpTransport;
  /** The system's files and interfaces (the neighbour table, routes). */
  system: SystemSource;
  /** The TCP connector for probes (absent: the fast one). */
  tcpConnector?: TcpConnector;
  /** One bounded exchange with a device's port, TLS handshakes included (absent: the real one). */
  tcpExchange?: TcpExchange;
}

/**
 * A capability of the app in the main process: its handlers (the part of the contract it owns) and its CLI
 * commands. A step's feature lives in src/main/features/<step id>/index.ts and is found by its folder.
 */
export interface MainFeature<C extends InvokeChannel = InvokeChannel> {
  /** The folder's name: a step id, or `frame` (the app's own channels: info, the setup record, jobs). */
  id: string;
  handlers(ctx: AppContext): { [K in C]: InvokeHandlers<CallContext>[K] };
  commands?: readonly CliCommand[];
}

/** Declares a feature; `C` lists its channels, so a handler it leaves out is a compile error. */
export function defineFeature<C extends InvokeChannel>(feature: MainFeature<C>): MainFeature<C> {
  return feature;
}
