// The Electron entry: the composition root of the desktop app. It builds the app core (the same one browser
// mode and the CLI use), registers the app:// protocol and the IPC contract, hardens every web contents and
// the session, and opens the one window. Every security decision lives in src/main/electron/security.ts.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { createAppCore, type AppCore } from './app';
import { defaultDataDir } from './core/paths';
import { hardenSession, hardenWebContents } from './electron/guards';
import { forwardEvents, registerContract } from './electron/ipc';
import { handleAppProtocol, registerAppScheme } from './electron/protocol';
import { devServerOrigin } from './electron/security';
import { createMainWindow, installApplicationMenu } from './electron/window';

// The main bundle is ESM: out/main/index.js, beside out/preload and out/renderer.
const here = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(here, '../preload/index.cjs');
const rendererRoot = join(here, '../renderer');

const log = (line: string): void => void process.stderr.write(`[nvr-assist] ${line}\n`);

// Only an unpackaged app under `electron-vite dev` loads from the loopback dev server; everything else is app://.
const devOrigin = devServerOrigin(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
const devServerUrl = devOrigin ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;

// Before ready: every renderer sandboxed, app:// privileged.
app.enableSandbox();
registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the setup record; it gets focused through 'second-instance'.
  app.quit();
} else {
  let core: AppCore | null = null;
  let mainWindow: BrowserWindow | null = null;
  let stopContract: (() => void) | null = null;
  let stopEvents: (() => void) | null = null;

  const openWindow = (): void => {
    mainWindow = createMainWindow({ preloadPath, devServerUrl });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents the app ever creates, whoever creates it: navigation, window.open and <webview> guarded.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { devOrigin, openExternal: (url) => shell.openExternal(url), log });
  });

  app
    .whenReady()
    .then(() => {
      installApplicationMenu();
      hardenSession(session.defaultSession, { devOrigin, log });
      handleAppProtocol(protocol, rendererRoot);
      // "Remember my password" uses the system keychain through safeStorage, and only where it is available.
      const secretCipher = safeStorage.isEncryptionAvailable()
        ? { encrypt: (s: string) => safeStorage.encryptString(s), decrypt: (b: Buffer) => safeStorage.decryptString(b) }
        : null;
      core = createAppCore({
        dataDir: defaultDataDir(),
        mode: 'electron',
        version: app.getVersion(),
        log,
        secretCipher,
      });
      stopContract = registerContract(ipcMain, core.dispatch, { devOrigin, log });
      stopEvents = forwardEvents(core.hub, () => mainWindow, { devOrigin });
      openWindow();
      app.on('activate', () => {
        // macOS: clicking the dock icon with no window open opens one again.
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    })
    .catch((err: unknown) => {
      log(`startup failed: ${err instanceof Error ? err.name : typeof err}`);
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    // macOS convention: the app stays in the dock until the user quits it.
    if (process.platform !== 'darwin') app.quit();
  });

  // Cancel running jobs and let them settle (bounded inside core.close) before the process goes.
  app.on('before-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    stopEvents?.();
    stopContract?.();
    const closingCore = core;
    core = null;
    closingCore
      .close()
      .catch(() => log('shutdown did not finish cleanly'))
      .finally(() => app.quit());
  });
}
