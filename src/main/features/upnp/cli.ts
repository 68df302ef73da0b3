import { ROUTER_UPNP_OFF, recorderUpnpOff, upnpOffText } from '../../../shared/catalog/upnp-off';
import {
  WATCH_MAX_S,
  type UpnpAudit,
  type UpnpDeleteResult,
  type UpnpProtocol,
  type UpnpRecheck,
  type UpnpWatchResult,
} from '../../../shared/domain/upnp';
import { safeJson } from '../../../shared/text/device-text';
import { createTranslator, type Translator } from '../../../shared/i18n';
import { sayIn } from '../../../shared/i18n/said';
import { usageLine, type CliCommand, type CommandContext } from '../../cli/command';
import { formatTable } from '../../cli/table';

type T = Translator['t'];
const english = () => createTranslator().t;

function leaseText(s: number, t: T): string {
  if (s === 0) return t('cli.upnp.lease.never');
  if (s < 7200) return t('cli.upnp.lease.min', { n: String(Math.round(s / 60)) });
  if (s < 172_800) return t('cli.upnp.lease.h', { n: String(Math.round(s / 3600)) });
  return t('cli.upnp.lease.d', { n: String(Math.round(s / 86_400)) });
}

export function renderUpnpAudit(a: UpnpAudit, t: T = english()): string {
  const lines: string[] = [];
  if (!a.gateway) lines.push(t('cli.upnp.noRouter'));
  else if (a.igd) {
    const device =
      [a.igd.manufacturer, a.igd.modelName ?? a.igd.friendlyName].filter(Boolean).join(' ') || t('cli.upnp.anIgd');
    const service = a.igd.serviceType.replace('urn:schemas-upnp-org:service:', '');
    lines.push(
      t('cli.upnp.routerOn', { gateway: a.gateway, device, kind: `IGD:${a.igd.igdVersion}, ${service}` }),
      t('cli.upnp.external', {
        address: a.igd.externalAddress ?? t('cli.upnp.notGiven'),
        status: a.igd.connectionStatus ? ` (${a.igd.connectionStatus})` : '',
      }),
    );
  } else lines.push(t('cli.upnp.noIgd', { gateway: a.gateway }));
  if (a.gateway) {
    const nat = a.natPmp.present
      ? a.natPmp.externalAddress
        ? t('cli.upnp.natOnAt', { address: a.natPmp.externalAddress })
        : t('cli.upnp.natOn')
      : t('cli.upnp.natNone');
    lines.push(t('cli.upnp.natPmp', { state: nat }));
  }
  if (a.igd) {
    lines.push('');
    const head = (['proto', 'outside', 'to', 'device', 'service', 'lease', 'description'] as const).map((h) =>
      t(`cli.upnp.head.${h}`),
    );
    if (a.mappings.length)
      lines.push(
        formatTable(
          head,
          a.mappings.map((m) => [
            m.protocol,
            `${m.remoteHost ? `${m.remoteHost} → ` : ''}${m.externalPort}`,
            `${m.internalClient}:${m.internalPort}`,
            m.device ? `${m.camera ? '! ' : ''}${m.device.name}` : '-',
            // The port's name in the terminal's language where main said it by key.
            sayIn({ t }, m.serviceSaid, m.service ?? '-'),
            leaseText(m.leaseSeconds, t),
            m.description || '-',
          ]),
          40,
        ),
      );
    else lines.push(t('cli.upnp.noMappings'));
  }
  lines.push('');
  for (const f of a.findings) {
    lines.push(
      t('cli.upnp.finding', { severity: t(`cli.upnp.severity.${f.severity}`), text: sayIn({ t }, f.said, f.text) }),
    );
    for (const e of f.evidence) lines.push(`    ${e}`);
  }
  const cameras = a.mappings.filter((m) => m.camera);
  if (cameras.length)
    lines.push(
      '',
      t('cli.upnp.deleteWith', {
        command: `nvr-assist upnp --delete ${cameras.map((m) => `${m.externalPort}/${m.protocol.toLowerCase()}`).join(',')}`,
      }),
    );
  if (a.igd || a.natPmp.present) lines.push('', ...upnpOffSteps(a, t));
  lines.push(t('cli.upnp.measuredAt', { at: a.measuredAt }));
  return lines.join('\n');
}

