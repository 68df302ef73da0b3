// The lab's DHCP tools for issue 11's "router way": a reservation made in the router's dnsmasq
// (`lab.mjs dhcp reserve|unreserve|list`) and proven after the camera renews its lease (`lab.mjs sim cam renew`):
// ip in the camera's own namespace, dnsmasq's leases, the camera's ONVIF at the new address, its WS-Discovery Hello.
// Needs the lab up with profile home. Other suites use `cam` too: this one takes /tmp/lab-cam-owner first
// (waiting while someone else holds it) and leaves the camera on a pool address without a reservation.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { releaseLabDevices, takeLabDevices } from '../support/lab-devices-lock';
import {
  lab,
  inNs,
  readLabState,
  startInNs,
  PROBE,
  LAN,
  SIMULATORS,
  CLIENT,
  RUN_DIR,
  SIM_USERS,
} from '../lab/lib/testkit.mjs';

const ME = 'lab-dhcp test';
const RESERVED = '192.168.50.232';
const OTHER_MAC = '02:00:5e:10:00:99'; // no device: a reservation nobody will ask for
const cam = SIMULATORS.find((s) => s.host === 'cam')!;
const admin = SIM_USERS.find((u) => u.user === 'admin')!;
const SOAP_PROBE = path.resolve(path.dirname(PROBE), '..', 'sim', 'tools', 'probe.mjs');

const ipToInt = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
const inPool = (ip: string) => ipToInt(ip) >= ipToInt(LAN.dhcpFrom) && ipToInt(ip) <= ipToInt(LAN.dhcpTo);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Reservation {
  mac: string;
  ip: string;
  lease: string | null;
}
const reservations = (): Reservation[] => {
  const r = lab(['dhcp', 'list', '--json']);
  expect(r.code, r.stderr).toBe(0);
  // Only this suite's MACs: other suites may hold reservations of their own.
  return (JSON.parse(r.stdout) as Reservation[]).filter((x) => x.mac === cam.mac || x.mac === OTHER_MAC);
};

/** The cam's IPv4 addresses on eth0, read with ip in its own namespace. */
function camAddresses(): string[] {
  const r = inNs('cam', 'ip', ['-4', '-j', 'addr', 'show', 'dev', 'eth0']);
  expect(r.code, r.stderr).toBe(0);
  const links = JSON.parse(r.stdout) as { addr_info?: { family: string; local: string; scope: string }[] }[];
  return links.flatMap((l) => (l.addr_info ?? []).filter((a) => a.scope === 'global').map((a) => a.local));
}

/** dnsmasq's lease for the cam's MAC, read from its leases file. */
function camLease(): string | undefined {
  const text = fs.readFileSync(path.join(RUN_DIR, 'dnsmasq.leases'), 'utf8');
  return text
    .split('\n')
    .map((l) => l.split(' '))
    .find((f) => f[1]?.toLowerCase() === cam.mac)?.[2];
}

/** dnsmasq's DHCP lines for the cam's MAC written after byte `offset` of its log: "DHCPOFFER(br0) <ip>" … */
const DNSMASQ_LOG = path.join(RUN_DIR, 'logs', 'dnsmasq.log');
const logSize = () => fs.statSync(DNSMASQ_LOG).size;
function camDhcpSince(offset: number): string[] {
  const fd = fs.openSync(DNSMASQ_LOG, 'r');
  try {
    const buf = Buffer.alloc(Math.min(Math.max(fs.fstatSync(fd).size - offset, 0), 1024 * 1024));
    const n = fs.readSync(fd, buf, 0, buf.length, offset);
    return buf
      .subarray(0, n)
      .toString('utf8')
      .split('\n')
      .map((l) => / (DHCP[A-Z]+\(br0\)(?: [0-9.]+)? [0-9a-f:]{17})/.exec(l)?.[1])
      .filter((l): l is string => !!l && l.endsWith(cam.mac));
  } finally {
    fs.closeSync(fd);
  }
}

/** GetNetworkInterfaces asked from the client at `ip` (UsernameToken with the camera's own clock). */
function camNetworkInterfaces(ip: string): { status: number; body: string } {
  const r = inNs(
    'client',
    process.execPath,
    [
      SOAP_PROBE,
      'soap',
      `http://${ip}/onvif/device_service`,
      'GetNetworkInterfaces',
      '--user',
      admin.user,
      '--pass',
      admin.password,
      '--device-clock',
    ],
    { timeoutMs: 20_000 },
  );
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { status: number; body: string };
}

/** Is anything listening for HTTP at `ip` (from the client)? */
function answersAt(ip: string): boolean {
  return inNs('client', 'curl', ['-s', '-o', '/dev/null', '--max-time', '2', `http://${ip}/`]).code === 0;
}

let haveCam = false;

async function takeCam() {
  await takeLabDevices(ME, 'the cam is');
  haveCam = true;
}

