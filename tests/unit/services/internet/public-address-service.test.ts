import { inEnglish } from '../../../support/words';
import { describe, expect, it } from 'vitest';
import { readStunBindingReply } from '../../../../src/main/protocol/stun';
import {
  askChecker,
  createPublicAddressService,
  type BoundedGet,
} from '../../../../src/main/services/internet/public-address-service';
import { stunBinding } from '../../../../src/main/services/internet/stun-client';
import type { Datagram, UdpTransport } from '../../../../src/main/transport/udp';
// @ts-expect-error -- plain .mjs without types
import { bindingSuccess } from '../../../lab/wan/stun-wire.mjs';

const SERVER = { address: '198.51.100.3', port: 3478 };

/** A fake UDP socket: `answer` decides what comes back for each request sent (after `delayMs`). */
function fakeUdp(
  answer: (request: Uint8Array, n: number) => Array<{ data: Uint8Array; from?: Datagram['from'] }>,
  delayMs = 5,
) {
  const sent: Array<{ port: number; address: string; at: number }> = [];
  let closed = 0;
  const udp: UdpTransport = {
    async open(_options, onDatagram) {
      const t0 = Date.now();
      return {
        async send(data, port, address) {
          sent.push({ port, address, at: Date.now() - t0 });
          for (const a of answer(data as Uint8Array, sent.length))
            setTimeout(() => onDatagram({ data: Buffer.from(a.data), from: a.from ?? SERVER }), delayMs);
        },
        close: () => void closed++,
      };
    },
  };
  return { udp, sent, closed: () => closed };
}

const reply = (request: Uint8Array, ip = '203.0.113.2') =>
  bindingSuccess({
    transactionId: Buffer.from(request.subarray(8, 20)),
    rfc5389: true,
    mapped: { ip, port: 40000 },
    origin: { ip: SERVER.address, port: 3478 },
    other: { ip: '198.51.100.4', port: 3479 },
    software: 'test',
  });
const lookup = async () => null;
const signal = () => new AbortController().signal;

