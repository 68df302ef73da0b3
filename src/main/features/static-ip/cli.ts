import {
  RESERVATION_PATHS,
  reservationPathSaid,
  reservationPathText,
} from '../../../shared/catalog/router-reservations';
import type { StaticIpReading, StaticIpResult } from '../../../shared/steps/static-ip';
import { safeJson } from '../../../shared/text/device-text';
import { createTranslator, type Translator } from '../../../shared/i18n';
import { sayIn, type Said } from '../../../shared/i18n/said';
import { sayPoolBasis, sayWhy } from '../../../shared/domain/static-ip-say';
import { usageLine, type CliCommand, type CommandContext } from '../../cli/command';
import { formatTable } from '../../cli/table';
import { deviceTarget } from '../find/cli';

type T = Translator['t'];
const english = () => createTranslator().t;

export function renderReading(r: StaticIpReading, t: T = english()): string {
  const s = r.settings;
  const unknown = t('cli.staticIp.notKnown');
  const none = r.loggedIn ? t('cli.staticIp.none') : unknown;
  const head = (['dhcp', 'address', 'router', 'dns', 'mac'] as const).map((h) => t(`cli.staticIp.head.${h}`));
  const lines = [
    t('cli.staticIp.settingsOf', {
      address: s.address ?? t('cli.staticIp.theDevice'),
      source: r.loggedIn
        ? t('cli.staticIp.fromNvr')
        : t('cli.staticIp.fromDiscovery', { user: '--user', stdin: '--password-stdin' }),
    }),
    '',
    formatTable(
      head,
      [
        [
          s.dhcp === null ? unknown : s.dhcp ? t('cli.staticIp.on') : t('cli.staticIp.off'),
          s.address ? `${s.address}${s.prefix !== null ? `/${s.prefix}` : ''}` : unknown,
          s.gateway ?? none,
          s.dns.join(', ') || none,
          r.mac ?? unknown,
        ],
      ],
      120,
    ),
    '',
    r.lan
      ? t('cli.staticIp.thisComputer', {
          address: `${r.lan.address}/${r.lan.prefix}`,
          name: r.lan.interfaceName,
          router: r.lan.gateway ?? unknown,
        })
      : t('cli.staticIp.noInterface'),
    r.pool
      ? t('cli.staticIp.pool', { first: r.pool.first, last: r.pool.last, basis: sayPoolBasis({ t }, r.pool) })
      : t('cli.staticIp.poolUnknown', { option: '--pool A-B' }),
    '',
  ];
  for (const f of r.findings) {
    lines.push(
      t('cli.staticIp.finding', {
        severity: t(`cli.staticIp.severity.${f.severity}`),
        text: sayIn({ t }, f.said, f.text),
      }),
    );
    for (const e of f.evidence) lines.push(`    ${e}`);
  }
  if (r.proposal) {
    const p = r.proposal;
    lines.push(
      '',
      t('cli.staticIp.proposed', {
        address: `${p.address}/${p.prefix}`,
        router: p.gateway,
        dns: p.dns.join(', '),
      }),
      ...sayWhy({ t }, p, r.pool).map((w) => `    ${w}`),
    );
    if (r.settings.dhcp !== false || r.findings.some((f) => f.severity === 'problem'))
      lines.push(
        '',
        t('cli.staticIp.applyWith', {
          command: `nvr-assist static-ip ${r.deviceId} --apply ${p.address} --user admin --password-stdin`,
        }),
        t('cli.staticIp.orReserve', {
          address: p.address,
          mac: r.reservation?.mac ?? t('cli.staticIp.macNotKnown'),
        }),
      );
  }
  return lines.join('\n');
}

const outcomeWords = (outcome: StaticIpResult['outcome'], t: T) => t(`cli.staticIp.outcome.${outcome}`);

export function renderAddressChange(r: StaticIpResult, t: T = english()): string {
  const lines = [t('cli.staticIp.result', { outcome: outcomeWords(r.outcome, t), message: r.message }), ''];
  r.steps.forEach((s, i) => lines.push(`  ${i + 1}. ${s}`));
  if (r.recheck.length) lines.push('', t('cli.staticIp.checkAgain', { list: r.recheck.join(', ') }));
  return lines.join('\n');
}

export function renderReservation(
  r: {
    reservation: { address: string; mac: string | null } | null;
    problems: Array<{ severity: 'error' | 'warning'; text: string; said?: Said }>;
  },
  t: T = english(),
): string {
  const lines = r.problems.map((p) =>
    t('cli.staticIp.finding', {
      severity: t(p.severity === 'error' ? 'cli.staticIp.severity.problem' : 'cli.staticIp.severity.warning'),
      text: sayIn({ t }, p.said, p.text),
    }),
  );
  if (!r.reservation) return lines.length ? lines.join('\n') : t('cli.staticIp.noReservation');
  lines.push(
    t('cli.staticIp.reserve', {
      address: r.reservation.address,
      mac: r.reservation.mac ?? t('cli.staticIp.macNotKnown'),
    }),
    t('cli.staticIp.whereRouters'),
    ...RESERVATION_PATHS.map((p) => `  ${p.family}: ${sayIn({ t }, reservationPathSaid(p), reservationPathText(p))}`),
    t('cli.staticIp.thenRestart', { option: '--reserve' }),
  );
  return lines.join('\n');
}

