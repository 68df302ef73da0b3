import type { NetworkReport } from '../../../shared/domain/network';
import type { SetupRecord } from '../../../shared/domain/setup';
import type { StepState } from '../../../shared/domain/steps';
import { stepState } from '../../../shared/domain/step-state';
import { said } from '../../../shared/i18n/said';
import { saidInEnglish } from '../../../shared/i18n/english';

/**
 * The network step's status follows from measurements only: verified when an approach is chosen and the chosen
 * (or recommended) interface is usable in the latest measurement.
 */
export function networkStepState(record: SetupRecord, report: NetworkReport, at: Date): StepState {
  const updatedAt = at.toISOString();
  const name = record.interfaceName ?? report.recommended?.interfaceName ?? null;
  const iface = name ? report.interfaces.find((i) => i.name === name) : undefined;
  if (record.interfaceName && !iface)
    return stepState(
      'attention',
      updatedAt,
      saidInEnglish(said('wizard.reasons.network.interfaceGone', { name: record.interfaceName })),
    );
  if (!iface || !iface.usable)
    return stepState('attention', updatedAt, saidInEnglish(said('wizard.reasons.network.noConnection')));
  if (!record.approach) return stepState('working', updatedAt, saidInEnglish(said('wizard.reasons.network.chooseWay')));
  return { status: 'verified', updatedAt };
}

/** Sets the network step's status from the record's latest measurement (the one place it is set). */
export function judgeNetwork(draft: SetupRecord, at: Date): void {
  if (draft.network) draft.steps.network = networkStepState(draft, draft.network, at);
}