/** Put the lab back as it was: no reservation of ours, the cam on a pool address. */
function restore() {
  const errors: string[] = [];
  for (const mac of [cam.mac, OTHER_MAC]) {
    const r = lab(['dhcp', 'unreserve', mac]);
    if (r.code !== 0) errors.push(`unreserve ${mac}: ${r.stderr.trim()}`);
  }
  const addr = fs.existsSync(path.join(RUN_DIR, 'sim-cam', 'address'))
    ? fs.readFileSync(path.join(RUN_DIR, 'sim-cam', 'address'), 'utf8').trim()
    : '';
  if (!inPool(addr)) {
    const r = lab(['sim', 'cam', 'renew']);
    if (r.code !== 0) errors.push(`sim cam renew: ${r.stderr.trim()}`);
  }
  return errors;
}

beforeAll(async () => {
  const st = readLabState();
  if (!st || st.phase !== 'up') throw new Error('the lab is not up: run `node tests/lab/lab.mjs up` first');
  if (st.profile !== 'home') throw new Error(`these tests need the home profile, the lab runs "${st.profile}"`);
  await takeCam();
  const camState = JSON.parse(fs.readFileSync(path.join(RUN_DIR, 'sim-cam', 'state.json'), 'utf8')) as {
    net: { dhcp: boolean; address: string };
  };
  if (!camState.net.dhcp) throw new Error(`cam has a fixed address (${camState.net.address}); it must be on DHCP`);
}, 200_000);

afterAll(() => {
  try {
    if (haveCam) {
      const errors = restore();
      expect(errors).toEqual([]);
    }
  } finally {
    if (haveCam) releaseLabDevices(ME);
  }
}, 120_000);

