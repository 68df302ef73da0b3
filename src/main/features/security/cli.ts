import { judgeSecurity, securityInputFromRecord, type SecurityResult } from '../../../shared/domain/security';
import type { DefaultCheck } from '../../../shared/domain/security-defaults';
import type { HttpsOnResult } from '../../../shared/domain/security-https-on';
import type { PasswordStrength } from '../../../shared/domain/security-password';
import type { PasswordChangeResult } from '../../../shared/domain/security-password-change';
import { safeJson } from '../../../shared/text/device-text';
import { createTranslator, localMessage, type Translator } from '../../../shared/i18n';
import { sayIn, type Said } from '../../../shared/i18n/said';
import { usageLine, type CliCommand, type CommandContext } from '../../cli/command';

/** The exit code when a critical or high finding is open (0: none; 1: the record could not be read). */
export const HIGH_RISK_EXIT = 3;

type T = Translator['t'];
const english = () => createTranslator().t;

const STATUS_KEYS = { affected: 'affected', fixed: 'fixed', unknown: 'unknown', 'not-listed': 'notListed' } as const;

/** The score, the fixes in order with what each is worth, then the firmware table's answers. */
export function renderSecurity(r: SecurityResult, t: T = english()): string {
  const lines = [t(r.highRisk ? 'cli.security.scoreHighRisk' : 'cli.security.score', { score: String(r.score) }), ''];
  if (!r.findings.length) lines.push(t('cli.security.noFinding'), '');
  r.findings.forEach((f, i) => {
    const worth = f.worth ? ` (+${f.worth})` : '';
    // main's words in the terminal's language where it said them by key; the evidence as it came.
    const title = sayIn({ t }, f.said?.title, f.title);
    lines.push(`${i + 1}. [${t(`cli.security.severity.${f.severity}`)}] ${title}${worth}`);
    lines.push(`   ${sayIn({ t }, f.said?.text, f.text)}`);
    lines.push(`   ${t('cli.security.todo', { fix: sayIn({ t }, f.said?.fix, f.fix) })}`);
    for (const e of f.evidence) lines.push(`   - ${e}`);
    if (f.source) lines.push(`   ${t('cli.security.source', { source: f.source })}`);
    lines.push('');
  });
  if (r.firmware.length) {
    lines.push(t('cli.security.knownVulns'));
    // The table's answers: its words (why, what fixes it) said by key in the terminal's language, the id as it came.
    for (const v of r.firmware)
      lines.push(
        `  ${t('cli.security.vuln', {
          id: v.id,
          status: t(`cli.security.status.${STATUS_KEYS[v.status]}`),
          reason: sayIn({ t }, v.said?.reason, v.reason),
          fixedIn: sayIn({ t }, v.said?.fixedIn, v.fixedIn),
        })}`,
      );
    lines.push('');
  }
  lines.push(t('cli.security.unknownNotSafe'));
  return lines.join('\n');
}

/**
 * main's verdict lines in the terminal's language: each line main said by key, the others (the estimator's own
 * words) as they came.
 */
function lines(verdict: { words: readonly string[]; said?: { words: readonly (Said | null)[] } }, t: T): string[] {
  return verdict.words.map((w, i) => sayIn({ t }, verdict.said?.words[i] ?? undefined, w));
}

/** The password's verdict: strong or not, then what to change, in plain words. */
export function renderPassword(p: PasswordStrength, t: T = english()): string {
  const rule = t('cli.security.rule', {
    length: String(p.rule.length),
    lengthOk: t(p.rule.lengthOk ? 'cli.security.enough' : 'cli.security.tooShort'),
    kinds: String(p.rule.classes.length),
    mixed: t(p.rule.mixedOk ? 'cli.security.mixed' : 'cli.security.notMixed'),
    score: String(p.estimate.score),
  });
  return [...lines(p, t).map((w, i) => (i ? `- ${w}` : w)), rule].join('\n');
}

