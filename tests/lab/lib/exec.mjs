// Small wrappers around child_process for the lab: every call is bounded in time and never uses a shell.
import { spawnSync } from 'node:child_process';

/**
 * Run a command and wait for it (bounded).
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ input?: string, allowFail?: boolean, timeoutMs?: number, env?: NodeJS.ProcessEnv }} [opts]
 * @returns {{ code: number, stdout: string, stderr: string }}
 */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {
    input: opts.input,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 20_000,
    killSignal: 'SIGKILL',
    env: opts.env ?? process.env,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.error) {
    if (opts.allowFail) return { code: 127, stdout: '', stderr: String(r.error.message) };
    throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  }
  const code = r.status ?? 128 + 9;
  const out = { code, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  if (code !== 0 && !opts.allowFail) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${code}: ${out.stderr.trim() || out.stdout.trim()}`);
  }
  return out;
}

/** `ip …` in the host namespace (only ever used for namespace management and read-only listings). */
export const ip = (args, opts) => run('ip', args, opts);

/** `ip -n NS …`: an ip command that acts inside namespace NS only. */
export const ipn = (ns, args, opts) => run('ip', ['-n', ns, ...args], opts);

/** Run a command inside namespace NS. */
export const nsRun = (ns, cmd, args, opts) => run('ip', ['netns', 'exec', ns, cmd, ...args], opts);

/** Feed many `ip` commands to one `ip -n NS -batch -` (fast, stops at the first error). */
export function ipBatch(ns, lines) {
  if (lines.length === 0) return;
  run('ip', ['-n', ns, '-batch', '-'], { input: lines.join('\n') + '\n' });
}

/** Does a command exist on PATH (or as an absolute path)? */
export function haveCommand(name) {
  return run('sh', ['-c', 'command -v "$1"', 'sh', name], { allowFail: true }).code === 0;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Poll until `check()` returns a truthy value, at most `timeoutMs`. Returns that value or throws.
 * @template T
 * @param {() => T | Promise<T>} check
 * @param {{ timeoutMs: number, intervalMs?: number, what: string, abort?: () => void }} opts
 * @returns {Promise<T>}
 */
export async function waitFor(check, { timeoutMs, intervalMs = 50, what, abort }) {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; i < 100_000; i++) {
    abort?.();
    const v = await check();
    if (v) return v;
    if (Date.now() >= deadline) break;
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
