import { test, expect } from '@playwright/test';
import { appHome } from './signed-in';
import { findAndLogIn } from './lab-find';
import { measurePorts, pageErrors, shoot } from './lab-page';

// "Router rules" against the lab's Hikvision simulator (`hik`, 192.168.50.64): found and logged in to on "Find your
// NVR", its ports measured on the Ports page, then the plan made on its own step — HTTPS outside on 10443 to 443, the
// SDK port 8000 on its own number, never plain HTTP — and the same plan written for nftables with the router's WAN
// interface and a forward chain picked from the common ones. On the port-forwarding way the page makes the plan
// itself on opening (a record an earlier spec left may have that way): the spec waits until opening is done and
// takes either. Nothing is sent to the router or the NVR (the page only plans and writes; the proof from outside is
// offered, not pressed). Runs only in the lab
// (Chromium inside `nvrlab-client`, NVR_ASSIST_LAB_URL set by global-setup.ts); elsewhere it skips, and
// tests/unit/renderer/steps/rules covers the rendering.
const labUrl = process.env.NVR_ASSIST_LAB_URL;
// From tests/lab/topology.mjs (plain JavaScript without types): the Hikvision's address and MAC, the admin login.
const HIK = { address: '192.168.50.64', mac: '02:00:c0:a8:32:40' };
const ADMIN = { user: 'admin', password: 'Lab-Admin-2024' };

test.skip(!labUrl, 'lab E2E: run by npm test inside the lab');

test('Router rules: the Hikvision’s plan is HTTPS 10443 → 443 and the SDK port 8000, written for nftables', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const problems = pageErrors(page);
  await page.goto(appHome(labUrl!));
  await findAndLogIn(page, HIK.mac, ADMIN);
  await measurePorts(page);

  // Router rules: what the plan rests on comes from the Ports measurement.
  await page
    .getByRole('navigation', { name: 'Setup steps' })
    .getByRole('link', { name: /Router rules/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Router rules' })).toBeVisible();
  await expect(page).toHaveURL(/#\/step\/rules$/);
  await expect(page.getByTestId('rules-subject')).toContainText(HIK.address);
  await expect(page.getByTestId('found-open-ports')).toContainText('443 (Web page (HTTPS))');
  await expect(page.getByTestId('found-open-ports')).toContainText('8000');
  // What the page does on opening is done: the plan made by itself when there was nothing to decide (the way is port
  // forwarding), else none yet.
  await expect(page.locator('form.wishes[data-opened="true"]')).toBeAttached({ timeout: 15_000 });
  if ((await page.getByTestId('plan-made-on-opening').count()) > 0)
    await expect(page.getByTestId('plan-made')).toHaveText('Plan made: 2 rules to enter.');
  const tables = await page.getByTestId('rule-table').count();

  // A private source is refused at the field, before anything is sent (a plan on show stays as it was).
  const allow = page.getByTestId('rules-allow-input');
  await allow.fill('192.168.1.5');
  await page.getByTestId('make-plan').click();
  await expect(page.getByTestId('plan-problem')).toContainText('is a private address');
  await expect(allow).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('rule-table')).toHaveCount(tables);
  await allow.fill('');

  // The web page and the phone app (the defaults), from anywhere: the plan (made again, if made on opening).
  await expect(page.getByTestId('want-web')).toBeChecked();
  await expect(page.getByTestId('want-app')).toBeChecked();
  await expect(page.getByTestId('want-video')).not.toBeChecked();
  await page.getByTestId('make-plan').click();
  await expect(page.getByTestId('plan-made')).toHaveText('Plan made: 2 rules to enter.', { timeout: 15_000 });
  const rows = page.getByTestId('rule-row');
  await expect(rows).toHaveCount(2);
  const line = async (n: number) =>
    [
      await rows.nth(n).getByTestId('rule-external').textContent(),
      await rows.nth(n).getByTestId('rule-address').textContent(),
      await rows.nth(n).getByTestId('rule-internal').textContent(),
    ].map((t) => t?.trim());
  expect(await line(0)).toEqual(['10443', HIK.address, '443']);
  expect(await line(1)).toEqual(['8000', HIK.address, '8000']);
  await expect(rows.nth(0).getByTestId('rule-why')).toContainText('Plain HTTP is never forwarded');
  await expect(page.locator('[data-testid="note"][data-code="risky-port"]').first()).toBeVisible();
  await expect(page.locator('[data-testid="note"][data-code="any-source"]')).toBeVisible();
  await expect(page.getByTestId('rules-step-status')).not.toHaveText(/not started/i);

  // Enter them on the router: nftables, with the router's WAN interface.
  await page.getByTestId('family-nftables').check();
  const text = page.getByTestId('commands-text');
  await expect(text).toContainText(`iifname "wan0" tcp dport 10443 dnat ip to ${HIK.address}:443`);
  // No forward chain given yet: no accepts in one (the journey's nftables rules went straight to a common chain).
  await expect(text).not.toContainText('nft add rule');
  await page.getByTestId('rules-wan-input').fill('eth1');
  await page.getByTestId('wan-submit').click();
  await expect(text).toContainText(`iifname "eth1" tcp dport 10443 dnat ip to ${HIK.address}:443`);
  await expect(text).toContainText(`iifname "eth1" tcp dport 8000 dnat ip to ${HIK.address}:8000`);
  await expect(text).not.toContainText(/dport 80\b/);
  // The router's own forward chain, picked from the common ones: filled in and written in one click.
  await expect(page.getByTestId('chain-suggest-fw4')).toHaveText('inet fw4 forward');
  await page.getByTestId('chain-suggest-filter').click();
  await expect(page.getByTestId('rules-chain-input')).toHaveValue('inet filter forward');
  await expect(text).toContainText(
    `nft add rule inet filter forward iifname "eth1" ip daddr ${HIK.address} tcp dport 443 ct status dnat accept`,
  );
  // The commands on show: the proof from outside is offered here (not pressed: it reaches outside).
  await expect(page.getByTestId('rules-proof-start')).toHaveText(/^(Prove from outside|Prove again)$/);
  await page.getByTestId('commands-copy').click();
  await expect(page.getByTestId('commands-copied')).not.toBeEmpty();

  for (const width of [1400, 900]) await shoot(page, width, 'rules-step');

  expect(problems, 'no page errors or console errors').toEqual([]);
});
