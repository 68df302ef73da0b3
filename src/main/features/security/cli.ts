import { judgeSecurity, securityInputFromRecord, type SecurityResult } from '../../../shared/domain/security';
import type { DefaultCheck } from '../../../shared/domain/security-defaults';
import type { HttpsOnResult } from '../../../shared/domain/security-https-on';
import type { PasswordStrength } from '../../../shared/domain/security-password';
import type { PasswordChangeResult } from '../../../shared/domain/security-password-change';
import { safeJson } from '../../../shared/text/device-text';
import type { CliCommand, CommandContext } from '../../cli/command';

/** The exit code when a critical or high finding is open (0: none; 1: the record could not be read). */
export const HIGH_RISK_EXIT = 3;

const SEVERITY_WORDS = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  unknown: 'UNKNOWN',
  info: 'NOTE',
} as const;

const STATUS_WORDS = {
  affected: 'AFFECTED',
  fixed: 'fixed',
  unknown: 'unknown — check',
  'not-listed': 'model not listed',
} as const;

/** The score, the fixes in order with what each is worth, then the firmware table's answers. */
export function renderSecurity(r: SecurityResult): string {
  const lines = [
    `Security score: ${r.score}/100${r.highRisk ? ' — a high risk is open' : ''} (from what the steps recorded; nothing was measured now)`,
    '',
  ];
  if (!r.findings.length) lines.push('No finding.', '');
  r.findings.forEach((f, i) => {
    lines.push(`${i + 1}. [${SEVERITY_WORDS[f.severity]}] ${f.title}${f.worth ? ` (+${f.worth})` : ''}`);
    lines.push(`   ${f.text}`);
    lines.push(`   What to do: ${f.fix}`);
    for (const e of f.evidence) lines.push(`   - ${e}`);
    if (f.source) lines.push(`   Source: ${f.source}`);
    lines.push('');
  });
  if (r.firmware.length) {
    lines.push('Known critical vulnerabilities for this brand:');
    for (const v of r.firmware) lines.push(`  ${v.id}: ${STATUS_WORDS[v.status]}. ${v.reason} Fixed in: ${v.fixedIn}`);
    lines.push('');
  }
  lines.push('Unknown is never counted as safe: each unknown costs points until the step that measures it has run.');
  return lines.join('\n');
}

/** The password's verdict: strong or not, then what to change, in plain words. */
export function renderPassword(p: PasswordStrength): string {
  const rule = `Rule: ${p.rule.length} characters (${p.rule.lengthOk ? 'enough' : 'too short'}), ${p.rule.classes.length} kinds of character (${p.rule.mixedOk ? 'mixed' : 'not mixed enough'}); estimator score ${p.estimate.score}/4.`;
  return [...p.words.map((w, i) => (i ? `- ${w}` : w)), rule].join('\n');
}

/** `--password-stdin`: the password from standard input to main, judged; exit 0 strong, 3 not strong enough. */
async function runPassword(cmd: CommandContext): Promise<number> {
  if (!cmd.io.readStdin) return cmd.fail('No standard input to read the password from.');
  const password = (await cmd.io.readStdin()).replace(/\r?\n$/, '');
  if (!password)
    return cmd.usageError(
      'No password on standard input: pipe it in, e.g. `… | nvr-assist security --password-stdin`.',
    );
  const user = cmd.options['--user'];
  const r = await cmd.call('security.password', { password, ...(user ? { user } : {}) });
  if (!r.ok) return cmd.finish(r, () => '');
  cmd.io.stdout(cmd.json ? `${safeJson(r.data, 2)}\n` : `${renderPassword(r.data)}\n`);
  return r.data.strong ? 0 : HIGH_RISK_EXIT;
}

const OUTCOME_WORDS = {
  accepted: 'ACCEPTED',
  refused: 'refused',
  locked: 'LOCKED — stopped',
  'no-answer': 'no answer',
  unusable: 'answer says nothing about the password',
} as const;

/** The default-password check in plain words: the verdict, why, what to do, and each attempt by candidate name. */
export function renderDefaults(c: DefaultCheck): string {
  const head = {
    accepted: 'CRITICAL: the factory default password still works on your NVR.',
    refused: 'Good: the NVR refused its factory default password.',
    'not-tried': 'The default password could not be tried.',
  }[c.verdict];
  const lines = [head, c.reason, `What to do: ${c.fix}`];
  for (const a of c.tried) lines.push(`  - ${a.candidate}: ${OUTCOME_WORDS[a.outcome]} (${a.at.slice(11, 19)} UTC)`);
  if (c.source) lines.push(`Source: ${c.source}`);
  lines.push(
    'Policy: one login per known default, at most 2 in 30 minutes, stopping at a refusal unless --try-next and at any sign of a lockout; only your chosen NVR. No password is saved or logged.',
  );
  return lines.join('\n');
}

