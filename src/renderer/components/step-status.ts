import type { StepStatus } from '../../shared/domain/steps';

/** How each step status is said and coloured, everywhere in the UI. */
export const STEP_STATUS_VIEW: Record<
  StepStatus,
  { label: string; tone: 'neutral' | 'info' | 'ok' | 'warn' | 'muted' }
> = {
  'not-started': { label: 'not started', tone: 'neutral' },
  working: { label: 'working', tone: 'info' },
  verified: { label: 'verified', tone: 'ok' },
  attention: { label: 'needs attention', tone: 'warn' },
  skipped: { label: 'skipped', tone: 'muted' },
};

/** A local, readable time for a measurement's ISO timestamp. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return 'never';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}
