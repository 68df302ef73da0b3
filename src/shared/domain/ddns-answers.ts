// DDNS: every answer the providers give, read into an outcome, plain words and what the client may do next
// (retry, stop, wait). The requests and the providers are in ddns-providers.ts; the sources are listed there.
import { z } from 'zod';
import { parseIpv4 } from './ipv4';
import { DDNS_MAX_ANSWER, DDNS_RETRY_LATER_MINUTES, type DdnsAnswer, type DdnsOutcome } from './ddns-providers';

const isIpv4 = (text: string): boolean => parseIpv4(text) !== null;

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
