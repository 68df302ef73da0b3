// The reverse-proxy alternative (src/shared/domain/reverse-proxy.ts): Caddy and nginx configs in front of the NVR's
// web page, written from the forward plan. Each text is compared whole to a golden file in tests/fixtures/reverse-proxy
// (read once: see its README; the real binaries check and serve them in tests/integration/reverse-proxy.test.ts); the
// tests below name what the user would lose: a proxy open to addresses they limited, a password in the file, the
// NVR's password sent the proxy's credentials, the NVR's own port forwarded, a typed value that adds a directive.
// `UPDATE_GOLDEN=1 npx vitest run --project unit tests/unit/shared/domain/reverse-proxy.test.ts` rewrites the golden
// files from today's code: read the difference before committing it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forwardPlanSchema, planForwards, type ForwardPlan } from '../../../../src/shared/domain/forward-plan';
import {
  checkHost,
  checkUser,
  HASH_PLACEHOLDER,
  PROXY_KINDS,
  proxyTarget,
  reverseProxy,
  type ProxyConfig,
  type ProxyKind,
  type ProxyOptions,
  type ProxyTarget,
} from '../../../../src/shared/domain/reverse-proxy';
import { portRow as row } from '../../../support/port-row';

const GOLDEN_DIR = resolve(__dirname, '../../../fixtures/reverse-proxy');
const EXT: Record<ProxyKind, string> = { caddy: 'Caddyfile', nginx: 'conf' };

function golden(name: string, text: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) writeFileSync(file, `${text}\n`);
  expect(`${text}\n`).toBe(readFileSync(file, 'utf8'));
}

/** The router-commands golden plans (tests/fixtures/rule-commands/plans.json): HTTPS 10443 → 192.168.1.64:443. */
const PLANS = JSON.parse(
  readFileSync(resolve(__dirname, '../../../fixtures/rule-commands/plans.json'), 'utf8'),
) as Record<'limited' | 'open', unknown>;
const limited: ForwardPlan = forwardPlanSchema.parse(PLANS.limited);
const open: ForwardPlan = forwardPlanSchema.parse(PLANS.open);
const limitedTarget = proxyTarget(limited)!;
const openTarget = proxyTarget(open)!;

function config(kind: ProxyKind, target: ProxyTarget, o: ProxyOptions): ProxyConfig {
  const r = reverseProxy(kind, target, o);
  if (!r.ok) throw new Error(r.error);
  return r.config;
}
const numbered = (c: ProxyConfig) => [c.text, '', ...c.steps.map((s, i) => `# ${i + 1}. ${s}`)].join('\n');

/** The golden cases: the file, then its steps as comments (so one file shows what the user reads). */
const CASES: [string, ProxyTarget, ProxyOptions][] = [
  ['limited-user', limitedTarget, { user: 'viewer' }],
  ['limited-nouser', limitedTarget, {}],
  ['open-user', openTarget, { user: 'viewer' }],
  ['limited-host', limitedTarget, { host: 'nvr.example.com', user: 'viewer' }],
];

describe('each config, compared whole to its golden file (config, then the numbered steps)', () => {
  for (const kind of PROXY_KINDS)
    for (const [name, target, o] of CASES)
      it(`${kind}, ${name}`, () => golden(`${kind}-${name}.${EXT[kind]}`, numbered(config(kind, target, o))));
});

describe('where the file goes', () => {
  it('each config names its file, and the step that says where to put it names the same one', () => {
    const caddy = config('caddy', limitedTarget, { user: 'viewer' });
    expect(caddy.path).toBe('/etc/caddy/Caddyfile');
    expect(caddy.kind).toBe('caddy');
    const nginx = config('nginx', limitedTarget, { user: 'viewer' });
    expect(nginx.path).toBe('/etc/nginx/conf.d/nvr-proxy.conf');
    expect(nginx.kind).toBe('nginx');
    for (const c of [caddy, nginx])
      expect(c.steps.filter((s) => s.startsWith(`Put this file at ${c.path}, then: `))).toHaveLength(1);
  });
});

