import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { NetworkReport } from '../shared/domain/network';
import type { PortApplyResult, PortReport } from '../shared/domain/ports';
import type { SetupRecord } from '../shared/domain/setup';
import type { StepState } from '../shared/domain/steps';
import type { InvokeHandlers } from '../shared/ipc/contract';
import { AppFailure, isAppFailure } from '../shared/ipc/errors';
import { createDispatcher, type CallContext, type Dispatcher } from './core/dispatch';
import { createEventHub, type EventHub } from './core/events';
import { createJobRunner, type JobRunner } from './core/jobs';
import { classifyIpv4 } from './protocol/ipv4';
import { createDiscoveryService, type DiscoveryService } from './services/discovery/discovery';
import { createNetcheckService, type NetcheckService } from './services/netcheck';
import { Inventory } from './services/discovery/inventory';
import { findOnvifEndpoint, resolveLocalHost } from './services/onvif/device-access';
import { identify } from './services/onvif/onvif-client';
import { brandFromText } from '../shared/catalog/oui';
import { nodeLookup, type HostLookup } from './transport/dns';
import { createCredentialStore, type SecretCipher } from './services/credentials';
import { createSetupStore, type SetupStore } from './services/setup-store';
import { nodeHttp, type HttpTransport } from './transport/http';
import { nodeSsdp, type SsdpTransport } from './transport/ssdp-client';
import { nodeSystem, type SystemSource } from './transport/system';
import { nodeUdp, type UdpTransport } from './transport/udp';
import {
  createFastTcpConnector,
  nodeTcpExchange,
  nodeTcpProbe,
  type TcpConnector,
  type TcpExchange,
  type TcpProbe,
} from './transport/tcp';
import type { DiscoveredDevice } from '../shared/domain/device';
import type { DevicePorts } from '../shared/domain/setup';
import { MAX_PORTS_ENTRIES } from '../shared/domain/setup';
import { createPortsService, type PortsService, type PortsServiceDeps } from './services/ports/ports-service';
import { portsStepVerdict, portsUsedElsewhere } from './services/ports/port-report';

