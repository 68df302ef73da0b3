import { computed, reactive, ref } from 'vue';
import * as client from '../api/client';
import type { EventName, EventPayload, JobKind } from '../../shared/ipc/contract';
import type { AppError, Result } from '../../shared/ipc/result';
import { inPageWords } from '../components/page-words';
import { sayIn } from '../../shared/i18n/said';
import { t } from './useT';

/** How far a job is, as main last said it. */
export interface JobProgress {
  done: number;
  total: number | null;
  message: string;
}

export type JobEnd = EventPayload<'job.onDone'>;
export type JobOutcome = JobEnd['outcome'];

/** The events that belong to one job (their payload names it), besides its progress and its end. */
export type JobEventName = {
  [E in EventName]: E extends 'job.onProgress' | 'job.onDone'
    ? never
    : EventPayload<E> extends { jobId: string }
      ? E
      : never;
}[EventName];
export type JobEventHandlers = { [E in JobEventName]?: (payload: EventPayload<E>) => void };

export interface JobOptions {
  /** The kind of main's job this follows: progress and ends of other kinds are never taken. */
  kind: JobKind;
  /** This job's other events (devices, reports…), each handled once the job is known to be ours. */
  events?: JobEventHandlers;
  /**
   * After the job ended, with the state already updated: its end, or null when it ended without us hearing how
   * (a cancel that came too late). A returned promise is awaited by `cancel`.
   */
  onEnd?: (end: JobEnd | null) => void | Promise<void>;
  /** Events kept while the start is on its way (the first ones can arrive before its answer). */
  maxBuffered?: number;
}

export interface StartOptions<T> {
  /** The progress line until main says more. */
  message?: string;
  /** Called with main's answer before the early events are replayed (to clear what the last run showed). */
  onStarted?: (data: T) => void;
  /** Whether to follow the job main answered with; when not, its early events are dropped and nothing changes. */
  accept?: (data: T) => boolean;
}

type Buffered = { name: EventName; payload: { jobId: string } };

/**
 * One long job in main, followed from the page: start it (the start channel answers with its id), keep the events
 * that arrive before that answer and replay those of our job, follow its progress, cancel it (`job.cancel`), and
 * take its end (ok, failed or cancelled) with the error in the page's words. Events of other jobs are ignored.
 * Returns a reactive object, so a store can hand it out as is (`store.auditJob.running`).
 */
