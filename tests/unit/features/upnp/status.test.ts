// The UPnP step's status. What the user would lose: a step verified while a UPnP mapping opens their NVR or a camera
// to the internet, while the list could not be read, or while UPnP is on (any device can open a port at any time).
import { describe, expect, it } from 'vitest';
import { judgeUpnpStep } from '../../../../src/main/features/upnp/status';
import type { UpnpAudit } from '../../../../src/shared/domain/upnp';
import { fullRecord } from '../../shared/domain/checklist-fixture';

const AT = new Date('2026-03-05T00:00:00.000Z');
const NOW = AT.toISOString();
type Code = UpnpAudit['findings'][number]['code'];
const base = (): UpnpAudit => structuredClone(fullRecord().upnp.audit!);
const camera = base().mappings[0]!;
const audit = (over: Partial<UpnpAudit>, codes: Code[] = []): UpnpAudit => ({
  ...base(),
  mappings: [],
  findings: codes.map((code) => ({ code, severity: 'info', text: code, evidence: [] })),
  ...over,
});
const judged = (a: UpnpAudit) => {
  const r = fullRecord();
  judgeUpnpStep(r, a, AT);
  return r.steps.upnp;
};

describe('judgeUpnpStep', () => {
  it('no default gateway: attention, saying no router was found', () => {
    expect(judged(audit({ gateway: null, igd: null }))).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason: 'No router found: this computer has no default gateway.',
      reasonSaid: { key: 'wizard.reasons.upnp.noRouter' },
    });
  });

  it('a mapping that opens a camera is attention, counted, singular and plural', () => {
    expect(judged(audit({ mappings: [camera, { ...camera, camera: false, externalPort: 9000 }] }))).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason: '1 UPnP mapping opens a camera or the NVR to the internet.',
      reasonSaid: { key: 'wizard.reasons.upnp.cameras', params: { count: 1 } },
    });
    expect(judged(audit({ mappings: [camera, { ...camera, externalPort: 554 }] }))?.reason).toBe(
      '2 UPnP mappings open a camera or the NVR to the internet.',
    );
  });

  it('a list that could not be read (or only in part) is attention, never verified', () => {
    for (const code of ['igd-unreadable', 'list-incomplete'] as const)
      expect(judged(audit({ igd: null }, ['upnp-off', code]))).toEqual({
        status: 'attention',
        updatedAt: NOW,
        reason: 'The router’s UPnP mappings could not all be read.',
        reasonSaid: { key: 'wizard.reasons.upnp.unreadable' },
      });
  });

  it('UPnP or NAT-PMP on without a camera mapping is working, asking to turn it off, naming which', () => {
    expect(judged(audit({ mappings: [{ ...camera, camera: false }] }, ['upnp-on']))).toEqual({
      status: 'working',
      updatedAt: NOW,
      reason: 'No camera is mapped now, but UPnP is on at the router: turn it off.',
      reasonSaid: { key: 'wizard.reasons.upnp.upnpOn' },
    });
    expect(judged(audit({ igd: null, natPmp: { present: true, externalAddress: null } }))?.reason).toBe(
      'No camera is mapped now, but NAT-PMP is on at the router: turn it off.',
    );
  });

  it('neither UPnP nor NAT-PMP answering at the router verifies the step', () => {
    expect(judged(audit({ igd: null }, ['upnp-off']))).toEqual({ status: 'verified', updatedAt: NOW });
  });
});
