// The lab's fault toggles for issue 11's address-change tests, proven on the two kinds of device the app moves:
// `hik` (a fixed address; SetNetworkInterfaces applies at once) and `cam` (DHCP; it applies at the SystemReboot).
//   lab.mjs sim <host> address-refuse on|off  → SetNetworkInterfaces answers env:Sender/ter:InvalidArgVal/
//                                               ter:InvalidIPv4Address and nothing changes (DNS and gateway calls
//                                               still succeed)
//   lab.mjs sim <host> address-vanish on|off  → the address change is applied, then the device answers nothing
//                                               (no listener at all, no WS-Discovery) until `off`, which brings it
//                                               back at the new address with a Hello
// Raw SOAP from the client host (Python's digest handler: curl --digest sends an empty body first, which the
// simulator faults on). Each device is put back as it was in a `finally`. Other suites use cam and hik: this one
// takes /tmp/lab-cam-owner first (waiting up to 3 min while someone else holds it). Needs the lab up, profile home.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { releaseLabDevices, takeLabDevices } from '../support/lab-devices-lock';
import {
  lab,
  inNs,
  readLabState,
  startInNs,
  pollUntil,
  PROBE,
  LAN,
  SIMULATORS,
  CLIENT,
  RUN_DIR,
  SIM_USERS,
} from '../lab/lib/testkit.mjs';

const ME = 'lab-sim-faults test';
const ADMIN = SIM_USERS.find((u) => u.user === 'admin')!;
const HIK = SIMULATORS.find((s) => s.host === 'hik')!;
const CAM = SIMULATORS.find((s) => s.host === 'cam')!;
const TOOLS_PROBE = path.resolve(path.dirname(PROBE), '..', 'sim', 'tools', 'probe.mjs');
// Free addresses outside dnsmasq's pool (other suites use .231–.235).
const REFUSED = '192.168.50.241';
const HIK_NEW = '192.168.50.242';
const CAM_NEW = '192.168.50.243';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ipToInt = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
const inPool = (ip: string) => ipToInt(ip) >= ipToInt(LAN.dhcpFrom) && ipToInt(ip) <= ipToInt(LAN.dhcpTo);

// One SOAP request with digest auth; prints the HTTP status on the first line, then the body.
const SOAP_PY = `import sys, urllib.request, urllib.error
url, user, pw = sys.argv[1:4]
mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm(); mgr.add_password(None, url, user, pw)
opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(mgr))
req = urllib.request.Request(url, data=sys.stdin.read().encode(), headers={'Content-Type': 'application/soap+xml'})
try:
    r = opener.open(req, timeout=5); print(r.status); print(r.read().decode())
except urllib.error.HTTPError as e:
    print(e.code); print(e.read().decode())`;

interface Soap {
  ok: boolean; // an HTTP answer came back
  status: number;
  body: string;
}

function soap(address: string, operation: string, inner = ''): Soap {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" ` +
    `xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema"><s:Body>` +
    `<tds:${operation}>${inner}</tds:${operation}></s:Body></s:Envelope>`;
  const r = inNs(
    'client',
    'python3',
    ['-c', SOAP_PY, `http://${address}/onvif/device_service`, ADMIN.user, ADMIN.password],
    {
      input: body,
      timeoutMs: 15_000,
    },
  );
  const [first, ...rest] = r.stdout.split('\n');
  const status = Number(first);
  return { ok: r.code === 0 && Number.isInteger(status) && status > 0, status, body: rest.join('\n') };
}

const setAddress = (address: string, prefix = 24) =>
  `<tds:InterfaceToken>eth0</tds:InterfaceToken><tds:NetworkInterface><tt:Enabled>true</tt:Enabled><tt:IPv4>` +
  `<tt:Enabled>true</tt:Enabled><tt:Manual><tt:Address>${address}</tt:Address><tt:PrefixLength>${prefix}</tt:PrefixLength>` +
  `</tt:Manual><tt:DHCP>false</tt:DHCP></tt:IPv4></tds:NetworkInterface>`;
