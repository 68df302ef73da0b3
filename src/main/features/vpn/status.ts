import type { SetupRecord } from '../../../shared/domain/setup';
import type { VpnPlan } from '../../../shared/domain/vpn-plan';

/**
 * Sets the VPN step's status from a plan (the one place it is set). Never verified here: only a phone on mobile data
 * can prove the tunnel from outside. Attention when no home server can work (CGNAT, a router without WireGuard) or
 * the plan names a problem; working once there is a plan to set up.
 */
export function judgeVpn(draft: SetupRecord, plan: VpnPlan, at: Date): void {
  const updatedAt = at.toISOString();
  const problem = plan.findings.find((f) => f.severity === 'problem');
  draft.steps.vpn = problem
    ? { status: 'attention', updatedAt, reason: problem.text.slice(0, 500) }
    : {
        status: 'working',
        updatedAt,
        reason: `Set up the server (${plan.serverName}), import each device’s config, then test from a phone on mobile data.`,
      };
}
