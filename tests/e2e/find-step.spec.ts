import { mkdirSync } from 'node:fs';
import { test, expect } from '@playwright/test';

// "Find your NVR" against the lab's simulated NVRs. A search sends multicast on the interface it runs on, so this
// spec only ever runs where that is harmless: the browser-mode server and Chromium inside the lab's
// `nvrlab-client` network namespace, with NVR_ASSIST_LAB_URL set to the URL (with its token) the server printed.
// On any other machine it skips; the unit tests (tests/unit/renderer/find-step.test.ts) cover the rendering.
const labUrl = process.env.NVR_ASSIST_LAB_URL;

test.skip(!labUrl, 'lab E2E: run by npm test inside the lab');

test('Find your NVR: the lab’s NVRs appear live, hostile answers are ignored, the choice survives a reload', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });

  await page.goto(labUrl!);
  const sidebar = page.getByRole('navigation', { name: 'Setup steps' });
  await sidebar.getByRole('link', { name: /Find your NVR/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Find your NVR' })).toBeVisible();
  await expect(page).toHaveURL(/#\/step\/find$/);

  // The step may have started a search by itself (first visit): let it end before starting ours.
  const search = page.getByTestId('search');
  await expect(search).toBeEnabled({ timeout: 20_000 });

  // Search through the client's LAN interface (eth0, 192.168.50.10/24), not its second network (eth1).
  await page.getByTestId('change-interface').click();
  await page.locator('input[name="find-interface"][value="eth0"]').check();
  await expect(page.getByTestId('search-interface')).toContainText('eth0');

  await search.click();
  await expect(page.getByTestId('cancel-search')).toBeVisible();
  await expect(page.getByTestId('search-progress').getByRole('progressbar')).toBeVisible();

  // Devices appear as they answer, each with its sources.
  const hik = page.locator('li[data-address="192.168.50.64"]');
  const dahua = page.locator('li[data-address="192.168.50.65"]');
  const reolink = page.locator('li[data-address="192.168.50.66"]');
  await expect(hik).toBeVisible({ timeout: 15_000 });
  await expect(dahua).toBeVisible({ timeout: 15_000 });
  await expect(reolink).toBeVisible({ timeout: 15_000 });

  // The search ends by itself (~3.5 s) and leaves the list.
  await expect(page.getByTestId('cancel-search')).toBeHidden({ timeout: 20_000 });
  await expect(search).toHaveText('Search again');
  await expect(page.getByTestId('searched-at')).toBeVisible();

  await expect(hik.locator('h3')).toContainText('Hikvision');
  await expect(hik.locator('[data-source="onvif"]')).toHaveText('ONVIF');
  await expect(hik.locator('[data-source="sadp"]')).toHaveText('SADP');
  await expect(dahua.locator('h3')).toContainText('Dahua');
  await expect(dahua.locator('[data-source="dhip"]')).toHaveText('DHIP');
  await expect(reolink.locator('h3')).toContainText('Reolink');
  await expect(hik.getByTestId('device-ports')).toContainText(/http \d+/);
  await expect(page.getByTestId('found-count')).toContainText(/\d+ devices found/);

  // Likely NVRs are listed before anything that only answered UPnP.
  const order = await page
    .locator('[data-testid="device-list"] li[data-address]')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-address')));
  expect(order.indexOf('192.168.50.64')).toBeLessThan(order.indexOf('192.168.50.65'));
  expect(order.indexOf('192.168.50.65')).toBeLessThan(order.indexOf('192.168.50.66'));

  // The rogue's hostile answers were not followed: counted, listed on demand.
  const ignored = page.getByTestId('ignored-answers');
  await expect(ignored.locator('summary')).toContainText(/\d+ odd answers? ignored/);
  await ignored.locator('summary').click();
  await expect(ignored.locator('li').first()).toBeVisible();

  // Choose the Hikvision with the keyboard: focus its radio, Space picks it.
  const hikRadio = hik.getByTestId('choose-device');
  await hikRadio.focus();
  await page.keyboard.press('Space');
  await expect(hik.getByTestId('chosen-badge')).toHaveText('your NVR');
  await expect(page.getByTestId('chosen-summary')).toContainText('192.168.50.64');
  await expect(page.getByTestId('verify-status')).toHaveText('working');
  await expect(page.getByTestId('verify')).toContainText('login comes in the next version');
  await expect(sidebar.locator('li[data-step="find"] [data-testid="step-status"]')).toContainText('working');

  // Reload: the list and the choice come back from main, and nothing is searched by itself.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Find your NVR' })).toBeVisible();
  await expect(hik.getByTestId('choose-device')).toBeChecked();
  await expect(hik.getByTestId('chosen-badge')).toBeVisible();
  await expect(page.locator('[data-testid="chosen-badge"]')).toHaveCount(1);
  await expect(page.getByTestId('cancel-search')).toBeHidden();
  await expect(page.getByTestId('search')).toHaveText('Search again');

  mkdirSync('test-results/screens', { recursive: true });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: 'test-results/screens/find-step.png', fullPage: true });
  expect(problems, 'no page errors or console errors').toEqual([]);
});
