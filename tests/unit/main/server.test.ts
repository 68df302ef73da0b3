import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../src/main/app';
import {
  gate,
  isAllowedHost,
  isAllowedOrigin,
  isJsonContentType,
  startBrowserServer,
  type BrowserServer,
} from '../../../src/main/server';
import { HOME_PC } from '../../support/fake-system';

// Raw node:http so we control Host/Origin exactly (fetch forbids setting Host). Loopback only.
function call(
  server: BrowserServer,
  path: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method, headers: { host: `127.0.0.1:${server.port}`, ...headers } },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

let server: BrowserServer;
// The session secret the URL token is exchanged for (the server hands it to the process that started it).
const auth = () => ({ authorization: `Bearer ${server.session}` });
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'server-test-'));
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>NVR</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the static root');
  const core = createAppCore({
    dataDir: join(dir, 'data'),
    mode: 'browser',
    version: '0.0.0-test',
    system: HOME_PC(),
    log: () => {},
  });
  server = await startBrowserServer({ core, staticDir });
});
afterAll(async () => server?.close());

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
  });

  it('refuses a request without the token', async () => {
    const r = await call(server, '/api/invoke/app.info', { method: 'POST', headers: json, body: '{}' });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await call(server, '/')).status).toBe(401);
  });

  it('refuses a wrong token', async () => {
    const r = await call(server, '/api/invoke/app.info', {
      method: 'POST',
      headers: { ...json, authorization: 'Bearer nope' },
      body: '{}',
    });
    expect(r.status).toBe(401);
    expect((await call(server, '/?token=wrong')).status).toBe(403);
  });

  it('refuses a foreign Host even with the token (DNS rebinding)', async () => {
    const r = await call(server, '/api/invoke/app.info', {
      method: 'POST',
      headers: { ...json, ...auth(), host: `evil.example:${server.port}` },
      body: '{}',
    });
    expect(r.status).toBe(421);
    expect((await call(server, '/', { headers: { ...auth(), host: 'localhost:1' } })).status).toBe(421);
  });

  it('refuses a foreign Origin even with the token (CSRF)', async () => {
    const r = await call(server, '/api/invoke/setup.reset', {
      method: 'POST',
      headers: { ...json, ...auth(), origin: 'http://evil.example' },
      body: '{}',
    });
    expect(r.status).toBe(403);
    const site = await call(server, '/api/invoke/setup.reset', {
      method: 'POST',
      headers: { ...json, ...auth(), 'sec-fetch-site': 'cross-site' },
      body: '{}',
    });
    expect(site.status).toBe(403);
  });

  it('refuses form posts (non-JSON bodies)', async () => {
    const r = await call(server, '/api/invoke/setup.reset', {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    expect(r.status).toBe(415);
  });

  it('takes exactly application/json (parameters allowed), not a type that only starts with it', async () => {
    for (const type of ['application/jsonfoo', 'application/json-seq', 'application/jsonp; charset=utf-8', 'text/json'])
      expect(
        (
          await call(server, '/api/invoke/app.info', {
            method: 'POST',
            headers: { ...auth(), 'content-type': type },
            body: '{}',
          })
        ).status,
        type,
      ).toBe(415);
    expect((await call(server, '/api/invoke/app.info', { method: 'POST', headers: auth(), body: '{}' })).status).toBe(
      415,
    );
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON;charset=UTF-8',
      ' application/json ',
    ]) {
      const r = await call(server, '/api/invoke/app.info', {
        method: 'POST',
        headers: { ...auth(), 'content-type': type },
        body: '{}',
      });
      expect(r.status, type).toBe(200);
      expect(JSON.parse(r.body)).toMatchObject({ ok: true });
    }
  });

  it('refuses an empty body (it is not "no input") and a body that is not an object', async () => {
    const before = JSON.parse(
      (
        await call(server, '/api/invoke/setup.chooseApproach', {
          method: 'POST',
          headers: { ...json, ...auth() },
          body: '{"approach":"vpn"}',
        })
      ).body,
    );
    expect(before).toMatchObject({ ok: true, data: { approach: 'vpn' } });
    for (const body of ['', '   ', '\n']) {
      const r = await call(server, '/api/invoke/setup.reset', {
        method: 'POST',
        headers: { ...json, ...auth() },
        body,
      });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    const none = await call(server, '/api/invoke/setup.reset', { method: 'POST', headers: { ...json, ...auth() } });
    expect(none.status).toBe(400);
    for (const body of ['null', '[]', '"x"', '42']) {
      const r = await call(server, '/api/invoke/setup.reset', {
        method: 'POST',
        headers: { ...json, ...auth() },
        body,
      });
      expect(JSON.parse(r.body), body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    // Nothing of the above reached the handler: the setup was not reset.
    const after = JSON.parse(
      (await call(server, '/api/invoke/setup.get', { method: 'POST', headers: { ...json, ...auth() }, body: '{}' }))
        .body,
    );
    expect(after).toMatchObject({ ok: true, data: { setup: { approach: 'vpn' } } });
  });

  it('exchanges the URL token for an HttpOnly SameSite=Strict cookie, then serves the app with CSP', async () => {
    const first = await call(server, `/?token=${server.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    // The cookie holds the separate session secret, never the URL token.
    expect(cookie.split(';')[0]).toBe(`nvr_assist_session=${server.session}`);
    expect(cookie).not.toContain(server.token);
    const page = await call(server, '/', { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>NVR</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('takes the URL token once: then a plain page says to restart, and the token is no key anywhere', async () => {
    // (The test above made the one exchange.)
    const again = await call(server, `/?token=${server.token}`);
    expect(again.status).toBe(403);
    expect(again.headers['content-type']).toMatch(/^text\/html/);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('already used');
    expect(again.body).toMatch(/stop <code>npm start<\/code> \(Ctrl-C\) and run it again/);
    expect(again.body).not.toContain(server.token);
    expect(again.headers['content-security-policy']).toContain("script-src 'self'");
    // Neither as a bearer nor as the cookie does the URL token open anything.
    for (const headers of [
      { authorization: `Bearer ${server.token}` } as Record<string, string>,
      { cookie: `nvr_assist_session=${server.token}` },
      { cookie: `nvr_assist_token=${server.token}` },
    ]) {
      expect((await call(server, '/', { headers })).status).toBe(401);
      const r = await call(server, '/api/invoke/app.info', {
        method: 'POST',
        headers: { ...json, ...headers },
        body: '{}',
      });
      expect(r.status).toBe(401);
    }
    // The session secret is another random value, and it is what the cookie and the bearer carry.
    expect(server.session).toMatch(/^[\w-]{43}$/);
    expect(server.session).not.toBe(server.token);
    // The same address opened again in the browser that already has the session: let in by its cookie.
    const signedIn = await call(server, `/?token=${server.token}`, {
      headers: { cookie: `nvr_assist_session=${server.session}` },
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.location).toBe('/');
    expect(signedIn.headers['set-cookie']).toBeUndefined();
    // A wrong token gets the same page; an API call with a token in its URL stays a plain refusal.
    expect((await call(server, '/?token=wrong')).body).toContain('already used');
    expect((await call(server, '/api/events?token=x', { headers: auth() })).status).toBe(403);
  });

  it('serves the contract with parsed input and the Result envelope', async () => {
    const info = await call(server, '/api/invoke/app.info', {
      method: 'POST',
      headers: { ...json, ...auth() },
      body: '{}',
    });
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, data: { mode: 'browser', version: '0.0.0-test' } });
    const net = JSON.parse(
      (await call(server, '/api/invoke/network.get', { method: 'POST', headers: { ...json, ...auth() }, body: '{}' }))
        .body,
    );
    expect(net.data.recommended.interfaceName).toBe('eth0');
    const bad = await call(server, '/api/invoke/setup.chooseApproach', {
      method: 'POST',
      headers: { ...json, ...auth() },
      body: '{"approach":"telnet"}',
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const unknown = await call(server, '/api/invoke/fs.read', {
      method: 'POST',
      headers: { ...json, ...auth() },
      body: '{}',
    });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const broken = await call(server, '/api/invoke/app.info', {
      method: 'POST',
      headers: { ...json, ...auth() },
      body: '{',
    });
    expect(broken.status).toBe(400);
  });

  it('never serves files outside the UI folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00', '/x\\..\\secret.txt']) {
      const r = await call(server, path, { headers: auth() });
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('outside the static root');
    }
  });

  it('streams contract events over server-sent events', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/events',
          headers: { host: `127.0.0.1:${server.port}`, ...auth() },
        },
        (res) => {
          let data = '';
          res.on('data', (chunk) => {
            data += chunk;
            if (data.includes('event: setup.onChanged')) {
              req.destroy();
              resolve(data);
            }
          });
          // Trigger a change once the stream is open.
          void call(server, '/api/invoke/setup.chooseApproach', {
            method: 'POST',
            headers: { ...json, ...auth() },
            body: '{"approach":"vpn"}',
          });
        },
      );
      req.on('error', reject);
      req.end();
      setTimeout(() => reject(new Error('no event within 5 s')), 5000);
    });
    expect(received).toMatch(/event: setup\.onChanged\ndata: \{"setup":\{.*"approach":"vpn"/);
  });
});

describe('gate decisions', () => {
  it.each([
    ['127.0.0.1:8080', true],
    ['localhost:8080', true],
    ['127.0.0.1:8081', false],
    ['127.0.0.1', false],
    ['evil.example:8080', false],
    [undefined, false],
  ] as const)('Host %s allowed: %s', (host, allowed) => expect(isAllowedHost(host, 8080)).toBe(allowed));

  it.each([
    [undefined, true],
    ['http://127.0.0.1:8080', true],
    ['http://localhost:8080', true],
    ['null', false],
    ['http://127.0.0.1:9999', false],
    ['https://127.0.0.1:8080', false],
  ] as const)('Origin %s allowed: %s', (origin, allowed) => expect(isAllowedOrigin(origin, 8080)).toBe(allowed));

  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['application/json;charset=utf-8', true],
    ['APPLICATION/JSON', true],
    ['application/jsonfoo', false],
    ['application/json-patch+json', false],
    ['application/json/x', false],
    ['application/x-www-form-urlencoded', false],
    ['text/plain; application/json', false],
    ['', false],
    [undefined, false],
  ] as const)('content type %s is JSON: %s', (type, isJson) => expect(isJsonContentType(type)).toBe(isJson));

  it('only a top-level GET / may carry the token in the URL', () => {
    const headers = { host: '127.0.0.1:8080' };
    expect(gate({ method: 'GET', url: '/?token=T', headers }, 8080, 'T')).toEqual({
      allow: 'set-cookie',
      location: '/',
    });
    expect(gate({ method: 'POST', url: '/?token=T', headers }, 8080, 'T')).toMatchObject({ allow: false });
    expect(gate({ method: 'GET', url: '/api/events?token=T', headers }, 8080, 'T')).toMatchObject({ allow: false });
  });

  it('the URL token is one-time and never a credential; only the session secret is', () => {
    const headers = { host: '127.0.0.1:8080' };
    const withSession = (value: string) => ({ ...headers, cookie: `nvr_assist_session=${value}` });
    expect(gate({ method: 'GET', url: '/?token=T', headers }, 8080, 'T', 'S')).toEqual({
      allow: 'set-cookie',
      location: '/',
    });
    // Used (token null): refused, unless the browser already has the session.
    expect(gate({ method: 'GET', url: '/?token=T', headers }, 8080, null, 'S')).toEqual({
      allow: false,
      status: 403,
      reason: 'token already used',
    });
    expect(gate({ method: 'GET', url: '/?token=T', headers: withSession('S') }, 8080, null, 'S')).toEqual({
      allow: 'redirect',
      location: '/',
    });
    expect(gate({ method: 'GET', url: '/?token=T', headers: withSession('T') }, 8080, null, 'S')).toMatchObject({
      allow: false,
    });
    // Credentials: the session secret as cookie or bearer; never the URL token, used or not.
    for (const token of ['T', null]) {
      expect(gate({ method: 'GET', url: '/', headers: withSession('S') }, 8080, token, 'S')).toEqual({ allow: true });
      expect(
        gate(
          { method: 'POST', url: '/api/invoke/app.info', headers: { ...headers, authorization: 'Bearer S' } },
          8080,
          token,
          'S',
        ),
      ).toEqual({ allow: true });
      expect(gate({ method: 'GET', url: '/', headers: withSession('T') }, 8080, token, 'S')).toMatchObject({
        allow: false,
        status: 401,
      });
      expect(
        gate({ method: 'GET', url: '/', headers: { ...headers, authorization: 'Bearer T' } }, 8080, token, 'S'),
      ).toMatchObject({ allow: false, status: 401 });
    }
    // No session yet: nothing but the exchange gets in.
    expect(gate({ method: 'GET', url: '/', headers: withSession('') }, 8080, 'T', null)).toMatchObject({
      allow: false,
    });
  });
});
