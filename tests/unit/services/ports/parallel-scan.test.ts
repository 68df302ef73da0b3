import { describe, expect, it } from 'vitest';
import {
  mergeReports,
  scanTcpParallel,
  splitPorts,
  type ScanWorkerHandle,
  type ScanWorkerMessage,
  type ScanWorkerRequest,
} from '../../../../src/main/services/ports/parallel-scan';
import { scanTcp, type ScanReport } from '../../../../src/main/services/ports/scanner';
import type { ConnectOutcome, TcpConnector } from '../../../../src/main/transport/tcp';

/** A connector where `behaviour(port)` decides; 'silent' never answers. Answers after 1 ms. */
function connector(behaviour: (port: number) => ConnectOutcome | 'silent'): TcpConnector {
  return {
    attempt(_address, port, done) {
      const b = behaviour(port);
      if (b === 'silent') return () => {};
      const t = setTimeout(() => done(b), 1);
      return () => clearTimeout(t);
    },
  };
}

/** A fake worker: runs the scanner in this thread on the slice it is sent, talking only through messages. */
function fakeSpawn(net: TcpConnector, log: { spawned: number; aborts: number; fail?: boolean }) {
  return (): ScanWorkerHandle => {
    log.spawned++;
    const controller = new AbortController();
    let listener: (m: ScanWorkerMessage | null) => void = () => {};
    return {
      post(m: ScanWorkerRequest) {
        if (m.type === 'abort') {
          log.aborts++;
          controller.abort();
          return;
        }
        if (log.fail) return void setTimeout(() => listener(null), 1);
        void scanTcp([m.address], m.ports, {
          ...m.options,
          connector: net,
          signal: controller.signal,
          onProgress: (progress) => listener({ type: 'progress', progress }),
          onOpen: (address, port) => listener({ type: 'open', address, port }),
        }).then((report) => listener({ type: 'report', report }));
      },
      listen(onMessage) {
        listener = onMessage;
      },
      terminate() {},
    };
  };
}

const ALL = Array.from({ length: 65535 }, (_, i) => i + 1);

describe('splitPorts', () => {
  it('splits into contiguous near-equal slices, order kept, none empty', () => {
    expect(splitPorts([1, 2, 3, 4, 5], 2)).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(splitPorts([7], 4)).toEqual([[7]]);
    const parts = splitPorts(ALL, 3);
    expect(parts.map((p) => p.length)).toEqual([21845, 21845, 21845]);
    expect(parts.flat()).toEqual(ALL);
  });
});

describe('mergeReports', () => {
  const slice = (ports: number[], host: Partial<ScanReport['hosts'][0]>, extra: Partial<ScanReport> = {}) => ({
    ports,
    report: {
      hosts: [{ address: '192.0.2.1', up: true, open: [], filtered: [], closedCount: 0, rttMs: 1, ...host }],
      portCount: ports.length,
      attempts: ports.length,
      elapsedMs: 5,
      timeoutMs: 250,
      cancelled: false,
      ...extra,
    },
  });

  it('unions open and filtered ports, sums counts and keeps the longest time-out', () => {
    const r = mergeReports(
      '192.0.2.1',
      [
        slice([1, 2, 3], { open: [2], closedCount: 2, rttMs: 2 }),
        slice([4, 5, 6], { open: [6], filtered: [5], closedCount: 1, rttMs: 4 }, { timeoutMs: 400 }),
      ],
      9,
    );
    expect(r.hosts).toEqual([
      { address: '192.0.2.1', up: true, open: [2, 6], filtered: [5], closedCount: 3, rttMs: 2 },
    ]);
    expect(r).toMatchObject({ portCount: 6, attempts: 6, elapsedMs: 9, timeoutMs: 400, cancelled: false });
  });

  it('reports a silent slice of a live host as filtered, and a host no slice heard as down', () => {
    const silent = { up: false, rttMs: null };
    const up = mergeReports('192.0.2.1', [slice([1, 2], { closedCount: 2 }), slice([3, 4], silent)], 1);
    expect(up.hosts[0]).toMatchObject({ up: true, filtered: [3, 4], closedCount: 2 });
    const down = mergeReports('192.0.2.1', [slice([1, 2], silent), slice([3, 4], silent, { cancelled: true })], 1);
    expect(down.hosts[0]).toMatchObject({ up: false, filtered: [], rttMs: null });
    expect(down.cancelled).toBe(true);
  });
});

