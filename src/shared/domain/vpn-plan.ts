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
import { english } from '../i18n/english';
import { said, type Said } from '../i18n/said';
import { NO_WIREGUARD_FAMILIES, VPN_SERVERS, type VpnServerKind } from '../catalog/vpn-servers';
import {
  COMMON_HOME_LANS,
  DEFAULT_KEEPALIVE,
  TUNNEL_CANDIDATES,
  chooseTunnel,
  isEndpointName,
  isWgKey,
  overlaps,
  parseCidr,
  peerNameSaid,
  peerNamesSaid,
} from './vpn-checks';
import type { VpnFinding, VpnPlan, VpnPlanInput } from './vpn-plan-shapes';
import { HEADSCALE, serverSteps, TAILSCALE, withLan, ZEROTIER } from './vpn-plan-steps';
import { refused, vpnSaid } from './vpn-said';

export * from '../catalog/vpn-servers';
export * from './vpn-checks';
export * from './vpn-plan-shapes';

/** A peer's name checked as a file name: null when fine, else the plain reason (English; said by key: peerNameSaid). */
export function checkPeerName(name: string): string | null {
  const bad = peerNameSaid(name);
  return bad === null ? null : english(bad);
}

/** The peers' names checked (see peerNamesSaid): the reason in English, and said by key. */
export function checkPeerNames(
  names: readonly string[],
): { ok: true; names: string[] } | { ok: false; error: string; said: Said } {
  const checked = peerNamesSaid(names);
  return checked.ok ? checked : refused(checked.said);
}

/**
 * The tunnel plan (see the file's head). Bad input is refused with a plain reason (English, and said by key);
 * everything else is a finding.
 */
export function planVpn(input: VpnPlanInput): { ok: true; plan: VpnPlan } | { ok: false; error: string; said: Said } {
  const lan = parseCidr(input.lan);
  if (!lan || lan.prefix < 8 || lan.prefix > 30)
    return refused(said('vpn.said.refused.lanNotNetwork', { lan: input.lan.slice(0, 20) }));
  const lanText = `${formatIpv4(lan.net)}/${lan.prefix}`;
  const names = checkPeerNames(input.peers.map((p) => p.name));
  if (!names.ok) return names;
  for (const k of [input.serverPublicKey, ...input.peers.map((p) => p.publicKey)])
    if (!isWgKey(k)) return refused(said('vpn.said.refused.badKey'));
  const ddns = input.ddnsName?.trim() || null;
  if (ddns !== null && !isEndpointName(ddns))
    return refused(said('vpn.said.refused.badEndpoint', { endpoint: ddns.slice(0, 60) }));
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
      ...vpnSaid(said('vpn.said.findings.lanCommon', { lan: lanText })),
    });

  if ((NO_WIREGUARD_FAMILIES as readonly string[]).includes(input.server) || !(input.server in VPN_SERVERS)) {
    findings.push({
      code: 'no-wireguard',
      severity: 'problem',
      ...vpnSaid(
        said('vpn.said.findings.noWireguard', { server: input.server.slice(0, 20), option: '--server linux' }),
      ),
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
      ...vpnSaid(said('vpn.said.findings.cgnat')),
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
      return refused(said('vpn.said.refused.tunnelNotPrivate', { tunnel: input.tunnel.slice(0, 20) }));
    tunnel = `${formatIpv4(t.net)}/${t.prefix}`;
    const clash = taken.find((n) => overlaps(tunnel!, n));
    if (clash) return refused(said('vpn.said.refused.tunnelClash', { tunnel, clash }));
    if (2 ** (32 - t.prefix) - 3 < input.peers.length)
      return refused(said('vpn.said.refused.tunnelTooSmall', { tunnel, devices: String(input.peers.length) }));
  } else {
    tunnel = chooseTunnel(taken);
    if (!tunnel) return refused(said('vpn.said.refused.noFreeTunnel', { option: '--tunnel' }));
    if (tunnel !== TUNNEL_CANDIDATES[0]) {
      const clashes = TUNNEL_CANDIDATES.slice(
        0,
        TUNNEL_CANDIDATES.indexOf(tunnel as (typeof TUNNEL_CANDIDATES)[number]),
      );
      findings.push({
        code: 'tunnel-moved',
        severity: 'info',
        ...vpnSaid(
          said(clashes.length === 1 ? 'vpn.said.findings.tunnelMovedOne' : 'vpn.said.findings.tunnelMovedMany', {
            clashes: clashes.join(', '),
            taken: taken.filter((n) => clashes.some((c) => overlaps(c, n))).join(', '),
            tunnel,
          }),
        ),
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
      ...vpnSaid(said('vpn.said.findings.notConfirmed', { router: facts.name, source: facts.source })),
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
      ...vpnSaid(said('vpn.said.findings.dynamicAddress', { address: pub })),
    });
  } else
    findings.push({
      code: 'no-endpoint',
      severity: 'problem',
      ...vpnSaid(said('vpn.said.findings.noEndpoint')),
    });
  if (input.verdict === 'double-nat')
    findings.push({
      code: 'double-nat',
      severity: 'warning',
      ...vpnSaid(said('vpn.said.findings.doubleNat', { port: String(facts.port) })),
    });

  let forward: VpnPlan['forward'] = null;
  if (facts.id === 'linux') {
    const at = input.serverLanAddress?.trim();
    const lanNet = at ? parseCidr(`${at}/${lan.prefix}`) : null;
    if (!at || !lanNet || lanNet.net !== lan.net || parseIpv4(at) === lan.net)
      return refused(said('vpn.said.refused.linuxAddress'));
    forward = { protocol: 'udp', port: facts.port, to: at };
    findings.push({
      code: 'udp-forward',
      severity: 'info',
      ...vpnSaid(said('vpn.said.findings.udpForward', { port: String(facts.port), address: at })),
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
