import type { InterfaceKind, NetworkInterface } from '../../shared/domain/network';
import { t } from '../composables/useT';

/** How a kind of network connection is named on the pages ("wired", "Wi-Fi", "VPN tunnel"…). */
export function kindLabel(kind: InterfaceKind): string {
  return t(`network.kind.${kind}`);
}

/** A connection's IPv4 addresses with their prefixes ("192.168.1.20/24, …"), or `none` when it has none. */
export function ipv4Text(iface: Pick<NetworkInterface, 'ipv4'>, none = ''): string {
  return iface.ipv4.length ? iface.ipv4.map((a) => `${a.address}/${a.prefix}`).join(', ') : none;
}

/** The subnets a connection is on, each once, or `none`. */
export function subnetText(iface: Pick<NetworkInterface, 'ipv4'>, none = ''): string {
  return iface.ipv4.length ? [...new Set(iface.ipv4.map((a) => a.subnet))].join(', ') : none;
}
