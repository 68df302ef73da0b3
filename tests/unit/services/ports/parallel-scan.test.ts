import { describe, expect, it } from 'vitest';
import {
  claimChunk,
  claimedBy,
  createPortClaims,
  mergeReports,
  scanClaimed,
  scanTcpParallel,
  type ScanWorkerHandle,
  type ScanWorkerMessage,
  type ScanWorkerRequest,
} from '../../../../src/main/services/ports/parallel-scan';
import type { ScanReport } from '../../../../src/main/services/ports/scanner';
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

/**
 * A fake worker: runs the scanner in this thread on the chunks it claims, talking only through messages. `fail`:
 * it fails at once; `dieAfter`: it claims that many chunks, then dies without a report.
 */
function fakeSpawn(
  net: TcpConnector,
  log: { spawned: number; aborts: number; fail?: boolean; dieAfter?: number; claimed?: number[] },
) {
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
        if (log.dieAfter !== undefined) {
          // Claims its chunks (as the real worker does, in the shared buffer) and dies before scanning them.
          for (let i = 0; i < log.dieAfter; i++) claimChunk(m.ports, m.claims, m.id);
          return void setTimeout(() => listener(null), 1);
        }
        void scanClaimed(m.address, m.ports, m.claims, m.id, {
          ...m.options,
          connector: net,
          signal: controller.signal,
          onProgress: (progress) => listener({ type: 'progress', progress }),
          onOpen: (address, port) => listener({ type: 'open', address, port }),
        }).then((report) => {
          log.claimed?.push(claimedBy(m.ports, m.claims, m.id).length);
          listener({ type: 'report', report });
        });
      },
      listen(onMessage) {
        listener = onMessage;
      },
      terminate() {},
    };
  };
}

const ALL = Array.from({ length: 65535 }, (_, i) => i + 1);

describe('port claims', () => {
  it('hands out each chunk once, in list order, to whoever asks, and remembers who took it', () => {
    const ports = [10, 11, 12, 13, 14, 15, 16];
    const claims = createPortClaims(ports.length, 3);
    expect(claimChunk(ports, claims, 1)).toEqual([10, 11, 12]);
    expect(claimChunk(ports, claims, 2)).toEqual([13, 14, 15]);
    expect(claimChunk(ports, claims, 1)).toEqual([16]);
    expect(claimChunk(ports, claims, 2)).toBeNull();
    expect(claimChunk(ports, claims, 1)).toBeNull();
    expect(claimedBy(ports, claims, 1)).toEqual([10, 11, 12, 16]);
    expect(claimedBy(ports, claims, 2)).toEqual([13, 14, 15]);
    expect(claimedBy(ports, claims, 3)).toEqual([]);
  });

  it('a thread scans claimed chunks until none is left, after the chunks it was given first', async () => {
    const ports = Array.from({ length: 100 }, (_, i) => i + 1);
    const claims = createPortClaims(ports.length, 30);
    const progress: Array<{ done: number; total: number }> = [];
    const r = await scanClaimed(
      '192.0.2.1',
      ports,
      claims,
      7,
      {
        connector: connector((p) => (p === 5 || p === 95 ? 'open' : 'closed')),
        signal: new AbortController().signal,
        onProgress: (p) => progress.push(p),
      },
      [500, 501],
    );
    expect(claimedBy(ports, claims, 7)).toEqual(ports);
    expect(r.portCount).toBe(102);
    expect(r.hosts[0]).toMatchObject({ up: true, open: [5, 95], closedCount: 100 });
    expect(progress.at(-1)).toEqual({ done: 102, total: 102, open: 2 });
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

  it('runs one scanner on this thread and the rest on workers (localSlices), with the same result', async () => {
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

  it('a thread that joins late scans fewer chunks; every port is still scanned once', async () => {
    const log = { spawned: 0, aborts: 0, claimed: [] as number[] };
    let join = () => {};
    const joined = new Promise<void>((resolve) => (join = resolve));
    const r = await scanTcpParallel(['192.0.2.1'], ALL, {
      connector: net,
      spawn: fakeSpawn(net, log),
      localSlices: 1,
      localStart: joined,
      signal: new AbortController().signal,
      // This thread joins once the worker has found port 40000, in its 40th chunk of 1024 ports.
      onOpen: (_address, port) => {
        if (port === 40000) join();
      },
    });
    expect(log.claimed[0]).toBeGreaterThanOrEqual(40 * 1024);
    expect(r.hosts[0]).toMatchObject({ up: true, open: [80, 40000], filtered: [], closedCount: 65533 });
    expect(r.attempts).toBe(65535);
  });

  it('rescans on this thread the chunks of a worker that died, and goes on claiming', async () => {
    const found: number[] = [];
    const r = await scanTcpParallel(['192.0.2.1'], ALL, {
      connector: net,
      spawn: fakeSpawn(net, { spawned: 0, aborts: 0, dieAfter: 40 }),
      signal: new AbortController().signal,
      onOpen: (_address, port) => found.push(port),
    });
    expect(r.hosts[0]).toMatchObject({ up: true, open: [80, 40000], filtered: [], closedCount: 65533 });
    expect(r.portCount).toBe(65535);
    expect(found.sort((a, b) => a - b)).toEqual([80, 40000]);
  });

  it('a scan waiting for this thread to join ends, cancelled, when aborted', async () => {
    const slow = connector(() => 'silent');
    const controller = new AbortController();
    const pending = scanTcpParallel(['192.0.2.1'], ALL, {
      connector: slow,
      spawn: fakeSpawn(slow, { spawned: 0, aborts: 0 }),
      localSlices: 1,
      localStart: new Promise(() => {}),
      signal: controller.signal,
      initialTimeoutMs: 60_000,
      minTimeoutMs: 60_000,
    });
    setTimeout(() => controller.abort(), 20);
    expect((await pending).cancelled).toBe(true);
  });

  it('runs a scanner on this thread when a worker cannot start or fails', async () => {
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
