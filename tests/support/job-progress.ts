// A task's progress events as main's real job runner and event hub send them (`job.onProgress`: main's English and,
// where said by key, its key and values), for the tests of what the page and the CLI make of main's own lines.
import { createEventHub } from '../../src/main/core/events';
import { createJobRunner, type JobTask } from '../../src/main/core/jobs';
import type { EventPayload, JobKind } from '../../src/shared/ipc/contract';

export type ProgressPayload = EventPayload<'job.onProgress'>;

/** Runs `task` as the job `kind` and hands back its progress events (their job id `jobId`) once it ended well. */
export async function progressOf(kind: JobKind, jobId: string, task: JobTask): Promise<ProgressPayload[]> {
  const hub = createEventHub();
  const lines: ProgressPayload[] = [];
  const ended = new Promise<EventPayload<'job.onDone'>>((resolve) =>
    hub.subscribe((event, payload) => {
      if (event === 'job.onProgress') lines.push({ ...(payload as ProgressPayload), jobId });
      if (event === 'job.onDone') resolve(payload as EventPayload<'job.onDone'>);
    }),
  );
  createJobRunner(hub, () => 'progress').start(kind, task);
  const done = await ended;
  if (done.outcome !== 'ok') throw new Error(`the job ended ${done.outcome}: ${done.error?.message ?? ''}`);
  return lines;
}
