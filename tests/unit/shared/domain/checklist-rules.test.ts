// The checklist's rules, built inside each test: how the NVR's address is described (a static address the app set,
// a reservation in the router, DHCP off on the device, DHCP on — or not known), when a step counts as verified, and
// each part of the setup carried over value for value. What the user (or whoever maintains the system) would lose: a
// DHCP address shown as fixed, a verification date on a step that is not verified, or a fact dropped from the copy.
import { describe, expect, it } from 'vitest';
import { buildChecklist } from '../../../../src/shared/domain/checklist';
import { checklistContent, checklistFileName } from '../../../../src/shared/domain/checklist-export';
import { field } from '../../../../src/shared/domain/checklist-pick';
import type { SetupRecord } from '../../../../src/shared/domain/setup';
import { fullRecord, NVR_NAME } from './checklist-fixture';

const META = { madeAt: '2026-03-02T08:00:00.000Z', appVersion: '9.9.9' };
const T = '2026-03-01T10:00:00.000Z';
const ID = 'mac:44:19:b6:00:00:01';
const build = (r: SetupRecord | unknown) => buildChecklist(r, META);
type Finding = NonNullable<SetupRecord['staticIp'][string]['reading']>['findings'][number];
const reservationOk: Finding = { code: 'reservation-ok', severity: 'ok', text: 'Reserved.', evidence: [] };

/** The full record with its Static IP slice edited: no verified change unless `keepChange`. */
const withIp = (edit: (ip: SetupRecord['staticIp'][string], r: SetupRecord) => void, keepChange = false) => {
  const r = fullRecord();
  const ip = r.staticIp[ID]!;
  if (!keepChange) ip.lastChange = null;
  edit(ip, r);
  return r;
};
const nvr = (over: object) => ({
  chosen: true,
  name: NVR_NAME,
  brand: 'Hikvision',
  model: 'DS-7608NI-K2',
  firmware: 'V4.30.085 build 200916',
  mac: '44:19:b6:00:00:01',
  ...over,
});

