import type { DiscoveredDevice } from '../../shared/domain/device';
import type { InvokeOutput } from '../../shared/ipc/contract';

/** What a device said about itself when the app logged in (ONVIF GetDeviceInformation and its clock). */
export type DeviceIdentity = InvokeOutput<'device.login'>['identity'];

/** How the device accepted the login, in plain words. */
export const AUTH_LABEL: Record<DeviceIdentity['auth'], string> = {
  digest: 'HTTP digest',
  'ws-usernametoken': 'WS-UsernameToken',
};

/** From this far apart (in seconds) a device's clock is worth a warning. */
export const CLOCK_WARNING_SECONDS = 120;

/** "10 minutes", "3 hours", "2 days": a clock difference said roughly, in words. */
export function describeDuration(seconds: number): string {
  const minutes = Math.round(Math.abs(seconds) / 60);
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hours`;
  return `${Math.round(hours / 24)} days`;
}

/**
 * A plain warning when the device's clock is off by two minutes or more (positive offset = the device is ahead),
 * else null.
 */
export function clockWarning(offsetSeconds: number | null): string | null {
  if (offsetSeconds === null || Math.abs(offsetSeconds) < CLOCK_WARNING_SECONDS) return null;
  const direction = offsetSeconds > 0 ? 'ahead of' : 'behind';
  return `The NVR’s clock is ${describeDuration(offsetSeconds)} ${direction} this computer’s, so its recordings carry the wrong time. Set its date and time from the network (NTP) in its settings. The login still worked because the app signed it with the NVR’s own time.`;
}

/** True when the device can be asked for an ONVIF login: it answered ONVIF, announced an ONVIF address, or was added by hand. */
export function speaksOnvif(device: DiscoveredDevice): boolean {
  return device.onvifUrl !== null || device.sources.includes('onvif') || device.sources.includes('manual');
}

/** A short name for a device: brand and model (or its own name), else "this device". */
export function deviceTitle(
  device: Pick<DiscoveredDevice, 'brand' | 'model' | 'name'>,
  fallback = 'Unknown device',
): string {
  const label = [device.brand, device.model ?? device.name].filter(Boolean).join(' ');
  return label || fallback;
}
