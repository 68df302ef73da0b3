// Build, inspect and tear down the lab. lab.mjs is the CLI around these functions.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUN_DIR, PREFIX, ns, LAN, ROUTER } from '../topology.mjs';
import { buildPlan, allLabNamespaces, hostCollisions } from './plan.mjs';
import { run, ip, ipn, ipBatch, nsRun, waitFor } from './exec.mjs';
import { isAlive, pidNamespace, namespacePids, startInNamespace, stopPid } from './proc.mjs';
import { readState, writeState, acquireLock, assertSafeRunDir, LOCK_FILE } from './state.mjs';
import { routerRuleset, carrierRuleset, miniupnpdConf, dnsmasqConf, dnsmasqHosts, DHCP_HOSTS_FILE } from './router.mjs';
import { ensureLabPackages } from './prereq.mjs';

const LAB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SIM_SCRIPT = path.join(LAB_DIR, 'sim', 'nvr-sim.mjs');
const READY_TIMEOUT_MS = 10_000;
const NETNS_ETC = '/etc/netns';

let aborted = '';
/** Ask a running `up` to stop and tear down (called from signal handlers). */
export const requestAbort = (why) => { aborted = why; };
const checkAbort = () => { if (aborted) throw new Error(`interrupted by ${aborted}`); };

/** Names of namespaces that exist right now. */
export function existingNamespaces() {
  return ip(['netns', 'list']).stdout.split('\n').map((l) => l.split(' ')[0]).filter(Boolean);
}

/** What the host namespace has (read-only listing for the collision check). */
function hostView() {
  const links = JSON.parse(ip(['-j', 'link', 'show']).stdout);
  return { interfaces: links.map((l) => l.ifname), namespaces: existingNamespaces() };
}

// ------------------------------------------------------------------ health / status

/** Is the recorded lab complete and running? */
export function health(state) {
  if (!state) return { healthy: false, problems: ['no lab state'] };
  const problems = [];
  if (state.phase !== 'up') problems.push(`lab is in phase "${state.phase}"`);
  const plan = buildPlan(state.profile);
  const have = new Set(existingNamespaces());
  for (const h of plan.hosts) if (!have.has(h.ns)) problems.push(`namespace ${h.ns} is missing`);
  for (const p of state.processes) {
    if (!isAlive(p.pid)) problems.push(`${p.name} (PID ${p.pid}) is not running`);
    else if (pidNamespace(p.pid) !== p.ns) problems.push(`PID ${p.pid} is no longer in ${p.ns}`);
  }
  return { healthy: problems.length === 0, problems };
}

/** Everything `status` shows. */
export function status() {
  const state = readState();
  const have = new Set(existingNamespaces());
  const plan = state ? buildPlan(state.profile) : null;
  const names = plan ? plan.hosts.map((h) => h.ns) : allLabNamespaces();
  const namespaces = names.filter((n) => plan || have.has(n)).map((n) => ({ name: n, exists: have.has(n) }));
  const addresses = {};
  for (const n of namespaces.filter((x) => x.exists)) {
    const r = run('ip', ['-n', n.name, '-j', 'addr', 'show'], { allowFail: true });
    if (r.code !== 0) continue;
    addresses[n.name.slice(PREFIX.length)] = JSON.parse(r.stdout).flatMap((l) =>
      (l.addr_info ?? []).filter((a) => a.family === 'inet' && a.local !== '127.0.0.1').map((a) => `${l.ifname} ${a.local}/${a.prefixlen}`));
  }
  const processes = (state?.processes ?? []).map((p) => ({ ...p, alive: isAlive(p.pid) && pidNamespace(p.pid) === p.ns }));
  const h = health(state);
  return {
    up: !!state,
    profile: state?.profile ?? null,
    phase: state?.phase ?? 'down',
    healthy: h.healthy,
    problems: state ? h.problems : [],
    runDir: RUN_DIR,
    namespaces,
    processes,
    addresses,
  };
}

// ------------------------------------------------------------------ teardown

/**
 * Stop every lab process (recorded ones and anything else living in a lab namespace), delete the namespaces,
 * /etc/netns/nvrlab-* and RUN_DIR's files (the lock is kept when `keepLock`).
 */
