import { brandFromMac } from '../../../shared/catalog/oui';
import type { DeviceSource, DiscoveredDevice } from '../../../shared/domain/device';

/** What one protocol learned about one box. Everything but source/address/interface is optional. */
export interface Finding {
  source: DeviceSource;
  address: string;
  interfaceName: string;
  mac?: string | null;
  endpoint?: string | null;
  serial?: string | null;
  brand?: { value: string; from: BrandSource } | null;
  model?: string | null;
  name?: string | null;
  firmware?: string | null;
  onvifUrl?: string | null;
  ports?: Record<string, number>;
  dhcp?: boolean | null;
  activated?: boolean | null;
  upnp?: boolean;
  notes?: string[];
}

export type BrandSource = 'sadp' | 'dhip' | 'scopes' | 'ssdp' | 'onvif' | 'banner' | 'oui';
const BRAND_RANK: Record<BrandSource, number> = { onvif: 6, sadp: 5, dhip: 5, scopes: 4, ssdp: 3, banner: 2, oui: 1 };
const MAX_DEVICES = 2048;

/**
 * Merges findings from every protocol into one device per box: by MAC, then ONVIF endpoint, then serial, then
 * address. Returns the merged device when something changed (to stream to the UI), otherwise null.
 */
export class Inventory {
  private readonly devices: DiscoveredDevice[] = [];
  /** The devices listed before this search started: one found again keeps its id (see `startOver`). */
  private known: DiscoveredDevice[] = [];
  constructor(private readonly now: () => Date = () => new Date()) {}

  list(): DiscoveredDevice[] {
    return this.devices.map((d) => structuredClone(d));
  }

  get(id: string): DiscoveredDevice | null {
    const d = this.devices.find((x) => x.id === id);
    return d ? structuredClone(d) : null;
  }

  /** Starts from a given list (a saved one after a restart, or the list with one device changed). */
  reset(devices: DiscoveredDevice[] = []): void {
    this.devices.splice(0, this.devices.length, ...devices.slice(0, MAX_DEVICES).map((d) => structuredClone(d)));
  }

  /**
   * A new search: the list starts empty, and a device found again keeps the id it had (by its MAC, ONVIF endpoint or
   * serial, else its address where nothing it says contradicts it). Its id is what the setup record, the chosen NVR
   * and each step's results are kept under, and what a page showing the last list still asks about: whichever
   * protocol answers first this time, the same box stays the same device.
   */
  startOver(): void {
    const seen = new Set(this.devices.map((d) => d.id));
    this.known = [...this.devices, ...this.known.filter((d) => !seen.has(d.id))].slice(0, MAX_DEVICES);
    this.devices.splice(0, this.devices.length);
  }

  /** The device of an earlier list this finding belongs to, if any, and not already listed again. */
  private knownAgain(f: Finding): DiscoveredDevice | undefined {
    if (this.known.length === 0) return undefined;
    const mac = f.mac ?? null;
    // Linear in the two lists (a flood of fake devices must not make each new one cost the square of them).
    const listed = new Set(this.devices.map((x) => x.id));
    const free = this.known.filter((d) => !listed.has(d.id));
    const differs = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a !== b;
    return (
      (mac && free.find((d) => d.mac === mac)) ||
      (f.endpoint && free.find((d) => d.endpoint === f.endpoint)) ||
      (f.serial && free.find((d) => d.serial === f.serial)) ||
      free.find(
        (d) =>
          d.addresses.includes(f.address) &&
          !differs(d.mac, mac) &&
          !differs(d.endpoint, f.endpoint) &&
          !differs(d.serial, f.serial),
      )
    );
  }

  /** Merges a finding and returns the device it belongs to, changed or not (null only when the list is full). */
  upsert(f: Finding): DiscoveredDevice | null {
    this.add(f);
    return this.get(this.match(f)?.id ?? '');
  }

