import { describe, expect, it } from 'vitest';
import { runCli, type CliCore } from '../../../../src/main/cli/run';

/** A dispatcher that records the calls and answers as a device that is known and logged in. */
function recordingCore() {
  const calls: Array<[string, unknown]> = [];
  const core: CliCore = {
    dispatch: async (channel, input) => {
      calls.push([String(channel), input]);
      if (channel === 'device.login') return { ok: true, data: {} } as never;
      return { ok: false, error: { code: 'PORTS_CHANGE_UNCONFIRMED', message: 'not sent' } };
    },
    hub: { subscribe: () => () => undefined },
  };
  return { core, calls };
}

async function run(argv: string[]) {
  const { core, calls } = recordingCore();
  let stderr = '';
  const code = await runCli(
    argv,
    core,
    { stdout: () => {}, stderr: (t) => (stderr += t), readStdin: async () => 'pw\n' },
    '1',
  );
  return { code, stderr, calls };
}

describe('nvr-assist ports --set --force', () => {
  it('--force is the user’s yes to a port the app would not propose: it reaches main as confirmWarnings', async () => {
    const forced = await run(['ports', 'dev-1', '--set', 'http=80', '--force', '--user', 'admin', '--password-stdin']);
    expect(forced.calls.find(([c]) => c === 'ports.apply')?.[1]).toEqual({
      deviceId: 'dev-1',
      changes: [{ role: 'http', to: 80 }],
      confirmWarnings: true,
    });
    const plain = await run(['ports', 'dev-1', '--set', 'http=80', '--user', 'admin', '--password-stdin']);
    expect(plain.calls.find(([c]) => c === 'ports.apply')?.[1]).toEqual({
      deviceId: 'dev-1',
      changes: [{ role: 'http', to: 80 }],
    });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('not sent');
  });

  it('--force without --set, or with another command, is not understood', async () => {
    expect((await run(['ports', 'dev-1', '--force'])).code).toBe(2);
    const other = await run(['discover', '--force']);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/--force goes with `(static-ip` and `)?ports`/);
  });
});

describe('nvr-assist ports --set --each', () => {
  it('--each asks main to move each port on its own; it needs two or more ports', async () => {
    const each = await run([
      'ports',
      'dev-1',
      '--set',
      'http=18080,rtsp=10554',
      '--each',
      '--user',
      'admin',
      '--password-stdin',
    ]);
    expect(each.calls.find(([c]) => c === 'ports.apply')?.[1]).toMatchObject({ oneAtATime: true });
    expect((await run(['ports', 'dev-1', '--set', 'http=18080', '--each'])).code).toBe(2);
  });
});
