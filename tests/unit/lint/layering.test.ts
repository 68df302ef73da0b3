import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules of DESIGN.md §3, enforced by eslint.config.js: a forbidden import must fail the lint.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import layering lint', () => {
  it.each([
    ['src/renderer/stores/x.ts', "import { createAppCore } from '../../main/app';\nexport const x = createAppCore;\n"],
    ['src/renderer/x.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;\n"],
    ['src/renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['src/shared/domain/x.ts', "import os from 'node:os';\nexport const x = os;\n"],
    ['src/shared/domain/x.ts', "import { createAppCore } from '../../main/app';\nexport const x = createAppCore;\n"],
    ['src/main/services/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/main/protocol/x.ts', "import dgram from 'node:dgram';\nexport const x = dgram;\n"],
    ['src/main/server.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/preload/x.ts', "import { z } from 'zod';\nexport const x = z;\n"],
  ])('%s may not %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['src/renderer/stores/x.ts', "import { STEPS } from '../../shared/domain/steps';\nexport const x = STEPS;\n"],
    ['src/main/services/x.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n"],
    ['src/main/electron/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
  ])('%s may import what its layer allows', async (file, code) => {
    expect(await ruleIds(file, code)).not.toContain('no-restricted-imports');
  });
});
