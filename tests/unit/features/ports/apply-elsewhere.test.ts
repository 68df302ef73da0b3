import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../src/main/app';
import { emptySetupRecord } from '../../../../src/shared/domain/setup';
import type { EventPayload } from '../../../../src/shared/ipc/contract';
import { createTranslator, localMessage } from '../../../../src/shared/i18n';
import { sayIn } from '../../../../src/shared/i18n/said';
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

/** The app core over a fake recorder, its record holding the devices `devices` lists (the NVR among them). */
function appWith(devices: (nvr: ReturnType<typeof device>) => unknown[], prefix: string) {
  const nvr = fakeRecorder();
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const NVR = device();
  writeFileSync(
    join(dataDir, 'setup.json'),
    JSON.stringify({ ...emptySetupRecord('2026-11-24T09:00:00.000Z'), devices: devices(NVR) }),
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
  return { nvr, NVR, core };
}

describe('ports.apply through the app', () => {
  it('refuses a port another known device uses, before anything is sent to the NVR', async () => {
    const { nvr, NVR, core } = appWith((NVR) => [NVR, CAMERA], 'apply-elsewhere-');
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
      // Said by key: in the user's language on the page and in the CLI, the other device's address as it came.
      expect(end.error?.said).toEqual({ key: 'ports.said.failures.notSent' });
      const pseudo = localMessage(end.error!, createTranslator('en-XA'));
      expect(pseudo).not.toContain('The app did not send');
      expect(pseudo).toMatch(/192\.0\.2\.99/);
      expect(nvr.sets).toEqual([]);
      expect(nvr.ports.http).toBe(80);
      expect(ADDRESS).toBe(NVR.addresses[0]);
    } finally {
      await core.close();
    }
  });

  it('a verified change, then the measurement after it: every progress line said by key (English as it was)', async () => {
    const { NVR, core } = appWith((NVR) => [NVR], 'apply-progress-');
    const lines: Array<EventPayload<'job.onProgress'>> = [];
    const done = new Promise<EventPayload<'job.onDone'>>((resolve) =>
      core.hub.subscribe((event, payload) => {
        if (event === 'job.onProgress') lines.push(payload as EventPayload<'job.onProgress'>);
        if (event === 'job.onDone') resolve(payload as EventPayload<'job.onDone'>);
      }),
    );
    try {
      await core.dispatch('device.login', { deviceId: NVR.id, ...LOGIN }, { transport: 'test' });
      const changes = [{ role: 'rtsp' as const, to: 10554 }];
      const started = await core.dispatch('ports.apply', { deviceId: NVR.id, changes }, { transport: 'test' });
      expect(started.ok).toBe(true);
      expect(await done).toMatchObject({ outcome: 'ok' });
      const messages = lines.map((l) => l.message);
      expect(messages.slice(0, 4)).toEqual([
        'Reading the current ports (ONVIF)…',
        'Changing the ports…',
        'Checking the new ports answer (the device may restart its services)…',
        'Changed, and checked by measurement.',
      ]);
      expect(messages.some((m) => /^Measuring the ports again: Checking ports: \d+ of \d+, \d+ open$/.test(m))).toBe(
        true,
      );
      expect(messages.at(-1)).toMatch(/^Measuring the ports again: Identifying what answers on \d+ open port\(s\)…$/);
      const en = createTranslator('en');
      const xa = createTranslator('en-XA');
      for (const line of lines) {
        expect(line.said?.key, line.message).toMatch(/^ports\.said\.progress\./);
        expect(sayIn(en, line.said, '')).toBe(line.message);
        expect(sayIn(xa, line.said, line.message)).not.toMatch(/Measuring|Checking|Reading|Changing|Identifying/);
      }
    } finally {
      await core.close();
    }
  });
});
