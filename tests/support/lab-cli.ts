// The BUILT CLI (bin/nvr-assist.js, plain node) run in the lab's client namespace, bounded, for the lab suites
// that need more than a synchronous call: a deadline that SIGKILLs the whole run, its peak memory, its raw output
// bytes, and hooks to act while it runs (kill it, cut its link). Only lab namespaces: nothing here touches this
// machine's own interfaces.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const CLI = join(ROOT, 'bin', 'nvr-assist.js');
const GNU_TIME = '/usr/bin/time';
const MAX_OUTPUT = 8 * 1024 * 1024;

export interface CliRun {
  args: string[];
  /** Exit code, or null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: Buffer;
  ms: number;
  /** The deadline passed and the run was killed. */
  timedOut: boolean;
  /** Peak resident memory of the app process (MB), from GNU time; null when it was not measured. */
  peakRssMb: number | null;
}

export interface CliOptions {
  dataDir: string;
  input?: string;
  timeoutMs?: number;
  /** Wrap in /usr/bin/time to measure the peak memory (the app is then time's child, not the spawned PID). */
  measureMemory?: boolean;
  /** Called once the process is spawned, with the PID of the app itself (only without measureMemory). */
  onSpawn?: (pid: number) => void;
  /** Called with each chunk of standard error as text (progress lines). */
  onStderr?: (text: string) => void;
}

export function newDataDir(tag: string): string {
  return mkdtempSync(join(tmpdir(), `${tag}-`));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export const hasGnuTime = (): boolean => existsSync(GNU_TIME);

/**
 * Runs `nvr-assist <args>` in nvrlab-client with NVR_ASSIST_DATA_DIR. `ip netns exec` and `env` exec in place,
 * so without measureMemory the spawned PID is the app's own. The run is its own process group: at the deadline
 * the group (started here) gets SIGKILL, so nothing outlives the test.
 */
export function runCli(args: string[], options: CliOptions): Promise<CliRun> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const measure = (options.measureMemory ?? false) && hasGnuTime();
  const timeFile = measure ? join(options.dataDir, `.peak-rss-${process.hrtime.bigint()}`) : '';
  const app = [process.execPath, CLI, ...args];
  const argv = [
    'netns',
    'exec',
    'nvrlab-client',
    'env',
    `NVR_ASSIST_DATA_DIR=${options.dataDir}`,
    ...(measure ? [GNU_TIME, '-o', timeFile, '-f', '%M', ...app] : app),
  ];
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn('ip', argv, { cwd: ROOT, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => {
      if ((outBytes += c.length) <= MAX_OUTPUT) out.push(c);
    });
    child.stderr.on('data', (c: Buffer) => {
      if ((errBytes += c.length) <= MAX_OUTPUT) err.push(c);
      options.onStderr?.(c.toString('utf8'));
    });
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('spawn', () => {
      if (child.pid) options.onSpawn?.(child.pid);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      let peakRssMb: number | null = null;
      if (measure) {
        try {
          const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
          if (Number.isFinite(kb) && kb > 0) peakRssMb = Math.round(kb / 1024);
        } catch {
          // killed before time could write
        }
        rmSync(timeFile, { force: true });
      }
      resolvePromise({
        args,
        code,
        signal,
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err),
        ms: Date.now() - started,
        timedOut,
        peakRssMb,
      });
    });
  });
}

/** SIGKILL to the process group this module started (its leader's PID); quiet when it is gone already. */
export function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Characters device text must never carry to a terminal or a page: C0 (not tab/LF/CR), DEL, C1, bidi controls. */
/* eslint-disable no-control-regex -- finding control characters is the point */
export const UNSAFE_CHARS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/** Each unsafe character found, as U+XXXX with a little visible context, for a failure message (at most 10). */
export function unsafeIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(UNSAFE_CHARS)) {
    const at = m.index ?? 0;
    const context = JSON.stringify(text.slice(Math.max(0, at - 24), at + 24));
    found.push(`U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} in ${context}`);
    if (found.length >= 10) break;
  }
  return found;
}

/** Unsafe characters in raw output bytes: ESC and BEL bytes, and the decoded text's unsafe characters. */
export function unsafeInOutput(bytes: Buffer): string[] {
  const raw: string[] = [];
  if (bytes.includes(0x1b)) raw.push('byte 0x1B (ESC)');
  if (bytes.includes(0x07)) raw.push('byte 0x07 (BEL)');
  return [...raw, ...unsafeIn(bytes.toString('utf8'))];
}

/** Unsafe characters in every string of a parsed JSON value (JSON escapes ESC as \u001b: the raw bytes hide it). */
export function unsafeInJson(value: unknown, path = '$', found: string[] = []): string[] {
  if (found.length >= 10) return found;
  if (typeof value === 'string') {
    for (const f of unsafeIn(value)) found.push(`${path}: ${f}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unsafeInJson(v, `${path}[${i}]`, found));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) unsafeInJson(v, `${path}.${k}`, found);
  }
  return found.slice(0, 10);
}

/** A one-line description of a run for failure messages: what ran, how it ended, how long, how much memory. */
export function describeRun(r: CliRun): string {
  const end = r.timedOut ? `killed at the deadline` : r.signal ? `ended by ${r.signal}` : `exit ${r.code}`;
  const memory = r.peakRssMb === null ? 'peak memory not measured' : `peak RSS ${r.peakRssMb} MB`;
  const tail = (b: Buffer) => JSON.stringify(b.toString('utf8').slice(-300));
  return `nvr-assist ${r.args.join(' ')}: ${end} after ${r.ms} ms, ${memory}; stderr tail ${tail(r.stderr)}`;
}
