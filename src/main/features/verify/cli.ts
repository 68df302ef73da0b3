import { VERIFY_EXIT, type VerifyResult } from '../../../shared/domain/verify';
import { safeJson } from '../../../shared/text/device-text';
import type { CliCommand, CommandContext } from '../../cli/command';
import { parseCheckerUrl } from '../../protocol/echoip';

const MARKS = { ok: 'ok   ', drift: 'DRIFT', 'not-checked': '--   ' } as const;
const OUTCOME_WORDS = {
  'no-drift': 'No drift: everything checked is as it was set up.',
  drift: 'Drift: something changed since it was set up (below, with what to do).',
  unproven: 'Not proven: a check could not measure, or nothing was set up to check.',
} as const;

/** The verification as text: the outcome, then one line per check, its changes (from → to) and what to do. */
export function renderVerify(r: VerifyResult): string {
  const lines = [OUTCOME_WORDS[r.outcome], ''];
  for (const c of r.checks) {
    lines.push(`${MARKS[c.state]} ${c.title}: ${c.state === 'not-checked' ? 'not checked — ' : ''}${c.text}`);
    for (const ch of c.changes) lines.push(`        ${ch.what}: ${ch.from} → ${ch.to}`);
    if (c.todo) lines.push(`        What to do: ${c.todo}`);
  }
  lines.push('', `Checked at ${r.at}`);
  return lines.join('\n');
}

/** `verify`: exit 0 no drift, 3 drift, 1 could not check, 130 cancelled. */
async function runVerify(cmd: CommandContext): Promise<number> {
  const { args, json, options, io } = cmd;
  if (args.length) return cmd.usageError('`verify` takes no words, only --checker URL.');
  const checker = options['--checker'];
  if (checker !== undefined && !parseCheckerUrl(checker))
    return cmd.usageError('--checker takes an http(s) address without a query, e.g. --checker https://ifconfig.co.');
  const job = await cmd.job('verify.run', checker !== undefined ? { checker } : {});
  const result = (job.events.get('verify.onResult') as { result: VerifyResult } | undefined)?.result;
  if (job.outcome === 'cancelled') return 130;
  if (job.outcome !== 'ok' || !result) return cmd.fail(job.error?.message ?? 'The setup could not be verified.');
  io.stdout(json ? `${safeJson(result, 2)}\n` : `${renderVerify(result)}\n`);
  return VERIFY_EXIT[result.outcome];
}

export const VERIFY_COMMANDS: readonly CliCommand[] = [
  {
    name: 'verify',
    usage: [
      'verify [--checker URL]  Re-run every check that needs no password against the saved setup: the NVR at',
      '                        its address (and its MAC), its ports and the router rules’ ports, the router’s',
      '                        UPnP mappings (one that came back), the public address, the DDNS name, and',
      '                        from outside (the checker) the planned and the forbidden ports. Each: ok,',
      '                        drift (what changed, from what to what, what to do) or not checked (why).',
      '                        Nothing saved by the steps changes. Exit 0 no drift, 3 drift, 1 could not',
      '                        check. For cron or a systemd timer (see README).',
    ],
    options: { '--checker': 'value' },
    run: runVerify,
  },
];
