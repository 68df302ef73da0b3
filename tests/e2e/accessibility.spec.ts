import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { STEPS } from '../../src/shared/domain/steps';
import { appHome } from './signed-in';
import { DISABLED_RULES, findingLines, seriousFindings } from './axe';
import { firstVisitSettled, type FirstVisitStep } from './lab-page';

// Every wizard page checked with axe-core (WCAG 2 A and AA, tests/e2e/axe.ts): none may have a serious or critical
// finding — a field a screen reader cannot name, text too faint to read, a button without a name, a label it may
// ignore. First each page as a new user sees it (an empty record; 1280 and 900 px wide) and the start-over dialog;
// then with the lab's Hikvision: Find while searching and with its results, the login dialog (and its field
// problems), every page with that NVR chosen, Ports with its ports measured and Router rules with a plan made.
// Each state is checked twice: in the light theme and in the dark one (the system's choice, prefers-color-scheme).
// "Find your NVR" starts a search on its first visit (and, once an NVR is chosen, Ports, Security, UPnP and Verify
// measure on theirs), so this spec runs where that is harmless: the browser-mode server and Chromium inside the lab's
// `nvrlab-client` namespace (playwright.config.ts, LAB_SPECS); elsewhere it skips. Nothing is changed on a device.
const labUrl = process.env.NVR_ASSIST_LAB_URL;
// From tests/lab/topology.mjs: the Hikvision's MAC and the admin login.
const HIK = { mac: '02:00:c0:a8:32:40' };
const ADMIN = { user: 'admin', password: 'Lab-Admin-2024' };
/** The dark theme's --color-bg (#12161c), as the browser computes it. */
const DARK_BG = 'rgb(18, 22, 28)';

test.skip(!labUrl, 'lab E2E: run by npm test inside the lab');
// The page's CSP allows its own scripts only; axe is injected as a script tag.
test.use({ bypassCSP: true });

// The next spec starts from a fresh record, whatever happened here.
test.afterEach(async ({ page }) => {
  await startOver(page);
});

function pageErrors(page: Page): string[] {
  const seen: string[] = [];
  page.on('pageerror', (e) => seen.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && seen.push(m.text())));
  return seen;
}

async function startOver(page: Page): Promise<void> {
  await page.goto(appHome(labUrl!));
  await page.getByTestId('start-over').click();
  await page.getByTestId('start-over-confirm').click();
  await expect(page.getByText('The setup starts fresh.')).toBeVisible();
}

async function shoot(page: Page, width: number, name: string): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true });
  await page.setViewportSize({ width, height: 900 });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true, animations: 'disabled' });
}

/** The steps that measure on their first visit once an NVR is chosen (src/renderer/composables/useFirstVisit.ts). */
const FIRST_VISIT_STEPS: readonly string[] = ['ports', 'security', 'upnp', 'verify'] satisfies FirstVisitStep[];

/**
 * Opens a step from the sidebar and waits until what the page does on opening is done (with `nvrChosen`, the
 * measurement a step makes on its first visit).
 */