describe('lab dhcp reserve: refusals, idempotence, list', () => {
  it('refuses a malformed MAC or address, one outside the LAN, a lab host’s fixed address, with plain words', () => {
    const cases: [string[], RegExp][] = [
      [['nope', RESERVED], /"nope" is not a device MAC address/],
      [['01:00:5e:00:00:01', RESERVED], /is not a device MAC address/], // a multicast MAC
      [[cam.mac, '192.168.50.300'], /"192\.168\.50\.300" is not an IPv4 address/],
      [[cam.mac, '192.168.51.232'], /192\.168\.51\.232 is outside the router's network 192\.168\.50\.0\/24/],
      [[cam.mac, '192.168.50.255'], /broadcast address/],
      [[cam.mac, '192.168.50.64'], /192\.168\.50\.64 is hik's fixed address/],
      [[cam.mac, CLIENT.ip], /is the client host in the lab/],
    ];
    for (const [words, message] of cases) {
      const r = lab(['dhcp', 'reserve', ...words]);
      expect(r.code, words.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
    }
    expect(lab(['dhcp', 'reserve', cam.mac]).stderr).toMatch(/usage: lab\.mjs dhcp reserve <mac> <ip>/);
    expect(reservations()).toEqual([]);
  });

  it('refuses an address another reservation holds, and one leased to another MAC', () => {
    try {
      const a = lab(['dhcp', 'reserve', OTHER_MAC, '192.168.50.233']);
      expect(a.code, a.stderr).toBe(0);
      const b = lab(['dhcp', 'reserve', cam.mac, '192.168.50.233']);
      expect(b.code).toBe(1);
      expect(b.stderr).toContain(`192.168.50.233 is already reserved for ${OTHER_MAC}`);
      // The cam's current lease is not for OTHER_MAC to take.
      const leased = camLease()!;
      expect(leased).toBeDefined();
      const c = lab(['dhcp', 'reserve', OTHER_MAC, leased]);
      expect(c.code).toBe(1);
      expect(c.stderr).toContain(`${leased} is leased to ${cam.mac}`);
      expect(reservations()).toEqual([{ mac: OTHER_MAC, ip: '192.168.50.233', lease: null }]);
    } finally {
      expect(lab(['dhcp', 'unreserve', OTHER_MAC]).code).toBe(0);
    }
    expect(reservations()).toEqual([]);
  });

  it('is idempotent: the same reservation twice is one line, a second unreserve is a no-op; upper-case MACs are the same MAC', () => {
    try {
      expect(lab(['dhcp', 'reserve', OTHER_MAC, '192.168.50.234']).code).toBe(0);
      const again = lab(['dhcp', 'reserve', OTHER_MAC.toUpperCase(), '192.168.50.234']);
      expect(again.code).toBe(0);
      expect(again.stderr).toContain('already reserved');
      expect(reservations()).toEqual([{ mac: OTHER_MAC, ip: '192.168.50.234', lease: null }]);
      // dnsmasq reads exactly what list shows.
      expect(fs.readFileSync(path.join(RUN_DIR, 'dnsmasq.dhcp-hosts'), 'utf8')).toBe(`${OTHER_MAC},192.168.50.234\n`);
      // A new address for the same MAC replaces the old one.
      const moved = lab(['dhcp', 'reserve', OTHER_MAC, '192.168.50.235']);
      expect(moved.code).toBe(0);
      expect(moved.stderr).toContain('(was 192.168.50.234)');
      expect(reservations()).toEqual([{ mac: OTHER_MAC, ip: '192.168.50.235', lease: null }]);
      expect(lab(['dhcp', 'list']).stdout).toBe(`${OTHER_MAC} 192.168.50.235\n`);
    } finally {
      expect(lab(['dhcp', 'unreserve', OTHER_MAC]).code).toBe(0);
    }
    const twice = lab(['dhcp', 'unreserve', OTHER_MAC]);
    expect(twice.code).toBe(0);
    expect(twice.stderr).toContain('had no reservation');
    expect(reservations()).toEqual([]);
  });
});

describe('lab sim renew', () => {
  it('refuses a simulator without DHCP and an unknown host, with plain words', () => {
    const hik = lab(['sim', 'hik', 'renew']);
    expect(hik.code).toBe(1);
    expect(hik.stderr).toContain(
      'hik has a fixed address (192.168.50.64) and no DHCP client: there is no lease to renew',
    );
    const none = lab(['sim', 'nosuch', 'renew']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no simulator "nosuch" in this lab');
  });
});

describe('a reservation proven after the camera renews its lease', () => {
  it('moves cam to the reserved address and back to the pool when the reservation goes', async () => {
    // Start on a pool address (as the lab leaves cam).
    const before = camAddresses();
    expect(before).toHaveLength(1);
    expect(inPool(before[0]!)).toBe(true);
    // The cam's Hello and Bye, as a client on the LAN hears them.
    const watch = await startInNs('client', process.execPath, [
      PROBE,
      'wsd-watch',
      CLIENT.ip,
      '60',
      before[0]!,
      RESERVED,
    ]);
    try {
      const r = lab(['dhcp', 'reserve', cam.mac, RESERVED]);
      expect(r.code, r.stderr).toBe(0);
      expect(reservations()).toEqual([{ mac: cam.mac, ip: RESERVED, lease: before[0] }]);
      // Reserved, not yet renewed: the camera keeps its lease until it asks again.
      expect(camAddresses()).toEqual(before);

      let offset = logSize();
      const renew = lab(['sim', 'cam', 'renew']);
      expect(renew.code, renew.stderr).toBe(0);
      expect(renew.stdout.trim()).toBe(RESERVED);
      // Though the camera asked for its old address (option 50), the reservation won over its lease.
      expect(camDhcpSince(offset)).toEqual([
        `DHCPDISCOVER(br0) ${before[0]} ${cam.mac}`,
        `DHCPOFFER(br0) ${RESERVED} ${cam.mac}`,
        `DHCPREQUEST(br0) ${RESERVED} ${cam.mac}`,
        `DHCPACK(br0) ${RESERVED} ${cam.mac}`,
      ]);
      expect(camAddresses()).toEqual([RESERVED]);
      expect(camLease()).toBe(RESERVED);
      expect(reservations()).toEqual([{ mac: cam.mac, ip: RESERVED, lease: RESERVED }]);
      const ni = camNetworkInterfaces(RESERVED);
      expect(ni.status).toBe(200);
      expect(ni.body).toContain(`<tt:HwAddress>${cam.mac}</tt:HwAddress>`);
      expect(ni.body).toContain(`<tt:FromDHCP><tt:Address>${RESERVED}</tt:Address>`);
      expect(ni.body).toContain('<tt:DHCP>true</tt:DHCP>');
      expect(answersAt(before[0]!)).toBe(false);
      // Bye from the old address, then Hello with the new XAddr.
      const heard = () =>
        watch
          .output()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as { from: string; action: string; xaddrs: string[] });
      for (let i = 0; i < 50 && !heard().some((m) => m.action === 'Hello' && m.from === RESERVED); i++)
        await sleep(100);
      expect(heard()).toContainEqual({
        from: RESERVED,
        action: 'Hello',
        xaddrs: [`http://${RESERVED}/onvif/device_service`],
      });
      expect(heard().find((m) => m.action === 'Bye')?.from).toBe(before[0]);

      // Unreserved and renewed: back to an address from the pool, where ONVIF answers.
      const un = lab(['dhcp', 'unreserve', cam.mac]);
      expect(un.code, un.stderr).toBe(0);
      expect(un.stderr).toContain(`reservation of ${RESERVED} for ${cam.mac} removed`);
      offset = logSize();
      const back = lab(['sim', 'cam', 'renew']);
      expect(back.code, back.stderr).toBe(0);
      const pool = back.stdout.trim();
      expect(inPool(pool)).toBe(true);
      // It asked for the reserved address again and was given one from the pool.
      expect(camDhcpSince(offset)).toEqual([
        `DHCPDISCOVER(br0) ${RESERVED} ${cam.mac}`,
        `DHCPOFFER(br0) ${pool} ${cam.mac}`,
        `DHCPREQUEST(br0) ${pool} ${cam.mac}`,
        `DHCPACK(br0) ${pool} ${cam.mac}`,
      ]);
      expect(camAddresses()).toEqual([pool]);
      expect(camLease()).toBe(pool);
      expect(camNetworkInterfaces(pool).body).toContain(`<tt:FromDHCP><tt:Address>${pool}</tt:Address>`);
      expect(answersAt(RESERVED)).toBe(false);
      expect(reservations()).toEqual([]);
    } finally {
      await watch.stop();
    }
  });
});
