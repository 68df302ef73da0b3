// The VPN step's plan: where the WireGuard server runs (on the router where its family has WireGuard, else on an
// always-on Linux computer of the LAN behind one UDP forward), a tunnel subnet that clashes with no network the
// user's devices see, the endpoint the phone dials, split tunnel (the LAN and the tunnel only), one peer per named
// device — or, behind carrier-grade NAT, no home server at all but an overlay (Tailscale/Headscale, ZeroTier).
// Pure: main makes the keys and measures; this decides. Router facts from ../shared/reference/ROUTERS.md §5 (each
// with its grade and source); the plan names peers by PUBLIC key only — a private key never enters it.
import { z } from 'zod';
import { classifyIpv4, formatIpv4, parseIpv4 } from './ipv4';
import { believablePublic, type PublicVerdictCode } from './public-address';

import {
  NO_WIREGUARD_FAMILIES,
  VPN_CONFIG_KINDS,
  VPN_SERVERS,
  type VpnServerFacts,
  type VpnServerKind,
} from '../catalog/vpn-servers';
import {
  COMMON_HOME_LANS,
  DEFAULT_KEEPALIVE,
  MAX_PEERS,
  TUNNEL_CANDIDATES,
  WG_KEY,
  checkPeerNames,
  chooseTunnel,
  isEndpointName,
  isWgKey,
  overlaps,
  parseCidr,
} from './vpn-checks';

export * from '../catalog/vpn-servers';
export * from './vpn-checks';

const cidr = z.string().max(18);
const key = z.string().regex(WG_KEY);

export const vpnFindingSchema = z.object({
  code: z.enum([
    'cgnat',
    'double-nat',
    'no-wireguard',
    'not-confirmed',
    'dynamic-address',
    'no-endpoint',
    'endpoint-unresolved',
    'endpoint-elsewhere',
    'tunnel-moved',
    'lan-common',
    'udp-forward',
  ]),
  severity: z.enum(['problem', 'warning', 'info']),
  text: z.string().max(800),
});
export type VpnFinding = z.infer<typeof vpnFindingSchema>;

export const vpnPeerSchema = z.object({
  name: z.string().max(32),
  /** Its address in the tunnel (/32). */
  address: z.string().max(18),
  publicKey: key,
});
export type VpnPeer = z.infer<typeof vpnPeerSchema>;

export const overlayWaySchema = z.object({
  id: z.enum(['tailscale', 'headscale', 'zerotier']),
  name: z.string().max(80),
  steps: z.array(z.string().max(400)).max(12),
  source: z.string().max(300),
  grade: z.enum(['H', 'M', 'L']),
});
export type OverlayWay = z.infer<typeof overlayWaySchema>;

export const vpnPlanSchema = z.object({
  /** wireguard: a home server; overlay: behind CGNAT, no home server can be reached; none: this router has none. */
  mode: z.enum(['wireguard', 'overlay', 'none']),
  server: z.string().max(20),
  serverName: z.string().max(80),
  /** The family's facts as sourced (grade, source, where), or null (a family without WireGuard). */
  facts: z
    .object({
      since: z.string().max(200),
      where: z.string().max(300),
      grade: z.enum(['H', 'M', 'L']),
      source: z.string().max(300),
    })
    .nullable(),
  lan: cidr,
  /** Tunnel subnet and the server's address in it (x.x.x.1/24). */
  tunnel: cidr.nullable(),
  serverAddress: cidr.nullable(),
  listenPort: z.number().int().min(1).max(65535).nullable(),
  endpoint: z.object({ host: z.string().max(253), kind: z.enum(['ddns', 'address']) }).nullable(),
  /** What the peers send through the tunnel: the LAN and the tunnel only (split tunnel). */
  allowedIps: z.array(cidr).max(4),
  keepalive: z.number().int().min(0).max(3600),
  serverPublicKey: key.nullable(),
  peers: z.array(vpnPeerSchema).max(MAX_PEERS),
  /** Linux server: the one forward the router needs (UDP listenPort to this computer). */
  forward: z.object({ protocol: z.literal('udp'), port: z.number().int(), to: z.string().max(15) }).nullable(),
  /** What the app writes for the server (null: the router makes its own config; follow `steps`). */
  config: z.enum(VPN_CONFIG_KINDS).nullable(),
  findings: z.array(vpnFindingSchema).max(16),
  steps: z.array(z.string().max(600)).max(16),
  overlay: z.array(overlayWaySchema).max(3),
  madeAt: z.string(),
});
export type VpnPlan = z.infer<typeof vpnPlanSchema>;

