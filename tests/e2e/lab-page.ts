import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

// What the lab's page specs share: the page's errors collected, screenshots at a width, the first visit's measurement
// and the Ports one, the lab's command line and hik's own UPnP re-mapping (the Playwright side of
// tests/support/hik-upnp.ts, which is vitest's).

/** What the page threw or logged as an error while the test ran (it must stay empty). */
export function pageErrors(page: Page): string[] {
  const seen: string[] = [];
  page.on('pageerror', (e) => seen.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && seen.push(m.text())));
  return seen;
}

/** The whole page at `width` px, scrolled to the top, as test-results/screens/<name>-<width>.png. */
export async function shoot(page: Page, width: number, name: string): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true });
  await page.setViewportSize({ width, height: 900 });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true, animations: 'disabled' });
}

/**
 * The steps that measure on their first visit (src/renderer/composables/useFirstVisit.ts: an NVR chosen, the step never
 * measured): the button of their measurement, the time of its result (`<time datetime>`) and "not measured yet".
 */
const FIRST_VISIT = {
  ports: { button: 'audit', at: 'ports-measured-at', empty: 'ports-empty' },
  security: { button: 'security-check', at: 'security-checked-at', empty: 'security-empty' },
  upnp: { button: 'check', at: 'upnp-measured-at', empty: 'upnp-empty' },
  verify: { button: 'verify-start', at: 'verify-checked-at', empty: 'verify-none' },
} as const;
export type FirstVisitStep = keyof typeof FIRST_VISIT;

/** The time of the step's result on show (its datetime), or null when none is. */
async function resultAt(page: Page, step: FirstVisitStep): Promise<string | null> {
  const at = page.getByTestId(FIRST_VISIT[step].at);
  return (await at.count()) ? await at.getAttribute('datetime') : null;
}

/**
 * On a step page just opened that measures on its first visit: waits until the page has read its saved entry (its
 * result, "not measured yet" or the first visit's line is shown: the page decides at once after reading) and the
 * measurement it started by itself, if any, has ended with its button free. The time of the result on show, or null.
 */
export async function firstVisitSettled(page: Page, step: FirstVisitStep, timeout = 120_000): Promise<string | null> {
  const ids = FIRST_VISIT[step];
  const note = page.getByTestId('first-visit');
  await expect(page.getByTestId(ids.at).or(page.getByTestId(ids.empty)).or(note).first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(note).toHaveCount(0, { timeout });
  await expect(page.getByTestId(ids.button)).toBeEnabled({ timeout });
  return resultAt(page, step);
}

/**
 * On a step page just opened that measures on its first visit: a result measured at `since` or later — the one the
 * first visit made, else (an earlier spec's result, or none after a failure) the one its button makes now.
 */
export async function measuredSince(page: Page, step: FirstVisitStep, since: Date, timeout = 120_000): Promise<void> {
  const shown = await firstVisitSettled(page, step, timeout);
  if (shown && Date.parse(shown) >= since.getTime()) return;
  const button = page.getByTestId(FIRST_VISIT[step].button);
  await button.click();
  await expect
    .poll(async () => Date.parse((await resultAt(page, step)) ?? '') || 0, { timeout, message: `a new ${step} result` })
    .toBeGreaterThanOrEqual(since.getTime());
  await expect(button).toBeEnabled({ timeout });
}

/** On the Ports page: the chosen NVR's ports measured (the catalogue audit), unless a measurement is shown already. */
export async function measurePorts(page: Page): Promise<void> {
  const sidebar = page.getByRole('navigation', { name: 'Setup steps' });
  await sidebar.getByRole('link', { name: /Ports/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ports' })).toBeVisible();
  const audit = page.getByTestId('audit');
  // Never measured for this NVR: the page measures on its first visit; pressed only when that left no result.
  if ((await firstVisitSettled(page, 'ports')) === null) await audit.click();
  await expect(page.getByTestId('ports-measured-at')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('audit-progress')).toBeHidden({ timeout: 60_000 });
  await expect(page.getByTestId('audit-error')).toHaveCount(0);
  await expect(page.locator('tr[data-port="443"]')).toBeVisible();
}

/** `node tests/lab/lab.mjs <args>` (never up/down); throws with its stderr when it fails. */
export function lab(...args: string[]): string {
  const r = spawnSync(process.execPath, ['tests/lab/lab.mjs', ...args], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`lab ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A simulator's count of UPnP syncs (it adds its mappings at start and at each renewal; tests/lab's RUN_DIR). */
export function upnpSyncs(host: 'hik' | 'dahua' | 'reolink'): number {
  try {
    const file = `${process.env.NVRLAB_RUN_DIR || '/run/nvrlab'}/sim-${host}/upnp-sync.json`;
    return (JSON.parse(readFileSync(file, 'utf8')) as { count: number }).count;
  } catch {
    return 0;
  }
}

/** hik's count of UPnP syncs. */
export const hikSyncs = (): number => upnpSyncs('hik');

/**
 * Waits until the simulator's UPnP syncs have stopped: no new one for 2.5 s (at most 20 s in all). A renewal queued
 * before its renewing was turned off still lands — after a test's deletion, it would map the port again.
 */
export async function upnpSettled(host: 'hik' | 'dahua' | 'reolink'): Promise<number> {
  let last = upnpSyncs(host);
  let since = Date.now();
  const until = Date.now() + 20_000;
  while (Date.now() - since < 2_500 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    const now = upnpSyncs(host);
    if (now !== last) [last, since] = [now, Date.now()];
  }
  return last;
}

/** The simulator adds its UPnP mappings again (one sync, waited for at most 20 s), then stops renewing, settled. */
export async function mapsAgain(host: 'hik' | 'dahua' | 'reolink'): Promise<void> {
  const before = upnpSyncs(host);
  lab('sim', host, 'upnp-renew', '1');
  try {
    const until = Date.now() + 20_000;
    while (upnpSyncs(host) <= before && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
  } finally {
    lab('sim', host, 'upnp-renew', 'off');
    await upnpSettled(host);
  }
}

/** hik adds its UPnP mappings again (one sync, waited for at most 20 s), then stops renewing. */
export const hikMapsAgain = (): Promise<void> => mapsAgain('hik');

/**
 * README's picture of a step (`npm run screens`: README_SCREENS=docs/screens): the window as the user sees it at
 * the end of that step in the lab journey, 1280 × 800, scrolled to the top, as a JPEG small enough to commit.
 * Without README_SCREENS, nothing.
 */
export async function readmeShot(page: Page, step: string): Promise<void> {
  const dir = process.env.README_SCREENS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const before = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${dir}/${step}.jpg`, type: 'jpeg', quality: 70, animations: 'disabled' });
  if (before) await page.setViewportSize(before);
}

/**
 * The mappings (as `upnpc -L` lists them: "TCP 80 192.168.50.65 80") that hold the external port of `wanted` for
 * another device now. Two recorders may ask for the same port (dahua and reolink both ask for 80) and the first to ask
 * holds it: to give `wanted` back, these go first, each deleted from its own device's host.
 */
export function takenFrom(now: string[], wanted: string): string[] {
  const [protocol, external, address] = wanted.split(' ');
  return now.filter((x) => {
    const [p, e, a] = x.split(' ');
    return p === protocol && e === external && a !== address;
  });
}
