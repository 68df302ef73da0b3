// The one device-change engine: how every change the app sends to a device (its ports, its address) is made. The
// caller has already taken a snapshot and passed the change gate; the engine saves the change as pending before
// anything is sent (so a crash between send and verify is found out at the next start), sends it, verifies it by
// measurement, and on any failure puts the snapshot back and verifies that too. Once the change may have reached
// the device, a cancel no longer stops the work half-way: the put-back runs under a bounded signal of its own.
import { AppFailure } from '../../../shared/ipc/errors';

/** The signals a step runs under: the user's (stop waiting, then put back) and the engine's own bounded one. */
export interface ChangeSignals {
  /** Aborted when the user cancels: a verification stops waiting and the change is put back. */
  user: AbortSignal;
  /** Aborted only at the engine's bound: what must finish (the put-back) runs under it. */
  work: AbortSignal;
}

export interface DeviceChangeSteps {
  /** Sends the change. Returns why the device refused it, or null when it took it (or its answer was lost). */
  send(signals: ChangeSignals): Promise<string | null>;
  /** Checks by measurement that the change took. Returns what is wrong, or null: verified. */
  verify(signals: ChangeSignals): Promise<string | null>;
  /**
   * Puts the snapshot back. Returns true when the device took it, false when it could not be reached to do it, and
   * `{ refused }` when it answered with a refusal (`refused` says so in plain words: it becomes the failure's `back`).
   */
  restore(signals: ChangeSignals): Promise<boolean | { refused: string }>;
  /** Checks by measurement that the snapshot is back. Returns what is wrong, or null: verified. */
  verifyRestored(signals: ChangeSignals): Promise<string | null>;
}

export type ChangeOutcome =
  | { outcome: 'verified' }
  /** The change did not take (`failure` says why) and the snapshot is back, verified. */
  | { outcome: 'restored'; failure: string; refused: boolean }
  /**
   * The change did not take, and the put-back could not be verified either (`back` says why); `reached`: the device
   * answered the put-back (it took it, or refused it).
   */
  | { outcome: 'failed'; failure: string; back: string; reached: boolean };

export type ChangePhase = 'sending' | 'verifying' | 'restoring';

export interface DeviceChangeRun<P> {
  /** What is saved before the device is told (the caller's pending record). */
  pending: P;
  /** Saves `pending` (awaited): from then on the change counts as sent. */
  onChanging?: (pending: P) => Promise<void>;
  steps: DeviceChangeSteps;
  signal: AbortSignal;
  /** The bound on everything after the send, a put-back included (ms). */
  boundMs: number;
  /** What to say when the device could not be reached to put the snapshot back. */
  unreachable: string;
  phase?: (phase: ChangePhase) => void;
}

/** Runs one change through pending → send → verify → (put back → verify the put-back). */
export async function runDeviceChange<P>(run: DeviceChangeRun<P>): Promise<ChangeOutcome> {
  if (run.signal.aborted) throw new AppFailure('CANCELLED');
  await run.onChanging?.(run.pending);
  const guard = new AbortController();
  const timer = setTimeout(() => guard.abort(), run.boundMs);
  const signals: ChangeSignals = { user: run.signal, work: guard.signal };
  try {
    run.phase?.('sending');
    const refusal = await run.steps.send(signals);
    let failure = refusal;
    if (failure === null) {
      run.phase?.('verifying');
      failure = await run.steps.verify(signals);
    }
    if (failure === null) return { outcome: 'verified' };
    run.phase?.('restoring');
    const put = await run.steps.restore(signals);
    // A put-back the device refused is not measured: it said it did not take it.
    const back = put === true ? await run.steps.verifyRestored(signals) : put === false ? run.unreachable : put.refused;
    return back === null
      ? { outcome: 'restored', failure, refused: refusal !== null }
      : { outcome: 'failed', failure, back, reached: put !== false };
  } finally {
    clearTimeout(timer);
  }
}
