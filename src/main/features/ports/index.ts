import type { PortReport } from '../../../shared/domain/ports';
import { MAX_PORTS_ENTRIES, type DevicePorts } from '../../../shared/domain/setup';
import { AppFailure, isAppFailure } from '../../../shared/ipc/errors';
import { english } from '../../../shared/i18n/english';
import { said, type Words } from '../../../shared/i18n/said';
import { portsUsedElsewhere } from '../../services/ports/port-plan';
import { deviceEntries } from '../device-entries';
import { defineFeature } from '../types';
import { PORTS_COMMANDS } from './cli';
import { judgePorts } from './status';

/** The audit's lines and the same lines when it measures again after a change (whole sentences, by key). */
const AGAIN = {
  'ports.said.progress.scanning': 'ports.said.progress.againScanning',
  'ports.said.progress.identifying': 'ports.said.progress.againIdentifying',
} as const;

/** An audit's line as the measurement after a change says it. */
function againLine(words: Words): Words {
  if (typeof words !== 'string' && Object.hasOwn(AGAIN, words.key))
    return { key: AGAIN[words.key as keyof typeof AGAIN], ...(words.params ? { params: words.params } : {}) };
  return `Measuring the ports again: ${typeof words === 'string' ? words : english(words)}`;
}

const NO_ENTRY: DevicePorts = { report: null, plan: null, lastChange: null, pending: null };

/** Each device's Ports entry: `setPorts` changes one, the oldest making room when the record holds too many. */
const { get: portsEntry, set: setPorts } = deviceEntries((r) => r.ports, NO_ENTRY, MAX_PORTS_ENTRIES);

// "Ports": measure what answers on each port, plan non-standard ones, change them through ONVIF with a snapshot,
// verification by measurement and restore, and find out a change the app did not live to finish.
export default defineFeature({
  id: 'ports',
  handlers: ({ devices, ports, jobs, hub, save, setup, now, log }) => ({
    'ports.audit': async ({ deviceId, full }) => {
      let device = await devices.byId(deviceId);
      const jobId = jobs.start('ports-audit', async ({ jobId, signal, progress }) => {
        const pending = (await setup.load()).setup.ports[deviceId]?.pending ?? null;
        if (pending) {
          // The app stopped in the middle of a change: find where the NVR answers before measuring anything.
          progress(0, null, said('ports.said.progress.unfinished'));
          const result = await ports.recover(device, pending, signal);
          const moved = await devices.follow(device, result);
          await save((draft) => {
            setPorts(draft, deviceId, (entry) => {
              entry.lastChange = result;
              entry.pending = null;
            });
            devices.place(draft, moved);
          });
          hub.emit('ports.onApplied', { jobId, result });
          device = moved ?? device;
        }
        const login = await devices.loginFor(device);
        const report = await ports.audit(device, { full: full ?? false, credentials: login, signal, progress });
        hub.emit('ports.onReport', { jobId, report });
        await save((draft) => {
          setPorts(draft, deviceId, (entry) => {
            entry.report = report;
          });
          judgePorts(draft, deviceId, { kind: 'measured', report }, now());
        });
      });
      return { jobId };
    },
    'ports.get': async ({ deviceId }) => portsEntry((await setup.load()).setup, deviceId),
    'ports.plan': async ({ deviceId, edits }) => {
      const device = await devices.byId(deviceId);
      const { setup: record } = await setup.load();
      const report = record.ports[deviceId]?.report;
      if (!report) throw new AppFailure('PORTS_NOT_MEASURED');
      const plan = ports.plan(device, report, edits ?? {}, portsUsedElsewhere(record, deviceId));
      await save((draft) => {
        setPorts(draft, deviceId, (entry) => {
          entry.plan = plan;
        });
      });
      return plan;
    },
    'ports.apply': async ({ deviceId, changes, confirmWarnings, oneAtATime }) => {
      const device = await devices.byId(deviceId);
      if (!device.onvifUrl) throw new AppFailure('PORTS_NOT_SUPPORTED');
      const login = await devices.loginFor(device);
      if (!login) throw new AppFailure('PORTS_LOGIN_NEEDED');
      const jobId = jobs.start('ports-apply', async ({ jobId, signal, progress }) => {
        const { setup: record } = await setup.load();
        const report = record.ports[deviceId]?.report ?? null;
        const { result, protocols } = await ports.apply(device, changes, {
          confirmWarnings: confirmWarnings ?? false,
          oneAtATime: oneAtATime ?? false,
          // The ports other known devices use or are planned to use: a change onto one is refused.
          inUseElsewhere: portsUsedElsewhere(record, deviceId),
          credentials: login,
          report,
          signal,
          progress,
          // Saved before the device is told to change: if the app dies mid-change, the next check knows.
          onChanging: (pending) =>
            save((draft) => {
              setPorts(draft, deviceId, (entry) => {
                entry.pending = pending;
              });
            }).then(() => {}),
        });
        // The device now lives on its new ports: the list, the chosen NVR and the kept login follow it.
        const moved =
          result.outcome === 'verified' || result.outcome === 'partial' ? await devices.follow(device, result) : null;
        const changed = { kind: 'changed', result, brand: device.brand, protocols } as const;
        // The change is saved before anything else happens: a crash or a cancel from here on loses nothing.
        await save((draft) => {
          setPorts(draft, deviceId, (entry) => {
            entry.lastChange = result;
            entry.pending = null;
          });
          devices.place(draft, moved);
          judgePorts(draft, deviceId, changed, now());
        });
        hub.emit('ports.onApplied', { jobId, result });
        if (result.changes.length === 0 || signal.aborted) return;

        // Then the device is measured again, as deep as last time and with the login that just worked, so the
        // table, the proposal and the step's status show the ports as they are now, not as they were.
        const current = moved ?? device;
        let fresh: PortReport;
        try {
          fresh = await ports.audit(current, {
            full: report?.full ?? false,
            credentials: login,
            signal,
            progress: (done, total, words) => progress(done, total, againLine(words)),
          });
        } catch (err) {
          if (signal.aborted) return; // the job ends as cancelled; the change itself is saved above
          // The change stands as verified (or put back); only the new picture is missing: the user can re-check.
          log(`ports re-measure after a change failed: ${isAppFailure(err) ? err.code : 'internal'}`);
          return;
        }
        hub.emit('ports.onReport', { jobId, report: fresh });
        const plan = ports.plan(current, fresh, {}, portsUsedElsewhere((await setup.load()).setup, deviceId));
        await save((draft) => {
          setPorts(draft, deviceId, (entry) => {
            entry.report = fresh;
            entry.plan = plan;
          });
          judgePorts(draft, deviceId, changed, now());
        });
      });
      return { jobId };
    },
  }),
  commands: PORTS_COMMANDS,
});
