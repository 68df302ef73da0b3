import { english } from '../../shared/i18n/english';
import { saidSchema, type Words } from '../../shared/i18n/said';
import type { JobKind } from '../../shared/ipc/contract';
import { AppFailure, isAppFailure } from '../../shared/ipc/errors';
import type { EventHub } from './events';

export interface JobContext {
  /** This job's own id (for the events it emits). */
  jobId: string;
  signal: AbortSignal;
  /**
   * Report progress; `total` null when unknown. Throttling is the caller's concern. Words said by key travel with
   * their English sentence (the page and the CLI say them in their user's language).
   */
  progress(done: number, total: number | null, words: Words): void;
}

export type JobTask = (ctx: JobContext) => Promise<void>;

export interface JobRunner {
  /** Starts the task and returns its id at once; progress and the end arrive as job.* events. */
  start(kind: JobKind, task: JobTask): string;
  cancel(jobId: string): boolean;
  /** Ids of jobs still running. */
  running(): string[];
  /** Cancels everything (app shutdown) and waits, bounded, for tasks to settle. */
  shutdown(timeoutMs?: number): Promise<void>;
}

export function createJobRunner(hub: EventHub, newId: () => string, log: (line: string) => void = () => {}): JobRunner {
  const jobs = new Map<string, { controller: AbortController; done: Promise<void> }>();

  return {
    start(kind, task) {
      const jobId = `job-${newId()}`;
      const controller = new AbortController();
      const ctx: JobContext = {
        jobId,
        signal: controller.signal,
        progress(done, total, words) {
          if (controller.signal.aborted) return;
          const message = (typeof words === 'string' ? words : english(words)).slice(0, 500);
          // Words by key cross only within the contract's bounds (a value past them: main's English alone).
          const said = typeof words !== 'string' && saidSchema.safeParse(words).success ? { said: words } : {};
          hub.emit('job.onProgress', { jobId, kind, done, total, message, ...said });
        },
      };
      const done = (async () => {
        try {
          await task(ctx);
          if (controller.signal.aborted) throw new AppFailure('CANCELLED');
          hub.emit('job.onDone', { jobId, kind, outcome: 'ok', error: null });
        } catch (err) {
          if (controller.signal.aborted) {
            hub.emit('job.onDone', {
              jobId,
              kind,
              outcome: 'cancelled',
              error: { code: 'CANCELLED', message: new AppFailure('CANCELLED').message },
            });
          } else {
            const failure = isAppFailure(err) ? err : new AppFailure('INTERNAL');
            if (!isAppFailure(err)) log(`job ${kind} failed: ${err instanceof Error ? err.name : typeof err}`);
            hub.emit('job.onDone', {
              jobId,
              kind,
              outcome: 'failed',
              error: {
                code: failure.code,
                message: failure.message,
                ...(failure.said ? { said: failure.said } : {}),
                ...(failure.said && failure.parts?.length ? { parts: [...failure.parts] } : {}),
              },
            });
          }
        } finally {
          jobs.delete(jobId);
        }
      })();
      jobs.set(jobId, { controller, done });
      return jobId;
    },
    cancel(jobId) {
      const job = jobs.get(jobId);
      if (!job) return false;
      job.controller.abort();
      return true;
    },
    running() {
      return [...jobs.keys()];
    },
    async shutdown(timeoutMs = 3000) {
      const pending = [...jobs.values()];
      for (const job of pending) job.controller.abort();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled(pending.map((j) => j.done)),
        new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
    },
  };
}
