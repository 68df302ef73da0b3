import { defineConfig } from 'vitest/config';
import { CHANNEL_DEFINES } from './src/shared/ipc/channel-defines';

// The tests `npm run mutation` (stryker.config.mjs) runs against each mutant: the unit tests of the rules themselves
// — tests/unit/shared, tests/unit/protocol and tests/unit/services, and the steps' status tests
// (tests/unit/features/*/status*.test.ts: pure, a record and a measurement in, a status out). A rule's own tests
// must catch a broken rule; a CLI or app test that happens to pass through it does not count (tests/unit/cli, core,
// main and the rest of features are wiring, and importing the whole app for every mutant made a run several times
// slower). Also left out: the pages (renderer), the built out/ (smoke), Electron and ESLint (electron, lint),
// sockets (transport), and the store's cross-process test, which starts child processes for every mutant (setup-store-processes: the lock it tests,
// file-lock.ts, is not mutated), and the scan's threading test, which runs the built worker from out/
// (ports-service-scan: how a scan is split over threads, not a rule).
export default defineConfig({
  // The contract's channel names for src/shared/ipc/channels.ts, as the build defines them (as vitest.config.ts).
  define: CHANNEL_DEFINES,
  test: {
    include: ['tests/unit/{shared,protocol,services}/**/*.test.ts', 'tests/unit/features/*/status*.test.ts'],
    exclude: [
      'tests/unit/services/setup-store-processes.test.ts',
      'tests/unit/services/ports/ports-service-scan.test.ts',
    ],
    environment: 'node',
    // Instrumented code with per-test coverage runs slower than the plain suite, beside other work on two cores.
    testTimeout: 30_000,
    // One module graph for the whole run: a mutant is switched on at run time (static ones are not run), so nothing
    // needs a fresh import, and re-importing the rules' modules for every mutant made a run ~40 % slower.
    isolate: false,
  },
});
