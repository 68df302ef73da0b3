import { isAbsolute, resolve } from 'node:path';
import type { VpnCheck } from '../../../shared/domain/vpn-check';
import type { VpnPlan } from '../../../shared/domain/vpn-plan';
import { VPN_SERVER_CHOICES } from '../../../shared/steps/vpn';
import { createTranslator, type Translator } from '../../../shared/i18n';
import { sayIn } from '../../../shared/i18n/said';
import { usageLine, type CliCommand, type CommandContext } from '../../cli/command';
import { formatTable } from '../../cli/table';

type T = Translator['t'];
const english = () => createTranslator().t;

export function renderVpnPlan(p: VpnPlan, t: T = english()): string {
  const lines: string[] = [];
  if (p.mode === 'wireguard') {
    const dial = p.endpoint
      ? `${p.endpoint.host}:${p.listenPort}${p.endpoint.kind === 'address' ? t('cli.vpn.publicNow') : ''}`
      : t('cli.vpn.nothingYet');
    lines.push(
      t('cli.vpn.server', { name: p.serverName, facts: p.facts ? ` (${p.facts.grade}: ${p.facts.source})` : '' }),
      t('cli.vpn.lan', {
        lan: p.lan,
        tunnel: String(p.tunnel),
        server: String(p.serverAddress),
        port: String(p.listenPort),
      }),
      t('cli.vpn.dial', { dial }),
      t('cli.vpn.through', { ips: p.allowedIps.join(', '), keepalive: String(p.keepalive) }),
      t('cli.vpn.publicKey', { key: String(p.serverPublicKey) }),
      '',
      formatTable(
        (['device', 'tunnel', 'key'] as const).map((h) => t(`cli.vpn.head.${h}`)),
        p.peers.map((x) => [x.name, x.address, x.publicKey]),
        60,
      ),
      '',
    );
  } else if (p.mode === 'overlay') lines.push(t('cli.vpn.noHomeServer', { lan: p.lan }), '');
  else lines.push(t('cli.vpn.noRouterServer', { name: p.serverName }), '');
  for (const f of p.findings)
    lines.push(
      t('cli.vpn.finding', { severity: t(`cli.vpn.severity.${f.severity}`), text: sayIn({ t }, f.said, f.text) }),
    );
  if (p.findings.length) lines.push('');
  p.steps.forEach((s, i) => lines.push(`${i + 1}. ${s}`));
  for (const o of p.overlay) {
    lines.push('', `${o.name} (${o.grade}: ${o.source}):`);
    o.steps.forEach((s, i) => lines.push(`  ${i + 1}. ${s}`));
  }
  lines.push('', t('cli.vpn.plannedAt', { at: p.madeAt }));
  return lines.join('\n');
}

const MARK = (ok: boolean | null, t: T) => t(`cli.vpn.mark.${ok === true ? 'ok' : ok === false ? 'fail' : 'none'}`);

export function renderVpnCheck(c: VpnCheck, t: T = english()): string {
  return [
    `${MARK(c.server.ok, t)} ${t('cli.vpn.checkServer', {
      server: `${c.server.address}:${c.server.port}`,
      peer: c.server.peer,
      text: sayIn({ t }, c.server.said, c.server.text),
    })}`,
    `${MARK(c.endpoint.ok, t)} ${t('cli.vpn.checkName', { text: sayIn({ t }, c.endpoint.said, c.endpoint.text) })}`,
    `${MARK(c.exposure.ok, t)} ${t('cli.vpn.checkOutside', {
      text: sayIn({ t }, c.exposure.said, c.exposure.text),
      tested: c.exposure.measuredAt ? t('cli.vpn.tested', { at: c.exposure.measuredAt }) : '',
    })}`,
    '',
    t('cli.vpn.phoneTest'),
    ...c.phoneTest.map((s, i) => `  ${i + 1}. ${sayIn({ t }, c.phoneTestSaid?.[i], s)}`),
    '',
    t('cli.vpn.checkedAt', { at: c.checkedAt }),
  ].join('\n');
}

const outPath = (file: string) => (isAbsolute(file) ? file : resolve(process.cwd(), file));

