import type { PublicAddressCheck } from '../../../shared/domain/public-address';
import { safeJson } from '../../../shared/text/device-text';
import type { CliCommand, CommandContext } from '../../cli/command';
import { parseCheckerUrl } from '../../protocol/echoip';
import { parseStunServer } from '../../protocol/stun';

const SEVERITY_WORDS = { problem: 'Problem', warning: 'Warning', ok: 'OK', info: 'Note' } as const;
const SOURCE_WORDS = { igd: 'UPnP', 'nat-pmp': 'NAT-PMP', 'upnp-record': 'the UPnP step’s last check' } as const;

/** The first two routers toward the STUN server, as traced (or why not). */
function hopsLine(c: PublicAddressCheck): string {
  const h = c.hops;
  if (!h) return 'Route toward the STUN server: not traced';
  const hop = (a: string | null) => (a === null ? 'no answer' : a === h.target ? `${a} (the STUN server)` : a);
  return `Route toward ${h.target}: hop 1 ${hop(h.first)}, hop 2 ${hop(h.second)}${h.error ? ` — ${h.error}` : ''}`;
}

export function renderPublicCheck(c: PublicAddressCheck): string {
  const lines = [
    `${c.verdict.title}.`,
    '',
    `Router (${c.gateway ?? 'none'}) WAN address: ${
      c.router.address ? `${c.router.address} (from ${SOURCE_WORDS[c.router.source ?? 'igd']})` : 'not known'
    }`,
    `STUN ${c.stun.server}: ${c.stun.address ?? `no address — ${c.stun.error ?? 'no answer'}`}`,
    `Checker ${c.checker.server}: ${c.checker.address ?? `no address — ${c.checker.error ?? 'no answer'}`}`,
    hopsLine(c),
    `Public address: ${c.publicAddress ?? 'not known'}${c.changed ? ` (changed: it was ${c.changed.from})` : ''}`,
    '',
  ];
  if (c.verdict.advice) lines.push(c.verdict.advice, '');
  for (const e of c.verdict.evidence) lines.push(`  · ${e}`);
  if (c.findings.length) lines.push('');
  for (const f of c.findings) lines.push(`${SEVERITY_WORDS[f.severity]}: ${f.text}`);
  lines.push('', `Measured at ${c.measuredAt}`);
  return lines.join('\n');
}

async function runPublic(cmd: CommandContext): Promise<number> {
  const { args, json, options, io } = cmd;
  if (args.length) return cmd.usageError('`public` takes no words, only --stun HOST:PORT and --checker URL.');
  const stun = options['--stun'];
  const checker = options['--checker'];
  if (stun !== undefined && !parseStunServer(stun))
    return cmd.usageError(
      '--stun takes a STUN server as HOST:PORT (or HOST, port 3478), e.g. --stun stun.example.net:3478.',
    );
  if (checker !== undefined && !parseCheckerUrl(checker))
    return cmd.usageError('--checker takes an http(s) address without a query, e.g. --checker https://ifconfig.co.');
  const job = await cmd.job('internet.check', {
    ...(stun !== undefined ? { stun } : {}),
    ...(checker !== undefined ? { checker } : {}),
  });
  const check = (job.events.get('internet.onCheck') as { check: PublicAddressCheck } | undefined)?.check;
  if (job.outcome === 'cancelled') return 130;
  if (job.outcome !== 'ok' || !check) return cmd.fail(job.error?.message ?? 'The public address could not be checked.');
  io.stdout(json ? `${safeJson(check, 2)}\n` : `${renderPublicCheck(check)}\n`);
  return 0;
}

export const INTERNET_COMMANDS: readonly CliCommand[] = [
  {
    name: 'public',
    usage: [
      'public [--stun HOST:PORT] [--checker URL]',
      '                        The address the internet sees (a STUN server and an echoip-compatible',
      '                        checker), the router’s own WAN address (UPnP/NAT-PMP), the first two',
      '                        routers toward the STUN server (ping with TTL 1 and 2), and the verdict:',
      '                        the router has the public address, double NAT, or carrier-grade NAT, with',
      '                        what to do. Nothing is contacted until you run it; the servers you give',
      '                        are kept (defaults: stun.cloudflare.com:3478, https://ifconfig.co).',
    ],
    options: { '--stun': 'value', '--checker': 'value' },
    run: runPublic,
  },
];
