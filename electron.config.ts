import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';
import { CHANNEL_DEFINES } from './src/shared/ipc/channel-defines';

const root = dirname(fileURLToPath(import.meta.url));

// Always used as `electron-vite … --config electron.config.ts` (see package.json scripts).
// main: the Electron entry plus the two Node-only entries (CLI and browser-mode server), which never import
// electron. CommonJS dependencies (onvif, node-ssdp) stay external and are default-imported; a smoke test runs
// the built CLI and server with plain `node` to catch named-import crashes.
export default defineConfig({
  main: {
    define: CHANNEL_DEFINES,
    build: {
      outDir: 'out/main',
      // zod is ESM spread over many small files: bundled, the CLI starts ~0.1 s sooner (Node resolves one file).
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          index: resolve(root, 'src/main/index.ts'),
          cli: resolve(root, 'src/main/cli.ts'),
          'server-entry': resolve(root, 'src/main/server-entry.ts'),
          // The port scanner's worker thread (services/ports/scan-threads.ts starts it).
          'scan-worker': resolve(root, 'src/main/services/ports/scan-worker.ts'),
        },
        // Comments and whitespace out (names kept, so stacks stay readable): the CLI parses and compiles ~30 % fewer
        // bytes before its first word (and `ports --full` scans beside that load).
        output: { minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } } },
      },
    },
  },
  preload: {
    // The channel names, from the contract, as constants: the preload never loads zod (src/shared/ipc/channels.ts).
    define: CHANNEL_DEFINES,
    build: {
      outDir: 'out/preload',
      // The sandboxed preload must be one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    define: CHANNEL_DEFINES,
    root: resolve(root, 'src/renderer'),
    plugins: [vue()],
    build: {
      outDir: 'out/renderer',
      // Minified: the first screen downloads and parses about a third of the bytes (issue 16: fast to open).
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
  },
});
