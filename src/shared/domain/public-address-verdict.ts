// The Internet step's verdict: is this router's WAN address the public one (forwarding can work), is an ISP box in
// front (double NAT), or does the carrier share one address among many (CGNAT)? Pure: the main process measures
// (services/internet), this decides. Sources: shared/reference/INTERNET-SECURITY.md §0 rule 1 and §2.3 (RFC 6598's
// 100.64.0.0/10; "WAN address RFC 1918 or RFC 6598, or different from what an external service sees"; double NAT is
// fixed with bridge mode or DMZ on the ISP box; CGNAT needs the ISP: a public IPv4, or IPv6, or a VPN/relay),
// ROUTERS.md §3. Exported from public-address.ts as well.
import { classifyIpv4, parseIpv4, type Ipv4Class } from './ipv4';
import type {
  OutsideView,
  PathHops,
  PublicFinding,
  PublicVerdict,
  PublicVerdictCode,
  RouterWanSource,
} from './public-address-shapes';

/**
 * An address a "what is my IP" source may give: a public IPv4, or one of the documentation ranges (RFC 5737 — never
 * routed on the internet, so only a test network such as the lab's hands them out; treated as public there). A
 * private, CGNAT, loopback, link-local or multicast address is not what the internet sees: the source is wrong.
 */
export function believablePublic(addr: string | null): { ok: true } | { ok: false; kind: Ipv4Class | 'not-ipv4' } {
  const kind = addr === null ? null : classifyIpv4(addr);
  if (kind === null) return { ok: false, kind: 'not-ipv4' };
  return kind === 'public' || kind === 'documentation' ? { ok: true } : { ok: false, kind };
}

const KIND_WORDS: Record<Ipv4Class | 'not-ipv4', string> = {
  loopback: 'a loopback address',
  'link-local': 'a link-local address',
  private: 'a private (RFC 1918) address',
  cgnat: 'a carrier-grade NAT address (100.64.0.0/10)',
  documentation: 'a documentation address',
  multicast: 'a multicast address',
  public: 'a public address',
  'not-ipv4': 'not an IPv4 address',
};

export interface VerdictInput {
  gateway: string | null;
  router: { address: string | null; source: RouterWanSource | null; readAt: string | null };
  stun: OutsideView;
  checker: OutsideView;
  /** The first two hops toward the STUN server (absent or null: not traced). */
  hops?: PathHops | null;
}

const SOURCE_WORDS: Record<RouterWanSource, string> = {
  igd: 'its UPnP gateway (GetExternalIPAddress)',
  'nat-pmp': 'NAT-PMP',
  'upnp-record': 'the UPnP step’s last check',
};

const ADVICE = {
  'public-on-router':
    'Port forwarding can work: the router holds the public address itself. Forward only the ports the Router rules step plans, and prove them from outside. If this address changes, a DDNS name keeps following it.',
  'double-nat':
    'There are two routers in a row: an ISP box in front of yours. Forwarding on your router alone will not reach the NVR. Best: put the ISP box in bridge mode (your router then gets the public address). Otherwise make your router the ISP box’s DMZ / exposed host, or forward the same ports on the ISP box to your router’s WAN address as well. A VPN avoids all of this.',
  cgnat:
    'Your ISP shares one public address among many customers (carrier-grade NAT): nothing you set at home can open a port to the internet. Ask the ISP for a public IPv4 address (often a small fee), use IPv6 if the ISP gives it, or use a VPN that needs no open port (Tailscale/ZeroTier, or WireGuard to a server outside).',
  unknown: '',
} as const;

const TITLES: Record<PublicVerdictCode, string> = {
  'public-on-router': 'Your router has the public address',
  'double-nat': 'Double NAT: an ISP box sits in front of your router',
  cgnat: 'Carrier-grade NAT: your ISP shares the public address',
  unknown: 'Not known yet',
};

/** One outside source's address if believable; a finding when it gave none or an unbelievable one. */
function outside(
  view: OutsideView,
  what: 'stun' | 'checker',
  findings: PublicFinding[],
): { address: string | null; said: string } {
  const name = what === 'stun' ? `The STUN server ${view.server}` : `The address checker ${view.server}`;
  if (view.address === null) {
    findings.push({
      code: what === 'stun' ? 'stun-failed' : 'checker-failed',
      severity: 'warning',
      text: `${name} gave no address: ${view.error ?? 'no answer'}.`,
    });
    return { address: null, said: `${name}: no answer` };
  }
  const b = believablePublic(view.address);
  if (!b.ok) {
    findings.push({
      code: what === 'stun' ? 'stun-not-public' : 'checker-not-public',
      severity: 'problem',
      text: `${name} says the internet sees ${view.address}, which is ${KIND_WORDS[b.kind]}: the internet never sees that, so this answer is not trusted (the server is wrong, misconfigured, or not on the internet).`,
    });
    return { address: null, said: `${name}: ${view.address} (not believable)` };
  }
  return { address: view.address, said: `${name} sees ${view.address}` };
}

