// The VPN step's plan (src/shared/domain/vpn-plan.ts): where the server runs, a tunnel subnet that clashes with
// nothing the user's devices see, the endpoint, split tunnel, keepalive, one peer per named device — and behind
// CGNAT no home server at all. Each test names what the user would lose: a tunnel that hides their own LAN, a
// phone that dials an address that will change without being told, a private key in the plan.
import { describe, expect, it } from 'vitest';
import {
  chooseTunnel,
  checkPeerName,
  checkPeerNames,
  isEndpointName,
  isWgKey,
  overlaps,
  parseCidr,
  planVpn,
  TUNNEL_CANDIDATES,
  VPN_SERVER_KINDS,
  VPN_SERVERS,
  vpnPlanSchema,
  type VpnPlanInput,
} from '../../../../src/shared/domain/vpn-plan';

// Public keys only (the plan never sees a private one): RFC 7748's Alice and Bob, and one from `wg pubkey`.
const SERVER_PUB = 'hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=';
const PHONE_PUB = '3p7bfXt9wbTTW2HC7OQ1Nz+DQ8hbeGdNrfx+FG+IK08=';
const LAPTOP_PUB = 'FDv+6s8NUz0NqiEIhKtrLnAONA9cIkXUkPk6LFlS9Cg=';
const PHONE_PRIV = 'XasIfmJKikt54X+Lg4AO5m87sSkmGLb9HC+LJ/+I4Os=';

const input = (over: Partial<VpnPlanInput> = {}): VpnPlanInput => ({
  server: 'openwrt',
  lan: '192.168.57.0/24',
  otherNetworks: [],
  peers: [
    { name: 'phone', publicKey: PHONE_PUB },
    { name: 'laptop', publicKey: LAPTOP_PUB },
  ],
  serverPublicKey: SERVER_PUB,
  ddnsName: 'home.example.net',
  publicAddress: '198.51.100.20',
  verdict: 'public-on-router',
  at: new Date('2026-12-05T12:00:00Z'),
  ...over,
});

function plan(over: Partial<VpnPlanInput> = {}) {
  const r = planVpn(input(over));
  if (!r.ok) throw new Error(r.error);
  return vpnPlanSchema.parse(r.plan);
}
const refused = (over: Partial<VpnPlanInput>) => {
  const r = planVpn(input(over));
  return r.ok ? null : r.error;
};
const codes = (p: ReturnType<typeof plan>) => p.findings.map((f) => f.code);

describe('networks', () => {
  it('reads a.b.c.d/n to its network and refuses anything else', () => {
    expect(parseCidr('192.168.1.77/24')).toEqual({ net: 0xc0a80100, prefix: 24 });
    expect(parseCidr(' 10.0.0.0/8 ')).toEqual({ net: 0x0a000000, prefix: 8 });
    for (const bad of [
      '192.168.1.0',
      '192.168.1.0/33',
      '300.1.1.1/24',
      '1.2.3/24',
      'x/24',
      '192.168.1.0/24/1',
      'a1.2.3.4/24',
    ])
      expect(parseCidr(bad)).toBeNull();
  });

  it('overlap: one inside the other either way, neighbours do not', () => {
    expect(overlaps('10.0.0.0/8', '10.8.0.0/24')).toBe(true);
    expect(overlaps('10.8.0.0/24', '10.0.0.0/8')).toBe(true);
    expect(overlaps('10.8.0.0/24', '10.8.1.0/24')).toBe(false);
    expect(overlaps('10.8.0.0/23', '10.8.1.0/24')).toBe(true);
    expect(overlaps('10.8.0.0/24', 'junk')).toBe(false);
  });

  it('the tunnel is the first usual subnet that clashes with none of the networks seen', () => {
    expect(chooseTunnel(['192.168.1.0/24'])).toBe('10.8.0.0/24');
    expect(chooseTunnel(['10.0.0.0/8'])).toBe('172.29.0.0/24');
    expect(chooseTunnel(['10.0.0.0/8', '172.16.0.0/12'])).toBe('192.168.250.0/24');
    expect(chooseTunnel(['0.0.0.0/0'])).toBeNull();
  });
});

