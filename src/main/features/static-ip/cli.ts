import { RESERVATION_PATHS, reservationPathText } from '../../../shared/catalog/router-reservations';
import type { StaticIpReading, StaticIpResult } from '../../../shared/steps/static-ip';
import { safeJson } from '../../../shared/text/device-text';
import type { CliCommand, CommandContext } from '../../cli/command';
import { formatTable } from '../../cli/table';
import { deviceTarget } from '../find/cli';

const SEVERITY_WORDS = { problem: 'Problem', warning: 'Warning', ok: 'OK', info: 'Note' } as const;

export function renderReading(r: StaticIpReading): string {
  const s = r.settings;
  const lines = [
    `Address settings of ${s.address ?? 'the device'} (${r.loggedIn ? 'read from the NVR over ONVIF' : 'what discovery knows — log in with --user and --password-stdin to read the NVR’s own settings'})`,
    '',
    formatTable(
      ['DHCP', 'ADDRESS', 'ROUTER', 'DNS', 'MAC'],
      [
        [
          s.dhcp === null ? 'not known' : s.dhcp ? 'on' : 'off',
          s.address ? `${s.address}${s.prefix !== null ? `/${s.prefix}` : ''}` : 'not known',
          s.gateway ?? (r.loggedIn ? 'none' : 'not known'),
          s.dns.join(', ') || (r.loggedIn ? 'none' : 'not known'),
          r.mac ?? 'not known',
        ],
      ],
      120,
    ),
    '',
    r.lan
      ? `This computer: ${r.lan.address}/${r.lan.prefix} on ${r.lan.interfaceName}, router ${r.lan.gateway ?? 'not known'}`
      : 'This computer: no usable network interface chosen.',
    r.pool
      ? `DHCP pool: ${r.pool.first} – ${r.pool.last} (${r.pool.basis})`
      : 'DHCP pool: not known (give it with --pool A-B).',
    '',
  ];
  for (const f of r.findings) {
    lines.push(`${SEVERITY_WORDS[f.severity]}: ${f.text}`);
    for (const e of f.evidence) lines.push(`    ${e}`);
  }
  if (r.proposal) {
    const p = r.proposal;
    lines.push(
      '',
      `Proposed: ${p.address}/${p.prefix}, router ${p.gateway}, DNS ${p.dns.join(', ')}`,
      ...p.why.map((w) => `    ${w}`),
    );
    if (r.settings.dhcp !== false || r.findings.some((f) => f.severity === 'problem'))
      lines.push(
        '',
        `Apply with: nvr-assist static-ip ${r.deviceId} --apply ${p.address} --user admin --password-stdin`,
        `Or reserve ${p.address} for MAC ${r.reservation?.mac ?? '(not known)'} in the router’s DHCP settings.`,
      );
  }
  return lines.join('\n');
}

const OUTCOME_WORDS: Readonly<Record<StaticIpResult['outcome'], string>> = {
  verified: 'Verified',
  restored: 'Put back',
  failed: 'FAILED',
  lost: 'NOT FOUND',
};

export function renderAddressChange(r: StaticIpResult): string {
  const lines = [`${OUTCOME_WORDS[r.outcome]}: ${r.message}`, ''];
  r.steps.forEach((s, i) => lines.push(`  ${i + 1}. ${s}`));
  if (r.recheck.length) lines.push('', `Check again: ${r.recheck.join(', ')}.`);
  return lines.join('\n');
}

export function renderReservation(r: {
  reservation: { address: string; mac: string | null } | null;
  problems: Array<{ severity: 'error' | 'warning'; text: string }>;
}): string {
  const lines = r.problems.map((p) => `${p.severity === 'error' ? 'Problem' : 'Warning'}: ${p.text}`);
  if (!r.reservation) return lines.length ? lines.join('\n') : 'No reservation is planned any more.';
  lines.push(
    `In the router’s DHCP settings, reserve ${r.reservation.address} for MAC ${r.reservation.mac ?? '(not known)'}.`,
    'Where routers keep it (menus differ by firmware):',
    ...RESERVATION_PATHS.map((p) => `  ${p.family}: ${reservationPathText(p)}`),
    'Then restart the NVR (so it renews its lease) and run this command without --reserve: it proves the NVR has that address.',
  );
  return lines.join('\n');
}

