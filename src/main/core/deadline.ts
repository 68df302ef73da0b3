// A bound in time for work that must end: a signal that aborts after `ms`, or when the caller's signal does.
//
// Not `AbortSignal.any([signal, AbortSignal.timeout(ms)])`: in Node 20 a timeout signal's timer holds it only weakly,
// and `any` holds its sources weakly too, so a timeout signal nothing else refers to can be garbage collected before
// its time and never fire — a measurement that never settles then held a Verify run past its bound (seen in CI, and
// reproduced with a forced GC: tests/unit/core/deadline.test.ts). Here the timer holds its controller, so the signal
// lives until it fires or `clear` is called; the timer keeps the process alive meanwhile (a CLI waiting on a bound
// must not exit before it).

/** A signal that aborts after `ms` (reason: a TimeoutError, like AbortSignal.timeout's) or when `signal` aborts. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** True once the time ran out (not when the caller's signal aborted). */
  readonly expired: () => boolean;
  /** Stops the timer: call it when the work is over. */
  readonly clear: () => void;
}

export function deadline(ms: number, signal?: AbortSignal): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
    ms,
  );
  return {
    signal: signal ? AbortSignal.any([signal, controller.signal]) : controller.signal,
    expired: () => controller.signal.aborted,
    clear: () => clearTimeout(timer),
  };
}
