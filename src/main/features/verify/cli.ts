import { VERIFY_EXIT, type VerifyResult } from '../../../shared/domain/verify-shapes';
import { safeJson } from '../../../shared/text/device-text';
import { createTranslator, type Translator } from '../../../shared/i18n';
import { sayIn } from '../../../shared/i18n/said';
import { usageLine, type CliCommand, type CommandContext } from '../../cli/command';
import { parseCheckerUrl } from '../../protocol/echoip';

/**
 * The verification as text: the outcome, then one line per check, its changes (from → to) and what to do — main's
 * words in the terminal's language where they were said by key.
 */
export function renderVerify(r: VerifyResult, t: Translator['t'] = createTranslator().t): string {
  const lines = [t(`cli.verify.outcome.${r.outcome}`), ''];
  for (const c of r.checks) {
    const words = {
      mark: t(`cli.verify.mark.${c.state}`),
      title: sayIn({ t }, c.titleSaid, c.title),
      text: sayIn({ t }, c.said, c.text),
    };
    lines.push(t(c.state === 'not-checked' ? 'cli.verify.checkNotChecked' : 'cli.verify.check', words));
    for (const ch of c.changes)
      lines.push(
        t('cli.verify.change', {
          what: sayIn({ t }, ch.said?.what, ch.what),
          from: sayIn({ t }, ch.said?.from, ch.from),
          to: sayIn({ t }, ch.said?.to, ch.to),
        }),
      );
    if (c.todo) lines.push(t('cli.verify.todo', { todo: sayIn({ t }, c.todoSaid, c.todo) }));
  }
  lines.push('', t('cli.verify.checkedAt', { at: r.at }));
  return lines.join('\n');
}

/** `verify`: exit 0 no drift, 3 drift, 1 could not check, 130 cancelled. */
async function runVerify(cmd: CommandContext): Promise<number> {
  const { args, json, options, io, t } = cmd;
  if (args.length) return cmd.usageError(t('cli.verify.noWords'));
  const checker = options['--checker'];
  if (checker !== undefined && !parseCheckerUrl(checker)) return cmd.usageError(t('cli.verify.badChecker'));
  const job = await cmd.job('verify.run', checker !== undefined ? { checker } : {});
  const result = (job.events.get('verify.onResult') as { result: VerifyResult } | undefined)?.result;
  if (job.outcome === 'cancelled') return 130;
  if (job.outcome !== 'ok' || !result) return cmd.fail(job.error?.message ?? t('cli.verify.failed'));
  io.stdout(json ? `${safeJson(result, 2)}\n` : `${renderVerify(result, t)}\n`);
  return VERIFY_EXIT[result.outcome];
}

export const VERIFY_COMMANDS: readonly CliCommand[] = [
  {
    name: 'verify',
    usage: (t) => usageLine('verify [--checker URL]', t('cli.verify.usage')),
    options: { '--checker': 'value' },
    run: runVerify,
  },
];
