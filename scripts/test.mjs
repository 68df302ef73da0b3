#!/usr/bin/env node
// `npm test`: every check, in order, on a fresh Debian machine. System tools it needs are installed when
// missing (as root with apt), otherwise it stops with the exact command to run. The lab is brought up for the
// integration and E2E suites and torn down afterwards, also on failure or interrupt. The last line is
// `N passed, M failed` summed over vitest and Playwright.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const CACHE = '.cache';
mkdirSync(CACHE, { recursive: true });
const results = []; // { suite, passed, failed, skipped }
const failures = [];
const failedTests = []; // 'suite: file › test', for the summary
let labUp = false;

function log(line) {
  process.stdout.write(`\n== ${line}\n`);
}

function run(label, command, args, { env = {}, allowFail = false } = {}) {
  log(label);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  if (!ok && !allowFail) failures.push(label);
  return ok;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function ensureDebianPackages(packages, why) {
  const missing = packages.filter(([cmd]) => !have(cmd)).map(([, pkg]) => pkg);
  if (missing.length === 0) return true;
  const command = `apt-get install -y -o DPkg::Lock::Timeout=600 ${missing.join(' ')}`;
  if (isRoot() && have('apt-get')) {
    process.stdout.write(`Installing ${missing.join(', ')} (${why}) with apt-get…\n`);
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
    const r = spawnSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command}`], { stdio: 'inherit' });
    if (r.status === 0) return true;
  }
  process.stderr.write(`\nMissing ${missing.join(', ')} (${why}). Run as root:\n  ${command}\n`);
  return false;
}

function readVitest(file, suite) {
  if (!existsSync(file)) return results.push({ suite, passed: 0, failed: 1, skipped: 0, note: 'no report' });
  const j = JSON.parse(readFileSync(file, 'utf8'));
  results.push({
    suite,
    passed: j.numPassedTests ?? 0,
    failed: j.numFailedTests ?? 0,
    skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
  });
  // A file that failed to load has no tests: count it as a failure.
  const broken = (j.testResults ?? []).filter(
    (t) => t.status === 'failed' && (t.assertionResults ?? []).length === 0,
  ).length;
  if (broken) results[results.length - 1].failed += broken;
  // Name what failed, so the summary (the part of the log CI keeps) says which test to look at.
  for (const t of j.testResults ?? []) {
    const failedHere = (t.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (t.status === 'failed' && failedHere.length === 0) failedTests.push(`${suite}: ${t.name} (did not load)`);
    for (const a of failedHere) {
      // The first lines of why (CI keeps only the end of the log): the assertion and where it stood.
      const why = (a.failureMessages ?? [])
        .join('\n')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .slice(0, 6)
        .map((l) => `      ${l.slice(0, 300)}`)
        .join('\n');
      failedTests.push(`${suite}: ${t.name} › ${a.fullName ?? a.title}${why ? `\n${why}` : ''}`);
    }
  }
}

function readPlaywright(file) {
  if (!existsSync(file)) return results.push({ suite: 'e2e', passed: 0, failed: 1, skipped: 0, note: 'no report' });
  const j = JSON.parse(readFileSync(file, 'utf8'));
  const s = j.stats ?? {};
  results.push({
    suite: 'e2e',
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: s.unexpected ?? 0,
    skipped: s.skipped ?? 0,
  });
  if ((j.errors ?? []).length) results[results.length - 1].failed += j.errors.length;
}

function vitest(project, label) {
  const out = `${CACHE}/vitest-${project}.json`;
  rmSync(out, { force: true });
  const ok = run(label, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  readVitest(out, project);
  return ok;
}

function labDown() {
  if (!labUp) return;
  labUp = false;
  run('lab down', process.execPath, ['tests/lab/lab.mjs', 'down']);
}

function summary() {
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed =
    results.reduce((n, r) => n + r.failed, 0) +
    failures.filter((f) => !f.startsWith('vitest') && !f.startsWith('playwright')).length;
  const skipped = results.reduce((n, r) => n + r.skipped, 0);
  log('summary');
  for (const r of results)
    process.stdout.write(
      `  ${r.suite.padEnd(12)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${r.note ? ` (${r.note})` : ''}\n`,
    );
  for (const f of failures) process.stdout.write(`  FAILED: ${f}\n`);
  for (const t of failedTests.slice(0, 20))
    process.stdout.write(`  failed test: ${t.replace(process.cwd() + '/', '')}\n`);
  const line = `${passed} passed, ${failed} failed, ${skipped} skipped`;
  writeFileSync(`${CACHE}/test-summary.txt`, `${line}\n`);
  process.stdout.write(`${line}\n`);
  return failed === 0 && failures.length === 0;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    labDown();
    process.exit(130);
  });
}

const onlyUnit = process.argv.includes('--unit');
try {
  if (!ensureDebianPackages([['chromium', 'chromium']], 'the browser for the E2E tests')) process.exit(1);
  if (!onlyUnit) {
    if (!isRoot()) {
      process.stderr.write(
        'The lab suites build network namespaces and need root. Run `sudo npm test` (or `npm test -- --unit`).\n',
      );
      process.exit(1);
    }
    const { ensureLabPackages } = await import('../tests/lab/lib/prereq.mjs');
    const ok = await ensureLabPackages({ log: (l) => process.stdout.write(`${l}\n`) });
    if (!ok) process.exit(1);
  }

  run('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
  run('typecheck', 'npm', ['run', '-s', 'typecheck']);
  run('format', 'npx', ['prettier', '--check', '.']);
  const built = run('build', 'npm', ['run', '-s', 'build']);
  vitest('unit', 'vitest unit');
  if (!onlyUnit) {
    vitest('lifecycle', 'vitest lifecycle (lab up/down)');
    labUp = true;
    if (run('lab up', process.execPath, ['tests/lab/lab.mjs', 'up'])) {
      vitest('integration', 'vitest integration (lab)');
    } else {
      results.push({ suite: 'integration', passed: 0, failed: 1, skipped: 0, note: 'lab did not come up' });
    }
  }
  if (built) {
    const pwOut = `${CACHE}/playwright-results.json`;
    rmSync(pwOut, { force: true });
    run('playwright e2e', 'npx', ['playwright', 'test']);
    readPlaywright(pwOut);
  } else {
    results.push({ suite: 'e2e', passed: 0, failed: 1, skipped: 0, note: 'build failed' });
  }
} finally {
  labDown();
}
process.exit(summary() ? 0 : 1);