describe('proxyTarget: what the plan would expose of the web page', () => {
  it('the HTTPS rule: the NVR’s address and its own port inside, the plan’s outside port for the proxy, its sources', () => {
    const https = {
      address: '192.168.1.64',
      port: 443,
      tls: true,
      listen: 10443,
      sources: ['198.51.100.0/24', '203.0.113.7'],
    };
    expect(proxyTarget(limited)).toEqual(https);
    // The HTTPS rule wins over a measured plain-HTTP port.
    expect(proxyTarget(limited, [row(80, 'http')])).toEqual(https);
    expect(proxyTarget(open)).toEqual({ ...https, sources: [] });
  });

  it('an NVR with plain HTTP only (the plan leaves its page out): that port, the proxy on 10443 adds the encryption', () => {
    // The HTTP port is found by its role, not by being first.
    const rows = [row(8000, 'sdk'), row(80, 'http')];
    const plan = planForwards({
      deviceId: 'd',
      address: '192.168.1.70',
      addressKept: true,
      rows,
      wants: { web: true, app: true, video: false },
      sources: [],
      at: new Date(0),
    });
    expect(plan.rules.map((r) => r.role)).toEqual(['sdk']);
    expect(proxyTarget(plan, rows)).toEqual({
      address: '192.168.1.70',
      port: 80,
      tls: false,
      listen: 10443,
      sources: [],
    });
    // Not asked for the web page, or the HTTP port closed: nothing to put a proxy in front of.
    expect(proxyTarget({ ...plan, wants: { ...plan.wants, web: false } }, rows)).toBeNull();
    expect(proxyTarget(plan, [row(80, 'http', { state: 'closed' })])).toBeNull();
    expect(proxyTarget(plan)).toBeNull();
  });

  it('no web page in the plan (only the app port): null', () => {
    expect(proxyTarget({ ...limited, rules: limited.rules.filter((r) => r.role !== 'https') })).toBeNull();
  });

  it('plain HTTP inside: the proxy talks http:// to the NVR and skips no certificate check', () => {
    const t: ProxyTarget = { address: '192.168.1.70', port: 80, tls: false, listen: 10443, sources: ['203.0.113.7'] };
    const caddy = config('caddy', t, { user: 'viewer' }).text;
    expect(caddy).toContain('reverse_proxy http://192.168.1.70:80 {');
    expect(caddy).not.toContain('tls_insecure_skip_verify');
    const nginx = config('nginx', t, { user: 'viewer' }).text;
    expect(nginx).toContain('proxy_pass http://192.168.1.70:80;');
    expect(nginx).not.toContain('proxy_ssl_verify');
  });
});

describe('what the proxy lets through', () => {
  it('every allowed source is in the allow-list, and everyone else is refused with 403 before any password', () => {
    const caddy = config('caddy', limitedTarget, { user: 'viewer' })
      .text.split('\n')
      .map((l) => l.trim());
    const refused = caddy.indexOf('@refused not remote_ip 198.51.100.0/24 203.0.113.7');
    expect(refused).toBeGreaterThan(caddy.indexOf('route {'));
    expect(caddy[refused + 1]).toBe('respond @refused "Not from an allowed address." 403');
    // In a route block the order is the written one: the refusal comes before basicauth.
    expect(caddy.indexOf('basicauth {')).toBeGreaterThan(refused + 1);
    const nginx = config('nginx', limitedTarget, { user: 'viewer' })
      .text.split('\n')
      .map((l) => l.trim());
    const allow = nginx.indexOf('allow 198.51.100.0/24;');
    expect(nginx.slice(allow, allow + 3)).toEqual(['allow 198.51.100.0/24;', 'allow 203.0.113.7;', 'deny all;']);
  });

  it('with no allowed source it says plainly that it is open to anyone, and has no allow-list', () => {
    for (const kind of PROXY_KINDS) {
      const text = config(kind, openTarget, { user: 'viewer' }).text;
      expect(text).toContain('open to anyone on the internet. The password is the only lock.');
      expect(text).not.toMatch(/remote_ip|allow |deny /);
    }
  });

  it('with no allowed source a user name is required: a proxy open to anyone without a password is refused', () => {
    for (const kind of PROXY_KINDS)
      for (const user of [undefined, '', '  '])
        expect(reverseProxy(kind, openTarget, user === undefined ? {} : { user })).toEqual({
          ok: false,
          error:
            'With no allowed address the proxy is open to anyone on the internet: give a user name, so it asks for a password.',
          said: { key: 'rules.said.proxy.openToAnyone' },
        });
  });

  it('with allowed sources and no user: no basic auth, and the file says the NVR’s own login is what remains', () => {
    const caddy = config('caddy', limitedTarget, {}).text;
    expect(caddy).not.toMatch(/basicauth|header_up/);
    const nginx = config('nginx', limitedTarget, {}).text;
    expect(nginx).not.toMatch(/auth_basic|Authorization/);
    for (const t of [caddy, nginx])
      expect(t).toContain('No password of the proxy’s own: the allowed addresses, then the NVR’s own login.');
  });
});

