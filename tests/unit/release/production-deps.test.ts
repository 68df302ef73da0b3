// The package's run-time needs (issue 16): the installers carry the built app and the production dependencies only
// (package.json "dependencies"), never devDependencies. This installs exactly that — `npm ci --omit=dev` from the npm
// cache only (never the network: a test sends nothing off this machine; the project's own `npm ci` fills the cache),
// into a scratch folder with the built out/ and bin/ — and runs the built code there with plain node: every package
// the built main imports resolves, the CLI runs a command that loads pdfkit, and the browser-mode server starts.
// What the user would lose: an installed app that crashes on a package only the developers had.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const built = existsSync('out/main/cli.js') && existsSync('out/main/server-entry.js');
const dir = mkdtempSync(join(tmpdir(), 'prod-deps-'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
let install: ReturnType<typeof spawnSync> | null = null;

/** Every package the built main-process code imports by name (not node:, not relative). */
function bareImports(): string[] {
  const files = ['out/main', 'out/main/chunks'].flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(d, f)),
  );
  const names = new Set<string>();
  for (const f of files)
    // The build drops whitespace (`from"pdfkit"`) and quotes a dynamic import's name with backticks.
    for (const m of readFileSync(f, 'utf8').matchAll(
      /from ?"([^".][^"]*)"|(?:import|require)\((["`])([^"`.][^"`]*)\2\)/g,
    )) {
      const name = (m[1] ?? m[3])!;
      if (!name.startsWith('node:'))
        names.add(
          name
            .split('/')
            .slice(0, name.startsWith('@') ? 2 : 1)
            .join('/'),
        );
    }
  return [...names].sort();
}

beforeAll(() => {
  if (!built) return;
  for (const f of ['package.json', 'package-lock.json', 'out', 'bin']) cpSync(f, join(dir, f), { recursive: true });
  install = spawnSync(
    'npm',
    ['ci', '--omit=dev', '--ignore-scripts', '--offline', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: dir, encoding: 'utf8', timeout: 170_000, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
  );
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built app with the production dependencies only', () => {
  it('the build exists (run `npm run build` first), and npm installs the production dependencies from its cache', () => {
    expect(built).toBe(true);
    expect(install?.status, `${String(install?.stderr)} (run \`npm ci\` first: it fills the cache)`).toBe(0);
    const installed = readdirSync(join(dir, 'node_modules'));
    for (const dep of Object.keys(pkg.dependencies)) expect(installed).toContain(dep.split('/')[0]);
    for (const dev of ['vitest', 'electron', 'electron-builder', 'vue', '@playwright'])
      expect(installed).not.toContain(dev);
  });

  it('every package the built main imports resolves there (electron aside: the runtime brings it)', () => {
    const names = bareImports();
    expect(names).toEqual(expect.arrayContaining(['pdfkit', 'qrcode', 'node-ssdp']));
    for (const name of names.filter((n) => n !== 'electron')) {
      expect(Object.keys(pkg.dependencies), `${name} is imported at run time`).toContain(name);
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(name)})`], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
    }
  });

  it('the CLI runs there: --version, and the checklist PDF (pdfkit, loaded when asked)', () => {
    const data = join(dir, 'data');
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['bin/nvr-assist.js', ...args], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, NVR_ASSIST_DATA_DIR: data },
      });
    const v = run(['--version']);
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout.trim()).toContain(pkg.version);
    const pdf = join(dir, 'checklist.pdf');
    const c = run(['checklist', '--out', pdf]);
    expect(c.status, c.stderr).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the browser-mode server starts there and serves the page on loopback', async () => {
    const child = spawn(process.execPath, ['out/main/server-entry.js', '--port', '0'], {
      cwd: dir,
      env: { ...process.env, NVR_ASSIST_DATA_DIR: join(dir, 'data-server') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const t = setTimeout(() => reject(new Error(`no start: ${out}`)), 15_000);
        const on = (b: Buffer) => {
          out += b.toString();
          const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
          if (!m) return;
          clearTimeout(t);
          resolve(m[1]!);
        };
        child.stdout!.on('data', on);
        child.stderr!.on('data', on);
      });
      const res = await fetch(url, { redirect: 'manual' });
      expect(res.status).toBe(303);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);
});
