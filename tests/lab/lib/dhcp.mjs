// DHCP in a running lab: reservations in the router's dnsmasq (`lab.mjs dhcp …`) and a simulator's renewal
// (`lab.mjs sim <host> renew`). Signals go only to recorded PIDs, after checking their namespace.
import fs from 'node:fs';
import path from 'node:path';
import { RUN_DIR } from '../topology.mjs';
import { buildPlan } from './plan.mjs';
import { waitFor } from './exec.mjs';
import { isAlive, pidNamespace } from './proc.mjs';
import { readState, acquireLock } from './state.mjs';
import { restartLabProcess, readFrom } from './lab.mjs';
import {
  dnsmasqConf, DHCP_HOSTS_FILE, parseReservation, parseReservations, formatReservations, parseLeases, planReservation, normalizeMac,
} from './router.mjs';

const HOSTS_FILE = path.join(RUN_DIR, DHCP_HOSTS_FILE);
const CONF_FILE = path.join(RUN_DIR, 'dnsmasq.conf');
const LEASES_FILE = path.join(RUN_DIR, 'dnsmasq.leases');
const RELOAD_TIMEOUT_MS = 5000;
const RENEW_TIMEOUT_MS = 60_000;

const readText = (file) => { try { return fs.readFileSync(file, 'utf8'); } catch { return ''; } };

/** The reservations dnsmasq reads, with each MAC's current lease (null when it has none). */
export function listReservations() {
  const leases = parseLeases(readText(LEASES_FILE));
  return parseReservations(readText(HOSTS_FILE)).map((r) => ({ ...r, lease: leases.find((l) => l.mac === r.mac)?.ip ?? null }));
}

function requireRunning(state, name) {
  const rec = state?.processes.find((p) => p.name === name);
  if (!rec) throw new Error(`${name} is not part of this lab`);
  if (!isAlive(rec.pid) || pidNamespace(rec.pid) !== rec.ns) throw new Error(`${name} (PID ${rec.pid}) is not running in ${rec.ns}`);
  return rec;
}

function writeAtomic(file, text) {
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
}

/**
 * Make dnsmasq read the reservations file again: SIGHUP to its recorded PID (after checking its namespace), then
 * wait (bounded) for its log to say it read the file. A dnsmasq started before the lab wrote `dhcp-hostsfile=`
 * into its config (a lab that has been up since before this command existed) gets the new config and is restarted
 * by PID instead; its leases file stays, so every lease survives.
 */
async function reloadDnsmasq(state, log) {
  if (!readText(CONF_FILE).includes(`dhcp-hostsfile=${HOSTS_FILE}`)) {
    log('lab: the running dnsmasq has no reservations file in its config: rewriting the config and restarting dnsmasq (by PID)');
    writeAtomic(CONF_FILE, dnsmasqConf({ runDir: RUN_DIR }));
    await restartLabProcess(state, 'dnsmasq');
    return;
  }
  const rec = requireRunning(state, 'dnsmasq');
  let offset = 0;
  try { offset = fs.statSync(rec.log).size; } catch { /* no log */ }
  process.kill(rec.pid, 'SIGHUP');
  await waitFor(() => readFrom(rec.log, offset).includes(`read ${HOSTS_FILE}`), {
    timeoutMs: RELOAD_TIMEOUT_MS, what: `dnsmasq (PID ${rec.pid}) to read ${HOSTS_FILE} again`,
  });
}

function requireUpState() {
  const st = readState();
  if (!st || st.phase !== 'up') throw new Error('the lab is not up (run: node tests/lab/lab.mjs up)');
  return st;
}

/**
 * Reserve `ip` for `mac` (idempotent; a MAC's reservation is replaced by a new address). Refused: a malformed MAC
 * or address, an address outside the LAN, one another reservation holds, a lab host's fixed address, one leased to
 * another MAC. The reservation wins over the MAC's current lease at its next DHCP request (dnsmasq NAKs the old
 * address with "static lease available" and offers the reserved one).
 * @returns {Promise<{ action: 'same'|'add'|'change', mac: string, ip: string, previous?: string }>}
 */
