// The Verify page's fixed texts: the outcome in plain words, and the two ways to keep it checked (cron, a systemd
// timer), the same as README's.
import type { VerifyCheck, VerifyOutcome } from '../../../shared/domain/verify';

export const OUTCOME_WORDS: Readonly<Record<VerifyOutcome, { title: string; text: string }>> = {
  'no-drift': { title: 'No drift', text: 'Everything checked is as it was set up.' },
  drift: { title: 'Something changed', text: 'Each change below says what it was, what it is now and what to do.' },
  unproven: {
    title: 'Not proven',
    text: 'A check could not measure, or nothing was set up to check: nothing is proven either way.',
  },
};

export const STATE_WORDS: Readonly<Record<VerifyCheck['state'], string>> = {
  ok: 'ok',
  drift: 'drift',
  'not-checked': 'not checked',
};

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
