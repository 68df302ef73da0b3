import { AppFailure, type ErrorCode } from '../../../shared/ipc/errors';
import type { AppContext } from '../types';

/**
 * The chosen NVR as a change to it needs it: its record entry, the device as main knows it now (else as recorded) and
 * its ONVIF address. No NVR or no ONVIF address: `needed` (nothing is sent), the words of the change that needs a login.
 */
export async function chosenNvrOnvif(ctx: AppContext, needed: ErrorCode = 'SECURITY_LOGIN_NEEDED') {
  const { setup: record } = await ctx.setup.load();
  const nvr = record.nvr;
  if (!nvr) throw new AppFailure(needed);
  const device = await ctx.devices.byId(nvr.deviceId).catch(() => nvr.device);
  if (!device.onvifUrl) throw new AppFailure(needed);
  return { nvr, device, url: new URL(device.onvifUrl) };
}
