import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createCheckedConnector,
  libuvConnectorFrom,
  netTcpConnector,
  selfCheckConnector,
  type ConnectOutcome,
  type TcpConnector,
} from '../../../src/main/transport/tcp';

// The scanner's connectors on loopback only (127.0.0.1): the fast one (libuv handles from Node's internal
// tcp_wrap binding) must give exactly the outcomes of net.connect, and must prove it before it is trusted.

const binding = (process as unknown as { binding(name: string): unknown }).binding('tcp_wrap');
const fast = libuvConnectorFrom(binding)!;

async function listening(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer((s) => s.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const once = (c: TcpConnector, port: number) =>
  new Promise<ConnectOutcome>((resolve) => {
    c.attempt('127.0.0.1', port, resolve);
  });

describe('connectors on loopback', () => {
  it.each([
    ['net.connect', netTcpConnector],
    ['libuv (tcp_wrap)', fast],
  ])('%s: a listening port is open, the same port closed is closed', async (_name, connector) => {
    const server = await listening();
    expect(await once(connector, server.port)).toBe('open');
    await server.close();
    expect(await once(connector, server.port)).toBe('closed');
  });

  it.each([
    ['net.connect', netTcpConnector],
    ['libuv (tcp_wrap)', fast],
  ])('%s: a cancelled attempt never reports', async (_name, connector) => {
    const server = await listening();
    const done = vi.fn();
    const cancel = connector.attempt('127.0.0.1', server.port, done);
    cancel();
    await new Promise((r) => setTimeout(r, 50));
    expect(done).not.toHaveBeenCalled();
    await server.close();
  });

  it('this Node’s binding is usable: the fast connector exists here', () => {
    expect(fast).not.toBeNull();
    expect(libuvConnectorFrom({})).toBeNull();
    expect(libuvConnectorFrom(null)).toBeNull();
  });
});

describe('the loopback self-check', () => {
  it('passes both real connectors', async () => {
    expect(await selfCheckConnector(netTcpConnector)).toBe(true);
    expect(await selfCheckConnector(fast)).toBe(true);
  });

  it('fails a connector that says "open" for everything (a binding whose meaning changed)', async () => {
    const liar: TcpConnector = {
      attempt(_a, _p, done) {
        queueMicrotask(() => done('open'));
        return () => {};
      },
    };
    expect(await selfCheckConnector(liar)).toBe(false);
  });

  it('fails a connector that throws, or never answers (bounded by its time-out)', async () => {
    const throws: TcpConnector = {
      attempt() {
        throw new TypeError('Illegal invocation');
      },
    };
    const silent: TcpConnector = { attempt: () => () => {} };
    expect(await selfCheckConnector(throws)).toBe(false);
    expect(await selfCheckConnector(silent, 100)).toBe(false);
  });

  it('fails a binding of the right shape whose handles misbehave', async () => {
    class TCP {
      connect(req: { oncomplete(status: number): void }) {
        queueMicrotask(() => req.oncomplete(0));
        return 0;
      }
      close() {}
    }
    class TCPConnectWrap {
      oncomplete: (status: number) => void = () => {};
    }
    const odd = libuvConnectorFrom({ TCP, TCPConnectWrap, constants: { SOCKET: 0 } });
    expect(odd).not.toBeNull();
    expect(await selfCheckConnector(odd!)).toBe(false);
  });
});

describe('createCheckedConnector', () => {
  it('uses net.connect until the candidate passed, then the candidate', async () => {
    const used: string[] = [];
    const candidate: TcpConnector = {
      attempt(a, p, done) {
        used.push('candidate');
        return fast.attempt(a, p, done);
      },
    };
    let pass: (ok: boolean) => void = () => {};
    const c = createCheckedConnector(candidate, () => new Promise((resolve) => (pass = resolve)));
    const server = await listening();
    expect(c.kind()).toBe('checking');
    expect(await once(c, server.port)).toBe('open'); // through net.connect
    expect(used).toEqual([]);
    pass(true);
    expect(await c.ready).toBe('fast');
    expect(await once(c, server.port)).toBe('open');
    expect(used).toEqual(['candidate']);
    await server.close();
  });

  it('keeps net.connect for good when the check fails or throws; outcomes stay right', async () => {
    const liar: TcpConnector = {
      attempt(_a, _p, done) {
        queueMicrotask(() => done('open'));
        return () => {};
      },
    };
    const failed = createCheckedConnector(liar);
    expect(await failed.ready).toBe('portable');
    const broken = createCheckedConnector(liar, () => Promise.reject(new Error('boom')));
    expect(await broken.ready).toBe('portable');
    const server = await listening();
    await server.close();
    expect(await once(failed, server.port)).toBe('closed'); // the liar would have said open
  });
});

describe('createFastTcpConnector', () => {
  const saved = process.env.NVR_ASSIST_TCP_CONNECTOR;
  afterEach(() => {
    if (saved === undefined) delete process.env.NVR_ASSIST_TCP_CONNECTOR;
    else process.env.NVR_ASSIST_TCP_CONNECTOR = saved;
    vi.resetModules();
  });

  it('is the checked fast connector here, one per process', async () => {
    delete process.env.NVR_ASSIST_TCP_CONNECTOR;
    vi.resetModules();
    const tcp = await import('../../../src/main/transport/tcp');
    const c = tcp.createFastTcpConnector();
    expect(tcp.createFastTcpConnector()).toBe(c);
    expect(await c.ready).toBe('fast');
  });

  it('NVR_ASSIST_TCP_CONNECTOR=portable forces net.connect', async () => {
    process.env.NVR_ASSIST_TCP_CONNECTOR = 'portable';
    vi.resetModules();
    const tcp = await import('../../../src/main/transport/tcp');
    const c = tcp.createFastTcpConnector();
    expect(c.kind()).toBe('portable');
    expect(await c.ready).toBe('portable');
    const server = await listening();
    expect(await once(c, server.port)).toBe('open');
    await server.close();
  });
});
