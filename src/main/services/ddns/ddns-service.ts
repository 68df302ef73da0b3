// DDNS: send one update to the user's provider (only when the providers' rules allow it) and read its answer; and
// check that the name resolves to the public address, at the system's resolver and at the zone's own server.
// The secret arrives with the call and goes only into the request's headers (DuckDNS: its URL); what is logged or
// returned is the request's `shown` form, without it. Every exchange is bounded (HTTP 10 s, DNS 3 s a question).
import {
  DDNS_MAX_ANSWER,
  DDNS_PROVIDER_NAMES,
  DDNS_SECRET,
  cloudflareItem,
  cloudflarePatchRequest,
  cloudflareRecordRequest,
  cloudflareUpdated,
  cloudflareZoneRequest,
  ddnsGate,
  ddnsServer,
  dyndns2Request,
  duckdnsRequest,
  judgeDdnsCheck,
  readCloudflareAnswer,
  readDuckdnsAnswer,
  readDyndns2Answer,
  zoneCandidates,
  type DdnsAnswer,
  type DdnsCheck,
  type DdnsLast,
  type DdnsLookup,
  type DdnsProvider,
  type DdnsRequest,
} from '../../../shared/domain/ddns';
import { english } from '../../../shared/i18n/english';
import { said, type Said } from '../../../shared/i18n/said';
import { DNS_TYPE, addressesOf, nameServersOf } from '../../protocol/dns-wire';
import type { DdnsHttp } from './ddns-http';
import type { DnsQuery, SystemLookup } from './dns-client';

export const DDNS_HTTP_MS = 10_000;

export interface DdnsServiceDeps {
  http: DdnsHttp;
  query: DnsQuery;
  lookup: SystemLookup;
  /** The system's DNS servers (to find the zone's own server with an NS question). */
  dnsServers: () => string[];
  now: () => Date;
  version: string;
  log?: (line: string) => void;
  httpMs?: number;
}

export interface DdnsUpdateRequest {
  provider: DdnsProvider;
  host: string;
  server?: string | null;
  user?: string | null;
  secret: string;
  /** The address to set (null: the provider takes the address the request comes from; Cloudflare needs one). */
  ip: string | null;
  /** The user says what stopped the last update was fixed at the provider. */
  force?: boolean;
  /** What the record keeps of this host's last update. */
  last: DdnsLast | null;
}

export interface DdnsUpdateResult {
  provider: DdnsProvider;
  host: string;
  server: string;
  ip: string | null;
  /** Whether anything was sent to the provider. */
  sent: boolean;
  /** The requests sent, as they may be shown (no secret). */
  requests: string[];
  answer: DdnsAnswer;
  at: string;
}

const notSent = (
  outcome: DdnsAnswer['outcome'],
  code: string,
  words: Said,
  extra: Partial<DdnsAnswer> = {},
): DdnsAnswer => ({
  outcome,
  code,
  words: english(words),
  mayRetry: extra.mayRetry ?? false,
  stop: extra.stop ?? false,
  retryAfterMinutes: extra.retryAfterMinutes ?? null,
  address: extra.address ?? null,
  said: words,
});

