// SSDP (UPnP discovery) and UPnP device descriptions: pure builders and readers.
// Sources: shared/reference/PROTOCOLS.md §3.3 (miniupnpc's M-SEARCH, UDA rules).
import { inSubnet, parseIpv4 } from './ipv4';
import { child, children, parseXml, textOf, type XmlElement } from './xml';

export const SSDP_MULTICAST = { address: '239.255.255.250', port: 1900 } as const;

export const SEARCH_TARGETS = {
  all: 'ssdp:all',
  igd1: 'urn:schemas-upnp-org:device:InternetGatewayDevice:1',
  igd2: 'urn:schemas-upnp-org:device:InternetGatewayDevice:2',
  mediaServer: 'urn:schemas-upnp-org:device:MediaServer:1',
  basic: 'urn:schemas-upnp-org:device:Basic:1',
} as const;

export function buildMSearch(st: string, mx = 2): string {
  return `M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: "ssdp:discover"\r\nMX: ${mx}\r\nST: ${st}\r\n\r\n`;
}

export interface SsdpMessage {
  kind: 'response' | 'notify' | 'search';
  /** Header names upper-cased; values trimmed; at most 32 headers of 1 KiB each. */
  headers: Record<string, string>;
}

/**
 * The largest SSDP message read, in UTF-16 units: a real M-SEARCH reply or NOTIFY is under 1 KiB (a dozen short
 * headers).
 */
const MAX_SSDP = 8192;
/**
 * UTF-8 bytes whose decoding is surely over MAX_SSDP units: a decoded unit takes at most 3 bytes (a 4-byte
 * sequence gives 2 units; an invalid sequence's replacement character takes at most 3 bytes), plus a 3-byte BOM
 * that decodes to nothing. Longer datagrams are refused without decoding them (same answer, no 64 KiB copy).
 */
const MAX_SSDP_BYTES = 3 * MAX_SSDP + 3;

/**
 * An SSDP message: its kind and up to 32 headers. Linear and bounded: anything over MAX_SSDP is refused before it
 * is split, and the start-line and header-name regexes are anchored.
 */
export function parseSsdpMessage(
  data: string | Uint8Array,
): { ok: true; message: SsdpMessage } | { ok: false; error: string } {
  if (typeof data !== 'string' && data.length > MAX_SSDP_BYTES) return { ok: false, error: 'SSDP message too large' };
  const text = typeof data === 'string' ? data : new TextDecoder('utf-8', { fatal: false }).decode(data);
  if (text.length > MAX_SSDP) return { ok: false, error: 'SSDP message too large' };
  const lines = text.split(/\r?\n/);
  const start = (lines[0] ?? '').trim();
  const kind = /^HTTP\/1\.[01] 200\b/i.test(start)
    ? 'response'
    : /^NOTIFY \* HTTP\/1\.[01]$/i.test(start)
      ? 'notify'
      : /^M-SEARCH \* HTTP\/1\.[01]$/i.test(start)
        ? 'search'
        : null;
  if (!kind) return { ok: false, error: 'not an SSDP message' };
  const headers: Record<string, string> = {};
  let count = 0;
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const idx = line.indexOf(':');
    if (idx <= 0) continue;
    if (++count > 32) break;
    const name = line.slice(0, idx).trim().toUpperCase();
    if (!/^[A-Z0-9.-]{1,64}$/.test(name)) continue;
    headers[name] = line
      .slice(idx + 1)
      .trim()
      .slice(0, 1024);
  }
  return { ok: true, message: { kind, headers } };
}

/**
 * A LOCATION is fetched only when it is plain http on the sender's own IPv4 address inside the interface's
 * subnet (device data is untrusted: no redirects elsewhere, no SSRF into other networks).
 */
export function allowedLocation(
  location: string,
  sender: string,
  subnet: { network: string; prefix: number },
): URL | null {
  // A real LOCATION is under 200 characters; 1 KiB is also where parseSsdpMessage cuts header values.
  if (typeof location !== 'string' || location.length > 1024) return null;
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || url.username || url.password) return null;
  if (parseIpv4(url.hostname) === null || !inSubnet(url.hostname, subnet.network, subnet.prefix)) return null;
  if (url.hostname !== sender) return null;
  return url;
}

export interface UpnpDescription {
  deviceType: string | null;
  friendlyName: string | null;
  manufacturer: string | null;
  modelName: string | null;
  modelNumber: string | null;
  serialNumber: string | null;
  udn: string | null;
  presentationUrl: string | null;
  services: Array<{ serviceType: string; controlUrl: string; eventSubUrl: string | null }>;
  /** Embedded devices' types (an IGD nests WANDevice and WANConnectionDevice). */
  embeddedDeviceTypes: string[];
}

const UPNP_DEVICE_NS = 'urn:schemas-upnp-org:device-1-0';

export function parseUpnpDescription(
  data: string | Uint8Array,
): { ok: true; description: UpnpDescription } | { ok: false; error: string } {
  const r = parseXml(data, { maxBytes: 128 * 1024, maxDepth: 24, maxNodes: 4000 });
  if (!r.ok) return { ok: false, error: r.error };
  if (r.root.name !== 'root') return { ok: false, error: 'not a UPnP device description' };
  const device = child(r.root, 'device', [UPNP_DEVICE_NS, '']);
  if (!device) return { ok: false, error: 'UPnP description without a device' };
  const f = (el: XmlElement, name: string) => textOf(child(el, name)).slice(0, 256) || null;
  const services: UpnpDescription['services'] = [];
  const embedded: string[] = [];
  const walk = (el: XmlElement, depth: number) => {
    if (depth > 6) return;
    for (const s of children(child(el, 'serviceList'), 'service')) {
      const serviceType = f(s, 'serviceType');
      const controlUrl = f(s, 'controlURL');
      if (serviceType && controlUrl && services.length < 64)
        services.push({ serviceType, controlUrl, eventSubUrl: f(s, 'eventSubURL') });
    }
    for (const d of children(child(el, 'deviceList'), 'device')) {
      const t = f(d, 'deviceType');
      if (t && embedded.length < 32) embedded.push(t);
      walk(d, depth + 1);
    }
  };
  walk(device, 0);
  return {
    ok: true,
    description: {
      deviceType: f(device, 'deviceType'),
      friendlyName: f(device, 'friendlyName'),
      manufacturer: f(device, 'manufacturer'),
      modelName: f(device, 'modelName'),
      modelNumber: f(device, 'modelNumber'),
      serialNumber: f(device, 'serialNumber'),
      udn: f(device, 'UDN'),
      presentationUrl: f(device, 'presentationURL'),
      services,
      embeddedDeviceTypes: embedded,
    },
  };
}

/**
 * Resolves a control/SCPD URL against the description's URL, refusing any result on another host or port
 * (the spoofed controlURL `:aaa@example.com/…` of the shared corpus must stay on the router).
 */
export function resolveOnSameHost(base: URL, relative: string): URL | null {
  if (relative.length > 1024) return null;
  let url: URL;
  try {
    url = new URL(relative, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || url.username || url.password) return null;
  if (url.hostname !== base.hostname || url.port !== base.port) return null;
  return url;
}
