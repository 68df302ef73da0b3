// The address the app proposes for the NVR (deterministic, explained) and the inline problems of a typed address,
// gateway or DNS list. Pure (see static-ip.ts).
import { classifyIpv4, formatIpv4, parseIpv4 } from './ipv4';
import {
  inPool,
  lanOf,
  lanProblem,
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

/** What another known device makes of an address: whose it is, in words; the device itself never counts. */
function takenBy(known: KnownDevice[], deviceId: string): Map<number, string> {
  const taken = new Map<number, string>(); // an unreadable address sits under NaN, which no real address looks up
  for (const d of known) {
    if (d.id === deviceId) continue;
    const v = parseIpv4(d.address) ?? NaN;
    if (!taken.has(v)) taken.set(v, d.planned === true ? `planned for ${d.id}` : `used by ${d.id}`);
  }
  return taken;
}

/** Why no address can be proposed, in plain words (the page shows it where a proposal would be). */
export function noProposalReason(input: { lan: LanFacts; pool: DhcpPool | null }): string {
  const problem = lanProblem(input.lan);
  if (problem !== null) return problem;
  if (parseIpv4(input.lan.gateway) === null)
    return 'We do not know your router\'s address, so we cannot set the NVR\'s gateway: check "Your network".';
  return input.pool === null
    ? 'Every address on your network is in use or planned for another device.'
    : `No address outside the router's DHCP range (${input.pool.first}–${input.pool.last}) is free. Make the range smaller on the router, or reserve the NVR's address in the router instead.`;
}

const MAX_SKIPPED_SHOWN = 5;

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
  /** Whose an address is, in words; null when it is free. The device's own address counts only as a DHCP lease. */
  const owner = (v: number) =>
    v === l.gateway
      ? 'the router'
      : v === l.self
        ? 'this computer'
        : v === current && device.dhcp !== false
          ? "the NVR's own DHCP lease"
          : (taken.get(v) ?? null);
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
  const range = pool && poolLabel(l, pool);
  const why = [
    `On your network ${l.label}, where this computer is ${lan.address} and the router ${gateway}.`,
    {
      keep: `It keeps its current fixed address ${address}: already outside the router's DHCP range and used by no other device we know — the least change.`,
      above: `${address} is the first free address above the router's DHCP range ${range}.`,
      below: `${address} is the nearest free address below the router's DHCP range ${range}: none above it is free.`,
      top: `${address} is the highest free address on your network: routers usually hand out addresses from the low end.`,
    }[rule],
    pool === null
      ? "We do not know the router's DHCP range: type it from the router's DHCP page to be sure the router never hands out this address."
      : `The router's DHCP range ${range} rests on ${pool.basis}.`,
  ];
  if (skipped.length > 0) why.push(`Skipped: ${skipped.join(', ')}.`);
  why.push(`Gateway ${gateway}: your router, so the NVR's answers to the outside go through it.`);
  const own = [
    ...new Set(device.dns.filter((d) => reachableDns(l, d)).map((d) => formatIpv4(parseIpv4(d) as number))),
  ].slice(0, 2);
  why.push(
    own.length > 0
      ? `DNS ${own.join(', ')}: the NVR's own, kept.`
      : `DNS ${gateway}: your router, because the NVR has no DNS server it could reach from this network (DDNS and cloud need one).`,
  );
  return { address, prefix: l.prefix, gateway, dns: own.length > 0 ? own : [gateway], why };
}

// ---------------------------------------------------------------------------------------------------------------
// Typed values

const MAX_TYPED = 64;

