import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { EVENT_IPC_CHANNEL } from '../../../src/shared/ipc/channels';
import { CONTENT_SECURITY_POLICY, secureWebPreferences } from '../../../src/main/electron/security';

// Runs the BUILT Electron entry (out/main/index.js) with plain node and a fake 'electron' module: catches what
// only breaks after bundling (ESM paths to the preload and renderer, the app:// handler serving the real build,
// the IPC contract end to end). The real-Electron checks are in tests/e2e/electron.spec.ts. `npm test` builds first.
const built =
  existsSync('out/main/index.js') && existsSync('out/preload/index.cjs') && existsSync('out/renderer/index.html');
const register = fileURLToPath(new URL('./fake-electron/register.mjs', import.meta.url));

interface Report {
  privileged: unknown;
  sandbox: boolean;
  webPreferences: { preload: string } & Record<string, unknown>;
  preloadExists: boolean;
  responses: { url: string; status: number; type: string; csp: string; bytes: number }[];
  ipc: Record<string, { ok: boolean; data?: Record<string, unknown>; error?: { code: string } }>;
  events: [string, string][];
  quit: boolean;
}

describe('built Electron entry under a fake electron', () => {
  let report: Report;
  let dataDir: string;

  beforeAll(() => {
    if (!built) return;
    dataDir = mkdtempSync(join(tmpdir(), 'nvr-built-main-'));
    const out = execFileSync(process.execPath, ['--import', register, 'out/main/index.js'], {
      env: { ...process.env, NVR_ASSIST_DATA_DIR: dataDir, ELECTRON_RENDERER_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const line = out.split('\n').find((l) => l.startsWith('REPORT '));
    report = JSON.parse(line!.slice('REPORT '.length)) as Report;
  });
  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('the build exists (run `npm run build` first)', () => {
    expect(built).toBe(true);
  });

  it.runIf(built)('starts sandboxed with app:// privileged and the exact webPreferences', () => {
    expect(report.sandbox).toBe(true);
    expect(report.privileged).toEqual([expect.objectContaining({ scheme: 'app' })]);
    expect(report.webPreferences).toStrictEqual(secureWebPreferences(report.webPreferences.preload));
    expect(report.webPreferences.devTools).toBe(false);
    expect(report.preloadExists).toBe(true);
  });

  it.runIf(built)('serves the built page and every asset it links over app://, all with the CSP', () => {
    const ok = report.responses.filter((r) => r.status === 200);
    expect(ok[0]).toMatchObject({ url: 'app://nvr-assist/index.html', type: 'text/html; charset=utf-8' });
    expect(ok.some((r) => r.type.startsWith('text/javascript') && r.bytes > 0)).toBe(true);
    for (const r of report.responses) expect(r.csp).toBe(CONTENT_SECURITY_POLICY);
    expect(report.responses.filter((r) => r.status !== 200)).toEqual([
      expect.objectContaining({ url: expect.stringContaining('%2fetc'), status: 404 }),
    ]);
  });

  it.runIf(built)('answers the contract over IPC for the main frame only, and forwards events', () => {
    expect(report.ipc.appInfo).toMatchObject({ ok: true, data: { mode: 'electron', version: '0.0.0-test' } });
    expect(report.ipc.subframe).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(report.ipc.reset?.ok).toBe(true);
    expect(report.events).toContainEqual([EVENT_IPC_CHANNEL, 'setup.onChanged']);
  });

  it.runIf(built)('closes the core and quits', () => {
    expect(report.quit).toBe(true);
  });
});
