// The alternative to forwarding the NVR's web page: a reverse proxy on another computer of the LAN (Caddy or nginx)
// in front of it — TLS to the browser, only the allowed addresses, a password of its own — with the router forwarding
// the outside HTTPS port to the PROXY and never to the NVR. Written from the forward plan's web entry. Pure text; every
// value that reaches the text is checked here first (host name, user name, addresses, ports), so nothing the user
// types can add a directive. The password itself never appears: the user's own command makes its hash.
import { checkSource, externalFor, type ForwardPlan } from './forward-plan';
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
}

export type ProxyResult = { ok: true; config: ProxyConfig } | { ok: false; error: string };

/** The name the internal certificate is made for when there is no public host name (browsers connect by address). */
export const INTERNAL_NAME = 'nvr-proxy.internal';
/** In place of the password hash the user's own command prints. */
export const HASH_PLACEHOLDER = 'PASTE-THE-HASH-HERE';

const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const USER = /^[A-Za-z0-9._-]{1,32}$/;

/** A public host name such as nvr.example.com (lower-cased), or why it is not one. */
export function checkHost(text: string): { ok: true; host: string } | { ok: false; error: string } {
  const t = text.trim().toLowerCase();
  if (parseIpv4(t) !== null)
    return { ok: false, error: `${t} is an address, not a host name: leave the name out to connect by address.` };
  if (!HOST.test(t))
    return {
      ok: false,
      error: `"${t.slice(0, 40)}" is not a host name (like nvr.example.com): letters, digits, hyphens and dots only.`,
    };
  return { ok: true, host: t };
}

