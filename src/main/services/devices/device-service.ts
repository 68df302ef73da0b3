import { brandFromText } from '../../../shared/catalog/oui';
import type { DiscoveredDevice } from '../../../shared/domain/device';
import type { PortApplyResult } from '../../../shared/domain/ports';
import type { SetupRecord } from '../../../shared/domain/setup';
import { AppFailure } from '../../../shared/ipc/errors';
import type { HostLookup } from '../../transport/dns';
import type { HttpTransport } from '../../transport/http';
import type { CredentialStore, OnvifSecret } from '../credentials';
import { Inventory } from '../discovery/inventory';
import { findOnvifEndpoint, resolveLocalHost } from '../onvif/device-access';
import { identify, type Identity } from '../onvif/onvif-client';
import type { SetupStore } from '../setup-store';

/** At most this many devices are kept in the setup record. */
export const MAX_SAVED_DEVICES = 512;

export interface DeviceServiceDeps {
  http: HttpTransport;
  lookup: HostLookup;
  setup: SetupStore;
  /** Logins that worked, by ONVIF URL (memory; encrypted on disk only when asked). */
  credentials: Promise<CredentialStore>;
  now: () => Date;
}

/** This run's search: which job runs, where, when it ended, and its notes. */
export interface SearchState {
  running: string | null;
  interfaceName: string | null;
  finishedAt: string | null;
  warnings: string[];
}

export interface LoginResult {
  identity: Identity;
  url: URL;
  /** The device logged in to, with what the login read (null when the login was by address). */
  device: DiscoveredDevice | null;
  remembered: boolean;
}

/**
 * The devices the app knows — found, added by hand, logged in to — merged in one inventory, their logins, and
 * where they live after a change. Every feature asks this service, never a copy of its own.
 */
