import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, expect, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { EVENT_IPC_CHANNEL, INVOKE_CHANNELS } from '../../../src/shared/ipc/channels';
import { APP_SCHEME_PRIVILEGES } from '../../../src/main/electron/protocol';
import { secureWebPreferences } from '../../../src/main/electron/security';

// Runs the real Electron entry (src/main/index.ts) and window.ts against a fake 'electron' module: the Electron
// binary is not needed to check what the composition root wires, in which order, with which options.

const fake = await vi.hoisted(async () => {
  // vi.hoisted runs before the imports above: it loads what it needs itself.
  const { EventEmitter: Emitter } = await import('node:events');
  const calls: string[] = [];
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((r) => (resolveReady = r));

  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    enableSandbox: () => void calls.push('enableSandbox'),
    requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), true),
    getVersion: () => '9.9.9',
    whenReady: () => ready,
    quit: () => void calls.push('quit'),
    exit: (code: number) => void calls.push(`exit ${code}`),
  });
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged: (schemes: unknown) =>
      void calls.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
      calls.push(`protocol.handle ${scheme}`);
      protocolHandlers.set(scheme, handler);
    },
  };
  const sessionHandlers: Record<string, unknown> = {};
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: unknown) => void (sessionHandlers.request = h),
      setPermissionCheckHandler: (h: unknown) => void (sessionHandlers.check = h),
      setDevicePermissionHandler: (h: unknown) => void (sessionHandlers.device = h),
      webRequest: { onBeforeRequest: (_f: unknown, h: unknown) => void (sessionHandlers.beforeRequest = h) },
    },
  };
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain = {
    handle: (channel: string, h: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
      void ipcHandlers.set(channel, h),
    removeHandler: (channel: string) => void ipcHandlers.delete(channel),
  };
  const shell = { openExternal: async (url: string) => void calls.push(`openExternal ${url}`) };

  // The system's light or dark theme (the test sets it and emits 'updated' as Electron does on a change).
  const nativeTheme = Object.assign(new Emitter(), { shouldUseDarkColors: false });

  const windows: FakeWindow[] = [];
  class FakeWindow extends Emitter {
    options: Record<string, unknown>;
    loaded: string[] = [];
    shown = false;
    menuRemoved = false;
    destroyed = false;
    sent: unknown[][] = [];
    backgrounds: string[] = [];
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      const mainFrame = { url: '' };
      this.webContents = {
        mainFrame,
        isDestroyed: () => this.destroyed,
        getURL: () => mainFrame.url,
        send: (...args: unknown[]) => void this.sent.push(args),
      };
      windows.push(this);
    }
    async loadURL(url: string) {
      this.loaded.push(url);
      (this.webContents.mainFrame as { url: string }).url = url;
    }
    removeMenu() {
      this.menuRemoved = true;
    }
    setBackgroundColor(colour: string) {
      this.backgrounds.push(colour);
    }
    show() {
      this.shown = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    static getAllWindows() {
      return windows.filter((w) => !w.destroyed);
    }
  }
  const Menu = {
    setApplicationMenu: (menu: unknown) => void calls.push(`setApplicationMenu ${JSON.stringify(menu)}`),
    buildFromTemplate: (template: unknown) => ({ template }),
  };
  return {
    calls,
    resolveReady,
    app,
    protocol,
    protocolHandlers,
    session,
    sessionHandlers,
    ipcMain,
    ipcHandlers,
    shell,
    windows,
    BrowserWindow: FakeWindow,
    Menu,
    nativeTheme,
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  protocol: fake.protocol,
  session: fake.session,
  ipcMain: fake.ipcMain,
  shell: fake.shell,
  safeStorage: { isEncryptionAvailable: () => false },
  BrowserWindow: fake.BrowserWindow,
  Menu: fake.Menu,
  nativeTheme: fake.nativeTheme,
  default: fake,
}));

let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'nvr-electron-entry-'));
  vi.stubEnv('NVR_ASSIST_DATA_DIR', dataDir);
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  await import('../../../src/main/index');
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('src/main/index.ts before ready', () => {
  it('enables the sandbox and registers app:// before asking for the lock, and opens nothing yet', () => {
    expect(fake.calls.slice(0, 3)).toEqual([
      'enableSandbox',
      `registerSchemesAsPrivileged ${JSON.stringify([APP_SCHEME_PRIVILEGES])}`,
      'requestSingleInstanceLock',
    ]);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });
});

