import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SETUP_SCHEMA_VERSION, setupRecordSchema, type SetupNotice, type SetupRecord } from '../../shared/domain/setup';
import { AppFailure } from '../../shared/ipc/errors';

export interface SetupStore {
  /** Reads the record (once; later calls return the cached one). A corrupt file is kept as a backup. */
  load(): Promise<{ setup: SetupRecord; notice: SetupNotice | null }>;
  /** Applies a change and writes the whole record atomically before resolving. Calls are serialised. */
  update(change: (draft: SetupRecord) => void): Promise<SetupRecord>;
  /** Starts over; the old record is kept as a backup next to it. */
  reset(): Promise<SetupRecord>;
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

export function createSetupStore(file: string, now: () => Date = () => new Date()): SetupStore {
  let current: SetupRecord | null = null;
  let notice: SetupNotice | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function readOrRecover(): Promise<SetupRecord> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptySetup(now());
      throw new AppFailure(
        'SETUP_WRITE_FAILED',
        'Your saved progress could not be read. Check the permissions of the app’s settings folder.',
      );
    }
    try {
      const parsed = setupRecordSchema.safeParse(migrate(JSON.parse(text)));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON: fall through to recovery
    }
    const backup = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
    await rename(file, backup);
    notice = {
      code: 'SETUP_RECOVERED',
      message:
        'Your saved progress could not be read (the file was damaged, or written by a newer version of the app). ' +
        `It was kept as ${basename(backup)} and the setup starts fresh.`,
      backupFile: backup,
    };
    return emptySetup(now());
  }

  function serialise<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  async function ensureLoaded(): Promise<SetupRecord> {
    if (!current) current = await readOrRecover();
    return current;
  }

  return {
    load: () =>
      serialise(async () => {
        const setup = await ensureLoaded();
        return { setup: structuredClone(setup), notice };
      }),
    update: (change) =>
      serialise(async () => {
        const draft = structuredClone(await ensureLoaded());
        change(draft);
        draft.updatedAt = now().toISOString();
        const checked = setupRecordSchema.parse(draft);
        await writeAtomically(file, `${JSON.stringify(checked, null, 2)}\n`);
        current = checked;
        return structuredClone(checked);
      }),
    reset: () =>
      serialise(async () => {
        const fresh = emptySetup(now());
        try {
          await rename(file, `${file}.reset-${now().toISOString().replace(/[:.]/g, '-')}`);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new AppFailure('SETUP_WRITE_FAILED');
        }
        await writeAtomically(file, `${JSON.stringify(fresh, null, 2)}\n`);
        current = fresh;
        notice = null;
        return structuredClone(fresh);
      }),
  };
}

/** Write to a temporary file in the same folder, flush it, then rename over the target: never half a file. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
    try {
      const dirHandle = await open(dir, 'r');
      await dirHandle.sync().catch(() => undefined);
      await dirHandle.close();
    } catch {
      // Directory fsync is not possible on every platform; the rename is still atomic.
    }
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    if (err instanceof AppFailure) throw err;
    throw new AppFailure('SETUP_WRITE_FAILED');
  }
}
