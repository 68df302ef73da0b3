// `nvr-assist security --password-stdin [--user U]`: the password from standard input to main and judged there; exit
// 0 strong, 3 weak; never in argv, and not in the output, the log or the setup record.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../src/main/app';
import { runCli } from '../../../../src/main/cli/run';
import {
  HIGH_RISK_EXIT,
  renderHttpsOn,
  renderPassword,
  renderPasswordChange,
} from '../../../../src/main/features/security/cli';
import { judgeHttpsOn } from '../../../../src/shared/domain/security-https-on';
import { judgePassword, passwordStrengthSchema } from '../../../../src/shared/domain/security-password';
import { judgePasswordChange, setUserFaultWords } from '../../../../src/shared/domain/security-password-change';
import { createTranslator } from '../../../../src/shared/i18n';
import { HOME_PC } from '../../../support/fake-system';

async function run(argv: string[], stdin: string | null) {
  const dataDir = mkdtempSync(join(tmpdir(), 'security-password-'));
  const logs: string[] = [];
  const core = createAppCore({ dataDir, mode: 'cli', version: '1', system: HOME_PC(), log: (l) => logs.push(l) });
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    core,
    {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      ...(stdin === null ? {} : { readStdin: async () => stdin }),
    },
    '1',
  );
  await core.close();
  // Everything the app wrote in its data folder (the setup record, if any).
  const files = readdirSync(dataDir).map((f) => readFileSync(join(dataDir, f), 'utf8'));
  return { code, stdout, stderr, logs: logs.join('\n'), files: files.join('\n') };
}

describe('nvr-assist security --password-stdin', () => {
  it('a leaked password: exit 3, not strong, the estimator’s warning — and the password appears nowhere', async () => {
    const secret = 'password1';
    const r = await run(['security', '--password-stdin'], `${secret}\n`);
    expect(r.code).toBe(HIGH_RISK_EXIT);
    expect(r.stdout).toMatch(/^Not strong enough: guessed almost at once/);
    expect(r.stdout).toContain('- Make it at least 12 characters long (it has 9)');
    expect(r.stdout).toContain('- This is a commonly used password.');
    expect(r.stdout).toMatch(
      /Rule: 9 characters \(too short\), 2 kinds of character \(not mixed enough\); estimator score 0\/4\./,
    );
    for (const where of [r.stdout, r.stderr, r.logs, r.files]) expect(where).not.toContain(secret);
  });

  it('a strong password: exit 0, and --json gives the verdict in the contract’s shape without the password', async () => {
    const secret = 'Otter-Mango-Fjord-61';
    const r = await run(['security', '--password-stdin', '--json'], secret);
    expect(r.code, r.stderr).toBe(0);
    const verdict = passwordStrengthSchema.parse(JSON.parse(r.stdout));
    expect(verdict.strong).toBe(true);
    expect(verdict.rule).toMatchObject({ length: 20, lengthOk: true, mixedOk: true });
    for (const where of [r.stdout, r.stderr, r.logs, r.files]) expect(where).not.toContain(secret);
  });

  it('--user counts against a password built from the name', async () => {
    const secret = 'Shopkeeper-2026!';
    const without = passwordStrengthSchema.parse(
      JSON.parse((await run(['security', '--password-stdin', '--json'], secret)).stdout),
    );
    const withUser = passwordStrengthSchema.parse(
      JSON.parse((await run(['security', '--password-stdin', '--user', 'shopkeeper', '--json'], secret)).stdout),
    );
    expect(withUser.estimate.score).toBeLessThan(without.estimate.score);
  });

  it('refuses a password in argv, an empty standard input, and --user without --password-stdin (exit 2)', async () => {
    const inArgv = await run(['security', '--password', 'hunter2hunter2'], '');
    expect(inArgv.code).toBe(2);
    expect(inArgv.stderr).toContain('A password is never given on the command line');
    expect((await run(['security', '--password-stdin'], '\n')).code).toBe(2);
    expect((await run(['security', '--user', 'admin'], null)).code).toBe(2);
  });
});

describe('the verdicts in the terminal’s language (en-XA): main’s lines said by key, values as they came', () => {
  const xa = createTranslator('en-XA');
  const t = xa.t;

  it('a weak password: the verdict and what to change; the estimator’s own words as they came', () => {
    const p = judgePassword('abc', {
      score: 0,
      warning: 'This is a top-10 common password.',
      suggestions: [],
      crackTime: 'less than a second',
    });
    const lines = renderPassword(p, t).split('\n');
    expect(lines[0]).toBe(
      t('security.said.password.weak', {
        score: t('security.said.password.score.0'),
        crackTime: 'less than a second',
      }),
    );
    expect(lines[1]).toBe(`- ${t('security.said.password.longer', { min: '12', length: '3' })}`);
    expect(lines[2]).toBe(
      `- ${t('security.said.password.mixOne', {
        min: '3',
        x: t('security.said.password.kind.lower'),
        a: t('security.said.password.kind.upper'),
        b: t('security.said.password.kind.digit'),
        c: t('security.said.password.kind.symbol'),
      })}`,
    );
    expect(lines[3]).toBe('- This is a top-10 common password.');
    for (const english of p.words.slice(0, 3)) expect(lines.join('\n')).not.toContain(english);
  });

  it('a password change the NVR refused, and turning HTTPS on put back: each line in en-XA', () => {
    const change = judgePasswordChange({
      deviceId: 'nvr-1',
      user: 'admin',
      at: '2026-12-06T01:00:00.000Z',
      ran: { outcome: 'restored', refused: true, failure: 'x' },
      fault: setUserFaultWords({ code: 'Sender', subcodes: ['PasswordTooWeak'] }),
      remembered: false,
    });
    expect(renderPasswordChange(change, t).split('\n')).toEqual([
      t('security.said.passwordChange.notChanged', { fault: t('security.said.passwordChange.fault.tooWeak') }),
      `- ${t('security.said.passwordChange.oldWorks')}`,
    ]);
    const https = judgeHttpsOn({
      deviceId: 'nvr-1',
      at: '2026-12-06T01:00:00.000Z',
      port: 443,
      ran: { outcome: 'restored', refused: false, failure: 'the NVR does not list HTTPS as on.' },
      fault: null,
    });
    // Why the check failed is the change's own words, as they came.
    expect(renderHttpsOn(https, t).split('\n')).toEqual([
      t('security.said.httpsOn.notTurnedOn', { failure: 'the NVR does not list HTTPS as on.' }),
      `- ${t('security.said.httpsOn.offAgain')}`,
      `- ${t('security.said.httpsOn.webPage')}`,
    ]);
  });
});
