import { expect, type Page } from '@playwright/test';

/**
 * On "Find your NVR" in the lab: search through the client's LAN interface, then "Log in" on the device with this MAC
 * (a device moved before may still be listed under an older address too), which chooses it, and log in with the dialog.
 */
export async function findAndLogIn(page: Page, mac: string, login: { user: string; password: string }): Promise<void> {
  const sidebar = page.getByRole('navigation', { name: 'Setup steps' });
  await sidebar.getByRole('link', { name: /Find your NVR/ }).click();
  const search = page.getByTestId('search');
  await expect(search).toBeEnabled({ timeout: 20_000 });
  // A record never searched starts a search on the step's first visit: let it end (its "Searched" line) first.
  await expect(page.getByTestId('searched-at')).toBeVisible({ timeout: 30_000 });
  // What a user does next depends on what the first search shows: through the LAN's eth0 (the suggested connection:
  // the default route's) and with the device listed, nothing; otherwise choose eth0 and search again.
  const device = page.locator('li[data-device-id]').filter({ hasText: mac });
  const throughLan = (await page.getByTestId('search-interface').textContent())?.includes('eth0') ?? false;
  if (!throughLan || (await device.count()) === 0) {
    if (!throughLan) {
      await page.getByTestId('change-interface').click();
      await page.locator('input[name="find-interface"][value="eth0"]').check();
    }
    await search.click();
  }
  await expect(device).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('cancel-search')).toBeHidden({ timeout: 30_000 });
  // "Log in" on the device's card chooses it too (issue 16: one click, not the radio and then "Log in").
  const dialog = page.getByTestId('login-dialog');
  await device.getByTestId('login-device').click();
  await expect(dialog).toBeVisible();
  await expect(device.getByTestId('choose-device')).toBeChecked();
  // The user name starts as the brand's factory administrator (admin) with the keyboard on the password: typed only
  // when this login is with another user.
  const userField = dialog.getByLabel('User name');
  const passwordField = dialog.getByLabel('Password', { exact: true });
  await expect(passwordField).toBeFocused();
  if ((await userField.inputValue()) !== login.user) await userField.fill(login.user);
  await passwordField.fill(login.password);
  await dialog.getByTestId('login-submit').click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
}
