import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../../src/main/app';
import { emptySetupRecord, type SetupRecord } from '../../../../src/shared/domain/setup';
import { LAB_CLIENT } from '../../../support/fake-system';
import { device } from '../../../support/fake-nvr-ports';

// The user chooses an NVR and opens a step at once: the step's first check asks main for the record right after the
// choice. It must read the NVR just chosen, not the one before (the UPnP page marked the old NVR's mappings as
// "your NVR" when the check read the record between the choice's lookup and its save).
/** A device as a search lists it, at its own address. */
const listed = (id: string, address: string) =>
  device({ id, addresses: [address], mac: null, onvifUrl: `http://${address}/onvif/device_service` });

const cores: AppCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

function app(record: SetupRecord) {
  const dataDir = mkdtempSync(join(tmpdir(), 'choose-order-'));
  writeFileSync(join(dataDir, 'setup.json'), JSON.stringify(record));
  const core = createAppCore({ dataDir, mode: 'cli', version: '1', system: LAB_CLIENT(), log: () => {} });
  cores.push(core);
  return (channel: string, input: unknown) => core.dispatch(channel as never, input as never, { transport: 'test' });
}

describe('choosing the NVR', () => {
  it('what is asked after the choice reads the NVR just chosen', async () => {
    const cam = listed('dev-cam', '192.168.50.65');
    const hik = listed('dev-hik', '192.168.50.64');
    const call = app({
      ...emptySetupRecord('2026-12-06T09:00:00.000Z'),
      devices: [cam, hik],
      nvr: { deviceId: cam.id, device: cam, chosenAt: '2026-12-06T09:00:00.000Z' },
    });
    for (const [from, to] of [
      [cam, hik],
      [hik, cam],
    ] as const) {
      const chosen = call('setup.chooseDevice', { deviceId: to.id });
      const read = (await call('setup.get', {})) as { ok: true; data: { setup: SetupRecord } };
      expect(read.data.setup.nvr?.deviceId, `after choosing ${to.id} instead of ${from.id}`).toBe(to.id);
      expect(((await chosen) as { ok: boolean }).ok).toBe(true);
    }
  });

  it('a device main does not know is refused, and the record keeps its NVR', async () => {
    const cam = listed('dev-cam', '192.168.50.65');
    const call = app({
      ...emptySetupRecord('2026-12-06T09:00:00.000Z'),
      devices: [cam],
      nvr: { deviceId: cam.id, device: cam, chosenAt: '2026-12-06T09:00:00.000Z' },
    });
    expect(await call('setup.chooseDevice', { deviceId: 'dev-gone' })).toMatchObject({
      ok: false,
      error: { code: 'DEVICE_NOT_FOUND' },
    });
    const read = (await call('setup.get', {})) as { ok: true; data: { setup: SetupRecord } };
    expect(read.data.setup.nvr?.deviceId).toBe('dev-cam');
  });
});