/** Where to turn UPnP off: on each mapped recorder's brand (else any brand), then on the router, by family. */
export function upnpOffSteps(a: UpnpAudit, t: T = english()): string[] {
  const lines: string[] = [];
  const ordered = recorderUpnpOff(a.mappings);
  if (ordered.length) lines.push(t('cli.upnp.offRecorder'), ...ordered.map((p) => `  ${upnpOffText(p, t)}`));
  lines.push(t('cli.upnp.offRouter'), ...ROUTER_UPNP_OFF.map((p) => `  ${upnpOffText(p, t)}`));
  return lines;
}

export function renderUpnpDelete(r: UpnpDeleteResult, t: T = english()): string {
  const lines = r.deletions.map((d) =>
    t('cli.upnp.deletion', {
      state: t(d.gone ? 'cli.upnp.gone' : d.accepted ? 'cli.upnp.notGone' : 'cli.upnp.refused'),
      mapping: `${d.protocol} ${d.externalPort}`,
      message: sayIn({ t }, d.said, d.message),
    }),
  );
  lines.push('', t('cli.upnp.readAgain'), renderUpnpAudit(r.audit, t));
  return lines.join('\n');
}

/** The re-check's verdict, then the router's list as it was read. */
export function renderUpnpWatch(r: UpnpWatchResult, t: T = english()): string {
  return [...recheckLines(r.recheck, t), '', t('cli.upnp.readAgain'), renderUpnpAudit(r.audit, t)].join('\n');
}

function recheckLines(c: UpnpRecheck, t: T): string[] {
  const lines = [t('cli.upnp.recheckedAfter', { seconds: String(c.waitedS), at: c.at })];
  for (const w of c.watched) {
    const back = c.cameBack.find((b) => b.protocol === w.protocol && b.externalPort === w.externalPort);
    if (back)
      lines.push(
        t('cli.upnp.cameBack', {
          mapping: `${back.protocol} ${back.externalPort} → ${back.internalClient}:${back.internalPort}`,
          device: back.device ?? back.internalClient,
        }),
      );
    else
      lines.push(
        t(c.outcome === 'unproven' ? 'cli.upnp.notProven' : 'cli.upnp.stillGone', {
          mapping: `${w.protocol} ${w.externalPort}`,
        }),
      );
  }
  if (c.outcome === 'came-back') lines.push(t('cli.upnp.cameBackTodo'));
  else if (c.outcome === 'unproven') lines.push(t('cli.upnp.unprovenTodo'));
  return lines;
}

/** The exit code of a re-check: 0 still gone, 3 a deleted mapping came back, 1 nothing proven. */
export const WATCH_EXIT = { 'still-gone': 0, 'came-back': 3, unproven: 1 } as const;

/** `--watch`'s seconds (the one word after it, when given): undefined for none, null when not 1…WATCH_MAX_S. */
export function parseWatchSeconds(args: readonly string[]): number | undefined | null {
  if (!args.length) return undefined;
  const s = args.length === 1 && /^\d{1,5}$/.test(args[0]!) ? Number(args[0]) : 0;
  return s >= 1 && s <= WATCH_MAX_S ? s : null;
}

/** `8000/tcp,554/TCP` → the mappings; null when any part is not `<port>/<tcp|udp>`. */
export function parseMappingList(text: string): Array<{ protocol: UpnpProtocol; externalPort: number }> | null {
  const parts = text.split(',').map((p) => p.trim());
  if (!parts.length || parts.length > 32) return null;
  const out: Array<{ protocol: UpnpProtocol; externalPort: number }> = [];
  for (const p of parts) {
    const m = /^(\d{1,5})\/(tcp|udp)$/i.exec(p);
    const port = m ? Number(m[1]) : 0;
    if (!m || port < 1 || port > 65535) return null;
    out.push({ protocol: m[2]!.toUpperCase() as UpnpProtocol, externalPort: port });
  }
  return out;
}

