// The installers' configuration (electron-builder.yml, issue 16): an installer cannot be built on this machine (the
// Electron runtime cannot be fetched), so what can be checked here is: electron-builder itself finds and accepts the
// file, the targets and icons each system needs are there, and the fuses it flips are the shell's own table. What
// the user would lose: an installer missing for their system, a packaged app that runs as plain Node or takes
// NODE_OPTIONS/--inspect (fuses), an icon that is stale or the wrong size.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { INTENDED_FUSES } from '../../../src/main/electron/fuses';

const require = createRequire(import.meta.url);
const { findAndReadConfig } = require('app-builder-lib/out/util/config/load') as {
  findAndReadConfig(r: { packageKey: string; configFilename: string; projectDir: string }): Promise<{
    result: Record<string, unknown>;
    configFile: string | null;
  } | null>;
};
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(c: unknown, log: { isEnabled: boolean; add(): void }): Promise<void>;
};

type Target = { target: string; arch: string[] };
async function config() {
  const found = await findAndReadConfig({ packageKey: 'build', configFilename: 'electron-builder', projectDir: '.' });
  expect(found?.configFile).toMatch(/electron-builder\.yml$/);
  return found!.result as {
    appId: string;
    productName: string;
    files: string[];
    asar: boolean;
    fileAssociations: unknown[];
    protocols: unknown[];
    electronFuses: Record<string, boolean>;
    linux: { icon: string; executableName: string; target: Target[] };
    win: { icon: string; target: Target[] };
    mac: { icon: string; target: Target[]; hardenedRuntime: boolean };
    nsis: { oneClick: boolean; perMachine: boolean };
  };
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

describe('the installers’ configuration, as electron-builder reads it', () => {
  it('is found where electron-builder looks (no --config needed) and passes electron-builder’s own schema', async () => {
    const c = await config();
    await expect(validateConfiguration(c, { isEnabled: false, add() {} })).resolves.toBeUndefined();
    // The schema refuses what it does not know: a misspelt key would fail here, not at packaging time.
    await expect(validateConfiguration({ ...c, electronFuse: {} }, { isEnabled: false, add() {} })).rejects.toThrow();
  });

  it('AppImage and deb, NSIS and dmg, each for x64 and arm64; the app id and name; no file types or URL schemes claimed', async () => {
    const c = await config();
    const targets = (t: Target[]) => t.map((x) => `${x.target}:${[...x.arch].sort().join('+')}`);
    expect(targets(c.linux.target)).toEqual(['AppImage:arm64+x64', 'deb:arm64+x64']);
    expect(targets(c.win.target)).toEqual(['nsis:arm64+x64']);
    expect(targets(c.mac.target)).toEqual(['dmg:arm64+x64']);
    expect(c.appId).toBe('org.nvrassist.app');
    expect(c.productName).toBe('NVR Remote-Access Assistant');
    expect(c.linux.executableName).toBe('nvr-assist');
    expect(c.fileAssociations).toEqual([]);
    expect(c.protocols).toEqual([]);
    // Double-click installs for this user, without administrator rights.
    expect(c.nsis).toMatchObject({ oneClick: true, perMachine: false });
    expect(c.mac.hardenedRuntime).toBe(true);
  });

  it('the fuses flipped are exactly the shell’s table (src/main/electron/fuses.ts), camelCased', async () => {
    const c = await config();
    const expected = Object.fromEntries(
      Object.entries(INTENDED_FUSES).map(([k, v]) => [k[0]!.toLowerCase() + k.slice(1), v]),
    );
    expect(c.electronFuses).toStrictEqual(expected);
    expect(c.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
    expect(c.asar).toBe(true);
  });

  it('packs the built app only (out/, package.json), and package.json’s main is inside it', async () => {
    const c = await config();
    expect(c.files).toEqual(['out/**', 'package.json', '!**/*.map']);
    expect(pkg.main).toMatch(/^out\/main\/index\.js$/);
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder');
  });

  it('icons: every Linux size as a square PNG of that size, the 1024 px source of .ico/.icns, made from icon.svg as it is now', async () => {
    const c = await config();
    for (const n of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = PNG.sync.read(readFileSync(`${c.linux.icon}/${n}x${n}.png`));
      expect([png.width, png.height], `${n} px`).toEqual([n, n]);
    }
    for (const file of [c.win.icon, c.mac.icon]) {
      const png = PNG.sync.read(readFileSync(file));
      expect([png.width, png.height]).toEqual([1024, 1024]);
    }
    const svgHash = createHash('sha256').update(readFileSync('resources/icon.svg', 'utf8')).digest('hex');
    expect(readFileSync('resources/icons/SOURCE.sha256', 'utf8').split(/\s+/)[0], 'run `node scripts/icons.mjs`').toBe(
      svgHash,
    );
  });
});