const setDhcp = () =>
  `<tds:InterfaceToken>eth0</tds:InterfaceToken><tds:NetworkInterface><tt:Enabled>true</tt:Enabled><tt:IPv4>` +
  `<tt:Enabled>true</tt:Enabled><tt:DHCP>true</tt:DHCP></tt:IPv4></tds:NetworkInterface>`;

/** A host's IPv4 addresses on eth0, read with ip in its own namespace. */
function eth0(host: string): string[] {
  const r = inNs(host, 'ip', ['-4', '-j', 'addr', 'show', 'dev', 'eth0']);
  expect(r.code, r.stderr).toBe(0);
  const links = JSON.parse(r.stdout) as { addr_info?: { local: string; prefixlen: number; scope: string }[] }[];
  return links.flatMap((l) =>
    (l.addr_info ?? []).filter((a) => a.scope === 'global').map((a) => `${a.local}/${a.prefixlen}`),
  );
}

interface SimNet {
  dhcp: boolean;
  address: string;
  prefix: number;
  gateway: string;
  dns: { fromDHCP: boolean; manual: string[]; searchDomain?: string[] };
}
const simState = (host: string) =>
  JSON.parse(fs.readFileSync(path.join(RUN_DIR, `sim-${host}`, 'state.json'), 'utf8')) as {
    net: SimNet;
    pendingNetwork: unknown;
  };
const faults = (host: string) =>
  JSON.parse(fs.readFileSync(path.join(RUN_DIR, `sim-${host}`, 'faults.json'), 'utf8')) as {
    pid: number;
    refuse: boolean;
    vanish: boolean;
    vanished: boolean;
    address: string;
  };

/** Does anything answer HTTP on port 80 at `ip` (from the client)? */
const answersAt = (ip: string) =>
  inNs('client', 'curl', ['-s', '-o', '/dev/null', '--max-time', '2', `http://${ip}/`]).code === 0;
/**
 * Sockets open for others in the host's namespace: every TCP listener, and UDP sockets on a service port (below
 * the ephemeral range; a UPnP search the device had already started may hold an ephemeral one for ~2.5 s).
 */
function listeners(host: string): string[] {
  const r = inNs(host, 'ss', ['-Hlntu']);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 5)
    .filter((f) => f[0] === 'tcp' || Number(f[4]!.split(':').pop()) < 32768)
    .map((f) => `${f[0]} ${f[4]}`);
}
/** Answers to a WS-Discovery probe sent to `ip` alone. */
function wsdAnswers(ip: string): string[] {
  const r = inNs('client', process.execPath, [TOOLS_PROBE, 'wsd', '--to', ip, '--timeout', '1500']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { replies: { from: string }[] }).replies.map((x) => x.from);
}

let haveLab = false;

async function takeDevices() {
  await takeLabDevices(ME, 'cam and hik are');
  haveLab = true;
}

/** Both toggles off (whatever happened), collecting what failed. */
function togglesOff(host: string, errors: string[]) {
  for (const what of ['address-vanish', 'address-refuse']) {
    const r = lab(['sim', host, what, 'off']);
    if (r.code !== 0) errors.push(`sim ${host} ${what} off: ${r.stderr.trim()}`);
  }
}

/** hik back at its fixed address, from wherever it answers. */
async function hikBack(errors: string[]) {
  const want = `${HIK.ip}/${LAN.prefix}`;
  if (eth0('hik').join() === want) return;
  const at = eth0('hik')[0]?.split('/')[0] ?? '';
  const r = soap(at, 'SetNetworkInterfaces', setAddress(HIK.ip, LAN.prefix));
  if (r.status !== 200) errors.push(`hik SetNetworkInterfaces back to ${HIK.ip}: ${r.status} ${r.body.slice(0, 300)}`);
  try {
    await pollUntil(() => eth0('hik').join() === want, { timeoutMs: 15_000, what: `hik back at ${want}` });
    await pollUntil(() => soap(HIK.ip, 'GetSystemDateAndTime').status === 200, {
      timeoutMs: 15_000,
      what: 'hik answering at its address',
    });
  } catch (e) {
    errors.push((e as Error).message);
  }
}

