import { buildChecklist } from '../../../shared/domain/checklist';
import { asExported, checklistFileName, type ChecklistExport } from '../../../shared/domain/checklist-export';
import { createTranslator, resolveLocale } from '../../../shared/i18n';
import { AppFailure } from '../../../shared/ipc/errors';
import { safeJson } from '../../../shared/text/device-text';
import { ChecklistPdfError, renderChecklistPdf } from '../../services/checklist/checklist-pdf';
import { defineFeature } from '../types';
import { CHECKLIST_COMMANDS } from './cli';
import { checklistDigest, judgeChecklist, statusDiffers } from './status';

// "Checklist": the setup record as a checklist the user keeps. `checklist.get` gives it to the page (and judges the
// step again: the setup may have changed since the last export); `checklist.export` makes the file (PDF or JSON),
// records the export and hands the bytes to the page, which saves them. The CLI builds it from `setup.get`.
export default defineFeature({
  id: 'checklist',
  handlers: (ctx) => {
    const meta = () => ({ madeAt: ctx.now().toISOString(), appVersion: ctx.options.version });
    return {
      'checklist.get': async () => {
        let { setup: record } = await ctx.setup.load();
        const judged = judgeChecklist(
          record.checklist.lastExport,
          checklistDigest(buildChecklist(record, meta())),
          ctx.now(),
        );
        if (statusDiffers(record.steps.checklist, judged))
          record = await ctx.save((draft) => {
            const now = checklistDigest(buildChecklist(draft, meta()));
            draft.steps.checklist = judgeChecklist(draft.checklist.lastExport, now, ctx.now());
          });
        const checklist = buildChecklist(record, meta());
        const last = record.checklist.lastExport;
        return { checklist, lastExport: last, current: last !== null && last.digest === checklistDigest(checklist) };
      },
      'checklist.export': async (input) => {
        const { setup: record } = await ctx.setup.load();
        const built = buildChecklist(record, meta());
        const checklist = asExported(built, built.madeAt);
        const paper = input.format === 'pdf' ? (input.paper ?? 'a4') : null;
        let bytes: Buffer;
        try {
          bytes =
            paper === null
              ? Buffer.from(`${safeJson(checklist, 2)}\n`, 'utf8')
              : await renderChecklistPdf(checklist, {
                  paper,
                  translator: createTranslator(resolveLocale([input.locale])),
                });
        } catch (err) {
          // A font missing: main's own words (what to install; the JSON works without it).
          if (err instanceof ChecklistPdfError) throw new AppFailure('INTERNAL', err.message.slice(0, 400));
          throw err;
        }
        const entry: ChecklistExport = {
          at: checklist.madeAt,
          format: input.format,
          paper,
          digest: checklistDigest(built),
        };
        await ctx.save((draft) => {
          draft.checklist.lastExport = entry;
          // Verified only if the setup on disk still says what the file says (another window may have changed it).
          draft.steps.checklist = judgeChecklist(entry, checklistDigest(buildChecklist(draft, meta())), ctx.now());
        });
        return {
          fileName: checklistFileName(checklist.madeAt, input.format, paper),
          mediaType: paper === null ? ('application/json' as const) : ('application/pdf' as const),
          base64: bytes.toString('base64'),
          bytes: bytes.length,
          export: entry,
        };
      },
    };
  },
  commands: CHECKLIST_COMMANDS,
});
