import { watch as fsWatch, type BigIntStats, type FSWatcher } from 'node:fs';
import * as fsp from 'node:fs/promises';

/** The file-system calls the setup store makes. Tests replace some (a read-only disk that fails even for root). */
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

export const errno = (err: unknown): string | undefined =>
  err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : undefined;

/** What identifies one version of a file on disk: a new atomic write is a new inode, a new size or a new time. */
export const stampOf = (st: BigIntStats) => `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
