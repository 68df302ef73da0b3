// Mutation testing (StrykerJS): `npm run mutation` (scripts/mutation.mjs) runs it incrementally and prints the
// score per folder; `npm run mutation -- <path>` for one folder or file. Not part of `npm test`. What is mutated
// and what is left out, and why: docs/mutation.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Stryker runs the tests in a copy of the repository (.stryker-tmp/sandbox-…): the corpus tests read shared/ from
// beside the real one (tests/support/shared-corpus.ts).
process.env.NVR_SHARED_DIR ??= resolve('..', 'shared');
// The hostile suites' time bounds allow for the instrumented code (tests/support/hostile-shapes.ts, GROWTH_BOUNDS).
process.env.NVR_MUTATION_RUN = '1';

/**
 * src/shared/catalog/ports.ts is a table of sourced facts followed by the functions that read it: only the functions
 * are mutated (a fact changed by a mutant is a different fact, not a broken rule; the catalogue's own tests check
 * the facts against their sources). The range starts at the first function helper, wherever edits move it.
 */
function catalogFunctions() {
  const file = 'src/shared/catalog/ports.ts';
  const lines = readFileSync(file, 'utf8').split('\n');
  const first = lines.findIndex((l) => l.startsWith('const norm = '));
  if (first < 0) throw new Error(`${file}: the functions after the tables were not found (look for "const norm = ")`);
  return `${file}:${first + 1}-${lines.length}`;
}

/**
 * src/shared/catalog/manual-steps.ts: the vendors' own steps (MANUAL_STEPS, each brand's sourced wording) are data
 * like the facts; the code around them (field names, the general steps, which advice applies to which port) is
 * mutated.
 */
function manualStepRules() {
  const file = 'src/shared/catalog/manual-steps.ts';
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('const MANUAL_STEPS'));
  const end = lines.findIndex((l) => l.startsWith('export function manualStepsWithSources'));
  if (start < 0 || end < start) throw new Error(`${file}: the vendor steps table was not found (const MANUAL_STEPS)`);
  return [`${file}:1-${start}`, `${file}:${end + 1}-${lines.length}`];
}

/**
 * The features' status.ts files: each step's status decided from what was measured (the one place it is set). One
 * entry per file (scripts/mutation.mjs reads `folder/*.ts` globs only), found when the command runs.
 */
function featureStatuses() {
  const dir = 'src/main/features';
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`${dir}/${d.name}/status.ts`))
    .map((d) => `${dir}/${d.name}/status.ts`)
    .sort();
}

/** What is mutated: the rules that protect a user. docs/mutation.md says why each is in and what is left out. */
export const MUTATE = [
  // shared: catalogue rules, proposals, domain rules (the Router rules' forward-plan.ts and rule-commands.ts among them:
  // domain/*.ts), device text
  'src/shared/catalog/port-proposal*.ts',
  'src/shared/catalog/camera-ports.ts',
  'src/shared/catalog/oui.ts',
  ...manualStepRules(),
  catalogFunctions(),
  'src/shared/domain/*.ts',
  'src/shared/text/*.ts',
  // main/protocol: every codec and verdict
  'src/main/protocol/*.ts',
  // main/services: the decisions — the change gate, the plan and its check of a change, the change engine (snapshot,
  // verify, restore, recovery) and its measurements, the step's verdict; the inventory merge; the setup store, its
  // record migrations and its atomic write. (ports-service.ts is the measurement's I/O: scan and identification.)
  'src/main/services/ports/change-gate.ts',
  'src/main/services/ports/port-plan.ts',
  'src/main/services/ports/port-change*.ts',
  'src/main/services/ports/port-verify.ts',
  'src/main/services/ports/port-verdict.ts',
  'src/main/services/discovery/inventory.ts',
  'src/main/services/setup-store.ts',
  'src/main/services/setup/record.ts',
  'src/main/services/setup/atomic-write.ts',
  // the one device-change engine, and the Static IP step's decisions (what is read, judged, sent, put back)
  'src/main/services/device-change/engine.ts',
  'src/main/services/static-ip/static-ip-service.ts',
  'src/main/services/static-ip/address-change.ts',
  'src/main/services/static-ip/device-network.ts',
  // the UPnP step: the router's mapping list read to its end and bounded, a deletion and its proof, only the default
  // gateway's own answers followed (the codec, protocol/upnp-igd.ts, and the rules, domain/upnp.ts, are in the globs)
  'src/main/services/upnp/igd-control.ts',
  'src/main/services/upnp/upnp-service.ts',
  // each step's status: verified, working or attention from what was measured (src/main/features/*/status.ts)
  ...featureStatuses(),
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  coverageAnalysis: 'perTest',
  // A static mutant (module-level code: a table, a constant list) re-runs every related test file, not the tests
  // that cover it: measured on two cores, 13 % of the mutants took half the time. They are left out (reported as
  // ignored); the tables they would touch are data, pinned by the catalogue's and the codecs' own tests.
  ignoreStatic: true,
  mutate: MUTATE,
  concurrency: 2,
  timeoutMS: 10_000,
  // The initial run of everything (`npm run mutation` with no path) took over 10 min on the shared two-core machine.
  dryRunTimeoutMinutes: 30,
  incremental: true,
  incrementalFile: '.cache/mutation/all.json',
  reporters: ['progress', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: {
    allowColor: false,
    logTests: false,
    reportTests: false,
    reportMutants: false,
    reportScoreTable: false,
  },
  thresholds: { high: 90, low: 85, break: null },
  // .stryker-tmp: another run's sandbox, when two run at once (give the second one --tempDirName .cache/stryker-2).
  ignorePatterns: [
    'out',
    'dist',
    'test-results',
    'playwright-report',
    '.lab',
    '.cache',
    'reports',
    'tests/e2e',
    '.stryker-tmp',
  ],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  plugins: ['@stryker-mutator/vitest-runner'],
};
