import { randomBytes } from 'node:crypto';
import { watch as fsWatch, type BigIntStats, type FSWatcher } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { SETUP_SCHEMA_VERSION, setupRecordSchema, type SetupNotice, type SetupRecord } from '../../shared/domain/setup';
import { AppFailure } from '../../shared/ipc/errors';

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

/** The file-system calls the store makes. Tests replace some (a read-only disk that fails even for root). */
export interface SetupFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  unlink: typeof fsp.unlink;
  mkdir: typeof fsp.mkdir;
  stat: (path: string) => Promise<BigIntStats>;
  /** Watches a folder without keeping the process alive. */
  watch: (dir: string, listener: (event: string, name: string | null) => void) => FSWatcher;
}

export const nodeSetupFs: SetupFs = {
  open: fsp.open,
  rename: fsp.rename,
  unlink: fsp.unlink,
  mkdir: fsp.mkdir,
  stat: (path) => fsp.stat(path, { bigint: true }),
  watch: (dir, listener) => fsWatch(dir, { persistent: false }, listener),
};

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

export function emptySetup(now: Date): SetupRecord {
  const at = now.toISOString();
  return {
    schemaVersion: SETUP_SCHEMA_VERSION,
    createdAt: at,
    updatedAt: at,
    approach: null,
    interfaceName: null,
    network: null,
    steps: {},
    devices: [],
    nvr: null,
    ports: {},
  };
}

/**
 * Older records are upgraded here, one version at a time. A future version we do not know is treated like a corrupt
 * file (kept, not overwritten).
 */
export function migrate(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  let record = raw as Record<string, unknown>;
  // v1 → v2: discovery results and the chosen NVR.
  if (record.schemaVersion === 1) record = { ...record, schemaVersion: 2, devices: [], nvr: null };
  // v2 → v3: the Ports step's measurements, plans and changes, by device.
  if (record.schemaVersion === 2) record = { ...record, schemaVersion: 3, ports: {} };
  return record;
}

/** Lock tokens this process holds right now (any store): a lock with our pid and another token is left over. */
const heldTokens = new Set<string>();

const errno = (err: unknown): string | undefined =>
  err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS']);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What identifies one version of a file on disk: a new atomic write is a new inode, a new size or a new time. */
