import { buildChecklist, type Checklist } from '../../../shared/domain/checklist';
import { safeJson } from '../../../shared/text/device-text';
import type { CliCommand, CommandContext } from '../../cli/command';
import { ChecklistPdfError, writeChecklistPdf } from '../../services/checklist/checklist-pdf';

/** The lines the CLI prints after writing the PDF: where, how big, and what is still to do. */
export function renderWritten(written: { path: string; bytes: number }, checklist: Checklist): string {
  const todo = checklist.todo.map((t) => `  [ ] ${t.title}: ${t.reason}`);
  return [
    `The checklist was written to ${written.path} (${written.bytes} bytes).`,
    todo.length ? `Still to do (${todo.length}):` : 'Every step is verified.',
    ...todo,
  ].join('\n');
}

async function run(cmd: CommandContext): Promise<number> {
  const { args, options, flags, json, io } = cmd;
  if (args.length) return cmd.usageError(`Unexpected word "${args[0]}".`);
  const out = options['--out'];
  if (out === undefined && !json) return cmd.usageError('Give the file to write with --out FILE (or --json).');
  if (out !== undefined && !/\.pdf$/i.test(out)) return cmd.usageError('--out takes a file name ending in .pdf.');
  const got = await cmd.call('setup.get', {});
  if (!got.ok) return cmd.finish(got, () => '');
  const checklist = buildChecklist(got.data.setup, { madeAt: new Date().toISOString(), appVersion: cmd.version });
  let written: { path: string; bytes: number } | null = null;
  if (out !== undefined) {
    try {
      written = await writeChecklistPdf(out, checklist, { paper: flags.has('--letter') ? 'letter' : 'a4' });
    } catch (err) {
      if (err instanceof ChecklistPdfError) return cmd.fail(err.message);
      throw err;
    }
  }
  if (json) {
    io.stdout(`${safeJson(checklist, 2)}\n`);
    if (written) io.stderr(`The checklist was written to ${written.path} (${written.bytes} bytes).\n`);
    return 0;
  }
  io.stdout(`${renderWritten(written!, checklist)}\n`);
  return 0;
}

export const CHECKLIST_COMMANDS: readonly CliCommand[] = [
  {
    name: 'checklist',
    usage: [
      'checklist --out FILE.pdf [--letter] [--json]',
      '                        The checklist to keep: the NVR, every step and its status, ports, forward rules,',
      '                        UPnP, DDNS, the public address, the test from outside, the security score with its',
      '                        fixes, the picture of what is open from the internet and what is still to do, as a',
      '                        PDF (A4, or US Letter with --letter); with --json the same as JSON on stdout (then',
      '                        --out is optional). Never a password, token or key.',
    ],
    options: { '--out': 'value', '--letter': 'flag' },
    run,
  },
];
