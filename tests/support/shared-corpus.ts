// The shared corpus of real device and router messages: ../shared/fixtures, beside this repository (read there,
// never copied in). CI always lays shared/ beside the clone, so a corpus test that finds it missing fails, loudly,
// instead of skipping: a corpus test that skips proves nothing and says nothing. NVR_SHARED_DIR points elsewhere
// (`npm run mutation` sets it, since Stryker runs the tests from a copy of the repository).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_DIR = resolve(process.env.NVR_SHARED_DIR ?? join(__dirname, '..', '..', '..', 'shared'));

/** The path of a folder or file of the corpus (under shared/fixtures); throws, naming it, when it is not there. */
export function sharedFixture(...parts: string[]): string {
  const path = join(SHARED_DIR, 'fixtures', ...parts);
  if (!existsSync(path))
    throw new Error(
      `The shared corpus is missing: ${path}. CI always has shared/ beside the repository; ` +
        'put it there (or set NVR_SHARED_DIR) to run the corpus tests.',
    );
  return path;
}
