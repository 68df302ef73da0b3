import { randomBytes } from 'node:crypto';
import type * as fsp from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { AppFailure } from '../../../shared/ipc/errors';
import { errno, stampOf, type SetupFs } from './setup-fs';

// One writer at a time across processes (the app, the browser-mode server, the CLI): a lock file created with
// O_EXCL next to the record, holding pid, host, time and a random token. A stale lock (its process gone, or older
// than any real write could take) is broken safely; release removes only our own.

/** Lock tokens this process holds right now (any lock): a lock with our pid and another token is left over. */
const heldTokens = new Set<string>();

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface FileLockOptions {
  /** How long a writer waits for another process's lock before it gives up (SETUP_BUSY). */
  lockTimeoutMs: number;
  /** A lock older than this is broken even when its process seems alive (a reused pid, a hung process). */
  staleLockMs: number;
}

export interface FileLock {
  /** Takes the lock, retrying with a bounded backoff; SETUP_BUSY when another writer keeps it too long. */
  acquire(): Promise<string>;
  release(token: string): Promise<void>;
}

export function createFileLock(lockFile: string, fs: SetupFs, options: FileLockOptions): FileLock {
  const { lockTimeoutMs, staleLockMs } = options;
  const dir = dirname(lockFile);
  const breakerFile = `${lockFile}.break`;

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

  return { acquire, release };
}