export async function teardown({ log = () => {}, keepLock = false } = {}) {
  assertSafeRunDir();
  const state = readState();
  const stops = (state?.processes ?? []).slice().reverse().map((p) => stopPid(p.pid, p.ns).then((r) => {
    if (r === 'foreign') log(`lab: PID ${p.pid} (${p.name}) is no longer in ${p.ns}; left alone`);
  }));
  await Promise.all(stops);
  const known = new Set([...allLabNamespaces(), ...(state?.namespaces ?? [])].filter((n) => n.startsWith(PREFIX)));
  const have = new Set(existingNamespaces());
  for (const n of known) {
    if (!have.has(n)) continue;
    await Promise.all(namespacePids(n).map((pid) => stopPid(pid, n, { graceMs: 1000 })));
    ip(['netns', 'del', n], { allowFail: true });
  }
  for (const n of known) fs.rmSync(path.join(NETNS_ETC, n), { recursive: true, force: true });
  if (fs.existsSync(RUN_DIR)) {
    for (const entry of fs.readdirSync(RUN_DIR)) {
      if (keepLock && path.join(RUN_DIR, entry) === LOCK_FILE) continue;
      fs.rmSync(path.join(RUN_DIR, entry), { recursive: true, force: true });
    }
  }
  const left = existingNamespaces().filter((n) => known.has(n));
  if (left.length) throw new Error(`could not delete namespaces: ${left.join(' ')}`);
}

/** `down`: tear everything down, including RUN_DIR itself. */
export async function down({ log = () => {} } = {}) {
  const release = acquireLock({ log });
  try {
    await teardown({ log, keepLock: true });
  } finally {
    release();
    try { fs.rmdirSync(RUN_DIR); } catch { /* not empty (another command waiting) or already gone */ }
  }
}

// ------------------------------------------------------------------ build

function writeNetnsEtc(host) {
  const dir = path.join(NETNS_ETC, host.ns);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'resolv.conf'), `# nvrlab ${host.host}\nnameserver ${host.resolver}\n${host.role === 'client' || host.role === 'sim' || host.role === 'rogue' || host.role === 'scale' ? `search ${LAN.domain}\n` : ''}options timeout:1 attempts:1\n`);
  const hostname = run('hostname', [], { allowFail: true }).stdout.trim();
  fs.writeFileSync(path.join(dir, 'hosts'), `127.0.0.1\tlocalhost\n${hostname ? `127.0.1.1\t${hostname}\n` : ''}::1\tlocalhost ip6-localhost ip6-loopback\n`);
}

function buildNetwork(plan, state) {
  for (const h of plan.hosts) writeNetnsEtc(h);
  state.netnsDirs = plan.hosts.map((h) => path.join(NETNS_ETC, h.ns));
  for (const h of plan.hosts) {
    checkAbort();
    ip(['netns', 'add', h.ns]);
    state.namespaces.push(h.ns);
    writeState(state);
  }
  const byHost = Object.fromEntries(plan.hosts.map((h) => [h.host, h]));
  const router = ns(plan.bridge.host);
  ipn(router, ['link', 'add', plan.bridge.name, 'address', plan.bridge.mac, 'type', 'bridge', 'mcast_snooping', '0', 'stp_state', '0', 'forward_delay', '0']);
  for (const v of plan.veths) {
    checkAbort();
    ipn(ns(v.a.host), ['link', 'add', v.a.ifname, 'type', 'veth', 'peer', 'name', v.b.ifname, 'netns', ns(v.b.host)]);
  }
  const perNs = new Map(plan.hosts.map((h) => [h.ns, ['link set lo up']]));
  for (const port of plan.bridge.ports) perNs.get(router).push(`link set ${port} master ${plan.bridge.name}`, `link set ${port} up`);
  perNs.get(router).push(`addr add ${plan.bridge.addr} dev ${plan.bridge.name}`, `link set ${plan.bridge.name} up`);
  for (const h of plan.hosts) {
    const cmds = perNs.get(h.ns);
    for (const i of h.ifaces) {
      if (i.name !== 'lo' && i.mac) cmds.push(`link set ${i.name} address ${i.mac}`);
      for (const a of i.addrs) cmds.push(`addr add ${a} dev ${i.name}`);
      if (i.name !== 'lo') cmds.push(`link set ${i.name} up`);
    }
    for (const r of h.routes) cmds.push(`route add ${r}`);
  }
  // sysctls before routes matter only for forwarding; set them first.
  for (const h of plan.hosts) {
    const keys = Object.entries(h.sysctls);
    if (keys.length === 0) continue;
    for (const [k, v] of keys) {
      const r = nsRun(h.ns, 'sysctl', ['-q', '-w', `${k}=${v}`], { allowFail: true });
      if (r.code !== 0 && !k.startsWith('net.bridge.')) throw new Error(`sysctl ${k} in ${h.ns}: ${r.stderr.trim()}`);
    }
  }
  for (const [n, cmds] of perNs) { checkAbort(); ipBatch(n, cmds); }
  if (byHost.carrier) nsRun(byHost.carrier.ns, 'nft', ['-f', '-'], { input: carrierRuleset() });
  nsRun(router, 'nft', ['-f', '-'], { input: routerRuleset(plan.routerWanIf) });
}

