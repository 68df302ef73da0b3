// A long single-host scan spread over threads: the port list is cut into chunks that each thread (this one and
// worker threads) claims in turn from a counter they share, so a thread that started late (a worker takes tens of
// ms to start) or runs slower (this one also serves the app) simply scans fewer chunks, and all finish together.
// Each thread runs the same scanner (scanner.ts) with its own connector, so the kernel's per-connect work (about
// 1.5 s for 65 535 ports) runs on two CPUs. The threads' reports merge into one; cancelling posts a message to
// every worker. A worker that cannot start or dies is replaced by a scanner on this thread, which rescans the
// chunks it had claimed and goes on claiming.
import type { CheckedConnector, TcpConnector } from '../../transport/tcp';
import { failOnLinkLost } from './link-lost';
import { scanTcp, type HostScan, type ScanOptions, type ScanProgress, type ScanReport } from './scanner';

/**
 * The chunks of a port list, shared by the threads that scan it: cell 0 counts the chunks handed out, cell 1 + k
 * holds the id of the scanner that claimed chunk k (0: not claimed).
 */
export interface PortClaims {
  buffer: SharedArrayBuffer;
  chunkSize: number;
}

/** What the main thread sends a scan worker: the whole list, the shared claims, and its scanner id. */
export type ScanWorkerRequest =
  | { type: 'scan'; address: string; ports: number[]; claims: PortClaims; id: number; options: ScanWorkerOptions }
  | { type: 'abort' };
/** What a scan worker sends back. */
export type ScanWorkerMessage =
  | { type: 'progress'; progress: ScanProgress }
  | { type: 'open'; address: string; port: number }
  | { type: 'report'; report: ScanReport };
export type ScanWorkerOptions = Omit<
  ScanOptions,
  'connector' | 'signal' | 'onProgress' | 'onOpen' | 'now' | 'morePorts'
>;

/** The main thread's end of one worker (node:worker_threads in the app, a fake in tests). */
export interface ScanWorkerHandle {
  post(message: ScanWorkerRequest): void;
  /** Called with every message, and with `null` once if the worker failed or exited before its report. */
  listen(onMessage: (message: ScanWorkerMessage | null) => void): void;
  terminate(): void;
}
/** Starts one worker; throws (or returns null) where workers are unavailable. */
export type SpawnScanWorker = () => ScanWorkerHandle | null;

/**
 * Waits for `ready` (a connector's loopback check, see transport/tcp.ts `CheckedConnector`) at most `ms`. A scan
 * that starts while the check runs makes its first attempts through `net.connect`, whose callbacks then delay the
 * check itself: on the lab host a full scan took 0.47 s when it waited the ~3 ms of the check, 0.55 s when it did
 * not (3 runs each, alternating).
 */
export function settledWithin(ready: Promise<unknown> | undefined, ms: number): Promise<void> {
  if (!ready) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    void ready.then(
      () => (clearTimeout(timer), resolve()),
      () => (clearTimeout(timer), resolve()),
    );
  });
}

/** How long a scan waits for its connector's loopback check before it starts anyway (ms). */
export const READY_WAIT_MS = 100;

/** Settles when `signal` aborts (never, if it does not). */
function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Shared claims over `count` ports in chunks of `chunkSize`. */
export function createPortClaims(count: number, chunkSize: number): PortClaims {
  const size = Math.max(1, Math.floor(chunkSize));
  return { buffer: new SharedArrayBuffer(4 * (1 + Math.ceil(count / size))), chunkSize: size };
}

/** Chunk `k` of `ports`. */
function chunkOf(ports: readonly number[], claims: PortClaims, k: number): number[] {
  return ports.slice(k * claims.chunkSize, (k + 1) * claims.chunkSize);
}

/** The next unclaimed chunk of `ports` for scanner `id` (recorded as its), or null when all are handed out. */
export function claimChunk(ports: readonly number[], claims: PortClaims, id: number): number[] | null {
  const cells = new Int32Array(claims.buffer);
  const k = Atomics.add(cells, 0, 1);
  if (k >= cells.length - 1) return null;
  Atomics.store(cells, 1 + k, id);
  return chunkOf(ports, claims, k);
}

