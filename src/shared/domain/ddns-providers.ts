// DDNS: how an update is asked of each provider, how every answer they give is read, and the rules they set for
// clients. Pure: requests are data (the service sends them), answers are text in, a verdict out.
//
// Sources (see ../shared/reference/INTERNET-SECURITY.md §1): dyndns2 — help.dyn.com "Perform update" and "Return
// codes", noip.com/integrate/request and /integrate/response (No-IP's "911: retry no sooner than 30 minutes", "stop
// on any error"), dynu.com/DynamicDNS/IP-Update-Protocol; DuckDNS — duckdns.org/spec.jsp (OK/KO, verbose
// UPDATED/NOCHANGE; the token is a URL parameter: DuckDNS takes it nowhere else); Cloudflare API v4 — "Update DNS
// record" (PATCH /zones/{zone}/dns_records/{id}, Authorization: Bearer), envelope {success, errors[{code,message}]}.
// Cloudflare publishes no table of error codes; the codes read below are the ones its API is seen to answer in
// public bug reports: 9109 (token refused, e.g. "Cannot use the access token from location", HTTP 403 —
// jeessy2/ddns-go#1341), 10000 (authentication error — favonia/cloudflare-ddns#897), 6003/6103/6111 (invalid
// request headers, malformed Authorization — jeessy2/ddns-go#81), 81044 (record does not exist —
// zanjie1999/cloudflare-api-v4-ddns#5), 7003 (could not route: an identifier that is not the zone's), 1038 (the API
// refuses .cf/.ga/.gq/.ml/.tk — oznu/docker-cloudflare-ddns#99), 1004/9005 (content not a valid IPv4 address —
// simplesurance/cfdns#17), 81057/81058 (an identical record already exists); HTTP 429 is Cloudflare's rate limit.
import { z } from 'zod';
import { saidSchema } from '../i18n/said';
import { parseIpv4 } from './ipv4';

const isIpv4 = (text: string): boolean => parseIpv4(text) !== null;

export const DDNS_PROVIDERS = ['duckdns', 'noip', 'dynu', 'dyndns2', 'cloudflare'] as const;
export const ddnsProviderSchema = z.enum(DDNS_PROVIDERS);
export type DdnsProvider = z.infer<typeof ddnsProviderSchema>;

/** Each provider's update server (dyndns2: any compatible server may be given instead). */
export const DDNS_SERVERS: Record<DdnsProvider, string> = {
  duckdns: 'https://www.duckdns.org',
  noip: 'https://dynupdate.no-ip.com',
  dynu: 'https://api.dynu.com',
  dyndns2: 'https://members.dyndns.org',
  cloudflare: 'https://api.cloudflare.com/client/v4',
};

export const DDNS_PROVIDER_NAMES: Record<DdnsProvider, string> = {
  duckdns: 'DuckDNS',
  noip: 'No-IP',
  dynu: 'Dynu',
  dyndns2: 'the dyndns2 server',
  cloudflare: 'Cloudflare',
};

/** Which secret a provider takes: a password (dyndns2 family, with a user name) or a token. */
export const DDNS_SECRET: Record<DdnsProvider, 'password' | 'token'> = {
  duckdns: 'token',
  noip: 'password',
  dynu: 'password',
  dyndns2: 'password',
  cloudflare: 'token',
};

/**
 * After `911` or `dnserr` no update is sent for this long. No-IP: "retry no sooner than 30 minutes" after 911; Dyn
 * gives no figure and treats dnserr as a server fault like 911, so the same wait applies.
 */
export const DDNS_RETRY_LATER_MINUTES = 30;
/** The most answer text read (an answer is one short line per host). */
export const DDNS_MAX_ANSWER = 16 * 1024;

export const DDNS_OUTCOMES = ['updated', 'unchanged', 'auth', 'host', 'blocked', 'retry-later', 'fatal'] as const;
export const ddnsOutcomeSchema = z.enum(DDNS_OUTCOMES);
export type DdnsOutcome = z.infer<typeof ddnsOutcomeSchema>;

export const ddnsAnswerSchema = z.object({
  outcome: ddnsOutcomeSchema,
  /** The provider's own word or code (`good`, `nochg`, `badauth`, `KO`, `cloudflare 9109`, `http 503` …). */
  code: z.string().max(64),
  /** What it means, in plain words. */
  words: z.string().max(500),
  /** Whether sending the same update again can ever help (after the wait, if there is one). */
  mayRetry: z.boolean(),
  /** No automatic update may follow: the user has to act (fix the login, the host, or ask the provider). */
  stop: z.boolean(),
  /** No update before this many minutes have passed (911, dnserr, rate limits). */
  retryAfterMinutes: z.number().int().min(0).nullable(),
  /** The address the provider says the name has now, when it says one. */
  address: z.string().max(64).nullable(),
  /** `words` said by key (the page and the CLI say them in their language; `words` is main's English sentence). */
  said: saidSchema.optional(),
});
export type DdnsAnswer = z.infer<typeof ddnsAnswerSchema>;

/** An HTTP request to send. The secret is only in `headers` or `body` (DuckDNS: in `url`); `shown` never has it. */
export interface DdnsRequest {
  method: 'GET' | 'PATCH';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** The request as it may be shown or logged: the method and the URL with any secret replaced by `***`. */
  shown: string;
}

