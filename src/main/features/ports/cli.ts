import { SWEEP_MAX_PREFIX } from '../../../shared/domain/discovery-limits';
import type { PortApplyResult, PortPlan, PortReport } from '../../../shared/domain/ports';
import { ROLE_LABELS } from '../../../shared/catalog/ports';
import { ERROR_MESSAGES, isAppFailure } from '../../../shared/ipc/errors';
import { safeJson } from '../../../shared/text/device-text';
import type { CliCommand, CommandContext } from '../../cli/command';
import { formatTable } from '../../cli/table';
import { expandTarget, runPortsScan } from '../../services/ports/ports-scan';
import { deviceTarget } from '../find/cli';

/** Parses `http=18080,rtsp=10554`; null when it is not that. */
export function parseSetList(text: string): Array<{ role: 'http' | 'https' | 'rtsp'; to: number }> | null {
  const out: Array<{ role: 'http' | 'https' | 'rtsp'; to: number }> = [];
  for (const part of text.split(',')) {
    const m = /^\s*(http|https|rtsp)\s*=\s*(\d{1,5})\s*$/i.exec(part);
    if (!m) return null;
    const role = m[1]!.toLowerCase() as 'http' | 'https' | 'rtsp';
    const to = Number(m[2]);
    if (to < 1 || to > 65535 || out.some((c) => c.role === role)) return null;
    out.push({ role, to });
  }
  return out.length ? out : null;
}

const OUTSIDE: Record<string, string> = { yes: 'yes', no: 'no', 'only-with-vendor-app': 'vendor app only' };

export function renderPortReport(report: PortReport): string {
  const rows = report.rows.map((r) => [
    `${r.port}${r.state === 'open' ? '' : ` (${r.state})`}`,
    `${r.service}${r.product ? ` · ${r.product}` : ''}`.slice(0, 40),
    r.purpose.length > 50 ? `${r.purpose.slice(0, 49)}…` : r.purpose,
    OUTSIDE[r.neededOutside] ?? r.neededOutside,
    `${r.risk.level}${r.isDefault && r.state === 'open' ? ', factory port' : ''}`,
    r.recommendation,
  ]);
  const lines = [
    `Ports of ${report.address}${report.full ? ' (all 65535)' : ' (catalogue ports)'}, measured at ${report.measuredAt}`,
    '',
    formatTable(['PORT', 'SERVICE', 'WHAT IT IS FOR', 'OUTSIDE?', 'RISK', 'RECOMMENDATION'], rows, 500),
    '',
    `Declared by the device but closed: ${report.declaredButClosed.length ? report.declaredButClosed.join(', ') : 'none'}`,
    `Open but declared by nobody: ${report.undeclaredOpen.length ? report.undeclaredOpen.join(', ') : 'none'}`,
  ];
  if (!report.onvifProtocols)
    lines.push('(Log in with --user and --password-stdin to read the device’s own list of ports over ONVIF.)');
  return lines.join('\n');
}

export function renderPortPlan(plan: PortPlan): string {
  const rows = plan.proposal.map((p) => [
    ROLE_LABELS[p.role],
    String(p.current),
    String(p.internal),
    String(p.external),
    plan.applyViaOnvif.includes(p.role) ? 'the app (ONVIF)' : 'you (web page)',
  ]);
  const lines = [formatTable(['SERVICE', 'NOW', 'NEW', 'OUTSIDE', 'CHANGED BY'], rows, 80)];
  for (const p of plan.problems) lines.push(`${p.severity === 'error' ? 'Problem' : 'Note'}: ${p.message}`);
  const set = plan.proposal.filter((p) => plan.applyViaOnvif.includes(p.role) && p.internal !== p.current);
  if (set.length)
    lines.push(
      '',
      `Apply with: nvr-assist ports ${plan.deviceId} --set ${set.map((p) => `${p.role}=${p.internal}`).join(',')} --user admin --password-stdin`,
    );
  for (const m of plan.manualSteps) {
    lines.push('', `${ROLE_LABELS[m.role]}, in the device's web page:`);
    m.steps.forEach((s, i) => lines.push(`  ${i + 1}. ${s}`));
  }
  lines.push('', plan.rtspAdvice);
  return lines.join('\n');
}

