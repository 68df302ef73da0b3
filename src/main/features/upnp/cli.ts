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
import type { CliCommand, CommandContext } from '../../cli/command';
import { formatTable } from '../../cli/table';

const SEVERITY_WORDS = { problem: 'Problem', warning: 'Warning', ok: 'OK', info: 'Note' } as const;

function leaseText(s: number): string {
  if (s === 0) return 'never';
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} d`;
}

export function renderUpnpAudit(a: UpnpAudit): string {
  const lines: string[] = [];
  if (!a.gateway) lines.push('Router: none (this computer has no default gateway).');
  else if (a.igd)
    lines.push(
      `Router ${a.gateway}: UPnP on — ${[a.igd.manufacturer, a.igd.modelName ?? a.igd.friendlyName].filter(Boolean).join(' ') || 'an Internet Gateway Device'} (IGD:${a.igd.igdVersion}, ${a.igd.serviceType.replace('urn:schemas-upnp-org:service:', '')})`,
      `External address: ${a.igd.externalAddress ?? 'not given'}${a.igd.connectionStatus ? ` (${a.igd.connectionStatus})` : ''}`,
    );
  else lines.push(`Router ${a.gateway}: no UPnP gateway answered.`);
  if (a.gateway)
    lines.push(
      `NAT-PMP: ${a.natPmp.present ? `on${a.natPmp.externalAddress ? ` (external address ${a.natPmp.externalAddress})` : ''}` : 'no answer'}`,
    );
  if (a.igd) {
    lines.push('');
    if (a.mappings.length)
      lines.push(
        formatTable(
          ['PROTO', 'OUTSIDE', 'TO', 'DEVICE', 'SERVICE', 'LEASE', 'DESCRIPTION'],
          a.mappings.map((m) => [
            m.protocol,
            `${m.remoteHost ? `${m.remoteHost} → ` : ''}${m.externalPort}`,
            `${m.internalClient}:${m.internalPort}`,
            m.device ? `${m.camera ? '! ' : ''}${m.device.name}` : '-',
            m.service ?? '-',
            leaseText(m.leaseSeconds),
            m.description || '-',
          ]),
          40,
        ),
      );
    else lines.push('No port mappings.');
  }
  lines.push('');
  for (const f of a.findings) {
    lines.push(`${SEVERITY_WORDS[f.severity]}: ${f.text}`);
    for (const e of f.evidence) lines.push(`    ${e}`);
  }
  const cameras = a.mappings.filter((m) => m.camera);
  if (cameras.length)
    lines.push(
      '',
      `Delete them with: nvr-assist upnp --delete ${cameras.map((m) => `${m.externalPort}/${m.protocol.toLowerCase()}`).join(',')}`,
    );
  if (a.igd || a.natPmp.present) lines.push('', ...upnpOffSteps(a));
  lines.push(`Measured at ${a.measuredAt}`);
  return lines.join('\n');
}

/** Where to turn UPnP off: on each mapped recorder's brand (else any brand), then on the router, by family. */
export function upnpOffSteps(a: UpnpAudit): string[] {
  const lines: string[] = [];
  const ordered = recorderUpnpOff(a.mappings);
  if (ordered.length)
    lines.push(
      'Turn UPnP off on the recorder, so it stops opening its own ports:',
      ...ordered.map((p) => `  ${upnpOffText(p)}`),
    );
  lines.push(
    'Turn UPnP (and NAT-PMP) off on the router once your own forward rules are in place (menus differ by firmware):',
    ...ROUTER_UPNP_OFF.map((p) => `  ${upnpOffText(p)}`),
  );
  return lines;
}

export function renderUpnpDelete(r: UpnpDeleteResult): string {
  const lines = r.deletions.map(
    (d) => `${d.gone ? 'Gone' : d.accepted ? 'NOT GONE' : 'Refused'}: ${d.protocol} ${d.externalPort} — ${d.message}`,
  );
  lines.push('', 'The router’s list, read again:', renderUpnpAudit(r.audit));
  return lines.join('\n');
}

/** The re-check's verdict, then the router's list as it was read. */
export function renderUpnpWatch(r: UpnpWatchResult): string {
  return [...recheckLines(r.recheck), '', 'The router’s list, read again:', renderUpnpAudit(r.audit)].join('\n');
}

function recheckLines(c: UpnpRecheck): string[] {
  const lines = [`Re-checked after ${c.waitedS} s (${c.at}):`];
  for (const w of c.watched) {
    const back = c.cameBack.find((b) => b.protocol === w.protocol && b.externalPort === w.externalPort);
    if (back)
      lines.push(
        `  CAME BACK: ${back.protocol} ${back.externalPort} → ${back.internalClient}:${back.internalPort}, opened again by ${back.device ?? back.internalClient}`,
      );
    else lines.push(`  ${c.outcome === 'unproven' ? 'Not proven' : 'Still gone'}: ${w.protocol} ${w.externalPort}`);
  }
  if (c.outcome === 'came-back')
    lines.push(
      'A device opens these mappings again through UPnP: deleting is not enough. Turn UPnP off on that device (or on the router), then check again.',
    );
  else if (c.outcome === 'unproven')
    lines.push('The router’s list could not be read to its end: nothing is proven either way. Check again.');
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
  if (job.outcome !== 'ok' || !result) return cmd.fail(job.error?.message ?? 'The router could not be asked again.');
  return result;
}

async function runUpnp(cmd: CommandContext): Promise<number> {
  const { args, json, options, io, flags } = cmd;
  const watch = flags.has('--watch');
  if (args.length && !watch)
    return cmd.usageError('`upnp` takes no device: it asks the router (your default gateway).');
  const seconds = parseWatchSeconds(args);
  if (seconds === null)
    return cmd.usageError(`--watch takes the seconds to wait, a whole number from 1 to ${WATCH_MAX_S}.`);
  const del = options['--delete'];
  if (del !== undefined) {
    const mappings = parseMappingList(del);
    if (!mappings)
      return cmd.usageError('--delete takes external ports with their protocol, e.g. --delete 8000/tcp,554/tcp.');
    const job = await cmd.job('upnp.delete', { mappings });
    const result = (job.events.get('upnp.onDeleted') as { result: UpnpDeleteResult } | undefined)?.result;
    if (job.outcome === 'cancelled' && !result) return 130;
    if (!result) return cmd.fail(job.error?.message ?? 'The mappings could not be deleted.');
    const allGone = result.deletions.every((d) => d.gone);
    if (!watch || !allGone) {
      io.stdout(json ? `${safeJson(result, 2)}\n` : `${renderUpnpDelete(result)}\n`);
      if (watch) io.stderr('Not re-checked: not every mapping is gone.\n');
      return allGone ? 0 : 1;
    }
    if (!json) io.stdout(`${renderUpnpDelete(result)}\n\n`);
    const wait = seconds ?? result.recheckAfterS ?? undefined;
    if (wait !== undefined) io.stderr(`Watching for ${wait} s: a device that opens them again is caught then.\n`);
    const watched = await watchJob(cmd, wait);
    if (typeof watched === 'number') return watched;
    io.stdout(json ? `${safeJson({ deleted: result, watched }, 2)}\n` : `${renderUpnpWatch(watched)}\n`);
    return WATCH_EXIT[watched.recheck.outcome];
  }
  if (watch) {
    const watched = await watchJob(cmd, seconds);
    if (typeof watched === 'number') return watched;
    io.stdout(json ? `${safeJson(watched, 2)}\n` : `${renderUpnpWatch(watched)}\n`);
    return WATCH_EXIT[watched.recheck.outcome];
  }
  const job = await cmd.job('upnp.audit', {});
  const audit = (job.events.get('upnp.onAudit') as { audit: UpnpAudit } | undefined)?.audit;
  if (job.outcome === 'cancelled') return 130;
  if (job.outcome !== 'ok' || !audit) return cmd.fail(job.error?.message ?? 'The router could not be asked.');
  io.stdout(json ? `${safeJson(audit, 2)}\n` : `${renderUpnpAudit(audit)}\n`);
  return 0;
}

export const UPNP_COMMANDS: readonly CliCommand[] = [
  {
    name: 'upnp',
    usage: [
      'upnp                    Ask your router (the default gateway, nothing else) what UPnP and NAT-PMP',
      '                        opened to the internet: its external address and every port mapping, with',
      '                        the device each one reaches and what it exposes there. Mappings to the NVR',
      '                        or a camera come first.',
      'upnp --delete <port>/<tcp|udp>[,…]',
      '                        Delete those mappings through UPnP, then read the router’s list again to',
      '                        prove they are gone. Exit 0 only when every one is gone.',
      'upnp --delete <port>/<tcp|udp>[,…] --watch [SECONDS]',
      '                        Then wait SECONDS (default: just past the longest lease deleted, 2 min for',
      '                        a permanent mapping, at most 10 min) and read the list again: a device',
      '                        that opens a deleted mapping again is named. Exit 0 still gone, 3 a',
      '                        deleted mapping came back, 1 not proven (the list could not be read).',
      'upnp --watch [SECONDS]  The same re-check of the mappings deleted last, after SECONDS (at most 3600).',
    ],
    options: { '--delete': 'value', '--watch': 'flag' },
    run: runUpnp,
  },
];