export function useJob(options: JobOptions) {
  const maxBuffered = options.maxBuffered ?? 1000;
  const id = ref<string | null>(null);
  const starting = ref(false);
  const cancelling = ref(false);
  const progress = ref<JobProgress | null>(null);
  const outcome = ref<JobOutcome | null>(null);
  /** Why the job could not start, failed, or could not be cancelled (code and main's message). */
  const error = ref<AppError | null>(null);
  const running = computed(() => id.value !== null);
  /** Starting or running: another start is refused meanwhile. */
  const busy = computed(() => running.value || starting.value);
  /** The error in the page's words (see components/page-words.ts). */
  const errorText = computed(() => (error.value ? inPageWords(error.value) : null));

  let buffered: Buffered[] = [];
  let unsubscribers: (() => void)[] = [];
  /** Who waits for a job's end, by job id (a cancel that waits). */
  const waiters = new Map<string, () => void>();

  function end(payload: JobEnd): void {
    id.value = null;
    cancelling.value = false;
    outcome.value = payload.outcome;
    error.value = payload.outcome === 'failed' ? (payload.error as AppError | null) : null;
    void options.onEnd?.(payload);
  }

  function apply({ name, payload }: Buffered): void {
    if (name === 'job.onProgress') {
      const { done, total, message, said } = payload as EventPayload<'job.onProgress'>;
      // main's line in the page's language where it said it by key (its English sentence otherwise).
      progress.value = { done, total, message: sayIn({ t }, said, message) };
    } else if (name === 'job.onDone') {
      end(payload as JobEnd);
    } else {
      const handler = options.events?.[name as JobEventName] as ((p: unknown) => void) | undefined;
      handler?.(payload);
    }
  }

  function receive(event: Buffered): void {
    if (event.name === 'job.onProgress' || event.name === 'job.onDone') {
      if ((event.payload as unknown as { kind: string }).kind !== options.kind) return;
      if (event.name === 'job.onDone') waiters.get(event.payload.jobId)?.();
    }
    if (id.value !== null && event.payload.jobId === id.value) apply(event);
    else if (starting.value && id.value === null && buffered.length < maxBuffered) buffered.push(event);
  }

  function subscribe(): void {
    if (unsubscribers.length) return;
    const names: EventName[] = ['job.onProgress', 'job.onDone', ...(Object.keys(options.events ?? {}) as EventName[])];
    unsubscribers = names.map((name) =>
      client.onEvent(name, (payload) => receive({ name, payload: payload as { jobId: string } })),
    );
  }

  /** Stops following main's events (the job itself goes on in main). */
  function unsubscribe(): void {
    for (const off of unsubscribers) off();
    unsubscribers = [];
  }

  /**
   * Starts a job with `call` (its start channel). Main's answer, or null when it refused (the reason is in
   * `error`) or a job of this follower is already starting or running.
   */
  async function start<T extends { jobId: string }>(
    call: () => Promise<Result<T>>,
    startOptions: StartOptions<T> = {},
  ): Promise<T | null> {
    if (busy.value) return null;
    subscribe();
    starting.value = true;
    buffered = [];
    error.value = null;
    try {
      const result = await call();
      if (!result.ok) {
        error.value = result.error;
        return null;
      }
      const data = result.data;
      if (startOptions.accept && !startOptions.accept(data)) return data;
      outcome.value = null;
      cancelling.value = false;
      progress.value = { done: 0, total: null, message: startOptions.message ?? t('components.starting') };
      startOptions.onStarted?.(data);
      id.value = data.jobId;
      const early = buffered.filter((e) => e.payload.jobId === data.jobId);
      buffered = [];
      starting.value = false;
      for (const event of early) apply(event);
      return data;
    } finally {
      starting.value = false;
      buffered = [];
    }
  }

  /** Follows a job main says is running (started before a reload), from now on. */
  function follow(jobId: string, message = t('components.working')): void {
    if (id.value === jobId) return;
    subscribe();
    id.value = jobId;
    outcome.value = null;
    progress.value ??= { done: 0, total: null, message };
  }

  /** Resolves when job `jobId` ends, or after `ms` at the latest. */
  function endOf(jobId: string, ms: number): { ended: Promise<void>; settle: () => void } {
    let settle = (): void => undefined;
    const ended = new Promise<void>((resolve) => {
      const timer = setTimeout(() => settle(), ms);
      settle = () => {
        clearTimeout(timer);
        waiters.delete(jobId);
        resolve();
      };
      waiters.set(jobId, settle);
    });
    return { ended, settle };
  }

  /**
   * Asks main to stop the job (or, with `jobId`, another job this follower was handed and did not accept). The end
   * comes as job.onDone; with `waitMs`, this waits for it (bounded) and then counts the job as ended. If main says
   * the job had already ended, its state is taken as ended (onEnd(null)). False when nothing was running or main
   * refused (the reason is in `error`).
   */
  async function cancel(cancelOptions: { waitMs?: number; jobId?: string } = {}): Promise<boolean> {
    const target = cancelOptions.jobId ?? id.value;
    if (!target) return false;
    const ours = target === id.value;
    if (ours) cancelling.value = true;
    const wait = cancelOptions.waitMs === undefined ? null : endOf(target, cancelOptions.waitMs);
    const result = await client.cancelJob(target);
    if (!result.ok) {
      wait?.settle();
      if (ours) {
        cancelling.value = false;
        error.value = result.error;
      }
      return false;
    }
    if (result.data.cancelled && wait) await wait.ended;
    else wait?.settle();
    if (id.value === target && (wait || !result.data.cancelled)) {
      // It had already ended (the end event was missed), or it did not say so in time: it is over for us.
      id.value = null;
      cancelling.value = false;
      await options.onEnd?.(null);
    }
    return true;
  }

  function clearError(): void {
    error.value = null;
  }

  return reactive({
    id,
    kind: options.kind,
    starting,
    cancelling,
    progress,
    outcome,
    error,
    errorText,
    running,
    busy,
    start,
    follow,
    cancel,
    clearError,
    unsubscribe,
  });
}

/** A followed job as a store hands it out (reactive: read `job.running`, not `job.running.value`). */
export type Job = ReturnType<typeof useJob>;
