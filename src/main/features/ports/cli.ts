import { SWEEP_MAX_PREFIX } from '../../../shared/domain/discovery-limits';
import type { PortApplyResult, PortPlan, PortReport } from '../../../shared/domain/ports';
import { ROLE_LABELS } from '../../../shared/catalog/ports';
import { sayPortMessage, sayPortProblem, sayPortRow } from '../../../shared/catalog/port-words';
import { isAppFailure } from '../../../shared/ipc/errors';
import { safeJson } from '../../../shared/text/device-text';
import { createTranslator, localMessage, type Translator } from '../../../shared/i18n';
import { sayIn } from '../../../shared/i18n/said';
import { usageLine, type CliCommand, type CommandContext } from '../../cli/command';
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

type T = Translator['t'];
const english = () => createTranslator().t;

const OUTSIDE = { yes: 'yes', no: 'no', 'only-with-vendor-app': 'vendorApp' } as const;

export function renderPortReport(report: PortReport, t: T = english()): string {
  const rows = report.rows.map((r) => {
    // main's words in the terminal's language (said by key); the catalogue's own risk reasons stay as main said them.
    const words = sayPortRow({ t }, r);
    return [
      `${r.port}${r.state === 'open' ? '' : ` (${r.state})`}`,
      `${r.service}${r.product ? ` · ${r.product}` : ''}`.slice(0, 40),
      words.purpose.length > 50 ? `${words.purpose.slice(0, 49)}…` : words.purpose,
      r.neededOutside in OUTSIDE
        ? t(`cli.ports.outside.${OUTSIDE[r.neededOutside as keyof typeof OUTSIDE]}`)
        : r.neededOutside,
      `${r.risk.level}${r.isDefault && r.state === 'open' ? t('cli.ports.factoryPort') : ''}`,
      words.recommendation,
    ];
  });
  const head = (['port', 'service', 'purpose', 'outside', 'risk', 'recommendation'] as const).map((h) =>
    t(`cli.ports.head.${h}`),
  );
  const none = t('cli.ports.none');
  const lines = [
    t(report.full ? 'cli.ports.reportFull' : 'cli.ports.report', { address: report.address, at: report.measuredAt }),
    '',
    formatTable(head, rows, 500),
    '',
    t('cli.ports.declaredClosed', {
      list: report.declaredButClosed.length ? report.declaredButClosed.join(', ') : none,
    }),
    t('cli.ports.undeclaredOpen', { list: report.undeclaredOpen.length ? report.undeclaredOpen.join(', ') : none }),
  ];
  if (!report.onvifProtocols) lines.push(t('cli.ports.logInHint', { user: '--user', stdin: '--password-stdin' }));
  return lines.join('\n');
}

export function renderPortPlan(plan: PortPlan, t: T = english()): string {
  const rows = plan.proposal.map((p) => [
    ROLE_LABELS[p.role],
    String(p.current),
    String(p.internal),
    String(p.external),
    plan.applyViaOnvif.includes(p.role) ? t('cli.ports.byApp') : t('cli.ports.byYou'),
  ]);
  const head = (['service', 'now', 'new', 'outside', 'changedBy'] as const).map((h) => t(`cli.ports.planHead.${h}`));
  const lines = [formatTable(head, rows, 80)];
  for (const p of plan.problems)
    lines.push(
      t(p.severity === 'error' ? 'cli.ports.problem' : 'cli.ports.note', { message: sayPortProblem({ t }, p) }),
    );
  const set = plan.proposal.filter((p) => plan.applyViaOnvif.includes(p.role) && p.internal !== p.current);
  if (set.length)
    lines.push(
      '',
      t('cli.ports.applyWith', {
        command: `nvr-assist ports ${plan.deviceId} --set ${set.map((p) => `${p.role}=${p.internal}`).join(',')} --user admin --password-stdin`,
      }),
    );
  for (const m of plan.manualSteps) {
    lines.push('', t('cli.ports.inWebPage', { service: t(`ports.role.${m.role}`) }));
    m.steps.forEach((s, i) => lines.push(`  ${i + 1}. ${sayIn({ t }, m.said?.[i], s)}`));
  }
  lines.push('', sayIn({ t }, plan.rtspAdviceSaid, plan.rtspAdvice));
  return lines.join('\n');
}

