// The shell's group of the English catalogue (see ./index.ts): the app's frame and the words every page shares.
export const app = {
  skipToContent: 'Skip to content',
  browserMode: 'browser mode',
  browserModeTitle: "Running in your browser against the app's local service",
  version: 'Version {version} · {platform}',
  savedNote: 'Your setup is saved on this computer as you go; passwords are never stored in it.',
} as const;

export const common = {
  checking: 'Checking…',
} as const;
