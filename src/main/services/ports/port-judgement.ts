// The Ports step's judgement of one port, from measured facts: which role it plays for this device, what it is
// for, whether it is needed outside, how risky it is and what to do about it. No I/O: the scan, the identification
// and ONVIF's answer come in as arguments (port-report.ts puts the rows together).
import {
  BRAND_PORTS,
  knownService,
  portInFact,
  portsForBrand,
  RISKY_SERVICES,
  ROLE_LABELS,
  type BrandPorts,
  type NeededOutside,
  type PortFact,
  type PortRole,
  type RiskLevel,
} from '../../../shared/catalog/ports';
import type { DiscoveredDevice } from '../../../shared/domain/device';
import { PORT_SERVICES, type PortRow } from '../../../shared/domain/ports';
import type { NetworkProtocol } from '../../protocol/onvif-soap';
import type { PortIdentity } from './identify';

export type PortService = (typeof PORT_SERVICES)[number];
type DeclaredBy = PortRow['declaredBy'][number];

const RISK_ORDER: Record<RiskLevel, number> = { none: 0, low: 1, medium: 2, high: 3 };
const SOURCE_ORDER: Record<DeclaredBy, number> = { onvif: 0, sadp: 1, dhip: 1, discovery: 2, catalogue: 3 };

/** Which identified services can play which role. */
const ROLE_FITS: Readonly<Record<PortService, readonly PortRole[] | null>> = {
  http: ['http', 'onvif', 'igd', 'management', 'recording', 'event'],
  https: ['https', 'onvif', 'management'],
  rtsp: ['rtsp', 'rtsps'],
  onvif: ['onvif'],
  sdk: ['sdk', 'media', 'mobile', 'management', 'backdoor'],
  ssh: ['ssh'],
  telnet: ['telnet', 'backdoor'],
  ftp: ['ftp'],
  unknown: null,
};
const ROLE_OF_SERVICE: Readonly<Record<PortService, PortRole | null>> = {
  http: 'http',
  https: 'https',
  rtsp: 'rtsp',
  onvif: 'onvif',
  sdk: 'sdk',
  ssh: 'ssh',
  telnet: 'telnet',
  ftp: 'ftp',
  unknown: null,
};
export const SERVICE_OF_ROLE: Partial<Record<PortRole, PortService>> = {
  http: 'http',
  https: 'https',
  rtsp: 'rtsp',
  rtsps: 'rtsp',
  onvif: 'onvif',
  sdk: 'sdk',
  media: 'sdk',
  mobile: 'sdk',
  ssh: 'ssh',
  telnet: 'telnet',
  ftp: 'ftp',
};

export function toPortService(kind: string): PortService {
  return (PORT_SERVICES as readonly string[]).includes(kind) ? (kind as PortService) : 'unknown';
}

export const fits = (role: PortRole, service: PortService): boolean => {
  const allowed = ROLE_FITS[service];
  return allowed === null || allowed.includes(role);
};

/** One port the device (or its discovery) said it uses, with who said it. */
export interface DeclaredPort {
  role: PortRole;
  port: number;
  by: DeclaredBy;
}

const isRole = (s: string): s is PortRole => (ROLE_LABELS as Record<string, string>)[s] !== undefined;

/** The port of a URL the device gave for itself (an XAddr), when it names one of the device's own addresses. */
export function ownUrlPort(device: DiscoveredDevice, href: string): number | null {
  try {
    const url = new URL(href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!device.addresses.includes(url.hostname)) return null;
    return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  } catch {
    return null;
  }
}

/**
 * The ports a device declared: ONVIF GetNetworkProtocols (enabled ones) and the addresses of its ONVIF services
 * (GetServices), SADP/DHIP/discovery ports, its ONVIF URL.
 */
export function declaredPorts(
  device: DiscoveredDevice,
  protocols: readonly NetworkProtocol[] | null,
  /** The XAddrs of GetServices, when the app could log in. */
  serviceAddresses: readonly string[] = [],
): DeclaredPort[] {
  const out: DeclaredPort[] = [];
  const add = (role: PortRole, port: number, by: DeclaredBy) => {
    if (!Number.isInteger(port) || port < 1 || port > 65535) return;
    if (!out.some((d) => d.role === role && d.port === port)) out.push({ role, port, by });
  };
  for (const p of protocols ?? []) {
    if (!p.enabled) continue;
    const role = p.name === 'HTTP' ? 'http' : p.name === 'HTTPS' ? 'https' : 'rtsp';
    for (const port of p.ports) add(role, port, 'onvif');
  }
  for (const href of serviceAddresses) {
    const port = ownUrlPort(device, href);
    if (port !== null) add('onvif', port, 'onvif');
  }
  // SADP/DHIP name the SDK and web ports; when the device was found by one of them, that is who said it.
  const vendorSource: DeclaredBy = device.sources.includes('sadp')
    ? 'sadp'
    : device.sources.includes('dhip')
      ? 'dhip'
      : 'discovery';
  for (const [key, port] of Object.entries(device.ports)) {
    if (!isRole(key)) continue;
    if (protocols && (key === 'http' || key === 'https' || key === 'rtsp')) continue; // ONVIF said it better
    add(key, port, key === 'sdk' || key === 'http' ? vendorSource : 'discovery');
  }
  if (device.onvifUrl) {
    try {
      const url = new URL(device.onvifUrl);
      add('onvif', Number(url.port || (url.protocol === 'https:' ? 443 : 80)), 'discovery');
    } catch {
      // not a URL: nothing declared
    }
  }
  return out.sort((a, b) => SOURCE_ORDER[a.by] - SOURCE_ORDER[b.by]);
}

