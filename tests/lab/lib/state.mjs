// RUN_DIR/state.json (what the lab started: profile, namespaces, PIDs) and RUN_DIR/lab.lock.
import fs from 'node:fs';
import path from 'node:path';
import { RUN_DIR } from '../topology.mjs';
import { isAlive } from './proc.mjs';

export const STATE_FILE = path.join(RUN_DIR, 'state.json');
export const LOCK_FILE = path.join(RUN_DIR, 'lab.lock');

/**
 * @typedef {{ name: string, ns: string, pid: number, cmd: string, log: string }} ProcRecord
 * @typedef {{ profile: string, phase: 'building'|'up', startedAt: string, namespaces: string[], processes: ProcRecord[], netnsDirs: string[] }} LabState
 */

/** RUN_DIR must look like a dedicated directory before we ever delete it. */
export function assertSafeRunDir(dir = RUN_DIR) {
  const parts = path.resolve(dir).split('/').filter(Boolean);
  if (!path.isAbsolute(dir) || parts.length < 2 || ['/tmp', '/run', '/var', '/home', '/root', '/etc', '/usr'].includes(path.resolve(dir))) {
    throw new Error(`refusing to use RUN_DIR=${dir}: give a dedicated directory such as /run/nvrlab`);
  }
}

/** @returns {LabState | null} */
export function readState() {
  try { return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')); } catch { return null; }
}

/** @param {LabState} s */
export function writeState(s) {
  fs.mkdirSync(RUN_DIR, { recursive: true });
  fs.writeFileSync(STATE_FILE + '.tmp', JSON.stringify(s, null, 2) + '\n');
  fs.renameSync(STATE_FILE + '.tmp', STATE_FILE);
}

/** Take RUN_DIR/lab.lock (bounded wait; a lock whose holder is dead is taken over). Returns a release function. */
export function acquireLock({ timeoutMs = 120_000, log = () => {} } = {}) {
  assertSafeRunDir();
  const deadline = Date.now() + timeoutMs;
  const nap = new Int32Array(new SharedArrayBuffer(4));
  let said = false;
  for (let i = 0; i < 100_000; i++) {
    fs.mkdirSync(RUN_DIR, { recursive: true });
    try {
      const fd = fs.openSync(LOCK_FILE, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => {
        try { if (fs.readFileSync(LOCK_FILE, 'utf8').trim() === String(process.pid)) fs.unlinkSync(LOCK_FILE); } catch { /* gone with RUN_DIR */ }
      };
    } catch (e) {
      if (e.code !== 'EEXIST' && e.code !== 'ENOENT') throw e;
    }
    let holder;
    try { holder = Number(fs.readFileSync(LOCK_FILE, 'utf8').trim()); } catch { continue; }
    if (!Number.isInteger(holder) || holder <= 0 || !isAlive(holder)) {
      try { fs.unlinkSync(LOCK_FILE); } catch { /* someone else took it over */ }
      continue;
    }
    if (Date.now() > deadline) throw new Error(`lab is busy: another lab command (PID ${holder}) holds ${LOCK_FILE}`);
    if (!said) { log(`lab: waiting for another lab command (PID ${holder}) to finish`); said = true; }
    Atomics.wait(nap, 0, 0, 100);
  }
  throw new Error('could not take the lab lock');
}
