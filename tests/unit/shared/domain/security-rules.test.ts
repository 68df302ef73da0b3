// The Security check's rules, finding by finding, word for word: what the user reads (the title, what it means,
// what to do, the evidence) and what each is worth, and the cases where a wrong rule would hide a risky service,
// call RTSP safe while the plan forwards it, or give the contract a result it refuses.
import { describe, expect, it } from 'vitest';
import { VULNERABILITIES, checkFirmware } from '../../../../src/shared/catalog/vulnerabilities';
import {
  exposureFindings,
  firmwareFindings,
  portFindings,
  upnpFindings,
  vpnFindings,
} from '../../../../src/shared/domain/security-findings';
import { finding } from '../../../../src/shared/domain/security-model';
import { judgeSecurity, orderFindings, securityInputFromRecord } from '../../../../src/shared/domain/security';
import { judgePassword } from '../../../../src/shared/domain/security-password';
import type { SetupRecord } from '../../../../src/shared/domain/setup';
import { portRow } from '../../../support/port-row';
import { fullRecord } from './checklist-fixture';
import { AT, audit, careful, HTTP, HTTPS, NVR, plan, proof, proofRow, report, rule } from './security-fixture';

const WHERE = `${NVR}, measured ${AT}`;
type Values = Readonly<Record<string, string>>;
/**
 * The keys a finding says its words by (`security.said.<name>.title|text|fix`) and the values each was given: the
 * parts named in `parts` only (the others are data as they came), each with its values where it has some.
 */
function saidAs(
  name: string,
  values: { title?: Values; text?: Values; fix?: Values } = {},
  parts: readonly ('title' | 'text' | 'fix')[] = ['title', 'text', 'fix'],
) {
  return Object.fromEntries(
    parts.map((part) => {
      const params = values[part];
      return [
        part,
        params ? { key: `security.said.${name}.${part}`, params } : { key: `security.said.${name}.${part}` },
      ];
    }),
  );
}
const only = (rows: Parameters<typeof report>[0]) => portFindings(careful({ ports: report(rows) }));
const byId = (list: ReturnType<typeof only>, id: string) => list.find((f) => f.id === id);