describe('passwords', () => {
  it('no password is ever in the file: Caddy has the placeholder for the hash, nginx points at the hash file', () => {
    const caddy = config('caddy', limitedTarget, { user: 'viewer' });
    expect(caddy.text).toContain(`\t\t\tviewer ${HASH_PLACEHOLDER}\n`);
    expect(caddy.steps.join('\n')).toContain(
      `caddy hash-password (it asks for the password and prints the hash). Put the hash in place of ${HASH_PLACEHOLDER}`,
    );
    const nginx = config('nginx', limitedTarget, { user: 'viewer' });
    expect(nginx.text).toContain('auth_basic_user_file /etc/nginx/nvr-proxy.htpasswd;');
    expect(nginx.steps.join('\n')).toContain('sudo htpasswd -B -c /etc/nginx/nvr-proxy.htpasswd viewer');
    expect(nginx.steps.join('\n')).toContain(
      `printf 'viewer:%s\\n' "$(openssl passwd -apr1)" | sudo tee /etc/nginx/nvr-proxy.htpasswd`,
    );
  });

  it('the proxy’s credentials are not passed on to the NVR (its own login would see a stranger’s Basic header)', () => {
    expect(config('caddy', limitedTarget, { user: 'viewer' }).text).toContain('\t\t\theader_up -Authorization\n');
    expect(config('nginx', limitedTarget, { user: 'viewer' }).text).toContain(
      '        proxy_set_header Authorization "";\n',
    );
  });
});

