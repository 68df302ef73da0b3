// What the Ports page's lab specs share: waiting for main's answers on the page.
import { expect, type Page } from '@playwright/test';

/** Waits until main has checked the edited ports (the plan line no longer says "Checking"). */
export async function planSettled(page: Page): Promise<void> {
  await expect(page.getByTestId('plan-state')).not.toContainText('Checking', { timeout: 15_000 });
}

/** When the last change shown was made (its time), or '' when none is shown. */
export async function lastChangeAt(page: Page): Promise<string> {
  const time = page.locator('[data-testid="change-result"] time');
  return (await time.count()) ? ((await time.getAttribute('datetime')) ?? '') : '';
}

/** Waits for a newer change than the one made at `before` to be shown, and returns its outcome. */
export async function changeOutcome(page: Page, before: string): Promise<string> {
  await expect.poll(() => lastChangeAt(page), { timeout: 90_000, message: 'a new change result' }).not.toBe(before);
  await expect(page.getByTestId('apply')).not.toContainText('Applying', { timeout: 30_000 });
  return ((await page.getByTestId('change-outcome').textContent()) ?? '').trim();
}
