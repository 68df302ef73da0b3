import { portsText, type ForwardPlan } from '../../../shared/domain/forward-plan';
import { PROXY_KINDS, proxyTarget, type ProxyConfig, type ProxyKind } from '../../../shared/domain/reverse-proxy';
import { ROUTER_FAMILIES, type RouterFamily } from '../../../shared/domain/rule-commands';
import { sayForwardSteps } from '../../../shared/catalog/router-forwards';
import { safeJson } from '../../../shared/text/device-text';
import { createTranslator, type Translator } from '../../../shared/i18n';
import { sayIn } from '../../../shared/i18n/said';
import { usageLine, type CliCommand, type CommandContext } from '../../cli/command';
import { formatTable } from '../../cli/table';
import type { InvokeOutput } from '../../../shared/ipc/contract';

type T = Translator['t'];
const english = () => createTranslator().t;

export function renderPlan(p: ForwardPlan, t: T = english()): string {
  const wants = [
    p.wants.web ? t('cli.rules.want.web') : null,
    p.wants.app ? t('cli.rules.want.app') : null,
    p.wants.video ? t('cli.rules.want.video') : null,
    p.wants.video && p.wants.udpMedia ? t('cli.rules.want.udp') : null,
  ].filter(Boolean);
  const anywhere = t('cli.rules.anywhere');
  const lines = [
    t('cli.rules.heading', {
      address: p.address,
      wants: wants.join(', ') || t('cli.rules.want.nothing'),
      sources: p.sources.length ? p.sources.join(', ') : anywhere,
    }),
    '',
  ];
  const head = (['name', 'protocol', 'outside', 'toAddress', 'toPort', 'from'] as const).map((h) =>
    t(`cli.rules.head.${h}`),
  );
  if (p.rules.length)
    lines.push(
      formatTable(
        head,
        p.rules.map((r) => [
          r.name,
          r.protocol.toUpperCase(),
          portsText(r.externalPort, r),
          r.internalAddress,
          portsText(r.internalPort, r),
          r.sources.join(', ') || anywhere,
        ]),
        40,
      ),
      '',
      ...p.rules.map((r) => `  ${r.name}: ${sayIn({ t }, r.said, r.why)}`),
      '',
    );
  else lines.push(t('cli.rules.noRule'), '');
  for (const n of p.notes)
    lines.push(
      t('cli.rules.finding', { severity: t(`cli.rules.severity.${n.severity}`), text: sayIn({ t }, n.said, n.text) }),
    );
  lines.push('');
  if (proxyTarget(p))
    lines.push(
      t('cli.rules.proxyInstead', {
        command: `nvr-assist rules --proxy ${PROXY_KINDS.join('|')} [--host <name>] [--user <name>]`,
      }),
    );
  lines.push(
    t('cli.rules.forRouter', { command: `nvr-assist rules --router ${ROUTER_FAMILIES.join('|')} [--wan <interface>]` }),
  );
  return lines.join('\n');
}

/** The proxy's config as the file's text, then the steps around it, numbered. */
export function renderProxy(c: ProxyConfig, t: T = english()): string {
  return [
    `# ---- ${c.path} ----`,
    c.text,
    `# ---- ${t('cli.rules.endOf', { path: c.path })} ----`,
    '',
    t('cli.rules.steps', { kind: c.kind }),
    ...c.steps.map((s, i) => `  ${i + 1}. ${sayIn({ t }, c.said?.steps[i], s)}`),
  ].join('\n');
}

/** The plan written for a router: the commands as they are, or a web page's numbered steps in the terminal's language. */
export function renderRouterCommands(c: InvokeOutput<'rules.commands'>, t: T = english()): string {
  return sayForwardSteps({ t }, c.text, c.said);
}

const PLAN_SWITCHES = ['--video', '--no-video', '--no-web', '--no-app', '--udp-media'];
/** The options a plan is made with (named in "plan first"). */
const PLAN_FIRST = '--allow, --video, --no-web, --no-app';

