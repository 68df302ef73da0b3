// The router's configuration: nftables ruleset, miniupnpd and dnsmasq config files, static port forwards.
import net from 'node:net';
import { LAN, WAN, ROUTER, SIMULATORS, ROGUE, CLIENT, ns } from '../topology.mjs';
import { BRIDGE } from './plan.mjs';
import { run } from './exec.mjs';

const ROUTER_NS = ns('router');
export const FORWARD_CHAIN = 'lab_forwards';
const COMMENT_PREFIX = 'labfwd';

/** The router's nftables ruleset (filter + nat, with the chains miniupnpd fills and our forward chain). */
export function routerRuleset(wanIf) {
  return `
table inet filter {
  chain forward {
    type filter hook forward priority filter; policy drop;
    ct state established,related accept
    ct state invalid drop
    iifname "${BRIDGE}" oifname "${wanIf}" accept
    jump ${FORWARD_CHAIN}
    jump miniupnpd
  }
  chain ${FORWARD_CHAIN} {
  }
  chain miniupnpd {
  }
}
table inet nat {
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    jump ${FORWARD_CHAIN}
    jump prerouting_miniupnpd
  }
  chain postrouting {
    type nat hook postrouting priority srcnat; policy accept;
    jump postrouting_miniupnpd
    oifname "${wanIf}" masquerade
  }
  chain ${FORWARD_CHAIN} {
  }
  chain prerouting_miniupnpd {
  }
  chain postrouting_miniupnpd {
  }
}
`;
}

/** The carrier (CGNAT) ruleset: subscribers out, nothing unsolicited in. */
export function carrierRuleset() {
  return `
table inet carrier {
  chain forward {
    type filter hook forward priority filter; policy drop;
    ct state established,related accept
    iifname "sub0" oifname "up0" accept
  }
  chain postrouting {
    type nat hook postrouting priority srcnat; policy accept;
    oifname "up0" masquerade
  }
}
`;
}

/** Internal ports below 1024 the simulators serve (UPnP mappings to these are allowed, as real NVRs ask for them). */
export function lowSimPorts() {
  const s = new Set();
  for (const sim of SIMULATORS) for (const p of Object.values(sim.ports)) if (p < 1024) s.add(p);
  return [...s].sort((a, b) => a - b);
}

export function miniupnpdConf({ wanIf, runDir }) {
  const lan = LAN.cidr;
  const low = lowSimPorts();
  return [
    `ext_ifname=${wanIf}`,
    `listening_ip=${BRIDGE}`,
    `http_port=${ROUTER.upnpHttpPort}`,
    'enable_upnp=yes',
    'enable_natpmp=yes',
    'secure_mode=yes',
    'system_uptime=no',
    'notify_interval=30',
    'clean_ruleset_interval=600',
    'ext_perform_stun=yes',
    `ext_stun_host=${WAN.stun}`,
    'ext_stun_port=3478',
    'upnp_table_name=filter',
    'upnp_nat_table_name=nat',
    'upnp_forward_chain=miniupnpd',
    'upnp_nat_chain=prerouting_miniupnpd',
    'upnp_nat_postrouting_chain=postrouting_miniupnpd',
    `lease_file=${runDir}/miniupnpd.leases`,
    'uuid=3d3cec3a-8cf0-11e0-98ee-001a6b5e1a00',
    'friendly_name=NVR Lab Router',
    'manufacturer_name=NVR Lab',
    'model_name=LabRouter',
    'model_number=1',
    'serial=NVRLAB0001',
    `presentation_url=http://${ROUTER.lan}/`,
    // Unprivileged ports, any LAN host.
    `allow 1024-65535 ${lan} 1024-65535`,
    // The simulators' low ports (80, 443, 554 …), both as internal and as external port, as NVRs request them.
    ...low.map((p) => `allow 1-65535 ${lan} ${p}`),
    ...low.map((p) => `allow ${p} ${lan} 1-65535`),
    'deny 0-65535 0.0.0.0/0 0-65535',
    '',
  ].join('\n');
}

export function dnsmasqConf({ runDir }) {
  return [
    `interface=${BRIDGE}`,
    'bind-interfaces',
    'user=root',
    'group=root',
    `pid-file=${runDir}/dnsmasq.pid`,
    `dhcp-leasefile=${runDir}/dnsmasq.leases`,
    `dhcp-range=${LAN.dhcpFrom},${LAN.dhcpTo},255.255.255.0,12h`,
    `dhcp-option=option:router,${LAN.gateway}`,
    `dhcp-option=option:dns-server,${LAN.gateway}`,
    `dhcp-option=option:domain-name,${LAN.domain}`,
    'dhcp-authoritative',
    'no-ping',
    'log-dhcp',
    'log-facility=-',
    `domain=${LAN.domain}`,
    `local=/${LAN.domain}/`,
    'expand-hosts',
    'no-hosts',
    `addn-hosts=${runDir}/dnsmasq.hosts`,
    // DHCP reservations (`lab.mjs dhcp reserve`): re-read on SIGHUP, so no restart is needed.
    `dhcp-hostsfile=${runDir}/${DHCP_HOSTS_FILE}`,
    'no-resolv',
    `server=${WAN.dns}`,
    'max-cache-ttl=1',
    'no-negcache',
    '',
  ].join('\n');
}