describe('the firmware', () => {
  it('no NVR chosen: firmware unknown (worth 5), computed in the test (not at load)', () => {
    expect(firmwareFindings(careful({ nvr: null }))).toEqual({
      findings: [
        {
          id: 'firmware-unknown',
          severity: 'unknown',
          title: 'Firmware not checked: no NVR chosen',
          text: 'No NVR is chosen yet, so its firmware could not be compared with the known vulnerabilities.',
          fix: 'Choose the NVR in "Find your NVR", then check again.',
          worth: 5,
          evidence: [],
          said: saidAs('firmwareNoNvr'),
        },
      ],
      firmware: [],
    });
  });

  it('a brand outside the table: not checked, naming the brand and its firmware, and what to do instead', () => {
    expect(firmwareFindings(careful({ nvr: { brand: 'Axis', model: 'P3245', firmware: '10.12.1' } }))).toEqual({
      findings: [
        {
          id: 'firmware-unknown',
          severity: 'unknown',
          title: 'Firmware not checked against known vulnerabilities',
          text: 'The table of known critical vulnerabilities holds Hikvision, Dahua and XM only; Axis firmware is not in it. That does not mean it has none.',
          fix: 'Look the model up on the maker’s security advisories page and install the latest firmware for it.',
          worth: 5,
          evidence: ['Firmware: 10.12.1'],
          said: saidAs('firmwareNotInTable', { text: { brand: 'Axis' } }),
        },
      ],
      firmware: [],
    });
  });

  it('no brand and no firmware known: says so, never "safe"', () => {
    const f = firmwareFindings(careful({ nvr: { brand: null, model: null, firmware: null } })).findings[0]!;
    expect(f.text).toBe(
      'The NVR’s brand is not known, so its firmware could not be compared with the known vulnerabilities.',
    );
    expect(f.evidence).toEqual(['Firmware: not known']);
  });

  it('an affected firmware: titled by the flaw, its words and the reason, the fix with its version, the source', () => {
    const nvr = { brand: 'Xiongmai', model: null, firmware: 'V4.02.R11.34500140.12201.131600.00000' };
    const v = VULNERABILITIES.find((x) => x.id === 'XM-9530-TELNET')!;
    const c = checkFirmware(nvr).find((x) => x.vulnerability === v)!;
    expect(c.status).toBe('affected');
    expect(firmwareFindings(careful({ nvr })).findings).toEqual([
      {
        id: 'vuln-XM-9530-TELNET',
        severity: v.severity,
        title: 'Firmware affected by Xiongmai/HiSilicon port 9530 telnet backdoor (no CVE)',
        text: `${v.words} ${c.reason}`,
        fix: `${v.advice} Fixed in: ${v.fixedIn}`,
        worth: 35,
        evidence: ['Model: not known', 'Firmware: V4.02.R11.34500140.12201.131600.00000'],
        source: v.source,
        // The table's words are said by key too (security.vulns): the row's name (it has no CVE), its words, the
        // reason with the firmware as it came, the advice and the fix.
        said: {
          title: {
            key: 'security.said.vulnAffected.title',
            params: { title: { key: 'security.vulns.rows.XM-9530-TELNET.title' } },
          },
          text: {
            key: 'security.said.vulnAffected.text',
            params: {
              words: { key: 'security.vulns.rows.XM-9530-TELNET.words' },
              reason: {
                key: 'security.vulns.reason.xm',
                params: {
                  firmware: 'V4.02.R11.34500140.12201.131600.00000',
                  fixedIn: { key: 'security.vulns.rows.XM-9530-TELNET.fixedIn' },
                },
              },
            },
          },
          fix: {
            key: 'security.said.vulnAffected.fix',
            params: {
              advice: { key: 'security.vulns.rows.XM-9530-TELNET.advice' },
              fixedIn: { key: 'security.vulns.rows.XM-9530-TELNET.fixedIn' },
            },
          },
        },
      },
    ]);
  });

  it('an unknown answer: titled as not known, the reason first, the advice, the model and firmware as evidence', () => {
    const nvr = { brand: 'Hikvision', model: 'DS-7608NI-K2', firmware: null };
    const got = firmwareFindings(careful({ nvr }));
    const unknown = got.findings.find((f) => f.id === 'vuln-CVE-2021-36260')!;
    const v = VULNERABILITIES.find((x) => x.id === 'CVE-2021-36260')!;
    expect(unknown).toEqual({
      id: 'vuln-CVE-2021-36260',
      severity: 'unknown',
      title: 'Not known whether CVE-2021-36260 (HSRC-202109-01) affects this firmware',
      text: `The firmware version is not known. ${v.words}`,
      fix: v.advice,
      worth: 5,
      evidence: ['Model: DS-7608NI-K2', 'Firmware: not known'],
      source: v.source,
      said: {
        ...saidAs('vulnUnknown', { title: { title: v.title } }, ['title']),
        text: {
          key: 'security.said.vulnUnknown.text',
          params: {
            reason: { key: 'security.vulns.reason.firmwareUnknown' },
            words: { key: 'security.vulns.rows.CVE-2021-36260.words' },
          },
        },
        fix: { key: 'security.vulns.rows.CVE-2021-36260.advice' },
      },
    });
  });

  it('the table’s reason is cut to 800 characters (the result’s bound), a long firmware text with it', () => {
    const got = firmwareFindings(
      careful({ nvr: { brand: 'Hikvision', model: 'DS-7608NI-K2', firmware: 'x'.repeat(900) } }),
    );
    expect(got.firmware.map((f) => f.reason.length)).toEqual([expect.any(Number), 800]);
    expect(got.firmware[1]!.reason.startsWith('The firmware "xxx')).toBe(true);
  });
});

