// The Security check's rules, one function per concern: the NVR's firmware against the table of known critical
// vulnerabilities, the risky services and HTTPS from the Ports measurement, UPnP from its audit, the exposure planned
// (Router rules) and proven (Internet), and whether a VPN is planned. What was not measured is an unknown finding
// that costs points: it is never "safe". Pure. Each finding's words are said by key (`security.said.…`,
// security-finding.ts), and so are the vulnerability table's (a row's name, description, advice, fix, and why this
// firmware matches it: `security.vulns.…`, src/shared/catalog/vulnerabilities.ts); the evidence lines stay English.
import { checkFirmware, vulnBrandOf, type VulnCheck, type VulnStatus } from '../catalog/vulnerabilities';
import { english } from '../i18n/english';
import { said, saidSchema, type Said } from '../i18n/said';
import type { PortRow } from './ports';
import type { UpnpFinding } from './upnp';
import { sayFinding as finding } from './security-finding';
import type { SecurityFinding, SecurityInput, SecurityResult, SecuritySeverity } from './security-model';
import type { MessageKey } from '../i18n/types';

const open = (r: PortRow): boolean => r.state === 'open';
const portList = (rows: readonly PortRow[]): string => rows.map((r) => r.port).join(', ');

/** Words by key where they fit what crosses to the pages (a very long firmware text does not): else the English. */
const fitting = (words: Said): Said | string => (saidSchema.safeParse(words).success ? words : english(words));

/** A row's name: an identifier as it is (a CVE), or words by key (a flaw without a CVE). */
const rowTitle = (c: VulnCheck) => c.vulnerability.said.title ?? c.vulnerability.title;

/** A row's answer as the result carries it, with its words by key where they fit. */
function firmwareRow(c: VulnCheck): SecurityResult['firmware'][number] {
  const v = c.vulnerability;
  const rowSaid = {
    ...(v.said.title ? { title: v.said.title } : {}),
    ...(saidSchema.safeParse(c.reasonSaid).success ? { reason: c.reasonSaid } : {}),
    fixedIn: v.said.fixedIn,
  };
  return {
    id: v.id,
    title: v.title,
    status: c.status satisfies VulnStatus,
    reason: c.reason.slice(0, 800),
    fixedIn: v.fixedIn,
    source: v.source,
    said: rowSaid,
  };
}

export function firmwareFindings(input: SecurityInput): {
  findings: SecurityFinding[];
  firmware: SecurityResult['firmware'];
} {
  const nvr = input.nvr;
  if (!nvr)
    return {
      findings: [
        finding(
          'firmware-unknown',
          'unknown',
          said('security.said.firmwareNoNvr.title'),
          said('security.said.firmwareNoNvr.text'),
          said('security.said.firmwareNoNvr.fix'),
        ),
      ],
      firmware: [],
    };
  if (!vulnBrandOf(nvr.brand))
    return {
      findings: [
        finding(
          'firmware-unknown',
          'unknown',
          said('security.said.firmwareNotInTable.title'),
          nvr.brand
            ? said('security.said.firmwareNotInTable.text', { brand: nvr.brand })
            : said('security.said.firmwareNotInTable.textNoBrand'),
          said('security.said.firmwareNotInTable.fix'),
          [nvr.firmware ? `Firmware: ${nvr.firmware}` : 'Firmware: not known'],
        ),
      ],
      firmware: [],
    };
  const checks = checkFirmware(nvr);
  const evidence = [`Model: ${nvr.model ?? 'not known'}`, `Firmware: ${nvr.firmware ?? 'not known'}`];
  const findings: SecurityFinding[] = [];
  for (const c of checks) {
    const v = c.vulnerability;
    if (c.status === 'affected')
      findings.push(
        finding(
          `vuln-${v.id}`,
          v.severity,
          said('security.said.vulnAffected.title', { title: rowTitle(c) }),
          fitting(said('security.said.vulnAffected.text', { words: v.said.words, reason: c.reasonSaid })),
          said('security.said.vulnAffected.fix', { advice: v.said.advice, fixedIn: v.said.fixedIn }),
          evidence,
          { source: v.source },
        ),
      );
    else if (c.status === 'unknown')
      findings.push(
        finding(
          `vuln-${v.id}`,
          'unknown',
          said('security.said.vulnUnknown.title', { title: rowTitle(c) }),
          fitting(said('security.said.vulnUnknown.text', { reason: c.reasonSaid, words: v.said.words })),
          v.said.advice,
          evidence,
          { source: v.source },
        ),
      );
  }
  return {
    findings,
    firmware: checks.map(firmwareRow),
  };
}