  private match(f: Finding): DiscoveredDevice | undefined {
    const mac = f.mac ?? null;
    return (
      (mac && this.devices.find((d) => d.mac === mac)) ||
      (f.endpoint && this.devices.find((d) => d.endpoint === f.endpoint)) ||
      (f.serial && this.devices.find((d) => d.serial === f.serial)) ||
      this.devices.find((d) => d.addresses.includes(f.address) && (!mac || !d.mac || d.mac === mac))
    );
  }

  add(f: Finding): DiscoveredDevice | null {
    const existing = this.match(f);
    if (!existing) {
      if (this.devices.length >= MAX_DEVICES) return null;
      const device = this.blank(f);
      this.merge(device, f);
      this.devices.push(device);
      return structuredClone(device);
    }
    const before = JSON.stringify(existing);
    this.merge(existing, f);
    if (JSON.stringify({ ...existing, lastSeenAt: '' }) === JSON.stringify({ ...JSON.parse(before), lastSeenAt: '' }))
      return null;
    return structuredClone(existing);
  }

  private blank(f: Finding): DiscoveredDevice {
    const key = f.mac ?? f.endpoint ?? f.serial ?? f.address;
    const again = this.knownAgain(f)?.id;
    const fresh = `dev-${key}`.slice(0, 300);
    // A fresh id an earlier device of this list, or of the last one, still has would name two boxes: the new one
    // gets a suffix.
    const taken = (id: string) => this.devices.some((d) => d.id === id) || this.known.some((d) => d.id === id);
    let id = again ?? fresh;
    for (let n = 2; !again && taken(id) && n < 10_000; n++) id = `${fresh.slice(0, 290)}~${n}`;
    return {
      id,
      addresses: [],
      mac: null,
      brand: null,
      brandSource: null,
      model: null,
      name: null,
      firmware: null,
      serial: null,
      sources: [],
      onvifUrl: null,
      endpoint: null,
      ports: {},
      dhcp: null,
      activated: null,
      upnp: false,
      notes: [],
      interfaceName: f.interfaceName,
      lastSeenAt: this.now().toISOString(),
    };
  }

  private merge(d: DiscoveredDevice, f: Finding): void {
    if (!d.addresses.includes(f.address) && d.addresses.length < 16) d.addresses.push(f.address);
    if (!d.sources.includes(f.source)) d.sources.push(f.source);
    d.mac ??= f.mac ?? null;
    d.endpoint ??= f.endpoint ?? null;
    d.serial ??= f.serial ?? null;
    // What the device says after a login (source onvif with a brand from GetDeviceInformation) wins.
    const authoritative = f.brand?.from === 'onvif';
    d.model = (authoritative ? f.model : null) ?? d.model ?? f.model ?? null;
    d.firmware = (authoritative ? f.firmware : null) ?? d.firmware ?? f.firmware ?? null;
    d.name ??= f.name ?? null;
    d.onvifUrl = (authoritative ? f.onvifUrl : null) ?? d.onvifUrl ?? f.onvifUrl ?? null;
    if (f.dhcp !== undefined && f.dhcp !== null) d.dhcp = f.dhcp;
    if (f.activated !== undefined && f.activated !== null) d.activated = f.activated;
    if (f.upnp) d.upnp = true;
    for (const [role, port] of Object.entries(f.ports ?? {})) if (Number.isInteger(port)) d.ports[role] ??= port;
    for (const note of f.notes ?? []) if (!d.notes.includes(note) && d.notes.length < 20) d.notes.push(note);
    const candidates: Array<{ value: string; from: BrandSource }> = [];
    if (f.brand) candidates.push(f.brand);
    const oui = brandFromMac(d.mac);
    if (oui) candidates.push({ value: oui, from: 'oui' });
    for (const c of candidates) {
      const current = d.brandSource ? (BRAND_RANK[d.brandSource as BrandSource] ?? 0) : 0;
      if (BRAND_RANK[c.from] > current) {
        d.brand = c.value;
        d.brandSource = c.from;
      }
    }
    d.lastSeenAt = this.now().toISOString();
  }
}