function logPath(name) {
  fs.mkdirSync(path.join(RUN_DIR, 'logs'), { recursive: true });
  return path.join(RUN_DIR, 'logs', `${name}.log`);
}

const tail = (file) => { try { return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-8).join('\n'); } catch { return ''; } };

/** Start a lab process and record it in the state at once (so teardown finds it even if `up` fails later). */
function startProcess(state, { name, host, cmd, args }) {
  checkAbort();
  const log = logPath(name);
  const nsName = ns(host);
  const pid = startInNamespace({ ns: nsName, cmd, args, logFile: log });
  const rec = { name, ns: nsName, pid, cmd: [cmd, ...args].join(' '), log };
  state.processes.push(rec);
  writeState(state);
  return rec;
}

async function waitReadyLine(rec, timeoutMs = READY_TIMEOUT_MS) {
  await withLogOnError(rec, waitFor(() => {
    if (!isAlive(rec.pid)) throw new Error(`${rec.name} exited during start`);
    try { return /^READY\s*$/m.test(fs.readFileSync(rec.log, 'utf8')); } catch { return false; }
  }, { timeoutMs, what: `${rec.name} to print READY`, abort: checkAbort }));
}

async function waitListening(rec, proto, port, timeoutMs = READY_TIMEOUT_MS) {
  await withLogOnError(rec, waitFor(() => {
    if (!isAlive(rec.pid)) throw new Error(`${rec.name} exited during start`);
    const r = nsRun(rec.ns, 'ss', [proto === 'udp' ? '-Hlnu' : '-Hlnt', `sport = :${port}`], { allowFail: true });
    return r.code === 0 && r.stdout.trim() !== '';
  }, { timeoutMs, what: `${rec.name} to listen on ${proto} port ${port}`, abort: checkAbort }));
}

/** Failures while starting a process carry the end of its log (the log itself goes with teardown). */
async function withLogOnError(rec, promise) {
  try {
    return await promise;
  } catch (e) {
    if (String(e.message).startsWith('interrupted')) throw e;
    throw new Error(`${e.message}\n--- ${rec.log} (last lines) ---\n${tail(rec.log)}`, { cause: e });
  }
}

async function startWan(state) {
  const node = process.execPath;
  const wanDir = path.join(LAB_DIR, 'wan');
  // STUN first: miniupnpd asks it for the external address when it starts.
  const procs = [
    startProcess(state, { name: 'wan-stun', host: 'wan', cmd: node, args: [path.join(wanDir, 'stun.mjs')] }),
    startProcess(state, { name: 'wan-checker', host: 'wan', cmd: node, args: [path.join(wanDir, 'checker.mjs')] }),
    startProcess(state, { name: 'wan-dns', host: 'wan', cmd: node, args: [path.join(wanDir, 'dns-server.mjs'), '--state-dir', RUN_DIR] }),
  ];
  await Promise.all(procs.map((p) => waitReadyLine(p)));
}

/** How the lab starts dnsmasq (in the router's namespace). */
const dnsmasqSpec = () => ({ name: 'dnsmasq', host: 'router', cmd: 'dnsmasq', args: ['--keep-in-foreground', `--conf-file=${path.join(RUN_DIR, 'dnsmasq.conf')}`] });
/** How the lab starts miniupnpd (in the router's namespace). */
const miniupnpdSpec = () => ({ name: 'miniupnpd', host: 'router', cmd: 'miniupnpd', args: ['-d', '-f', path.join(RUN_DIR, 'miniupnpd.conf'), '-P', path.join(RUN_DIR, 'miniupnpd.pid')] });
/** How the lab starts one simulator (in its own namespace). */
const simSpec = (sim) => ({ name: `sim-${sim.host}`, host: sim.host, cmd: process.execPath, args: [SIM_SCRIPT, ...simArgs(sim)] });

async function startRouter(plan, state) {
  fs.writeFileSync(path.join(RUN_DIR, 'dnsmasq.conf'), dnsmasqConf({ runDir: RUN_DIR }));
  fs.writeFileSync(path.join(RUN_DIR, 'dnsmasq.hosts'), dnsmasqHosts(plan));
  fs.writeFileSync(path.join(RUN_DIR, 'dnsmasq.leases'), '');
  fs.writeFileSync(path.join(RUN_DIR, DHCP_HOSTS_FILE), '');
  fs.writeFileSync(path.join(RUN_DIR, 'miniupnpd.conf'), miniupnpdConf({ wanIf: plan.routerWanIf, runDir: RUN_DIR }));
  const dnsmasq = startProcess(state, dnsmasqSpec());
  const upnp = startProcess(state, miniupnpdSpec());
  await Promise.all([
    waitListening(dnsmasq, 'udp', 53),
    waitListening(upnp, 'tcp', ROUTER.upnpHttpPort),
  ]);
}

