import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { STEPS } from '../../src/shared/domain/steps';
import { firstVisitSettled } from './lab-page';
import { appHome } from './signed-in';

// The wizard done with the keyboard only, as someone who cannot use a mouse does it: from the first page to the
// Checklist with Tab, Shift+Tab, Enter and the arrow keys (and typing: the NVR's login, a field cleared), never a
// click. At every key press the element that has focus must show it (an outline, or a ring drawn around it as the
// app's --focus-ring is); each step's main action must be reachable; the skip link and Next move focus to the step's
// content; the login dialog takes focus and gives it back. Actions that only read are done (search, log in, measure
// the ports, make the rules plan, download the checklist); those that change a device or reach outside are only
// reached. Like the other specs that open "Find your NVR" it runs in the lab (Chromium and the server inside
// `nvrlab-client`); elsewhere it skips.
// What the user would lose: a step they cannot finish, or a page where they no longer see where they are.
const labUrl = process.env.NVR_ASSIST_LAB_URL;
// From tests/lab/topology.mjs: the Hikvision's MAC and the admin login.
const HIK = { mac: '02:00:c0:a8:32:40' };
const ADMIN = { user: 'admin', password: 'Lab-Admin-2024' };

test.skip(!labUrl, 'lab E2E: run by npm test inside the lab');

/** Each step's main action (a test id), reached with Tab on the way; none is pressed here but those the test names. */
const MAIN_ACTION: Record<string, string> = {
  network: 'recheck',
  find: 'search',
  'static-ip': 'check',
  ports: 'audit',
  security: 'security-check',
  upnp: 'check',
  internet: 'check',
  ddns: 'ddns-update',
  rules: 'make-plan',
  vpn: 'vpn-plan',
  verify: 'verify-start',
  checklist: 'checklist-download-a4',
};

/** What has focus: its test id, a short description, and whether a focus indicator is drawn on it. */
interface Focused {
  testid: string;
  what: string;
  ring: boolean;
  inMain: boolean;
  isMain: boolean;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e || e === document.body) return { testid: '', what: 'body', ring: false, inMain: false, isMain: false };
    const s = getComputedStyle(e);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
    // A ring drawn around it: a shadow that is not inset, with no offset or blur and a spread of 2px or more (the
    // app's --focus-ring). A shadow that marks something else (the current step's inset bar) is not one.
    const shadows = s.boxShadow === 'none' ? [] : s.boxShadow.split(/,(?![^(]*\))/);
    const shadow = shadows.some((one) => {
      const px = [...one.matchAll(/(-?[\d.]+)px/g)].map((m) => parseFloat(m[1]!));
      return !one.includes('inset') && px.length === 4 && px[0] === 0 && px[1] === 0 && px[2] === 0 && px[3]! >= 2;
    });
    const name = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
    const main = document.getElementById('main-content');
    return {
      testid: e.dataset.testid ?? '',
      what: `${e.tagName.toLowerCase()}${e.getAttribute('type') ? `[${e.getAttribute('type')}]` : ''} "${name}"`,
      ring: outline || shadow,
      inMain: !!main && main.contains(e) && main !== e,
      isMain: main === e,
    };
  });
}

/** Every focused element seen without a visible focus indicator (it must stay empty). */
const unringed: string[] = [];
/** Key presses on the way (the journey's cost for a keyboard user). */
let presses = 0;

async function press(page: Page, key: string): Promise<Focused> {
  await page.keyboard.press(key);
  presses++;
  const f = await focused(page);
  // The page's content takes focus when a step opens (so reading starts there); it is no control and shows no ring.
  if (f.what !== 'body' && !f.isMain && !f.ring) unringed.push(`${key} → ${f.what} ${f.testid}`);
  return f;
}

const tid = (id: string) => `[data-testid="${id}"]`;

/** Whether the element with focus matches the CSS selector (and, given `within`, sits in a list item saying it). */
const hasFocus = (page: Page, selector: string, within?: string) =>
  page.evaluate(
    ([sel, text]) => {
      const e = document.activeElement;
      return !!e?.matches(sel) && (!text || !!e.closest('li')?.textContent?.includes(text));
    },
    [selector, within ?? ''] as const,
  );

