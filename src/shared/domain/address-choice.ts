// The address the app proposes for the NVR (deterministic, explained) and the inline problems of a typed address,
// gateway or DNS list. Pure (see static-ip.ts). Their words are said by key (the `staticIp` catalogue's `why`,
// `noProposal` and `typed` groups), with main's English sentence beside them.
import { english, saidInEnglish } from '../i18n/english';
import { said, type Said } from '../i18n/said';
import { classifyIpv4, formatIpv4, parseIpv4 } from './ipv4';
import {
  inPool,
  lanOf,
  lanProblemSaid,
  onLan,
  poolLabel,
  short,
  usableDns,
  type AddressContext,
  type AddressProposal,
  type DhcpPool,
  type InputIssue,
  type Ipv4Settings,
  type KnownDevice,
  type Lan,
  type LanFacts,
} from './static-ip-lan';

// ---------------------------------------------------------------------------------------------------------------
// The proposal

/** A DNS server the device can reach from this LAN: usable, and public or a host address on this LAN. */
function reachableDns(l: Lan, text: string): boolean {
  const v = parseIpv4(text) ?? NaN;
  return usableDns(text) && (classifyIpv4(text) === 'public' || (v > l.network && v < l.broadcast));
}

/** Another known device at an address: its id, and whether the address is only planned for it. */
interface Taker {
  id: string;
  planned: boolean;
}

/** What another known device makes of an address: whose it is; the device itself never counts. */
function takenBy(known: KnownDevice[], deviceId: string): Map<number, Taker> {
  const taken = new Map<number, Taker>(); // an unreadable address sits under NaN, which no real address looks up
  for (const d of known) {
    if (d.id === deviceId) continue;
    const v = parseIpv4(d.address) ?? NaN;
    if (!taken.has(v)) taken.set(v, { id: d.id, planned: d.planned === true });
  }
  return taken;
}

/** Why no address can be proposed, said by key (the page shows it where a proposal would be). */
export function noProposalSaid(input: { lan: LanFacts; pool: DhcpPool | null }): Said {
  const problem = lanProblemSaid(input.lan);
  if (problem !== null) return problem;
  if (parseIpv4(input.lan.gateway) === null) return said('staticIp.noProposal.noRouter');
  return input.pool === null
    ? said('staticIp.noProposal.allTaken')
    : said('staticIp.noProposal.poolFull', { first: input.pool.first, last: input.pool.last });
}

/** Why no address can be proposed, in plain words. */
export function noProposalReason(input: { lan: LanFacts; pool: DhcpPool | null }): string {
  return english(noProposalSaid(input));
}

const MAX_SKIPPED_SHOWN = 5;

/** The longest value said.ts's shape lets cross (a DHCP range's basis may be longer: several families named). */
const MAX_SAID_VALUE = 300;

/** Whether words said by key can cross as they are: every value within said.ts's bound. */
const crosses = (words: Said) =>
  Object.values(words.params ?? {}).every((v) => typeof v !== 'string' || v.length <= MAX_SAID_VALUE);

/**
 * A fixed address for the device: on this computer's subnet, outside the pool as known, not the network, broadcast
 * or router address, not this computer's, not one another known device uses or was planned for. Deterministic:
 *  1. the device's current address, when it is already fixed (DHCP off), on the subnet, outside the pool and no one
 *     else's — the least change (an address the device got by DHCP came from the pool, known or not, so never);
 *  2. with a pool: the first free address above the pool, counting up; then the nearest below it, counting down;
 *  3. without a pool: the highest free address, counting down (routers usually hand out from the low end).
 * Gateway: the LAN's router. DNS: the device's own usable servers (public ones, or private ones on this subnet; at
 * most two), else the router. Null when no address qualifies (noProposalReason says why).
 */
