// `npm run bench -- app` (issue 16, "fast to open and light"): the built app in browser mode, as users open it.
//   bundle       what the first screen downloads (index.html's script, module preloads and styles), raw and gzip,
//                beside the whole renderer; goal: the first screen as small as the routes allow.
//   first paint  first contentful paint and the time until the first step's heading is on screen, in Debian's
//                Chromium against the built server on loopback (warm server, a fresh browser context each run),
//                beside the anchor: the same Chromium painting a one-line page (its floor). Goal: ≤ 0.5 s.
//   memory       main's resident memory (the server process) after a search that finds the lab's 250 simulated
//                devices: only with the lab up in its `scale` profile (`npm run lab -- up --profile scale`);
//                otherwise it says so and skips. Goal: ≤ 150 MB.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

/** The files index.html makes the browser fetch before the first screen can run. */
function bundle() {
  const dir = 'out/renderer';
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const size = (files) =>
    files.reduce(
      (acc, f) => {
        const b = readFileSync(join(dir, f));
        return { raw: acc.raw + b.length, gzip: acc.gzip + gzipSync(b).length };
      },
      { raw: 0, gzip: 0 },
    );
  const all = spawnSync('sh', ['-c', `ls ${dir}/assets`], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => `assets/${f}`);
  return { initial: size(initial), initialFiles: initial.length, all: size(all), allFiles: all.length };
}

/** The built browser-mode server (loopback, or in a lab namespace), its sign-in address and PID. */
function startServer(netns = null) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-app-'));
  const args = ['out/main/server-entry.js', '--port', '0'];
  const [cmd, argv] = netns ? ['ip', ['netns', 'exec', netns, process.execPath, ...args]] : [process.execPath, args];
  const child = spawn(cmd, argv, {
    env: { ...process.env, NVR_ASSIST_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${out}`)), 20_000);
    const on = (chunk) => {
      out += chunk;
      const m = /Open: (http:\/\/[\d.]+:\d+\/\?token=[\w-]+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1],
        origin: new URL(m[1]).origin,
        pid: child.pid,
        stop: () => {
          child.kill('SIGTERM');
          rmSync(dataDir, { recursive: true, force: true });
        },
      });
    };
    child.stdout.on('data', on);
    child.stderr.on('data', on);
  });
}

/** The session secret the one-time address is exchanged for (as a browser does). */
async function signIn(url) {
  const res = await fetch(url, { redirect: 'manual' });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('nvr_assist_session='));
  if (!cookie) throw new Error(`sign-in refused (${res.status})`);
  return cookie.split(';')[0].slice('nvr_assist_session='.length);
}

async function firstPaint(runs) {
  const { chromium } = await import('@playwright/test');
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const session = await signIn(server.url);
    const host = new URL(server.origin).hostname;
    const fcp = (page) =>
      page.evaluate(
        () =>
          new Promise((resolve) => {
            new PerformanceObserver((list) => {
              const e = list.getEntriesByName('first-contentful-paint')[0];
              if (e) resolve(e.startTime);
            }).observe({ type: 'paint', buffered: true });
          }),
      );
    const ours = { fcp: [], step: [] };
    const anchor = [];
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext();
      await context.addCookies([{ name: 'nvr_assist_session', value: session, domain: host, path: '/' }]);
      const page = await context.newPage();
      await page.goto(`${server.origin}/#/step/network`);
      await page.waitForSelector('main h1', { timeout: 15_000 });
      const step = await page.evaluate(() => performance.now());
      const paint = await fcp(page);
      const floor = await context.newPage();
      await floor.goto('data:text/html,<!doctype html><title>a</title><h1>Your network</h1>');
      const floorPaint = await fcp(floor);
      await context.close();
      if (i === 0) continue; // warm-up: the server's first read of the files
      ours.fcp.push(paint);
      ours.step.push(step);
      anchor.push(floorPaint);
    }
    return { fcp: median(ours.fcp), step: median(ours.step), anchor: median(anchor), runs };
  } finally {
    await browser.close();
    server.stop();
  }
}

