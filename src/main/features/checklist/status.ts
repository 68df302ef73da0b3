import { createHash } from 'node:crypto';
import { checklistContent, type ChecklistExport } from '../../../shared/domain/checklist-export';
import type { Checklist } from '../../../shared/domain/checklist';
import { stepState, type StepState } from '../../../shared/domain/step-state';
import { said } from '../../../shared/i18n/said';
import { saidInEnglish } from '../../../shared/i18n/english';

/** SHA-256 (hex) of what a checklist says about the setup (checklistContent): equal digests, the same checklist. */
export function checklistDigest(checklist: Checklist): string {
  return createHash('sha256').update(checklistContent(checklist)).digest('hex');
}

/**
 * The Checklist step's status (the one place it is decided), from the last checklist made for the user and the
 * digest of the checklist the setup gives now: verified (at the export's time) while they say the same; attention
 * once the setup changed after it (the copy the user keeps is out of date); not started before any export.
 */
export function judgeChecklist(last: ChecklistExport | null, digestNow: string, at: Date): StepState {
  if (!last) return { status: 'not-started', updatedAt: at.toISOString() };
  if (last.digest === digestNow) return { status: 'verified', updatedAt: last.at };
  return stepState(
    'attention',
    at.toISOString(),
    saidInEnglish(said('wizard.reasons.checklist.changed', { at: last.at })),
  );
}

/**
 * Whether a saved status says something else than a new judgement (its time aside): only then is it saved. No saved
 * status reads as not started, so opening the page of a fresh setup writes nothing.
 */
export function statusDiffers(saved: StepState | undefined, judged: StepState): boolean {
  return (saved?.status ?? 'not-started') !== judged.status || (saved?.reason ?? null) !== (judged.reason ?? null);
}