/** A user name for the proxy's password: no spaces or colons (the password file separates with a colon). */
export function checkUser(text: string): { ok: true; user: string } | { ok: false; error: string } {
  const t = text.trim();
  if (!USER.test(t))
    return {
      ok: false,
      error: `"${t.slice(0, 40)}" cannot be a user name here: 1 to 32 letters, digits, dots, hyphens or underscores.`,
    };
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

const validPort = (p: number) => Number.isInteger(p) && p >= 1 && p <= 65535;

function check(target: ProxyTarget, o: ProxyOptions): { host: string | null; user: string | null } | string {
  const nvr = parseIpv4(target.address);
  if (nvr === null) return `The NVR's address "${target.address.slice(0, 45)}" is not an IPv4 address.`;
  if (!validPort(target.port)) return `The NVR's web port ${target.port} is not a port number (1 to 65535).`;
  if (!validPort(target.listen)) return `The proxy's port ${target.listen} is not a port number (1 to 65535).`;
  for (const s of target.sources) {
    const c = checkSource(s);
    if (!c.ok) return c.error;
  }
  let host: string | null = null;
  if (o.host !== undefined && o.host.trim() !== '') {
    const c = checkHost(o.host);
    if (!c.ok) return c.error;
    host = c.host;
  }
  let user: string | null = null;
  if (o.user !== undefined && o.user.trim() !== '') {
    const c = checkUser(o.user);
    if (!c.ok) return c.error;
    user = c.user;
  }
  if (!user && target.sources.length === 0)
    return 'With no allowed address the proxy is open to anyone on the internet: give a user name, so it asks for a password.';
  return { host, user };
}

const upstream = (t: ProxyTarget) => `${t.tls ? 'https' : 'http'}://${t.address}:${t.port}`;

function caddyText(t: ProxyTarget, host: string | null, user: string | null): string {
  const out = [
    `# Caddy in front of the NVR's web page (${t.address}:${t.port}), written by nvr-assist.`,
    '# The router forwards outside port ' + `${t.listen} to THIS computer, never to the NVR.`,
    '{',
    '\t# The browsers that connect are elsewhere: nothing to add to this computer’s trust store.',
    '\tskip_install_trust',
    `\t# Nothing served on port 80: the router forwards only ${t.listen}.` +
      (host ? " (Let's Encrypt's check on port 80 still works.)" : ''),
    '\tauto_https disable_redirects',
  ];
  if (!host)
    out.push(
      '\t# A browser that connects by address sends no name: it gets the certificate made for this one.',
      `\tdefault_sni ${INTERNAL_NAME}`,
    );
  out.push('}', '');
  if (host) out.push(`${host}:${t.listen} {`, `\t# A Let's Encrypt certificate for ${host} (checked through port 80).`);
  else
    out.push(
      `https://${INTERNAL_NAME}:${t.listen}, https://:${t.listen} {`,
      '\t# No public name: Caddy makes its own certificate. The browser warns once; the connection is encrypted.',
      '\ttls internal',
    );
  out.push('\troute {');
  if (t.sources.length)
    out.push(
      '\t\t# Only from these addresses: anyone else gets 403 before any password is asked.',
      `\t\t@refused not remote_ip ${t.sources.join(' ')}`,
      '\t\trespond @refused "Not from an allowed address." 403',
    );
  else out.push('\t\t# No allowed address was given: open to anyone on the internet. The password is the only lock.');
  if (user)
    out.push(
      '\t\t# The proxy’s own password. The hash comes from: caddy hash-password',
      '\t\tbasicauth {',
      `\t\t\t${user} ${HASH_PLACEHOLDER}`,
      '\t\t}',
    );
  else out.push('\t\t# No password of the proxy’s own: the allowed addresses, then the NVR’s own login.');
  out.push(`\t\treverse_proxy ${upstream(t)} {`);
  if (user)
    out.push('\t\t\t# The proxy’s password is not the NVR’s: it is not passed on.', '\t\t\theader_up -Authorization');
  if (t.tls)
    out.push(
      '\t\t\ttransport http {',
      '\t\t\t\t# The NVR’s own certificate is self-signed (no authority vouches for it). The hop is inside your LAN.',
      '\t\t\t\ttls_insecure_skip_verify',
      '\t\t\t}',
    );
  out.push('\t\t}', '\t}', '}');
  return out.join('\n');
}

export const NGINX_CERT = '/etc/nginx/nvr-proxy.crt';
export const NGINX_KEY = '/etc/nginx/nvr-proxy.key';
export const NGINX_PASSWORDS = '/etc/nginx/nvr-proxy.htpasswd';

function nginxText(t: ProxyTarget, host: string | null, user: string | null): string {
  const cert = host ? `/etc/letsencrypt/live/${host}/fullchain.pem` : NGINX_CERT;
  const key = host ? `/etc/letsencrypt/live/${host}/privkey.pem` : NGINX_KEY;
  const out = [
    `# nginx in front of the NVR's web page (${t.address}:${t.port}), written by nvr-assist.`,
    `# The router forwards outside port ${t.listen} to THIS computer, never to the NVR.`,
    '# WebSocket connections (live view in some NVR pages) are passed on.',
    'map $http_upgrade $nvr_proxy_connection {',
    '    default upgrade;',
    "    ''      close;",
    '}',
    '',
    'server {',
    `    listen ${t.listen} ssl;`,
    `    server_name ${host ?? '_'};`,
    host
      ? `    # The Let's Encrypt certificate for ${host} (certbot).`
      : '    # No public name: a certificate of your own (the openssl command in the steps). The browser warns once.',
    `    ssl_certificate ${cert};`,
    `    ssl_certificate_key ${key};`,
    '    ssl_protocols TLSv1.2 TLSv1.3;',
    '',
  ];
  if (t.sources.length)
    out.push(
      '    # Only from these addresses: anyone else gets 403 before any password is asked.',
      ...t.sources.map((s) => `    allow ${s};`),
      '    deny all;',
    );
  else out.push('    # No allowed address was given: open to anyone on the internet. The password is the only lock.');
  if (user)
    out.push(
      '',
      `    # The proxy's own password (user ${user}); the file holds only its hash.`,
      '    auth_basic "NVR";',
      `    auth_basic_user_file ${NGINX_PASSWORDS};`,
    );
  else out.push('    # No password of the proxy’s own: the allowed addresses, then the NVR’s own login.');
  out.push('', '    location / {', `        proxy_pass ${upstream(t)};`);
  if (t.tls)
    out.push(
      '        # The NVR’s own certificate is self-signed (no authority vouches for it). The hop is inside your LAN.',
      '        proxy_ssl_verify off;',
    );
  if (user)
    out.push(
      '        # The proxy’s password is not the NVR’s: it is not passed on.',
      '        proxy_set_header Authorization "";',
    );
  out.push(
    '        proxy_http_version 1.1;',
    '        proxy_set_header Upgrade $http_upgrade;',
    '        proxy_set_header Connection $nvr_proxy_connection;',
    '    }',
    '}',
  );
  return out.join('\n');
}

/** With a public name: it must point at the router, and Let's Encrypt's check needs port 80 (before any certificate). */
const nameSteps = (host: string | null): string[] =>
  host
    ? [
        `${host} must point at your router’s public address (a DNS or DDNS name). Let's Encrypt checks it through port 80: forward outside port 80 (TCP) to the proxy computer’s port 80 as well, from anywhere — the proxy answers only that check there, never the NVR.`,
      ]
    : [];

function routerSteps(t: ProxyTarget, host: string | null): string[] {
  return [
    `On the router: forward outside port ${t.listen} (TCP) to the PROXY computer’s address, port ${t.listen} — not to the NVR (${t.address}).` +
      (t.sources.length ? ` Keep the allowed sources (${t.sources.join(', ')}) on that rule too.` : ''),
    `Remove any forward to the NVR’s web page (to ${t.address}:${t.port}): the NVR’s own port is never forwarded; only the proxy reaches it. The app/SDK port rule, if you use the phone app, stays as it is.`,
    `Open https://${host ?? '<your public address>'}:${t.listen} from outside` +
      (host
        ? '.'
        : ': the browser warns once about the certificate (the proxy made it), then the connection is encrypted.'),
  ];
}

/** The reverse proxy for the plan's web entry: the config file and the steps around it, or why it cannot be written. */
export function reverseProxy(kind: ProxyKind, target: ProxyTarget, o: ProxyOptions = {}): ProxyResult {
  const checked = check(target, o);
  if (typeof checked === 'string') return { ok: false, error: checked };
  const { host, user } = checked;
  if (kind === 'caddy')
    return {
      ok: true,
      config: {
        kind,
        path: '/etc/caddy/Caddyfile',
        text: caddyText(target, host, user),
        steps: [
          'Install Caddy on a computer of your LAN that stays on (not the NVR): sudo apt install caddy (Debian, Ubuntu; others: caddyserver.com/docs/install).',
          ...nameSteps(host),
          ...(user
            ? [
                `Make the password’s hash: caddy hash-password (it asks for the password and prints the hash). Put the hash in place of ${HASH_PLACEHOLDER}; the password itself is never in the file.`,
              ]
            : []),
          'Put this file at /etc/caddy/Caddyfile, then: sudo caddy validate --config /etc/caddy/Caddyfile && sudo systemctl reload caddy',
          ...routerSteps(target, host),
        ],
      },
    };
  return {
    ok: true,
    config: {
      kind,
      path: '/etc/nginx/conf.d/nvr-proxy.conf',
      text: nginxText(target, host, user),
      steps: [
        'Install nginx on a computer of your LAN that stays on (not the NVR): sudo apt install nginx-light (Debian, Ubuntu).',
        ...nameSteps(host),
        host
          ? `Get the certificate for ${host} (it is renewed on its own, and nginx reloaded): sudo apt install certbot, then: sudo certbot certonly --standalone -d ${host} --deploy-hook "systemctl reload nginx"`
          : `Make the certificate: sudo openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj /CN=${INTERNAL_NAME} -keyout ${NGINX_KEY} -out ${NGINX_CERT}`,
        ...(user
          ? [
              `Make the password file (it asks for the password; only its hash is kept): sudo htpasswd -B -c ${NGINX_PASSWORDS} ${user} (package apache2-utils), or without it: printf '${user}:%s\\n' "$(openssl passwd -apr1)" | sudo tee ${NGINX_PASSWORDS}`,
            ]
          : []),
        'Put this file at /etc/nginx/conf.d/nvr-proxy.conf, then: sudo nginx -t && sudo systemctl reload nginx',
        ...routerSteps(target, host),
      ],
    },
  };
}
