import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { discoveredDeviceSchema, type DiscoveredDevice } from '../../src/shared/domain/device';
import { inNs, LAN, ROGUE, SIMULATORS } from '../lab/lib/testkit.mjs';
import { serialFor, SIM_PROFILES } from '../lab/sim/testing.mjs';

// The app's own discovery and ONVIF login, run as users run them (the BUILT CLI with plain node) from the lab's
// client host, against the simulators, the DHCP camera and the rogue host. Nothing here leaves the lab.

const ADMIN = { user: 'admin', password: 'Lab-Admin-2024' };

function cli(args: string[], opts: { dataDir?: string; input?: string; timeoutMs?: number } = {}) {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'lab-cli-'));
  const r = inNs('client', 'env', [`NVR_ASSIST_DATA_DIR=${dataDir}`, process.execPath, 'bin/nvr-assist.js', ...args], {
    timeoutMs: opts.timeoutMs ?? 30_000,
    input: opts.input,
  });
  return { ...r, dataDir };
}

const sim = (host: string) => SIMULATORS.find((s) => s.host === host)!;

describe('discovery in the lab', () => {
  let devices: DiscoveredDevice[];
  let warnings: string[];
  let dataDir: string;

  beforeAll(() => {
    const r = cli(['discover', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const parsed = JSON.parse(r.stdout) as { devices: unknown[]; warnings: string[] };
    devices = parsed.devices.map((d) => discoveredDeviceSchema.parse(d));
    warnings = parsed.warnings;
    dataDir = r.dataDir;
  });

  const at = (address: string) => devices.find((d) => d.addresses.includes(address));

  it('finds the Hikvision-like NVR by ONVIF, SADP and SSDP, with its SDK port and DHCP flag', () => {
    const hik = at(sim('hik').ip);
    expect(hik).toBeDefined();
    expect(hik!.sources).toEqual(expect.arrayContaining(['onvif', 'sadp', 'ssdp']));
    expect(hik).toMatchObject({ brand: 'Hikvision', mac: sim('hik').mac, dhcp: false, activated: true, upnp: true });
    expect(hik!.ports).toMatchObject({ sdk: 8000, http: 80, onvif: 80 });
    expect(hik!.onvifUrl).toBe(`http://${sim('hik').ip}/onvif/device_service`);
  });

  it('finds the Dahua-like NVR by ONVIF, DHIP and SSDP, with its TCP port 37777', () => {
    const dahua = at(sim('dahua').ip);
    expect(dahua!.sources).toEqual(expect.arrayContaining(['onvif', 'dhip', 'ssdp']));
    expect(dahua).toMatchObject({ brand: 'Dahua', mac: sim('dahua').mac });
    expect(dahua!.ports).toMatchObject({ sdk: 37777 });
  });

  it('finds the Reolink-like NVR with ONVIF on port 8000', () => {
    const reolink = at(sim('reolink').ip);
    expect(reolink!.sources).toEqual(expect.arrayContaining(['onvif', 'ssdp']));
    expect(reolink).toMatchObject({
      brand: 'Reolink',
      onvifUrl: `http://${sim('reolink').ip}:8000/onvif/device_service`,
    });
  });

  it('finds the camera that took its address from DHCP', () => {
    const cam = devices.find((d) => d.mac === sim('cam').mac);
    expect(cam).toBeDefined();
    const last = Number(cam!.addresses[0]!.split('.')[3]);
    expect(last).toBeGreaterThanOrEqual(Number(LAN.dhcpFrom.split('.')[3]));
    expect(last).toBeLessThanOrEqual(Number(LAN.dhcpTo.split('.')[3]));
  });

  it('survives the rogue host: its hostile answers are counted, and none of its addresses is followed off the LAN', () => {
    expect(warnings.some((w) => w.includes(ROGUE.ip))).toBe(true);
    // Every ONVIF address the app kept is on the LAN: the four devices' and the rogue's own.
    const onvifUrls = devices.map((d) => d.onvifUrl).filter((u): u is string => u !== null);
    expect(onvifUrls.length).toBeGreaterThanOrEqual(5);
    expect(onvifUrls.filter((u) => !new URL(u).hostname.startsWith('192.168.50.'))).toEqual([]);
    // The rogue answers every search, so it is listed: at its own address, with the off-LAN, loopback and
    // self-assigned addresses it announced named as ignored.
    const rogue = at(ROGUE.ip);
    expect(rogue, 'the rogue host answers every search and should be listed').toBeDefined();
    expect(new URL(rogue!.onvifUrl!).hostname).toBe(ROGUE.ip);
    expect(rogue!.notes.filter((n) => /outside your network|self-assigned|device itself/.test(n))).not.toEqual([]);
  });

  it('lists every box once', () => {
    const macs = devices.map((d) => d.mac).filter(Boolean);
    expect(new Set(macs).size).toBe(macs.length);
  });

  it('keeps the result for the next command, and choose stores the NVR', () => {
    const hik = at(sim('hik').ip)!;
    const chosen = cli(['choose', hik.id, '--json'], { dataDir });
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(JSON.parse(chosen.stdout).nvr.device.addresses).toContain(sim('hik').ip);
  });

  it('searches only where asked: on the client’s second, unrelated network it finds none of the LAN devices', () => {
    const r = cli(['discover', '--interface', 'eth1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const other = JSON.parse(r.stdout) as { devices: DiscoveredDevice[] };
    expect(other.devices.filter((d) => d.addresses.some((a) => a.startsWith('192.168.50.')))).toEqual([]);
  });
});

describe('ONVIF login in the lab', () => {
  it('logs in to each brand and reads maker, model, firmware and serial exactly as the device reports them', () => {
    for (const host of ['hik', 'dahua', 'reolink']) {
      const s = sim(host);
      const r = cli(['identify', s.ip, '--user', ADMIN.user, '--password-stdin', '--json'], {
        input: `${ADMIN.password}\n`,
      });
      expect(r.code, `${host}: ${r.stderr}`).toBe(0);
      const out = JSON.parse(r.stdout) as { identity: Record<string, unknown> };
      expect(out.identity, host).toMatchObject({
        manufacturer: SIM_PROFILES[s.profile]!.manufacturer,
        model: s.name,
        firmware: SIM_PROFILES[s.profile]!.firmware,
        serial: serialFor(s.profile, s.name, s.mac),
      });
    }
  });

  it('logs in to a camera whose clock is 10 minutes off, by signing with the camera’s time', () => {
    const discover = cli(['discover', '--json']);
    const cam = (JSON.parse(discover.stdout) as { devices: DiscoveredDevice[] }).devices.find(
      (d) => d.mac === sim('cam').mac,
    )!;
    const r = cli(['identify', cam.id, '--user', ADMIN.user, '--password-stdin', '--json'], {
      dataDir: discover.dataDir,
      input: ADMIN.password,
    });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { identity: { clockOffsetSeconds: number }; device: DiscoveredDevice };
    expect(Math.abs(out.identity.clockOffsetSeconds - 600)).toBeLessThanOrEqual(5);
    expect(out.device.firmware).not.toBeNull();
    const setup = JSON.parse(cli(['setup', '--json'], { dataDir: discover.dataDir }).stdout);
    expect(setup.setup.steps.find.status).toBe('verified');
  });

  it('tells a wrong password from a locked account, in plain words, exit code 1', () => {
    const wrong = cli(['identify', sim('dahua').ip, '--user', 'admin', '--password-stdin'], {
      input: 'not-the-password',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/refused the user name or password/);
    const locked = cli(['identify', sim('hik').ip, '--user', 'locked', '--password-stdin'], {
      input: 'Lab-Locked-2024',
    });
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/locked this account/);
  });

  it('adds a device by LAN name and by address; refuses internet addresses and silent hosts', () => {
    const byName = cli(['add', 'hik.lan', '--json']);
    expect(byName.code, byName.stderr).toBe(0);
    expect(JSON.parse(byName.stdout).device.sources).toContain('manual');
    const reolink = cli(['add', sim('reolink').ip, '--json']);
    expect(JSON.parse(reolink.stdout).device.onvifUrl).toBe(`http://${sim('reolink').ip}:8000/onvif/device_service`);
    const outside = cli(['add', '203.0.113.1']);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/only talks to devices on your own network/);
    const silent = cli(['add', '192.168.50.222', '--port', '80']);
    expect(silent.code).toBe(1);
    expect(silent.stderr).toMatch(/did not answer/);
  });
});

describe('discovery where multicast is blocked, and announcements', () => {
  it('the address sweep still finds the NVRs, with ports, ONVIF address and MAC', () => {
    // Drop every multicast packet the client sends, as VLANs, Docker networks and isolated Wi-Fi do.
    const nft = (...args: string[]) => inNs('client', 'nft', args);
    nft('add', 'table', 'ip', 'nvrassist_nomcast');
    nft('add', 'chain', 'ip', 'nvrassist_nomcast', 'out', '{ type filter hook output priority 0; }');
    nft('add', 'rule', 'ip', 'nvrassist_nomcast', 'out', 'ip', 'daddr', '224.0.0.0/4', 'drop');
    try {
      const plain = cli(['discover', '--json']);
      expect(JSON.parse(plain.stdout).devices).toEqual([]);
      const r = cli(['discover', '--sweep', '--json'], { timeoutMs: 60_000 });
      expect(r.code, r.stderr).toBe(0);
      const devices = (JSON.parse(r.stdout) as { devices: DiscoveredDevice[] }).devices;
      const hik = devices.find((d) => d.addresses.includes(sim('hik').ip))!;
      expect(hik.sources).toEqual(['sweep']);
      expect(hik).toMatchObject({ mac: sim('hik').mac, onvifUrl: `http://${sim('hik').ip}/onvif/device_service` });
      expect(hik.ports).toMatchObject({ http: 80, rtsp: 554, https: 443 });
      const reolink = devices.find((d) => d.addresses.includes(sim('reolink').ip))!;
      expect(reolink.onvifUrl).toBe(`http://${sim('reolink').ip}:8000/onvif/device_service`);
      expect(devices.find((d) => d.addresses.includes(sim('dahua').ip))?.ports).toMatchObject({ sdk: 37777 });
    } finally {
      nft('delete', 'table', 'ip', 'nvrassist_nomcast');
    }
  });

  it('hears a camera say goodbye and hello again when it reboots', async () => {
    const discover = cli(['discover', '--json']);
    const cam = (JSON.parse(discover.stdout) as { devices: DiscoveredDevice[] }).devices.find(
      (d) => d.mac === sim('cam').mac,
    )!;
    const address = cam.addresses[0]!;
    const watcher = spawn(
      'ip',
      [
        'netns',
        'exec',
        'nvrlab-client',
        'env',
        `NVR_ASSIST_DATA_DIR=${discover.dataDir}`,
        process.execPath,
        'bin/nvr-assist.js',
        'watch',
        '--seconds',
        '8',
        '--json',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    watcher.stdout.on('data', (c) => (out += c));
    const done = new Promise<number>((resolve) => watcher.on('close', (code) => resolve(code ?? -1)));
    await new Promise((r) => setTimeout(r, 1500));
    // Reboot the camera over ONVIF with the lab's own SOAP probe: it announces Bye, restarts, then Hello.
    const reboot = inNs('client', process.execPath, [
      'tests/lab/sim/tools/probe.mjs',
      'soap',
      `http://${address}/onvif/device_service`,
      'SystemReboot',
      '--user',
      ADMIN.user,
      '--pass',
      ADMIN.password,
      '--device-clock',
    ]);
    expect(reboot.stdout).toContain('Rebooting');
    expect(await done).toBe(0);
    const heard = out
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as DiscoveredDevice);
    const about = heard.filter((d) => d.mac === sim('cam').mac || d.addresses.includes(address));
    expect(about.length).toBeGreaterThanOrEqual(2);
    expect(about.some((d) => d.notes.some((n) => /Said goodbye/.test(n)))).toBe(true);
  });
});
