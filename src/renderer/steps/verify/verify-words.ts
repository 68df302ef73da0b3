// The Verify page's fixed texts: the outcome in plain words (verify.checks.* in the catalogue), and the two ways to
// keep it checked (cron, a systemd timer), the same as README's: a file's contents and commands, not words to translate.
import type { VerifyCheck, VerifyOutcome } from '../../../shared/domain/verify-shapes';
import { t } from '../../composables/useT';

const OUTCOME_KEYS = { 'no-drift': 'noDrift', drift: 'drift', unproven: 'unproven' } as const satisfies Record<
  VerifyOutcome,
  string
>;

/** The outcome in plain words: its title (with its full stop) and what it means. */
export function outcomeWords(outcome: VerifyOutcome): { title: string; text: string } {
  const key = OUTCOME_KEYS[outcome];
  return { title: t(`verify.checks.outcome.${key}.title`), text: t(`verify.checks.outcome.${key}.text`) };
}

const STATE_KEYS = { ok: 'ok', drift: 'drift', 'not-checked': 'notChecked' } as const satisfies Record<
  VerifyCheck['state'],
  string
>;

/** A check's state in a word. */
export const stateWords = (s: VerifyCheck['state']): string => t(`verify.checks.state.${STATE_KEYS[s]}`);

export const stateTone = (s: VerifyCheck['state']) => (s === 'ok' ? 'ok' : s === 'drift' ? 'danger' : 'muted');

/** A cron line: every day at 07:15, a line in the system log when something drifted (exit code not 0). */
export const CRON_LINE =
  '15 7 * * *  nvr-assist verify >/dev/null 2>&1 || logger -t nvr-assist "verify: drift or not checked (exit $?)"';

/** A systemd user timer and its service: daily, the result in the journal, a failed unit on drift. */
export const SYSTEMD_UNITS = `# ~/.config/systemd/user/nvr-assist-verify.service
[Unit]
Description=Re-check the NVR's remote access (nvr-assist verify)

[Service]
Type=oneshot
ExecStart=/usr/bin/env nvr-assist verify

# ~/.config/systemd/user/nvr-assist-verify.timer
[Unit]
Description=Re-check the NVR's remote access every day

[Timer]
OnCalendar=daily
RandomizedDelaySec=1h
Persistent=true

[Install]
WantedBy=timers.target`;

/** Turning the timer on, and where its findings are. */
export const SYSTEMD_ENABLE = 'systemctl --user enable --now nvr-assist-verify.timer';
export const SYSTEMD_JOURNAL = 'journalctl --user -u nvr-assist-verify';

/** The commands and the folder the page names around them (data: typed as they are, in every language). */
export const KEEP_COMMANDS = {
  verify: 'nvr-assist verify',
  link: 'npm link',
  name: 'nvr-assist',
  crontab: 'crontab -e',
  unitFolder: '~/.config/systemd/user/',
  failed: 'systemctl --user --failed',
} as const;
