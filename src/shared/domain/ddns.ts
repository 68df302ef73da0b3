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

function answer(
  outcome: DdnsOutcome,
  code: string,
  words: string,
  extra: Partial<Pick<DdnsAnswer, 'mayRetry' | 'stop' | 'retryAfterMinutes' | 'address'>> = {},
): DdnsAnswer {
  const ok = outcome === 'updated' || outcome === 'unchanged';
  return {
    outcome,
    code: code.slice(0, 64),
    words,
    mayRetry: extra.mayRetry ?? ok,
    stop: extra.stop ?? !ok,
    retryAfterMinutes: extra.retryAfterMinutes ?? null,
    address: extra.address ?? null,
  };
}

const later = (code: string, words: string, stop: boolean) =>
  answer('retry-later', code, words, { mayRetry: true, stop, retryAfterMinutes: DDNS_RETRY_LATER_MINUTES });

/** An HTTP status that says more than the body: 429 and 5xx are the server's trouble, for a while. */
function httpTrouble(status: number): DdnsAnswer | null {
  if (status === 429)
    return later('http 429', 'The provider asks to slow down (too many requests). Wait before updating again.', false);
  if (status >= 500)
    return later(
      `http ${status}`,
      `The provider's server has a problem (HTTP ${status}). Try again in ${DDNS_RETRY_LATER_MINUTES} minutes.`,
      false,
    );
  return null;
}

function firstWord(body: string): { word: string; rest: string } {
  const line =
    body
      .slice(0, DDNS_MAX_ANSWER)
      .split(/\r?\n/)
      .find((l) => l.trim()) ?? '';
  const [word = '', ...rest] = line.trim().split(/\s+/);
  return { word, rest: rest.join(' ') };
}

function unknownAnswer(code: string): DdnsAnswer {
  return answer(
    'fatal',
    code,
    'unknown answer: the provider answered something this app does not know. Nothing more is sent; check the host at the provider.',
  );
}

/**
 * A dyndns2 answer (one line for the one host we send). `sentIp` is the address asked for (null: the provider took
 * the caller's). Dyn: "any failed update is fatal"; No-IP: stop sending on any error until the user fixes it.
 */
export function readDyndns2Answer(status: number, body: string, sentIp: string | null): DdnsAnswer {
  const { word, rest } = firstWord(body);
  const ip = rest.split(/[\s,]+/).find(isIpv4) ?? null;
  switch (word.toLowerCase()) {
    case 'good':
      // Dyn: "good 127.0.0.1" when 127.0.0.1 was not asked for means the update was ignored: the agent is refused.
      if (ip === '127.0.0.1' && sentIp !== '127.0.0.1')
        return answer(
          'fatal',
          'good 127.0.0.1',
          'The provider ignored the update and says this program is not allowed (its agent is refused). Nothing more is sent; contact the provider.',
          { mayRetry: false },
        );
      return answer('updated', 'good', `Updated: the name points to ${ip ?? sentIp ?? 'this address'} now.`, {
        address: ip ?? sentIp,
      });
    case 'nochg':
      return answer(
        'unchanged',
        'nochg',
        `Already up to date: the name points to ${ip ?? sentIp ?? 'this address'}. Repeating this gets a host blocked, so the app sends no update until the address changes.`,
        { address: ip ?? sentIp },
      );
    case 'badauth':
      return answer(
        'auth',
        'badauth',
        'The user name or password is wrong. Nothing more is sent until you give the right ones (No-IP: use the DDNS key, or the account e-mail and password).',
      );
    case '!donator':
      return answer(
        'fatal',
        '!donator',
        'The update asks for something only paying accounts may use. Nothing more is sent.',
      );
    case 'nohost':
      return answer(
        'host',
        'nohost',
        'This host name is not in this account (or does not exist there). Check the name, or the account it belongs to.',
      );
    case 'notfqdn':
      return answer(
        'host',
        'notfqdn',
        'The host name is not a full name the provider knows (like mynvr.ddns.net). Check the name.',
      );
    case 'numhost':
      return answer('fatal', 'numhost', 'Too many host names in one update (more than 20), or a round-robin host.');
    case 'abuse':
      return answer(
        'blocked',
        'abuse',
        'The provider has blocked this host for too many updates. Nothing more is sent: unblock it at the provider (its web page or support) first.',
      );
    case 'badagent':
      return answer(
        'fatal',
        'badagent',
        'The provider refuses this program (its user agent or request method). Nothing more is sent; contact the provider.',
      );
    case 'dnserr':
      return later(
        'dnserr',
        `The provider's DNS had an error. Try again in ${DDNS_RETRY_LATER_MINUTES} minutes at the earliest.`,
        false,
      );
    case '911':
      return later(
        '911',
        `The provider has a problem or maintenance. No update for ${DDNS_RETRY_LATER_MINUTES} minutes at least, and not without you: the app does not retry by itself.`,
        true,
      );
  }
  // A missing or wrong login often comes as HTTP 401 with a body that says more or nothing.
  if (status === 401)
    return answer('auth', 'http 401', 'The provider refused the login (HTTP 401). Check the user name and password.');
  const trouble = httpTrouble(status);
  if (trouble) return trouble;
  return unknownAnswer(word ? word.slice(0, 32) : status >= 200 && status < 300 ? 'empty' : `http ${status}`);
}

