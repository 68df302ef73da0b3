import type { DiscoveredDevice } from '../../../shared/domain/device';
import type { SetupRecord } from '../../../shared/domain/setup';
import { checkTypedAddress, type KnownDevice, type LanFacts } from '../../../shared/domain/static-ip';
import { AppFailure, isAppFailure } from '../../../shared/ipc/errors';
import { saidInEnglish } from '../../../shared/i18n/english';
import { said } from '../../../shared/i18n/said';
import { MAX_STATIC_IP_ENTRIES, type DeviceStaticIp, type StaticIpResult } from '../../../shared/steps/static-ip';
import { parseProcArp } from '../../protocol/arp';
import { sleep } from '../../core/sleep';
import { proveAddressFree } from '../../services/static-ip/address-probe';
import { readDeviceNetwork, rebootDevice, sendDeviceNetwork } from '../../services/static-ip/device-network';
import { createStaticIpService, urlAt } from '../../services/static-ip/static-ip-service';
import { discoveryInterface } from '../network';
import { deviceEntries } from '../device-entries';
import { defineFeature, type AppContext } from '../types';
import { STATIC_IP_COMMANDS } from './cli';
import { judgeStaticIp } from './status';

const NO_ENTRY: DeviceStaticIp = { reading: null, userPool: null, lastChange: null, pending: null, reservation: null };

/** Each device's Static IP entry: `setEntry` changes one, the oldest making room when the record holds too many. */
const { get: staticIpEntry, set: setEntry } = deviceEntries((r) => r.staticIp, NO_ENTRY, MAX_STATIC_IP_ENTRIES);

/** Every device we know on the LAN, and the addresses planned for other devices (their last change's target). */
export function knownDevices(record: SetupRecord, listed: DiscoveredDevice[]): KnownDevice[] {
  const byId = new Map<string, DiscoveredDevice>();
  for (const d of [...record.devices, ...listed]) byId.set(d.id, d);
  const known: KnownDevice[] = [];
  for (const d of byId.values())
    for (const address of d.addresses.slice(0, 4)) known.push({ id: d.id, address, mac: d.mac, dhcp: d.dhcp });
  for (const [id, entry] of Object.entries(record.staticIp)) {
    const planned = entry.pending?.change.to.address ?? entry.lastChange?.change.to.address;
    if (planned) known.push({ id, address: planned, mac: null, dhcp: false, planned: true });
  }
  return known;
}

/** This computer on the LAN: the chosen (or recommended) interface, and the default gateway when it is on it. */
export async function lanFacts(ctx: Pick<AppContext, 'setup' | 'netcheck'>): Promise<LanFacts | null> {
  try {
    const iface = await discoveryInterface(ctx, undefined);
    const { setup: record } = await ctx.setup.load();
    const report = await ctx.netcheck.report(record.interfaceName);
    const gateway = report.gateway?.interfaceName === iface.name ? report.gateway.address : null;
    return { interfaceName: iface.name, address: iface.address, prefix: iface.prefix, gateway };
  } catch (err) {
    if (isAppFailure(err) && (err.code === 'INTERFACE_UNUSABLE' || err.code === 'INTERFACE_NOT_FOUND')) return null;
    throw err;
  }
}

