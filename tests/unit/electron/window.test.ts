import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';

// window.ts and index.ts import electron at run time, which cannot load without the binary; their pure parts
// live in security.ts. These checks pin the wiring by reading the sources.
const read = (p: string) => readFileSync(new URL(`../../../src/main/${p}`, import.meta.url), 'utf8');

describe('window.ts wiring', () => {
  const source = read('electron/window.ts');

  it('uses secureWebPreferences and nothing else for webPreferences', () => {
    expect(source).toMatch(/webPreferences: secureWebPreferences\(options\.preloadPath\)/);
    expect(source.match(/webPreferences/g)).toHaveLength(1);
  });

  it('loads app:// (or the checked dev server), never a file', () => {
    expect(source).toMatch(/loadURL\(options\.devServerUrl \?\? APP_ENTRY_URL\)/);
    expect(source).not.toMatch(/loadFile|file:\/\//);
  });

  it('shows the window only when ready', () => {
    expect(source).toMatch(/show: false/);
    expect(source).toMatch(/once\('ready-to-show'/);
  });
});

describe('index.ts wiring', () => {
  const source = read('index.ts');

  it.each([
    ['enables the sandbox for every renderer', /app\.enableSandbox\(\)/],
    ['holds the single-instance lock', /app\.requestSingleInstanceLock\(\)/],
    ['registers app:// before ready', /registerAppScheme\(protocol\)/],
    ['guards every web contents', /app\.on\('web-contents-created'[\s\S]*hardenWebContents/],
    ['hardens the session', /hardenSession\(session\.defaultSession/],
    ['serves the renderer over app://', /handleAppProtocol\(protocol, rendererRoot\)/],
    ['builds the shared core in electron mode', /createAppCore\(\{ dataDir: defaultDataDir\(\), mode: 'electron'/],
    ['registers the contract', /registerContract\(ipcMain, core\.dispatch/],
    ['forwards events', /forwardEvents\(core\.hub/],
    ['closes the core before quitting', /before-quit[\s\S]*\.close\(\)/],
    ['finds the preload beside the main bundle', /join\(here, '\.\.\/preload\/index\.cjs'\)/],
  ])('%s', (_what, pattern) => {
    expect(source).toMatch(pattern);
  });

  it('never turns a security switch off', () => {
    expect(source).not.toMatch(
      /sandbox:\s*false|contextIsolation:\s*false|nodeIntegration:\s*true|webSecurity:\s*false/,
    );
    expect(source).not.toMatch(/disable-web-security|no-sandbox|ignore-certificate-errors|appendSwitch/);
  });
});

describe('electron is imported only where it may be', () => {
  it('keeps security.ts, ipc.ts, guards.ts, protocol.ts and fuses.ts free of run-time electron imports', () => {
    for (const file of ['security.ts', 'ipc.ts', 'guards.ts', 'protocol.ts', 'fuses.ts']) {
      const source = read(`electron/${file}`);
      expect(source, file).not.toMatch(/^import (?!type )[^;]*from 'electron'/m);
      expect(source, file).not.toMatch(/require\('electron'\)/);
    }
  });
});
