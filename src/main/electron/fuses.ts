// Electron fuses: switches flipped in the packaged Electron binary itself, so they hold even if someone starts
// the app with hostile flags or environment. They belong to the packaging step: electron-builder flips them from
// `electronFuses` in electron-builder.yml, which must equal this table camelCased (tests/unit/release/
// installer-config.test.ts); tests/unit/electron/fuses.test.ts pins every value. Keys are FuseV1Options member names.
//
// Note: a binary with EnableNodeCliInspectArguments off cannot be driven by Playwright's _electron.launch
// (it needs --inspect); E2E runs against the unpackaged node_modules/electron binary, which has no fuses flipped.

export const FUSE_VERSION = 'V1' as const;

export const INTENDED_FUSES = Object.freeze({
  /** ELECTRON_RUN_AS_NODE would turn the app into a plain Node that runs any script. */
  RunAsNode: false,
  /** Encrypt cookies on disk with an OS-protected key. */
  EnableCookieEncryption: true,
  /** NODE_OPTIONS could inject code (--require) into the main process. */
  EnableNodeOptionsEnvironmentVariable: false,
  /** --inspect / --inspect-brk would open a debugger port into the main process. */
  EnableNodeCliInspectArguments: false,
  /** Refuse to start when app.asar does not match the hash embedded at packaging time. */
  EnableEmbeddedAsarIntegrityValidation: true,
  /** Load the app only from app.asar, never from a loose app/ folder someone dropped beside it. */
  OnlyLoadAppFromAsar: true,
  /** We serve app:// and never file://, so file:// gets no extra powers. */
  GrantFileProtocolExtraPrivileges: false,
});

export type FuseName = keyof typeof INTENDED_FUSES;
