import type { NetworkProtocol } from '../../protocol/onvif-soap';
import type { PortApplyResult, PortReport } from '../../../shared/domain/ports';
import type { SetupRecord } from '../../../shared/domain/setup';
import { portsStepVerdict } from '../../services/ports/port-verdict';
import { saidInEnglish } from '../../../shared/i18n/english';
import { said, type Said } from '../../../shared/i18n/said';
import { stepState } from '../../../shared/domain/step-state';

/** One line for the Ports step's sidebar after a measurement: main's English, and the same words by key. */
export function portsSummaryWords(report: PortReport): { text: string; said: Said } {
  const open = report.rows.filter((r) => r.state === 'open');
  const high = String(open.filter((r) => r.risk.level === 'high').length);
  const defaults = String(open.filter((r) => r.isDefault).length);
  const count = String(open.length);
  const words =
    defaults !== '0' && high !== '0'
      ? said('wizard.reasons.ports.summaryDefaultsHigh', { open: count, defaults, high })
      : defaults !== '0'
        ? said('wizard.reasons.ports.summaryDefaults', { open: count, defaults })
        : high !== '0'
          ? said('wizard.reasons.ports.summaryHigh', { open: count, high })
          : said('wizard.reasons.ports.summary', { open: count });
  return saidInEnglish(words);
}

/** One line for the Ports step's sidebar after a measurement. */
export function portsSummary(report: PortReport): string {
  return portsSummaryWords(report).text;
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
        : stepState('working', updatedAt, portsSummaryWords(event.report));
    return;
  }
  const verdict = portsStepVerdict(draft.ports[deviceId]?.report ?? null, event.result, event.brand, event.protocols);
  draft.steps.ports = verdict.verified
    ? { status: 'verified', updatedAt }
    : stepState('attention', updatedAt, { text: verdict.reason, said: verdict.said });
}
