import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { replyComplete } from '../../../src/main/protocol/banners';
import { EVERY_CHUNK_CHECKS, nodeTcpExchange } from '../../../src/main/transport/tcp';

// Loopback only: each test starts its own server on 127.0.0.1 and closes it.
const servers: Server[] = [];
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(onConnection: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

describe('bounded TCP exchange', () => {
  it('asks whether a trickled reply is complete O(log n) times, not once per byte (no quadratic re-reading)', async () => {
    const bytes = 600;
    const port = await serve((socket) => {
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n');
        let sent = 0;
        const t = setInterval(() => {
          if (sent++ >= bytes || socket.destroyed) return clearInterval(t);
          socket.write('<');
        }, 1);
        socket.on('close', () => clearInterval(t));
      });
    });
    let checks = 0;
    let chunks = 0;
    const r = await nodeTcpExchange('127.0.0.1', port, {
      send: 'GET / HTTP/1.1\r\n\r\n',
      timeoutMs: 4000,
      idleMs: 500,
      maxBytes: 64 * 1024,
      complete: (b) => {
        checks++;
        chunks = Math.max(chunks, b.length);
        return replyComplete(b);
      },
    });
    expect(r.outcome).toBe('ok');
    expect(r.bytes.length).toBeGreaterThan(bytes / 2);
    expect(checks).toBeLessThanOrEqual(EVERY_CHUNK_CHECKS + Math.ceil(Math.log(r.bytes.length) / Math.log(1.25)) + 1);
  });

  it('still stops at once when a reply in a few chunks is complete', async () => {
    const port = await serve((socket) => {
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n');
        setTimeout(() => socket.write('hello'), 20);
      });
    });
    const r = await nodeTcpExchange('127.0.0.1', port, {
      send: 'GET / HTTP/1.1\r\n\r\n',
      // Neither timer can end this exchange within the test's time-out: only completeness can.
      timeoutMs: 60_000,
      idleMs: 60_000,
      maxBytes: 64 * 1024,
      complete: replyComplete,
    });
    expect(r.outcome).toBe('ok');
    expect(r.peerClosed).toBe(false);
    expect(Buffer.from(r.bytes).toString()).toMatch(/hello$/);
  });
});
