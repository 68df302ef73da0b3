import { buildChecklist, type Checklist } from '../../../shared/domain/checklist';
import { stepTitleIn, todoReasonIn } from '../../../shared/domain/checklist-said';
import { safeJson } from '../../../shared/text/device-text';
import { createTranslator, type Translator } from '../../../shared/i18n';
import { usageLine, type CliCommand, type CommandContext } from '../../cli/command';
import { ChecklistPdfError, writeChecklistPdf } from '../../services/checklist/checklist-pdf';

/** The lines the CLI prints after writing the PDF: where, how big, and what is still to do (why: in `t`'s language). */
export function renderWritten(
  written: { path: string; bytes: number },
  checklist: Checklist,
  t: Translator['t'] = createTranslator().t,
): string {
  const todo = checklist.todo.map(
    (step) => `  [ ] ${stepTitleIn({ t }, step.step, step.title)}: ${todoReasonIn({ t }, step)}`,
  );
  return [
    t('cli.checklist.written', { path: written.path, bytes: String(written.bytes) }),
    todo.length ? t('cli.checklist.todo', { count: todo.length }) : t('cli.checklist.allVerified'),
    ...todo,
  ].join('\n');
}

async function run(cmd: CommandContext): Promise<number> {
  const { args, options, flags, json, io, t } = cmd;
  if (args.length) return cmd.usageError(t('cli.checklist.unexpected', { word: args[0]! }));
  const out = options['--out'];
  if (out === undefined && !json)
    return cmd.usageError(t('cli.checklist.giveOut', { option: '--out FILE', json: '--json' }));
  if (out !== undefined && !/\.pdf$/i.test(out))
    return cmd.usageError(t('cli.checklist.badOut', { option: '--out', ext: '.pdf' }));
  const got = await cmd.call('setup.get', {});
  if (!got.ok) return cmd.finish(got, () => '');
  const checklist = buildChecklist(got.data.setup, { madeAt: new Date().toISOString(), appVersion: cmd.version });
  let written: { path: string; bytes: number } | null = null;
  if (out !== undefined) {
    try {
      written = await writeChecklistPdf(out, checklist, {
        paper: flags.has('--letter') ? 'letter' : 'a4',
        translator: createTranslator(cmd.locale),
      });
    } catch (err) {
      if (err instanceof ChecklistPdfError) return cmd.fail(err.message);
      throw err;
    }
  }
  if (json) {
    io.stdout(`${safeJson(checklist, 2)}\n`);
    if (written) io.stderr(`${t('cli.checklist.written', { path: written.path, bytes: String(written.bytes) })}\n`);
    return 0;
  }
  io.stdout(`${renderWritten(written!, checklist, t)}\n`);
  return 0;
}

export const CHECKLIST_COMMANDS: readonly CliCommand[] = [
  {
    name: 'checklist',
    usage: (t) =>
      usageLine(
        'checklist --out FILE.pdf [--letter] [--json]',
        t('cli.checklist.usage', { letter: '--letter', json: '--json', out: '--out' }),
      ),
    options: { '--out': 'value', '--letter': 'flag' },
    run,
  },
];