export interface DdnsTarget {
  provider: DdnsProvider;
  /** The full name to update (`mynvr.ddns.example`; DuckDNS: `name.duckdns.org` or the bare label). */
  host: string;
  /** The server to send to (absent: the provider's own; dyndns2: any compatible server). */
  server?: string | null;
  /** The dyndns2 family's user name. */
  user?: string | null;
}

/** The User-Agent the dyndns2 providers require (company, program, version, contact). */
export function ddnsUserAgent(version: string): string {
  return `nvr-assist NVR-Remote-Access-Assistant/${version.replace(/[^\w.+-]/g, '').slice(0, 32) || '0'}`;
}

/** The base URL to send to: the given server (http or https, no user, query or fragment) or the provider's own. */
export function ddnsServer(target: Pick<DdnsTarget, 'provider' | 'server'>): URL | null {
  const raw = target.server ?? DDNS_SERVERS[target.provider];
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** Whether `host` is a full DNS name we may ask a provider to update. */
export function isDdnsHost(host: string): boolean {
  return (
    host.length <= 253 &&
    /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(host) &&
    !host.split('.').some((l) => l.startsWith('-'))
  );
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The dyndns2 update (DynDNS, No-IP, Dynu, any compatible server): GET /nic/update with basic auth. */
export function dyndns2Request(
  target: DdnsTarget,
  input: { password: string; ip: string | null; version: string },
): DdnsRequest | null {
  const server = ddnsServer(target);
  if (!server || !isDdnsHost(target.host) || !target.user) return null;
  const url = new URL('nic/update', server);
  url.searchParams.set('hostname', target.host.toLowerCase());
  if (input.ip) url.searchParams.set('myip', input.ip);
  return {
    method: 'GET',
    url: url.href,
    headers: {
      authorization: `Basic ${base64(`${target.user}:${input.password}`)}`,
      'user-agent': ddnsUserAgent(input.version),
    },
    shown: `GET ${url.href} (basic auth as ${target.user})`,
  };
}

/** DuckDNS's name for a host: the label under duckdns.org, or the name as given for another server. */
export function duckdnsDomain(host: string): string {
  const h = host.toLowerCase();
  return h.endsWith('.duckdns.org') ? h.slice(0, -'.duckdns.org'.length) : h;
}

/** The DuckDNS update: GET /update?domains=…&token=…[&ip=…]&verbose=true (DuckDNS takes the token only here). */
export function duckdnsRequest(target: DdnsTarget, input: { token: string; ip: string | null }): DdnsRequest | null {
  const server = ddnsServer(target);
  if (!server || !isDdnsHost(target.host) || !input.token) return null;
  const url = new URL('update', server);
  url.searchParams.set('domains', duckdnsDomain(target.host));
  url.searchParams.set('token', input.token);
  if (input.ip) url.searchParams.set('ip', input.ip);
  url.searchParams.set('verbose', 'true');
  const shown = new URL(url.href);
  shown.searchParams.set('token', '***');
  return { method: 'GET', url: url.href, headers: {}, shown: `GET ${shown.href}` };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

/** The zones a host may be in, longest first (never a bare top-level domain), at most four. */
export function zoneCandidates(host: string): string[] {
  const labels = host.toLowerCase().split('.');
  const out: string[] = [];
  for (let i = 0; i + 2 <= labels.length && out.length < 4; i++) out.push(labels.slice(i).join('.'));
  return out;
}

/** Cloudflare: the zone by name (GET /zones?name=…). */
export function cloudflareZoneRequest(target: DdnsTarget, input: { token: string; zone: string }): DdnsRequest | null {
  const server = ddnsServer(target);
  if (!server || !input.token) return null;
  const url = new URL('zones', server);
  url.searchParams.set('name', input.zone);
  return { method: 'GET', url: url.href, headers: bearer(input.token), shown: `GET ${url.href}` };
}

/** Cloudflare: the host's A record in the zone (GET /zones/{zone}/dns_records?type=A&name=…). */
export function cloudflareRecordRequest(
  target: DdnsTarget,
  input: { token: string; zoneId: string },
): DdnsRequest | null {
  const server = ddnsServer(target);
  if (!server || !input.token || !/^[\w-]{1,64}$/.test(input.zoneId) || !isDdnsHost(target.host)) return null;
  const url = new URL(`zones/${input.zoneId}/dns_records`, server);
  url.searchParams.set('type', 'A');
  url.searchParams.set('name', target.host.toLowerCase());
  return { method: 'GET', url: url.href, headers: bearer(input.token), shown: `GET ${url.href}` };
}

/** Cloudflare: the A record's new address (PATCH /zones/{zone}/dns_records/{id} {"content": ip}); the rest stays. */
export function cloudflarePatchRequest(
  target: DdnsTarget,
  input: { token: string; zoneId: string; recordId: string; ip: string },
): DdnsRequest | null {
  const server = ddnsServer(target);
  if (!server || !input.token || !isIpv4(input.ip)) return null;
  if (!/^[\w-]{1,64}$/.test(input.zoneId) || !/^[\w-]{1,64}$/.test(input.recordId)) return null;
  const url = new URL(`zones/${input.zoneId}/dns_records/${input.recordId}`, server);
  return {
    method: 'PATCH',
    url: url.href,
    headers: bearer(input.token),
    body: JSON.stringify({ type: 'A', content: input.ip }),
    shown: `PATCH ${url.href}`,
  };
}