/** The ports of the chunks scanner `id` claimed, in list order. */
export function claimedBy(ports: readonly number[], claims: PortClaims, id: number): number[] {
  const cells = new Int32Array(claims.buffer);
  const out: number[] = [];
  for (let k = 0; k < cells.length - 1; k++)
    if (Atomics.load(cells, 1 + k) === id) out.push(...chunkOf(ports, claims, k));
  return out;
}

/**
 * One thread's share of a claimed scan: `first` (a failed worker's chunks, rescanned), then chunk after chunk
 * claimed as `id` until none is left.
 */
export function scanClaimed(
  address: string,
  ports: readonly number[],
  claims: PortClaims,
  id: number,
  options: Omit<ScanOptions, 'morePorts'>,
  first: readonly number[] = [],
): Promise<ScanReport> {
  return scanTcp([address], first, { ...options, morePorts: () => claimChunk(ports, claims, id) });
}

/**
 * One report from the threads' reports of one host. The host is up when any thread got an answer; the ports of a
 * thread that got none (its attempts all went unanswered, so it stopped early) are then reported filtered, never
 * silently closed.
 */
export function mergeReports(
  address: string,
  slices: ReadonlyArray<{ ports: readonly number[]; report: ScanReport }>,
  elapsedMs: number,
): ScanReport {
  const hosts = slices.map((s) => s.report.hosts[0]);
  const up = hosts.some((h) => h?.up);
  const open: number[] = [];
  const filtered: number[] = [];
  let closedCount = 0;
  const rtts: number[] = [];
  slices.forEach((s, i) => {
    const h = hosts[i];
    if (h?.up) {
      open.push(...h.open);
      filtered.push(...h.filtered);
      closedCount += h.closedCount;
      if (h.rttMs !== null) rtts.push(h.rttMs);
    } else if (up) filtered.push(...s.ports);
  });
  rtts.sort((a, b) => a - b);
  const host: HostScan = {
    address,
    up,
    open: open.sort((a, b) => a - b),
    filtered: up ? filtered.sort((a, b) => a - b) : [],
    closedCount,
    rttMs: rtts.length ? rtts[Math.floor((rtts.length - 1) / 2)]! : null,
  };
  return {
    hosts: [host],
    portCount: slices.reduce((n, s) => n + s.ports.length, 0),
    attempts: slices.reduce((n, s) => n + s.report.attempts, 0),
    elapsedMs,
    timeoutMs: Math.max(0, ...slices.map((s) => s.report.timeoutMs)),
    cancelled: slices.some((s) => s.report.cancelled),
    ...(slices.some((s) => s.report.linkLost) ? { linkLost: true } : {}),
  };
}

export interface ParallelScanOptions extends Omit<ScanOptions, 'connector' | 'morePorts'> {
  /** The connector for the scanners on this thread. */
  connector: TcpConnector;
  spawn: SpawnScanWorker;
  /** Threads to spread over (default 2). */
  threads?: number;
  /** Attempts in flight per thread (default 256: measured faster on the lab host than 512 or 1024 per thread). */
  threadConcurrency?: number;
  /** Below this many ports the scan stays on one thread (default 8192): a thread costs ~30 ms to start. */
  minPorts?: number;
  /**
   * How many of the threads' scanners run on this one (default 0: all on workers). One here saves a thread's
   * start-up and keeps two scanning threads on a two-core machine: on the loaded lab machine a full scan took
   * 0.88 s median this way against 0.97 s on two workers (10 runs each, alternating).
   */
  localSlices?: number;
  /** This thread's scanners start when this settles (default: at once), the workers at once. */
  localStart?: Promise<unknown>;
  /** Ports per chunk (default 1024: the threads finish within a chunk's time of each other, a few ms). */
  chunkSize?: number;
}

/**
 * Scans one address over `ports`, spread over threads when the list is long; any other scan (several hosts, a
 * short list, one thread) is plain `scanTcp`. Same report, progress and cancellation as `scanTcp`.
 */
export async function scanTcpParallel(
  addresses: readonly string[],
  ports: readonly number[],
  options: ParallelScanOptions,
): Promise<ScanReport> {
  return failOnLinkLost(await scanSpread(addresses, ports, options));
}

