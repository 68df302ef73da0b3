import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkReportSchema } from '../../../src/shared/domain/network';
import { ERROR_MESSAGES } from '../../../src/shared/ipc/errors';
import { startBuiltServer, type RunningServer } from '../../support/browser-mode';

// Runs the BUILT main-process code with plain `node`, as users do: catches CommonJS named-import crashes and
// anything else that only breaks after bundling. `npm test` builds first.
const built = existsSync('out/main/cli.js') && existsSync('out/main/server-entry.js');

/** Opens the printed one-time address as a browser does and returns the session secret its cookie holds. */
async function signIn(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(303);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('nvr_assist_session='));
  expect(cookie).toMatch(/HttpOnly/);
  return cookie!.split(';')[0]!.slice('nvr_assist_session='.length);
}

describe('built entry points under plain node', () => {
  it('the build exists (run `npm run build` first)', () => {
    expect(built).toBe(true);
  });

  it('nvr-assist network --json prints this machine’s real interfaces', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'smoke-'));
    const out = execFileSync(process.execPath, ['bin/nvr-assist.js', 'network', '--json'], {
      env: { ...process.env, NVR_ASSIST_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 20_000,
    });
    const report = networkReportSchema.parse(JSON.parse(out));
    const names = report.interfaces.map((i) => i.name);
    for (const name of Object.keys(os.networkInterfaces())) expect(names).toContain(name);
    for (const [name, infos] of Object.entries(os.networkInterfaces())) {
      const v4 = (infos ?? []).filter((i) => i.family === 'IPv4').map((i) => i.address);
      expect(report.interfaces.find((i) => i.name === name)?.ipv4.map((a) => a.address)).toEqual(v4);
    }
  });

  it('`npm run serve` points at the built browser-mode entry, which starts and prints its address', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    const m = /^node (\S+\.js)(?:\s|$)/.exec(pkg.scripts.serve ?? '');
    expect(m, 'scripts.serve is `node <built file>`').not.toBeNull();
    const target = m![1]!;
    expect(existsSync(target), `${target} exists after \`npm run build\``).toBe(true);
    const child = spawn(process.execPath, [target, '--port', '0'], {
      env: { ...process.env, NVR_ASSIST_DATA_DIR: mkdtempSync(join(tmpdir(), 'smoke-serve-')) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const printed = await new Promise<string>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`no address within 15 s: ${output}`)), 15_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const url = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output)?.[1];
          if (url) {
            clearTimeout(timer);
            resolve(url);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`exited (${code}): ${output}`));
        });
      });
      expect(printed).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  });

  it.each([
    ['a throw', "setTimeout(() => { throw new Error('EACCES /home/alice/S3cr3t') }, 300)"],
    ['a rejection', "setTimeout(() => Promise.reject(new Error('EACCES /home/alice/S3cr3t')), 300)"],
  ])('%s outside a command ends the CLI with catalogued words, never the exception text', (_kind, code) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NVR_ASSIST_DATA_DIR: mkdtempSync(join(tmpdir(), 'smoke-')) };
    delete env.NVR_ASSIST_DEBUG;
    const r = spawnSync(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(code)}`, 'bin/nvr-assist.js', 'version'],
      { encoding: 'utf8', timeout: 20_000, env },
    );
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`Error: ${ERROR_MESSAGES.INTERNAL}\n`);
    expect(r.stderr).not.toMatch(/S3cr3t|alice|EACCES|at /);
  });

  it('an unknown command exits 2 with usage', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, ['bin/nvr-assist.js', 'frobnicate'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      status = (err as { status: number }).status;
      stderr = String((err as { stderr: string }).stderr);
    }
    expect(status).toBe(2);
    expect(stderr).toContain('Usage: nvr-assist');
  });

  describe('browser-mode server', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startBuiltServer();
    });
    afterAll(async () => server?.stop());

    it('serves the UI and the same network data with the token, and refuses without it', async () => {
      // The printed address works once: exchanged (as a browser does) for the session secret in a cookie.
      const session = await signIn(server.url);
      const denied = await fetch(`${server.origin}/api/invoke/network.get`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(denied.status).toBe(401);
      const res = await fetch(`${server.origin}/api/invoke/network.get`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session}` },
        body: '{}',
      });
      const body = (await res.json()) as { ok: boolean; data: unknown };
      expect(body.ok).toBe(true);
      const report = networkReportSchema.parse(body.data);
      expect(report.interfaces.map((i) => i.name).sort()).toEqual(
        expect.arrayContaining(Object.keys(os.networkInterfaces())),
      );
      const page = await fetch(`${server.origin}/`, { headers: { cookie: `nvr_assist_session=${session}` } });
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<script type="module"[^>]+src="\.?\/?assets\//);
    });

    it('refuses the printed address a second time, and never takes the URL token as a key', async () => {
      const again = await fetch(server.url, { redirect: 'manual' });
      expect(again.status).toBe(403);
      expect(await again.text()).toContain('npm start');
      const bearer = await fetch(`${server.origin}/api/invoke/network.get`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
        body: '{}',
      });
      expect(bearer.status).toBe(401);
    });
  });
});
