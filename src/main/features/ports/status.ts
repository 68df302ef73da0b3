import type { NetworkProtocol } from '../../protocol/onvif-soap';
import type { PortApplyResult, PortReport } from '../../../shared/domain/ports';
import type { SetupRecord } from '../../../shared/domain/setup';
import { portsStepVerdict } from '../../services/ports/port-verdict';

/** One line for the Ports step's sidebar after a measurement. */
export function portsSummary(report: PortReport): string {
  const open = report.rows.filter((r) => r.state === 'open');
  const high = open.filter((r) => r.risk.level === 'high').length;
  const defaults = open.filter((r) => r.isDefault).length;
  const parts = [`${open.length} open port(s)`];
  if (defaults) parts.push(`${defaults} on factory numbers`);
  if (high) parts.push(`${high} high-risk`);
  return `${parts.join(', ')}. Plan new ports below.`;
}

/** What just happened on the Ports step, with what judging it needs. */
export type PortsEvent =
  | { kind: 'measured'; report: PortReport }
  | { kind: 'changed'; result: PortApplyResult; brand: string | null; protocols: NetworkProtocol[] | null };

/**
 * Sets the Ports step's status (the one place it is set), for the chosen NVR only. After a measurement: still
 * verified if it was and no web or video port is on a factory number, else working with a summary. After a change:
 * the verdict of the change and the device's ports now.
 */
export function judgePorts(draft: SetupRecord, deviceId: string, event: PortsEvent, at: Date): void {
  if (draft.nvr && draft.nvr.deviceId !== deviceId) return;
  const updatedAt = at.toISOString();
  if (event.kind === 'measured') {
    const wasVerified = draft.steps.ports?.status === 'verified';
    const defaults = event.report.rows.filter(
      (r) => r.state === 'open' && r.isDefault && (r.role === 'http' || r.role === 'https' || r.role === 'rtsp'),
    );
    draft.steps.ports =
      wasVerified && defaults.length === 0
        ? { status: 'verified', updatedAt }
        : { status: 'working', updatedAt, reason: portsSummary(event.report) };
    return;
  }
  const verdict = portsStepVerdict(draft.ports[deviceId]?.report ?? null, event.result, event.brand, event.protocols);
  draft.steps.ports = verdict.verified
    ? { status: 'verified', updatedAt }
    : { status: 'attention', updatedAt, reason: verdict.reason };
}