export interface VpnPlanInput {
  /** A VPN server kind or a router family without WireGuard. */
  server: string;
  /** The LAN the NVR is on (CIDR). */
  lan: string;
  /** Every other network this computer sees (its other interfaces, VPNs, Docker…), as CIDR. */
  otherNetworks: readonly string[];
  /** The peers' names and their public keys, in the user's order. */
  peers: ReadonlyArray<{ name: string; publicKey: string }>;
  serverPublicKey: string;
  /** The DDNS name, when there is one (preferred). */
  ddnsName?: string | null;
  /** The public address the Internet step measured. */
  publicAddress?: string | null;
  /** The Internet step's verdict (null: not checked yet). */
  verdict: PublicVerdictCode | null;
  /** Linux server: its LAN address (the UDP forward goes there). */
  serverLanAddress?: string | null;
  /** A tunnel subnet the user asks for (else the first candidate that clashes with nothing). */
  tunnel?: string | null;
  at: Date;
}

const TAILSCALE: OverlayWay = {
  id: 'tailscale',
  name: 'Tailscale subnet router',
  grade: 'H',
  source: 'https://tailscale.com/kb/1019/subnets',
  steps: [
    'Install Tailscale on an always-on computer of the LAN and on the phone, signed in to the same account.',
    'On that computer, turn on IP forwarding (Linux: net.ipv4.ip_forward = 1 in /etc/sysctl.d/99-tailscale.conf, then sysctl -p).',
    'Advertise the LAN: sudo tailscale up --advertise-routes=<LAN>',
    'Approve the route for that computer in the Tailscale admin console (Machines).',
    'On Linux clients: sudo tailscale set --accept-routes (phones accept routes by default).',
    'From the phone on mobile data, open the NVR’s LAN address.',
  ],
};
const HEADSCALE: OverlayWay = {
  id: 'headscale',
  name: 'Headscale (your own Tailscale control server) subnet router',
  grade: 'H',
  source: 'juanfont/headscale: docs/ref/routes.md',
  steps: [
    'Run Headscale on a server with a public address (not at home behind the carrier’s NAT).',
    'On the LAN computer: sudo tailscale up --login-server <YOUR_HEADSCALE_URL> --advertise-routes=<LAN>',
    'On the Headscale server: headscale nodes list-routes, then headscale nodes approve-routes --node <ID> --routes <LAN>',
    'Turn on IP forwarding on the LAN computer, and sudo tailscale set --accept-routes on Linux clients.',
  ],
};
const ZEROTIER: OverlayWay = {
  id: 'zerotier',
  name: 'ZeroTier with a managed route',
  grade: 'H',
  source: 'https://docs.zerotier.com/route-between-phys-and-virt',
  steps: [
    'Install ZeroTier on an always-on Linux computer of the LAN and on the phone; join both to your network and authorize them in ZeroTier Central.',
    'In Central (network Settings > Managed Routes) add the LAN, one step larger (a /23 for a /24), via the LAN computer’s ZeroTier address.',
    'On the LAN computer: sysctl -w net.ipv4.ip_forward=1, and NAT from the ZeroTier interface to the LAN (iptables MASQUERADE on the LAN interface).',
    'Limit it to the NVR with a FORWARD rule for the NVR’s address only.',
  ],
};

const withLan = (way: OverlayWay, lan: string): OverlayWay => ({
  ...way,
  steps: way.steps.map((s) => s.replaceAll('<LAN>', lan)),
});

