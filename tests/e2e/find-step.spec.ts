import { mkdirSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { appHome } from './signed-in';

// "Find your NVR" against the lab's simulated NVRs. A search sends multicast on the interface it runs on, so this
// spec only ever runs where that is harmless: the browser-mode server and Chromium inside the lab's
// `nvrlab-client` network namespace, with NVR_ASSIST_LAB_URL set to the URL (with its one-time token) the server
// printed; the `lab sign-in` setup opens that URL once and this spec starts signed in.
// On any other machine it skips; the unit tests (tests/unit/renderer/find-step.test.ts) cover the rendering.
const labUrl = process.env.NVR_ASSIST_LAB_URL;

test.skip(!labUrl, 'lab E2E: run by npm test inside the lab');

test('Find your NVR: the lab’s NVRs appear live (also by the address sweep), hostile answers are ignored, login verifies, the choice survives a reload', async ({
  page,
}) => {
  test.setTimeout(150_000);
  mkdirSync('test-results/screens', { recursive: true });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });

  // Signed in already (sign-in.setup.ts used the one-time address): open the app's home.
  await page.goto(appHome(labUrl!));
  const sidebar = page.getByRole('navigation', { name: 'Setup steps' });
  await sidebar.getByRole('link', { name: /Find your NVR/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Find your NVR' })).toBeVisible();
  await expect(page).toHaveURL(/#\/step\/find$/);

  // On the step, the app hears devices that switch on (ONVIF Hello/Bye), quietly.
  const listening = page.getByTestId('listening-indicator');
  await expect(listening).toHaveText('Listening for devices that switch on…', { timeout: 10_000 });
  await expect(page.getByTestId('announcement')).toHaveAttribute('aria-live', 'polite');

  // The step may have started a search by itself (first visit): let it end before starting ours.
  const search = page.getByTestId('search');
  await expect(search).toBeEnabled({ timeout: 20_000 });

  // Search through the client's LAN interface (eth0, 192.168.50.10/24), not its second network (eth1).
  await page.getByTestId('change-interface').click();
  await page.locator('input[name="find-interface"][value="eth0"]').check();
  await expect(page.getByTestId('search-interface')).toContainText('eth0');
  // Listening follows the interface (stopped on the old one, started on eth0).
  await expect(listening).toBeVisible({ timeout: 10_000 });

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

  // Once more with every address checked (five parts, about 6 s on the /24): the Hikvision is also found by the
  // sweep, and keeps what discovery said about it.
  const sweep = page.getByTestId('sweep');
  await expect(sweep).not.toBeChecked();
  await sweep.check();
  await expect(page.getByTestId('search-duration')).toHaveText('Takes about 6 seconds.');
  await search.click();
  await expect(page.getByTestId('cancel-search')).toBeVisible();
  await expect(sweep).toBeDisabled();
  await expect(page.getByTestId('search-progress').getByRole('progressbar')).toHaveAttribute('aria-valuemax', '5', {
    timeout: 10_000,
  });
  await expect(hik.locator('[data-source="sweep"]')).toHaveText('sweep', { timeout: 20_000 });
  await expect(page.getByTestId('cancel-search')).toBeHidden({ timeout: 30_000 });
  await expect(hik.locator('[data-source="onvif"]')).toHaveText('ONVIF');
  await expect(hik.locator('[data-source="sadp"]')).toHaveText('SADP');
  await expect(hik.locator('h3')).toContainText('Hikvision');
  await expect(listening).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/find-step-sweep.png', fullPage: true });

  // Choose the Hikvision with the keyboard: focus its radio, Space picks it.
  const hikRadio = hik.getByTestId('choose-device');
  await hikRadio.focus();
  await page.keyboard.press('Space');
  await expect(hik.getByTestId('chosen-badge')).toHaveText('your NVR');
  await expect(page.getByTestId('chosen-summary')).toContainText('192.168.50.64');
  await expect(page.getByTestId('verify-status')).toHaveText('working');
  await expect(page.getByTestId('verify')).toContainText('Log in to the NVR to confirm');
  await expect(page.getByTestId('verify-login')).toBeVisible();
  await expect(page.getByText('next version')).toHaveCount(0);
  await expect(sidebar.locator('li[data-step="find"] [data-testid="step-status"]')).toContainText('working');

  const dialog = page.getByTestId('login-dialog');
  const userField = dialog.getByLabel('User name');
  const passwordField = dialog.getByLabel('Password', { exact: true });
  const logIn = dialog.getByTestId('login-submit');

  // A locked account on the Hikvision: said plainly, and "Log in" stays off (no second try by itself).
  const hikLogin = hik.getByTestId('login-device');
  await hikLogin.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: /Log in to Hikvision/ })).toBeVisible();
  await expect(userField).toHaveValue('admin');
  await expect(passwordField).toBeFocused();
  await expect(dialog.getByTestId('login-hint')).toContainText('separate ONVIF user');
  await userField.fill('locked');
  await passwordField.fill('Lab-Locked-2024');
  await page.screenshot({ path: 'test-results/screens/find-step-login.png' });
  await logIn.click();
  await expect(dialog.getByTestId('login-error')).toContainText('locked this account', { timeout: 20_000 });
  await expect(passwordField).toHaveValue('');
  await expect(userField).toHaveValue('locked');
  await expect(logIn).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(hikLogin).toBeFocused();
  await expect(page.getByTestId('verify-status')).toHaveText('working');

  // A wrong password on the Dahua: the plain message, the user name kept, the password gone. Its "Log in" chooses it
  // first (one click, no radio); the user name starts as Dahua's factory administrator, the keyboard on the password.
  await dahua.getByTestId('login-device').click();
  await expect(dialog).toBeVisible();
  await expect(dahua.getByTestId('choose-device')).toBeChecked();
  await expect(dahua.getByTestId('chosen-badge')).toHaveText('your NVR');
  await expect(hik.getByTestId('chosen-badge')).toHaveCount(0);
  await expect(userField).toHaveValue('admin');
  await expect(passwordField).toBeFocused();
  await passwordField.fill('not-the-password');
  await logIn.click();
  await expect(dialog.getByTestId('login-error')).toContainText('refused the user name or password', {
    timeout: 20_000,
  });
  await expect(passwordField).toHaveValue('');
  await expect(userField).toHaveValue('admin');
  await expect(logIn).toBeEnabled();
  await dialog.getByTestId('login-cancel').click();
  await expect(dialog).toBeHidden();

  // Add the Reolink by its address and ONVIF port: it is in the list, marked "manual".
  await page.getByTestId('add-host').fill('192.168.50.66');
  await page.getByTestId('add-port').fill('8000');
  await page.getByTestId('add-submit').click();
  await expect(page.getByTestId('add-done')).toContainText('manual', { timeout: 20_000 });
  await expect(reolink.locator('[data-source="manual"]')).toHaveText('manual');

  // The DHCP camera's clock runs 10 minutes ahead: the login works (signed with its time) and the page warns.
  const cam = page.locator('[data-testid="device-list"] li[data-device-id]', { hasText: '02:00:c0:a8:32:43' });
  await cam.getByTestId('login-device').click();
  await expect(dialog).toBeVisible();
  await expect(userField).toHaveValue('admin');
  await passwordField.fill('Lab-Admin-2024');
  await logIn.click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(cam.getByTestId('device-identity')).toBeVisible();
  await expect(cam.getByTestId('clock-warning')).toContainText(/\d+ minutes ahead/);
  await expect(cam.getByTestId('clock-warning')).toContainText('NTP');

  // The Hikvision with the right password: what it says about itself, and the step verified by main. Its "Log in"
  // chooses it again; the user name last sent to it (the locked one) comes back, and the user types another.
  await hikLogin.click();
  await expect(dialog).toBeVisible();
  await expect(hik.getByTestId('choose-device')).toBeChecked();
  await expect(userField).toHaveValue('locked');
  await userField.fill('admin');
  await passwordField.fill('Lab-Admin-2024');
  await logIn.click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(hik.getByTestId('identity-manufacturer')).toHaveText('HIKVISION');
  await expect(hik.getByTestId('identity-model')).toHaveText('DS-7608NI-K2');
  await expect(hik.getByTestId('identity-auth')).toHaveText(/HTTP digest|WS-UsernameToken/);
  await expect(hik.getByTestId('chosen-badge')).toHaveText('your NVR');
  await expect(page.getByTestId('verify-status')).toHaveText('verified');
  await expect(page.getByTestId('find-step-status')).toHaveText('verified');
  await expect(sidebar.locator('li[data-step="find"] [data-testid="step-status"]')).toContainText('verified');
  await hik.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/find-step-verified.png', fullPage: true });

  // Reload: the list and the choice come back from main, and nothing is searched by itself.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Find your NVR' })).toBeVisible();
  await expect(hik.getByTestId('choose-device')).toBeChecked();
  await expect(hik.getByTestId('chosen-badge')).toBeVisible();
  await expect(page.locator('[data-testid="chosen-badge"]')).toHaveCount(1);
  await expect(page.getByTestId('cancel-search')).toBeHidden();
  await expect(page.getByTestId('search')).toHaveText('Search again');
  await expect(page.getByTestId('verify-status')).toHaveText('verified');
  await expect(reolink.locator('[data-source="manual"]')).toBeVisible();
  await expect(listening).toBeVisible({ timeout: 10_000 });

  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: 'test-results/screens/find-step.png', fullPage: true });
  expect(problems, 'no page errors or console errors').toEqual([]);
});
