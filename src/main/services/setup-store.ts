import type { FSWatcher } from 'node:fs';
import type * as fsp from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { setupRecordSchema, type SetupNotice, type SetupRecord } from '../../shared/domain/setup';
import { said } from '../../shared/i18n/said';
import { AppFailure } from '../../shared/ipc/errors';
import { saidFailure } from '../core/said-failure';
import { writeAtomicallyWith } from './setup/atomic-write';
import { createFileLock } from './setup/file-lock';
import { emptySetup, migrate } from './setup/record';
import { errno, nodeSetupFs, stampOf, type SetupFs } from './setup/setup-fs';

export { writeAtomically } from './setup/atomic-write';
export { emptySetup, migrate } from './setup/record';
export { nodeSetupFs, type SetupFs } from './setup/setup-fs';

export interface SetupStore {
  /** The freshest record: the cached one while the file is unchanged, else read again. A corrupt file is kept. */
  load(): Promise<{ setup: SetupRecord; notice: SetupNotice | null }>;
  /**
   * Applies a change to the record as it is on disk now and writes the whole record atomically before resolving.
   * Calls are serialised within this process, and across processes by a lock file next to the record.
   */
  update(change: (draft: SetupRecord) => void): Promise<SetupRecord>;
  /** Starts over; the old record is kept as a backup next to it. */
  reset(): Promise<SetupRecord>;
  /**
   * Calls `listener` with the fresh record whenever another process (the CLI, a second window) changed the file —
   * never for this store's own writes. Returns the function that stops it. The watch never keeps a process alive.
   */
  watch(listener: (setup: SetupRecord) => void): () => void;
}

export interface SetupStoreOptions {
  fs?: Partial<SetupFs>;
  /** How long an update waits for another process's lock before it gives up (SETUP_BUSY). */
  lockTimeoutMs?: number;
  /** A lock older than this is broken even when its process seems alive (a reused pid, a hung process). */
  staleLockMs?: number;
  /** How often the watch looks at the file when the operating system sends no event. */
  pollMs?: number;
  /** Events closer together than this are one check. */
  debounceMs?: number;
}

const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS']);

const MISSING = 'missing';

type DiskRead =
  | { kind: 'ok'; record: SetupRecord; stamp: string }
  | { kind: 'missing'; stamp: string }
  | { kind: 'corrupt'; stamp: string };

