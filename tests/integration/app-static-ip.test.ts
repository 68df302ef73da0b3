// The Static IP step as users run it: the BUILT CLI (`nvr-assist static-ip …`, plain node) in the lab's client
// host, against the DHCP camera `cam` (dnsmasq's pool is 192.168.50.100–199). Reads its settings from the camera
// itself, judges them, refuses an address something else answers at, moves it to a static address outside the pool,
// follows it there (the generic camera needs a restart for a new address: RebootNeeded), reads it back, and checks
// with tools we did not write (ip in the camera's own namespace, Debian's onvif-util). The camera is put back on
// DHCP in a `finally` (raw SOAP through curl), so the lab is left as it was found. Needs the lab up and a build.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticIpReadingSchema, staticIpResultSchema } from '../../src/shared/steps/static-ip';
import { inNs, lab, readLabState, SIMULATORS } from '../lab/lib/testkit.mjs';
import { newDataDir, removeDataDir, runCli } from '../support/lab-cli';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'nvr-assist.js');
const ADMIN = { user: 'admin', password: 'Lab-Admin-2024' }; // tests/lab/topology.mjs SIM_USERS
const CAM = SIMULATORS.find((s) => s.host === 'cam')!;
const POOL = '192.168.50.100-192.168.50.199';
const TARGET = '192.168.50.231';
const dataDir = mkdtempSync(join(tmpdir(), 'app-static-ip-'));

function cli(args: string[], input?: string) {
  return inNs('client', 'env', [`NVR_ASSIST_DATA_DIR=${dataDir}`, process.execPath, CLI, ...args], {
    timeoutMs: 120_000,
    input,
  });
}

/** The camera's IPv4 address on eth0, as its own namespace says. */
function camAddress(): string | null {
  const r = inNs('cam', 'ip', ['-4', '-o', 'addr', 'show', 'dev', 'eth0']);
  return /inet (\d+\.\d+\.\d+\.\d+)/.exec(r.stdout)?.[1] ?? null;
}

// curl's --digest sends an empty body first, which the simulator faults on before it asks for a login; Python's
// digest handler sends the body each time.
const SOAP_PY = `import sys, urllib.request, urllib.error
url, user, pw = sys.argv[1:4]
mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm(); mgr.add_password(None, url, user, pw)
opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(mgr))
req = urllib.request.Request(url, data=sys.stdin.read().encode(), headers={'Content-Type': 'application/soap+xml'})
try: print(opener.open(req, timeout=5).read().decode())
except urllib.error.HTTPError as e: print(e.read().decode()); sys.exit(1)`;

function soap(address: string, operation: string, inner: string): { code: number; stdout: string } {
  const body = `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema"><s:Body><tds:${operation}>${inner}</tds:${operation}></s:Body></s:Envelope>`;
  const url = `http://${address}/onvif/device_service`;
  return inNs('client', 'python3', ['-c', SOAP_PY, url, ADMIN.user, ADMIN.password], {
    input: body,
    timeoutMs: 10_000,
  });
}

async function until(test: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 250)))
    if (test()) return true;
  return test();
}

/** Puts the camera back on DHCP (and restarts it, as it asks), wherever it is now. */
async function backToDhcp(): Promise<void> {
  const at = camAddress();
  if (!at) return;
  const token = /<tt:NetworkInterfaces[^>]*token="([^"]+)"|token="([^"]+)"/.exec(
    soap(at, 'GetNetworkInterfaces', '').stdout,
  );
  const t = token?.[1] ?? token?.[2] ?? 'eth0';
  soap(
    at,
    'SetNetworkInterfaces',
    `<tds:InterfaceToken>${t}</tds:InterfaceToken><tds:NetworkInterface><tt:Enabled>true</tt:Enabled><tt:IPv4><tt:Enabled>true</tt:Enabled><tt:DHCP>true</tt:DHCP></tt:IPv4></tds:NetworkInterface>`,
  );
  soap(at, 'SystemReboot', '');
  // The simulator stops ~0.5 s after the reboot's reply and is back ~1.2 s later: wait out the stop first.
  await new Promise((r) => setTimeout(r, 2500));
  await until(() => (camAddress() ?? '').startsWith('192.168.50.1'), 20_000);
  // …and its ONVIF service answers again after the restart.
  await until(() => soap(camAddress() ?? '', 'GetSystemDateAndTime', '').code === 0, 20_000);
}

let startAddress: string;

beforeAll(() => {
  const state = readLabState();
  if (!state || state.phase !== 'up' || state.profile !== 'home')
    throw new Error('The lab is not up with profile home: run `npm run lab -- up` first.');
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) throw new Error('Build first: npm run build');
  const at = camAddress();
  if (!at) throw new Error('cam has no DHCP address yet');
  startAddress = at;
});

