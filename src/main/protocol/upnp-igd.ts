// UPnP Internet Gateway Device control (IGD:1 and IGD:2) and NAT-PMP: pure builders and readers, no I/O.
// Sources: shared/reference/PROTOCOLS.md §3 (UPnP IGD: WANIPConnection/WANPPPConnection actions, error codes;
// NAT-PMP, RFC 6886 §3.2), miniupnpc's request and reply shapes (shared/fixtures/upnp-igd).
// Device data is hostile: every reader bounds its input, never throws, and a control URL is only ever resolved on
// the host and port of the description it came from (resolveOnSameHost).
import { formatIpv4, parseIpv4 } from './ipv4';
import { parseUpnpDescription, resolveOnSameHost } from './ssdp';
import { child, escapeXml, parseXml, textOf, type XmlElement } from './xml';

/** The WAN connection services that hold the port mappings, the most capable first. */
export const WAN_CONNECTION_SERVICES = [
  'urn:schemas-upnp-org:service:WANIPConnection:2',
  'urn:schemas-upnp-org:service:WANIPConnection:1',
  // Some IGD:2 boxes (the Orange Livebox in shared/fixtures) name their PPP service version 2.
  'urn:schemas-upnp-org:service:WANPPPConnection:2',
  'urn:schemas-upnp-org:service:WANPPPConnection:1',
] as const;
export type WanConnectionService = (typeof WAN_CONNECTION_SERVICES)[number];

export interface IgdControl {
  /** Which connection service this is. */
  serviceType: WanConnectionService;
  /** Its control URL, on the description's own host and port. */
  controlUrl: URL;
  /** 2 when the device is an InternetGatewayDevice:2 (GetListOfPortMappings may be offered), else 1. */
  igdVersion: 1 | 2;
  friendlyName: string | null;
  manufacturer: string | null;
  modelName: string | null;
}

/**
 * Reads an IGD's root description fetched from `location`: the first WAN connection service (WANIPConnection:2,
 * then :1, then WANPPPConnection:2 and :1) whose control URL stays on `location`'s host and port. URLBase is ignored (UDA
 * 1.1 deprecates it; a hostile one would point elsewhere). A description without such a service is an error.
 */
export function readIgdDescription(
  data: string | Uint8Array,
  location: URL,
): { ok: true; igd: IgdControl } | { ok: false; error: string } {
  const r = parseUpnpDescription(data);
  if (!r.ok) return r;
  const d = r.description;
  const types = [d.deviceType ?? '', ...d.embeddedDeviceTypes];
  if (!types.some((t) => /^urn:schemas-upnp-org:device:InternetGatewayDevice:[12]$/.test(t)))
    return { ok: false, error: 'not an Internet Gateway Device' };
  for (const wanted of WAN_CONNECTION_SERVICES) {
    for (const s of d.services) {
      if (s.serviceType !== wanted) continue;
      const controlUrl = resolveOnSameHost(location, s.controlUrl);
      if (!controlUrl) continue;
      return {
        ok: true,
        igd: {
          serviceType: wanted,
          controlUrl,
          igdVersion: types.includes('urn:schemas-upnp-org:device:InternetGatewayDevice:2') ? 2 : 1,
          friendlyName: d.friendlyName,
          manufacturer: d.manufacturer,
          modelName: d.modelName,
        },
      };
    }
  }
  return d.services.some((s) => (WAN_CONNECTION_SERVICES as readonly string[]).includes(s.serviceType))
    ? { ok: false, error: 'its WAN connection service points at another host' }
    : { ok: false, error: 'no WAN connection service' };
}