export function portFindings(input: SecurityInput): SecurityFinding[] {
  const report = input.ports;
  if (!report)
    return [
      finding(
        'ports-unknown',
        'unknown',
        said('security.said.portsUnknown.title'),
        said('security.said.portsUnknown.text'),
        said('security.said.portsUnknown.fix'),
        [],
        { worth: 10 },
      ),
    ];
  const rows = report.rows.filter(open);
  const where = `${report.address}, measured ${report.measuredAt}`;
  const out: SecurityFinding[] = [];
  const backdoor = rows.filter((r) => r.role === 'backdoor' || r.port === 9527 || r.port === 9530);
  if (backdoor.length)
    out.push(
      finding(
        'service-backdoor',
        'critical',
        said('security.said.backdoor.title', { ports: portList(backdoor) }),
        said('security.said.backdoor.text'),
        said('security.said.backdoor.fix'),
        [where],
      ),
    );
  const telnet = rows.filter((r) => r.service === 'telnet' || r.role === 'telnet');
  if (telnet.length)
    out.push(
      finding(
        'service-telnet',
        'high',
        said('security.said.telnet.title', { ports: portList(telnet) }),
        said('security.said.telnet.text'),
        said('security.said.telnet.fix'),
        [where],
      ),
    );
  const ftp = rows.filter((r) => r.service === 'ftp' || r.role === 'ftp');
  if (ftp.length)
    out.push(
      finding(
        'service-ftp',
        'high',
        said('security.said.ftp.title', { ports: portList(ftp) }),
        said('security.said.ftp.text'),
        said('security.said.ftp.fix'),
        [where],
        { worth: 15 },
      ),
    );
  const ssh = rows.filter((r) => r.service === 'ssh' || r.role === 'ssh');
  if (ssh.length)
    out.push(
      finding(
        'service-ssh',
        'medium',
        said('security.said.ssh.title', { ports: portList(ssh) }),
        said('security.said.ssh.text'),
        said('security.said.ssh.fix'),
        [where],
      ),
    );
  const https = rows.filter((r) => r.service === 'https' || r.role === 'https');
  // The admin *web page* over plain HTTP: an admin port of another protocol (Hikvision's SDK port 8000, say) is not
  // a web page, and its own findings say what it is.
  const plainAdmin = rows.filter((r) => r.plainText && r.adminUi && (r.service === 'http' || r.role === 'http'));
  if (https.length === 0)
    out.push(
      finding(
        'no-https',
        'high',
        said('security.said.noHttps.title'),
        plainAdmin.length
          ? said('security.said.noHttps.textPlain', { ports: portList(plainAdmin) })
          : said('security.said.noHttps.textNone'),
        said('security.said.noHttps.fix'),
        [where],
        { worth: 15 },
      ),
    );
  else if (plainAdmin.length)
    out.push(
      finding(
        'plain-http-admin',
        'medium',
        said('security.said.plainHttpAdmin.title', { ports: portList(plainAdmin) }),
        said('security.said.plainHttpAdmin.text', { https: portList(https) }),
        said('security.said.plainHttpAdmin.fix'),
        [where],
      ),
    );
  const rtsp = rows.filter((r) => r.service === 'rtsp' || r.role === 'rtsp');
  if (rtsp.length) {
    const forwarded = (input.plan?.rules ?? []).some(
      (r) => r.role === 'rtsp' || rtsp.some((x) => x.port === r.internalPort),
    );
    out.push(
      forwarded
        ? finding(
            'rtsp-forwarded',
            'medium',
            said('security.said.rtspForwarded.title'),
            said('security.said.rtspForwarded.text', { ports: portList(rtsp) }),
            said('security.said.rtspForwarded.fix'),
            [where],
          )
        : finding(
            'rtsp-open',
            'low',
            said('security.said.rtspOpen.title', { ports: portList(rtsp) }),
            said('security.said.rtspOpen.text'),
            said('security.said.rtspOpen.fix'),
            [where],
          ),
    );
  }
  return out;
}

