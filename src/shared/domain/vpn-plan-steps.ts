// The VPN step's plan: the steps the user follows — on the server (per kind of server the app writes a config for, or
// the router's own menu) and, behind carrier-grade NAT, the overlay ways (Tailscale, Headscale, ZeroTier) with their
// sources. Used by planVpn (vpn-plan.ts).
import type { VpnServerFacts } from '../catalog/vpn-servers';
import type { OverlayWay, VpnPlan } from './vpn-plan-shapes';

export const TAILSCALE: OverlayWay = {
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
export const HEADSCALE: OverlayWay = {
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
export const ZEROTIER: OverlayWay = {
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

/** An overlay way with the user's LAN written into its steps. */
export const withLan = (way: OverlayWay, lan: string): OverlayWay => ({
  ...way,
  steps: way.steps.map((s) => s.replaceAll('<LAN>', lan)),
});

/** The steps on the server's side, then the phone's. */
export function serverSteps(facts: VpnServerFacts, forward: VpnPlan['forward']): string[] {
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