export function proposeAddress(input: {
  device: Ipv4Settings;
  lan: LanFacts;
  pool: DhcpPool | null;
  known: KnownDevice[];
  deviceId: string;
}): AddressProposal | null {
  const { device, lan, pool, known, deviceId } = input;
  const l = lanOf(lan);
  if (l === null || !onLan(l, l.gateway)) return null;
  const taken = takenBy(known, deviceId);
  const current = parseIpv4(device.address) ?? NaN;
  const skipped: string[] = [];
  /**
   * Whose an address is, in words; null when it is free. The device's own address counts only as a DHCP lease.
   * These words fill the `Skipped: {list}.` line as they are (English within it: a list of fragments).
   */
  const owner = (v: number) => {
    const other = taken.get(v);
    return v === l.gateway
      ? 'the router'
      : v === l.self
        ? 'this computer'
        : v === current && device.dhcp !== false
          ? "the NVR's own DHCP lease"
          : other
            ? `${other.planned ? 'planned for' : 'used by'} ${other.id}`
            : null;
  };
  /** The first free host address from `from` (just outside the pool), stepping by `step`; taken ones on the way noted. */
  const scan = (from: number, step: 1 | -1) => {
    for (let v = from; v > l.network && v < l.broadcast; v += step) {
      const who = owner(v);
      if (who === null) return v;
      if (skipped.length < MAX_SKIPPED_SHOWN) skipped.push(`${short(l, v)} (${who})`);
    }
    return null;
  };
  // 1. Keep the current address: a host address outside the pool that is no one else's (owner() refuses a lease).
  let rule: 'keep' | 'above' | 'below' | 'top' = 'keep';
  let chosen: number | null =
    current > l.network && current < l.broadcast && !inPool(pool, current) && owner(current) === null ? current : null;
  if (chosen === null && pool !== null) {
    // 2. Above the pool, counting up; then below it, counting down.
    rule = 'above';
    chosen = scan((parseIpv4(pool.last) as number) + 1, 1);
    if (chosen === null) {
      rule = 'below';
      chosen = scan((parseIpv4(pool.first) as number) - 1, -1);
    }
  } else if (chosen === null) {
    // 3. No pool known: from the top, counting down.
    rule = 'top';
    chosen = scan(l.broadcast - 1, -1);
  }
  if (chosen === null) return null;
  const address = formatIpv4(chosen);
  const gateway = formatIpv4(l.gateway);
  const range = pool ? poolLabel(l, pool) : '';
  const whySaid = [
    said('staticIp.why.network', { network: l.label, computer: lan.address, router: gateway }),
    rule === 'keep' || rule === 'top'
      ? said(`staticIp.why.${rule}`, { address })
      : said(`staticIp.why.${rule}`, { address, range }),
    pool === null
      ? said('staticIp.why.poolUnknown')
      : // The basis is main's English words here; the page and the CLI put the pool's own (said by key) in its place.
        said('staticIp.why.poolBasis', { range, basis: pool.basis }),
  ];
  if (skipped.length > 0) whySaid.push(said('staticIp.why.skipped', { list: skipped.join(', ') }));
  whySaid.push(said('staticIp.why.gateway', { router: gateway }));
  const own = [
    ...new Set(device.dns.filter((d) => reachableDns(l, d)).map((d) => formatIpv4(parseIpv4(d) as number))),
  ].slice(0, 2);
  whySaid.push(
    own.length > 0
      ? said('staticIp.why.dnsOwn', { dns: own.join(', ') })
      : said('staticIp.why.dnsRouter', { router: gateway }),
  );
  const why = whySaid.map(english);
  // A basis too long to cross by key: the lines are main's English only (the page and the CLI show them as they are).
  const byKey = whySaid.every(crosses) ? { whySaid } : {};
  return { address, prefix: l.prefix, gateway, dns: own.length > 0 ? own : [gateway], why, ...byKey };
}

// ---------------------------------------------------------------------------------------------------------------
// Typed values

const MAX_TYPED = 64;

/** An issue said by key, with main's English sentence beside it. */
const issue = (severity: InputIssue['severity'], words: Said): InputIssue =>
  crosses(words) ? { severity, ...saidInEnglish(words) } : { severity, text: english(words) };

/** What a typed value should be: an address for the NVR, a gateway, a DNS server. */
type Typed = 'Ipv4' | 'Gateway' | 'Dns';

function typedAddress(text: string, what: Typed): { value: number } | { issue: InputIssue } {
  const value = typeof text === 'string' && text.length <= MAX_TYPED ? parseIpv4(text) : null;
  if (value === null) {
    const shown = typeof text === 'string' ? text.trim().slice(0, 20) : '';
    return {
      issue: issue(
        'error',
        shown ? said(`staticIp.typed.not${what}`, { typed: shown }) : said(`staticIp.typed.not${what}Empty`),
      ),
    };
  }
  return { value };
}

/**
 * A typed address and this LAN, or the one problem that stops its check: not an address (`what` names what it
 * should be), then no usable LAN.
 */
function typedOnLan(
  text: string,
  what: Typed,
  lan: LanFacts,
): { v: number; typed: string; l: Lan } | { issues: InputIssue[] } {
  const parsed = typedAddress(text, what);
  if ('issue' in parsed) return { issues: [parsed.issue] };
  const l = lanOf(lan);
  if (l === null) return { issues: [issue('error', lanProblemSaid(lan)!)] };
  return { v: parsed.value, typed: formatIpv4(parsed.value), l };
}

