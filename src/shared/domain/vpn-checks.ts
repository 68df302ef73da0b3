// The VPN plan's checks of what the user gives: networks, tunnel subnets, device names (they become file names),
// endpoint names and WireGuard keys. Pure; used by vpn-plan.ts, the contract's shapes and the page (so its reasons are
// said by key, without the catalogue: see said.ts).
import { said, type Said } from '../i18n/said';
import { formatIpv4, isPrefix, networkNumber, parseIpv4 } from './ipv4';

/** Tunnel subnets tried in order: the usual defaults of WireGuard guides and installers, then quieter ones. */
export const TUNNEL_CANDIDATES = [
  '10.8.0.0/24',
  '10.66.66.0/24',
  '172.29.0.0/24',
  '10.7.0.0/24',
  '10.13.13.0/24',
  '10.99.77.0/24',
  '172.31.251.0/24',
  '192.168.250.0/24',
] as const;

/** Home subnets so common that a hotel's or a friend's Wi-Fi is likely to use the same (the phone would go there). */
export const COMMON_HOME_LANS = [
  '192.168.0.0/24',
  '192.168.1.0/24',
  '192.168.178.0/24',
  '10.0.0.0/24',
  '192.168.88.0/24',
];

export const DEFAULT_KEEPALIVE = 25;
export const MAX_PEERS = 32;
/** A peer's name is the name of its file: letters, digits, - and _, up to 32, not starting with - (never `server`). */
export const PEER_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,31}$/;
export const HOST_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
export const WG_KEY = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

/** A network as `{ net, prefix }`; null when the text is not `a.b.c.d/n`. */
export function parseCidr(text: string): { net: number; prefix: number } | null {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const prefix = Number(m[2]);
  if (!isPrefix(prefix) || parseIpv4(m[1]) === null) return null;
  return { net: networkNumber(m[1]!, prefix)!, prefix };
}

/** True when two networks share any address. */
export function overlaps(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  if (!x || !y) return false;
  const p = Math.min(x.prefix, y.prefix);
  return networkNumber(formatIpv4(x.net), p) === networkNumber(formatIpv4(y.net), p);
}

/** The first candidate tunnel subnet that clashes with none of the networks given; null when all do. */
export function chooseTunnel(
  taken: readonly string[],
  candidates: readonly string[] = TUNNEL_CANDIDATES,
): string | null {
  return candidates.find((c) => !taken.some((t) => overlaps(c, t))) ?? null;
}

/**
 * A peer's name checked as a file name: null when fine, else the plain reason, said by key (this file stays free of
 * the catalogue: the page checks the names as they are typed; main's English is checkPeerName in vpn-plan.ts).
 */
export function peerNameSaid(name: string): Said | null {
  if (!PEER_NAME.test(name))
    return said('vpn.said.names.notFileName', {
      name: name.slice(0, 40),
      example:
        name
          .replace(/[^A-Za-z0-9_-]+/g, '-')
          .replace(/^-+/, '')
          .slice(0, 32) || 'phone',
    });
  if (name.toLowerCase() === 'server') return said('vpn.said.names.server');
  return null;
}

/**
 * The peers' names as typed (comma-separated), checked: distinct (ignoring case, as on macOS and Windows), at most 32;
 * the reason said by key (main's English: checkPeerNames in vpn-plan.ts).
 */
export function peerNamesSaid(names: readonly string[]): { ok: true; names: string[] } | { ok: false; said: Said } {
  if (names.length === 0) return { ok: false, said: said('vpn.said.names.none') };
  if (names.length > MAX_PEERS) return { ok: false, said: said('vpn.said.names.tooMany', { max: String(MAX_PEERS) }) };
  const seen = new Set<string>();
  for (const name of names) {
    const bad = peerNameSaid(name);
    if (bad) return { ok: false, said: bad };
    if (seen.has(name.toLowerCase())) return { ok: false, said: said('vpn.said.names.twice', { name }) };
    seen.add(name.toLowerCase());
  }
  return { ok: true, names: [...names] };
}

/** A DNS name the phone can dial (the DDNS name): dotted labels, 253 characters at most, not an address. */
export function isEndpointName(host: string): boolean {
  if (host.length > 253) return false; // an address is refused below: its last label is all digits
  const labels = host.replace(/\.$/, '').split('.');
  return labels.length >= 2 && labels.every((l) => HOST_LABEL.test(l)) && !/^\d+$/.test(labels.at(-1)!);
}

/** True for a WireGuard key in its base64 form (32 bytes: 43 characters and `=`). */
export function isWgKey(text: string): boolean {
  return WG_KEY.test(text);
}
