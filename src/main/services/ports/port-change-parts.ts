// Ports changed one at a time (ApplyOptions.oneAtATime in port-change.ts): the device as each verified part leaves
// it, and the one result the user sees for all the parts. Pure.
import type { DiscoveredDevice } from '../../../shared/domain/device';
import type { PortApplyResult } from '../../../shared/domain/ports';
import { joinedMessages, messageOf, partsSentences } from './port-change-words';

/** The device as it is after a verified change: its ports, and the device service when it moved with HTTP. */
export function movedBy(device: DiscoveredDevice, result: PortApplyResult): DiscoveredDevice {
  const moved = structuredClone(device);
  for (const c of result.changes) if (c.verified) moved.ports[c.role] = c.to;
  if (result.onvifUrl) moved.onvifUrl = result.onvifUrl;
  return moved;
}

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
  if (failed)
    return { ...base, outcome: 'failed', message: failed.message, ...(failed.said ? { said: failed.said } : {}) };
  if (kept.length === 0) return { ...base, outcome: 'verified', ...joinedMessages(parts) };
  // What the NVR kept (and what that means for the way in from outside), after what it moved (none: each refused).
  return { ...base, outcome: moved.length ? 'partial' : 'restored', ...messageOf(partsSentences(moved, kept)) };
}
