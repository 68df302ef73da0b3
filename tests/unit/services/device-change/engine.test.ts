// The one device-change engine (ports and address changes): the order of pending, send, verify and put-back, what
// each outcome means, and that a cancel after the send still lets the put-back run (under the engine's own bound).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDeviceChange, type DeviceChangeSteps } from '../../../../src/main/services/device-change/engine';

function steps(script: {
  send?: string | null;
  verify?: string | null;
  reached?: boolean | { refused: string };
  back?: string | null;
}) {
  const log: string[] = [];
  const s: DeviceChangeSteps = {
    send: async () => (log.push('send'), script.send ?? null),
    verify: async () => (log.push('verify'), script.verify ?? null),
    restore: async () => (log.push('restore'), script.reached ?? true),
    verifyRestored: async () => (log.push('verifyRestored'), script.back ?? null),
  };
  return { s, log };
}

const run = (s: DeviceChangeSteps, log: string[], signal = new AbortController().signal) =>
  runDeviceChange({
    pending: { to: 1 },
    onChanging: async () => void log.push('pending'),
    steps: s,
    signal,
    boundMs: 60_000,
    unreachable: 'the device could not be reached',
  });

afterEach(() => vi.useRealTimers());

describe('runDeviceChange', () => {
  it('a change that takes: pending saved, then sent, then verified; nothing is put back', async () => {
    const { s, log } = steps({});
    expect(await run(s, log)).toEqual({ outcome: 'verified' });
    expect(log).toEqual(['pending', 'send', 'verify']);
  });

  it('a refused change is not verified: the snapshot is put back and checked (restored, refused)', async () => {
    const { s, log } = steps({ send: 'The device refused.' });
    expect(await run(s, log)).toEqual({ outcome: 'restored', failure: 'The device refused.', refused: true });
    expect(log).toEqual(['pending', 'send', 'restore', 'verifyRestored']);
  });

  it('a change that does not verify is put back and checked (restored, not refused)', async () => {
    const { s, log } = steps({ verify: 'The new port does not answer.' });
    expect(await run(s, log)).toEqual({
      outcome: 'restored',
      failure: 'The new port does not answer.',
      refused: false,
    });
    expect(log).toEqual(['pending', 'send', 'verify', 'restore', 'verifyRestored']);
  });

  it('a device that cannot be reached to put it back: failed, in the caller’s words, and the put-back is not checked', async () => {
    const { s, log } = steps({ verify: 'Gone.', reached: false });
    expect(await run(s, log)).toEqual({
      outcome: 'failed',
      failure: 'Gone.',
      back: 'the device could not be reached',
      reached: false,
    });
    expect(log).not.toContain('verifyRestored');
  });

  it('a put-back the device refuses: failed in the caller’s words for the refusal (not "could not be reached"), not measured', async () => {
    const { s, log } = steps({ verify: 'Gone.', reached: { refused: 'the device refused its old settings' } });
    expect(await run(s, log)).toEqual({
      outcome: 'failed',
      failure: 'Gone.',
      back: 'the device refused its old settings',
      reached: true,
    });
    expect(log).toEqual(['pending', 'send', 'verify', 'restore']);
  });

  it('a put-back that does not verify: failed, with what is wrong', async () => {
    const { s, log } = steps({ verify: 'Gone.', back: 'the old port does not answer' });
    expect(await run(s, log)).toMatchObject({ outcome: 'failed', back: 'the old port does not answer', reached: true });
  });

  it('cancelled before: nothing is saved or sent', async () => {
    const { s, log } = steps({});
    const c = new AbortController();
    c.abort();
    await expect(run(s, log, c.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(log).toEqual([]);
  });

  it('a cancel after the send stops the waiting but not the put-back: the work signal stays live until the bound', async () => {
    vi.useFakeTimers();
    const user = new AbortController();
    const seen: Array<[string, boolean, boolean]> = [];
    const s: DeviceChangeSteps = {
      send: async () => null,
      verify: async ({ user: u, work }) => {
        user.abort(); // the user cancels while the change is being checked
        seen.push(['verify', u.aborted, work.aborted]);
        return 'Cancelled while checking.';
      },
      restore: async ({ work }) => (seen.push(['restore', user.signal.aborted, work.aborted]), true),
      verifyRestored: async ({ work }) => {
        await vi.advanceTimersByTimeAsync(60_001); // past the bound
        seen.push(['verifyRestored', true, work.aborted]);
        return null;
      },
    };
    const out = await runDeviceChange({ pending: 1, steps: s, signal: user.signal, boundMs: 60_000, unreachable: '' });
    expect(out).toMatchObject({ outcome: 'restored' });
    expect(seen).toEqual([
      ['verify', true, false],
      ['restore', true, false],
      ['verifyRestored', true, true],
    ]);
  });
  it('says which phase it is in, in order: no "verifying" for a refused change, "restoring" only when putting back', async () => {
    const phases = async (script: Parameters<typeof steps>[0]) => {
      const { s } = steps(script);
      const seen: string[] = [];
      await runDeviceChange({
        pending: 1,
        steps: s,
        signal: new AbortController().signal,
        boundMs: 60_000,
        unreachable: '',
        phase: (p) => seen.push(p),
      });
      return seen;
    };
    expect(await phases({})).toEqual(['sending', 'verifying']);
    expect(await phases({ send: 'Refused.' })).toEqual(['sending', 'restoring']);
    expect(await phases({ verify: 'Wrong.' })).toEqual(['sending', 'verifying', 'restoring']);
  });

  it('the pending record saved before the send is exactly the caller’s, and the send waits until it is saved', async () => {
    const order: string[] = [];
    const pending = { deviceId: 'dev-1', to: '192.0.2.80' };
    let saved: unknown = null;
    const { s } = steps({});
    const send = s.send;
    s.send = async (signals) => (order.push('send'), send(signals));
    await runDeviceChange({
      pending,
      onChanging: async (p) => {
        await Promise.resolve();
        saved = p;
        order.push('saved');
      },
      steps: s,
      signal: new AbortController().signal,
      boundMs: 60_000,
      unreachable: '',
    });
    expect(saved).toBe(pending);
    expect(order).toEqual(['saved', 'send']);
  });

  it('leaves no timer behind once the change is done: nothing aborts later, nothing keeps the app waiting for the bound', async () => {
    vi.useFakeTimers();
    for (const script of [{}, { send: 'Refused.' }, { verify: 'Wrong.', reached: false }]) {
      let work: AbortSignal | null = null;
      const { s } = steps(script);
      const send = s.send;
      s.send = async (signals) => ((work = signals.work), send(signals));
      await runDeviceChange({
        pending: 1,
        steps: s,
        signal: new AbortController().signal,
        boundMs: 60_000,
        unreachable: 'x',
      });
      expect(vi.getTimerCount()).toBe(0);
      await vi.advanceTimersByTimeAsync(120_000);
      expect((work as AbortSignal | null)?.aborted).toBe(false);
    }
  });

  it('the work signal is aborted at the bound while a step still runs (a put-back that hangs is not waited on forever)', async () => {
    vi.useFakeTimers();
    const { s } = steps({ verify: 'Wrong.' });
    s.restore = ({ work }) =>
      new Promise<boolean>((resolve) => work.addEventListener('abort', () => resolve(false), { once: true }));
    const done = runDeviceChange({
      pending: 1,
      steps: s,
      signal: new AbortController().signal,
      boundMs: 30_000,
      unreachable: 'Out of time.',
    });
    let out: unknown = null;
    void done.then((o) => (out = o));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(out).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(out).toEqual({ outcome: 'failed', failure: 'Wrong.', back: 'Out of time.', reached: false });
  });
});
