// The UPnP re-check's rules (src/shared/domain/upnp.ts): how long to wait after a deletion before reading the router's
// list again, which listed mappings came back, and the verdict. The user's harm if a rule broke: a re-check that comes
// before the device's renewal (a mapping that comes back is missed and "still gone" is believed), one that never
// comes (0 s, or hours), or a verdict of "still gone" from a list that was never read to its end.
import { describe, expect, it } from 'vitest';
import {
  RECHECK_MARGIN_S,
  RECHECK_MAX_S,
  RECHECK_PERMANENT_S,
  judgeRecheck,
  mappingsBack,
  recheckDelay,
  upnpRecheckSchema,
  type UpnpAudit,
  type UpnpMapping,
} from '../../../../src/shared/domain/upnp';
import { judgeUpnp } from '../../../../src/shared/domain/upnp-findings';
import { upnpStep } from '../../../../src/shared/steps/upnp';

const mapping = (over: Partial<UpnpMapping> = {}): UpnpMapping => ({
  protocol: 'TCP',
  externalPort: 8000,
  internalClient: '192.168.1.64',
  internalPort: 8000,
  remoteHost: '',
  enabled: true,
  description: 'Hikvision SDK',
  leaseSeconds: 0,
  device: { id: 'dev-1', name: 'DS-7608NI-K2', brand: 'Hikvision' },
  camera: true,
  service: 'App/SDK port',
  ...over,
});

const IGD = {
  location: 'http://192.168.1.1:5000/rootDesc.xml',
  controlUrl: 'http://192.168.1.1:5000/ctl/IPConn',
  serviceType: 'urn:schemas-upnp-org:service:WANIPConnection:2',
  igdVersion: 2 as const,
  friendlyName: 'Home Router',
  manufacturer: 'Acme',
  modelName: 'R1',
  externalAddress: '203.0.113.2',
  connectionStatus: 'Connected',
};

function audit(over: Partial<Omit<UpnpAudit, 'findings'>> = {}, igdProblem: string | null = null): UpnpAudit {
  const base = {
    measuredAt: '2026-12-05T10:02:00.000Z',
    interfaceName: 'eth0',
    gateway: '192.168.1.1',
    igd: IGD,
    mappings: [] as UpnpMapping[],
    listEnd: 'complete' as const,
    natPmp: { present: false, externalAddress: null },
    elsewhere: [],
    ...over,
  };
  return { ...base, findings: judgeUpnp({ ...base, igdProblem }) };
}

const SDK = { protocol: 'TCP' as const, externalPort: 8000 };

describe('how long to wait before the re-check (recheckDelay)', () => {
  it('the documented constants: 10 s margin, 2 min for a permanent mapping, 10 min at most', () => {
    expect([RECHECK_MARGIN_S, RECHECK_PERMANENT_S, RECHECK_MAX_S]).toEqual([10, 120, 600]);
  });

  it('a leased mapping: just after its lease would run out (the device must have renewed by then)', () => {
    expect(recheckDelay([{ leaseSeconds: 30 }])).toBe(40);
    expect(recheckDelay([{ leaseSeconds: 1 }])).toBe(11);
    expect(recheckDelay([{ leaseSeconds: 300 }])).toBe(310);
  });

  it('several leased mappings: after the longest lease left, not the first or the shortest', () => {
    expect(recheckDelay([{ leaseSeconds: 30 }, { leaseSeconds: 200 }, { leaseSeconds: 50 }])).toBe(210);
    expect(recheckDelay([{ leaseSeconds: 200 }, { leaseSeconds: 30 }])).toBe(210);
  });

  it('a permanent mapping (lease 0): the 2-minute default, never 0 and never only the margin', () => {
    expect(recheckDelay([{ leaseSeconds: 0 }])).toBe(120);
    // beside a shorter lease the permanent mapping's default wins; beside a longer one the lease does
    expect(recheckDelay([{ leaseSeconds: 30 }, { leaseSeconds: 0 }])).toBe(120);
    expect(recheckDelay([{ leaseSeconds: 0 }, { leaseSeconds: 500 }])).toBe(510);
  });

  it('nothing to go by (no mapping): the same default, not 0', () => {
    expect(recheckDelay([])).toBe(120);
  });

  it('a long lease is not waited out: 10 minutes at most (the next check catches a later renewal)', () => {
    expect(recheckDelay([{ leaseSeconds: 589 }])).toBe(599);
    expect(recheckDelay([{ leaseSeconds: 590 }])).toBe(600);
    expect(recheckDelay([{ leaseSeconds: 591 }])).toBe(600);
    expect(recheckDelay([{ leaseSeconds: 86_400 }, { leaseSeconds: 0 }])).toBe(600);
  });
});