describe('the NVR’s address on the checklist', () => {
  it('no NVR chosen: says so', () => {
    const r = fullRecord();
    r.nvr = null;
    expect(build(r).nvr).toEqual({
      chosen: false,
      name: null,
      brand: null,
      model: null,
      firmware: null,
      mac: null,
      address: null,
      addressKind: 'unknown',
      addressBasis: 'No NVR chosen yet.',
      said: { key: 'checklist.said.basis.noNvr' },
    });
  });

  it('set static by the app and verified: the changed address, and when', () => {
    expect(build(fullRecord()).nvr).toEqual(
      nvr({
        address: '192.168.1.20',
        addressKind: 'static',
        addressBasis: `Set static by the app and verified (${T}).`,
        said: { key: 'checklist.said.basis.setByApp', params: { time: T } },
      }),
    );
  });

  it('a change not verified is not "set static by the app"; a verified change without an address keeps the found one', () => {
    const failed = withIp((ip) => {
      ip.lastChange = { ...fullRecord().staticIp[ID]!.lastChange!, outcome: 'failed' };
      ip.reading = null;
    }, true);
    expect(build(failed).nvr.addressKind).toBe('unknown');
    const noAddress = withIp((ip) => {
      ip.lastChange!.address = null;
    }, true);
    expect(build(noAddress).nvr.address).toBe('192.168.1.64');
  });

  it('reserved in the router: the reserved address, else the one read, else the one found', () => {
    const basis = 'Reserved for its MAC in the router, and the device has that address.';
    const reservedSaid = { said: { key: 'checklist.said.basis.reserved' } };
    const reserved = withIp((ip) => {
      ip.reading!.findings = [reservationOk];
      ip.reading!.settings.dhcp = true;
      ip.reservation = { ...(ip.reservation ?? {}), address: '192.168.1.30' } as never;
    });
    expect(build(reserved).nvr).toEqual(
      nvr({ address: '192.168.1.30', addressKind: 'reserved', addressBasis: basis, ...reservedSaid }),
    );
    const read = withIp((ip) => {
      ip.reading!.findings = [reservationOk];
      ip.reservation = null;
    });
    expect(build(read).nvr).toEqual(
      nvr({ address: '192.168.1.20', addressKind: 'reserved', addressBasis: basis, ...reservedSaid }),
    );
    const found = withIp((ip) => {
      ip.reading!.findings = [reservationOk];
      ip.reading!.settings.address = null;
      ip.reservation = null;
    });
    expect(build(found).nvr.address).toBe('192.168.1.64');
  });

  it('DHCP off read from the device: static, the address it reports (else the one found)', () => {
    const r = withIp(() => {});
    expect(build(r).nvr).toEqual(
      nvr({
        address: '192.168.1.20',
        addressKind: 'static',
        addressBasis: 'The device reports DHCP off (a fixed address).',
        said: { key: 'checklist.said.basis.dhcpOff' },
      }),
    );
    const noAddress = withIp((ip) => {
      ip.reading!.settings.address = null;
    });
    expect(build(noAddress).nvr.address).toBe('192.168.1.64');
  });

  it('DHCP on read from the device: "it may change", with the address it reports', () => {
    const r = withIp((ip) => {
      ip.reading!.settings.dhcp = true;
      ip.reading!.settings.address = '192.168.1.150';
    });
    expect(build(r).nvr).toEqual(
      nvr({
        address: '192.168.1.150',
        addressKind: 'dhcp',
        addressBasis: 'The device takes its address from DHCP: it may change.',
        said: { key: 'checklist.said.basis.dhcp' },
      }),
    );
  });

  it('no reading but discovery says DHCP: dhcp, the address found; discovery saying static proves nothing', () => {
    const dhcp = withIp((ip, r) => {
      ip.reading = null;
      r.nvr!.device.dhcp = true;
    });
    expect(build(dhcp).nvr).toMatchObject({ address: '192.168.1.64', addressKind: 'dhcp' });
    const staticSaid = withIp((ip, r) => {
      ip.reading = null;
      r.nvr!.device.dhcp = false;
    });
    expect(build(staticSaid).nvr).toMatchObject({
      addressKind: 'unknown',
      addressBasis: 'The address settings were not checked yet (Static IP step).',
    });
  });

  it('a reading whose DHCP is not known is not judged by discovery’s word', () => {
    const r = withIp((ip, rec) => {
      ip.reading!.settings.dhcp = null;
      rec.nvr!.device.dhcp = true;
    });
    expect(build(r).nvr.addressKind).toBe('unknown');
  });

  it('no Static IP slice at all but discovery says DHCP: dhcp, the address found, no throw', () => {
    const r = fullRecord();
    r.staticIp = {};
    r.nvr!.device.dhcp = true;
    expect(build(r).nvr).toMatchObject({ address: '192.168.1.64', addressKind: 'dhcp' });
  });

  it('no Static IP slice at all: unknown, the address found', () => {
    const r = fullRecord();
    r.staticIp = {};
    expect(build(r).nvr).toMatchObject({ address: '192.168.1.64', addressKind: 'unknown' });
  });

  it('the MAC: discovery’s, else the one read from the device, else the one the change saw', () => {
    const fromReading = withIp((ip, r) => {
      r.nvr!.device.mac = null;
      ip.reading!.mac = 'aa:aa:aa:aa:aa:aa';
    });
    expect(build(fromReading).nvr.mac).toBe('aa:aa:aa:aa:aa:aa');
    const fromChange = withIp((ip, r) => {
      r.nvr!.device.mac = null;
      ip.reading = null;
      ip.lastChange!.mac = 'bb:bb:bb:bb:bb:bb';
    }, true);
    expect(build(fromChange).nvr.mac).toBe('bb:bb:bb:bb:bb:bb');
    const noChange = withIp((ip, r) => {
      r.nvr!.device.mac = null;
      ip.reading!.mac = null;
    });
    expect(build(noChange).nvr.mac).toBeNull();
  });
});

describe('the steps and what is left to do', () => {
  it('a verified step carries its verification time; any other status none', () => {
    const c = build(fullRecord());
    expect(c.steps.find((s) => s.id === 'ports')).toEqual({
      id: 'ports',
      title: expect.any(String),
      status: 'verified',
      updatedAt: T,
      verifiedAt: T,
      reason: null,
    });
    expect(c.steps.find((s) => s.id === 'upnp')).toMatchObject({ status: 'attention', updatedAt: T, verifiedAt: null });
  });

  it('a step without a reason reads its status’s words; with one, the words then the reason, trimmed', () => {
    const r = fullRecord();
    r.steps.upnp = { status: 'attention', updatedAt: T };
    r.steps.ddns = { status: 'working', updatedAt: T, reason: 'Waiting for the resolver.  ' };
    const c = build(r);
    expect(c.todo.find((t) => t.step === 'upnp')?.reason).toBe('Needs attention.');
    expect(c.todo.find((t) => t.step === 'ddns')?.reason).toBe('Started and not finished. Waiting for the resolver.');
    expect(c.recordUpdatedAt).toBe(T);
  });
});

