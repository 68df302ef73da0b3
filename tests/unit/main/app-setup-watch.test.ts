import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../../src/main/app';
import { createSetupStore } from '../../../src/main/services/setup-store';
import type { SetupRecord } from '../../../src/shared/domain/setup';
import { HOME_PC } from '../../support/fake-system';

// The running app shows a change another process (the CLI) made to the setup record: setup.onChanged.

const newCore = (dataDir: string, mode: 'electron' | 'browser' | 'cli') =>
  createAppCore({ dataDir, mode, version: '1', system: HOME_PC(), log: () => {} });

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function changes(core: ReturnType<typeof newCore>): SetupRecord[] {
  const seen: SetupRecord[] = [];
  core.hub.subscribe((event, payload) => {
    if (event === 'setup.onChanged') seen.push((payload as { setup: SetupRecord }).setup);
  });
  return seen;
}

describe('app core and another process’s change to the setup record', () => {
  for (const mode of ['electron', 'browser'] as const) {
    it(`${mode}: emits setup.onChanged with the CLI’s change once, and stops when closed`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'core-watch-'));
      const core = newCore(dir, mode);
      const seen = changes(core);
      await core.dispatch('setup.chooseApproach', { approach: 'vpn' }, { transport: 'test' });
      expect(seen.map((s) => s.approach)).toEqual(['vpn']); // our own change: once, from the handler
      const cli = createSetupStore(join(dir, 'setup.json'));
      await cli.update((d) => (d.approach = 'vendor-cloud'));
      expect(await until(() => seen.length > 1, 3_000)).toBe(true);
      await pause(200);
      expect(seen.map((s) => s.approach)).toEqual(['vpn', 'vendor-cloud']);
      await core.close();
      await cli.update((d) => (d.approach = 'port-forwarding'));
      await pause(300);
      expect(seen).toHaveLength(2);
    });
  }

  it('cli: does not watch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'core-watch-'));
    const core = newCore(dir, 'cli');
    const seen = changes(core);
    await core.dispatch('setup.get', {}, { transport: 'test' });
    await createSetupStore(join(dir, 'setup.json')).update((d) => (d.approach = 'vendor-cloud'));
    await pause(300);
    expect(seen).toEqual([]);
    await core.close();
  });
});
