import { describe, expect, it } from 'vitest';
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

  it('refuses names: no lookups per port', async () => {
    const { connector } = fakeNet({});
    await expect(scanTcp(['nvr.lan'], [80], { connector, signal: signal() })).rejects.toThrow(/IPv4/);
  });
});
