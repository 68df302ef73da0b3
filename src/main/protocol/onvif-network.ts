// ONVIF device-management codecs for a device's IPv4 settings: GetNetworkInterfaces, GetNetworkDefaultGateway,
// GetDNS (readers) and SetNetworkInterfaces, SetNetworkDefaultGateway, SetDNS, SystemReboot (bodies and replies).
// Pure. Readers take the first Body child from readSoapReply, bound what they read (8 interfaces, 8 addresses each,
// 8 gateways and DNS servers) and never throw on device text: an address or prefix that is not one is skipped.
// Builders validate what they write (they throw on our own bad input, like buildSetNetworkProtocols) and escape
// every value. Shapes: shared/reference/PROTOCOLS.md §3.1 (ONVIF Core, devicemgmt.wsdl, onvif.xsd).
import type { SoapReply } from './onvif-soap';
import { child, children, escapeXml, path, textOf, type XmlElement } from './xml';

export interface OnvifAddress {
  address: string;
  prefix: number;
}

export interface OnvifInterface {
  /** The interface's token, as SetNetworkInterfaces needs it back (1–64 printable characters). */
  token: string;
  enabled: boolean;
  /** Lower-case `aa:bb:cc:dd:ee:ff`, or null when missing or not a MAC. */
  mac: string | null;
  /** IPv4.Config.DHCP. */
  dhcp: boolean;
  /** IPv4.Config.Manual (the static addresses; devices often keep them while DHCP is on). */
  manual: OnvifAddress[];
  /** IPv4.Config.FromDHCP (the current lease), null when absent. */
  fromDhcp: OnvifAddress | null;
}

export interface DnsSettings {
  fromDhcp: boolean;
  servers: string[];
}

export type NetworkInterfaceChange = { dhcp: false; address: string; prefix: number } | { dhcp: true };

export type NetworkFault = 'invalid-address' | 'invalid-interface' | 'invalid-mtu' | 'not-supported' | 'other';

const MAX_INTERFACES = 8;
const MAX_ADDRESSES = 8;
/** ONVIF's ReferenceToken is at most 64 characters; we also refuse spaces and anything unprintable. */
const TOKEN = /^[\x21-\x7e]{1,64}$/;

const isTrue = (el: XmlElement | undefined) => /^(true|1)$/i.test(textOf(el));

/**
 * A dotted-quad IPv4 address in canonical form ("192.168.001.064" → "192.168.1.64"), or null. 0.0.0.0 is null:
 * devices write it for "none" (no lease yet, no gateway).
 */
export function canonicalIPv4(text: string): string | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return null;
  const out = octets.join('.');
  return out === '0.0.0.0' ? null : out;
}

