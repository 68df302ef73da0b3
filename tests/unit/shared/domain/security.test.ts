import { describe, expect, it } from 'vitest';
import {
  judgeSecurity,
  orderFindings,
  securityInputFromRecord,
  securityResultSchema,
  securityScore,
} from '../../../../src/shared/domain/security';
import { emptySetupRecord, type SetupRecord } from '../../../../src/shared/domain/setup';
import type { DiscoveredDevice } from '../../../../src/shared/domain/device';
import { portRow } from '../../../support/port-row';
import {
  AT,
  audit,
  careful,
  find,
  HTTP,
  HTTPS,
  ids,
  NVR,
  plan,
  proof,
  proofRow,
  report,
  RTSP,
  rule,
  SDK,
} from './security-fixture';

/** A record as written before the VPN step existed (with or without it in STEPS, the same record). */
const withoutVpn = (r: SetupRecord): SetupRecord => {
  const copy = { ...r } as Record<string, unknown>;
  delete copy.vpn;
  return copy as SetupRecord;
};

describe('a record with nothing measured', () => {
  const result = judgeSecurity(securityInputFromRecord(withoutVpn(emptySetupRecord(AT))), AT);
  it('says every part is unknown (firmware, services, UPnP, VPN) instead of scoring it safe', () => {
    expect(result.findings.map((f) => f.id).sort()).toEqual(
      ['firmware-unknown', 'ports-unknown', 'upnp-unknown', 'vpn-unknown'].sort(),
    );
    expect(result.findings.every((f) => f.severity === 'unknown')).toBe(true);
    expect(result.score).toBe(100 - 5 - 10 - 5 - 3);
    expect(result.score).toBeLessThan(100);
    expect(result.highRisk).toBe(false);
  });
  it('gives a result the contract schema accepts', () => {
    expect(securityResultSchema.parse(result)).toEqual(result);
  });
});

describe('a careful setup', () => {
  it('keeps only the one thing that cannot be known (CVE-2021-36260 has no versions) and scores 95', () => {
    const r = judgeSecurity(careful(), AT);
    expect(r.findings.map((f) => f.id)).toEqual(['vuln-CVE-2021-36260']);
    expect(r.findings[0]!.severity).toBe('unknown');
    expect(r.findings[0]!.source).toContain('hikvision.com');
    expect(r.score).toBe(95);
    expect(r.highRisk).toBe(false);
    expect(r.firmware.map((f) => [f.id, f.status])).toEqual([
      ['CVE-2017-7921', 'not-listed'],
      ['CVE-2021-36260', 'unknown'],
    ]);
  });
});

describe('firmware', () => {
  it('flags a Hikvision camera in CVE-2017-7921’s range as critical, with its fix and source', () => {
    const f = find(
      careful({ nvr: { brand: 'HIKVISION', model: 'DS-2CD2032F-I', firmware: 'V5.4.0 build 160530' } }),
      'vuln-CVE-2017-7921',
    );
    expect(f?.severity).toBe('critical');
    expect(f?.fix).toContain('5.4.41');
    expect(f?.source).toContain('CVE-2017-7921');
  });
  it('does not flag the same camera on the fixed 5.4.41', () => {
    const input = careful({ nvr: { brand: 'HIKVISION', model: 'DS-2CD2032F-I', firmware: 'V5.4.41 build 170312' } });
    expect(ids(input)).not.toContain('vuln-CVE-2017-7921');
  });
  it('says a Dahua NVR5216 is unknown for CVE-2021-33045 (no build date in the record), not safe', () => {
    const input = careful({
      nvr: { brand: 'Dahua', model: 'NVR5216-4KS2', firmware: 'V4.001.0000000.3.R, Build Date: 2022-01-01' },
    });
    expect(find(input, 'vuln-CVE-2021-33045')?.severity).toBe('unknown');
    expect(ids(input)).not.toContain('vuln-CVE-2021-33044');
  });
  it('flags an XM recorder for the 9530 telnet backdoor as critical', () => {
    const input = careful({
      nvr: { brand: 'Xiongmai', model: null, firmware: 'V4.02.R11.34500140.12201.131600.00000' },
    });
    expect(find(input, 'vuln-XM-9530-TELNET')?.severity).toBe('critical');
  });
  it('says a brand outside the table is not checked (unknown), naming the brand', () => {
    const f = find(careful({ nvr: { brand: 'Axis', model: 'P3245', firmware: '10.12.1' } }), 'firmware-unknown');
    expect(f?.severity).toBe('unknown');
    expect(f?.text).toContain('Axis');
  });
});

