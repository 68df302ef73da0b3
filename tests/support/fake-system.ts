import type { NetworkInterfaceInfo } from 'node:os';
import type { SystemSource } from '../../src/main/transport/system';

type Iface = {
  name: string;
  ipv4?: Array<[string, number]>;
  mac?: string;
  up?: boolean;
  sysType?: string;
  uevent?: string;
};

const PREFIX_MASKS: Record<number, string> = {
  8: '255.0.0.0',
  16: '255.255.0.0',
  22: '255.255.252.0',
  24: '255.255.255.0',
  32: '255.255.255.255',
};

/** A recorded-looking Linux machine: os.networkInterfaces(), /sys/class/net and /proc/net/route. */
export function fakeLinux(ifaces: Iface[], procRoute: string): SystemSource {
  const files = new Map<string, string>();
  files.set('/proc/net/route', procRoute);
  const dict: NodeJS.Dict<NetworkInterfaceInfo[]> = {};
  for (const i of ifaces) {
    files.set(`/sys/class/net/${i.name}/operstate`, i.up === false ? 'down\n' : i.name === 'lo' ? 'unknown\n' : 'up\n');
    files.set(`/sys/class/net/${i.name}/flags`, i.up === false ? '0x1002\n' : '0x1003\n');
    files.set(`/sys/class/net/${i.name}/address`, `${i.mac ?? '00:00:00:00:00:00'}\n`);
    files.set(`/sys/class/net/${i.name}/type`, `${i.sysType ?? (i.name === 'lo' ? '772' : '1')}\n`);
    files.set(`/sys/class/net/${i.name}/uevent`, i.uevent ?? `INTERFACE=${i.name}\n`);
    if (i.ipv4?.length && i.up !== false) {
      dict[i.name] = i.ipv4.map(([address, prefix]) => ({
        address,
        netmask: PREFIX_MASKS[prefix] ?? '255.255.255.0',
        family: 'IPv4',
        mac: i.mac ?? '00:00:00:00:00:00',
        internal: i.name === 'lo',
        cidr: `${address}/${prefix}`,
      }));
    }
  }
  return {
    platform: 'linux',
    networkInterfaces: () => dict,
    listLinks: async () => ifaces.map((i) => i.name),
    readText: async (path) => files.get(path) ?? null,
    run: async () => null,
  };
}

/** /proc/net/route text with one default route (gateway in dotted form) through `iface`. */
export function procRouteWithDefault(
  iface: string,
  gateway: string,
  subnetIface = iface,
  subnet = '192.168.1.0',
): string {
  const le = (ip: string) =>
    ip
      .split('.')
      .reverse()
      .map((n) => Number(n).toString(16).padStart(2, '0').toUpperCase())
      .join('');
  return [
    'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
    `${iface}\t00000000\t${le(gateway)}\t0003\t0\t0\t100\t00000000\t0\t0\t0`,
    `${subnetIface}\t${le(subnet)}\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0`,
  ].join('\n');
}

export const HOME_PC = () =>
  fakeLinux(
    [
      { name: 'lo', ipv4: [['127.0.0.1', 8]] },
      { name: 'eth0', ipv4: [['192.168.1.20', 24]], mac: '3c:52:82:aa:bb:cc' },
      {
        name: 'wlan0',
        ipv4: [['192.168.7.33', 24]],
        mac: '7c:b2:7d:11:22:33',
        uevent: 'DEVTYPE=wlan\nINTERFACE=wlan0\n',
      },
      {
        name: 'docker0',
        ipv4: [['172.17.0.1', 16]],
        mac: '02:42:ac:11:00:01',
        uevent: 'DEVTYPE=bridge\nINTERFACE=docker0\n',
      },
      { name: 'wg0', ipv4: [['10.8.0.2', 24]], sysType: '65534' },
      { name: 'eth1', mac: '3c:52:82:aa:bb:cd', up: false },
    ],
    procRouteWithDefault('eth0', '192.168.1.1'),
  );

/** The lab's client host, as a unit-test machine: eth0 on the LAN 192.168.50.0/24, eth1 on an unrelated net. */
export const LAB_CLIENT = () =>
  fakeLinux(
    [
      { name: 'lo', ipv4: [['127.0.0.1', 8]] },
      { name: 'eth0', ipv4: [['192.168.50.10', 24]], mac: '02:00:c0:a8:32:0a' },
      { name: 'eth1', ipv4: [['10.77.0.2', 24]], mac: '02:00:0a:4d:00:02' },
    ],
    procRouteWithDefault('eth0', '192.168.50.1', 'eth0', '192.168.50.0'),
  );
