import type { StepId, StepStatus } from '../../shared/domain/steps';
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
export function stepTitle(id: StepId): string {
  return t(`wizard.steps.${id}.title`);
}

/** A local, readable time for a measurement's ISO timestamp, in the page's locale (or `intl`'s). */
export function formatTime(iso: string | null | undefined, intl: string = locale.value.intl): string {
  if (!iso) return t('wizard.never');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(intl, { dateStyle: 'medium', timeStyle: 'medium' });
}
