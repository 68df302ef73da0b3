import { inEnglish } from '../../../support/words';
import { describe, expect, it } from 'vitest';
import type { ForwardPlan } from '../../../../src/shared/domain/forward-plan';
import {
  createOutsideProofService,
  readEchoipPort,
  type OutsideProofDeps,
  type OutsideProofRun,
} from '../../../../src/main/services/internet/outside-proof-service';
import type { BoundedGet } from '../../../../src/main/services/internet/public-address-service';
import type { TcpProbe } from '../../../../src/main/transport/tcp';

const enc = (o: unknown) => new TextEncoder().encode(typeof o === 'string' ? o : JSON.stringify(o));
const PLAN: ForwardPlan = {
  deviceId: 'hik',
  address: '192.168.1.64',
  wants: { web: true, app: true, video: false },
  sources: [],
  rules: [
    {
      name: 'NVR App/SDK port',
      role: 'sdk',
      protocol: 'tcp',
      externalPort: 8000,
      internalAddress: '192.168.1.64',
      internalPort: 8000,
      sources: [],
      why: '',
    },
  ],
  notes: [],
  madeAt: '2026-01-01T00:00:00.000Z',
};

describe('readEchoipPort', () => {
  it('reads { ip, port, reachable } for the port asked', () => {
    expect(readEchoipPort(enc({ ip: '203.0.113.2', port: 80, reachable: false }), 80)).toEqual({
      ok: true,
      reachable: false,
      ip: '203.0.113.2',
    });
  });
  it('refuses garbage, a missing reachable, another port, and an oversized answer, in plain words', () => {
    expect(readEchoipPort(enc('<html>'), 80)).toEqual({ ok: false, error: "the checker's /port answer is not JSON" });
    expect(readEchoipPort(enc({ ip: 'x', port: 80 }), 80).ok).toBe(false);
    expect(readEchoipPort(enc({ ip: '203.0.113.2', port: 81, reachable: true }), 80)).toEqual({
      ok: false,
      error: 'the checker answered about another port than 80',
    });
    expect(readEchoipPort(new Uint8Array(17 * 1024), 80).ok).toBe(false);
    expect(readEchoipPort(enc({ ip: '<script>', port: 80, reachable: true }), 80)).toEqual({
      ok: true,
      reachable: true,
      ip: null,
    });
  });
});

interface Fake {
  deps: OutsideProofDeps;
  asked: string[];
  maxInFlight: number;
  limits: number[];
  hairpin: string[];
}

/** A checker answering from `open` (reachable), with `delayMs` per answer; a clock that advances with it. */
function fake(
  open: number[],
  over: Partial<OutsideProofDeps> & {
    delayMs?: number;
    tcpAnswers?: Record<string, 'open' | 'closed' | 'timeout'>;
  } = {},
): Fake {
  let t = 0;
  let inFlight = 0;
  const f: Fake = { deps: undefined as never, asked: [], maxInFlight: 0, limits: [], hairpin: [] };
  const get: BoundedGet = async (url, { timeoutMs, signal }) => {
    f.asked.push(url.href);
    f.limits.push(timeoutMs);
    inFlight++;
    f.maxInFlight = Math.max(f.maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, over.delayMs ?? 1));
    inFlight--;
    t += 30;
    if (signal.aborted) return { ok: false, error: 'cancelled' };
    const port = Number(/port\/(\d+)/.exec(url.pathname)![1]);
    return { ok: true, status: 200, body: enc({ ip: '203.0.113.2', port, reachable: open.includes(port) }) };
  };
  const tcp: TcpProbe = async (address, port) => {
    f.hairpin.push(`${address}:${port}`);
    return over.tcpAnswers?.[`${address}:${port}`] ?? 'closed';
  };
  f.deps = {
    get,
    tcp,
    lookup: async (host) =>
      host === 'mynvr.example' ? '203.0.113.9' : host === 'checker.example' ? '198.51.100.10' : null,
    now: () => new Date('2026-01-01T00:00:00.000Z'),
    clock: () => t,
    ...over,
  };
  return f;
}

const run = (over: Partial<OutsideProofRun> = {}): OutsideProofRun => ({
  checker: 'http://checker.example',
  name: null,
  publicAddress: '203.0.113.2',
  internetVerdict: 'public-on-router',
  plan: PLAN,
  report: null,
  mappings: null,
  signal: new AbortController().signal,
  ...over,
});

