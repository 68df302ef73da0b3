import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCredentialStore } from '../../../../src/main/services/credentials';
import { createDeviceService } from '../../../../src/main/services/devices/device-service';
import { createSetupStore } from '../../../../src/main/services/setup-store';
import type { PortApplyResult } from '../../../../src/shared/domain/ports';
import { ADDRESS, LOGIN, fakeRecorder } from '../../../support/fake-nvr-ports';

const NOW = () => new Date('2026-11-24T10:00:00Z');

function service() {
  const dir = mkdtempSync(join(tmpdir(), 'devices-'));
  const nvr = fakeRecorder();
  const devices = createDeviceService({
    http: nvr.deps.http,
    lookup: async () => null,
    setup: createSetupStore(join(dir, 'setup.json'), NOW),
    credentials: createCredentialStore(join(dir, 'credentials.bin'), null),
    now: NOW,
  });
  const found = devices.inventory.upsert({
    source: 'onvif',
    address: ADDRESS,
    interfaceName: 'eth0',
    endpoint: 'urn:uuid:nvr',
    onvifUrl: `http://${ADDRESS}/onvif/device_service`,
    ports: { http: 80, onvif: 80 },
  })!;
  return { devices, found, nvr };
}

describe('the device service', () => {
  it('logs in to a found device once, keeps the login in memory and merges what the device said', async () => {
    const { devices, found, nvr } = service();
    const login = await devices.login({ deviceId: found.id }, LOGIN, false);
    expect(login.url.href).toBe(`http://${ADDRESS}/onvif/device_service`);
    expect(login.device).toMatchObject({ id: found.id, sources: ['onvif'] });
    expect(login.identity.manufacturer).toBeTruthy();
    expect(login.remembered).toBe(false);
    expect(nvr.calls.filter((c) => c === 'GetDeviceInformation')).toHaveLength(1);
    expect(await devices.loginFor(found)).toEqual(LOGIN);
  });

  it('says which devices main holds a login for (a page loaded again need not ask), and forgets on request', async () => {
    const { devices, found } = service();
    expect(await devices.loginKnownIds(devices.inventory.list())).toEqual([]);
    await devices.login({ deviceId: found.id }, LOGIN, false);
    expect(await devices.loginKnownIds(devices.inventory.list())).toEqual([found.id]);
    expect(await devices.rememberedIds(devices.inventory.list())).toEqual([]);
    expect(await devices.forget(found.id)).toBe(1);
    expect(await devices.loginKnownIds(devices.inventory.list())).toEqual([]);
  });

  it('a device that moved its web port takes its login and its list entry with it', async () => {
    const { devices, found } = service();
    await devices.login({ deviceId: found.id }, LOGIN, false);
    const device = devices.inventory.get(found.id)!;
    const result = {
      outcome: 'verified',
      changes: [{ role: 'http', from: 80, to: 18080, verified: true, evidence: '' }],
      onvifUrl: `http://${ADDRESS}:18080/onvif/device_service`,
    } as unknown as PortApplyResult;
    const moved = await devices.follow(device, result);
    expect(moved).toMatchObject({
      onvifUrl: `http://${ADDRESS}:18080/onvif/device_service`,
      ports: { http: 18080, onvif: 18080 },
    });
    expect(devices.inventory.get(found.id)?.onvifUrl).toBe(moved!.onvifUrl);
    expect(await devices.loginFor(moved!)).toEqual(LOGIN);
    expect(await devices.loginFor(device)).toBeUndefined();
  });

  it('an unknown device is refused in plain words', async () => {
    const { devices } = service();
    await expect(devices.byId('dev-nope')).rejects.toMatchObject({ code: 'DEVICE_NOT_FOUND' });
    await expect(devices.login({ deviceId: 'dev-nope' }, LOGIN, false)).rejects.toMatchObject({
      code: 'DEVICE_NOT_FOUND',
    });
  });
});

describe('the device service after a change made one port at a time', () => {
  it('a partial change moves the ports that were verified and leaves the kept one where it is', async () => {
    const { devices, found } = service();
    await devices.login({ deviceId: found.id }, LOGIN, false);
    const device = { ...devices.inventory.get(found.id)!, ports: { http: 80, rtsp: 554, onvif: 80 } };
    const result = {
      outcome: 'partial',
      changes: [
        { role: 'http', from: 80, to: 18080, verified: true, evidence: '' },
        { role: 'rtsp', from: 554, to: 10554, verified: false, evidence: '' },
      ],
      onvifUrl: `http://${ADDRESS}:18080/onvif/device_service`,
    } as unknown as PortApplyResult;
    const moved = await devices.follow(device, result);
    expect(moved?.ports).toMatchObject({ http: 18080, rtsp: 554, onvif: 18080 });
  });
});