export function createDeviceService(deps: DeviceServiceDeps) {
  const inventory = new Inventory(deps.now);
  const search: SearchState = { running: null, interfaceName: null, finishedAt: null, warnings: [] };
  let restored = false;

  /** After a restart, the last search's devices come back from the setup record (once, before any search). */
  async function restoreSaved(): Promise<void> {
    if (restored || search.running || search.finishedAt) return;
    restored = true;
    if (inventory.list().length === 0) inventory.reset((await deps.setup.load()).setup.devices);
  }

  /** The list as the setup record keeps it. */
  function saved(): DiscoveredDevice[] {
    return inventory.list().slice(0, MAX_SAVED_DEVICES);
  }

  /** Puts a changed copy of a listed device in its place. */
  function replace(changed: DiscoveredDevice): DiscoveredDevice {
    const listed = inventory.list();
    if (listed.some((d) => d.id === changed.id))
      inventory.reset(listed.map((d) => (d.id === changed.id ? changed : d)));
    return changed;
  }

  async function endpointOf(address: string, port: number | undefined): Promise<URL> {
    return (await findOnvifEndpoint({ http: deps.http, now: deps.now }, address, port)).url;
  }

  return {
    inventory,
    search,
    credentials: () => deps.credentials,
    restoreSaved,
    saved,

    /** A device by id: from this run's list, else the saved one. */
    async byId(deviceId: string): Promise<DiscoveredDevice> {
      await restoreSaved();
      const { setup: record } = await deps.setup.load();
      const device = inventory.get(deviceId) ?? record.devices.find((d) => d.id === deviceId) ?? null;
      if (!device) throw new AppFailure('DEVICE_NOT_FOUND');
      return device;
    },

    /** Adds a device by IP or LAN name after reading its ONVIF clock (no password sent). */
    async addManual(host: string, port: number | undefined): Promise<DiscoveredDevice> {
      const address = await resolveLocalHost(host, deps.lookup);
      const url = await endpointOf(address, port);
      await restoreSaved();
      const device = inventory.upsert({
        source: 'manual',
        address,
        interfaceName: search.interfaceName ?? '',
        onvifUrl: url.href,
        ports: { onvif: Number(url.port || 80) },
        notes: [`Added by hand (${host.slice(0, 100)}).`],
      });
      if (!device) throw new AppFailure('INTERNAL');
      return device;
    },

    /**
     * Logs in over ONVIF (a known device, or an address), keeps the login that worked, and merges what the device
     * said about itself into the inventory.
     */
    async login(
      target: { deviceId?: string; host?: string; port?: number },
      secret: OnvifSecret,
      remember: boolean,
    ): Promise<LoginResult> {
      let url: URL;
      let device: DiscoveredDevice | null = null;
      if (target.deviceId) {
        await restoreSaved();
        device = inventory.get(target.deviceId);
        if (!device) throw new AppFailure('DEVICE_NOT_FOUND');
        if (!device.onvifUrl) {
          const address = device.addresses[0];
          if (!address) throw new AppFailure('NOT_ONVIF');
          url = await endpointOf(address, target.port);
        } else url = new URL(device.onvifUrl);
      } else url = await endpointOf(await resolveLocalHost(target.host ?? '', deps.lookup), target.port);
      const identity = await identify({ http: deps.http, now: deps.now }, url, secret);
      const remembered = await (await deps.credentials).put(url.href, secret, remember);
      if (device) {
        const merged = inventory.upsert({
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
        if (!merged) throw new AppFailure('INTERNAL');
        device = merged;
      }
      return { identity, url, device, remembered };
    },

    /** Forgets one device's login, or every login. Returns how many were forgotten. */
    async forget(deviceId: string | undefined): Promise<number> {
      const store = await deps.credentials;
      if (!deviceId) return store.forget();
      await restoreSaved();
      const url = inventory.get(deviceId)?.onvifUrl;
      return url ? store.forget(url) : 0;
    },

    /** The ids of the devices whose login is remembered (encrypted by the system keychain). */
    async rememberedIds(devices: DiscoveredDevice[]): Promise<string[]> {
      const store = await deps.credentials;
      return devices.filter((d) => d.onvifUrl && store.isRemembered(d.onvifUrl)).map((d) => d.id);
    },

    /** The ids of the devices whose login main holds now (in memory, remembered or not). */
    async loginKnownIds(devices: DiscoveredDevice[]): Promise<string[]> {
      const store = await deps.credentials;
      return devices.filter((d) => d.onvifUrl && store.get(d.onvifUrl)).map((d) => d.id);
    },

    /** The login kept for a device service URL (e.g. where an unfinished change moved a device), if any. */
    async loginAt(onvifUrl: string): Promise<OnvifSecret | undefined> {
      return (await deps.credentials).get(onvifUrl);
    },

    /** The login kept for a device, if any. */
    async loginFor(device: DiscoveredDevice): Promise<OnvifSecret | undefined> {
      return device.onvifUrl ? (await deps.credentials).get(device.onvifUrl) : undefined;
    },

    /**
     * After a change result: where the device lives now. A verified change moves its ports (and ONVIF with HTTP);
     * any result that found ONVIF at another address moves the device service. The list, the chosen NVR (saved by
     * the caller with `place`) and a kept login follow it. Returns the moved device, or null when nothing moved.
     */
    async follow(device: DiscoveredDevice, result: PortApplyResult): Promise<DiscoveredDevice | null> {
      const oldUrl = device.onvifUrl;
      const urlMoves = !!result.onvifUrl && !!oldUrl && result.onvifUrl !== oldUrl;
      // A verified change moved every port; a partial one (one at a time) moved those it verified.
      const tookPorts = result.outcome === 'verified' || result.outcome === 'partial';
      const movedPorts = tookPorts ? result.changes.filter((c) => c.verified) : [];
      if (movedPorts.length === 0 && !urlMoves) return null;
      const moved = structuredClone(device);
      for (const c of movedPorts) moved.ports[c.role] = c.to;
      if (urlMoves && result.onvifUrl && oldUrl) {
        moved.onvifUrl = result.onvifUrl;
        moved.ports.onvif = Number(new URL(result.onvifUrl).port || 80);
        const store = await deps.credentials;
        const login = store.get(oldUrl);
        if (login) await store.put(result.onvifUrl, login, store.isRemembered(oldUrl));
        await store.forget(oldUrl);
      }
      const listed = inventory.list();
      if (listed.some((d) => d.id === device.id)) inventory.reset(listed.map((d) => (d.id === device.id ? moved : d)));
      return moved;
    },

    /**
     * After an address change: the device lives at `address` now, its device service at `onvifUrl`. The list and a
     * kept login follow it (the chosen NVR is saved by the caller with `place`). Returns the moved device.
     */
    async followAddress(device: DiscoveredDevice, address: string, onvifUrl: string): Promise<DiscoveredDevice> {
      const moved = structuredClone(device);
      moved.addresses = [address, ...device.addresses.filter((a) => a !== address && a !== device.addresses[0])].slice(
        0,
        16,
      );
      moved.dhcp = false;
      const oldUrl = device.onvifUrl;
      moved.onvifUrl = onvifUrl;
      if (oldUrl && oldUrl !== onvifUrl) {
        const store = await deps.credentials;
        const login = store.get(oldUrl);
        if (login) await store.put(onvifUrl, login, store.isRemembered(oldUrl));
        await store.forget(oldUrl);
      }
      return replace(moved);
    },

    /** What a step learned about a device (e.g. its MAC, read from the device itself), kept in the list. */
    learned(device: DiscoveredDevice, facts: { mac?: string | null }): DiscoveredDevice | null {
      if (!facts.mac || device.mac === facts.mac) return null;
      return replace({ ...structuredClone(device), mac: facts.mac });
    },

    /** Saves a moved device into the record: the device list and the chosen NVR. */
    place(draft: SetupRecord, moved: DiscoveredDevice | null): void {
      if (!moved) return;
      draft.devices = draft.devices.map((d) => (d.id === moved.id ? moved : d));
      if (draft.nvr?.deviceId === moved.id) draft.nvr.device = moved;
    },
  };
}

export type DeviceService = ReturnType<typeof createDeviceService>;