export interface AppCoreOptions {
  dataDir: string;
  mode: 'electron' | 'browser' | 'cli';
  version: string;
  system?: SystemSource;
  /** Network transports; tests pass fakes, the app the real sockets. */
  udp?: UdpTransport;
  ssdp?: SsdpTransport;
  http?: HttpTransport;
  tcp?: TcpProbe;
  /** The port scanner's connector and the identification exchanges (Ports step). */
  tcpConnector?: TcpConnector;
  tcpExchange?: TcpExchange;
  /** Shorter verification rounds for tests (Ports step). */
  portsVerify?: PortsServiceDeps['verify'];
  portsSleep?: PortsServiceDeps['sleep'];
  lookup?: HostLookup;
  /** The system keychain (Electron safeStorage); null where there is none (browser mode, CLI). */
  secretCipher?: SecretCipher | null;
  /** Shorter discovery windows for tests. */
  discoveryTiming?: Parameters<DiscoveryService['run']>[0]['timing'];
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
 * The composition root shared by every entry point (Electron, browser mode, CLI): builds each service with
 * its dependencies, in order, and the contract's handlers over them. No service reaches for a global.
 */
export function createAppCore(options: AppCoreOptions): AppCore {
  const log = options.log ?? ((line: string) => process.stderr.write(`[nvr-assist] ${line}\n`));
  const now = options.now ?? (() => new Date());
  const hub = createEventHub(log);
  const jobs = createJobRunner(hub, () => randomBytes(9).toString('base64url'), log);
  const netcheck = createNetcheckService(options.system ?? nodeSystem, now);
  const setup = createSetupStore(join(options.dataDir, 'setup.json'), now);
  // A change another process made (the CLI) is shown like our own; the CLI itself does not watch.
  const stopWatching =
    options.mode === 'cli' ? () => {} : setup.watch((record) => hub.emit('setup.onChanged', { setup: record }));
  const http = options.http ?? nodeHttp;
  /** Every device found, added by hand or logged in to, merged in one place. */
  const inventory = new Inventory(now);
  const discovery = createDiscoveryService({
    udp: options.udp ?? nodeUdp,
    ssdp: options.ssdp ?? nodeSsdp,
    http,
    tcp: options.tcp ?? nodeTcpProbe,
    system: options.system ?? nodeSystem,
    newId: () => randomUUID(),
    now,
  });
  const ports = createPortsService({
    http,
    tcp: options.tcp ?? nodeTcpProbe,
    connector: options.tcpConnector ?? createFastTcpConnector(),
    exchange: options.tcpExchange ?? nodeTcpExchange,
    now,
    verify: options.portsVerify,
    sleep: options.portsSleep,
  });
  const lookup = options.lookup ?? nodeLookup;
  /** Logins that worked, by ONVIF URL: main-process memory, and encrypted on disk only when asked. */
  const credentials = createCredentialStore(join(options.dataDir, 'credentials.bin'), options.secretCipher ?? null);
  const found = {
    running: null as string | null,
    interfaceName: null as string | null,
    finishedAt: null as string | null,
    warnings: [] as string[],
  };

  /** The interface discovery uses: the one asked for, else the chosen one, else the recommended one. */
  async function discoveryInterface(interfaceName: string | undefined) {
    const { setup: record } = await setup.load();
    const report = await netcheck.report(record.interfaceName);
    const name = interfaceName ?? report.chosenInterface ?? report.recommended?.interfaceName;
    const iface = name ? report.interfaces.find((i) => i.name === name) : undefined;
    if (name && !iface) throw new AppFailure('INTERFACE_NOT_FOUND');
    const address = iface?.ipv4.find((a) => !['loopback', 'link-local'].includes(classifyIpv4(a.address) ?? ''));
    if (!iface || !iface.usable || !address) throw new AppFailure('INTERFACE_UNUSABLE');
    return { name: iface.name, address: address.address, prefix: address.prefix };
  }

  const listening = { jobId: null as string | null, interfaceName: '' };

  /** After a restart, the last search's devices come back from the setup record (once, before any search). */
  let restored = false;
  async function restoreSavedDevices(): Promise<void> {
    if (restored || found.running || found.finishedAt) return;
    restored = true;
    if (inventory.list().length === 0) inventory.reset((await setup.load()).setup.devices);
  }

  async function save(change: (draft: SetupRecord) => void): Promise<SetupRecord> {
    const record = await setup.update(change);
    hub.emit('setup.onChanged', { setup: record });
    return record;
  }

  /** A device by id: from this run's list, else the saved one. */
  async function deviceById(deviceId: string): Promise<DiscoveredDevice> {
    await restoreSavedDevices();
    const { setup: record } = await setup.load();
    const device = inventory.get(deviceId) ?? record.devices.find((d) => d.id === deviceId) ?? null;
    if (!device) throw new AppFailure('DEVICE_NOT_FOUND');
    return device;
  }

  /**
   * After a change result: where the device lives now. A verified change moves its ports (and ONVIF with HTTP);
   * any result that found ONVIF at another address moves the device service. The list, the chosen NVR (saved by
   * the caller) and a kept login follow it. Returns the moved device, or null when nothing moved.
   */
  async function followDevice(device: DiscoveredDevice, result: PortApplyResult): Promise<DiscoveredDevice | null> {
    const oldUrl = device.onvifUrl;
    const urlMoves = !!result.onvifUrl && !!oldUrl && result.onvifUrl !== oldUrl;
    if (!(result.outcome === 'verified' && result.changes.length) && !urlMoves) return null;
    const moved = structuredClone(device);
    if (result.outcome === 'verified') for (const c of result.changes) moved.ports[c.role] = c.to;
    if (urlMoves && result.onvifUrl && oldUrl) {
      moved.onvifUrl = result.onvifUrl;
      moved.ports.onvif = Number(new URL(result.onvifUrl).port || 80);
      const store = await credentials;
      const login = store.get(oldUrl);
      if (login) await store.put(result.onvifUrl, login, store.isRemembered(oldUrl));
      await store.forget(oldUrl);
    }
    const listed = inventory.list();
    if (listed.some((d) => d.id === device.id)) inventory.reset(listed.map((d) => (d.id === device.id ? moved : d)));
    return moved;
  }

  /** Saves a moved device into the record: the device list and the chosen NVR. */
  function placeDevice(draft: SetupRecord, moved: DiscoveredDevice | null): void {
    if (!moved) return;
    draft.devices = draft.devices.map((d) => (d.id === moved.id ? moved : d));
    if (draft.nvr?.deviceId === moved.id) draft.nvr.device = moved;
  }

  /** Changes one device's Ports entry; the oldest entries make room when the record holds too many. */
  function setPorts(draft: SetupRecord, deviceId: string, change: (entry: DevicePorts) => void): void {
    const entry = draft.ports[deviceId] ?? { report: null, plan: null, lastChange: null, pending: null };
    change(entry);
    delete draft.ports[deviceId];
    draft.ports[deviceId] = entry;
    const ids = Object.keys(draft.ports);
    for (const id of ids.slice(0, Math.max(0, ids.length - MAX_PORTS_ENTRIES))) delete draft.ports[id];
  }

  const handlers: InvokeHandlers<CallContext> = {
    'app.info': async () => ({
      name: 'NVR Remote-Access Assistant',
      version: options.version,
      mode: options.mode,
      platform: process.platform,
      canRememberPasswords: (await credentials).canRemember,
    }),
    'network.get': async () => {
      const { setup: record } = await setup.load();
      const report = await netcheck.report(record.interfaceName);
      await save((draft) => {
        draft.network = report;
        draft.steps.network = networkStepState(draft, report, now());
      });
      return report;
    },
    'setup.get': async () => setup.load(),
    'setup.chooseApproach': async ({ approach }) =>
      save((draft) => {
        draft.approach = approach;
        if (draft.network) draft.steps.network = networkStepState(draft, draft.network, now());
      }),
    'setup.chooseInterface': async ({ interfaceName }) => {
      const report = await netcheck.report(interfaceName);
      const chosen = report.interfaces.find((i) => i.name === interfaceName);
      if (!chosen) throw new AppFailure('INTERFACE_NOT_FOUND');
      if (!chosen.usable) throw new AppFailure('INTERFACE_UNUSABLE');
      return save((draft) => {
        draft.interfaceName = interfaceName;
        draft.network = report;
        draft.steps.network = networkStepState(draft, report, now());
      });
    },
    'setup.skipStep': async ({ step, reason }) =>
      save((draft) => {
        draft.steps[step] = { status: 'skipped', updatedAt: now().toISOString(), reason };
      }),
    'setup.reset': async () => {
      const record = await setup.reset();
      hub.emit('setup.onChanged', { setup: record });
      return record;
    },
    'setup.chooseDevice': async ({ deviceId }) => {
      const { setup: record } = await setup.load();
      const device = inventory.get(deviceId) ?? record.devices.find((d) => d.id === deviceId);
      if (!device) throw new AppFailure('DEVICE_NOT_FOUND');
      return save((draft) => {
        draft.nvr = { deviceId, device, chosenAt: now().toISOString() };
        draft.steps.find = {
          status: 'working',
          updatedAt: now().toISOString(),
          reason: 'Log in to the NVR to confirm the app can talk to it.',
        };
      });
    },
    'job.cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'discovery.start': async ({ interfaceName, sweep }) => {
      if (found.running) return { jobId: found.running, interfaceName: found.interfaceName ?? '' };
      const iface = await discoveryInterface(interfaceName);
      inventory.reset();
      found.warnings = [];
      found.finishedAt = null;
      found.interfaceName = iface.name;
      const holder = { jobId: '' };
      holder.jobId = jobs.start('discovery', async ({ signal, progress }) => {
        try {
          await discovery.run({
            iface,
            signal,
            timing: options.discoveryTiming,
            inventory,
            sweep: sweep ?? false,
            onProgress: progress,
            onDevice: (device) => hub.emit('discovery.onDevice', { jobId: holder.jobId, device }),
            onWarning: (message) => {
              if (found.warnings.length >= 50) return;
              found.warnings.push(message);
              hub.emit('discovery.onWarning', { jobId: holder.jobId, message });
            },
          });
        } finally {
          found.running = null;
          found.finishedAt = now().toISOString();
          // Keep what was found (also after a cancel) so the list survives a restart.
          const devices = inventory.list();
          await save((draft) => {
            draft.devices = devices.slice(0, 512);
            if (!draft.nvr)
              draft.steps.find = devices.length
                ? { status: 'working', updatedAt: now().toISOString(), reason: 'Pick your NVR in the list.' }
                : {
                    status: 'attention',
                    updatedAt: now().toISOString(),
                    reason: 'No device answered. Check the NVR is on and on this network, or add it by its address.',
                  };
          }).catch(() => undefined);
        }
      });
      found.running = holder.jobId;
      return { jobId: holder.jobId, interfaceName: iface.name };
    },
    'discovery.listen': async ({ interfaceName }) => {
      if (listening.jobId) return { jobId: listening.jobId, interfaceName: listening.interfaceName };
      const iface = await discoveryInterface(interfaceName);
      await restoreSavedDevices();
      const holder = { jobId: '' };
      holder.jobId = jobs.start('discovery-listen', async ({ signal }) => {
        try {
          await discovery.listen({
            iface,
            signal,
            inventory,
            onDevice: (device) => hub.emit('discovery.onDevice', { jobId: holder.jobId, device }),
          });
        } finally {
          listening.jobId = null;
          const devices = inventory.list();
          await save((draft) => {
            draft.devices = devices.slice(0, 512);
          }).catch(() => undefined);
        }
      });
      listening.jobId = holder.jobId;
      listening.interfaceName = iface.name;
      return { jobId: holder.jobId, interfaceName: iface.name };
    },
    'discovery.addManual': async ({ host, port }) => {
      const address = await resolveLocalHost(host, lookup);
      const { url } = await findOnvifEndpoint({ http, now }, address, port);
      await restoreSavedDevices();
      const device = inventory.upsert({
        source: 'manual',
        address,
        interfaceName: found.interfaceName ?? '',
        onvifUrl: url.href,
        ports: { onvif: Number(url.port || 80) },
        notes: [`Added by hand (${host.slice(0, 100)}).`],
      });
      if (!device) throw new AppFailure('INTERNAL');
      const devices = inventory.list();
      await save((draft) => {
        draft.devices = devices.slice(0, 512);
      });
      hub.emit('discovery.onDevice', { jobId: found.running ?? 'job-manual', device });
      return { device };
    },
    'device.login': async ({ deviceId, host, port, username, password, remember }) => {
      let url: URL;
      let device: DiscoveredDevice | null = null;
      if (deviceId) {
        await restoreSavedDevices();
        device = inventory.get(deviceId);
        if (!device) throw new AppFailure('DEVICE_NOT_FOUND');
        if (!device.onvifUrl) {
          const address = device.addresses[0];
          if (!address) throw new AppFailure('NOT_ONVIF');
          url = (await findOnvifEndpoint({ http, now }, address, port)).url;
        } else url = new URL(device.onvifUrl);
      } else {
        const address = await resolveLocalHost(host ?? '', lookup);
        url = (await findOnvifEndpoint({ http, now }, address, port)).url;
      }
      const identity = await identify({ http, now }, url, { username, password });
      const remembered = await (await credentials).put(url.href, { username, password }, remember ?? false);
      if (device) {
        const chosen = inventory.upsert({
          source: device.sources.includes('manual') ? 'manual' : 'onvif',
          address: device.addresses[0] ?? url.hostname,
          interfaceName: device.interfaceName,
          mac: device.mac,
          endpoint: device.endpoint,
          onvifUrl: url.href,
          brand: {
            value: brandFromText(identity.manufacturer) ?? identity.manufacturer ?? device.brand ?? 'Unknown',
            from: 'onvif',
          },
          model: identity.model,
          firmware: identity.firmware,
          serial: identity.serial,
        });
        if (!chosen) throw new AppFailure('INTERNAL');
        device = chosen;
        const devices = inventory.list();
        await save((draft) => {
          draft.devices = devices.slice(0, 512);
          draft.nvr = { deviceId: chosen.id, device: chosen, chosenAt: now().toISOString() };
          draft.steps.find = { status: 'verified', updatedAt: now().toISOString() };
        });
      }
      return { identity, onvifUrl: url.href, device, remembered };
    },
    'device.forgetPassword': async ({ deviceId }) => {
      const store = await credentials;
      if (!deviceId) return { forgotten: await store.forget() };
      await restoreSavedDevices();
      const url = inventory.get(deviceId)?.onvifUrl;
      return { forgotten: url ? await store.forget(url) : 0 };
    },
    'ports.audit': async ({ deviceId, full }) => {
      let device = await deviceById(deviceId);
      const holder = { jobId: '' };
      holder.jobId = jobs.start('ports-audit', async ({ signal, progress }) => {
        const pending = (await setup.load()).setup.ports[deviceId]?.pending ?? null;
        if (pending) {
          // The app stopped in the middle of a change: find where the NVR answers before measuring anything.
          progress(0, null, 'A port change did not finish last time: finding where the NVR answers now…');
          const result = await ports.recover(device, pending, signal);
          const moved = await followDevice(device, result);
          await save((draft) => {
            setPorts(draft, deviceId, (entry) => {
              entry.lastChange = result;
              entry.pending = null;
            });
            placeDevice(draft, moved);
          });
          hub.emit('ports.onApplied', { jobId: holder.jobId, result });
          device = moved ?? device;
        }
        const login = device.onvifUrl ? (await credentials).get(device.onvifUrl) : undefined;
        const report = await ports.audit(device, { full: full ?? false, credentials: login, signal, progress });
        hub.emit('ports.onReport', { jobId: holder.jobId, report });
        await save((draft) => {
          setPorts(draft, deviceId, (entry) => {
            entry.report = report;
          });
          if (draft.nvr && draft.nvr.deviceId !== deviceId) return;
          const wasVerified = draft.steps.ports?.status === 'verified';
          const defaults = report.rows.filter(
            (r) => r.state === 'open' && r.isDefault && (r.role === 'http' || r.role === 'https' || r.role === 'rtsp'),
          );
          draft.steps.ports =
            wasVerified && defaults.length === 0
              ? { status: 'verified', updatedAt: now().toISOString() }
              : {
                  status: 'working',
                  updatedAt: now().toISOString(),
                  reason: portsSummary(report),
                };
        });
      });
      return { jobId: holder.jobId };
    },
    'ports.get': async ({ deviceId }) => {
      const { setup: record } = await setup.load();
      return record.ports[deviceId] ?? { report: null, plan: null, lastChange: null, pending: null };
    },
    'ports.plan': async ({ deviceId, edits }) => {
      const device = await deviceById(deviceId);
      const { setup: record } = await setup.load();
      const report = record.ports[deviceId]?.report;
      if (!report) throw new AppFailure('PORTS_NOT_MEASURED');
      const plan = ports.plan(device, report, edits ?? {}, portsUsedElsewhere(record, deviceId));
      await save((draft) => {
        setPorts(draft, deviceId, (entry) => {
          entry.plan = plan;
        });
      });
      return plan;
    },
    'ports.apply': async ({ deviceId, changes }) => {
      const device = await deviceById(deviceId);
      if (!device.onvifUrl) throw new AppFailure('PORTS_NOT_SUPPORTED');
      const store = await credentials;
      const oldUrl = device.onvifUrl;
      const login = store.get(oldUrl);
      if (!login) throw new AppFailure('PORTS_LOGIN_NEEDED');
      const holder = { jobId: '' };
      holder.jobId = jobs.start('ports-apply', async ({ signal, progress }) => {
        const report = (await setup.load()).setup.ports[deviceId]?.report ?? null;
        const { result, protocols } = await ports.apply(device, changes, {
          credentials: login,
          report,
          signal,
          progress,
          // Saved before the device is told to change: if the app dies mid-change, the next check knows.
          onChanging: (pending) =>
            save((draft) => {
              setPorts(draft, deviceId, (entry) => {
                entry.pending = pending;
              });
            }).then(() => {}),
        });
        // The device now lives on its new ports: the list, the chosen NVR and the kept login follow it.
        const moved = result.outcome === 'verified' ? await followDevice(device, result) : null;
        const judge = (draft: SetupRecord) => {
          if (draft.nvr && draft.nvr.deviceId !== deviceId) return;
          const verdict = portsStepVerdict(draft.ports[deviceId]?.report ?? null, result, device.brand, protocols);
          draft.steps.ports = verdict.verified
            ? { status: 'verified', updatedAt: now().toISOString() }
            : { status: 'attention', updatedAt: now().toISOString(), reason: verdict.reason };
        };
        // The change is saved before anything else happens: a crash or a cancel from here on loses nothing.
        await save((draft) => {
          setPorts(draft, deviceId, (entry) => {
            entry.lastChange = result;
            entry.pending = null;
          });
          placeDevice(draft, moved);
          judge(draft);
        });
        hub.emit('ports.onApplied', { jobId: holder.jobId, result });
        if (result.changes.length === 0 || signal.aborted) return;

        // Then the device is measured again, as deep as last time and with the login that just worked, so the
        // table, the proposal and the step's status show the ports as they are now, not as they were.
        const current = moved ?? device;
        let fresh: PortReport;
        try {
          fresh = await ports.audit(current, {
            full: report?.full ?? false,
            credentials: login,
            signal,
            progress: (done, total, message) => progress(done, total, `Measuring the ports again: ${message}`),
          });
        } catch (err) {
          if (signal.aborted) return; // the job ends as cancelled; the change itself is saved above
          // The change stands as verified (or put back); only the new picture is missing: the user can re-check.
          log(`ports re-measure after a change failed: ${isAppFailure(err) ? err.code : 'internal'}`);
          return;
        }
        hub.emit('ports.onReport', { jobId: holder.jobId, report: fresh });
        const plan = ports.plan(current, fresh, {}, portsUsedElsewhere((await setup.load()).setup, deviceId));
        await save((draft) => {
          setPorts(draft, deviceId, (entry) => {
            entry.report = fresh;
            entry.plan = plan;
          });
          judge(draft);
        });
      });
      return { jobId: holder.jobId };
    },
    'discovery.list': async () => {
      await restoreSavedDevices();
      const store = await credentials;
      const devices = inventory.list();
      const rememberedDeviceIds = devices.filter((d) => d.onvifUrl && store.isRemembered(d.onvifUrl)).map((d) => d.id);
      return { ...structuredClone(found), devices, rememberedDeviceIds };
    },
  };