const DEFAULTS_EXIT = { accepted: HIGH_RISK_EXIT, refused: 0, 'not-tried': 1 } as const;

/** `--check-defaults --user-consent [--try-next]`: the chosen NVR's vendor defaults, each tried once at most. */
async function runDefaults(cmd: CommandContext): Promise<number> {
  if (!cmd.flags.has('--user-consent'))
    return cmd.usageError(
      '`--check-defaults` logs in to your NVR with its vendor’s factory password (at most 2 attempts in 30 minutes, which stays below known lockouts). Add --user-consent to say you agree.',
    );
  const r = await cmd.call('security.checkDefaults', { consent: true, tryNext: cmd.flags.has('--try-next') });
  if (!r.ok) return cmd.finish(r, () => '');
  cmd.io.stdout(cmd.json ? `${safeJson(r.data, 2)}\n` : `${renderDefaults(r.data.check)}\n`);
  return DEFAULTS_EXIT[r.data.check.verdict];
}

/** The password change in plain words: the verdict, then what to do. */
export function renderPasswordChange(r: PasswordChangeResult): string {
  return r.words.map((w, i) => (i ? `- ${w}` : w)).join('\n');
}

/** Exit codes of --set-password: 0 changed and checked; 3 not changed (the old one works); 4 not known which works. */
const SET_PASSWORD_EXIT = {
  verified: 0,
  refused: HIGH_RISK_EXIT,
  'put-back': HIGH_RISK_EXIT,
  'put-back-failed': 4,
  locked: 4,
  unfinished: 4,
} as const;

/**
 * `--set-password --password-stdin [--user U]`: standard input holds the current password on its first line and the
 * new one on its second (never argv); main judges the new one by the app's rule before anything is sent.
 */
async function runSetPassword(cmd: CommandContext): Promise<number> {
  if (!cmd.flags.has('--password-stdin'))
    return cmd.usageError(
      '`--set-password` reads the passwords from standard input: add --password-stdin and pipe in the current password, then the new one, each on its own line.',
    );
  if (!cmd.io.readStdin) return cmd.fail('No standard input to read the passwords from.');
  const lines = (await cmd.io.readStdin()).split(/\r?\n/);
  const [current, next] = [lines[0] ?? '', lines[1] ?? ''];
  if (!current || !next || lines.slice(2).some((l) => l.length > 0))
    return cmd.usageError(
      'Standard input must hold two lines: the current password, then the new one, e.g. `printf \'%s\\n%s\\n\' "$OLD" "$NEW" | nvr-assist security --set-password --password-stdin --user admin`.',
    );
  const user = cmd.options['--user'];
  const r = await cmd.call('security.setPassword', { consent: true, current, next, ...(user ? { user } : {}) });
  if (!r.ok) return cmd.finish(r, () => '');
  cmd.io.stdout(cmd.json ? `${safeJson(r.data, 2)}\n` : `${renderPasswordChange(r.data)}\n`);
  return SET_PASSWORD_EXIT[r.data.outcome];
}

/** Exit codes of --https-on: 0 on (checked, or already); 3 not turned on (off, as it was); 4 not known. */
const HTTPS_ON_EXIT = {
  on: 0,
  'already-on': 0,
  refused: HIGH_RISK_EXIT,
  'put-back': HIGH_RISK_EXIT,
  'put-back-failed': 4,
  unfinished: 4,
} as const;

/** The "turn HTTPS on" verdict in plain words: the verdict, then what to do. */
export function renderHttpsOn(r: HttpsOnResult): string {
  return r.words.map((w, i) => (i ? `- ${w}` : w)).join('\n');
}

/**
 * `--https-on --user-consent [--user U --password-stdin]`: the chosen NVR's HTTPS turned on, checked, else put back.
 * The login is the one main keeps; each CLI run is a new process that keeps none (no keychain in plain node), so
 * `--user` and the password on standard input log in to the chosen NVR first, as `identify` does.
 */