async function openStep(page: Page, id: string, title: string, nvrChosen = false): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Setup steps' })
    .locator(`li[data-step="${id}"]`)
    .getByRole('link')
    .click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/step/${id}$`));
  // "Find your NVR" searches on its first visit: checked once the search is over.
  if (id === 'find') await expect(page.getByTestId('search')).toBeEnabled({ timeout: 30_000 });
  if (id === 'network') await expect(page.getByTestId('measured-at')).toBeVisible({ timeout: 15_000 });
  if (nvrChosen && FIRST_VISIT_STEPS.includes(id)) await firstVisitSettled(page, id as FirstVisitStep);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
}

/**
 * Checks the page as it is now, in the light theme and in the dark one (the system asking for dark colours:
 * prefers-color-scheme, src/renderer/styles/base.css); the findings are kept under `state` and `state, dark`, to be
 * asserted all at once.
 */
async function check(page: Page, found: Record<string, string[]>, state: string): Promise<void> {
  found[state] = findingLines(await seriousFindings(page));
  await page.emulateMedia({ colorScheme: 'dark' });
  // The dark palette is on: the page's background is the dark theme's (else this pass would check light again).
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(DARK_BG);
  found[`${state}, dark`] = findingLines(await seriousFindings(page));
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Every checked state with no finding: what the test expects of `found`. */
const none = (found: Record<string, string[]>) => Object.fromEntries(Object.keys(found).map((k) => [k, []]));

test('every step page as a new user sees it, and the start-over dialog, have no serious or critical WCAG A/AA finding', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const problems = pageErrors(page);
  expect(DISABLED_RULES, 'no axe rule is switched off').toEqual({});
  const found: Record<string, string[]> = {};
  await page.goto(appHome(labUrl!));
  await page.getByTestId('start-over').click();
  await expect(page.getByTestId('start-over-confirm')).toBeVisible();
  await check(page, found, 'start-over dialog');
  await page.getByTestId('start-over-confirm').click();
  await expect(page.getByText('The setup starts fresh.')).toBeVisible();
  for (const step of STEPS) {
    await openStep(page, step.id, step.title);
    // At the default width and in a narrow window (900 px), where the layout changes.
    await check(page, found, step.id);
    await page.setViewportSize({ width: 900, height: 900 });
    await check(page, found, `${step.id}, 900 px`);
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  expect(Object.keys(found)).toHaveLength(2 * (2 * STEPS.length + 1));
  expect(found).toEqual(none(found));
  await openStep(page, 'ddns', 'DDNS');
  await shoot(page, 1400, 'a11y-ddns-fresh');
  await shoot(page, 900, 'a11y-ddns-fresh');
  expect(problems).toEqual([]);
});

test('with the lab’s NVR found, logged in to and measured, Find, its login dialog and every step have no serious or critical finding', async ({
  page,
}) => {
  // Ports, Security, UPnP and Verify measure on their first visit here (the NVR is chosen): a little longer.
  test.setTimeout(420_000);
  const problems = pageErrors(page);
  const found: Record<string, string[]> = {};
  await startOver(page);
  await openStep(page, 'find', 'Find your NVR');
  await page.getByTestId('change-interface').click();
  await page.locator('input[name="find-interface"][value="eth0"]').check();
  await page.getByTestId('search').click();
  const device = page.locator('li[data-device-id]').filter({ hasText: HIK.mac });
  await expect(device).toBeVisible({ timeout: 15_000 });
  await check(page, found, 'find, searching');
  await expect(page.getByTestId('cancel-search')).toBeHidden({ timeout: 30_000 });
  await check(page, found, 'find, results');

  await device.getByTestId('choose-device').check();
  const dialog = page.getByTestId('login-dialog');
  await device.getByTestId('login-device').click();
  await expect(dialog).toBeVisible();
  await check(page, found, 'login dialog');
  await dialog.getByTestId('login-submit').click();
  await expect(dialog.getByText('Enter the password.')).toBeVisible();
  await check(page, found, 'login dialog, password missing');
  await dialog.getByLabel('User name').fill(ADMIN.user);
  await dialog.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await dialog.getByTestId('login-submit').click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await check(page, found, 'find, logged in');

  for (const step of STEPS) {
    await openStep(page, step.id, step.title, true);
    await check(page, found, `${step.id}, NVR chosen`);
    if (step.id === 'ports') {
      // Measured on the page's first visit (openStep waited for it); pressed only when that left no result.
      const audit = page.getByTestId('audit');
      await expect(audit).toBeEnabled({ timeout: 60_000 });
      if ((await page.getByTestId('ports-measured-at').count()) === 0) await audit.click();
      await expect(page.getByTestId('ports-measured-at')).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId('audit-progress')).toBeHidden({ timeout: 60_000 });
      await expect(page.locator('tr[data-port="443"]')).toBeVisible();
      await check(page, found, 'ports, measured');
    }
    if (step.id === 'rules') {
      // The page makes the plan itself on opening on the port-forwarding way: pressed here only when it did not.
      await expect(page.locator('form.wishes[data-opened="true"]')).toBeAttached({ timeout: 15_000 });
      if ((await page.getByTestId('rule-table').count()) === 0) await page.getByTestId('make-plan').click();
      await expect(page.getByTestId('rule-table')).toBeVisible({ timeout: 30_000 });
      await check(page, found, 'rules, plan made');
    }
  }
  expect(Object.keys(found)).toHaveLength(2 * (STEPS.length + 7));
  expect(found).toEqual(none(found));
  expect(problems).toEqual([]);
});
