// A full scan of one address started before the app has loaded: the CLI starts it on its first line for
// `nvr-assist ports <address> --full` (src/main/cli/head-start.ts), and the Ports step's audit takes it over when
// it asks for that same scan (ports-service.ts), instead of starting its own ~0.1 s later. The open ports found
// before the take-over are handed to the taker at once, the later ones as they are found; its progress likewise.
// The scan itself is the audit's own: the same scanner, connector, worker threads and options.
import { createFastTcpConnector, type TcpConnector } from '../../transport/tcp';
import { scanTcpParallel, type SpawnScanWorker } from './parallel-scan';
import { spawnScanWorker } from './scan-threads';
import { ALL_PORTS, type ScanOptions, type ScanProgress, type ScanReport } from './scanner';

type Taker = Pick<ScanOptions, 'signal' | 'onProgress' | 'onOpen'>;

interface HeadStart {
  address: string;
  controller: AbortController;
  report: Promise<ScanReport>;
  found: number[];
  last: ScanProgress | null;
  taker: Taker | null;
  /** Lets this thread join the scan (once it has loaded the app, or at the take-over). */
  join: () => void;
}

let current: HeadStart | null = null;

/** True when `ports` is 1–65535 in order (the audit's `--full`). */
function isAllPorts(ports: readonly number[]): boolean {
  return ports === ALL_PORTS || (ports.length === 65535 && ports.every((p, i) => p === i + 1));
}

/**
 * Starts scanning all 65 535 ports of `address` (an IPv4 literal the caller has checked is on a local network),
 * replacing any earlier head start. `spawn` and `connector` are the app's own unless a test passes others.
 */
export function startHeadStart(
  address: string,
  spawn: SpawnScanWorker = spawnScanWorker,
  connector: TcpConnector = createFastTcpConnector(),
): void {
  dropHeadStart();
  const controller = new AbortController();
  let join = () => {};
  const joined = new Promise<void>((resolve) => (join = resolve));
  const h: Omit<HeadStart, 'report'> = { address, controller, found: [], last: null, taker: null, join };
  // A worker scans at once; this thread joins once it has loaded the app (joinHeadStart) or at the take-over.
  // Not before: a scanner here slows the loading of the app down far more than it scans (the app took ~0.5 s
  // to load beside one, against ~0.05 s alone).
  const report = scanTcpParallel([address], ALL_PORTS, {
    connector,
    spawn,
    localSlices: 1,
    localStart: joined,
    signal: controller.signal,
    onProgress: (p) => {
      h.last = p;
      h.taker?.onProgress?.(p);
    },
    onOpen: (found, port) => {
      h.found.push(port);
      h.taker?.onOpen?.(found, port);
    },
  });
  report.catch(() => {}); // the taker gets the failure; one nobody takes is dropped
  current = Object.assign(h, { report });
}

/**
 * The head start's scan when it is the one asked for (the same address, all 65 535 ports), from now on the
 * caller's: the ports it found so far go to `onOpen` now, the latest progress to `onProgress`, and the caller's
 * `signal` cancels it. Null when there is none or another scan is asked for (a head start of another scan is then
 * stopped: nobody will take it). A head start is taken once.
 */
export function takeHeadStart(address: string, ports: readonly number[], taker: Taker): Promise<ScanReport> | null {
  const h = current;
  current = null;
  if (!h) return null;
  if (h.address !== address || !isAllPorts(ports)) {
    h.controller.abort();
    return null;
  }
  const onAbort = () => h.controller.abort();
  if (taker.signal.aborted) onAbort();
  else taker.signal.addEventListener('abort', onAbort, { once: true });
  h.taker = taker;
  h.join();
  for (const port of h.found) taker.onOpen?.(address, port);
  if (h.last) taker.onProgress?.(h.last);
  return h.report.finally(() => taker.signal.removeEventListener('abort', onAbort));
}

/**
 * Lets this thread scan its share of the head start now (the CLI calls it once the app is loaded: the app's own
 * work until the take-over is a few requests and file writes, which interleave with the scan).
 */
export function joinHeadStart(): void {
  current?.join();
}

/** Stops a head start nobody took (the command failed first, or went another way). */
export function dropHeadStart(): void {
  current?.controller.abort();
  current = null;
}

/** The address of the head start waiting to be taken, if any (for tests and the CLI's checks). */
export function headStartAddress(): string | null {
  return current?.address ?? null;
}
