import { describe, expect, it, vi } from 'vitest';
import { runCli, type CliCore } from '../../../src/main/cli/run';
import { ERROR_MESSAGES } from '../../../src/shared/ipc/errors';

// ports-scan calls the scanner directly (not through the dispatcher), so its own catch must turn a throw into
// catalogued words: never the exception's text, which may carry a path or a value.
vi.mock('../../../src/main/services/ports/ports-scan', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/main/services/ports/ports-scan')>();
  return {
    ...actual,
    runPortsScan: vi.fn(async () => {
      throw new Error("EACCES: permission denied, open '/home/alice/.config/nvr-assist/S3cr3t'");
    }),
  };
});

const core: CliCore = {
  dispatch: async () => ({ ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } }),
  hub: { subscribe: () => () => undefined },
};

describe('nvr-assist ports-scan failures', () => {
  it('prints the catalogued message, never the exception text', async () => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(
      ['ports-scan', '127.0.0.1', '--ports', '80'],
      core,
      { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
      '1',
    );
    expect(code).toBe(1);
    expect(stderr).toBe(`Error: ${ERROR_MESSAGES.INTERNAL}\n`);
    expect(stderr + stdout).not.toMatch(/EACCES|alice|S3cr3t|permission denied/);
  });
});
