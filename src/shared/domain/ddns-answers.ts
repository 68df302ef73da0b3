// DDNS: every answer the providers give, read into an outcome, plain words and what the client may do next
// (retry, stop, wait). The requests and the providers are in ddns-providers.ts; the sources are listed there.
// main's words are said by key (ddns.said.answer); main side only: it loads the English catalogue (english.ts).
import { z } from 'zod';
import { english } from '../i18n/english';
import { said, type Said } from '../i18n/said';
import { parseIpv4 } from './ipv4';
import { DDNS_MAX_ANSWER, DDNS_RETRY_LATER_MINUTES, type DdnsAnswer, type DdnsOutcome } from './ddns-providers';

const isIpv4 = (text: string): boolean => parseIpv4(text) !== null;

function answer(
  outcome: DdnsOutcome,
  code: string,
  words: Said,
  extra: Partial<Pick<DdnsAnswer, 'mayRetry' | 'stop' | 'retryAfterMinutes' | 'address'>> = {},
): DdnsAnswer {
  const ok = outcome === 'updated' || outcome === 'unchanged';
  return {
    outcome,
    code: code.slice(0, 64),
    words: english(words),
    mayRetry: extra.mayRetry ?? ok,
    stop: extra.stop ?? !ok,
    retryAfterMinutes: extra.retryAfterMinutes ?? null,
    address: extra.address ?? null,
    said: words,
  };
}

const later = (code: string, words: Said, stop: boolean) =>
  answer('retry-later', code, words, { mayRetry: true, stop, retryAfterMinutes: DDNS_RETRY_LATER_MINUTES });

const updatedWords = (address: string | null): Said =>
  address ? said('ddns.said.answer.updated', { address }) : said('ddns.said.answer.updatedHere');
const upToDateWords = (address: string | null): Said =>
  address ? said('ddns.said.answer.upToDate', { address }) : said('ddns.said.answer.upToDateHere');

/** An HTTP status that says more than the body: 429 and 5xx are the server's trouble, for a while. */
function httpTrouble(status: number): DdnsAnswer | null {
  if (status === 429) return later('http 429', said('ddns.said.answer.slowDown'), false);
  if (status >= 500)
    return later(
      `http ${status}`,
      said('ddns.said.answer.serverTrouble', { status: String(status), minutes: String(DDNS_RETRY_LATER_MINUTES) }),
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
  return answer('fatal', code, said('ddns.said.answer.unknown'));
}

/**
 * A dyndns2 answer (one line for the one host we send). `sentIp` is the address asked for (null: the provider took
 * the caller's). Dyn: "any failed update is fatal"; No-IP: stop sending on any error until the user fixes it.
 */
export function readDyndns2Answer(status: number, body: string, sentIp: string | null): DdnsAnswer {
  const { word, rest } = firstWord(body);
  const ip = rest.split(/[\s,]+/).find(isIpv4) ?? null;
  /** The address the name has now: the answer's, else the one sent. */
  const taken = ip ?? sentIp;
  switch (word.toLowerCase()) {
    case 'good':
      // Dyn: "good 127.0.0.1" when 127.0.0.1 was not asked for means the update was ignored: the agent is refused.
      if (ip === '127.0.0.1' && sentIp !== '127.0.0.1')
        return answer('fatal', 'good 127.0.0.1', said('ddns.said.answer.agentRefused'), { mayRetry: false });
      return answer('updated', 'good', updatedWords(ip ?? sentIp), { address: ip ?? sentIp });
    case 'nochg':
      return answer(
        'unchanged',
        'nochg',
        taken ? said('ddns.said.answer.unchanged', { address: taken }) : said('ddns.said.answer.unchangedHere'),
        { address: ip ?? sentIp },
      );
    case 'badauth':
      return answer('auth', 'badauth', said('ddns.said.answer.badauth'));
    case '!donator':
      return answer('fatal', '!donator', said('ddns.said.answer.donator'));
    case 'nohost':
      return answer('host', 'nohost', said('ddns.said.answer.nohost'));
    case 'notfqdn':
      return answer('host', 'notfqdn', said('ddns.said.answer.notfqdn'));
    case 'numhost':
      return answer('fatal', 'numhost', said('ddns.said.answer.numhost'));
    case 'abuse':
      return answer('blocked', 'abuse', said('ddns.said.answer.abuse'));
    case 'badagent':
      return answer('fatal', 'badagent', said('ddns.said.answer.badagent'));
    case 'dnserr':
      return later('dnserr', said('ddns.said.answer.dnserr', { minutes: String(DDNS_RETRY_LATER_MINUTES) }), false);
    case '911':
      return later('911', said('ddns.said.answer.maintenance', { minutes: String(DDNS_RETRY_LATER_MINUTES) }), true);
  }
  // A missing or wrong login often comes as HTTP 401 with a body that says more or nothing.
  if (status === 401) return answer('auth', 'http 401', said('ddns.said.answer.loginRefused'));
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
    if (last === 'NOCHANGE') return answer('unchanged', 'OK NOCHANGE', upToDateWords(ip), { address: ip });
    return answer('updated', last === 'UPDATED' ? 'OK UPDATED' : 'OK', updatedWords(ip), {
      address: ip,
    });
  }
  if (first === 'KO') return answer('auth', 'KO', said('ddns.said.answer.duckdnsRefused'));
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
  9109: (c) => answer('auth', c, said('ddns.said.answer.cloudflareTokenRefused')),
  10000: (c) => answer('auth', c, said('ddns.said.answer.cloudflareTokenWrong')),
  6003: (c) => answer('auth', c, said('ddns.said.answer.cloudflareTokenHeaders')),
  6103: (c) => answer('auth', c, said('ddns.said.answer.cloudflareTokenHeaders')),
  6111: (c) => answer('auth', c, said('ddns.said.answer.cloudflareTokenMalformed')),
  81044: (c) => answer('host', c, said('ddns.said.answer.cloudflareNoSuchRecord')),
  7003: (c) => answer('host', c, said('ddns.said.answer.cloudflareUnknownZone')),
  1038: (c) => answer('fatal', c, said('ddns.said.answer.cloudflareNotManaged')),
  1004: (c) => answer('fatal', c, said('ddns.said.answer.cloudflareBadAddress')),
  9005: (c) => answer('fatal', c, said('ddns.said.answer.cloudflareBadAddress')),
  81057: (c) => answer('unchanged', c, said('ddns.said.answer.cloudflareAlreadySet')),
  81058: (c) => answer('unchanged', c, said('ddns.said.answer.cloudflareAlreadySet')),
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
    return { answer: answer('auth', `http ${status}`, said('ddns.said.answer.cloudflareToken')), result: null };
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
  if (before === now) return answer('unchanged', 'success', upToDateWords(now), { address: now });
  return answer('updated', 'success', updatedWords(now), { address: now });
}
