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
  /**
   * main's own errors about the app itself, said by key (src/main/services/setup-store.ts, src/main/core/dispatch.ts):
   * with the first screen, so any page can say them. File and folder paths, and the fields named, are values.
   */
  failures: {
    notRead: 'Your saved progress could not be read. Check the permissions of the app’s settings folder.',
    damagedReadOnly:
      'Your saved progress in {file} is damaged and the folder {folder} cannot be written. Make the folder writable or move the file away, then start the app again.',
    /** {fields}: the request's fields that were wrong, by their names (never their values). */
    badRequest: 'The request was not in the expected form (check: {fields}).',
  },
} as const;

export const common = {
  checking: 'Checking…',
} as const;