describe('the services the Ports measurement found open', () => {
  it('no measurement: unknown, worth 10, saying what is not known', () => {
    expect(portFindings(careful({ ports: null }))).toEqual([
      {
        id: 'ports-unknown',
        severity: 'unknown',
        title: 'Services and HTTPS not checked: no Ports measurement',
        text: 'The NVR’s ports have not been measured, so it is not known whether telnet, FTP, SSH, plain HTTP or RTSP answer, nor whether HTTPS is offered.',
        fix: 'Run the Ports step’s audit for the NVR, then check again.',
        worth: 10,
        evidence: [],
        said: saidAs('portsUnknown'),
      },
    ]);
  });

  it('the hidden service: by its role, on 9527 or on 9530, every port listed; word for word', () => {
    expect(byId(only([HTTPS, portRow(9530, null)]), 'service-backdoor')).toEqual({
      id: 'service-backdoor',
      severity: 'critical',
      title: 'Hidden service open on port 9530',
      text: 'A hidden service the owner cannot turn off answers here (on XM/HiSilicon firmware, 9530 starts a root telnet on 9527 with a password shared by every such device).',
      fix: 'Never forward these ports; keep the NVR on a network only you use, and plan to replace it.',
      worth: 35,
      evidence: [WHERE],
      said: saidAs('backdoor', { title: { ports: '9530' } }),
    });
    expect(byId(only([HTTPS, portRow(9527, null)]), 'service-backdoor')?.title).toBe(
      'Hidden service open on port 9527',
    );
    expect(byId(only([HTTPS, portRow(7000, 'backdoor' as never)]), 'service-backdoor')?.title).toBe(
      'Hidden service open on port 7000',
    );
    expect(byId(only([HTTPS, portRow(7000, null)]), 'service-backdoor')).toBeUndefined();
  });

  it('telnet by its service or its role, both ports listed; word for word', () => {
    expect(
      byId(only([HTTPS, portRow(23, null, { service: 'telnet' }), portRow(2323, 'telnet')]), 'service-telnet'),
    ).toEqual({
      id: 'service-telnet',
      severity: 'high',
      title: 'Telnet open on port 23, 2323',
      text: 'Telnet sends the login readable to anyone on the way and gives a shell on the NVR.',
      fix: 'Turn telnet off in the NVR’s settings (or its maintenance menu); never forward it.',
      worth: 20,
      evidence: [WHERE],
      said: saidAs('telnet', { title: { ports: '23, 2323' } }),
    });
  });

  it('FTP by its service or its role, worth 15; word for word', () => {
    expect(byId(only([HTTPS, portRow(21, null, { service: 'ftp' }), portRow(2121, 'ftp')]), 'service-ftp')).toEqual({
      id: 'service-ftp',
      severity: 'high',
      title: 'FTP open on port 21, 2121',
      text: 'FTP sends its login and the files readable to anyone on the way.',
      fix: 'Turn the NVR’s FTP server off unless you use it; never forward it.',
      worth: 15,
      evidence: [WHERE],
      said: saidAs('ftp', { title: { ports: '21, 2121' } }),
    });
  });

  it('SSH by its service or its role; word for word', () => {
    expect(byId(only([HTTPS, portRow(22, null, { service: 'ssh' }), portRow(2222, 'ssh')]), 'service-ssh')).toEqual({
      id: 'service-ssh',
      severity: 'medium',
      title: 'SSH open on port 22, 2222',
      text: 'SSH gives a shell on the NVR to whoever has (or guesses) its password.',
      fix: 'Turn SSH off in the NVR’s settings unless the installer needs it; never forward it.',
      worth: 10,
      evidence: [WHERE],
      said: saidAs('ssh', { title: { ports: '22, 2222' } }),
    });
  });

  it('no HTTPS at all: high, worth 15, saying the page cannot be reached encrypted', () => {
    expect(byId(only([portRow(8000, 'sdk')]), 'no-https')).toEqual({
      id: 'no-https',
      severity: 'high',
      title: 'HTTPS not offered',
      text: 'No HTTPS port answered: the web page cannot be reached encrypted.',
      fix: 'Turn HTTPS on in the NVR’s network settings (Ports can move its port), and use only https:// addresses.',
      worth: 15,
      evidence: [WHERE],
      said: { ...saidAs('noHttps', {}, ['title', 'fix']), text: { key: 'security.said.noHttps.textNone' } },
    });
    expect(byId(only([HTTP]), 'no-https')?.text).toBe(
      'The web page answers on plain HTTP only (port 80): the password crosses the network readable.',
    );
  });

  it('HTTPS by its service alone or its role alone counts as offered', () => {
    expect(byId(only([portRow(7443, null, { service: 'https' })]), 'no-https')).toBeUndefined();
    expect(byId(only([portRow(7443, 'https', { service: 'unknown' })]), 'no-https')).toBeUndefined();
  });

  it('HTTPS beside a plain HTTP admin page: medium, naming both ports; word for word', () => {
    expect(byId(only([HTTPS, HTTP]), 'plain-http-admin')).toEqual({
      id: 'plain-http-admin',
      severity: 'medium',
      title: 'Plain HTTP admin page still open on port 80',
      text: 'HTTPS answers (port 443), but the admin page also answers on plain HTTP, where the password crosses the network readable.',
      fix: 'Turn plain HTTP off, or set it to redirect to HTTPS, and never forward it.',
      worth: 10,
      evidence: [WHERE],
      said: saidAs('plainHttpAdmin', { title: { ports: '80' }, text: { https: '443' } }),
    });
  });

  it('RTSP on the LAN only (found by service or role): low; word for word', () => {
    const lan = {
      id: 'rtsp-open',
      severity: 'low',
      title: 'RTSP open on the LAN (port 554)',
      text: 'Video is served unencrypted on the home network; it is not forwarded by the Router rules plan.',
      fix: 'Keep it off the internet; require a login for RTSP in the NVR’s settings.',
      worth: 4,
      evidence: [WHERE],
      said: saidAs('rtspOpen', { title: { ports: '554' } }),
    };
    expect(byId(only([HTTPS, portRow(554, null, { service: 'rtsp' })]), 'rtsp-open')).toEqual(lan);
    expect(byId(only([HTTPS, portRow(554, 'rtsp', { service: 'unknown' })]), 'rtsp-open')).toEqual(lan);
  });

  it('RTSP forwarded, by a rule of the RTSP role or by one to its port: medium; a rule elsewhere is not', () => {
    const rtsp = portRow(554, 'rtsp', { service: 'rtsp' });
    const with_ = (rules: ReturnType<typeof rule>[]) =>
      portFindings(careful({ ports: report([HTTPS, rtsp]), plan: plan(rules) }));
    expect(byId(with_([rule({ role: 'rtsp', internalPort: 10554 })]), 'rtsp-forwarded')).toEqual({
      id: 'rtsp-forwarded',
      severity: 'medium',
      title: 'Unencrypted video (RTSP) forwarded',
      text: 'The Router rules plan sends RTSP (port 554) to the internet: the video, and often the login, cross it readable.',
      fix: 'Watch through the vendor’s app or a VPN instead, and remove the RTSP rule.',
      worth: 10,
      evidence: [WHERE],
      said: saidAs('rtspForwarded', { text: { ports: '554' } }),
    });
    expect(byId(with_([rule(), rule({ role: 'http', internalPort: 554 })]), 'rtsp-forwarded')?.severity).toBe('medium');
    const two = portFindings(
      careful({
        ports: report([HTTPS, rtsp, portRow(10554, null, { service: 'rtsp' })]),
        plan: plan([rule({ role: 'http', internalPort: 10554 })]),
      }),
    );
    expect(byId(two, 'rtsp-forwarded')?.title).toBe('Unencrypted video (RTSP) forwarded');
    expect(byId(with_([rule()]), 'rtsp-open')?.severity).toBe('low');
    expect(byId(with_([rule()]), 'rtsp-forwarded')).toBeUndefined();
  });
});

