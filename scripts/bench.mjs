#!/usr/bin/env node
// `npm run bench -- <name>`: benchmarks in the lab, each printed as a ratio to an anchor measured in the same
// run on the same hosts. Timed assertions do not belong in tests; these numbers are for people.
//   discovery  250 simulated devices (lab profile `scale`): completeness and time-to-last-device over 20 runs,
//              beside the npm `onvif` Discovery.probe and Debian's `onvif-util -a`. Target: 250/250 in ≤ 1.5 s.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCALE, scaleAddresses } from '../tests/lab/topology.mjs';

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
    for (let i = 0; i < runs; i++) {
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
  } finally {
    lab('down');
  }
}

const benches = { discovery: benchDiscovery };
if (!benches[name]) {
  process.stderr.write(
    `Unknown benchmark "${name}". Available: ${Object.keys(benches).join(', ')} (ports comes with the Ports step).\n`,
  );
  process.exit(2);
}
benches[name]().catch((err) => {
  process.stderr.write(`Benchmark failed: ${err.message}\n`);
  try {
    lab('down');
  } catch {
    // already down
  }
  process.exit(1);
});