/** The brand the catalogue should judge by: the device's, else the vendor its own SDK or web page named. */
export function effectiveBrand(
  device: DiscoveredDevice,
  identities: ReadonlyArray<{ service: string; vendor: string | null }>,
): BrandPorts | null {
  const own = portsForBrand(device.brand);
  if (own) return own;
  const vendors = [
    ...identities.filter((i) => i.service === 'sdk'),
    ...identities.filter((i) => i.service !== 'sdk'),
  ].map((i) => i.vendor);
  for (const v of vendors) {
    const b = portsForBrand(v);
    if (b) return b;
  }
  return null;
}

/** The TCP ports the catalogue audit knocks on: the brand's (every brand's when unknown), risky services, declared. */
export function auditPorts(
  brand: BrandPorts | null,
  declared: readonly DeclaredPort[],
  extra: readonly number[] = [],
): number[] {
  const facts = [...(brand ? brand.ports : BRAND_PORTS.flatMap((b) => b.ports)), ...RISKY_SERVICES].filter(
    (f) => f.transport === 'tcp',
  );
  const out = new Set<number>();
  for (const f of facts) for (let p = f.port; p <= Math.min(f.portEnd ?? f.port, f.port + 255); p++) out.add(p);
  for (const d of declared) out.add(d.port);
  for (const p of extra) out.add(p);
  return [...out].filter((p) => Number.isInteger(p) && p >= 1 && p <= 65535).sort((a, b) => a - b);
}

/** Catalogue facts about this port (TCP): the brand's first, then the brand-independent ones. */
export function factsAt(brand: BrandPorts | null, port: number): PortFact[] {
  const at = (list: readonly PortFact[]) => list.filter((f) => f.transport === 'tcp' && portInFact(f, port));
  return [...(brand ? at(brand.ports) : []), ...at(RISKY_SERVICES)];
}

/** Whether `port` is a factory port for `role` (of the brand, of any brand, or a standard one). */
export function isDefaultPort(role: PortRole, port: number, brand: BrandPorts | null = null): boolean {
  const all = [...(brand?.ports ?? []), ...RISKY_SERVICES, ...BRAND_PORTS.flatMap((b) => b.ports)];
  return all.some((f) => f.role === role && f.transport === 'tcp' && portInFact(f, port));
}

export function pickRole(
  port: number,
  service: PortService,
  declared: readonly DeclaredPort[],
  brand: BrandPorts | null,
  open: boolean,
  /** A web page answers here (not only an HTTP server that has none at its root). */
  page = true,
): PortRole | null {
  // A shared port (ONVIF on the web port) is named by its main service: a web page there makes it the web port.
  const web = open && (service === 'http' || service === 'https') && page;
  const here = declared.filter((d) => d.port === port && !(web && d.role === 'onvif'));
  const byDevice = [...here.filter((d) => d.role !== 'onvif'), ...here.filter((d) => d.role === 'onvif')];
  const fromDevice = byDevice.find((d) => !open || fits(d.role, service));
  if (fromDevice) return fromDevice.role;
  const fromCatalogue = factsAt(brand, port).find((f) => fits(f.role, service));
  if (fromCatalogue && (service !== 'unknown' || !open || brand)) return fromCatalogue.role;
  if (service !== 'unknown') return ROLE_OF_SERVICE[service];
  return open ? null : (knownService(port, 'tcp')[0]?.role ?? null);
}

export const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Roles that only work on the home network. */
const LAN_ONLY_ROLES: readonly PortRole[] = ['discovery', 'upnp', 'igd', 'nat-pmp'];

const ONVIF_ADVICE = 'Do not forward: ONVIF is for setting up and viewing on your own network.';

/**
 * Plain words: what to do about this port. Each piece of advice agrees with the row's risk (a test holds every
 * role and service to it): advice that names a danger comes with a risk that says it, and advice to forward never
 * comes with a high risk.
 */