/** Arguments for one simulator (see tests/lab/sim). */
export function simArgs(sim) {
  const a = ['--profile', sim.profile, '--host', sim.host, '--ip', sim.ip, '--prefix', String(LAN.prefix), '--gateway', LAN.gateway,
    '--iface', 'eth0', '--mac', sim.mac, '--name', sim.name, '--state-dir', path.join(RUN_DIR, `sim-${sim.host}`)];
  if (sim.count) a.push('--count', String(sim.count));
  if (sim.upnp) a.push('--upnp');
  if (sim.clockOffset) a.push('--clock-offset', String(sim.clockOffset));
  return a;
}

async function startSims(plan, state, log) {
  if (process.env.NVRLAB_NO_SIMS === '1') {
    log('lab: NVRLAB_NO_SIMS=1: starting no simulators');
    return;
  }
  if (!fs.existsSync(SIM_SCRIPT)) {
    log(`lab: WARNING: ${path.relative(process.cwd(), SIM_SCRIPT)} does not exist yet; starting no simulators`);
    return;
  }
  const recs = plan.sims.map((sim) => {
    fs.mkdirSync(path.join(RUN_DIR, `sim-${sim.host}`), { recursive: true });
    return startProcess(state, simSpec(sim));
  });
  await Promise.all(recs.map((r) => waitReadyLine(r, plan.profile === 'scale' ? 30_000 : READY_TIMEOUT_MS)));
  const dhcp = plan.sims.filter((s) => s.ip === 'dhcp');
  if (dhcp.length) {
    const leases = path.join(RUN_DIR, 'dnsmasq.leases');
    try {
      await waitFor(() => dhcp.every((s) => fs.readFileSync(leases, 'utf8').toLowerCase().includes(s.mac)), { timeoutMs: 8000, what: 'the DHCP simulators\' leases', abort: checkAbort });
    } catch (e) {
      if (String(e.message).startsWith('interrupted')) throw e;
      log(`lab: WARNING: no DHCP lease yet for ${dhcp.map((s) => s.host).join(', ')} (${leases})`);
    }
  }
}

/**
 * `up`: build the lab for a profile, or do nothing if it is already up and healthy.
 * @returns {Promise<{ changed: boolean, state: import('./state.mjs').LabState }>}
 */
export async function up({ profile = 'home', log = () => {} } = {}) {
  const plan = buildPlan(profile);
  const release = acquireLock({ log });
  try {
    if (!ensureLabPackages({ log, groups: ['core', 'tools', 'sim'] })) throw new Error('missing packages (see above)');
    const previous = readState();
    if (previous && previous.profile === profile && health(previous).healthy) {
      log(`lab: already up (profile ${profile})`);
      return { changed: false, state: previous };
    }
    const ours = new Set(allLabNamespaces());
    const stray = existingNamespaces().filter((n) => ours.has(n));
    if (previous) {
      log(previous.profile === profile ? `lab: rebuilding an incomplete lab (${health(previous).problems.slice(0, 3).join('; ')})` : `lab: switching profile ${previous.profile} → ${profile}`);
      await teardown({ log, keepLock: true });
    } else if (stray.length) {
      throw new Error(`lab namespaces exist but ${RUN_DIR} has no lab state (${stray.join(' ')}); run \`node tests/lab/lab.mjs down\` first`);
    }
    const collisions = hostCollisions(plan, hostView());
    if (collisions.length) throw new Error(`refusing to build the lab: ${collisions.join('; ')}`);

    const t0 = Date.now();
    /** @type {import('./state.mjs').LabState} */
    const state = { profile, phase: 'building', startedAt: new Date().toISOString(), namespaces: [], processes: [], netnsDirs: [] };
    writeState(state);
    try {
      buildNetwork(plan, state);
      writeState(state);
      await startWan(state);
      await startRouter(plan, state);
      await startSims(plan, state, log);
      state.phase = 'up';
      writeState(state);
    } catch (e) {
      if (process.env.NVRLAB_KEEP_FAILED === '1' && !aborted) {
        log(`lab: up failed; NVRLAB_KEEP_FAILED=1 keeps the half-built lab for inspection (logs in ${RUN_DIR}/logs)`);
        throw e;
      }
      log(`lab: up failed, tearing down`);
      await teardown({ log, keepLock: true });
      throw e;
    }
    log(`lab: up (profile ${profile}, ${state.namespaces.length} namespaces, ${state.processes.length} processes, ${Date.now() - t0} ms)`);
    return { changed: true, state };
  } finally {
    release();
    // A failed or interrupted up leaves nothing behind either: drop RUN_DIR when it holds no lab.
    if (!readState()) try { fs.rmdirSync(RUN_DIR); } catch { /* not empty or gone */ }
  }
}

