import type { Gateway, InterfaceKind, NetworkInterface, NetworkReport } from '../../shared/domain/network';
import { classifyIpv4, inSubnet, prefixFromNetmask, subnetOf } from '../protocol/ipv4';
import { parseBsdNetstat, parseLinuxProcRoute, parseWindowsRoutePrint, type DefaultRoute } from '../protocol/routes';
import type { SystemSource } from '../transport/system';

export interface NetcheckService {
  /** Measures the computer's interfaces and default gateway now. */
  report(chosenInterface: string | null): Promise<NetworkReport>;
}

const VPN_NAME = /^(tun|tap|wg|utun|ppp|ipsec|tailscale|zt|nordlynx|proton|mullvad)/i;
const VIRTUAL_NAME =
  /^(docker|veth|br-|virbr|vmnet|vboxnet|lxc|lxd|cni|flannel|cali|kube|podman|vEthernetS?|dummy|bond-slave)/i;
const WIRELESS_NAME = /^(wl|wlan|wifi|ath|ra\d)/i;
const LOOPBACK_NAME = /^(lo\d*|Loopback)/i;

export function createNetcheckService(system: SystemSource, now: () => Date = () => new Date()): NetcheckService {
  return {
    async report(chosenInterface) {
      const interfaces = await listInterfaces(system);
      const gateway = await findGateway(system, interfaces);
      const recommended = recommendInterface(interfaces, gateway);
      return {
        interfaces,
        gateway,
        recommended,
        chosenInterface: chosenInterface && interfaces.some((i) => i.name === chosenInterface) ? chosenInterface : null,
        measuredAt: now().toISOString(),
      };
    },
  };
}

async function listInterfaces(system: SystemSource): Promise<NetworkInterface[]> {
  const byName = system.networkInterfaces();
  const links = (await system.listLinks()) ?? [];
  const names = [...new Set([...links, ...Object.keys(byName)])].sort(compareNames);
  const result: NetworkInterface[] = [];
  for (const name of names) {
    const infos = byName[name] ?? [];
    const ipv4 = infos
      .filter((i) => i.family === 'IPv4')
      .map((i) => {
        const prefix = cidrPrefix(i.cidr) ?? prefixFromNetmask(i.netmask) ?? 32;
        return { address: i.address, prefix, subnet: subnetOf(i.address, prefix) ?? `${i.address}/32` };
      });
    const macFromOs = infos.find((i) => i.mac && i.mac !== '00:00:00:00:00:00')?.mac ?? null;
    const internal = infos.some((i) => i.internal);
    let up = infos.length > 0;
    let mac = macFromOs;
    let sysKind: InterfaceKind | null = null;
    if (system.platform === 'linux') {
      const state = (await system.readText(`/sys/class/net/${name}/operstate`))?.trim();
      const flags = parseInt((await system.readText(`/sys/class/net/${name}/flags`))?.trim() ?? '', 16);
      // operstate "unknown" is normal for loopback and many virtual links; then IFF_UP (bit 0) decides.
      if (state === 'up') up = true;
      else if (state === 'down' || state === 'lowerlayerdown' || state === 'notpresent') up = false;
      else if (Number.isFinite(flags)) up = (flags & 1) === 1;
      const sysMac = (await system.readText(`/sys/class/net/${name}/address`))?.trim() ?? null;
      if (!mac && sysMac && /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(sysMac) && sysMac !== '00:00:00:00:00:00')
        mac = sysMac;
      const uevent = (await system.readText(`/sys/class/net/${name}/uevent`)) ?? '';
      if (/^DEVTYPE=wlan$/m.test(uevent)) sysKind = 'wireless';
      if (/^DEVTYPE=(bridge|veth)$/m.test(uevent) && VIRTUAL_NAME.test(name)) sysKind = 'virtual';
      const type = (await system.readText(`/sys/class/net/${name}/type`))?.trim();
      if (type === '772') sysKind = 'loopback';
      if (type === '65534') sysKind = 'vpn'; // ARPHRD_NONE: tun, wireguard
    }
    const kind = sysKind ?? kindFromName(name, internal);
    const usableAddress = ipv4.find((a) => {
      const c = classifyIpv4(a.address);
      return c !== 'loopback' && c !== 'link-local';
    });
    const usable = up && kind !== 'loopback' && usableAddress !== undefined;
    result.push({
      name,
      kind,
      up,
      mac,
      ipv4,
      usable,
      note: describe(kind, up, ipv4.length > 0, usableAddress !== undefined),
    });
  }
  return result;
}

