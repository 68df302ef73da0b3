import type { DiscoveredDevice } from '../../shared/domain/device';
import type { InvokeOutput } from '../../shared/ipc/contract';
import { t } from '../composables/useT';

/** What a device said about itself when the app logged in (ONVIF GetDeviceInformation and its clock). */
export type DeviceIdentity = InvokeOutput<'device.login'>['identity'];

/** How the device accepted the login, in plain words (in the page's language when read). */
export const AUTH_LABEL: Readonly<Record<DeviceIdentity['auth'], string>> = {
  get digest() {
    return t('components.deviceLogin.authDigest');
  },
  'ws-usernametoken': 'WS-UsernameToken',
};

/** From this far apart (in seconds) a device's clock is worth a warning. */
export const CLOCK_WARNING_SECONDS = 120;

/** "10 minutes", "3 hours", "2 days": a clock difference said roughly, in words. */
export function describeDuration(seconds: number): string {
  const minutes = Math.round(Math.abs(seconds) / 60);
  if (minutes < 120) return t('components.deviceLogin.minutes', { count: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t('components.deviceLogin.hours', { count: hours });
  return t('components.deviceLogin.days', { count: Math.round(hours / 24) });
}

/**
 * A plain warning when the device's clock is off by two minutes or more (positive offset = the device is ahead),
 * else null.
 */
export function clockWarning(offsetSeconds: number | null): string | null {
  if (offsetSeconds === null || Math.abs(offsetSeconds) < CLOCK_WARNING_SECONDS) return null;
  const duration = describeDuration(offsetSeconds);
  return offsetSeconds > 0
    ? t('components.deviceLogin.clockAhead', { duration })
    : t('components.deviceLogin.clockBehind', { duration });
}

/** True when the device can be asked for an ONVIF login: it answered ONVIF, announced an ONVIF address, or was added by hand. */
export function speaksOnvif(device: DiscoveredDevice): boolean {
  return device.onvifUrl !== null || device.sources.includes('onvif') || device.sources.includes('manual');
}

/** A short name for a device: brand and model (or its own name), else "this device". */
export function deviceTitle(
  device: Pick<DiscoveredDevice, 'brand' | 'model' | 'name'>,
  fallback = t('components.deviceLogin.unknownDevice'),
): string {
  const label = [device.brand, device.model ?? device.name].filter(Boolean).join(' ');
  return label || fallback;
}
