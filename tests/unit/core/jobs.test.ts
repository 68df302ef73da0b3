import { describe, expect, it } from 'vitest';
import { createEventHub } from '../../../src/main/core/events';
import { createJobRunner } from '../../../src/main/core/jobs';
import { AppFailure } from '../../../src/shared/ipc/errors';

function setup() {
  const hub = createEventHub();
  const events: Array<[string, unknown]> = [];
  hub.subscribe((e, p) => events.push([e, p]));
  let n = 0;
  const jobs = createJobRunner(hub, () => `t${++n}`);
  const done = (jobId: string) =>
    new Promise<unknown>((resolve) => {
      const stop = hub.subscribe((e, p) => {
        if (e === 'job.onDone' && (p as { jobId: string }).jobId === jobId) {
          stop();
          resolve(p);
        }
      });
    });
  return { hub, events, jobs, done };
}

describe('job runner', () => {
  it('returns an id at once, streams progress, and reports success', async () => {
    const { jobs, events, done } = setup();
    const id = jobs.start('discovery', async ({ progress }) => {
      progress(1, 2, 'half');
      progress(2, 2, 'all');
    });
    expect(id).toBe('job-t1');
    expect(await done(id)).toEqual({ jobId: id, kind: 'discovery', outcome: 'ok', error: null });
    expect(events.filter(([e]) => e === 'job.onProgress').map(([, p]) => (p as { message: string }).message)).toEqual([
      'half',
      'all',
    ]);
    expect(jobs.running()).toEqual([]);
  });

  it('cancels through the AbortSignal', async () => {
    const { jobs, done } = setup();
    const id = jobs.start(
      'ports-audit',
      ({ signal }) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, 10_000);
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new Error('aborted'));
          });
        }),
    );
    const finished = done(id);
    expect(jobs.cancel(id)).toBe(true);
    expect(await finished).toMatchObject({ outcome: 'cancelled', error: { code: 'CANCELLED' } });
    expect(jobs.cancel(id)).toBe(false);
  });

  it('reports catalogued failures and hides unexpected ones', async () => {
    const { jobs, done } = setup();
    const a = jobs.start('discovery', async () => {
      throw new AppFailure('TIMEOUT');
    });
    expect(await done(a)).toMatchObject({ outcome: 'failed', error: { code: 'TIMEOUT' } });
    const b = jobs.start('ports-apply', async () => {
      throw new Error('/secret/path');
    });
    const r = (await done(b)) as { error: { code: string; message: string } };
    expect(r.error.code).toBe('INTERNAL');
    expect(r.error.message).not.toContain('/secret/path');
  });

  it('shutdown cancels every running job', async () => {
    const { jobs } = setup();
    let aborted = 0;
    for (let i = 0; i < 3; i++)
      jobs.start(
        'discovery-listen',
        ({ signal }) => new Promise<void>((resolve) => signal.addEventListener('abort', () => (aborted++, resolve()))),
      );
    expect(jobs.running()).toHaveLength(3);
    await jobs.shutdown(1000);
    expect(aborted).toBe(3);
    expect(jobs.running()).toEqual([]);
  });
});

describe('a job knows its own id', () => {
  it('the task is given the id that start() returns, before its first await', async () => {
    const hub = createEventHub();
    const jobs = createJobRunner(hub, () => 'fixed1');
    let seen = '';
    const id = jobs.start('discovery', async ({ jobId }) => {
      seen = jobId;
    });
    expect(seen).toBe(id);
    expect(id).toBe('job-fixed1');
    await jobs.shutdown();
  });
});
