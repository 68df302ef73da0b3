#!/usr/bin/env node
// `npm run mutation [-- <path>…] [-- --stryker-option value…]`: mutation testing of the rules that protect a user
// (StrykerJS, stryker.config.mjs; what is mutated and why: docs/mutation.md). Incremental: results are kept per
// target in .cache/mutation/, so a second run only re-tests mutants whose code or tests changed (`--force` runs
// them all: do that for the number you report — a survivor that only a new test file covers was seen reused).
// `--last` prints the last report's scores for the targets without running. Prints the score per folder (only this
// run's targets: the incremental report carries earlier ones), writes the survivors to
// reports/mutation/survivors.txt (the full report is reports/mutation/mutation.html) and exits non-zero when a
// folder scores under the 85 % floor. Without a path it is the whole run: the four parts below one after the other,
// each with its own incremental file (the one a run of that folder uses), then one table for all of them.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MUTATE } from '../stryker.config.mjs';

const FLOOR = 85;
const REPORT = 'reports/mutation/mutation.json';
const SURVIVORS = 'reports/mutation/survivors.txt';

const args = process.argv.slice(2).filter((a) => a !== '--');
const firstOption = args.findIndex((a) => a.startsWith('--'));
const paths = (firstOption < 0 ? args : args.slice(0, firstOption)).map((p) =>
  p.replace(/^\.\//, '').replace(/\/$/, ''),
);
const options = firstOption < 0 ? [] : args.slice(firstOption);
/** `--last`: no run, only the scores of the last report for these targets. */
const lastOnly = options.includes('--last');
const passThrough = options.filter((o) => o !== '--last');

/** A one-folder glob (`folder/*.ts`, `folder/port-change*.ts`) as a test of a file's path: `*` never crosses a `/`. */
function globTest(pattern) {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  const re = new RegExp(`^${source}$`);
  return (file) => re.test(file);
}

/** The files one MUTATE entry stands for (a file, a file with a line range, or a one-folder glob such as `folder/*.ts`). */
function filesOf(entry) {
  const file = entry.replace(/:[\d:-]+$/, '');
  if (!file.includes('*')) return [file];
  const dir = dirname(file);
  const matches = globTest(file);
  return readdirSync(dir)
    .map((f) => join(dir, f))
    .filter(matches);
}

/** The MUTATE entries under the given paths; a path outside the list is mutated as it is (a file, or a folder's .ts). */
function targetsFor(wanted) {
  if (wanted.length === 0) return MUTATE;
  const out = [];
  for (const p of wanted) {
    if (!existsSync(p)) {
      console.error(`mutation: ${p} does not exist.`);
      process.exit(2);
    }
    const under = (f) => f === p || f.startsWith(`${p}/`);
    const listed = MUTATE.flatMap((entry) => {
      const files = filesOf(entry);
      if (files.every(under)) return [entry];
      return files.filter(under).map((f) => (entry.includes('*') ? f : entry));
    });
    out.push(...(listed.length ? listed : [statSync(p).isDirectory() ? `${p}/**/*.ts` : p]));
  }
  return [...new Set(out)];
}

/** The whole run's parts, in this order (services first: the decisions; shared last: the longest). */
const PARTS = ['src/main/services', 'src/main/features', 'src/main/protocol', 'src/shared'];
/** Where a part's run leaves its folders' counts for the whole run's table. */
const PART_SCORES = '.cache/mutation/part-scores.json';

/** The table of scores per folder; true when one is under the floor. */
function printScores(rows, total, minutes) {
  const score = (f) => (f.valid ? (100 * f.detected) / f.valid : 100);
  const width = Math.max(...rows.map(([k]) => k.length), 10);
  console.log(`\nMutation score per folder (floor ${FLOOR} %), ${minutes} min:`);
  console.log(`${'folder'.padEnd(width)}  score  detected  survived  no cover`);
  for (const [k, f] of [...rows, ['all', total]]) {
    const low = score(f) < FLOOR ? '  < floor' : '';
    console.log(
      `${k.padEnd(width)}  ${score(f).toFixed(1).padStart(5)}  ${String(f.detected).padStart(8)}  ${String(f.survived).padStart(8)}  ${String(f.noCoverage).padStart(8)}${low}`,
    );
  }
  return rows.some(([, f]) => score(f) < FLOOR);
}

if (paths.length === 0 && !lastOnly) {
  const started = Date.now();
  const rows = [];
  const survivors = [];
  for (const part of PARTS) {
    rmSync(PART_SCORES, { force: true });
    console.log(`\n== ${part}`);
    const run = spawnSync(process.execPath, [process.argv[1], part, ...options], {
      stdio: 'inherit',
      env: { ...process.env, MUTATION_PART_SCORES: PART_SCORES },
    });
    if (!existsSync(PART_SCORES)) {
      console.error(`mutation: ${part} stopped (exit ${run.status ?? run.signal}); the parts after it were not run.`);
      process.exit(run.status || 1);
    }
    rows.push(...JSON.parse(readFileSync(PART_SCORES, 'utf8')));
    if (existsSync(SURVIVORS)) survivors.push(readFileSync(SURVIVORS, 'utf8'));
  }
  rmSync(PART_SCORES, { force: true });
  const total = { detected: 0, survived: 0, noCoverage: 0, valid: 0 };
  for (const [, f] of rows) for (const k of Object.keys(total)) total[k] += f[k];
  rows.sort(([a], [b]) => a.localeCompare(b));
  const low = printScores(rows, total, ((Date.now() - started) / 60_000).toFixed(1));
  writeFileSync(SURVIVORS, survivors.join(''));
  console.log(`\n${total.survived + total.noCoverage} survivor(s) of the whole run in ${SURVIVORS}`);
  process.exit(low ? 1 : 0);
}

const mutate = targetsFor(paths);
// The incremental file's name: the targets themselves when short, else a hash of them (a name over 255 bytes is refused).
const joined = paths.length ? paths.join('+').replace(/[^A-Za-z0-9.+-]+/g, '_') : 'all';
const slug =
  joined.length <= 120 ? joined : `targets-${createHash('sha256').update(joined).digest('hex').slice(0, 16)}`;
mkdirSync('.cache/mutation', { recursive: true });
const stryker = 'node_modules/@stryker-mutator/core/bin/stryker.js';
const started = Date.now();
const run = lastOnly
  ? { status: 0 }
  : spawnSync(
      process.execPath,
      [
        stryker,
        'run',
        'stryker.config.mjs',
        '--mutate',
        mutate.join(','),
        '--incrementalFile',
        `.cache/mutation/${slug}.json`,
        ...passThrough,
      ],
      // Vite's note about extension-less imports in the config is noise here, once per test worker.
      { stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } },
    );
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
if (run.status !== 0 || !existsSync(REPORT)) {
  console.error(`mutation: Stryker stopped (exit ${run.status ?? run.signal}) after ${minutes} min.`);
  process.exit(run.status || 1);
}