/** A DuckDNS answer to a verbose update: `OK` (+ ip, ipv6, `UPDATED`/`NOCHANGE`) or `KO` (no reason given). */
export function readDuckdnsAnswer(status: number, body: string, sentIp: string | null): DdnsAnswer {
  const lines = body
    .slice(0, DDNS_MAX_ANSWER)
    .split(/\r?\n/)
    .map((l) => l.trim());
  const first = lines[0] ?? '';
  if (first === 'OK') {
    const ip = lines.slice(1).find(isIpv4) ?? sentIp;
    const last = lines.filter(Boolean).at(-1);
    if (last === 'NOCHANGE')
      return answer('unchanged', 'OK NOCHANGE', `Already up to date: the name points to ${ip ?? 'this address'}.`, {
        address: ip,
      });
    return answer(
      'updated',
      last === 'UPDATED' ? 'OK UPDATED' : 'OK',
      `Updated: the name points to ${ip ?? 'this address'} now.`,
      {
        address: ip,
      },
    );
  }
  if (first === 'KO')
    return answer(
      'auth',
      'KO',
      'DuckDNS refused the update: the token is wrong, or the domain is not in this account (DuckDNS does not say which). Check both on duckdns.org.',
    );
  const trouble = httpTrouble(status);
  if (trouble) return trouble;
  return unknownAnswer(first ? first.slice(0, 32) : 'empty');
}

const cloudflareEnvelope = z.object({
  success: z.boolean(),
  errors: z
    .array(z.object({ code: z.number().int(), message: z.string().max(2000).optional() }).passthrough())
    .max(50)
    .default([]),
  result: z.unknown().optional(),
});

const CLOUDFLARE_CODES: Record<number, (code: string) => DdnsAnswer> = {
  9109: (c) =>
    answer('auth', c, 'Cloudflare refused the API token (invalid, expired, or not allowed from this address).'),
  10000: (c) =>
    answer(
      'auth',
      c,
      'Cloudflare refused the API token: it is wrong, or it lacks the permission Zone → DNS → Edit for this zone.',
    ),
  6003: (c) => answer('auth', c, 'Cloudflare could not read the API token (invalid request headers). Paste it again.'),
  6103: (c) => answer('auth', c, 'Cloudflare could not read the API token (invalid request headers). Paste it again.'),
  6111: (c) => answer('auth', c, 'Cloudflare could not read the API token (malformed Authorization). Paste it again.'),
  81044: (c) => answer('host', c, 'Cloudflare has no such record: create an A record for this name in the zone first.'),
  7003: (c) => answer('host', c, 'Cloudflare does not know this zone or record (wrong identifier).'),
  1038: (c) =>
    answer(
      'fatal',
      c,
      "Cloudflare's API does not manage this domain's DNS (.cf, .ga, .gq, .ml, .tk): use its dashboard.",
    ),
  1004: (c) => answer('fatal', c, 'Cloudflare refused the address: not a valid IPv4 address for an A record.'),
  9005: (c) => answer('fatal', c, 'Cloudflare refused the address: not a valid IPv4 address for an A record.'),
  81057: (c) => answer('unchanged', c, 'Cloudflare already has this record with this address.'),
  81058: (c) => answer('unchanged', c, 'Cloudflare already has this record with this address.'),
};

/** A Cloudflare API answer: `{success, errors, result}`; errors read by code, the first known one wins. */
export function readCloudflareAnswer(status: number, body: string): { answer: DdnsAnswer | null; result: unknown } {
  let parsed: z.infer<typeof cloudflareEnvelope> | null = null;
  try {
    const r = cloudflareEnvelope.safeParse(JSON.parse(body.slice(0, 256 * 1024)));
    if (r.success) parsed = r.data;
  } catch {
    parsed = null;
  }
  if (parsed?.success) return { answer: null, result: parsed.result };
  for (const e of parsed?.errors ?? []) {
    const known = CLOUDFLARE_CODES[e.code];
    if (known) return { answer: known(`cloudflare ${e.code}`), result: null };
  }
  const trouble = httpTrouble(status);
  if (trouble) return { answer: trouble, result: null };
  if (status === 401 || status === 403)
    return { answer: answer('auth', `http ${status}`, 'Cloudflare refused the API token.'), result: null };
  const first = parsed?.errors[0];
  return { answer: unknownAnswer(first ? `cloudflare ${first.code}` : `http ${status}`), result: null };
}

/** The one item of a Cloudflare list (`result: [{id, name, content}]`) — a zone or an A record — or why not. */
export function cloudflareItem(result: unknown): { id: string; content: string | null } | 'none' | 'many' {
  if (!Array.isArray(result) || result.length === 0) return 'none';
  if (result.length > 1) return 'many';
  const item = result[0] as { id?: unknown; content?: unknown };
  if (typeof item?.id !== 'string' || !/^[\w-]{1,64}$/.test(item.id)) return 'none';
  return { id: item.id, content: typeof item.content === 'string' && isIpv4(item.content) ? item.content : null };
}

/** The Cloudflare PATCH went through: the record as it is now says the address. */
export function cloudflareUpdated(result: unknown, ip: string, before: string | null): DdnsAnswer {
  const content = (result as { content?: unknown } | null)?.content;
  const now = typeof content === 'string' && isIpv4(content) ? content : ip;
  if (before === now)
    return answer('unchanged', 'success', `Already up to date: the name points to ${now}.`, { address: now });
  return answer('updated', 'success', `Updated: the name points to ${now} now.`, { address: now });
}

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
