// The CLI run in a locale, in-process, on a fresh data folder and the fake home computer: its exit code and what it
// wrote (for the locale tests, cli-locale*.test.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore } from '../../../src/main/app';
import { runCli } from '../../../src/main/cli/run';
import { HOME_PC } from '../../support/fake-system';

export async function cliIn(argv: string[], locale: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cli-locale-'));
  const core = createAppCore({ dataDir, mode: 'cli', version: '9.9.9', system: HOME_PC(), log: () => {} });
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) };
  const code = await runCli(argv, core, io, '9.9.9', undefined, locale);
  await core.close();
  return { code, stdout, stderr };
}
