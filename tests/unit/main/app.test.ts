import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../../src/main/app';
import { networkStepState } from '../../../src/main/features/network/status';
import { defaultDataDir } from '../../../src/main/core/paths';
import type { NetworkReport } from '../../../src/shared/domain/network';
import { emptySetupRecord } from '../../../src/shared/domain/setup';
import { HOME_PC } from '../../support/fake-system';

const newCore = (dataDir: string) =>
  createAppCore({ dataDir, mode: 'electron', version: '1', system: HOME_PC(), log: () => {} });

describe('app core', () => {
  it('a half-done setup resumes after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'core-'));
    const first = newCore(dir);
    await first.dispatch('setup.chooseApproach', { approach: 'port-forwarding' }, { transport: 'test' });
    await first.dispatch('network.get', {}, { transport: 'test' });
    await first.close();
    const second = newCore(dir);
    const r = await second.dispatch('setup.get', {}, { transport: 'test' });
    expect(r).toMatchObject({
      ok: true,
      data: { setup: { approach: 'port-forwarding', steps: { network: { status: 'verified' } } } },
    });
  });

  it('tells the user when the saved setup was damaged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'core-'));
    writeFileSync(join(dir, 'setup.json'), 'not json');
    const r = await newCore(dir).dispatch('setup.get', {}, { transport: 'test' });
    expect(r).toMatchObject({ ok: true, data: { notice: { code: 'SETUP_RECOVERED' }, setup: { approach: null } } });
  });

  it('emits setup.onChanged after each change', async () => {
    const core = newCore(mkdtempSync(join(tmpdir(), 'core-')));
    const seen: string[] = [];
    core.hub.subscribe((e) => seen.push(e));
    await core.dispatch('setup.skipStep', { step: 'upnp', reason: 'My router has no UPnP.' }, { transport: 'test' });
    expect(seen).toEqual(['setup.onChanged']);
  });
});

describe('network step status', () => {
  const report = (usable: boolean): NetworkReport => ({
    interfaces: [{ name: 'eth0', kind: 'wired', up: usable, mac: null, ipv4: [], usable, note: '' }],
    gateway: null,
    recommended: usable ? { interfaceName: 'eth0', reason: 'r' } : null,
    chosenInterface: null,
    measuredAt: 't',
  });
  const record = (approach: 'vpn' | null, interfaceName: string | null) => ({
    ...emptySetupRecord('t'),
    approach,
    interfaceName,
  });
  const at = new Date(0);

  it('is verified only from a measurement with a usable interface and a chosen approach', () => {
    expect(networkStepState(record('vpn', null), report(true), at).status).toBe('verified');
    expect(networkStepState(record(null, null), report(true), at).status).toBe('working');
    expect(networkStepState(record('vpn', null), report(false), at).status).toBe('attention');
    expect(networkStepState(record('vpn', 'wlan9'), report(true), at)).toMatchObject({
      status: 'attention',
      reason: expect.stringContaining('wlan9'),
    });
  });
});

describe('data folder', () => {
  it('follows each platform’s convention and the override', () => {
    expect(defaultDataDir({ NVR_ASSIST_DATA_DIR: '/x' }, 'linux')).toBe('/x');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/nvr-assist');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('nvr-assist');
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/nvr-assist$/);
  });
});
