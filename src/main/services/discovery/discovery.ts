import { sleep } from '../../core/sleep';
import { said, type Words } from '../../../shared/i18n/said';
import { brandFromText } from '../../../shared/catalog/oui';
import type { DiscoveredDevice } from '../../../shared/domain/device';
import { DHIP_MULTICAST, buildDhipSearch, parseDhipReply } from '../../protocol/dhip';
import { inSubnet, subnetOf } from '../../protocol/ipv4';
import { classifyServerHeader, fingerprintLoginPage, htmlTitle } from '../../protocol/banners';
import { SADP_MULTICAST, buildSadpInquiry, parseSadpReply } from '../../protocol/sadp';
import { SEARCH_TARGETS, allowedLocation, parseUpnpDescription } from '../../protocol/ssdp';
import type { HttpTransport } from '../../transport/http';
import type { SystemSource } from '../../transport/system';
import type { TcpProbe } from '../../transport/tcp';
import { sweepSubnet } from './sweep';
import type { SsdpTransport } from '../../transport/ssdp-client';
import type { Datagram, UdpTransport } from '../../transport/udp';
import { Inventory, type Finding } from './inventory';
import { macsFromNeighbours } from './neighbours';
import {
  DEFAULT_WSD_TIMING,
  listenForAnnouncements,
  probeWsDiscovery,
  type AnnouncementOptions,
  type DiscoveryInterface,
  type WsdFinding,
  type WsdTiming,
} from './ws-discovery';

export interface DiscoveryDeps {
  udp: UdpTransport;
  ssdp: SsdpTransport;
  http: HttpTransport;
  tcp: TcpProbe;
  system: SystemSource;
  newId: () => string;
  now?: () => Date;
}

export interface DiscoveryTiming {
  wsd?: WsdTiming;
  /** How long SADP/DHIP listen after their last inquiry. */
  vendorListenMs: number;
  /** How long SSDP listens (node-ssdp asks devices to answer within MX = 3 s). */
  ssdpListenMs: number;
}

export const DEFAULT_DISCOVERY_TIMING: DiscoveryTiming = { vendorListenMs: 1200, ssdpListenMs: 3300 };

export interface DiscoveryRunOptions {
  iface: DiscoveryInterface;
  signal: AbortSignal;
  onDevice: (device: DiscoveredDevice) => void;
  onProgress?: (done: number, total: number, words: Words) => void;
  onWarning?: (message: string) => void;
  timing?: Partial<DiscoveryTiming>;
  /** Where findings are merged; a fresh one when not given. */
  inventory?: Inventory;
  /** Also knock on every address of the subnet (for LANs that block multicast). */
  sweep?: boolean;
}

export interface DiscoveryService {
  /** Runs every discovery protocol on one interface at once; devices stream out through onDevice. */
  run(options: DiscoveryRunOptions): Promise<DiscoveredDevice[]>;
  /** Hears Hello/Bye announcements until cancelled (or maxMs), merging them into the inventory. */
  listen(options: DiscoveryListenOptions): Promise<void>;
}

/** A run's interface, signal and listeners, the inventory the announcements merge into, and when to stop. */
export interface DiscoveryListenOptions
  extends Pick<DiscoveryRunOptions, 'iface' | 'signal' | 'onDevice' | 'onWarning'>, Pick<AnnouncementOptions, 'maxMs'> {
  inventory: Inventory;
}

const portOf = (url: string | null): number | null => {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
  } catch {
    return null;
  }
};

/** What a WS-Discovery answer or announcement tells about a device, as an inventory finding. */
export function wsdFinding(f: WsdFinding, at: Date): Finding {
  if (f.source === 'bye')
    return {
      source: 'onvif',
      address: f.address,
      interfaceName: f.interfaceName,
      endpoint: f.endpoint,
      notes: [`Said goodbye at ${at.toISOString().slice(11, 16)} UTC (switched off, restarting or moving).`],
    };
  const brand = brandFromText([f.scopes.name, f.scopes.hardware, f.scopes.manufacturer].filter(Boolean).join(' '));
  const onvifPort = portOf(f.deviceServiceUrl);
  return {
    source: 'onvif',
    address: f.address,
    interfaceName: f.interfaceName,
    endpoint: f.endpoint,
    mac: f.scopes.mac,
    serial: f.scopes.serial,
    name: f.scopes.name,
    model: f.scopes.hardware,
    brand: brand ? { value: brand, from: 'scopes' } : null,
    onvifUrl: f.deviceServiceUrl,
    ports: onvifPort ? { onvif: onvifPort } : {},
    notes: [
      ...f.droppedXAddrs.map((d) => `Ignored an address it announced (${d.url.slice(0, 120)}): ${d.reason}.`),
      ...(f.dialect.soap !== '1.2' || f.dialect.wsd !== '2005/04'
        ? [`Answered in an older discovery dialect (SOAP ${f.dialect.soap}, WS-Discovery ${f.dialect.wsd}).`]
        : []),
    ],
  };
}

