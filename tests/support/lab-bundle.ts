// Main-process code that has no CLI command yet, run as the app runs it: a small entry (TypeScript source given as
// text, importing from src/) bundled with vite into one ES module, then started with plain `node` inside a lab
// namespace. The bundle sits under node_modules/.cache so its external packages resolve from the project. Entries
// that need the contract's build-time channel names (src/shared/ipc/channels.ts) are not for this helper.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export const ROOT = resolve(__dirname, '..', '..');
/** The project's source folder, for entries to import from (`${SRC}/main/...`). */
export const SRC = join(ROOT, 'src');

export interface LabBundle {
  /** The bundled ES module to run with `node`. */
  file: string;
  remove(): void;
}

/** Bundles `source` (an ES module in TypeScript) into one file; `remove` deletes it again. */
export async function bundleForLab(name: string, source: string): Promise<LabBundle> {
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, `lab-bundle-${name}-`));
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, source);
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: {
      ssr: entry,
      outDir: join(dir, 'out'),
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
  });
  return { file: join(dir, 'out', `${name}.mjs`), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