const OUTCOME_WORDS: Readonly<Record<PortApplyResult['outcome'], string>> = {
  verified: 'Verified',
  partial: 'Partly changed',
  restored: 'Put back',
  failed: 'FAILED',
};

export function renderPortChange(result: PortApplyResult): string {
  const rows = result.changes.map((c) => [
    c.role.toUpperCase(),
    String(c.from),
    String(c.to),
    c.verified ? 'yes' : 'no',
    c.evidence,
  ]);
  return [
    `${OUTCOME_WORDS[result.outcome]}: ${result.message}`,
    rows.length ? `\n${formatTable(['SERVICE', 'FROM', 'TO', 'VERIFIED', 'EVIDENCE'], rows, 200)}` : '',
    result.onvifUrl ? `ONVIF: ${result.onvifUrl}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** `nvr-assist ports …`: audit (default), --plan, or --set. */
async function runPorts(cmd: CommandContext): Promise<number> {
  const { args, json, flags, options, io } = cmd;
  if (args.length !== 1) return cmd.usageError('Name one device ID or address, e.g. `nvr-assist ports 192.168.1.64`.');
  const modes = [flags.has('--plan'), options['--set'] !== undefined, flags.has('--full')].filter(Boolean).length;
  if (modes > 1) return cmd.usageError('Use one of --full, --plan and --set.');
  const changes = options['--set'] === undefined ? null : parseSetList(options['--set']);
  if (options['--set'] !== undefined && !changes)
    return cmd.usageError('--set takes role=port pairs for http, https and rtsp, e.g. --set http=18080,rtsp=10554.');
  const target = await deviceTarget(cmd, args[0]!);
  if (typeof target === 'number') return target;
  const deviceId = target;

  const audit = async (): Promise<{ report: PortReport | null; code: number }> => {
    const job = await cmd.job('ports.audit', { deviceId, ...(flags.has('--full') ? { full: true } : {}) });
    const report = (job.events.get('ports.onReport') as { report: PortReport } | undefined)?.report ?? null;
    if (job.outcome === 'cancelled') return { report, code: 130 };
    if (job.outcome !== 'ok' || !report)
      return { report, code: cmd.fail(job.error?.message ?? 'The measurement failed.') };
    return { report, code: 0 };
  };

  if (flags.has('--force') && !changes) return cmd.usageError('--force goes with --set.');
  if (flags.has('--each') && (!changes || changes.length < 2))
    return cmd.usageError('--each goes with --set and two or more ports.');
  if (changes) {
    const job = await cmd.job('ports.apply', {
      deviceId,
      changes,
      ...(flags.has('--force') ? { confirmWarnings: true } : {}),
      ...(flags.has('--each') ? { oneAtATime: true } : {}),
    });
    const result = (job.events.get('ports.onApplied') as { result: PortApplyResult } | undefined)?.result;
    if (!result) return cmd.fail(job.error?.message ?? 'The change could not be made.');
    io.stdout(json ? `${safeJson(result, 2)}\n` : `${renderPortChange(result)}\n`);
    if (result.outcome !== 'verified') {
      const said = { partial: 'Partly changed', restored: 'Not changed', failed: 'Failed' }[result.outcome];
      io.stderr(`${said}: ${result.message}\n`);
      // A device that refused a combined change may take a part of it.
      if (result.outcome === 'restored' && changes.length > 1 && !flags.has('--each'))
        io.stderr('To move each port on its own (the NVR keeps what it refuses), run the same command with --each.\n');
      return 1;
    }
    return 0;
  }

  if (flags.has('--plan')) {
    let planned = await cmd.call('ports.plan', { deviceId });
    if (!planned.ok && planned.error.code === 'PORTS_NOT_MEASURED') {
      if (!json) io.stderr('Measuring the ports first…\n');
      const measured = await audit();
      if (measured.code !== 0) return measured.code;
      planned = await cmd.call('ports.plan', { deviceId });
    }
    if (!planned.ok) return cmd.fail(planned.error.message);
    io.stdout(json ? `${safeJson(planned.data, 2)}\n` : `${renderPortPlan(planned.data)}\n`);
    return 0;
  }

  const measured = await audit();
  if (measured.code !== 0 || !measured.report) return measured.code;
  io.stdout(json ? `${safeJson(measured.report, 2)}\n` : `${renderPortReport(measured.report)}\n`);
  return 0;
}

/** `nvr-assist ports-scan`: the scanner and identification alone, for tests and benchmarks (JSON only). */
async function runPortsScanCommand(cmd: CommandContext): Promise<number> {
  const { args, flags, options, io } = cmd;
  if (args.length !== 1)
    return cmd.usageError('Name one address or subnet, e.g. `nvr-assist ports-scan 192.168.1.64`.');
  if (options['--ports'] && flags.has('--full')) return cmd.usageError('Use --ports or --full, not both.');
  const list = options['--ports']?.split(',').map((p) => Number(p.trim()));
  if (list && !list.every((p) => Number.isInteger(p) && p >= 1 && p <= 65535))
    return cmd.usageError('--ports takes port numbers from 1 to 65535, separated by commas.');
  if (!expandTarget(args[0]!))
    return cmd.usageError(`Name one IPv4 address or a subnet of at most /${SWEEP_MAX_PREFIX}, e.g. 192.168.1.0/24.`);
  try {
    const result = await runPortsScan({
      target: args[0]!,
      ports: flags.has('--full') ? 'full' : list,
      identify: !flags.has('--no-identify'),
      signal: new AbortController().signal,
    });
    const hosts = result.scan.hosts.filter((h) => h.up);
    io.stdout(
      `${safeJson({ ...result, scan: { ...result.scan, hostsScanned: result.scan.hosts.length, hosts } }, 2)}\n`,
    );
    return 0;
  } catch (err) {
    // Only catalogued words cross to the user: never an exception's text (it may carry paths or values).
    io.stderr(`Error: ${isAppFailure(err) ? err.message : ERROR_MESSAGES.INTERNAL}\n`);
    return 1;
  }
}

export const PORTS_COMMANDS: readonly CliCommand[] = [
  {
    name: 'ports',
    usage: [
      'ports <device-id|address> [--full] [--user U --password-stdin]',
      '                        Measure the device’s ports: what answers on each, what it is for, whether',
      '                        it is needed from outside, how risky it is and what to do. --full checks',
      '                        all 65535 ports. With a login, the device’s own list (ONVIF) is read too.',
      'ports <device-id|address> --plan',
      '                        Propose non-standard ports (the same device always gets the same ones),',
      '                        which ones the app changes itself and the steps for the others.',
      'ports <device-id|address> --set http=N[,https=N][,rtsp=N] [--force] [--each] --user U --password-stdin',
      '                        Move the web and video ports through ONVIF, then check by measurement',
      '                        that the old port is closed and the new one answers. On any failure the',
      '                        previous ports are put back and checked. Exit 0 only when verified.',
      '                        A port the app would not propose (below 1024, 32768 and up, another',
      '                        brand’s default) is refused unless --force says you mean it; a port in use is',
      '                        always refused. Nothing is sent to the NVR when a change is refused.',
      '                        --each moves each port on its own and keeps what the NVR takes (for an NVR',
      '                        that refused a combined change).',
    ],
    options: {
      '--full': 'flag',
      '--plan': 'flag',
      '--set': 'value',
      '--force': 'flag',
      '--each': 'flag',
      '--user': 'value',
      '--password-stdin': 'flag',
    },
    run: runPorts,
  },
  {
    name: 'ports-scan',
    usage: [
      'ports-scan <host|subnet> [--ports 80,443,554 | --full] [--no-identify]',
      '                        (internal, for tests and benchmarks) TCP connect scan of one address or a',
      `                        subnet (at most a /${SWEEP_MAX_PREFIX}) and identification of each open port. JSON only.`,
    ],
    options: { '--ports': 'value', '--full': 'flag', '--no-identify': 'flag' },
    run: runPortsScanCommand,
  },
];
