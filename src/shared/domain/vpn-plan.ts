// The VPN step's plan: where the WireGuard server runs (on the router where its family has WireGuard, else on an
// always-on Linux computer of the LAN behind one UDP forward), a tunnel subnet that clashes with no network the
// user's devices see, the endpoint the phone dials, split tunnel (the LAN and the tunnel only), one peer per named
// device — or, behind carrier-grade NAT, no home server at all but an overlay (Tailscale/Headscale, ZeroTier).
// Pure: main makes the keys and measures; this decides. Router facts from ../shared/reference/ROUTERS.md §5 (each
// with its grade and source); the plan names peers by PUBLIC key only — a private key never enters it.
// The shapes are in vpn-plan-shapes.ts (exported from here too, so `./vpn-plan` stays the one import), the steps the
// user follows in vpn-plan-steps.ts.
import { classifyIpv4, formatIpv4, parseIpv4 } from './ipv4';
import { believablePublic } from './believable-public';
import { NO_WIREGUARD_FAMILIES, VPN_SERVERS, type VpnServerKind } from '../catalog/vpn-servers';
import {
  COMMON_HOME_LANS,
  DEFAULT_KEEPALIVE,
  TUNNEL_CANDIDATES,
  checkPeerNames,
  chooseTunnel,
  isEndpointName,
  isWgKey,
  overlaps,
  parseCidr,
} from './vpn-checks';
import type { VpnFinding, VpnPlan, VpnPlanInput } from './vpn-plan-shapes';
import { HEADSCALE, serverSteps, TAILSCALE, withLan, ZEROTIER } from './vpn-plan-steps';

export * from '../catalog/vpn-servers';
export * from './vpn-checks';
export * from './vpn-plan-shapes';

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
