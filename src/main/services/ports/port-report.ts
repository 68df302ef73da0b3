// The Ports step's judgement, from measured facts: what each port is for, how risky it is, what to do about it,
// and the plan of new ports. No I/O: the scan, the identification and ONVIF's answer come in as arguments, so the
// rows of a recorded scan can be checked line by line (tests/unit/ports/ports-service.test.ts).
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
import {
  proposePorts,
  RTSP_TRANSPORT_ADVICE,
  seededRandom,
  validateProposal,
  type EditedPort,
  type PortAssignment,
  type ProposedPort,
  type UsedPort,
} from '../../../shared/catalog/port-proposal';
import type { DiscoveredDevice } from '../../../shared/domain/device';
import type { SetupRecord } from '../../../shared/domain/setup';
import {
  PORT_SERVICES,
  type ManualStepSource,
  type PortPlan,
  type PortReport,
  type PortRow,
  type PortApplyResult,
} from '../../../shared/domain/ports';
import type { NetworkProtocol } from '../../protocol/onvif-soap';
import type { PortIdentity } from './identify';

export type PortService = (typeof PORT_SERVICES)[number];
type DeclaredBy = PortRow['declaredBy'][number];

/** Roles the app moves itself through ONVIF SetNetworkProtocols. */
export const ONVIF_ROLES = ['http', 'https', 'rtsp'] as const;
export type OnvifRole = (typeof ONVIF_ROLES)[number];
export const PROTOCOL_OF_ROLE: Readonly<Record<OnvifRole, NetworkProtocol['name']>> = {
  http: 'HTTP',
  https: 'HTTPS',
  rtsp: 'RTSP',
};