const IPV4_LIST = /^\s*\d{1,3}(\.\d{1,3}){3}(\s*,\s*\d{1,3}(\.\d{1,3}){3}){0,3}\s*$/;

/** `nvr-assist static-ip …`: findings and a proposal (default), or --apply. */
async function runStaticIp(cmd: CommandContext): Promise<number> {
  const { args, json, flags, options, io, t } = cmd;
  if (args.length !== 1) return cmd.usageError(t('cli.staticIp.nameOne'));
  const apply = options['--apply'];
  if (apply === undefined && (options['--gateway'] || options['--dns'] || flags.has('--force')))
    return cmd.usageError(
      t('cli.staticIp.goWithApply', { options: '--gateway, --dns', option: '--force', apply: '--apply' }),
    );
  if (apply !== undefined && options['--pool'])
    return cmd.usageError(t('cli.staticIp.poolAlone', { option: '--pool', apply: '--apply' }));
  if (options['--dns'] !== undefined && !IPV4_LIST.test(options['--dns']))
    return cmd.usageError(t('cli.staticIp.badDns', { option: '--dns', example: '--dns 192.168.1.1,9.9.9.9' }));
  // A change left unfinished may have moved the NVR: the login is tried at its new address too.
  const target = await deviceTarget(cmd, args[0]!, async (id) => {
    const entry = await cmd.call('address.get', { deviceId: id });
    return entry.ok && entry.data.pending ? entry.data.pending.change.to.address : null;
  });
  if (typeof target === 'number') return target;
  const deviceId = target;

  const reserve = options['--reserve'];
  if (reserve !== undefined) {
    if (apply !== undefined)
      return cmd.usageError(t('cli.staticIp.notBoth', { apply: '--apply', reserve: '--reserve' }));
    const r = await cmd.call('address.reserve', { deviceId, address: reserve === 'off' ? null : reserve });
    return cmd.finish(r, (d) => renderReservation(d, t));
  }

  if (apply !== undefined) {
    const job = await cmd.job('address.apply', {
      deviceId,
      address: apply,
      ...(options['--gateway'] ? { gateway: options['--gateway'] } : {}),
      ...(options['--dns'] ? { dns: options['--dns'].split(',').map((d) => d.trim()) } : {}),
      ...(flags.has('--force') ? { confirmWarnings: true } : {}),
    });
    const result = (job.events.get('address.onApplied') as { result: StaticIpResult } | undefined)?.result;
    if (job.outcome === 'cancelled' && !result) return 130;
    if (!result) return cmd.fail(job.error?.message ?? t('cli.staticIp.changeFailed'));
    io.stdout(json ? `${safeJson(result, 2)}\n` : `${renderAddressChange(result, t)}\n`);
    return result.outcome === 'verified' ? 0 : 1;
  }

  const job = await cmd.job('address.check', {
    deviceId,
    ...(options['--pool'] !== undefined ? { pool: options['--pool'] } : {}),
  });
  // A change the app did not live to finish is found out first: say what became of it.
  const recovered = (job.events.get('address.onApplied') as { result: StaticIpResult } | undefined)?.result;
  if (recovered)
    io.stderr(
      `${t('cli.staticIp.result', { outcome: outcomeWords(recovered.outcome, t), message: recovered.message })}\n`,
    );
  const reading = (job.events.get('address.onReading') as { reading: StaticIpReading } | undefined)?.reading;
  if (job.outcome === 'cancelled') return 130;
  if (job.outcome !== 'ok' || !reading) return cmd.fail(job.error?.message ?? t('cli.staticIp.readFailed'));
  io.stdout(json ? `${safeJson(reading, 2)}\n` : `${renderReading(reading, t)}\n`);
  return 0;
}

export const STATIC_IP_COMMANDS: readonly CliCommand[] = [
  {
    name: 'static-ip',
    usage: (t) => [
      ...usageLine(
        'static-ip <device-id|address> [--pool A-B] [--user U --password-stdin]',
        t('cli.staticIp.usage.check', { option: '--pool', example: '192.168.1.100-192.168.1.199' }),
      ),
      ...usageLine('static-ip <device-id|address> --reserve <address|off>', t('cli.staticIp.usage.reserve')),
      ...usageLine(
        'static-ip <device-id|address> --apply <address> [--gateway G] [--dns D1,D2] [--force] --user U --password-stdin',
        t('cli.staticIp.usage.apply', { option: '--force' }),
      ),
    ],
    options: {
      '--pool': 'value',
      '--apply': 'value',
      '--reserve': 'value',
      '--gateway': 'value',
      '--dns': 'value',
      '--force': 'flag',
      '--user': 'value',
      '--password-stdin': 'flag',
    },
    run: runStaticIp,
  },
];
