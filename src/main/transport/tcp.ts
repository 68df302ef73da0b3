// TCP connects: one probe (is this port open?), and the connectors the port scanner uses (net.connect, or the
// fast libuv one after it proves itself on loopback). The bounded request/response lives in tcp-exchange.ts.
import net from 'node:net';
import util from 'node:util';

export type ConnectResult = 'open' | 'closed' | 'timeout';

/** A TCP connect attempt: open (accepted), closed (refused: the host is there) or timeout (nobody answered). */
export type TcpProbe = (
  address: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
) => Promise<ConnectResult>;

export const nodeTcpProbe: TcpProbe = (address, port, timeoutMs, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve('timeout');
    const socket = net.connect({ host: address, port });
    let done = false;
    const finish = (result: ConnectResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = () => finish('timeout');
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish('open'));
    socket.once('error', (err: NodeJS.ErrnoException) => finish(err.code === 'ECONNREFUSED' ? 'closed' : 'timeout'));
  });

// ---------------------------------------------------------------------------------------------------------------
// Port scanning: many cheap connect attempts, and bounded exchanges with the ports that answer.

/**
 * How one connect attempt ended: `open` (accepted), `closed` (refused: the host is there), `unreachable` (no route
 * or no ARP answer: the host is not there), `no-resources` (this machine ran out of sockets or descriptors: try
 * again later with fewer in flight).
 */
/**
 * `no-route`: this computer has no route to the address any more (ENETUNREACH/ENETDOWN: the cable, Wi-Fi or VPN
 * dropped mid-scan) — unlike `unreachable`, which is about the one host.
 */
export type ConnectOutcome = 'open' | 'closed' | 'unreachable' | 'no-resources' | 'no-route';

/**
 * Starts connect attempts without timers or promises of its own (the caller keeps one clock for all of them, see
 * services/ports/scanner.ts). `attempt` calls `done` at most once; the returned function cancels the attempt
 * (no `done` after it) and frees its socket. Every socket is closed as soon as its outcome is known: nothing is
 * pooled or reused.
 */
export interface TcpConnector {
  attempt(address: string, port: number, done: (outcome: ConnectOutcome) => void): () => void;
}

const OUTCOME_BY_CODE: Record<string, ConnectOutcome> = {
  ECONNREFUSED: 'closed',
  ECONNRESET: 'closed',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'no-route',
  ENETDOWN: 'no-route',
  EHOSTDOWN: 'unreachable',
  ETIMEDOUT: 'unreachable',
  EADDRNOTAVAIL: 'no-resources',
  EMFILE: 'no-resources',
  ENFILE: 'no-resources',
  ENOBUFS: 'no-resources',
  EAGAIN: 'no-resources',
};

function outcomeOfCode(code: string | undefined): ConnectOutcome {
  return (code && OUTCOME_BY_CODE[code]) || 'unreachable';
}

/** The portable connector: one `net.Socket` per attempt (about 80 µs of JavaScript each). */
export const netTcpConnector: TcpConnector = {
  attempt(address, port, done) {
    let finished = false;
    const socket = net.connect({ host: address, port });
    const finish = (outcome: ConnectOutcome | null) => {
      if (finished) return;
      finished = true;
      socket.destroy();
      if (outcome) done(outcome);
    };
    socket.once('connect', () => finish('open'));
    socket.once('error', (err: NodeJS.ErrnoException) => finish(outcomeOfCode(err.code)));
    return () => finish(null);
  },
};

interface UvTcpHandle {
  connect(req: UvConnectReq, address: string, port: number): number;
  close(cb?: () => void): void;
}
interface UvConnectReq {
  oncomplete: (status: number) => void;
}
interface TcpWrapBinding {
  TCP: new (type: number) => UvTcpHandle;
  TCPConnectWrap: new () => UvConnectReq;
  constants: { SOCKET: number };
}

/** Which connector a process uses: `fast` (libuv handles), `portable` (`net.connect`), `checking` (not known yet). */
export type ConnectorKind = 'fast' | 'portable' | 'checking';

/** A connector that says which way it connects (once its check is done: `ready`). */
export interface CheckedConnector extends TcpConnector {
  kind(): ConnectorKind;
  ready: Promise<ConnectorKind>;
}

/** `NVR_ASSIST_TCP_CONNECTOR=portable` forces `net.connect` (inherited by the scan worker threads). */
export const CONNECTOR_ENV = 'NVR_ASSIST_TCP_CONNECTOR';

function loadTcpWrap(): TcpWrapBinding | null {
  try {
    const binding = (process as unknown as { binding?: (name: string) => unknown }).binding;
    return (binding?.call(process, 'tcp_wrap') as TcpWrapBinding | undefined) ?? null;
  } catch {
    return null;
  }
}

function isUsableBinding(b: Partial<TcpWrapBinding> | null | undefined): b is TcpWrapBinding {
  return typeof b?.TCP === 'function' && typeof b.TCPConnectWrap === 'function' && b.constants?.SOCKET !== undefined;
}

function libuvConnector(wrap: TcpWrapBinding): TcpConnector {
  const errorName = (status: number): string | undefined => {
    try {
      return util.getSystemErrorName(status);
    } catch {
      return undefined;
    }
  };
  return {
    attempt(address, port, done) {
      if (net.isIPv4(address) === false) return netTcpConnector.attempt(address, port, done);
      let finished = false;
      const handle = new wrap.TCP(wrap.constants.SOCKET);
      const req = new wrap.TCPConnectWrap();
      const finish = (outcome: ConnectOutcome | null) => {
        if (finished) return;
        finished = true;
        try {
          handle.close();
        } catch {
          // A binding whose handles cannot be closed fails the loopback check; never throw from a libuv callback.
        }
        if (outcome) done(outcome);
      };
      req.oncomplete = (status: number) => finish(status === 0 ? 'open' : outcomeOfCode(errorName(status)));
      const err = handle.connect(req, address, port);
      if (err) {
        // Synchronous failure (e.g. EMFILE): report it on the next tick, like an asynchronous one.
        const outcome = outcomeOfCode(errorName(err));
        queueMicrotask(() => finish(outcome));
      }
      return () => finish(null);
    },
  };
}

