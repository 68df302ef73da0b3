// What a TCP connect scan (scanner.ts) is asked and what it reports: its options, the report, its progress, and the
// small readers of them. scanner.ts re-exports all of it, so callers import from there.
import type { TcpConnector } from '../../transport/tcp';

export type PortState = 'open' | 'closed' | 'filtered';

export interface HostScan {
  address: string;
  /** Something answered (an accept or a refusal). A host that never answered is `up: false`, ports unknown. */
  up: boolean;
  /** Open ports, ascending. */
  open: number[];
  /** Ports that never answered (after the retry), ascending. Every other scanned port was refused (closed). */
  filtered: number[];
  closedCount: number;
  /** Median connect round-trip of this host's answers, ms (null: no answer). */
  rttMs: number | null;
}

export interface ScanReport {
  hosts: HostScan[];
  /** Ports scanned per host. */
  portCount: number;
  attempts: number;
  elapsedMs: number;
  /** The connect time-out the scan settled on after measuring round trips, ms. */
  timeoutMs: number;
  cancelled: boolean;
  /** The scan stopped because this computer lost its route to the network (a link dropped): the report is partial. */
  linkLost?: boolean;
}

export interface ScanProgress {
  done: number;
  total: number;
  open: number;
}

export interface ScanOptions {
  connector: TcpConnector;
  signal: AbortSignal;
  /** Connect attempts in flight at once, all hosts together. */
  concurrency?: number;
  /** Connect attempts in flight at once towards one host. */
  perHostConcurrency?: number;
  /** Time-out before any round trip was measured. */
  initialTimeoutMs?: number;
  /** Bounds of the adaptive time-out (srtt + 4·rttvar, RFC 6298 style). */
  minTimeoutMs?: number;
  maxTimeoutMs?: number;
  /** Extra attempts for a port of a live host that did not answer. */
  retries?: number;
  /** A host with this many unanswered attempts and no answer at all is down: its other ports are skipped. */
  downAfter?: number;
  onProgress?: (p: ScanProgress) => void;
  /**
   * One host: how many attempts to keep in flight per millisecond of the host's base round trip (the smallest
   * answer time seen), at least `minWindow` and at most `concurrency`; attempts that are late (overtaken by later
   * answers, or older than half the time-out: filtered ports) do not count against it. Default 64, below what one
   * thread finishes per millisecond: the round trip seen includes the time answers wait while this thread works
   * through the others, so a rate above that would widen the window without end (160 did, on the lab host).
   * Sweeps of several hosts keep the plain `concurrency` window.
   */
  paceRate?: number;
  /** The smallest paced window (default 32). */
  minWindow?: number;
  /** Called once for each open port as soon as it is found (identification can start while the scan goes on). */
  onOpen?: (address: string, port: number) => void;
  /**
   * One host: more ports to scan once `ports` are all started (parallel-scan.ts hands out a long list this way,
   * in chunks, to whichever thread is free). Null or empty: no more. Not asked once the host is found down. Its
   * ports count in the progress's total and the report's `portCount` as they are handed over.
   */
  morePorts?: () => readonly number[] | null;
  /** Clock (ms), for tests. */
  now?: () => number;
  /** How often time-outs are checked, ms. */
  tickMs?: number;
}

export const ALL_PORTS: readonly number[] = Array.from({ length: 65535 }, (_, i) => i + 1);

/** The state of one port in a host's result. */
export function portState(host: HostScan, port: number): PortState | 'unknown' {
  if (!host.up) return 'unknown';
  if (host.open.includes(port)) return 'open';
  if (host.filtered.includes(port)) return 'filtered';
  return 'closed';
}

/** Checks a port list: integers 1–65535, duplicates removed, order kept. Null when a value is out of range. */
export function normalisePorts(ports: readonly number[]): number[] | null {
  const seen = new Set<number>();
  for (const p of ports) {
    if (!Number.isInteger(p) || p < 1 || p > 65535) return null;
    seen.add(p);
  }
  return [...seen];
}
