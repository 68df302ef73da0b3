import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSetupStore, nodeSetupFs, type SetupFs } from '../../../src/main/services/setup-store';

// What the store keeps of a user's file (issue 17, from mutation testing): a damaged record and a record before a
// reset are kept under names that say when, with no ':' (which Windows refuses in a file name); and when the folder
// cannot be written the message names the exact file and folder, however long their paths.

const at = () => new Date('2026-11-24T12:34:56.789Z');
const tempDir = () => mkdtempSync(join(tmpdir(), 'setup-backups-'));
const STAMP = '2026-11-24T12-34-56-789Z';

describe('the setup store keeps the user’s file', () => {
  it('a damaged file is kept as setup.json.corrupt-<time>, its bytes untouched', async () => {
    const dir = tempDir();
    const file = join(dir, 'setup.json');
    writeFileSync(file, '{ not json');
    const store = createSetupStore(file, at);
    const loaded = await store.load();
    expect(loaded.notice?.code).toBe('SETUP_RECOVERED');
    expect(readFileSync(join(dir, `setup.json.corrupt-${STAMP}`), 'utf8')).toBe('{ not json');
  });

  it('a reset keeps the old record as setup.json.reset-<time>', async () => {
    const dir = tempDir();
    const file = join(dir, 'setup.json');
    const store = createSetupStore(file, at);
    await store.update((d) => {
      d.approach = 'vpn';
    });
    const before = readFileSync(file, 'utf8');
    await store.reset();
    expect(readFileSync(join(dir, `setup.json.reset-${STAMP}`), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['setup.json', `setup.json.reset-${STAMP}`]);
  });

  it('a reset with nothing saved yet just starts fresh; one whose rename fails says so and keeps the file', async () => {
    const dir = tempDir();
    const file = join(dir, 'setup.json');
    await createSetupStore(file, at).reset();
    expect(readdirSync(dir)).toEqual(['setup.json']);
    const refusing: Partial<SetupFs> = {
      rename: (from, to) =>
        String(to).includes('.reset-')
          ? Promise.reject(Object.assign(new Error('busy'), { code: 'EBUSY' }))
          : nodeSetupFs.rename(from, to),
    };
    const store = createSetupStore(file, at, { fs: refusing });
    await expect(store.reset()).rejects.toMatchObject({ code: 'SETUP_WRITE_FAILED' });
    expect(readdirSync(dir)).toEqual(['setup.json']);
  });

  it('a damaged file in a folder that cannot be written: the message names the file and the folder', async () => {
    const dir = tempDir();
    const file = join(dir, 'setup.json');
    writeFileSync(file, '{ not json');
    const readOnly: Partial<SetupFs> = {
      rename: () => Promise.reject(Object.assign(new Error('read-only'), { code: 'EROFS' })),
    };
    const err = await createSetupStore(file, at, { fs: readOnly })
      .load()
      .then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
    expect(err?.code).toBe('SETUP_DAMAGED_READ_ONLY');
    expect(err?.message).toContain(
      `Your saved progress in ${file} is damaged and the folder ${dir} cannot be written.`,
    );
    expect(readFileSync(file, 'utf8')).toBe('{ not json');
  });
});
