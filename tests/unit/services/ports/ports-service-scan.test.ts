import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  scanClaimed,
  type ScanWorkerHandle,
  type ScanWorkerMessage,
  type ScanWorkerRequest,
} from '../../../../src/main/services/ports/parallel-scan';
import type { ConnectOutcome, ExchangeResult, TcpConnector, TcpExchange } from '../../../../src/main/transport/tcp';
import type { DiscoveredDevice } from '../../../../src/shared/domain/device';
import type { PortPendingChange } from '../../../../src/shared/domain/ports';

// How the Ports service scans: the app's service (no injected connector) uses the fast connector and splits a full
// scan over worker threads; a test's injected connector stays on this thread. Either way each open port is
// identified as soon as the scan finds it, while the scan goes on. The worker script and the fast connector are
// replaced here by fakes that talk to a fake device (no socket is opened).

const ADDRESS = '192.0.2.64';
const OPEN = new Set([80, 554, 8000, 40000]);
/** Port 65000 answers late: the scan cannot end before it does. */
const SLOW_PORT = 65000;
const SLOW_MS = 150;
let t0 = 0;
const events: Array<{ what: string; port: number; at: number }> = [];

function fakeConnector(): TcpConnector {
  return {
    attempt(address, port, done) {
      const outcome: ConnectOutcome = address !== ADDRESS ? 'unreachable' : OPEN.has(port) ? 'open' : 'closed';
      const t = setTimeout(
        () => {
          if (port === SLOW_PORT) events.push({ what: 'slow-answered', port, at: performance.now() - t0 });
          done(outcome);
        },
        port === SLOW_PORT ? SLOW_MS : 0,
      );
      return () => clearTimeout(t);
    },
  };
}