export async function reserve(words, { log = () => {} } = {}) {
  const r = parseReservation(words);
  const release = acquireLock({ log });
  try {
    const state = requireUpState();
    fs.mkdirSync(RUN_DIR, { recursive: true });
    const plan = planReservation(parseReservations(readText(HOSTS_FILE)), r, parseLeases(readText(LEASES_FILE)));
    if (plan.action === 'same' && readText(CONF_FILE).includes(`dhcp-hostsfile=${HOSTS_FILE}`)) return { action: 'same', ...r };
    writeAtomic(HOSTS_FILE, formatReservations(plan.list));
    await reloadDnsmasq(state, log);
    return { action: plan.action, ...r, ...(plan.previous ? { previous: plan.previous } : {}) };
  } finally {
    release();
  }
}

/** Remove a MAC's reservation (idempotent). @returns {Promise<{ removed: string | null, mac: string }>} the address it had */
export async function unreserve([mac], { log = () => {} } = {}) {
  const m = normalizeMac(mac);
  if (!m) throw new Error(`"${mac ?? ''}" is not a device MAC address (six hex pairs, e.g. 02:00:c0:a8:32:43)`);
  const release = acquireLock({ log });
  try {
    const state = requireUpState();
    const list = parseReservations(readText(HOSTS_FILE));
    const mine = list.find((x) => x.mac === m);
    if (!mine) return { removed: null, mac: m };
    writeAtomic(HOSTS_FILE, formatReservations(list.filter((x) => x.mac !== m)));
    await reloadDnsmasq(state, log);
    return { removed: mine.ip, mac: m };
  } finally {
    release();
  }
}

/**
 * `sim <host> renew`: the simulator runs its DHCP client again now (SIGHUP to its recorded PID after checking its
 * namespace) and moves to whatever the router gives it; resolves when it has (bounded). A simulator that started
 * before it knew this signal (no `renew.json` naming its PID) is restarted by PID instead: a restart asks for a
 * lease too, as a camera does after a reboot. Refused for a simulator without DHCP (plain words).
 * @returns {Promise<{ host: string, previous: string | null, address: string, restarted: boolean }>}
 */
export async function renewSim(host, { log = () => {} } = {}) {
  if (!/^[a-z][a-z0-9-]{0,30}$/.test(host ?? '')) throw new Error('usage: lab.mjs sim <host> renew');
  const release = acquireLock({ log });
  try {
    const state = requireUpState();
    const sim = buildPlan(state.profile).sims.find((s) => s.host === host);
    if (!sim || !state.processes.some((p) => p.name === `sim-${host}`)) throw new Error(`no simulator "${host}" in this lab`);
    const dir = path.join(RUN_DIR, `sim-${host}`);
    let net = null;
    try { net = JSON.parse(readText(path.join(dir, 'state.json'))).net ?? null; } catch { /* not written yet */ }
    if (sim.ip !== 'dhcp' && !net?.dhcp) throw new Error(`${host} has a fixed address (${net?.address ?? sim.ip}) and no DHCP client: there is no lease to renew`);
    if (net && !net.dhcp) throw new Error(`${host} has been given a fixed address (${net.address}), so it has no DHCP lease to renew; put it back on DHCP first`);
    const rec = requireRunning(state, `sim-${host}`);
    const previous = readText(path.join(dir, 'address')).trim() || null;
    const renewFile = path.join(dir, 'renew.json');
    let before = null;
    try { before = JSON.parse(readText(renewFile)); } catch { /* an older simulator */ }
    if (!before || before.pid !== rec.pid) {
      log(`lab: the running ${host} simulator (PID ${rec.pid}) predates renewals: restarting it by PID; it asks for a lease as it starts`);
      await restartLabProcess(state, `sim-${host}`);
      const address = readText(path.join(dir, 'address')).trim();
      return { host, previous, address, restarted: true };
    }
    process.kill(rec.pid, 'SIGHUP');
    const after = await waitFor(() => {
      if (!isAlive(rec.pid)) throw new Error(`the ${host} simulator (PID ${rec.pid}) stopped while renewing`);
      let j;
      try { j = JSON.parse(readText(renewFile)); } catch { return null; }
      return j?.pid === rec.pid && j.count > before.count ? j : null;
    }, { timeoutMs: RENEW_TIMEOUT_MS, intervalMs: 100, what: `${host} to renew its lease` });
    if (!after.ok) throw new Error(`${host} could not renew: ${after.error ?? 'no reason given'}`);
    return { host, previous: after.previous ?? previous, address: after.address, restarted: false };
  } finally {
    release();
  }
}
