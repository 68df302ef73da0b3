// The VPN step's plan: its shapes (a finding, a peer, an overlay way, the plan) and what planVpn is given. The rules
// are in vpn-plan.ts; every name is also exported from there.
import { z } from 'zod';
import { VPN_CONFIG_KINDS } from '../catalog/vpn-servers';
import { saidSchema } from '../i18n/said';
import type { PublicVerdictCode } from './public-address';
import { MAX_PEERS, WG_KEY } from './vpn-checks';

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
  /** The same words by the catalogue's key (said.ts): the page and the CLI say them in the user's language. */
  said: saidSchema.optional(),
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
