// DDNS: what the setup record keeps of each host's updates, the rules a client keeps before sending (no update
// when the provider has the address, none within a wait, none after a stop answer), and the check's verdict on
// where the name points.
// The shapes are in ddns-check-shapes.ts; main's words are said by key (ddns.said.gate, ddns.said.check): main side
// only, it loads the English catalogue (english.ts).
import { english } from '../i18n/english';
import type { en } from '../i18n/en';
import { said, saidWords, type Said } from '../i18n/said';
import type { DdnsLast, DdnsLookup, DdnsVerdict } from './ddns-check-shapes';

// The record's and the check's shapes, for the files that import their types from here.
export type { DdnsCheck, DdnsLast } from './ddns-check-shapes';
import type { DdnsAnswer, DdnsProvider } from './ddns-providers';

export type DdnsGate =
  | { send: true }
  | { send: false; reason: 'unchanged' | 'wait' | 'stopped'; words: string; said: Said; retryAt: string | null };

/** A gate's refusal: its words said by key and main's English sentence. */
const refused = (reason: 'unchanged' | 'wait' | 'stopped', retryAt: string | null, words: Said): DdnsGate => ({
  send: false,
  reason,
  retryAt,
  words: english(words),
  said: words,
});

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
      return refused('wait', at.toISOString(), said('ddns.said.gate.wait', { code: a.code, at: at.toISOString() }));
  }
  if (!force && (a.outcome === 'blocked' || a.outcome === 'fatal'))
    // The last answer's words fill the sentence: by key when they are said without values, else as they came.
    return refused(
      'stopped',
      null,
      said('ddns.said.gate.stopped', {
        code: a.code,
        words: a.said && !a.said.params ? { key: a.said.key } : a.words,
      }),
    );
  if (!force && ip !== null && last.address === ip && (a.outcome === 'updated' || a.outcome === 'unchanged'))
    return refused(
      'unchanged',
      null,
      said('ddns.said.gate.unchanged', { host: last.host, address: ip, since: last.successAt ?? last.answeredAt }),
    );
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

const list = (l: DdnsLookup) => l.addresses.map((a) => a.address).join(', ');
/** The first address's TTL, when there is one (the sentences with "(TTL … s)" take it). */
const ttlOf = (l: DdnsLookup): string | null =>
  l.addresses[0] && l.addresses[0].ttl !== null ? String(l.addresses[0].ttl) : null;

type CheckKey = keyof (typeof en)['ddns']['said']['check'];

/**
 * One of the check's sentences, whole: with the TTL or without (`{key}Ttl`), naming the zone's server or not
 * (`…Unnamed`: it answered, its address is not known). Never a piece glued on: translators get whole sentences.
 */
function sentence(
  key: CheckKey,
  params: Record<string, string>,
  o: { ttl?: string | null; server?: string | null } = {},
): Said {
  const values: Record<string, string> = { ...params };
  let full = key as string;
  if (o.ttl !== undefined && o.ttl !== null) {
    full += 'Ttl';
    values.ttl = o.ttl;
  }
  if (o.server !== undefined) {
    if (o.server === null) full += 'Unnamed';
    else values.server = o.server;
  }
  return { key: `ddns.said.check.${full}`, params: values };
}

/**
 * The verdict, from the zone's own server first (it is what the provider set), then the system's resolver (what
 * users' devices see, up to a TTL late). The zone's server is named when its address is known (it always is when main asked it).
 */
export function judgeDdnsCheck(
  host: string,
  expected: string | null,
  system: DdnsLookup,
  auth: DdnsLookup,
): { verdict: DdnsVerdict; words: string; said: Said } {
  const judged = (verdict: DdnsVerdict, words: Said) => ({ verdict, words: english(words), said: words });
  const zone = { server: auth.server };
  if (auth.rcode === 'NXDOMAIN' || (!auth.rcode && system.rcode === 'NXDOMAIN'))
    return judged(
      'nxdomain',
      auth.rcode ? sentence('nxdomainAtZone', { host }, zone) : said('ddns.said.check.nxdomainAtSystem', { host }),
    );
  if (auth.rcode === 'SERVFAIL' || (!auth.rcode && system.rcode === 'SERVFAIL'))
    return judged('servfail', said('ddns.said.check.servfail', { host }));
  if (auth.rcode === 'REFUSED') return judged('refused', sentence('refused', { host }, zone));
  const authAddresses = auth.addresses.map((a) => a.address);
  const sysAddresses = system.addresses.map((a) => a.address);
  if (!auth.rcode && !sysAddresses.length)
    // Why a DNS question failed is the question's own account (dns-client.ts): it fills the sentence as it came;
    // main's own reason (no DNS server to ask) by key.
    return judged(
      'unreachable',
      said('ddns.said.check.unreachable', {
        host,
        zoneError:
          auth.errorSaid && !auth.errorSaid.params
            ? { key: auth.errorSaid.key }
            : (auth.error ?? saidWords('ddns.said.check.zoneNoAnswer')),
        systemError: system.error ?? saidWords('ddns.said.check.noAddress'),
      }),
    );
  if (auth.rcode && !authAddresses.length) return judged('no-record', sentence('noRecord', { host }, zone));
  const shown = auth.rcode ? auth : system;
  if (!expected)
    return judged('no-expected', sentence('noExpected', { host, addresses: list(shown) }, { ttl: ttlOf(shown) }));
  const decisive = auth.rcode ? authAddresses : sysAddresses;
  if (!decisive.includes(expected))
    return judged(
      'stale',
      auth.rcode
        ? sentence('staleAtZone', { host, addresses: decisive.join(', '), address: expected }, zone)
        : said('ddns.said.check.staleAtSystem', { host, addresses: decisive.join(', '), address: expected }),
    );
  if (sysAddresses.length && !sysAddresses.includes(expected))
    return judged(
      'propagating',
      sentence('propagating', { address: expected, addresses: list(system) }, { ...zone, ttl: ttlOf(auth) }),
    );
  if (!auth.rcode) return judged('ok', sentence('okAtSystem', { host, address: expected }, { ttl: ttlOf(shown) }));
  return judged(
    'ok',
    sentence(
      sysAddresses.length ? 'okAtBoth' : 'okAtZone',
      { host, address: expected },
      { ...zone, ttl: ttlOf(shown) },
    ),
  );
}