/** cam back on DHCP (SetNetworkInterfaces + SystemReboot, as it needs), and at a pool address. */
async function camBack(errors: string[]) {
  if (simState('cam').net.dhcp && !simState('cam').pendingNetwork) return;
  const at = eth0('cam')[0]?.split('/')[0] ?? '';
  const r = soap(at, 'SetNetworkInterfaces', setDhcp());
  const b = soap(at, 'SystemReboot');
  if (r.status !== 200 || b.status !== 200) errors.push(`cam back to DHCP: ${r.status} / ${b.status}`);
  try {
    await pollUntil(() => simState('cam').net.dhcp && inPool(eth0('cam')[0]?.split('/')[0] ?? ''), {
      timeoutMs: 30_000,
      what: 'cam back on a DHCP address',
    });
    const now = eth0('cam')[0]!.split('/')[0]!;
    await pollUntil(() => soap(now, 'GetSystemDateAndTime').status === 200, {
      timeoutMs: 20_000,
      what: 'cam answering after its restart',
    });
  } catch (e) {
    errors.push((e as Error).message);
    const renew = lab(['sim', 'cam', 'renew']);
    if (renew.code !== 0) errors.push(`sim cam renew: ${renew.stderr.trim()}`);
  }
}

beforeAll(async () => {
  const st = readLabState();
  if (!st || st.phase !== 'up') throw new Error('the lab is not up: run `node tests/lab/lab.mjs up` first');
  if (st.profile !== 'home') throw new Error(`these tests need the home profile, the lab runs "${st.profile}"`);
  await takeDevices();
  expect(eth0('hik')).toEqual([`${HIK.ip}/${LAN.prefix}`]);
  expect(simState('cam').net.dhcp).toBe(true);
  for (const ip of [REFUSED, HIK_NEW, CAM_NEW]) expect(answersAt(ip), `${ip} must be free`).toBe(false);
}, 200_000);

afterAll(async () => {
  try {
    if (haveLab) {
      const errors: string[] = [];
      for (const host of ['hik', 'cam']) togglesOff(host, errors);
      await hikBack(errors);
      await camBack(errors);
      expect(errors).toEqual([]);
    }
  } finally {
    if (haveLab) releaseLabDevices(ME);
  }
}, 120_000);

