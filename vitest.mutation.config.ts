import { defineConfig } from 'vitest/config';
import { CHANNEL_DEFINES } from './src/shared/ipc/channel-defines';

// The unit tests that judge the rules `npm run mutation` mutates (stryker.config.mjs): no lab, no network, no
// build. Left out: tests/unit/renderer (the pages; they mutate nothing of main's), tests/unit/smoke (they run the
// built out/, which a mutant in src/ never reaches), tests/unit/electron and tests/unit/lint (the window's
// wiring and ESLint), tests/unit/transport (sockets and child processes, not rules).
export default defineConfig({
  // The contract's channel names for src/shared/ipc/channels.ts, as the build defines them (as vitest.config.ts).
  define: CHANNEL_DEFINES,
  test: {
    include: ['tests/unit/**/*.test.ts'],
    exclude: [
      'tests/unit/renderer/**',
      'tests/unit/smoke/**',
      'tests/unit/electron/**',
      'tests/unit/lint/**',
      'tests/unit/transport/**',
    ],
    environment: 'node',
    // Instrumented code with per-test coverage runs slower than the plain suite, beside other work on two cores.
    testTimeout: 30_000,
  },
});
