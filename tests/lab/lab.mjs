#!/usr/bin/env node
// The NVR lab: a virtual LAN in network namespaces (see tests/lab/README.md).
//   node tests/lab/lab.mjs up [--profile home|cgnat|scale]
//   node tests/lab/lab.mjs down
//   node tests/lab/lab.mjs status [--json]
//   node tests/lab/lab.mjs exec <host> <cmd…>
//   node tests/lab/lab.mjs forward add|del tcp|udp <extPort> <lanIp> <lanPort>
//   node tests/lab/lab.mjs forward list [--json]
//   node tests/lab/lab.mjs rogue quiet|loud   (quiet: the rogue host stops answering for 90 s, for fragile tools)
//   node tests/lab/lab.mjs dhcp reserve <mac> <ip> | dhcp unreserve <mac> | dhcp list [--json]
//   node tests/lab/lab.mjs sim <host> rtsp-fixed on|off | sim <host> renew | sim <host> upnp-renew <seconds>|off
//   node tests/lab/lab.mjs router upnp-secure on|off
//   node tests/lab/lab.mjs sim <host> address-refuse on|off | sim <host> address-vanish on|off
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROFILES, PREFIX, RUN_DIR, ns } from './topology.mjs';
import { up, down, status, requestAbort, hostNamespace, existingNamespaces, setRouterUpnpSecure } from './lib/lab.mjs';
import { readState } from './lib/state.mjs';
import { parseForward, addForward, delForward, listForwards } from './lib/router.mjs';
import { buildPlan } from './lib/plan.mjs';
import { reserve, unreserve, listReservations, renewSim } from './lib/dhcp.mjs';
import { setSimFault, SIM_FAULTS } from './lib/sim-faults.mjs';

const log = (m) => process.stderr.write(m + '\n');
const USAGE = `usage: lab.mjs up [--profile ${PROFILES.join('|')}] | down | status [--json] | exec <host> <cmd…>
       lab.mjs forward add|del tcp|udp <extPort> <lanIp> <lanPort> | forward list [--json]
       lab.mjs rogue quiet|loud
       lab.mjs dhcp reserve <mac> <ip> | dhcp unreserve <mac> | dhcp list [--json]
       lab.mjs sim <host> rtsp-fixed on|off | sim <host> renew | sim <host> upnp-renew <seconds>|off
       lab.mjs router upnp-secure on|off
       lab.mjs sim <host> address-refuse on|off | sim <host> address-vanish on|off`;

function requireRoot() {
  if (process.getuid?.() !== 0) throw new Error('the lab needs root (network namespaces, nftables)');
}

function requireUp() {
  const st = readState();
  if (!st || st.phase !== 'up' || !existingNamespaces().includes(ns('router'))) {
    throw new Error('the lab is not up (run: node tests/lab/lab.mjs up)');
  }
  return st;
}