// "Static IP": read the NVR's address settings, judge them, propose a free address outside the DHCP pool, give it
// to the NVR with a pending record, follow the device to its new address and read it back; everything that points
// at the device follows it.
export default defineFeature({
  id: 'static-ip',
  handlers: (ctx) => {
    const { devices, jobs, hub, save, setup, now, system, http, options } = ctx;
    const staticIp = createStaticIpService({
      onvif: { http, now },
      now,
      sleep,
      readNetwork: readDeviceNetwork,
      sendNetwork: sendDeviceNetwork,
      reboot: rebootDevice,
      proveFree: (address, signal) =>
        proveAddressFree(address, {
          signal,
          deps: {
            readText: (path) => system.readText(path),
            ...(ctx.tcpConnector ? { connector: ctx.tcpConnector } : {}),
          },
        }),
      macAt: async (address) => parseProcArp((await system.readText('/proc/net/arp')) ?? '').get(address) ?? null,
      follow: options?.staticIpFollow,
      // A device that answers neither where it was sent nor where it was: one search of the LAN, by MAC or endpoint.
      locate: async (whom, signal) => {
        const iface = await discoveryInterface(ctx, undefined);
        const found = await ctx.discovery.run({ iface, signal, onDevice: () => {}, timing: options?.discoveryTiming });
        const d = found.find(
          (x) => (whom.mac && x.mac === whom.mac) || (whom.endpoint && x.endpoint === whom.endpoint),
        );
        return d?.onvifUrl ?? null;
      },
    });

    /** After a change: the device, the chosen NVR, its kept login and its Ports entry point at where it is now. */
    async function follow(device: DiscoveredDevice, result: StaticIpResult) {
      if (!result.address || !device.onvifUrl || result.address === device.addresses[0]) return null;
      return devices.followAddress(device, result.address, urlAt(device.onvifUrl, result.address));
    }

    async function saveResult(deviceId: string, device: DiscoveredDevice, result: StaticIpResult) {
      const moved = await follow(device, result);
      await save((draft) => {
        setEntry(draft, deviceId, (entry) => {
          entry.lastChange = result;
          // A device not found is looked for again at the next check (where the change sent it, and where it was).
          if (result.outcome !== 'lost') entry.pending = null;
        });
        devices.place(draft, moved);
        const ports = draft.ports[deviceId];
        if (moved && ports?.report) ports.report.address = result.address ?? ports.report.address;
        judgeStaticIp(draft, deviceId, { kind: 'changed', result }, now());
        // The steps whose results point at the old address are stale now.
        if (moved)
          for (const step of result.recheck)
            if (step !== 'static-ip' && draft.steps[step as keyof typeof draft.steps]?.status === 'verified')
              draft.steps[step as keyof typeof draft.steps] = {
                status: 'attention',
                updatedAt: now().toISOString(),
                reason: `The NVR moved to ${result.address}: check this step again.`,
              };
      });
      return moved;
    }

    return {
      'address.check': async ({ deviceId, pool }) => {
        let device = await devices.byId(deviceId);
        const jobId = jobs.start('static-ip-check', async ({ jobId, signal, progress }) => {
          const { setup: record } = await setup.load();
          const entry = record.staticIp[deviceId];
          if (entry?.pending) {
            progress(0, null, said('staticIp.progress.unfinished'));
            // The login may have been given at either address (the app restarted since; see the CLI's fallback).
            const login = (await devices.loginFor(device)) ?? (await devices.loginAt(entry.pending.newOnvifUrl));
            const result = await staticIp.recover(device, entry.pending, login, signal);
            device = (await saveResult(deviceId, device, result)) ?? device;
            hub.emit('address.onApplied', { jobId, result });
          }
          const userPool = pool !== undefined ? pool.trim() || null : (entry?.userPool ?? null);
          const reading = await staticIp.check(device, {
            login: await devices.loginFor(device),
            reservation: entry?.reservation ?? null,
            lan: await lanFacts(ctx),
            userPool,
            known: knownDevices(record, devices.saved()),
            signal,
            progress,
          });
          hub.emit('address.onReading', { jobId, reading });
          // The MAC read from the device is how it is followed after a move: keep it with the device.
          const withMac = devices.learned(device, { mac: reading.mac });
          await save((draft) => {
            devices.place(draft, withMac);
            setEntry(draft, deviceId, (e) => {
              e.reading = reading;
              e.userPool = userPool;
            });
            judgeStaticIp(draft, deviceId, { kind: 'read', reading }, now());
          });
        });
        return { jobId };
      },
      'address.get': async ({ deviceId }) => staticIpEntry((await setup.load()).setup, deviceId),
      'address.plan': async ({ deviceId, address, gateway, dns }) => {
        const device = await devices.byId(deviceId);
        const { setup: record } = await setup.load();
        const lan = await lanFacts(ctx);
        if (!lan) throw new AppFailure('INTERFACE_UNUSABLE');
        const entry = record.staticIp[deviceId];
        return staticIp.plan(
          device,
          { address, ...(gateway ? { gateway } : {}), ...(dns ? { dns } : {}) },
          {
            lan,
            userPool: entry?.userPool ?? null,
            known: knownDevices(record, devices.saved()),
            current: entry?.reading?.settings ?? null,
          },
        );
      },
      'address.reserve': async ({ deviceId, address }) => {
        const device = await devices.byId(deviceId);
        const { setup: record } = await setup.load();
        const entry = record.staticIp[deviceId];
        if (address === null) {
          await save((draft) => setEntry(draft, deviceId, (e) => void (e.reservation = null)));
          return { reservation: null, problems: [] };
        }
        const lan = await lanFacts(ctx);
        if (!lan) throw new AppFailure('INTERFACE_UNUSABLE');
        // Routers keep reservations inside or outside their pool (both are fine): the pool is not held against it.
        const problems = checkTypedAddress(address, {
          lan,
          pool: null,
          known: knownDevices(record, devices.saved()),
          deviceId,
        });
        const mac = device.mac ?? entry?.reading?.mac ?? null;
        if (!mac) problems.push({ severity: 'error', ...saidInEnglish(said('staticIp.typed.noMac')) });
        if (problems.some((p) => p.severity === 'error')) return { reservation: null, problems };
        const reservation = { address: address.trim(), mac, plannedAt: now().toISOString() };
        await save((draft) => setEntry(draft, deviceId, (e) => void (e.reservation = reservation)));
        return { reservation, problems };
      },
      'address.apply': async ({ deviceId, address, gateway, dns, confirmWarnings }) => {
        const device = await devices.byId(deviceId);
        if (!device.onvifUrl) throw new AppFailure('STATIC_IP_NOT_SUPPORTED');
        const login = await devices.loginFor(device);
        if (!login) throw new AppFailure('STATIC_IP_LOGIN_NEEDED');
        const lan = await lanFacts(ctx);
        if (!lan) throw new AppFailure('INTERFACE_UNUSABLE');
        const jobId = jobs.start('static-ip-apply', async ({ jobId, signal, progress }) => {
          const { setup: record } = await setup.load();
          const result = await staticIp.apply(device, {
            login,
            lan,
            userPool: record.staticIp[deviceId]?.userPool ?? null,
            known: knownDevices(record, devices.saved()),
            target: { address, ...(gateway ? { gateway } : {}), ...(dns ? { dns } : {}) },
            confirmWarnings: confirmWarnings ?? false,
            signal,
            progress,
            // Saved before the device is told: if the app dies mid-change, the next check finds out where it is.
            onChanging: (pending) =>
              save((draft) => setEntry(draft, deviceId, (entry) => void (entry.pending = pending))).then(() => {}),
          });
          await saveResult(deviceId, device, result);
          hub.emit('address.onApplied', { jobId, result });
        });
        return { jobId };
      },
    };
  },
  commands: STATIC_IP_COMMANDS,
});