describe('the proof service', () => {
  it('asks /port/N for the planned port and each forbidden one, three at a time, each bounded to 5 s', async () => {
    const f = fake([8000]);
    const progress: string[] = [];
    const p = await createOutsideProofService(f.deps).prove(
      run({ progress: (d, t, m) => progress.push(`${d}/${t} ${inEnglish(m)}`) }),
    );
    expect(f.asked).toEqual([8000, 21, 22, 23, 80, 554].map((n) => `http://checker.example/port/${n}`));
    expect(f.maxInFlight).toBeLessThanOrEqual(3);
    expect(f.limits.every((ms) => ms === 5000)).toBe(true);
    expect(progress[0]).toBe('0/6 Asking http://checker.example/ about 6 port(s)…');
    expect(progress).toContain('6/6 Port 554: not reachable');
    expect(p.verdict.code).toBe('proven');
    expect(p.rows.find((r) => r.port === 8000)).toMatchObject({ state: 'reachable', ok: true });
  });

  it('the hairpin connects from inside to the public address on each planned port; refused = no loopback', async () => {
    const f = fake([8000]);
    const p = await createOutsideProofService(f.deps).prove(run());
    // The NVR's own address first (the tree's "does it answer inside?"), then the public address (the hairpin).
    expect(f.hairpin).toEqual(['192.168.1.64:8000', '203.0.113.2:8000']);
    expect(p.hairpin).toMatchObject({
      address: '203.0.113.2',
      loopsBack: 'no',
      rows: [{ port: 8000, result: 'refused' }],
    });
  });

  it('a planned port not reachable: the NVR is asked from inside during the proof, and its silence is the cause named', async () => {
    // The checker drops 8000 (filtered: its "no" comes after its time-out), the NVR refuses 8000 on the LAN now.
    const f = fake([], {
      delayMs: 1,
      clock: (() => {
        let t = 0;
        return () => (t += 2000);
      })(),
    });
    const p = await createOutsideProofService(f.deps).prove(run());
    const row = p.rows.find((r) => r.port === 8000)!;
    expect(row).toMatchObject({ state: 'filtered', ok: false, cause: 'nvr-silent' });
    expect(row.text).toContain('192.168.1.64:8000 gives it refused the connection now');
    expect(row.path?.map((q) => q.from)).toEqual([
      'the Internet step’s last check',
      'the UPnP step’s last audit',
      'a connect from this computer just now',
    ]);
    expect(row.path?.[2]).toEqual({
      question: 'Does the NVR answer on 192.168.1.64:8000 from inside?',
      answer: 'No: it refused the connection.',
      from: 'a connect from this computer just now',
    });
  });

  it('the NVR answers inside and the rule loops back from inside, yet outside is dropped: the cause is before the router’s rule', async () => {
    const f = fake([], {
      clock: (() => {
        let t = 0;
        return () => (t += 2000);
      })(),
      tcpAnswers: { '192.168.1.64:8000': 'open', '203.0.113.2:8000': 'open' },
    });
    const p = await createOutsideProofService(f.deps).prove(run());
    const row = p.rows.find((r) => r.port === 8000)!;
    expect(row).toMatchObject({ state: 'filtered', ok: false, cause: 'upstream-filter' });
    expect(row.path?.map((q) => q.answer)).toEqual([
      'Yes: the public address is on your router.',
      'Not known: no UPnP audit yet.',
      'Yes: it answers.',
      'It did not answer at all (the connection was dropped).',
      'Yes: the router loops it back, so the rule is entered and works.',
    ]);
  });

  it('a DDNS name is resolved and proven instead; the checker tested another address: said', async () => {
    const f = fake([8000]);
    const p = await createOutsideProofService(f.deps).prove(run({ name: 'mynvr.example' }));
    expect(p.target).toBe('203.0.113.9');
    expect(f.hairpin).toEqual(['192.168.1.64:8000', '203.0.113.9:8000']);
    expect(p.findings[0]).toMatch(/mynvr.example points at 203.0.113.9/);
    const none = await createOutsideProofService(fake([]).deps).prove(run({ name: 'nowhere.example' }));
    expect(none.findings[0]).toBe(
      'nowhere.example does not resolve to an address: the proof tests the public address instead.',
    );
  });

  it('the whole proof is bounded: out of time, the ports not asked yet are unknown, not a hang', async () => {
    const f = fake([8000], { totalMs: 30, delayMs: 25, concurrency: 1 });
    const p = await createOutsideProofService(f.deps).prove(run());
    expect(f.asked.length).toBeLessThan(6);
    const late = p.rows.filter((r) => r.state === 'unknown');
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((r) => r.evidence === 'the checker gave no answer: not asked: the proof’s 0 s ran out')).toBe(
      true,
    );
    expect(p.verdict.code).toBe('unknown');
  });

  it('cancelled: nothing more is asked and no hairpin is tried', async () => {
    const ac = new AbortController();
    ac.abort();
    const f = fake([8000]);
    await createOutsideProofService(f.deps).prove(run({ signal: ac.signal }));
    expect(f.asked).toEqual([]);
    expect(f.hairpin).toEqual([]);
  });

  it('a checker that answers HTTP 404 or garbage: unknown rows with the reason', async () => {
    const f = fake([]);
    f.deps.get = async () => ({ ok: true, status: 404, body: enc('not found') });
    const p = await createOutsideProofService(f.deps).prove(run());
    expect(p.rows.find((r) => r.port === 8000)?.evidence).toBe(
      'the checker gave no answer: /port/8000 answered HTTP 404',
    );
    expect(p.verdict.code).toBe('unknown');
  });

  it('an unusable checker address is refused before anything is contacted', async () => {
    const f = fake([]);
    await expect(createOutsideProofService(f.deps).prove(run({ checker: 'ftp://x' }))).rejects.toThrow(/not an http/);
    expect(f.asked).toEqual([]);
  });
});
