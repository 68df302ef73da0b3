// A bound in time that fires even when nothing but its own timer refers to it: Node 20's
// `AbortSignal.any([signal, AbortSignal.timeout(ms)])` never fired after a garbage collection (the timeout signal is
// held weakly by its timer and by `any`), and a Verify measurement that never settled held the run past its bound.
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { deadline } from '../../../src/main/core/deadline';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Collects garbage a few times while `ms` pass. */
async function collectFor(ms: number): Promise<void> {
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((r) => setTimeout(r, ms / 5));
  }
}

describe('deadline', () => {
  it('fires after its time though garbage is collected meanwhile (with the caller’s signal beside it)', async () => {
    const user = new AbortController();
    const limit = deadline(60, user.signal);
    const fired = new Promise<unknown>((resolve) =>
      limit.signal.addEventListener('abort', () => resolve(limit.signal.reason), { once: true }),
    );
    await collectFor(30);
    // Only the bound can end this wait (else the test's own time-out fails it).
    const reason = await fired;
    expect(reason).toMatchObject({ name: 'TimeoutError' });
    expect(limit.expired()).toBe(true);
    expect(user.signal.aborted).toBe(false);
    limit.clear();
  });

  it('alone, without a caller’s signal', async () => {
    const limit = deadline(40);
    const fired = new Promise<void>((resolve) =>
      limit.signal.addEventListener('abort', () => resolve(), { once: true }),
    );
    await collectFor(20);
    await fired;
    expect(limit.expired()).toBe(true);
  });

  it('the caller’s cancel aborts it at once, and is not the time running out', () => {
    const user = new AbortController();
    const limit = deadline(60_000, user.signal);
    user.abort();
    expect(limit.signal.aborted).toBe(true);
    expect(limit.expired()).toBe(false);
    limit.clear();
  });

  it('cleared, it never fires', async () => {
    const limit = deadline(1);
    limit.clear();
    await new Promise((r) => setTimeout(r, 20));
    expect(limit.signal.aborted).toBe(false);
    expect(limit.expired()).toBe(false);
  });
});
