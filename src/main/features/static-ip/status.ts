import type { SetupRecord } from '../../../shared/domain/setup';
import { stepState } from '../../../shared/domain/step-state';
import { said } from '../../../shared/i18n/said';
import { saidInEnglish } from '../../../shared/i18n/english';
import type { StaticIpReading, StaticIpResult } from '../../../shared/steps/static-ip';

/** What just happened on the Static IP step. */
export type StaticIpEvent = { kind: 'read'; reading: StaticIpReading } | { kind: 'changed'; result: StaticIpResult };

/**
 * Sets the Static IP step's status (the one place it is set), for the chosen NVR only, from a measurement: verified
 * when the device itself says (after a login) that DHCP is off and nothing is wrong with its address, or after a
 * verified change; attention with the first problem otherwise; working while only discovery's view is known.
 */
export function judgeStaticIp(draft: SetupRecord, deviceId: string, event: StaticIpEvent, at: Date): void {
  if (draft.nvr && draft.nvr.deviceId !== deviceId) return;
  const updatedAt = at.toISOString();
  if (event.kind === 'changed') {
    draft.steps['static-ip'] =
      event.result.outcome === 'verified'
        ? { status: 'verified', updatedAt }
        : { status: 'attention', updatedAt, reason: event.result.message.slice(0, 300) };
    return;
  }
  const { reading } = event;
  const problem = reading.findings.find((f) => f.severity === 'problem') ?? null;
  if (problem) {
    draft.steps['static-ip'] = stepState('attention', updatedAt, {
      text: problem.text.slice(0, 300),
      said: problem.said,
    });
    return;
  }
  // Static (read from the NVR itself), or the router way proven: the NVR has the address reserved for it.
  const staticOk =
    (reading.loggedIn && reading.settings.dhcp === false) || reading.findings.some((f) => f.code === 'reservation-ok');
  draft.steps['static-ip'] = staticOk
    ? { status: 'verified', updatedAt }
    : stepState(
        'working',
        updatedAt,
        saidInEnglish(said(reading.loggedIn ? 'wizard.reasons.static-ip.read' : 'wizard.reasons.static-ip.discovery')),
      );
}