describe('the plan on a router with WireGuard', () => {
  it('split tunnel: the peers send only the LAN and the tunnel through it; keepalive 25; peers .2, .3 by public key', () => {
    const p = plan();
    expect(p.mode).toBe('wireguard');
    expect(p.tunnel).toBe('10.8.0.0/24');
    expect(p.serverAddress).toBe('10.8.0.1/24');
    expect(p.allowedIps).toEqual(['192.168.57.0/24', '10.8.0.0/24']);
    expect(p.keepalive).toBe(25);
    expect(p.peers).toEqual([
      { name: 'phone', address: '10.8.0.2/32', publicKey: PHONE_PUB },
      { name: 'laptop', address: '10.8.0.3/32', publicKey: LAPTOP_PUB },
    ]);
    expect(p.serverPublicKey).toBe(SERVER_PUB);
    expect(p.endpoint).toEqual({ host: 'home.example.net', kind: 'ddns' });
    expect(p.listenPort).toBe(51820);
    expect(p.config).toBe('openwrt');
    expect(p.forward).toBeNull();
    expect(p.facts).toMatchObject({ grade: 'H', source: expect.stringContaining('wireguard.sh') as string });
    expect(p.findings).toEqual([]);
    expect(p.madeAt).toBe('2026-12-05T12:00:00.000Z');
  });

  it('the plan holds no private key (only what it was given: public keys)', () => {
    const text = JSON.stringify(plan());
    expect(text).not.toContain(PHONE_PRIV);
    expect(text).not.toMatch(/private/i);
  });

  it('MikroTik listens on its documented default 13231; a FRITZ!Box (unofficial sources) says so', () => {
    expect(plan({ server: 'mikrotik' }).listenPort).toBe(13231);
    const fritz = plan({ server: 'fritzbox' });
    expect(fritz.config).toBe('fritzbox');
    expect(fritz.findings.find((f) => f.code === 'not-confirmed')?.text).toContain('unofficial sources');
  });

  it('a router that makes its own configs (GL.iNet, UniFi, ASUS): no config written, its menu steps', () => {
    for (const server of ['glinet', 'unifi', 'asus']) {
      const p = plan({ server });
      expect(p.config).toBeNull();
      expect(p.steps[0]).toContain(VPN_SERVERS[server as 'glinet'].where);
    }
  });

  it('every server kind has a source and a grade', () => {
    for (const k of VPN_SERVER_KINDS) {
      expect(VPN_SERVERS[k].id).toBe(k);
      expect(VPN_SERVERS[k].source.length).toBeGreaterThan(10);
    }
  });

  it('a tunnel that would hide a network the user has is moved, and the plan says which and why', () => {
    const p = plan({ lan: '10.8.0.0/24', otherNetworks: ['192.168.9.0/24', '10.66.66.0/24', 'not a network'] });
    expect(p.tunnel).toBe('172.29.0.0/24');
    expect(p.findings).toContainEqual({
      code: 'tunnel-moved',
      severity: 'info',
      text: '10.8.0.0/24, 10.66.66.0/24 are already used here (10.8.0.0/24, 10.66.66.0/24): the tunnel uses 172.29.0.0/24 instead.',
      said: {
        key: 'vpn.said.findings.tunnelMovedMany',
        params: { clashes: '10.8.0.0/24, 10.66.66.0/24', taken: '10.8.0.0/24, 10.66.66.0/24', tunnel: '172.29.0.0/24' },
      },
    });
    expect(plan({ lan: '10.8.0.0/24' }).findings.find((f) => f.code === 'tunnel-moved')?.text).toBe(
      '10.8.0.0/24 is already used here (10.8.0.0/24): the tunnel uses 10.66.66.0/24 instead.',
    );
  });

  it('a tunnel the user names is used when free, refused when it clashes, is public or is too small', () => {
    expect(plan({ tunnel: '10.213.7.9/24' }).tunnel).toBe('10.213.7.0/24');
    expect(refused({ tunnel: '192.168.57.128/25' })).toBe(
      'The tunnel subnet 192.168.57.128/25 overlaps 192.168.57.0/24, a network your devices already use.',
    );
    expect(refused({ tunnel: '8.8.8.0/24' })).toContain('must be a private network');
    expect(refused({ tunnel: '10.1.0.0/30' })).toContain('must be a private network');
    expect(
      refused({
        tunnel: '10.1.0.0/29',
        peers: Array.from({ length: 6 }, (_, i) => ({ name: `d${i}`, publicKey: PHONE_PUB })),
      }),
    ).toBe('The tunnel subnet 10.1.0.0/29 is too small for 6 devices.');
    expect(
      plan({
        tunnel: '10.1.0.0/29',
        peers: Array.from({ length: 5 }, (_, i) => ({ name: `d${i}`, publicKey: PHONE_PUB })),
      }).peers.at(-1)?.address,
    ).toBe('10.1.0.6/32');
  });

  it('every usual subnet taken: refused with the way out', () => {
    expect(refused({ otherNetworks: ['10.0.0.0/8', '172.16.0.0/12', '192.168.250.0/24'] })).toContain('--tunnel');
  });

  it('no DDNS name: the public address, with the warning that it changes', () => {
    const p = plan({ ddnsName: null });
    expect(p.endpoint).toEqual({ host: '198.51.100.20', kind: 'address' });
    expect(p.findings).toContainEqual(expect.objectContaining({ code: 'dynamic-address', severity: 'warning' }));
    expect(p.findings.find((f) => f.code === 'dynamic-address')?.text).toContain('DDNS');
  });

  it('neither a name nor a public address (or a private one): no endpoint, a problem saying what to do', () => {
    for (const publicAddress of [null, '192.168.1.5', '100.64.1.1']) {
      const p = plan({ ddnsName: '', publicAddress });
      expect(p.endpoint).toBeNull();
      expect(p.findings.find((f) => f.code === 'no-endpoint')?.severity).toBe('problem');
    }
  });

  it('a DDNS name the phone cannot dial is refused; a trailing dot is dropped', () => {
    expect(refused({ ddnsName: 'home' })).toContain('is not a name the phone can dial');
    expect(refused({ ddnsName: '1.2.3.4' })).toContain('is not a name');
    expect(plan({ ddnsName: 'home.example.net.' }).endpoint?.host).toBe('home.example.net');
  });

  it('double NAT: forward the port on the box in front too', () => {
    const p = plan({ verdict: 'double-nat', server: 'mikrotik' });
    expect(p.findings.find((f) => f.code === 'double-nat')?.text).toContain('forward UDP 13231 on it too');
  });

  it('a common home LAN is named (a hotel Wi-Fi with the same numbers would take the phone elsewhere)', () => {
    expect(codes(plan({ lan: '192.168.1.0/24' }))).toContain('lan-common');
    expect(codes(plan({ lan: '192.168.178.0/24' }))).toContain('lan-common');
    expect(codes(plan())).not.toContain('lan-common');
  });
});