describe('UPnP', () => {
  it('not audited: unknown, worth 5', () => {
    expect(upnpFindings(careful({ upnp: null }))).toEqual([
      {
        id: 'upnp-unknown',
        severity: 'unknown',
        title: 'UPnP not checked',
        text: 'The router’s UPnP has not been audited, so it is not known whether it opened ports to the NVR by itself.',
        fix: 'Run the UPnP step’s audit, then check again.',
        worth: 5,
        evidence: [],
        said: saidAs('upnpUnknown'),
      },
    ]);
  });

  it('a finding’s evidence is kept up to 16 lines (the result’s bound)', () => {
    const a = audit(['upnp-on']);
    a.findings[0]!.evidence = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    expect(upnpFindings(careful({ upnp: a }))[0]!.evidence).toHaveLength(16);
  });
});

describe('the exposure planned and proven', () => {
  const open = rule({ sources: [] });
  it('forwards to an affected firmware: critical, worth 30, each rule as its evidence; word for word', () => {
    expect(exposureFindings(careful({ plan: plan([rule()]), proof: proof([]) }), true)).toEqual([
      {
        id: 'forward-vulnerable',
        severity: 'critical',
        title: 'Ports forwarded to firmware with a known critical flaw',
        text: 'The Router rules plan forwards the NVR to the internet while its firmware is affected by a known critical vulnerability: it can be taken over from outside.',
        fix: 'Update the firmware first; until then remove the forward rules and use a VPN.',
        worth: 30,
        evidence: [`NVR Web page (HTTPS): TCP 10443 → ${NVR}:443`],
        said: saidAs('forwardVulnerable'),
      },
    ]);
  });

  it('rules open to any address: counted, each named; word for word', () => {
    expect(
      exposureFindings(careful({ plan: plan([open, rule({ name: 'Limited' })]), proof: proof([]) }), false),
    ).toEqual([
      {
        id: 'forward-any-source',
        severity: 'medium',
        title: 'Forwarded ports open to every address on the internet',
        text: '1 forward rule(s) accept connections from anywhere; scanners find such ports within hours.',
        fix: 'Limit the rules to the addresses you connect from (Router rules), or use a VPN instead.',
        worth: 10,
        evidence: ['NVR Web page (HTTPS): TCP 10443'],
        said: saidAs('forwardAnySource', { text: { rules: '1' } }),
      },
    ]);
  });

  it('rules without a proof from outside: unknown; word for word', () => {
    expect(exposureFindings(careful({ plan: plan([rule()]), proof: null }), false)).toEqual([
      {
        id: 'exposure-unproven',
        severity: 'unknown',
        title: 'Not proven from outside',
        text: 'Forward rules are planned, but no check from outside has been made: which ports the internet reaches is not known.',
        fix: 'Run the proof from outside in the Internet step, then check again.',
        worth: 5,
        evidence: [],
        said: saidAs('exposureUnproven'),
      },
    ]);
  });

  it('a port that must stay shut reached from outside: critical, with the check’s own words and evidence', () => {
    const row = { ...proofRow(23, 'forbidden', 'reachable'), text: 'A forward opens it.' };
    expect(exposureFindings(careful({ proof: proof([row]) }), false)).toEqual([
      {
        id: 'exposed-tcp-23',
        severity: 'critical',
        title: 'Exposed to the internet: Telnet (plain-text login) (port 23)',
        text: 'The check from outside reached port 23, which must never be reachable. A forward opens it.',
        fix: 'Remove the forward or UPnP mapping that opens it (the Internet step names the likely cause), then prove again.',
        worth: 35,
        evidence: [`Checked ${AT} by https://checker.example: 31 ms`],
        said: saidAs('exposed', {
          title: { label: 'Telnet (plain-text login)', port: '23' },
          text: { port: '23', why: 'A forward opens it.' },
        }),
      },
    ]);
  });
});

