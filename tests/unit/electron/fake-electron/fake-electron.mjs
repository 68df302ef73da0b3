// Just enough of Electron's main-process API for the built entry to start. When the window loads its URL, this
// fake fetches the page and every asset it links through the registered app:// handler, makes two IPC calls as
// the window's main frame, quits, and prints one JSON report line for built-main.test.ts.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';

const report = {
  privileged: null,
  sandbox: false,
  webPreferences: null,
  preloadExists: false,
  responses: [],
  ipc: {},
  events: [],
  quit: false,
};
const protocolHandlers = {};
const ipcHandlers = {};
const windows = [];

function finish() {
  process.stdout.write(`REPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
}

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  enableSandbox() {
    report.sandbox = true;
  },
  requestSingleInstanceLock: () => true,
  getVersion: () => '0.0.0-test',
  whenReady: () => Promise.resolve(),
  quit() {
    report.quit = true;
    finish();
  },
  exit(code) {
    process.exit(code);
  },
});

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    report.privileged = schemes;
  },
  handle(scheme, handler) {
    protocolHandlers[scheme] = handler;
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler() {},
    setPermissionCheckHandler() {},
    setDevicePermissionHandler() {},
    webRequest: { onBeforeRequest() {} },
  },
};

export const ipcMain = {
  handle(channel, handler) {
    ipcHandlers[channel] = handler;
  },
  removeHandler(channel) {
    delete ipcHandlers[channel];
  },
};

export const shell = { openExternal: async () => {} };
// No keychain in the fake: the app must then keep logins in memory only.
export const safeStorage = { isEncryptionAvailable: () => false };
export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });
export const Menu = { setApplicationMenu() {}, buildFromTemplate: (template) => template };

async function fetchApp(url) {
  const response = await protocolHandlers.app(new Request(url));
  const body = await response.text();
  report.responses.push({
    url,
    status: response.status,
    type: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    bytes: body.length,
  });
  return body;
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    windows.push(this);
    report.webPreferences = options.webPreferences;
    report.preloadExists = existsSync(options.webPreferences.preload);
    const mainFrame = { url: '' };
    this.webContents = {
      mainFrame,
      isDestroyed: () => false,
      getURL: () => mainFrame.url,
      send: (channel, name) => report.events.push([channel, name]),
    };
  }
  removeMenu() {}
  setBackgroundColor() {}
  show() {}
  isDestroyed() {
    return false;
  }
  async loadURL(url) {
    this.webContents.mainFrame.url = url;
    const html = await fetchApp(url);
    for (const match of html.matchAll(/(?:src|href)="([^"]+)"/g)) await fetchApp(new URL(match[1], url).href);
    await fetchApp(new URL('../../etc/passwd', url).href.replace('/etc/', '/..%2fetc/'));
    const event = { senderFrame: this.webContents.mainFrame, sender: this.webContents };
    report.ipc.appInfo = await ipcHandlers['app.info'](event, {});
    report.ipc.subframe = await ipcHandlers['app.info']({ senderFrame: { url }, sender: this.webContents }, {});
    report.ipc.reset = await ipcHandlers['setup.reset'](event, {});
    app.emit('before-quit', { preventDefault() {} });
  }
  static getAllWindows() {
    return [...windows];
  }
}

export default { app, protocol, session, ipcMain, shell, safeStorage, nativeTheme, Menu, BrowserWindow };
