import type { SecurityResult, SecuritySeverity } from '../../../shared/domain/security';
import { sayIn, type Said } from '../../../shared/i18n/said';
import { t } from '../../composables/useT';

type Tone = 'danger' | 'warn' | 'info' | 'muted' | 'ok';

const SEVERITY_LOOK: Readonly<Record<SecuritySeverity, { tone: Tone; bar: string }>> = {
  critical: { tone: 'danger', bar: 'wizard-step__box--danger' },
  high: { tone: 'danger', bar: 'wizard-step__box--danger' },
  medium: { tone: 'warn', bar: 'wizard-step__box--warn' },
  low: { tone: 'info', bar: '' },
  unknown: { tone: 'muted', bar: 'wizard-step__box--warn' },
  info: { tone: 'info', bar: '' },
};

/** How a severity is shown: its word (`security.severity.<severity>`), its badge's tone and the bar on the finding's left. */
export function severityView(severity: SecuritySeverity): { label: string; tone: Tone; bar: string } {
  return { label: t(`security.severity.${severity}`), ...SEVERITY_LOOK[severity] };
}

type FirmwareStatus = SecurityResult['firmware'][number]['status'];

const FIRMWARE_LOOK = {
  affected: { key: 'security.firmware.status.affected', tone: 'danger' },
  fixed: { key: 'security.firmware.status.fixed', tone: 'ok' },
  unknown: { key: 'security.firmware.status.unknown', tone: 'warn' },
  'not-listed': { key: 'security.firmware.status.notListed', tone: 'muted' },
} as const satisfies Record<FirmwareStatus, { key: string; tone: Tone }>;

/** A row of the vulnerability table: its answer in words and its tone. */
export function firmwareView(status: FirmwareStatus): { label: string; tone: Tone } {
  const look = FIRMWARE_LOOK[status];
  return { label: t(look.key), tone: look.tone };
}

/** The score's words: what a score out of 100 means for the user. */
export function scoreWords(r: SecurityResult): { tone: Tone; text: string } {
  const critical = r.findings.some((f) => f.severity === 'critical');
  if (critical) return { tone: 'danger', text: t('security.score.critical') };
  if (r.highRisk) return { tone: 'danger', text: t('security.score.highRisk') };
  if (r.score >= 90) return { tone: 'ok', text: t('security.score.good') };
  return { tone: 'warn', text: t('security.score.fixesLeft') };
}

type DefaultVerdict = 'accepted' | 'refused' | 'not-tried';

const DEFAULT_VERDICT_LOOK = {
  accepted: { key: 'accepted', tone: 'danger', bar: 'wizard-step__box--danger' },
  refused: { key: 'refused', tone: 'ok', bar: 'wizard-step__box--ok' },
  'not-tried': { key: 'notTried', tone: 'muted', bar: 'wizard-step__box--warn' },
} as const satisfies Record<DefaultVerdict, { key: string; tone: Tone; bar: string }>;

/** The default-password check's verdict: its badge, tone, headline and the box's bar. */
export function defaultVerdictView(verdict: DefaultVerdict): { label: string; tone: Tone; title: string; bar: string } {
  const { key, tone, bar } = DEFAULT_VERDICT_LOOK[verdict];
  return {
    label: t(`security.defaults.verdict.${key}.label`),
    title: t(`security.defaults.verdict.${key}.title`),
    tone,
    bar,
  };
}

const DEFAULT_OUTCOME_KEYS = {
  accepted: 'security.defaults.outcome.accepted',
  refused: 'security.defaults.outcome.refused',
  locked: 'security.defaults.outcome.locked',
  'no-answer': 'security.defaults.outcome.noAnswer',
  unusable: 'security.defaults.outcome.unusable',
} as const;

/** What one attempt's answer was, in words. */
export function defaultOutcomeWords(outcome: keyof typeof DEFAULT_OUTCOME_KEYS): string {
  return t(DEFAULT_OUTCOME_KEYS[outcome]);
}

/** A password's verdict as a box: strong or weak. */
export function strengthView(strong: boolean) {
  return strong
    ? ({ label: t('security.strength.strong'), tone: 'ok', bar: 'wizard-step__box--ok' } as const)
    : ({ label: t('security.strength.weak'), tone: 'danger', bar: 'wizard-step__box--danger' } as const);
}

/**
 * main's verdict lines (a password's strength, a password change, turning HTTPS on) in the user's language: each line
 * main said by key in the page's words, the others (the estimator's own words) and those of an older main as they came.
 */
export function mainLines(verdict: {
  readonly words: readonly string[];
  readonly said?: { readonly words: readonly (Said | null)[] };
}): string[] {
  return verdict.words.map((w, i) => sayIn({ t }, verdict.said?.words[i] ?? undefined, w));
}