describe('the VPN', () => {
  it('no VPN step in the record: unknown, worth 3, even without forwards', () => {
    expect(vpnFindings(careful({ vpn: 'unknown', plan: null }))).toEqual([
      {
        id: 'vpn-unknown',
        severity: 'unknown',
        title: 'VPN not known',
        text: 'This record has no VPN step, so whether a VPN is used instead of forwards is not known.',
        fix: 'Prefer a VPN (WireGuard, Tailscale or ZeroTier) over forwarding the NVR.',
        worth: 3,
        evidence: [],
        said: saidAs('vpnUnknown'),
      },
    ]);
  });

  it('a VPN planned with forwards still planned, and forwards without a VPN; word for word', () => {
    expect(vpnFindings(careful({ vpn: 'planned', plan: plan([rule()]) }))).toEqual([
      {
        id: 'vpn-and-forwards',
        severity: 'low',
        title: 'VPN planned, and forwards still planned',
        text: 'A VPN is planned, yet the Router rules plan still forwards the NVR: the forwards keep it exposed.',
        fix: 'Once the VPN works, remove the NVR’s forward rules.',
        worth: 4,
        evidence: [],
        said: saidAs('vpnAndForwards'),
      },
    ]);
    expect(vpnFindings(careful({ vpn: 'none', plan: plan([rule()]) }))).toEqual([
      {
        id: 'no-vpn',
        severity: 'medium',
        title: 'No VPN: the NVR is reached through forwards',
        text: 'Remote access goes through ports forwarded to the NVR, which anyone on the internet can try.',
        fix: 'Plan a VPN in the VPN step and remove the forwards.',
        worth: 10,
        evidence: [],
        said: saidAs('noVpn'),
      },
    ]);
  });
});