afterAll(async () => {
  await backToDhcp();
}, 40_000);

describe('static-ip against the DHCP camera', () => {
  it('reads DHCP on from the camera itself, says it is a problem, and proposes an address outside the pool the user typed', () => {
    const r = cli(
      ['static-ip', startAddress, '--pool', POOL, '--user', ADMIN.user, '--password-stdin', '--json'],
      `${ADMIN.password}\n`,
    );
    expect(r.code, r.stderr).toBe(0);
    const reading = staticIpReadingSchema.parse(JSON.parse(r.stdout));
    expect(reading).toMatchObject({
      loggedIn: true,
      mac: CAM.mac,
      settings: { dhcp: true, address: startAddress, prefix: 24, gateway: '192.168.50.1', source: 'onvif' },
      pool: { first: '192.168.50.100', last: '192.168.50.199', source: 'user' },
    });
    expect(reading.findings.find((f) => f.code === 'on-dhcp')).toMatchObject({ severity: 'problem' });
    const last = Number(reading.proposal!.address.split('.')[3]);
    expect(last < 100 || last > 199).toBe(true);
    expect(reading.reservation).toMatchObject({ mac: CAM.mac });
  });

  it('refuses an address another lab host answers at (the free-address proof), sending nothing', () => {
    const r = cli(
      ['static-ip', startAddress, '--apply', '192.168.50.64', '--force', '--user', ADMIN.user, '--password-stdin'],
      `${ADMIN.password}\n`,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already answers|another device|used by/i);
    expect(camAddress()).toBe(startAddress);
  });

  it('moves the camera to a static address, follows it through its restart, reads it back, and the record follows', () => {
    const r = cli(
      ['static-ip', startAddress, '--apply', TARGET, '--user', ADMIN.user, '--password-stdin', '--json'],
      `${ADMIN.password}\n`,
    );
    expect(r.code, r.stderr).toBe(0);
    const result = staticIpResultSchema.parse(JSON.parse(r.stdout));
    expect(result).toMatchObject({ outcome: 'verified', address: TARGET, mac: CAM.mac });
    expect(result.steps.join('\n')).toMatch(/restart/);
    // The camera's own namespace says so (not our code).
    expect(camAddress()).toBe(TARGET);
    // Debian's onvif-util reads the new settings from the camera (it probes the LAN first and chokes on the rogue's
    // replies, so the rogue is quiet meanwhile: tests/lab/README.md).
    lab(['rogue', 'quiet']);
    let util: { stdout: string };
    try {
      util = inNs('client', 'onvif-util', ['-u', ADMIN.user, '-p', ADMIN.password, TARGET], {
        input: 'get network\nquit\n',
        timeoutMs: 20_000,
      });
    } finally {
      lab(['rogue', 'loud']);
    }
    expect(util.stdout).toMatch(/IP Address:\s+192\.168\.50\.231\b/);
    expect(util.stdout).toMatch(/DHCP:\s+NO/);
    // The record points at the new address: the device list, and the step is verified.
    const setup = JSON.parse(readFileSync(join(dataDir, 'setup.json'), 'utf8'));
    const device = setup.devices.find((d: { mac: string | null }) => d.mac === CAM.mac);
    expect(device.addresses[0]).toBe(TARGET);
    expect(device.onvifUrl).toContain(TARGET);
    expect(setup.staticIp[device.id].lastChange.outcome).toBe('verified');
    expect(setup.staticIp[device.id].pending).toBeNull();
    // A second reading at the new address: static, outside the pool, nothing to fix.
    const again = cli(['static-ip', TARGET, '--user', ADMIN.user, '--password-stdin', '--json'], `${ADMIN.password}\n`);
    expect(again.code, again.stderr).toBe(0);
    const reading = staticIpReadingSchema.parse(JSON.parse(again.stdout));
    expect(reading.settings).toMatchObject({ dhcp: false, address: TARGET });
    expect(reading.findings.map((f) => f.code)).toContain('static-ok');
  });
});