/**
 * The problems of an address the user typed for the device: malformed, off the subnet, the network, broadcast or
 * router address, this computer's, another device's (named) or planned for another; inside the DHCP pool is an error
 * when the pool rests on the user's entry or the leases, a warning when only on a factory hint. Empty when fine.
 */
export function checkTypedAddress(text: string, ctx: AddressContext): InputIssue[] {
  const typed = typedOnLan(text, 'Ipv4', ctx.lan);
  if ('issues' in typed) return typed.issues;
  const { v, typed: address, l } = typed;
  if (!onLan(l, v)) return [issue('error', said('staticIp.typed.offLan', { address, network: l.label }))];
  if (v === l.network) return [issue('error', said('staticIp.typed.network', { address }))];
  if (v === l.broadcast) return [issue('error', said('staticIp.typed.broadcast', { address }))];
  if (v === l.gateway) return [issue('error', said('staticIp.typed.router', { address }))];
  if (v === l.self) return [issue('error', said('staticIp.typed.thisComputer', { address }))];
  const issues: InputIssue[] = [];
  const other = takenBy(ctx.known, ctx.deviceId).get(v);
  if (other !== undefined)
    issues.push(
      issue(
        'error',
        said(other.planned ? 'staticIp.typed.plannedFor' : 'staticIp.typed.usedBy', { address, device: other.id }),
      ),
    );
  if (inPool(ctx.pool, v)) {
    const p = ctx.pool as DhcpPool;
    // The basis is main's English words here; the page and the CLI put the pool's own (said by key) in its place.
    const values = { address, pool: poolLabel(l, p), basis: p.basis };
    issues.push(
      p.source === 'router-default'
        ? issue('warning', said('staticIp.typed.maybeInPool', values))
        : issue('error', said('staticIp.typed.inPool', values)),
    );
  }
  return issues;
}

/**
 * The problems of a gateway the user typed: malformed; off the subnet, the network or broadcast address, or the
 * device's own address (errors); not this LAN's router (a warning: a second router is possible, but rare at home).
 */
export function checkGateway(text: string, ctx: { lan: LanFacts; address?: string | null }): InputIssue[] {
  const typed = typedOnLan(text, 'Gateway', ctx.lan);
  if ('issues' in typed) return typed.issues;
  const { v, typed: gateway, l } = typed;
  if (!onLan(l, v) || v === l.network || v === l.broadcast)
    return [issue('error', said('staticIp.typed.gatewayOffLan', { gateway, network: l.label }))];
  const own = parseIpv4(ctx.address);
  if (v === own) return [issue('error', said('staticIp.typed.gatewayIsNvr', { gateway }))];
  if (!Number.isNaN(l.gateway) && v !== l.gateway)
    return [issue('warning', said('staticIp.typed.gatewayNotRouter', { gateway, router: formatIpv4(l.gateway) }))];
  return [];
}

/** The DNS servers in a typed list ("8.8.8.8, 1.1.1.1" or separated by spaces), in order, as typed (trimmed). */
export function splitDnsList(text: string): string[] {
  if (typeof text !== 'string') return [];
  return text
    .slice(0, 200)
    .split(/[\s,;]/)
    .filter((s) => s.length > 0);
}

/**
 * The problems of a typed DNS list: each entry malformed or not a server address (0.0.0.0, broadcast, loopback,
 * multicast, link-local) is an error; an empty list, more than two servers (many NVRs keep a preferred and an
 * alternate one only), or a private address off this network (unreachable unless routed) are warnings.
 */
export function checkDnsList(text: string, ctx: { lan: LanFacts }): InputIssue[] {
  const entries = splitDnsList(text);
  if (entries.length === 0) return [issue('warning', said('staticIp.typed.noDns'))];
  const issues: InputIssue[] = [];
  const l = lanOf(ctx.lan);
  for (const entry of entries.slice(0, 8)) {
    const parsed = typedAddress(entry, 'Dns');
    if ('issue' in parsed) {
      issues.push(parsed.issue);
      continue;
    }
    const address = formatIpv4(parsed.value);
    if (!usableDns(address)) issues.push(issue('error', said('staticIp.typed.notDnsServer', { address })));
    else if (l !== null && classifyIpv4(address) !== 'public' && !onLan(l, parsed.value))
      issues.push(issue('warning', said('staticIp.typed.dnsOffLan', { address, network: l.label })));
  }
  if (entries.length > 2) issues.push(issue('warning', said('staticIp.typed.dnsTooMany')));
  return issues;
}
