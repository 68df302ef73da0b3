#!/usr/bin/env node
// Thin launcher for the built CLI (out/main/cli.js).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('nvr-assist is not built yet. Run `npm run build` in the project folder first.\n');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