/** `--password-stdin`: the password from standard input to main, judged; exit 0 strong, 3 not strong enough. */
async function runPassword(cmd: CommandContext): Promise<number> {
  const { t } = cmd;
  if (!cmd.io.readStdin) return cmd.fail(t('cli.security.noStdin'));
  const password = (await cmd.io.readStdin()).replace(/\r?\n$/, '');
  if (!password) return cmd.usageError(t('cli.security.noPassword'));
  const user = cmd.options['--user'];
  const r = await cmd.call('security.password', { password, ...(user ? { user } : {}) });
  if (!r.ok) return cmd.finish(r, () => '');
  cmd.io.stdout(cmd.json ? `${safeJson(r.data, 2)}\n` : `${renderPassword(r.data, t)}\n`);
  return r.data.strong ? 0 : HIGH_RISK_EXIT;
}

const OUTCOME_KEYS = {
  accepted: 'accepted',
  refused: 'refused',
  locked: 'locked',
  'no-answer': 'noAnswer',
  unusable: 'unusable',
} as const;
const VERDICT_KEYS = { accepted: 'accepted', refused: 'refused', 'not-tried': 'notTried' } as const;

/** The default-password check in plain words: the verdict, why, what to do, and each attempt by candidate name. */
export function renderDefaults(c: DefaultCheck, t: T = english()): string {
  const lines = [
    t(`cli.security.defaults.${VERDICT_KEYS[c.verdict]}`),
    sayIn({ t }, c.said?.reason, c.reason),
    t('cli.security.todo', { fix: sayIn({ t }, c.said?.fix, c.fix) }),
  ];
  for (const a of c.tried)
    lines.push(
      `  - ${t('cli.security.attempt', {
        candidate: a.candidate,
        outcome: t(`cli.security.outcome.${OUTCOME_KEYS[a.outcome]}`),
        at: a.at.slice(11, 19),
      })}`,
    );
  if (c.source) lines.push(t('cli.security.source', { source: c.source }));
  lines.push(t('cli.security.policy', { option: '--try-next' }));
  return lines.join('\n');
}

const DEFAULTS_EXIT = { accepted: HIGH_RISK_EXIT, refused: 0, 'not-tried': 1 } as const;

/** `--check-defaults --user-consent [--try-next]`: the chosen NVR's vendor defaults, each tried once at most. */
async function runDefaults(cmd: CommandContext): Promise<number> {
  if (!cmd.flags.has('--user-consent'))
    return cmd.usageError(cmd.t('cli.security.defaultsConsent', { option: '--user-consent' }));
  const r = await cmd.call('security.checkDefaults', { consent: true, tryNext: cmd.flags.has('--try-next') });
  if (!r.ok) return cmd.finish(r, () => '');
  cmd.io.stdout(cmd.json ? `${safeJson(r.data, 2)}\n` : `${renderDefaults(r.data.check, cmd.t)}\n`);
  return DEFAULTS_EXIT[r.data.check.verdict];
}