function cidrPrefix(cidr: string | null): number | null {
  const m = cidr ? /\/(\d{1,2})$/.exec(cidr) : null;
  return m ? Number(m[1]) : null;
}

function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function kindFromName(name: string, internal = false): InterfaceKind {
  if (internal || LOOPBACK_NAME.test(name)) return 'loopback';
  if (VPN_NAME.test(name)) return 'vpn';
  if (VIRTUAL_NAME.test(name)) return 'virtual';
  if (WIRELESS_NAME.test(name) || /wi-?fi|wireless/i.test(name)) return 'wireless';
  if (/^(eth|en|em|eno|ens|enp|Ethernet|LAN)/i.test(name)) return 'wired';
  return 'unknown';
}

function describe(kind: InterfaceKind, up: boolean, hasIpv4: boolean, hasUsable: boolean): string {
  if (kind === 'loopback') return 'This computer talking to itself; never used to find devices.';
  if (!up) return 'Switched off or not connected.';
  if (!hasIpv4) return 'Connected, but it has no IPv4 address, so the app cannot search through it.';
  if (!hasUsable) return 'It only has a self-assigned address (169.254.x.x): the network did not give it a real one.';
  if (kind === 'vpn') return 'A VPN tunnel. Your NVR is usually not behind it.';
  if (kind === 'virtual') return 'A virtual network (containers or virtual machines). Your NVR is usually not on it.';
  if (kind === 'wireless') return 'Wi-Fi. Works, but some Wi-Fi networks keep devices apart ("client isolation").';
  return 'A network this computer is connected to.';
}

async function findGateway(system: SystemSource, interfaces: NetworkInterface[]): Promise<Gateway | null> {
  let routes: DefaultRoute[] = [];
  if (system.platform === 'linux') {
    const text = await system.readText('/proc/net/route');
    if (text) routes = parseLinuxProcRoute(text);
  } else if (system.platform === 'darwin' || system.platform === 'freebsd' || system.platform === 'openbsd') {
    const text = await system.run('netstat', ['-rn', '-f', 'inet']);
    if (text) routes = parseBsdNetstat(text);
  } else if (system.platform === 'win32') {
    const text = await system.run('route', ['print', '-4']);
    if (text) {
      for (const r of parseWindowsRoutePrint(text)) {
        const owner = interfaces.find((i) => i.ipv4.some((a) => a.address === r.interfaceAddress));
        if (owner) routes.push({ gateway: r.gateway, interfaceName: owner.name, metric: r.metric });
      }
    }
  }
  // Prefer a default route through an interface that is up and whose subnet holds the gateway.
  const best =
    routes.find((r) => {
      const i = interfaces.find((x) => x.name === r.interfaceName);
      return i?.up && i.ipv4.some((a) => inSubnet(r.gateway, a.address, a.prefix));
    }) ?? routes[0];
  return best ? { address: best.gateway, interfaceName: best.interfaceName } : null;
}

/** Picks the interface discovery should use by default, and says why in plain words. */
export function recommendInterface(
  interfaces: NetworkInterface[],
  gateway: Gateway | null,
): { interfaceName: string; reason: string } | null {
  const scored = interfaces
    .filter((i) => i.usable)
    .map((i) => {
      let score = 0;
      const reasons: string[] = [];
      if (gateway?.interfaceName === i.name) {
        score += 100;
        reasons.push(`it leads to your router (${gateway.address})`);
      }
      if (i.ipv4.some((a) => classifyIpv4(a.address) === 'private')) {
        score += 20;
        if (reasons.length === 0) reasons.push('it has a home or office network address');
      }
      if (i.kind === 'wired') score += 10;
      if (i.kind === 'wireless') score += 8;
      if (i.kind === 'vpn') score -= 50;
      if (i.kind === 'virtual') score -= 40;
      return { i, score, reasons };
    })
    .sort((a, b) => b.score - a.score || compareNames(a.i.name, b.i.name));
  const top = scored[0];
  if (!top) return null;
  const address = top.i.ipv4[0]?.address ?? '';
  const why = top.reasons.length ? top.reasons.join(' and ') : 'it is the only connected network';
  return { interfaceName: top.i.name, reason: `${top.i.name} (${address}) because ${why}.` };
}
