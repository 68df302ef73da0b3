import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { appHome } from './signed-in';

// The wizard follows the way chosen on "Your network" (src/shared/domain/step-approach.ts), in the real app over the
// browser-mode server that global-setup started on loopback. Nothing here leaves 127.0.0.1: no step is checked, the
// pages are only opened.

/** The record main keeps for the browser-mode server (global-setup exports its data folder). */
function savedRecord(): Record<string, unknown> {
  const dir = process.env.NVR_ASSIST_DATA_DIR_E2E;
  expect(dir, 'NVR_ASSIST_DATA_DIR_E2E is exported by tests/e2e/global-setup.ts').toBeTruthy();
  return JSON.parse(readFileSync(join(dir!, 'setup.json'), 'utf8')) as Record<string, unknown>;
}

/** Everything in the record but what choosing a way changes (the way, the times, the network step's status). */
function measurements(record: Record<string, unknown>): Record<string, unknown> {
  const {
    approach: _a,
    updatedAt: _u,
    steps,
    ...rest
  } = record as {
    approach: unknown;
    updatedAt: unknown;
    steps: Record<string, unknown>;
  };
  const { network: _n, ...otherSteps } = steps;
  return { ...rest, steps: otherSteps };
}

/** Picks a way on "Your network" (the page on show). */
async function chooseWay(page: Page, way: 'vpn' | 'port-forwarding' | 'vendor-cloud'): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Your network' })).toBeVisible();
  await page.locator(`input[name="approach"][value="${way}"]`).check();
  await expect(page.locator(`[data-approach="${way}"]`)).toContainText('your choice');
}

// The other browser-mode specs share this server and start from a fresh record (the home page opens on "Your
// network"): leave one behind, whatever happened here.
test.afterEach(async ({ page }) => {
  await page.goto(appHome(process.env.NVR_ASSIST_URL!));
  await page.getByTestId('start-over').click();
  await page.getByTestId('start-over-confirm').click();
  await expect(page.getByText('The setup starts fresh.')).toBeVisible();
});

test('the VPN way: Ports and Router rules are marked skipped with the reason; Next from DDNS leads to VPN', async ({
  page,
}) => {
  const url = process.env.NVR_ASSIST_URL;
  expect(url, 'NVR_ASSIST_URL is exported by tests/e2e/global-setup.ts').toBeTruthy();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });

  // A clean record (other specs share the server), then the network measured by opening its page.
  await page.goto(appHome(url!));
  await page.getByTestId('start-over').click();
  await page.getByTestId('start-over-confirm').click();
  await expect(page.getByText('The setup starts fresh.')).toBeVisible();
  // Opened afresh, the page measures the network: a measurement in the record that no choice of way may touch.
  await page.reload();
  await expect.poll(() => savedRecord().network).toBeTruthy();

  // No way chosen yet: nothing is skipped, and every step is a link.
  const sidebar = page.getByRole('navigation', { name: 'Setup steps' });
  await expect(sidebar.getByTestId('step-skip')).toHaveCount(0);

  await chooseWay(page, 'vpn');

  // Ports and Router rules: still in the list and still links, marked skipped, the reason in the link's name.
  for (const [id, title, reason] of [
    ['ports', 'Ports', /Through the VPN you reach the NVR as if you were at home/],
    ['rules', 'Router rules', /The VPN needs no forward rule to the NVR/],
  ] as const) {
    const li = sidebar.locator(`li[data-step="${id}"]`);
    await expect(li.getByTestId('step-status')).toHaveText(/skipped/);
    await expect(li.getByTestId('step-skip')).toBeVisible();
    await expect(li.getByTestId('step-skip')).toContainText('not needed for the VPN way');
    const link = li.getByRole('link');
    await expect(link).toHaveAccessibleName(new RegExp(`^\\d*\\s*${title}.*Status: skipped.*${reason.source}`));
  }
  // The steps the VPN way needs are not marked.
  for (const id of ['find', 'static-ip', 'upnp', 'internet', 'ddns', 'vpn'])
    await expect(sidebar.locator(`li[data-step="${id}"]`).getByTestId('step-skip')).toHaveCount(0);

  // Next from DDNS skips Router rules and leads to VPN.
  await sidebar.locator('li[data-step="ddns"]').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'DDNS' })).toBeVisible();
  await expect(page.getByTestId('step-not-applicable')).toHaveCount(0);
  const next = page.getByTestId('next-step');
  await expect(next).toHaveText(/^\s*Next: VPN →$/);
  await next.click();
  await expect(page).toHaveURL(/#\/step\/vpn$/);
  await expect(page.getByRole('heading', { level: 1, name: 'VPN' })).toBeVisible();

  // A skipped step opened from the list: the note at the top, its page below, Next on to the next step the way
  // needs (Security, which comes right after Ports).
  await sidebar.locator('li[data-step="ports"]').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ports' })).toBeVisible();
  const note = page.getByTestId('step-not-applicable');
  await expect(note).toContainText('Not needed for the VPN way:');
  await expect(page.getByRole('complementary', { name: /Not needed for the VPN way/ })).toBeVisible();
  await expect(page.getByTestId('found')).toBeVisible();
  await expect(page.getByTestId('next-step')).toHaveText(/^\s*Next: Security →$/);

  mkdirSync('test-results/screens', { recursive: true });
  for (const width of [1400, 900]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `test-results/screens/approach-ports-skipped-${width}.png`, fullPage: true });
  }

  // The note's link goes back to where the way is chosen; port forwarding brings Ports back, the VPN recommended
  // instead, and no measurement in the record was touched by either change.
  const measuredBefore = (savedRecord().network as { measuredAt: string }).measuredAt;
  await note.getByRole('link', { name: 'Change the way on Your network' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your network' })).toBeVisible();
  // Opening the page measures the network again (main saves it before it answers): wait for that one.
  await expect(page.getByTestId('measured-at')).not.toHaveAttribute('datetime', measuredBefore);
  const before = measurements(savedRecord());
  expect(before.network, 'a measurement to keep').toBeTruthy();
  await chooseWay(page, 'port-forwarding');
  await expect(sidebar.locator('li[data-step="ports"]').getByTestId('step-skip')).toHaveCount(0);
  await expect(sidebar.locator('li[data-step="rules"]').getByTestId('step-skip')).toHaveCount(0);
  await expect(sidebar.locator('li[data-step="vpn"]').getByTestId('step-skip')).toContainText('recommended instead');
  await expect.poll(() => savedRecord().approach).toBe('port-forwarding');
  expect(measurements(savedRecord())).toEqual(before);

  // The VPN page under port forwarding: usable, with the note that it is the safer way.
  await sidebar.locator('li[data-step="vpn"]').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'VPN' })).toBeVisible();
  await expect(page.getByTestId('step-not-applicable')).toContainText('Not needed for the port-forwarding way:');
  await expect(page.getByTestId('step-not-applicable')).toContainText('A VPN is still the safer way');
  for (const width of [1400, 900]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `test-results/screens/approach-vpn-recommended-${width}.png` });
  }

  expect(problems, 'no page errors or console errors').toEqual([]);
});
