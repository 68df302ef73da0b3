// The VPN plan written as configs: the server as a Linux wg-quick file, OpenWrt `uci` commands, RouterOS v7
// commands or a FRITZ!Box import file, and each device's wg-quick file (what the WireGuard apps import, also as a QR
// code). Syntax: wg-quick(8) and wg(8); OpenWrt option names from the netifd handler and RouterOS properties from
// MikroTik's WireGuard page, as ../shared/reference/ROUTERS.md §5 A.2/A.3 quotes them. Pure text. The private keys
// come in as arguments and go only into the text returned (main writes it to the file the user names, owner-only);
// every value interpolated is checked here first (keys, names, addresses come from a checked plan).
import { isWgKey, overlaps, parseCidr, type VpnPlan } from './vpn-plan';

/** A plan with a home server (not overlay, not a family without WireGuard). */
export type ServerPlan = VpnPlan & {
  mode: 'wireguard';
  tunnel: string;
  serverAddress: string;
  listenPort: number;
  serverPublicKey: string;
};

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,31}$/;

/** Refuses a plan that is not a home-server plan or whose values are not the checked forms this text relies on. */
export function serverPlan(plan: VpnPlan): ServerPlan {
  if (
    plan.mode !== 'wireguard' ||
    !plan.tunnel ||
    !parseCidr(plan.tunnel) ||
    !plan.serverAddress ||
    !parseCidr(plan.serverAddress) ||
    !parseCidr(plan.lan) ||
    !plan.listenPort ||
    !plan.serverPublicKey ||
    !isWgKey(plan.serverPublicKey) ||
    plan.peers.some((p) => !NAME.test(p.name) || !isWgKey(p.publicKey) || !parseCidr(p.address)) ||
    overlaps(plan.tunnel, plan.lan)
  )
    throw new Error('the plan has no home WireGuard server to write');
  return plan as ServerPlan;
}

function checkKey(privateKey: string): void {
  if (!isWgKey(privateKey)) throw new Error('not a WireGuard private key');
}

/** The server's side in wg-quick form: the interface, then one [Peer] per device (its tunnel address only). */
function wgQuickServer(p: ServerPlan, privateKey: string, extra: string[]): string[] {
  return [
    '[Interface]',
    `Address = ${p.serverAddress}`,
    `ListenPort = ${p.listenPort}`,
    `PrivateKey = ${privateKey}`,
    ...extra,
    ...p.peers.flatMap((peer) => [
      '',
      '[Peer]',
      `# ${peer.name}`,
      `PublicKey = ${peer.publicKey}`,
      `AllowedIPs = ${peer.address}`,
    ]),
  ];
}

/**
 * Linux (wg-quick) on an always-on computer of the LAN: forwarding on, the tunnel allowed to the LAN only (inserted
 * first, before a FORWARD chain that drops, as Docker's does), and the tunnel's traffic masqueraded to the LAN, so the
 * NVR answers through this computer without a route to the tunnel on the router.
 */
export function linuxServerConfig(plan: VpnPlan, privateKey: string): string {
  const p = serverPlan(plan);
  checkKey(privateKey);
  const fwd = `FORWARD -i %i -d ${p.lan} -j ACCEPT`;
  const back = `FORWARD -o %i -s ${p.lan} -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT`;
  const nat = `POSTROUTING -s ${p.tunnel} -d ${p.lan} -j MASQUERADE`;
  return [
    `# nvr-assist: WireGuard server (wg-quick) for the LAN ${p.lan}, tunnel ${p.tunnel}.`,
    '# Holds the private key of the server: keep it owner-only (/etc/wireguard/wg0.conf, mode 600).',
    '# Start it: sudo systemctl enable --now wg-quick@wg0. The router forwards UDP ' +
      `${p.listenPort} here, nothing else.`,
    ...wgQuickServer(p, privateKey, [
      '# The tunnel reaches the LAN only; the LAN answers through this computer.',
      'PostUp = sysctl -q -w net.ipv4.ip_forward=1',
      `PostUp = iptables -I ${fwd}`,
      `PostUp = iptables -I ${back}`,
      `PostUp = iptables -t nat -A ${nat}`,
      `PostDown = iptables -D ${fwd}`,
      `PostDown = iptables -D ${back}`,
      `PostDown = iptables -t nat -D ${nat}`,
    ]),
  ].join('\n');
}

/** A device's config (wg-quick; the WireGuard apps import the same text): split tunnel, keepalive, no DNS line. */
export function peerConfig(plan: VpnPlan, name: string, privateKey: string): string {
  const p = serverPlan(plan);
  checkKey(privateKey);
  const peer = p.peers.find((x) => x.name === name);
  if (!peer) throw new Error('no such device in the plan');
  if (!p.endpoint) throw new Error('the plan has no endpoint');
  return [
    `# nvr-assist: WireGuard for "${peer.name}" - reaches ${p.lan} (your NVR's network) and nothing else.`,
    '# Holds the private key of this device: import it, then delete the file.',
    '[Interface]',
    `PrivateKey = ${privateKey}`,
    `Address = ${peer.address}`,
    '',
    '[Peer]',
    `PublicKey = ${p.serverPublicKey}`,
    `Endpoint = ${p.endpoint.host}:${p.listenPort}`,
    `AllowedIPs = ${p.allowedIps.join(', ')}`,
    `PersistentKeepalive = ${p.keepalive}`,
  ].join('\n');
}

