// The setup store's watch, on a virtual clock: the poll interval, the debounce of file events, stopping, and what a
// folder watcher's failure leaves. The folder watcher is a fake (the operating system's events are not ours to
// time); the file itself is real. A read of the file is counted by the store's calls to fs.stat, the first thing
// every check does, so "the store looked at the file" is a count, not a wait.
import { EventEmitter } from 'node:events';
import type { FSWatcher } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSetupStore, nodeSetupFs, type SetupFs } from '../../../src/main/services/setup-store';
import type { SetupRecord } from '../../../src/shared/domain/setup';

const fixedNow = () => new Date('2026-11-24T12:00:00Z');

class FakeWatcher extends EventEmitter {
  closed = false;
  close(): void {
    this.closed = true;
  }
}

/** A real file in a fresh folder, a fake folder watcher, and counts of the store's looks at the file. */
function rig(options: { pollMs?: number; debounceMs?: number } = {}) {
  const file = join(mkdtempSync(join(tmpdir(), 'setup-watch-')), 'setup.json');
  const watchers: { dir: string; watcher: FakeWatcher; emit: (name: string | null) => void }[] = [];
  const counts = { stats: 0 };
  let gate: Promise<void> | null = null;
  const fs: Partial<SetupFs> = {
    stat: async (path) => {
      counts.stats++;
      if (gate) await gate;
      return nodeSetupFs.stat(path);
    },
    watch: (dir, listener) => {
      const watcher = new FakeWatcher();
      watchers.push({ dir, watcher, emit: (name) => listener('change', name) });
      return watcher as unknown as FSWatcher;
    },
  };
  const app = createSetupStore(file, fixedNow, { fs, ...options });
  const cli = createSetupStore(file, fixedNow);
  let loads = 0;
  return {
    file,
    app,
    cli,
    watchers,
    counts,
    /**
     * How often the store has looked at the file (fs.stat calls), once every look already queued has run: a load is
     * queued behind them, and its own look is not counted.
     */
    async looks(): Promise<number> {
      await app.load();
      loads++;
      return counts.stats - loads;
    },
    /** Holds every fs.stat of the app's store until the returned function is called. */
    hold(): () => void {
      let release = () => {};
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
  };
}

/** The n-th item, which the test has made sure exists. */
function nth<T>(items: readonly T[], n: number): T {
  const item = items[n];
  if (item === undefined) throw new Error(`no item ${n}`);
  return item;
}

/** Lets the store's queued work run to its end: a load is queued behind every check already queued. */
async function settle(app: ReturnType<typeof rig>['app']): Promise<void> {
  await app.load();
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('setup store watch, on a virtual clock', () => {
  it('looks at the file every 2 s when no event comes, not more often (no disk work for nothing)', async () => {
    const { app, looks } = rig();
    await app.update((d) => (d.approach = 'vpn'));
    const stop = app.watch(() => {});
    await vi.advanceTimersByTimeAsync(0);
    const start = await looks(); // the first look, when the watch begins
    await vi.advanceTimersByTimeAsync(1_999);
    expect(await looks()).toBe(start);
    await vi.advanceTimersByTimeAsync(1);
    expect(await looks()).toBe(start + 1);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(await looks()).toBe(start + 3);
    stop();
  });

  it('a burst of events for setup.json is one look after 75 ms of quiet, not one look per event', async () => {
    const { app, watchers, looks } = rig({ pollMs: 60_000 });
    await app.update((d) => (d.approach = 'vpn'));
    const stop = app.watch(() => {});
    await vi.advanceTimersByTimeAsync(0);
    const start = await looks();
    for (let i = 0; i < 3; i++) {
      nth(watchers, 0).emit('setup.json');
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(await looks()).toBe(start); // 50 ms after the last event: still waiting
    await vi.advanceTimersByTimeAsync(24);
    expect(await looks()).toBe(start);
    await vi.advanceTimersByTimeAsync(1);
    expect(await looks()).toBe(start + 1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await looks()).toBe(start + 1);
    stop();
  });

  it('events for the lock file, temporary files and other files do not make it read; an event with no name does', async () => {
    const { app, watchers, looks } = rig({ pollMs: 60_000, debounceMs: 10 });
    const stop = app.watch(() => {});
    await vi.advanceTimersByTimeAsync(0);
    const start = await looks();
    for (const name of ['setup.json.lock', 'setup.json.tmp-1', 'other.json']) nth(watchers, 0).emit(name);
    await vi.advanceTimersByTimeAsync(100);
    expect(await looks()).toBe(start);
    nth(watchers, 0).emit(null); // some systems do not say which file changed
    await vi.advanceTimersByTimeAsync(100);
    expect(await looks()).toBe(start + 1);
    nth(watchers, 0).emit('setup.json');
    await vi.advanceTimersByTimeAsync(100);
    expect(await looks()).toBe(start + 2);
    stop();
  });

  it('another process’s change reaches the listener through an event, once; the store’s own write never does', async () => {
    const { app, cli, watchers } = rig({ pollMs: 60_000, debounceMs: 10 });
    await app.update((d) => (d.interfaceName = 'eth0'));
    const seen: SetupRecord[] = [];
    const stop = app.watch((r) => seen.push(r));
    await vi.advanceTimersByTimeAsync(0);
    await settle(app);
    expect(seen).toEqual([]); // what it held when the watch began is not news
    await app.update((d) => (d.approach = 'vpn'));
    nth(watchers, 0).emit('setup.json');
    await vi.advanceTimersByTimeAsync(20);
    await settle(app);
    expect(seen).toEqual([]);
    await cli.update((d) => (d.approach = 'vendor-cloud'));
    nth(watchers, 0).emit('setup.json');
    await vi.advanceTimersByTimeAsync(20);
    await settle(app);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ approach: 'vendor-cloud', interfaceName: 'eth0' });
    stop();
  });

  it('a store that never loaded compares with the file as it was when the watch began: a change right after is news', async () => {
    const { app, cli, counts } = rig({ pollMs: 1_000 });
    await cli.update((d) => (d.approach = 'vpn'));
    const seen: SetupRecord[] = [];
    const stop = app.watch((r) => seen.push(r));
    await vi.advanceTimersByTimeAsync(0);
    // Wait until the first look has read the file, then change it.
    await vi.waitFor(() => expect(counts.stats).toBeGreaterThan(0));
    await settle(app);
    expect(seen).toEqual([]);
    await cli.update((d) => (d.approach = 'vendor-cloud'));
    await vi.advanceTimersByTimeAsync(1_000);
    await settle(app);
    expect(seen.map((r) => r.approach)).toEqual(['vendor-cloud']);
    stop();
  });

  it('a load that finds another process’s change tells the watch’s listeners; a load that finds none calls nobody', async () => {
    const { app, cli } = rig({ pollMs: 60_000 });
    await app.update((d) => (d.approach = 'vpn'));
    const seen: (SetupRecord | null)[] = [];
    const stop = app.watch((r) => seen.push(r));
    await vi.advanceTimersByTimeAsync(0);
    await settle(app);
    await app.load();
    expect(seen).toEqual([]);
    await cli.update((d) => (d.approach = 'vendor-cloud'));
    expect((await app.load()).setup.approach).toBe('vendor-cloud');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ approach: 'vendor-cloud' });
    stop();
  });

  it('checks that pile up while the store is busy are one look, not one per event', async () => {
    const r = rig({ pollMs: 60_000, debounceMs: 10 });
    await r.app.update((d) => (d.approach = 'vpn'));
    const release = r.hold();
    const stop = r.app.watch(() => {});
    await vi.advanceTimersByTimeAsync(0);
    const start = r.counts.stats; // the first look, held on its fs.stat
    for (let i = 0; i < 4; i++) {
      nth(r.watchers, 0).emit('setup.json');
      await vi.advanceTimersByTimeAsync(20);
    }
    release();
    await settle(r.app);
    // The held look, one more for all four events, and the load's own.
    expect(r.counts.stats).toBe(start + 2);
    stop();
  });

  it('stopping ends the polling, the pending event and the folder watcher: nothing reads the file afterwards', async () => {
    const { app, watchers, looks } = rig({ pollMs: 1_000, debounceMs: 50 });
    const stop = app.watch(() => {});
    await vi.advanceTimersByTimeAsync(0);
    await settle(app);
    nth(watchers, 0).emit('setup.json');
    stop();
    expect(nth(watchers, 0).watcher.closed).toBe(true);
    const after = await looks();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await looks()).toBe(after);
    // A new watch starts over: one poll, one folder watcher.
    const again = app.watch(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(watchers).toHaveLength(2);
    const restart = await looks();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await looks()).toBe(restart + 1);
    again();
  });

  it('two listeners share one poll and one folder watcher; stopping one keeps the other told, stopping both ends it', async () => {
    const { app, cli, watchers, looks } = rig({ pollMs: 1_000 });
    await app.update((d) => (d.approach = 'vpn'));
    const first: SetupRecord[] = [];
    const second: SetupRecord[] = [];
    const stopFirst = app.watch((r) => first.push(r));
    const stopSecond = app.watch((r) => second.push(r));
    await vi.advanceTimersByTimeAsync(0);
    await settle(app);
    expect(watchers).toHaveLength(1);
    const start = await looks();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await looks()).toBe(start + 1); // one poll, not one per listener
    stopFirst();
    expect(nth(watchers, 0).watcher.closed).toBe(false);
    await cli.update((d) => (d.approach = 'vendor-cloud'));
    await vi.advanceTimersByTimeAsync(1_000);
    await settle(app);
    expect(first).toEqual([]);
    expect(second.map((r) => r.approach)).toEqual(['vendor-cloud']);
    stopSecond();
    expect(nth(watchers, 0).watcher.closed).toBe(true);
    const after = await looks();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await looks()).toBe(after);
  });

  it('one listener that throws does not keep the others from hearing, nor can one change what another gets', async () => {
    const { app, cli } = rig({ pollMs: 1_000 });
    await app.update((d) => (d.approach = 'vpn'));
    const seen: SetupRecord[] = [];
    const stopA = app.watch((r) => {
      r.approach = null;
      throw new Error('a broken listener');
    });
    const stopB = app.watch((r) => seen.push(r));
    await vi.advanceTimersByTimeAsync(0);
    await settle(app);
    await cli.update((d) => (d.approach = 'vendor-cloud'));
    await vi.advanceTimersByTimeAsync(1_000);
    await settle(app);
    expect(seen.map((r) => r.approach)).toEqual(['vendor-cloud']);
    expect((await app.load()).setup.approach).toBe('vendor-cloud');
    stopA();
    stopB();
  });

  it('the folder watcher is watched again after it fails, and polling covers the gap; one is kept, not one per poll', async () => {
    const { file, app, cli, watchers } = rig({ pollMs: 1_000 });
    await app.update((d) => (d.approach = 'vpn'));
    const seen: SetupRecord[] = [];
    const stop = app.watch((r) => seen.push(r));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(watchers).toHaveLength(1); // three polls: the working watcher is kept
    expect(nth(watchers, 0).dir).toBe(dirname(file));
    nth(watchers, 0).watcher.emit('error', new Error('the folder went away'));
    expect(nth(watchers, 0).watcher.closed).toBe(true);
    await cli.update((d) => (d.approach = 'vendor-cloud'));
    await vi.advanceTimersByTimeAsync(1_000);
    await settle(app);
    expect(watchers).toHaveLength(2);
    expect(seen.map((r) => r.approach)).toEqual(['vendor-cloud']);
    stop();
    expect(nth(watchers, 1).watcher.closed).toBe(true);
  });

  it('when the folder cannot be watched, each poll tries again and still finds the change', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'setup-watch-')), 'setup.json');
    let tries = 0;
    const fs: Partial<SetupFs> = {
      watch: () => {
        tries++;
        throw Object.assign(new Error('no watching here'), { code: 'ENOSYS' });
      },
    };
    const app = createSetupStore(file, fixedNow, { fs, pollMs: 1_000 });
    const seen: SetupRecord[] = [];
    const stop = app.watch((r) => seen.push(r));
    await vi.advanceTimersByTimeAsync(0);
    await settle(app);
    await createSetupStore(file, fixedNow).update((d) => (d.approach = 'vpn'));
    await vi.advanceTimersByTimeAsync(2_000);
    await settle(app);
    expect(tries).toBe(3);
    expect(seen.map((r) => r.approach)).toEqual(['vpn']);
    stop();
  });
  it('when stat fails, the poll reads the file each time but calls back only for a real change, not every 2 s', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'setup-watch-')), 'setup.json');
    const fs: Partial<SetupFs> = {
      stat: async () => {
        throw Object.assign(new Error('EIO'), { code: 'EIO' });
      },
      watch: () => {
        throw Object.assign(new Error('no watching here'), { code: 'ENOSYS' });
      },
    };
    const app = createSetupStore(file, fixedNow, { fs, pollMs: 1_000 });
    const cli = createSetupStore(file, fixedNow);
    await cli.update((d) => (d.approach = 'vpn'));
    await app.load();
    const seen: SetupRecord[] = [];
    const stop = app.watch((r) => seen.push(r));
    await vi.advanceTimersByTimeAsync(5_000);
    await settle(app);
    expect(seen).toEqual([]);
    await cli.update((d) => (d.approach = 'vendor-cloud'));
    await vi.advanceTimersByTimeAsync(1_000);
    await settle(app);
    expect(seen.map((r) => r.approach)).toEqual(['vendor-cloud']);
    stop();
  });
});