const stampOf = (st: BigIntStats) => `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
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
  const lockFile = `${file}.lock`;
  const breakerFile = `${file}.lock.break`;

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
      throw new AppFailure(
        'SETUP_WRITE_FAILED',
        'Your saved progress could not be read. Check the permissions of the app’s settings folder.',
      );
    }
    let text: string;
    let stamp: string;
    try {
      stamp = stampOf(await handle.stat({ bigint: true }));
      text = await handle.readFile('utf8');
    } catch {
      throw new AppFailure(
        'SETUP_WRITE_FAILED',
        'Your saved progress could not be read. Check the permissions of the app’s settings folder.',
      );
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
    return new AppFailure(
      'SETUP_DAMAGED_READ_ONLY',
      `Your saved progress in ${shown(file)} is damaged and the folder ${shown(dir)} cannot be written. ` +
        'Make the folder writable or move the file away, then start the app again.',
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

  // ---- the lock: one writer at a time across processes ----

  interface LockView {
    text: string;
    stamp: string;
    mtimeMs: number;
  }

  async function readLock(): Promise<LockView | null> {
    const handle = await fs.open(lockFile, 'r');
    try {
      const st = await handle.stat({ bigint: true });
      return { text: await handle.readFile('utf8'), stamp: stampOf(st), mtimeMs: Number(st.mtimeMs) };
    } finally {
      await handle.close().catch(() => undefined);
    }
  }

  /** A lock is stale when its process is gone (same machine), or it is older than any real write could take. */
  function isStale(lock: LockView): boolean {
    if (Date.now() - lock.mtimeMs > staleLockMs) return true;
    let owner: { pid?: unknown; host?: unknown; token?: unknown };
    try {
      owner = JSON.parse(lock.text) as typeof owner;
    } catch {
      return false; // being written right now, or not ours to judge: only its age can break it
    }
    if (typeof owner.pid !== 'number' || owner.host !== hostname()) return false;
    if (owner.pid === process.pid) return typeof owner.token !== 'string' || !heldTokens.has(owner.token);
    try {
      process.kill(owner.pid, 0);
      return false;
    } catch (err) {
      return errno(err) === 'ESRCH';
    }
  }

  /**
   * Removes a stale lock, safely when several processes find it at once: they take turns through a second,
   * short-lived lock, and the lock is removed only if it is still the very one judged stale.
   * Returns true when the caller should try to take the lock again at once.
   */
  async function breakIfStale(): Promise<boolean> {
    let seen: LockView | null;
    try {
      seen = await readLock();
    } catch (err) {
      return errno(err) === 'ENOENT';
    }
    if (!seen || !isStale(seen)) return false;
    try {
      await (await fs.open(breakerFile, 'wx', 0o600)).close();
    } catch (err) {
      if (errno(err) === 'EEXIST') {
        // A breaker that died mid-break leaves its file: it is only ever held for a moment.
        const st = await fs.stat(breakerFile).catch(() => null);
        if (st && Date.now() - Number(st.mtimeMs) > staleLockMs) await fs.unlink(breakerFile).catch(() => undefined);
      }
      return false;
    }
    try {
      const again = await readLock().catch(() => null);
      if (!again) return true;
      if (again.stamp !== seen.stamp || again.text !== seen.text) return false;
      await fs.unlink(lockFile);
      return true;
    } catch {
      return false;
    } finally {
      await fs.unlink(breakerFile).catch(() => undefined);
    }
  }

  /** Takes the lock (O_EXCL), retrying with a bounded backoff; SETUP_BUSY when another writer keeps it too long. */
  async function acquire(): Promise<string> {
    const token = `${process.pid}-${randomBytes(8).toString('hex')}`;
    const body = JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString(), token });
    const started = Date.now();
    let delay = 4;
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    for (let attempt = 0; attempt < 100_000; attempt += 1) {
      heldTokens.add(token); // before the file exists: a store of this process must never judge it left over
      let handle: fsp.FileHandle | null = null;
      try {
        handle = await fs.open(lockFile, 'wx', 0o600);
      } catch (err) {
        heldTokens.delete(token);
        if (errno(err) !== 'EEXIST') throw err;
      }
      if (handle) {
        try {
          await handle.writeFile(body, 'utf8');
          await handle.close();
          return token;
        } catch (err) {
          await handle.close().catch(() => undefined);
          await fs.unlink(lockFile).catch(() => undefined);
          heldTokens.delete(token);
          throw err;
        }
      }
      const broken = await breakIfStale();
      const left = lockTimeoutMs - (Date.now() - started);
      if (left <= 0) break;
      if (broken) continue; // try again at once
      await sleep(Math.min(left, delay + Math.random() * delay));
      delay = Math.min(delay * 2, 40);
    }
    throw new AppFailure('SETUP_BUSY');
  }

  async function release(token: string): Promise<void> {
    try {
      const lock = await readLock();
      // Only our own: if ours was broken as stale (a write that hung for longer than staleLockMs), leave the other.
      if (lock && (JSON.parse(lock.text) as { token?: unknown }).token === token) await fs.unlink(lockFile);
    } catch {
      // gone already, or not ours
    } finally {
      heldTokens.delete(token);
    }
  }

  /**
   * Runs `work` holding the lock, and releases it also when `work` fails. File-system errors become catalogued
   * failures: the damaged-file message when `recovering` and the folder cannot be written.
   */
  async function withLock<T>(work: () => Promise<T>, recovering = false): Promise<T> {
    let token: string;
    try {
      token = await acquire();
    } catch (err) {
      if (err instanceof AppFailure) throw err;
      if (recovering && READ_ONLY.has(errno(err) ?? '')) throw damagedReadOnly();
      throw new AppFailure('SETUP_WRITE_FAILED');
    }
    try {
      return await work();
    } finally {
      await release(token);
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

/** Write to a temporary file in the same folder, flush it, then rename over the target: never half a file. */
export function writeAtomically(file: string, text: string): Promise<void> {
  return writeAtomicallyWith(nodeSetupFs, file, text);
}

async function writeAtomicallyWith(fs: SetupFs, file: string, text: string): Promise<void> {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const handle = await fs.open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
    try {
      const dirHandle = await fs.open(dir, 'r');
      await dirHandle.sync().catch(() => undefined);
      await dirHandle.close();
    } catch {
      // Directory fsync is not possible on every platform; the rename is still atomic.
    }
  } catch (err) {
    await fs.unlink(tmp).catch(() => undefined);
    if (err instanceof AppFailure) throw err;
    throw new AppFailure('SETUP_WRITE_FAILED');
  }
}
