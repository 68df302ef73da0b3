import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAtomically, writeAtomicallyWith } from '../../../../src/main/services/setup/atomic-write';
import { nodeSetupFs, type SetupFs } from '../../../../src/main/services/setup/setup-fs';
import { AppFailure } from '../../../../src/shared/ipc/errors';

// The setup record is written to a temporary file, flushed, then renamed over setup.json (issue 17): a write that
// fails half-way — a full disk, an I/O error, a rename refused — must leave the saved setup exactly as it was.

let dir: string;
let file: string;
const OLD = '{"version":3,"approach":"vpn"}\n';
const NEW = '{"version":3,"approach":"port-forwarding"}\n';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atomic-write-'));
  file = join(dir, 'setup.json');
  writeFileSync(file, OLD);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ioError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
const reject = (code: string) => () => Promise.reject(ioError(code));

/** The real file system, with each call recorded, and the file handles it opens optionally made to fail. */
function recordingFs(
  fail: { writeFile?: string; sync?: string; rename?: string; dirOpen?: string; dirSync?: string } = {},
) {
  const calls: string[] = [];
  const fs: SetupFs = {
    ...nodeSetupFs,
    mkdir: ((path: string, options: { recursive: true; mode: number }) => (
      calls.push(`mkdir ${path}`),
      nodeSetupFs.mkdir(path, options)
    )) as SetupFs['mkdir'],
    open: (async (path: string, flags: string, mode?: number) => {
      calls.push(`open ${path} ${flags}`);
      const isDir = path === dir;
      if (isDir && fail.dirOpen) throw ioError(fail.dirOpen);
      const handle = await nodeSetupFs.open(path, flags, mode);
      if (isDir && fail.dirSync) handle.sync = reject(fail.dirSync);
      if (!isDir && fail.writeFile) handle.writeFile = reject(fail.writeFile) as FileHandle['writeFile'];
      if (!isDir && fail.sync) handle.sync = reject(fail.sync);
      return handle;
    }) as SetupFs['open'],
    rename: (from, to) => {
      calls.push(`rename ${String(from)} ${String(to)}`);
      return fail.rename ? Promise.reject(ioError(fail.rename)) : nodeSetupFs.rename(from, to);
    },
    unlink: (path) => (calls.push(`unlink ${String(path)}`), nodeSetupFs.unlink(path)),
  };
  return { fs, calls };
}

const setupFailure = expect.objectContaining({ code: 'SETUP_WRITE_FAILED' });

describe('writing the setup record atomically', () => {
  it('writes the text as UTF-8 and closes every file it opens, also when the write fails', async () => {
    const closingFs = (failWrite: boolean) => {
      const opened: string[] = [];
      const closed: string[] = [];
      const fs: SetupFs = {
        ...nodeSetupFs,
        open: (async (path: string, flags: string, mode?: number) => {
          const handle = await nodeSetupFs.open(path, flags, mode);
          opened.push(path);
          const close = handle.close.bind(handle);
          handle.close = async () => (closed.push(path), close());
          if (failWrite) handle.writeFile = reject('ENOSPC') as FileHandle['writeFile'];
          return handle;
        }) as SetupFs['open'],
      };
      return { fs, opened, closed };
    };
    const text = '{"name":"Caméra d’entrée ✓"}\n';
    const ok = closingFs(false);
    await writeAtomicallyWith(ok.fs, file, text);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(ok.closed.sort()).toEqual(ok.opened.sort());
    const failing = closingFs(true);
    await expect(writeAtomicallyWith(failing.fs, file, NEW)).rejects.toEqual(setupFailure);
    expect(failing.opened).toHaveLength(1);
    expect(failing.closed).toEqual(failing.opened);
  });

  it.each([
    ['the disk is full while writing', { writeFile: 'ENOSPC' }],
    ['the flush to disk fails', { sync: 'EIO' }],
    ['the rename is refused', { rename: 'EACCES' }],
  ] as const)('a failed write never damages the saved setup (%s)', async (_name, fail) => {
    const { fs, calls } = recordingFs(fail);
    await expect(writeAtomicallyWith(fs, file, NEW)).rejects.toEqual(setupFailure);
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    // The temporary file is cleaned up, and setup.json itself is never removed.
    expect(readdirSync(dir)).toEqual(['setup.json']);
    expect(calls).not.toContain(`unlink ${file}`);
  });

  it('never opens setup.json itself for writing: a hidden temporary file beside it is renamed over it', async () => {
    const { fs, calls } = recordingFs();
    await writeAtomicallyWith(fs, file, NEW);
    expect(readFileSync(file, 'utf8')).toBe(NEW);
    const writes = calls.filter((c) => c.startsWith('open ') && c.endsWith(' w'));
    expect(writes).toHaveLength(1);
    const tmp = writes[0]!.slice('open '.length, -' w'.length);
    expect(tmp).not.toBe(file);
    expect(tmp.startsWith(join(dir, '.setup.json.'))).toBe(true);
    expect(tmp.endsWith('.tmp')).toBe(true);
    expect(calls).toContain(`rename ${tmp} ${file}`);
    // The write comes before the rename, and the folder is flushed after it.
    expect(calls.indexOf(`open ${tmp} w`)).toBeLessThan(calls.indexOf(`rename ${tmp} ${file}`));
    expect(calls.at(-1)).toBe(`open ${dir} r`);
    expect(readdirSync(dir)).toEqual(['setup.json']);
  });

  it('two writes use two different temporary files (no writer finishes another one’s file)', async () => {
    const first = recordingFs();
    const second = recordingFs();
    await Promise.all([writeAtomicallyWith(first.fs, file, OLD), writeAtomicallyWith(second.fs, file, NEW)]);
    const tmpOf = (calls: string[]) => calls.find((c) => c.endsWith(' w'))!;
    expect(tmpOf(first.calls)).not.toBe(tmpOf(second.calls));
    expect([OLD, NEW]).toContain(readFileSync(file, 'utf8'));
  });

  it('keeps the setup private: the file is readable by its owner only, a new folder too', async () => {
    const nested = join(dir, 'new-folder', 'setup.json');
    await writeAtomically(nested, NEW);
    expect(readFileSync(nested, 'utf8')).toBe(NEW);
    expect(statSync(nested).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'new-folder')).mode & 0o777).toBe(0o700);
  });

  it.each([
    ['the folder cannot be opened', { dirOpen: 'EISDIR' }],
    ['the folder cannot be flushed', { dirSync: 'EINVAL' }],
  ] as const)('a saved record counts as saved when %s (not every system can flush a folder)', async (_n, fail) => {
    const { fs } = recordingFs(fail);
    await expect(writeAtomicallyWith(fs, file, NEW)).resolves.toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe(NEW);
  });

  it('a catalogued failure from below is passed on as it is, not renamed', async () => {
    const fs: SetupFs = { ...nodeSetupFs, rename: () => Promise.reject(new AppFailure('SETUP_BUSY')) };
    await expect(writeAtomicallyWith(fs, file, NEW)).rejects.toEqual(expect.objectContaining({ code: 'SETUP_BUSY' }));
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['setup.json']);
  });
});