async function runHttpsOn(cmd: CommandContext): Promise<number> {
  if (!cmd.flags.has('--user-consent'))
    return cmd.usageError(
      '`--https-on` changes a setting on your NVR (ONVIF SetNetworkProtocols: HTTPS on); if the check fails the app turns it off again. Add --user-consent to say you agree.',
    );
  const username = cmd.options['--user'];
  const fromStdin = cmd.flags.has('--password-stdin');
  if (username && !fromStdin)
    return cmd.usageError('Pipe the NVR’s password in with --password-stdin (never on the command line).');
  if (fromStdin && !username) return cmd.usageError('Give the NVR’s user with --user.');
  if (username) {
    if (!cmd.io.readStdin) return cmd.fail('No standard input to read the password from.');
    const password = (await cmd.io.readStdin()).split(/\r?\n/)[0] ?? '';
    if (!password)
      return cmd.usageError(
        'No password on standard input: pipe it in, e.g. `… | nvr-assist security --https-on --user-consent --user admin --password-stdin`.',
      );
    const setup = await cmd.call('setup.get', {});
    if (!setup.ok) return cmd.finish(setup, () => '');
    const deviceId = setup.data.setup.nvr?.deviceId;
    if (!deviceId)
      return cmd.fail(
        'No NVR is chosen yet: choose it by logging in to it, e.g. `nvr-assist identify 192.168.1.64 --user admin --password-stdin`. Nothing was changed.',
      );
    const login = await cmd.call('device.login', { deviceId, username, password });
    if (!login.ok) return cmd.fail(login.error.message);
  }
  const r = await cmd.call('security.httpsOn', { consent: true });
  if (!r.ok) return cmd.finish(r, () => '');
  cmd.io.stdout(cmd.json ? `${safeJson(r.data, 2)}\n` : `${renderHttpsOn(r.data)}\n`);
  return HTTPS_ON_EXIT[r.data.outcome];
}

async function runSecurity(cmd: CommandContext, now: () => Date): Promise<number> {
  if (cmd.args.length) return cmd.usageError('`security` takes no device: it checks the NVR you chose.');
  if (cmd.flags.has('--https-on')) return runHttpsOn(cmd);
  if (cmd.flags.has('--set-password')) return runSetPassword(cmd);
  if (cmd.flags.has('--check-defaults')) return runDefaults(cmd);
  if (cmd.flags.has('--user-consent') || cmd.flags.has('--try-next'))
    return cmd.usageError(
      '`--user-consent` and `--try-next` go with `--check-defaults` (`--user-consent`: or `--https-on`).',
    );
  if (cmd.flags.has('--password-stdin')) return runPassword(cmd);
  if (cmd.options['--user']) return cmd.usageError('`--user` goes with `--password-stdin`.');
  const r = await cmd.call('setup.get', {});
  if (!r.ok) return cmd.finish(r, () => '');
  const result = judgeSecurity(securityInputFromRecord(r.data.setup), now().toISOString());
  cmd.io.stdout(cmd.json ? `${safeJson(result, 2)}\n` : `${renderSecurity(result)}\n`);
  return result.highRisk ? HIGH_RISK_EXIT : 0;
}

/**
 * `nvr-assist security [--json]`, `security --password-stdin [--user U] [--json]`, `security --check-defaults
 * --user-consent [--try-next] [--json]`, `security --set-password --password-stdin [--user U] [--json]`, `security
 * --https-on --user-consent [--user U --password-stdin] [--json]`; `now` for tests.
 */
export function securityCommands(now: () => Date = () => new Date()): readonly CliCommand[] {
  return [
    {
      name: 'security',
      usage: [
        'security                The security findings from what the steps recorded: the firmware against known',
        '                        critical vulnerabilities, risky services and HTTPS (Ports), UPnP, exposure',
        '                        (Router rules, the proof from outside), VPN — a score out of 100 and the fixes',
        '                        in order of what each is worth. Exit 3 when a high risk is open.',
        'security --password-stdin [--user U]',
        '                        How strong a password is (12+ characters of 3 kinds, and the zxcvbn estimator):',
        '                        read from standard input, never argv; not saved or logged. Exit 3 when weak.',
        'security --check-defaults --user-consent [--try-next]',
        '                        Whether your chosen NVR still accepts its vendor’s factory password: one ONVIF',
        '                        login per known default, at most 2 in 30 minutes, stopping at a refusal unless',
        '                        --try-next and at any sign of a lockout. Exit 3 accepted, 0 refused, 1 not tried.',
        'security --set-password --password-stdin [--user U]',
        '                        Change the NVR’s ONVIF password (ONVIF SetUser): standard input holds the current',
        '                        password, then the new one, one per line (never argv). The new one must pass the',
        '                        rule above. Checked by a new login; on failure the old one is put back and checked',
        '                        by a login with it. U: the ONVIF user (default: the login the app keeps). Exit 0',
        '                        changed, 3 not changed (the old one works), 4 not known which one works.',
        'security --https-on --user-consent [--user U --password-stdin]',
        '                        Turn the NVR’s HTTPS on (ONVIF SetNetworkProtocols), logged in as U with the',
        '                        password from standard input (never argv), else with the login the app keeps.',
        '                        Checked by the NVR’s own list and a TLS handshake on its HTTPS port; on failure',
        '                        HTTPS is turned off again, as it was, and that checked. Exit 0 on (or already on),',
        '                        3 not turned on (off, as it was), 4 not known.',
      ],
      options: {
        '--password-stdin': 'flag',
        '--user': 'value',
        '--check-defaults': 'flag',
        '--user-consent': 'flag',
        '--try-next': 'flag',
        '--set-password': 'flag',
        '--https-on': 'flag',
      },
      run: (cmd) => runSecurity(cmd, now),
    },
  ];
}
