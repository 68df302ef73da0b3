import type { SetupRecord } from '../../../shared/domain/setup';
import type { UpnpAudit } from '../../../shared/domain/upnp';

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
    draft.steps.upnp = {
      status: 'attention',
      updatedAt,
      reason: 'No router found: this computer has no default gateway.',
    };
  else if (cameras)
    draft.steps.upnp = {
      status: 'attention',
      updatedAt,
      reason: `${cameras} UPnP mapping${cameras === 1 ? '' : 's'} open${cameras === 1 ? 's' : ''} a camera or the NVR to the internet.`,
    };
  else if (has('igd-unreadable') || has('list-incomplete'))
    draft.steps.upnp = { status: 'attention', updatedAt, reason: 'The router’s UPnP mappings could not all be read.' };
  else if (audit.igd || audit.natPmp.present)
    draft.steps.upnp = {
      status: 'working',
      updatedAt,
      reason: `No camera is mapped now, but ${audit.igd ? 'UPnP' : 'NAT-PMP'} is on at the router: turn it off.`,
    };
  else draft.steps.upnp = { status: 'verified', updatedAt };
}