describe('the whole check', () => {
  it('a high finding alone (telnet) is high risk', () => {
    const r = judgeSecurity(careful({ ports: report([HTTPS, portRow(23, 'telnet')]) }), AT);
    expect(r.findings.some((f) => f.severity === 'critical')).toBe(false);
    expect(r.highRisk).toBe(true);
  });

  it('keeps 64 findings at most (the contract’s bound), the ones worth most', () => {
    const rows = Array.from({ length: 70 }, (_, i) => proofRow(10000 + i, 'forbidden', 'reachable'));
    const r = judgeSecurity(careful({ proof: proof(rows) }), AT);
    expect(r.findings).toHaveLength(64);
    expect(r.findings.every((f) => f.severity === 'critical')).toBe(true);
  });

  it('findings equal in worth and severity come out by id, whatever order they came in', () => {
    const f = (id: string) => finding(id, 'low', 't', 'x', 'y');
    expect(orderFindings([f('d'), f('c'), f('b'), f('a'), f('e')]).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('reads the VPN as unknown when the record has no VPN step at all (an older record)', () => {
    const r = fullRecord() as Partial<SetupRecord>;
    delete (r as { vpn?: unknown }).vpn;
    expect(securityInputFromRecord(r as SetupRecord).vpn).toBe('unknown');
  });

  it('reads the VPN as none when its plan is "none", and no Ports report when the NVR has no entry', () => {
    const r = fullRecord();
    r.ports = {};
    const input = securityInputFromRecord({ ...r, vpn: { request: null, plan: { mode: 'none' } } } as SetupRecord);
    expect(input.vpn).toBe('none');
    expect(input.ports).toBeNull();
  });
});

describe('the password verdict', () => {
  const estimate = (score: number, suggestions: string[] = []) => ({
    score,
    warning: null,
    suggestions,
    crackTime: '3 years',
  });

  it('a strong password gets the verdict only: no advice about length or kinds it does not need', () => {
    expect(judgePassword('Correct-Horse-9', estimate(4)).words).toEqual([
      'Strong: 15 characters of 4 kinds, and very hard to guess (3 years for an attacker with a stolen copy).',
    ]);
  });

  it('a long password of letters without case: kinds "none", and both other kinds named as missing', () => {
    expect(judgePassword('監視監視監視監視監視監視', estimate(1)).words).toEqual([
      'Not strong enough: guessed quickly (3 years for an attacker with a stolen copy).',
      'Mix at least 3 kinds of character: it has none; add small letters or capital letters or digits or symbols.',
    ]);
  });

  it('keeps 12 lines of advice at most (the contract’s bound)', () => {
    const many = Array.from({ length: 14 }, (_, i) => `tip ${i}`);
    expect(judgePassword('Correct-Horse-9', estimate(4, many)).words).toHaveLength(12);
  });
});