/** OpenWrt: the interface `nvr_wg` (netifd proto wireguard), one peer section per device, the UDP port open on wan. */
export function openwrtServerCommands(plan: VpnPlan, privateKey: string): string {
  const p = serverPlan(plan);
  checkKey(privateKey);
  const out = [
    '# On the router (ssh root@<router>), e.g. sh wg-openwrt.sh. Holds the private key of the server: delete the file after.',
    '# Needs wireguard-tools and luci-proto-wireguard (opkg install ...). An earlier nvr-assist tunnel is replaced.',
    "for s in $(uci show network | sed -n 's/^network\\.\\(nvr_wg_p[0-9]*\\)=wireguard_nvr_wg$/\\1/p'); do uci delete network.$s; done",
    'uci -q delete network.nvr_wg',
    "uci set network.nvr_wg='interface'",
    "uci set network.nvr_wg.proto='wireguard'",
    `uci set network.nvr_wg.private_key='${privateKey}'`,
    `uci set network.nvr_wg.listen_port='${p.listenPort}'`,
    `uci add_list network.nvr_wg.addresses='${p.serverAddress}'`,
  ];
  p.peers.forEach((peer, i) => {
    const s = `network.nvr_wg_p${i + 1}`;
    out.push(
      `uci set ${s}='wireguard_nvr_wg'`,
      `uci set ${s}.description='${peer.name}'`,
      `uci set ${s}.public_key='${peer.publicKey}'`,
      `uci add_list ${s}.allowed_ips='${peer.address}'`,
      `uci set ${s}.route_allowed_ips='1'`,
    );
  });
  out.push(
    'uci commit network',
    '# The tunnel joins the lan zone (the first zone on a stock OpenWrt); UDP open on wan for WireGuard only.',
    "uci -q del_list firewall.@zone[0].network='nvr_wg'",
    "uci add_list firewall.@zone[0].network='nvr_wg'",
    'uci -q delete firewall.nvr_wg',
    "uci set firewall.nvr_wg='rule'",
    "uci set firewall.nvr_wg.name='nvr-assist WireGuard'",
    "uci set firewall.nvr_wg.src='wan'",
    `uci set firewall.nvr_wg.dest_port='${p.listenPort}'`,
    "uci set firewall.nvr_wg.proto='udp'",
    "uci set firewall.nvr_wg.target='ACCEPT'",
    'uci commit firewall',
    '/etc/init.d/firewall restart',
    'ifup nvr_wg',
  );
  return out.join('\n');
}

/** MikroTik RouterOS v7: the interface `nvr-wg` with our key (so the devices' configs match), peers, two accepts. */
export function mikrotikServerCommands(plan: VpnPlan, privateKey: string): string {
  const p = serverPlan(plan);
  checkKey(privateKey);
  const out = [
    '# In the terminal (WinBox > New Terminal, or ssh). Holds the private key of the server: do not keep this text.',
    '# An earlier nvr-assist tunnel goes first:',
    '/ip firewall filter remove [find where comment~"nvr-assist"]',
    '/interface wireguard peers remove [find where interface=nvr-wg]',
    '/ip address remove [find where interface=nvr-wg]',
    '/interface wireguard remove [find where name=nvr-wg]',
    `/interface wireguard add name=nvr-wg listen-port=${p.listenPort} private-key="${privateKey}" comment="nvr-assist"`,
    `/ip address add address=${p.serverAddress} interface=nvr-wg comment="nvr-assist"`,
    ...p.peers.map(
      (peer) =>
        `/interface wireguard peers add interface=nvr-wg public-key="${peer.publicKey}" allowed-address=${peer.address} comment="nvr-assist ${peer.name}"`,
    ),
    '# place-before=0 puts the accepts before the default drops (the filter must have a rule already).',
    `/ip firewall filter add chain=input action=accept protocol=udp dst-port=${p.listenPort} comment="nvr-assist: WireGuard" place-before=0`,
    `/ip firewall filter add chain=forward action=accept in-interface=nvr-wg dst-address=${p.lan} comment="nvr-assist: tunnel to LAN" place-before=0`,
  ];
  return out.join('\n');
}

/**
 * FRITZ!Box: the box's side as a wg-quick file for its import ("already set up at the remote connection? Yes").
 * Only a third-party tutorial shows that import (L, ROUTERS.md §5): said in the file.
 */
export function fritzboxImport(plan: VpnPlan, privateKey: string): string {
  const p = serverPlan(plan);
  checkKey(privateKey);
  return [
    '# nvr-assist: the FRITZ!Box side of the tunnel, to import under Internet > Permit Access > VPN (WireGuard).',
    '# Import path from a third-party tutorial (not confirmed by AVM). Holds the private key of the box: delete it after.',
    ...wgQuickServer(p, privateKey, []),
  ].join('\n');
}

/** The server's config for the plan's server kind. */
export function serverConfig(plan: VpnPlan, privateKey: string): string {
  switch (plan.config) {
    case 'linux':
      return linuxServerConfig(plan, privateKey);
    case 'openwrt':
      return openwrtServerCommands(plan, privateKey);
    case 'mikrotik':
      return mikrotikServerCommands(plan, privateKey);
    case 'fritzbox':
      return fritzboxImport(plan, privateKey);
    default:
      throw new Error('this router makes its own config');
  }
}
