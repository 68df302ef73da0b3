// `nvr-assist vpn` and `vpn check` in the terminal's language: main's findings, the check's lines and the phone test
// are said by key, so the CLI says them in its locale (en-XA here), the addresses, ports and names as they came; in
// English they are main's sentences as before.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderVpnCheck, renderVpnPlan } from '../../../../src/main/features/vpn/cli';
import { judgeVpnCheck } from '../../../../src/shared/domain/vpn-check';
import { planVpn, type VpnPlan } from '../../../../src/shared/domain/vpn-plan';
import { createTranslator } from '../../../../src/shared/i18n';
import { input, proof, row } from '../../shared/domain/vpn-check-fixture';

const key = (name: string) => createHash('sha256').update(`vpn:${name}`).digest('base64');
const en = createTranslator('en');
const xa = createTranslator('en-XA');

/** A Linux server on a common LAN, behind an ISP box, dialled by the public address; 10.8.0.0/24 taken. */
function linuxPlan(): VpnPlan {
  const made = planVpn({
    server: 'linux',
    lan: '192.168.1.0/24',
    otherNetworks: ['10.8.0.0/24'],
    peers: [{ name: 'phone', publicKey: key('phone') }],
    serverPublicKey: key('server'),
    publicAddress: '198.51.100.20',
    verdict: 'double-nat',
    serverLanAddress: '192.168.1.10',
    at: new Date('2026-12-05T12:00:00Z'),
  });
  if (!made.ok) throw new Error(made.error);
  return made.plan;
}

describe('the VPN plan’s findings in the CLI', () => {
  const plan = linuxPlan();

  it('in English: main’s sentences', () => {
    const out = renderVpnPlan(plan, en.t);
    expect(plan.findings.map((f) => f.code)).toEqual([
      'lan-common',
      'tunnel-moved',
      'dynamic-address',
      'double-nat',
      'udp-forward',
    ]);
    for (const f of plan.findings) expect(out).toContain(f.text);
    expect(out).toContain('On the router: forward UDP 51820 to 192.168.1.10 (nothing else).');
  });

  it('in en-XA: each finding said in the locale, its values as they came', () => {
    const out = renderVpnPlan(plan, xa.t);
    for (const f of plan.findings) expect(out).not.toContain(f.text);
    expect(out).toContain(xa.t('vpn.said.findings.udpForward', { port: '51820', address: '192.168.1.10' }));
    expect(out).toContain(xa.t('vpn.said.findings.dynamicAddress', { address: '198.51.100.20' }));
    expect(out).toContain(
      xa.t('vpn.said.findings.tunnelMovedOne', {
        clashes: '10.8.0.0/24',
        taken: '10.8.0.0/24',
        tunnel: '10.66.66.0/24',
      }),
    );
  });
});

describe('the VPN check in the CLI', () => {
  const check = judgeVpnCheck(input({ proof: proof([row(80, 'reachable'), row(554, 'reachable')]) }));

  it('in English: main’s sentences, the phone test as main wrote it', () => {
    const out = renderVpnCheck(check, en.t);
    for (const text of [check.server.text, check.endpoint.text, check.exposure.text, ...check.phoneTest])
      expect(out).toContain(text);
  });

  it('in en-XA: the server, the name, what the internet sees and the phone test said in the locale', () => {
    const out = renderVpnCheck(check, xa.t);
    for (const text of [check.server.text, check.endpoint.text, check.exposure.text, ...check.phoneTest])
      expect(out).not.toContain(text);
    expect(out).toContain(xa.t('vpn.said.check.handshake', { where: '192.168.57.10:51820', peer: 'phone' }));
    expect(out).toContain(xa.t('vpn.said.check.pointsHome', { host: 'home.example.net', address: '203.0.113.2' }));
    expect(out).toContain(xa.t('vpn.said.check.openMany', { ports: '80/tcp, 554/tcp' }));
    expect(out).toContain(`  2. ${xa.t('vpn.said.phone.tunnelOn', { endpoint: 'home.example.net:51820' })}`);
    expect(out).toContain(`  3. ${xa.t('vpn.said.phone.open', { address: '192.168.57.64' })}`);
  });
});
