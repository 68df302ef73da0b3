// The reverse proxy's shapes (its kinds, what it stands in front of, its config), the plan's web entry it takes over
// and the checks of what the user types for it, their reasons said by key: what the pages load. The proxy's config
// and steps, and main's English sentences, are reverse-proxy.ts (main's side; it re-exports every name here). Pure.
import { said, type Said } from '../i18n/said';
import { externalFor, type ForwardPlan } from './forward-plan-shapes';
import { parseIpv4 } from './ipv4';
import type { PortRow } from './ports';

export const PROXY_KINDS = ['caddy', 'nginx'] as const;
export type ProxyKind = (typeof PROXY_KINDS)[number];

/** What the proxy stands in front of: the NVR's web page on the LAN, and the port it listens on. */
export interface ProxyTarget {
  /** The NVR's (static) address on the LAN. */
  address: string;
  /** The NVR's own web port (never forwarded). */
  port: number;
  /** True when the NVR answers HTTPS on it (usually with a self-signed certificate); false for plain HTTP. */
  tls: boolean;
  /** The port the proxy listens on, and the outside port the router forwards to it (the plan's, e.g. 10443). */
  listen: number;
  /** Allowed source addresses or networks (CIDR); empty = anyone. */
  sources: readonly string[];
}

export interface ProxyOptions {
  /** A public host name that points at the router (DDNS): a Let's Encrypt certificate for it. */
  host?: string;
  /** The user name of the proxy's own password (basic auth); required when no source address is allowed. */
  user?: string;
}

export interface ProxyConfig {
  kind: ProxyKind;
  /** Where the file goes on the proxy computer. */
  path: string;
  text: string;
  /** Numbered steps, in order (without their numbers). */
  steps: string[];
  /** The steps by the catalogue's key (said.ts), one each: the page and the CLI say them in the user's language. */
  said?: { steps: Said[] };
}

export type ProxyResult = { ok: true; config: ProxyConfig } | { ok: false; error: string; said: Said };

/** The name the internal certificate is made for when there is no public host name (browsers connect by address). */
export const INTERNAL_NAME = 'nvr-proxy.internal';
/** In place of the password hash the user's own command prints. */
export const HASH_PLACEHOLDER = 'PASTE-THE-HASH-HERE';
export const NGINX_CERT = '/etc/nginx/nvr-proxy.crt';
export const NGINX_KEY = '/etc/nginx/nvr-proxy.key';
export const NGINX_PASSWORDS = '/etc/nginx/nvr-proxy.htpasswd';

const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const USER = /^[A-Za-z0-9._-]{1,32}$/;

/** A public host name such as nvr.example.com (lower-cased), or why it is not one, said by key. */
export function checkHostSaid(text: string): { ok: true; host: string } | { ok: false; said: Said } {
  const t = text.trim().toLowerCase();
  if (parseIpv4(t) !== null) return { ok: false, said: said('rules.said.proxy.hostIsAddress', { host: t }) };
  if (!HOST.test(t)) return { ok: false, said: said('rules.said.proxy.notHost', { text: t.slice(0, 40) }) };
  return { ok: true, host: t };
}

/**
 * A user name for the proxy's password: no spaces or colons (the password file separates with a colon); or why not,
 * said by key.
 */
export function checkUserSaid(text: string): { ok: true; user: string } | { ok: false; said: Said } {
  const t = text.trim();
  if (!USER.test(t)) return { ok: false, said: said('rules.said.proxy.notUser', { text: t.slice(0, 40) }) };
  return { ok: true, user: t };
}

/**
 * What the plan would expose of the web page: its HTTPS rule (the NVR's port inside, the outside port the proxy takes
 * over); or, when the web page was asked for and the NVR answers only plain HTTP (the plan leaves it out), that port —
 * the proxy adds the encryption, and plain HTTP stays on the LAN. Null when the plan exposes no web page.
 */
export function proxyTarget(plan: ForwardPlan, rows: readonly PortRow[] | null = null): ProxyTarget | null {
  const https = plan.rules.find((r) => r.role === 'https');
  if (https)
    return {
      address: https.internalAddress,
      port: https.internalPort,
      tls: true,
      listen: https.externalPort,
      sources: plan.sources,
    };
  const http = plan.wants.web ? rows?.find((r) => r.state === 'open' && r.role === 'http') : undefined;
  if (!http) return null;
  return { address: plan.address, port: http.port, tls: false, listen: externalFor(443), sources: plan.sources };
}