describe('lab sim address-refuse', () => {
  it.each(['hik', 'cam'])(
    '%s answers SetNetworkInterfaces with InvalidIPv4Address and changes nothing; DNS and gateway calls still succeed',
    async (host) => {
      const before = { eth0: eth0(host), state: simState(host) };
      const at = before.eth0[0]!.split('/')[0]!;
      try {
        const on = lab(['sim', host, 'address-refuse', 'on']);
        expect(on.code, on.stderr).toBe(0);
        expect(on.stderr).toMatch(new RegExp(`lab: ${host}( restarted and)? refuses SetNetworkInterfaces`));
        expect(faults(host)).toMatchObject({ refuse: true, vanish: false, vanished: false });

        // What the app sends before the address, with the values the device has: both still succeed.
        const dns = before.state.net.dns;
        const search = (dns.searchDomain ?? []).map((d) => `<tds:SearchDomain>${d}</tds:SearchDomain>`).join('');
        const setDns = soap(
          at,
          'SetDNS',
          `<tds:FromDHCP>${dns.fromDHCP}</tds:FromDHCP>${search}` +
            dns.manual
              .map((a) => `<tds:DNSManual><tt:Type>IPv4</tt:Type><tt:IPv4Address>${a}</tt:IPv4Address></tds:DNSManual>`)
              .join(''),
        );
        expect(setDns.status, setDns.body).toBe(200);
        const gw = soap(
          at,
          'SetNetworkDefaultGateway',
          `<tds:IPv4Address>${before.state.net.gateway}</tds:IPv4Address>`,
        );
        expect(gw.status, gw.body).toBe(200);

        const r = soap(at, 'SetNetworkInterfaces', setAddress(REFUSED));
        expect(r.status).toBe(400);
        expect(r.body).toContain('<env:Value>env:Sender</env:Value>');
        expect(r.body).toMatch(
          /<env:Subcode><env:Value>ter:InvalidArgVal<\/env:Value><env:Subcode><env:Value>ter:InvalidIPv4Address<\/env:Value>/,
        );
        expect(r.body).toContain(`The suggested IPv4 address ${REFUSED}/24 is invalid`);
        // A change would be applied 0.3 s after the reply (hik) or held for a reboot (cam): give it twice that.
        await sleep(1000);
        expect(eth0(host)).toEqual(before.eth0);
        expect(simState(host).net).toEqual(before.state.net);
        expect(simState(host).pendingNetwork).toBeNull();
        expect(soap(at, 'GetNetworkInterfaces').body).toContain(`<tt:Address>${at}</tt:Address>`);
      } finally {
        const off = lab(['sim', host, 'address-refuse', 'off']);
        expect(off.code, off.stderr).toBe(0);
      }
      expect(faults(host).refuse).toBe(false);
      expect(fs.existsSync(path.join(RUN_DIR, `sim-${host}`, 'address-refuse'))).toBe(false);
    },
  );

  it('hik accepts SetNetworkInterfaces again once the toggle is off', async () => {
    const r = soap(HIK.ip, 'SetNetworkInterfaces', setAddress(HIK.ip, LAN.prefix));
    expect(r.status, r.body).toBe(200);
    expect(r.body).toContain('<tds:RebootNeeded>false</tds:RebootNeeded>');
    await sleep(1000);
    expect(eth0('hik')).toEqual([`${HIK.ip}/${LAN.prefix}`]);
  });

  it('refuses a host that is not one device, an unknown host and a bad mode, in plain words', () => {
    const rogue = lab(['sim', 'rogue', 'address-refuse', 'on']);
    expect(rogue.code).toBe(1);
    expect(rogue.stderr).toContain('rogue does not play one device with network settings');
    const none = lab(['sim', 'nosuch', 'address-vanish', 'on']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no simulator "nosuch" in this lab');
    const bad = lab(['sim', 'hik', 'address-vanish', 'maybe']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('usage: lab.mjs sim <host>');
  });
});

describe('lab sim address-vanish', () => {
  /** Nothing answers at `ip` (HTTP on 80, five times a second apart; WS-Discovery), and nothing listens; ping does. */
  async function silentAt(host: string, ip: string) {
    expect(listeners(host)).toEqual([]);
    for (let i = 0; i < 5; i++) {
      expect(answersAt(ip), `HTTP at ${ip}, try ${i + 1}`).toBe(false);
      if (i < 4) await sleep(1000);
    }
    expect(wsdAnswers(ip)).toEqual([]);
    // The address itself is there: the kernel answers ping.
    expect(inNs('client', 'ping', ['-c', '1', '-W', '2', ip]).code).toBe(0);
  }

  const heard = (watch: { output: () => string }) =>
    watch
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { from: string; action: string; xaddrs: string[] });

  it('hik takes the new address at once, then answers nothing until off; off brings it back there with a Hello', async () => {
    const before = simState('hik').net;
    const watch = await startInNs('client', process.execPath, [PROBE, 'wsd-watch', CLIENT.ip, '90', HIK.ip, HIK_NEW]);
    try {
      const on = lab(['sim', 'hik', 'address-vanish', 'on']);
      expect(on.code, on.stderr).toBe(0);
      expect(faults('hik')).toMatchObject({ vanish: true, vanished: false, address: HIK.ip });
      // Armed, not yet vanished: it still answers.
      expect(soap(HIK.ip, 'GetSystemDateAndTime').status).toBe(200);

      const r = soap(HIK.ip, 'SetNetworkInterfaces', setAddress(HIK_NEW));
      expect(r.status, r.body).toBe(200);
      expect(r.body).toContain('<tds:RebootNeeded>false</tds:RebootNeeded>');
      await pollUntil(() => faults('hik').vanished, { timeoutMs: 10_000, what: 'hik to vanish' });
      expect(eth0('hik')).toEqual([`${HIK_NEW}/24`]);
      expect(simState('hik').net).toMatchObject({ dhcp: false, address: HIK_NEW, prefix: 24 });
      await silentAt('hik', HIK_NEW);
      expect(answersAt(HIK.ip)).toBe(false);
      expect(heard(watch).filter((m) => m.action === 'Hello')).toEqual([]);

      const off = lab(['sim', 'hik', 'address-vanish', 'off']);
      expect(off.code, off.stderr).toBe(0);
      expect(off.stderr).toContain(`answers again at ${HIK_NEW}`);
      expect(faults('hik')).toMatchObject({ vanish: false, vanished: false, address: HIK_NEW });
      const ni = soap(HIK_NEW, 'GetNetworkInterfaces');
      expect(ni.status).toBe(200);
      expect(ni.body).toContain(`<tt:Manual><tt:Address>${HIK_NEW}</tt:Address><tt:PrefixLength>24</tt:PrefixLength>`);
      await pollUntil(() => heard(watch).some((m) => m.action === 'Hello' && m.from === HIK_NEW), {
        timeoutMs: 5000,
        what: `hik's Hello from ${HIK_NEW}`,
      });
      expect(heard(watch)).toContainEqual({
        from: HIK_NEW,
        action: 'Hello',
        xaddrs: [`http://${HIK_NEW}/onvif/device_service`],
      });
      expect(wsdAnswers(HIK_NEW)).toEqual([HIK_NEW]);
    } finally {
      await watch.stop();
      const errors: string[] = [];
      togglesOff('hik', errors);
      await hikBack(errors);
      expect(errors).toEqual([]);
    }
    expect(simState('hik').net).toEqual(before);
    expect(eth0('hik')).toEqual([`${HIK.ip}/${LAN.prefix}`]);
  }, 120_000);

  it('cam takes the new address at its SystemReboot, then answers nothing until off; off brings it back there with a Hello', async () => {
    const before = { net: simState('cam').net, eth0: eth0('cam') };
    const start = before.eth0[0]!.split('/')[0]!;
    expect(inPool(start)).toBe(true);
    const watch = await startInNs('client', process.execPath, [PROBE, 'wsd-watch', CLIENT.ip, '90', start, CAM_NEW]);
    try {
      const on = lab(['sim', 'cam', 'address-vanish', 'on']);
      expect(on.code, on.stderr).toBe(0);
      expect(faults('cam')).toMatchObject({ vanish: true, vanished: false, address: start });

      const r = soap(start, 'SetNetworkInterfaces', setAddress(CAM_NEW));
      expect(r.status, r.body).toBe(200);
      expect(r.body).toContain('<tds:RebootNeeded>true</tds:RebootNeeded>');
      // Held until the reboot: still answering at its address.
      expect(eth0('cam')).toEqual(before.eth0);
      expect(soap(start, 'SystemReboot').status).toBe(200);
      await pollUntil(() => faults('cam').vanished, { timeoutMs: 15_000, what: 'cam to vanish' });
      expect(eth0('cam')).toEqual([`${CAM_NEW}/24`]);
      expect(simState('cam').net).toMatchObject({ dhcp: false, address: CAM_NEW, prefix: 24 });
      await silentAt('cam', CAM_NEW);
      expect(answersAt(start)).toBe(false);
      expect(heard(watch).filter((m) => m.action === 'Hello')).toEqual([]);

      const off = lab(['sim', 'cam', 'address-vanish', 'off']);
      expect(off.code, off.stderr).toBe(0);
      expect(off.stderr).toContain(`answers again at ${CAM_NEW}`);
      const ni = soap(CAM_NEW, 'GetNetworkInterfaces');
      expect(ni.status).toBe(200);
      expect(ni.body).toContain(`<tt:Manual><tt:Address>${CAM_NEW}</tt:Address><tt:PrefixLength>24</tt:PrefixLength>`);
      expect(ni.body).toContain(`<tt:HwAddress>${CAM.mac}</tt:HwAddress>`);
      await pollUntil(() => heard(watch).some((m) => m.action === 'Hello' && m.from === CAM_NEW), {
        timeoutMs: 5000,
        what: `cam's Hello from ${CAM_NEW}`,
      });
    } finally {
      await watch.stop();
      const errors: string[] = [];
      togglesOff('cam', errors);
      await camBack(errors);
      expect(errors).toEqual([]);
    }
    expect(eth0('cam')).toEqual(before.eth0);
    expect(simState('cam').net).toEqual(before.net);
    expect(simState('cam').pendingNetwork).toBeNull();
  }, 120_000);
});