describe('the Linux computer instead of the router', () => {
  it('one UDP forward to that computer, and the steps say it is the only forward', () => {
    const p = plan({ server: 'linux', serverLanAddress: '192.168.57.10' });
    expect(p.forward).toEqual({ protocol: 'udp', port: 51820, to: '192.168.57.10' });
    expect(p.config).toBe('linux');
    expect(p.findings.find((f) => f.code === 'udp-forward')?.text).toContain('forward UDP 51820 to 192.168.57.10');
    expect(p.steps.join('\n')).toContain('the only forward; no NVR port');
  });

  it('its address must be a host of the LAN', () => {
    for (const at of [null, '10.0.0.5', '192.168.57.0', 'x'])
      expect(refused({ server: 'linux', serverLanAddress: at })).toContain('Linux computer’s LAN address');
  });
});

describe('where no home server can work', () => {
  it('CGNAT: no WireGuard server, the overlay ways with their steps for this LAN', () => {
    const p = plan({ verdict: 'cgnat' });
    expect(p.mode).toBe('overlay');
    expect(p.tunnel).toBeNull();
    expect(p.peers).toEqual([]);
    expect(p.config).toBeNull();
    expect(p.findings[0]).toMatchObject({ code: 'cgnat', severity: 'problem' });
    expect(p.overlay.map((o) => o.id)).toEqual(['tailscale', 'headscale', 'zerotier']);
    expect(p.overlay[0]!.steps).toContain('Advertise the LAN: sudo tailscale up --advertise-routes=192.168.57.0/24');
    expect(
      p.overlay.every((o) => (o.steps.length >= 4 && o.source.startsWith('http')) || o.source.includes('docs')),
    ).toBe(true);
  });

  it('a router family without WireGuard: a plain finding with the way forward, no tunnel', () => {
    for (const server of ['tplink', 'netgear', 'something-else']) {
      const p = plan({ server });
      expect(p.mode).toBe('none');
      expect(p.facts).toBeNull();
      expect(p.findings[0]).toMatchObject({ code: 'no-wireguard', severity: 'problem' });
      expect(p.findings[0]!.text).toContain('--server linux');
    }
  });
});

