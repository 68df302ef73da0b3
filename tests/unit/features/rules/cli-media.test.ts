// `nvr-assist rules --video --udp-media`: the whole path — the CLI's switch, the contract's `rules.plan`, the handler
// finding the NVR's brand and its declared RTP range in the catalogue, the plan, the table — on a setup record with a
// QNAP NVR (RTP 6100–6199 over UDP) and its Ports measurement. What the user would lose: a hundred UDP ports opened
// without asking, or the range missing when a player needs it, or a range shown as one port.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../src/main/app';
import { runCli } from '../../../../src/main/cli/run';
import { createSetupStore } from '../../../../src/main/services/setup-store';
import type { DiscoveredDevice } from '../../../../src/shared/domain/device';
import { forwardPlanSchema } from '../../../../src/shared/domain/forward-plan';
import type { PortReport } from '../../../../src/shared/domain/ports';
import { HOME_PC } from '../../../support/fake-system';
import { portRow } from '../../../support/port-row';

const ID = 'mac:24:5e:be:00:00:70';
const device = (brand: string): DiscoveredDevice => ({
  id: ID,
  addresses: ['192.168.1.70'],
  mac: '24:5e:be:00:00:70',
  brand,
  brandSource: 'onvif',
  model: 'QVR',
  name: 'Office NVR',
  firmware: null,
  serial: null,
  sources: ['onvif'],
  onvifUrl: 'http://192.168.1.70/onvif/device_service',
  endpoint: null,
  ports: {},
  dhcp: false,
  activated: true,
  upnp: false,
  notes: [],
  interfaceName: 'eth0',
  lastSeenAt: '2026-12-05T09:00:00.000Z',
});

async function withNvr(brand: string): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rules-media-'));
  const report: PortReport = {
    deviceId: ID,
    address: '192.168.1.70',
    measuredAt: '2026-12-05T09:00:00.000Z',
    full: false,
    rows: [portRow(443, 'https'), portRow(554, 'rtsp'), portRow(8000, 'sdk')],
    declaredButClosed: [],
    undeclaredOpen: [],
    onvifProtocols: null,
  };
  await createSetupStore(join(dataDir, 'setup.json')).update((d) => {
    d.devices = [device(brand)];
    d.nvr = { deviceId: ID, device: device(brand), chosenAt: '2026-12-05T09:00:00.000Z' };
    d.ports[ID] = { report, plan: null, lastChange: null, pending: null };
  });
  return dataDir;
}

async function cli(argv: string[], dataDir: string) {
  const core = createAppCore({ dataDir, mode: 'cli', version: '9.9.9', system: HOME_PC(), log: () => {} });
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, core, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, '9.9.9');
  await core.close();
  return { code, stdout, stderr };
}

describe('nvr-assist rules --video --udp-media', () => {
  it('a QNAP NVR gets one UDP range rule 6100-6199 (same numbers), shown as a range, with the UDP warning', async () => {
    const dir = await withNvr('QNAP');
    const r = await cli(['rules', '--video', '--udp-media', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const plan = forwardPlanSchema.parse(JSON.parse(r.stdout));
    expect(plan.wants).toEqual({ web: true, app: true, video: true, udpMedia: true });
    expect(plan.rules.filter((x) => x.protocol === 'udp')).toMatchObject([
      { externalPort: 6100, internalPort: 6100, portCount: 100, internalAddress: '192.168.1.70' },
    ]);
    expect(plan.notes.map((n) => n.code)).toContain('udp-range');
    const text = await cli(['rules'], dir);
    expect(text.stdout).toContain('live video (RTSP), video over UDP');
    const row = text.stdout.split('\n').find((l) => l.startsWith('NVR video over UDP (RTP)'));
    expect(row).toMatch(/UDP\s+6100-6199\s+192\.168\.1\.70\s+6100-6199\s+anywhere/);
  });

  it('without --udp-media, or for a brand that declares no range, no UDP rule; the advice says what a player needs', async () => {
    const qnap = await cli(['rules', '--video', '--json'], await withNvr('QNAP'));
    const plan = forwardPlanSchema.parse(JSON.parse(qnap.stdout));
    expect(plan.rules.every((x) => x.protocol === 'tcp')).toBe(true);
    expect(plan.notes.find((n) => n.code === 'udp-media')?.text).toContain('range 6100–6199 (UDP)');
    const hik = await cli(['rules', '--video', '--udp-media', '--json'], await withNvr('Hikvision'));
    const hikPlan = forwardPlanSchema.parse(JSON.parse(hik.stdout));
    expect(hikPlan.rules.every((x) => x.protocol === 'tcp')).toBe(true);
    expect(hikPlan.notes.find((n) => n.code === 'udp-media')?.text).toMatch(
      /^Players that ask for video over UDP need more ports/,
    );
  });

  it('--udp-media without --video is refused (exit 2) before anything is planned; with --router or --proxy too', async () => {
    const dir = await withNvr('QNAP');
    const alone = await cli(['rules', '--udp-media'], dir);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--udp-media goes with --video.');
    expect((await cli(['rules', '--router', 'nftables', '--udp-media'], dir)).code).toBe(2);
    expect((await cli(['rules', '--proxy', 'nginx', '--udp-media'], dir)).code).toBe(2);
  });
});
