// The lab's router, checked with clients nobody here wrote (miniupnpc's upnpc, dig) plus raw NAT-PMP.
// Needs the lab up with profile home (`node tests/lab/lab.mjs up`; `npm test` does it).
import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import {
  inNs,
  probe,
  pollUntil,
  readLabState,
  startInNs,
  PROBE,
  ns,
  LAN,
  WAN,
  ROUTER,
  CLIENT,
  ROGUE,
  SIMULATORS,
  RUN_DIR,
} from '../lab/lib/testkit.mjs';

const ipToInt = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);

const ROOT_DESC = `http://${ROUTER.lan}:${ROUTER.upnpHttpPort}/rootDesc.xml`;

/** Run upnpc in the client namespace; `-i` because miniupnpd reports a documentation-range WAN as "not connected".
 * `-u` skips SSDP discovery (2 s) once the discovery test has shown the IGD is found. */
function upnpc(args: string[], { discover = false } = {}) {
  const r = inNs('client', 'upnpc', ['-i', ...(discover ? [] : ['-u', ROOT_DESC]), ...args], { timeoutMs: 30_000 });
  return { ...r, all: r.stdout + r.stderr };
}

beforeAll(() => {
  const st = readLabState();
  if (!st || st.phase !== 'up') throw new Error('the lab is not up: run `node tests/lab/lab.mjs up` first');
  if (st.profile !== 'home') throw new Error(`these tests need the home profile, the lab runs "${st.profile}"`);
});

describe('lab router: UPnP IGD (miniupnpd) seen by upnpc', () => {
  it('lists the router IGD with its rootDesc and the WAN address from STUN', () => {
    const r = upnpc(['-l'], { discover: true });
    expect(r.code).toBe(0);
    expect(r.all).toContain(`desc: ${ROOT_DESC}`);
    expect(r.all).toMatch(/urn:schemas-upnp-org:device:InternetGatewayDevice:1/);
    expect(r.all).toContain(`Local LAN ip address : ${CLIENT.ip}`);
    expect(r.all).toContain(`ExternalIPAddress = ${WAN.routerWan}`);
  });

  it('adds a mapping, lists it, deletes it', () => {
    const ext = 40000 + (process.pid % 10000);
    const add = upnpc(['-a', CLIENT.ip, '18500', String(ext), 'TCP']);
    expect(add.all).toContain(`external ${WAN.routerWan}:${ext} TCP is redirected to internal ${CLIENT.ip}:18500`);
    try {
      const list = upnpc(['-L']);
      expect(list.all).toMatch(new RegExp(`TCP\\s+${ext}->${CLIENT.ip.replace(/\./g, '\\.')}:18500`));
      // miniupnpd wrote the DNAT into the nat table we gave it.
      const nft = inNs('router', 'nft', ['list', 'chain', 'inet', 'nat', 'prerouting_miniupnpd']);
      expect(nft.stdout).toContain(`dnat ip to ${CLIENT.ip}:18500`);
    } finally {
      const del = upnpc(['-d', String(ext), 'TCP']);
      expect(del.code).toBe(0);
    }
    expect(upnpc(['-L']).all).not.toMatch(new RegExp(`TCP\\s+${ext}->`));
    expect(inNs('router', 'nft', ['list', 'chain', 'inet', 'nat', 'prerouting_miniupnpd']).stdout).not.toContain(
      `dport ${ext}`,
    );
  });

  it('refuses to map for another LAN host (secure_mode: 718 ConflictInMappingEntry or 606)', () => {
    const r = upnpc(['-a', '192.168.50.77', '18501', '18501', 'TCP']);
    expect(r.all).toMatch(/failed with code (718|606)/);
    expect(upnpc(['-L']).all).not.toContain('18501->');
  });
});

describe('lab router: NAT-PMP', () => {
  it('answers the external-address request with the router WAN address', () => {
    const r = probe('client', ['natpmp-ext', ROUTER.lan]);
    expect(r).toMatchObject({ result: 0, ip: WAN.routerWan });
    expect(r.epoch).toBeGreaterThanOrEqual(0);
  });

  it('maps a TCP port and removes it again (lifetime 0)', () => {
    const m = probe('client', ['natpmp-map', ROUTER.lan, 'tcp', '18600', '18600', '120']);
    expect(m).toMatchObject({ result: 0, internalPort: 18600 });
    expect(m.externalPort).toBeGreaterThan(0);
    expect(m.lifetime).toBeGreaterThan(0);
    const nft = inNs('router', 'nft', ['list', 'chain', 'inet', 'nat', 'prerouting_miniupnpd']);
    expect(nft.stdout).toContain(`dnat ip to ${CLIENT.ip}:18600`);
    const d = probe('client', ['natpmp-map', ROUTER.lan, 'tcp', '18600', '0', '0']);
    expect(d).toMatchObject({ result: 0, internalPort: 18600, lifetime: 0 });
    expect(inNs('router', 'nft', ['list', 'chain', 'inet', 'nat', 'prerouting_miniupnpd']).stdout).not.toContain(
      ':18600',
    );
  });
});

