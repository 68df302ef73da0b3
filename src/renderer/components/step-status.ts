import { STEPS, type StepId, type StepStatus } from '../../shared/domain/steps';
import type { Approach } from '../../shared/domain/setup';
import { stepSkip, type StepSkip } from '../../shared/domain/step-approach';
import { wizard } from '../../shared/i18n/en/wizard';
import type { MessageKey } from '../../shared/i18n';
import { locale, t } from '../composables/useT';

type StatusTone = 'neutral' | 'info' | 'ok' | 'warn' | 'muted';
const STATUS_KEY = {
  'not-started': 'wizard.status.notStarted',
  working: 'wizard.status.working',
  verified: 'wizard.status.verified',
  attention: 'wizard.status.attention',
  skipped: 'wizard.status.skipped',
} as const satisfies Record<StepStatus, `wizard.status.${string}`>;

/** A status as shown: its words in the page's language (read when shown, so they follow a change of language). */
function view(status: StepStatus, tone: StatusTone): { readonly label: string; readonly tone: StatusTone } {
  return {
    get label() {
      return t(STATUS_KEY[status]);
    },
    tone,
  };
}

/** How each step status is said and coloured, everywhere in the UI. */
export const STEP_STATUS_VIEW: Readonly<Record<StepStatus, { readonly label: string; readonly tone: StatusTone }>> = {
  'not-started': view('not-started', 'neutral'),
  working: view('working', 'info'),
  verified: view('verified', 'ok'),
  attention: view('attention', 'warn'),
  skipped: view('skipped', 'muted'),
};

/** A step's title in the page's language (the catalogue's `wizard.steps.<id>.title`; steps.ts keeps main's). */
type TitleKey = Extract<MessageKey, `wizard.steps.${string}.title`>;
const TITLES: Readonly<Record<string, { readonly title: string } | undefined>> = wizard.steps;

export function stepTitle(id: StepId): string {
  // A step newer than the catalogue (a folder just added, CONTRIBUTING.md) says steps.ts's title until it is converted.
  return TITLES[id] ? t(`wizard.steps.${id}.title` as TitleKey) : (STEPS.find((s) => s.id === id)?.title ?? id);
}

type ReasonKey = Extract<MessageKey, `wizard.approach.reasons.${string}`>;
const REASONS: Readonly<Record<string, Readonly<Record<string, string>> | undefined>> = wizard.approach.reasons;

/**
 * How a step the chosen way does not need is said (step-approach.ts's `stepSkip`), in the page's language: the
 * catalogue's words by step and way (main's own reason where the catalogue has none); null when the step applies.
 */
export function stepSkipWords(stepId: StepId, approach: Approach | null): StepSkip | null {
  const skip = stepSkip(stepId, approach);
  if (!skip || !approach) return skip;
  const way = t(`wizard.approach.way.${approach}`);
  return {
    ...skip,
    way,
    reason: REASONS[stepId]?.[approach] ? t(`wizard.approach.reasons.${stepId}.${approach}` as ReasonKey) : skip.reason,
    short: skip.recommendedInstead ? t('wizard.approach.recommendedInstead') : t('wizard.approach.short', { way }),
    lead: t('wizard.approach.lead', { way }),
  };
}

/** A local, readable time for a measurement's ISO timestamp, in the page's locale (or `intl`'s). */
export function formatTime(iso: string | null | undefined, intl: string = locale.value.intl): string {
  if (!iso) return t('wizard.never');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(intl, { dateStyle: 'medium', timeStyle: 'medium' });
}
