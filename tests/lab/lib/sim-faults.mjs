// Fault toggles of a running simulator for issue 11's tests (`lab.mjs sim <host> address-refuse|address-vanish on|off`):
// a flag file in the simulator's state dir, which the simulator reads every 250 ms; the command returns when the
// simulator says in its faults.json that it has taken the change (bounded). Flag files go with the lab at `down`.
import fs from 'node:fs';
import path from 'node:path';
import { RUN_DIR } from '../topology.mjs';
import { buildPlan } from './plan.mjs';
import { waitFor } from './exec.mjs';
import { isAlive, pidNamespace } from './proc.mjs';
import { readState, acquireLock } from './state.mjs';
import { restartLabProcess } from './lab.mjs';

export const SIM_FAULTS = ['address-refuse', 'address-vanish'];
const ACK_TIMEOUT_MS = 20_000;

const readJson = (file) => { try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return null; } };

/** Has the simulator (faults.json written by `pid`) taken `what` = `on`? */
export function faultTaken(report, pid, what, on) {
  if (!report || report.pid !== pid) return false;
  if (what === 'address-refuse') return report.refuse === on;
  return report.vanish === on && (on || report.vanished === false);
}

/**
 * Turn a fault toggle of one simulator on or off. A simulator started before it knew these toggles (its
 * faults.json does not name its PID) is restarted by its recorded PID first, the way `sim <host> renew` does
 * (stop, the same command line in its namespace, the new PID in state.json); `off` on such a simulator only
 * removes the flag (it never acted on it).
 * @returns {Promise<{ host: string, what: string, on: boolean, restarted: boolean, address: string | null, vanished: boolean }>}
 */
export async function setSimFault(host, what, mode, { log = () => {} } = {}) {
  if (!/^[a-z][a-z0-9-]{0,30}$/.test(host ?? '') || !SIM_FAULTS.includes(what) || (mode !== 'on' && mode !== 'off'))
    throw new Error(`usage: lab.mjs sim <host> ${SIM_FAULTS.join('|')} on|off`);
  const on = mode === 'on';
  const release = acquireLock({ log });
  try {
    const state = readState();
    if (!state || state.phase !== 'up') throw new Error('the lab is not up (run: node tests/lab/lab.mjs up)');
    const sim = buildPlan(state.profile).sims.find((s) => s.host === host);
    const rec = state.processes.find((p) => p.name === `sim-${host}`);
    if (!sim || !rec) throw new Error(`no simulator "${host}" in this lab`);
    if (sim.profile === 'rogue' || sim.profile === 'scale')
      throw new Error(`${host} does not play one device with network settings, so it has no ${what} toggle`);
    if (!isAlive(rec.pid) || pidNamespace(rec.pid) !== rec.ns) throw new Error(`sim-${host} (PID ${rec.pid}) is not running in ${rec.ns}`);
    const dir = path.join(RUN_DIR, `sim-${host}`);
    const flag = path.join(dir, what);
    const report = path.join(dir, 'faults.json');
    if (on) fs.writeFileSync(flag, 'on\n');
    else fs.rmSync(flag, { force: true });
    let restarted = false;
    if (readJson(report)?.pid !== rec.pid) {
      if (!on) return { host, what, on, restarted, address: null, vanished: false };
      log(`lab: the running ${host} simulator (PID ${rec.pid}) predates fault toggles: restarting it by PID`);
      await restartLabProcess(state, `sim-${host}`);
      restarted = true;
    }
    const now = await waitFor(() => {
      if (!isAlive(rec.pid)) throw new Error(`the ${host} simulator (PID ${rec.pid}) stopped`);
      const r = readJson(report);
      return faultTaken(r, rec.pid, what, on) ? r : null;
    }, { timeoutMs: ACK_TIMEOUT_MS, intervalMs: 100, what: `${host} to turn ${what} ${mode}` });
    return { host, what, on, restarted, address: now.address ?? null, vanished: !!now.vanished };
  } finally {
    release();
  }
}
