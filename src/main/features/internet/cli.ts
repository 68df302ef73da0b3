import type { OutsideProof } from '../../../shared/domain/outside-proof';
import type { PublicAddressCheck } from '../../../shared/domain/public-address';
import { safeJson } from '../../../shared/text/device-text';
import { createTranslator, type Translator } from '../../../shared/i18n';
import { sayIn } from '../../../shared/i18n/said';
import { usageLine, type CliCommand, type CommandContext } from '../../cli/command';
import { parseCheckerUrl } from '../../protocol/echoip';
import { parseStunServer } from '../../protocol/stun';

type T = Translator['t'];
const english = () => createTranslator().t;

const SOURCES = { igd: 'igd', 'nat-pmp': 'natPmp', 'upnp-record': 'upnpRecord' } as const;

/** The first two routers toward the STUN server, as traced (or why not). */
function hopsLine(c: PublicAddressCheck, t: T): string {
  const h = c.hops;
  if (!h) return t('cli.public.notTraced');
  const hop = (a: string | null) =>
    a === null ? t('cli.public.noAnswer') : a === h.target ? t('cli.public.theStunServer', { address: a }) : a;
  return t('cli.public.route', {
    target: h.target,
    first: hop(h.first),
    second: hop(h.second),
    error: h.error ? ` — ${h.error}` : '',
  });
}

export function renderPublicCheck(c: PublicAddressCheck, t: T = english()): string {
  const notKnown = t('cli.public.notKnown');
  const noAddress = (error: string | null | undefined) =>
    t('cli.public.noAddress', { error: error ?? t('cli.public.noAnswer') });
  const verdict = c.verdict.said;
  const lines = [
    `${sayIn({ t }, verdict?.title, c.verdict.title)}.`,
    '',
    t('cli.public.router', {
      gateway: c.gateway ?? t('cli.public.none'),
      address: c.router.address
        ? t('cli.public.from', {
            address: c.router.address,
            source: t(`cli.public.source.${SOURCES[c.router.source ?? 'igd']}`),
          })
        : notKnown,
    }),
    `STUN ${c.stun.server}: ${c.stun.address ?? noAddress(c.stun.error)}`,
    t('cli.public.checker', { server: c.checker.server, address: c.checker.address ?? noAddress(c.checker.error) }),
    hopsLine(c, t),
    t('cli.public.publicAddress', {
      address: c.publicAddress ?? notKnown,
      changed: c.changed ? t('cli.public.changed', { from: c.changed.from }) : '',
    }),
    '',
  ];
  if (c.verdict.advice) lines.push(sayIn({ t }, verdict?.advice, c.verdict.advice), '');
  for (const e of c.verdict.evidence) lines.push(`  · ${e}`);
  if (c.findings.length) lines.push('');
  for (const f of c.findings)
    lines.push(
      t('cli.public.finding', { severity: t(`cli.public.severity.${f.severity}`), text: sayIn({ t }, f.said, f.text) }),
    );
  if (c.ipv6) lines.push('', `IPv6: ${c.ipv6.text}`);
  lines.push('', t('cli.public.measuredAt', { at: c.measuredAt }));
  return lines.join('\n');
}

const MARKS = { true: 'ok', false: 'fail', null: 'unknown' } as const;