export function recommendationFor(row: Omit<PortRow, 'recommendation'>, facts: { cveHistory?: boolean } = {}): string {
  if (row.state !== 'open')
    return row.declaredBy.some((d) => d !== 'catalogue')
      ? 'Nothing answers here although the device says it uses this port: the service is switched off (fine) or moved. Do not forward it.'
      : 'Closed: nothing to do.';
  const role = row.role;
  const service = row.service;
  const high = row.risk.level === 'high';
  if (role === 'backdoor')
    return 'Close it: this is a hidden service the owner cannot turn off. Update the firmware, never forward it, and prefer the VPN.';
  if (service === 'telnet' || role === 'telnet')
    return 'Close it: telnet sends passwords in plain text. Turn telnet off in the NVR’s settings (or update the firmware) and never forward it.';
  if (service === 'ftp' || role === 'ftp')
    return 'Close it: FTP sends passwords and files in plain text. Turn FTP off unless you use it on your own network, and never forward it.';
  if (service === 'ssh' || role === 'ssh')
    return 'Do not forward: SSH is for maintenance on your own network. Turn it off if you do not use it.';
  if (role !== null && LAN_ONLY_ROLES.includes(role)) return 'Never forward: it only works on your own network.';
  // A port whose role is ONVIF is the ONVIF service alone (ONVIF on the web port is named by the web page).
  if (role === 'onvif' || service === 'onvif') return ONVIF_ADVICE;
  if (role === 'sdk' || role === 'media' || role === 'mobile' || service === 'sdk') {
    if (high && facts.cveHistory)
      return 'Do not forward: vendor SDK port with a history of serious flaws — use the VPN or the vendor app.';
    if (high)
      return 'Do not forward: the vendor’s own SDK port, one that scanners know belongs to this brand — use the VPN or the vendor app.';
    return 'Do not forward unless you watch through the vendor’s app by address; the VPN or the vendor’s cloud app is safer. If you must, move it to a non-standard port first.';
  }
  // The device (or the catalogue) names a role, but nothing recognisable answered: say that, not the role's advice.
  if (service === 'unknown')
    return 'Find out what this is: an open port nothing here recognises. If you do not use it, turn it off in the NVR’s settings; never forward it.';
  if (service === 'http' || role === 'http') {
    if (row.adminUi && row.authRequired === false)
      return 'Protect it first: the web page opened without a login. Set an admin password, then never forward plain HTTP — forward only as HTTPS on a non-standard port.';
    if (!row.adminUi && service === 'http')
      return 'Do not forward: plain HTTP with no web page at its address. Find out what uses it; if nothing you need does, turn it off in the NVR’s settings.';
    return row.isDefault
      ? 'Do not forward plain HTTP: passwords would cross the internet readable. Forward only as HTTPS on a non-standard port (move it below), or use the VPN.'
      : 'Do not forward plain HTTP: passwords would cross the internet readable. Forward only as HTTPS on a non-standard port, or use the VPN.';
  }
  if (service === 'https' || role === 'https') {
    if (row.adminUi && row.authRequired === false)
      return 'Protect it first: the web page opened without a login. Set an admin password before anything else; then forward it only as HTTPS on a non-standard port, or use the VPN.';
    if (high)
      return facts.cveHistory
        ? 'Do not forward: this brand’s web server has a history of serious flaws. Update the firmware and use the VPN.'
        : 'Do not forward it as it is (see the risks listed). Use the VPN.';
    return row.isDefault
      ? 'Forward only as HTTPS on a non-standard port: move it from the factory number first (below). The VPN is safer still.'
      : 'If you forward the web page, forward this HTTPS port (same number outside). The VPN is safer still.';
  }
  if (service === 'rtsp' || role === 'rtsp' || role === 'rtsps') {
    if (row.authRequired === false)
      return 'Turn on RTSP authentication first: the video plays for anyone who connects. Then forward it only if a player outside needs it.';
    return row.isDefault
      ? 'Forward only if a player or recorder outside needs the stream, on a non-standard port (move it below) and over TCP; better, watch through the VPN.'
      : 'Forward only if a player or recorder outside needs the stream, over TCP; better, watch through the VPN.';
  }
  return 'Do not forward it unless you know you need it from outside.';
}

/** How the app knows a port is the device's ONVIF service, in plain words (the first that holds decides). */
export function onvifEvidence(
  port: number,
  id: PortIdentity | null,
  declared: readonly DeclaredPort[],
  device: DiscoveredDevice,
): string | null {
  if (id?.onvif) return 'it answered ONVIF GetSystemDateAndTime without a login';
  const here = declared.filter((d) => d.role === 'onvif' && d.port === port);
  if (here.some((d) => d.by === 'onvif')) return 'the device’s own list of its ONVIF services (GetServices) names it';
  if (here.some((d) => d.by === 'discovery'))
    return device.onvifUrl && ownUrlPort(device, device.onvifUrl) === port
      ? `the device’s own discovery answer names it (${clip(device.onvifUrl, 120)})`
      : 'the device’s own discovery answer names it';
  return null;
}

