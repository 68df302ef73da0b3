// The VPN plan written as configs (src/shared/domain/vpn-configs.ts): the Linux wg-quick server, a device's config,
// OpenWrt uci, RouterOS v7 and the FRITZ!Box import file, each compared whole to a golden file in
// tests/fixtures/vpn-configs/ (fixed test keys: RFC 7748's Alice and Bob and one `wg genkey`; see its README). The
// tests below name what the user would lose: a tunnel that takes all their traffic, a phone that drops off behind
// NAT, a config that lets the tunnel past the LAN, a command their router refuses. The Linux server and the device
// config are also run for real by wg-quick over wireguard-go in tests/integration/vpn-tunnel.test.ts.
// `UPDATE_GOLDEN=1 npx vitest run --project unit tests/unit/shared/domain/vpn-configs.test.ts` rewrites them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fritzboxImport,
  linuxServerConfig,
  mikrotikServerCommands,
  openwrtServerCommands,
  peerConfig,
  serverConfig,
  serverPlan,
} from '../../../../src/shared/domain/vpn-configs';
import { planVpn, type VpnPlan, type VpnPlanInput } from '../../../../src/shared/domain/vpn-plan';

const GOLDEN_DIR = resolve(__dirname, '../../../fixtures/vpn-configs');
function golden(name: string, text: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) writeFileSync(file, `${text}\n`);
  expect(`${text}\n`).toBe(readFileSync(file, 'utf8'));
}

/** Fixed test keys (never used anywhere real): private → public as `wg pubkey` prints them. */
const TEST_KEYS = {
  server: {
    privateKey: 'dwdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LCo=',
    publicKey: 'hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=',
  },
  phone: {
    privateKey: 'XasIfmJKikt54X+Lg4AO5m87sSkmGLb9HC+LJ/+I4Os=',
    publicKey: '3p7bfXt9wbTTW2HC7OQ1Nz+DQ8hbeGdNrfx+FG+IK08=',
  },
  laptop: {
    privateKey: 'EMqyP/1UKRgIgodRpYrRr/PXHF2vuZj7dpp2ac4r1mU=',
    publicKey: 'FDv+6s8NUz0NqiEIhKtrLnAONA9cIkXUkPk6LFlS9Cg=',
  },
};

function plan(over: Partial<VpnPlanInput> = {}): VpnPlan {
  const r = planVpn({
    server: 'linux',
    lan: '192.168.57.0/24',
    otherNetworks: [],
    peers: [
      { name: 'phone', publicKey: TEST_KEYS.phone.publicKey },
      { name: 'laptop', publicKey: TEST_KEYS.laptop.publicKey },
    ],
    serverPublicKey: TEST_KEYS.server.publicKey,
    ddnsName: 'home.example.net',
    publicAddress: null,
    verdict: 'public-on-router',
    serverLanAddress: '192.168.57.10',
    at: new Date('2026-12-05T12:00:00Z'),
    ...over,
  });
  if (!r.ok) throw new Error(r.error);
  return r.plan;
}
const S = TEST_KEYS.server.privateKey;

describe('each config, compared whole to its golden file', () => {
  it('Linux wg-quick server (forwarding, the tunnel to the LAN only, masquerade; one [Peer] per device)', () => {
    golden('linux-server.conf', linuxServerConfig(plan(), S));
  });
  it('the phone’s config (split tunnel, keepalive, the DDNS name and port)', () => {
    golden('peer-phone.conf', peerConfig(plan(), 'phone', TEST_KEYS.phone.privateKey));
  });
  it('OpenWrt uci commands', () => {
    golden('openwrt-server.sh', openwrtServerCommands(plan({ server: 'openwrt' }), S));
  });
  it('MikroTik RouterOS v7 commands (port 13231)', () => {
    golden('mikrotik-server.rsc', mikrotikServerCommands(plan({ server: 'mikrotik' }), S));
  });
  it('FRITZ!Box import file', () => {
    golden('fritzbox-import.conf', fritzboxImport(plan({ server: 'fritzbox' }), S));
  });
});

