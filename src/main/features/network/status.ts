import type { NetworkReport } from '../../../shared/domain/network';
import type { SetupRecord } from '../../../shared/domain/setup';
import type { StepState } from '../../../shared/domain/steps';

/**
 * The network step's status follows from measurements only: verified when an approach is chosen and the chosen
 * (or recommended) interface is usable in the latest measurement.
 */
export function networkStepState(record: SetupRecord, report: NetworkReport, at: Date): StepState {
  const updatedAt = at.toISOString();
  const name = record.interfaceName ?? report.recommended?.interfaceName ?? null;
  const iface = name ? report.interfaces.find((i) => i.name === name) : undefined;
  if (record.interfaceName && !iface)
    return {
      status: 'attention',
      updatedAt,
      reason: `The interface you chose (${record.interfaceName}) is gone. Pick another one.`,
    };
  if (!iface || !iface.usable)
    return {
      status: 'attention',
      updatedAt,
      reason: 'No usable network connection was found. Connect this computer to the NVR’s network.',
    };
  if (!record.approach) return { status: 'working', updatedAt, reason: 'Choose how you want to reach the NVR.' };
  return { status: 'verified', updatedAt };
}

/** Sets the network step's status from the record's latest measurement (the one place it is set). */
export function judgeNetwork(draft: SetupRecord, at: Date): void {
  if (draft.network) draft.steps.network = networkStepState(draft, draft.network, at);
}