/**
 * Restart one daemon of a running lab (`dnsmasq` or `sim-<host>`) the way `up` starts it: stop the recorded PID
 * (only while it still lives in its namespace), start it again in that namespace with the same log, record the
 * new PID in the state and wait until it is ready (dnsmasq: listening on 53 and 67; a simulator: a new READY).
 * The caller holds the lab lock and passes the state it read under it.
 * @param {import('./state.mjs').LabState} state
 * @param {string} name
 */
/**
 * `router upnp-secure on|off`: miniupnpd's secure mode (on at lab up, as on most routers: a device may only add or
 * delete mappings to itself; another host's DeletePortMapping gets 606). Off, any LAN host may delete any mapping,
 * as on some ISP boxes. The config is written again and miniupnpd restarted by PID; its lease file keeps the mappings.
 */
export async function setRouterUpnpSecure(on, { log = () => {} } = {}) {
  const release = acquireLock({ log });
  try {
    const state = readState();
    if (!state || state.phase !== 'up') throw new Error('the lab is not up');
    const conf = path.join(RUN_DIR, 'miniupnpd.conf');
    const text = fs.readFileSync(conf, 'utf8');
    const next = text.replace(/^secure_mode=(yes|no)$/m, `secure_mode=${on ? 'yes' : 'no'}`);
    if (next === text) return { changed: false };
    fs.writeFileSync(conf, next);
    await restartLabProcess(state, 'miniupnpd');
    return { changed: true };
  } finally {
    release();
  }
}

export async function restartLabProcess(state, name) {
  const rec = state.processes.find((p) => p.name === name);
  if (!rec) throw new Error(`${name} is not running in this lab`);
  const sim = buildPlan(state.profile).sims.find((s) => `sim-${s.host}` === name);
  const spec = name === 'dnsmasq' ? dnsmasqSpec() : name === 'miniupnpd' ? miniupnpdSpec() : sim ? simSpec(sim) : null;
  if (!spec) throw new Error(`the lab does not know how to restart ${name}`);
  const stopped = await stopPid(rec.pid, rec.ns);
  if (stopped === 'foreign') throw new Error(`PID ${rec.pid} (${name}) is no longer in ${rec.ns}; left alone`);
  let offset = 0;
  try { offset = fs.statSync(rec.log).size; } catch { /* no log yet */ }
  const pid = startInNamespace({ ns: rec.ns, cmd: spec.cmd, args: spec.args, logFile: rec.log });
  Object.assign(rec, { pid, cmd: [spec.cmd, ...spec.args].join(' ') });
  writeState(state);
  if (name === 'dnsmasq') {
    await waitListening(rec, 'udp', 53);
    await waitListening(rec, 'udp', 67);
  } else if (name === 'miniupnpd') {
    await waitListening(rec, 'tcp', ROUTER.upnpHttpPort);
  } else {
    await withLogOnError(rec, waitFor(() => {
      if (!isAlive(rec.pid)) throw new Error(`${name} exited during start`);
      return /^READY\s*$/m.test(readFrom(rec.log, offset));
    }, { timeoutMs: READY_TIMEOUT_MS * 3, what: `${name} to print READY` }));
  }
  return rec;
}

/** A file's text from byte `offset` on ('' if it cannot be read). */
export function readFrom(file, offset) {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      if (size <= offset) return '';
      const buf = Buffer.alloc(Math.min(size - offset, 4 * 1024 * 1024));
      const n = fs.readSync(fd, buf, 0, buf.length, offset);
      return buf.subarray(0, n).toString('utf8');
    } finally { fs.closeSync(fd); }
  } catch { return ''; }
}

/** The namespace name for a host given without the prefix (validated). */
export function hostNamespace(host) {
  const name = host.startsWith(PREFIX) ? host : ns(host);
  if (!allLabNamespaces().includes(name)) {
    throw new Error(`unknown lab host "${host}" (one of ${allLabNamespaces().map((n) => n.slice(PREFIX.length)).join(', ')})`);
  }
  return name;
}

