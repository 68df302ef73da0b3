#!/usr/bin/env node
// `npm run bench -- <name>`: benchmarks in the lab, each printed as a ratio to an anchor measured in the same
// run on the same hosts. Timed assertions do not belong in tests; these numbers are for people.
//   discovery  250 simulated devices (lab profile `scale`): completeness and time-to-last-device over 20 runs,
//              beside the npm `onvif` Discovery.probe and Debian's `onvif-util -a`. Target: 250/250 in ≤ 1.5 s.
//              The anchor under them: the scale simulator's own replies to one raw probe (the lab's probe tool),
//              250/250 with the last within 500 ms — slower, and the lab is what is slow, not the app.
//   ports      (lab profile home, must be up) the user's own command, `nvr-assist ports <host> --full --json`
//              (scan, identification, the table), and the built CLI's internal `ports-scan` (a full 1–65535 connect
//              scan of one host and a /24 × camera-ports sweep), each as a ratio to nmap -sT -T4 (like for like;
//              -sS shown too) timed in the same round, median of 5 runs (and the median of per-round ratios), and
//              whether the open-port sets are identical. Targets: ≤ 1.0× nmap -sT for each.
//   hostile    (no lab, no root) every decoder against every adversarial shape (tests/support/hostile-*.ts) at
//              8/64/512 KB, each codec in a process of its own: worst mean time per input, growth 64→512 KB
//              (8× the input: linear 8×, quadratic 64×) and 512 KB→1 MB of the steepest shape (linear 2×, quadratic 4×),
//              peak RSS; our XML parser with its caps lifted beside the maintained saxes parser on the same inputs.
//              Goals: worst 64 KB input ≤ 50 ms; growth ≤ 32× and ≤ 2.8× (linear, with room for caches and the GC).
//   app        (no lab; memory with the lab in profile scale) the first screen's bundle, first paint in Chromium
//              beside its floor, main's memory after a 250-device search: scripts/bench/app.mjs.
//   checklist  (no lab, no root; the build and Debian's chromium) the checklist PDF of a whole recorded setup (the
//              unit tests' fixture) made by our renderer (pdfkit, A4), warm, in one process: median time of --runs
//              (default 20) after 3 unmeasured, its size and pages — beside Chromium printing the same checklist page
//              (browser mode, the same record) with Playwright's page.pdf() (A4), warm likewise, as the anchor.
//   journey    (lab profile home, must be up; the build) the whole journey E2E: the user's actions counted in the
//              page, the trips to another tool and the minutes. Goal (issue 16): ≤ 25 actions, no trip.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCALE, scaleAddresses } from '../tests/lab/topology.mjs';
import { benchApp } from './bench/app.mjs';

const [name = 'discovery', ...rest] = process.argv.slice(2);
const runs = Number(rest[rest.indexOf('--runs') + 1]) || 20;
const NS = 'nvrlab-client';

