// The Security check's rules, one function per concern: the NVR's firmware against the table of known critical
// vulnerabilities, the risky services and HTTPS from the Ports measurement, UPnP from its audit, the exposure planned
// (Router rules) and proven (Internet), and whether a VPN is planned. What was not measured is an unknown finding
// that costs points: it is never "safe". Pure.
import { checkFirmware, vulnBrandOf, type VulnStatus } from '../catalog/vulnerabilities';
import type { PortRow } from './ports';
import {
  finding,
  type SecurityFinding,
  type SecurityInput,
  type SecurityResult,
  type SecuritySeverity,
} from './security-model';

const open = (r: PortRow): boolean => r.state === 'open';
const portList = (rows: readonly PortRow[]): string => rows.map((r) => r.port).join(', ');

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
          'Firmware not checked: no NVR chosen',
          'No NVR is chosen yet, so its firmware could not be compared with the known vulnerabilities.',
          'Choose the NVR in "Find your NVR", then check again.',
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
          'Firmware not checked against known vulnerabilities',
          nvr.brand
            ? `The table of known critical vulnerabilities holds Hikvision, Dahua and XM only; ${nvr.brand} firmware is not in it. That does not mean it has none.`
            : 'The NVR’s brand is not known, so its firmware could not be compared with the known vulnerabilities.',
          'Look the model up on the maker’s security advisories page and install the latest firmware for it.',
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
          `Firmware affected by ${v.title}`,
          `${v.words} ${c.reason}`,
          `${v.advice} Fixed in: ${v.fixedIn}`,
          evidence,
          { source: v.source },
        ),
      );
    else if (c.status === 'unknown')
      findings.push(
        finding(
          `vuln-${v.id}`,
          'unknown',
          `Not known whether ${v.title} affects this firmware`,
          `${c.reason} ${v.words}`,
          v.advice,
          evidence,
          { source: v.source },
        ),
      );
  }
  return {
    findings,
    firmware: checks.map((c) => ({
      id: c.vulnerability.id,
      title: c.vulnerability.title,
      status: c.status satisfies VulnStatus,
      reason: c.reason.slice(0, 800),
      fixedIn: c.vulnerability.fixedIn,
      source: c.vulnerability.source,
    })),
  };
}

export function portFindings(input: SecurityInput): SecurityFinding[] {
  const report = input.ports;
  if (!report)
    return [
      finding(
        'ports-unknown',
        'unknown',
        'Services and HTTPS not checked: no Ports measurement',
        'The NVR’s ports have not been measured, so it is not known whether telnet, FTP, SSH, plain HTTP or RTSP answer, nor whether HTTPS is offered.',
        'Run the Ports step’s audit for the NVR, then check again.',
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
        `Hidden service open on port ${portList(backdoor)}`,
        'A hidden service the owner cannot turn off answers here (on XM/HiSilicon firmware, 9530 starts a root telnet on 9527 with a password shared by every such device).',
        'Never forward these ports; keep the NVR on a network only you use, and plan to replace it.',
        [where],
      ),
    );
  const telnet = rows.filter((r) => r.service === 'telnet' || r.role === 'telnet');
  if (telnet.length)
    out.push(
      finding(
        'service-telnet',
        'high',
        `Telnet open on port ${portList(telnet)}`,
        'Telnet sends the login readable to anyone on the way and gives a shell on the NVR.',
        'Turn telnet off in the NVR’s settings (or its maintenance menu); never forward it.',
        [where],
      ),
    );
  const ftp = rows.filter((r) => r.service === 'ftp' || r.role === 'ftp');
  if (ftp.length)
    out.push(
      finding(
        'service-ftp',
        'high',
        `FTP open on port ${portList(ftp)}`,
        'FTP sends its login and the files readable to anyone on the way.',
        'Turn the NVR’s FTP server off unless you use it; never forward it.',
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
        `SSH open on port ${portList(ssh)}`,
        'SSH gives a shell on the NVR to whoever has (or guesses) its password.',
        'Turn SSH off in the NVR’s settings unless the installer needs it; never forward it.',
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
        'HTTPS not offered',
        plainAdmin.length
          ? `The web page answers on plain HTTP only (port ${portList(plainAdmin)}): the password crosses the network readable.`
          : 'No HTTPS port answered: the web page cannot be reached encrypted.',
        'Turn HTTPS on in the NVR’s network settings (Ports can move its port), and use only https:// addresses.',
        [where],
        { worth: 15 },
      ),
    );
  else if (plainAdmin.length)
    out.push(
      finding(
        'plain-http-admin',
        'medium',
        `Plain HTTP admin page still open on port ${portList(plainAdmin)}`,
        `HTTPS answers (port ${portList(https)}), but the admin page also answers on plain HTTP, where the password crosses the network readable.`,
        'Turn plain HTTP off, or set it to redirect to HTTPS, and never forward it.',
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
            'Unencrypted video (RTSP) forwarded',
            `The Router rules plan sends RTSP (port ${portList(rtsp)}) to the internet: the video, and often the login, cross it readable.`,
            'Watch through the vendor’s app or a VPN instead, and remove the RTSP rule.',
            [where],
          )
        : finding(
            'rtsp-open',
            'low',
            `RTSP open on the LAN (port ${portList(rtsp)})`,
            'Video is served unencrypted on the home network; it is not forwarded by the Router rules plan.',
            'Keep it off the internet; require a login for RTSP in the NVR’s settings.',
            [where],
          ),
    );
  }
  return out;
}

