import { z } from 'zod';
import type { Checklist } from './checklist-schema';

// The checklist handed to the user (the Checklist step): the file it goes in, what the record keeps of the last one,
// and what "the same checklist" means — so the step can tell whether the copy the user has still says what the setup
// says now.

export const CHECKLIST_PAPERS = ['a4', 'letter'] as const;
export const checklistPaperSchema = z.enum(CHECKLIST_PAPERS);
export type ChecklistPaper = z.infer<typeof checklistPaperSchema>;

export const CHECKLIST_EXPORT_FORMATS = ['pdf', 'json'] as const;
export const checklistExportFormatSchema = z.enum(CHECKLIST_EXPORT_FORMATS);
export type ChecklistExportFormat = z.infer<typeof checklistExportFormatSchema>;

/** The last checklist main made for the user to keep: when, as what, and a digest of what it said. No content. */
export const checklistExportSchema = z.object({
  at: z.string().max(40),
  format: checklistExportFormatSchema,
  /** The PDF's paper (null: JSON). */
  paper: checklistPaperSchema.nullable(),
  /** SHA-256 (hex) of checklistContent(the checklist): the same digest now means the copy says what the setup says. */
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ChecklistExport = z.infer<typeof checklistExportSchema>;

/** The Checklist step's own id: its row in the checklist is about the export itself, not the setup. */
const OWN_STEP = 'checklist';

/**
 * What a checklist says about the setup, as one string: all of it but when it was made, by which app version, the
 * record's last-change time and the Checklist step's own row and to-do — an export changes those, not the setup.
 * Words said by key (`said`) are left out: they say what the English beside them says, so a copy made before the
 * checklist carried them still says what the setup says.
 */
export function checklistContent(checklist: Checklist): string {
  const { madeAt: _madeAt, appVersion: _appVersion, recordUpdatedAt: _recordUpdatedAt, ...content } = checklist;
  return JSON.stringify(
    {
      ...content,
      steps: content.steps.filter((s) => s.id !== OWN_STEP),
      todo: content.todo.filter((t) => t.step !== OWN_STEP),
    },
    (key, value: unknown) => (key === 'said' ? undefined : value),
  );
}

/** The checklist as it is handed over at `at`: its own step is this export, so it is verified there and not to do. */
export function asExported(checklist: Checklist, at: string): Checklist {
  return {
    ...checklist,
    steps: checklist.steps.map(({ said, ...s }) =>
      s.id === OWN_STEP
        ? { ...s, status: 'verified', updatedAt: at, verifiedAt: at, reason: null }
        : { ...s, ...(said ? { said } : {}) },
    ),
    todo: checklist.todo.filter((t) => t.step !== OWN_STEP),
  };
}

/** The file's name: nvr-checklist-<day the checklist was made>[-letter].pdf or .json. */
export function checklistFileName(madeAt: string, format: ChecklistExportFormat, paper: ChecklistPaper | null): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(madeAt)?.[0] ?? 'undated';
  return `nvr-checklist-${day}${format === 'pdf' && paper === 'letter' ? '-letter' : ''}.${format}`;
}
