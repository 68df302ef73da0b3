import { describe, expect, it, vi } from 'vitest';
import { portState, scanTcp } from '../../../../src/main/services/ports/scanner';
import type { ConnectOutcome, TcpConnector } from '../../../../src/main/transport/tcp';

type Behaviour = ConnectOutcome | 'silent' | { outcome: ConnectOutcome; afterMs: number };

/** A fake network: per address, a function from port to what happens; counts attempts in flight. */
function fakeNet(world: Record<string, (port: number, attempt: number) => Behaviour>) {
  const stats = { inFlight: 0, maxInFlight: 0, perHostMax: new Map<string, number>(), attempts: 0, cancelled: 0 };
  const perHost = new Map<string, number>();
  const tries = new Map<string, number>();
  const connector: TcpConnector = {
    attempt(address, port, done) {
      stats.attempts++;
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      perHost.set(address, (perHost.get(address) ?? 0) + 1);
      stats.perHostMax.set(address, Math.max(stats.perHostMax.get(address) ?? 0, perHost.get(address)!));
      const key = `${address}:${port}`;
      const n = (tries.get(key) ?? 0) + 1;
      tries.set(key, n);
      const b = world[address]?.(port, n) ?? 'unreachable';
      let live = true;
      const end = () => {
        live = false;
        stats.inFlight--;
        perHost.set(address, perHost.get(address)! - 1);
      };
      let timer: NodeJS.Timeout | undefined;
      if (b !== 'silent') {
        const { outcome, afterMs } = typeof b === 'string' ? { outcome: b, afterMs: 1 } : b;
        timer = setTimeout(() => {
          if (!live) return;
          end();
          done(outcome);
        }, afterMs);
      }
      return () => {
        if (!live) return;
        clearTimeout(timer);
        stats.cancelled++;
        end();
      };
    },
  };
  return { connector, stats };
}

const signal = () => new AbortController().signal;

