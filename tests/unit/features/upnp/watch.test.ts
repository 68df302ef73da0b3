// The wait before the UPnP re-check (src/main/features/upnp/watch.ts): the seconds left as the job's progress, and a
// cancel that ends it at once. The user's harm if it broke: a countdown that lies (jumps, says 0 s and keeps waiting,
// or floods the terminal with a line a second for ten minutes), or a Cancel that leaves the app waiting minutes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countdown, countdownStep, sleepUnlessAborted } from '../../../../src/main/features/upnp/watch';

describe('the countdown’s pace (countdownStep)', () => {
  it('every second up to 30 s, then about 30 reports in all', () => {
    expect([1, 8, 30].map(countdownStep)).toEqual([1, 1, 1]);
    expect([31, 60, 61, 120, 600, 3600].map(countdownStep)).toEqual([2, 2, 3, 4, 20, 120]);
  });
});

describe('counting down (countdown)', () => {
  /** A sleep that records each wait and returns at once (or runs `during` first). */
  function fakeSleep(during?: (call: number) => void) {
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      during?.(waits.length);
    };
    return { waits, sleep };
  }

  it('8 s: reports 8, 7 … 1 s left, waits one second each, and ends done', async () => {
    const left: number[] = [];
    const { waits, sleep } = fakeSleep();
    expect(await countdown(8, new AbortController().signal, (s) => left.push(s), sleep)).toBe(true);
    expect(left).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(waits).toEqual(Array(8).fill(1000));
  });

  it('120 s: a report every 4 s, the waits adding up to exactly 120 s', async () => {
    const left: number[] = [];
    const { waits, sleep } = fakeSleep();
    await countdown(120, new AbortController().signal, (s) => left.push(s), sleep);
    expect(left).toHaveLength(30);
    expect(left.slice(0, 3)).toEqual([120, 116, 112]);
    expect(left.at(-1)).toBe(4);
    expect(waits.reduce((a, b) => a + b, 0)).toBe(120_000);
  });

  it('a wait that does not divide evenly: the last step is the remainder, the total exact', async () => {
    const left: number[] = [];
    const { waits, sleep } = fakeSleep();
    await countdown(100, new AbortController().signal, (s) => left.push(s), sleep);
    expect(left.slice(-3)).toEqual([12, 8, 4]);
    expect(waits.reduce((a, b) => a + b, 0)).toBe(100_000);
    const { waits: w2, sleep: s2 } = fakeSleep();
    await countdown(61, new AbortController().signal, () => {}, s2);
    expect(w2.at(-1)).toBe(1000);
    expect(w2.reduce((a, b) => a + b, 0)).toBe(61_000);
  });

  it('cancelled during the wait: no more reports, and it ends not done', async () => {
    const ac = new AbortController();
    const left: number[] = [];
    const { sleep } = fakeSleep((call) => {
      if (call === 3) ac.abort();
    });
    expect(await countdown(8, ac.signal, (s) => left.push(s), sleep)).toBe(false);
    expect(left).toEqual([8, 7, 6]);
  });

  it('cancelled during the last wait: not done either', async () => {
    const ac = new AbortController();
    const { sleep } = fakeSleep((call) => {
      if (call === 2) ac.abort();
    });
    expect(await countdown(2, ac.signal, () => {}, sleep)).toBe(false);
  });

  it('cancelled before it starts: nothing reported, no wait', async () => {
    const ac = new AbortController();
    ac.abort();
    const left: number[] = [];
    const { waits, sleep } = fakeSleep();
    expect(await countdown(8, ac.signal, (s) => left.push(s), sleep)).toBe(false);
    expect(left).toEqual([]);
    expect(waits).toEqual([]);
  });
});

describe('the wait itself (sleepUnlessAborted)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves after its time, not before, and leaves no timer', async () => {
    let done = false;
    const p = sleepUnlessAborted(1000, new AbortController().signal).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await p;
    expect(done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a cancel ends it at once, and leaves no timer or listener', async () => {
    const ac = new AbortController();
    const removed = vi.spyOn(ac.signal, 'removeEventListener');
    let done = false;
    const p = sleepUnlessAborted(600_000, ac.signal).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(10);
    expect(done).toBe(false);
    ac.abort();
    await p;
    expect(done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
  });

  it('already cancelled: resolves at once without a timer', async () => {
    const ac = new AbortController();
    ac.abort();
    await sleepUnlessAborted(600_000, ac.signal);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('after its time the listener is removed too', async () => {
    const ac = new AbortController();
    const removed = vi.spyOn(ac.signal, 'removeEventListener');
    const p = sleepUnlessAborted(5, ac.signal);
    await vi.advanceTimersByTimeAsync(5);
    await p;
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
  });
});