async function scanSpread(
  addresses: readonly string[],
  ports: readonly number[],
  options: ParallelScanOptions,
): Promise<ScanReport> {
  const {
    spawn,
    threads = 2,
    minPorts = 8192,
    threadConcurrency = 256,
    localSlices = 0,
    localStart,
    chunkSize = 1024,
    ...scanOptions
  } = options;
  if (addresses.length !== 1 || threads < 2 || ports.length < minPorts || options.signal.aborted)
    return scanTcp(addresses, ports, scanOptions);
  const address = addresses[0]!;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const claims = createPortClaims(ports.length, chunkSize);
  // Scanner ids 1…threads: the first `localSlices` on this thread, the rest on workers.
  const ids = Array.from({ length: threads }, (_, i) => i + 1);
  const progress = new Map<number, ScanProgress>();
  let lastProgress = -Infinity;
  const report = (force: boolean) => {
    if (!options.onProgress) return;
    const t = now();
    if (!force && t - lastProgress < 100) return;
    lastProgress = t;
    let done = 0;
    let open = 0;
    for (const p of progress.values()) {
      done += p.done;
      open += p.open;
    }
    options.onProgress({ done, total: ports.length, open });
  };
  const workerOptions: ScanWorkerOptions = {
    concurrency: threadConcurrency,
    perHostConcurrency: options.perHostConcurrency,
    initialTimeoutMs: options.initialTimeoutMs,
    minTimeoutMs: options.minTimeoutMs,
    maxTimeoutMs: options.maxTimeoutMs,
    retries: options.retries,
    downAfter: options.downAfter,
    tickMs: options.tickMs,
    paceRate: options.paceRate,
    minWindow: options.minWindow,
  };
  const handles: ScanWorkerHandle[] = [];
  const onAbort = () => {
    for (const h of handles) h.post({ type: 'abort' });
  };
  options.signal.addEventListener('abort', onAbort, { once: true });
  // This thread scans once its connector has passed its check (and `localStart` has settled, or the scan ended).
  const gate = Promise.all([
    settledWithin((options.connector as Partial<CheckedConnector>).ready, READY_WAIT_MS),
    localStart && Promise.race([localStart.catch(() => {}), aborted(options.signal)]),
  ]);
  // A scanner on this thread: a failed worker's chunks first (its progress is dropped), then more chunks.
  const local = async (id: number): Promise<ScanReport> => {
    await gate;
    const first = claimedBy(ports, claims, id);
    progress.delete(id);
    return scanClaimed(
      address,
      ports,
      claims,
      id,
      {
        ...scanOptions,
        concurrency: threadConcurrency,
        onProgress: (p) => {
          progress.set(id, p);
          report(false);
        },
      },
      first,
    );
  };
  const onWorker = (id: number): Promise<ScanReport> => {
    let handle: ScanWorkerHandle | null;
    try {
      handle = spawn();
    } catch {
      handle = null;
    }
    if (!handle) return local(id);
    const h = handle;
    handles.push(h);
    return new Promise<ScanReport>((resolve) => {
      let settled = false;
      h.listen((message) => {
        if (settled) return;
        if (message === null) {
          settled = true;
          h.terminate();
          resolve(local(id));
        } else if (message.type === 'progress') {
          progress.set(id, message.progress);
          report(false);
        } else if (message.type === 'open') {
          options.onOpen?.(message.address, message.port);
        } else {
          settled = true;
          h.terminate();
          resolve(message.report);
        }
      });
      h.post({ type: 'scan', address, ports: [...ports], claims, id, options: workerOptions });
      if (options.signal.aborted) h.post({ type: 'abort' });
    });
  };
  try {
    // The workers first (a thread takes tens of ms to start), then this thread's scanners (after `gate`).
    const reports = await Promise.all(ids.map((id) => (id > localSlices ? onWorker(id) : local(id))));
    const merged = mergeReports(
      address,
      ids.map((id, i) => ({ ports: claimedBy(ports, claims, id), report: reports[i]! })),
      now() - started,
    );
    // Chunks nobody claimed were skipped (the host is down): they count as scanned, like scanTcp's skipped ports.
    merged.portCount = ports.length;
    if (merged.cancelled || options.signal.aborted) merged.cancelled = true;
    // The last progress: every port done (unless cancelled), whatever the threads' last messages said.
    let done = 0;
    let open = 0;
    for (const p of progress.values()) {
      done += p.done;
      open += p.open;
    }
    options.onProgress?.({ done: merged.cancelled ? done : ports.length, total: ports.length, open });
    return merged;
  } finally {
    options.signal.removeEventListener('abort', onAbort);
  }
}