describe('bad input is refused in plain words', () => {
  it('device names must be file names, distinct, one at least, 32 at most; never "server"', () => {
    expect(checkPeerName('phone')).toBeNull();
    expect(checkPeerName('Anna_s-Phone2')).toBeNull();
    expect(checkPeerName('my phone')).toBe(
      '"my phone" cannot be a file name: use letters, digits, - and _ (up to 32, not starting with -), e.g. "my-phone".',
    );
    for (const bad of ['../etc/passwd', '-rf', 'a/b', 'x'.repeat(33), '', 'tél'])
      expect(checkPeerName(bad)).toContain('cannot be a file name');
    expect(checkPeerName('Server')).toContain('"server" is the name of the server’s own config');
    expect(checkPeerNames([])).toEqual({
      ok: false,
      error: 'Name at least one device that will connect (e.g. phone).',
      said: { key: 'vpn.said.names.none' },
    });
    expect(checkPeerNames(['phone', 'Phone'])).toEqual({
      ok: false,
      error: '"Phone" is named twice: each device needs its own name.',
      said: { key: 'vpn.said.names.twice', params: { name: 'Phone' } },
    });
    expect(checkPeerNames(Array.from({ length: 33 }, (_, i) => `d${i}`))).toEqual({
      ok: false,
      error: 'At most 32 devices in one plan.',
      said: { key: 'vpn.said.names.tooMany', params: { max: '32' } },
    });
    expect(refused({ peers: [{ name: 'my phone', publicKey: PHONE_PUB }] })).toContain('cannot be a file name');
  });

  it('a LAN that is not a network, or a key not in WireGuard’s form', () => {
    expect(refused({ lan: '192.168.1.1' })).toContain('is not a network like 192.168.1.0/24');
    expect(refused({ lan: '0.0.0.0/0' })).toContain('is not a network');
    expect(refused({ serverPublicKey: 'abc' })).toContain('not in WireGuard’s form');
    expect(refused({ peers: [{ name: 'phone', publicKey: `${PHONE_PUB.slice(0, 42)}B=` }] })).toContain(
      'WireGuard’s form',
    );
  });

  it('endpoint names and keys, checked', () => {
    expect(isEndpointName('nvr.duckdns.org')).toBe(true);
    expect(isEndpointName('a-b.example')).toBe(true);
    for (const bad of ['localhost', '-a.example', 'a..example', 'a.b.123', `${'a'.repeat(64)}.example`, 'a b.example'])
      expect(isEndpointName(bad)).toBe(false);
    expect(isWgKey(SERVER_PUB)).toBe(true);
    expect(isWgKey(SERVER_PUB.slice(1))).toBe(false);
  });

  it('candidates are private /24s', () => {
    for (const c of TUNNEL_CANDIDATES) expect(parseCidr(c)?.prefix).toBe(24);
  });
});