describe('services from the Ports measurement', () => {
  it('flags telnet as high, FTP as high, SSH as medium', () => {
    const input = careful({
      ports: report([
        HTTPS,
        portRow(23, 'telnet', { service: 'telnet' }),
        portRow(21, 'ftp', { service: 'ftp' }),
        portRow(22, 'ssh', { service: 'ssh' }),
      ]),
    });
    expect(find(input, 'service-telnet')?.severity).toBe('high');
    expect(find(input, 'service-ftp')?.severity).toBe('high');
    expect(find(input, 'service-ssh')?.severity).toBe('medium');
  });
  it('does not flag a telnet port that is closed', () => {
    const input = careful({ ports: report([HTTPS, portRow(23, 'telnet', { service: 'telnet', state: 'closed' })]) });
    expect(ids(input)).not.toContain('service-telnet');
  });
  it('flags 9530 open as a critical hidden service', () => {
    const f = find(careful({ ports: report([HTTPS, portRow(9530, null)]) }), 'service-backdoor');
    expect(f?.severity).toBe('critical');
    expect(f?.title).toContain('9530');
  });
  it('flags plain HTTP only as "HTTPS not offered" (high)', () => {
    const f = find(careful({ ports: report([HTTP, SDK]) }), 'no-https');
    expect(f?.severity).toBe('high');
    expect(f?.text).toContain('80');
  });
  it('flags HTTPS beside a plain HTTP admin page as medium, not as "no HTTPS"', () => {
    const input = careful({ ports: report([HTTP, HTTPS]) });
    expect(find(input, 'plain-http-admin')?.severity).toBe('medium');
    expect(ids(input)).not.toContain('no-https');
  });
  it('an SDK port that is plain and used for admin (Hikvision 8000) is not named as a plain HTTP admin page', () => {
    const sdkAdmin = portRow(8000, 'sdk', { service: 'sdk', plainText: true, adminUi: true });
    const input = careful({ ports: report([HTTP, HTTPS, sdkAdmin]) });
    expect(find(input, 'plain-http-admin')?.title).toBe('Plain HTTP admin page still open on port 80');
    expect(find(careful({ ports: report([HTTPS, sdkAdmin]) }), 'plain-http-admin')).toBeUndefined();
  });
  it('calls RTSP on the LAN low, and RTSP the plan forwards medium', () => {
    expect(find(careful({ ports: report([HTTPS, RTSP]) }), 'rtsp-open')?.severity).toBe('low');
    const forwarded = careful({
      ports: report([HTTPS, RTSP]),
      plan: plan([rule({ name: 'NVR video (RTSP)', role: 'rtsp', externalPort: 10554, internalPort: 554 })]),
    });
    expect(find(forwarded, 'rtsp-forwarded')?.severity).toBe('medium');
    expect(ids(forwarded)).not.toContain('rtsp-open');
  });
});

describe('UPnP', () => {
  it.each([
    ['camera-mapped', 'high'],
    ['came-back', 'high'],
    ['upnp-on', 'medium'],
    ['natpmp-on', 'low'],
  ] as const)('turns the audit’s %s into a %s finding with its words and evidence', (code, severity) => {
    const f = find(careful({ upnp: audit([code]) }), `upnp-${code}`);
    expect(f?.severity).toBe(severity);
    expect(f?.text).toBe(`router says ${code}`);
    expect(f?.evidence).toEqual([`evidence of ${code}`]);
  });
  it('adds nothing for UPnP off', () => {
    expect(ids(careful()).filter((id) => id.startsWith('upnp'))).toEqual([]);
  });
});