describe('what the configs promise', () => {
  const lines = (t: string) => t.split('\n');

  it('the device sends only the LAN and the tunnel through it (never 0.0.0.0/0), keeps the NAT open every 25 s, has no DNS line', () => {
    const text = peerConfig(plan(), 'laptop', TEST_KEYS.laptop.privateKey);
    expect(lines(text)).toContain('AllowedIPs = 192.168.57.0/24, 10.8.0.0/24');
    expect(lines(text)).toContain('PersistentKeepalive = 25');
    expect(lines(text)).toContain('Address = 10.8.0.3/32');
    expect(lines(text)).toContain(`PublicKey = ${TEST_KEYS.server.publicKey}`);
    expect(text).not.toContain('0.0.0.0/0');
    expect(text).not.toMatch(/^DNS/m);
    expect(text).not.toContain(TEST_KEYS.server.privateKey);
    expect(text).not.toContain(TEST_KEYS.phone.privateKey);
  });

  it('every config is plain ASCII (a router terminal or an older app may mangle anything else)', () => {
    for (const server of ['linux', 'openwrt', 'mikrotik', 'fritzbox'] as const)
      expect(serverConfig(plan({ server }), S)).toMatch(/^[\x20-\x7e\n]*$/);
    expect(peerConfig(plan(), 'phone', TEST_KEYS.phone.privateKey)).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('the endpoint is the public address when there is no DDNS name', () => {
    const text = peerConfig(
      plan({ ddnsName: null, publicAddress: '203.0.113.2' }),
      'phone',
      TEST_KEYS.phone.privateKey,
    );
    expect(lines(text)).toContain('Endpoint = 203.0.113.2:51820');
  });

  it('each server holds its own private key and the devices’ PUBLIC keys only', () => {
    for (const server of ['linux', 'openwrt', 'mikrotik', 'fritzbox'] as const) {
      const text = serverConfig(plan({ server }), S);
      expect(text).toContain(S);
      expect(text).toContain(TEST_KEYS.phone.publicKey);
      expect(text).toContain(TEST_KEYS.laptop.publicKey);
      expect(text).not.toContain(TEST_KEYS.phone.privateKey);
      expect(text).not.toContain(TEST_KEYS.laptop.privateKey);
    }
  });

  it('the Linux server lets the tunnel reach the LAN only, and removes exactly what it added when it stops', () => {
    const text = linuxServerConfig(plan(), S);
    const up = lines(text).filter((l) => l.startsWith('PostUp = iptables'));
    const down = lines(text).filter((l) => l.startsWith('PostDown = iptables'));
    expect(up).toHaveLength(3);
    expect(down.map((l) => l.replace('PostDown = ', '').replace(' -D ', ' X '))).toEqual(
      up.map((l) => l.replace('PostUp = ', '').replace(/ -[IA] /, ' X ')),
    );
    expect(up.every((l) => l.includes('192.168.57.0/24'))).toBe(true);
    expect(text).toMatch(/^AllowedIPs = 10\.8\.0\.2\/32$/m);
  });

  it('OpenWrt: every line is uci, a comment or a known service command; no section name from a device name', () => {
    const text = openwrtServerCommands(
      plan({ server: 'openwrt', peers: [{ name: 'a-b', publicKey: TEST_KEYS.phone.publicKey }] }),
      S,
    );
    for (const l of lines(text))
      expect(l).toMatch(
        /^(#|uci (-q )?(set|add_list|del_list|delete|commit) |for s in |\/etc\/init\.d\/firewall restart$|ifup nvr_wg$)/,
      );
    expect(text).toContain("uci set network.nvr_wg_p1.description='a-b'");
    expect(text).not.toMatch(/network\.nvr_wg_a/);
  });

  it('RouterOS: our private key on the interface (so the devices’ configs match), the input accept for the port', () => {
    const text = mikrotikServerCommands(plan({ server: 'mikrotik' }), S);
    expect(text).toContain(`/interface wireguard add name=nvr-wg listen-port=13231 private-key="${S}"`);
    expect(text).toContain('dst-port=13231');
  });

  it('refuses to write a plan without a home server, a device not in it, or a key not in WireGuard’s form', () => {
    expect(() => serverPlan(plan({ verdict: 'cgnat' }))).toThrow('no home WireGuard server');
    expect(() => serverConfig(plan({ server: 'glinet' }), S)).toThrow('makes its own config');
    expect(() => peerConfig(plan(), 'tablet', TEST_KEYS.phone.privateKey)).toThrow('no such device');
    expect(() =>
      peerConfig(plan({ ddnsName: null, publicAddress: null }), 'phone', TEST_KEYS.phone.privateKey),
    ).toThrow('no endpoint');
    expect(() => linuxServerConfig(plan(), "x'; rm -rf /")).toThrow('not a WireGuard private key');
    const bad = { ...plan(), peers: [{ name: 'a b', address: '10.8.0.2/32', publicKey: TEST_KEYS.phone.publicKey }] };
    expect(() => linuxServerConfig(bad, S)).toThrow('no home WireGuard server');
  });
});

describe('a plan that is not what planVpn writes is refused (a hand-edited or damaged record)', () => {
  const good = plan();
  const bad = { ...good.peers[0]!, publicKey: 'abc' };
  const tampered: Array<[string, Partial<VpnPlan>]> = [
    ['overlay mode', { mode: 'overlay' }],
    ['no tunnel', { tunnel: null }],
    ['a tunnel that is not a network', { tunnel: 'junk' }],
    ['no server address', { serverAddress: null }],
    ['a server address that is not one', { serverAddress: 'x' }],
    ['a LAN that is not a network', { lan: 'x' }],
    ['no port', { listenPort: null }],
    ['no server key', { serverPublicKey: null }],
    ['a server key not in WireGuard’s form', { serverPublicKey: 'abc' }],
    ['one bad device key among good ones', { peers: [good.peers[0]!, bad] }],
    ['a device address that is not one', { peers: [{ ...good.peers[0]!, address: '10.8.0.2' }] }],
    ['a tunnel over the LAN', { tunnel: '192.168.57.0/24' }],
  ];
  for (const [what, change] of tampered)
    it(what, () => {
      expect(() => serverPlan({ ...good, ...change })).toThrow('no home WireGuard server');
    });
  it('the plan as made passes', () => {
    expect(serverPlan(good)).toBe(good);
  });
});

it('serverConfig writes each kind with its own generator', () => {
  expect(serverConfig(plan(), S)).toBe(linuxServerConfig(plan(), S));
  expect(serverConfig(plan({ server: 'openwrt' }), S)).toBe(openwrtServerCommands(plan({ server: 'openwrt' }), S));
  expect(serverConfig(plan({ server: 'mikrotik' }), S)).toBe(mikrotikServerCommands(plan({ server: 'mikrotik' }), S));
  expect(serverConfig(plan({ server: 'fritzbox' }), S)).toBe(fritzboxImport(plan({ server: 'fritzbox' }), S));
});
