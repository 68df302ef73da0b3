import type { SetupRecord } from '../../../shared/domain/setup';
import { planStepState, stepState } from '../../../shared/domain/step-state';
import type { VpnCheck } from '../../../shared/domain/vpn-check';
import type { VpnPlan } from '../../../shared/domain/vpn-plan';
import { said } from '../../../shared/i18n/said';
import { saidInEnglish } from '../../../shared/i18n/english';

/**
 * Sets the VPN step's status from a plan (the one place it is set). Never verified here: only a phone on mobile data
 * can prove the tunnel from outside. Attention when no home server can work (CGNAT, a router without WireGuard) or
 * the plan names a problem; working once there is a plan to set up.
 */
export function judgeVpn(draft: SetupRecord, plan: VpnPlan, at: Date): void {
  draft.steps.vpn = planStepState(
    plan.findings,
    at.toISOString(),
    saidInEnglish(said('wizard.reasons.vpn.plan', { server: plan.serverName })),
  );
}

/**
 * Sets the VPN step's status from the check from inside. Still never verified: what only a phone on mobile data can
 * prove stays the user's test. Attention when the server did not answer with the plan's keys, the name the devices
 * dial is wrong, or an NVR port is reachable from outside; working, with the phone test as the reason, otherwise.
 */
export function judgeVpnChecked(draft: SetupRecord, check: VpnCheck): void {
  const updatedAt = check.checkedAt;
  const wrong = [check.server, check.endpoint, check.exposure].find((part) => part.ok === false);
  draft.steps.vpn = wrong
    ? stepState('attention', updatedAt, wrong)
    : stepState('working', updatedAt, saidInEnglish(said('wizard.reasons.vpn.phoneTest')));
}