describe('lab router: dnsmasq DHCP and DNS', () => {
  it('leased an address from the pool to the DHCP camera (cam), by its MAC', async () => {
    const cam = SIMULATORS.find((s) => s.ip === 'dhcp');
    expect(cam).toBeDefined();
    const leases = path.join(RUN_DIR, 'dnsmasq.leases');
    const simRunning = readLabState()?.processes.some((p) => p.name === `sim-${cam!.host}`);
    if (!simRunning) {
      // No simulator in this lab run (NVRLAB_NO_SIMS=1): be the camera's DHCP client ourselves.
      const r = inNs(
        cam!.host,
        'busybox',
        ['udhcpc', '-i', 'eth0', '-n', '-q', '-t', '3', '-T', '1', '-s', '/bin/true'],
        { timeoutMs: 15_000 },
      );
      expect(r.code).toBe(0);
    }
    const line = await pollUntil(
      () =>
        fs
          .readFileSync(leases, 'utf8')
          .split('\n')
          .find((l) => l.split(' ')[1]?.toLowerCase() === cam!.mac),
      { timeoutMs: 15_000, what: `a lease for ${cam!.mac} in ${leases}` },
    );
    const ip = line.split(' ')[2]!;
    expect(ipToInt(ip)).toBeGreaterThanOrEqual(ipToInt(LAN.dhcpFrom));
    expect(ipToInt(ip)).toBeLessThanOrEqual(ipToInt(LAN.dhcpTo));
    if (simRunning) {
      // The simulator configured the leased address on its interface.
      const addr = inNs(cam!.host, 'ip', ['-4', '-o', 'addr', 'show', 'dev', 'eth0']);
      expect(addr.stdout).toContain(`inet ${ip}/`);
    }
  });

  it('resolves LAN names (router, client, simulators) through the router', () => {
    const q = (name: string) =>
      inNs('client', 'dig', ['+short', '+time=2', '+tries=1', `@${ROUTER.lan}`, name]).stdout.trim();
    expect(q(`router.${LAN.domain}`)).toBe(ROUTER.lan);
    expect(q(`client.${LAN.domain}`)).toBe(CLIENT.ip);
    const hik = SIMULATORS.find((s) => s.host === 'hik')!;
    expect(q(`${hik.host}.${LAN.domain}`)).toBe(hik.ip);
    // The namespace's resolver (written to /etc/netns/<ns>/resolv.conf) is the router too.
    expect(fs.readFileSync(`/etc/netns/${ns('client')}/resolv.conf`, 'utf8')).toContain(`nameserver ${ROUTER.lan}`);
    const getent = inNs('client', 'getent', ['hosts', `router.${LAN.domain}`]);
    expect(getent.stdout).toContain(ROUTER.lan);
  });

  it('answers NXDOMAIN for an unknown LAN name without asking the internet', () => {
    const r = inNs('client', 'dig', ['+time=2', '+tries=1', `@${ROUTER.lan}`, `nosuchhost.${LAN.domain}`]);
    expect(r.stdout).toMatch(/status: NXDOMAIN/);
  });
});

describe('lab router: firewall', () => {
  it('drops unsolicited connections from the internet to a listening LAN host', async () => {
    const srv = await startInNs('client', process.execPath, [PROBE, 'listen', CLIENT.ip, '18701', 'client-ok', '30']);
    try {
      // Reachable on the LAN …
      expect(probe('rogue', ['connect', CLIENT.ip, '18701', '2000'])).toEqual({ connected: true, data: 'client-ok' });
      // … but not from the wan host, which routes 192.168.50.0/24 to the router (the forward chain drops it).
      const t0 = Date.now();
      expect(probe('wan', ['connect', CLIENT.ip, '18701', '1500'])).toEqual({ connected: false, data: '' });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(1400); // dropped silently, not refused
    } finally {
      await srv.stop();
    }
  });

  it('bridges LAN traffic past the drop-policy forward chain (client reaches a LAN peer)', async () => {
    const peer = await startInNs('rogue', process.execPath, [PROBE, 'listen', ROGUE.ip, '18700', 'lan-peer-ok', '30']);
    try {
      expect(probe('client', ['connect', ROGUE.ip, '18700', '2000'])).toEqual({ connected: true, data: 'lan-peer-ok' });
    } finally {
      await peer.stop();
    }
  });
});
