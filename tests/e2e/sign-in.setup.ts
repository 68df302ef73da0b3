import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { test as setup, expect } from '@playwright/test';
import { SIGNED_IN_STATE, appHome, type ServerVariable } from './signed-in';

// Runs once per browser project before its specs (playwright.config.ts `dependencies`): opens the address the
// server printed, exactly once, in that project's Chromium, and saves the signed-in state for the specs. Then it
// checks the address is spent: a fresh browser gets the plain "already used" page.
setup('sign in with the one-time address', async ({ page, browser }, testInfo) => {
  const variable = (testInfo.project.metadata as { server?: ServerVariable }).server ?? 'NVR_ASSIST_URL';
  const file = SIGNED_IN_STATE[variable];
  mkdirSync(dirname(file), { recursive: true });
  const address = process.env[variable];
  if (!address) {
    // No server for this project (the lab is not up): its specs skip; leave them an empty state to start from.
    writeFileSync(file, JSON.stringify({ cookies: [], origins: [] }));
    setup.skip(true, `${variable} is not set (see tests/e2e/global-setup.ts)`);
    return;
  }

  const first = await page.goto(address);
  expect(first?.ok(), 'the printed address opens the app').toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(page.url(), 'the token leaves the address bar').not.toContain('token=');
  expect(page.url().startsWith(appHome(address))).toBe(true);
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'nvr_assist_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  await page.context().storageState({ path: file });

  // One-time: another browser opening the same address is refused with words a person can act on.
  const other = await browser.newContext();
  try {
    const stranger = await other.newPage();
    const again = await stranger.goto(address);
    expect(again?.status()).toBe(403);
    await expect(stranger.getByRole('heading', { level: 1 })).toHaveText('This address was already used');
    await expect(stranger.getByText('run it again')).toBeVisible();
  } finally {
    await other.close();
  }
});
