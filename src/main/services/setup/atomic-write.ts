import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { AppFailure } from '../../../shared/ipc/errors';
import { nodeSetupFs, type SetupFs } from './setup-fs';

/** Write to a temporary file in the same folder, flush it, then rename over the target: never half a file. */
export function writeAtomically(file: string, text: string): Promise<void> {
  return writeAtomicallyWith(nodeSetupFs, file, text);
}

export async function writeAtomicallyWith(fs: SetupFs, file: string, text: string): Promise<void> {
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