describe('static-ip when the app is killed in the middle of a change', () => {
  // Two points: just after the change was saved as pending (around the send), and while the camera is followed
  // (sent, restarting). The next check must find out where the camera is and say so, and the record must agree.
  it.each([
    ['around the send', /Giving the NVR the address/, 0],
    ['while following', /Looking for the NVR at/, 0],
  ])(
    'killed %s: the next check finds the camera and records where it is',
    async (_when, line, plusMs) => {
      await backToDhcp();
      const at = camAddress()!;
      const dir = newDataDir('static-ip-kill');
      try {
        const login = ['--user', ADMIN.user, '--password-stdin'];
        const first = await runCli(['static-ip', at, '--pool', POOL, ...login], {
          dataDir: dir,
          input: `${ADMIN.password}\n`,
        });
        expect(first.code, first.stderr.toString()).toBe(0);
        let pid = 0;
        let seen = '';
        let killed = false;
        const run = await runCli(['static-ip', at, '--apply', TARGET, ...login], {
          dataDir: dir,
          input: `${ADMIN.password}\n`,
          timeoutMs: 90_000,
          onSpawn: (p) => (pid = p),
          onStderr: (text) => {
            seen += text;
            if (!killed && line.test(seen)) {
              killed = true;
              setTimeout(() => process.kill(pid, 'SIGKILL'), plusMs);
            }
          },
        });
        expect(run.signal, run.stderr.toString()).toBe('SIGKILL');
        const saved = JSON.parse(readFileSync(join(dir, 'setup.json'), 'utf8'));
        const deviceId = Object.keys(saved.staticIp)[0]!;
        expect(saved.staticIp[deviceId].pending).not.toBeNull();
        // Let a restart the camera was asked for finish, then check again.
        await new Promise((r) => setTimeout(r, 3000));
        const next = await runCli(['static-ip', deviceId, '--json', ...login], {
          dataDir: dir,
          input: `${ADMIN.password}\n`,
          timeoutMs: 120_000,
        });
        expect(next.code, next.stderr.toString()).toBe(0);
        expect(next.stderr.toString()).toMatch(/started on .* (did finish|did not take)/);
        const after = JSON.parse(readFileSync(join(dir, 'setup.json'), 'utf8'));
        const entry = after.staticIp[deviceId];
        expect(entry.pending).toBeNull();
        const now = camAddress();
        expect(entry.lastChange.address).toBe(now);
        expect(entry.lastChange.outcome).toBe(now === TARGET ? 'verified' : 'restored');
        expect(entry.reading.settings.address).toBe(now);
        expect(after.devices.find((d: { id: string }) => d.id === deviceId).addresses[0]).toBe(now);
      } finally {
        removeDataDir(dir);
        await backToDhcp();
      }
    },
    240_000,
  );
});

describe('static-ip, the router way', () => {
  it('a reservation made in the router (dnsmasq) is proven by the next check once the camera renewed its lease', async () => {
    await backToDhcp();
    const dir = newDataDir('static-ip-reserve');
    const RESERVED = '192.168.50.232';
    const login = ['--user', ADMIN.user, '--password-stdin'];
    const withLogin = { dataDir: dir, input: `${ADMIN.password}\n` };
    try {
      // Found first, as the wizard does: the camera is known by its MAC (its id stays when its address changes).
      const search = await runCli(['discover', '--json'], { dataDir: dir, timeoutMs: 60_000 });
      expect(search.code, search.stderr.toString()).toBe(0);
      const listed = JSON.parse(readFileSync(join(dir, 'setup.json'), 'utf8')).devices as Array<{
        id: string;
        mac: string;
      }>;
      const deviceId = listed.find((d) => d.mac === CAM.mac)!.id;
      const first = await runCli(['static-ip', deviceId, '--pool', POOL, ...login], withLogin);
      expect(first.code, first.stderr.toString()).toBe(0);
      // The user notes the reservation; the app says what to enter and where.
      const noted = await runCli(['static-ip', deviceId, '--reserve', RESERVED], { dataDir: dir });
      expect(noted.code, noted.stderr.toString()).toBe(0);
      expect(noted.stdout.toString()).toContain(`reserve ${RESERVED} for MAC ${CAM.mac}`);
      expect(noted.stdout.toString()).toMatch(/MikroTik RouterOS: IP > DHCP Server > Leases/);
      // Before the camera renews: still on its old lease, the reservation is pending.
      const before = await runCli(['static-ip', deviceId, '--json', ...login], withLogin);
      const pending = staticIpReadingSchema.parse(JSON.parse(before.stdout.toString()));
      expect(pending.findings.map((f) => f.code)).toContain('reservation-pending');
      // What the user does in the router, and the camera renewing its lease (tests/lab/README.md).
      expect(lab(['dhcp', 'reserve', CAM.mac, RESERVED]).code).toBe(0);
      expect(lab(['sim', 'cam', 'renew']).code).toBe(0);
      expect(camAddress()).toBe(RESERVED);
      // The camera moved by itself: the search finds it again by its MAC, and the next check proves the reservation.
      const again = await runCli(['discover', '--json'], { dataDir: dir, timeoutMs: 60_000 });
      expect(again.code, again.stderr.toString()).toBe(0);
      const after = await runCli(['static-ip', deviceId, '--json', ...login], withLogin);
      expect(after.code, after.stderr.toString()).toBe(0);
      const proven = staticIpReadingSchema.parse(JSON.parse(after.stdout.toString()));
      expect(proven.settings).toMatchObject({ dhcp: true, address: RESERVED, source: 'onvif' });
      expect(proven.findings[0]).toMatchObject({ code: 'reservation-ok', severity: 'ok' });
      expect(proven.findings.map((f) => f.code)).not.toContain('on-dhcp');
      const record = JSON.parse(readFileSync(join(dir, 'setup.json'), 'utf8'));
      expect(record.staticIp[deviceId].reservation).toMatchObject({ address: RESERVED, mac: CAM.mac });
    } finally {
      lab(['dhcp', 'unreserve', CAM.mac]);
      lab(['sim', 'cam', 'renew']);
      removeDataDir(dir);
    }
  }, 240_000);
});

