// echoip ("what is my IP"): readers of the answers of an echoip-compatible service — mpolden/echoip, the code behind
// ifconfig.co, and the lab's checker. Sources: shared/reference/INTERNET-SECURITY.md §2.2 and PROTOCOLS.md: `GET /json`
// → `{ "ip": "<caller>", "ip_decimal", "country", … }`; `GET /ip` → the caller's address as plain text. Pure: no I/O.
// The answer comes from a server on the internet: bounded before it is read, and an `ip` that is not an address is
// a plain error. Whether an address is believable as public is the verdict's business (shared/domain/public-address).
import { parseIpv4 } from './ipv4';

/** An answer longer than this is refused unread (echoip's /json is about 300 bytes). */
export const ECHOIP_MAX_BYTES = 16 * 1024;

export type EchoipAnswer = { ok: true; address: string; family: 'IPv4' | 'IPv6' } | { ok: false; error: string };

const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/;

/** An address as a service wrote it: a dotted IPv4 (leading zeros refused) or IPv6 text; anything else is null. */
export function readAddressText(text: string): { address: string; family: 'IPv4' | 'IPv6' } | null {
  const t = text.trim();
  const v4 = parseIpv4(t);
  if (v4 !== null)
    return t.split('.').some((p) => p.length > 1 && p.startsWith('0')) ? null : { address: t, family: 'IPv4' };
  if (t.includes(':') && IPV6.test(t) && (t.match(/::/g)?.length ?? 0) <= 1) {
    const groups = t.split(':');
    if (groups.length >= 3 && groups.length <= 8 && groups.every((g) => /^[0-9A-Fa-f]{0,4}$/.test(g)))
      return { address: t.toLowerCase(), family: 'IPv6' };
  }
  return null;
}

function asText(body: Uint8Array): string | null {
  if (!(body instanceof Uint8Array) || body.length > ECHOIP_MAX_BYTES) return null;
  return new TextDecoder('utf-8', { fatal: false }).decode(body);
}

const excerpt = (s: string) =>
  s
    .replace(/[^\x20-\x7e]/g, '?')
    .trim()
    .slice(0, 40);

/** `GET /json`: the `ip` field. */
export function readEchoipJson(body: Uint8Array): EchoipAnswer {
  const text = asText(body);
  if (text === null) return { ok: false, error: `the checker's answer is larger than ${ECHOIP_MAX_BYTES} bytes` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: `the checker's /json answer is not JSON ("${excerpt(text)}")` };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, error: "the checker's /json answer is not an object" };
  const ip = (data as Record<string, unknown>).ip;
  if (typeof ip !== 'string') return { ok: false, error: "the checker's /json answer has no ip field" };
  const a = readAddressText(ip);
  return a ? { ok: true, ...a } : { ok: false, error: `the checker's ip field is not an address ("${excerpt(ip)}")` };
}

/** `GET /ip`: the address as plain text (one line). */
export function readEchoipText(body: Uint8Array): EchoipAnswer {
  const text = asText(body);
  if (text === null) return { ok: false, error: `the checker's answer is larger than ${ECHOIP_MAX_BYTES} bytes` };
  const a = readAddressText(text);
  return a
    ? { ok: true, ...a }
    : { ok: false, error: `the checker's /ip answer is not an address ("${excerpt(text)}")` };
}

/** The checker's URL as the user typed it: http or https, no credentials, no query; its base for /json and /ip. */
export function parseCheckerUrl(text: string): URL | null {
  if (typeof text !== 'string' || text.length > 300) return null;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash)
    return null;
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
