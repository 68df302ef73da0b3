// A lab self-check: the scale simulator (250 devices in one process), run in two throw-away namespaces of this test
// (simt-scl-*, one veth between them), so it needs neither the lab's scale profile nor its router. It checks that
// every device answers, not how fast: the simulator's reply times are measured by `npm run bench -- discovery`
// (the anchor beside the app's own time), not asserted here.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startSimPair } from '../lab/lib/testkit.mjs';
import { SIM_USERS, scaleAddresses, SCALE_MAC } from '../lab/sim/testing.mjs';

const CLIENT_IP = '192.168.50.10';
const TOOLS = path.resolve(__dirname, '../lab/sim/tools');
const admin = SIM_USERS.find((u) => u.level === 'Administrator')!;
let pair: Awaited<ReturnType<typeof startSimPair>> | null = null;

function probe(args: string[]) {
  const r = spawnSync('ip', ['netns', 'exec', pair!.cli, process.execPath, path.join(TOOLS, 'probe.mjs'), ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(r.stdout.trim());
}

beforeAll(async () => {
  pair = await startSimPair('scl', {
    devAddresses: scaleAddresses().map((a) => `${a}/24`),
    clientAddress: `${CLIENT_IP}/24`,
    simArgs: [
      ...['--profile', 'scale', '--host', 'scale', '--ip', 'none', '--iface', 'eth0'],
      ...['--mac', SCALE_MAC, '--name', 'scale', '--count', '250'],
    ],
    readyTimeoutMs: 30_000,
  });
});

afterAll(async () => {
  await pair?.stop();
});

describe('scale simulator', () => {
  it('answers one probe with 250 ProbeMatches, each from its own address and port 3702, with its own endpoint', () => {
    const r = probe(['wsd', '--bind', CLIENT_IP, '--timeout', '1500']);
    const froms = r.replies.map((x: { from: string }) => x.from);
    expect(new Set(froms).size).toBe(250);
    expect(froms.sort()).toEqual([...scaleAddresses()].sort());
    for (const m of r.replies) {
      expect(m.port).toBe(3702);
      expect(m.relatesTo).toBe(r.messageId);
      expect(m.xaddrs).toEqual([`http://${m.from}/onvif/device_service`]);
    }
    expect(new Set(r.replies.map((x: { epr: string }) => x.epr)).size).toBe(250);
  });
  it('serves a minimal ONVIF device service on port 80 of every address', () => {
    const addrs = scaleAddresses();
    for (const a of [addrs[0]!, addrs[125]!, addrs[249]!]) {
      const t = probe(['soap', `http://${a}/onvif/device_service`, 'GetSystemDateAndTime', '--auth', 'none']);
      expect(t.status).toBe(200);
      const d = probe([
        'soap',
        `http://${a}/onvif/device_service`,
        'GetDeviceInformation',
        '--user',
        admin.user,
        '--pass',
        admin.password,
      ]);
      expect(d.status).toBe(200);
      expect(d.body).toContain('<tds:Model>SIM-SCALE-CAM</tds:Model>');
      const c = probe(['soap', `http://${a}/onvif/device_service`, 'GetCapabilities', '--auth', 'none']);
      expect(c.body).toContain(`<tt:XAddr>http://${a}/onvif/device_service</tt:XAddr>`);
      expect(
        probe([
          'soap',
          `http://${a}/onvif/device_service`,
          'GetNetworkInterfaces',
          '--user',
          admin.user,
          '--pass',
          admin.password,
        ]).subcodes,
      ).toEqual(['ter:ActionNotSupported']);
    }
  });
});
