import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createCheckedConnector,
  createFastTcpConnectorFrom,
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
    const t0 = performance.now();
    expect(await selfCheckConnector(silent, 100)).toBe(false);
    // Bounded by its 100 ms time-out; a check without one would never end (the margin is for a loaded machine).
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('is bounded as a whole: a connector that answers each step just inside the time-out still fails', async () => {
    // Each answer takes 80 ms: both steps together (160 ms) overrun a 120 ms check.
    const slow: TcpConnector = {
      attempt(a, p, done) {
        let cancelled = false;
        setTimeout(() => {
          if (!cancelled) netTcpConnector.attempt(a, p, done);
        }, 80);
        return () => (cancelled = true);
      },
    };
    expect(await selfCheckConnector(slow, 120)).toBe(false);
    expect(await selfCheckConnector(slow, 2000)).toBe(true);
  });

  it('does not hold the event loop: its listener and timers are unref’d while it runs', async () => {
    const servers = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;
    const before = servers();
    let listenedAt = -1;
    const silent: TcpConnector = {
      attempt: () => {
        listenedAt = servers(); // the check's server is listening now
        return () => {};
      },
    };
    expect(await selfCheckConnector(silent, 100)).toBe(false);
    expect(listenedAt).toBe(before);
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

describe('createFastTcpConnectorFrom (the binding seam)', () => {
  const misbehaving = (close: () => void) => {
    class TCP {
      connect(req: { oncomplete(status: number): void }) {
        setImmediate(() => req.oncomplete(0)); // "open", whatever the port
        return 0;
      }
      close() {
        close();
      }
    }
    class TCPConnectWrap {
      oncomplete: (status: number) => void = () => {};
    }
    return { TCP, TCPConnectWrap, constants: { SOCKET: 0 } };
  };

  it('this Node’s real binding: checking first, then fast', async () => {
    const c = createFastTcpConnectorFrom(binding);
    expect(c.kind()).toBe('checking');
    expect(await c.ready).toBe('fast');
    expect(c.kind()).toBe('fast');
  });

  it('a missing binding or one of another shape: portable at once', async () => {
    for (const b of [null, undefined, {}, { TCP: 1, TCPConnectWrap: 2, constants: {} }]) {
      const c = createFastTcpConnectorFrom(b);
      expect(c.kind()).toBe('portable');
      expect(await c.ready).toBe('portable');
    }
  });

  it('a binding of the right shape that says open for a closed port: portable, and outcomes stay right', async () => {
    const c = createFastTcpConnectorFrom(misbehaving(() => {}));
    expect(await c.ready).toBe('portable');
    const server = await listening();
    await server.close();
    expect(await once(c, server.port)).toBe('closed');
  });

  it('a binding whose handles throw on close: portable, with no uncaught error', async () => {
    const c = createFastTcpConnectorFrom(
      misbehaving(() => {
        throw new TypeError('Illegal invocation');
      }),
    );
    expect(await c.ready).toBe('portable');
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

  it('reports its kind through connectorKind()', async () => {
    delete process.env.NVR_ASSIST_TCP_CONNECTOR;
    vi.resetModules();
    const tcp = await import('../../../src/main/transport/tcp');
    expect(tcp.connectorKind()).toBe('checking');
    await tcp.createFastTcpConnector().ready;
    expect(tcp.connectorKind()).toBe('fast');
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

describe('in a process of its own', () => {
  // tcp.ts compiled to plain JavaScript and run by this Node, so nothing of the test runner holds the process.
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  function run(script: string, env: Record<string, string> = {}) {
    dir = mkdtempSync(join(tmpdir(), 'tcp-connector-'));
    // tcp.ts and the module it re-exports (tcp-exchange.ts), each compiled alone.
    for (const name of ['tcp', 'tcp-exchange']) {
      const source = readFileSync(new URL(`../../../src/main/transport/${name}.ts`, import.meta.url), 'utf8');
      const js = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      writeFileSync(join(dir, `${name}.mjs`), js.replace("from './tcp-exchange'", "from './tcp-exchange.mjs'"));
    }
    writeFileSync(join(dir, 'main.mjs'), script);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(dir, 'main.mjs')], {
      encoding: 'utf8',
      timeout: 10_000,
      env: { ...process.env, NVR_ASSIST_TCP_CONNECTOR: '', ...env },
    });
    return { ...r, ms: performance.now() - t0 };
  }

  it('a process that only creates the connector exits at once, without waiting for the check', () => {
    const r = run(`import { createFastTcpConnector } from './tcp.mjs';
createFastTcpConnector();
process.on('exit', () => console.log(createFastTcpConnector().kind()));`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(['checking', 'fast']).toContain(r.stdout.trim());
  });

  it('a check that never answers (2 s time-out) does not keep the process alive', () => {
    const r = run(`import { createCheckedConnector } from './tcp.mjs';
const c = createCheckedConnector({ attempt: () => () => {} });
process.on('exit', () => console.log(c.kind()));`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // Still 'checking' when it ended: it did not wait for the check's 2 s time-out (which ends the check).
    expect(r.stdout.trim()).toBe('checking');
  });

  it('awaited: fast here; portable with NVR_ASSIST_TCP_CONNECTOR=portable', () => {
    const script = `import { createFastTcpConnector, connectorKind } from './tcp.mjs';
console.log(await createFastTcpConnector().ready, connectorKind());`;
    expect(run(script).stdout.trim()).toBe('fast fast');
    expect(run(script, { NVR_ASSIST_TCP_CONNECTOR: 'portable' }).stdout.trim()).toBe('portable portable');
  });
});
