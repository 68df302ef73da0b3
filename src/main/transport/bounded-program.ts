// One run of a fixed program with fixed arguments (never through a shell), bounded in time: killed at the bound or
// when the caller cancels, its output kept up to a size, settling once and never rejecting. The free-address proof
// (services/static-ip/address-probe) and the hop probe (services/internet/hop-probe) run `ping` through it.
import { spawn as nodeSpawn } from 'node:child_process';

/** The part of a spawned process used here (Node's ChildProcess fits). */
export interface SpawnedProcess {
  stdout: { on(event: 'data', listener: (chunk: Buffer | string) => void): unknown } | null;
  stderr: { on(event: 'data', listener: (chunk: Buffer | string) => void): unknown } | null;
  on(event: 'error', listener: (err: NodeJS.ErrnoException) => void): unknown;
  on(event: 'close', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  kill(signal?: NodeJS.Signals): boolean;
}

/** Starts a fixed program with fixed arguments, never through a shell. */
export type SpawnProgram = (command: string, args: string[]) => SpawnedProcess;

/** Node's spawn: no shell, no stdin, no window, the C locale (so the output reads the same everywhere). */
export const nodeSpawnProgram: SpawnProgram = (command, args) =>
  nodeSpawn(command, args, {
    shell: false,
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
  });

/** How a bounded run ended, with what it printed (each stream cut at `maxOutput` characters). */
export type ProgramOutcome =
  | { kind: 'cancelled' }
  /** It could not be started: `error` is spawn's (ENOENT, EACCES, …). */
  | { kind: 'not-started'; error: NodeJS.ErrnoException | undefined }
  /** Still running at the bound: killed; what it printed before still counts. */
  | { kind: 'bound'; out: string; err: string }
  | { kind: 'closed'; code: number | null; out: string; err: string };

export interface BoundedRun {
  boundMs: number;
  signal: AbortSignal;
  maxOutput: number;
  /** Sets the bound's timer and returns what cancels it (a test's virtual clock); setTimeout by default. */
  setTimer?: (fn: () => void, ms: number) => () => void;
}

const realTimer = (fn: () => void, ms: number) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

/** Runs `command args` once. Settles at the bound at the latest (the process is killed); never rejects. */
export function runBounded(
  spawn: SpawnProgram,
  command: string,
  args: string[],
  { boundMs, signal, maxOutput, setTimer = realTimer }: BoundedRun,
): Promise<ProgramOutcome> {
  return new Promise((resolve) => {
    let out = '';
    let err = '';
    let done = false;
    let child: SpawnedProcess | null = null;
    let cancelTimer: () => void = () => {};
    const finish = (outcome: ProgramOutcome) => {
      if (done) return;
      done = true;
      cancelTimer();
      signal.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const stop = () => {
      try {
        child?.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    const onAbort = () => {
      stop();
      finish({ kind: 'cancelled' });
    };
    if (signal.aborted) return finish({ kind: 'cancelled' });
    try {
      child = spawn(command, args);
    } catch (e) {
      return finish({ kind: 'not-started', error: e as NodeJS.ErrnoException });
    }
    cancelTimer = setTimer(() => {
      stop();
      finish({ kind: 'bound', out, err });
    }, boundMs);
    signal.addEventListener('abort', onAbort, { once: true });
    child.stdout?.on('data', (chunk) => {
      if (out.length < maxOutput) out += String(chunk).slice(0, maxOutput);
    });
    child.stderr?.on('data', (chunk) => {
      if (err.length < maxOutput) err += String(chunk).slice(0, maxOutput);
    });
    child.on('error', (e) => finish({ kind: 'not-started', error: e }));
    child.on('close', (code) => finish({ kind: 'closed', code, out, err }));
  });
}
