// DDNS: what the setup record keeps of each host's updates, the rules a client keeps before sending (no update
// when the provider has the address, none within a wait, none after a stop answer), and the check's verdict on
// where the name points.
import { z } from 'zod';
import { ddnsAnswerSchema, ddnsProviderSchema, type DdnsAnswer, type DdnsProvider } from './ddns-providers';

// What the setup record keeps of each host's updates: the last answer and the last address a provider took.
export const ddnsLastSchema = z.object({
  provider: ddnsProviderSchema,
  host: z.string().max(253),
  /** The server sent to (the provider's own when it was not given). */
  server: z.string().max(300),
  user: z.string().max(128).nullable(),
  /** The address the provider took at the last `good`/`nochg` (null: never). */
  address: z.string().max(64).nullable(),
  successAt: z.string().max(40).nullable(),
  answer: ddnsAnswerSchema,
  answeredAt: z.string().max(40),
});
export type DdnsLast = z.infer<typeof ddnsLastSchema>;

export type DdnsGate =
  { send: true } | { send: false; reason: 'unchanged' | 'wait' | 'stopped'; words: string; retryAt: string | null };

/**
 * Whether an update may be sent now (`ip`: the address asked for; null: the provider takes the caller's, so only
 * a given address can be compared). Providers block clients that repeat updates: none when the provider already
 * took this address; none within the wait after 911/dnserr; none after abuse, badagent, !donator, numhost or an
 * unknown answer unless the user says it was fixed (`force`). A wrong login or host is fixed by the new input.
 */
export function ddnsGate(last: DdnsLast | null, ip: string | null, now: Date, force = false): DdnsGate {
  if (!last) return { send: true };
  const a = last.answer;
  if (a.outcome === 'retry-later' && a.retryAfterMinutes !== null) {
    const at = new Date(Date.parse(last.answeredAt) + a.retryAfterMinutes * 60_000);
    if (Number.isFinite(at.getTime()) && now < at)
      return {
        send: false,
        reason: 'wait',
        retryAt: at.toISOString(),
        words: `The provider asked to wait (${a.code}): no update before ${at.toISOString()}.`,
      };
  }
  if (!force && (a.outcome === 'blocked' || a.outcome === 'fatal'))
    return {
      send: false,
      reason: 'stopped',
      retryAt: null,
      words: `The last answer was "${a.code}": ${a.words} Once it is fixed at the provider, update again with --force.`,
    };
  if (!force && ip !== null && last.address === ip && (a.outcome === 'updated' || a.outcome === 'unchanged'))
    return {
      send: false,
      reason: 'unchanged',
      retryAt: null,
      words: `Not sent: ${last.host} already points to ${ip} at the provider (since ${last.successAt ?? last.answeredAt}); providers block clients that repeat updates.`,
    };
  return { send: true };
}

/** The record's entry after an answer: a success keeps its address; a failure keeps the last success's. */
export function ddnsAfterAnswer(
  before: DdnsLast | null,
  target: { provider: DdnsProvider; host: string; server: string; user: string | null },
  result: DdnsAnswer,
  at: Date,
): DdnsLast {
  const ok = result.outcome === 'updated' || result.outcome === 'unchanged';
  return {
    ...target,
    address: ok ? result.address : (before?.address ?? null),
    successAt: ok ? at.toISOString() : (before?.successAt ?? null),
    answer: result,
    answeredAt: at.toISOString(),
  };
}

// The check: does the name resolve to the public address, at the system's resolver and at the zone's own server?
export const DDNS_VERDICTS = [
  'ok',
  'propagating',
  'stale',
  'nxdomain',
  'servfail',
  'refused',
  'no-record',
  'unreachable',
  'no-expected',
] as const;
export const ddnsVerdictSchema = z.enum(DDNS_VERDICTS);
export type DdnsVerdict = z.infer<typeof ddnsVerdictSchema>;

