import { networkInterfaces } from 'node:os';
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { appHome } from './signed-in';

// The browser-mode server (started by global-setup) runs on this machine, so the interfaces it lists are the
// ones this test process sees. Nothing here sends traffic beyond 127.0.0.1.
const localNames = Object.keys(networkInterfaces());
const usableHere = Object.entries(networkInterfaces()).some(([, infos]) =>
  (infos ?? []).some((i) => i.family === 'IPv4' && !i.internal && !i.address.startsWith('169.254.')),
);

/** Presses Tab until `selector` has the keyboard focus (real keyboard travel, bounded). */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await page.locator(`${selector}:focus`).count()) > 0) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('Your network: lists this machine’s interfaces, keeps the choices across a reload', async ({ page }) => {
  const url = process.env.NVR_ASSIST_URL;
  expect(url, 'NVR_ASSIST_URL is exported by tests/e2e/global-setup.ts').toBeTruthy();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });

  // Signed in already (sign-in.setup.ts used the one-time address): open the app's home.
  await page.goto(appHome(url!));
  await expect(page.getByRole('heading', { level: 1, name: 'Your network' })).toBeVisible();
  await expect(page).toHaveURL(/#\/step\/network$/);

  // What we found: the real interfaces of this machine.
  const table = page.getByTestId('interfaces-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const shown = await table
    .locator('tbody tr[data-interface]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-interface')));
  expect(shown.length).toBeGreaterThan(0);
  expect(
    shown.some((name) => localNames.includes(name ?? '')),
    `shown ${shown} vs local ${localNames}`,
  ).toBe(true);
  await expect(page.getByTestId('measured-at')).toBeVisible();

  // Every step of this version has its page: each is a link in the sidebar, none says planned.
  const sidebar = page.getByRole('navigation', { name: 'Setup steps' });
  await expect(sidebar.locator('li[data-step="verify"] a')).toHaveCount(1);
  await expect(sidebar.locator('li[data-step="checklist"] a')).toHaveCount(1);
  await expect(sidebar).not.toContainText('planned — not in this version yet');

  // Start from a clean record (other specs share the server), through the confirmation.
  await page.getByTestId('start-over').click();
  await page.getByTestId('start-over-confirm').click();
  await expect(page.getByText('The setup starts fresh.')).toBeVisible();
  await expect(page.locator('input[name="approach"]:checked')).toHaveCount(0);

  test.skip(!usableHere, 'This machine has no usable IPv4 interface, so no interface can be chosen.');

  // Keyboard only, from a fresh page: the skip link comes first, then Tab into the interface radios, Space picks.
  await page.reload();
  await expect(page.getByTestId('interfaces-table')).toBeVisible();
  await expect(page.getByTestId('interface-summary')).not.toContainText('your choice');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, 'input[name="discovery-interface"]');
  const chosenInterface = await page.locator('input[name="discovery-interface"]:focus').getAttribute('value');
  expect(chosenInterface).toBeTruthy();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('interface-summary')).toContainText(`${chosenInterface} (your choice)`);

  // Tab on to the first approach card (VPN) and choose it with Enter; arrows move within the group.
  await tabTo(page, 'input[name="approach"]');
  await expect(page.locator('input[name="approach"][value="vpn"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-approach="vpn"]')).toContainText('your choice');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-approach="port-forwarding"]')).toContainText('your choice');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('[data-approach="vpn"]')).toContainText('your choice');
  await page.keyboard.press('Space');
  await expect(page.locator('input[name="approach"][value="vpn"]')).toBeChecked();
  await expect(page.getByTestId('verify-status')).toHaveText('verified');

  // Resume: after a reload the choices come back from the record main keeps.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your network' })).toBeVisible();
  await expect(page.locator('input[name="approach"][value="vpn"]')).toBeChecked();
  await expect(page.locator(`input[name="discovery-interface"][value="${chosenInterface}"]`)).toBeChecked();
  await expect(page.getByTestId('interface-summary')).toContainText(`${chosenInterface} (your choice)`);
  await expect(page.getByTestId('verify-status')).toHaveText('verified');
  await expect(sidebar.locator('li[data-step="network"] [data-testid="step-status"]')).toContainText('verified');
  await expect(page.getByTestId('progress-label')).toHaveText(/^1 of \d+ steps verified$/);

  // Re-check re-measures (the time moves on) and keeps the status.
  const before = await page.getByTestId('measured-at').getAttribute('datetime');
  await page.getByTestId('recheck').click();
  await expect(page.getByTestId('measured-at')).not.toHaveAttribute('datetime', before ?? '');
  await expect(page.getByTestId('verify-status')).toHaveText('verified');

  mkdirSync('test-results/screens', { recursive: true });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: 'test-results/screens/network-step.png', fullPage: true });
  expect(problems, 'no page errors or console errors').toEqual([]);
});