/** Presses Tab (or Shift+Tab) until an element matching `selector` has focus; fails after `max` presses. */
async function tabTo(
  page: Page,
  selector: string,
  what: string,
  opts: { back?: boolean; max?: number; within?: string } = {},
) {
  const key = opts.back ? 'Shift+Tab' : 'Tab';
  const seen: string[] = [];
  for (let i = 0; i < (opts.max ?? 80) && !(await hasFocus(page, selector, opts.within)); i++) {
    const f = await press(page, key);
    seen.push(`${f.what} ${f.testid}`);
  }
  expect(
    await hasFocus(page, selector, opts.within),
    `${what} is reached with ${key}; focus went to: ${seen.join(', ')}`,
  ).toBe(true);
}

/** Tab to the page's Next button, Enter: the next step's page, with focus moved to its content. */
async function next(page: Page, id: string, title: string): Promise<void> {
  await tabTo(page, tid('next-step'), `Next: ${title}`);
  await press(page, 'Enter');
  await expect(page).toHaveURL(new RegExp(`#/step/${id}$`));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect.poll(async () => (await focused(page)).isMain, { message: `focus moves to ${title}` }).toBe(true);
}

/** Screenshots at 1400 and 900 px wide, the focused element in view. */
async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true });
  for (const width of [1400, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => document.activeElement?.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, animations: 'disabled' });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

test.afterEach(async ({ page }) => {
  // The next spec starts from a fresh record (this is not the journey: the mouse is fine here).
  await page.goto(appHome(labUrl!));
  await page.getByTestId('start-over').click();
  await page.getByTestId('start-over-confirm').click();
  await expect(page.getByText('The setup starts fresh.')).toBeVisible();
});