export const ddnsLookupSchema = z.object({
  /** Who was asked: `system resolver` or the server's address. */
  server: z.string().max(300).nullable(),
  rcode: z.string().max(16).nullable(),
  addresses: z.array(z.object({ address: z.string().max(64), ttl: z.number().int().min(0).nullable() })).max(64),
  /** Why there is no answer (no server found, no answer in time, unreadable, truncated …). */
  error: z.string().max(300).nullable(),
});
export type DdnsLookup = z.infer<typeof ddnsLookupSchema>;

export const ddnsCheckSchema = z.object({
  host: z.string().max(253),
  expected: z.string().max(64).nullable(),
  /** Where the expected address came from (the user, the router, the last update). */
  expectedFrom: z.string().max(100).nullable(),
  zone: z.string().max(253).nullable(),
  system: ddnsLookupSchema,
  authoritative: ddnsLookupSchema,
  verdict: ddnsVerdictSchema,
  words: z.string().max(1000),
  checkedAt: z.string().max(40),
});
export type DdnsCheck = z.infer<typeof ddnsCheckSchema>;

const list = (l: DdnsLookup) => l.addresses.map((a) => a.address).join(', ');
const ttlOf = (l: DdnsLookup) =>
  l.addresses[0]?.ttl !== null && l.addresses[0] ? ` (TTL ${l.addresses[0].ttl} s)` : '';

/**
 * The verdict, from the zone's own server first (it is what the provider set), then the system's resolver (what
 * users' devices see, up to a TTL late).
 */
export function judgeDdnsCheck(
  host: string,
  expected: string | null,
  system: DdnsLookup,
  auth: DdnsLookup,
): { verdict: DdnsVerdict; words: string } {
  const where = auth.server ? `the zone's server ${auth.server}` : "the zone's server";
  if (auth.rcode === 'NXDOMAIN' || (!auth.rcode && system.rcode === 'NXDOMAIN'))
    return {
      verdict: 'nxdomain',
      words: `${host} does not exist (NXDOMAIN at ${auth.rcode ? where : 'the system resolver'}): check the name, or create it at the provider.`,
    };
  if (auth.rcode === 'SERVFAIL' || (!auth.rcode && system.rcode === 'SERVFAIL'))
    return {
      verdict: 'servfail',
      words: `The DNS server failed to answer for ${host} (SERVFAIL): the provider's DNS or the zone is broken. Try again later.`,
    };
  if (auth.rcode === 'REFUSED')
    return {
      verdict: 'refused',
      words: `${where} refused to answer for ${host} (REFUSED): it is not this zone's server.`,
    };
  const authAddresses = auth.addresses.map((a) => a.address);
  const sysAddresses = system.addresses.map((a) => a.address);
  if (!auth.rcode && !sysAddresses.length)
    return {
      verdict: 'unreachable',
      words: `No DNS answer for ${host}: ${auth.error ?? 'the zone server did not answer'}; system resolver: ${system.error ?? 'no address'}.`,
    };
  if (auth.rcode && !authAddresses.length)
    return { verdict: 'no-record', words: `${host} exists but has no IPv4 address (A record) at ${where}.` };
  if (!expected)
    return {
      verdict: 'no-expected',
      words: `${host} points to ${list(auth.rcode ? auth : system)}${ttlOf(auth.rcode ? auth : system)}; the public address is not known, so it cannot be compared.`,
    };
  const decisive = auth.rcode ? authAddresses : sysAddresses;
  if (!decisive.includes(expected))
    return {
      verdict: 'stale',
      words: `${host} points to ${decisive.join(', ')} at ${auth.rcode ? where : 'the system resolver'}, not to the public address ${expected}: the update did not happen or another client set it. Update it.`,
    };
  if (sysAddresses.length && !sysAddresses.includes(expected))
    return {
      verdict: 'propagating',
      words: `${where} has ${expected}${ttlOf(auth)}, the system resolver still has ${list(system)}: it follows within the TTL.`,
    };
  return {
    verdict: 'ok',
    words: `${host} points to ${expected}${ttlOf(auth.rcode ? auth : system)}${auth.rcode ? ` at ${where}` : ''}${sysAddresses.length ? ' and at the system resolver' : ''}.`,
  };
}