describe('scanTcpParallel', () => {
  const net = connector((p) => (p === 80 || p === 40000 ? 'open' : 'closed'));

  it('splits a full scan over workers and gives the same result as one thread, with whole progress', async () => {
    const log = { spawned: 0, aborts: 0 };
    const progress: number[] = [];
    const r = await scanTcpParallel(['192.0.2.1'], ALL, {
      connector: net,
      spawn: fakeSpawn(net, log),
      signal: new AbortController().signal,
      onProgress: (p) => {
        expect(p.total).toBe(65535);
        progress.push(p.done);
      },
    });
    expect(log.spawned).toBe(2);
    expect(r.hosts[0]).toMatchObject({ up: true, open: [80, 40000], filtered: [], closedCount: 65533 });
    expect(r.portCount).toBe(65535);
    expect(progress.at(-1)).toBe(65535);
  }, 30_000);

  it('passes on each open port as a worker finds it, before the scan ends', async () => {
    const log = { spawned: 0, aborts: 0 };
    const found: Array<[string, number, boolean]> = [];
    let ended = false;
    const scan = scanTcpParallel(['192.0.2.1'], ALL, {
      connector: net,
      spawn: fakeSpawn(net, log),
      signal: new AbortController().signal,
      onOpen: (address, port) => found.push([address, port, ended]),
    });
    await scan;
    ended = true;
    expect(log.spawned).toBe(2);
    expect(found).toEqual([
      ['192.0.2.1', 80, false],
      ['192.0.2.1', 40000, false],
    ]);
  }, 30_000);

  it('runs the first slice on this thread at once and the rest on workers (localSlices), with the same result', async () => {
    const log = { spawned: 0, aborts: 0 };
    const progress: number[] = [];
    const found: number[] = [];
    const r = await scanTcpParallel(['192.0.2.1'], ALL, {
      connector: net,
      spawn: fakeSpawn(net, log),
      localSlices: 1,
      signal: new AbortController().signal,
      onProgress: (p) => progress.push(p.done),
      onOpen: (_address, port) => found.push(port),
    });
    expect(log.spawned).toBe(1);
    expect(r.hosts[0]).toMatchObject({ up: true, open: [80, 40000], filtered: [], closedCount: 65533 });
    expect(found.sort((a, b) => a - b)).toEqual([80, 40000]);
    expect(progress.at(-1)).toBe(65535);
  }, 30_000);

  it('stays on one thread for several hosts or a short list', async () => {
    const log = { spawned: 0, aborts: 0 };
    const opts = { connector: net, spawn: fakeSpawn(net, log), signal: new AbortController().signal };
    await scanTcpParallel(['192.0.2.1'], [80, 81], opts);
    await scanTcpParallel(['192.0.2.1', '192.0.2.2'], [80], opts);
    expect(log.spawned).toBe(0);
  });

  it('runs a slice on this thread when its worker cannot start or fails', async () => {
    for (const spawn of [() => null, fakeSpawn(net, { spawned: 0, aborts: 0, fail: true })]) {
      const r = await scanTcpParallel(['192.0.2.1'], ALL.slice(0, 10000), {
        connector: net,
        spawn,
        signal: new AbortController().signal,
      });
      expect(r.hosts[0]).toMatchObject({ up: true, open: [80], closedCount: 9999 });
    }
  });

  it('posts abort to every worker and reports the scan cancelled', async () => {
    const slow = connector(() => 'silent');
    const log = { spawned: 0, aborts: 0 };
    const controller = new AbortController();
    const pending = scanTcpParallel(['192.0.2.1'], ALL, {
      connector: slow,
      spawn: fakeSpawn(slow, log),
      signal: controller.signal,
      initialTimeoutMs: 60_000,
      minTimeoutMs: 60_000,
    });
    setTimeout(() => controller.abort(), 20);
    const r = await pending;
    expect(log.aborts).toBe(2);
    expect(r.cancelled).toBe(true);
  });
});
