// Lab processes: start a daemon inside a namespace, keep its PID, stop it by PID only.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { run, sleep } from './exec.mjs';

/** Process state letter from /proc/PID/stat, or null if there is no such process. */
export function procState(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) S ..." — comm may contain spaces/parens, so split after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) || null;
  } catch {
    return null;
  }
}

/** Alive = exists and is not a zombie (this machine's PID 1 reaps orphans lazily). */
export function isAlive(pid) {
  const s = procState(pid);
  return s !== null && s !== 'Z' && s !== 'X';
}

/** The named namespace a PID lives in (`ip netns identify`), or '' if none / gone. */
export function pidNamespace(pid) {
  const r = run('ip', ['netns', 'identify', String(pid)], { allowFail: true, timeoutMs: 5000 });
  return r.code === 0 ? r.stdout.trim() : '';
}

/** PIDs inside a namespace (`ip netns pids`). */
export function namespacePids(ns) {
  const r = run('ip', ['netns', 'pids', ns], { allowFail: true, timeoutMs: 5000 });
  if (r.code !== 0) return [];
  return r.stdout.split(/\s+/).filter(Boolean).map(Number).filter((n) => Number.isInteger(n) && n > 1);
}

/**
 * Start `cmd args` inside `ns`, detached, stdout+stderr to `logFile`. `ip netns exec` execs the command,
 * so the returned PID is the daemon's own.
 * @returns {number}
 */
export function startInNamespace({ ns, cmd, args, logFile, env }) {
  const fd = fs.openSync(logFile, 'a');
  try {
    const child = spawn('ip', ['netns', 'exec', ns, cmd, ...args], {
      detached: true,
      stdio: ['ignore', fd, fd],
      env: env ?? process.env,
    });
    if (!child.pid) throw new Error(`could not start ${cmd} in ${ns}`);
    child.unref();
    return child.pid;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Stop one lab process: only if it still lives in namespace `ns`. SIGTERM, bounded wait, then SIGKILL.
 * @returns {Promise<'stopped'|'gone'|'foreign'>}
 */
export async function stopPid(pid, ns, { graceMs = 2000 } = {}) {
  if (!Number.isInteger(pid) || pid <= 1) return 'gone';
  if (!isAlive(pid)) return 'gone';
  const where = pidNamespace(pid);
  if (where !== ns) return isAlive(pid) ? 'foreign' : 'gone';
  try { process.kill(pid, 'SIGTERM'); } catch { return 'gone'; }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return 'stopped';
    await sleep(25);
  }
  if (pidNamespace(pid) === ns) {
    try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  for (let i = 0; i < 40 && isAlive(pid); i++) await sleep(25);
  return 'stopped';
}