/** The proof as text: the verdict, one line per port (its state and cause), the hairpin, the findings. */
export function renderProof(p: OutsideProof, t: T = english()): string {
  const target = p.name
    ? t('cli.public.proofName', { name: p.name, target: p.target ?? t('cli.public.notResolved') })
    : p.target
      ? t('cli.public.proofTarget', { target: p.target })
      : '';
  const lines = [
    `${p.verdict.title}.`,
    ...(p.verdict.advice ? [p.verdict.advice] : []),
    '',
    t('cli.public.tested', {
      checker: p.checker,
      address: p.testedAddress ?? t('cli.public.noAddressTested'),
      target,
    }),
    '',
  ];
  for (const kind of ['planned', 'forbidden'] as const) {
    const rows = p.rows.filter((r) => r.kind === kind);
    if (!rows.length) continue;
    lines.push(t(kind === 'planned' ? 'cli.public.planned' : 'cli.public.forbidden'));
    for (const r of rows) {
      const to = r.internal ? ` → ${r.internal.address}:${r.internal.port}` : '';
      lines.push(
        `  ${t(`cli.public.mark.${MARKS[String(r.ok) as 'true']}`)} ${r.protocol.toUpperCase()} ${r.port}${to} ${r.label}: ${r.verdict}`,
      );
      // How the app found the cause: the questions it asked itself (the troubleshooting tree), then what to do.
      for (const q of r.ok === false ? (r.path ?? []) : [])
        lines.push(`       ? ${q.question} ${q.answer} (${q.from})`);
      lines.push(`       ${r.text}`);
    }
    lines.push('');
  }
  if (p.hairpin) lines.push(t('cli.public.hairpin', { address: p.hairpin.address, text: p.hairpin.text }), '');
  for (const f of p.findings) lines.push(t('cli.public.note', { text: f }));
  lines.push(t('cli.public.measuredAt', { at: p.measuredAt }));
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
  if (job.outcome !== 'ok' || !proof) return cmd.fail(job.error?.message ?? cmd.t('cli.public.proveFailed'));
  cmd.io.stdout(cmd.json ? `${safeJson(proof, 2)}\n` : `${renderProof(proof, cmd.t)}\n`);
  return proof.verdict.code === 'proven' ? 0 : proof.verdict.code === 'failed' ? 3 : 1;
}

async function runPublic(cmd: CommandContext): Promise<number> {
  const { args, json, options, io, t } = cmd;
  if (args.length)
    return cmd.usageError(t('cli.public.noWords', { stun: '--stun HOST:PORT', checker: '--checker URL' }));
  const stun = options['--stun'];
  const checker = options['--checker'];
  const prove = cmd.flags.has('--prove');
  if (prove && stun !== undefined)
    return cmd.usageError(t('cli.public.proveNoStun', { prove: '--prove', stun: '--stun' }));
  if (!prove && options['--host'] !== undefined)
    return cmd.usageError(t('cli.public.hostForProve', { host: '--host', prove: '--prove' }));
  if (
    options['--host'] !== undefined &&
    !/^[A-Za-z0-9]([A-Za-z0-9-]{0,62}\.)*[A-Za-z0-9-]{1,63}\.?$/.test(options['--host'])
  )
    return cmd.usageError(t('cli.public.badHost', { option: '--host', example: '--host mynvr.duckdns.org' }));
  if (stun !== undefined && !parseStunServer(stun))
    return cmd.usageError(
      t('cli.public.badStun', {
        option: '--stun',
        form: 'HOST:PORT',
        host: 'HOST',
        example: '--stun stun.example.net:3478',
      }),
    );
  if (checker !== undefined && !parseCheckerUrl(checker))
    return cmd.usageError(
      t('cli.public.badChecker', { option: '--checker', example: '--checker https://ifconfig.co' }),
    );
  if (prove) return runProve(cmd, checker);
  const job = await cmd.job('internet.check', {
    ...(stun !== undefined ? { stun } : {}),
    ...(checker !== undefined ? { checker } : {}),
  });
  const check = (job.events.get('internet.onCheck') as { check: PublicAddressCheck } | undefined)?.check;
  if (job.outcome === 'cancelled') return 130;
  if (job.outcome !== 'ok' || !check) return cmd.fail(job.error?.message ?? t('cli.public.checkFailed'));
  io.stdout(json ? `${safeJson(check, 2)}\n` : `${renderPublicCheck(check, t)}\n`);
  return 0;
}

export const INTERNET_COMMANDS: readonly CliCommand[] = [
  {
    name: 'public',
    usage: (t) => [
      ...usageLine(
        'public [--stun HOST:PORT] [--checker URL]',
        t('cli.public.usage.check', { defaults: 'stun.cloudflare.com:3478, https://ifconfig.co' }),
      ),
      ...usageLine('public --prove [--checker URL] [--host NAME]', t('cli.public.usage.prove')),
    ],
    options: { '--stun': 'value', '--checker': 'value', '--prove': 'flag', '--host': 'value' },
    run: runPublic,
  },
];