/**
 * What the first two hops toward the STUN server add: hop 2 counts only when hop 1 is this computer's router (else
 * the path does not go through it first — a VPN on this computer, another router in between) and hop 2 is not the
 * STUN server itself. The evidence line says what was seen either way; a ping that could not run is a finding.
 */
function readHops(
  hops: PathHops | null | undefined,
  gateway: string,
  evidence: string[],
  findings: PublicFinding[],
): { second: string; kind: Ipv4Class } | null {
  if (!hops) return null;
  if (hops.error && hops.error !== 'cancelled')
    findings.push({
      code: 'hops-unknown',
      severity: 'info',
      text: `The route toward the STUN server ${hops.target} could not be traced (${hops.error}): the verdict rests on the router’s and the outside services’ answers alone.`,
    });
  if (hops.first === null) {
    if (hops.second !== null)
      evidence.push(
        `Toward the STUN server ${hops.target}, hop 1 did not answer and hop 2 is ${hops.second}: without hop 1 it is not known to be the router after yours, so it is not used`,
      );
    return null;
  }
  if (parseIpv4(hops.first) !== parseIpv4(gateway)) {
    evidence.push(
      `Toward the STUN server ${hops.target}, hop 1 is ${hops.first}, not your router ${gateway} (a VPN on this computer, or another router in between?): the hops are not used`,
    );
    return null;
  }
  if (hops.second === null) {
    evidence.push(`Toward the STUN server ${hops.target}, hop 1 is your router ${gateway}; hop 2 did not answer`);
    return null;
  }
  if (parseIpv4(hops.second) === parseIpv4(hops.target)) {
    evidence.push(
      `Toward the STUN server ${hops.target}, hop 1 is your router ${gateway} and hop 2 is the STUN server itself`,
    );
    return null;
  }
  const kind = classifyIpv4(hops.second);
  evidence.push(
    `Toward the STUN server ${hops.target}, hop 1 is your router ${gateway} and hop 2, the first router after yours, is ${hops.second}${kind ? ` (${KIND_WORDS[kind]})` : ''}`,
  );
  return kind ? { second: hops.second, kind } : null;
}

/**
 * The verdict from what the router says about its WAN side, the first router after it, and what the internet sees.
 *
 * The table, top row first (hop 2: the first router after yours toward the STUN server, when hop 1 is your router):
 *
 * | router WAN | hop 2 | internet sees | verdict |
 * |---|---|---|---|
 * | (no default gateway) | — | — | unknown |
 * | in 100.64.0.0/10 | anything | anything | cgnat |
 * | private (RFC 1918) | anything (private: the box in front, said) | anything | double-nat |
 * | public, unknown, or not a WAN address | in 100.64.0.0/10 | anything | cgnat (a public WAN is then one learnt by STUN) |
 *
 * then, hop 2 private, public, silent or not traced changing nothing:
 *
 * | router WAN | internet sees | verdict |
 * |---|---|---|
 * | unknown, or not a WAN address | anything | unknown |
 * | public | STUN and checker disagree, or neither believable | unknown |
 * | public, = the public address | STUN and checker agree (or one answered) | public-on-router |
 * | public, ≠ the public address | STUN and checker agree (or one answered) | cgnat |
 */
