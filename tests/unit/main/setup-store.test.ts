import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSetupStore } from '../../../src/main/services/setup-store';

const fixedNow = () => new Date('2026-11-24T12:00:00Z');
const tempDir = () => mkdtempSync(join(tmpdir(), 'setup-store-'));

describe('setup store', () => {
  it('starts empty, saves atomically, and resumes in a new instance', async () => {
    const dir = tempDir();
    const file = join(dir, 'setup.json');
    const store = createSetupStore(file, fixedNow);
    const first = await store.load();
    expect(first.notice).toBeNull();
    expect(first.setup).toMatchObject({
      schemaVersion: 3,
      approach: null,
      interfaceName: null,
      devices: [],
      nvr: null,
      ports: {},
    });
    await store.update((d) => {
      d.approach = 'vpn';
      d.interfaceName = 'eth0';
    });
    expect(readdirSync(dir)).toEqual(['setup.json']); // no temporary file left behind
    const again = await createSetupStore(file, fixedNow).load();
    expect(again.setup).toMatchObject({ approach: 'vpn', interfaceName: 'eth0' });
  });

  it('upgrades a version-1 record in place, keeping the user’s choices', async () => {
    const dir = tempDir();
    const file = join(dir, 'setup.json');
    const v1 = {
      schemaVersion: 1,
      createdAt: 'a',
      updatedAt: 'b',
      approach: 'vpn',
      interfaceName: 'eth0',
      network: null,
      steps: {},
    };
    writeFileSync(file, JSON.stringify(v1));
    const { setup, notice } = await createSetupStore(file, fixedNow).load();
    expect(notice).toBeNull();
    expect(setup).toMatchObject({
      schemaVersion: 3,
      approach: 'vpn',
      interfaceName: 'eth0',
      devices: [],
      nvr: null,
      ports: {},
    });
  });

  it('upgrades a version-2 record in place, keeping the devices and the chosen NVR', async () => {
    const dir = tempDir();
    const file = join(dir, 'setup.json');
    const device = {
      id: 'dev-02:00:c0:a8:32:40',
      addresses: ['192.168.50.64'],
      mac: '02:00:c0:a8:32:40',
      brand: 'Hikvision',
      brandSource: 'sadp',
      model: 'DS-7608NI-K2',
      name: null,
      firmware: null,
      serial: null,
      sources: ['sadp'],
      onvifUrl: 'http://192.168.50.64/onvif/device_service',
      endpoint: null,
      ports: { sdk: 8000, http: 80 },
      dhcp: false,
      activated: true,
      upnp: false,
      notes: [],
      interfaceName: 'eth0',
      lastSeenAt: 'c',
    };
    const v2 = {
      schemaVersion: 2,
      createdAt: 'a',
      updatedAt: 'b',
      approach: 'port-forwarding',
      interfaceName: 'eth0',
      network: null,
      steps: { find: { status: 'verified', updatedAt: 'c' } },
      devices: [device],
      nvr: { deviceId: device.id, device, chosenAt: 'c' },
    };
    writeFileSync(file, JSON.stringify(v2));
    const { setup, notice } = await createSetupStore(file, fixedNow).load();
    expect(notice).toBeNull();
    expect(setup).toMatchObject({
      schemaVersion: 3,
      approach: 'port-forwarding',
      steps: { find: { status: 'verified' } },
      devices: [device],
      nvr: { deviceId: device.id },
      ports: {},
    });
  });

  it('reads a version-3 record written before unfinished changes were kept: no change is pending', async () => {
    const dir = tempDir();
    const file = join(dir, 'setup.json');
    const entry = { report: null, plan: null, lastChange: null };
    const record = {
      schemaVersion: 3,
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
      approach: null,
      interfaceName: null,
      network: null,
      steps: {},
      devices: [],
      nvr: null,
      ports: { 'dev-1': entry },
    };
    writeFileSync(file, JSON.stringify(record));
    const { setup, notice } = await createSetupStore(file, fixedNow).load();
    expect(notice).toBeNull();
    expect(setup.ports['dev-1']).toEqual({ ...entry, pending: null });
  });

  it('keeps a corrupt file as a backup and tells the user', async () => {
    const dir = tempDir();
    const file = join(dir, 'setup.json');
    writeFileSync(file, '{"schemaVersion":1, "approach": "vp');
    const { setup, notice } = await createSetupStore(file, fixedNow).load();
    expect(setup.approach).toBeNull();
    expect(notice?.code).toBe('SETUP_RECOVERED');
    const backups = readdirSync(dir).filter((f) => f.includes('.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dir, backups[0]!), 'utf8')).toBe('{"schemaVersion":1, "approach": "vp');
    expect(notice?.message).toContain(backups[0]);
  });

  it('does not overwrite a record from a newer version of the app', async () => {
    const dir = tempDir();
    const file = join(dir, 'setup.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 99, whatever: true }));
    const { notice } = await createSetupStore(file, fixedNow).load();
    expect(notice?.message).toMatch(/newer version/);
    expect(readdirSync(dir).some((f) => f.includes('.corrupt-'))).toBe(true);
  });

  it('serialises concurrent updates: none is lost', async () => {
    const file = join(tempDir(), 'setup.json');
    const store = createSetupStore(file, fixedNow);
    await Promise.all(
      ['network', 'find', 'ports', 'upnp', 'ddns'].map((step) =>
        store.update((d) => {
          d.steps[step as 'network'] = { status: 'skipped', updatedAt: 'x', reason: step };
        }),
      ),
    );
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(saved.steps).sort()).toEqual(['ddns', 'find', 'network', 'ports', 'upnp']);
  });

  it('refuses a change that breaks the schema and keeps the file as it was', async () => {
    const file = join(tempDir(), 'setup.json');
    const store = createSetupStore(file, fixedNow);
    await store.update((d) => (d.approach = 'vpn'));
    await expect(store.update((d) => ((d as { approach: unknown }).approach = 'teleport'))).rejects.toThrow();
    expect(JSON.parse(readFileSync(file, 'utf8')).approach).toBe('vpn');
  });

  it('reset keeps the old record as a backup', async () => {
    const dir = tempDir();
    const file = join(dir, 'setup.json');
    const store = createSetupStore(file, fixedNow);
    await store.update((d) => (d.approach = 'vendor-cloud'));
    const fresh = await store.reset();
    expect(fresh.approach).toBeNull();
    const backup = readdirSync(dir).find((f) => f.includes('.reset-'));
    expect(backup).toBeDefined();
    expect(JSON.parse(readFileSync(join(dir, backup!), 'utf8')).approach).toBe('vendor-cloud');
  });
});
