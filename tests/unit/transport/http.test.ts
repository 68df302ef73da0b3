import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpLimitError, nodeHttp } from '../../../src/main/transport/http';

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
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/desc.xml`);
}

const reason = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof HttpLimitError ? e.reason : 'other'),
  );

describe('device HTTP transport', () => {
  it('reads a small reply', async () => {
    const url = await serve((_req, res) => res.end('<root/>'));
    const r = await nodeHttp.request(url, { timeoutMs: 2000, maxBytes: 1024 });
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe('<root/>');
  });

  it('ends a reply that trickles a byte at a time at the deadline for the whole exchange (no slow-loris hold)', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200);
      const t = setInterval(() => res.write('<'), 50); // never silent long enough for an idle time-out
      res.on('close', () => clearInterval(t));
    });
    const started = Date.now();
    expect(await reason(nodeHttp.request(url, { timeoutMs: 400, maxBytes: 1024 * 1024 }))).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a declared Content-Length over the cap before reading the body', async () => {
    let wrote = 0;
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
      res.write(Buffer.alloc(1024));
      wrote += 1024;
    });
    expect(await reason(nodeHttp.request(url, { timeoutMs: 2000, maxBytes: 64 * 1024 }))).toBe('too-large');
    expect(wrote).toBe(1024);
  });

  it('stops reading a body without a length once it passes the cap', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200);
      res.write(Buffer.alloc(200 * 1024));
    });
    expect(await reason(nodeHttp.request(url, { timeoutMs: 2000, maxBytes: 64 * 1024 }))).toBe('too-large');
  });

  it('says "unreachable" when the device drops the connection mid-body', async () => {
    const url = await serve((req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial');
      setTimeout(() => req.socket.destroy(), 20);
    });
    expect(await reason(nodeHttp.request(url, { timeoutMs: 2000, maxBytes: 1024 }))).toBe('unreachable');
  });
});
