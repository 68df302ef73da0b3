// The lab as data: which namespaces, links, addresses, routes and resolvers a profile needs.
// Pure: it only reads topology.mjs, so it can be unit-tested and printed.
import {
  PREFIX, ns, LAN, OTHER, WAN, CGNAT, ROUTER, SIMULATORS, ROGUE, CLIENT, SCALE, scaleAddresses, PROFILES, INFRA_MACS,
} from '../topology.mjs';

/**
 * @typedef {{ name: string, mac?: string, addrs: string[] }} Iface
 * @typedef {{ host: string, ns: string, role: string, resolver: string, ifaces: Iface[], routes: string[], sysctls: Record<string,string> }} HostPlan
 * @typedef {{ a: { host: string, ifname: string }, b: { host: string, ifname: string } }} VethPlan
 * @typedef {{ host: string, ip: string, mac: string, name: string, profile: string, upnp: boolean, count?: number }} SimPlan
 * @typedef {{ profile: string, hosts: HostPlan[], veths: VethPlan[], bridge: { host: string, name: string, mac: string, addr: string, ports: string[] }, sims: SimPlan[], routerWanIf: string, routerWanAddr: string, publicAddr: string }} Plan
 */

export const ROUTER_WAN_IF = 'wan0';
export const BRIDGE = 'br0';
/** Interface names every device namespace uses; they are only ever created inside a lab namespace. */
export const DEVICE_IFNAMES = ['lo', 'eth0', 'eth1'];

const lanHostRoutes = ['default via ' + LAN.gateway + ' dev eth0 onlink', '224.0.0.0/4 dev eth0'];
const bridgePort = (host) => `p-${host}`.slice(0, 15);

/**
 * Build the plan for a profile.
 * @param {string} profile
 * @returns {Plan}
 */
export function buildPlan(profile = 'home') {
  if (!PROFILES.includes(profile)) throw new Error(`unknown profile "${profile}" (one of ${PROFILES.join(', ')})`);
  const cgnat = profile === 'cgnat';
  /** @type {HostPlan[]} */
  const hosts = [];
  /** @type {VethPlan[]} */
  const veths = [];
  const add = (host, role, resolver, ifaces, routes, sysctls = {}) =>
    hosts.push({ host, ns: ns(host), role, resolver, ifaces, routes, sysctls });

  const wanPeer = cgnat ? WAN.carrierWan : WAN.routerWan;
  add('wan', 'wan', WAN.dns,
    [
      { name: 'eth0', mac: INFRA_MACS.wanHost, addrs: [`${WAN.host}/${WAN.prefix}`] },
      { name: 'lo', addrs: [WAN.checker, WAN.stun, WAN.stunAlt, WAN.dns, WAN.ddns].map((a) => `${a}/32`) },
    ],
    [`default via ${wanPeer} dev eth0`]);

  if (cgnat) {
    add('carrier', 'carrier', WAN.dns,
      [
        { name: 'up0', mac: INFRA_MACS.carrierWan, addrs: [`${WAN.carrierWan}/${WAN.prefix}`] },
        { name: 'sub0', mac: INFRA_MACS.carrierSub, addrs: [`${CGNAT.carrier}/${CGNAT.prefix}`] },
      ],
      [`default via ${WAN.host} dev up0`],
      { 'net.ipv4.ip_forward': '1' });
    veths.push({ a: { host: 'carrier', ifname: 'up0' }, b: { host: 'wan', ifname: 'eth0' } });
  }

  const routerWanAddr = cgnat ? CGNAT.routerWan : WAN.routerWan;
  add('router', 'router', WAN.dns,
    [
      { name: ROUTER_WAN_IF, mac: INFRA_MACS.routerWan, addrs: [`${routerWanAddr}/${cgnat ? CGNAT.prefix : WAN.prefix}`] },
    ],
    [`default via ${cgnat ? CGNAT.carrier : WAN.host} dev ${ROUTER_WAN_IF}`],
    {
      'net.ipv4.ip_forward': '1',
      'net.bridge.bridge-nf-call-iptables': '0',
      'net.bridge.bridge-nf-call-ip6tables': '0',
      'net.bridge.bridge-nf-call-arptables': '0',
    });
  veths.push(cgnat
    ? { a: { host: 'router', ifname: ROUTER_WAN_IF }, b: { host: 'carrier', ifname: 'sub0' } }
    : { a: { host: 'router', ifname: ROUTER_WAN_IF }, b: { host: 'wan', ifname: 'eth0' } });

  const ports = [];
  const lanHost = (host, role, iface, extra = [], extraRoutes = []) => {
    add(host, role, LAN.gateway, [iface, ...extra], [...lanHostRoutes, ...extraRoutes]);
    ports.push(bridgePort(host));
    veths.push({ a: { host: 'router', ifname: bridgePort(host) }, b: { host, ifname: 'eth0' } });
  };

  lanHost('client', 'client', { name: 'eth0', mac: CLIENT.mac, addrs: [`${CLIENT.ip}/${LAN.prefix}`] },
    [{ name: 'eth1', mac: INFRA_MACS.clientOther, addrs: [`${OTHER.client}/${OTHER.prefix}`] }]);
  add('other', 'other', '127.0.0.1',
    [{ name: 'eth0', mac: INFRA_MACS.other, addrs: [`${OTHER.peer}/${OTHER.prefix}`] }],
    [`default via ${OTHER.client} dev eth0`, '224.0.0.0/4 dev eth0']);
  veths.push({ a: { host: 'client', ifname: 'eth1' }, b: { host: 'other', ifname: 'eth0' } });

  /** @type {SimPlan[]} */
  const sims = [];
  if (profile === 'scale') {
    lanHost('scale', 'scale', { name: 'eth0', mac: SCALE.mac, addrs: scaleAddresses().map((a) => `${a}/${LAN.prefix}`) });
    sims.push({ host: 'scale', profile: 'scale', ip: scaleAddresses()[0], mac: SCALE.mac, name: 'Scale', upnp: false, count: SCALE.count });
  } else {
    for (const s of SIMULATORS) {
      lanHost(s.host, 'sim', { name: 'eth0', mac: s.mac, addrs: s.ip === 'dhcp' ? [] : [`${s.ip}/${LAN.prefix}`] });
      sims.push({ host: s.host, profile: s.profile, ip: s.ip, mac: s.mac, name: s.name, upnp: !!s.upnp, clockOffset: s.clockOffset ?? 0 });
    }
    lanHost('rogue', 'rogue', { name: 'eth0', mac: ROGUE.mac, addrs: [`${ROGUE.ip}/${LAN.prefix}`] });
    sims.push({ host: 'rogue', profile: 'rogue', ip: ROGUE.ip, mac: ROGUE.mac, name: 'Rogue', upnp: false });
  }

  return {
    profile,
    hosts,
    veths,
    bridge: { host: 'router', name: BRIDGE, mac: INFRA_MACS.routerLan, addr: `${ROUTER.lan}/${LAN.prefix}`, ports },
    sims,
    routerWanIf: ROUTER_WAN_IF,
    routerWanAddr,
    publicAddr: cgnat ? WAN.carrierWan : WAN.routerWan,
  };
}