const spawned = { count: 0, aborts: 0 };
/** A fake worker: the scanner on this thread, on the chunks it claims, talking only through messages. */
function fakeSpawn(): ScanWorkerHandle {
  spawned.count++;
  const controller = new AbortController();
  let listener: (m: ScanWorkerMessage | null) => void = () => {};
  return {
    post(m: ScanWorkerRequest) {
      if (m.type === 'abort') {
        spawned.aborts++;
        return controller.abort();
      }
      void scanClaimed(m.address, m.ports, m.claims, m.id, {
        ...m.options,
        tickMs: 5,
        connector: fakeConnector(),
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
}

const fastConnectors = { made: 0 };
vi.mock('../../../../src/main/services/ports/scan-threads', () => ({
  spawnScanWorker: () => fakeSpawn(),
}));
vi.mock('../../../../src/main/transport/tcp', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../../src/main/transport/tcp')>()),
  createFastTcpConnector: () => {
    fastConnectors.made++;
    return Object.assign(fakeConnector(), { kind: () => 'fast' as const, ready: Promise.resolve('fast' as const) });
  },
}));

const { createPortsService } = await import('../../../../src/main/services/ports/ports-service');
const { startHeadStart, headStartAddress, dropHeadStart } =
  await import('../../../../src/main/services/ports/head-start');

const exchange: TcpExchange = async (_address, port, o) => {
  events.push({ what: 'identify', port, at: performance.now() - t0 });
  const empty: ExchangeResult = {
    outcome: OPEN.has(port) ? 'ok' : 'refused',
    bytes: new Uint8Array(),
    peerClosed: true,
    certificate: null,
    elapsedMs: 1,
  };
  if (o.signal?.aborted) return { ...empty, outcome: 'aborted' };
  return empty;
};

const device: DiscoveredDevice = {
  id: 'dev-02:00:c0:00:02:40',
  addresses: [ADDRESS],
  mac: '02:00:c0:00:02:40',
  brand: 'Hikvision',
  brandSource: 'sadp',
  model: null,
  name: null,
  firmware: null,
  serial: null,
  sources: ['sadp'],
  onvifUrl: null,
  endpoint: null,
  ports: {},
  dhcp: null,
  activated: null,
  upnp: false,
  notes: [],
  interfaceName: 'eth0',
  lastSeenAt: '2026-11-24T10:00:00Z',
};

const base = {
  http: { request: async () => Promise.reject(new Error('no HTTP here')) },
  tcp: async () => 'closed' as const,
  exchange,
  scan: { tickMs: 5, initialTimeoutMs: 400 },
  identify: { bannerWaitMs: 1, idleMs: 1, timeoutMs: 50 },
};

afterEach(() => {
  dropHeadStart();
  events.length = 0;
  spawned.count = 0;
  spawned.aborts = 0;
  fastConnectors.made = 0;
});

describe('ports audit: how the scan runs', () => {
  it('the app’s service (no injected connector) splits a full scan over this thread and a worker, with the fast connector', async () => {
    const service = createPortsService(base);
    t0 = performance.now();
    const report = await service.audit(device, { full: true, signal: new AbortController().signal });
    expect(spawned.count).toBe(1);
    expect(fastConnectors.made).toBeGreaterThanOrEqual(1);
    expect(report.rows.filter((r) => r.state === 'open').map((r) => r.port)).toEqual([...OPEN].sort((a, b) => a - b));
  });

  it('identifies each open port while the scan goes on, not after it', async () => {
    const service = createPortsService(base);
    t0 = performance.now();
    await service.audit(device, { full: true, signal: new AbortController().signal });
    const slow = events.find((e) => e.what === 'slow-answered')!;
    expect(slow).toBeDefined();
    for (const port of [80, 554, 8000, 40000]) {
      const first = events.find((e) => e.what === 'identify' && e.port === port);
      expect(first, `port ${port} identified`).toBeDefined();
      expect(first!.at, `port ${port} identified before the scan ended`).toBeLessThan(slow.at);
    }
  });

  it('an injected connector (tests) stays on this thread; an injected spawner splits it again', async () => {
    const single = createPortsService({ ...base, connector: fakeConnector() });
    const one = await single.audit(device, { full: true, signal: new AbortController().signal });
    expect(spawned.count).toBe(0);
    expect(fastConnectors.made).toBe(0);
    const split = createPortsService({ ...base, connector: fakeConnector(), spawnScanWorker: fakeSpawn });
    const two = await split.audit(device, { full: true, signal: new AbortController().signal });
    expect(spawned.count).toBe(1);
    expect(two.rows.map((r) => [r.port, r.state, r.service])).toEqual(
      one.rows.map((r) => [r.port, r.state, r.service]),
    );
  });
});

describe('ports audit: the scan the CLI started before the app loaded (head start)', () => {
  // The app's own service: nothing injected but the fakes behind the mocked worker script and fast connector.
  const app = { http: base.http, tcp: base.tcp, exchange, identify: base.identify };
  const rows = (r: { rows: Array<{ port: number; state: string; service: string }> }) =>
    r.rows.map((x) => [x.port, x.state, x.service]);

  it('takes it over when it is the same full scan: no scan of its own, every open port identified, the same rows', async () => {
    const own = await createPortsService(app).audit(device, { full: true, signal: new AbortController().signal });
    spawned.count = 0;
    startHeadStart(ADDRESS);
    expect(headStartAddress()).toBe(ADDRESS);
    const made = fastConnectors.made;
    const taken = await createPortsService(app).audit(device, { full: true, signal: new AbortController().signal });
    expect(headStartAddress()).toBeNull();
    expect(spawned.count).toBe(1);
    expect(fastConnectors.made).toBe(made);
    expect(rows(taken)).toEqual(rows(own));
    for (const port of OPEN) expect(events.some((e) => e.what === 'identify' && e.port === port)).toBe(true);
  });

  it('stops one of another address or for a catalogue audit, and scans itself', async () => {
    for (const [address, full] of [
      ['192.0.2.99', true],
      [ADDRESS, false],
    ] as const) {
      const own = await createPortsService(app).audit(device, { full, signal: new AbortController().signal });
      spawned.count = 0;
      spawned.aborts = 0;
      startHeadStart(address);
      const report = await createPortsService(app).audit(device, { full, signal: new AbortController().signal });
      expect(headStartAddress()).toBeNull();
      expect(spawned.aborts).toBe(1);
      expect(spawned.count).toBe(full ? 2 : 1);
      expect(rows(report)).toEqual(rows(own));
    }
  });

  it('is never taken by a service with an injected connector (tests)', async () => {
    startHeadStart(ADDRESS);
    await createPortsService({ ...base, connector: fakeConnector() }).audit(device, {
      full: true,
      signal: new AbortController().signal,
    });
    expect(headStartAddress()).toBe(ADDRESS);
  });

  it('is stopped by a recovery or a change, which move ports', async () => {
    const service = createPortsService(app);
    startHeadStart(ADDRESS);
    await expect(
      service.recover({ ...device, addresses: [] }, {} as PortPendingChange, new AbortController().signal),
    ).rejects.toThrow();
    expect(headStartAddress()).toBeNull();
    expect(spawned.aborts).toBe(1);
    startHeadStart(ADDRESS);
    await service
      .apply({ ...device, addresses: [] }, [], { signal: new AbortController().signal } as never)
      .catch(() => {});
    expect(headStartAddress()).toBeNull();
    expect(spawned.aborts).toBe(2);
  });
});
