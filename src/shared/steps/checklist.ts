import { z } from 'zod';
import { checklistExportFormatSchema, checklistExportSchema, checklistPaperSchema } from '../domain/checklist-export';
import { checklistSchema } from '../domain/checklist-schema';
import { defineStep } from './define';
import { noInput } from './fields';

/**
 * "Checklist": what was found, changed and proven, and what is left, built from the setup record alone — to keep
 * and hand on (PDF on A4 or Letter, or JSON). Never a password, token or key: the checklist is filled through
 * allow-lists (src/shared/domain/checklist-pick.ts). The step is verified while the last checklist made for the
 * user still says what the setup says now.
 */
export const checklistStep = defineStep({
  id: 'checklist',
  title: 'Checklist',
  available: true,
  invoke: {
    /** The checklist of the saved setup, for the page, and the last export (the step's status is judged again). */
    'checklist.get': {
      input: noInput,
      output: z.object({
        checklist: checklistSchema,
        lastExport: checklistExportSchema.nullable(),
        /** The last export says what the setup says now. */
        current: z.boolean(),
      }),
    },
    /**
     * The checklist of the saved setup as a file to keep: its bytes (base64), its name and type; the page saves it
     * (a download; the desktop app asks where). Recorded as the last export.
     */
    'checklist.export': {
      input: z
        .object({
          format: checklistExportFormatSchema,
          /** The PDF's paper (default A4); not for JSON. */
          paper: checklistPaperSchema.optional(),
          /** The language of the PDF's own words: a BCP 47 tag (`en`, `en-XA`); one without a catalogue is English. */
          locale: z
            .string()
            .max(35)
            .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/)
            .optional(),
        })
        .strict()
        .refine((i) => i.format === 'pdf' || i.paper === undefined, { path: ['paper'], message: 'only for a PDF' })
        .refine((i) => i.format === 'pdf' || i.locale === undefined, { path: ['locale'], message: 'only for a PDF' }),
      output: z.object({
        fileName: z.string().max(80),
        mediaType: z.enum(['application/pdf', 'application/json']),
        base64: z.string().max(40_000_000),
        bytes: z.number().int().min(1),
        export: checklistExportSchema,
      }),
    },
  },
  record: {
    version: 1,
    shape: {
      /** The Checklist step: the last checklist made for the user (when, as what, a digest of what it said). */
      checklist: z.object({ lastExport: checklistExportSchema.nullable().default(null) }),
    },
    empty: () => ({ checklist: { lastExport: null } }),
  },
});