/** Every namespace any profile can create (what `down` removes). */
export function allLabNamespaces() {
  const names = new Set();
  for (const p of PROFILES) for (const h of buildPlan(p).hosts) names.add(h.ns);
  return [...names];
}

/** Interface names a plan creates outside the device convention (router/carrier side), per namespace. */
export function createdNames(plan) {
  const ifnames = new Set([plan.bridge.name]);
  for (const h of plan.hosts) for (const i of h.ifaces) if (!DEVICE_IFNAMES.includes(i.name)) ifnames.add(i.name);
  for (const v of plan.veths) for (const end of [v.a, v.b]) if (!DEVICE_IFNAMES.includes(end.ifname)) ifnames.add(end.ifname);
  return { namespaces: plan.hosts.map((h) => h.ns), interfaces: [...ifnames] };
}

/**
 * Pure safety check: names the plan would create that already exist in the host namespace.
 * Device-side names (eth0, eth1, lo) are exempt: they are created atomically inside a lab namespace
 * (`ip -n A link add X type veth peer name eth0 netns B`) and never exist in the host namespace.
 * @param {Plan} plan
 * @param {{ interfaces: string[], namespaces: string[] }} host what `ip link` / `ip netns list` show on the host
 * @returns {string[]} human-readable collisions (empty = safe)
 */
export function hostCollisions(plan, host) {
  const want = createdNames(plan);
  const out = [];
  for (const n of want.namespaces) if (host.namespaces.includes(n)) out.push(`namespace ${n} already exists`);
  for (const n of want.namespaces) if (host.interfaces.includes(n)) out.push(`interface ${n} exists in the host namespace`);
  for (const i of want.interfaces) if (host.interfaces.includes(i)) out.push(`interface ${i} exists in the host namespace`);
  if (!want.namespaces.every((n) => n.startsWith(PREFIX))) out.push(`a lab namespace lacks the ${PREFIX} prefix`);
  return out;
}

export { bridgePort };
