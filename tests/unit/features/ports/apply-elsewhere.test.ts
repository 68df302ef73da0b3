import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../src/main/app';
import { emptySetupRecord } from '../../../../src/shared/domain/setup';
import type { EventPayload } from '../../../../src/shared/ipc/contract';
import { ADDRESS, LOGIN, device, fakeRecorder } from '../../../support/fake-nvr-ports';
import { LAB_CLIENT } from '../../../support/fake-system';

/** A camera the app found earlier beside the NVR: it serves its web page on 18080. */
const CAMERA = device({
  id: 'dev-02:00:c0:00:02:99',
  addresses: ['192.0.2.99'],
  mac: '02:00:c0:00:02:99',
  brand: 'Reolink',
  model: 'RLC-810A',
  onvifUrl: 'http://192.0.2.99:18080/onvif/device_service',
  ports: { http: 18080, onvif: 18080 },
});

describe('ports.apply through the app', () => {
  it('refuses a port another known device uses, before anything is sent to the NVR', async () => {
    const nvr = fakeRecorder();
    const dataDir = mkdtempSync(join(tmpdir(), 'apply-elsewhere-'));
    const NVR = device();
    writeFileSync(
      join(dataDir, 'setup.json'),
      JSON.stringify({ ...emptySetupRecord('2026-11-24T09:00:00.000Z'), devices: [NVR, CAMERA] }),
    );
    const core = createAppCore({
      dataDir,
      mode: 'cli',
      version: '1',
      system: LAB_CLIENT(),
      http: nvr.deps.http,
      tcp: nvr.deps.tcp,
      tcpConnector: nvr.deps.connector,
      tcpExchange: nvr.deps.exchange,
      portsVerify: { rounds: 3, intervalMs: 1 },
      portsSleep: async () => {},
      log: () => {},
    });
    const done = new Promise<EventPayload<'job.onDone'>>((resolve) =>
      core.hub.subscribe((event, payload) => {
        if (event === 'job.onDone') resolve(payload as EventPayload<'job.onDone'>);
      }),
    );
    try {
      const login = await core.dispatch('device.login', { deviceId: NVR.id, ...LOGIN }, { transport: 'test' });
      expect(login.ok).toBe(true);
      const started = await core.dispatch(
        'ports.apply',
        { deviceId: NVR.id, changes: [{ role: 'http', to: 18080 }], confirmWarnings: true },
        { transport: 'test' },
      );
      expect(started.ok).toBe(true);
      const end = await done;
      expect(end).toMatchObject({ outcome: 'failed', error: { code: 'PORTS_CHANGE_REFUSED' } });
      expect(end.error?.message).toMatch(/18080/);
      expect(end.error?.message).toMatch(/192\.0\.2\.99/);
      expect(nvr.sets).toEqual([]);
      expect(nvr.ports.http).toBe(80);
      expect(ADDRESS).toBe(NVR.addresses[0]);
    } finally {
      await core.close();
    }
  });
});