describe('static-ip when the camera refuses the address, or takes it and goes silent', () => {
  const login = ['--user', ADMIN.user, '--password-stdin'];

  it('a camera that faults on the new address is reported unchanged, read back, and nothing moved', async () => {
    await backToDhcp();
    const at = camAddress()!;
    const dir = newDataDir('static-ip-refuse');
    try {
      expect(lab(['sim', 'cam', 'address-refuse', 'on']).code).toBe(0);
      const r = await runCli(['static-ip', at, '--apply', '192.168.50.236', '--pool', POOL, ...login, '--json'], {
        dataDir: dir,
        input: `${ADMIN.password}\n`,
        timeoutMs: 120_000,
      });
      // --pool goes with the check, not with --apply: said plainly, nothing sent.
      expect(r.code).toBe(2);
      const run = await runCli(['static-ip', at, '--pool', POOL, ...login], {
        dataDir: dir,
        input: `${ADMIN.password}\n`,
      });
      expect(run.code, run.stderr.toString()).toBe(0);
      const apply = await runCli(['static-ip', at, '--apply', '192.168.50.236', ...login, '--json'], {
        dataDir: dir,
        input: `${ADMIN.password}\n`,
        timeoutMs: 120_000,
      });
      expect(apply.code).toBe(1);
      const result = staticIpResultSchema.parse(JSON.parse(apply.stdout.toString()));
      expect(result.outcome).toBe('restored');
      expect(result.message).toMatch(/refused/);
      expect(result.steps.join(' ')).toContain(`Read back at ${at}: as before`);
      expect(camAddress()).toBe(at);
    } finally {
      lab(['sim', 'cam', 'address-refuse', 'off']);
      removeDataDir(dir);
    }
  }, 240_000);

  it('a camera that takes the address and goes silent is reported lost (MAC, where to look); the next check finds it', async () => {
    await backToDhcp();
    const at = camAddress()!;
    const TO = '192.168.50.237';
    const dir = newDataDir('static-ip-vanish');
    try {
      const first = await runCli(['static-ip', at, '--pool', POOL, ...login], {
        dataDir: dir,
        input: `${ADMIN.password}\n`,
      });
      expect(first.code, first.stderr.toString()).toBe(0);
      const deviceId = Object.keys(JSON.parse(readFileSync(join(dir, 'setup.json'), 'utf8')).staticIp)[0]!;
      expect(lab(['sim', 'cam', 'address-vanish', 'on']).code).toBe(0);
      const apply = await runCli(['static-ip', deviceId, '--apply', TO, ...login, '--json'], {
        dataDir: dir,
        input: `${ADMIN.password}\n`,
        timeoutMs: 150_000,
      });
      expect(apply.code).toBe(1);
      const lost = staticIpResultSchema.parse(JSON.parse(apply.stdout.toString()));
      expect(lost).toMatchObject({ outcome: 'lost', address: null, mac: CAM.mac });
      expect(lost.message).toContain(TO);
      expect(lost.message).toContain(CAM.mac);
      expect(lost.message).toMatch(/search .*sweep|router's list of clients/);
      expect(camAddress()).toBe(TO); // it did move; it just says nothing
      // It comes back (here: the silence ends); the next check looks where the change sent it and records it.
      expect(lab(['sim', 'cam', 'address-vanish', 'off']).code).toBe(0);
      const next = await runCli(['static-ip', deviceId, '--json', ...login], {
        dataDir: dir,
        input: `${ADMIN.password}\n`,
        timeoutMs: 150_000,
      });
      expect(next.code, next.stderr.toString()).toBe(0);
      expect(next.stderr.toString()).toMatch(/did finish/);
      const record = JSON.parse(readFileSync(join(dir, 'setup.json'), 'utf8'));
      expect(record.staticIp[deviceId]).toMatchObject({
        pending: null,
        lastChange: { outcome: 'verified', address: TO },
      });
      expect(record.devices.find((d: { id: string }) => d.id === deviceId).addresses[0]).toBe(TO);
    } finally {
      lab(['sim', 'cam', 'address-vanish', 'off']);
      removeDataDir(dir);
    }
  }, 300_000);
});