// --- the score per folder ---
const report = JSON.parse(readFileSync(REPORT, 'utf8'));
const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
const folders = new Map();
const survivors = [];
const add = (key, status) => {
  const f = folders.get(key) ?? { detected: 0, survived: 0, noCoverage: 0, valid: 0 };
  if (!COUNTED.has(status)) return;
  f.valid++;
  if (DETECTED.has(status)) f.detected++;
  if (status === 'Survived') f.survived++;
  if (status === 'NoCoverage') f.noCoverage++;
  folders.set(key, f);
};
// The incremental report carries files (and line ranges) from earlier runs; only this run's targets are counted.
const inTarget = (file, line) =>
  mutate.some((entry) => {
    const range = /:(\d+)-(\d+)$/.exec(entry);
    const pattern = entry.replace(/:[\d:-]+$/, '');
    if (pattern.includes('**')) return file.startsWith(pattern.split('**')[0]);
    // `port-change*.ts` is those files only, not the folder: the report carries files no longer mutated.
    if (pattern.includes('*')) return globTest(pattern)(file);
    return file === pattern && (!range || (line >= Number(range[1]) && line <= Number(range[2])));
  });
for (const [file, { mutants: all, source }] of Object.entries(report.files)) {
  const mutants = all.filter((m) => inTarget(file, m.location.start.line));
  const lines = source.split('\n');
  for (const m of mutants) {
    add(dirname(file), m.status);
    add('all', m.status);
    if (m.status === 'Survived' || m.status === 'NoCoverage') {
      const { line, column } = m.location.start;
      const was = lines[line - 1].trim().slice(0, 100);
      survivors.push(
        `${file}:${line}:${column} ${m.mutatorName} (${m.status}): ${m.replacement ?? ''}\n    was: ${was}`,
      );
    }
  }
}
const rows = [...folders].filter(([k]) => k !== 'all').sort(([a], [b]) => a.localeCompare(b));
const low = printScores(rows, folders.get('all') ?? { detected: 0, survived: 0, noCoverage: 0, valid: 0 }, minutes);
if (process.env.MUTATION_PART_SCORES) writeFileSync(process.env.MUTATION_PART_SCORES, JSON.stringify(rows));
writeFileSync(SURVIVORS, survivors.join('\n') + (survivors.length ? '\n' : ''));
console.log(`\n${survivors.length} survivor(s) in ${SURVIVORS}; the report: reports/mutation/mutation.html`);
process.exit(low ? 1 : 0);