describe('scanTcp', () => {
  it('reports open, closed and filtered ports of one host, retrying silent ports once', async () => {
    const { connector, stats } = fakeNet({
      '192.0.2.1': (p) => (p === 80 || p === 554 ? 'open' : p === 9999 ? 'silent' : 'closed'),
    });
    const ports = Array.from({ length: 2000 }, (_, i) => i + 1).concat(9999);
    const r = await scanTcp(['192.0.2.1'], ports, {
      connector,
      signal: signal(),
      concurrency: 64,
      minTimeoutMs: 30,
      initialTimeoutMs: 100,
    });
    const h = r.hosts[0]!;
    expect(h).toMatchObject({ up: true, open: [80, 554], filtered: [9999], closedCount: 1998 });
    expect(portState(h, 80)).toBe('open');
    expect(portState(h, 22)).toBe('closed');
    expect(portState(h, 9999)).toBe('filtered');
    expect(r.attempts).toBe(2002); // 9999 tried twice
    expect(stats.maxInFlight).toBeLessThanOrEqual(64);
    expect(stats.inFlight).toBe(0);
    expect(r.timeoutMs).toBeLessThan(100); // adapted down from the initial time-out
  });

  it('a late answer inside the retry still counts', async () => {
    const { connector } = fakeNet({
      '192.0.2.1': (p, n) => (p === 8000 ? (n === 1 ? 'silent' : 'open') : 'closed'),
    });
    const r = await scanTcp(['192.0.2.1'], [80, 443, 8000], {
      connector,
      signal: signal(),
      minTimeoutMs: 20,
      initialTimeoutMs: 50,
    });
    expect(r.hosts[0]).toMatchObject({ open: [8000], filtered: [] });
  });

  it('sweeps a subnet: absent hosts are given up after their first unanswered attempts, per-host windows hold', async () => {
    const world: Record<string, (p: number) => Behaviour> = {};
    const addresses = Array.from({ length: 50 }, (_, i) => `192.0.2.${i + 1}`);
    world['192.0.2.5'] = (p) => (p === 80 ? 'open' : 'closed');
    world['192.0.2.7'] = (p) => (p === 554 ? { outcome: 'open', afterMs: 3 } : 'closed');
    for (const a of addresses) world[a] ??= () => 'silent';
    world['192.0.2.9'] = () => 'unreachable';
    const { connector, stats } = fakeNet(world);
    const ports = [80, 443, 554, 8000, 37777, 9000];
    let last = { done: 0, total: 0, open: 0 };
    const r = await scanTcp(addresses, ports, {
      connector,
      signal: signal(),
      concurrency: 100,
      perHostConcurrency: 4,
      initialTimeoutMs: 60,
      minTimeoutMs: 30,
      onProgress: (p) => (last = p),
    });
    const up = r.hosts.filter((h) => h.up);
    expect(up.map((h) => [h.address, h.open])).toEqual([
      ['192.0.2.5', [80]],
      ['192.0.2.7', [554]],
    ]);
    expect(r.hosts.find((h) => h.address === '192.0.2.9')).toMatchObject({ up: false, open: [], filtered: [] });
    expect(Math.max(...stats.perHostMax.values())).toBeLessThanOrEqual(4);
    expect(stats.maxInFlight).toBeLessThanOrEqual(100);
    // Absent hosts cost their first window (+ one retry), not every port.
    expect(r.attempts).toBeLessThanOrEqual(2 * ports.length + 48 * 5);
    expect(last).toEqual({ done: 300, total: 300, open: 2 });
    expect(stats.inFlight).toBe(0);
  });

  it('stops when aborted and frees every socket', async () => {
    const { connector, stats } = fakeNet({ '192.0.2.1': () => 'silent' });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20);
    const r = await scanTcp(
      ['192.0.2.1'],
      Array.from({ length: 500 }, (_, i) => i + 1),
      {
        connector,
        signal: ac.signal,
        concurrency: 50,
        initialTimeoutMs: 5000,
      },
    );
    expect(r.cancelled).toBe(true);
    expect(stats.inFlight).toBe(0);
    expect(stats.attempts).toBe(50);
  });

  it('backs off when the machine runs out of sockets', async () => {
    let starved = 0;
    const { connector } = fakeNet({
      '192.0.2.1': (p, n) =>
        p % 10 === 0 && n === 1 && starved++ < 30 ? 'no-resources' : p === 22 ? 'open' : 'closed',
    });
    const r = await scanTcp(
      ['192.0.2.1'],
      Array.from({ length: 300 }, (_, i) => i + 1),
      { connector, signal: signal(), concurrency: 64 },
    );
    expect(r.hosts[0]).toMatchObject({ open: [22], closedCount: 299, filtered: [] });
  });

  it('scans the ports handed over as it goes (morePorts) with the same rules, until none is left', async () => {
    const { connector, stats } = fakeNet({ '192.0.2.1': (p) => (p === 22 || p === 205 ? 'open' : 'closed') });
    const chunks = [
      [101, 102, 103],
      [204, 205],
    ];
    let asked = 0;
    const progress: Array<{ done: number; total: number }> = [];
    const r = await scanTcp(['192.0.2.1'], [21, 22], {
      connector,
      signal: signal(),
      morePorts: () => (asked++, chunks.shift() ?? null),
      onProgress: (p) => progress.push(p),
    });
    expect(r.hosts[0]).toMatchObject({ up: true, open: [22, 205], closedCount: 5 });
    expect(r.portCount).toBe(7);
    expect(stats.attempts).toBe(7);
    expect(asked).toBe(3);
    expect(progress.at(-1)).toEqual({ done: 7, total: 7, open: 2 });
  });

  it('asks for no more ports once the host is found down, and none for a sweep of several hosts', async () => {
    const { connector, stats } = fakeNet({});
    let asked = 0;
    const more = () => (asked++, [1000, 1001]);
    // Two in flight: the first chunk's two attempts go unanswered, and the host is down.
    const down = await scanTcp(['192.0.2.1'], [], { connector, signal: signal(), concurrency: 2, morePorts: more });
    expect(down.hosts[0]!.up).toBe(false);
    expect(asked).toBe(1);
    const sweep = await scanTcp(['192.0.2.1', '192.0.2.2'], [80], { connector, signal: signal(), morePorts: more });
    expect(sweep.portCount).toBe(1);
    expect(asked).toBe(1);
    expect(stats.attempts).toBe(4);
  });

  it('refuses names: no lookups per port', async () => {
    const { connector } = fakeNet({});
    await expect(scanTcp(['nvr.lan'], [80], { connector, signal: signal() })).rejects.toThrow(/IPv4/);
  });
});

