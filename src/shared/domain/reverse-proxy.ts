// The alternative to forwarding the NVR's web page: a reverse proxy on another computer of the LAN (Caddy or nginx)
// in front of it — TLS to the browser, only the allowed addresses, a password of its own — with the router forwarding
// the outside HTTPS port to the PROXY and never to the NVR. Written from the forward plan's web entry. Pure text; every
// value that reaches the text is checked here first (host name, user name, addresses, ports), so nothing the user
// types can add a directive. The password itself never appears: the user's own command makes its hash. main's side:
// the steps and the reasons are said by key with their English sentence beside them (english.ts loads the whole
// catalogue), so the pages load the shapes and checks from reverse-proxy-shapes.ts (re-exported here).
import { english } from '../i18n/english';
import { said, saidSchema, type Said } from '../i18n/said';
import { checkSourceSaid } from './forward-plan-shapes';
import { parseIpv4 } from './ipv4';
import {
  checkHostSaid,
  checkUserSaid,
  HASH_PLACEHOLDER,
  INTERNAL_NAME,
  NGINX_CERT,
  NGINX_KEY,
  NGINX_PASSWORDS,
  type ProxyConfig,
  type ProxyKind,
  type ProxyOptions,
  type ProxyResult,
  type ProxyTarget,
} from './reverse-proxy-shapes';

export * from './reverse-proxy-shapes';

/** A public host name (checkHostSaid), or why not in main's English sentence beside its key. */
export function checkHost(text: string): { ok: true; host: string } | { ok: false; error: string; said: Said } {
  const c = checkHostSaid(text);
  return c.ok ? c : { ok: false, error: english(c.said), said: c.said };
}

/** A user name for the proxy's password (checkUserSaid), or why not in main's English sentence beside its key. */
export function checkUser(text: string): { ok: true; user: string } | { ok: false; error: string; said: Said } {
  const c = checkUserSaid(text);
  return c.ok ? c : { ok: false, error: english(c.said), said: c.said };
}

const validPort = (p: number) => Number.isInteger(p) && p >= 1 && p <= 65535;

/** The values checked, or why the proxy cannot be written, said by key. */
function check(target: ProxyTarget, o: ProxyOptions): { host: string | null; user: string | null } | Said {
  const nvr = parseIpv4(target.address);
  if (nvr === null) return said('rules.said.proxy.nvrAddress', { address: target.address.slice(0, 45) });
  if (!validPort(target.port)) return said('rules.said.proxy.nvrPort', { port: String(target.port) });
  if (!validPort(target.listen)) return said('rules.said.proxy.proxyPort', { port: String(target.listen) });
  for (const s of target.sources) {
    const c = checkSourceSaid(s);
    if (!c.ok) return c.said;
  }
  let host: string | null = null;
  if (o.host !== undefined && o.host.trim() !== '') {
    const c = checkHostSaid(o.host);
    if (!c.ok) return c.said;
    host = c.host;
  }
  let user: string | null = null;
  if (o.user !== undefined && o.user.trim() !== '') {
    const c = checkUserSaid(o.user);
    if (!c.ok) return c.said;
    user = c.user;
  }
  if (!user && target.sources.length === 0) return said('rules.said.proxy.openToAnyone');
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
const nameSteps = (host: string | null): Said[] => (host ? [said('rules.said.proxy.step.name', { host })] : []);

function routerSteps(t: ProxyTarget, host: string | null): Said[] {
  const forward = { port: String(t.listen), address: t.address };
  return [
    t.sources.length
      ? said('rules.said.proxy.step.forwardSources', { ...forward, sources: t.sources.join(', ') })
      : said('rules.said.proxy.step.forward', forward),
    said('rules.said.proxy.step.removeForward', { address: t.address, port: String(t.port) }),
    host
      ? said('rules.said.proxy.step.openHost', { url: `https://${host}:${t.listen}` })
      : said('rules.said.proxy.step.openAddress', { port: String(t.listen) }),
  ];
}

/**
 * The config with its steps: said by key, and main's English sentences beside them. A step whose values are longer
 * than the contract carries (sixteen long allowed networks) leaves the key out for all of them: the English is shown.
 */
function withSteps(config: Omit<ProxyConfig, 'steps' | 'said'>, steps: Said[]): ProxyResult {
  const fits = steps.every((s) => saidSchema.safeParse(s).success);
  return { ok: true, config: { ...config, steps: steps.map(english), ...(fits ? { said: { steps } } : {}) } };
}

/** The reverse proxy for the plan's web entry: the config file and the steps around it, or why it cannot be written. */
export function reverseProxy(kind: ProxyKind, target: ProxyTarget, o: ProxyOptions = {}): ProxyResult {
  const checked = check(target, o);
  if ('key' in checked) return { ok: false, error: english(checked), said: checked };
  const { host, user } = checked;
  if (kind === 'caddy') {
    const path = '/etc/caddy/Caddyfile';
    return withSteps({ kind, path, text: caddyText(target, host, user) }, [
      said('rules.said.proxy.step.caddyInstall', {
        command: 'sudo apt install caddy',
        url: 'caddyserver.com/docs/install',
      }),
      ...nameSteps(host),
      ...(user
        ? [said('rules.said.proxy.step.caddyHash', { command: 'caddy hash-password', placeholder: HASH_PLACEHOLDER })]
        : []),
      said('rules.said.proxy.step.putFile', {
        path,
        command: `sudo caddy validate --config ${path} && sudo systemctl reload caddy`,
      }),
      ...routerSteps(target, host),
    ]);
  }
  const path = '/etc/nginx/conf.d/nvr-proxy.conf';
  return withSteps({ kind, path, text: nginxText(target, host, user) }, [
    said('rules.said.proxy.step.nginxInstall', { command: 'sudo apt install nginx-light' }),
    ...nameSteps(host),
    host
      ? said('rules.said.proxy.step.nginxCertbot', {
          host,
          install: 'sudo apt install certbot',
          certbot: 'sudo certbot certonly --standalone -d',
          hook: '--deploy-hook "systemctl reload nginx"',
        })
      : said('rules.said.proxy.step.nginxCertificate', {
          command: `sudo openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj /CN=${INTERNAL_NAME} -keyout ${NGINX_KEY} -out ${NGINX_CERT}`,
        }),
    ...(user
      ? [
          said('rules.said.proxy.step.nginxPasswords', {
            htpasswd: `sudo htpasswd -B -c ${NGINX_PASSWORDS} ${user}`,
            package: 'apache2-utils',
            printf: `printf '${user}:%s\\n' "$(openssl passwd -apr1)" | sudo tee ${NGINX_PASSWORDS}`,
          }),
        ]
      : []),
    said('rules.said.proxy.step.putFile', { path, command: 'sudo nginx -t && sudo systemctl reload nginx' }),
    ...routerSteps(target, host),
  ]);
}
