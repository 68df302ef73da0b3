// `security.check` and `security.get` through the app's dispatcher: the check judges the saved setup record, keeps
// the result with its time and sets the step's status; `get` gives the last check back after a restart.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../src/main/app';
import { HOME_PC } from '../../../support/fake-system';
import { createSetupStore } from '../../../../src/main/services/setup-store';
import type { InvokeOutput } from '../../../../src/shared/ipc/contract';
import type { Result } from '../../../../src/shared/ipc/result';
import { AT, chooseNvr, nvrDevice } from './records';

const now = () => new Date(AT);

async function withRecord(brand: string, model: string, firmware: string): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'security-handlers-'));
  await createSetupStore(join(dataDir, 'setup.json')).update((d) => chooseNvr(d, nvrDevice(brand, model, firmware)));
  return dataDir;
}

/** One call through a fresh app over `dataDir` (a restart between calls). */
async function withCore<T>(dataDir: string, use: (core: ReturnType<typeof createAppCore>) => Promise<T>): Promise<T> {
  const core = createAppCore({ dataDir, mode: 'cli', version: '1', now, system: HOME_PC(), log: () => {} });
  try {
    return await use(core);
  } finally {
    await core.close();
  }
}
const call = <C extends 'security.check' | 'security.get'>(dir: string, channel: C) =>
  withCore(dir, (core) => core.dispatch(channel, {}, { transport: 'test' }) as Promise<Result<InvokeOutput<C>>>);
const check = (dir: string) => call(dir, 'security.check');
const get = (dir: string) => call(dir, 'security.get');

describe('security.check', () => {
  it('a Hikvision in CVE-2017-7921’s range: the critical finding first, attention, and the check is saved', async () => {
    const dir = await withRecord('HIKVISION', 'DS-2CD2032F-I', 'V5.4.0 build 160530');
    const r = await check(dir);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.checkedAt).toBe(AT);
    expect(r.data.findings[0]).toMatchObject({ id: 'vuln-CVE-2017-7921', severity: 'critical', worth: 35 });
    expect(r.data.firmware.find((f) => f.id === 'CVE-2017-7921')?.status).toBe('affected');
    const saved = JSON.parse(readFileSync(join(dir, 'setup.json'), 'utf8'));
    expect(saved.security.last).toEqual(r.data);
    expect(saved.steps.security).toMatchObject({ status: 'attention', updatedAt: AT });
    expect(saved.steps.security.reason).toMatch(/^1 critical finding is open: Firmware affected by CVE-2017-7921/);
  });

  it('no critical finding (telnet is high): verified, with the score and the fixes left in the reason', async () => {
    const dir = await withRecord('Reolink', 'RLN8-410', 'v3.0.0.148');
    const r = await check(dir);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.findings.some((f) => f.severity === 'critical')).toBe(false);
    expect(r.data.findings.map((f) => f.id)).toContain('service-telnet');
    const saved = JSON.parse(readFileSync(join(dir, 'setup.json'), 'utf8'));
    expect(saved.steps.security.status).toBe('verified');
    expect(saved.steps.security.reason).toContain(`Score ${r.data.score}/100`);
  });

  it('security.get: null before any check, the saved check (same time, same findings) after one', async () => {
    const dir = await withRecord('HIKVISION', 'DS-2CD2032F-I', 'V5.4.0 build 160530');
    const before = await get(dir);
    expect(before.ok && before.data.last).toBeNull();
    const checked = await check(dir);
    const after = await get(dir);
    if (!checked.ok || !after.ok) throw new Error('a call failed');
    expect(after.data.last).toEqual(checked.data);
  });
});
