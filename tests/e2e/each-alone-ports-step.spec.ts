import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { appHome } from './signed-in';
import { changeOutcome, lastChangeAt } from './ports-page';
import { firstVisitSettled } from './lab-page';

// Issue 20, against the lab's Hikvision simulator (192.168.50.64) set to refuse any change of its RTSP port (as some
// recorders do: `lab.mjs sim hik rtsp-fixed on`). From launch to a finished change, counting every action: the
// login is asked before the confirmation, the combined change is refused and put back, and one click moves each
// port on its own — the web ports move (verified), RTSP stays, and the page says what that means outside. The
// simulator is always put back (rtsp-fixed off, factory ports through the app's API), because the lab is shared.
const labUrl = process.env.NVR_ASSIST_LAB_URL;
const HIK = '192.168.50.64';

test.skip(!labUrl, 'lab E2E: run by npm test inside the lab');

function lab(...args: string[]): void {
  const r = spawnSync(process.execPath, ['tests/lab/lab.mjs', ...args], { encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) throw new Error(`lab ${args.join(' ')}: ${r.stderr}`);
}

/** One call of the app's own API from the page's session (browser mode). */
function invoke(page: Page, channel: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([c, i]) => {
      const res = await fetch(`/api/invoke/${c}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(i),
      });
      return res.json();
    },
    [channel, input] as const,
  );
}

interface PortsEntry {
  lastChange?: { at: string; outcome: string } | null;
  report?: { measuredAt: string } | null;
}

const portsEntry = async (page: Page, deviceId: string): Promise<PortsEntry> =>
  ((await invoke(page, 'ports.get', { deviceId })) as { data?: PortsEntry }).data ?? {};

/**
 * Puts the simulator's web ports back on its factory ones through the app's own API (with the yes), and waits until
 * main has recorded the change. A change's job measures the ports again after it is recorded: the put-back waits for
 * that measurement, as the page's Apply does (disabled while the job runs) — sent before it, the change is checked
 * against the measurement from before the move, where 80 and 443 were still taken, and refused.
 */
async function restoreByApi(page: Page, deviceId: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const { lastChange, report } = await portsEntry(page, deviceId);
        return !lastChange || (report?.measuredAt ?? '') >= lastChange.at;
      },
      { timeout: 60_000, message: 'the ports measured again after the last change' },
    )
    .toBe(true);
  const after = (await portsEntry(page, deviceId)).lastChange?.at ?? '';
  const applied = (await invoke(page, 'ports.apply', {
    deviceId,
    changes: [
      { role: 'http', to: 80 },
      { role: 'https', to: 443 },
    ],
    confirmWarnings: true,
    oneAtATime: true,
  })) as { ok: boolean; error?: { message?: string } };
  if (!applied.ok) {
    // What main knows of devices at that moment, to tell why (ids only).
    const listed = (await invoke(page, 'discovery.list', {})) as { data?: { devices?: { id: string }[] } };
    const ids = (listed.data?.devices ?? []).map((d) => d.id).join(', ');
    throw new Error(`the put-back of ${deviceId} was refused: ${applied.error?.message ?? ''} (listed: ${ids})`);
  }
  await expect
    .poll(
      async () => {
        const last = (await portsEntry(page, deviceId)).lastChange;
        return last && last.at !== after ? last.outcome : 'waiting';
      },
      { timeout: 120_000, message: 'the simulator put back on its factory ports' },
    )
    .toBe('verified');
}

test('Ports: the NVR refuses RTSP; one click moves each port on its own, in the fewest actions', async ({ page }) => {
  test.setTimeout(300_000);
  mkdirSync('test-results/screens', { recursive: true });
  let actions = 0;
  /** One thing the user does (a click, a key, a typed field): counted. */
  const act = async (what: () => Promise<unknown>) => {
    actions += 1;
    await what();
  };

  lab('sim', 'hik', 'rtsp-fixed', 'on');
  let deviceId = '';
  let passed = false;
  let putBackError: unknown = null;
  try {
    await page.goto(appHome(labUrl!));
    // A login main may still hold from another spec would skip the dialog: start without any.
    await invoke(page, 'device.forgetPassword', {});
    const sidebar = page.getByRole('navigation', { name: 'Setup steps' });
    await act(() => sidebar.getByRole('link', { name: /Find your NVR/ }).click());
    const search = page.getByTestId('search');
    await expect(search).toBeEnabled({ timeout: 20_000 });
    const pickInterface = !((await page.getByTestId('search-interface').textContent()) ?? '').includes('eth0');
    if (pickInterface) {
      await act(() => page.getByTestId('change-interface').click());
      await act(() => page.locator('input[name="find-interface"][value="eth0"]').check());
    }
    await act(() => search.click());
    const hik = page.locator(`li[data-address="${HIK}"]`);
    await expect(hik).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('cancel-search')).toBeHidden({ timeout: 30_000 });
    deviceId = (await hik.getAttribute('data-device-id')) ?? '';
    await act(() => hik.getByTestId('choose-device').check());

    // Ports, straight from the list of steps (Static IP comes next in the wizard; this user goes on to Ports): the
    // login is asked when Apply needs it, before the confirmation.
    await act(() => sidebar.getByRole('link', { name: /Ports/ }).click());
    await expect(page.getByRole('heading', { level: 1, name: 'Ports' })).toBeVisible();
    // Ports never measured for this NVR are measured on the page's first visit (nothing to press); the check is
    // pressed (and counted) only when that left no result.
    const pressed = (await firstVisitSettled(page, 'ports')) === null;
    if (pressed) await act(() => page.getByTestId('audit').click());
    await expect(page.getByTestId('audit-progress')).toBeHidden({ timeout: 60_000 });
    await expect(page.getByTestId('pending-changes')).toContainText('RTSP');
    await act(() => page.getByTestId('apply').click());
    const dialog = page.getByTestId('login-dialog');
    await expect(dialog).toBeVisible();
    await act(() => dialog.getByLabel('User name').fill('admin'));
    await act(() => dialog.getByLabel('Password', { exact: true }).fill('Lab-Admin-2024'));
    await act(() => dialog.getByLabel('Password', { exact: true }).press('Enter'));
    await expect(page.getByTestId('apply-confirm')).toBeVisible({ timeout: 20_000 });
    const before = await lastChangeAt(page);
    await act(() => page.getByTestId('apply-confirm-yes').press('Enter'));

    // The NVR refuses the combined change: everything is put back and checked, and the page offers the way on.
    expect(await changeOutcome(page, before)).toBe('put back');
    await expect(page.getByTestId('each-alone')).toContainText('refused these ports together');
    const refusedAt = await lastChangeAt(page);
    await act(() => page.getByTestId('apply-each').click());
    expect(await changeOutcome(page, refusedAt)).toBe('partly moved');
    await expect(page.locator('[data-testid="change-item"][data-role="http"]')).toHaveAttribute(
      'data-verified',
      'true',
    );
    await expect(page.locator('[data-testid="change-item"][data-role="rtsp"]')).toHaveAttribute(
      'data-verified',
      'false',
    );
    await expect(page.getByTestId('change-message')).toContainText('The NVR keeps the video streams (RTSP) on 554');
    await expect(page.getByTestId('change-message')).toContainText('Do not forward RTSP');
    await expect(page.getByTestId('each-alone')).toHaveCount(0);
    await page.getByTestId('verify').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screens/ports-each-alone.png', fullPage: true });

    // From launch to a finished change: Find, search, choose, Next, Apply, user, password, Enter, Enter (confirm),
    // and the one click that moves each port on its own (two more when the interface must be picked). The check runs
    // by itself on the first visit (it was one more action before); pressed only when that check left no result.
    expect(actions).toBe((pickInterface ? 12 : 10) + (pressed ? 1 : 0));
    passed = true;
  } finally {
    lab('sim', 'hik', 'rtsp-fixed', 'off');
    try {
      if (deviceId) await restoreByApi(page, deviceId);
    } catch (err) {
      // A put-back that fails must not hide the spec's own error: thrown after it only when the spec passed.
      putBackError = err;
      if (!passed) console.error(`and the put-back failed too: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      // The server is shared by the lab specs: leave it as a new user finds it (no login held, a fresh setup), even
      // when the put-back failed (its error still fails this spec).
      await invoke(page, 'device.forgetPassword', {});
      await invoke(page, 'setup.reset', {});
    }
  }
  if (putBackError) throw putBackError;
});
