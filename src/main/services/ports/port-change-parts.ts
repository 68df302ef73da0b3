// Ports changed one at a time (ApplyOptions.oneAtATime in port-change.ts): the device as each verified part leaves
// it, and the one result the user sees for all the parts. Pure.
import type { DiscoveredDevice } from '../../../shared/domain/device';
import type { OnvifRole, PortApplyResult } from '../../../shared/domain/ports';
import { LABEL } from './port-verify';

/** The device as it is after a verified change: its ports, and the device service when it moved with HTTP. */
export function movedBy(device: DiscoveredDevice, result: PortApplyResult): DiscoveredDevice {
  const moved = structuredClone(device);
  for (const c of result.changes) if (c.verified) moved.ports[c.role] = c.to;
  if (result.onvifUrl) moved.onvifUrl = result.onvifUrl;
  return moved;
}

/** What a port the device keeps means for the way in from outside. */
const KEPT_ADVICE: Readonly<Record<OnvifRole, string>> = {
  http: 'Do not forward the web page’s port: reach the NVR’s page from outside through the VPN.',
  https: 'Do not forward the encrypted web page’s port as it is: reach it from outside through the VPN.',
  rtsp: 'Do not forward RTSP: watch the video from outside through the VPN or the maker’s app.',
};

/** One result for changes made one at a time: verified, partial (some moved, the rest kept), restored or failed. */
export function combineParts(device: DiscoveredDevice, parts: readonly PortApplyResult[], at: string): PortApplyResult {
  const changes = parts.flatMap((p) => p.changes).slice(0, 8);
  const moved = parts.filter((p) => p.outcome === 'verified').flatMap((p) => p.changes);
  const kept = parts.filter((p) => p.outcome === 'restored').flatMap((p) => p.changes);
  const failed = parts.find((p) => p.outcome === 'failed');
  const warnings = parts.flatMap((p) => p.confirmedWarnings ?? []).slice(0, 16);
  const base = {
    deviceId: device.id,
    changes,
    onvifUrl: parts.at(-1)?.onvifUrl ?? device.onvifUrl,
    at,
    ...(warnings.length ? { confirmedWarnings: warnings } : {}),
  };
  if (failed) return { ...base, outcome: 'failed', message: failed.message };
  if (kept.length === 0)
    return {
      ...base,
      outcome: 'verified',
      message: parts
        .map((p) => p.message)
        .join(' ')
        .slice(0, 1000),
    };
  const list = (cs: typeof changes, pick: (c: (typeof changes)[number]) => string) => cs.map(pick).join(' and ');
  if (moved.length === 0)
    return {
      ...base,
      outcome: 'restored',
      message:
        `The NVR refused each port on its own too: it keeps ${list(kept, (c) => `${LABEL[c.role]} on ${c.from}`)}. ` +
        'The app put each back and checked it; nothing is changed on the device. ' +
        kept.map((c) => KEPT_ADVICE[c.role]).join(' '),
    };
  return {
    ...base,
    outcome: 'partial',
    message: (
      `Done, and checked: ${list(moved, (c) => `${LABEL[c.role]} from ${c.from} to ${c.to}`)}. ` +
      `The NVR keeps ${list(kept, (c) => `${LABEL[c.role]} on ${c.from}`)}: it refused to move ${kept.length > 1 ? 'them' : 'it'}, ` +
      `and the app put ${kept.length > 1 ? 'them' : 'it'} back and checked. ` +
      kept.map((c) => KEPT_ADVICE[c.role]).join(' ')
    ).slice(0, 1000),
  };
}