const UPNP_CODES: Readonly<Partial<Record<string, { severity: SecuritySeverity; title: string; fix: string }>>> = {
  'camera-mapped': {
    severity: 'high',
    title: 'UPnP opened the NVR or a camera to the internet',
    fix: 'Delete the mapping in the UPnP step, then turn UPnP off on the NVR and the router.',
  },
  'came-back': {
    severity: 'high',
    title: 'A deleted UPnP mapping came back',
    fix: 'Turn UPnP off on the NVR (and on the router): the device opens the port again by itself.',
  },
  'upnp-on': {
    severity: 'medium',
    title: 'UPnP is on at the router',
    fix: 'Turn UPnP off on the router (the UPnP step shows where), unless a game console needs it.',
  },
  'natpmp-on': {
    severity: 'low',
    title: 'NAT-PMP is on at the router',
    fix: 'Turn NAT-PMP/PCP off on the router with UPnP.',
  },
};

export function upnpFindings(input: SecurityInput): SecurityFinding[] {
  if (!input.upnp)
    return [
      finding(
        'upnp-unknown',
        'unknown',
        'UPnP not checked',
        'The router’s UPnP has not been audited, so it is not known whether it opened ports to the NVR by itself.',
        'Run the UPnP step’s audit, then check again.',
      ),
    ];
  return input.upnp.findings.flatMap((f) => {
    const known = UPNP_CODES[f.code];
    return known ? [finding(`upnp-${f.code}`, known.severity, known.title, f.text, known.fix, f.evidence)] : [];
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
        'Ports forwarded to firmware with a known critical flaw',
        'The Router rules plan forwards the NVR to the internet while its firmware is affected by a known critical vulnerability: it can be taken over from outside.',
        'Update the firmware first; until then remove the forward rules and use a VPN.',
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
        'Forwarded ports open to every address on the internet',
        `${anywhere.length} forward rule(s) accept connections from anywhere; scanners find such ports within hours.`,
        'Limit the rules to the addresses you connect from (Router rules), or use a VPN instead.',
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
          'Not proven from outside',
          'Forward rules are planned, but no check from outside has been made: which ports the internet reaches is not known.',
          'Run the proof from outside in the Internet step, then check again.',
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
          `Exposed to the internet: ${row.label} (port ${row.port})`,
          `The check from outside reached port ${row.port}, which must never be reachable. ${row.text}`,
          'Remove the forward or UPnP mapping that opens it (the Internet step names the likely cause), then prove again.',
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
        'VPN not known',
        'This record has no VPN step, so whether a VPN is used instead of forwards is not known.',
        'Prefer a VPN (WireGuard, Tailscale or ZeroTier) over forwarding the NVR.',
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
            'VPN planned, and forwards still planned',
            'A VPN is planned, yet the Router rules plan still forwards the NVR: the forwards keep it exposed.',
            'Once the VPN works, remove the NVR’s forward rules.',
          ),
        ]
      : [];
  return forwards
    ? [
        finding(
          'no-vpn',
          'medium',
          'No VPN: the NVR is reached through forwards',
          'Remote access goes through ports forwarded to the NVR, which anyone on the internet can try.',
          'Plan a VPN in the VPN step and remove the forwards.',
        ),
      ]
    : [];
}