test('keyboard only: from Your network to the downloaded Checklist, every step’s main action reached and focus always visible', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  await page.setViewportSize({ width: 1400, height: 900 });

  // A fresh record, through the start-over dialog — with the keyboard too.
  await page.goto(appHome(labUrl!));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Any mouse button pressed from here on is counted: the journey must not need one.
  await page.evaluate(() => {
    (window as unknown as { pointerPresses: number }).pointerPresses = 0;
    document.addEventListener('pointerdown', () => (window as unknown as { pointerPresses: number }).pointerPresses++, {
      capture: true,
    });
  });
  // The first Tab shows the skip link; Enter on it puts the keyboard on the page's content, past the step list.
  const skip = await press(page, 'Tab');
  expect(skip.what).toBe('a "Skip to content"');
  expect(await page.evaluate(() => document.activeElement!.getBoundingClientRect().top >= 0), 'shown').toBe(true);
  await press(page, 'Enter');
  expect((await focused(page)).isMain, 'Skip to content leads to the content').toBe(true);
  // The current step's link in the list shows the ring over its bar.
  await tabTo(page, 'nav li[data-step="network"] a', 'Your network in the step list');
  await shoot(page, 'keyboard-sidebar-current-focused');
  await tabTo(page, tid('start-over'), 'Start over');
  await press(page, 'Enter');
  await expect(page.getByTestId('start-over-confirm')).toBeVisible();
  await tabTo(page, tid('start-over-confirm'), 'the start-over confirmation');
  await press(page, 'Enter');
  await expect(page.getByText('The setup starts fresh.')).toBeVisible();

  // Your network: the way chosen with the arrow keys in its radio group (port forwarding: every step applies).
  await expect(page.getByRole('heading', { level: 1, name: 'Your network' })).toBeVisible();
  await expect(page.getByTestId('measured-at')).toBeVisible({ timeout: 15_000 });
  // The group is one Tab stop: whichever of its radios takes focus; the arrows move the choice.
  await tabTo(page, 'input[name="approach"]', 'the way to reach the NVR');
  for (let i = 0; i < 4 && !(await page.locator('input[name="approach"][value="port-forwarding"]').isChecked()); i++)
    await press(page, 'ArrowDown');
  await expect(page.locator('[data-approach="port-forwarding"]')).toContainText('your choice');
  await tabTo(page, tid(MAIN_ACTION.network!), 'Re-check');
  await next(page, 'find', 'Find your NVR');

  // Find your NVR: the first visit's search ends; search again through the lab's LAN (eth0), choose the Hikvision
  // with the arrow keys, log in through the dialog.
  const search = page.getByTestId('search');
  await expect(search).toBeEnabled({ timeout: 30_000 });
  await tabTo(page, tid('change-interface'), 'Change (the interface)');
  await press(page, 'Enter');
  const eth0 = page.locator('input[name="find-interface"][value="eth0"]');
  await tabTo(page, 'input[name="find-interface"]', 'the interface choice');
  for (let i = 0; i < 4 && !(await eth0.isChecked()); i++) await press(page, 'ArrowDown');
  await expect(eth0).toBeChecked();
  await expect(page.getByTestId('search-interface')).toContainText('eth0');
  await tabTo(page, tid('search'), 'Search');
  await press(page, 'Enter');
  const device = page.locator('li[data-device-id]').filter({ hasText: HIK.mac });
  await expect(device).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('cancel-search')).toBeHidden({ timeout: 30_000 });
  // The device list is one radio group: Shift+Tab into it, the arrows to the Hikvision (each radio passed is chosen on
  // the way, as radios do), Space when the Hikvision's radio has focus but is not chosen yet. A device whose later
  // answers change its id (MAC-based to serial-based) gets a new card; the list puts the keyboard back on it
  // (FindDeviceList.vue), and should focus still leave the group, it is entered again with Tab, as a user would.
  // "Log in" on the Hikvision's card chooses it too (one Enter); the dialog starts with the brand's admin user name
  // and focus on the password. A card whose later answers change its id gets a new one: reached again with Tab.
  const choose = device.getByTestId('choose-device');
  const login = device.getByTestId('login-device');
  const dialog = page.getByTestId('login-dialog');
  for (let i = 0; i < 5 && !(await dialog.isVisible()); i++) {
    await tabTo(page, tid('login-device'), 'Log in (the Hikvision)', { within: HIK.mac });
    await press(page, 'Enter');
    await expect(dialog)
      .toBeVisible({ timeout: 10_000 })
      .catch(() => {});
  }
  await expect(dialog).toBeVisible();
  await expect(choose).toBeChecked();
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  const userName = dialog.getByTestId('login-username');
  if ((await userName.inputValue()) !== ADMIN.user) {
    await tabTo(page, tid('login-username'), 'User name', { back: true, max: 6 });
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(ADMIN.user);
  }
  await tabTo(page, tid('login-password'), 'Password', { max: 3 });
  await page.keyboard.type(ADMIN.password);
  await shoot(page, 'keyboard-login-dialog');
  await press(page, 'Enter');
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  // Focus comes back to the button that opened the dialog, not to the top of the page.
  await expect(login).toBeFocused();
  await expect(
    page.getByRole('navigation', { name: 'Setup steps' }).locator('li[data-step="find"]').getByTestId('step-status'),
  ).toHaveText(/verified/, { timeout: 20_000 });
  await next(page, 'static-ip', 'Static IP');

  // Static IP: its main action reached (it changes the NVR: not pressed).
  await tabTo(page, tid(MAIN_ACTION['static-ip']!), 'Check again (the NVR’s address settings)');
  await tabTo(page, tid('draft-address'), 'the address to give the NVR');
  await shoot(page, 'keyboard-static-ip-address-focused');
  await next(page, 'ports', 'Ports');

  // Ports: measured on its first visit; pressed with Enter only when that left no result.
  await firstVisitSettled(page, 'ports');
  const audit = page.getByTestId(MAIN_ACTION.ports!);
  await expect(audit).toBeEnabled({ timeout: 60_000 });
  await tabTo(page, tid(MAIN_ACTION.ports!), 'Measure the ports');
  if ((await page.getByTestId('ports-measured-at').count()) === 0) await press(page, 'Enter');
  await expect(page.getByTestId('ports-measured-at')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('audit-progress')).toBeHidden({ timeout: 60_000 });
  await shoot(page, 'keyboard-ports-measured');
  await next(page, 'security', 'Security');

  for (const [id, title, to, toTitle] of [
    ['security', 'Security', 'upnp', 'UPnP'],
    ['upnp', 'UPnP', 'internet', 'Internet side'],
    ['internet', 'Internet side', 'ddns', 'DDNS'],
    ['ddns', 'DDNS', 'rules', 'Router rules'],
  ] as const) {
    // Security and UPnP check on their first visit: their button is free again once that ends.
    if (id === 'security' || id === 'upnp') await firstVisitSettled(page, id);
    await tabTo(page, tid(MAIN_ACTION[id]!), `${title}’s main action`);
    await next(page, to, toTitle);
  }

  // Router rules: the plan made on opening (waited for: Enter on the busy button would do nothing); a private source
  // refused at its field (focus back on the field, marked and ringed), then the plan made again with Enter.
  await expect(page.locator('form.wishes[data-opened="true"]')).toBeVisible({ timeout: 30_000 });
  await tabTo(page, tid('rules-allow-input'), 'the allowed sources');
  await page.keyboard.type('192.168.1.5');
  await tabTo(page, tid(MAIN_ACTION.rules!), 'Make the plan');
  await press(page, 'Enter');
  await expect(page.getByTestId('plan-problem')).toContainText('is a private address');
  const allow = page.getByTestId('rules-allow-input');
  await expect(allow).toHaveAttribute('aria-invalid', 'true');
  await tabTo(page, tid('rules-allow-input'), 'the refused field', { back: true });
  await shoot(page, 'keyboard-rules-refused-field-focused');
  await page.keyboard.press('ControlOrMeta+a');
  await press(page, 'Delete');
  await tabTo(page, tid(MAIN_ACTION.rules!), 'Make the plan');
  await press(page, 'Enter');
  await expect(page.getByTestId('rule-table')).toBeVisible({ timeout: 30_000 });
  // Port forwarding skips VPN (recommended instead): Next leads to Verify; VPN is opened from the step list, with
  // the keyboard too.
  await expect(page.getByTestId('next-step')).toHaveText(/Next: Verify/);
  await tabTo(page, 'nav li[data-step="vpn"] a', 'VPN in the step list', { back: true });
  await press(page, 'Enter');
  await expect(page).toHaveURL(/#\/step\/vpn$/);
  await expect.poll(async () => (await focused(page)).isMain, { message: 'focus moves to VPN' }).toBe(true);
  await tabTo(page, tid(MAIN_ACTION.vpn!), 'the VPN plan');
  await next(page, 'verify', 'Verify');
  await firstVisitSettled(page, 'verify');
  await tabTo(page, tid(MAIN_ACTION.verify!), 'Re-check everything');
  await next(page, 'checklist', 'Checklist');

  // Checklist: the PDF downloaded with Enter.
  await tabTo(page, tid(MAIN_ACTION.checklist!), 'Download PDF (A4)');
  await shoot(page, 'keyboard-checklist-focused');
  const [file] = await Promise.all([page.waitForEvent('download'), press(page, 'Enter')]);
  expect(file.suggestedFilename()).toMatch(/^nvr-checklist-\d{4}-\d{2}-\d{2}\.pdf$/);
  await expect(page.getByTestId('checklist-step-status')).toHaveText('verified');

  expect(await page.evaluate(() => (window as unknown as { pointerPresses: number }).pointerPresses)).toBe(0);
  expect(unringed, 'every element focused on the way shows a focus ring').toEqual([]);
  expect(Object.keys(MAIN_ACTION)).toEqual(STEPS.map((s) => s.id));
  test.info().annotations.push({ type: 'key presses', description: String(presses) });
  process.stdout.write(`keyboard journey: ${presses} key presses (Tab, Enter, arrows), no pointer\n`);
  expect(problems).toEqual([]);
});
