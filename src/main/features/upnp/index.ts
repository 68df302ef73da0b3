import type { SetupRecord } from '../../../shared/domain/setup';
import { said } from '../../../shared/i18n/said';
import { judgeRecheck, recheckDelay, type AttributionContext } from '../../../shared/domain/upnp';
import { AppFailure } from '../../../shared/ipc/errors';
import type { UpnpTarget } from '../../services/upnp/upnp-service';
import { lanFacts } from '../static-ip';
import { defineFeature, type AppContext } from '../types';
import { UPNP_COMMANDS } from './cli';
import { judgeUpnpStep } from './status';
import { countdown } from './watch';

/** The router to ask: the default gateway on the interface the user chose (or the recommended one). */
async function target(ctx: Pick<AppContext, 'setup' | 'netcheck'>): Promise<UpnpTarget> {
  const lan = await lanFacts(ctx);
  if (!lan) return { interfaceName: '', interfaceAddress: '0.0.0.0', prefix: 32, gateway: null };
  return { interfaceName: lan.interfaceName, interfaceAddress: lan.address, prefix: lan.prefix, gateway: lan.gateway };
}

/** The mappings deletions proved gone (one listed again came back). */
function deletedBefore(record: SetupRecord) {
  return (record.upnp.deleted ?? [])
    .filter((d) => d.gone)
    .map((d) => ({ protocol: d.protocol, externalPort: d.externalPort }));
}

/** Which device sits at a mapping's internal address, and what its ports are: from the record and this run's list. */
function attribution(record: SetupRecord, listed: ReturnType<AppContext['devices']['saved']>): AttributionContext {
  const byId = new Map(record.devices.map((d) => [d.id, d]));
  for (const d of listed) byId.set(d.id, d);
  return {
    devices: [...byId.values()],
    nvrId: record.nvr?.deviceId ?? null,
    portReports: Object.fromEntries(Object.entries(record.ports).map(([id, p]) => [id, p.report])),
  };
}

// "UPnP": what the router's UPnP and NAT-PMP opened, for which device; deleting the mappings the user chose, proven
// by reading the list again.
export default defineFeature({
  id: 'upnp',
  handlers: (ctx) => {
    const { jobs, hub, save, setup, now, upnp, devices } = ctx;
    return {
      'upnp.audit': async () => {
        const jobId = jobs.start('upnp-audit', async ({ jobId, signal, progress }) => {
          const { setup: record } = await setup.load();
          const audit = await upnp.audit(await target(ctx), {
            signal,
            progress: (message) => progress(0, null, message),
            attribution: attribution(record, devices.saved()),
            deletedBefore: deletedBefore(record),
          });
          // A cancelled audit proves nothing: it is neither shown as a result nor kept.
          if (signal.aborted) return;
          hub.emit('upnp.onAudit', { jobId, audit });
          await save((draft) => {
            draft.upnp.audit = audit;
            judgeUpnpStep(draft, audit, now());
          });
        });
        return { jobId };
      },
      'upnp.get': async () => (await setup.load()).setup.upnp,
      'upnp.delete': async ({ mappings }) => {
        const jobId = jobs.start('upnp-delete', async ({ jobId, signal, progress }) => {
          const { setup: record } = await setup.load();
          const result = await upnp.delete(await target(ctx), mappings, {
            signal,
            progress: (message) => progress(0, null, message),
            attribution: attribution(record, devices.saved()),
            deletedBefore: deletedBefore(record),
          });
          hub.emit('upnp.onDeleted', { jobId, result });
          await save((draft) => {
            draft.upnp.audit = result.audit;
            // Newest first; an earlier deletion proven then stays (a mapping listed again later came back).
            const kept = (draft.upnp.deleted ?? []).filter(
              (d) =>
                d.gone && !result.deletions.some((n) => n.protocol === d.protocol && n.externalPort === d.externalPort),
            );
            draft.upnp.deleted = [...result.deletions, ...kept].slice(0, 32);
            draft.upnp.recheckAfterS = result.recheckAfterS ?? null;
            judgeUpnpStep(draft, result.audit, now());
          });
        });
        return { jobId };
      },
      // The timed re-check: wait (the seconds left as progress; cancellable), then read the list again and name the
      // deleted mappings listed again. Kept: the audit, and when the re-check ran and what came back.
      'upnp.watch': async ({ seconds }) => {
        const { setup: record } = await setup.load();
        const watched = deletedBefore(record);
        if (!watched.length)
          throw new AppFailure(
            'BAD_REQUEST',
            'No deleted UPnP mapping is on record to re-check: delete one first (then re-check).',
          );
        const wait = seconds ?? record.upnp.recheckAfterS ?? recheckDelay([]);
        const what = watched.map((w) => `${w.protocol} ${w.externalPort}`).join(', ');
        const jobId = jobs.start('upnp-watch', async ({ jobId, signal, progress }) => {
          const waited = await countdown(wait, signal, (left) =>
            progress(wait - left, wait, said('upnp.progress.recheckIn', { what, seconds: String(left) })),
          );
          // A cancelled re-check proves nothing: it is neither shown nor kept.
          if (!waited) return;
          const { setup: fresh } = await setup.load();
          const audit = await upnp.audit(await target(ctx), {
            signal,
            progress: (message) => progress(wait, wait, message),
            attribution: attribution(fresh, devices.saved()),
            deletedBefore: watched,
          });
          if (signal.aborted) return;
          const recheck = judgeRecheck(audit, watched, wait);
          hub.emit('upnp.onWatched', { jobId, result: { recheck, audit } });
          await save((draft) => {
            draft.upnp.audit = audit;
            draft.upnp.recheck = recheck;
            judgeUpnpStep(draft, audit, now());
          });
        });
        return { jobId, seconds: wait };
      },
    };
  },
  commands: UPNP_COMMANDS,
});
