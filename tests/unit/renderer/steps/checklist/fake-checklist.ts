import type { SetupRecord } from '../../../../../src/shared/domain/setup';
import { judgeSecurity, securityInputFromRecord } from '../../../../../src/shared/domain/security';
import { fakeDevice, fakeSetup } from '../../fake-api';
import { fakeMapping } from '../upnp/fake-upnp';

// Setups for the Checklist step's tests (checklist-step.test.ts, i18n/checklist-pseudo.test.ts).

/** When the half-done setup's steps were verified, its NVR chosen, its UPnP and security checked. */
export const HALF_DONE_AT = '2026-03-01T10:00:00.000Z';

/** A setup half done: the NVR chosen, three steps verified, UPnP needing attention. */
export function halfRecord(): SetupRecord {
  const device = fakeDevice();
  const done = { status: 'verified' as const, updatedAt: HALF_DONE_AT };
  return fakeSetup({
    devices: [device],
    nvr: { deviceId: device.id, device, chosenAt: HALF_DONE_AT },
    steps: {
      network: done,
      find: done,
      ports: done,
      upnp: {
        status: 'attention',
        updatedAt: done.updatedAt,
        reason: 'A mapping to the NVR came back after deletion.',
      },
    },
  });
}

/** The half-done setup with the NVR's port 8000 opened by UPnP, and the Security step's check of it. */
export function exposedRecord(): SetupRecord {
  const r = halfRecord();
  r.upnp.audit = {
    measuredAt: HALF_DONE_AT,
    interfaceName: 'eth0',
    gateway: '192.168.1.1',
    igd: null,
    mappings: [fakeMapping({ description: 'hik', leaseSeconds: 0, device: null, service: 'sdk' })],
    listEnd: 'complete',
    natPmp: { present: false, externalAddress: null },
    elsewhere: [],
    findings: [{ code: 'camera-mapped', severity: 'problem', text: 'The NVR opened port 8000 itself.', evidence: [] }],
  };
  r.security.last = judgeSecurity(securityInputFromRecord(r), HALF_DONE_AT);
  return r;
}