async function runVpn(cmd: CommandContext): Promise<number> {
  const { args, options, t } = cmd;
  const [verb, which, ...rest] = args;
  if (cmd.flags.has('--prove') && verb !== 'check')
    return cmd.usageError(t('cli.vpn.goesWith', { option: '--prove', command: '`vpn check`' }));
  if (verb === undefined)
    return cmd.finish(await cmd.call('vpn.get', {}), (d) =>
      d.plan
        ? renderVpnPlan(d.plan, t)
        : t('cli.vpn.noPlan', { command: 'nvr-assist vpn plan --server <router or linux>' }),
    );
  if (verb === 'plan') {
    if (which !== undefined)
      return cmd.usageError(t('cli.vpn.planOptionsOnly', { options: '--server, --peers, --endpoint' }));
    if (options['--out'] !== undefined)
      return cmd.usageError(t('cli.vpn.outGoesWith', { option: '--out', config: '`vpn config`', qr: '`vpn qr`' }));
    const server = options['--server'];
    if (!server || !(VPN_SERVER_CHOICES as readonly string[]).includes(server))
      return cmd.usageError(t('cli.vpn.takesOneOf', { option: '--server', choices: VPN_SERVER_CHOICES.join(', ') }));
    const peers = options['--peers']?.split(',').map((s) => s.trim());
    const r = await cmd.call('vpn.plan', {
      server: server as (typeof VPN_SERVER_CHOICES)[number],
      ...(peers ? { peers } : {}),
      ...(options['--endpoint'] !== undefined ? { endpoint: options['--endpoint'] } : {}),
      ...(options['--tunnel'] !== undefined ? { tunnel: options['--tunnel'] } : {}),
      ...(options['--server-address'] !== undefined ? { serverLanAddress: options['--server-address'] } : {}),
    });
    return cmd.finish(r, (d) => renderVpnPlan(d, t));
  }
  if (verb === 'check') {
    for (const o of ['--server', '--peers', '--endpoint', '--tunnel', '--server-address', '--out'])
      if (options[o] !== undefined) return cmd.usageError(t('cli.vpn.notWith', { option: o, command: '`vpn check`' }));
    if (rest.length) return cmd.usageError(t('cli.vpn.checkOneDevice'));
    let to: string | undefined;
    let port: number | undefined;
    if (options['--to'] !== undefined) {
      const m = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/.exec(options['--to']);
      if (!m || (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 65535)))
        return cmd.usageError(t('cli.vpn.badTo', { option: '--to', port: ':PORT' }));
      to = m[1];
      port = m[2] !== undefined ? Number(m[2]) : undefined;
    }
    const r = await cmd.call('vpn.check', {
      ...(cmd.flags.has('--prove') ? { prove: true } : {}),
      ...(which !== undefined ? { peer: which } : {}),
      ...(to !== undefined ? { to } : {}),
      ...(port !== undefined ? { port } : {}),
    });
    const code = cmd.finish(r, (d) => renderVpnCheck(d, t));
    // Exit 3 when something is wrong (the server did not answer with the plan's keys, the name, an open port).
    if (code === 0 && r.ok && [r.data.server, r.data.endpoint, r.data.exposure].some((p) => p.ok === false)) return 3;
    return code;
  }
  if (verb === 'config' || verb === 'qr') {
    for (const o of ['--server', '--peers', '--endpoint', '--tunnel', '--server-address'])
      if (options[o] !== undefined) return cmd.usageError(t('cli.vpn.goesWith', { option: o, command: '`vpn plan`' }));
    if (!which || rest.length)
      return cmd.usageError(t(verb === 'qr' ? 'cli.vpn.qrOne' : 'cli.vpn.configOne', { command: `\`vpn ${verb}\`` }));
    const out = options['--out'];
    if (!out) return cmd.usageError(t('cli.vpn.writesFile', { command: `\`vpn ${verb}\``, option: '--out FILE' }));
    const r =
      verb === 'config'
        ? await cmd.call('vpn.config', { which, out: outPath(out) })
        : await cmd.call('vpn.qr', { peer: which, out: outPath(out) });
    return cmd.finish(r, (d) => t('cli.vpn.wrote', { file: d.file, bytes: String(d.bytes) }));
  }
  return cmd.usageError(t('cli.vpn.verbs'));
}

export const VPN_COMMANDS: readonly CliCommand[] = [
  {
    name: 'vpn',
    usage: (t) => {
      const [plan, ...planWords] = usageLine(
        `vpn plan --server ${['openwrt', 'mikrotik', 'fritzbox', 'linux'].join('|')}|… [--peers phone,laptop] [--endpoint NAME]`,
        t('cli.vpn.usage.plan'),
      );
      return [
        plan!,
        `${' '.repeat(24)}[--tunnel CIDR] [--server-address IP]`,
        ...planWords,
        ...usageLine('vpn config <device|server> --out FILE', t('cli.vpn.usage.config', { option: '--server linux' })),
        ...usageLine('vpn qr <device> --out FILE.png', t('cli.vpn.usage.qr')),
        ...usageLine(
          'vpn check [<device>] [--to IP[:PORT]] [--prove]',
          t('cli.vpn.usage.check', { to: '--to', prove: '--prove' }),
        ),
        ...usageLine('vpn', t('cli.vpn.usage.last')),
      ];
    },
    options: {
      '--server': 'value',
      '--peers': 'value',
      '--endpoint': 'value',
      '--tunnel': 'value',
      '--server-address': 'value',
      '--out': 'value',
      '--to': 'value',
      '--prove': 'flag',
    },
    run: runVpn,
  },
];
