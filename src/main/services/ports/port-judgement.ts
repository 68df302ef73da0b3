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
import { roleWords } from '../../../shared/catalog/port-words';
import type { DiscoveredDevice } from '../../../shared/domain/device';
import type { ports } from '../../../shared/i18n/en/ports';
import { english } from '../../../shared/i18n/english';
import { said, type Said } from '../../../shared/i18n/said';
import { PORT_SERVICES, type PortRow } from '../../../shared/domain/ports';
import type { NetworkProtocol } from '../../protocol/onvif-soap';
import type { PortIdentity } from './identify';
import { LAN_ONLY_ROLES } from './port-advice';

// What to do about a port (the recommendation) is in port-advice.ts; its names are exported from here too.
export { recommendationFor, recommendationSaid } from './port-advice';

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
  return riskSaid(port, role, brand, service, id).risk;
}

/** A reason for a port's risk, said by key (`ports.said.risk`). */
type RiskWords = keyof typeof ports.said.risk;

/**
 * The risk (riskFor), with its reasons said by key one for one (`reasonsSaid`): null where a reason is the
 * catalogue's own sentence (src/shared/catalog/ports.ts: English data, with its sources).
 */
export function riskSaid(
  port: number,
  role: PortRole | null,
  brand: BrandPorts | null,
  service: PortService,
  id: PortIdentity | null,
): { risk: PortRow['risk']; reasonsSaid: Array<Said | null> } {
  const facts = factsAt(brand, port).filter((f) => role === null || f.role === role);
  let level: RiskLevel = 'none';
  const reasons: string[] = [];
  const reasonsSaid: Array<Said | null> = [];
  const add = (l: RiskLevel, why: string, words: Said | null) => {
    if (RISK_ORDER[l] > RISK_ORDER[level]) level = l;
    const w = clip(why, 300);
    if (!reasons.includes(w) && reasons.length < 10) {
      reasons.push(w);
      reasonsSaid.push(words);
    }
  };
  const raise = (l: RiskLevel, which: RiskWords) => {
    const words = said(`ports.said.risk.${which}`);
    add(l, english(words), words);
  };
  // The brand's own fact wins over the generic one (a brand's CVEs are the brand's).
  const own =
    brand && facts.some((f) => brand.ports.includes(f)) ? facts.filter((f) => brand.ports.includes(f)) : facts;
  for (const f of own) add(f.risk.level, f.risk.why, null);
  // What the role itself means, where the device or the catalogue names it (also when nothing recognisable answered).
  if (role === 'backdoor') raise('high', 'backdoor');
  if (role === 'telnet') raise('high', 'telnet');
  if (role === 'ftp') raise('high', 'ftp');
  if (role === 'ssh') raise('medium', 'ssh');
  if (role === 'onvif' || service === 'onvif') raise('medium', 'onvif');
  if (role !== null && LAN_ONLY_ROLES.includes(role)) raise('low', 'lanOnly');
  const done = () => ({ risk: { level, reasons }, reasonsSaid });
  if (!id) return done();
  if (service === 'telnet') raise('high', 'telnet');
  if (service === 'ftp') raise('high', 'ftp');
  if (service === 'ssh') raise('medium', 'ssh');
  if (service === 'sdk') raise('medium', 'sdk');
  if (service === 'http' && id.adminUi) raise('medium', 'httpAdmin');
  if (service === 'https' && id.adminUi) raise('low', 'httpsAdmin');
  if (service === 'rtsp') raise(id.plainText ? 'medium' : 'low', 'rtsp');
  if (service === 'rtsp' && id.authRequired === false) raise('high', 'rtspNoAuth');
  if ((service === 'http' || service === 'https') && id.adminUi && id.authRequired === false) raise('high', 'noLogin');
  if (id.tls?.expired) raise('low', 'expired');
  if (service === 'http' && !id.adminUi && role !== 'onvif') raise('low', 'httpNoPage');
  if (service === 'unknown' && level === 'none') raise('low', 'unrecognised');
  return done();
}

export function purposeFor(
  port: number,
  role: PortRole | null,
  brand: BrandPorts | null,
  id: PortIdentity | null,
): string {
  return purposeSaid(port, role, brand, id).text;
}

/** A port's purpose in words (purposeFor), said by key: the catalogue's fact's (`ports.purposes.…`) or main's own. */
export function purposeSaid(
  port: number,
  role: PortRole | null,
  brand: BrandPorts | null,
  id: PortIdentity | null,
): { text: string; said?: Said } {
  const fact = factsAt(brand, port).find((f) => f.role === role);
  if (fact) return { text: clip(fact.purpose, 300), said: { key: fact.purposeKey } };
  const product = id?.product ? id.product : null;
  /** The words, with what answered in brackets when it named itself; longer than 300 characters, English alone. */
  const say = (words: Said, withProduct: Said) => {
    const chosen = product === null ? words : withProduct;
    const text = english(chosen);
    return text.length > 300 ? { text: clip(text, 300) } : { text, said: chosen };
  };
  const p = product ?? '';
  switch (role) {
    case 'http':
      return say(said('ports.said.purpose.http'), said('ports.said.purpose.httpProduct', { product: p }));
    case 'https':
      return say(said('ports.said.purpose.https'), said('ports.said.purpose.httpsProduct', { product: p }));
    case 'rtsp':
    case 'rtsps':
      return say(said('ports.said.purpose.rtsp'), said('ports.said.purpose.rtsp'));
    case 'onvif':
      return say(said('ports.said.purpose.onvif'), said('ports.said.purpose.onvif'));
    case 'sdk':
    case 'media':
    case 'mobile':
      return say(said('ports.said.purpose.sdk'), said('ports.said.purpose.sdkProduct', { product: p }));
    case null: {
      if (!id || id.service === 'unknown')
        return say(said('ports.said.purpose.unknown'), said('ports.said.purpose.unknown'));
      const service = id.service.toUpperCase();
      return say(
        said('ports.said.purpose.service', { service }),
        said('ports.said.purpose.serviceProduct', { service, product: p }),
      );
    }
    default:
      return say(
        said('ports.said.purpose.role', { role: roleWords(role) }),
        said('ports.said.purpose.roleProduct', { role: roleWords(role), product: p }),
      );
  }
}

export function neededOutsideFor(port: number, role: PortRole | null, brand: BrandPorts | null): NeededOutside {
  const fact = factsAt(brand, port).find((f) => f.role === role);
  if (fact) return fact.neededOutside;
  if (role === 'https') return 'yes';
  if (role === 'sdk' || role === 'media' || role === 'mobile') return 'only-with-vendor-app';
  return 'no';
}
