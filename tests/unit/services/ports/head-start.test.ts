import { afterEach, describe, expect, it } from 'vitest';
import {
  dropHeadStart,
  headStartAddress,
  joinHeadStart,
  startHeadStart,
  takeHeadStart,
} from '../../../../src/main/services/ports/head-start';
import {
  scanClaimed,
  type ScanWorkerHandle,
  type ScanWorkerMessage,
  type ScanWorkerRequest,
} from '../../../../src/main/services/ports/parallel-scan';
import { ALL_PORTS, type ScanProgress } from '../../../../src/main/services/ports/scanner';
import type { ConnectOutcome, TcpConnector } from '../../../../src/main/transport/tcp';

// The head start: a full scan the CLI starts before the app has loaded, taken over by the Ports audit. A fake
// network (ports 80 and 40000 open on ADDRESS) behind a fake worker that runs the scanner on this thread.
const ADDRESS = '192.0.2.64';

const net: TcpConnector = {
  attempt(address, port, done) {
    const outcome: ConnectOutcome =
      address !== ADDRESS ? 'unreachable' : port === 80 || port === 40000 ? 'open' : 'closed';
    const t = setTimeout(() => done(outcome), 0);
    return () => clearTimeout(t);
  },
};

/** Fake workers; `reported` settles when one has sent its report (with this thread not joined: the whole scan). */
function workers() {
  const log = { spawned: 0, aborts: 0, reported: null as Promise<void> | null };
  const spawn = (): ScanWorkerHandle => {
    log.spawned++;
    const controller = new AbortController();
    let listener: (m: ScanWorkerMessage | null) => void = () => {};
    let report = () => {};
    log.reported = new Promise((resolve) => (report = resolve));
    return {
      post(m: ScanWorkerRequest) {
        if (m.type === 'abort') {
          log.aborts++;
          return controller.abort();
        }
        void scanClaimed(m.address, m.ports, m.claims, m.id, {
          ...m.options,
          connector: net,
          signal: controller.signal,
          onProgress: (progress) => listener({ type: 'progress', progress }),
          onOpen: (address, port) => listener({ type: 'open', address, port }),
        }).then((r) => {
          listener({ type: 'report', report: r });
          report();
        });
      },
      listen(onMessage) {
        listener = onMessage;
      },
      terminate() {},
    };
  };
  return { log, spawn };
}

afterEach(() => dropHeadStart());

describe('head start', () => {
  it('scans on a worker at once; the taker gets the ports found so far, the progress, and the whole report', async () => {
    const { log, spawn } = workers();
    startHeadStart(ADDRESS, spawn, net);
    expect(log.spawned).toBe(1);
    expect(headStartAddress()).toBe(ADDRESS);
    await log.reported;
    const found: number[] = [];
    const progress: ScanProgress[] = [];
    const scan = takeHeadStart(ADDRESS, ALL_PORTS, {
      signal: new AbortController().signal,
      onOpen: (address, port) => {
        expect(address).toBe(ADDRESS);
        found.push(port);
      },
      onProgress: (p) => progress.push(p),
    });
    // Handed over at the take-over, before the report is awaited.
    expect(found).toEqual([80, 40000]);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    const report = await scan!;
    expect(report.hosts[0]).toMatchObject({ up: true, open: [80, 40000], filtered: [], closedCount: 65533 });
    expect(report.portCount).toBe(65535);
    expect(report.cancelled).toBe(false);
    expect(progress.at(-1)).toEqual({ done: 65535, total: 65535, open: 2 });
    expect(headStartAddress()).toBeNull();
    expect(log.aborts).toBe(0);
  });

  it('this thread scans only once it joins (the CLI has loaded the app) or the scan is taken over', async () => {
    let attempts = 0;
    let first = () => {};
    const started = new Promise<void>((resolve) => (first = resolve));
    const here: TcpConnector = {
      attempt(address, port, done) {
        attempts++;
        first();
        return net.attempt(address, port, done);
      },
    };
    // A worker that never starts: the whole scan is this thread's.
    const idle = (): ScanWorkerHandle => ({ post() {}, listen() {}, terminate() {} });
    startHeadStart(ADDRESS, idle, here);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(attempts).toBe(0);
    joinHeadStart();
    await started;
    expect(attempts).toBeGreaterThan(0);
  });

  it('is taken once, and only for the same address and all ports (any other ask stops it)', () => {
    const signal = new AbortController().signal;
    for (const [address, ports] of [
      ['192.0.2.65', ALL_PORTS],
      [ADDRESS, [80, 443, 554]],
      [ADDRESS, ALL_PORTS.slice(1)],
    ] as const) {
      const { log, spawn } = workers();
      startHeadStart(ADDRESS, spawn, net);
      expect(takeHeadStart(address, ports, { signal })).toBeNull();
      expect(log.aborts).toBe(1);
      expect(headStartAddress()).toBeNull();
    }
    const { spawn } = workers();
    startHeadStart(ADDRESS, spawn, net);
    expect(takeHeadStart(ADDRESS, [...ALL_PORTS], { signal })).not.toBeNull();
    expect(takeHeadStart(ADDRESS, ALL_PORTS, { signal })).toBeNull();
  });

  it('the taker’s signal cancels it', async () => {
    const slow: TcpConnector = { attempt: () => () => {} };
    const { log, spawn } = workers();
    startHeadStart(ADDRESS, spawn, slow);
    const controller = new AbortController();
    const scan = takeHeadStart(ADDRESS, ALL_PORTS, { signal: controller.signal });
    controller.abort();
    expect((await scan!).cancelled).toBe(true);
    expect(log.aborts).toBe(1);
  });

  it('a new head start or a drop stops the one before', () => {
    const first = workers();
    startHeadStart(ADDRESS, first.spawn, net);
    const second = workers();
    startHeadStart('192.0.2.65', second.spawn, net);
    expect(first.log.aborts).toBe(1);
    expect(headStartAddress()).toBe('192.0.2.65');
    dropHeadStart();
    expect(second.log.aborts).toBe(1);
    expect(headStartAddress()).toBeNull();
  });
});
