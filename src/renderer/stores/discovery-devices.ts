import type { DeviceSource, DiscoveredDevice } from '../../shared/domain/device';
import { t } from '../composables/useT';

/** Sources that only a camera or recorder answers (the others also find TVs, printers, routers). */
const NVR_SOURCES: readonly DeviceSource[] = ['onvif', 'sadp', 'dhip'];

/** A sortable number for an IPv4 address; anything else sorts after every IPv4 address. */
function addressKey(address: string | undefined): number {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address ?? '');
  if (!m) return Number.MAX_SAFE_INTEGER;
  return m.slice(1).reduce((n, part) => n * 256 + Math.min(Number(part), 255), 0);
}

/** A short name for a device in an announcement: brand and model (or its own name), else "A device". */
function shortName(device: DiscoveredDevice): string {
  return [device.brand, device.model ?? device.name].filter(Boolean).join(' ') || t('components.discovery.aDevice');
}

const GOODBYE = /^Said goodbye\b/;

/** What an announcement changed, in words for screen readers; null when it says nothing new worth saying. */
export function describeAnnouncement(before: DiscoveredDevice | undefined, device: DiscoveredDevice): string | null {
  const name = shortName(device);
  const address = device.addresses[0] ?? t('components.discovery.unknownAddress');
  const goodbye = device.notes.filter((n) => GOODBYE.test(n)).at(-1);
  // Main's note ("Said goodbye …", its words), in the middle of the sentence.
  if (goodbye && !before?.notes.includes(goodbye))
    return t('components.discovery.goodbye', { name, address, note: goodbye.replace(GOODBYE, 'said goodbye') });
  if (!before) return t('components.discovery.added', { name, address });
  if (before.addresses[0] !== device.addresses[0]) return t('components.discovery.moved', { name, address });
  return t('components.discovery.announced', { name, address });
}

/** True when a device answered a protocol that only cameras and recorders speak. */
export function isLikelyNvr(device: DiscoveredDevice): boolean {
  return device.sources.some((s) => NVR_SOURCES.includes(s));
}

/** Likely NVRs first, then by address (numerically), then by id so the order never jumps. */
export function compareDevices(a: DiscoveredDevice, b: DiscoveredDevice): number {
  const rank = Number(!isLikelyNvr(a)) - Number(!isLikelyNvr(b));
  if (rank !== 0) return rank;
  const byAddress = addressKey(a.addresses[0]) - addressKey(b.addresses[0]);
  if (byAddress !== 0) return byAddress;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
