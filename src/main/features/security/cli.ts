import { judgeSecurity, securityInputFromRecord, type SecurityResult } from '../../../shared/domain/security';
import { safeJson } from '../../../shared/text/device-text';
import type { CliCommand, CommandContext } from '../../cli/command';

/** The exit code when a critical or high finding is open (0: none; 1: the record could not be read). */
export const HIGH_RISK_EXIT = 3;

const SEVERITY_WORDS = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  unknown: 'UNKNOWN',
  info: 'NOTE',
} as const;

const STATUS_WORDS = {
  affected: 'AFFECTED',
  fixed: 'fixed',
  unknown: 'unknown — check',
  'not-listed': 'model not listed',
} as const;

/** The score, the fixes in order with what each is worth, then the firmware table's answers. */
export function renderSecurity(r: SecurityResult): string {
  const lines = [
    `Security score: ${r.score}/100${r.highRisk ? ' — a high risk is open' : ''} (from what the steps recorded; nothing was measured now)`,
    '',
  ];
  if (!r.findings.length) lines.push('No finding.', '');
  r.findings.forEach((f, i) => {
    lines.push(`${i + 1}. [${SEVERITY_WORDS[f.severity]}] ${f.title}${f.worth ? ` (+${f.worth})` : ''}`);
    lines.push(`   ${f.text}`);
    lines.push(`   What to do: ${f.fix}`);
    for (const e of f.evidence) lines.push(`   - ${e}`);
    if (f.source) lines.push(`   Source: ${f.source}`);
    lines.push('');
  });
  if (r.firmware.length) {
    lines.push('Known critical vulnerabilities for this brand:');
    for (const v of r.firmware) lines.push(`  ${v.id}: ${STATUS_WORDS[v.status]}. ${v.reason} Fixed in: ${v.fixedIn}`);
    lines.push('');
  }
  lines.push('Unknown is never counted as safe: each unknown costs points until the step that measures it has run.');
  return lines.join('\n');
}

async function runSecurity(cmd: CommandContext, now: () => Date): Promise<number> {
  if (cmd.args.length) return cmd.usageError('`security` takes no device: it checks the NVR you chose.');
  const r = await cmd.call('setup.get', {});
  if (!r.ok) return cmd.finish(r, () => '');
  const result = judgeSecurity(securityInputFromRecord(r.data.setup), now().toISOString());
  cmd.io.stdout(cmd.json ? `${safeJson(result, 2)}\n` : `${renderSecurity(result)}\n`);
  return result.highRisk ? HIGH_RISK_EXIT : 0;
}

/** `nvr-assist security [--json]`; `now` for tests. */
export function securityCommands(now: () => Date = () => new Date()): readonly CliCommand[] {
  return [
    {
      name: 'security',
      usage: [
        'security                The security findings from what the steps recorded: the firmware against known',
        '                        critical vulnerabilities, risky services and HTTPS (Ports), UPnP, exposure',
        '                        (Router rules, the proof from outside), VPN — a score out of 100 and the fixes',
        '                        in order of what each is worth. Exit 3 when a high risk is open.',
      ],
      run: (cmd) => runSecurity(cmd, now),
    },
  ];
}
