import type { SecurityResult, SecuritySeverity } from '../../../shared/domain/security';

type Tone = 'danger' | 'warn' | 'info' | 'muted' | 'ok';

/** How each severity is shown: its word, its badge's tone and the bar on the finding's left. */
export const SEVERITY_VIEW: Readonly<Record<SecuritySeverity, { label: string; tone: Tone; bar: string }>> = {
  critical: { label: 'critical', tone: 'danger', bar: 'wizard-step__box--danger' },
  high: { label: 'high', tone: 'danger', bar: 'wizard-step__box--danger' },
  medium: { label: 'medium', tone: 'warn', bar: 'wizard-step__box--warn' },
  low: { label: 'low', tone: 'info', bar: '' },
  unknown: { label: 'not checked', tone: 'muted', bar: 'wizard-step__box--warn' },
  info: { label: 'note', tone: 'info', bar: '' },
};

type FirmwareStatus = SecurityResult['firmware'][number]['status'];

/** A row of the vulnerability table: its answer in words and its tone. */
export const FIRMWARE_VIEW: Readonly<Record<FirmwareStatus, { label: string; tone: Tone }>> = {
  affected: { label: 'affected', tone: 'danger' },
  fixed: { label: 'fixed in this firmware', tone: 'ok' },
  unknown: { label: 'not known — check', tone: 'warn' },
  'not-listed': { label: 'model not listed', tone: 'muted' },
};

/** The score's words: what a score out of 100 means for the user. */
export function scoreWords(r: SecurityResult): { tone: Tone; text: string } {
  const critical = r.findings.some((f) => f.severity === 'critical');
  if (critical)
    return { tone: 'danger', text: 'A critical finding is open: fix it before the NVR is reachable from outside.' };
  if (r.highRisk) return { tone: 'danger', text: 'A high risk is open: fix it before going further.' };
  if (r.score >= 90) return { tone: 'ok', text: 'Good: what is left is small or not yet checked.' };
  return { tone: 'warn', text: 'Fixes are left: each one says how many points it is worth.' };
}

type DefaultVerdict = 'accepted' | 'refused' | 'not-tried';

/** The default-password check's verdict: its badge, tone, headline and the box's bar. */
export const DEFAULT_VERDICT_VIEW: Readonly<
  Record<DefaultVerdict, { label: string; tone: Tone; title: string; bar: string }>
> = {
  accepted: {
    label: 'critical',
    tone: 'danger',
    title: 'The factory password still works — change it now',
    bar: 'wizard-step__box--danger',
  },
  refused: { label: 'good', tone: 'ok', title: 'The factory password was refused', bar: 'wizard-step__box--ok' },
  'not-tried': {
    label: 'not checked',
    tone: 'muted',
    title: 'The factory password could not be tried',
    bar: 'wizard-step__box--warn',
  },
};

/** What one attempt's answer was, in words. */
export const DEFAULT_OUTCOME_WORDS = {
  accepted: 'accepted — the NVR let the factory login in',
  refused: 'refused',
  locked: 'the NVR said the login is locked — stopped',
  'no-answer': 'no answer',
  unusable: 'an answer that says nothing about the password',
} as const;
