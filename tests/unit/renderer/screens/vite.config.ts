import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { CHANNEL_DEFINES } from '../../../../src/shared/ipc/channel-defines';

// Builds the renderer with a fake backend for screenshots (shoot.mjs): no server, no network, no lab.
// `npx vite build --config tests/unit/renderer/screens/vite.config.ts --outDir .cache/screens/build`
const here = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root: here,
  publicDir: `${here}../../../../src/renderer/public`,
  plugins: [vue()],
  define: CHANNEL_DEFINES,
  logLevel: 'warn',
  build: { emptyOutDir: true },
});
