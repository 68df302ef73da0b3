import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { boundedFetch } from '../../../src/main/transport/bounded-fetch';
import { fetchDdnsHttp } from '../../../src/main/services/ddns/ddns-http';

// Loopback only: each test starts its own server on 127.0.0.1 and closes it.
const servers: Server[] = [];
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<URL> {
  const server = createServer(handler);
  server.on('connection', (s) => sockets.add(s));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/nic/update`);
}

const limits = { timeoutMs: 2000, maxBytes: 64 };

describe('bounded fetch (DDNS updates, the https address checker)', () => {
  it('sends the method, headers and body asked and reads the status and body', async () => {
    let seen = '';
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (c) => (body += String(c)));
      req.on('end', () => {
        seen = `${req.method} ${req.headers['x-test']} ${body}`;
        res.writeHead(201).end('good 203.0.113.7');
      });
    });
    const r = await boundedFetch(url, { method: 'PATCH', headers: { 'x-test': 'yes' }, body: '{"a":1}' }, limits);
    expect(r).toEqual({ ok: true, status: 201, body: Buffer.from('good 203.0.113.7') });
    expect(seen).toBe('PATCH yes {"a":1}');
  });

  it('does not follow a redirect (the login must not travel elsewhere)', async () => {
    let followed = false;
    const url = await serve((req, res) => {
      if (req.url === '/elsewhere') followed = true;
      res.writeHead(302, { location: '/elsewhere' }).end();
    });
    const r = await boundedFetch(url, {}, limits);
    expect(r).toMatchObject({ ok: true, status: 302 });
    expect(followed).toBe(false);
  });

  it('refuses an answer larger than maxBytes, declared or streamed', async () => {
    const declared = await serve((_req, res) => res.writeHead(200, { 'content-length': '100' }).end('x'.repeat(100)));
    expect(await boundedFetch(declared, {}, limits)).toEqual({ ok: false, error: 'the answer is too large' });
    const streamed = await serve((_req, res) => {
      res.writeHead(200);
      res.write('x'.repeat(40));
      setTimeout(() => res.end('y'.repeat(40)), 20);
    });
    expect(await boundedFetch(streamed, {}, limits)).toEqual({ ok: false, error: 'the answer is too large' });
  });

  it('says no answer in time past the bound, and cancelled when the caller aborts', async () => {
    const url = await serve(() => {});
    expect(await boundedFetch(url, {}, { ...limits, timeoutMs: 100 })).toEqual({
      ok: false,
      error: 'no answer in time',
    });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    expect(await boundedFetch(url, {}, { ...limits, signal: ac.signal })).toEqual({ ok: false, error: 'cancelled' });
  });

  it('says not reachable where nothing listens', async () => {
    const url = await serve(() => {});
    await new Promise((r) => servers.pop()!.close(r));
    expect(await boundedFetch(url, {}, limits)).toEqual({
      ok: false,
      error: 'not reachable (or its certificate was refused)',
    });
  });

  it('fetchDdnsHttp gives the provider’s answer as text', async () => {
    const url = await serve((_req, res) => res.writeHead(200).end('nochg 203.0.113.7'));
    const r = await fetchDdnsHttp({ method: 'GET', url: url.href, headers: {}, shown: 'GET ***' }, limits);
    expect(r).toEqual({ ok: true, status: 200, body: 'nochg 203.0.113.7' });
  });
});