describe('each part carried over, value for value', () => {
  it('the ports open now with their role (none for a port without one), and the change', () => {
    const c = build(fullRecord());
    expect(c.ports).toEqual({
      measuredAt: T,
      address: '192.168.1.20',
      open: [
        { port: 8443, state: 'open', service: 'https', role: 'https', risk: 'low' },
        { port: 8000, state: 'open', service: 'sdk', role: 'sdk', risk: 'medium' },
        { port: 23, state: 'open', service: 'telnet', role: null, risk: 'high' },
      ],
      lastChange: {
        outcome: 'verified',
        at: T,
        message: 'HTTPS moved from 443 to 8443 and answers there.',
        changes: [{ role: 'https', from: 443, to: 8443, verified: true }],
      },
    });
  });

  it('UPnP: whether a gateway and NAT-PMP answer, each mapping with its device (or none), the deletions and re-check', () => {
    const r = fullRecord();
    expect(build(r).upnp).toMatchObject({ igd: true, natPmp: false, deleted: 0, recheck: null });
    r.upnp.audit!.igd = null;
    r.upnp.audit!.natPmp = { present: true, externalAddress: null };
    r.upnp.audit!.mappings[0]!.device = null;
    r.upnp.deleted = [
      { protocol: 'TCP', externalPort: 8000, accepted: true, gone: true, errorCode: null, message: 'gone' },
    ];
    r.upnp.recheck = { outcome: 'came-back', at: T } as never;
    const u = build(r).upnp!;
    expect(u).toMatchObject({ igd: false, natPmp: true, deleted: 1, recheck: { outcome: 'came-back', at: T } });
    expect(u.mappings[0]!.device).toBeNull();
    const noNatPmp = build({ ...r, upnp: { ...r.upnp, audit: { ...r.upnp.audit!, natPmp: undefined } } }).upnp!;
    expect(noNatPmp.natPmp).toBe(false);
  });

  it('DDNS: each name with its address and last success (none when never), and the check', () => {
    const r = fullRecord();
    expect(build(r).ddns).toEqual({
      names: [
        { host: 'shop-nvr.duckdns.org', provider: 'duckdns', address: '203.0.113.7', successAt: T, outcome: 'updated' },
      ],
      check: {
        host: 'shop-nvr.duckdns.org',
        verdict: 'ok',
        words: 'The name points to 203.0.113.7.',
        checkedAt: T,
      },
    });
    r.ddns.hosts[0]!.address = null;
    r.ddns.hosts[0]!.successAt = null;
    expect(build(r).ddns.names[0]).toMatchObject({ address: null, successAt: null });
  });

  it('a malformed entry in a list (a DDNS name without its fields) is left out, the good ones kept', () => {
    const r = fullRecord();
    const hosts = [...r.ddns.hosts, { host: 42 }];
    const c = build({ ...r, ddns: { ...r.ddns, hosts } });
    expect(c.ddns.names.map((n) => n.host)).toEqual(['shop-nvr.duckdns.org']);
  });

  it('the Internet side: the public address and its verdict, the proof’s rows with whether each is as it should be', () => {
    const r = fullRecord();
    const c = build(r);
    expect(c.internet.publicAddress).toEqual({
      measuredAt: T,
      address: '203.0.113.7',
      verdict: 'public-on-router',
      title: r.internet.check!.verdict.title,
      advice: r.internet.check!.verdict.advice,
      said: r.internet.check!.verdict.said,
    });
    expect(c.internet.publicAddress!.said).toBeDefined();
    expect(c.internet.outsideProof?.rows).toEqual([
      { kind: 'planned', protocol: 'tcp', port: 8443, label: 'HTTPS web page', verdict: 'reachable', ok: true },
      {
        kind: 'forbidden',
        protocol: 'tcp',
        port: 23,
        label: 'Telnet (plain-text login)',
        verdict: 'not exposed',
        ok: true,
      },
    ]);
  });
});

describe('the parts of a record that are not objects read as nothing', () => {
  it('field: a key of an object; nothing from null, a text or a list', () => {
    expect(field({ a: 1 }, 'a')).toBe(1);
    expect(field(null, 'a')).toBeUndefined();
    expect(field('text', 'length')).toBeUndefined();
    expect(field([5], '0')).toBeUndefined();
  });
});

describe('the export', () => {
  it('what the checklist says changes when a verified step is verified again later (its date is on the copy)', () => {
    const a = build(fullRecord());
    const r = fullRecord();
    r.steps.ddns = { status: 'verified', updatedAt: '2026-03-05T00:00:00.000Z' };
    expect(checklistContent(build(r))).not.toBe(checklistContent(a));
  });

  it('the file is named by the day only when the made time starts with one; "-letter" only for a Letter PDF', () => {
    expect(checklistFileName('at 2026-03-02T08:00:00.000Z', 'pdf', 'a4')).toBe('nvr-checklist-undated.pdf');
    expect(checklistFileName('2026-03-02T08:00:00.000Z', 'json', 'letter')).toBe('nvr-checklist-2026-03-02.json');
  });
});
