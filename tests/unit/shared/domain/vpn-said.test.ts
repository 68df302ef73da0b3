// The VPN step's words said by key: each refusal and finding carries the catalogue's key and values beside its
// English sentence, which is the key's own (so the page and the CLI, saying the key, say what main says in English);
// a value longer than the boundary lets through leaves the English alone. The name checks the page runs say their
// reasons by key only (no catalogue in the page's files).
import { describe, expect, it } from 'vitest';
import { english } from '../../../../src/shared/i18n/english';
import { saidSchema } from '../../../../src/shared/i18n/said';
import { peerNameSaid, peerNamesSaid } from '../../../../src/shared/domain/vpn-checks';
import { planVpn, vpnPlanSchema, type VpnPlanInput } from '../../../../src/shared/domain/vpn-plan';
import { vpnSaid } from '../../../../src/shared/domain/vpn-said';

const SERVER_PUB = 'hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=';
const PHONE_PUB = '3p7bfXt9wbTTW2HC7OQ1Nz+DQ8hbeGdNrfx+FG+IK08=';
const input = (over: Partial<VpnPlanInput> = {}): VpnPlanInput => ({
  server: 'openwrt',
  lan: '192.168.57.0/24',
  otherNetworks: [],
  peers: [{ name: 'phone', publicKey: PHONE_PUB }],
  serverPublicKey: SERVER_PUB,
  ddnsName: 'home.example.net',
  publicAddress: '198.51.100.20',
  verdict: 'public-on-router',
  at: new Date('2026-12-05T12:00:00Z'),
  ...over,
});

describe('the VPN plan said by key', () => {
  it('a refusal: its English reason is its key’s, and the key and values come with it', () => {
    const cases: Array<[Partial<VpnPlanInput>, string, Record<string, string>?]> = [
      [{ lan: '192.168.1.1' }, 'vpn.said.refused.lanNotNetwork', { lan: '192.168.1.1' }],
      [{ serverPublicKey: 'abc' }, 'vpn.said.refused.badKey'],
      [{ ddnsName: 'not a name' }, 'vpn.said.refused.badEndpoint', { endpoint: 'not a name' }],
      [{ tunnel: '8.8.8.0/24' }, 'vpn.said.refused.tunnelNotPrivate', { tunnel: '8.8.8.0/24' }],
      [
        { tunnel: '192.168.57.0/25' },
        'vpn.said.refused.tunnelClash',
        { tunnel: '192.168.57.0/25', clash: '192.168.57.0/24' },
      ],
      [{ server: 'linux' }, 'vpn.said.refused.linuxAddress'],
      [{ peers: [] }, 'vpn.said.names.none'],
    ];
    for (const [over, key, params] of cases) {
      const r = planVpn(input(over));
      expect(r.ok, key).toBe(false);
      if (r.ok) continue;
      expect(r.said, key).toEqual(params ? { key, params } : { key });
      expect(r.error, key).toBe(english(r.said));
    }
    const full = planVpn(
      input({ otherNetworks: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'], lan: '100.64.1.0/24' }),
    );
    expect(full).toEqual({
      ok: false,
      error: 'Every usual tunnel subnet clashes with a network here: give one with --tunnel (e.g. 10.213.7.0/24).',
      said: { key: 'vpn.said.refused.noFreeTunnel', params: { option: '--tunnel' } },
    });
  });

  it('a finding: its text is its key’s, filled; the plan keeps the key across the boundary', () => {
    const made = planVpn(input({ server: 'tplink' }));
    if (!made.ok) throw new Error(made.error);
    const [finding] = vpnPlanSchema.parse(made.plan).findings;
    expect(finding).toEqual({
      code: 'no-wireguard',
      severity: 'problem',
      text: 'No source shows a WireGuard server on this router (tplink). Run it on an always-on Linux computer of your LAN instead (plan with --server linux: the router then needs one UDP port forward to it), or use a router that has one (OpenWrt, MikroTik RouterOS 7, FRITZ!Box 7.50+, GL.iNet).',
      said: { key: 'vpn.said.findings.noWireguard', params: { server: 'tplink', option: '--server linux' } },
    });
  });

  it('a value longer than the boundary lets through: the English sentence alone', () => {
    const long = { key: 'vpn.said.check.openMany', params: { ports: '1/tcp, '.repeat(60) } };
    expect(saidSchema.safeParse(long).success).toBe(false);
    expect(vpnSaid(long)).toEqual({ text: english(long) });
    const short = { key: 'vpn.said.check.openMany', params: { ports: '80/tcp, 554/tcp' } };
    expect(vpnSaid(short)).toEqual({ text: english(short), said: short });
  });
});

describe('the device names, checked where the page checks them', () => {
  it('said by key, with the name and the file name it suggests as values', () => {
    expect(peerNameSaid('phone')).toBeNull();
    expect(peerNameSaid('my phone')).toEqual({
      key: 'vpn.said.names.notFileName',
      params: { name: 'my phone', example: 'my-phone' },
    });
    expect(peerNameSaid('!!!')).toEqual({
      key: 'vpn.said.names.notFileName',
      params: { name: '!!!', example: 'phone' },
    });
    expect(peerNameSaid('SERVER')).toEqual({ key: 'vpn.said.names.server' });
    expect(peerNamesSaid(['phone', 'laptop'])).toEqual({ ok: true, names: ['phone', 'laptop'] });
    expect(peerNamesSaid(['a', 'A'])).toEqual({
      ok: false,
      said: { key: 'vpn.said.names.twice', params: { name: 'A' } },
    });
  });
});
