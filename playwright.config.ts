import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { SIGNED_IN_STATE } from './tests/e2e/signed-in';

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

/**
 * Specs that search the network or change the lab: they run only in the lab. The accessibility and keyboard specs
 * open "Find your NVR", whose first visit starts a search, so they run there too.
 */
const LAB_SPECS = /((find|ports|static-ip|upnp|rules|journey)-step|accessibility|keyboard-journey)\.spec\.ts$/;
/**
 * Browser mode's printed address works once: each browser project first signs in with it (sign-in.setup.ts,
 * in that project's Chromium) and its specs start from the saved signed-in state (tests/e2e/signed-in.ts).
 */
const SIGN_IN = /sign-in\.setup\.ts$/;
const LAB_CHROMIUM = { executablePath: resolve('tests/lab/netns-chromium.sh'), args: CHROMIUM_ARGS };

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
    { name: 'browser-mode sign-in', testMatch: SIGN_IN, metadata: { server: 'NVR_ASSIST_URL' } },
    {
      name: 'browser-mode',
      testIgnore: [/electron\.spec\.ts$/, LAB_SPECS, SIGN_IN],
      dependencies: ['browser-mode sign-in'],
      use: { storageState: SIGNED_IN_STATE.NVR_ASSIST_URL },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
    // Chromium inside the lab's client namespace, beside the lab's browser-mode server (see global-setup.ts).
    {
      name: 'lab sign-in',
      testMatch: SIGN_IN,
      metadata: { server: 'NVR_ASSIST_LAB_URL' },
      use: { launchOptions: LAB_CHROMIUM },
    },
    {
      name: 'lab',
      testMatch: LAB_SPECS,
      dependencies: ['lab sign-in'],
      use: { launchOptions: LAB_CHROMIUM, storageState: SIGNED_IN_STATE.NVR_ASSIST_LAB_URL },
    },
  ],
});