describe('which listed mappings came back (mappingsBack)', () => {
  it('a listed mapping counts only when both its protocol and its external port were deleted', () => {
    const listed = [
      mapping(),
      mapping({ protocol: 'UDP' }),
      mapping({ externalPort: 554, internalPort: 554 }),
      mapping({ externalPort: 9000, internalPort: 8000 }),
    ];
    expect(mappingsBack(listed, [SDK])).toEqual([listed[0]]);
    expect(
      mappingsBack(listed, [
        { protocol: 'UDP', externalPort: 8000 },
        { protocol: 'TCP', externalPort: 554 },
      ]),
    ).toEqual([listed[1], listed[2]]);
    expect(mappingsBack(listed, [])).toEqual([]);
  });
});

describe('the re-check’s verdict (judgeRecheck)', () => {
  it('a deleted mapping listed again: came back, naming the device and where it points', () => {
    const a = audit({ mappings: [mapping(), mapping({ externalPort: 554, internalPort: 554 })] });
    const r = judgeRecheck(a, [SDK, { protocol: 'TCP', externalPort: 80 }], 8);
    expect(r).toEqual({
      at: '2026-12-05T10:02:00.000Z',
      waitedS: 8,
      watched: [SDK, { protocol: 'TCP', externalPort: 80 }],
      cameBack: [
        {
          protocol: 'TCP',
          externalPort: 8000,
          internalClient: '192.168.1.64',
          internalPort: 8000,
          device: 'DS-7608NI-K2',
        },
      ],
      outcome: 'came-back',
    });
    expect(upnpRecheckSchema.parse(r)).toEqual(r);
  });

  it('an unknown device at the address: named by its address (device null)', () => {
    const r = judgeRecheck(audit({ mappings: [mapping({ device: null, camera: false })] }), [SDK], 8);
    expect(r.cameBack).toEqual([expect.objectContaining({ device: null, internalClient: '192.168.1.64' })]);
    expect(r.outcome).toBe('came-back');
  });

  it('the whole list read without it: still gone', () => {
    expect(judgeRecheck(audit({ mappings: [mapping({ externalPort: 554 })] }), [SDK], 120).outcome).toBe('still-gone');
  });

  it('UPnP and NAT-PMP no longer answer at the router: still gone (nothing can open it)', () => {
    expect(judgeRecheck(audit({ igd: null }), [SDK], 120).outcome).toBe('still-gone');
  });

  it('a list read only in part, an unreadable gateway, NAT-PMP still on or a cancelled search: nothing proven', () => {
    for (const listEnd of ['limit', 'refused', 'unreadable', 'unreachable', 'cancelled'] as const)
      expect(judgeRecheck(audit({ listEnd }), [SDK], 8).outcome, listEnd).toBe('unproven');
    expect(judgeRecheck(audit({ igd: null }, 'its description did not load.'), [SDK], 8).outcome).toBe('unproven');
    expect(judgeRecheck(audit({ igd: null, natPmp: { present: true, externalAddress: null } }), [SDK], 8).outcome).toBe(
      'unproven',
    );
    expect(judgeRecheck(audit({ igd: null, listEnd: 'cancelled' }), [SDK], 8).outcome).toBe('unproven');
  });

  it('a mapping that came back is named even from a list read in part', () => {
    expect(judgeRecheck(audit({ mappings: [mapping()], listEnd: 'limit' }), [SDK], 8).outcome).toBe('came-back');
  });

  it('only the keys of what it watched are kept (no stray fields from the record)', () => {
    const watched = [{ ...SDK, gone: true, message: 'x' }];
    expect(judgeRecheck(audit(), watched, 8).watched).toEqual([SDK]);
  });
});

describe('the UPnP record slice, version 2', () => {
  it('a version-1 slice gains an empty re-check: no delay, no re-check yet; the rest is kept', () => {
    const slice = upnpStep.record;
    expect(slice.version).toBe(2);
    const v1 = { schemaVersion: 3, upnp: { audit: null, deleted: [{ protocol: 'TCP', externalPort: 8000 }] } };
    expect(slice.migrations[2](v1)).toEqual({
      schemaVersion: 3,
      upnp: { audit: null, deleted: [{ protocol: 'TCP', externalPort: 8000 }], recheckAfterS: null, recheck: null },
    });
    expect(slice.empty()).toEqual({ upnp: { audit: null, deleted: null, recheckAfterS: null, recheck: null } });
  });

  it('a slice that is missing or not an object is left for the parser (defaults or refusal), not invented', () => {
    const slice = upnpStep.record;
    for (const upnp of [undefined, null, 'x', [1]]) {
      const record = { schemaVersion: 3, upnp };
      expect(slice.migrations[2](record), JSON.stringify(upnp)).toBe(record);
    }
  });
});
