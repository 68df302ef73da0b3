import {
  DDNS_PROVIDERS,
  DDNS_SECRET,
  ddnsProviderSchema,
  type DdnsCheck,
  type DdnsLookup,
} from '../../../shared/domain/ddns';
import type { InvokeOutput } from '../../../shared/ipc/contract';
import { createTranslator, type Translator } from '../../../shared/i18n';
import { sayIn } from '../../../shared/i18n/said';
import { usageLine, type CliCommand, type CommandContext } from '../../cli/command';
import { runDdnsRouter } from './cli-router';

type T = Translator['t'];
const english = () => createTranslator().t;

export function renderDdnsUpdate(r: InvokeOutput<'ddns.update'>, t: T = english()): string {
  const lines = [
    t('cli.ddns.updateHead', {
      outcome: t(`cli.ddns.outcome.${r.answer.outcome}`),
      host: r.host,
      provider: r.provider,
      server: r.server,
    }),
    sayIn({ t }, r.answer.said, r.answer.words),
    r.sent ? t('cli.ddns.sent', { requests: r.requests.join('; ') }) : t('cli.ddns.nothingSent'),
    t('cli.ddns.answer', { code: r.sent ? r.answer.code : '-' }),
  ];
  if (r.answer.stop) lines.push(t('cli.ddns.stopped'));
  if (r.answer.retryAfterMinutes !== null)
    lines.push(t('cli.ddns.waitMinutes', { minutes: String(r.answer.retryAfterMinutes) }));
  return lines.join('\n');
}

const withError = (answer: string, error: string | null, t: T) =>
  error ? t('cli.ddns.withError', { answer, error }) : answer;

/** Why a DNS question got no answer: main's own sentence in the terminal's language, a question's own as it came. */
const errorOf = (l: DdnsLookup, t: T) => (l.error ? sayIn({ t }, l.errorSaid, l.error) : null);

const lookupText = (l: DdnsLookup, t: T) =>
  l.addresses.length
    ? l.addresses
        .map((a) => (a.ttl !== null ? t('cli.ddns.ttl', { address: a.address, ttl: String(a.ttl) }) : a.address))
        .join(', ')
    : withError(l.rcode ?? errorOf(l, t) ?? t('cli.ddns.noAnswer'), l.rcode ? errorOf(l, t) : null, t);

export function renderDdnsCheck(c: DdnsCheck, t: T = english()): string {
  const auth = c.authoritative;
  const zone = {
    server: auth.server ?? t('cli.ddns.notFound'),
    answer: auth.addresses.length ? withError(lookupText(auth, t), errorOf(auth, t), t) : lookupText(auth, t),
  };
  return [
    t('cli.ddns.verdictLine', { verdict: t(`cli.ddns.verdict.${c.verdict}`), words: sayIn({ t }, c.said, c.words) }),
    t('cli.ddns.publicAddress', {
      address: c.expected ?? t('cli.ddns.unknown'),
      from: c.expectedFrom ? ` (${sayIn({ t }, c.expectedFromSaid, c.expectedFrom)})` : '',
    }),
    c.zone ? t('cli.ddns.zoneServerFor', { zone: c.zone, ...zone }) : t('cli.ddns.zoneServer', zone),
    t('cli.ddns.systemResolver', { answer: lookupText(c.system, t) }),
    t('cli.ddns.checkedAt', { at: c.checkedAt }),
  ].join('\n');
}

async function readSecret(cmd: CommandContext): Promise<string | null> {
  if (!cmd.io.readStdin) return null;
  return (await cmd.io.readStdin()).replace(/\r?\n$/, '');
}

/** The families the help names (--router takes more: ROUTER_WORDS). */
const FAMILY_EXAMPLES = ['fritzbox', 'openwrt', 'mikrotik', 'asus', 'tp-link', 'netgear', 'unifi', 'pfsense', 'glinet'];

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

async function run(cmd: CommandContext): Promise<number> {
  const { args, options, flags, t } = cmd;
  const [verb, extra] = args;
  if (options['--token'] !== undefined)
    return cmd.usageError(t('cli.ddns.tokenOnCommandLine', { option: '--token-stdin' }));
  if (verb !== 'check' && verb !== 'update' && verb !== 'router')
    return cmd.usageError(
      t('cli.ddns.verbs', { check: '`ddns check`', update: '`ddns update`', router: '`ddns router`' }),
    );
  if (extra !== undefined) return cmd.usageError(t('cli.ddns.unexpectedWord', { word: extra }));
  if (verb === 'router') return runDdnsRouter(cmd);
  const host = options['--host'];
  if (!host) return cmd.usageError(t('cli.ddns.giveHost', { option: '--host', example: '--host mynvr.ddns.net' }));
  for (const o of ['--ip', '--dns-server'] as const)
    if (options[o] !== undefined && !IPV4.test(options[o]!))
      return cmd.usageError(t('cli.ddns.takesIpv4', { option: o }));
  if (verb === 'check') {
    const check = await cmd.call('ddns.check', {
      host,
      ...(options['--ip'] ? { ip: options['--ip'] } : {}),
      ...(options['--dns-server'] ? { dnsServer: options['--dns-server'] } : {}),
    });
    if (!check.ok) return cmd.finish(check, () => '');
    const code = cmd.finish(check, (d) => renderDdnsCheck(d, t));
    return code === 0 && check.data.verdict !== 'ok' ? 1 : code;
  }
  const provider = ddnsProviderSchema.safeParse(options['--provider']);
  if (!provider.success)
    return cmd.usageError(t('cli.ddns.giveOneOf', { option: '--provider', choices: DDNS_PROVIDERS.join(', ') }));
  const kind = DDNS_SECRET[provider.data];
  const flag = kind === 'password' ? '--password-stdin' : '--token-stdin';
  if (!flags.has(flag)) return cmd.usageError(t(`cli.ddns.pipeSecret.${kind}`, { option: flag }));
  if (kind === 'password' && !options['--user']) return cmd.usageError(t('cli.ddns.giveUser', { option: '--user' }));
  const secret = await readSecret(cmd);
  if (!secret) return cmd.fail(t(`cli.ddns.noSecret.${kind}`));
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
  const code = cmd.finish(result, (d) => renderDdnsUpdate(d, t));
  const ok = result.data.answer.outcome === 'updated' || result.data.answer.outcome === 'unchanged';
  return code === 0 && !ok ? 1 : code;
}

export const DDNS_COMMANDS: readonly CliCommand[] = [
  {
    name: 'ddns',
    usage: (t) => {
      const providers = DDNS_PROVIDERS.join('|');
      const [update, ...updateWords] = usageLine(
        `ddns update --provider ${providers} --host NAME [--server URL] [--user U]`,
        t('cli.ddns.usage.update', { force: '--force' }),
      );
      return [
        update!,
        '     --password-stdin|--token-stdin [--ip ADDRESS] [--force]',
        ...updateWords,
        ...usageLine(
          'ddns check --host NAME [--ip ADDRESS] [--dns-server IP]',
          t('cli.ddns.usage.check', { dnsServer: '--dns-server' }),
        ),
        ...usageLine(
          `ddns router --router FAMILY --provider ${providers} [--host NAME] [--user U] [--server URL]`,
          t('cli.ddns.usage.router'),
        ),
        ...usageLine('', t('cli.ddns.usage.families', { families: FAMILY_EXAMPLES.join(', ') })),
      ];
    },
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
