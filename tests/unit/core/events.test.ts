import { describe, expect, it } from 'vitest';
import { createEventHub } from '../../../src/main/core/events';

describe('event hub', () => {
  it('delivers every event sanitised: no control, escape or bidi character from a device reaches a listener', () => {
    const hub = createEventHub();
    const seen: unknown[] = [];
    hub.subscribe((_event, payload) => seen.push(payload));
    hub.emit('discovery.onWarning', { jobId: 'job-1', message: 'Ignored \x1b[2J\x9b31man answer from \u202e10.0.0.1' });
    expect(seen).toEqual([{ jobId: 'job-1', message: 'Ignored an answer from 10.0.0.1' }]);
  });

  it('drops a malformed event instead of sending it', () => {
    const lines: string[] = [];
    const hub = createEventHub((l) => lines.push(l));
    const seen: unknown[] = [];
    hub.subscribe((_e, p) => seen.push(p));
    hub.emit('discovery.onWarning', { jobId: 'not-a-job', message: 'x' } as never);
    expect(seen).toEqual([]);
    expect(lines).toEqual(['dropped malformed event discovery.onWarning']);
  });
});