/** A control request: the SOAP 1.1 envelope and its SOAPAction header. Values are escaped. */
export function buildIgdRequest(
  serviceType: string,
  action: string,
  args: ReadonlyArray<readonly [string, string | number]> = [],
): { body: string; soapAction: string } {
  const inner = args.map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`).join('');
  return {
    body:
      '<?xml version="1.0"?>\r\n' +
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" ' +
      's:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body>' +
      `<u:${action} xmlns:u="${escapeXml(serviceType)}">${inner}</u:${action}>` +
      '</s:Body></s:Envelope>\r\n',
    soapAction: `"${serviceType}#${action}"`,
  };
}

/** What an IGD answered to one action. */
export type IgdReply =
  | { kind: 'ok'; values: Record<string, string> }
  /** A UPnP error (errorCode from the fault's detail; 0 when the fault carried none). */
  | { kind: 'fault'; code: number; description: string }
  | { kind: 'invalid'; error: string };

/** The most out-arguments one reply is read for (GetGenericPortMappingEntry has 8). */
const MAX_VALUES = 32;

/**
 * Reads a control reply: the `<u:ActionResponse>` out-arguments by name (text, at most 512 characters each,
 * NewPortListing up to 64 KiB), or the UPnP error of a SOAP fault. Bounded: 128 KiB, depth 12, 600 elements
 * (a GetListOfPortMappings answer carries its list as escaped text, not as elements).
 */
export function readIgdReply(data: string | Uint8Array, action: string): IgdReply {
  const r = parseXml(data, { maxBytes: 128 * 1024, maxDepth: 12, maxNodes: 600 });
  if (!r.ok) return { kind: 'invalid', error: r.error };
  if (r.root.name !== 'Envelope') return { kind: 'invalid', error: 'not a SOAP envelope' };
  const body = child(r.root, 'Body', r.root.ns);
  const first = body?.children[0];
  if (!first) return { kind: 'invalid', error: 'empty SOAP body' };
  if (first.name === 'Fault') {
    const err = findUpnpError(first);
    const code = Number(textOf(child(err, 'errorCode')));
    return {
      kind: 'fault',
      code: Number.isInteger(code) && code >= 0 && code <= 9999 ? code : 0,
      description: (textOf(child(err, 'errorDescription')) || textOf(child(first, 'faultstring'))).slice(0, 200),
    };
  }
  if (first.name !== `${action}Response`) return { kind: 'invalid', error: `not a ${action} reply` };
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const arg of first.children.slice(0, MAX_VALUES)) {
    const raw = arg.text.trim();
    values[arg.name] = arg.name === 'NewPortListing' ? raw.slice(0, 64 * 1024) : textOf(arg).slice(0, 512);
  }
  return { kind: 'ok', values };
}

/** The fault's `detail/UPnPError`, wherever the IGD put its namespace. */
function findUpnpError(fault: XmlElement): XmlElement | undefined {
  const detail = fault.children.find((c) => c.name === 'detail' || c.name === 'Detail');
  return detail?.children.find((c) => c.name === 'UPnPError');
}

/** One port mapping as the IGD lists it. */
export interface IgdMapping {
  /** '' = from any address. */
  remoteHost: string;
  externalPort: number;
  protocol: 'TCP' | 'UDP';
  internalPort: number;
  internalClient: string;
  enabled: boolean;
  description: string;
  /** Seconds left; 0 = permanent. */
  leaseSeconds: number;
}

const port = (v: string | undefined): number | null => {
  if (!v || !/^\d{1,5}$/.test(v.trim())) return null;
  const n = Number(v);
  return n >= 1 && n <= 65535 ? n : null;
};

/**
 * A mapping from GetGenericPortMappingEntry's (or GetSpecificPortMappingEntry's) out-arguments; null when a
 * required value is missing or out of range. `key` gives the external port and protocol for the latter.
 */
export function mappingFromValues(
  values: Record<string, string>,
  key?: { externalPort: number; protocol: 'TCP' | 'UDP' },
): IgdMapping | null {
  const externalPort = key?.externalPort ?? port(values.NewExternalPort);
  const proto = (key?.protocol ?? values.NewProtocol ?? '').trim().toUpperCase();
  const internalPort = port(values.NewInternalPort);
  const internalClient = (values.NewInternalClient ?? '').trim().slice(0, 64);
  if (externalPort === null || (proto !== 'TCP' && proto !== 'UDP') || internalPort === null || !internalClient)
    return null;
  const lease = Number((values.NewLeaseDuration ?? '0').trim());
  const enabled = (values.NewEnabled ?? '1').trim();
  return {
    remoteHost: (values.NewRemoteHost ?? '').trim().slice(0, 64),
    externalPort,
    protocol: proto,
    internalPort,
    internalClient,
    enabled: enabled === '1' || enabled.toLowerCase() === 'true',
    description: (values.NewPortMappingDescription ?? '').slice(0, 256),
    leaseSeconds: Number.isInteger(lease) && lease >= 0 && lease <= 0xffffffff ? lease : 0,
  };
}

/**
 * IGD:2 GetListOfPortMappings' NewPortListing: an escaped `<p:PortMappingList>` of `<p:PortMappingEntry>`s
 * (NewRemoteHost, NewExternalPort, NewProtocol, NewInternalPort, NewInternalClient, NewEnabled, NewDescription,
 * NewLeaseTime). At most `max` entries; entries missing a required value are skipped and counted.
 */
export function readPortListing(
  listing: string,
  max = 512,
): { ok: true; mappings: IgdMapping[]; skipped: number } | { ok: false; error: string } {
  const r = parseXml(listing, { maxBytes: 64 * 1024, maxDepth: 6, maxNodes: 12 * max + 2 });
  if (!r.ok) return r;
  if (r.root.name !== 'PortMappingList') return { ok: false, error: 'not a port mapping list' };
  const mappings: IgdMapping[] = [];
  let skipped = 0;
  for (const e of r.root.children) {
    if (e.name !== 'PortMappingEntry') continue;
    if (mappings.length >= max) break;
    const v: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const c of e.children.slice(0, 16)) v[c.name] = textOf(c).slice(0, 512);
    const m = mappingFromValues({
      ...v,
      NewPortMappingDescription: v.NewDescription ?? '',
      NewLeaseDuration: v.NewLeaseTime ?? '0',
    });
    if (m) mappings.push(m);
    else skipped++;
  }
  return { ok: true, mappings, skipped };
}

/** NAT-PMP (RFC 6886 §3.2): the request for the gateway's external address, sent to UDP 5351. */
export const NAT_PMP_PORT = 5351;
export const natPmpExternalAddressRequest = (): Uint8Array => Uint8Array.of(0, 0);

/**
 * PCP (RFC 6887 §7.1, §14.1): an ANNOUNCE request (version 2, opcode 0, lifetime 0) from `clientAddress` (an IPv4
 * address, written IPv4-mapped as PCP asks), sent to the same UDP port 5351. It maps nothing; a PCP server answers
 * it, which tells that PCP is on where a server no longer speaks NAT-PMP.
 */
export function pcpAnnounceRequest(clientAddress: string): Uint8Array {
  const b = new Uint8Array(24);
  b[0] = 2;
  b[18] = 0xff;
  b[19] = 0xff;
  const ip = parseIpv4(clientAddress) ?? 0;
  new DataView(b.buffer).setUint32(20, ip);
  return b;
}

/**
 * An answer on UDP 5351: a NAT-PMP external-address answer (the result code, 0 = success, and the address when it
 * succeeded), or a PCP response (version 2, the R bit set; its result code) — either way the gateway lets devices
 * open ports by it.
 */
export type NatPmpReply =
  | {
      ok: true;
      protocol: 'nat-pmp' | 'pcp';
      result: number;
      epochSeconds: number;
      externalAddress: string | null;
    }
  | { ok: false; error: string };

export function readNatPmpReply(data: Uint8Array): NatPmpReply {
  if (data.length < 8 || data.length > 1100) return { ok: false, error: 'not a NAT-PMP or PCP answer (length)' };
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data[0] === 2) {
    // PCP: a response header is 24 bytes, its opcode has the R bit; the result code is byte 3, the epoch at 8.
    if (data.length < 24 || data.length % 4 !== 0 || (data[1]! & 0x80) === 0)
      return { ok: false, error: 'not a PCP response' };
    return { ok: true, protocol: 'pcp', result: data[3]!, epochSeconds: view.getUint32(8), externalAddress: null };
  }
  if (data.length > 64 || data[0] !== 0 || data[1] !== 128)
    return { ok: false, error: 'not a NAT-PMP external address answer' };
  const result = view.getUint16(2);
  const epochSeconds = view.getUint32(4);
  const externalAddress = result === 0 && data.length >= 12 ? formatIpv4(view.getUint32(8)) : null;
  return { ok: true, protocol: 'nat-pmp', result, epochSeconds, externalAddress };
}
