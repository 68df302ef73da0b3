import { portsText, type ForwardPlan } from '../../../shared/domain/forward-plan';
import { PROXY_KINDS, proxyTarget, type ProxyConfig, type ProxyKind } from '../../../shared/domain/reverse-proxy';
import { ROUTER_FAMILIES, type RouterFamily } from '../../../shared/domain/rule-commands';
import { safeJson } from '../../../shared/text/device-text';
import type { CliCommand, CommandContext } from '../../cli/command';
import { formatTable } from '../../cli/table';

const SEVERITY_WORDS = { problem: 'Problem', warning: 'Warning', info: 'Note' } as const;

export function renderPlan(p: ForwardPlan): string {
  const lines = [
    `Forward rules for the NVR at ${p.address} (${[p.wants.web ? 'web page' : null, p.wants.app ? 'phone app' : null, p.wants.video ? 'live video (RTSP)' : null, p.wants.video && p.wants.udpMedia ? 'video over UDP' : null].filter(Boolean).join(', ') || 'nothing asked for'}; from ${p.sources.length ? p.sources.join(', ') : 'anywhere'}):`,
    '',
  ];
  if (p.rules.length)
    lines.push(
      formatTable(
        ['NAME', 'PROTOCOL', 'OUTSIDE PORT', 'TO ADDRESS', 'TO PORT', 'FROM'],
        p.rules.map((r) => [
          r.name,
          r.protocol.toUpperCase(),
          portsText(r.externalPort, r),
          r.internalAddress,
          portsText(r.internalPort, r),
          r.sources.join(', ') || 'anywhere',
        ]),
        40,
      ),
      '',
      ...p.rules.map((r) => `  ${r.name}: ${r.why}`),
      '',
    );
  else lines.push('No rule.', '');
  for (const n of p.notes) lines.push(`${SEVERITY_WORDS[n.severity]}: ${n.text}`);
  lines.push('');
  if (proxyTarget(p))
    lines.push(
      `Instead of forwarding the NVR's web page, a reverse proxy in front of it: nvr-assist rules --proxy ${PROXY_KINDS.join('|')} [--host <name>] [--user <name>]`,
    );
  lines.push(`For your router: nvr-assist rules --router ${ROUTER_FAMILIES.join('|')} [--wan <interface>]`);
  return lines.join('\n');
}

/** The proxy's config as the file's text, then the steps around it, numbered. */
export function renderProxy(c: ProxyConfig): string {
  return [
    `# ---- ${c.path} ----`,
    c.text,
    `# ---- end of ${c.path} ----`,
    '',
    `Steps (${c.kind}):`,
    ...c.steps.map((s, i) => `  ${i + 1}. ${s}`),
  ].join('\n');
}

const PLAN_SWITCHES = ['--video', '--no-video', '--no-web', '--no-app', '--udp-media'];

async function runProxy(cmd: CommandContext, kind: string): Promise<number> {
  const { options, flags } = cmd;
  if (!(PROXY_KINDS as readonly string[]).includes(kind))
    return cmd.usageError(`--proxy takes one of: ${PROXY_KINDS.join(', ')}.`);
  if (options['--router'] !== undefined) return cmd.usageError('--proxy and --router: one at a time.');
  if (options['--wan'] !== undefined || options['--forward-chain'] !== undefined)
    return cmd.usageError('--wan and --forward-chain go with --router.');
  if (options['--allow'] !== undefined || PLAN_SWITCHES.some((f) => flags.has(f)))
    return cmd.usageError('Plan first (with --allow, --video, --no-web, --no-app), then ask for --proxy.');
  const r = await cmd.call('rules.proxy', {
    kind: kind as ProxyKind,
    ...(options['--host'] !== undefined ? { host: options['--host'] } : {}),
    ...(options['--user'] !== undefined ? { user: options['--user'] } : {}),
  });
  return cmd.finish(r, renderProxy);
}

async function runRules(cmd: CommandContext): Promise<number> {
  const { args, flags, options, io, json } = cmd;
  if (args.length) return cmd.usageError('`rules` takes no device: it plans for the NVR you chose.');
  if (options['--proxy'] !== undefined) return runProxy(cmd, options['--proxy']);
  if (options['--host'] !== undefined || options['--user'] !== undefined)
    return cmd.usageError('--host and --user go with --proxy.');
  const router = options['--router'];
  if (router !== undefined) {
    if (!(ROUTER_FAMILIES as readonly string[]).includes(router))
      return cmd.usageError(`--router takes one of: ${ROUTER_FAMILIES.join(', ')}.`);
    if (options['--allow'] !== undefined || PLAN_SWITCHES.some((f) => flags.has(f)))
      return cmd.usageError('Plan first (with --allow, --video, --no-web, --no-app), then ask for --router.');
    const r = await cmd.call('rules.commands', {
      family: router as RouterFamily,
      ...(options['--wan'] ? { wan: options['--wan'] } : {}),
      ...(options['--forward-chain'] ? { forwardChain: options['--forward-chain'] } : {}),
    });
    if (!r.ok) return cmd.finish(r, () => '');
    io.stdout(json ? `${safeJson(r.data, 2)}\n` : `${r.data.text}\n`);
    return 0;
  }
  if (options['--wan'] !== undefined || options['--forward-chain'] !== undefined)
    return cmd.usageError('--wan and --forward-chain go with --router.');
  const allow = options['--allow'];
  const want = PLAN_SWITCHES.some((f) => flags.has(f));
  if (flags.has('--udp-media') && !flags.has('--video')) return cmd.usageError('--udp-media goes with --video.');
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
  return cmd.finish(r, renderPlan);
}

export const RULES_COMMANDS: readonly CliCommand[] = [
  {
    name: 'rules',
    usage: [
      'rules [--no-web] [--no-app] [--video [--udp-media]|--no-video] [--allow 198.51.100.0/24[,…]]',
      '                        The fewest port-forward rules for the chosen NVR, from its measured ports:',
      '                        HTTPS for the web page (never plain HTTP, never 80/443 outside) and the',
      '                        phone app’s port; RTSP only with --video; with --udp-media too the RTP range',
      '                        the NVR declares for video over UDP (one range rule). --allow limits them to the',
      '                        addresses you connect from. What you give is kept for next time',
      '                        (--allow "" clears the addresses; any of the four switches sets all three wishes).',
      'rules --router nftables|iptables|openwrt|mikrotik [--wan <interface>] [--forward-chain "inet filter forward"]',
      '                        The same plan as commands for that router. --forward-chain (nftables): your',
      '                        existing forward chain that drops what it does not accept.',
      'rules --proxy caddy|nginx [--host nvr.example.com] [--user <name>]',
      '                        Instead of forwarding the web page: a reverse proxy on another computer of your',
      '                        LAN in front of it (TLS, the allowed addresses, a password of its own) — its',
      '                        config and the steps. --host: a public name (a Let’s Encrypt certificate);',
      '                        --user: the password’s user (required when no address is allowed).',
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