export function renderPortChange(result: PortApplyResult, t: T = english()): string {
  const rows = result.changes.map((c) => [
    c.role.toUpperCase(),
    String(c.from),
    String(c.to),
    c.verified ? t('cli.ports.yes') : t('cli.ports.no'),
    c.evidence,
  ]);
  const head = (['service', 'from', 'to', 'verified', 'evidence'] as const).map((h) => t(`cli.ports.changeHead.${h}`));
  return [
    t('cli.ports.result', {
      outcome: t(`cli.ports.outcome.${result.outcome}`),
      message: sayPortMessage({ t }, result),
    }),
    rows.length ? `\n${formatTable(head, rows, 200)}` : '',
    result.onvifUrl ? `ONVIF: ${result.onvifUrl}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** `nvr-assist ports …`: audit (default), --plan, or --set. */
async function runPorts(cmd: CommandContext): Promise<number> {
  const { args, json, flags, options, io, t } = cmd;
  if (args.length !== 1) return cmd.usageError(t('cli.ports.nameOne'));
  const modes = [flags.has('--plan'), options['--set'] !== undefined, flags.has('--full')].filter(Boolean).length;
  if (modes > 1) return cmd.usageError(t('cli.ports.oneMode', { modes: '--full, --plan', set: '--set' }));
  const changes = options['--set'] === undefined ? null : parseSetList(options['--set']);
  if (options['--set'] !== undefined && !changes)
    return cmd.usageError(
      t('cli.ports.badSet', { option: '--set', pairs: 'role=port', example: '--set http=18080,rtsp=10554' }),
    );
  const target = await deviceTarget(cmd, args[0]!);
  if (typeof target === 'number') return target;
  const deviceId = target;

  const audit = async (): Promise<{ report: PortReport | null; code: number }> => {
    const job = await cmd.job('ports.audit', { deviceId, ...(flags.has('--full') ? { full: true } : {}) });
    const report = (job.events.get('ports.onReport') as { report: PortReport } | undefined)?.report ?? null;
    if (job.outcome === 'cancelled') return { report, code: 130 };
    if (job.outcome !== 'ok' || !report)
      return { report, code: cmd.fail(job.error?.message ?? t('cli.ports.measureFailed')) };
    return { report, code: 0 };
  };

  if (flags.has('--force') && !changes)
    return cmd.usageError(t('cli.ports.forceWithSet', { option: '--force', set: '--set' }));
  if (flags.has('--each') && (!changes || changes.length < 2))
    return cmd.usageError(t('cli.ports.eachWithSet', { option: '--each', set: '--set' }));
  if (changes) {
    const job = await cmd.job('ports.apply', {
      deviceId,
      changes,
      ...(flags.has('--force') ? { confirmWarnings: true } : {}),
      ...(flags.has('--each') ? { oneAtATime: true } : {}),
    });
    const result = (job.events.get('ports.onApplied') as { result: PortApplyResult } | undefined)?.result;
    if (!result) return cmd.fail(job.error?.message ?? t('cli.ports.changeFailed'));
    io.stdout(json ? `${safeJson(result, 2)}\n` : `${renderPortChange(result, t)}\n`);
    if (result.outcome !== 'verified') {
      io.stderr(
        `${t('cli.ports.result', { outcome: t(`cli.ports.said.${result.outcome}`), message: sayPortMessage({ t }, result) })}\n`,
      );
      // A device that refused a combined change may take a part of it.
      if (result.outcome === 'restored' && changes.length > 1 && !flags.has('--each'))
        io.stderr(`${t('cli.ports.tryEach', { option: '--each' })}\n`);
      return 1;
    }
    return 0;
  }

  if (flags.has('--plan')) {
    let planned = await cmd.call('ports.plan', { deviceId });
    if (!planned.ok && planned.error.code === 'PORTS_NOT_MEASURED') {
      if (!json) io.stderr(`${t('cli.ports.measuringFirst')}\n`);
      const measured = await audit();
      if (measured.code !== 0) return measured.code;
      planned = await cmd.call('ports.plan', { deviceId });
    }
    if (!planned.ok) return cmd.fail(localMessage(planned.error, cmd));
    io.stdout(json ? `${safeJson(planned.data, 2)}\n` : `${renderPortPlan(planned.data, t)}\n`);
    return 0;
  }

  const measured = await audit();
  if (measured.code !== 0 || !measured.report) return measured.code;
  io.stdout(json ? `${safeJson(measured.report, 2)}\n` : `${renderPortReport(measured.report, t)}\n`);
  return 0;
}

/** `nvr-assist ports-scan`: the scanner and identification alone, for tests and benchmarks (JSON only). */
async function runPortsScanCommand(cmd: CommandContext): Promise<number> {
  const { args, flags, options, io, t } = cmd;
  if (args.length !== 1) return cmd.usageError(t('cli.portsScan.nameOne'));
  if (options['--ports'] && flags.has('--full'))
    return cmd.usageError(t('cli.portsScan.notBoth', { ports: '--ports', full: '--full' }));
  const list = options['--ports']?.split(',').map((p) => Number(p.trim()));
  if (list && !list.every((p) => Number.isInteger(p) && p >= 1 && p <= 65535))
    return cmd.usageError(t('cli.portsScan.badPorts', { option: '--ports' }));
  if (!expandTarget(args[0]!))
    return cmd.usageError(t('cli.portsScan.badTarget', { prefix: `/${SWEEP_MAX_PREFIX}`, example: '192.168.1.0/24' }));
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
    io.stderr(`${t('cli.error', { message: isAppFailure(err) ? err.message : t('errors.INTERNAL') })}\n`);
    return 1;
  }
}

export const PORTS_COMMANDS: readonly CliCommand[] = [
  {
    name: 'ports',
    usage: (t) => [
      ...usageLine(
        'ports <device-id|address> [--full] [--user U --password-stdin]',
        t('cli.ports.usage.audit', { option: '--full' }),
      ),
      ...usageLine('ports <device-id|address> --plan', t('cli.ports.usage.plan')),
      ...usageLine(
        'ports <device-id|address> --set http=N[,https=N][,rtsp=N] [--force] [--each] --user U --password-stdin',
        t('cli.ports.usage.set', { force: '--force', each: '--each' }),
      ),
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
    usage: (t) =>
      usageLine(
        'ports-scan <host|subnet> [--ports 80,443,554 | --full] [--no-identify]',
        t('cli.portsScan.usage', { prefix: `/${SWEEP_MAX_PREFIX}` }),
      ),
    options: { '--ports': 'value', '--full': 'flag', '--no-identify': 'flag' },
    run: runPortsScanCommand,
  },
];
