import { test, expect, type Page } from '@playwright/test';
import { STEPS } from '../../src/shared/domain/steps';
import { appHome } from './signed-in';
import { DISABLED_RULES, findingLines, seriousFindings } from './axe';

// The dark theme (src/renderer/styles/base.css: the palette under prefers-color-scheme: dark) in a browser whose
// system asks for dark colours, over the browser-mode server global-setup started on loopback: every step page as a
// new user sees it (1280 and 900 px wide) and the start-over dialog, with no serious or critical WCAG A/AA finding
// from axe — above all no text too faint to read on a dark background. "Find your NVR" is left out: its first visit
// searches the network, so its dark states are checked in the lab (accessibility.spec.ts checks every state in both
// themes). Nothing here leaves 127.0.0.1: the pages are only opened.

test.use({ colorScheme: 'dark', bypassCSP: true });

/** The dark theme's --color-bg (#12161c) and --color-text (#e6eaf0), as the browser computes them. */
const DARK = { bg: 'rgb(18, 22, 28)', text: 'rgb(230, 234, 240)' };

const home = () => appHome(process.env.NVR_ASSIST_URL!);

async function startOver(page: Page): Promise<void> {
  await page.goto(home());
  await page.getByTestId('start-over').click();
  await page.getByTestId('start-over-confirm').click();
  await expect(page.getByText('The setup starts fresh.')).toBeVisible();
}

// The other browser-mode specs share this server and start from a fresh record: leave one behind.
test.afterEach(async ({ page }) => {
  await startOver(page);
});

test('in a dark system every step page a new user opens, and the start-over dialog, is dark with no serious or critical WCAG A/AA finding', async ({
  page,
}) => {
  test.setTimeout(180_000);
  expect(process.env.NVR_ASSIST_URL, 'NVR_ASSIST_URL is exported by tests/e2e/global-setup.ts').toBeTruthy();
  expect(DISABLED_RULES, 'no axe rule is switched off').toEqual({});
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  const found: Record<string, string[]> = {};
  const check = async (state: string) => {
    const colours = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return { bg: style.backgroundColor, text: style.color };
    });
    expect(colours, `${state}: the dark palette is on`).toEqual(DARK);
    found[state] = findingLines(await seriousFindings(page));
  };

  await page.goto(home());
  await page.getByTestId('start-over').click();
  await expect(page.getByTestId('start-over-confirm')).toBeVisible();
  await check('start-over dialog');
  await page.getByTestId('start-over-confirm').click();
  await expect(page.getByText('The setup starts fresh.')).toBeVisible();

  const steps = STEPS.filter((s) => s.id !== 'find');
  for (const step of steps) {
    await page
      .getByRole('navigation', { name: 'Setup steps' })
      .locator(`li[data-step="${step.id}"]`)
      .getByRole('link')
      .click();
    await expect(page.getByRole('heading', { level: 1, name: step.title })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#/step/${step.id}$`));
    if (step.id === 'network') await expect(page.getByTestId('measured-at')).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
    await check(step.id);
    await page.setViewportSize({ width: 900, height: 900 });
    await check(`${step.id}, 900 px`);
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  expect(Object.keys(found)).toHaveLength(2 * steps.length + 1);
  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  expect(problems).toEqual([]);
});
