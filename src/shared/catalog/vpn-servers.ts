// Where a WireGuard server can run for the VPN step: each router family with WireGuard from
// ../shared/reference/ROUTERS.md §5 (its grade and source), or an always-on Linux computer of the LAN; the families
// without it. Sourced data, used by shared/domain/vpn-plan.ts.

/** Where the WireGuard server can run: a router family from ROUTERS.md §5 A.1, or a Linux computer of the LAN. */
export const VPN_SERVER_KINDS = ['openwrt', 'mikrotik', 'fritzbox', 'unifi', 'asus', 'glinet', 'linux'] as const;
export type VpnServerKind = (typeof VPN_SERVER_KINDS)[number];
/** Router families for which no source shows a WireGuard server (ROUTERS.md §5 "Could not confirm"). */
export const NO_WIREGUARD_FAMILIES = ['tplink', 'netgear', 'linksys', 'synology', 'isp'] as const;
export type NoWireguardFamily = (typeof NO_WIREGUARD_FAMILIES)[number];
/** Servers whose config this app writes (the others generate their own: the plan gives their steps). */
export const VPN_CONFIG_KINDS = ['linux', 'openwrt', 'mikrotik', 'fritzbox'] as const;
export type VpnConfigKind = (typeof VPN_CONFIG_KINDS)[number];

export type Grade = 'H' | 'M' | 'L';

export interface VpnServerFacts {
  id: VpnServerKind;
  name: string;
  /** Since which firmware, as the sources say it. */
  since: string;
  /** Where the server is set up (menu path or command), as sourced. */
  where: string;
  /** The listen port the plan uses (the family's default where one is sourced, else WireGuard's 51820). */
  port: number;
  grade: Grade;
  source: string;
  /** What the app writes for it; null = the router makes the config itself (the plan gives its steps). */
  config: VpnConfigKind | null;
}

/** ROUTERS.md §5 A.1/A.2, family by family (grades as there). */
export const VPN_SERVERS: Record<VpnServerKind, VpnServerFacts> = {
  openwrt: {
    id: 'openwrt',
    name: 'OpenWrt',
    since: 'netifd proto wireguard; LuCI with luci-proto-wireguard',
    where: 'LuCI: Network > Interfaces > Add new interface, protocol "WireGuard VPN"; or uci on the router',
    port: 51820,
    grade: 'H',
    source: 'openwrt/openwrt: package/network/utils/wireguard-tools/files/wireguard.sh',
    config: 'openwrt',
  },
  mikrotik: {
    id: 'mikrotik',
    name: 'MikroTik RouterOS 7',
    since: 'RouterOS v7',
    where: '/interface wireguard and /interface wireguard peers (WinBox: WireGuard)',
    port: 13231,
    grade: 'H',
    source: 'https://help.mikrotik.com/docs/display/ROS/WireGuard',
    config: 'mikrotik',
  },
  fritzbox: {
    id: 'fritzbox',
    name: 'AVM FRITZ!Box',
    since: 'FRITZ!OS 7.50 (not confirmed by AVM)',
    where: 'Internet > Permit Access > VPN (WireGuard) > Add Connection (not confirmed by AVM)',
    port: 51820,
    grade: 'L',
    source: 'https://github.com/DedBash/Mullvad-VPN-on-Fritz-Box',
    config: 'fritzbox',
  },
  unifi: {
    id: 'unifi',
    name: 'Ubiquiti UniFi',
    since: 'Network app 7.3+, UniFi OS 3.0+ (third-party sources)',
    where: 'Settings > VPN > VPN Server > Create New > WireGuard (third-party sources)',
    port: 51820,
    grade: 'L',
    source: 'https://blog.halleyadams.uk/posts/193/',
    config: null,
  },
  asus: {
    id: 'asus',
    name: 'ASUS (ASUSWRT 388+)',
    since: 'ASUSWRT 388 (reported; Asuswrt-Merlin: server not confirmed)',
    where: 'not confirmed: look for VPN > VPN Server > WireGuard in the router’s pages',
    port: 51820,
    grade: 'L',
    source: '0xDarkMatter/claude-mods: skills/asus-router-ops/SKILL.md',
    config: null,
  },
  glinet: {
    id: 'glinet',
    name: 'GL.iNet (firmware 4.x)',
    since: 'firmware 4.x',
    where: 'VPN > WireGuard Server > Generate Configuration > Profiles > Add > Start',
    port: 51820,
    grade: 'H',
    source: 'https://docs.gl-inet.com/router/en/4/interface_guide/wireguard_server/',
    config: null,
  },
  linux: {
    id: 'linux',
    name: 'A Linux computer on the LAN (wg-quick)',
    since: 'wireguard-tools (wg-quick)',
    where:
      'the always-on computer: /etc/wireguard/<name>.conf, then `wg-quick up <name>`; the router forwards one UDP port to it',
    port: 51820,
    grade: 'H',
    source: 'https://documentation.ubuntu.com/server/how-to/wireguard-vpn/peer-to-site-on-router',
    config: 'linux',
  },
};