  return {
    dispatch: createDispatcher(handlers, log),
    hub,
    jobs,
    services: { netcheck, setup, discovery, ports },
    close: () => {
      stopWatching();
      return jobs.shutdown();
    },
  };
}

/** One line for the Ports step's sidebar after a measurement. */
export function portsSummary(report: PortReport): string {
  const open = report.rows.filter((r) => r.state === 'open');
  const high = open.filter((r) => r.risk.level === 'high').length;
  const defaults = open.filter((r) => r.isDefault).length;
  const parts = [`${open.length} open port(s)`];
  if (defaults) parts.push(`${defaults} on factory numbers`);
  if (high) parts.push(`${high} high-risk`);
  return `${parts.join(', ')}. Plan new ports below.`;
}

/**
 * The network step's status follows from measurements only: verified when an approach is chosen and the chosen
 * (or recommended) interface is usable in the latest measurement.
 */
export function networkStepState(record: SetupRecord, report: NetworkReport, at: Date): StepState {
  const updatedAt = at.toISOString();
  const name = record.interfaceName ?? report.recommended?.interfaceName ?? null;
  const iface = name ? report.interfaces.find((i) => i.name === name) : undefined;
  if (record.interfaceName && !iface)
    return {
      status: 'attention',
      updatedAt,
      reason: `The interface you chose (${record.interfaceName}) is gone. Pick another one.`,
    };
  if (!iface || !iface.usable)
    return {
      status: 'attention',
      updatedAt,
      reason: 'No usable network connection was found. Connect this computer to the NVR’s network.',
    };
  if (!record.approach) return { status: 'working', updatedAt, reason: 'Choose how you want to reach the NVR.' };
  return { status: 'verified', updatedAt };
}