describe('STUN client', () => {
  it('asks once and takes the server’s answer', async () => {
    const f = fakeUdp((req) => [{ data: reply(req) }]);
    const r = await stunBinding({ udp: f.udp, lookup }, '198.51.100.3:3478', { signal: signal() });
    expect(r).toEqual({ ok: true, address: '203.0.113.2', port: 40000, family: 'IPv4', serverAddress: '198.51.100.3' });
    expect(f.sent).toHaveLength(1);
    expect(f.closed()).toBe(1);
  });

  it('asks again when the first try is lost (UDP), at the back-off times', async () => {
    const f = fakeUdp((req, n) => (n < 3 ? [] : [{ data: reply(req) }]));
    const r = await stunBinding({ udp: f.udp, lookup }, '198.51.100.3:3478', {
      signal: signal(),
      sendAtMs: [0, 40, 120],
    });
    expect(r.ok).toBe(true);
    expect(f.sent.map((s) => s.at)).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(f.sent[2]!.at).toBeGreaterThanOrEqual(100);
  });

  it('ends at its bound when nobody answers, in plain words, and closes the socket', async () => {
    const f = fakeUdp(() => []);
    const r = await stunBinding({ udp: f.udp, lookup }, '198.51.100.3:3478', {
      signal: signal(),
      totalMs: 200,
      sendAtMs: [0, 50, 150],
    });
    expect(r).toEqual({ ok: false, error: 'no answer from 198.51.100.3:3478 within 0.2 s' });
    expect(f.sent).toHaveLength(3);
    expect(f.closed()).toBe(1);
  });

  it('ignores answers from another address or port, and to another transaction (forged); says why when only those came', async () => {
    const f = fakeUdp((req) => {
      const forged = Uint8Array.from(reply(req, '6.6.6.6'));
      forged[19] = forged[19]! ^ 1;
      return [
        { data: reply(req, '6.6.6.6'), from: { address: '192.0.2.66', port: 3478 } },
        { data: reply(req, '6.6.6.6'), from: { address: SERVER.address, port: 9999 } },
        { data: forged },
      ];
    });
    const r = await stunBinding({ udp: f.udp, lookup }, '198.51.100.3:3478', {
      signal: signal(),
      totalMs: 150,
      sendAtMs: [0],
    });
    expect(r).toEqual({ ok: false, error: 'a STUN answer to another request (transaction id differs)' });
  });

  it('garbage from the server is a plain error, never a throw', async () => {
    const f = fakeUdp(() => [{ data: new TextEncoder().encode('HTTP/1.1 400 Bad Request\r\n\r\n') }]);
    const r = await stunBinding({ udp: f.udp, lookup }, '198.51.100.3', {
      signal: signal(),
      totalMs: 100,
      sendAtMs: [0],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/not a STUN message|length field/);
  });

  it('a cancel ends it at once; a name that does not resolve and text that is no server send nothing', async () => {
    const f = fakeUdp(() => []);
    const c = new AbortController();
    setTimeout(() => c.abort(), 30);
    // Longer than the test's time-out: only the cancel can end it.
    expect(
      await stunBinding({ udp: f.udp, lookup }, '198.51.100.3:3478', { signal: c.signal, totalMs: 600_000 }),
    ).toEqual({
      ok: false,
      error: 'cancelled',
    });
    const g = fakeUdp(() => []);
    expect(await stunBinding({ udp: g.udp, lookup }, 'stun.invalid:3478', { signal: signal() })).toEqual({
      ok: false,
      error: 'the name stun.invalid did not resolve to an IPv4 address',
    });
    expect(await stunBinding({ udp: g.udp, lookup }, 'no such:server', { signal: signal() })).toMatchObject({
      ok: false,
    });
    expect(g.sent).toHaveLength(0);
  });

  it('a name is resolved first and the answer must come from that address', async () => {
    const f = fakeUdp((req) => [{ data: reply(req) }]);
    const r = await stunBinding({ udp: f.udp, lookup: async () => SERVER.address }, 'stun.example.net:3478', {
      signal: signal(),
    });
    expect(r).toMatchObject({ ok: true, address: '203.0.113.2' });
    expect(f.sent[0]).toMatchObject({ address: SERVER.address, port: 3478 });
  });

  it('the request sent is a Binding Request the reader would match (sanity)', async () => {
    let seen: Uint8Array | null = null;
    const f = fakeUdp((req) => ((seen = req), [{ data: reply(req) }]));
    await stunBinding({ udp: f.udp, lookup }, '198.51.100.3:3478', { signal: signal() });
    expect(readStunBindingReply(reply(seen!), seen!.subarray(8, 20)).ok).toBe(true);
  });
});

const text = (s: string) => new TextEncoder().encode(s);
function fakeGet(routes: Record<string, { status: number; body: string } | { error: string }>) {
  const asked: string[] = [];
  const get: BoundedGet = async (url) => {
    asked.push(url.href);
    const r = routes[url.pathname];
    if (!r) return { ok: true, status: 404, body: text('not found') };
    return 'error' in r ? { ok: false, error: r.error } : { ok: true, status: r.status, body: text(r.body) };
  };
  return { get, asked };
}

describe('the address checker', () => {
  it('reads /json and does not ask /ip when /json was usable', async () => {
    const f = fakeGet({ '/json': { status: 200, body: '{"ip":"203.0.113.2"}' } });
    expect(await askChecker(f, 'http://198.51.100.10', signal())).toEqual({
      server: 'http://198.51.100.10/',
      address: '203.0.113.2',
      error: null,
    });
    expect(f.asked).toEqual(['http://198.51.100.10/json']);
  });
  it('falls back to /ip when /json answered garbage or an HTTP error', async () => {
    const f = fakeGet({ '/json': { status: 200, body: 'oops' }, '/ip': { status: 200, body: '203.0.113.2\n' } });
    expect((await askChecker(f, 'http://c/', signal())).address).toBe('203.0.113.2');
    const g = fakeGet({ '/json': { status: 500, body: '' }, '/ip': { status: 200, body: 'nope' } });
    const r = await askChecker(g, 'http://c/', signal());
    expect(r.address).toBeNull();
    expect(r.error).toMatch(/\/json answered HTTP 500; the checker's \/ip answer is not an address/);
  });
  it('an unreachable checker is one plain error, without a second try', async () => {
    const f = fakeGet({ '/json': { error: 'no answer in time' } });
    expect(await askChecker(f, 'http://c/', signal())).toEqual({
      server: 'http://c/',
      address: null,
      error: 'no answer in time',
    });
    expect(f.asked).toHaveLength(1);
  });
  it('a checker URL that is not http(s) contacts nothing', async () => {
    const f = fakeGet({});
    expect((await askChecker(f, 'ftp://c/', signal())).error).toMatch(/not an http/);
    expect(f.asked).toEqual([]);
  });
});

describe('one check', () => {
  it('asks the three at once and judges; without a gateway the router is not asked', async () => {
    const f = fakeUdp((req) => [{ data: reply(req) }]);
    const g = fakeGet({ '/json': { status: 200, body: '{"ip":"203.0.113.2"}' } });
    const service = createPublicAddressService({
      udp: f.udp,
      lookup,
      get: g.get,
      now: () => new Date('2026-01-01T00:00:00Z'),
    });
    let routerAsked = 0;
    const routerWan = async () => (routerAsked++, { address: '100.64.0.2', source: 'igd' as const, readAt: 'x' });
    const c = await service.check({
      gateway: '192.168.1.1',
      stun: '198.51.100.3',
      checker: 'http://c',
      signal: signal(),
      routerWan,
    });
    expect(c.verdict.code).toBe('cgnat');
    expect(c.measuredAt).toBe('2026-01-01T00:00:00.000Z');
    const none = await service.check({
      gateway: null,
      stun: '198.51.100.3',
      checker: 'http://c',
      signal: signal(),
      routerWan,
    });
    expect(none.verdict.code).toBe('unknown');
    expect(routerAsked).toBe(1);
  });
  it('traces hop 1 and 2 toward the address STUN asked, and hop 2 in 100.64.0.0/10 makes it CGNAT', async () => {
    // The router reports the STUN-learnt public address (miniupnpd's ext_perform_stun behind the carrier).
    const f = fakeUdp((req) => [{ data: reply(req, '203.0.113.3') }]);
    const g = fakeGet({ '/json': { status: 200, body: '{"ip":"203.0.113.3"}' } });
    const traced: string[] = [];
    const progress: string[] = [];
    const service = createPublicAddressService({
      udp: f.udp,
      lookup: async () => SERVER.address,
      get: g.get,
      now: () => new Date(),
      hops: async (target) => (
        traced.push(target),
        { target, first: '192.168.1.1', second: '100.64.0.1', error: null }
      ),
    });
    const c = await service.check({
      gateway: '192.168.1.1',
      stun: 'stun.example.net:3478',
      checker: 'http://c',
      signal: signal(),
      progress: (m) => progress.push(inEnglish(m)),
      routerWan: async () => ({ address: '203.0.113.3', source: 'igd', readAt: 'x' }),
    });
    expect(traced).toEqual([SERVER.address]);
    expect(progress.at(-1)).toBe(`Tracing the first two routers toward ${SERVER.address}…`);
    expect(c.hops).toEqual({ target: SERVER.address, first: '192.168.1.1', second: '100.64.0.1', error: null });
    expect(c.verdict.code).toBe('cgnat');
  });

  it('traces toward a STUN server given as an IPv4 address even when it did not answer; not toward an unresolved name, nor without a gateway', async () => {
    const silent = fakeUdp(() => []);
    const g = fakeGet({ '/json': { status: 200, body: '{"ip":"203.0.113.2"}' } });
    const traced: string[] = [];
    const service = createPublicAddressService({
      udp: silent.udp,
      lookup,
      get: g.get,
      now: () => new Date(),
      stunTotalMs: 50,
      hops: async (target) => (traced.push(target), { target, first: '192.168.1.1', second: null, error: null }),
    });
    const run = {
      checker: 'http://c',
      signal: signal(),
      routerWan: async () => ({ address: null, source: null, readAt: null }),
    };
    const asIp = await service.check({ ...run, gateway: '192.168.1.1', stun: '198.51.100.3:3478' });
    expect(asIp.hops).toMatchObject({ target: '198.51.100.3', second: null });
    const byName = await service.check({ ...run, gateway: '192.168.1.1', stun: 'stun.invalid:3478' });
    expect(byName.hops).toBeNull();
    const noGateway = await service.check({ ...run, gateway: null, stun: '198.51.100.3:3478' });
    expect(noGateway.hops).toBeNull();
    expect(traced).toEqual(['198.51.100.3']);
  });

  it('without a tracer nothing is traced; a tracer that throws counts as not traced, not as a crash', async () => {
    const f = fakeUdp((req) => [{ data: reply(req) }]);
    const g = fakeGet({ '/json': { status: 200, body: '{"ip":"203.0.113.2"}' } });
    const run = {
      gateway: '192.168.1.1',
      stun: '198.51.100.3',
      checker: 'http://c',
      signal: signal(),
      routerWan: async () => ({ address: '203.0.113.2', source: 'igd' as const, readAt: 'x' }),
    };
    const plain = createPublicAddressService({ udp: f.udp, lookup, get: g.get, now: () => new Date() });
    expect((await plain.check(run)).hops).toBeNull();
    const throwing = createPublicAddressService({
      udp: f.udp,
      lookup,
      get: g.get,
      now: () => new Date(),
      hops: async () => Promise.reject(new Error('boom')),
    });
    const c = await throwing.check(run);
    expect(c.hops).toBeNull();
    expect(c.verdict.code).toBe('public-on-router');
  });

  it('a router question that fails counts as "not known", not as a crash', async () => {
    const f = fakeUdp((req) => [{ data: reply(req) }]);
    const g = fakeGet({ '/json': { status: 200, body: '{"ip":"203.0.113.2"}' } });
    const service = createPublicAddressService({ udp: f.udp, lookup, get: g.get, now: () => new Date() });
    const c = await service.check({
      gateway: '192.168.1.1',
      stun: '198.51.100.3',
      checker: 'http://c',
      signal: signal(),
      routerWan: async () => Promise.reject(new Error('boom')),
    });
    expect(c.router).toEqual({ address: null, source: null, readAt: null });
    expect(c.verdict.code).toBe('unknown');
  });
});
