import { AppFailure } from '../../../shared/ipc/errors';
import type { AppContext } from '../types';

/**
 * The chosen NVR as a change to it needs it: its record entry, the device as main knows it now (else as recorded) and
 * its ONVIF address. No NVR or no ONVIF address: SECURITY_LOGIN_NEEDED (nothing is sent).
 */
export async function chosenNvrOnvif(ctx: AppContext) {
  const { setup: record } = await ctx.setup.load();
  const nvr = record.nvr;
  if (!nvr) throw new AppFailure('SECURITY_LOGIN_NEEDED');
  const device = await ctx.devices.byId(nvr.deviceId).catch(() => nvr.device);
  if (!device.onvifUrl) throw new AppFailure('SECURITY_LOGIN_NEEDED');
  return { nvr, device, url: new URL(device.onvifUrl) };
}
