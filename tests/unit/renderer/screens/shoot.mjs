// Screenshots of every step page at 1400 and 900 px, from the real renderer over a fake backend (scene.ts):
//   node tests/unit/renderer/screens/shoot.mjs <label>      → .cache/screens/<label>/<step>-<width>.png
//   SCREENS_SCHEME=dark node tests/unit/renderer/screens/shoot.mjs <label>   the same in the dark theme (the page as
//   it is when the system asks for dark colours: Chromium's prefers-color-scheme); light without it.
// Builds the renderer (vite.config.ts here), serves it on 127.0.0.1 only, and drives Debian's Chromium headless
// with the same flags as the E2E specs. Nothing leaves loopback; nothing is committed.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { chromium } from '@playwright/test';

const label = process.argv[2] ?? 'now';
const scheme = process.env.SCREENS_SCHEME ?? 'light';
if (scheme !== 'light' && scheme !== 'dark') throw new Error(`SCREENS_SCHEME is light or dark, not ${scheme}`);
const root = resolve(import.meta.dirname, '../../../..');
const out = join(root, '.cache/screens', label);
const build = join(out, 'build');
mkdirSync(out, { recursive: true });
execFileSync(
  'npx',
  [
    'vite',
    'build',
    '--configLoader',
    'runner',
    '--config',
    'tests/unit/renderer/screens/vite.config.ts',
    '--outDir',
    build,
  ],
  {
    cwd: root,
    stdio: 'inherit',
  },
);

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const file = join(build, path === '/' ? 'index.html' : path);
  if (!file.startsWith(build) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const problems = [];

/** Saves the page (or, with `full` false, the window) as `<name>-<width>.png`. */
async function save(page, name, width, full = true) {
  await page.waitForTimeout(300);
  const file = join(out, `${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage: full, animations: 'disabled' });
  console.log(file);
}

/**
 * The parts a click opens: the confirmations before a port change and before putting the old ports back (main
 * knows the NVR's login here, so they come without the login first), the Find step's interface choice and its
 * login dialog, and "Start over…".
 */
async function shootOpenParts(width) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    timezoneId: 'UTC',
    locale: 'en-GB',
    colorScheme: scheme,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${width}: ${e.message}`));
  await page.goto(`${base}#/step/network`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.evaluate(async () => {
    const { handlers } = globalThis.api;
    const setup = await handlers['setup.get']({});
    const list = handlers['discovery.list'];
    handlers['discovery.list'] = async (input) => {
      const answer = await list(input);
      return { ...answer, data: { ...answer.data, loginKnownDeviceIds: [setup.data.setup.nvr.deviceId] } };
    };
  });
  await page.goto(`${base}#/step/ports`);
  await page.getByTestId('apply').click();
  await page.getByTestId('apply-confirm').waitFor();
  await save(page, 'ports-confirm', width);
  await page.getByTestId('apply-confirm-no').click();
  await page.getByTestId('revert').click();
  await page.getByTestId('revert-confirm').waitFor();
  await save(page, 'ports-revert', width);
  await page.getByTestId('start-over').click();
  await page.getByTestId('start-over-confirm').waitFor();
  await save(page, 'start-over', width, false);
  // The proof from outside with a failed port's troubleshooting tree opened.
  await page.goto(`${base}#/step/internet`);
  await page.getByTestId('proof-path').first().locator('summary').click();
  await save(page, 'internet-proof-tree', width);
  await page.goto(`${base}#/step/find`);
  await page.getByTestId('change-interface').click();
  await page.getByTestId('find-interface-choices').waitFor();
  await save(page, 'find-interfaces', width);
  await page.getByTestId('login-chosen').click();
  await page.getByTestId('login-dialog').waitFor();
  await save(page, 'find-login', width, false);
  // Logged in: the card shows what the NVR says about itself (its clock ten minutes off), its password remembered.
  await page.evaluate(() => {
    globalThis.api.handlers['device.login'] = async () => ({
      ok: true,
      data: {
        identity: {
          manufacturer: 'Reolink',
          model: 'RLN8-410',
          firmware: 'v3.0.0.148',
          serial: '00000000000066',
          hardwareId: 'H3MB18',
          clockOffsetSeconds: 600,
          auth: 'ws-usernametoken',
        },
        onvifUrl: 'http://192.168.1.66:8000/onvif/device_service',
        device: null,
        remembered: true,
      },
    });
  });
  await page.getByTestId('login-password').fill('secret');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('device-identity').waitFor();
  await save(page, 'find-logged-in', width);
  await context.close();
}

/** The Find step when the last search found nothing: what to check, and the search that checks every address. */
async function shootEmptyFind(width) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    timezoneId: 'UTC',
    locale: 'en-GB',
    colorScheme: scheme,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${width}: ${e.message}`));
  await page.goto(`${base}#/step/network`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.evaluate(() => {
    const { handlers } = globalThis.api;
    const list = handlers['discovery.list'];
    handlers['discovery.list'] = async (input) => {
      const answer = await list(input);
      return { ...answer, data: { ...answer.data, devices: [], warnings: [] } };
    };
  });
  await page.goto(`${base}#/step/find`);
  await page.getByTestId('empty-state').waitFor();
  await save(page, 'find-empty', width);
  await context.close();
}

/** The steps the loop below does not open, each on a fresh page of the same scene. */
async function shootOtherSteps(width) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    timezoneId: 'UTC',
    locale: 'en-GB',
    colorScheme: scheme,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${width}: ${e.message}`));
  for (const step of ['static-ip', 'security', 'upnp', 'rules', 'vpn', 'verify', 'checklist']) {
    await page.goto(`${base}#/step/${step}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await save(page, step, width);
  }
  await context.close();
}

try {
  for (const width of [1400, 900]) {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      timezoneId: 'UTC',
      locale: 'en-GB',
      colorScheme: scheme,
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`${width}: ${e.message}`));
    page.on(
      'console',
      (m) => m.type() === 'error' && !m.text().includes('404') && problems.push(`${width}: ${m.text()}`),
    );
    page.on('requestfailed', (r) => problems.push(`${width}: ${r.url()} failed`));
    page.on(
      'response',
      (r) =>
        r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`${width}: ${r.url()} ${r.status()}`),
    );
    for (const step of ['network', 'find', 'ports', 'internet', 'ddns']) {
      await page.goto(`${base}#/step/${step}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const file = join(out, `${step}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      console.log(file);
    }
    // New on the Ports page: Apply without a known login opens the login first, with the change in view.
    await page.goto(`${base}#/step/ports`);
    await page.getByTestId('apply').click();
    await page.getByTestId('login-dialog').waitFor();
    await page.waitForTimeout(300);
    const dialogFile = join(out, `ports-login-${width}.png`);
    await page.screenshot({ path: dialogFile, animations: 'disabled' });
    console.log(dialogFile);
    await context.close();
    await shootOpenParts(width);
    await shootEmptyFind(width);
    await shootOtherSteps(width);
  }
} finally {
  await browser.close();
  server.close();
}
if (problems.length) console.log('Page problems:\n' + problems.join('\n'));
