// The shell's group of the English catalogue (see ./index.ts): the app's frame and the words every page shares.
export const app = {
  skipToContent: 'Skip to content',
  browserMode: 'browser mode',
  browserModeTitle: "Running in your browser against the app's local service",
  version: 'Version {version} · {platform}',
  savedNote: 'Your setup is saved on this computer as you go; passwords are never stored in it.',
  /** Browser mode: what the page says when it cannot talk to the app's local service (renderer/api/http-bridge.ts). */
  bridge: {
    backendDown:
      "The app's background service is not running or cannot be reached. Start the app again, then reload this page.",
    notSignedIn:
      'This page is not connected to the app. Open the link the app printed when it started (it contains a one-time key), then try again.',
    unexpected: "The app's background service answered in an unexpected way. Nothing was changed. Try again.",
  },
} as const;

export const common = {
  checking: 'Checking…',
} as const;
