// The one application window. Every decision it applies is a pure function in security.ts; the guards on its
// web contents come from guards.ts (also applied app-wide in index.ts via 'web-contents-created').

import { BrowserWindow, Menu, nativeTheme, type MenuItemConstructorOptions } from 'electron';
import { APP_ENTRY_URL, secureWebPreferences } from './security';

export interface MainWindowOptions {
  preloadPath: string;
  /** The electron-vite dev server URL (already checked by devServerOrigin), or null for app://. */
  devServerUrl: string | null;
  platform?: NodeJS.Platform;
}

/** Window geometry: sane defaults, nothing remembered between runs. */
export const WINDOW_GEOMETRY = { width: 1180, height: 800, minWidth: 880, minHeight: 600 } as const;

/**
 * What the window shows before the page paints (and while it resizes), in the system's theme like the page
 * (src/renderer/styles/base.css): white, or the dark theme's --color-bg.
 */
export const WINDOW_BACKGROUND = { light: '#ffffff', dark: '#12161c' } as const;

function windowBackground(): string {
  return nativeTheme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light;
}

/**
 * The application menu: on macOS the standard app/edit/window menus (copy and paste need the edit menu
 * there); elsewhere none, so no reload, devtools or zoom entries appear by surprise.
 */
export function applicationMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
}

export function installApplicationMenu(platform: NodeJS.Platform = process.platform): void {
  const template = applicationMenuTemplate(platform);
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const platform = options.platform ?? process.platform;
  const win = new BrowserWindow({
    ...WINDOW_GEOMETRY,
    title: 'NVR Remote-Access Assistant',
    show: false,
    autoHideMenuBar: platform !== 'darwin',
    backgroundColor: windowBackground(),
    // DevTools only under electron-vite dev (a dev server URL is given only unpackaged, see devServerOrigin).
    webPreferences: secureWebPreferences(options.preloadPath, { dev: options.devServerUrl !== null }),
  });
  if (platform !== 'darwin') win.removeMenu();
  // The system switching between light and dark while the app runs: the page follows by itself, the window here.
  const followTheme = () => {
    if (!win.isDestroyed()) win.setBackgroundColor(windowBackground());
  };
  nativeTheme.on('updated', followTheme);
  win.once('closed', () => nativeTheme.off('updated', followTheme));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.devServerUrl ?? APP_ENTRY_URL).catch(() => {
    // A failed load leaves the window blank; say so in the terminal rather than crash the main process.
    process.stderr.write('[nvr-assist] the window could not load the app\n');
    if (!win.isDestroyed()) win.show();
  });
  return win;
}
