// The setup store compiled to one plain-JavaScript module (zod included), so that separate Node processes — like
// the app, the browser-mode server and the CLI — can each run their own copy against one file. Built with Vite,
// which the project already uses; nothing of the test runner is loaded in the child.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const WRITER_SCRIPT = fileURLToPath(new URL('./setup-store-writer.mjs', import.meta.url));

/** Builds `src/main/services/setup-store.ts` (or another entry, relative to the project) into a temporary folder. */
export async function bundleSetupStore(entry = 'src/main/services/setup-store.ts'): Promise<string> {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const outDir = mkdtempSync(join(tmpdir(), 'setup-store-bundle-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      minify: false,
      write: true,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'setup-store.mjs' } },
    },
    ssr: { noExternal: true },
  });
  return join(outDir, 'setup-store.mjs');
}