/** The tunnel plan (see the file's head). Bad input is refused with a plain reason; everything else is a finding. */
export function planVpn(input: VpnPlanInput): { ok: true; plan: VpnPlan } | { ok: false; error: string } {
  const lan = parseCidr(input.lan);
  if (!lan || lan.prefix < 8 || lan.prefix > 30)
    return { ok: false, error: `The LAN "${input.lan.slice(0, 20)}" is not a network like 192.168.1.0/24.` };
  const lanText = `${formatIpv4(lan.net)}/${lan.prefix}`;
  const names = checkPeerNames(input.peers.map((p) => p.name));
  if (!names.ok) return names;
  for (const k of [input.serverPublicKey, ...input.peers.map((p) => p.publicKey)])
    if (!isWgKey(k)) return { ok: false, error: 'A public key is not in WireGuard’s form (44 characters of base64).' };
  const ddns = input.ddnsName?.trim() || null;
  if (ddns !== null && !isEndpointName(ddns))
    return { ok: false, error: `"${ddns.slice(0, 60)}" is not a name the phone can dial (like home.example.net).` };
  const findings: VpnFinding[] = [];
  const base = {
    server: input.server.slice(0, 20),
    lan: lanText,
    madeAt: input.at.toISOString(),
    keepalive: DEFAULT_KEEPALIVE,
  };
  const empty = {
    tunnel: null,
    serverAddress: null,
    listenPort: null,
    endpoint: null,
    allowedIps: [],
    serverPublicKey: null,
    peers: [],
    forward: null,
    config: null,
  };

  if (COMMON_HOME_LANS.some((c) => overlaps(c, lanText)))
    findings.push({
      code: 'lan-common',
      severity: 'warning',
      text: `Your LAN ${lanText} is one of the most common home networks: on a hotel’s or a friend’s Wi-Fi with the same numbers the phone reaches their device, not your NVR. Use mobile data then, or renumber your LAN (e.g. 192.168.57.0/24) before you set the VPN up.`,
    });

  if ((NO_WIREGUARD_FAMILIES as readonly string[]).includes(input.server) || !(input.server in VPN_SERVERS)) {
    findings.push({
      code: 'no-wireguard',
      severity: 'problem',
      text: `No source shows a WireGuard server on this router (${input.server.slice(0, 20)}). Run it on an always-on Linux computer of your LAN instead (plan with --server linux: the router then needs one UDP port forward to it), or use a router that has one (OpenWrt, MikroTik RouterOS 7, FRITZ!Box 7.50+, GL.iNet).`,
    });
    return {
      ok: true,
      plan: {
        ...base,
        ...empty,
        mode: 'none',
        serverName: input.server.slice(0, 20),
        facts: null,
        findings,
        steps: [],
        overlay: [],
      },
    };
  }
  const facts = VPN_SERVERS[input.server as VpnServerKind];
  const factsOut = { since: facts.since, where: facts.where, grade: facts.grade, source: facts.source };

  if (input.verdict === 'cgnat') {
    findings.push({
      code: 'cgnat',
      severity: 'problem',
      text: 'Your internet provider shares one public address among many customers (carrier-grade NAT): nothing from the internet can reach a VPN server at home, on the router or on a computer. Use an overlay network instead — both ends dial out, so it works behind the carrier’s NAT — or ask the provider for a public IPv4 address.',
    });
    return {
      ok: true,
      plan: {
        ...base,
        ...empty,
        mode: 'overlay',
        serverName: facts.name,
        facts: factsOut,
        findings,
        steps: [],
        overlay: [withLan(TAILSCALE, lanText), withLan(HEADSCALE, lanText), withLan(ZEROTIER, lanText)],
      },
    };
  }

  // The tunnel subnet: the user's, if it is a free network, else the first candidate that clashes with nothing.
  const taken = [lanText, ...input.otherNetworks];
  let tunnel: string | null;
  if (input.tunnel) {
    const t = parseCidr(input.tunnel);
    if (!t || t.prefix < 16 || t.prefix > 29 || classifyIpv4(formatIpv4(t.net)) !== 'private')
      return {
        ok: false,
        error: `The tunnel subnet "${input.tunnel.slice(0, 20)}" must be a private network from /16 to /29.`,
      };
    tunnel = `${formatIpv4(t.net)}/${t.prefix}`;
    const clash = taken.find((n) => overlaps(tunnel!, n));
    if (clash)
      return { ok: false, error: `The tunnel subnet ${tunnel} overlaps ${clash}, a network your devices already use.` };
    if (2 ** (32 - t.prefix) - 3 < input.peers.length)
      return { ok: false, error: `The tunnel subnet ${tunnel} is too small for ${input.peers.length} devices.` };
  } else {
    tunnel = chooseTunnel(taken);
    if (!tunnel)
      return {
        ok: false,
        error: 'Every usual tunnel subnet clashes with a network here: give one with --tunnel (e.g. 10.213.7.0/24).',
      };
    if (tunnel !== TUNNEL_CANDIDATES[0]) {
      const clashes = TUNNEL_CANDIDATES.slice(
        0,
        TUNNEL_CANDIDATES.indexOf(tunnel as (typeof TUNNEL_CANDIDATES)[number]),
      );
      findings.push({
        code: 'tunnel-moved',
        severity: 'info',
        text: `${clashes.join(', ')} ${clashes.length === 1 ? 'is' : 'are'} already used here (${taken.filter((n) => clashes.some((c) => overlaps(c, n))).join(', ')}): the tunnel uses ${tunnel} instead.`,
      });
    }
  }
  const tnet = parseCidr(tunnel)!;
  const serverAddress = `${formatIpv4(tnet.net + 1)}/${tnet.prefix}`;
  const peers = input.peers.map((p, i) => ({
    name: p.name,
    address: `${formatIpv4(tnet.net + 2 + i)}/32`,
    publicKey: p.publicKey,
  }));

  if (facts.grade === 'L')
    findings.push({
      code: 'not-confirmed',
      severity: 'warning',
      text: `${facts.name}: only unofficial sources describe its WireGuard server (${facts.source}); menus and the port may differ. Check the router’s own help.`,
    });

  // The endpoint: the DDNS name, else the measured public address (which may change).
  let endpoint: VpnPlan['endpoint'] = null;
  const pub = input.publicAddress?.trim() || null;
  if (ddns) endpoint = { host: ddns.replace(/\.$/, ''), kind: 'ddns' };
  else if (pub && believablePublic(pub).ok) {
    endpoint = { host: pub, kind: 'address' };
    findings.push({
      code: 'dynamic-address',
      severity: 'warning',
      text: `The phone dials ${pub}, your public address now. Most home connections get a new one now and then; the tunnel then stops until you set up DDNS (a name that follows the address) and use the name instead.`,
    });
  } else
    findings.push({
      code: 'no-endpoint',
      severity: 'problem',
      text: 'The phone needs an address to dial: set up DDNS (a name for your home), or run the Internet check so the app knows your public address.',
    });
  if (input.verdict === 'double-nat')
    findings.push({
      code: 'double-nat',
      severity: 'warning',
      text: `Another router (often the provider’s box) sits in front of yours: forward UDP ${facts.port} on it too, to your router’s WAN address — or put that box in bridge mode.`,
    });

  let forward: VpnPlan['forward'] = null;
  if (facts.id === 'linux') {
    const at = input.serverLanAddress?.trim();
    const lanNet = at ? parseCidr(`${at}/${lan.prefix}`) : null;
    if (!at || !lanNet || lanNet.net !== lan.net || parseIpv4(at) === lan.net)
      return {
        ok: false,
        error: 'Give the Linux computer’s LAN address (it runs the server; the router forwards one UDP port to it).',
      };
    forward = { protocol: 'udp', port: facts.port, to: at };
    findings.push({
      code: 'udp-forward',
      severity: 'info',
      text: `On the router: forward UDP ${facts.port} to ${at} (nothing else). Give that computer a fixed address (a DHCP reservation), and keep it switched on.`,
    });
  }

  const steps = serverSteps(facts, forward);
  return {
    ok: true,
    plan: {
      ...base,
      mode: 'wireguard',
      serverName: facts.name,
      facts: factsOut,
      tunnel,
      serverAddress,
      listenPort: facts.port,
      endpoint,
      allowedIps: [lanText, tunnel],
      serverPublicKey: input.serverPublicKey,
      peers,
      forward,
      config: facts.config,
      findings,
      steps,
      overlay: [],
    },
  };
}