describe('src/main/index.ts once ready', () => {
  beforeAll(async () => {
    fake.resolveReady();
    await flush();
  });

  it('opens one window with exactly the secure webPreferences, hidden until ready', () => {
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0]!;
    const preload = (win.options.webPreferences as { preload: string }).preload;
    expect(preload.replace(/\\/g, '/')).toMatch(/\/preload\/index\.cjs$/);
    expect(win.options.webPreferences).toStrictEqual(secureWebPreferences(preload));
    expect((win.options.webPreferences as { devTools: unknown }).devTools).toBe(false);
    expect(win.options.show).toBe(false);
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('turns DevTools on only for a window on the electron-vite dev server', async () => {
    const { createMainWindow } = await import('../../../src/main/electron/window');
    const before = fake.windows.length;
    createMainWindow({ preloadPath: '/p/index.cjs', devServerUrl: 'http://localhost:5173/' });
    createMainWindow({ preloadPath: '/p/index.cjs', devServerUrl: null });
    const [dev, prod] = fake.windows.splice(before, 2);
    expect(dev!.options.webPreferences).toStrictEqual(secureWebPreferences('/p/index.cjs', { dev: true }));
    expect((dev!.options.webPreferences as { devTools: unknown }).devTools).toBe(true);
    expect(prod!.options.webPreferences).toStrictEqual(secureWebPreferences('/p/index.cjs'));
    expect((prod!.options.webPreferences as { devTools: unknown }).devTools).toBe(false);
  });

  it('paints the window in the system’s theme before the page does, and follows the system when it switches', async () => {
    const { createMainWindow, WINDOW_BACKGROUND } = await import('../../../src/main/electron/window');
    // The dark window is the dark page's background (base.css), so a dark system sees no white flash on opening.
    const css = readFileSync(join(import.meta.dirname, '../../../src/renderer/styles/base.css'), 'utf8');
    const darkBlock = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
    expect(darkBlock).toContain(`--color-bg: ${WINDOW_BACKGROUND.dark};`);
    const before = fake.windows.length;
    fake.nativeTheme.shouldUseDarkColors = true;
    createMainWindow({ preloadPath: '/p/index.cjs', devServerUrl: null });
    fake.nativeTheme.shouldUseDarkColors = false;
    createMainWindow({ preloadPath: '/p/index.cjs', devServerUrl: null });
    const [dark, light] = fake.windows.splice(before, 2);
    expect(dark!.options.backgroundColor).toBe('#12161c');
    expect(light!.options.backgroundColor).toBe('#ffffff');
    fake.nativeTheme.shouldUseDarkColors = true;
    fake.nativeTheme.emit('updated');
    expect(dark!.backgrounds).toEqual(['#12161c']);
    expect(light!.backgrounds).toEqual(['#12161c']);
    // A closed window stops listening (no listener left behind per window opened).
    const listening = fake.nativeTheme.listenerCount('updated');
    light!.emit('closed');
    expect(fake.nativeTheme.listenerCount('updated')).toBe(listening - 1);
    fake.nativeTheme.shouldUseDarkColors = false;
  });

  it('loads app://nvr-assist/index.html, not a file', () => {
    expect(fake.windows[0]!.loaded).toEqual(['app://nvr-assist/index.html']);
  });

  it('serves the renderer through the app protocol', () => {
    expect(fake.calls).toContain('protocol.handle app');
  });

  it('hardens the session: permissions refused, no network from the page', () => {
    const request = fake.sessionHandlers.request as (w: unknown, p: string, cb: (v: boolean) => void) => void;
    const cb = vi.fn();
    request({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect((fake.sessionHandlers.check as (w: unknown, p: string) => boolean)({}, 'geolocation')).toBe(false);
    const before = fake.sessionHandlers.beforeRequest as (d: { url: string }, cb: (r: unknown) => void) => void;
    const decide = vi.fn();
    before({ url: 'https://evil.example/' }, decide);
    expect(decide).toHaveBeenCalledWith({ cancel: true });
  });

  it('removes the menu outside macOS', () => {
    if (process.platform === 'darwin') return;
    expect(fake.calls).toContain('setApplicationMenu null');
    expect(fake.windows[0]!.menuRemoved).toBe(true);
  });

  it('registers one IPC handler per contract channel, served by the real core', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    const mainFrame = (fake.windows[0]!.webContents as { mainFrame: unknown }).mainFrame;
    const event = { senderFrame: mainFrame, sender: fake.windows[0]!.webContents } as unknown as IpcMainInvokeEvent;
    const info = await fake.ipcHandlers.get('app.info')!(event, {});
    expect(info).toMatchObject({ ok: true, data: { mode: 'electron', version: '9.9.9' } });
  });

  it('refuses a call from a subframe', async () => {
    const sub = { url: 'app://nvr-assist/index.html' };
    const event = { senderFrame: sub, sender: fake.windows[0]!.webContents } as unknown as IpcMainInvokeEvent;
    expect(await fake.ipcHandlers.get('app.info')!(event, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('forwards contract events to the window', async () => {
    const win = fake.windows[0]!;
    const mainFrame = (win.webContents as { mainFrame: unknown }).mainFrame;
    const event = { senderFrame: mainFrame, sender: win.webContents } as unknown as IpcMainInvokeEvent;
    await fake.ipcHandlers.get('setup.chooseApproach')!(event, { approach: 'vpn' });
    expect(win.sent.some(([channel, name]) => channel === EVENT_IPC_CHANNEL && name === 'setup.onChanged')).toBe(true);
  });

  it('guards every web contents the app creates', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    fake.app.emit('web-contents-created', {}, contents);
    const nav = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents.emit('will-navigate', nav);
    expect(nav.preventDefault).toHaveBeenCalled();
    const open = contents.setWindowOpenHandler.mock.calls[0]![0] as (d: { url: string }) => unknown;
    expect(open({ url: 'https://github.com/' })).toEqual({ action: 'deny' });
    expect(fake.calls).toContain('openExternal https://github.com/');
  });

  it('quits when the last window closes (outside macOS)', () => {
    if (process.platform === 'darwin') return;
    fake.calls.length = 0;
    fake.app.emit('window-all-closed');
    expect(fake.calls).toEqual(['quit']);
  });

  it('closes the core before quitting, once, and stops serving IPC', async () => {
    fake.calls.length = 0;
    const event = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    await flush();
    expect(fake.calls).toEqual(['quit']);
    expect(fake.ipcHandlers.size).toBe(0);
    const again = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