export function createDdnsService(deps: DdnsServiceDeps) {
  const httpMs = deps.httpMs ?? DDNS_HTTP_MS;

  async function send(request: DdnsRequest, signal: AbortSignal | undefined, sent: string[]) {
    sent.push(request.shown);
    deps.log?.(`ddns: ${request.shown}`);
    return deps.http(request, { timeoutMs: httpMs, maxBytes: DDNS_MAX_ANSWER, signal });
  }

  const unreachable = (provider: DdnsProvider, error: string) =>
    // Why it could not be reached is the request's own account (ddns-http.ts): it fills the sentence as it came.
    notSent(
      'retry-later',
      'unreachable',
      said('ddns.said.service.unreachable', { provider: DDNS_PROVIDER_NAMES[provider], error }),
      { mayRetry: true },
    );

  async function cloudflare(r: DdnsUpdateRequest, ip: string, signal: AbortSignal | undefined, sent: string[]) {
    const target = { provider: r.provider, host: r.host, server: r.server };
    let zoneId: string | null = null;
    for (const zone of zoneCandidates(r.host)) {
      const req = cloudflareZoneRequest(target, { token: r.secret, zone });
      if (!req) break;
      const res = await send(req, signal, sent);
      if (!res.ok) return unreachable(r.provider, res.error);
      const read = readCloudflareAnswer(res.status, res.body);
      if (read.answer) return read.answer;
      const item = cloudflareItem(read.result);
      if (item === 'many')
        return notSent('fatal', 'cloudflare zones', said('ddns.said.service.severalZones', { zone }));
      if (item !== 'none') {
        zoneId = item.id;
        break;
      }
    }
    if (!zoneId) return notSent('host', 'cloudflare zone', said('ddns.said.service.noZone', { host: r.host }));
    const recordReq = cloudflareRecordRequest(target, { token: r.secret, zoneId });
    if (!recordReq) return notSent('fatal', 'cloudflare', said('ddns.said.service.zoneIdUnusable'));
    const res = await send(recordReq, signal, sent);
    if (!res.ok) return unreachable(r.provider, res.error);
    const read = readCloudflareAnswer(res.status, res.body);
    if (read.answer) return read.answer;
    const record = cloudflareItem(read.result);
    if (record === 'none')
      return notSent('host', 'cloudflare 81044', said('ddns.said.service.noRecord', { host: r.host }));
    if (record === 'many')
      return notSent('fatal', 'cloudflare records', said('ddns.said.service.severalRecords', { host: r.host }));
    if (record.content === ip) return cloudflareUpdated({ content: ip }, ip, ip);
    const patch = cloudflarePatchRequest(target, { token: r.secret, zoneId, recordId: record.id, ip });
    if (!patch) return notSent('fatal', 'cloudflare', said('ddns.said.service.recordIdUnusable'));
    const done = await send(patch, signal, sent);
    if (!done.ok) return unreachable(r.provider, done.error);
    const patched = readCloudflareAnswer(done.status, done.body);
    return patched.answer ?? cloudflareUpdated(patched.result, ip, record.content);
  }

  return {
    /** One update, when the providers' rules allow it: never a second request for an answer that says stop. */
    async update(r: DdnsUpdateRequest, signal?: AbortSignal): Promise<DdnsUpdateResult> {
      const server = ddnsServer(r)?.href ?? String(r.server ?? '');
      const at = deps.now();
      const base = { provider: r.provider, host: r.host.toLowerCase(), server, ip: r.ip, at: at.toISOString() };
      const gate = ddnsGate(r.last, r.ip, at, r.force);
      if (!gate.send) {
        const answer =
          gate.reason === 'unchanged'
            ? notSent('unchanged', 'not sent', gate.said, { mayRetry: true, address: r.ip })
            : notSent(
                gate.reason === 'wait' ? 'retry-later' : (r.last?.answer.outcome ?? 'fatal'),
                'not sent',
                gate.said,
                {
                  stop: true,
                },
              );
        return { ...base, sent: false, requests: [], answer };
      }
      const sent: string[] = [];
      const secretKind = DDNS_SECRET[r.provider];
      if (!r.secret)
        return {
          ...base,
          sent: false,
          requests: [],
          answer: notSent(
            'auth',
            'no secret',
            said(secretKind === 'password' ? 'ddns.said.service.needsPassword' : 'ddns.said.service.needsToken', {
              provider: DDNS_PROVIDER_NAMES[r.provider],
            }),
          ),
        };
      let answer: DdnsAnswer;
      if (r.provider === 'cloudflare') {
        answer = r.ip
          ? await cloudflare(r, r.ip, signal, sent)
          : notSent('fatal', 'no address', said('ddns.said.service.needsAddress'));
      } else {
        const request =
          r.provider === 'duckdns'
            ? duckdnsRequest(r, { token: r.secret, ip: r.ip })
            : dyndns2Request(r, { password: r.secret, ip: r.ip, version: deps.version });
        if (!request)
          answer = notSent(
            'fatal',
            'not sent',
            r.provider !== 'duckdns' && !r.user
              ? said('ddns.said.service.needsUser', { provider: DDNS_PROVIDER_NAMES[r.provider] })
              : said('ddns.said.service.unusable'),
          );
        else {
          const res = await send(request, signal, sent);
          answer = !res.ok
            ? unreachable(r.provider, res.error)
            : r.provider === 'duckdns'
              ? readDuckdnsAnswer(res.status, res.body, r.ip)
              : readDyndns2Answer(res.status, res.body, r.ip);
        }
      }
      deps.log?.(`ddns: ${r.provider} ${base.host}: ${answer.code} → ${answer.outcome}`);
      return { ...base, sent: sent.length > 0, requests: sent, answer };
    },

    /** Where `host` points: the system's resolver, and the zone's own server (found by NS, or `dnsServer`). */
    async check(
      r: {
        host: string;
        expected: string | null;
        expectedFrom: string | null;
        /** `expectedFrom` said by key (main's words; a caller's own words have none). */
        expectedFromSaid?: Said;
        dnsServer?: string | null;
      },
      signal?: AbortSignal,
    ): Promise<DdnsCheck> {
      const host = r.host.toLowerCase();
      const sys = await deps.lookup(host);
      const system: DdnsLookup = {
        server: 'system resolver',
        rcode: sys.notFound ? 'NXDOMAIN' : sys.addresses.length ? 'NOERROR' : null,
        addresses: sys.addresses.map((address) => ({ address, ttl: null })),
        error: sys.error,
      };
      let zone: string | null = null;
      let authServer = r.dnsServer ?? null;
      let findError: Said | null = null;
      if (!authServer) {
        const resolver = deps.dnsServers()[0];
        if (!resolver) findError = said('ddns.said.lookup.noResolver');
        for (const candidate of resolver ? zoneCandidates(host) : []) {
          if (signal?.aborted) break;
          const res = await deps.query(resolver!, candidate, DNS_TYPE.NS, { signal });
          if (!res.ok) {
            findError = said('ddns.said.lookup.noAnswerFrom', { server: resolver!, error: res.error });
            break;
          }
          const ns = nameServersOf(res.answer).filter((n) => n.zone === candidate);
          if (!ns.length) continue;
          zone = candidate;
          for (const n of ns.slice(0, 4)) {
            const address = n.address ?? (await deps.lookup(n.name)).addresses[0] ?? null;
            if (address) {
              authServer = address;
              break;
            }
          }
          if (!authServer)
            findError = said('ddns.said.lookup.serversWithoutAddress', { servers: ns.map((n) => n.name).join(', ') });
          break;
        }
        if (!zone && !findError) findError = said('ddns.said.lookup.noZoneServer', { host });
      }
      const authoritative: DdnsLookup = {
        server: authServer,
        rcode: null,
        addresses: [],
        error: findError ? english(findError) : null,
        ...(findError ? { errorSaid: findError } : {}),
      };
      if (authServer) {
        const res = await deps.query(authServer, host, DNS_TYPE.A, { signal, recursionDesired: false });
        // Why the question failed is its own account (dns-client.ts): as it came.
        if (!res.ok) authoritative.error = res.error;
        else {
          authoritative.rcode = res.answer.rcodeName;
          authoritative.addresses = addressesOf(res.answer, host);
          if (res.answer.truncated) {
            authoritative.errorSaid = said('ddns.said.lookup.truncated');
            authoritative.error = english(authoritative.errorSaid);
          }
        }
      }
      const { verdict, words, said: judged } = judgeDdnsCheck(host, r.expected, system, authoritative);
      return {
        host,
        expected: r.expected,
        expectedFrom: r.expectedFrom,
        ...(r.expectedFromSaid ? { expectedFromSaid: r.expectedFromSaid } : {}),
        zone,
        system,
        authoritative,
        verdict,
        words,
        said: judged,
        checkedAt: deps.now().toISOString(),
      };
    },
  };
}

export type DdnsService = ReturnType<typeof createDdnsService>;
