import { AppFailure } from '../../../shared/ipc/errors';
import { discoveryInterface } from '../network';
import { defineFeature } from '../types';
import { FIND_COMMANDS } from './cli';
import { judgeFind } from './status';

/** At most this many notes of a search are kept and sent. */
const MAX_WARNINGS = 50;

// "Find your NVR": the search by every protocol, Hello/Bye heard while the page is open, a device added by hand,
// the chosen NVR, and the ONVIF login that proves the app can talk to it.
export default defineFeature({
  id: 'find',
  handlers: (ctx) => {
    const { devices, discovery, hub, jobs, save, now, options } = ctx;
    const search = devices.search;
    const listening = { jobId: null as string | null, interfaceName: '' };
    return {
      'discovery.start': async ({ interfaceName, sweep }) => {
        if (search.running) return { jobId: search.running, interfaceName: search.interfaceName ?? '' };
        const iface = await discoveryInterface(ctx, interfaceName);
        devices.inventory.startOver();
        search.warnings = [];
        search.finishedAt = null;
        search.interfaceName = iface.name;
        const jobId = jobs.start('discovery', async ({ jobId, signal, progress }) => {
          try {
            await discovery.run({
              iface,
              signal,
              timing: options.discoveryTiming,
              inventory: devices.inventory,
              sweep: sweep ?? false,
              onProgress: progress,
              onDevice: (device) => hub.emit('discovery.onDevice', { jobId, device }),
              onWarning: (message) => {
                if (search.warnings.length >= MAX_WARNINGS) return;
                search.warnings.push(message);
                hub.emit('discovery.onWarning', { jobId, message });
              },
            });
          } finally {
            search.running = null;
            search.finishedAt = now().toISOString();
            // Keep what was found (also after a cancel) so the list survives a restart.
            const found = devices.saved();
            await save((draft) => {
              draft.devices = found;
              // The chosen NVR as this search found it (it may have moved: a new lease, a changed address).
              devices.place(draft, found.find((d) => d.id === draft.nvr?.deviceId) ?? null);
              judgeFind(draft, 'searched', now());
            }).catch(() => undefined);
          }
        });
        search.running = jobId;
        return { jobId, interfaceName: iface.name };
      },
      'discovery.listen': async ({ interfaceName }) => {
        if (listening.jobId) return { jobId: listening.jobId, interfaceName: listening.interfaceName };
        const iface = await discoveryInterface(ctx, interfaceName);
        await devices.restoreSaved();
        const jobId = jobs.start('discovery-listen', async ({ jobId, signal }) => {
          try {
            await discovery.listen({
              iface,
              signal,
              inventory: devices.inventory,
              onDevice: (device) => hub.emit('discovery.onDevice', { jobId, device }),
            });
          } finally {
            listening.jobId = null;
            const found = devices.saved();
            await save((draft) => {
              draft.devices = found;
              devices.place(draft, found.find((d) => d.id === draft.nvr?.deviceId) ?? null);
            }).catch(() => undefined);
          }
        });
        listening.jobId = jobId;
        listening.interfaceName = iface.name;
        return { jobId, interfaceName: iface.name };
      },
      'discovery.addManual': async ({ host, port }) => {
        const device = await devices.addManual(host, port);
        const found = devices.saved();
        await save((draft) => {
          draft.devices = found;
        });
        hub.emit('discovery.onDevice', { jobId: search.running ?? 'job-manual', device });
        return { device };
      },
      'discovery.list': async () => {
        await devices.restoreSaved();
        const list = devices.inventory.list();
        return {
          ...structuredClone(search),
          devices: list,
          rememberedDeviceIds: await devices.rememberedIds(list),
          loginKnownDeviceIds: await devices.loginKnownIds(list),
        };
      },
      // Looked up and recorded in one turn of the record's queue: whatever is asked after the choice (a step's
      // first check, opened at once) reads the NVR just chosen, never the one before it.
      'setup.chooseDevice': async ({ deviceId }) =>
        save((draft) => {
          const device = devices.inventory.get(deviceId) ?? draft.devices.find((d) => d.id === deviceId);
          if (!device) throw new AppFailure('DEVICE_NOT_FOUND');
          draft.nvr = { deviceId, device, chosenAt: now().toISOString() };
          judgeFind(draft, 'chosen', now());
        }),
      'device.login': async ({ deviceId, host, port, username, password, remember }) => {
        const login = await devices.login({ deviceId, host, port }, { username, password }, remember ?? false);
        const chosen = login.device;
        if (chosen) {
          const found = devices.saved();
          await save((draft) => {
            draft.devices = found;
            draft.nvr = { deviceId: chosen.id, device: chosen, chosenAt: now().toISOString() };
            judgeFind(draft, 'logged-in', now());
          });
        }
        return { identity: login.identity, onvifUrl: login.url.href, device: chosen, remembered: login.remembered };
      },
      'device.forgetPassword': async ({ deviceId }) => ({ forgotten: await devices.forget(deviceId) }),
    };
  },
  commands: FIND_COMMANDS,
});