async function main(argv) {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'up': {
      requireRoot();
      const i = rest.indexOf('--profile');
      const profile = i >= 0 ? rest[i + 1] : (rest.find((a) => a.startsWith('--profile='))?.slice(10) ?? 'home');
      if (!PROFILES.includes(profile)) throw new Error(`unknown profile "${profile}" (one of ${PROFILES.join(', ')})`);
      let interrupted = '';
      const onSignal = (sig) => { interrupted = sig; requestAbort(sig); };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        await up({ profile, log });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      return interrupted ? 130 : 0;
    }
    case 'down': {
      requireRoot();
      await down({ log });
      log('lab: down');
      return 0;
    }
    case 'status': {
      const s = status();
      if (rest.includes('--json')) {
        process.stdout.write(JSON.stringify(s, null, 2) + '\n');
      } else {
        console.log(s.up ? `lab: ${s.healthy ? 'up' : 'DEGRADED'} (profile ${s.profile}, ${s.phase})` : 'lab: down');
        for (const p of s.problems) console.log(`  problem: ${p}`);
        for (const n of s.namespaces) console.log(`  ${n.exists ? 'ns ' : 'NO '} ${n.name}  ${(s.addresses[n.name.slice(PREFIX.length)] ?? []).slice(0, 3).join(', ')}${(s.addresses[n.name.slice(PREFIX.length)] ?? []).length > 3 ? ', …' : ''}`);
        for (const p of s.processes) console.log(`  ${p.alive ? 'run' : 'DEAD'} ${p.name.padEnd(12)} pid ${p.pid} in ${p.ns}`);
      }
      return s.up && s.healthy ? 0 : 1;
    }
    case 'exec': {
      const [host, ...command] = rest;
      if (!host || command.length === 0) throw new Error('usage: lab.mjs exec <host> <cmd…>');
      const name = hostNamespace(host);
      if (!existingNamespaces().includes(name)) throw new Error(`namespace ${name} does not exist (is the lab up with a profile that has "${host}"?)`);
      const r = spawnSync('ip', ['netns', 'exec', name, ...command], { stdio: 'inherit' });
      if (r.error) throw r.error;
      if (r.signal) return 128 + (({ SIGINT: 2, SIGKILL: 9, SIGTERM: 15 })[r.signal] ?? 1);
      return r.status ?? 1;
    }
    case 'forward': {
      requireRoot();
      const [sub, ...words] = rest;
      const st = requireUp();
      const wanIf = buildPlan(st.profile).routerWanIf;
      if (sub === 'list') {
        const list = listForwards();
        if (words.includes('--json')) process.stdout.write(JSON.stringify(list) + '\n');
        else for (const f of list) console.log(`${f.proto} ${f.extPort} ${f.lanIp} ${f.lanPort}`);
        return 0;
      }
      if (sub === 'add' || sub === 'del') {
        const f = parseForward(words);
        if (sub === 'add') log(addForward(f, wanIf) ? `lab: forward ${f.proto} ${f.extPort} → ${f.lanIp}:${f.lanPort} added` : 'lab: forward already present');
        else if (!delForward(f)) { log('lab: no such forward'); return 1; } else log('lab: forward removed');
        return 0;
      }
      throw new Error('usage: lab.mjs forward add|del tcp|udp <extPort> <lanIp> <lanPort> | forward list [--json]');
    }
    case 'rogue': {
      // Third-party tools such as onvif-util fail on the rogue's hostile answers (that is its job): quiet it for a
      // moment to use them. Signals go only to the rogue's recorded PID, after checking its namespace.
      requireRoot();
      const [mode] = rest;
      if (mode !== 'quiet' && mode !== 'loud') throw new Error('usage: lab.mjs rogue quiet|loud');
      const st = requireUp();
      const rec = st.processes.find((p) => p.name === 'sim-rogue');
      if (!rec) throw new Error('this profile has no rogue host');
      const where = spawnSync('ip', ['netns', 'identify', String(rec.pid)], { encoding: 'utf8' }).stdout.trim();
      if (where !== rec.ns) throw new Error('the rogue host is not running');
      process.kill(rec.pid, mode === 'quiet' ? 'SIGUSR1' : 'SIGUSR2');
      log(mode === 'quiet' ? 'lab: rogue quiet for 90 s (lab.mjs rogue loud ends it)' : 'lab: rogue answering again');
      return 0;
    }
    case 'router': {
      // miniupnpd's secure mode (on at up): off lets any LAN host delete any mapping, as some ISP boxes do.
      const [what, mode] = rest;
      if (what !== 'upnp-secure' || (mode !== 'on' && mode !== 'off') || rest.length !== 2)
        throw new Error('usage: lab.mjs router upnp-secure on|off');
      requireRoot();
      requireUp();
      const r = await setRouterUpnpSecure(mode === 'on', { log });
      log(`lab: miniupnpd secure mode ${mode}${r.changed ? ' (restarted; mappings kept)' : ' (unchanged)'}`);
      return 0;
    }
    case 'dhcp': {
      // Address reservations in the router's dnsmasq (dhcp-hostsfile, re-read on SIGHUP). They end at `down`.
      const [sub, ...words] = rest;
      if (sub === 'list') {
        requireUp();
        const list = listReservations();
        if (words.includes('--json')) process.stdout.write(JSON.stringify(list) + '\n');
        else for (const r of list) console.log(`${r.mac} ${r.ip}${r.lease && r.lease !== r.ip ? ` (lease still ${r.lease})` : ''}`);
        return 0;
      }
      if (sub === 'reserve' && words.length === 2) {
        requireRoot();
        requireUp();
        const r = await reserve(words, { log });
        log(r.action === 'same' ? `lab: ${r.ip} was already reserved for ${r.mac}`
          : r.action === 'change' ? `lab: ${r.mac} now reserved ${r.ip} (was ${r.previous}); it gets it at its next DHCP request`
          : `lab: ${r.ip} reserved for ${r.mac}; it gets it at its next DHCP request`);
        return 0;
      }
      if (sub === 'unreserve' && words.length === 1) {
        requireRoot();
        requireUp();
        const r = await unreserve(words, { log });
        log(r.removed ? `lab: reservation of ${r.removed} for ${r.mac} removed` : `lab: ${r.mac} had no reservation`);
        return 0;
      }
      throw new Error('usage: lab.mjs dhcp reserve <mac> <ip> | dhcp unreserve <mac> | dhcp list [--json]');
    }
    case 'sim': {
      const [host, what, mode] = rest;
      if (what === 'renew' && rest.length === 2) {
        // A DHCP simulator asks for a lease now (as after a reboot or when its lease ends) and moves to what it gets.
        requireRoot();
        requireUp();
        const r = await renewSim(host, { log });
        log(`lab: ${host} ${r.restarted ? 'restarted and' : ''} got ${r.address}${r.previous && r.previous !== r.address ? ` (was ${r.previous})` : ' (unchanged)'}`.replace('  ', ' '));
        process.stdout.write(r.address + '\n');
        return 0;
      }
      if (SIM_FAULTS.includes(what) && rest.length === 3) {
        // Issue 11's fault tests: address-refuse (SetNetworkInterfaces answered with a fault, nothing changes) and
        // address-vanish (the next address change is applied, then the device answers nothing until off).
        requireRoot();
        requireUp();
        const r = await setSimFault(host, what, mode, { log });
        const words = {
          'address-refuse': r.on ? 'refuses SetNetworkInterfaces (InvalidIPv4Address; nothing changes)' : 'accepts SetNetworkInterfaces again',
          'address-vanish': r.on ? 'answers nothing after its next address change' : `answers again${r.address ? ` at ${r.address}` : ''}`,
        }[what];
        log(`lab: ${host}${r.restarted ? ' restarted and' : ''} ${words}`);
        return 0;
      }
      if (what === 'upnp-renew' && rest.length === 3) {
        // Issue 12: a device with UPnP on adds its mappings again every <seconds> (the first at once), so a mapping
        // deleted on the router comes back; `off` stops it.
        const st = requireUp();
        if (!/^[a-z][a-z0-9-]{0,30}$/.test(host ?? '') || !st.processes.some((p) => p.name === `sim-${host}`))
          throw new Error(`no simulator "${host}" in this lab`);
        if (mode !== 'off' && !/^[1-9][0-9]{0,4}$/.test(mode ?? '')) throw new Error('usage: lab.mjs sim <host> upnp-renew <seconds 1-99999>|off');
        const flag = path.join(RUN_DIR, `sim-${host}`, 'upnp-renew');
        if (mode === 'off') fs.rmSync(flag, { force: true });
        else fs.writeFileSync(flag, `${mode}\n`);
        log(`lab: ${host} ${mode === 'off' ? 'no longer renews its UPnP mappings' : `adds its UPnP mappings again every ${mode} s`}`);
        return 0;
      }
      // A recorder whose RTSP port cannot be changed (as some are): while on, the simulator refuses any
      // SetNetworkProtocols that moves RTSP, whole; the other ports still move when asked on their own.
      if (what !== 'rtsp-fixed' || (mode !== 'on' && mode !== 'off') || !/^[a-z]+$/.test(host ?? ''))
        throw new Error(`usage: lab.mjs sim <host> rtsp-fixed on|off | sim <host> renew | sim <host> ${SIM_FAULTS.join('|')} on|off`);
      const st = requireUp();
      if (!st.processes.some((p) => p.name === `sim-${host}`)) throw new Error(`no simulator "${host}" in this lab`);
      const flag = path.join(RUN_DIR, `sim-${host}`, 'rtsp-fixed');
      if (mode === 'on') fs.writeFileSync(flag, 'on\n');
      else fs.rmSync(flag, { force: true });
      log(`lab: ${host} ${mode === 'on' ? 'refuses' : 'accepts'} RTSP port changes`);
      return 0;
    }
    case undefined: case '-h': case '--help': case 'help':
      console.log(USAGE);
      return cmd ? 0 : 2;
    default:
      throw new Error(`unknown command "${cmd}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => { log(`lab: ${e.message}`); process.exit(1); },
);
