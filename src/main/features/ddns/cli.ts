import {
  DDNS_PROVIDERS,
  DDNS_SECRET,
  ddnsProviderSchema,
  type DdnsAnswer,
  type DdnsCheck,
  type DdnsLookup,
} from '../../../shared/domain/ddns';
import type { InvokeOutput } from '../../../shared/ipc/contract';
import type { CliCommand, CommandContext } from '../../cli/command';
import { runDdnsRouter } from './cli-router';

const OUTCOME_WORDS: Record<DdnsAnswer['outcome'], string> = {
  updated: 'Updated',
  unchanged: 'Unchanged',
  auth: 'Login refused',
  host: 'Host name refused',
  blocked: 'Blocked by the provider',
  'retry-later': 'Try again later',
  fatal: 'Refused',
};

export function renderDdnsUpdate(r: InvokeOutput<'ddns.update'>): string {
  const lines = [
    `${OUTCOME_WORDS[r.answer.outcome]}: ${r.host} (${r.provider}, ${r.server})`,
    r.answer.words,
    r.sent ? `Sent: ${r.requests.join('; ')}` : 'Nothing was sent to the provider.',
    `Provider's answer: ${r.sent ? r.answer.code : '-'}`,
  ];
  if (r.answer.stop) lines.push('The app sends no more updates for this host until you act.');
  if (r.answer.retryAfterMinutes !== null) lines.push(`Do not update again for ${r.answer.retryAfterMinutes} minutes.`);
  return lines.join('\n');
}

const lookupText = (l: DdnsLookup) =>
  l.addresses.length
    ? l.addresses.map((a) => `${a.address}${a.ttl !== null ? ` (TTL ${a.ttl} s)` : ''}`).join(', ')
    : (l.rcode ?? l.error ?? 'no answer') + (l.rcode && l.error ? ` — ${l.error}` : '');

export function renderDdnsCheck(c: DdnsCheck): string {
  return [
    `${c.verdict === 'ok' ? 'OK' : c.verdict.toUpperCase()}: ${c.words}`,
    `Public address: ${c.expected ?? 'unknown'}${c.expectedFrom ? ` (${c.expectedFrom})` : ''}`,
    `Zone's server${c.zone ? ` for ${c.zone}` : ''}: ${c.authoritative.server ?? 'not found'} → ${lookupText(c.authoritative)}${c.authoritative.addresses.length && c.authoritative.error ? ` — ${c.authoritative.error}` : ''}`,
    `System resolver: ${lookupText(c.system)}`,
    `Checked at ${c.checkedAt}`,
  ].join('\n');
}

async function readSecret(cmd: CommandContext): Promise<string | null> {
  if (!cmd.io.readStdin) return null;
  return (await cmd.io.readStdin()).replace(/\r?\n$/, '');
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

async function run(cmd: CommandContext): Promise<number> {
  const { args, options, flags } = cmd;
  const [verb, extra] = args;
  if (options['--token'] !== undefined)
    return cmd.usageError('The token is never given on the command line: pipe it in with --token-stdin.');
  if (verb !== 'check' && verb !== 'update' && verb !== 'router')
    return cmd.usageError('Say `ddns check`, `ddns update` or `ddns router`.');
  if (extra !== undefined) return cmd.usageError(`Unexpected word "${extra}".`);
  if (verb === 'router') return runDdnsRouter(cmd);
  const host = options['--host'];
  if (!host) return cmd.usageError('Give the name with --host (e.g. --host mynvr.ddns.net).');
  for (const o of ['--ip', '--dns-server'] as const)
    if (options[o] !== undefined && !IPV4.test(options[o]!)) return cmd.usageError(`${o} takes an IPv4 address.`);
  if (verb === 'check') {
    const check = await cmd.call('ddns.check', {
      host,
      ...(options['--ip'] ? { ip: options['--ip'] } : {}),
      ...(options['--dns-server'] ? { dnsServer: options['--dns-server'] } : {}),
    });
    if (!check.ok) return cmd.finish(check, () => '');
    const code = cmd.finish(check, renderDdnsCheck);
    return code === 0 && check.data.verdict !== 'ok' ? 1 : code;
  }
  const provider = ddnsProviderSchema.safeParse(options['--provider']);
  if (!provider.success) return cmd.usageError(`Give --provider: ${DDNS_PROVIDERS.join(', ')}.`);
  const kind = DDNS_SECRET[provider.data];
  const flag = kind === 'password' ? '--password-stdin' : '--token-stdin';
  if (!flags.has(flag)) return cmd.usageError(`Pipe the ${kind} in with ${flag} (never on the command line).`);
  if (kind === 'password' && !options['--user']) return cmd.usageError('Give the user name with --user.');
  const secret = await readSecret(cmd);
  if (!secret) return cmd.fail(`No ${kind} on standard input.`);
  const result = await cmd.call('ddns.update', {
    provider: provider.data,
    host,
    secret,
    ...(options['--server'] ? { server: options['--server'] } : {}),
    ...(kind === 'password' ? { user: options['--user'] } : {}),
    ...(options['--ip'] ? { ip: options['--ip'] } : {}),
    ...(flags.has('--force') ? { force: true } : {}),
  });
  if (!result.ok) return cmd.finish(result, () => '');
  const code = cmd.finish(result, renderDdnsUpdate);
  const ok = result.data.answer.outcome === 'updated' || result.data.answer.outcome === 'unchanged';
  return code === 0 && !ok ? 1 : code;
}

export const DDNS_COMMANDS: readonly CliCommand[] = [
  {
    name: 'ddns',
    usage: [
      'ddns update --provider duckdns|noip|dynu|dyndns2|cloudflare --host NAME [--server URL] [--user U]',
      '     --password-stdin|--token-stdin [--ip ADDRESS] [--force]',
      '                        Point NAME at this network (or ADDRESS) through the provider; sent only when the',
      '                        address changed since the last update the provider took; --force after you fixed a',
      '                        block at the provider. The password or token comes from stdin, never argv.',
      'ddns check --host NAME [--ip ADDRESS] [--dns-server IP]',
      "                        Whether NAME points to the public address: the system's resolver and the zone's own",
      '                        server (found by NS, or --dns-server), with the TTL. Exit 0 only when it does.',
      'ddns router --router FAMILY --provider duckdns|noip|dynu|dyndns2|cloudflare [--host NAME] [--user U] [--server URL]',
      "                        Your router's own DDNS client, step by step for NAME (it stays on; this app does not),",
      '                        with its source, or "not known" for the family; then the cron line for when it cannot.',
      '                        FAMILY: fritzbox, openwrt, mikrotik, asus, tp-link, netgear, unifi, pfsense, glinet …',
    ],
    options: {
      '--router': 'value',
      '--provider': 'value',
      '--host': 'value',
      '--server': 'value',
      '--user': 'value',
      '--password-stdin': 'flag',
      '--token-stdin': 'flag',
      '--token': 'value',
      '--ip': 'value',
      '--dns-server': 'value',
      '--force': 'flag',
    },
    run,
  },
];
