// Helpers for the vitest suites that drive the lab (types in testkit.d.mts). Everything network-related runs
// inside a lab namespace through `ip netns exec`; the test process itself stays in the host namespace and
// only runs commands.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as topology from '../topology.mjs';

export * from '../topology.mjs';
export { buildPlan, hostCollisions, allLabNamespaces, createdNames } from './plan.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const LAB_CLI = path.resolve(HERE, '..', 'lab.mjs');
export const PROBE = path.resolve(HERE, 'probe.mjs');
export const STATE_PATH = path.join(topology.RUN_DIR, 'state.json');

/** Run `node tests/lab/lab.mjs …` (bounded). */
export function lab(args, { timeoutMs = 120_000, env } = {}) {
  const r = spawnSync(process.execPath, [LAB_CLI, ...args], { encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', signal: r.signal };
}

/** Run a command inside a lab host's namespace (bounded). */
export function inNs(host, cmd, args = [], { timeoutMs = 30_000, input } = {}) {
  const r = spawnSync('ip', ['netns', 'exec', topology.ns(host), cmd, ...args], { encoding: 'utf8', timeout: timeoutMs, input, killSignal: 'SIGKILL' });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Run a probe (tests/lab/lib/probe.mjs) in a host's namespace and parse its JSON line. */
export function probe(host, args, opts) {
  const r = inNs(host, process.execPath, [PROBE, ...args], opts);
  if (r.code !== 0) throw new Error(`probe ${args.join(' ')} in ${host} failed (${r.code}): ${r.stderr.trim()}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** HTTP GET from inside a namespace with curl; returns status and body. */
export function httpGet(host, url, { user, timeoutS = 5 } = {}) {
  const args = ['-sS', '--max-time', String(timeoutS), '-o', '-', '-w', '\n%{http_code}'];
  if (user) args.push('-u', user);
  const r = inNs(host, 'curl', [...args, url], { timeoutMs: (timeoutS + 5) * 1000 });
  if (r.code !== 0) throw new Error(`curl ${url} in ${host} failed (${r.code}): ${r.stderr.trim()}`);
  const i = r.stdout.lastIndexOf('\n');
  return { status: Number(r.stdout.slice(i + 1)), body: r.stdout.slice(0, i) };
}

/**
 * Start a long-running command in a namespace and wait (bounded) for a line on stdout.
 * @returns {Promise<{ pid: number, stop: () => Promise<void>, output: () => string }>}
 */
export function startInNs(host, cmd, args, { readyLine = 'READY', timeoutMs = 10_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn('ip', ['netns', 'exec', topology.ns(host), cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let settled = false;
    const stop = () => new Promise((res) => {
      if (child.exitCode !== null || child.signalCode !== null) return res();
      const t = setTimeout(() => { child.kill('SIGKILL'); }, 2000);
      child.once('exit', () => { clearTimeout(t); res(); });
      child.kill('SIGTERM');
    });
    const timer = setTimeout(() => { if (!settled) { settled = true; stop().then(() => reject(new Error(`${cmd} in ${host}: no "${readyLine}" within ${timeoutMs} ms; output: ${out}`))); } }, timeoutMs);
    child.stdout.on('data', (d) => {
      out += d;
      if (!settled && out.split('\n').some((l) => l.trim() === readyLine)) {
        settled = true;
        clearTimeout(timer);
        resolve({ pid: child.pid, stop, output: () => out });
      }
    });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => {
      if (!settled) { settled = true; clearTimeout(timer); reject(new Error(`${cmd} in ${host} exited ${code} before "${readyLine}": ${out}`)); }
    });
  });
}

const SIM = path.resolve(HERE, '..', 'sim', 'nvr-sim.mjs');

/**
 * A throw-away pair of namespaces for one simulator, outside the lab: `simt-<name>-dev` (the simulator, with
 * `devAddresses` on its eth0) and `simt-<name>-cli` (`clientAddress`), joined by one veth, multicast routed on it.
 * Starts `nvr-sim.mjs <simArgs> --state-dir <temp>` in the device namespace and waits (bounded) for READY.
 * `stop()` ends the simulator by PID (TERM, then KILL after 5 s) and removes both namespaces and the state dir;
 * a failed start cleans up the same way before it throws.
 * @returns {Promise<{ dev: string, cli: string, stateDir: string, stop: () => Promise<void> }>}
 */
export async function startSimPair(name, { devAddresses, clientAddress, simArgs, readyTimeoutMs = 20_000 }) {
  const dev = `simt-${name}-dev`;
  const cli = `simt-${name}-cli`;
  const ip = (...a) => spawnSync('ip', a, { encoding: 'utf8', timeout: 20_000 });
  for (const n of [dev, cli]) ip('netns', 'del', n);
  ip('netns', 'add', dev);
  ip('netns', 'add', cli);
  ip('-n', cli, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', dev);
  const batch = devAddresses.map((a) => `address add ${a} dev eth0`).join('\n');
  spawnSync('ip', ['-n', dev, '-batch', '-'], { input: `${batch}\n`, encoding: 'utf8', timeout: 20_000 });
  ip('-n', cli, 'addr', 'add', clientAddress, 'dev', 'eth0');
  for (const n of [dev, cli]) {
    ip('-n', n, 'link', 'set', 'lo', 'up');
    ip('-n', n, 'link', 'set', 'eth0', 'up');
    ip('-n', n, 'route', 'add', '224.0.0.0/4', 'dev', 'eth0');
  }
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), `simt-${name}-`));
  const child = spawn('ip', ['netns', 'exec', dev, process.execPath, SIM, ...simArgs, '--state-dir', stateDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', () => {});
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise((res) => {
        const t = setTimeout(() => { child.kill('SIGKILL'); res(); }, 5000);
        child.once('exit', () => { clearTimeout(t); res(); });
        child.kill('SIGTERM');
      });
    }
    for (const n of [dev, cli]) ip('netns', 'del', n);
    fs.rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    await pollUntil(() => out.includes('READY') || child.exitCode !== null, {
      timeoutMs: readyTimeoutMs,
      what: `the ${name} simulator to print READY`,
    });
    if (!out.includes('READY')) throw new Error(`the ${name} simulator exited before READY: ${out.slice(0, 500)}`);
  } catch (err) {
    await stop();
    throw err;
  }
  return { dev, cli, stateDir, stop };
}

/** Poll until fn() returns a truthy value (bounded). */
export async function pollUntil(fn, { timeoutMs = 10_000, intervalMs = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (let i = 0; i < 10_000; i++) {
    last = await fn();
    if (last) return last;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** The lab's state.json, or null when the lab is down. */
export function readLabState() {
  try { return JSON.parse(fs.readFileSync(STATE_PATH, 'utf8')); } catch { return null; }
}

/** Namespaces that exist (`ip netns list`). */
export function netnsList() {
  const r = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8', timeout: 5000 });
  return (r.stdout ?? '').split('\n').map((l) => l.split(' ')[0]).filter(Boolean);
}

/** Process alive and not a zombie. */
export function pidAlive(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = s.slice(s.lastIndexOf(')') + 2, s.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** `ip netns identify PID`. */
export function pidNetns(pid) {
  const r = spawnSync('ip', ['netns', 'identify', String(pid)], { encoding: 'utf8', timeout: 5000 });
  return (r.stdout ?? '').trim();
}
