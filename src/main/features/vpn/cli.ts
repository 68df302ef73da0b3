import { isAbsolute, resolve } from 'node:path';
import type { VpnCheck } from '../../../shared/domain/vpn-check';
import type { VpnPlan } from '../../../shared/domain/vpn-plan';
import { VPN_SERVER_CHOICES } from '../../../shared/steps/vpn';
import type { CliCommand, CommandContext } from '../../cli/command';
import { formatTable } from '../../cli/table';

const SEVERITY_WORDS = { problem: 'Problem', warning: 'Warning', info: 'Note' } as const;

export function renderVpnPlan(p: VpnPlan): string {
  const lines: string[] = [];
  if (p.mode === 'wireguard') {
    lines.push(
      `WireGuard server: ${p.serverName}${p.facts ? ` (${p.facts.grade}: ${p.facts.source})` : ''}`,
      `LAN ${p.lan}, tunnel ${p.tunnel} (server ${p.serverAddress}), UDP port ${p.listenPort}`,
      `Devices dial: ${p.endpoint ? `${p.endpoint.host}:${p.listenPort}${p.endpoint.kind === 'address' ? ' (your public address now)' : ''}` : 'nothing yet'}`,
      `Through the tunnel: ${p.allowedIps.join(', ')} only (split tunnel); keepalive ${p.keepalive} s`,
      `Server public key: ${p.serverPublicKey}`,
      '',
      formatTable(
        ['DEVICE', 'TUNNEL ADDRESS', 'PUBLIC KEY'],
        p.peers.map((x) => [x.name, x.address, x.publicKey]),
        60,
      ),
      '',
    );
  } else if (p.mode === 'overlay') lines.push(`No home VPN server can be reached here (${p.lan}).`, '');
  else lines.push(`No WireGuard server on this router (${p.serverName}).`, '');
  for (const f of p.findings) lines.push(`${SEVERITY_WORDS[f.severity]}: ${f.text}`);
  if (p.findings.length) lines.push('');
  p.steps.forEach((s, i) => lines.push(`${i + 1}. ${s}`));
  for (const o of p.overlay) {
    lines.push('', `${o.name} (${o.grade}: ${o.source}):`);
    o.steps.forEach((s, i) => lines.push(`  ${i + 1}. ${s}`));
  }
  lines.push('', `Planned at ${p.madeAt}`);
  return lines.join('\n');
}

const MARK = (ok: boolean | null) => (ok === true ? 'OK  ' : ok === false ? 'FAIL' : '--  ');

export function renderVpnCheck(c: VpnCheck): string {
  return [
    `${MARK(c.server.ok)} Server ${c.server.address}:${c.server.port} (as ${c.server.peer}): ${c.server.text}`,
    `${MARK(c.endpoint.ok)} Name the devices dial: ${c.endpoint.text}`,
    `${MARK(c.exposure.ok)} From outside: ${c.exposure.text}${c.exposure.measuredAt ? ` (tested ${c.exposure.measuredAt})` : ''}`,
    '',
    'The one test only a phone can make:',
    ...c.phoneTest.map((s, i) => `  ${i + 1}. ${s}`),
    '',
    `Checked at ${c.checkedAt}`,
  ].join('\n');
}

const outPath = (file: string) => (isAbsolute(file) ? file : resolve(process.cwd(), file));