/** The file under RUN_DIR with dnsmasq's DHCP reservations, one `mac,ip` per line. */
export const DHCP_HOSTS_FILE = 'dnsmasq.dhcp-hosts';

/** Names dnsmasq serves for the static LAN hosts (`<host>` and `<host>.lan`). */
export function dnsmasqHosts(plan) {
  const lines = [`${ROUTER.lan} router gateway`, `${CLIENT.ip} client`];
  for (const s of plan.sims) if (s.ip !== 'dhcp' && s.host !== 'scale') lines.push(`${s.ip} ${s.host}`);
  return lines.join('\n') + '\n';
}

// ---------- static port forwards (what a user would type into the router's "Virtual Servers" page) ----------

/**
 * Validate a forward given as CLI words.
 * @returns {{ proto: 'tcp'|'udp', extPort: number, lanIp: string, lanPort: number }}
 */
export function parseForward([proto, extPort, lanIp, lanPort]) {
  const port = (s, what) => {
    if (!/^[0-9]{1,5}$/.test(String(s ?? '')) || Number(s) < 1 || Number(s) > 65535) throw new Error(`${what} must be 1-65535, got "${s ?? ''}"`);
    return Number(s);
  };
  if (proto !== 'tcp' && proto !== 'udp') throw new Error(`protocol must be tcp or udp, got "${proto ?? ''}"`);
  const ext = port(extPort, 'external port');
  if (!net.isIPv4(lanIp ?? '') || !inCidr(lanIp, LAN.cidr)) throw new Error(`LAN address must be in ${LAN.cidr}, got "${lanIp ?? ''}"`);
  return { proto, extPort: ext, lanIp, lanPort: port(lanPort, 'LAN port') };
}

const ipInt = (ip) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
/** Is an IPv4 address inside a CIDR block? */
export function inCidr(ip, cidr) {
  const [base, bits] = cidr.split('/');
  const mask = Number(bits) === 0 ? 0 : (0xffffffff << (32 - Number(bits))) >>> 0;
  return ((ipInt(ip) & mask) >>> 0) === ((ipInt(base) & mask) >>> 0);
}

const fwdComment = (f) => `${COMMENT_PREFIX} ${f.proto} ${f.extPort} ${f.lanIp} ${f.lanPort}`;

function nftJson(args) {
  return JSON.parse(run('ip', ['netns', 'exec', ROUTER_NS, 'nft', '-j', '-a', ...args]).stdout);
}

/** Forwards currently installed (read back from the router's nat table). */
export function listForwards() {
  const rules = nftJson(['list', 'chain', 'inet', 'nat', FORWARD_CHAIN]).nftables.filter((x) => x.rule);
  return rules
    .map((x) => x.rule.comment ?? '')
    .filter((c) => c.startsWith(COMMENT_PREFIX + ' '))
    .map((c) => { const [, proto, extPort, lanIp, lanPort] = c.split(' '); return { proto, extPort: Number(extPort), lanIp, lanPort: Number(lanPort) }; });
}

/** Install a forward (idempotent): DNAT on the WAN side plus the matching forward-chain accept. */
export function addForward(f, wanIf) {
  if (listForwards().some((x) => fwdComment(x) === fwdComment(f))) return false;
  const taken = listForwards().find((x) => x.proto === f.proto && x.extPort === f.extPort);
  if (taken) throw new Error(`external ${f.proto} port ${f.extPort} is already forwarded to ${taken.lanIp}:${taken.lanPort}`);
  const c = JSON.stringify(fwdComment(f));
  const script = [
    `add rule inet nat ${FORWARD_CHAIN} iifname "${wanIf}" ${f.proto} dport ${f.extPort} dnat ip to ${f.lanIp}:${f.lanPort} comment ${c}`,
    `add rule inet filter ${FORWARD_CHAIN} iifname "${wanIf}" ip daddr ${f.lanIp} ${f.proto} dport ${f.lanPort} ct status dnat accept comment ${c}`,
  ].join('\n');
  run('ip', ['netns', 'exec', ROUTER_NS, 'nft', '-f', '-'], { input: script + '\n' });
  return true;
}

/** Remove a forward; returns whether it existed. */
export function delForward(f) {
  const want = fwdComment(f);
  let found = false;
  for (const table of ['nat', 'filter']) {
    const rules = nftJson(['list', 'chain', 'inet', table, FORWARD_CHAIN]).nftables.filter((x) => x.rule && x.rule.comment === want);
    for (const r of rules) {
      run('ip', ['netns', 'exec', ROUTER_NS, 'nft', 'delete', 'rule', 'inet', table, FORWARD_CHAIN, 'handle', String(r.rule.handle)]);
      found = true;
    }
  }
  return found;
}

