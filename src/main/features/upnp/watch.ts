// The wait before the UPnP re-check: the seconds left, reported as the job's progress, and cancellable at any moment.

/** Waits `ms`, or less when `signal` aborts; leaves no timer or listener behind. */
export function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** How often the seconds left are reported: every second up to 30 s, then about 30 reports in all. */
export function countdownStep(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 30));
}

/**
 * Counts `seconds` down: `tick(left)` at the start and every countdownStep(seconds) seconds after (never at 0), until
 * the time is up or `signal` aborts. Resolves true when the whole wait ran, false when it was cancelled.
 */
export async function countdown(
  seconds: number,
  signal: AbortSignal,
  tick: (left: number) => void,
  sleep: (ms: number, signal: AbortSignal) => Promise<void> = sleepUnlessAborted,
): Promise<boolean> {
  const step = countdownStep(seconds);
  for (let left = seconds; left > 0; left -= step) {
    if (signal.aborted) return false;
    tick(left);
    await sleep(Math.min(step, left) * 1000, signal);
  }
  return !signal.aborted;
}