export function createDiscoveryService(deps: DiscoveryDeps): DiscoveryService {
  const now = deps.now ?? (() => new Date());
  return {
    async listen({ iface, signal, inventory, onDevice, onWarning, maxMs }) {
      await listenForAnnouncements({
        iface,
        udp: deps.udp,
        signal,
        onWarning,
        maxMs,
        onFinding: (f) => {
          const device = inventory.upsert(wsdFinding(f, now()));
          if (device) onDevice(device);
        },
      });
    },
    async run(options) {
      const { iface, signal } = options;
      const timing = { ...DEFAULT_DISCOVERY_TIMING, ...options.timing };
      const inventory = options.inventory ?? new Inventory(deps.now);
      const network = (subnetOf(iface.address, iface.prefix) ?? `${iface.address}/32`).split('/')[0]!;
      const subnet = { network, prefix: iface.prefix };
      const warn = (m: string) => options.onWarning?.(m);
      const report = (f: Finding) => {
        if (signal.aborted) return;
        const changed = inventory.add(f);
        if (changed) options.onDevice(changed);
      };
      const steps = ['WS-Discovery (ONVIF)', 'SSDP (UPnP)', 'Hikvision SADP', 'Dahua DHIP'];
      if (options.sweep) steps.push('Address sweep');
      let done = 0;
      const finished = (name: string) => {
        done++;
        options.onProgress?.(
          done,
          steps.length,
          said('find.progress.finished', { way: name, devices: String(inventory.list().length) }),
        );
      };

      const wsd = probeWsDiscovery({
        iface,
        udp: deps.udp,
        signal,
        newMessageId: () => `urn:uuid:${deps.newId()}`,
        // Keep hearing late ProbeMatches for as long as the slowest protocol runs (slow devices, busy LANs).
        timing: timing.wsd ?? {
          ...DEFAULT_WSD_TIMING,
          listenMs: Math.max(DEFAULT_WSD_TIMING.listenMs, timing.ssdpListenMs - 400),
        },
        onWarning: warn,
        onFinding: (f) => {
          if (f.source !== 'bye') report(wsdFinding(f, now()));
        },
      })
        .catch(() => warn(`WS-Discovery could not run on ${iface.name}.`))
        .finally(() => finished(steps[0]!));

      const ssdpRun = (async () => {
        let searcher: Awaited<ReturnType<SsdpTransport>> | null = null;
        const locations = new Set<string>();
        const fetches: Promise<void>[] = [];
        try {
          searcher = await deps.ssdp(iface.name, (r) => {
            if (signal.aborted) return;
            const location = r.headers.LOCATION;
            // At most 256 distinct LOCATIONs of at most 1 KB each are remembered (allowedLocation refuses longer).
            if (!location || location.length > 1024 || locations.has(location) || locations.size >= 256) return;
            locations.add(location);
            const url = allowedLocation(location, r.from.address, subnet);
            if (!url) {
              warn(`Ignored an SSDP answer from ${r.from.address} pointing outside your network.`);
              return;
            }
            fetches.push(describe(url, r.from.address, r.headers.SERVER ?? ''));
          });
          for (const st of [SEARCH_TARGETS.all, SEARCH_TARGETS.igd1, SEARCH_TARGETS.mediaServer]) searcher.search(st);
          await sleep(timing.ssdpListenMs, signal);
          await Promise.allSettled(fetches);
        } catch {
          warn(`SSDP could not run on ${iface.name}.`);
        } finally {
          searcher?.stop();
          finished(steps[1]!);
        }
      })();

      async function describe(url: URL, address: string, server: string): Promise<void> {
        try {
          const res = await deps.http.request(url, { timeoutMs: 2000, maxBytes: 128 * 1024, signal });
          if (res.status !== 200) return;
          const parsed = parseUpnpDescription(res.body);
          if (!parsed.ok) return warn(`A UPnP description from ${address} could not be read: ${parsed.error}.`);
          const d = parsed.description;
          // The router's own gateway device is not a recorder: the UPnP step deals with it.
          if (d.deviceType && /InternetGatewayDevice/.test(d.deviceType)) return;
          const brand = brandFromText(d.manufacturer) ?? brandFromText(server);
          report({
            source: 'ssdp',
            address,
            interfaceName: iface.name,
            serial: d.serialNumber,
            model: d.modelName,
            name: d.friendlyName,
            brand: brand ? { value: brand, from: 'ssdp' } : null,
            upnp: true,
            ports: { http: portOf(url.href) ?? 80 },
          });
        } catch {
          // unreachable description: the SSDP answer alone is not enough to list a device
        }
      }

      const vendor = async (
        name: string,
        group: { address: string; port: number },
        payload: () => Uint8Array | string,
        onDatagram: (d: Datagram) => void,
      ) => {
        try {
          const socket = await deps.udp.open(
            { bindAddress: iface.address, multicastInterface: iface.address, multicastTtl: 1 },
            (d) => {
              if (!signal.aborted) onDatagram(d);
            },
          );
          try {
            for (let i = 0; i < 2 && !signal.aborted; i++) {
              await socket
                .send(payload(), group.port, group.address)
                .catch(() => warn(`${name} inquiry could not be sent.`));
              await sleep(100, signal);
            }
            await sleep(timing.vendorListenMs, signal);
          } finally {
            socket.close();
          }
        } catch {
          warn(`${name} could not run on ${iface.name}.`);
        } finally {
          finished(name);
        }
      };

      const sadp = vendor(
        steps[2]!,
        SADP_MULTICAST,
        () => buildSadpInquiry(deps.newId()),
        (d) => {
          const r = parseSadpReply(d.data);
          if (!r.ok) return; // other SADP traffic (our own inquiry looped back, other tools) is not an error
          const v = r.device;
          report({
            source: 'sadp',
            address: d.from.address,
            interfaceName: iface.name,
            mac: v.mac,
            serial: v.serial,
            model: v.model,
            firmware: v.firmware,
            dhcp: v.dhcp,
            activated: v.activated,
            brand: { value: 'Hikvision', from: 'sadp' },
            ports: { ...(v.httpPort ? { http: v.httpPort } : {}), ...(v.commandPort ? { sdk: v.commandPort } : {}) },
            notes:
              v.address && v.address !== d.from.address
                ? [`Says its address is ${v.address} but answered from ${d.from.address}.`]
                : [],
          });
        },
      );

      const dhip = vendor(
        steps[3]!,
        DHIP_MULTICAST,
        () => buildDhipSearch(),
        (d) => {
          const r = parseDhipReply(d.data);
          if (!r.ok) return;
          const v = r.device;
          const brand = brandFromText(v.vendor) ?? 'Dahua';
          report({
            source: 'dhip',
            address: d.from.address,
            interfaceName: iface.name,
            mac: v.mac,
            serial: v.serial,
            model: v.model,
            name: v.name,
            firmware: v.firmware,
            dhcp: v.dhcp,
            brand: { value: brand, from: 'dhip' },
            ports: { ...(v.httpPort ? { http: v.httpPort } : {}), ...(v.sdkPort ? { sdk: v.sdkPort } : {}) },
          });
        },
      );

      const sweep = options.sweep
        ? sweepSubnet({
            iface,
            signal,
            tcp: deps.tcp,
            onvif: { http: deps.http, now: deps.now },
            system: deps.system,
            onFinding: report,
          })
            .catch(() => warn(`The address sweep could not run on ${iface.name}.`))
            .finally(() => finished(steps[4]!))
        : Promise.resolve();

      await Promise.all([wsd, ssdpRun, sadp, dhip, sweep]);
      // Boxes that did not say who made them: the web page's Server header or login page often does.
      await brandFromWebPages(inventory.list(), subnet, signal, (f) => report(f));
      // Devices that did not send their MAC: the neighbour table names it now that we have talked to them.
      const macs = await macsFromNeighbours(inventory.list(), { system: deps.system, subnet, signal, tcp: deps.tcp });
      for (const f of macs) report(f);
      return inventory.list();
    },
  };

  async function brandFromWebPages(
    devices: DiscoveredDevice[],
    subnet: { network: string; prefix: number },
    signal: AbortSignal,
    onFinding: (f: Finding) => void,
  ): Promise<void> {
    const unnamed = devices
      .filter((d) => !d.brand && d.addresses[0] && inSubnet(d.addresses[0], subnet.network, subnet.prefix))
      .slice(0, 32);
    await Promise.all(
      unnamed.map(async (d) => {
        const port = d.ports.http ?? d.ports.onvif ?? 80;
        try {
          const url = new URL(`http://${d.addresses[0]}${port === 80 ? '' : `:${port}`}/`);
          const res = await deps.http.request(url, { timeoutMs: 2000, maxBytes: 64 * 1024, signal });
          const server = String(res.headers.server ?? '');
          const html = res.body.toString('utf8');
          const headers = Object.fromEntries(
            Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')]),
          );
          const vendor =
            classifyServerHeader(server).vendor ?? fingerprintLoginPage(html, headers, htmlTitle(html)).vendor;
          const brand = brandFromText(vendor);
          if (brand)
            onFinding({
              source: d.sources[0] ?? 'sweep',
              address: d.addresses[0]!,
              interfaceName: d.interfaceName,
              mac: d.mac,
              endpoint: d.endpoint,
              brand: { value: brand, from: 'banner' },
              notes: [`Maker read from its web page${server ? ` (Server: ${server.slice(0, 60)})` : ''}.`],
            });
        } catch {
          // no web page: the device stays without a maker
        }
      }),
    );
  }
}
