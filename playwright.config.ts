import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

// Playwright cannot download browsers here: Debian's Chromium, with the flags that keep it off the network.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Specs that search the network: they run only in the lab. */
const LAB_SPECS = /(find|ports)-step\.spec\.ts$/;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  workers: 1,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '.cache/playwright-results.json' }]],
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    { name: 'browser-mode', testIgnore: [/electron\.spec\.ts$/, LAB_SPECS] },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
    {
      // Chromium inside the lab's client namespace, beside the lab's browser-mode server (see global-setup.ts).
      name: 'lab',
      testMatch: LAB_SPECS,
      use: { launchOptions: { executablePath: resolve('tests/lab/netns-chromium.sh'), args: CHROMIUM_ARGS } },
    },
  ],
});
