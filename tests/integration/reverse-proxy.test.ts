// The reverse-proxy alternative (src/shared/domain/reverse-proxy.ts), proven with the real servers: `nginx -t` and
// `caddy validate` accept every golden config (tests/fixtures/reverse-proxy) once the user's own steps are done (the
// certificate and password made with the commands the steps print), and refuse the Caddy file while the hash is still
// the placeholder. Then each config is served: three throwaway network namespaces of this test's own — the "NVR" (a
// tiny Node HTTPS server with a self-signed certificate), the proxy computer (LAN and internet side, no forwarding),
// and a client on another subnet with an allowed and a refused source address — and the client asks over TLS with
// and without the password. Nothing leaves those namespaces; everything started is stopped by PID and the namespaces
// deleted by name in afterAll. Needs root and `ip netns` (skipped, saying why, without them), nginx and caddy (the
// lab's packages: `npm run lab -- up` installs them, without starting either service).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planForwards } from '../../src/shared/domain/forward-plan';
import {
  HASH_PLACEHOLDER,
  NGINX_CERT,
  NGINX_KEY,
  NGINX_PASSWORDS,
  proxyTarget,
  reverseProxy,
  type ProxyConfig,
  type ProxyKind,
} from '../../src/shared/domain/reverse-proxy';
import { portRow } from '../support/port-row';

const TAG = `nvrpx-${process.pid}`;
const NS = { nvr: `${TAG}-nvr`, px: `${TAG}-px`, cl: `${TAG}-cl` };
const NVR = '192.168.88.64';
const PROXY_LAN = '192.168.88.10';
const PROXY_WAN = '203.0.113.2';
const ALLOWED = '198.51.100.10';
const REFUSED = '203.0.113.1';
const USER = 'viewer';
const PASSWORD = 'Proxy-Lab-2026';
const GOLDEN = resolve(__dirname, '../fixtures/reverse-proxy');

const started: ChildProcess[] = [];
/** What each started process printed (the end of it): shown when it does not come up. */
const logs = new Map<ChildProcess, string>();
const dir = mkdtempSync(join(tmpdir(), 'nvrpx-'));
// nginx's workers run as an unprivileged user: they read the password file per request.
chmodSync(dir, 0o755);

const why = (() => {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'not root';
  if (spawnSync('ip', ['netns', 'list'], { timeout: 10_000 }).status !== 0) return '`ip netns` is not available';
  return null;
})();
if (why) console.warn(`reverse-proxy.test.ts skipped: ${why} (it builds network namespaces of its own)`);