async function runVpn(cmd: CommandContext): Promise<number> {
  const { args, options } = cmd;
  const [verb, which, ...rest] = args;
  if (cmd.flags.has('--prove') && verb !== 'check') return cmd.usageError('--prove goes with `vpn check`.');
  if (verb === undefined)
    return cmd.finish(await cmd.call('vpn.get', {}), (d) =>
      d.plan ? renderVpnPlan(d.plan) : 'No VPN plan yet: nvr-assist vpn plan --server <router or linux>.',
    );
  if (verb === 'plan') {
    if (which !== undefined) return cmd.usageError('`vpn plan` takes options only (--server, --peers, --endpoint).');
    if (options['--out'] !== undefined) return cmd.usageError('--out goes with `vpn config` and `vpn qr`.');
    const server = options['--server'];
    if (!server || !(VPN_SERVER_CHOICES as readonly string[]).includes(server))
      return cmd.usageError(`--server takes one of: ${VPN_SERVER_CHOICES.join(', ')}.`);
    const peers = options['--peers']?.split(',').map((s) => s.trim());
    const r = await cmd.call('vpn.plan', {
      server: server as (typeof VPN_SERVER_CHOICES)[number],
      ...(peers ? { peers } : {}),
      ...(options['--endpoint'] !== undefined ? { endpoint: options['--endpoint'] } : {}),
      ...(options['--tunnel'] !== undefined ? { tunnel: options['--tunnel'] } : {}),
      ...(options['--server-address'] !== undefined ? { serverLanAddress: options['--server-address'] } : {}),
    });
    return cmd.finish(r, renderVpnPlan);
  }
  if (verb === 'check') {
    for (const o of ['--server', '--peers', '--endpoint', '--tunnel', '--server-address', '--out'])
      if (options[o] !== undefined) return cmd.usageError(`${o} does not go with \`vpn check\`.`);
    if (rest.length) return cmd.usageError('`vpn check` takes at most one device.');
    let to: string | undefined;
    let port: number | undefined;
    if (options['--to'] !== undefined) {
      const m = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/.exec(options['--to']);
      if (!m || (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 65535)))
        return cmd.usageError('--to takes the server’s IPv4 address, with :PORT if it is not the plan’s.');
      to = m[1];
      port = m[2] !== undefined ? Number(m[2]) : undefined;
    }
    const r = await cmd.call('vpn.check', {
      ...(cmd.flags.has('--prove') ? { prove: true } : {}),
      ...(which !== undefined ? { peer: which } : {}),
      ...(to !== undefined ? { to } : {}),
      ...(port !== undefined ? { port } : {}),
    });
    const code = cmd.finish(r, renderVpnCheck);
    // Exit 3 when something is wrong (the server did not answer with the plan's keys, the name, an open port).
    if (code === 0 && r.ok && [r.data.server, r.data.endpoint, r.data.exposure].some((p) => p.ok === false)) return 3;
    return code;
  }
  if (verb === 'config' || verb === 'qr') {
    for (const o of ['--server', '--peers', '--endpoint', '--tunnel', '--server-address'])
      if (options[o] !== undefined) return cmd.usageError(`${o} goes with \`vpn plan\`.`);
    if (!which || rest.length)
      return cmd.usageError(`\`vpn ${verb}\` takes one ${verb === 'qr' ? 'device' : 'device or `server`'}.`);
    const out = options['--out'];
    if (!out)
      return cmd.usageError(
        `\`vpn ${verb}\` writes a file: give it with --out FILE (the config holds a private key: it is never printed).`,
      );
    const r =
      verb === 'config'
        ? await cmd.call('vpn.config', { which, out: outPath(out) })
        : await cmd.call('vpn.qr', { peer: which, out: outPath(out) });
    return cmd.finish(
      r,
      (d) => `Wrote ${d.file} (${d.bytes} bytes, readable by you only). It holds a private key: keep it to yourself.`,
    );
  }
  return cmd.usageError('`vpn` takes plan, config, qr or check.');
}

export const VPN_COMMANDS: readonly CliCommand[] = [
  {
    name: 'vpn',
    usage: [
      `vpn plan --server ${['openwrt', 'mikrotik', 'fritzbox', 'linux'].join('|')}|… [--peers phone,laptop] [--endpoint NAME]`,
      '                        [--tunnel CIDR] [--server-address IP]',
      '                        A WireGuard tunnel to your LAN: where the server runs, a tunnel subnet that',
      '                        clashes with none of your networks, the name (or address) the devices dial,',
      '                        the LAN only through the tunnel, one key per device (listed by public key).',
      '                        Behind carrier-grade NAT: the overlay way (Tailscale, Headscale, ZeroTier).',
      'vpn config <device|server> --out FILE',
      '                        Writes that config (owner-only); for --server linux the server’s is a wg-quick file.',
      'vpn qr <device> --out FILE.png',
      '                        The device’s config as a QR code for the WireGuard app (owner-only).',
      'vpn check [<device>] [--to IP[:PORT]] [--prove]',
      '                        Once the server is set up: a WireGuard handshake made with the device’s keys',
      '                        (default: the first) sent to the server (the Linux computer of the plan, else',
      '                        the router; --to another address), the name the devices dial against your',
      '                        public address, and the last proof from outside (no NVR port may be open;',
      '                        --prove: ask the checker now, and keep that proof).',
      '                        Exit 0 all good, 3 something to fix, 1 could not check.',
      'vpn                     The last plan.',
    ],
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
