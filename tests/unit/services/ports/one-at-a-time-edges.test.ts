// One port at a time, at its edges (issue 17, from mutation testing): a cancel between two changes keeps what was
// done and sends nothing more; a single change asked one at a time is an ordinary change, in its own words.
import { describe, expect, it } from 'vitest';
import { portApplyResultSchema } from '../../../../src/shared/domain/ports';
import { LOGIN, device, fakeRecorder } from '../../../support/fake-nvr-ports';

describe('one port at a time, at its edges', () => {
  it('a cancel while the first port moves: that one is kept and reported, the second is never sent', async () => {
    const nvr = fakeRecorder();
    const stop = new AbortController();
    const { result } = await nvr.service.apply(
      device(),
      [
        { role: 'http', to: 18080 },
        { role: 'rtsp', to: 10554 },
      ],
      {
        credentials: LOGIN,
        signal: stop.signal,
        oneAtATime: true,
        // The user cancels once the first change is checked (its last progress line).
        progress: (done, total) => {
          if (done === total) stop.abort();
        },
      },
    );
    expect(portApplyResultSchema.parse(result).outcome).toBe('verified');
    expect(result.changes.map((c) => [c.role, c.to, c.verified])).toEqual([['http', 18080, true]]);
    expect(nvr.ports).toMatchObject({ http: 18080, rtsp: 554 });
    expect(nvr.sets).toHaveLength(1);
  });

  it('a single change asked one at a time is an ordinary change: the device’s refusal in its own words, no "each port"', async () => {
    const alone = fakeRecorder({ onSet: 'refuse-rtsp' });
    const one = await alone.service.apply(device(), [{ role: 'rtsp', to: 10554 }], {
      credentials: LOGIN,
      signal: new AbortController().signal,
      oneAtATime: true,
    });
    const plain = fakeRecorder({ onSet: 'refuse-rtsp' });
    const ordinary = await plain.service.apply(device(), [{ role: 'rtsp', to: 10554 }], {
      credentials: LOGIN,
      signal: new AbortController().signal,
    });
    expect(one.result.outcome).toBe('restored');
    expect(one.result.message).not.toMatch(/each port on its own/);
    expect(one.result.message).toBe(ordinary.result.message);
  });
});
