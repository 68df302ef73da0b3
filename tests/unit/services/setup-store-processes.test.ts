import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSetupStore } from '../../../src/main/services/setup-store';
import type { SetupRecord } from '../../../src/shared/domain/setup';
import { setupRecordSchema } from '../../../src/shared/domain/setup';
import { bundleSetupStore, WRITER_SCRIPT } from './setup-store-bundle';

// Separate Node processes using one setup.json at once, as the app, the browser-mode server and the CLI do. Each
// child runs its own copy of the store (compiled to plain JavaScript), so nothing is shared but the file.

let storeModule = '';
const made: string[] = [];
beforeAll(async () => {
  storeModule = await bundleSetupStore();
  made.push(dirname(storeModule));
}, 60_000);
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'setup-procs-'));
  made.push(dir);
  return join(dir, 'setup.json');
}

interface WriterResult {
  code: number | null;
  done: number;
  failed: string[];
  stderr: string;
  ms: number;
}

/** Runs one writer process; killed (and so failed) if it takes longer than `timeoutMs`. */
function runWriter(file: string, args: string[], timeoutMs = 25_000, onStart?: (kill: () => void) => void) {
  return new Promise<WriterResult>((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [WRITER_SCRIPT, storeModule, file, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    onStart?.(() => child.kill('SIGKILL'));
    child.on('close', (code) => {
      clearTimeout(timer);
      let report: { done: number; failed: string[]; keepsAlive?: string[] } = { done: 0, failed: ['no report'] };
      try {
        report = JSON.parse(stdout.trim().split('\n').pop() ?? '');
      } catch {
        // keep the default: the assertion shows stderr
      }
      resolve({ code, ...report, stderr, ms: performance.now() - t0 });
    });
  });
}

const idsIn = (file: string) =>
  new Set(setupRecordSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).devices.map((d) => d.id));
const expectedIds = (names: string[], n: number) =>
  names.flatMap((name) => Array.from({ length: n }, (_, i) => `${name}-${i}`));

/** Waits (bounded) until `check` holds. */
async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

describe('setup record used by several processes at once', () => {
  it('keeps every change: 3 processes × 50 updates, nothing lost, the file valid', async () => {
    const file = tempFile();
    const N = 50;
    const names = ['app', 'server', 'cli'];
    const results = await Promise.all(names.map((name) => runWriter(file, ['devices', name, String(N)])));
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0, done: N, failed: [] });
    const ids = idsIn(file);
    expect(expectedIds(names, N).filter((id) => !ids.has(id))).toEqual([]);
    expect(ids.size).toBe(names.length * N);
    expect(readdirSync(dirname(file))).toEqual(['setup.json']); // no lock or temporary file left behind
  }, 60_000);

  it('a writer killed while it holds the lock does not block the others: its lock is broken as stale', async () => {
    const file = tempFile();
    let kill = () => {};
    const hung = runWriter(file, ['hang'], 20_000, (k) => (kill = k));
    try {
      expect(await until(() => existsSync(`${file}.holding`), 10_000)).toBe(true);
      expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8')).pid).toBe(
        Number(readFileSync(`${file}.holding`, 'utf8')),
      );
    } finally {
      kill();
    }
    expect((await hung).code).toBeNull(); // killed
    expect(existsSync(`${file}.lock`)).toBe(true); // left behind by the dead writer
    const N = 20;
    const others = await Promise.all(['app', 'cli'].map((name) => runWriter(file, ['devices', name, String(N)])));
    for (const r of others) expect(r, r.stderr).toMatchObject({ code: 0, done: N, failed: [] });
    const ids = idsIn(file);
    expect(expectedIds(['app', 'cli'], N).filter((id) => !ids.has(id))).toEqual([]);
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 60_000);

  it('the running app’s next change keeps what the CLI chose meanwhile, and its load() sees it', async () => {
    const file = tempFile();
    const app = createSetupStore(file);
    await app.update((d) => (d.interfaceName = 'eth0'));
    expect((await app.load()).setup.approach).toBeNull();
    expect(await runWriter(file, ['approach', 'vendor-cloud'])).toMatchObject({ code: 0, done: 1 });
    expect((await app.load()).setup.approach).toBe('vendor-cloud');
    await app.update((d) => (d.interfaceName = 'wlan0'));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ approach: 'vendor-cloud', interfaceName: 'wlan0' });
  }, 30_000);

  it('the watch calls back for another process’s change, and not for its own', async () => {
    const file = tempFile();
    const app = createSetupStore(file);
    await app.update((d) => (d.interfaceName = 'eth0'));
    const seen: SetupRecord[] = [];
    const stop = app.watch((record) => seen.push(record));
    try {
      await app.update((d) => (d.approach = 'vpn'));
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(seen).toEqual([]);
      expect(await runWriter(file, ['approach', 'vendor-cloud'])).toMatchObject({ code: 0, done: 1 });
      expect(await until(() => seen.length > 0, 5_000)).toBe(true);
      expect(seen.at(-1)).toMatchObject({ approach: 'vendor-cloud', interfaceName: 'eth0' });
      const count = seen.length;
      await app.update((d) => (d.interfaceName = 'wlan0'));
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(seen).toHaveLength(count);
    } finally {
      stop();
    }
  }, 30_000);

  it('a process that watches and then ends exits at once: the watch keeps nothing alive', async () => {
    const r = await runWriter(tempFile(), ['watch'], 10_000);
    // It ended by itself (not killed at the 10 s limit), and once the watch began nothing held its event loop: the
    // watch's poll timer and file watcher are unref'd.
    expect(r, r.stderr).toMatchObject({ code: 0, done: 1, failed: [], keepsAlive: [] });
  }, 15_000);
});