/** The UPnP audit's findings the check takes over (their text is the UPnP step's), with their severity here. */
const UPNP_CODES = {
  'camera-mapped': 'high',
  'came-back': 'high',
  'upnp-on': 'medium',
  'natpmp-on': 'low',
} as const satisfies Partial<Record<UpnpFinding['code'], SecuritySeverity>>;
const taken = (code: UpnpFinding['code']): code is keyof typeof UPNP_CODES => Object.hasOwn(UPNP_CODES, code);

export function upnpFindings(input: SecurityInput): SecurityFinding[] {
  if (!input.upnp)
    return [
      finding(
        'upnp-unknown',
        'unknown',
        said('security.said.upnpUnknown.title'),
        said('security.said.upnpUnknown.text'),
        said('security.said.upnpUnknown.fix'),
      ),
    ];
  return input.upnp.findings.flatMap((f) => {
    if (!taken(f.code)) return [];
    const code = f.code;
    // The text is the UPnP step's finding: by its own key where it said it so, else as it came.
    return [
      finding(
        `upnp-${code}`,
        UPNP_CODES[code],
        said(`security.said.upnp.${code}.title` satisfies MessageKey),
        f.said ?? f.text,
        said(`security.said.upnp.${code}.fix` satisfies MessageKey),
        f.evidence,
      ),
    ];
  });
}

export function exposureFindings(input: SecurityInput, firmwareAffected: boolean): SecurityFinding[] {
  const out: SecurityFinding[] = [];
  const rules = input.plan?.rules ?? [];
  if (rules.length && firmwareAffected)
    out.push(
      finding(
        'forward-vulnerable',
        'critical',
        said('security.said.forwardVulnerable.title'),
        said('security.said.forwardVulnerable.text'),
        said('security.said.forwardVulnerable.fix'),
        rules.map(
          (r) => `${r.name}: ${r.protocol.toUpperCase()} ${r.externalPort} → ${r.internalAddress}:${r.internalPort}`,
        ),
        { worth: 30 },
      ),
    );
  const anywhere = rules.filter((r) => r.sources.length === 0);
  if (anywhere.length)
    out.push(
      finding(
        'forward-any-source',
        'medium',
        said('security.said.forwardAnySource.title'),
        said('security.said.forwardAnySource.text', { rules: String(anywhere.length) }),
        said('security.said.forwardAnySource.fix'),
        anywhere.map((r) => `${r.name}: ${r.protocol.toUpperCase()} ${r.externalPort}`),
      ),
    );
  const proof = input.proof;
  if (!proof) {
    if (rules.length)
      out.push(
        finding(
          'exposure-unproven',
          'unknown',
          said('security.said.exposureUnproven.title'),
          said('security.said.exposureUnproven.text'),
          said('security.said.exposureUnproven.fix'),
        ),
      );
    return out;
  }
  for (const row of proof.rows)
    if (row.kind === 'forbidden' && row.state === 'reachable')
      out.push(
        finding(
          `exposed-${row.protocol}-${row.port}`,
          'critical',
          said('security.said.exposed.title', { label: row.label, port: String(row.port) }),
          // The proof row's own sentence (the Internet step's) as it came.
          said('security.said.exposed.text', { port: String(row.port), why: row.text }),
          said('security.said.exposed.fix'),
          [`Checked ${proof.measuredAt} by ${proof.checker}: ${row.evidence}`],
        ),
      );
  return out;
}

export function vpnFindings(input: SecurityInput): SecurityFinding[] {
  const forwards = (input.plan?.rules.length ?? 0) > 0;
  if (input.vpn === 'unknown')
    return [
      finding(
        'vpn-unknown',
        'unknown',
        said('security.said.vpnUnknown.title'),
        said('security.said.vpnUnknown.text'),
        said('security.said.vpnUnknown.fix'),
        [],
        { worth: 3 },
      ),
    ];
  if (input.vpn === 'planned')
    return forwards
      ? [
          finding(
            'vpn-and-forwards',
            'low',
            said('security.said.vpnAndForwards.title'),
            said('security.said.vpnAndForwards.text'),
            said('security.said.vpnAndForwards.fix'),
          ),
        ]
      : [];
  return forwards
    ? [
        finding(
          'no-vpn',
          'medium',
          said('security.said.noVpn.title'),
          said('security.said.noVpn.text'),
          said('security.said.noVpn.fix'),
        ),
      ]
    : [];
}