export function judgePublicAddress(input: VerdictInput): {
  publicAddress: string | null;
  verdict: PublicVerdict;
  findings: PublicFinding[];
} {
  const findings: PublicFinding[] = [];
  const evidence: string[] = [];
  const stun = outside(input.stun, 'stun', findings);
  const checker = outside(input.checker, 'checker', findings);
  evidence.push(stun.said, checker.said);
  let publicAddress: string | null = null;
  let disagree = false;
  if (stun.address && checker.address && stun.address !== checker.address) {
    disagree = true;
    findings.push({
      code: 'sources-disagree',
      severity: 'warning',
      text: `STUN sees ${stun.address} but the address checker sees ${checker.address}. Your traffic may leave through more than one address (two internet lines, a VPN on this computer, or a load-balancing carrier NAT).`,
    });
  } else publicAddress = stun.address ?? checker.address;

  const { router } = input;
  const unknown = (why: string): PublicVerdict => ({
    code: 'unknown',
    title: TITLES.unknown,
    advice: why,
    evidence,
  });
  /** A known verdict: its title and advice, the evidence so far and what proves it. */
  const known = (code: Exclude<PublicVerdictCode, 'unknown'>, ...proof: string[]): PublicVerdict => ({
    code,
    title: TITLES[code],
    advice: ADVICE[code],
    evidence: [...evidence, ...proof],
  });
  const done = (verdict: PublicVerdict) => ({ publicAddress, verdict, findings });

  if (!input.gateway) {
    findings.push({
      code: 'no-gateway',
      severity: 'problem',
      text: 'This computer has no default gateway: it is not connected to a router.',
    });
    return done(
      unknown(
        'Connect this computer to the network the NVR is on (the router’s LAN, not a guest network), then check again.',
      ),
    );
  }
  const wanKind = router.address === null ? null : classifyIpv4(router.address);
  if (router.address !== null && router.source)
    evidence.unshift(
      `The router ${input.gateway} says its WAN address is ${router.address} (from ${SOURCE_WORDS[router.source]})`,
    );
  const hop2 = readHops(input.hops, input.gateway, evidence, findings);

  if (wanKind === 'cgnat')
    return done(
      known('cgnat', `${router.address} is in 100.64.0.0/10, the range RFC 6598 reserves for carrier-grade NAT`),
    );
  if (wanKind === 'private')
    return done(
      known(
        'double-nat',
        `${router.address} is a private (RFC 1918) address: another router hands it out`,
        ...(hop2?.kind === 'private'
          ? [
              `The first router after yours, ${hop2.second}, is a private address as well: that is the box in front of yours`,
            ]
          : []),
      ),
    );
  if (hop2?.kind === 'cgnat')
    return done(
      known(
        'cgnat',
        `The first router after yours, ${hop2.second}, is in the carrier-NAT range 100.64.0.0/10 (RFC 6598): your router’s WAN side is on the carrier’s shared network${
          wanKind === 'public' || wanKind === 'documentation'
            ? `, so the ${router.address} it reports is not its own — it learned the address the internet sees (by STUN), the carrier’s NAT holds it`
            : ''
        }`,
      ),
    );
  if (router.address === null) {
    findings.push({
      code: 'router-unknown',
      severity: 'info',
      text: 'The router did not say its WAN address (UPnP and NAT-PMP are off or do not answer — off is the safe setting).',
    });
    return done(
      unknown(
        publicAddress
          ? `The internet sees ${publicAddress}. Open your router’s status page and read its WAN (Internet) address: if it is ${publicAddress}, port forwarding can work; if it starts with 100.64–100.127, your ISP uses carrier-grade NAT; if it is 192.168.x.x, 10.x.x.x or 172.16–31.x.x, an ISP box is in front of your router (double NAT).`
          : 'Neither the router nor the outside services gave an address. Check that this computer reaches the internet, or try other STUN and checker servers.',
      ),
    );
  }
  if (wanKind !== 'public' && wanKind !== 'documentation') {
    findings.push({
      code: 'router-not-wan',
      severity: 'warning',
      text: `The router reports ${router.address} as its WAN address, which is ${KIND_WORDS[wanKind ?? 'not-ipv4']}: it cannot be one.`,
    });
    return done(unknown('Read the WAN (Internet) address on your router’s status page, then check again.'));
  }
  if (disagree)
    return done(
      unknown(
        `The outside services disagree (STUN ${stun.address}, checker ${checker.address}), so it cannot be said which one reaches your router (${router.address}). Check again, or with other servers; turn off any VPN on this computer first.`,
      ),
    );
  if (!publicAddress)
    return done(
      unknown(
        `Your router says its WAN address is ${router.address}, but no outside service gave a believable address to compare it with. Check again, or try other STUN and checker servers.`,
      ),
    );
  if (parseIpv4(router.address) === parseIpv4(publicAddress)) return done(known('public-on-router'));
  return done(
    known(
      'cgnat',
      `The router's WAN address ${router.address} is not the address the internet sees (${publicAddress}): another NAT, most likely the carrier's, is in between`,
    ),
  );
}
