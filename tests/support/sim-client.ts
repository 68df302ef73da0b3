import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

// A lab test's own simulator pair (tests/lab/lib/testkit.mjs `startSimPair`): commands run in its client namespace,
// the built CLI among them, with the app's data in the test's own folder.

/** The built command line, as users run it with plain node. */
export const BUILT_CLI = join(resolve(__dirname, '..', '..'), 'bin', 'nvr-assist.js');

export interface SimClientRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `inClient` runs a command in `namespace()` (it throws when there is no pair), `cli` the built CLI there. */
export function simClient(namespace: () => string, dataDir: string) {
  const inClient = (args: string[], input?: string): SimClientRun => {
    const r = spawnSync('ip', ['netns', 'exec', namespace(), 'env', `NVR_ASSIST_DATA_DIR=${dataDir}`, ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      input,
      killSignal: 'SIGKILL',
    });
    return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  };
  const cli = (args: string[], input?: string) => inClient([process.execPath, BUILT_CLI, ...args], input);
  return { inClient, cli };
}
