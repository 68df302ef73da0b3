// The setup store when the disk misbehaves: a file that cannot be opened or read, a stat that fails, a handle that
// must be closed, a damaged file met by a change, a damaged file repaired by another process meanwhile. Each is a
// real file with one file-system call replaced.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type * as fsp from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createSetupStore, emptySetup, nodeSetupFs, type SetupFs } from '../../../src/main/services/setup-store';
import { ERROR_MESSAGES } from '../../../src/shared/ipc/errors';

const fixedNow = () => new Date('2026-11-24T12:00:00Z');
const tempFile = () => join(mkdtempSync(join(tmpdir(), 'setup-reads-')), 'setup.json');
const fail = (code: string) => Object.assign(new Error(code), { code });
const READ_FAILED = 'Your saved progress could not be read. Check the permissions of the app’s settings folder.';

describe('setup store reads', () => {
  it('a file that cannot be opened (no permission) is an error naming what to check, never a fresh start over the user’s progress', async () => {
    const file = tempFile();
    await createSetupStore(file, fixedNow).update((d) => (d.approach = 'vpn'));
    const fs: Partial<SetupFs> = {
      open: (async (path: string, flags: string) => {
        if (path === file) throw fail('EACCES');
        return nodeSetupFs.open(path, flags);
      }) as SetupFs['open'],
    };
    const store = createSetupStore(file, fixedNow, { fs });
    await expect(store.load()).rejects.toMatchObject({ code: 'SETUP_WRITE_FAILED', message: READ_FAILED });
    await expect(store.update((d) => (d.approach = null))).rejects.toMatchObject({ code: 'SETUP_WRITE_FAILED' });
    expect(JSON.parse(readFileSync(file, 'utf8')).approach).toBe('vpn');
  });

  it('a file whose reading fails half-way is an error, and its handle is closed (no file left open)', async () => {
    const file = tempFile();
    await createSetupStore(file, fixedNow).update((d) => (d.approach = 'vpn'));
    let closed = 0;
    const fs: Partial<SetupFs> = {
      open: (async (path: string, flags: string) => {
        const handle = await nodeSetupFs.open(path, flags);
        if (path !== file) return handle;
        return {
          stat: handle.stat.bind(handle),
          readFile: async () => {
            throw fail('EIO');
          },
          close: async () => {
            closed++;
            await handle.close();
          },
        } as unknown as fsp.FileHandle;
      }) as SetupFs['open'],
    };
    const store = createSetupStore(file, fixedNow, { fs });
    await expect(store.load()).rejects.toMatchObject({ code: 'SETUP_WRITE_FAILED', message: READ_FAILED });
    expect(closed).toBe(1);
  });

  it('every read closes the file it opened', async () => {
    const file = tempFile();
    await createSetupStore(file, fixedNow).update((d) => (d.approach = 'vpn'));
    let opened = 0;
    let closed = 0;
    const fs: Partial<SetupFs> = {
      open: (async (path: string, flags: string) => {
        const handle = await nodeSetupFs.open(path, flags);
        if (path !== file) return handle;
        opened++;
        const close = handle.close.bind(handle);
        handle.close = async () => {
          closed++;
          await close();
        };
        return handle;
      }) as SetupFs['open'],
    };
    const store = createSetupStore(file, fixedNow, { fs });
    expect((await store.load()).setup.approach).toBe('vpn');
    await store.update((d) => (d.interfaceName = 'eth0'));
    expect(opened).toBeGreaterThanOrEqual(2);
    expect(closed).toBe(opened);
  });

  it('a load right after a load does not read the file again (the version read is remembered, not only the one written)', async () => {
    const file = tempFile();
    await createSetupStore(file, fixedNow).update((d) => (d.approach = 'vpn'));
    let opens = 0;
    const fs: Partial<SetupFs> = {
      open: ((...args: Parameters<SetupFs['open']>) => (opens++, nodeSetupFs.open(...args))) as SetupFs['open'],
    };
    const store = createSetupStore(file, fixedNow, { fs });
    await store.load();
    const after = opens;
    for (let i = 0; i < 3; i++) expect((await store.load()).setup.approach).toBe('vpn');
    expect(opens).toBe(after);
  });

  it('while there is no file, loads neither open it nor change the fresh record’s creation time', async () => {
    const file = tempFile();
    let opens = 0;
    let t = Date.parse('2026-11-24T12:00:00Z');
    const ticking = () => new Date((t += 1_000));
    const fs: Partial<SetupFs> = {
      open: ((...args: Parameters<SetupFs['open']>) => (opens++, nodeSetupFs.open(...args))) as SetupFs['open'],
    };
    const store = createSetupStore(file, ticking, { fs });
    const first = (await store.load()).setup;
    const after = opens;
    for (let i = 0; i < 3; i++) expect((await store.load()).setup.createdAt).toBe(first.createdAt);
    expect(opens).toBe(after);
    // The first change is made to that same fresh record: its creation time is the one the user was shown.
    expect((await store.update((d) => (d.approach = 'vpn'))).createdAt).toBe(first.createdAt);
  });

  it('when stat fails, every load reads the file: a change by another process is never hidden behind a stale copy', async () => {
    const file = tempFile();
    const fs: Partial<SetupFs> = {
      stat: async () => {
        throw fail('EIO');
      },
    };
    const app = createSetupStore(file, fixedNow, { fs });
    const cli = createSetupStore(file, fixedNow);
    expect((await app.load()).setup.approach).toBeNull(); // no file yet
    await cli.update((d) => (d.approach = 'vpn'));
    expect((await app.load()).setup.approach).toBe('vpn');
    await app.update((d) => (d.interfaceName = 'eth0')); // its own write, whose version it could not stat
    await cli.update((d) => (d.approach = 'vendor-cloud'));
    expect((await app.load()).setup).toMatchObject({ approach: 'vendor-cloud', interfaceName: 'eth0' });
  });

  it('a change met by a damaged file keeps the damaged file as a backup and says so, then applies the change to a fresh record', async () => {
    const file = tempFile();
    writeFileSync(file, '{ not json');
    const store = createSetupStore(file, fixedNow);
    const saved = await store.update((d) => (d.approach = 'vpn'));
    expect(saved.approach).toBe('vpn');
    const backups = readdirSync(dirname(file)).filter((f) => f.startsWith('setup.json.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dirname(file), String(backups[0])), 'utf8')).toBe('{ not json');
    expect((await store.load()).notice).toMatchObject({ code: 'SETUP_RECOVERED' });
  });

  it('a damaged file repaired by another process before the store takes the lock is read, not moved aside', async () => {
    const file = tempFile();
    writeFileSync(file, '{ not json');
    const repaired = { ...emptySetup(fixedNow()), approach: 'vpn' };
    let firstClose = true;
    const fs: Partial<SetupFs> = {
      open: (async (path: string, flags: string) => {
        const handle = await nodeSetupFs.open(path, flags);
        if (path !== file) return handle;
        const close = handle.close.bind(handle);
        handle.close = async () => {
          await close();
          if (!firstClose) return;
          firstClose = false;
          // The other process writes a good record (atomically) right after our first read.
          writeFileSync(`${file}.other`, JSON.stringify(repaired));
          renameSync(`${file}.other`, file);
        };
        return handle;
      }) as SetupFs['open'],
    };
    const { setup, notice } = await createSetupStore(file, fixedNow, { fs }).load();
    expect(setup.approach).toBe('vpn');
    expect(notice).toBeNull();
    expect(readdirSync(dirname(file)).filter((f) => f.includes('corrupt'))).toEqual([]);
  });

  it('a damaged file that cannot be moved aside for another reason is a write failure, and the file stays', async () => {
    const file = tempFile();
    writeFileSync(file, '{ not json');
    const fs: Partial<SetupFs> = {
      rename: async () => {
        throw fail('EIO');
      },
    };
    await expect(createSetupStore(file, fixedNow, { fs }).load()).rejects.toMatchObject({
      code: 'SETUP_WRITE_FAILED',
      message: ERROR_MESSAGES.SETUP_WRITE_FAILED,
    });
    expect(readFileSync(file, 'utf8')).toBe('{ not json');
  });

  it('a damaged file that someone else moved away meanwhile is a fresh start with the notice', async () => {
    const file = tempFile();
    writeFileSync(file, '{ not json');
    const fs: Partial<SetupFs> = {
      rename: async (from, to) => {
        if (String(to).includes('.corrupt-')) throw fail('ENOENT');
        return nodeSetupFs.rename(from, to);
      },
    };
    const { setup, notice } = await createSetupStore(file, fixedNow, { fs }).load();
    expect(setup.approach).toBeNull();
    expect(notice).toMatchObject({ code: 'SETUP_RECOVERED' });
  });

  it('a path of exactly 800 characters is named whole in the damaged-file message (only longer ones are shortened)', async () => {
    let dir = mkdtempSync(join(tmpdir(), 'setup-reads-'));
    const wanted = 800 - '/setup.json'.length;
    while (wanted - dir.length > 152) dir = join(dir, 'd'.repeat(150));
    dir = join(dir, 'e'.repeat(wanted - dir.length - 1));
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'setup.json');
    expect(file).toHaveLength(800);
    writeFileSync(file, 'not json');
    const fs: Partial<SetupFs> = {
      rename: async () => {
        throw fail('EACCES');
      },
    };
    const failure = await createSetupStore(file, fixedNow, { fs })
      .load()
      .catch((err: unknown) => err);
    expect(failure).toMatchObject({ code: 'SETUP_DAMAGED_READ_ONLY' });
    expect((failure as Error).message).toContain(`in ${file} is damaged and the folder ${dir} cannot`);
  });

  it('a change waiting on another live process’s lock gives up after 5 s by default (SETUP_BUSY), never waits forever', async () => {
    const file = tempFile();
    await createSetupStore(file, fixedNow).update((d) => (d.approach = 'vpn'));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      // A fresh lock held by a live process on this machine (our parent): not stale.
      writeFileSync(`${file}.lock`, JSON.stringify({ host: hostname(), pid: process.ppid, token: 'theirs' }));
      let outcome: unknown = 'still waiting';
      void createSetupStore(file, fixedNow)
        .update((d) => (d.approach = null))
        .then(
          () => (outcome = 'written'),
          (err: unknown) => (outcome = err),
        );
      // Step the virtual clock from one retry to the next (each retry reads the lock file for real first).
      const t0 = Date.now();
      for (let i = 0; i < 1_000 && outcome === 'still waiting'; i++) {
        for (let j = 0; j < 1_000 && vi.getTimerCount() === 0 && outcome === 'still waiting'; j++) {
          await new Promise((resolve) => setImmediate(resolve));
        }
        if (outcome !== 'still waiting') break;
        await vi.advanceTimersToNextTimerAsync();
      }
      expect(outcome).toMatchObject({ code: 'SETUP_BUSY' });
      const gaveUpAt = Date.now() - t0;
      expect(gaveUpAt).toBeGreaterThanOrEqual(5_000);
      expect(gaveUpAt).toBeLessThan(5_100); // virtual time: the bound, plus at most one retry's pause
      expect(JSON.parse(readFileSync(file, 'utf8')).approach).toBe('vpn');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a store made without a clock stamps the record with the time of the change', async () => {
    const file = tempFile();
    const before = Date.now();
    const saved = await createSetupStore(file).update((d) => (d.approach = 'vpn'));
    const after = Date.now();
    for (const at of [saved.createdAt, saved.updatedAt]) {
      expect(Date.parse(at)).toBeGreaterThanOrEqual(before - 1);
      expect(Date.parse(at)).toBeLessThanOrEqual(after + 1);
    }
    expect(existsSync(file)).toBe(true);
  });
});