describe('the edges of what is accepted', () => {
  it('a LAN from /8 to /30; a tunnel from /16 to /29, private', () => {
    expect(plan({ lan: '10.0.0.0/8', otherNetworks: [] }).tunnel).toBe('172.29.0.0/24');
    expect(plan({ lan: '192.168.57.4/30' }).lan).toBe('192.168.57.4/30');
    expect(refused({ lan: '10.0.0.0/7' })).toContain('is not a network');
    expect(refused({ lan: '192.168.57.4/31' })).toContain('is not a network');
    expect(plan({ tunnel: '10.20.0.0/16' }).serverAddress).toBe('10.20.0.1/16');
    expect(refused({ tunnel: '10.20.0.0/15' })).toContain('from /16 to /29');
    expect(refused({ tunnel: 'junk' })).toBe('The tunnel subnet "junk" must be a private network from /16 to /29.');
  });

  it('32 devices are fine, 33 are not', () => {
    expect(checkPeerNames(Array.from({ length: 32 }, (_, i) => `d${i}`)).ok).toBe(true);
  });

  it('the suggested file name for a bad one: runs of other characters become -, none leading; else "phone"', () => {
    expect(checkPeerName('-Anna’s phone!')).toContain('e.g. "Anna-s-phone-"');
    expect(checkPeerName('!!!')).toContain('e.g. "phone"');
    expect(checkPeerName('--my  cam')).toContain('e.g. "my-cam"');
    expect(checkPeerName(`${'a b'.repeat(30)}`)).toContain(`e.g. "${'a-b'.repeat(10)}a-"`);
    expect(checkPeerName('x'.repeat(50))).toMatch(/^"x{40}" cannot be a file name/);
  });

  it('typed values are trimmed; a long one is cut in the message', () => {
    expect(plan({ ddnsName: '  home.example.net  ' }).endpoint?.host).toBe('home.example.net');
    expect(plan({ ddnsName: null, publicAddress: ' 198.51.100.20 ' }).endpoint?.host).toBe('198.51.100.20');
    expect(plan({ server: 'linux', serverLanAddress: ' 192.168.57.10 ' }).forward?.to).toBe('192.168.57.10');
    expect(refused({ lan: `${'9'.repeat(30)}` })).toBe(
      `The LAN "${'9'.repeat(20)}" is not a network like 192.168.1.0/24.`,
    );
    expect(refused({ ddnsName: `${'x'.repeat(70)}` })).toBe(
      `"${'x'.repeat(60)}" is not a name the phone can dial (like home.example.net).`,
    );
    expect(refused({ tunnel: `${'1'.repeat(30)}` })).toContain(`"${'1'.repeat(20)}" must`);
    const p = plan({ server: `tplink${'x'.repeat(30)}` });
    expect(p.server).toBe(`tplink${'x'.repeat(14)}`);
    expect(p.serverName).toBe(p.server);
    expect(p.findings[0]!.text).toContain(`(${p.server}).`);
  });

  it('endpoint names: 253 characters at most; a last label with letters is a name, an all-digit one is not', () => {
    const label = 'a'.repeat(63);
    const name253 = `${label}.${label}.${label}.${'b'.repeat(61)}`;
    expect(name253).toHaveLength(253);
    expect(isEndpointName(name253)).toBe(true);
    expect(isEndpointName(`${name253}c`)).toBe(false);
    expect(isEndpointName('home.b1')).toBe(true);
    expect(isEndpointName('home.1b')).toBe(true);
    expect(isEndpointName('home.11')).toBe(false);
  });

  it('plans without a home server carry no tunnel parts and no steps', () => {
    for (const p of [plan({ verdict: 'cgnat' }), plan({ server: 'tplink' })]) {
      expect(p.allowedIps).toEqual([]);
      expect(p.steps).toEqual([]);
      expect(p.listenPort).toBeNull();
      expect(p.serverPublicKey).toBeNull();
    }
    expect(plan({ server: 'tplink' }).overlay).toEqual([]);
  });

  it('the findings’ words say what to do', () => {
    expect(plan({ lan: '192.168.1.0/24' }).findings.find((f) => f.code === 'lan-common')?.text).toContain(
      'Your LAN 192.168.1.0/24 is one of the most common home networks',
    );
    expect(plan({ verdict: 'cgnat' }).findings[0]!.text).toContain('ask the provider for a public IPv4 address');
    expect(
      plan({ ddnsName: null, publicAddress: null }).findings.find((f) => f.code === 'no-endpoint')?.text,
    ).toContain('set up DDNS');
  });

  it('each server kind’s steps: the app’s config command for the ones it writes, the router’s menu for the others', () => {
    const steps = (server: string) => plan({ server, serverLanAddress: '192.168.57.10' }).steps.join('\n');
    expect(steps('linux')).toContain('vpn config server --out /etc/wireguard/wg0.conf');
    expect(steps('linux')).toContain('forward UDP 51820 to 192.168.57.10');
    expect(steps('linux')).toContain('sudo apt install wireguard-tools iptables');
    expect(steps('openwrt')).toContain('opkg install wireguard-tools luci-proto-wireguard');
    expect(steps('openwrt')).toContain('vpn config server --out wg-openwrt.sh');
    expect(steps('mikrotik')).toContain('vpn config server --out wg-mikrotik.rsc');
    expect(steps('fritzbox')).toContain('vpn config server --out fritzbox-wireguard.conf');
    expect(steps('fritzbox')).toContain('"already set up at the remote connection? Yes"');
    for (const server of ['linux', 'openwrt', 'mikrotik', 'fritzbox', 'glinet']) {
      expect(steps(server)).toContain('The one test only a phone can do');
      if (server !== 'glinet') expect(steps(server)).toContain('install the WireGuard app');
    }
  });
});