function typedAddress(text: string, what: string): { value: number } | { issue: InputIssue } {
  const value = typeof text === 'string' && text.length <= MAX_TYPED ? parseIpv4(text) : null;
  if (value === null) {
    const shown = typeof text === 'string' ? text.trim().slice(0, 20) : '';
    return {
      issue: {
        severity: 'error',
        text: `${shown ? `"${shown}"` : 'This'} is not ${what}: type four numbers from 0 to 255 separated by dots, like 192.168.1.64.`,
      },
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
  what: string,
  lan: LanFacts,
): { v: number; typed: string; l: Lan } | { issues: InputIssue[] } {
  const parsed = typedAddress(text, what);
  if ('issue' in parsed) return { issues: [parsed.issue] };
  const l = lanOf(lan);
  if (l === null) return { issues: [{ severity: 'error', text: lanProblem(lan) as string }] };
  return { v: parsed.value, typed: formatIpv4(parsed.value), l };
}

/**
 * The problems of an address the user typed for the device: malformed, off the subnet, the network, broadcast or
 * router address, this computer's, another device's (named) or planned for another; inside the DHCP pool is an error
 * when the pool rests on the user's entry or the leases, a warning when only on a factory hint. Empty when fine.
 */
export function checkTypedAddress(text: string, ctx: AddressContext): InputIssue[] {
  const typed = typedOnLan(text, 'an IPv4 address', ctx.lan);
  if ('issues' in typed) return typed.issues;
  const { v, typed: address, l } = typed;
  if (!onLan(l, v))
    return [
      {
        severity: 'error',
        text: `${address} is not on your network ${l.label}: the NVR would be unreachable from it.`,
      },
    ];
  if (v === l.network)
    return [
      { severity: 'error', text: `${address} is the network's own address (all host bits 0): no device can have it.` },
    ];
  if (v === l.broadcast)
    return [{ severity: 'error', text: `${address} is the network's broadcast address: no device can have it.` }];
  if (v === l.gateway) return [{ severity: 'error', text: `${address} is your router's address.` }];
  if (v === l.self) return [{ severity: 'error', text: `${address} is this computer's address.` }];
  const issues: InputIssue[] = [];
  const other = takenBy(ctx.known, ctx.deviceId).get(v);
  if (other !== undefined) issues.push({ severity: 'error', text: `${address} is already ${other}.` });
  if (inPool(ctx.pool, v)) {
    const p = ctx.pool as DhcpPool;
    issues.push(
      p.source === 'router-default'
        ? {
            severity: 'warning',
            text: `${address} may be inside the range the router hands out (${poolLabel(l, p)}, ${p.basis}). Check the range on the router's DHCP page, or choose an address outside it.`,
          }
        : {
            severity: 'error',
            text: `${address} is inside the range the router hands out (${poolLabel(l, p)}, ${p.basis}): the router could give it to another device.`,
          },
    );
  }
  return issues;
}

/**
 * The problems of a gateway the user typed: malformed; off the subnet, the network or broadcast address, or the
 * device's own address (errors); not this LAN's router (a warning: a second router is possible, but rare at home).
 */
export function checkGateway(text: string, ctx: { lan: LanFacts; address?: string | null }): InputIssue[] {
  const typed = typedOnLan(text, 'a gateway address', ctx.lan);
  if ('issues' in typed) return typed.issues;
  const { v, typed: gateway, l } = typed;
  if (!onLan(l, v) || v === l.network || v === l.broadcast)
    return [
      {
        severity: 'error',
        text: `${gateway} cannot be the gateway: it must be a device on your network ${l.label}, normally your router.`,
      },
    ];
  const own = parseIpv4(ctx.address);
  if (v === own)
    return [{ severity: 'error', text: `${gateway} is the NVR's own address: the gateway must be your router.` }];
  if (!Number.isNaN(l.gateway) && v !== l.gateway)
    return [
      {
        severity: 'warning',
        text: `${gateway} is not your router (${formatIpv4(l.gateway)}). Unless that device routes to the internet, the NVR could not be reached from outside.`,
      },
    ];
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
  if (entries.length === 0)
    return [{ severity: 'warning', text: 'Without a DNS server the NVR cannot find DDNS and cloud servers by name.' }];
  const issues: InputIssue[] = [];
  const l = lanOf(ctx.lan);
  for (const entry of entries.slice(0, 8)) {
    const parsed = typedAddress(entry, 'a DNS server address');
    if ('issue' in parsed) {
      issues.push(parsed.issue);
      continue;
    }
    const address = formatIpv4(parsed.value);
    if (!usableDns(address)) issues.push({ severity: 'error', text: `${address} is not a DNS server address.` });
    else if (l !== null && classifyIpv4(address) !== 'public' && !onLan(l, parsed.value))
      issues.push({
        severity: 'warning',
        text: `${address} is not on your network ${l.label}: the NVR can use it only if your router routes to it.`,
      });
  }
  if (entries.length > 2)
    issues.push({
      severity: 'warning',
      text: 'Many NVRs keep only two DNS servers (preferred and alternate): the others may be dropped.',
    });
  return issues;
}