/** The password change in plain words: the verdict, then what to do. */
export function renderPasswordChange(r: PasswordChangeResult, t: T = english()): string {
  return lines(r, t)
    .map((w, i) => (i ? `- ${w}` : w))
    .join('\n');
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
  const { t } = cmd;
  if (!cmd.flags.has('--password-stdin'))
    return cmd.usageError(t('cli.security.setNeedsStdin', { option: '--password-stdin' }));
  if (!cmd.io.readStdin) return cmd.fail(t('cli.security.noStdinPasswords'));
  const lines = (await cmd.io.readStdin()).split(/\r?\n/);
  const [current, next] = [lines[0] ?? '', lines[1] ?? ''];
  if (!current || !next || lines.slice(2).some((l) => l.length > 0)) return cmd.usageError(t('cli.security.twoLines'));
  const user = cmd.options['--user'];
  const r = await cmd.call('security.setPassword', { consent: true, current, next, ...(user ? { user } : {}) });
  if (!r.ok) return cmd.finish(r, () => '');
  cmd.io.stdout(cmd.json ? `${safeJson(r.data, 2)}\n` : `${renderPasswordChange(r.data, t)}\n`);
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
export function renderHttpsOn(r: HttpsOnResult, t: T = english()): string {
  return lines(r, t)
    .map((w, i) => (i ? `- ${w}` : w))
    .join('\n');
}

/**
 * `--https-on --user-consent [--user U --password-stdin]`: the chosen NVR's HTTPS turned on, checked, else put back.
 * The login is the one main keeps; each CLI run is a new process that keeps none (no keychain in plain node), so
 * `--user` and the password on standard input log in to the chosen NVR first, as `identify` does.
 */
async function runHttpsOn(cmd: CommandContext): Promise<number> {
  const { t } = cmd;
  if (!cmd.flags.has('--user-consent'))
    return cmd.usageError(t('cli.security.httpsConsent', { option: '--user-consent' }));
  const username = cmd.options['--user'];
  const fromStdin = cmd.flags.has('--password-stdin');
  if (username && !fromStdin) return cmd.usageError(t('cli.security.pipePassword', { option: '--password-stdin' }));
  if (fromStdin && !username) return cmd.usageError(t('cli.security.giveUser', { option: '--user' }));
  if (username) {
    if (!cmd.io.readStdin) return cmd.fail(t('cli.security.noStdin'));
    const password = (await cmd.io.readStdin()).split(/\r?\n/)[0] ?? '';
    if (!password) return cmd.usageError(t('cli.security.noPasswordHttps'));
    const setup = await cmd.call('setup.get', {});
    if (!setup.ok) return cmd.finish(setup, () => '');
    const deviceId = setup.data.setup.nvr?.deviceId;
    if (!deviceId) return cmd.fail(t('cli.security.noNvr'));
    const login = await cmd.call('device.login', { deviceId, username, password });
    if (!login.ok) return cmd.fail(localMessage(login.error, cmd));
  }
  const r = await cmd.call('security.httpsOn', { consent: true });
  if (!r.ok) return cmd.finish(r, () => '');
  cmd.io.stdout(cmd.json ? `${safeJson(r.data, 2)}\n` : `${renderHttpsOn(r.data, t)}\n`);
  return HTTPS_ON_EXIT[r.data.outcome];
}

async function runSecurity(cmd: CommandContext, now: () => Date): Promise<number> {
  const { t } = cmd;
  if (cmd.args.length) return cmd.usageError(t('cli.security.noDevice'));
  if (cmd.flags.has('--https-on')) return runHttpsOn(cmd);
  if (cmd.flags.has('--set-password')) return runSetPassword(cmd);
  if (cmd.flags.has('--check-defaults')) return runDefaults(cmd);
  if (cmd.flags.has('--user-consent') || cmd.flags.has('--try-next'))
    return cmd.usageError(t('cli.security.consentGoesWith'));
  if (cmd.flags.has('--password-stdin')) return runPassword(cmd);
  if (cmd.options['--user']) return cmd.usageError(t('cli.security.userGoesWith'));
  const r = await cmd.call('setup.get', {});
  if (!r.ok) return cmd.finish(r, () => '');
  const result = judgeSecurity(securityInputFromRecord(r.data.setup), now().toISOString());
  cmd.io.stdout(cmd.json ? `${safeJson(result, 2)}\n` : `${renderSecurity(result, t)}\n`);
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
      usage: (t) => [
        ...usageLine('security', t('cli.security.usage.score')),
        ...usageLine('security --password-stdin [--user U]', t('cli.security.usage.password')),
        ...usageLine(
          'security --check-defaults --user-consent [--try-next]',
          t('cli.security.usage.defaults', { option: '--try-next' }),
        ),
        ...usageLine('security --set-password --password-stdin [--user U]', t('cli.security.usage.setPassword')),
        ...usageLine('security --https-on --user-consent [--user U --password-stdin]', t('cli.security.usage.httpsOn')),
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
