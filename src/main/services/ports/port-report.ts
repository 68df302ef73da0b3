// The Ports step's report: one row per open port and per declared port, judged by port-judgement.ts. No I/O: the
// scan, the identification and ONVIF's answer come in as arguments, so the rows of a recorded scan can be checked
// line by line (tests/unit/services/ports/ports-service.test.ts).
import { knownService, RISKY_SERVICES } from '../../../shared/catalog/ports';
import type { DiscoveredDevice } from '../../../shared/domain/device';
import type { PortReport, PortRow, PortTls } from '../../../shared/domain/ports';
import type { TlsVerdict } from '../../protocol/tls-certificate';
import type { NetworkProtocol } from '../../protocol/onvif-soap';
import type { PortIdentity } from './identify';
import { english } from '../../../shared/i18n/english';
import { said, type Said } from '../../../shared/i18n/said';
import {
  clip,
  declaredPorts,
  effectiveBrand,
  factsAt,
  fits,
  isDefaultPort,
  neededOutsideFor,
  onvifEvidence,
  pickRole,
  purposeSaid,
  recommendationSaid,
  riskSaid,
  SERVICE_OF_ROLE,
  toPortService,
} from './port-judgement';

// The names this module held before the judgement, plan and verdict had files of their own (app.ts imports the
// verdict and portsUsedElsewhere from here until it moves to the feature module).
export {
  auditPorts,
  declaredPorts,
  effectiveBrand,
  isDefaultPort,
  recommendationFor,
  toPortService,
  type DeclaredPort,
  type PortService,
} from './port-judgement';
export { buildPortPlan, currentAssignments, portsUsedElsewhere, type PortEdits } from './port-plan';
export { portsStepVerdict } from './port-verdict';
export { manualStepsFor, manualStepsWithSources, MANUAL_STEP_BRANDS } from '../../../shared/catalog/manual-steps';
export { ONVIF_ROLES, PROTOCOL_OF_ROLE, type OnvifRole } from '../../../shared/domain/ports';

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
  /** The service addresses (XAddr) ONVIF GetServices listed, when the app could log in. */
  serviceAddresses?: readonly string[];
}

/** The report: one row per open port and per declared port, with `declaredButClosed` and `undeclaredOpen`. */
export function buildPortReport(input: ReportInput): PortReport {
  const { device, identities } = input;
  const brand = effectiveBrand(device, identities);
  const declared = declaredPorts(device, input.protocols, input.serviceAddresses);
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
    // ONVIF is known by what it is, whatever its number: its answer, or the device naming the port as its ONVIF
    // service. An HTTP server with no page at its address that ONVIF evidence names is the ONVIF service; with a
    // web page there, the port is the web page's and ONVIF shares it.
    const page = id?.adminUi ?? false;
    const onvifWhy = isOpen ? onvifEvidence(port, id, declared, device) : null;
    if (onvifWhy && service === 'http' && !page) service = 'onvif';
    const role = pickRole(port, service, declared, brand, isOpen, page);
    if (!isOpen && role) service = SERVICE_OF_ROLE[role] ?? 'unknown';
    const sharedOnvif = onvifWhy !== null && (role === 'http' || role === 'https');
    // What decided the service is evidence (protocol facts, shown with the replies): it stays main's English.
    const identifiedBy = onvifWhy ? clip(`${sharedOnvif ? 'ONVIF here too' : 'ONVIF'}: ${onvifWhy}.`, 200) : null;
    const { text: purpose, said: purposeWords } = purposeSaid(port, role, brand, id);
    const withOnvif = sharedOnvif && !/onvif/i.test(purpose);
    const purposeText = withOnvif ? clip(`${purpose}; the ONVIF device service answers here too`, 300) : purpose;
    // The purpose said by key in parts (joined with "; "), where main said it whole so.
    const purposeParts: Said[] | undefined =
      purposeWords && !purposeText.endsWith('…')
        ? [purposeWords, ...(withOnvif ? [said('ports.said.purpose.onvifToo')] : [])]
        : undefined;
    const risk = isOpen ? riskSaid(port, role, brand, service, id) : null;
    const declaredBy = [...new Set(declared.filter((d) => d.port === port).map((d) => d.by))];
    if (brandPorts.has(port)) declaredBy.push('catalogue');
    const row: Omit<PortRow, 'recommendation' | 'said'> = {
      port,
      transport: 'tcp',
      state,
      service,
      product: id?.product ? clip(id.product, 200) : null,
      vendor: id?.vendor ? clip(id.vendor, 100) : null,
      role,
      purpose: purposeText,
      neededOutside: neededOutsideFor(port, role, brand),
      risk: risk?.risk ?? { level: 'none', reasons: [] },
      declaredBy: declaredBy.slice(0, 5),
      isDefault: role ? isDefaultPort(role, port, brand) : knownService(port, 'tcp').length > 0,
      plainText: id ? id.plainText : false,
      adminUi: id ? id.adminUi : false,
      authRequired: id ? id.authRequired : null,
      evidence: [...(identifiedBy ? [identifiedBy] : []), ...(id?.evidence ?? [])]
        .slice(0, 10)
        .map((e) => clip(e, 300)),
      ...(identifiedBy ? { identifiedBy } : {}),
      ...(isOpen && id?.tls ? { tls: portTls(id.tls) } : {}),
    };
    const cveHistory = factsAt(brand, port).some((f) => f.role === role && f.risk.reasons.includes('cve-history'));
    const advice = recommendationSaid(row, { cveHistory });
    return {
      ...row,
      recommendation: clip(english(advice), 500),
      said: {
        recommendation: advice,
        ...(purposeParts ? { purpose: purposeParts } : {}),
        ...(risk?.reasonsSaid.length ? { reasons: risk.reasonsSaid } : {}),
      },
    };
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

/** What the report keeps of a certificate verdict: the facts the Security step judges, bounded to the schema. */
export function portTls(v: TlsVerdict): PortTls {
  const keyBits = v.keyBits ?? null;
  const bits = keyBits !== null && Number.isInteger(keyBits) && keyBits >= 0 && keyBits <= 65536;
  return {
    selfSigned: v.selfSigned,
    trusted: v.trusted,
    validFrom: v.validFrom ?? null,
    validTo: v.validTo ?? null,
    subject: clip(v.subject, 300),
    issuer: clip(v.issuer, 300),
    names: (v.names ?? []).slice(0, 32).map((n) => clip(n, 253)),
    keyType: v.keyType ? clip(v.keyType, 20) : null,
    keyBits: bits ? keyBits : null,
    signatureAlgorithm: v.signatureAlgorithm ? clip(v.signatureAlgorithm, 80) : null,
  };
}
