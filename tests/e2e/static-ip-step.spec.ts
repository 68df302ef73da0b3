import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { appHome } from './signed-in';
import { findAndLogIn } from './lab-find';

// "Static IP" against the lab's DHCP camera (`cam`, an address from dnsmasq's pool 192.168.50.100–199): found and
// logged in to on "Find your NVR", then read on its own step — on DHCP; with the router's range typed, a proposal
// outside it — and a typed address checked by main. Nothing is sent to the camera here (no Apply: the lab is shared; the move
// itself is the lead's spec). Like ports-step.spec.ts it runs only in the lab (Chromium inside `nvrlab-client`,
// NVR_ASSIST_LAB_URL set by global-setup.ts); elsewhere it skips, and tests/unit/renderer/steps/static-ip covers
// the rendering.
const labUrl = process.env.NVR_ASSIST_LAB_URL;
// From tests/lab/topology.mjs (plain JavaScript without types): the LAN, the camera's MAC, the admin login.
const LAN = { prefix: 24, gateway: '192.168.50.1', dhcpFrom: '192.168.50.100', dhcpTo: '192.168.50.199' };
const CAM = { mac: '02:00:c0:a8:32:43' };
const ADMIN = { user: 'admin', password: 'Lab-Admin-2024' };

test.skip(!labUrl, 'lab E2E: run by npm test inside the lab');

/** Where the camera is now (its DHCP lease), read in its own namespace (read only). */
function camAddress(): string {
  const args = ['tests/lab/lab.mjs', 'exec', 'cam', 'ip', '-4', '-o', 'addr', 'show', 'dev', 'eth0'];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 15_000 });
  const m = /inet (\d+\.\d+\.\d+\.\d+)\//.exec(r.stdout ?? '');
  if (!m?.[1]) throw new Error(`cam's address not read (${r.status}, ${String(r.error)}): ${r.stdout}${r.stderr}`);
  return m[1];
}

/** Waits until main has checked what is typed (the state line no longer says "Checking"). */
async function planSettled(page: Page): Promise<void> {
  await expect(page.getByTestId('plan-state')).not.toContainText('Checking', { timeout: 15_000 });
}

async function shoot(page: Page, width: number, name: string): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true, animations: 'disabled' });
}

test('Static IP: the DHCP camera is read (on DHCP, in the pool), an address outside the pool is proposed', async ({
  page,
}) => {
  test.setTimeout(180_000);
  mkdirSync('test-results/screens', { recursive: true });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  const address = camAddress();

  // Find the camera through the client's LAN interface and choose it by logging in.
  await page.goto(appHome(labUrl!));
  const sidebar = page.getByRole('navigation', { name: 'Setup steps' });
  await findAndLogIn(page, CAM.mac, ADMIN);

  // Static IP: nothing read yet, so the page reads the camera by itself (logged in: its own settings).
  await sidebar.getByRole('link', { name: /Static IP/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Static IP' })).toBeVisible();
  await expect(page).toHaveURL(/#\/step\/static-ip$/);
  await expect(page.getByTestId('static-ip-subject')).toContainText(address);
  await expect(page.getByTestId('found-source')).toContainText('read from the NVR itself', { timeout: 60_000 });
  await expect(page.getByTestId('check-error')).toHaveCount(0);
  await expect(page.getByTestId('found-dhcp')).toContainText('DHCP on');
  await expect(page.getByTestId('found-address')).toContainText(`${address}/${LAN.prefix}`);
  await expect(page.getByTestId('found-gateway')).toHaveText(LAN.gateway);
  await expect(page.getByTestId('found-mac')).toHaveText(CAM.mac);
  await expect(page.getByTestId('lan-address')).toContainText('192.168.50.10/24');
  await expect(page.locator('[data-testid="finding"][data-code="on-dhcp"]')).toBeVisible();

  // The router's DHCP range as the user copies it from the router's page (dnsmasq's pool): the check runs again
  // with it, and the proposal rests on it.
  // Written the short way (the last number alone after the dash), as routers often show it — and unlike the
  // apply spec's entry, so the check runs again even when that spec left its range saved.
  await page.getByTestId('pool-input').fill(`${LAN.dhcpFrom}-${LAN.dhcpTo.split('.')[3]}`);
  await page.getByTestId('pool-submit').click();
  await expect(page.getByTestId('pool-known')).toContainText('the range you typed', { timeout: 60_000 });
  await expect(page.getByTestId('pool-known')).toContainText(`${LAN.dhcpFrom} to ${LAN.dhcpTo}`);
  await expect(page.getByTestId('check-error')).toHaveCount(0);
  await expect(page.locator('[data-testid="finding"][data-code="on-dhcp"]')).toBeVisible();

  // What to do: an address on the LAN, outside dnsmasq's pool, not the router's; checked by main, not sent.
  const proposed = (await page.getByTestId('proposal-address').textContent())?.trim() ?? '';
  expect(proposed).toMatch(/^192\.168\.50\.\d+$/);
  const last = Number(proposed.split('.')[3]);
  expect(last < 100 || last > 199).toBe(true);
  expect(proposed).not.toBe(LAN.gateway);
  await expect(page.getByTestId('draft-address')).toHaveValue(proposed);
  await planSettled(page);
  await expect(page.getByTestId('apply')).toBeEnabled();
  await expect(page.getByTestId('reservation')).toContainText(CAM.mac.toUpperCase());

  // The findings' evidence and the router way unfolded for the pictures.
  await page.locator('[data-testid="finding"][data-code="on-dhcp"] summary').click();
  await page.getByTestId('reservation').locator('summary').click();
  for (const width of [1400, 900]) await shoot(page, width, 'static-ip-step');

  // A typed address: the router's own is refused inline, and nothing was sent.
  const field = page.getByTestId('draft-address');
  await field.fill(LAN.gateway);
  await field.press('Enter');
  await planSettled(page);
  await expect(page.locator('[data-testid="plan-problem"][data-severity="error"]')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('apply')).toBeDisabled();
  await page.getByTestId('draft-address').scrollIntoViewIfNeeded();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.screenshot({ path: 'test-results/screens/static-ip-step-typed-1400.png', animations: 'disabled' });
  await page.getByTestId('draft-reset').click();
  await planSettled(page);
  await expect(page.getByTestId('apply')).toBeEnabled();
  await expect(page.getByTestId('apply-confirm')).toHaveCount(0);

  expect(problems, 'no page errors or console errors').toEqual([]);
});