/** Runs the re-check job; its result, or the exit code when it gave none. */
async function watchJob(cmd: CommandContext, seconds: number | undefined): Promise<UpnpWatchResult | number> {
  const job = await cmd.job('upnp.watch', seconds === undefined ? {} : { seconds });
  const result = (job.events.get('upnp.onWatched') as { result: UpnpWatchResult } | undefined)?.result;
  if (job.outcome === 'cancelled') return 130;
  if (job.outcome !== 'ok' || !result) return cmd.fail(job.error?.message ?? cmd.t('cli.upnp.askAgainFailed'));
  return result;
}

async function runUpnp(cmd: CommandContext): Promise<number> {
  const { args, json, options, io, flags, t } = cmd;
  const watch = flags.has('--watch');
  if (args.length && !watch) return cmd.usageError(t('cli.upnp.noDevice'));
  const seconds = parseWatchSeconds(args);
  if (seconds === null)
    return cmd.usageError(t('cli.upnp.badSeconds', { option: '--watch', max: String(WATCH_MAX_S) }));
  const del = options['--delete'];
  if (del !== undefined) {
    const mappings = parseMappingList(del);
    if (!mappings)
      return cmd.usageError(t('cli.upnp.badDelete', { option: '--delete', example: '--delete 8000/tcp,554/tcp' }));
    const job = await cmd.job('upnp.delete', { mappings });
    const result = (job.events.get('upnp.onDeleted') as { result: UpnpDeleteResult } | undefined)?.result;
    if (job.outcome === 'cancelled' && !result) return 130;
    if (!result) return cmd.fail(job.error?.message ?? t('cli.upnp.deleteFailed'));
    const allGone = result.deletions.every((d) => d.gone);
    if (!watch || !allGone) {
      io.stdout(json ? `${safeJson(result, 2)}\n` : `${renderUpnpDelete(result, t)}\n`);
      if (watch) io.stderr(`${t('cli.upnp.notRechecked')}\n`);
      return allGone ? 0 : 1;
    }
    if (!json) io.stdout(`${renderUpnpDelete(result, t)}\n\n`);
    const wait = seconds ?? result.recheckAfterS ?? undefined;
    if (wait !== undefined) io.stderr(`${t('cli.upnp.watching', { seconds: String(wait) })}\n`);
    const watched = await watchJob(cmd, wait);
    if (typeof watched === 'number') return watched;
    io.stdout(json ? `${safeJson({ deleted: result, watched }, 2)}\n` : `${renderUpnpWatch(watched, t)}\n`);
    return WATCH_EXIT[watched.recheck.outcome];
  }
  if (watch) {
    const watched = await watchJob(cmd, seconds);
    if (typeof watched === 'number') return watched;
    io.stdout(json ? `${safeJson(watched, 2)}\n` : `${renderUpnpWatch(watched, t)}\n`);
    return WATCH_EXIT[watched.recheck.outcome];
  }
  const job = await cmd.job('upnp.audit', {});
  const audit = (job.events.get('upnp.onAudit') as { audit: UpnpAudit } | undefined)?.audit;
  if (job.outcome === 'cancelled') return 130;
  if (job.outcome !== 'ok' || !audit) return cmd.fail(job.error?.message ?? t('cli.upnp.askFailed'));
  io.stdout(json ? `${safeJson(audit, 2)}\n` : `${renderUpnpAudit(audit, t)}\n`);
  return 0;
}

export const UPNP_COMMANDS: readonly CliCommand[] = [
  {
    name: 'upnp',
    usage: (t) => [
      ...usageLine('upnp', t('cli.upnp.usage.audit')),
      ...usageLine('upnp --delete <port>/<tcp|udp>[,…]', t('cli.upnp.usage.delete')),
      ...usageLine('upnp --delete <port>/<tcp|udp>[,…] --watch [SECONDS]', t('cli.upnp.usage.deleteWatch')),
      ...usageLine('upnp --watch [SECONDS]', t('cli.upnp.usage.watch', { max: String(WATCH_MAX_S) })),
    ],
    options: { '--delete': 'value', '--watch': 'flag' },
    run: runUpnp,
  },
];
