// The Internet step's verdict: is this router's WAN address the public one (forwarding can work), is an ISP box in
// front (double NAT), or does the carrier share one address among many (CGNAT)? Pure: the main process measures
// (services/internet), this decides. Sources: shared/reference/INTERNET-SECURITY.md §0 rule 1 and §2.3 (RFC 6598's
// 100.64.0.0/10; "WAN address RFC 1918 or RFC 6598, or different from what an external service sees"; double NAT is
// fixed with bridge mode or DMZ on the ISP box; CGNAT needs the ISP: a public IPv4, or IPv6, or a VPN/relay),
// ROUTERS.md §3. Exported from public-address.ts as well.
import { english, saidInEnglish } from '../i18n/english';
import { said, type Said, type SaidWords } from '../i18n/said';
import { believablePublic } from './believable-public';
import { classifyIpv4, parseIpv4, type Ipv4Class } from './ipv4';

export { believablePublic };
import type {
  OutsideView,
  PathHops,
  PublicFinding,
  PublicVerdict,
  PublicVerdictCode,
  RouterWanSource,
} from './public-address-shapes';

/** A finding said by key, with main's English sentence beside it. */
const finding = (code: PublicFinding['code'], severity: PublicFinding['severity'], words: Said): PublicFinding => ({
  code,
  severity,
  ...saidInEnglish(words),
});

/** An address's kind in words ("a private (RFC 1918) address"), said by key. */
const kindWords = (kind: Ipv4Class | 'not-ipv4'): SaidWords => ({ key: `internet.said.kind.${kind}` });

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

/** A verdict's title and advice: said by key, with main's English sentences beside them. */
function verdictWords(code: PublicVerdictCode, advice: Said): Pick<PublicVerdict, 'title' | 'advice' | 'said'> {
  const title = said(`internet.said.title.${code}`);
  return { title: english(title), advice: english(advice), said: { title, advice } };
}

/** One outside source's address if believable; a finding when it gave none or an unbelievable one. */
function outside(
  view: OutsideView,
  what: 'stun' | 'checker',
  findings: PublicFinding[],
): { address: string | null; said: string } {
  const name = what === 'stun' ? `The STUN server ${view.server}` : `The address checker ${view.server}`;
  // No answer, or an address that cannot be the router's public one: either way a finding, and no address from it.
  const b = view.address === null ? null : believablePublic(view.address);
  if (b?.ok) return { address: view.address, said: `${name} sees ${view.address}` };
  const error = view.error ?? { key: 'internet.said.noAnswer' };
  findings.push(
    b === null
      ? finding(`${what}-failed`, 'warning', said(`internet.said.${what}Failed`, { server: view.server, error }))
      : finding(
          `${what}-not-public`,
          'problem',
          said(`internet.said.${what}NotPublic`, {
            server: view.server,
            address: view.address!,
            kind: kindWords(b.kind),
          }),
        ),
  );
  return { address: null, said: `${name}: ${b === null ? 'no answer' : `${view.address} (not believable)`}` };
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
    findings.push(
      finding('hops-unknown', 'info', said('internet.said.hopsUnknown', { target: hops.target, error: hops.error })),
    );
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
    `Toward the STUN server ${hops.target}, hop 1 is your router ${gateway} and hop 2, the first router after yours, is ${hops.second}${kind ? ` (${english(kindWords(kind))})` : ''}`,
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
    findings.push(
      finding(
        'sources-disagree',
        'warning',
        said('internet.said.sourcesDisagree', { stun: stun.address, checker: checker.address }),
      ),
    );
  } else publicAddress = stun.address ?? checker.address;

  const { router } = input;
  const unknown = (why: Said): PublicVerdict => ({ code: 'unknown', ...verdictWords('unknown', why), evidence });
  /** A known verdict: its title and advice, the evidence so far and what proves it. */
  const known = (code: Exclude<PublicVerdictCode, 'unknown'>, ...proof: string[]): PublicVerdict => ({
    code,
    ...verdictWords(code, said(`internet.said.advice.${code}`)),
    evidence: [...evidence, ...proof],
  });
  const done = (verdict: PublicVerdict) => ({ publicAddress, verdict, findings });

  if (!input.gateway) {
    findings.push(finding('no-gateway', 'problem', said('internet.said.noGateway')));
    return done(unknown(said('internet.said.advice.noGateway')));
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
    findings.push(finding('router-unknown', 'info', said('internet.said.routerUnknown')));
    return done(
      unknown(
        publicAddress
          ? said('internet.said.advice.routerUnknownSeen', { address: publicAddress })
          : said('internet.said.advice.routerUnknownNone'),
      ),
    );
  }
  if (wanKind !== 'public' && wanKind !== 'documentation') {
    findings.push(
      finding(
        'router-not-wan',
        'warning',
        said('internet.said.routerNotWan', { address: router.address, kind: kindWords(wanKind ?? 'not-ipv4') }),
      ),
    );
    return done(unknown(said('internet.said.advice.readWan')));
  }
  if (disagree)
    return done(
      unknown(
        said('internet.said.advice.disagree', {
          stun: stun.address as string,
          checker: checker.address as string,
          router: router.address,
        }),
      ),
    );
  if (!publicAddress) return done(unknown(said('internet.said.advice.noBelievable', { router: router.address })));
  if (parseIpv4(router.address) === parseIpv4(publicAddress)) return done(known('public-on-router'));
  return done(
    known(
      'cgnat',
      `The router's WAN address ${router.address} is not the address the internet sees (${publicAddress}): another NAT, most likely the carrier's, is in between`,
    ),
  );
}
