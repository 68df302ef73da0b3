import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// Three suites: `unit` (no network, no root), `lifecycle` (builds and tears down the lab itself, while it is
// down), `integration` (needs the lab up: `npm run lab -- up`; `npm test` takes care of it).
export default defineConfig({
  plugins: [vue()],
  test: {
    // The contract's channel names for src/shared/ipc/channels.ts, as the build defines them (see the file); every
    // group of the pages' words loaded, as their routes load them in the app (see the file).
    setupFiles: ['tests/support/channel-globals.ts', 'tests/unit/renderer/page-words-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // A guard against a hang, not a speed check: CI runs on 2 loaded cores, where a test that takes 3 s here
          // (a full 65 535-port scan on a fake network) can pass the default 5 s.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'lifecycle',
          include: ['tests/lifecycle/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
