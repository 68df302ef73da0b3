import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';

// What the behaviour tests cannot see: switches that must never appear, and where electron may be imported.
const read = (p: string) => readFileSync(new URL(`../../../src/${p}`, import.meta.url), 'utf8');

const shellFiles = [
  'main/index.ts',
  'main/electron/window.ts',
  'main/electron/guards.ts',
  'main/electron/protocol.ts',
  'main/electron/ipc.ts',
  'main/electron/security.ts',
  'preload/index.ts',
  'preload/api.ts',
];

describe('Electron shell sources', () => {
  it.each(shellFiles)('%s never turns a security switch off', (file) => {
    const source = read(file);
    expect(source).not.toMatch(
      /sandbox:\s*false|contextIsolation:\s*false|nodeIntegration\w*:\s*true|webSecurity:\s*false|allowRunningInsecureContent:\s*true|webviewTag:\s*true|experimentalFeatures:\s*true/,
    );
    expect(source).not.toMatch(
      /disable-web-security|no-sandbox|ignore-certificate-errors|appendSwitch|loadFile\(|file:\/\/\//,
    );
    expect(source).not.toMatch(/exposeInMainWorld\([^,]+,\s*ipcRenderer\b/);
  });

  it.each(['security.ts', 'ipc.ts', 'guards.ts', 'protocol.ts', 'fuses.ts'])(
    'main/electron/%s imports electron for types only, so it runs in unit tests',
    (file) => {
      const source = read(`main/electron/${file}`);
      expect(source).not.toMatch(/^import (?!type )[^;]*from 'electron'/m);
      expect(source).not.toMatch(/require\('electron'\)/);
    },
  );
});