describe('scanTcp paces one host by its round trip', () => {
  /** A host whose answers take `rttMs` (0: the same tick), except `silent` ports; counts attempts in flight. */
  function host(rttMs: number, silent: (port: number) => boolean = () => false) {
    const stats = { inFlight: 0, maxInFlight: 0, maxAfterFirstAnswer: 0, answered: 0 };
    const connector: TcpConnector = {
      attempt(_address, port, done) {
        stats.inFlight++;
        stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
        if (stats.answered > 0) stats.maxAfterFirstAnswer = Math.max(stats.maxAfterFirstAnswer, stats.inFlight);
        let live = true;
        const end = () => {
          if (!live) return;
          live = false;
          stats.inFlight--;
        };
        if (silent(port)) return end;
        const answer = () => {
          if (!live) return;
          end();
          stats.answered++;
          done(port === 80 ? 'open' : 'closed');
        };
        const timer = rttMs === 0 ? (queueMicrotask(answer), undefined) : setTimeout(answer, rttMs);
        return () => {
          clearTimeout(timer);
          end();
        };
      },
    };
    return { connector, stats };
  }
  const ports = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  /**
   * Runs a scan on a virtual clock (timers and the scanner's clock advance 1 ms at a time, only when the work
   * due so far is done), so how long it took is counted in timer milliseconds, whatever the machine's load.
   */
  async function onVirtualClock<T>(scan: (now: () => number) => Promise<T>): Promise<{ r: T; ms: number }> {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      const t0 = Date.now();
      let virtual = 0;
      let result: { r: T } | undefined;
      let failure: unknown;
      scan(() => virtual).then(
        (r) => (result = { r }),
        (e: unknown) => (failure = e ?? new Error('scan failed')),
      );
      for (let i = 0; i < 60_000 && !result && !failure; i++) {
        virtual++;
        await vi.advanceTimersByTimeAsync(1);
      }
      if (failure) throw failure;
      if (!result) throw new Error(`the scan did not end within 60 virtual seconds (started ${t0})`);
      return { r: result.r, ms: virtual };
    } finally {
      vi.useRealTimers();
    }
  }

  it('a host that answers at once gets a few attempts in flight, not the whole window', async () => {
    const { connector, stats } = host(0);
    const r = await scanTcp(['192.0.2.1'], ports(3000), { connector, signal: signal(), concurrency: 256 });
    expect(r.hosts[0]).toMatchObject({ open: [80], closedCount: 2999, filtered: [] });
    expect(stats.maxAfterFirstAnswer).toBeLessThanOrEqual(32 + 256); // the first burst may still be in flight
    expect(stats.inFlight).toBe(0);
    // Once the first burst has drained, the window is the paced one. The scanner's clock stands still (answers in
    // the same tick take no time), so a loaded machine's real milliseconds do not widen the window.
    const { connector: c2, stats: s2 } = host(0);
    await scanTcp(['192.0.2.1'], ports(3000), {
      connector: c2,
      signal: signal(),
      concurrency: 256,
      minWindow: 8,
      now: () => 0,
    });
    expect(s2.maxInFlight).toBe(256);
    expect(s2.maxAfterFirstAnswer).toBeLessThan(256);
  });

  it('a far host gets as wide a window as its round trip asks for (here all of it)', async () => {
    const { connector, stats } = host(5);
    const r = await scanTcp(['192.0.2.1'], ports(2000), { connector, signal: signal(), concurrency: 200 });
    expect(r.hosts[0]).toMatchObject({ open: [80], closedCount: 1999 });
    expect(stats.maxAfterFirstAnswer).toBe(200);
  });

  it('ports that never answer stop holding the window once late: a filtered host is scanned as wide as before', async () => {
    // Port 1 answers at once (so the host is up and its round trip tiny); the other 599 are dropped.
    const { connector, stats } = host(0, (p) => p !== 1);
    const { r, ms } = await onVirtualClock((now) =>
      scanTcp(['192.0.2.1'], ports(600), {
        now,
        connector,
        signal: signal(),
        concurrency: 200,
        initialTimeoutMs: 60,
        minTimeoutMs: 60,
        maxTimeoutMs: 60,
        retries: 0,
        tickMs: 5,
      }),
    );
    expect(r.hosts[0]).toMatchObject({ up: true, closedCount: 1 });
    expect(r.hosts[0]!.filtered).toHaveLength(599);
    expect(stats.maxInFlight).toBe(200);
    // 600 ports, 200 at a time, 60 ms each: 330 virtual ms; with the dropped ports holding the paced window until
    // their time-out, 480.
    expect(ms).toBeLessThan(400);
  });

  it('a dropped port is late as soon as later ones are answered (not only after half the time-out)', async () => {
    // One port in ten is dropped; the rest answer after 1 ms. Late only after half the 500 ms time-out, the
    // dropped ports would hold the paced window for 250 ms each (1.6–2.5 s in all); overtaken, they stop
    // holding it within a few milliseconds.
    const { connector, stats } = host(1, (p) => p % 10 === 0);
    const { r, ms } = await onVirtualClock((now) =>
      scanTcp(['192.0.2.1'], ports(3000), {
        now,
        connector,
        signal: signal(),
        concurrency: 400,
        initialTimeoutMs: 500,
        minTimeoutMs: 500,
        maxTimeoutMs: 500,
        retries: 0,
        tickMs: 5,
      }),
    );
    expect(r.hosts[0]!.filtered).toHaveLength(300);
    expect(r.hosts[0]!.closedCount + r.hosts[0]!.open.length).toBe(2700);
    expect(stats.maxInFlight).toBeGreaterThan(100);
    expect(ms).toBeLessThan(1200); // 580 virtual ms; late only after half the time-out, 2555
  });

  it('a sweep of several hosts keeps its plain window', async () => {
    const { connector, stats } = host(0);
    await scanTcp(['192.0.2.1', '192.0.2.2'], ports(500), {
      connector,
      signal: signal(),
      concurrency: 100,
      perHostConcurrency: 100,
    });
    expect(stats.maxAfterFirstAnswer).toBe(100);
  });
});
