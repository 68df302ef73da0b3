import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSetupStore } from '../../../src/main/services/setup-store';

// The store's copy is never trusted over the file (issue 17, from mutation testing): what another process wrote is
// what the next load returns and what the next change is applied to; a deleted file is a fresh start, not the old
// copy written back.

let tick = 0;
const clock = () => new Date(Date.UTC(2026, 10, 24, 12, 0, tick++));
const setupFile = () => join(mkdtempSync(join(tmpdir(), 'setup-fresh-')), 'setup.json');

describe('the setup store reads the file, not its memory', () => {
  it('a load returns what another process saved since', async () => {
    const file = setupFile();
    const mine = createSetupStore(file, clock);
    const theirs = createSetupStore(file, clock);
    expect((await mine.load()).setup.approach).toBeNull();
    await theirs.update((d) => {
      d.approach = 'vpn';
    });
    expect((await mine.load()).setup.approach).toBe('vpn');
  });

  it('a change is applied to what another process saved, never to an old copy', async () => {
    const file = setupFile();
    const mine = createSetupStore(file, clock);
    const theirs = createSetupStore(file, clock);
    await mine.load();
    await theirs.update((d) => {
      d.approach = 'vpn';
    });
    await mine.update((d) => {
      d.interfaceName = 'eth0';
    });
    expect((await theirs.load()).setup).toMatchObject({ approach: 'vpn', interfaceName: 'eth0' });
  });

  it('a file deleted by hand is a fresh start, not the copy in memory', async () => {
    const file = setupFile();
    const store = createSetupStore(file, clock);
    await store.update((d) => {
      d.approach = 'vpn';
    });
    const before = (await store.load()).setup;
    rmSync(file);
    const after = (await store.load()).setup;
    expect(after.approach).toBeNull();
    expect(after.createdAt).not.toBe(before.createdAt);
  });

  it('while there is no file, loads keep the same fresh record (same creation time)', async () => {
    const file = setupFile();
    const store = createSetupStore(file, clock);
    const first = (await store.load()).setup;
    const second = (await store.load()).setup;
    expect(second.createdAt).toBe(first.createdAt);
  });

  it('a file replaced by hand with a valid record is read', async () => {
    const file = setupFile();
    const store = createSetupStore(file, clock);
    await store.update((d) => {
      d.approach = 'vpn';
    });
    const saved = (await store.load()).setup;
    writeFileSync(file, JSON.stringify({ ...saved, approach: 'vendor-cloud' }));
    expect((await store.load()).setup.approach).toBe('vendor-cloud');
  });
});