export function createSetupStore(
  file: string,
  now: () => Date = () => new Date(),
  options: SetupStoreOptions = {},
): SetupStore {
  const fs: SetupFs = { ...nodeSetupFs, ...options.fs };
  const lockTimeoutMs = options.lockTimeoutMs ?? 5_000;
  const staleLockMs = options.staleLockMs ?? 15_000;
  const pollMs = options.pollMs ?? 2_000;
  const debounceMs = options.debounceMs ?? 75;
  const dir = dirname(file);
  const lock = createFileLock(`${file}.lock`, fs, { lockTimeoutMs, staleLockMs });

  /** The record as last read or written by this store, and the version of the file it came from. */
  let current: SetupRecord | null = null;
  let currentStamp: string | null = null;
  let notice: SetupNotice | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  function serialise<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  // ---- reading ----

  async function statStamp(): Promise<string | null> {
    try {
      return stampOf(await fs.stat(file));
    } catch (err) {
      return errno(err) === 'ENOENT' ? MISSING : null;
    }
  }

  /** One version of the file: its text and its stamp from the same open file, so they always belong together. */
  async function readDisk(): Promise<DiskRead> {
    let handle: fsp.FileHandle;
    try {
      handle = await fs.open(file, 'r');
    } catch (err) {
      if (errno(err) === 'ENOENT') return { kind: 'missing', stamp: MISSING };
      throw saidFailure('SETUP_WRITE_FAILED', said('app.failures.notRead'));
    }
    let text: string;
    let stamp: string;
    try {
      stamp = stampOf(await handle.stat({ bigint: true }));
      text = await handle.readFile('utf8');
    } catch {
      throw saidFailure('SETUP_WRITE_FAILED', said('app.failures.notRead'));
    } finally {
      await handle.close().catch(() => undefined);
    }
    try {
      const parsed = setupRecordSchema.safeParse(migrate(JSON.parse(text)));
      if (parsed.success) return { kind: 'ok', record: parsed.data, stamp };
    } catch {
      // not JSON: corrupt
    }
    return { kind: 'corrupt', stamp };
  }

  /** The one error that names a path: the user must fix exactly this file or folder. */
  function damagedReadOnly(): AppFailure {
    // An error message crosses with at most 2,000 characters: a path longer than any real one is shortened.
    const shown = (path: string) => (path.length > 800 ? `${path.slice(0, 380)}…${path.slice(-380)}` : path);
    // The paths are values (said by key, the page's words around them); one longer than a said's value may be (300
    // characters) is said in English only.
    return saidFailure(
      'SETUP_DAMAGED_READ_ONLY',
      said('app.failures.damagedReadOnly', { file: shown(file), folder: shown(dir) }),
    );
  }

  /** Under the lock: moves a corrupt file aside (kept as a backup) and starts fresh. */
  async function moveCorruptAside(): Promise<SetupRecord> {
    const backup = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await fs.rename(file, backup);
    } catch (err) {
      if (READ_ONLY.has(errno(err) ?? '')) throw damagedReadOnly();
      if (errno(err) !== 'ENOENT') throw new AppFailure('SETUP_WRITE_FAILED');
    }
    notice = {
      code: 'SETUP_RECOVERED',
      message:
        'Your saved progress could not be read (the file was damaged, or written by a newer version of the app). ' +
        `It was kept as ${basename(backup)} and the setup starts fresh.`,
      backupFile: backup,
    };
    return emptySetup(now());
  }

  /** The record a read stands for; a missing file keeps the empty record we already hold (same createdAt). */
  function adopt(read: Exclude<DiskRead, { kind: 'corrupt' }>): SetupRecord {
    const record = read.kind === 'ok' ? read.record : current && currentStamp === MISSING ? current : emptySetup(now());
    current = record;
    currentStamp = read.stamp;
    return record;
  }

  /**
   * Makes the cache the file's newest version (a stat when nothing changed). Returns the record when it differs
   * from what this store held before (another process wrote it), else null.
   */
  async function refresh(): Promise<SetupRecord | null> {
    const before = current;
    const stamp = await statStamp();
    if (current && stamp !== null && stamp === currentStamp) return null;
    let read = await readDisk();
    if (read.kind === 'corrupt') {
      // Moving it aside is a write: under the lock, and only if it is still the damaged one.
      read = await withLock(async () => {
        const again = await readDisk();
        if (again.kind !== 'corrupt') return again;
        current = await moveCorruptAside();
        currentStamp = MISSING;
        return { kind: 'missing', stamp: MISSING } as const;
      }, true);
    }
    const record = adopt(read);
    return before && JSON.stringify(before) !== JSON.stringify(record) ? record : null;
  }

  /**
   * Runs `work` holding the lock, and releases it also when `work` fails. File-system errors become catalogued
   * failures: the damaged-file message when `recovering` and the folder cannot be written.
   */
  async function withLock<T>(work: () => Promise<T>, recovering = false): Promise<T> {
    let token: string;
    try {
      token = await lock.acquire();
    } catch (err) {
      if (err instanceof AppFailure) throw err;
      if (recovering && READ_ONLY.has(errno(err) ?? '')) throw damagedReadOnly();
      throw new AppFailure('SETUP_WRITE_FAILED');
    }
    try {
      return await work();
    } finally {
      await lock.release(token);
    }
  }

  /** Under the lock: writes the record and remembers the version we wrote (so the watch knows it is ours). */
  async function save(record: SetupRecord): Promise<SetupRecord> {
    await writeAtomicallyWith(fs, file, `${JSON.stringify(record, null, 2)}\n`);
    current = record;
    currentStamp = await statStamp();
    return structuredClone(record);
  }

  // ---- watching for other processes' changes ----

  const listeners = new Set<(setup: SetupRecord) => void>();
  let watcher: FSWatcher | null = null;
  let pollTimer: NodeJS.Timeout | null = null;
  let debounceTimer: NodeJS.Timeout | null = null;
  let checkQueued = false;

  function notify(record: SetupRecord): void {
    for (const listener of [...listeners]) {
      try {
        listener(structuredClone(record));
      } catch {
        // one listener's failure is not the store's
      }
    }
  }

  function check(): void {
    if (checkQueued) return;
    checkQueued = true;
    void serialise(async () => {
      checkQueued = false;
      return refresh();
    }).then(
      (changed) => changed && notify(changed),
      () => undefined, // e.g. a damaged file: setup.get says so; the watch goes on
    );
  }

  function startFsWatch(): void {
    if (watcher || !listeners.size) return;
    try {
      const name = basename(file);
      watcher = fs.watch(dir, (_event, changed) => {
        if (changed && changed !== name) return; // our lock and temporary files, other files
        if (debounceTimer) clearTimeout(debounceTimer);
        debounceTimer = setTimeout(check, debounceMs);
        debounceTimer.unref();
      });
      watcher.on('error', () => {
        watcher?.close();
        watcher = null; // the poll goes on, and tries to watch again
      });
    } catch {
      watcher = null; // no folder yet, or no watching here: the poll covers it
    }
  }

  function stopWatching(): void {
    watcher?.close();
    watcher = null;
    if (pollTimer) clearInterval(pollTimer);
    pollTimer = null;
    if (debounceTimer) clearTimeout(debounceTimer);
    debounceTimer = null;
  }

  return {
    load: () =>
      serialise(async () => {
        const changed = await refresh();
        if (changed) notify(changed);
        return { setup: structuredClone(current as SetupRecord), notice };
      }),
    update: (change) =>
      serialise(() =>
        withLock(async () => {
          // The freshest record, whoever wrote it: the change is applied to that, never to an old copy.
          const read = await readDisk();
          const base =
            read.kind === 'corrupt' ? await moveCorruptAside() : read.kind === 'ok' ? read.record : adopt(read);
          const draft = structuredClone(base);
          change(draft);
          draft.updatedAt = now().toISOString();
          return save(setupRecordSchema.parse(draft));
        }),
      ),
    reset: () =>
      serialise(() =>
        withLock(async () => {
          const fresh = emptySetup(now());
          try {
            await fs.rename(file, `${file}.reset-${now().toISOString().replace(/[:.]/g, '-')}`);
          } catch (err) {
            if (errno(err) !== 'ENOENT') throw new AppFailure('SETUP_WRITE_FAILED');
          }
          const saved = await save(fresh);
          notice = null;
          return saved;
        }),
      ),
    watch: (listener) => {
      listeners.add(listener);
      if (!pollTimer) {
        pollTimer = setInterval(() => {
          startFsWatch();
          check();
        }, pollMs);
        pollTimer.unref();
        startFsWatch();
        check(); // what we hold now is what later changes are compared with
      }
      return () => {
        listeners.delete(listener);
        if (!listeners.size) stopWatching();
      };
    },
  };
}