describe('TLS', () => {
  it('the NVR’s self-signed certificate is not checked on the LAN hop, and the file says why', () => {
    const caddy = config('caddy', limitedTarget, { user: 'viewer' }).text;
    expect(caddy).toMatch(/# The NVR’s own certificate is self-signed.*\n\t+tls_insecure_skip_verify\n/);
    expect(caddy).toContain('reverse_proxy https://192.168.1.64:443 {');
    const nginx = config('nginx', limitedTarget, { user: 'viewer' }).text;
    expect(nginx).toMatch(/# The NVR’s own certificate is self-signed.*\n +proxy_ssl_verify off;\n/);
    expect(nginx).toContain('proxy_pass https://192.168.1.64:443;');
  });

  it('without a host name: Caddy makes its own certificate, nginx a self-signed one with the openssl command given', () => {
    const caddy = config('caddy', limitedTarget, { user: 'viewer' }).text;
    expect(caddy).toContain('https://nvr-proxy.internal:10443, https://:10443 {');
    expect(caddy).toContain('\ttls internal\n');
    expect(caddy).toContain('\tdefault_sni nvr-proxy.internal\n');
    const nginx = config('nginx', limitedTarget, { user: 'viewer' });
    expect(nginx.text).toContain('    listen 10443 ssl;\n    server_name _;');
    expect(nginx.text).toContain('ssl_certificate /etc/nginx/nvr-proxy.crt;');
    expect(nginx.steps[1]).toBe(
      'Make the certificate: sudo openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj /CN=nvr-proxy.internal -keyout /etc/nginx/nvr-proxy.key -out /etc/nginx/nvr-proxy.crt',
    );
  });

  it('with a host name: a Let’s Encrypt certificate for it, and the port 80 forward it needs is a step', () => {
    const caddy = config('caddy', limitedTarget, { host: 'NVR.Example.com', user: 'viewer' });
    expect(caddy.text).toContain('\nnvr.example.com:10443 {\n');
    expect(caddy.text).not.toMatch(/tls internal|default_sni/);
    const nginx = config('nginx', limitedTarget, { host: 'nvr.example.com', user: 'viewer' });
    expect(nginx.text).toContain('server_name nvr.example.com;');
    expect(nginx.text).toContain('ssl_certificate /etc/letsencrypt/live/nvr.example.com/fullchain.pem;');
    // The name and the port 80 forward come before the certificate that needs them.
    expect(nginx.steps[1]).toMatch(/^nvr\.example\.com must point at your router’s public address/);
    expect(nginx.steps[2]).toBe(
      'Get the certificate for nvr.example.com (it is renewed on its own, and nginx reloaded): sudo apt install certbot, then: sudo certbot certonly --standalone -d nvr.example.com --deploy-hook "systemctl reload nginx"',
    );
    for (const c of [caddy, nginx])
      expect(c.steps.join('\n')).toContain(
        'forward outside port 80 (TCP) to the proxy computer’s port 80 as well, from anywhere',
      );
  });
});

describe('the steps: the router forwards to the proxy, never to the NVR', () => {
  it('forward the outside port to the PROXY’s address, remove any forward to the NVR, keep the app port', () => {
    for (const kind of PROXY_KINDS) {
      const steps = config(kind, limitedTarget, { user: 'viewer' }).steps;
      expect(steps).toContain(
        'On the router: forward outside port 10443 (TCP) to the PROXY computer’s address, port 10443 — not to the NVR (192.168.1.64). Keep the allowed sources (198.51.100.0/24, 203.0.113.7) on that rule too.',
      );
      expect(steps).toContain(
        'Remove any forward to the NVR’s web page (to 192.168.1.64:443): the NVR’s own port is never forwarded; only the proxy reaches it. The app/SDK port rule, if you use the phone app, stays as it is.',
      );
      expect(steps[0]).toMatch(/^Install (Caddy|nginx) on a computer of your LAN that stays on \(not the NVR\)/);
    }
  });
});

describe('checkHost, checkUser and the plan’s values: plain-word errors, nothing reaches the file unchecked', () => {
  it('host names: lower-cased; an address, spaces, braces, a newline or a lone label are refused', () => {
    expect(checkHost(' Cam.Example.COM ')).toEqual({ ok: true, host: 'cam.example.com' });
    expect(checkHost('a-b.c9.example.net')).toEqual({ ok: true, host: 'a-b.c9.example.net' });
    expect(checkHost('203.0.113.7')).toEqual({
      ok: false,
      error: '203.0.113.7 is an address, not a host name: leave the name out to connect by address.',
      said: { key: 'rules.said.proxy.hostIsAddress', params: { host: '203.0.113.7' } },
    });
    for (const bad of [
      'nvr',
      'nvr example.com',
      'nvr.example.com {',
      'a.b\nrespond 200',
      '-a.example.com',
      'a-.example.com',
      'a..example.com',
      'example.123',
      `${'a'.repeat(64)}.example.com`,
    ])
      expect(checkHost(bad)).toEqual({
        ok: false,
        error: `"${bad.trim().toLowerCase().slice(0, 40)}" is not a host name (like nvr.example.com): letters, digits, hyphens and dots only.`,
        said: { key: 'rules.said.proxy.notHost', params: { text: bad.trim().toLowerCase().slice(0, 40) } },
      });
    expect(checkHost(`${'a'.repeat(63)}.example.com`).ok).toBe(true);
    expect(checkHost(`${'abcdefgh.'.repeat(28)}com`).ok).toBe(false); // 255 characters
    // At most 253 characters in all (DNS), each label at most 63, the last one starting with a letter.
    const labels = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.`;
    expect(checkHost(`${labels}${'d'.repeat(61)}`)).toEqual({ ok: true, host: `${labels}${'d'.repeat(61)}` });
    expect(checkHost(`${labels}${'d'.repeat(62)}`).ok).toBe(false);
    expect(checkHost('a.bc').ok).toBe(true);
    for (const bad of ['a.b-', 'a.-b', 'a.b_c', '.a.bc', 'a.bc.', 'a.bc\nx.com', ''])
      expect(checkHost(bad).ok, JSON.stringify(bad)).toBe(false);
    // The error quotes at most 40 characters of what was typed.
    expect(checkHost(`${'x'.repeat(50)} y.com`)).toEqual({
      ok: false,
      error: `"${'x'.repeat(40)}" is not a host name (like nvr.example.com): letters, digits, hyphens and dots only.`,
      said: { key: 'rules.said.proxy.notHost', params: { text: 'x'.repeat(40) } },
    });
  });

  it('user names: letters, digits, dots, hyphens, underscores; no colon, space or brace', () => {
    expect(checkUser(' viewer_1.a-b ')).toEqual({ ok: true, user: 'viewer_1.a-b' });
    expect(checkUser('a'.repeat(32)).ok).toBe(true);
    expect(checkUser('').ok).toBe(false);
    expect(checkUser(`${'u'.repeat(50)}`)).toEqual({
      ok: false,
      error: `"${'u'.repeat(40)}" cannot be a user name here: 1 to 32 letters, digits, dots, hyphens or underscores.`,
      said: { key: 'rules.said.proxy.notUser', params: { text: 'u'.repeat(40) } },
    });
    for (const bad of ['a'.repeat(33), 'view er', 'viewer:x', 'v}', 'v\nrespond', 'ü'])
      expect(checkUser(bad)).toEqual({
        ok: false,
        error: `"${bad.trim().slice(0, 40)}" cannot be a user name here: 1 to 32 letters, digits, dots, hyphens or underscores.`,
        said: { key: 'rules.said.proxy.notUser', params: { text: bad.trim().slice(0, 40) } },
      });
  });

  it('a bad host or user given to the generator is refused with the same words, for both kinds', () => {
    for (const kind of PROXY_KINDS) {
      expect(reverseProxy(kind, limitedTarget, { host: 'x y' })).toEqual({
        ok: false,
        error: checkHost('x y').ok ? '' : (checkHost('x y') as { error: string }).error,
        said: (checkHost('x y') as { said: unknown }).said,
      });
      expect(reverseProxy(kind, limitedTarget, { user: 'a:b' })).toEqual({
        ok: false,
        error: (checkUser('a:b') as { error: string }).error,
        said: (checkUser('a:b') as { said: unknown }).said,
      });
      // An empty host is "no host".
      expect(reverseProxy(kind, limitedTarget, { host: ' ', user: 'v' })).toEqual(
        reverseProxy(kind, limitedTarget, { user: 'v' }),
      );
    }
  });

  it('the plan’s values are checked again: a bad address, port or source (a hand-edited record) writes no file', () => {
    const bad: [Partial<ProxyTarget>, string][] = [
      [{ address: '192.168.1.64; evil' }, 'The NVR\'s address "192.168.1.64; evil" is not an IPv4 address.'],
      [
        { address: `192.168.1.64${'x'.repeat(50)}` },
        `The NVR's address "192.168.1.64${'x'.repeat(33)}" is not an IPv4 address.`,
      ],
      [{ port: 0 }, "The NVR's web port 0 is not a port number (1 to 65535)."],
      [{ port: 65536 }, "The NVR's web port 65536 is not a port number (1 to 65535)."],
      [{ port: 44.5 }, "The NVR's web port 44.5 is not a port number (1 to 65535)."],
      [{ listen: 0 }, "The proxy's port 0 is not a port number (1 to 65535)."],
      [{ listen: 70000 }, "The proxy's port 70000 is not a port number (1 to 65535)."],
      [
        { sources: ['192.168.1.0/24'] },
        '192.168.1.0/24 is a private address: give the address you connect from on the internet.',
      ],
      [
        { sources: ['198.51.100.0/24 }'] },
        '"198.51.100.0/24 }" is not an IPv4 address or network (e.g. 198.51.100.7 or 198.51.100.0/24).',
      ],
    ];
    for (const kind of PROXY_KINDS)
      for (const [over, error] of bad)
        expect(reverseProxy(kind, { ...limitedTarget, ...over }, { user: 'viewer' })).toEqual({
          ok: false,
          error,
          said: expect.objectContaining({ key: expect.stringMatching(/^rules\.said\.(proxy|source)\./) }),
        });
    expect(reverseProxy('nginx', { ...limitedTarget, port: 1, listen: 65535 }, {}).ok).toBe(true);
  });
});