async function runProxy(cmd: CommandContext, kind: string): Promise<number> {
  const { options, flags, t } = cmd;
  if (!(PROXY_KINDS as readonly string[]).includes(kind))
    return cmd.usageError(t('cli.rules.takesOneOf', { option: '--proxy', choices: PROXY_KINDS.join(', ') }));
  if (options['--router'] !== undefined)
    return cmd.usageError(t('cli.rules.oneAtATime', { proxy: '--proxy', router: '--router' }));
  if (options['--wan'] !== undefined || options['--forward-chain'] !== undefined)
    return cmd.usageError(t('cli.rules.goWith', { options: '--wan and --forward-chain', with: '--router' }));
  if (options['--allow'] !== undefined || PLAN_SWITCHES.some((f) => flags.has(f)))
    return cmd.usageError(t('cli.rules.planFirst', { options: PLAN_FIRST, then: '--proxy' }));
  const r = await cmd.call('rules.proxy', {
    kind: kind as ProxyKind,
    ...(options['--host'] !== undefined ? { host: options['--host'] } : {}),
    ...(options['--user'] !== undefined ? { user: options['--user'] } : {}),
  });
  return cmd.finish(r, (c) => renderProxy(c, t));
}

async function runRules(cmd: CommandContext): Promise<number> {
  const { args, flags, options, io, json, t } = cmd;
  if (args.length) return cmd.usageError(t('cli.rules.noDevice'));
  if (options['--proxy'] !== undefined) return runProxy(cmd, options['--proxy']);
  if (options['--host'] !== undefined || options['--user'] !== undefined)
    return cmd.usageError(t('cli.rules.goWith', { options: '--host and --user', with: '--proxy' }));
  const router = options['--router'];
  if (router !== undefined) {
    if (!(ROUTER_FAMILIES as readonly string[]).includes(router))
      return cmd.usageError(t('cli.rules.takesOneOf', { option: '--router', choices: ROUTER_FAMILIES.join(', ') }));
    if (options['--allow'] !== undefined || PLAN_SWITCHES.some((f) => flags.has(f)))
      return cmd.usageError(t('cli.rules.planFirst', { options: PLAN_FIRST, then: '--router' }));
    const r = await cmd.call('rules.commands', {
      family: router as RouterFamily,
      ...(options['--wan'] ? { wan: options['--wan'] } : {}),
      ...(options['--forward-chain'] ? { forwardChain: options['--forward-chain'] } : {}),
    });
    if (!r.ok) return cmd.finish(r, () => '');
    io.stdout(json ? `${safeJson(r.data, 2)}\n` : `${renderRouterCommands(r.data, t)}\n`);
    return 0;
  }
  if (options['--wan'] !== undefined || options['--forward-chain'] !== undefined)
    return cmd.usageError(t('cli.rules.goWith', { options: '--wan and --forward-chain', with: '--router' }));
  const allow = options['--allow'];
  const want = PLAN_SWITCHES.some((f) => flags.has(f));
  if (flags.has('--udp-media') && !flags.has('--video'))
    return cmd.usageError(t('cli.rules.goesWith', { option: '--udp-media', with: '--video' }));
  const r = await cmd.call('rules.plan', {
    ...(want
      ? {
          wants: {
            web: !flags.has('--no-web'),
            app: !flags.has('--no-app'),
            video: flags.has('--video'),
            ...(flags.has('--udp-media') ? { udpMedia: true } : {}),
          },
        }
      : {}),
    ...(allow !== undefined
      ? {
          allow: allow
            .split(',')
            .map((a) => a.trim())
            .filter(Boolean),
        }
      : {}),
  });
  return cmd.finish(r, (p) => renderPlan(p, t));
}

export const RULES_COMMANDS: readonly CliCommand[] = [
  {
    name: 'rules',
    usage: (t) => [
      ...usageLine(
        'rules [--no-web] [--no-app] [--video [--udp-media]|--no-video] [--allow 198.51.100.0/24[,…]]',
        t('cli.rules.usage.plan', {
          video: '--video',
          udpMedia: '--udp-media',
          allow: '--allow',
          allowClear: '--allow ""',
        }),
      ),
      ...usageLine(
        'rules --router nftables|iptables|openwrt|mikrotik [--wan <interface>] [--forward-chain "inet filter forward"]',
        t('cli.rules.usage.router', { option: '--forward-chain' }),
      ),
      ...usageLine(
        'rules --proxy caddy|nginx [--host nvr.example.com] [--user <name>]',
        t('cli.rules.usage.proxy', { host: '--host', user: '--user' }),
      ),
    ],
    options: {
      '--video': 'flag',
      '--no-web': 'flag',
      '--no-app': 'flag',
      '--no-video': 'flag',
      '--udp-media': 'flag',
      '--allow': 'value',
      '--router': 'value',
      '--wan': 'value',
      '--forward-chain': 'value',
      '--proxy': 'value',
      '--host': 'value',
      '--user': 'value',
    },
    run: runRules,
  },
];