/** Main's RSS after a search of the lab's 250 simulated devices (lab profile `scale` only). */
async function memoryAfterSearch() {
  const status = spawnSync(process.execPath, ['tests/lab/lab.mjs', 'status', '--json'], { encoding: 'utf8' });
  let profile;
  try {
    const s = JSON.parse(status.stdout);
    profile = s.up ? s.profile : null;
  } catch {
    profile = null;
  }
  if (profile !== 'scale') return { skipped: `the lab is ${profile ? `up in profile ${profile}` : 'down'}` };
  // The server's loopback is the namespace's own: the search, the calls and the reading run inside it (memoryHere).
  const r = spawnSync(
    'ip',
    ['netns', 'exec', 'nvrlab-client', process.execPath, fileURLToPath(import.meta.url), '--memory-here'],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const line = (r.stdout || '').trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`the memory measurement failed: ${(r.stderr || r.stdout || '').slice(-600)}`);
  }
}

/** Inside the lab's client namespace: the server started, a search of the 250 devices, then the server's RSS. */
async function memoryHere() {
  const server = await startServer();
  try {
    const session = await signIn(server.url);
    const call = async (channel, body = {}) => {
      const res = await fetch(`${server.origin}/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session}` },
        body: JSON.stringify(body),
      });
      return res.json();
    };
    const started = await call('discovery.start', {});
    if (!started.ok) throw new Error(`discovery.start: ${JSON.stringify(started.error)}`);
    let found = null;
    for (let i = 0; i < 120 && !found; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const got = await call('discovery.list', {});
      if (!got.ok) throw new Error(`discovery.list: ${JSON.stringify(got.error)}`);
      if (got.data.running === null && got.data.finishedAt) found = got.data.devices.length;
    }
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
    return { devices: found, rssMb: rss ? Number(rss[1]) / 1024 : NaN };
  } finally {
    server.stop();
  }
}

export async function benchApp({ runs = 7 } = {}) {
  if (!existsSync('out/renderer/index.html') || !existsSync('out/main/server-entry.js'))
    throw new Error('the app is not built: run `npm run build` first');
  const b = bundle();
  process.stdout.write(
    `bundle: first screen ${b.initialFiles} files, ${kb(b.initial.raw)} (${kb(b.initial.gzip)} gzip); ` +
      `the whole renderer ${b.allFiles} files, ${kb(b.all.raw)} (${kb(b.all.gzip)} gzip)\n`,
  );
  const p = await firstPaint(runs);
  process.stdout.write(
    `first paint (median of ${p.runs}, browser mode, warm server): first contentful paint ${p.fcp.toFixed(0)} ms, ` +
      `first step on screen ${p.step.toFixed(0)} ms; anchor (the same Chromium painting a one-line page) ` +
      `${p.anchor.toFixed(0)} ms: ${(p.fcp / p.anchor).toFixed(2)}x\n` +
      `  goal first paint <= 500 ms: ${p.fcp <= 500 ? 'met' : 'NOT met'}\n`,
  );
  const m = await memoryAfterSearch();
  if (m.skipped)
    process.stdout.write(
      `memory after a 250-device search: skipped (${m.skipped}; needs npm run lab -- up --profile scale)\n`,
    );
  else
    process.stdout.write(
      `memory after a 250-device search: main (the server) ${m.rssMb.toFixed(0)} MB resident, ${m.devices} devices found\n` +
        `  goal <= 150 MB: ${m.rssMb <= 150 ? 'met' : 'NOT met'}\n`,
    );
}

if (process.argv[2] === '--memory-here')
  memoryHere().then(
    (m) => process.stdout.write(`${JSON.stringify(m)}\n`),
    (err) => {
      process.stderr.write(`${err?.stack ?? err}\n`);
      process.exitCode = 1;
    },
  );