function prefixOf(text: string): number | null {
  if (!/^\d{1,2}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 32 ? n : null;
}

function addressOf(el: XmlElement | undefined): OnvifAddress | null {
  const address = canonicalIPv4(textOf(child(el, 'Address')));
  const prefix = prefixOf(textOf(child(el, 'PrefixLength')));
  return address !== null && prefix !== null ? { address, prefix } : null;
}

function macOf(text: string): string | null {
  if (!/^[0-9a-f]{2}([:-]?)[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}$/i.test(text)) return null;
  return text
    .replace(/[:-]/g, '')
    .toLowerCase()
    .replace(/(..)(?!$)/g, '$1:');
}

/** A token we can send back: 1–64 characters, no spaces, no control characters (device text is data). */
function tokenOf(raw: string | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const t = raw.trim();
  return TOKEN.test(t) ? t : null;
}

/** GetNetworkInterfacesResponse → its interfaces (IPv4 only); one without a usable token is skipped. */
export function readNetworkInterfaces(body: XmlElement): OnvifInterface[] {
  const out: OnvifInterface[] = [];
  for (const ni of children(body, 'NetworkInterfaces').slice(0, MAX_INTERFACES)) {
    const token = tokenOf(ni.attrs.token);
    if (token === null) continue;
    const config = path(ni, 'IPv4', 'Config');
    const manual: OnvifAddress[] = [];
    for (const m of children(config, 'Manual').slice(0, MAX_ADDRESSES)) {
      const a = addressOf(m);
      if (a) manual.push(a);
    }
    out.push({
      token,
      enabled: isTrue(child(ni, 'Enabled')),
      mac: macOf(textOf(path(ni, 'Info', 'HwAddress'))),
      dhcp: isTrue(child(config, 'DHCP')),
      manual,
      fromDhcp: addressOf(child(config, 'FromDHCP')),
    });
  }
  return out;
}

/** GetNetworkDefaultGatewayResponse → the IPv4 gateways (at most 8; 0.0.0.0 and nonsense skipped). */
export function readDefaultGateway(body: XmlElement): string[] {
  return ipv4List(children(child(body, 'NetworkGateway'), 'IPv4Address'));
}

function ipv4List(elements: Array<XmlElement | undefined>): string[] {
  const out: string[] = [];
  for (const el of elements.slice(0, MAX_ADDRESSES)) {
    const a = canonicalIPv4(textOf(el));
    if (a !== null) out.push(a);
  }
  return out;
}

/** GetDNSResponse → FromDHCP and the IPv4 servers of the list it names (DNSFromDHCP or DNSManual). */
export function readDns(body: XmlElement): DnsSettings {
  const info = child(body, 'DNSInformation');
  const fromDhcp = isTrue(child(info, 'FromDHCP'));
  // An entry counts by its IPv4Address (an IPv6 one has none); its Type adds nothing to that.
  const entries = children(info, fromDhcp ? 'DNSFromDHCP' : 'DNSManual').map((e) => child(e, 'IPv4Address'));
  return { fromDhcp, servers: ipv4List(entries) };
}

/** SetNetworkInterfacesResponse → RebootNeeded (only an explicit true; absent or nonsense is false). */
export function readRebootNeeded(body: XmlElement): boolean {
  return isTrue(child(body, 'RebootNeeded'));
}

/** SystemRebootResponse → its Message (at most 200 characters), null when empty. */
export function readSystemRebootMessage(body: XmlElement): string | null {
  return textOf(child(body, 'Message')).slice(0, 200) || null;
}

// --- Builders (inner XML of the tds request element; buildDeviceRequest wraps it) ---

/** A unicast host address we may write: canonical dotted quad, not 0/8, loopback, multicast or broadcast. */
function hostAddress(address: string): string {
  if (canonicalIPv4(address) !== address) throw new Error('invalid IPv4 address');
  const first = Number(address.split('.')[0]);
  if (first === 0 || first === 127 || first >= 224) throw new Error('not a unicast IPv4 address');
  return address;
}

function toNumber(a: string): number {
  return a.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

/** The body of SetNetworkInterfaces: DHCP off with one manual address, or DHCP on. */
export function buildSetNetworkInterfaces(token: string, change: NetworkInterfaceChange): string {
  if (tokenOf(token) !== token) throw new Error('invalid interface token');
  let ipv4: string;
  if (change.dhcp === true) ipv4 = '<tt:DHCP>true</tt:DHCP>';
  else if (change.dhcp === false) {
    const address = hostAddress(change.address);
    const prefix = change.prefix;
    if (!Number.isInteger(prefix) || prefix < 8 || prefix > 30) throw new Error('prefix out of range');
    const host = toNumber(address) % 2 ** (32 - prefix);
    if (host === 0 || host === 2 ** (32 - prefix) - 1) throw new Error('network or broadcast address');
    ipv4 =
      `<tt:Manual><tt:Address>${escapeXml(address)}</tt:Address><tt:PrefixLength>${prefix}</tt:PrefixLength></tt:Manual>` +
      '<tt:DHCP>false</tt:DHCP>';
  } else throw new Error('invalid change');
  return (
    `<tds:InterfaceToken>${escapeXml(token)}</tds:InterfaceToken>` +
    `<tds:NetworkInterface><tt:Enabled>true</tt:Enabled><tt:IPv4><tt:Enabled>true</tt:Enabled>${ipv4}</tt:IPv4></tds:NetworkInterface>`
  );
}

/** The body of SetNetworkDefaultGateway: the IPv4 gateways (at most 8; none clears it). */
export function buildSetNetworkDefaultGateway(addresses: string[]): string {
  if (addresses.length > MAX_ADDRESSES) throw new Error('too many addresses');
  return addresses.map((a) => `<tds:IPv4Address>${escapeXml(hostAddress(a))}</tds:IPv4Address>`).join('');
}

/** The body of SetDNS: FromDHCP and the manual IPv4 servers (at most 8). */
export function buildSetDns(dns: DnsSettings): string {
  if (typeof dns.fromDhcp !== 'boolean') throw new Error('invalid FromDHCP');
  if (dns.servers.length > MAX_ADDRESSES) throw new Error('too many addresses');
  const servers = dns.servers.map(
    (a) =>
      `<tds:DNSManual><tt:Type>IPv4</tt:Type><tt:IPv4Address>${escapeXml(hostAddress(a))}</tt:IPv4Address></tds:DNSManual>`,
  );
  return `<tds:FromDHCP>${dns.fromDhcp}</tds:FromDHCP>${servers.join('')}`;
}

/** The body of SystemReboot: empty. */
export function buildSystemReboot(): string {
  return '';
}

const FAULTS: Array<[RegExp, NetworkFault]> = [
  [/^(InvalidIPv4Address|InvalidGatewayAddress|InvalidDnsName|InvalidIPv6Address)$/i, 'invalid-address'],
  [/^(InvalidNetworkInterface|InvalidInterfaceSpeed|InvalidInterfaceType)$/i, 'invalid-interface'],
  [/^InvalidMtuValue$/i, 'invalid-mtu'],
  [/^(ActionNotSupported|NotSupported|OperationNotSupported)$/i, 'not-supported'],
];

/** What a Set* fault means, from its subcodes (then its code); null when the reply is not a fault. */
export function networkFault(reply: SoapReply): NetworkFault | null {
  if (reply.kind !== 'fault') return null;
  const codes = [...reply.subcodes, reply.code];
  for (const [re, fault] of FAULTS) if (codes.some((c) => re.test(c))) return fault;
  return 'other';
}
