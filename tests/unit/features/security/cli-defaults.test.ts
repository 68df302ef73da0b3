// `nvr-assist security --check-defaults --user-consent [--try-next]`: refused without the consent flag (no login is
// made), the verdict in plain words, the exit code the user's scripts read (3 accepted, 0 refused, 1 not tried).
import { describe, expect, it } from 'vitest';
import type { CliCore } from '../../../../src/main/cli/command';
import { runCli } from '../../../../src/main/cli/run';
import { HIGH_RISK_EXIT, renderDefaults, securityCommands } from '../../../../src/main/features/security/cli';
import { defaultCandidates } from '../../../../src/shared/domain/security-defaults';
import { judgeDefaultAnswers, notTriedCheck } from '../../../../src/shared/domain/security-defaults-verdict';
import { judgeSecurity } from '../../../../src/shared/domain/security';
import { createTranslator } from '../../../../src/shared/i18n';
import { ok } from '../../../../src/shared/ipc/result';
import { AT } from './records';

const XM = defaultCandidates('XM');
const judged = (outcome: 'accepted' | 'refused') =>
  judgeDefaultAnswers({
    deviceId: 'nvr-1',
    brand: 'XM',
    tried: [{ deviceId: 'nvr-1', candidate: XM[0]!.id, at: AT, outcome }],
    candidates: XM,
    untried: 0,
    checkedAt: AT,
  });

/** A core that answers `security.checkDefaults` with `check` and records each call's input. */
function fakeCore(check: ReturnType<typeof judged>, calls: unknown[]): CliCore {
  return {
    dispatch: (async (channel: string, input: unknown) => {
      if (channel !== 'security.checkDefaults') throw new Error(`unexpected ${channel}`);
      calls.push(input);
      const result = judgeSecurity(
        { nvr: null, ports: null, upnp: null, plan: null, proof: null, vpn: 'none', defaults: check },
        AT,
      );
      return ok({ check, result });
    }) as unknown as CliCore['dispatch'],
    hub: { subscribe: () => () => {} },
  };
}

async function run(argv: string[], core: CliCore) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    core,
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    '1',
    securityCommands(),
  );
  return { code, stdout, stderr };
}

describe('nvr-assist security --check-defaults', () => {
  it('without --user-consent: a usage error that says what would happen, and no call to main (no login)', async () => {
    const calls: unknown[] = [];
    const r = await run(['security', '--check-defaults'], fakeCore(judged('accepted'), calls));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/factory password .* Add --user-consent/);
    expect(calls).toEqual([]);
  });

  it('accepted: exit 3, CRITICAL first, what to do; --try-next reaches main as the confirmation', async () => {
    const calls: unknown[] = [];
    const r = await run(
      ['security', '--check-defaults', '--user-consent', '--try-next'],
      fakeCore(judged('accepted'), calls),
    );
    expect(r.code).toBe(HIGH_RISK_EXIT);
    expect(r.stdout).toMatch(/^CRITICAL: the factory default password still works on your NVR\.\n/);
    expect(r.stdout).toMatch(/What to do: Change it now/);
    expect(r.stdout).toMatch(/- xm-admin-blank: ACCEPTED/);
    expect(calls).toEqual([{ consent: true, tryNext: true }]);
  });

  it('refused: exit 0; not tried: exit 1 with the reason; --json is the whole answer', async () => {
    const calls: unknown[] = [];
    expect(
      (await run(['security', '--check-defaults', '--user-consent'], fakeCore(judged('refused'), calls))).code,
    ).toBe(0);
    const none = notTriedCheck({
      deviceId: null,
      brand: null,
      reason: 'No NVR is chosen.',
      fix: 'Choose.',
      nextAt: null,
      untried: 0,
      checkedAt: AT,
    });
    const r = await run(['security', '--check-defaults', '--user-consent', '--json'], fakeCore(none, calls));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).check).toEqual(none);
    expect(renderDefaults(none)).toMatch(/^The default password could not be tried\.\nNo NVR is chosen\./);
  });

  it('in the terminal’s language (en-XA): the reason and the fix said by key, the values as they came', () => {
    const xa = createTranslator('en-XA');
    const check = judged('accepted');
    const lines = renderDefaults(check, xa.t).split('\n');
    expect(lines[1]).toBe(xa.t('security.said.defaults.acceptedBlank', { user: XM[0]!.user, era: XM[0]!.era }));
    expect(lines[2]).toBe(
      xa.t('cli.security.todo', { fix: xa.t('security.said.defaults.changeNow', { user: 'admin' }) }),
    );
    expect(lines.join('\n')).not.toContain(check.reason);
    expect(lines.join('\n')).not.toContain(check.fix);
  });

  it('--try-next or --user-consent alone is a usage error (they go with --check-defaults)', async () => {
    const calls: unknown[] = [];
    expect((await run(['security', '--try-next'], fakeCore(judged('refused'), calls))).code).toBe(2);
    expect(calls).toEqual([]);
  });
});