function sh(ns: string | null, cmd: string, args: string[], input?: string, timeout = 20_000) {
  const full = ns ? ['ip', ['netns', 'exec', ns, cmd, ...args]] : [cmd, args];
  const r = spawnSync(full[0] as string, full[1] as string[], {
    encoding: 'utf8',
    timeout,
    ...(input === undefined ? {} : { input }),
  });
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')}: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

/** A TCP connection from the client namespace: whether it was accepted within 3 s. */
function connects(host: string, port: number, from: string): boolean {
  const script = `const s = require('node:net').connect({ host: '${host}', port: ${port}, localAddress: '${from}' });
    const t = setTimeout(() => { console.log('timeout'); process.exit(0); }, 3000);
    s.once('connect', () => { console.log('connected'); process.exit(0); });
    s.once('error', (e) => { console.log(e.code); process.exit(0); });`;
  return sh(NS.cl, process.execPath, ['-e', script]).trim() === 'connected';
}

/** The TCP ports of the proxy's internet-side address that accept a connection from `source`: all 65 535. */
function openFrom(source: string): number[] {
  const script = `
    const net = require('node:net');
    const open = [];
    let next = 1, running = 0;
    const start = () => {
      while (running < 512 && next <= 65535) {
        const port = next++;
        running++;
        const s = net.connect({ host: ${JSON.stringify(PROXY_WAN)}, port, localAddress: ${JSON.stringify(source)} });
        const t = setTimeout(() => s.destroy(), 1500);
        s.once('connect', () => { open.push(port); s.destroy(); });
        s.once('close', () => { clearTimeout(t); running--; if (next > 65535 && running === 0) console.log(JSON.stringify(open.sort((a, b) => a - b))); else start(); });
        s.once('error', () => {});
      }
    };
    start();`;
  // Seconds here; bounded at 90 s for a loaded machine.
  return JSON.parse(sh(NS.cl, process.execPath, ['-e', script], undefined, 90_000)) as number[];
}

interface Reply {
  code: number;
  body: string;
  verbose: string;
}

/** curl from the client namespace to the proxy (its certificate is not trusted by the client: -k; -v shows it). */
function ask(from: string, auth: string | null, scheme = 'https', path = '/live?ch=1'): Reply {
  const args = ['-sk', '-v', '--max-time', '8', '--interface', from, '-o', '-', '-w', '\n%{http_code}'];
  if (auth) args.push('-u', auth);
  args.push(`${scheme}://${PROXY_WAN}:10443${path}`);
  const r = spawnSync('ip', ['netns', 'exec', NS.cl, 'curl', ...args], { encoding: 'utf8', timeout: 15_000 });
  const lines = r.stdout.split('\n');
  return { code: Number(lines.pop()), body: lines.join('\n'), verbose: r.stderr };
}

/** How many requests the NVR has answered (its server counts them): a refused request must not reach it. */
const nvrHits = () => Number(sh(NS.px, 'curl', ['-sk', '--max-time', '5', `https://${NVR}/__hits`]));

async function waitListening(ns: string, port: number) {
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    if (sh(ns, 'ss', ['-Hltn', `sport = :${port}`]).includes(`:${port}`)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`nothing listens on ${port} in ${ns} after 20 s`);
}

function startIn(ns: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const p = spawn('ip', ['netns', 'exec', ns, cmd, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  logs.set(p, '');
  const add = (d: Buffer) => logs.set(p, `${logs.get(p)}${d.toString()}`.slice(-4000));
  p.stdout!.on('data', add);
  p.stderr!.on('data', add);
  started.push(p);
  return p;
}

async function stop(p: ChildProcess) {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const gone = new Promise<void>((r) => p.once('exit', () => r()));
  p.kill('SIGTERM');
  const t = setTimeout(() => p.kill('SIGKILL'), 5_000);
  await gone;
  clearTimeout(t);
}

function teardown() {
  for (const p of started.splice(0)) if (p.pid && p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  for (const n of Object.values(NS)) spawnSync('ip', ['netns', 'del', n], { timeout: 10_000 });
}

/** The plan the Router rules step makes for an NVR with HTTPS on 443 and its SDK port, from one allowed address. */
function plan(sources: string[]) {
  return planForwards({
    deviceId: 'nvr',
    address: NVR,
    addressKept: true,
    rows: [portRow(80, 'http'), portRow(443, 'https'), portRow(8000, 'sdk')],
    wants: { web: true, app: true, video: false },
    sources,
    at: new Date(),
  });
}

function configFor(kind: ProxyKind, sources: string[], host?: string): ProxyConfig {
  const r = reverseProxy(kind, proxyTarget(plan(sources))!, { user: USER, ...(host ? { host } : {}) });
  if (!r.ok) throw new Error(r.error);
  return r.config;
}

/** The user's steps for nginx, done here: the certificate with the printed openssl command, the password's hash. */
function nginxFiles(text: string, name: string): string {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  const passwords = join(dir, `${name}.htpasswd`);
  const site = text
    .replaceAll(NGINX_CERT, cert)
    .replaceAll(NGINX_KEY, key)
    .replaceAll(/\/etc\/letsencrypt\/live\/[^/]+\/fullchain\.pem/g, cert)
    .replaceAll(/\/etc\/letsencrypt\/live\/[^/]+\/privkey\.pem/g, key)
    .replaceAll(NGINX_PASSWORDS, passwords);
  const openssl = configFor('nginx', [ALLOWED]).steps.find((s) => s.startsWith('Make the certificate: sudo '))!;
  const argv = openssl.replace('Make the certificate: sudo ', '').replace(NGINX_KEY, key).replace(NGINX_CERT, cert);
  sh(null, 'sh', ['-c', `${argv} 2>/dev/null`]);
  // The step's `openssl passwd -apr1` asks on the terminal; here the same hash is made from stdin.
  writeFileSync(passwords, `${USER}:${sh(null, 'openssl', ['passwd', '-apr1', '-stdin'], PASSWORD).trim()}\n`);
  chmodSync(passwords, 0o644);
  writeFileSync(join(dir, `${name}.conf`), site);
  // The file goes in conf.d, which Debian's nginx.conf includes inside http {}: the same here, with this test's paths.
  const main = join(dir, `${name}-main.conf`);
  writeFileSync(
    main,
    [
      `pid ${dir}/${name}.pid;`,
      'error_log stderr;',
      'events {}',
      'http {',
      `  access_log ${dir}/${name}-access.log;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${name}-${t};`),
      `  include ${dir}/${name}.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  return main;
}

const caddyEnv = (name: string) => ({
  ...process.env,
  HOME: dir,
  XDG_DATA_HOME: join(dir, `${name}-data`),
  XDG_CONFIG_HOME: join(dir, `${name}-config`),
});

/** The user's step for Caddy, done here: the hash from `caddy hash-password` in place of the placeholder. */
function caddyFile(text: string, name: string, hash = true): string {
  const file = join(dir, `${name}.Caddyfile`);
  const h = hash ? sh(null, 'caddy', ['hash-password', '--plaintext', PASSWORD]).trim() : HASH_PLACEHOLDER;
  writeFileSync(file, text.replace(HASH_PLACEHOLDER, h));
  return file;
}

const nginxTest = (main: string) =>
  spawnSync('nginx', ['-t', '-c', main, '-p', dir, '-e', 'stderr'], { encoding: 'utf8', timeout: 20_000 });
const caddyValidate = (file: string, name: string) =>
  spawnSync('caddy', ['validate', '--config', file, '--adapter', 'caddyfile'], {
    encoding: 'utf8',
    timeout: 30_000,
    env: caddyEnv(name),
  });

/** The golden files with their steps (comments after the config) cut off. */
const golden = (file: string) => readFileSync(join(GOLDEN, file), 'utf8').split('\n\n# 1. ')[0]!;

beforeAll(() => {
  if (why) return;
  for (const cmd of ['nginx', 'caddy'])
    if (spawnSync(cmd, ['-v'], { timeout: 10_000 }).error)
      throw new Error(`${cmd} is missing: \`npm run lab -- up\` installs the lab packages (nginx-light, caddy)`);
});

afterAll(() => {
  teardown();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(why !== null)('the generated configs, checked by the real servers', () => {
  const goldens = readdirSync(GOLDEN).filter((f) => /\.(conf|Caddyfile)$/.test(f));

  it('there are golden configs for both servers to check', () => {
    expect(goldens.filter((f) => f.startsWith('nginx-')).length).toBeGreaterThanOrEqual(4);
    expect(goldens.filter((f) => f.startsWith('caddy-')).length).toBeGreaterThanOrEqual(4);
  });

  it('nginx -t accepts every nginx golden file, once the certificate and the password file exist', () => {
    for (const f of goldens.filter((g) => g.startsWith('nginx-'))) {
      const r = nginxTest(nginxFiles(golden(f), f.replace(/\W/g, '_')));
      expect(r.status, `${f}: ${r.stderr}`).toBe(0);
      expect(r.stderr).toContain('test is successful');
    }
    // And nginx -t really checks: a directive it does not know is refused.
    const bad = nginxFiles(golden('nginx-limited-user.conf').replace('deny all;', 'deny_everyone all;'), 'bad');
    expect(nginxTest(bad).stderr).toContain('unknown directive "deny_everyone"');
  }, 60_000);

  it('caddy validate accepts every Caddy golden file with a hash from caddy hash-password, and refuses the placeholder', () => {
    for (const f of goldens.filter((g) => g.startsWith('caddy-'))) {
      const name = f.replace(/\W/g, '_');
      const r = caddyValidate(caddyFile(golden(f), name), name);
      expect(r.status, `${f}: ${r.stderr}`).toBe(0);
      expect(r.stdout + r.stderr).toContain('Valid configuration');
      if (!golden(f).includes(HASH_PLACEHOLDER)) continue;
      // A file whose hash was not pasted in does not load: the user cannot start a proxy with no password by mistake.
      const unhashed = caddyValidate(caddyFile(golden(f), `${name}-unhashed`, false), name);
      expect(unhashed.status).not.toBe(0);
      expect(unhashed.stderr).toContain('http_basic');
    }
  }, 120_000);
});

describe.skipIf(why !== null)('each proxy served in throwaway namespaces: NVR, proxy computer, client', () => {
  let nvr: ChildProcess;
  beforeAll(async () => {
    teardown();
    for (const n of Object.values(NS)) sh(null, 'ip', ['netns', 'add', n]);
    sh(null, 'ip', ['link', 'add', 'lan0', 'netns', NS.px, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', NS.nvr]);
    sh(null, 'ip', ['link', 'add', 'wan0', 'netns', NS.px, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', NS.cl]);
    sh(NS.nvr, 'ip', ['addr', 'add', `${NVR}/24`, 'dev', 'eth0']);
    sh(NS.px, 'ip', ['addr', 'add', `${PROXY_LAN}/24`, 'dev', 'lan0']);
    sh(NS.px, 'ip', ['addr', 'add', `${PROXY_WAN}/24`, 'dev', 'wan0']);
    sh(NS.cl, 'ip', ['addr', 'add', `${REFUSED}/24`, 'dev', 'eth0']);
    sh(NS.cl, 'ip', ['addr', 'add', `${ALLOWED}/32`, 'dev', 'lo']);
    for (const n of Object.values(NS)) {
      sh(n, 'ip', ['link', 'set', 'lo', 'up']);
      for (const dev of n === NS.px ? ['lan0', 'wan0'] : ['eth0']) sh(n, 'ip', ['link', 'set', dev, 'up']);
    }
    // The client sends everything through the proxy computer, which forwards nothing (as a proxy host should not).
    sh(NS.cl, 'ip', ['route', 'add', 'default', 'via', PROXY_WAN]);
    sh(NS.px, 'ip', ['route', 'add', `${ALLOWED}/32`, 'via', REFUSED]);
    sh(NS.nvr, 'ip', ['route', 'add', 'default', 'via', PROXY_LAN]);
    sh(NS.px, 'sysctl', ['-q', '-w', 'net.ipv4.ip_forward=0']);
    // The NVR: HTTPS on 443 with a self-signed certificate; says what it was asked and whether a password header came.
    sh(null, 'openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=nvr-self-signed',
      '-keyout',
      join(dir, 'nvr.key'),
      '-out',
      join(dir, 'nvr.crt'),
    ]);
    const server = `
      const fs = require('node:fs');
      let hits = 0;
      require('node:https').createServer({ key: fs.readFileSync(${JSON.stringify(join(dir, 'nvr.key'))}), cert: fs.readFileSync(${JSON.stringify(join(dir, 'nvr.crt'))}) }, (req, res) => {
        if (req.url === '/__hits') return res.end(String(hits));
        hits++;
        res.end('NVR web page ' + req.url + ' authorization=' + (req.headers.authorization ?? 'none'));
      }).listen(443, ${JSON.stringify(NVR)}, () => console.log('READY'));`;
    nvr = startIn(NS.nvr, process.execPath, ['-e', server]);
    await waitListening(NS.nvr, 443);
  }, 60_000);

  it('the setting is as the proof needs it: the NVR answers on the LAN, and the client cannot reach it directly', () => {
    expect(nvr.exitCode).toBeNull();
    expect(nvrHits()).toBe(0);
    expect(connects(NVR, 443, ALLOWED)).toBe(false);
    expect(openFrom(ALLOWED)).toEqual([]);
  }, 120_000);

  const cases: [ProxyKind, string, (c: ProxyConfig) => ChildProcess, RegExp][] = [
    [
      'nginx',
      'the certificate made with the printed openssl command (CN=nvr-proxy.internal)',
      (c) =>
        startIn(NS.px, 'nginx', [
          '-c',
          nginxFiles(c.text, 'served-nginx'),
          '-p',
          dir,
          '-e',
          'stderr',
          '-g',
          'daemon off;',
        ]),
      /subject: CN ?= ?nvr-proxy\.internal/,
    ],
    [
      'caddy',
      'the certificate Caddy made itself (tls internal)',
      (c) =>
        startIn(
          NS.px,
          'caddy',
          ['run', '--config', caddyFile(c.text, 'served-caddy'), '--adapter', 'caddyfile'],
          caddyEnv('served-caddy'),
        ),
      /issuer: CN ?= ?Caddy Local Authority/,
    ],
  ];

  describe.each(cases)('%s', (kind, certWords, serve, issuer) => {
    let proxy: ChildProcess;
    beforeAll(async () => {
      proxy = serve(configFor(kind, [ALLOWED]));
      await waitListening(NS.px, 10443).catch((e: Error) => {
        throw new Error(`${e.message}\n${logs.get(proxy)}`);
      });
    }, 60_000);
    afterAll(async () => {
      if (proxy) await stop(proxy);
    });

    it(`an allowed source with the right password gets the NVR’s page over TLS (${certWords}), without the proxy’s password`, () => {
      const before = nvrHits();
      const r = ask(ALLOWED, `${USER}:${PASSWORD}`);
      expect(r.code, r.verbose).toBe(200);
      expect(r.body).toBe('NVR web page /live?ch=1 authorization=none');
      expect(r.verbose).toMatch(/SSL connection using TLSv1\.[23]/);
      expect(r.verbose).toMatch(issuer);
      expect(nvrHits()).toBe(before + 1);
    });

    it('an allowed source with a wrong password, or none, gets 401 and never reaches the NVR', () => {
      const before = nvrHits();
      for (const auth of [`${USER}:wrong-${PASSWORD}`, `someone:${PASSWORD}`, null]) {
        const r = ask(ALLOWED, auth);
        expect(r.code, `${auth}: ${r.verbose}`).toBe(401);
        expect(r.body).not.toContain('NVR web page');
      }
      expect(nvrHits()).toBe(before);
    });

    it('a source not allowed gets 403 even with the right password, and never reaches the NVR', () => {
      const before = nvrHits();
      for (const auth of [`${USER}:${PASSWORD}`, null]) {
        const r = ask(REFUSED, auth);
        expect(r.code, r.verbose).toBe(403);
        expect(r.body).not.toContain('NVR web page');
      }
      expect(nvrHits()).toBe(before);
    });

    it('plain HTTP on the proxy’s port gets no page: only TLS is served there', () => {
      const r = ask(ALLOWED, `${USER}:${PASSWORD}`, 'http');
      expect(r.code).toBe(400);
      expect(r.body).not.toContain('NVR web page');
    });

    it('from the client side only the proxy’s port is open, and the NVR’s own port is not reachable', () => {
      expect(openFrom(ALLOWED)).toEqual([10443]);
      expect(connects(NVR, 443, ALLOWED)).toBe(false);
      expect(connects(PROXY_WAN, 443, ALLOWED)).toBe(false);
    }, 120_000);
  });
});