const IPV4_LIST = /^\s*\d{1,3}(\.\d{1,3}){3}(\s*,\s*\d{1,3}(\.\d{1,3}){3}){0,3}\s*$/;

/** `nvr-assist static-ip …`: findings and a proposal (default), or --apply. */
async function runStaticIp(cmd: CommandContext): Promise<number> {
  const { args, json, flags, options, io } = cmd;
  if (args.length !== 1)
    return cmd.usageError('Name one device ID or address, e.g. `nvr-assist static-ip 192.168.1.64`.');
  const apply = options['--apply'];
  if (apply === undefined && (options['--gateway'] || options['--dns'] || flags.has('--force')))
    return cmd.usageError('--gateway, --dns and --force go with --apply.');
  if (apply !== undefined && options['--pool']) return cmd.usageError('Give --pool on its own, before --apply.');
  if (options['--dns'] !== undefined && !IPV4_LIST.test(options['--dns']))
    return cmd.usageError(
      '--dns takes one to four IPv4 addresses separated by commas, e.g. --dns 192.168.1.1,9.9.9.9.',
    );
  // A change left unfinished may have moved the NVR: the login is tried at its new address too.
  const target = await deviceTarget(cmd, args[0]!, async (id) => {
    const entry = await cmd.call('address.get', { deviceId: id });
    return entry.ok && entry.data.pending ? entry.data.pending.change.to.address : null;
  });
  if (typeof target === 'number') return target;
  const deviceId = target;

  const reserve = options['--reserve'];
  if (reserve !== undefined) {
    if (apply !== undefined) return cmd.usageError('Use --apply or --reserve, not both.');
    const r = await cmd.call('address.reserve', { deviceId, address: reserve === 'off' ? null : reserve });
    return cmd.finish(r, renderReservation);
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
    if (!result) return cmd.fail(job.error?.message ?? 'The change could not be made.');
    io.stdout(json ? `${safeJson(result, 2)}\n` : `${renderAddressChange(result)}\n`);
    return result.outcome === 'verified' ? 0 : 1;
  }

  const job = await cmd.job('address.check', {
    deviceId,
    ...(options['--pool'] !== undefined ? { pool: options['--pool'] } : {}),
  });
  // A change the app did not live to finish is found out first: say what became of it.
  const recovered = (job.events.get('address.onApplied') as { result: StaticIpResult } | undefined)?.result;
  if (recovered) io.stderr(`${OUTCOME_WORDS[recovered.outcome]}: ${recovered.message}\n`);
  const reading = (job.events.get('address.onReading') as { reading: StaticIpReading } | undefined)?.reading;
  if (job.outcome === 'cancelled') return 130;
  if (job.outcome !== 'ok' || !reading)
    return cmd.fail(job.error?.message ?? 'The address settings could not be read.');
  io.stdout(json ? `${safeJson(reading, 2)}\n` : `${renderReading(reading)}\n`);
  return 0;
}

export const STATIC_IP_COMMANDS: readonly CliCommand[] = [
  {
    name: 'static-ip',
    usage: [
      'static-ip <device-id|address> [--pool A-B] [--user U --password-stdin]',
      '                        Read the NVR’s address settings (DHCP, address, router, DNS; with a login',
      '                        from the NVR itself, else what discovery knows) and judge them: on DHCP,',
      '                        inside the router’s DHCP pool, off this network… and propose a free address',
      '                        outside the pool. --pool gives the router’s DHCP range (e.g.',
      '                        192.168.1.100-192.168.1.199); it is kept for later checks.',
      'static-ip <device-id|address> --reserve <address|off>',
      '                        The router way: note that you reserve this address for the NVR’s MAC in the',
      '                        router’s DHCP settings (printed with where routers keep them). The next',
      '                        check proves it once the NVR has renewed its lease; DHCP on is then fine.',
      'static-ip <device-id|address> --apply <address> [--gateway G] [--dns D1,D2] [--force] --user U --password-stdin',
      '                        Give the NVR that static address (DHCP off) through ONVIF: the address is',
      '                        checked and proven free first, then the NVR is followed to it and its',
      '                        settings are read back. Exit 0 only when verified. An address the app would',
      '                        not propose is refused unless --force says you mean it; one that cannot',
      '                        work on this network is always refused. Nothing is sent when refused.',
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