function serverSteps(facts: VpnServerFacts, forward: VpnPlan['forward']): string[] {
  const phone =
    'On each device: install the WireGuard app, then import its config (`vpn qr <device>` shows a QR code for a phone; `vpn config <device>` writes the file).';
  const test =
    'The one test only a phone can do: switch its Wi-Fi off (mobile data), turn the tunnel on, open the NVR’s LAN address.';
  switch (facts.config) {
    case 'linux':
      return [
        'On the Linux computer: install wireguard-tools (Debian/Ubuntu: sudo apt install wireguard-tools iptables).',
        'Write the server config: `nvr-assist vpn config server --out /etc/wireguard/wg0.conf` (owner-only), then: sudo systemctl enable --now wg-quick@wg0',
        `On the router: forward UDP ${forward!.port} to ${forward!.to} — the only forward; no NVR port.`,
        phone,
        test,
      ];
    case 'openwrt':
      return [
        'On the router: opkg install wireguard-tools luci-proto-wireguard (OpenWrt 22.03+ often has them).',
        'Write the commands: `nvr-assist vpn config server --out wg-openwrt.sh`, copy it to the router (scp), then run it there: sh wg-openwrt.sh',
        phone,
        test,
      ];
    case 'mikrotik':
      return [
        'Write the commands: `nvr-assist vpn config server --out wg-mikrotik.rsc`, then paste them into the router’s terminal (WinBox > New Terminal, or ssh).',
        phone,
        test,
      ];
    case 'fritzbox':
      return [
        'Write the import file: `nvr-assist vpn config server --out fritzbox-wireguard.conf`.',
        `On the FRITZ!Box (${facts.where}): "Connect networks or establish special connections" > "already set up at the remote connection? Yes" > choose the file (steps from a third-party tutorial; AVM may ask you to confirm on the box).`,
        phone,
        test,
      ];
    default:
      return [
        `On the router: ${facts.where}. Let the router make the server and one profile per device (its QR code or .conf), with the tunnel subnet and LAN shown here.`,
        test,
      ];
  }
}