// ---------- DHCP reservations (what a user types into the router's "Address Reservation" page) ----------

/** A MAC as dnsmasq writes it (lowercase, colons), or null. `-` separators are accepted; group and all-zero MACs are not. */
export function normalizeMac(s) {
  const t = String(s ?? '').trim().toLowerCase();
  if (!/^[0-9a-f]{2}([:-][0-9a-f]{2}){5}$/.test(t)) return null;
  const mac = t.replace(/-/g, ':');
  if (parseInt(mac.slice(0, 2), 16) & 1) return null; // multicast / broadcast
  if (mac === '00:00:00:00:00:00') return null;
  return mac;
}

/** Fixed addresses of the lab's own hosts (router, client, the static simulators, rogue): never reservable. */
export function fixedLanAddresses() {
  const out = new Map([[ROUTER.lan, 'the router'], [CLIENT.ip, 'the client host']]);
  for (const s of SIMULATORS) if (s.ip !== 'dhcp') out.set(s.ip, `${s.host}'s fixed address`);
  out.set(ROGUE.ip, "rogue's fixed address");
  return out;
}

/**
 * Validate a reservation given as CLI words: a MAC and an IPv4 host address inside the LAN.
 * @returns {{ mac: string, ip: string }}
 */
export function parseReservation([mac, ip]) {
  const m = normalizeMac(mac);
  if (!m) throw new Error(`"${mac ?? ''}" is not a device MAC address (six hex pairs, e.g. 02:00:c0:a8:32:43)`);
  if (!net.isIPv4(ip ?? '')) throw new Error(`"${ip ?? ''}" is not an IPv4 address`);
  if (!inCidr(ip, LAN.cidr)) throw new Error(`${ip} is outside the router's network ${LAN.cidr}`);
  const last = Number(ip.split('.')[3]);
  if (last === 0 || last === 255) throw new Error(`${ip} is the network's ${last === 0 ? 'own' : 'broadcast'} address, not a device's`);
  return { mac: m, ip };
}

/**
 * Parse the reservations file (`mac,ip` lines; anything else is ignored).
 * @returns {{ mac: string, ip: string }[]}
 */
export function parseReservations(text) {
  const out = [];
  for (const line of String(text ?? '').split('\n')) {
    const [mac, ip, ...more] = line.trim().split(',');
    const m = normalizeMac(mac);
    if (m && net.isIPv4(ip ?? '') && more.length === 0) out.push({ mac: m, ip });
  }
  return out;
}

export const formatReservations = (list) => list.map((r) => `${r.mac},${r.ip}\n`).join('');

/**
 * Parse dnsmasq's leases file: `<expiry> <mac> <ip> <hostname> <client-id>` per line.
 * @returns {{ expires: number, mac: string, ip: string, hostname: string }[]}
 */
export function parseLeases(text) {
  const out = [];
  for (const line of String(text ?? '').split('\n')) {
    const [expires, mac, ip, hostname] = line.trim().split(/\s+/);
    const m = normalizeMac(mac);
    if (m && net.isIPv4(ip ?? '') && /^[0-9]+$/.test(expires ?? '')) out.push({ expires: Number(expires), mac: m, ip, hostname: hostname ?? '*' });
  }
  return out;
}

/**
 * What reserving `r` would change, or why it is refused (pure).
 * @param {{ mac: string, ip: string }[]} list the current reservations
 * @param {{ mac: string, ip: string }} r
 * @param {{ expires: number, mac: string, ip: string }[]} leases dnsmasq's current leases
 * @param {number} nowS seconds since the epoch (expired leases do not count; 0 = never expires)
 * @returns {{ action: 'same' | 'add' | 'change', list: { mac: string, ip: string }[], previous?: string }}
 */
export function planReservation(list, r, leases = [], nowS = Math.floor(Date.now() / 1000)) {
  const mine = list.find((x) => x.mac === r.mac);
  if (mine && mine.ip === r.ip) return { action: 'same', list };
  const holder = list.find((x) => x.ip === r.ip && x.mac !== r.mac);
  if (holder) throw new Error(`${r.ip} is already reserved for ${holder.mac}`);
  const fixed = fixedLanAddresses().get(r.ip);
  if (fixed) throw new Error(`${r.ip} is ${fixed} in the lab`);
  const leased = leases.find((l) => l.ip === r.ip && l.mac !== r.mac && (l.expires === 0 || l.expires > nowS));
  if (leased) throw new Error(`${r.ip} is leased to ${leased.mac}; the router will not hand it to anyone else until that lease ends`);
  const next = list.filter((x) => x.mac !== r.mac).concat([r]);
  return mine ? { action: 'change', list: next, previous: mine.ip } : { action: 'add', list: next };
}