function lab(...args) {
  const r = spawnSync(process.execPath, ['tests/lab/lab.mjs', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`lab ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
}
const fmt = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(3)} s` : 'n/a');

/** Our discovery, as users run it: the built CLI in the client namespace; device arrival times from its progress lines. */
function ourDiscovery() {
  return new Promise((resolve) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-'));
    const child = spawn(
      'ip',
      ['netns', 'exec', NS, 'env', `NVR_ASSIST_DATA_DIR=${dataDir}`, process.execPath, 'bin/nvr-assist.js', 'discover'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let start = null;
    const arrivals = new Map();
    let buffer = '';
    child.stderr.on('data', (chunk) => {
      const now = performance.now();
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) {
        if (line.startsWith('Searching on')) start = now;
        const m = /found (\d+\.\d+\.\d+\.\d+)/.exec(line);
        if (m && !arrivals.has(m[1])) arrivals.set(m[1], now);
      }
    });
    let stdout = '';
    child.stdout.on('data', (c) => (stdout += c));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    // 'close', not 'exit': the output streams must have ended before we read them.
    child.on('close', () => {
      clearTimeout(killer);
      const expected = new Set(scaleAddresses());
      const found = [...arrivals.keys()].filter((a) => expected.has(a));
      const last = found.length && start !== null ? Math.max(...found.map((a) => arrivals.get(a))) - start : NaN;
      // The CLI's closing line must agree with what streamed in.
      const m = /^(\d+) device\(s\)\./m.exec(stdout);
      const listed = m ? Number(m[1]) : 0;
      resolve({ devices: Math.min(found.length, listed), lastMs: last });
    });
  });
}

function onvifNpm() {
  const r = spawnSync('ip', ['netns', 'exec', NS, process.execPath, 'scripts/bench/onvif-probe.mjs', '3000'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  try {
    return JSON.parse(r.stdout);
  } catch {
    return { devices: 0, lastMs: NaN };
  }
}

/** The scale simulator's own answers to one raw WS-Discovery probe: how many, and when the last one came. */
function simulatorReplies() {
  const r = spawnSync(
    'ip',
    ['netns', 'exec', NS, process.execPath, 'tests/lab/sim/tools/probe.mjs', 'wsd', '--timeout', '1500'],
    { encoding: 'utf8', timeout: 20_000, maxBuffer: 64 * 1024 * 1024 },
  );
  try {
    const replies = JSON.parse(r.stdout).replies.filter((x) => !x.error);
    return { devices: new Set(replies.map((x) => x.from)).size, lastMs: Math.max(...replies.map((x) => x.ms)) };
  } catch {
    return { devices: 0, lastMs: NaN };
  }
}

function onvifUtil() {
  const t0 = performance.now();
  const r = spawnSync('ip', ['netns', 'exec', NS, 'onvif-util', '-a'], { encoding: 'utf8', timeout: 30_000 });
  const totalMs = performance.now() - t0;
  // onvif-util prints only a count ("Found N cameras") when it cannot name the devices.
  const m = /Found (\d+) cameras?/.exec(`${r.stdout ?? ''}${r.stderr ?? ''}`);
  return { devices: m ? Number(m[1]) : 0, lastMs: totalMs };
}

async function benchDiscovery() {
  if (!existsSync('out/main/cli.js')) throw new Error('Build first: npm run build');
  process.stdout.write(`Bringing the lab up with the scale profile (${SCALE.count} devices)…\n`);
  lab('down');
  lab('up', '--profile', 'scale');
  try {
    const ours = [];
    const npm = [];
    const util = [];
    const sim = [];
    for (let i = 0; i < runs; i++) {
      if (i < Math.min(runs, 5)) sim.push(simulatorReplies());
      ours.push(await ourDiscovery());
      npm.push(onvifNpm());
      if (i < Math.min(runs, 5)) util.push(onvifUtil()); // onvif-util waits its own fixed time: 5 samples suffice
      process.stdout.write(
        `  run ${i + 1}/${runs}: ours ${ours[i].devices}/${SCALE.count} last at ${fmt(ours[i].lastMs)}; onvif npm ${npm[i].devices} last at ${fmt(npm[i].lastMs)}\n`,
      );
    }
    const row = (label, xs) => {
      const complete = xs.filter((x) => x.devices === SCALE.count).length;
      return {
        label,
        complete: `${complete}/${xs.length}`,
        minDevices: Math.min(...xs.map((x) => x.devices)),
        median: median(xs.map((x) => x.lastMs)),
        worst: Math.max(...xs.map((x) => x.lastMs)),
      };
    };
    const rows = [
      row('nvr-assist (ours)', ours),
      row('npm onvif Discovery.probe', npm),
      row('onvif-util -a (total time)', util),
      row('simulator, one raw probe', sim),
    ];
    process.stdout.write(`\nDiscovery of ${SCALE.count} devices, ${runs} runs (time-to-last-device):\n`);
    for (const r of rows)
      process.stdout.write(
        `  ${r.label.padEnd(28)} complete runs ${r.complete.padEnd(6)} fewest found ${String(r.minDevices).padEnd(4)} median ${fmt(r.median)}  worst ${fmt(r.worst)}\n`,
      );
    const ratio = rows[0].median / rows[1].median;
    process.stdout.write(`\nRatio (ours / npm onvif, median time-to-last-device): ${ratio.toFixed(2)}×\n`);
    const met = rows[0].complete === `${runs}/${runs}` && rows[0].worst <= 1500;
    process.stdout.write(`Target 250/250 in ≤ 1.5 s every run: ${met ? 'met' : 'NOT met'}\n`);
    const simRow = rows[3];
    const simMet = simRow.complete === `${sim.length}/${sim.length}` && simRow.worst <= 500;
    process.stdout.write(
      `Anchor: the simulator answers 250/250 within 500 ms: ${simMet ? 'yes' : 'NO — the lab is slow, the numbers above say little about the app'}\n`,
    );
  } finally {
    lab('down');
  }
}

/** Wall time of one command in the client namespace (process start to exit, like nmap's). */
function timed(cmd, args) {
  const t0 = performance.now();
  const r = spawnSync('ip', ['netns', 'exec', NS, ...(cmd ? [cmd] : []), ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd ?? args[0]} failed (${r.status}): ${(r.stderr ?? '').slice(0, 300)}`);
  return { ms, stdout: r.stdout };
}

function oursScan(target, args, env = []) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-'));
  const { ms, stdout } = timed('env', [
    `NVR_ASSIST_DATA_DIR=${dataDir}`,
    ...env,
    process.execPath,
    'bin/nvr-assist.js',
    'ports-scan',
    target,
    '--no-identify',
    ...args,
  ]);
  const out = JSON.parse(stdout);
  const open = new Map(out.scan.hosts.filter((h) => h.open.length).map((h) => [h.address, h.open.join(',')]));
  return { ms, engineMs: out.scan.elapsedMs, open, ports: out.ports, connector: out.connector };
}

/**
 * The user's own command: `nvr-assist ports <host> --full --json` (the Ports step's full measurement: scan, service
 * identification, the table), each run with a fresh data folder as on a first use (the device is added first).
 */
function oursPorts(target) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-'));
  const { ms, stdout } = timed('env', [
    `NVR_ASSIST_DATA_DIR=${dataDir}`,
    process.execPath,
    'bin/nvr-assist.js',
    'ports',
    target,
    '--full',
    '--json',
  ]);
  const report = JSON.parse(stdout);
  const open = report.rows.filter((r) => r.state === 'open').map((r) => r.port);
  return { ms, open: new Map(open.length ? [[target, open.join(',')]] : []) };
}

function nmapScan(kind, target, portSpec) {
  const { ms, stdout } = timed('nmap', ['-n', '-T4', kind, '-p', portSpec, '-oG', '-', target]);
  const open = new Map();
  for (const line of stdout.split('\n')) {
    const m = /^Host: (\S+) .*Ports: (.*)$/.exec(line);
    if (!m) continue;
    const ports = [...m[2].matchAll(/(\d+)\/open\/tcp/g)].map((x) => Number(x[1])).sort((a, b) => a - b);
    if (ports.length) open.set(m[1], ports.join(','));
  }
  return { ms, open };
}

const sameSets = (a, b) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

async function benchPorts() {
  let status = null;
  const r = spawnSync(process.execPath, ['tests/lab/lab.mjs', 'status', '--json'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  try {
    status = JSON.parse(r.stdout);
  } catch {
    // not up
  }
  if (!status?.up || status.profile !== 'home') {
    process.stderr.write(
      `The lab is not up with profile home${status?.profile ? ` (it runs ${status.profile})` : ''}.\n` +
        'Start it with: npm run lab -- up   (as root; see tests/lab/README.md), then npm run bench -- ports\n',
    );
    process.exit(2);
  }
  if (!existsSync('out/main/cli.js')) throw new Error('Build first: npm run build');
  const n = Number(rest[rest.indexOf('--runs') + 1]) || 5;
  // Our full scan spends about twice nmap's CPU time (node's start, a worker thread, JavaScript per port) and makes
  // up for it with two threads: on a machine busy with other work the ratios below grow. The load says how busy.
  const load = () => `${loadavg()[0].toFixed(2)} on ${availableParallelism()} CPUs`;
  process.stdout.write(`Machine load (1-minute average) at the start: ${load()}\n`);
  const host = '192.168.50.64';
  const subnet = '192.168.50.0/24';
  const cases = [
    { label: `full 1-65535 of ${host}`, target: host, args: ['--full'], portSpec: () => '1-65535', user: true },
    { label: `${subnet} x camera ports`, target: subnet, args: [], portSpec: (ours) => ours.ports.join(',') },
  ];
  for (const c of cases) {
    const rows = { ours: [], engine: [], portable: [], sT: [], sS: [], user: [] };
    let identical = true;
    let portCount = 0;
    const connectors = new Set();
    for (let i = 0; i < n; i++) {
      const ours = oursScan(c.target, c.args);
      // The same scan forced onto net.connect: what a runtime without the fast path would cost.
      const portable = oursScan(c.target, c.args, ['NVR_ASSIST_TCP_CONNECTOR=portable']);
      connectors.add(ours.connector);
      const spec = c.portSpec(ours);
      portCount = spec === '1-65535' ? 65535 : spec.split(',').length;
      const sT = nmapScan('-sT', c.target, spec);
      const sS = nmapScan('-sS', c.target, spec);
      // What the user runs, in the same round: the measurement with identification and the table.
      const user = c.user ? oursPorts(c.target) : null;
      identical &&= sameSets(ours.open, sT.open) && sameSets(ours.open, sS.open) && sameSets(portable.open, sT.open);
      if (user) identical &&= sameSets(user.open, sT.open);
      if (user) rows.user.push(user.ms);
      rows.ours.push(ours.ms);
      rows.engine.push(ours.engineMs);
      rows.portable.push(portable.ms);
      rows.sT.push(sT.ms);
      rows.sS.push(sS.ms);
      process.stdout.write(
        `  ${c.label} run ${i + 1}/${n}: ${user ? `ports --full ${fmt(user.ms)}, ` : ''}ports-scan ${fmt(ours.ms)} (scan ${fmt(ours.engineMs)}), portable ${fmt(portable.ms)}, nmap -sT ${fmt(sT.ms)}, -sS ${fmt(sS.ms)}\n`,
      );
    }
    const [o, e, p, t, s, u] = [rows.ours, rows.engine, rows.portable, rows.sT, rows.sS, rows.user].map(median);
    // Each run's ratio to the nmap run beside it, then the median: steadier than a ratio of medians on a busy machine.
    const paired = (xs) => median(xs.map((x, i) => x / rows.sT[i]));
    if (c.user)
      process.stdout.write(
        `${c.label}, the user's command (median of ${n}):\n` +
          `  nvr-assist ports --full --json  ${fmt(u)}  (scan, identification and the table; a fresh data folder each run)\n` +
          `  ratio to nmap -sT: ${(u / t).toFixed(2)}x (paired ${paired(rows.user).toFixed(2)}x); to -sS: ${(u / s).toFixed(2)}x\n` +
          `  target <= 1.0x nmap -sT: ${u <= t ? 'met' : 'NOT met'}\n`,
      );
    process.stdout.write(
      `${c.label} (${portCount} ports/host, median of ${n}):\n` +
        `  nvr-assist ports-scan  ${fmt(o)}  (the internal command, --no-identify; of which the scan itself ${fmt(e)}; connector: ${[...connectors].join(', ')})\n` +
        `  same, net.connect only ${fmt(p)}  (NVR_ASSIST_TCP_CONNECTOR=portable)\n` +
        `  nmap -n -T4 -sT        ${fmt(t)}\n  nmap -n -T4 -sS        ${fmt(s)}\n` +
        `  ratio to nmap -sT: ${(o / t).toFixed(2)}x (paired ${paired(rows.ours).toFixed(2)}x; scan only ${(e / t).toFixed(2)}x; net.connect only ${(p / t).toFixed(2)}x); to -sS: ${(o / s).toFixed(2)}x\n` +
        `  open-port sets identical to nmap in every run: ${identical ? 'yes' : 'NO'}\n` +
        `  target <= 1.0x nmap -sT: ${o <= t ? 'met' : 'NOT met'}\n\n`,
    );
  }
  process.stdout.write(`Machine load (1-minute average) at the end: ${load()}\n`);
}

/** The hostile-input workload, bundled once (rolldown, from the project's own toolchain) and run per codec. */
async function benchHostile() {
  const entry = '.cache/bench-hostile-entry.ts';
  const bundle = '.cache/bench-hostile.mjs';
  mkdirSync('.cache', { recursive: true });
  writeFileSync(
    entry,
    "import { CODECS, measure } from '../tests/support/hostile-bench';\n" +
      'const name = process.argv[2];\n' +
      'if (!name) console.log(JSON.stringify(Object.keys(CODECS))); else console.log(JSON.stringify(measure(name)));\n',
  );
  const built = spawnSync(
    'npx',
    ['rolldown', `./${entry}`, '--format', 'esm', '--platform', 'node', '--file', bundle],
    {
      encoding: 'utf8',
    },
  );
  if (built.status !== 0) throw new Error(`could not bundle the hostile workload: ${built.stderr || built.stdout}`);
  const names = JSON.parse(spawnSync(process.execPath, [bundle], { encoding: 'utf8' }).stdout);
  const GOAL_MS = 50;
  // 0: not timed (an input that already takes seconds); far below 1: 1 MB is over the codec's cap and refused at once.
  const doubling = (x) => (x === 0 ? 'not timed' : x < 0.5 ? '1 MB refused at the cap' : `${x.toFixed(1)}x`);
  const rows = [];
  for (const codec of names) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=4096', bundle, codec], {
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (r.status !== 0) {
      rows.push({ codec, failed: (r.stderr || `exit ${r.status ?? r.signal}`).split('\n')[0] });
      process.stdout.write(`  ${codec}: FAILED (${rows.at(-1).failed})\n`);
      continue;
    }
    const report = JSON.parse(r.stdout.trim().split('\n').at(-1));
    rows.push(report);
    const w = report.worst;
    const growth = report.steepest
      ? `steepest growth 64→512 ${report.steepest.ratio.toFixed(1)}x, 512→1024 ${doubling(report.steepest.doubling)} (${report.steepest.shape})`
      : 'no shape over 2 ms at 512 KB';
    process.stdout.write(
      `  ${codec.padEnd(32)} worst 8 KB ${w['8'].ms.toFixed(2).padStart(8)} ms  64 KB ${w['64'].ms.toFixed(2).padStart(8)} ms` +
        `  512 KB ${w['512'].ms.toFixed(2).padStart(9)} ms (${w['512'].shape})  ${growth}` +
        `  peak RSS ${report.peakRssMb} MB\n`,
    );
  }
  const ours = rows.find((r) => r.codec?.startsWith('xml parser'));
  const anchor = rows.find((r) => r.codec?.startsWith('saxes'));
  const checked = rows.filter((r) => r.worst && !r.codec.startsWith('saxes'));
  // The anchor is timed, not judged: its deep-nesting input is quadratic (that is why we keep our own parser).
  const slow = checked.filter((r) => r.worst['64'].ms > GOAL_MS);
  const steep = checked.filter((r) => r.steepest && (r.steepest.ratio > 32 || r.steepest.doubling > 2.8));
  process.stdout.write('\n');
  if (ours?.worst && anchor?.worst)
    for (const kb of ['8', '64', '512'])
      process.stdout.write(
        `  XML parser, caps lifted, worst ${kb} KB: ours ${ours.worst[kb].ms.toFixed(2)} ms (${ours.worst[kb].shape}) vs saxes ` +
          `${anchor.worst[kb].ms.toFixed(2)} ms (${anchor.worst[kb].shape}): ${(ours.worst[kb].ms / anchor.worst[kb].ms).toFixed(2)}x\n`,
      );
  process.stdout.write(
    `  goal worst 64 KB input <= ${GOAL_MS} ms for every codec: ${slow.length ? `NOT met (${slow.map((r) => r.codec).join(', ')})` : 'met'}\n` +
      `  goal linear growth (64→512 KB ≤ 32x where linear is 8x and quadratic 64x, the rest being caches and the collector;` +
      ` 512 KB→1 MB ≤ 2.8x where linear is 2x and quadratic 4x): ${steep.length ? `NOT met (${steep.map((r) => r.codec).join(', ')})` : 'met'}\n` +
      `  codecs that failed to run: ${rows.filter((r) => r.failed).length}\n`,
  );
  if (slow.length || steep.length || rows.some((r) => r.failed)) process.exitCode = 1;
}

/** The checklist PDF of a whole record: ours (pdfkit, in-process, warm) beside Chromium's page.pdf() of its page. */
async function benchChecklist() {
  const entry = '.cache/bench-checklist-entry.ts';
  const bundle = '.cache/bench-checklist.mjs';
  mkdirSync('.cache', { recursive: true });
  if (!existsSync('out/main/server-entry.js'))
    throw new Error('run `npm run build` first (the anchor serves the page)');
  writeFileSync(
    entry,
    "import { writeFileSync } from 'node:fs';\n" +
      "import { buildChecklist } from '../src/shared/domain/checklist';\n" +
      "import { renderChecklistPdf } from '../src/main/services/checklist/checklist-pdf';\n" +
      "import { fullRecord } from '../tests/unit/shared/domain/checklist-fixture';\n" +
      'const [what, arg, out] = process.argv.slice(2);\n' +
      "if (what === 'record') console.log(JSON.stringify(fullRecord()));\n" +
      'else {\n' +
      "  const c = buildChecklist(fullRecord(), { madeAt: new Date().toISOString(), appVersion: 'bench' });\n" +
      '  for (let i = 0; i < 3; i++) await renderChecklistPdf(c);\n' +
      '  const ms = [];\n' +
      '  let pdf = Buffer.alloc(0);\n' +
      '  for (let i = 0; i < Number(arg); i++) {\n' +
      '    const t = performance.now();\n' +
      '    pdf = await renderChecklistPdf(c);\n' +
      '    ms.push(performance.now() - t);\n' +
      '  }\n' +
      '  writeFileSync(out, pdf);\n' +
      '  console.log(JSON.stringify({ ms, bytes: pdf.length }));\n' +
      '}\n',
  );
  const built = spawnSync(
    'npx',
    ['rolldown', `./${entry}`, '--format', 'esm', '--platform', 'node', '--external', 'pdfkit', '--file', bundle],
    { encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`could not bundle the checklist workload: ${built.stderr || built.stdout}`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-checklist-'));
  const pages = (file) => Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1]);
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

  // Ours: the renderer the app uses, in one process, warm.
  const oursFile = join(dir, 'ours.pdf');
  const r = spawnSync(process.execPath, [bundle, 'pdf', String(runs), oursFile], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (r.status !== 0) throw new Error(`our renderer failed: ${r.stderr}`);
  const ours = JSON.parse(r.stdout);

  // The anchor: the built browser-mode server with the same record, Chromium printing the Checklist page.
  writeFileSync(join(dir, 'setup.json'), spawnSync(process.execPath, [bundle, 'record'], { encoding: 'utf8' }).stdout);
  const server = spawn(process.execPath, ['out/main/server-entry.js', '--port', '0'], {
    env: { ...process.env, NVR_ASSIST_DATA_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { chromium } = await import('@playwright/test');
  let browser = null;
  try {
    const address = await new Promise((resolve, reject) => {
      let said = '';
      const timer = setTimeout(() => reject(new Error(`the server did not start: ${said}`)), 15_000);
      server.stdout.on('data', (c) => {
        said += c;
        const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(said);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const page = await browser.newPage();
    await page.goto(address);
    await page.goto(new URL('/#/step/checklist', address).href);
    await page.locator('[data-testid="checklist-todo"]').waitFor({ timeout: 30_000 });
    const print = () => page.pdf({ format: 'A4', printBackground: true });
    for (let i = 0; i < 3; i++) await print();
    const ms = [];
    let pdf = Buffer.alloc(0);
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      pdf = await print();
      ms.push(performance.now() - t);
    }
    const anchorFile = join(dir, 'chromium.pdf');
    writeFileSync(anchorFile, pdf);
    const o = median(ours.ms);
    const a = median(ms);
    const fms = (x) => `${x.toFixed(1)} ms`;
    process.stdout.write(
      `Checklist PDF of a whole recorded setup (A4; median of ${runs} warm runs, min–max in brackets):\n` +
        `  ours (pdfkit, embedded font subsets)      ${fms(o)} [${fms(Math.min(...ours.ms))}–${fms(Math.max(...ours.ms))}]  ${kb(ours.bytes)}, ${pages(oursFile)} page(s)\n` +
        `  Chromium page.pdf() of the Checklist page ${fms(a)} [${fms(Math.min(...ms))}–${fms(Math.max(...ms))}]  ${kb(pdf.length)}, ${pages(anchorFile)} page(s)\n` +
        `  ratio ours / Chromium: time ${(o / a).toFixed(2)}x, size ${(ours.bytes / pdf.length).toFixed(2)}x\n` +
        `  (Chromium prints the page as the app shows it, sidebar included; ours is the document made for paper.)\n` +
        `Machine load (1-minute average) at the end: ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores\n`,
    );
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The whole journey in the lab (tests/e2e/journey-step.spec.ts, then the VPN way's vpn-journey-step.spec.ts; Chromium in
 * the lab's client namespace): the user's
 * actions counted in the page (clicks on controls, key presses that act, fields typed into), the trips to another
 * tool, and the time — beside the goal of issue 16 (≤ 25 actions, no trip to another tool).
 */
async function benchJourney() {
  if (!existsSync('out/renderer/index.html')) throw new Error('build first: npm run build');
  rmSync('.cache/journey-actions.json', { force: true });
  const started = Date.now();
  const r = spawnSync(
    'npx',
    ['playwright', 'test', '--project=lab', 'tests/e2e/journey-step.spec.ts', '--reporter=line'],
    {
      encoding: 'utf8',
      timeout: 600_000,
    },
  );
  const wall = (Date.now() - started) / 1000;
  if (r.status !== 0 || !existsSync('.cache/journey-actions.json'))
    throw new Error(
      `the journey spec did not pass (is the lab up?):\n${(r.stdout || '').slice(-2000)}${r.stderr || ''}`,
    );
  const a = JSON.parse(readFileSync('.cache/journey-actions.json', 'utf8'));
  console.log(
    [
      `journey: ${a.total} actions in the app (goal ≤ 25): ${a.clicks} clicks, ${a.keys} key presses on controls, ${a.fields} fields typed into`,
      `         ${a.outside} trip(s) to another tool (the router's shell: the generated commands entered; goal 0)`,
      `         ${(a.seconds / 60).toFixed(2)} min from the first screen to the checklist (the spec: ${(wall / 60).toFixed(2)} min with its sign-in and clean-up)`,
      ...Object.entries(a.apart ?? {}).map(
        ([name, p]) =>
          `         counted apart, ${name}: ${p.total} actions (${p.clicks} clicks, ${p.keys} keys, ${p.fields} fields), ${p.outside} trip(s)`,
      ),
      "         (the spec takes the iptables detour on purpose: rules dropped by the lab router's nftables firewall, found",
      '         by the proof; after the count it opens the Checklist step and downloads the JSON to check it)',
    ].join('\n'),
  );
  // The VPN way (tests/e2e/vpn-journey-step.spec.ts): the same count, its own file.
  rmSync('.cache/vpn-journey-actions.json', { force: true });
  const v = spawnSync(
    'npx',
    ['playwright', 'test', '--project=lab', 'tests/e2e/vpn-journey-step.spec.ts', '--reporter=line'],
    { encoding: 'utf8', timeout: 600_000 },
  );
  if (v.status !== 0 || !existsSync('.cache/vpn-journey-actions.json'))
    throw new Error(`the VPN journey spec did not pass:\n${(v.stdout || '').slice(-2000)}${v.stderr || ''}`);
  const n = JSON.parse(readFileSync('.cache/vpn-journey-actions.json', 'utf8'));
  console.log(
    [
      `VPN way: ${n.total} actions in the app (goal ≤ 25): ${n.clicks} clicks, ${n.keys} key presses on controls, ${n.fields} fields typed into`,
      `         ${n.outside} trip(s) to another tool (the router's UDP forward, the WireGuard server, the phone: goal 0)`,
      `         ${(n.seconds / 60).toFixed(2)} min from the first screen to the checklist`,
    ].join('\n'),
  );
}

const benches = {
  discovery: benchDiscovery,
  ports: benchPorts,
  hostile: benchHostile,
  checklist: benchChecklist,
  app: () => benchApp(),
  journey: benchJourney,
};
if (!benches[name]) {
  process.stderr.write(`Unknown benchmark "${name}". Available: ${Object.keys(benches).join(', ')}.\n`);
  process.exit(2);
}
benches[name]().catch((err) => {
  process.stderr.write(`Benchmark failed: ${err.message}\n`);
  // Only the discovery bench brings its own lab up; the ports bench uses the running, shared one.
  if (name === 'discovery')
    try {
      lab('down');
    } catch {
      // already down
    }
  process.exit(1);
});
