import type { OutsideProof } from '../../../shared/domain/outside-proof';
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
  if (c.ipv6) lines.push('', `IPv6: ${c.ipv6.text}`);
  lines.push('', `Measured at ${c.measuredAt}`);
  return lines.join('\n');
}

const MARKS = { true: 'ok  ', false: 'FAIL', null: '?   ' } as const;

/** The proof as text: the verdict, one line per port (its state and cause), the hairpin, the findings. */
export function renderProof(p: OutsideProof): string {
  const lines = [
    `${p.verdict.title}.`,
    ...(p.verdict.advice ? [p.verdict.advice] : []),
    '',
    `Checker ${p.checker} tested ${p.testedAddress ?? 'no address'}${p.name ? ` (name ${p.name} → ${p.target ?? 'not resolved'})` : p.target ? ` (public address ${p.target})` : ''}`,
    '',
  ];
  for (const kind of ['planned', 'forbidden'] as const) {
    const rows = p.rows.filter((r) => r.kind === kind);
    if (!rows.length) continue;
    lines.push(kind === 'planned' ? 'Planned rules (must be reachable):' : 'Must NOT be reachable:');
    for (const r of rows) {
      const to = r.internal ? ` → ${r.internal.address}:${r.internal.port}` : '';
      lines.push(
        `  ${MARKS[String(r.ok) as 'true']} ${r.protocol.toUpperCase()} ${r.port}${to} ${r.label}: ${r.verdict}`,
      );
      // How the app found the cause: the questions it asked itself (the troubleshooting tree), then what to do.
      for (const q of r.ok === false ? (r.path ?? []) : [])
        lines.push(`       ? ${q.question} ${q.answer} (${q.from})`);
      lines.push(`       ${r.text}`);
    }
    lines.push('');
  }
  if (p.hairpin) lines.push(`Hairpin (from inside to ${p.hairpin.address}): ${p.hairpin.text}`, '');
  for (const f of p.findings) lines.push(`Note: ${f}`);
  lines.push(`Measured at ${p.measuredAt}`);
  return lines.join('\n');
}

/** `public --prove`: exit 0 all planned reachable and nothing exposed, 3 something failed or exposed, 1 not checked. */
async function runProve(cmd: CommandContext, checker: string | undefined): Promise<number> {
  const host = cmd.options['--host'];
  const job = await cmd.job('internet.prove', {
    ...(checker !== undefined ? { checker } : {}),
    ...(host !== undefined ? { host } : {}),
  });
  const proof = (job.events.get('internet.onProof') as { proof: OutsideProof } | undefined)?.proof;
  if (job.outcome === 'cancelled') return 130;
  if (job.outcome !== 'ok' || !proof)
    return cmd.fail(job.error?.message ?? 'The proof from outside could not be made.');
  cmd.io.stdout(cmd.json ? `${safeJson(proof, 2)}\n` : `${renderProof(proof)}\n`);
  return proof.verdict.code === 'proven' ? 0 : proof.verdict.code === 'failed' ? 3 : 1;
}

async function runPublic(cmd: CommandContext): Promise<number> {
  const { args, json, options, io } = cmd;
  if (args.length) return cmd.usageError('`public` takes no words, only --stun HOST:PORT and --checker URL.');
  const stun = options['--stun'];
  const checker = options['--checker'];
  const prove = cmd.flags.has('--prove');
  if (prove && stun !== undefined)
    return cmd.usageError('--prove asks the checker only: --stun is for the address check.');
  if (!prove && options['--host'] !== undefined) return cmd.usageError('--host is for --prove.');
  if (
    options['--host'] !== undefined &&
    !/^[A-Za-z0-9]([A-Za-z0-9-]{0,62}\.)*[A-Za-z0-9-]{1,63}\.?$/.test(options['--host'])
  )
    return cmd.usageError('--host takes a DNS name, e.g. --host mynvr.duckdns.org.');
  if (stun !== undefined && !parseStunServer(stun))
    return cmd.usageError(
      '--stun takes a STUN server as HOST:PORT (or HOST, port 3478), e.g. --stun stun.example.net:3478.',
    );
  if (checker !== undefined && !parseCheckerUrl(checker))
    return cmd.usageError('--checker takes an http(s) address without a query, e.g. --checker https://ifconfig.co.');
  if (prove) return runProve(cmd, checker);
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
      'public --prove [--checker URL] [--host NAME]',
      '                        Proof from outside: the checker (/port/N) tries every planned router rule',
      '                        and the ports that must not be reachable (21, 22, 23, 80, 554, the NVR’s',
      '                        admin pages) on the public address (or NAME’s); each with its likely',
      '                        cause; then a connect from inside (hairpin). Exit 0 proven, 3 something',
      '                        not reachable or exposed, 1 could not check.',
    ],
    options: { '--stun': 'value', '--checker': 'value', '--prove': 'flag', '--host': 'value' },
    run: runPublic,
  },
];