/** One attempt through `connector`, as a promise that always settles within `timeoutMs`. */
function attemptOnce(connector: TcpConnector, port: number, timeoutMs: number): Promise<ConnectOutcome | 'timeout'> {
  return new Promise((resolve) => {
    let cancel: () => void = () => {};
    const timer = setTimeout(() => {
      try {
        cancel();
      } catch {
        // A connector that cannot even cancel has already failed the check.
      }
      resolve('timeout');
    }, timeoutMs);
    timer.unref();
    try {
      cancel = connector.attempt('127.0.0.1', port, (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      });
    } catch {
      clearTimeout(timer);
      resolve('timeout');
    }
  });
}

/**
 * Proves a connector on loopback before it is trusted with a scan: a listening port must be `open`, the same port
 * once closed must be `closed`, all within `timeoutMs` (the whole check, not each step). Only 127.0.0.1 is touched;
 * neither the listener nor the timers keep the process alive, and nothing it does can throw or reject.
 */
export async function selfCheckConnector(connector: TcpConnector, timeoutMs = 2000): Promise<boolean> {
  const server = net.createServer((socket) => socket.destroy());
  server.on('error', () => {});
  server.unref();
  let expired = false;
  let deadline: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    deadline = setTimeout(() => {
      expired = true;
      resolve(false);
    }, timeoutMs);
    deadline.unref();
  });
  const run = async (): Promise<boolean> => {
    const port = await new Promise<number | null>((resolve) => {
      server.once('error', () => resolve(null));
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        resolve(address && typeof address === 'object' ? address.port : null);
      });
    });
    if (port === null || expired) return false;
    if ((await attemptOnce(connector, port, timeoutMs)) !== 'open' || expired) return false;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (expired) return false;
    return (await attemptOnce(connector, port, timeoutMs)) === 'closed';
  };
  try {
    return await Promise.race([timedOut, run().catch(() => false)]);
  } catch {
    return false;
  } finally {
    clearTimeout(deadline);
    if (server.listening) server.close();
  }
}

/**
 * A connector that uses `net.connect` until `candidate` has passed `selfCheckConnector`, and the candidate after.
 * A failed or slow check keeps `net.connect` for good: outcomes are the same either way, only the CPU cost differs.
 */
export function createCheckedConnector(
  candidate: TcpConnector,
  check: (c: TcpConnector) => Promise<boolean> = selfCheckConnector,
): CheckedConnector {
  let kind: ConnectorKind = 'checking';
  const ready = check(candidate).then(
    (ok): ConnectorKind => (kind = ok ? 'fast' : 'portable'),
    (): ConnectorKind => (kind = 'portable'),
  );
  return {
    attempt: (address, port, done) => (kind === 'fast' ? candidate : netTcpConnector).attempt(address, port, done),
    kind: () => kind,
    ready,
  };
}

let shared: CheckedConnector | null = null;

/** True when `NVR_ASSIST_TCP_CONNECTOR` asks for `net.connect` only. */
function portableForced(): boolean {
  return process.env[CONNECTOR_ENV]?.trim().toLowerCase() === 'portable';
}

const portableConnector = (): CheckedConnector => ({
  attempt: netTcpConnector.attempt,
  kind: () => 'portable',
  ready: Promise.resolve<ConnectorKind>('portable'),
});

/**
 * The checked connector over a given `tcp_wrap` binding: `portable` at once when the binding is missing or not of
 * the expected shape, else `checking` until the libuv connector has passed `selfCheckConnector`. The seam tests use
 * to hand in a broken binding; `createFastTcpConnector` passes the real one.
 */
export function createFastTcpConnectorFrom(
  binding: unknown,
  check: (c: TcpConnector) => Promise<boolean> = selfCheckConnector,
): CheckedConnector {
  const fast = libuvConnectorFrom(binding);
  return fast ? createCheckedConnector(fast, check) : portableConnector();
}

/**
 * The scanner's connector. Fast path: libuv TCP handles straight from Node's `tcp_wrap` binding (the layer under
 * `net.Socket`), without the stream machinery a socket we never read from does not need — about 3× fewer CPU
 * cycles per port than `net.connect`; the kernel's SYN/RST work is the same. That binding is internal to Node, so
 * it is only used after it proved itself on loopback in this process (see `createCheckedConnector`); where it is
 * missing, changed, or `NVR_ASSIST_TCP_CONNECTOR=portable` is set, every attempt goes through `net.connect`
 * (IPv6 addresses always do). One instance per process (one loopback check); each scan worker thread has its own.
 */
export function createFastTcpConnector(): CheckedConnector {
  if (shared) return shared;
  shared = portableForced() ? portableConnector() : createFastTcpConnectorFrom(loadTcpWrap());
  return shared;
}

/** Which connector this process's scans use now (`checking` until the loopback check has ended). */
export function connectorKind(): ConnectorKind {
  return createFastTcpConnector().kind();
}

/** For tests: the libuv connector over a given binding (a broken one must fail the loopback check). */
export function libuvConnectorFrom(binding: unknown): TcpConnector | null {
  return isUsableBinding(binding as Partial<TcpWrapBinding>) ? libuvConnector(binding as TcpWrapBinding) : null;
}

/** What a TLS server showed us: the leaf certificate's facts (no key material, no chain). */

export * from './tcp-exchange';