describe('exposure (Router rules and the proof from outside)', () => {
  it('calls a port the outside check reached that must stay shut critical (exposed)', () => {
    const input = careful({
      plan: plan([rule()]),
      proof: proof([
        proofRow(10443, 'planned', 'reachable'),
        proofRow(23, 'forbidden', 'reachable'),
        proofRow(80, 'forbidden', 'closed'),
      ]),
    });
    const r = judgeSecurity(input, AT);
    const exposed = r.findings.filter((f) => f.id.startsWith('exposed-'));
    expect(exposed.map((f) => f.id)).toEqual(['exposed-tcp-23']);
    expect(exposed[0]!.severity).toBe('critical');
    expect(r.findings[0]!.id).toBe('exposed-tcp-23');
    expect(r.highRisk).toBe(true);
  });
  it('says forwards without a proof are unproven (unknown)', () => {
    expect(find(careful({ plan: plan([rule()]) }), 'exposure-unproven')?.severity).toBe('unknown');
    expect(ids(careful())).not.toContain('exposure-unproven');
  });
  it('flags rules open to any source, and not rules limited to the user’s address', () => {
    expect(find(careful({ plan: plan([rule({ sources: [] })]) }), 'forward-any-source')?.severity).toBe('medium');
    expect(ids(careful({ plan: plan([rule()]) }))).not.toContain('forward-any-source');
  });
  it('flags forwarding to firmware with a known critical flaw as critical', () => {
    const input = careful({
      nvr: { brand: 'Dahua', model: 'IPC-HDW3441T', firmware: 'V2.800.0000000.25.R, Build Date: 2021-05-31' },
      plan: plan([rule()]),
    });
    expect(find(input, 'forward-vulnerable')?.severity).toBe('critical');
    expect(ids(careful({ plan: plan([rule()]) }))).not.toContain('forward-vulnerable');
  });
});

describe('VPN', () => {
  it('asks for a VPN when the NVR is reached through forwards and none is planned', () => {
    expect(find(careful({ vpn: 'none', plan: plan([rule()]) }), 'no-vpn')?.severity).toBe('medium');
  });
  it('says nothing about a VPN when nothing is forwarded and none is planned', () => {
    expect(ids(careful({ vpn: 'none' })).filter((id) => id.includes('vpn'))).toEqual([]);
  });
  it('reminds to remove forwards once a VPN is planned', () => {
    expect(find(careful({ plan: plan([rule()]) }), 'vpn-and-forwards')?.severity).toBe('low');
  });
});

describe('the score and the order of the fixes', () => {
  const bad = careful({
    nvr: { brand: 'HIKVISION', model: 'DS-2CD2032F-I', firmware: 'V5.4.0 build 160530' },
    ports: report([HTTP, portRow(23, 'telnet', { service: 'telnet' }), RTSP]),
    upnp: audit(['camera-mapped', 'natpmp-on']),
    plan: plan([
      rule({ sources: [] }),
      rule({ name: 'NVR video (RTSP)', role: 'rtsp', externalPort: 10554, internalPort: 554, sources: [] }),
    ]),
    proof: proof([proofRow(23, 'forbidden', 'reachable')]),
    vpn: 'none',
  });
  const r = judgeSecurity(bad, AT);
  it('orders the fixes by what each is worth, the exposed port and the vulnerable firmware first', () => {
    const worths = r.findings.map((f) => f.worth);
    expect(worths).toEqual([...worths].sort((a, b) => b - a));
    expect(
      r.findings
        .slice(0, 2)
        .map((f) => f.id)
        .sort(),
    ).toEqual(['exposed-tcp-23', 'vuln-CVE-2017-7921']);
    expect(r.findings[2]!.id).toBe('forward-vulnerable');
    expect(r.findings.at(-1)!.id).toBe('upnp-natpmp-on');
  });
  it('scores a setup this bad 0, high risk', () => {
    expect(r.score).toBe(0);
    expect(r.highRisk).toBe(true);
  });
  it('is 100 less the sum of what the findings are worth, and fixing one gains exactly its worth', () => {
    const some = judgeSecurity(careful({ ports: report([HTTP, HTTPS, RTSP]), vpn: 'none', plan: plan([rule()]) }), AT);
    const total = some.findings.reduce((s, f) => s + f.worth, 0);
    expect(some.score).toBe(100 - total);
    const top = some.findings[0]!;
    expect(securityScore(some.findings.filter((f) => f !== top))).toBe(some.score + top.worth);
  });
  it('breaks ties by severity, then by id', () => {
    const base = { title: '', text: '', fix: '', evidence: [] };
    const ordered = orderFindings([
      { ...base, id: 'b', severity: 'unknown', worth: 5 },
      { ...base, id: 'z', severity: 'low', worth: 5 },
      { ...base, id: 'a', severity: 'unknown', worth: 5 },
    ]);
    expect(ordered.map((f) => f.id)).toEqual(['z', 'a', 'b']);
  });
});