/** Risk from the catalogue (for this role on this port) and from what was measured. */
export function riskFor(
  port: number,
  role: PortRole | null,
  brand: BrandPorts | null,
  service: PortService,
  id: PortIdentity | null,
): PortRow['risk'] {
  const facts = factsAt(brand, port).filter((f) => role === null || f.role === role);
  let level: RiskLevel = 'none';
  const reasons: string[] = [];
  const raise = (l: RiskLevel, why: string) => {
    if (RISK_ORDER[l] > RISK_ORDER[level]) level = l;
    const w = clip(why, 300);
    if (!reasons.includes(w) && reasons.length < 10) reasons.push(w);
  };
  // The brand's own fact wins over the generic one (a brand's CVEs are the brand's).
  const own =
    brand && facts.some((f) => brand.ports.includes(f)) ? facts.filter((f) => brand.ports.includes(f)) : facts;
  for (const f of own) raise(f.risk.level, f.risk.why);
  // What the role itself means, where the device or the catalogue names it (also when nothing recognisable answered).
  if (role === 'backdoor') raise('high', 'A hidden service the owner cannot turn off.');
  if (role === 'telnet') raise('high', 'Telnet sends the login in plain text.');
  if (role === 'ftp') raise('high', 'FTP sends the login and files in plain text.');
  if (role === 'ssh') raise('medium', 'A remote shell on the device.');
  if (role === 'onvif' || service === 'onvif')
    raise('medium', 'ONVIF lets a logged-in program change the device settings. Keep it on the home network.');
  if (role !== null && LAN_ONLY_ROLES.includes(role))
    raise('low', 'A home-network protocol: it is of no use from outside and must never be forwarded.');
  if (!id) return { level, reasons };
  if (service === 'telnet') raise('high', 'Telnet sends the login in plain text.');
  if (service === 'ftp') raise('high', 'FTP sends the login and files in plain text.');
  if (service === 'ssh') raise('medium', 'A remote shell on the device.');
  if (service === 'sdk')
    raise(
      'medium',
      "The vendor's own binary protocol for its apps and PC software: never forward it straight to the internet.",
    );
  if (service === 'http' && id.adminUi)
    raise('medium', 'The admin web page, unencrypted: passwords cross the network readable.');
  if (service === 'https' && id.adminUi) raise('low', 'The admin web page (encrypted).');
  if (service === 'rtsp') raise(id.plainText ? 'medium' : 'low', 'Live video; RTSP is unencrypted.');
  if (service === 'rtsp' && id.authRequired === false) raise('high', 'The video stream plays without a password.');
  if ((service === 'http' || service === 'https') && id.adminUi && id.authRequired === false)
    raise('high', 'The web page opened without a login.');
  if (id.tls?.expired) raise('low', 'Its certificate has expired.');
  if (service === 'http' && !id.adminUi && role !== 'onvif')
    raise('low', 'Plain HTTP answers here, with no web page at its address: something else uses it.');
  if (service === 'unknown' && level === 'none') raise('low', 'Something unrecognised listens here.');
  return { level, reasons };
}

export function purposeFor(
  port: number,
  role: PortRole | null,
  brand: BrandPorts | null,
  id: PortIdentity | null,
): string {
  const fact = factsAt(brand, port).find((f) => f.role === role);
  if (fact) return clip(fact.purpose, 300);
  const what = id?.product ? ` (${id.product})` : '';
  switch (role) {
    case 'http':
      return clip(`Web page (admin and live view)${what}`, 300);
    case 'https':
      return clip(`Encrypted web page (admin and live view)${what}`, 300);
    case 'rtsp':
    case 'rtsps':
      return 'Video streams for players and recorders (RTSP)';
    case 'onvif':
      return 'ONVIF device service (set-up and video for ONVIF programs)';
    case 'sdk':
    case 'media':
    case 'mobile':
      return clip(`The vendor's own port for its apps and PC software${what}`, 300);
    case null:
      return id && id.service !== 'unknown'
        ? clip(`${id.service.toUpperCase()} service${what}`, 300)
        : 'Unknown: nothing here recognised what answered';
    default:
      return clip(`${ROLE_LABELS[role]}${what}`, 300);
  }
}

export function neededOutsideFor(port: number, role: PortRole | null, brand: BrandPorts | null): NeededOutside {
  const fact = factsAt(brand, port).find((f) => f.role === role);
  if (fact) return fact.neededOutside;
  if (role === 'https') return 'yes';
  if (role === 'sdk' || role === 'media' || role === 'mobile') return 'only-with-vendor-app';
  return 'no';
}
