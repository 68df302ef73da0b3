import type { SetupRecord } from '../../../shared/domain/setup';
import type { UpnpAudit } from '../../../shared/domain/upnp';
import { stepState } from '../../../shared/domain/step-state';
import { said } from '../../../shared/i18n/said';
import { saidInEnglish } from '../../../shared/i18n/english';

/**
 * Sets the UPnP step's status from an audit (the one place it is set). Verified only when neither UPnP nor NAT-PMP
 * answers at the router; attention when a mapping opens a camera, or the list could not be read; working while
 * UPnP is on without a camera mapping (nothing exposed now, but any device could open a port at any time).
 */
export function judgeUpnpStep(draft: SetupRecord, audit: UpnpAudit, at: Date): void {
  const updatedAt = at.toISOString();
  const has = (code: UpnpAudit['findings'][number]['code']) => audit.findings.some((f) => f.code === code);
  const cameras = audit.mappings.filter((m) => m.camera).length;
  if (!audit.gateway)
    draft.steps.upnp = stepState('attention', updatedAt, saidInEnglish(said('wizard.reasons.upnp.noRouter')));
  else if (cameras)
    draft.steps.upnp = stepState(
      'attention',
      updatedAt,
      saidInEnglish(said('wizard.reasons.upnp.cameras', { count: cameras })),
    );
  else if (has('igd-unreadable') || has('list-incomplete'))
    draft.steps.upnp = stepState('attention', updatedAt, saidInEnglish(said('wizard.reasons.upnp.unreadable')));
  else if (audit.igd || audit.natPmp.present)
    draft.steps.upnp = stepState(
      'working',
      updatedAt,
      saidInEnglish(said(audit.igd ? 'wizard.reasons.upnp.upnpOn' : 'wizard.reasons.upnp.natPmpOn')),
    );
  else draft.steps.upnp = { status: 'verified', updatedAt };
}
