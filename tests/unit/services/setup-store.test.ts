import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src/main/core/dispatch';
import { createSetupStore, nodeSetupFs, type SetupFs } from '../../../src/main/services/setup-store';
import type { SetupRecord } from '../../../src/shared/domain/setup';
import { AppFailure, ERROR_MESSAGES } from '../../../src/shared/ipc/errors';
import { resultEnvelopeSchema } from '../../../src/shared/ipc/result';

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

/** Waits (bounded) until `check` holds. */
async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock file as another writer leaves it. */
function writeLock(file: string, owner: { pid: number; token?: string }, ageMs = 0): void {
  const lock = `${file}.lock`;
  writeFileSync(lock, JSON.stringify({ host: hostname(), at: new Date().toISOString(), token: 'theirs', ...owner }));
  if (ageMs) utimesSync(lock, new Date(Date.now() - ageMs), new Date(Date.now() - ageMs));
}

/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('setup store shared with other writers', () => {
  it('two stores on one file (as two processes hold): load() sees the other’s write, update() keeps it', async () => {
    const file = join(tempDir(), 'setup.json');
    const app = createSetupStore(file, fixedNow);
    const cli = createSetupStore(file, fixedNow);
    await app.update((d) => (d.interfaceName = 'eth0'));
    expect((await cli.load()).setup.interfaceName).toBe('eth0');
    await cli.update((d) => (d.approach = 'vendor-cloud'));
    expect((await app.load()).setup.approach).toBe('vendor-cloud');
    await app.update((d) => (d.interfaceName = 'wlan0'));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ approach: 'vendor-cloud', interfaceName: 'wlan0' });
  });

  it('two stores updating one file at the same time lose nothing', async () => {
    const file = join(tempDir(), 'setup.json');
    const a = createSetupStore(file, fixedNow);
    const b = createSetupStore(file, fixedNow);
    const steps = ['network', 'find', 'ports', 'upnp', 'ddns', 'security'] as const;
    await Promise.all(
      steps.map((step, i) =>
        (i % 2 ? a : b).update((d) => {
          d.steps[step] = { status: 'skipped', updatedAt: 'x', reason: step };
        }),
      ),
    );
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).steps).sort()).toEqual([...steps].sort());
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('load() does not read the file again while it is unchanged', async () => {
    const file = join(tempDir(), 'setup.json');
    let opens = 0;
    const fs: Partial<SetupFs> = {
      open: (...args: Parameters<SetupFs['open']>) => (opens++, nodeSetupFs.open(...args)),
    };
    const store = createSetupStore(file, fixedNow, { fs });
    await store.update((d) => (d.approach = 'vpn'));
    const before = opens;
    for (let i = 0; i < 5; i++) expect((await store.load()).setup.approach).toBe('vpn');
    expect(opens).toBe(before);
  });

  it('breaks a lock whose process is gone', async () => {
    const file = join(tempDir(), 'setup.json');
    writeLock(file, { pid: deadPid() });
    // A bound longer than the test's own time-out: the update goes through only if the lock is broken at once.
    await createSetupStore(file, fixedNow, { lockTimeoutMs: 600_000 }).update((d) => (d.approach = 'vpn'));
    expect(JSON.parse(readFileSync(file, 'utf8')).approach).toBe('vpn');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('breaks a lock left by an earlier process with our own pid (a reused pid), and one older than the bound', async () => {
    const file = join(tempDir(), 'setup.json');
    writeLock(file, { pid: process.pid, token: 'left-over' });
    await createSetupStore(file, fixedNow, { lockTimeoutMs: 1_000 }).update((d) => (d.approach = 'vpn'));
    writeLock(file, { pid: process.ppid }, 60_000); // alive, but a minute old
    await createSetupStore(file, fixedNow, { lockTimeoutMs: 1_000 }).update((d) => (d.interfaceName = 'eth0'));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ approach: 'vpn', interfaceName: 'eth0' });
  });

  it('waits for a live writer’s lock, then gives up with SETUP_BUSY and leaves the record and the lock alone', async () => {
    const file = join(tempDir(), 'setup.json');
    const store = createSetupStore(file, fixedNow, { lockTimeoutMs: 300 });
    await store.update((d) => (d.approach = 'vpn'));
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { stdio: 'ignore' });
    try {
      writeLock(file, { pid: holder.pid! });
      const lock = readFileSync(`${file}.lock`, 'utf8');
      const t0 = Date.now();
      const failure = await store.update((d) => (d.approach = 'vendor-cloud')).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(AppFailure);
      expect(failure).toMatchObject({ code: 'SETUP_BUSY', message: ERROR_MESSAGES.SETUP_BUSY });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
      expect(readFileSync(`${file}.lock`, 'utf8')).toBe(lock);
      expect(JSON.parse(readFileSync(file, 'utf8')).approach).toBe('vpn');
      // A lock being written right now (empty, fresh) is not broken either.
      writeFileSync(`${file}.lock`, '');
      await expect(store.reset()).rejects.toMatchObject({ code: 'SETUP_BUSY' });
    } finally {
      holder.kill();
    }
  });

  it('releases the lock when a change fails', async () => {
    const file = join(tempDir(), 'setup.json');
    const store = createSetupStore(file, fixedNow, { lockTimeoutMs: 300 });
    await expect(
      store.update(() => {
        throw new Error('a bug in a change');
      }),
    ).rejects.toThrow('a bug in a change');
    expect(existsSync(`${file}.lock`)).toBe(false);
    await store.update((d) => (d.approach = 'vpn'));
    expect(readdirSync(join(file, '..'))).toEqual(['setup.json']);
  });

  describe('a damaged file in a folder that cannot be written (even for root: the file system refuses)', () => {
    const refuse = (code: string) => () => Promise.reject(Object.assign(new Error(code), { code }));
    /** A read-only disk: reading works, every write fails. */
    const readOnlyFs = (code = 'EROFS'): Partial<SetupFs> => ({
      open: (path, flags, mode) => (flags === 'r' ? nodeSetupFs.open(path, flags, mode) : refuse(code)()),
      rename: refuse(code),
      unlink: refuse(code),
      mkdir: async () => undefined, // the folder exists
    });

    for (const [label, fs] of [
      ['read-only file system (EROFS)', readOnlyFs('EROFS')],
      ['only the move aside refused (EACCES)', { rename: refuse('EACCES') }],
      ['no permission (EPERM)', readOnlyFs('EPERM')],
    ] as const) {
      it(`setup.get names the file and the folder and says what to do: ${label}`, async () => {
        const dir = tempDir();
        const file = join(dir, 'setup.json');
        writeFileSync(file, 'not json');
        const store = createSetupStore(file, fixedNow, { fs });
        const dispatch = createDispatcher({ 'setup.get': () => store.load() } as never, () => {});
        const r = await dispatch('setup.get', {}, { transport: 'test' });
        expect(r).toEqual({
          ok: false,
          error: {
            code: 'SETUP_DAMAGED_READ_ONLY',
            message:
              `Your saved progress in ${file} is damaged and the folder ${dir} cannot be written. ` +
              'Make the folder writable or move the file away, then start the app again.',
            said: { key: 'app.failures.damagedReadOnly', params: { file, folder: dir } },
          },
        });
        expect(readFileSync(file, 'utf8')).toBe('not json'); // kept as it was
        expect(readdirSync(dir)).toEqual(['setup.json']);
      });
    }

    it('a path too long for an error message is shortened, so the message still crosses', async () => {
      const dir = join(tempDir(), ...'stuvwxyz'.split('').map((c) => c.repeat(200))); // 1,600+ characters
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'setup.json');
      writeFileSync(file, 'not json');
      const store = createSetupStore(file, fixedNow, { fs: readOnlyFs() });
      const dispatch = createDispatcher({ 'setup.get': () => store.load() } as never, () => {});
      const r = await dispatch('setup.get', {}, { transport: 'test' });
      expect(r).toMatchObject({ ok: false, error: { code: 'SETUP_DAMAGED_READ_ONLY' } });
      const { message } = (r as { error: { message: string } }).error;
      expect(resultEnvelopeSchema.safeParse(r).success).toBe(true);
      expect(message).toContain('zzz/setup.json is damaged');
      expect(message.length).toBeLessThan(2_000);
    });

    it('a readable, valid record in a read-only folder still loads', async () => {
      const file = join(tempDir(), 'setup.json');
      await createSetupStore(file, fixedNow).update((d) => (d.approach = 'vpn'));
      const store = createSetupStore(file, fixedNow, { fs: readOnlyFs() });
      expect((await store.load()).setup.approach).toBe('vpn');
      await expect(store.update((d) => (d.approach = null))).rejects.toMatchObject({ code: 'SETUP_WRITE_FAILED' });
    });
  });

  describe('watch', () => {
    it('calls back for another writer’s change (through fs.watch), not for its own, and not after it stops', async () => {
      const file = join(tempDir(), 'setup.json');
      const app = createSetupStore(file, fixedNow);
      const cli = createSetupStore(file, fixedNow);
      await app.update((d) => (d.interfaceName = 'eth0'));
      const seen: SetupRecord[] = [];
      const stop = app.watch((record) => seen.push(record));
      await app.update((d) => (d.approach = 'vpn'));
      await pause(300);
      expect(seen).toEqual([]);
      await cli.update((d) => (d.approach = 'vendor-cloud'));
      expect(await until(() => seen.length > 0, 1_500)).toBe(true); // well before the 2 s poll
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ approach: 'vendor-cloud', interfaceName: 'eth0' });
      stop();
      await cli.update((d) => (d.approach = 'port-forwarding'));
      await pause(300);
      expect(seen).toHaveLength(1);
    });

    it('falls back to polling the file when the folder cannot be watched', async () => {
      const file = join(tempDir(), 'setup.json');
      const fs: Partial<SetupFs> = {
        watch: () => {
          throw Object.assign(new Error('no watching here'), { code: 'ENOSYS' });
        },
      };
      const app = createSetupStore(file, fixedNow, { fs, pollMs: 50 });
      const cli = createSetupStore(file, fixedNow);
      const seen: SetupRecord[] = [];
      const stop = app.watch((record) => seen.push(record));
      try {
        await app.update((d) => (d.approach = 'vpn'));
        await pause(250);
        expect(seen).toEqual([]);
        await cli.reset();
        expect(await until(() => seen.length > 0, 2_000)).toBe(true);
        expect(seen.at(-1)).toMatchObject({ approach: null });
      } finally {
        stop();
      }
    });

    it('a folder that does not exist yet is watched once it does', async () => {
      const file = join(tempDir(), 'later', 'setup.json');
      const app = createSetupStore(file, fixedNow, { pollMs: 50 });
      const seen: SetupRecord[] = [];
      const stop = app.watch((record) => seen.push(record));
      try {
        await pause(100);
        await createSetupStore(file, fixedNow).update((d) => (d.approach = 'vpn'));
        expect(await until(() => seen.length > 0, 2_000)).toBe(true);
        expect(seen.at(-1)).toMatchObject({ approach: 'vpn' });
      } finally {
        stop();
      }
    });
  });
});
