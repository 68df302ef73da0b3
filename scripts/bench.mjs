#!/usr/bin/env node
// `npm run bench -- <name>`: benchmarks in the lab, each printed as a ratio to an anchor measured in the same
// run on the same hosts. Timed assertions do not belong in tests; these numbers are for people.
//   discovery  250 simulated devices (lab profile `scale`): completeness and time-to-last-device over 20 runs,
//              beside the npm `onvif` Discovery.probe and Debian's `onvif-util -a`. Target: 250/250 in ≤ 1.5 s.
//   ports      (lab profile home, must be up) full 1–65535 connect scan of one host and a /24 × camera-ports sweep
//              with the built CLI's `ports-scan`, each as a ratio to nmap -sT -T4 (like for like; -sS shown too)
//              timed in the same run, median of 5 runs, and whether the open-port sets are identical.
//              Targets: ≤ 1.0× nmap -sT for both.
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
  const host = '192.168.50.64';
  const subnet = '192.168.50.0/24';
  const cases = [
    { label: `full 1-65535 of ${host}`, target: host, args: ['--full'], portSpec: () => '1-65535' },
    { label: `${subnet} x camera ports`, target: subnet, args: [], portSpec: (ours) => ours.ports.join(',') },
  ];
  for (const c of cases) {
    const rows = { ours: [], engine: [], portable: [], sT: [], sS: [] };
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
      identical &&= sameSets(ours.open, sT.open) && sameSets(ours.open, sS.open) && sameSets(portable.open, sT.open);
      rows.ours.push(ours.ms);
      rows.engine.push(ours.engineMs);
      rows.portable.push(portable.ms);
      rows.sT.push(sT.ms);
      rows.sS.push(sS.ms);
      process.stdout.write(
        `  ${c.label} run ${i + 1}/${n}: ours ${fmt(ours.ms)} (scan ${fmt(ours.engineMs)}), portable ${fmt(portable.ms)}, nmap -sT ${fmt(sT.ms)}, -sS ${fmt(sS.ms)}\n`,
      );
    }
    const [o, e, p, t, s] = [rows.ours, rows.engine, rows.portable, rows.sT, rows.sS].map(median);
    process.stdout.write(
      `${c.label} (${portCount} ports/host, median of ${n}):\n` +
        `  nvr-assist ports-scan  ${fmt(o)}  (of which the scan itself ${fmt(e)}; connector: ${[...connectors].join(', ')})\n` +
        `  same, net.connect only ${fmt(p)}  (NVR_ASSIST_TCP_CONNECTOR=portable)\n` +
        `  nmap -n -T4 -sT        ${fmt(t)}\n  nmap -n -T4 -sS        ${fmt(s)}\n` +
        `  ratio to nmap -sT: ${(o / t).toFixed(2)}x (scan only ${(e / t).toFixed(2)}x; net.connect only ${(p / t).toFixed(2)}x); to -sS: ${(o / s).toFixed(2)}x\n` +
        `  open-port sets identical to nmap in every run: ${identical ? 'yes' : 'NO'}\n` +
        `  target <= 1.0x nmap -sT: ${o <= t ? 'met' : 'NOT met'}\n\n`,
    );
  }
}

const benches = { discovery: benchDiscovery, ports: benchPorts };
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