describe('reading the record', () => {
  const device = (id: string): DiscoveredDevice => ({
    id,
    addresses: [NVR],
    mac: null,
    brand: 'HIKVISION',
    brandSource: 'sadp',
    model: 'DS-7608NI-K2',
    name: null,
    firmware: 'V4.30.085 build 210521',
    serial: null,
    sources: ['sadp'],
    onvifUrl: null,
    endpoint: null,
    ports: {},
    dhcp: null,
    activated: true,
    upnp: false,
    notes: [],
    interfaceName: 'eth0',
    lastSeenAt: AT,
  });
  const recorded = (): SetupRecord => {
    const r = emptySetupRecord(AT);
    r.nvr = { deviceId: 'nvr-1', device: device('nvr-1'), chosenAt: AT };
    r.ports = {
      'nvr-1': { report: report([HTTPS]), plan: null, lastChange: null, pending: null },
      other: { report: report([HTTP]), plan: null, lastChange: null, pending: null },
    };
    r.upnp = { ...r.upnp, audit: audit(['upnp-on']) };
    r.rules = { ...r.rules, plan: plan([rule()]) };
    r.internet = { ...r.internet, proof: proof([proofRow(80, 'forbidden', 'reachable')]) };
    return r;
  };
  it('reads the chosen NVR’s firmware and its own Ports measurement, not another device’s', () => {
    const input = securityInputFromRecord(recorded());
    expect(input.nvr).toEqual({ brand: 'HIKVISION', model: 'DS-7608NI-K2', firmware: 'V4.30.085 build 210521' });
    expect(input.ports?.rows.map((x) => x.port)).toEqual([443]);
  });
  it('finds the UPnP, forward and proof facts recorded by the other steps', () => {
    const found = judgeSecurity(securityInputFromRecord(recorded()), AT).findings.map((f) => f.id);
    expect(found).toEqual(expect.arrayContaining(['upnp-upnp-on', 'exposed-tcp-80']));
  });
  it('says the VPN is unknown without a VPN slice, planned with a plan, none without', () => {
    expect(securityInputFromRecord(withoutVpn(recorded())).vpn).toBe('unknown');
    const withVpn = { ...recorded(), vpn: { request: null, plan: { mode: 'wireguard' } } } as unknown as SetupRecord;
    expect(securityInputFromRecord(withVpn).vpn).toBe('planned');
    const noPlan = { ...recorded(), vpn: { request: null, plan: null } } as unknown as SetupRecord;
    expect(securityInputFromRecord(noPlan).vpn).toBe('none');
  });
  it('reads no Ports measurement when no NVR is chosen', () => {
    const r = recorded();
    r.nvr = null;
    expect(securityInputFromRecord(r).ports).toBeNull();
  });
});