/** Roles a plan may move (the device's own services; LAN-only protocols and hidden services are not "moved"). */
const PLANNED_ROLES: readonly PortRole[] = ['http', 'https', 'rtsp', 'rtsps', 'onvif', 'sdk', 'media', 'mobile'];

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
const SERVICE_OF_ROLE: Partial<Record<PortRole, PortService>> = {
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

const fits = (role: PortRole, service: PortService): boolean => {
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

/** The ports a device declared: ONVIF GetNetworkProtocols (enabled ones), SADP/DHIP/discovery ports, its ONVIF URL. */
export function declaredPorts(device: DiscoveredDevice, protocols: readonly NetworkProtocol[] | null): DeclaredPort[] {
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
function factsAt(brand: BrandPorts | null, port: number): PortFact[] {
  const at = (list: readonly PortFact[]) => list.filter((f) => f.transport === 'tcp' && portInFact(f, port));
  return [...(brand ? at(brand.ports) : []), ...at(RISKY_SERVICES)];
}

/** Whether `port` is a factory port for `role` (of the brand, of any brand, or a standard one). */
export function isDefaultPort(role: PortRole, port: number, brand: BrandPorts | null = null): boolean {
  const all = [...(brand?.ports ?? []), ...RISKY_SERVICES, ...BRAND_PORTS.flatMap((b) => b.ports)];
  return all.some((f) => f.role === role && f.transport === 'tcp' && portInFact(f, port));
}

function pickRole(
  port: number,
  service: PortService,
  declared: readonly DeclaredPort[],
  brand: BrandPorts | null,
  open: boolean,
): PortRole | null {
  // A shared port (ONVIF on the web port) is named by its main service: a web page there makes it the web port.
  const web = open && (service === 'http' || service === 'https');
  const here = declared.filter((d) => d.port === port && !(web && d.role === 'onvif'));
  const byDevice = [...here.filter((d) => d.role !== 'onvif'), ...here.filter((d) => d.role === 'onvif')];
  const fromDevice = byDevice.find((d) => !open || fits(d.role, service));
  if (fromDevice) return fromDevice.role;
  const fromCatalogue = factsAt(brand, port).find((f) => fits(f.role, service));
  if (fromCatalogue && (service !== 'unknown' || !open || brand)) return fromCatalogue.role;
  if (service !== 'unknown') return ROLE_OF_SERVICE[service];
  return open ? null : (knownService(port, 'tcp')[0]?.role ?? null);
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Plain words: what to do about this port. */
export function recommendationFor(row: Omit<PortRow, 'recommendation'>, facts: { cveHistory?: boolean } = {}): string {
  if (row.state !== 'open')
    return row.declaredBy.some((d) => d !== 'catalogue')
      ? 'Nothing answers here although the device says it uses this port: the service is switched off (fine) or moved. Do not forward it.'
      : 'Closed: nothing to do.';
  const role = row.role;
  const service = row.service;
  if (role === 'backdoor')
    return 'Close it: this is a hidden service the owner cannot turn off. Update the firmware, never forward it, and prefer the VPN.';
  if (service === 'telnet' || role === 'telnet')
    return 'Close it: telnet sends passwords in plain text. Turn telnet off in the NVR’s settings (or update the firmware) and never forward it.';
  if (service === 'ftp' || role === 'ftp')
    return 'Close it: FTP sends passwords and files in plain text. Turn FTP off unless you use it on your own network, and never forward it.';
  if (service === 'ssh' || role === 'ssh')
    return 'Do not forward: SSH is for maintenance on your own network. Turn it off if you do not use it.';
  if (role === 'discovery' || role === 'upnp' || role === 'igd' || role === 'nat-pmp')
    return 'Never forward: it only works on your own network.';
  if (role === 'sdk' || role === 'media' || role === 'mobile' || service === 'sdk') {
    if (row.risk.level === 'high' && facts.cveHistory)
      return 'Do not forward: vendor SDK port with a history of serious flaws — use the VPN or the vendor app.';
    if (row.risk.level === 'high')
      return 'Do not forward: the vendor’s own SDK port, one that scanners know belongs to this brand — use the VPN or the vendor app.';
    return 'Do not forward unless you watch through the vendor’s app by address; the VPN or the vendor’s cloud app is safer. If you must, move it to a non-standard port first.';
  }
  if (role === 'onvif' && service !== 'http' && service !== 'https')
    return 'Do not forward: ONVIF is for setting up and viewing on your own network.';
  if (service === 'http' || role === 'http') {
    if (row.authRequired === false)
      return 'Protect it first: the web page opened without a login. Set an admin password, then never forward plain HTTP — forward only as HTTPS on a non-standard port.';
    return row.isDefault
      ? 'Do not forward plain HTTP: passwords would cross the internet readable. Forward only as HTTPS on a non-standard port (move it below), or use the VPN.'
      : 'Do not forward plain HTTP: passwords would cross the internet readable. Forward only as HTTPS on a non-standard port, or use the VPN.';
  }
  if (service === 'https' || role === 'https')
    return row.isDefault
      ? 'Forward only as HTTPS on a non-standard port: move it from the factory number first (below). The VPN is safer still.'
      : 'If you forward the web page, forward this HTTPS port (same number outside). The VPN is safer still.';
  if (service === 'rtsp' || role === 'rtsp' || role === 'rtsps') {
    if (row.authRequired === false)
      return 'Turn on RTSP authentication first: the video plays for anyone who connects. Then forward it only if a player outside needs it.';
    return row.isDefault
      ? 'Forward only if a player or recorder outside needs the stream, on a non-standard port (move it below) and over TCP; better, watch through the VPN.'
      : 'Forward only if a player or recorder outside needs the stream, over TCP; better, watch through the VPN.';
  }
  if (service === 'unknown')
    return 'Find out what this is: an open port nothing here recognises. If you do not use it, turn it off in the NVR’s settings; never forward it.';
  return 'Do not forward it unless you know you need it from outside.';
}

/** Risk from the catalogue (for this role on this port) and from what was measured. */
function riskFor(
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
  if (service === 'unknown' && level === 'none') raise('low', 'Something unrecognised listens here.');
  return { level, reasons };
}

function purposeFor(port: number, role: PortRole | null, brand: BrandPorts | null, id: PortIdentity | null): string {
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

function neededOutsideFor(port: number, role: PortRole | null, brand: BrandPorts | null): NeededOutside {
  const fact = factsAt(brand, port).find((f) => f.role === role);
  if (fact) return fact.neededOutside;
  if (role === 'https') return 'yes';
  if (role === 'sdk' || role === 'media' || role === 'mobile') return 'only-with-vendor-app';
  return 'no';
}

export interface ReportInput {
  device: DiscoveredDevice;
  address: string;
  full: boolean;
  measuredAt: Date;
  /** Open TCP ports, and the ones that never answered (the rest were refused). */
  open: readonly number[];
  filtered: readonly number[];
  identities: readonly PortIdentity[];
  protocols: readonly NetworkProtocol[] | null;
}

/** The report: one row per open port and per declared port, with `declaredButClosed` and `undeclaredOpen`. */
export function buildPortReport(input: ReportInput): PortReport {
  const { device, identities } = input;
  const brand = effectiveBrand(device, identities);
  const declared = declaredPorts(device, input.protocols);
  const byPort = new Map(identities.map((i) => [i.port, i]));
  const open = new Set(input.open);
  const ports = [...new Set([...input.open, ...declared.map((d) => d.port)])].sort((a, b) => a - b);
  const brandPorts = new Set(
    (brand?.ports ?? [])
      .filter((f) => f.transport === 'tcp')
      .flatMap((f) => Array.from({ length: (f.portEnd ?? f.port) - f.port + 1 }, (_, i) => f.port + i)),
  );
  // A device of unknown brand has no catalogue row: its standard web and video ports, answering as such, count
  // as expected (telnet, FTP or anything else there stays "declared by nobody").
  if (!brand)
    for (const f of RISKY_SERVICES)
      if (f.transport === 'tcp' && ['http', 'https', 'rtsp'].includes(f.role)) {
        const id = byPort.get(f.port);
        if (id && fits(f.role, toPortService(id.service))) brandPorts.add(f.port);
      }

  const rows: PortRow[] = ports.slice(0, 1024).map((port) => {
    const isOpen = open.has(port);
    const id = isOpen ? (byPort.get(port) ?? null) : null;
    const state: PortRow['state'] = isOpen ? 'open' : input.filtered.includes(port) ? 'filtered' : 'closed';
    let service = id ? toPortService(id.service) : 'unknown';
    const role = pickRole(port, service, declared, brand, isOpen);
    if (!isOpen && role) service = SERVICE_OF_ROLE[role] ?? 'unknown';
    const declaredBy = [...new Set(declared.filter((d) => d.port === port).map((d) => d.by))];
    if (brandPorts.has(port)) declaredBy.push('catalogue');
    const row: Omit<PortRow, 'recommendation'> = {
      port,
      transport: 'tcp',
      state,
      service,
      product: id?.product ? clip(id.product, 200) : null,
      vendor: id?.vendor ? clip(id.vendor, 100) : null,
      role,
      purpose: purposeFor(port, role, brand, id),
      neededOutside: neededOutsideFor(port, role, brand),
      risk: isOpen ? riskFor(port, role, brand, service, id) : { level: 'none', reasons: [] },
      declaredBy: declaredBy.slice(0, 5),
      isDefault: role ? isDefaultPort(role, port, brand) : knownService(port, 'tcp').length > 0,
      plainText: id ? id.plainText : false,
      adminUi: id ? id.adminUi : false,
      authRequired: id ? id.authRequired : null,
      evidence: (id?.evidence ?? []).slice(0, 10).map((e) => clip(e, 300)),
    };
    const cveHistory = factsAt(brand, port).some((f) => f.role === role && f.risk.reasons.includes('cve-history'));
    return { ...row, recommendation: clip(recommendationFor(row, { cveHistory }), 500) };
  });

  const declaredSet = new Set(declared.map((d) => d.port));
  return {
    deviceId: device.id,
    address: input.address,
    measuredAt: input.measuredAt.toISOString(),
    full: input.full,
    rows,
    declaredButClosed: [...declaredSet]
      .filter((p) => !open.has(p))
      .sort((a, b) => a - b)
      .slice(0, 64),
    undeclaredOpen: [...open]
      .filter((p) => !declaredSet.has(p) && !brandPorts.has(p))
      .sort((a, b) => a - b)
      .slice(0, 1024),
    onvifProtocols: input.protocols
      ? input.protocols.map((p) => ({ name: p.name, enabled: p.enabled, ports: p.ports.slice(0, 8) }))
      : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The plan

export type PortEdits = Partial<Record<'http' | 'https' | 'rtsp' | 'sdk' | 'media' | 'onvif', number>>;

/** The ports a plan starts from: the open rows with a movable role, plus ONVIF where it shares the web port. */
export function currentAssignments(device: DiscoveredDevice, report: PortReport): PortAssignment[] {
  const out: PortAssignment[] = [];
  const add = (role: PortRole, port: number) => {
    if (!out.some((a) => a.role === role)) out.push({ role, transport: 'tcp', port });
  };
  for (const r of report.rows) if (r.state === 'open' && r.role && PLANNED_ROLES.includes(r.role)) add(r.role, r.port);
  let onvifPort: number | null = null;
  try {
    if (device.onvifUrl) onvifPort = Number(new URL(device.onvifUrl).port || 80);
  } catch {
    onvifPort = null;
  }
  if (onvifPort !== null && report.rows.some((r) => r.port === onvifPort && r.state === 'open'))
    add('onvif', onvifPort);
  return out.slice(0, 32);
}

/** What a port's setting is called on the page where the user changes it (by brand, then the usual names). */
const FIELD_NAMES: Readonly<Record<string, Partial<Record<PortRole, string>>>> = {
  hikvision: { sdk: 'Server Port (the SDK port)' },
  dahua: { sdk: 'TCP Port (the SDK port)' },
  reolink: { media: 'Media Port', sdk: 'Media Port' },
  swann: { mobile: 'Server Port (the phone-app port)', sdk: 'Server Port (the phone-app port)' },
};
const USUAL_FIELD_NAMES: Partial<Record<PortRole, string>> = {
  http: 'HTTP Port',
  https: 'HTTPS Port',
  rtsp: 'RTSP Port',
  onvif: 'ONVIF Port',
  sdk: 'SDK port (the one the vendor’s apps use)',
  media: 'Media Port',
  mobile: 'Mobile (phone-app) Port',
};

function fieldName(brandId: string | null, role: PortRole): string {
  return (brandId ? FIELD_NAMES[brandId]?.[role] : undefined) ?? USUAL_FIELD_NAMES[role] ?? `${ROLE_LABELS[role]} port`;
}

/** The ports the vendor's own apps connect to: they learn the number from the device, so it stays the same outside. */
const APP_ROLES: readonly PortRole[] = ['sdk', 'media', 'mobile'];

// Where the brand steps come from. Searched in stored copies of vendor manuals, support pages and partner docs
// (Nov 2026); each step says only what these back, and says so where a path is unconfirmed.
const SRC = {
  dahuaNvrManual: {
    title: 'Dahua Network Video Recorder User’s Manual V2.7.0 (NVR4208-8P), p. 274, Network › UPnP (manual mirror)',
    url: 'http://88.208.23.73:8080/en/manual/dahua/nvr4208-8p/nvr4208-8p_user-manual_500128-274.html',
    confidence: 'H',
    supports:
      '“For the TCP and UDP, please make sure the internal port and external port are the same”; the Network ' +
      'settings hold UPnP, whose default port list is the HTTP, TCP and UDP ports of the NVR',
  },
  hikThirdPartyPath: {
    title: 'Hikvision installer guide (DVRAID), port forwarding for a Hikvision DVR',
    url: 'https://www.dvraid.com/how-to/hikvision-port-forwarding-guide/',
    confidence: 'L',
    supports:
      'the recorder’s own ports (example 8082, 554, 8000, 443) are set on the device; the menu path ' +
      'Configuration › Network › Basic Settings › Port is only in third-party setup notes, not in a Hikvision document we could read',
  },
  reolinkHaDocs: {
    title: 'Home Assistant Reolink integration docs (the integration is authorised by Reolink)',
    url: 'https://www.home-assistant.io/integrations/reolink/',
    confidence: 'M',
    supports:
      'PC client: Settings › Network › Advanced › Port Settings; phone app: Settings › (camera model box) › ' +
      'Network Information › Advanced; ports there can be switched on and off',
  },
  reolinkRtsp: {
    title: 'Reolink support: “What is RTSP”',
    url: 'https://support.reolink.com/hc/en-us/articles/900000630706-What-is-RTSP',
    confidence: 'H',
    supports:
      'RTSP uses port 554, viewing from outside needs a router forward, and to check that the RTSP port is enabled',
  },
  univiewOem: {
    title:
      'Vicon V840D camera manual, p. 43 (looks like Uniview firmware; that it is a Uniview OEM model is unconfirmed)',
    url: 'http://88.208.23.73:8080/en/manual/vicon/v840d-series/1013122?page=48',
    confidence: 'L',
    supports: '“Click Setup > Network > Port”, enter the HTTPS Port, click Save',
  },
  swannDvr: {
    title: 'Swann DVR4-3000 manual, p. 30',
    url: 'http://38.142.81.21:8001/manual/swann/dvr4-3000/system-information-english/page-30.html',
    confidence: 'H',
    supports:
      'Server Port (default 9000, needed by the phone app and MyDVR) and HTTP Port, listed with DDNS, which the ' +
      'manual files under Network: Advanced',
  },
} as const satisfies Record<string, ManualStepSource>;

interface StepContext {
  /** The setting's name on the device's page. */
  field: string;
  /** The app's own name for the port, as the Ports table shows it. */
  label: string;
  role: PortRole;
  port: number;
}

interface BrandSteps {
  sources: readonly ManualStepSource[];
  steps: (c: StepContext) => string[];
}

const setStep = (c: StepContext, after = ''): string =>
  `Set the ${c.field} to ${c.port} and save (it is the “${c.label}” row in our table).${after}`;

/** Said when the web page itself moves, so the user is not surprised that the old address stops answering. */
const webMoves = (c: StepContext): string[] =>
  c.role === 'http' || c.role === 'https'
    ? [`The page then answers on port ${c.port}: open it again at that port (for example http://address:${c.port}).`]
    : [];

const SAME_PORT_ADVICE =
  'In the router, forward the same number outside as inside (internal = external). We recommend it because the ' +
  'vendor’s apps learn the port from the device.';

const RECHECK = 'Come back here and measure the ports again to check the change.';

const MANUAL_STEPS: Readonly<Record<string, BrandSteps>> = {
  hikvision: {
    sources: [SRC.hikThirdPartyPath],
    steps: (c) => [
      'Open the NVR’s web page in a browser and log in as the admin user.',
      'Go to Configuration › Network › Basic Settings › Port. Third-party guides give this path for current web pages; ' +
        'we found no Hikvision document confirming it for every firmware, so if your page differs, look for a Port page under Network.',
      setStep(c),
      ...webMoves(c),
      ...(APP_ROLES.includes(c.role)
        ? [
            SAME_PORT_ADVICE,
            'If iVMS-4200 or Hik-Connect reach the NVR by its address, edit the saved device and enter the new port.',
          ]
        : []),
      RECHECK,
    ],
  },
  dahua: {
    sources: [SRC.dahuaNvrManual],
    steps: (c) => [
      'Open the NVR’s web page in a browser and log in as the admin user.',
      'Open the Network settings and find the page that lists the TCP Port and UDP Port. Dahua’s manual puts port ' +
        'mapping (UPnP, with the HTTP, TCP and UDP ports) under Network; we found no Dahua document naming the page for every firmware.',
      setStep(c),
      ...webMoves(c),
      ...(APP_ROLES.includes(c.role)
        ? [
            'In the router, forward the same number outside as inside (internal = external): Dahua’s manual requires ' +
              'the internal and external port to be the same for the TCP and UDP ports.',
            'If DMSS or SmartPSS reach the NVR by its address, enter the new port there too.',
          ]
        : []),
      RECHECK,
    ],
  },
  reolink: {
    sources: [SRC.reolinkHaDocs, SRC.reolinkRtsp],
    steps: (c) => [
      'Open the Reolink Client on a computer (or the recorder’s web page) and log in as the admin user.',
      'Go to Settings › Network › Advanced › Port Settings. In the Reolink phone app it is Settings › (the box with ' +
        'the camera model) › Network Information › Advanced.',
      setStep(c, ' Ports on that page can be switched off: leave this one switched on.'),
      ...webMoves(c),
      ...(APP_ROLES.includes(c.role) ? [SAME_PORT_ADVICE] : []),
      RECHECK,
    ],
  },
  uniview: {
    sources: [SRC.univiewOem],
    steps: (c) => [
      'Open the device’s web page in a browser and log in as the admin user.',
      'Click Setup › Network › Port. That is the path a Vicon camera manual gives for what looks like Uniview ' +
        'firmware; Uniview recorders and other firmware may name it differently.',
      setStep(c),
      ...webMoves(c),
      ...(APP_ROLES.includes(c.role) ? [SAME_PORT_ADVICE] : []),
      RECHECK,
    ],
  },
  swann: {
    sources: [SRC.swannDvr],
    steps: (c) => [
      'On the recorder’s own screen menu, log in as the admin user.',
      'Open the Network settings, then Advanced: the DVR4-3000 manual describes the Server Port and HTTP Port next to ' +
        'DDNS, NTP, Email Settings and IP Filter, which it files under Network: Advanced. Other Swann models may differ.',
      setStep(c),
      ...webMoves(c),
      ...(APP_ROLES.includes(c.role)
        ? [
            'In the router, forward the same number outside as inside (internal = external), so the number you type ' +
              'in the apps is the recorder’s own.',
            'The SwannView app and MyDVR ask for the Server Port when they connect from outside: enter the new number there.',
          ]
        : []),
      RECHECK,
    ],
  },
};

/** The steps for one port, with where they come from (none for the general steps, which say the menu varies). */
export function manualStepsWithSources(
  brand: BrandPorts | null,
  role: PortRole,
  port: number,
): { steps: string[]; sources: ManualStepSource[] } {
  const c: StepContext = { field: fieldName(brand?.id ?? null, role), label: ROLE_LABELS[role], role, port };
  const own = brand ? MANUAL_STEPS[brand.id] : undefined;
  if (own) return { steps: own.steps(c), sources: [...own.sources] };
  // A brand rule (e.g. Dahua's same-port rule for Amcrest and Dahua-based Lorex) is said with its own source.
  const rule = brand?.rules.find((r) => r.id === 'internal-equals-external' && r.roles.includes(role));
  const samePort = rule ? `In the router: ${rule.text}` : APP_ROLES.includes(role) ? SAME_PORT_ADVICE : null;
  return {
    steps: [
      'Open the device’s web page in a browser and log in as the admin user.',
      'Find its port settings: look under Network (or Advanced) for a Port page. The menu varies between makers and ' +
        'firmware, and we do not know the exact menu for this model; its manual names it.',
      setStep(c),
      ...webMoves(c),
      ...(samePort ? [samePort] : []),
      'If the vendor’s app or PC software connects through this port, enter the new port there too.',
      RECHECK,
    ],
    sources: rule ? [{ title: rule.source, confidence: rule.confidence, supports: 'the same-port rule' }] : [],
  };
}

/** The brands with their own, sourced steps (the others get the general steps). */
export const MANUAL_STEP_BRANDS: readonly string[] = Object.keys(MANUAL_STEPS);

export function manualStepsFor(brand: BrandPorts | null, role: PortRole, port: number): string[] {
  return manualStepsWithSources(brand, role, port).steps;
}

/** The plan: proposed (or edited) ports, their problems, what the app applies itself and what the user does. */
/**
 * The ports the app knows other devices on this network use or are planned to use: each device's declared ports,
 * the open ports of its last measurement, and the new ports of its saved plan. A router forwards an outside port
 * to one device only, so the plan for this device keeps clear of them.
 */
export function portsUsedElsewhere(record: Pick<SetupRecord, 'devices' | 'ports'>, deviceId: string): UsedPort[] {
  const out: UsedPort[] = [];
  const add = (port: number, transport: 'tcp' | 'udp', where: string) => {
    if (!Number.isInteger(port) || port < 1 || port > 65535 || out.length >= 1024) return;
    if (!out.some((u) => u.port === port && u.transport === transport)) out.push({ port, transport, where });
  };
  for (const d of record.devices) {
    if (d.id === deviceId) continue;
    const name = `${[d.brand, d.model].filter(Boolean).join(' ') || 'another device'} (${d.addresses[0] ?? d.id})`;
    for (const port of Object.values(d.ports)) if (typeof port === 'number') add(port, 'tcp', name);
    const entry = record.ports[d.id];
    for (const r of entry?.report?.rows ?? []) if (r.state === 'open') add(r.port, 'tcp', name);
    for (const p of entry?.plan?.proposal ?? []) {
      add(p.internal, p.transport, `${name}, planned`);
      add(p.external, p.transport, `${name}, planned`);
    }
  }
  return out;
}

export function buildPortPlan(
  device: DiscoveredDevice,
  report: PortReport,
  edits: PortEdits = {},
  /** Ports other known devices use or are planned to use (see portsUsedElsewhere). */
  inUseElsewhere: readonly UsedPort[] = [],
): PortPlan {
  const brand = effectiveBrand(
    device,
    report.rows.filter((r) => r.state === 'open'),
  );
  const current = currentAssignments(device, report);
  const inUseOnDevice = report.rows
    .filter((r) => r.state === 'open')
    .map((r) => ({ port: r.port, transport: 'tcp' as const, where: r.role ? ROLE_LABELS[r.role] : `port ${r.port}` }));
  const context = { brand: brand?.name ?? null, current, inUseOnDevice, inUseElsewhere: [...inUseElsewhere] };
  const proposed = proposePorts(context, seededRandom(device.id));
  const problems: PortPlan['problems'] = [];
  const proposal: ProposedPort[] = proposed.map((p) => {
    const edit = edits[p.role as keyof PortEdits];
    if (edit === undefined || edit === p.internal) return p;
    return {
      ...p,
      internal: edit,
      external: edit,
      why:
        edit === p.current
          ? `${ROLE_LABELS[p.role]}: you chose to keep ${p.current}.`
          : `${ROLE_LABELS[p.role]}: move it from ${p.current} to ${edit} (your choice).`,
    };
  });
  // ONVIF on the web port moves with it: an edit of one applies to both.
  const web = proposal.find((p) => p.role === 'http');
  const onvif = proposal.find((p) => p.role === 'onvif');
  if (web && onvif && onvif.current === web.current && edits.onvif === undefined) {
    onvif.internal = web.internal;
    onvif.external = web.internal;
  }
  for (const [role, port] of Object.entries(edits) as Array<[PortRole, number]>) {
    if (!proposal.some((p) => p.role === role))
      problems.push({
        code: 'not-on-device',
        severity: 'error',
        role,
        port,
        message: `${ROLE_LABELS[role]}: the device has no such port open, so there is nothing to move. Measure again if you just switched it on.`,
      });
  }
  const edited: EditedPort[] = proposal.map((p) => ({
    role: p.role,
    transport: p.transport,
    internal: p.internal,
    external: p.external,
  }));
  for (const problem of validateProposal(edited, context))
    problems.push({
      code: problem.code,
      severity: problem.severity,
      role: problem.role,
      port: problem.port,
      message: clip(problem.message, 500),
    });

  const onvifMoves = report.onvifProtocols
    ? ONVIF_ROLES.filter((r) => report.onvifProtocols!.some((p) => p.name === PROTOCOL_OF_ROLE[r]))
    : device.onvifUrl
      ? [...ONVIF_ROLES]
      : [];
  const applyViaOnvif = proposal.filter((p) => (onvifMoves as PortRole[]).includes(p.role)).map((p) => p.role);
  const onvifShared = onvif && web && onvif.current === web.current;
  const manualSteps = proposal
    .filter(
      (p) => !applyViaOnvif.includes(p.role) && !(p.role === 'onvif' && onvifShared && applyViaOnvif.includes('http')),
    )
    .map((p) => {
      const { steps, sources } = manualStepsWithSources(brand, p.role, p.internal);
      return { role: p.role, steps: steps.map((s) => clip(s, 400)).slice(0, 12), sources: sources.slice(0, 6) };
    })
    .slice(0, 8);

  return {
    deviceId: device.id,
    proposal: proposal.slice(0, 32),
    problems: problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)).slice(0, 64),
    applyViaOnvif,
    manualSteps,
    rtspAdvice: RTSP_TRANSPORT_ADVICE.text,
  };
}

/**
 * The Ports step's status after a change: verified only when the change was verified by measurement and no
 * HTTP/HTTPS/RTSP port is left on a factory number (in the last report, as moved by the change).
 */
export function portsStepVerdict(
  report: PortReport | null,
  change: PortApplyResult,
  brandName: string | null,
  /** The device's own list after the change (ONVIF), when known: it covers ports the report may not. */
  after: readonly NetworkProtocol[] | null = null,
): { verified: boolean; reason: string } {
  if (change.outcome !== 'verified') return { verified: false, reason: clip(change.message, 500) };
  const brand = portsForBrand(brandName);
  const moved = new Map<PortRole, number>(change.changes.map((c) => [c.role, c.to]));
  const now = new Map<PortRole, number>();
  for (const r of report?.rows ?? [])
    if (r.state === 'open' && (r.role === 'http' || r.role === 'https' || r.role === 'rtsp') && !now.has(r.role))
      now.set(r.role, r.port);
  for (const p of after ?? []) {
    const role = ONVIF_ROLES.find((r) => PROTOCOL_OF_ROLE[r] === p.name)!;
    if (p.enabled && p.ports[0] !== undefined) now.set(role, p.ports[0]);
    else now.delete(role);
  }
  for (const [role, port] of moved) now.set(role, port);
  const left: string[] = [];
  for (const [role, port] of now) if (isDefaultPort(role, port, brand)) left.push(`${ROLE_LABELS[role]} on ${port}`);
  if (left.length)
    return {
      verified: false,
      reason: clip(`The change was verified, but factory ports remain: ${left.join(', ')}. Move them too.`, 500),
    };
  return { verified: true, reason: '' };
}
