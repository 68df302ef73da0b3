// The UPnP step's rules (src/shared/domain/upnp.ts): which device each router mapping opens to the internet and what
// it exposes there, the one line a mapping is shown as, and the findings in the order the user reads them. Each
// title names what the user would lose if the rule broke: a camera open to the internet reported as "another
// device", a mapping they deleted coming back unnoticed, a fake router believed, or a wrong "all clear".
import { english } from '../../../../src/shared/i18n/english';
import { describe, expect, it } from 'vitest';
import type { DiscoveredDevice } from '../../../../src/shared/domain/device';
import type { PortReport, PortRow } from '../../../../src/shared/domain/ports';
import {
  attributeMappings,
  describeMapping,
  upnpFindingSchema,
  type RawUpnpMapping,
  type UpnpIgd,
  type UpnpMapping,
  type UpnpMeasurement,
} from '../../../../src/shared/domain/upnp';
import { judgeUpnp } from '../../../../src/shared/domain/upnp-findings';
import { said } from '../../../../src/shared/i18n/said';

const raw = (over: Partial<RawUpnpMapping> = {}): RawUpnpMapping => ({
  protocol: 'TCP',
  externalPort: 8000,
  internalClient: '192.168.1.64',
  internalPort: 8000,
  remoteHost: '',
  enabled: true,
  description: 'Hikvision SDK',
  leaseSeconds: 0,
  ...over,
});

const device = (over: Partial<DiscoveredDevice> = {}): DiscoveredDevice => ({
  id: 'dev-1',
  addresses: ['192.168.1.64'],
  mac: null,
  brand: null,
  brandSource: null,
  model: null,
  name: null,
  firmware: null,
  serial: null,
  sources: ['sweep'],
  onvifUrl: null,
  endpoint: null,
  ports: {},
  dhcp: null,
  activated: null,
  upnp: false,
  notes: [],
  interfaceName: 'eth0',
  lastSeenAt: '2025-01-01T00:00:00.000Z',
  ...over,
});

const row = (over: Partial<PortRow> = {}): PortRow => ({
  port: 8000,
  transport: 'tcp',
  state: 'open',
  service: 'sdk',
  product: null,
  vendor: null,
  role: 'sdk',
  purpose: '',
  neededOutside: 'no' as PortRow['neededOutside'],
  risk: { level: 'low' as PortRow['risk']['level'], reasons: [] },
  recommendation: '',
  declaredBy: [],
  isDefault: true,
  plainText: false,
  adminUi: false,
  authRequired: null,
  evidence: [],
  ...over,
});

const report = (deviceId: string, rows: PortRow[]): PortReport => ({
  deviceId,
  address: '192.168.1.64',
  measuredAt: '2025-01-01T00:00:00.000Z',
  full: false,
  rows,
  declaredButClosed: [],
  undeclaredOpen: [],
  onvifProtocols: null,
});

const attribute = (
  m: RawUpnpMapping,
  devices: DiscoveredDevice[],
  opts: { nvrId?: string | null; reports?: Record<string, PortReport | null | undefined> } = {},
) => attributeMappings([m], { devices, nvrId: opts.nvrId ?? null, portReports: opts.reports ?? {} })[0]!;

describe('which device a mapping opens (attribution)', () => {
  it('the mapping keeps its values and is given the known device at its internal address', () => {
    const m = raw({ remoteHost: '203.0.113.9', leaseSeconds: 60, enabled: false });
    const other = device({ id: 'pc', addresses: ['192.168.1.20'], name: 'Laptop' });
    const cam = device({ id: 'cam', addresses: ['10.0.0.5', '192.168.1.64'], name: 'Front door' });
    expect(attribute(m, [other, cam])).toEqual({
      ...m,
      device: expect.objectContaining({ id: 'cam', name: 'Front door' }),
      camera: false,
      service: null,
    });
  });

  it('an address no known device holds gives no device, no camera, no service (never a guess)', () => {
    const a = attribute(raw({ internalClient: '192.168.1.99' }), [
      device({ brand: 'Hikvision', ports: { sdk: 8000 } }),
    ]);
    expect([a.device, a.camera, a.service]).toEqual([null, false, null]);
  });

  it('of two devices at one address, the first listed is named', () => {
    const a = attribute(raw(), [device({ id: 'a', name: 'First' }), device({ id: 'b', name: 'Second' })]);
    expect(a.device).toMatchObject({ id: 'a', name: 'First' });
  });

  it('every mapping is attributed, in the router’s order', () => {
    const r = attributeMappings([raw({ externalPort: 1 }), raw({ externalPort: 2, internalClient: '192.168.1.2' })], {
      devices: [device()],
      nvrId: null,
      portReports: {},
    });
    expect(r.map((x) => [x.externalPort, x.device?.id ?? null])).toEqual([
      [1, 'dev-1'],
      [2, null],
    ]);
  });

  it.each([
    ['the chosen NVR (found only by the sweep, no brand)', { id: 'nvr' }, 'nvr', true],
    ['a device that answered ONVIF', { sources: ['onvif'] }, null, true],
    ['a device that answered SADP (Hikvision)', { sources: ['sweep', 'sadp'] }, null, true],
    ['a device that answered DHIP (Dahua)', { sources: ['dhip'] }, null, true],
    ['a device of a camera brand found by its web page', { brand: 'Reolink' }, null, true],
    ['a device found by the sweep and SSDP only, no brand, not the NVR', { sources: ['sweep', 'ssdp'] }, 'nvr', false],
  ] as const)('%s counts as a camera: %s', (_what, over, nvrId, camera) => {
    expect(attribute(raw(), [device(over as Partial<DiscoveredDevice>)], { nvrId }).camera).toBe(camera);
  });

  it.each([
    // The model first: a device's own name often carries its serial number (the lab's hik: "DS-7608NI-K2 - DS-…").
    ['its model', { name: 'NVR-8CH', model: 'DS-7608', brand: 'Hikvision' }, 'DS-7608'],
    ['its name without a model', { name: 'NVR-8CH', brand: 'Hikvision' }, 'NVR-8CH'],
    ['its brand and address without a name or model', { brand: 'Hikvision' }, 'Hikvision 192.168.1.64'],
    ['its address alone', {}, '192.168.1.64'],
  ] as const)('a device is named by %s', (_what, over, name) => {
    expect(attribute(raw(), [device(over)]).device?.name).toBe(name);
  });

  it('a device with no name, model, brand or address text is named by its id; a long name is cut to 200', () => {
    const blank = device({ id: 'mac:00:11:22:33:44:55', addresses: [''] });
    expect(attribute(raw({ internalClient: '' }), [blank]).device?.name).toBe('mac:00:11:22:33:44:55');
    expect(attribute(raw(), [device({ name: 'n'.repeat(300) })]).device?.name).toBe('n'.repeat(200));
  });
});

describe('what the mapped port is on that device (service)', () => {
  it('the Ports report’s open row names it by its role, with the product that answered', () => {
    const reports = { 'dev-1': report('dev-1', [row({ product: 'Hikvision SDK' })]) };
    expect(attribute(raw(), [device()], { reports }).service).toBe('App/SDK port (Hikvision SDK)');
    // Said by key for the CLI: the port's name (ports.role) with the product as it came; the same English.
    const { serviceSaid } = attribute(raw(), [device()], { reports });
    expect(serviceSaid).toEqual({
      key: 'ports.said.purpose.roleProduct',
      params: { role: { key: 'ports.role.sdk' }, product: 'Hikvision SDK' },
    });
    expect(english(serviceSaid!)).toBe('App/SDK port (Hikvision SDK)');
  });

  it('without a product the role’s label alone is shown', () => {
    const reports = { 'dev-1': report('dev-1', [row({ port: 554, role: 'rtsp', service: 'rtsp' })]) };
    expect(attribute(raw({ internalPort: 554 }), [device()], { reports }).service).toBe('Video streams (RTSP)');
    expect(attribute(raw({ internalPort: 554 }), [device()], { reports }).serviceSaid).toEqual({
      key: 'ports.role.rtsp',
    });
  });

  it('the internal port is what is looked up, not the external one', () => {
    const reports = { 'dev-1': report('dev-1', [row({ port: 80, role: 'http', service: 'http' })]) };
    expect(attribute(raw({ externalPort: 80, internalPort: 8000 }), [device()], { reports }).service).toBeNull();
    expect(attribute(raw({ externalPort: 8080, internalPort: 80 }), [device()], { reports }).service).toBe(
      'Web page (HTTP)',
    );
  });

  it('a row measured closed is not used: the role the device declared for the port is', () => {
    const reports = { 'dev-1': report('dev-1', [row({ state: 'closed', role: 'http', product: 'x' })]) };
    expect(attribute(raw(), [device({ ports: { sdk: 8000 } })], { reports }).service).toBe('App/SDK port');
    expect(attribute(raw(), [device({ ports: { sdk: 8000 } })], { reports }).serviceSaid).toEqual({
      key: 'ports.role.sdk',
    });
    expect(attribute(raw(), [device()], { reports }).service).toBeNull();
  });

  it('another device’s report is not used for this one', () => {
    const reports = { other: report('other', [row({ product: 'x' })]) };
    expect(attribute(raw(), [device()], { reports }).service).toBeNull();
  });

  it('a row without a role takes the device’s declared role; with neither, the identified service', () => {
    const reports = { 'dev-1': report('dev-1', [row({ role: null, service: 'http', product: 'Boa' })]) };
    expect(attribute(raw(), [device({ ports: { media: 8000, http: 80 } })], { reports }).service).toBe(
      'Media port (Boa)',
    );
    expect(attribute(raw(), [device()], { reports }).service).toBe('http (Boa)');
    // A service's identifier is not words: nothing said by key.
    expect(attribute(raw(), [device()], { reports }).serviceSaid).toBeUndefined();
  });

  it('a declared role the catalogue has no label for is shown as declared; no report at all is fine', () => {
    expect(attribute(raw(), [device({ ports: { vendorx: 8000 } })], { reports: { 'dev-1': null } }).service).toBe(
      'vendorx',
    );
    expect(
      attribute(raw(), [device({ ports: { vendorx: 8000 } })], { reports: { 'dev-1': null } }).serviceSaid,
    ).toBeUndefined();
    expect(attribute(raw(), [device({ ports: { http: 80 } })]).service).toBeNull();
  });

  it('a long product is cut so the service stays within 120 characters', () => {
    const reports = { 'dev-1': report('dev-1', [row({ product: 'p'.repeat(200) })]) };
    const s = attribute(raw(), [device()], { reports }).service ?? '';
    expect(s).toHaveLength(120);
    expect(s.startsWith('App/SDK port (ppp')).toBe(true);
    // Cut, it is no longer the whole sentence: main's English alone.
    expect(attribute(raw(), [device()], { reports }).serviceSaid).toBeUndefined();
  });
});

describe('one line for a mapping (describeMapping)', () => {
  it('names protocol, ports, internal address, the router’s label, and that it never expires', () => {
    expect(describeMapping(raw())).toBe('TCP 8000 → 192.168.1.64:8000 “Hikvision SDK”, never expires');
  });

  it('a mapping limited to one remote address says so; one without a label has none', () => {
    expect(describeMapping(raw({ protocol: 'UDP', description: '', remoteHost: '203.0.113.5', internalPort: 9 }))).toBe(
      'UDP 8000 → 192.168.1.64:9 from 203.0.113.5 only, never expires',
    );
  });

  it.each([
    [1, '1 s'],
    [119, '119 s'],
    [120, '2 min'],
    [7199, '120 min'],
    [7200, '2 h'],
    [172_799, '48 h'],
    [172_800, '2 days'],
    [604_706, '7 days'],
  ])('a lease of %i s reads "expires in %s"', (s, words) => {
    expect(describeMapping(raw({ leaseSeconds: s, description: '' }))).toBe(
      `TCP 8000 → 192.168.1.64:8000, expires in ${words}`,
    );
  });

  it('a line is at most 300 characters, whatever the router’s label', () => {
    expect(describeMapping(raw({ description: 'd'.repeat(400) }))).toHaveLength(300);
  });
});

// ---- judgeUpnp -------------------------------------------------------------------------------------------------

const IGD: UpnpIgd = {
  location: 'http://192.168.1.1:5000/rootDesc.xml',
  controlUrl: 'http://192.168.1.1:5000/ctl/IPConn',
  serviceType: 'urn:schemas-upnp-org:service:WANIPConnection:2',
  igdVersion: 2,
  friendlyName: 'Home Router',
  manufacturer: null,
  modelName: null,
  externalAddress: '203.0.113.2',
  connectionStatus: 'Connected',
};

const mapped = (over: Partial<UpnpMapping> = {}): UpnpMapping => ({
  ...raw(),
  // (cast: the lead's working tree adds the device's brand here)
  device: { id: 'cam', name: 'Front door', brand: 'Hikvision' } as UpnpMapping['device'],
  camera: true,
  service: 'App/SDK port',
  ...over,
});
const console1 = mapped({
  externalPort: 3074,
  internalPort: 3074,
  internalClient: '192.168.1.23',
  description: 'Xbox',
  device: null,
  camera: false,
  service: null,
});

const measurement = (over: Partial<UpnpMeasurement> = {}): UpnpMeasurement => ({
  gateway: '192.168.1.1',
  igd: IGD,
  igdProblem: null,
  mappings: [],
  listEnd: 'complete',
  natPmp: { present: false, externalAddress: null },
  elsewhere: [],
  ...over,
});
const codes = (m: UpnpMeasurement) => judgeUpnp(m).map((f) => f.code);
const finding = (m: UpnpMeasurement, code: string) => judgeUpnp(m).find((f) => f.code === code);

describe('the findings (judgeUpnp)', () => {
  it('each finding is said by key too (its English sentence made from it), counted ones by a plural message, one alone by its own', () => {
    const all = measurement({
      mappings: [mapped(), mapped({ externalPort: 554 }), console1],
      listEnd: 'limit',
      listNote: 'the router took too long to list its mappings',
      natPmp: { present: true, externalAddress: null },
      elsewhere: [{ from: '192.168.1.77', location: 'http://192.168.1.77/' }],
      deletedBefore: [{ protocol: 'TCP', externalPort: 8000 }],
    });
    expect(Object.fromEntries(judgeUpnp(all).map((f) => [f.code, f.said]))).toEqual({
      'camera-mapped': { key: 'upnp.findings.cameraMapped', params: { count: 2, names: 'Front door' } },
      'came-back': { key: 'upnp.findings.cameBackOne', params: { who: 'Front door' } },
      'upnp-on': { key: 'upnp.findings.upnpOnNamed', params: { gateway: '192.168.1.1', name: 'Home Router' } },
      'natpmp-on': { key: 'upnp.findings.natPmpOn' },
      'list-incomplete': {
        key: 'upnp.findings.listIncompleteNote',
        params: { note: 'the router took too long to list its mappings' },
      },
      'other-mapped': { key: 'upnp.findings.otherMapped', params: { count: 1 } },
      'igd-elsewhere': { key: 'upnp.findings.igdElsewhereOne' },
    });
    expect(finding(measurement({ gateway: null }), 'no-gateway')!.said).toEqual({ key: 'upnp.findings.noGateway' });
    expect(
      finding(measurement({ igd: null, igdProblem: 'its description did not load.' }), 'igd-unreadable')!.said,
    ).toEqual({ key: 'upnp.findings.igdUnreadable', params: { problem: 'its description did not load.' } });
  });

  it('where the service said why the router could not be read by key, the finding is said whole by that key', () => {
    const igdProblemSaid = said('upnp.findings.igdUnreadableNoLoad', { location: 'http://192.168.1.1:5000/d.xml' });
    const f = finding(
      measurement({
        igd: null,
        igdProblem: 'its description (http://192.168.1.1:5000/d.xml) did not load.',
        igdProblemSaid,
      }),
      'igd-unreadable',
    )!;
    expect(f.said).toEqual(igdProblemSaid);
    expect(f.text).toBe(
      'The router answers as a UPnP gateway, but its mappings could not be read: its description (http://192.168.1.1:5000/d.xml) did not load.',
    );
  });

  it('a value longer than the contract carries by key: the English sentence alone, still valid for the contract', () => {
    const long = `http://192.168.1.1/${'d'.repeat(300)}`;
    const f = finding(
      measurement({ igd: null, igdProblem: `its description (${long}) did not load.` }),
      'igd-unreadable',
    )!;
    expect(f.said).toBeUndefined();
    expect(f.text).toBe(
      `The router answers as a UPnP gateway, but its mappings could not be read: its description (${long}) did not load.`,
    );
    expect(upnpFindingSchema.safeParse(f).success).toBe(true);
  });

  it('everything at once comes in the order the user must act on it, each valid for the contract', () => {
    const all = measurement({
      mappings: [mapped(), console1],
      listEnd: 'unreachable',
      listNote: 'the router stopped answering after 2 entries (timeout)',
      natPmp: { present: true, externalAddress: '203.0.113.2' },
      elsewhere: [{ from: '192.168.1.77', location: 'http://192.168.1.77:1900/igd.xml' }],
      deletedBefore: [{ protocol: 'TCP', externalPort: 8000 }],
    });
    const findings = judgeUpnp(all);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['camera-mapped', 'problem'],
      ['came-back', 'problem'],
      ['upnp-on', 'warning'],
      ['natpmp-on', 'warning'],
      ['list-incomplete', 'warning'],
      ['other-mapped', 'info'],
      ['igd-elsewhere', 'warning'],
    ]);
    for (const f of findings) expect(upnpFindingSchema.safeParse(f).success, f.code).toBe(true);
  });

  it('no gateway: that alone, whatever else the measurement claims', () => {
    const findings = judgeUpnp(
      measurement({
        gateway: null,
        mappings: [mapped()],
        natPmp: { present: true, externalAddress: null },
        elsewhere: [{ from: '10.0.0.9', location: 'http://10.0.0.9/' }],
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'no-gateway', severity: 'warning', evidence: [] });
    expect(findings[0]!.text).toMatch(/no default gateway/);
  });

  it('a camera opened to the internet is a problem naming it, telling to delete and turn UPnP off on the NVR', () => {
    const f = finding(measurement({ mappings: [mapped()] }), 'camera-mapped')!;
    expect(f.text).toMatch(/^The router opens a port to Front door through UPnP: anyone on the internet/);
    expect(f.text).toMatch(/Delete these mappings and turn UPnP off on the NVR/);
    expect(f.evidence).toEqual(['TCP 8000 → 192.168.1.64:8000 “Hikvision SDK”, never expires']);
  });

  it('several camera ports are counted, each device named once, an unnamed one by its address', () => {
    const f = finding(
      measurement({
        mappings: [
          mapped(),
          mapped({ externalPort: 554, internalPort: 554 }),
          mapped({ internalClient: '192.168.1.65', externalPort: 37777, device: null }),
          console1,
        ],
      }),
      'camera-mapped',
    )!;
    expect(f.text).toMatch(/^The router opens 3 ports to Front door, 192\.168\.1\.65 through UPnP/);
    expect(f.evidence).toHaveLength(3);
  });

  it('at most 16 mappings are listed as evidence', () => {
    const many = Array.from({ length: 20 }, (_, i) => mapped({ externalPort: 1000 + i }));
    const findings = judgeUpnp(measurement({ mappings: many.concat(many.map((m) => ({ ...m, camera: false }))) }));
    expect(findings.find((f) => f.code === 'camera-mapped')!.evidence).toHaveLength(16);
    expect(findings.find((f) => f.code === 'other-mapped')!.evidence).toHaveLength(16);
    expect(findings.find((f) => f.code === 'camera-mapped')!.text).toMatch(/opens 20 ports/);
  });

  it('a deleted mapping listed again "came back", naming who re-opened it; same port, other protocol is not it', () => {
    const m = measurement({
      mappings: [mapped(), mapped({ protocol: 'UDP', externalPort: 9000 }), mapped({ externalPort: 554 })],
      deletedBefore: [
        { protocol: 'TCP', externalPort: 8000 },
        { protocol: 'TCP', externalPort: 9000 },
      ],
    });
    const f = finding(m, 'came-back')!;
    expect(f.severity).toBe('problem');
    expect(f.text).toMatch(/^A mapping you deleted came back: Front door opened it again through UPnP/);
    expect(f.text).toMatch(/Deleting is not enough while UPnP is on/);
    expect(f.evidence).toEqual(['TCP 8000 → 192.168.1.64:8000 “Hikvision SDK”, never expires']);
  });

  it('two that came back are counted; an unnamed device is named by its address; none deleted before: no finding', () => {
    const m = measurement({
      mappings: [mapped(), { ...console1 }],
      deletedBefore: [
        { protocol: 'TCP', externalPort: 8000 },
        { protocol: 'TCP', externalPort: 3074 },
      ],
    });
    expect(finding(m, 'came-back')!.text).toMatch(
      /^2 mappings you deleted came back: Front door, 192\.168\.1\.23 opened them again/,
    );
    expect(codes(measurement({ mappings: [mapped()] }))).not.toContain('came-back');
    const many = Array.from({ length: 20 }, (_, i) => mapped({ externalPort: 2000 + i }));
    const flood = measurement({
      mappings: many,
      deletedBefore: many.map((x) => ({ protocol: 'TCP', externalPort: x.externalPort })),
    });
    expect(finding(flood, 'came-back')!.text).toMatch(/^20 mappings you deleted/);
    expect(finding(flood, 'came-back')!.evidence).toHaveLength(16);
    // only cameras mapped: no "other devices" finding
    expect(codes(flood)).not.toContain('other-mapped');
  });

  it('UPnP on at the router is a warning naming the router, its location, service and external address', () => {
    const f = finding(measurement(), 'upnp-on')!;
    expect(f.severity).toBe('warning');
    expect(f.text).toBe(
      'UPnP is on at the router (192.168.1.1, “Home Router”): any device or program on your network can open ports ' +
        'to the internet without asking. Turn it off once your forward rules are in place.',
    );
    expect(f.evidence).toEqual([IGD.location, 'WANIPConnection:2', 'external address 203.0.113.2']);
    const bare = finding(measurement({ igd: { ...IGD, friendlyName: null, externalAddress: null } }), 'upnp-on')!;
    expect(bare.text).toMatch(/^UPnP is on at the router \(192\.168\.1\.1\): any device/);
    expect(bare.evidence).toEqual([IGD.location, 'WANIPConnection:2']);
  });

  it('a router that answers but cannot be read says why, is not taken for UPnP off', () => {
    const m = measurement({ igd: null, igdProblem: 'its description did not load.' });
    expect(codes(m)).toEqual(['igd-unreadable']);
    expect(finding(m, 'igd-unreadable')).toMatchObject({
      severity: 'warning',
      evidence: [],
      text: 'The router answers as a UPnP gateway, but its mappings could not be read: its description did not load.',
    });
  });

  it('NAT-PMP answering is a warning with its external address when it gave one', () => {
    const on = measurement({ igd: null, natPmp: { present: true, externalAddress: '203.0.113.2' } });
    expect(codes(on)).toEqual(['natpmp-on']);
    expect(finding(on, 'natpmp-on')!.text).toBe(
      'NAT-PMP (or PCP) answers at the router: devices can open ports through it too, and the router does not ' +
        'list those over UPnP. Turn it off with UPnP (routers name it “NAT-PMP” or “PCP”, often beside UPnP).',
    );
    expect(finding(on, 'natpmp-on')!.evidence).toEqual([
      'UDP 192.168.1.1:5351 answered (external address 203.0.113.2)',
    ]);
    const noAddress = measurement({ igd: null, natPmp: { present: true, externalAddress: null } });
    expect(finding(noAddress, 'natpmp-on')!.evidence).toEqual(['UDP 192.168.1.1:5351 answered']);
  });

  it.each(['limit', 'refused', 'unreadable', 'unreachable', 'cancelled'] as const)(
    'a list that ended "%s" warns that mappings may be missing, and no "all clear" is given',
    (listEnd) => {
      const m = measurement({ listEnd, listNote: 'the router refused' });
      expect(codes(m)).toEqual(['upnp-on', 'list-incomplete']);
      expect(finding(m, 'list-incomplete')!.evidence).toEqual([]);
      expect(finding(m, 'list-incomplete')!.text).toBe(
        'Only part of the router’s mapping list could be read: the router refused Mappings may be missing below.',
      );
      expect(finding(measurement({ listEnd }), 'list-incomplete')!.text).toBe(
        'Only part of the router’s mapping list could be read. Mappings may be missing below.',
      );
    },
  );

  it('an incomplete list without a router description (nothing was read) is not reported as incomplete', () => {
    expect(codes(measurement({ igd: null, igdProblem: 'x', listEnd: 'unreachable' }))).toEqual(['igd-unreadable']);
  });

  it('other devices’ mappings are information, counted, asking the user to check each', () => {
    const one = finding(measurement({ mappings: [console1] }), 'other-mapped')!;
    expect(one.severity).toBe('info');
    expect(one.text).toBe(
      '1 mapping to an address the search did not identify as a camera or recorder (a computer, a games console…): ' +
        'check that you know each. Run the search (Find your NVR) first if it has not run: the devices it finds are named here.',
    );
    expect(one.evidence).toEqual(['TCP 3074 → 192.168.1.23:3074 “Xbox”, never expires']);
    const two = finding(measurement({ mappings: [console1, { ...console1, externalPort: 3075 }] }), 'other-mapped')!;
    expect(two.text).toMatch(/^2 mappings to addresses the search did not identify/);
  });

  it('a complete, empty list is "ok: nothing open", only then', () => {
    expect(judgeUpnp(measurement())).toEqual([
      expect.objectContaining({ code: 'upnp-on' }),
      expect.objectContaining({
        code: 'no-mappings',
        severity: 'ok',
        text: 'The router lists no UPnP port mappings: nothing is open to the internet through UPnP right now.',
        evidence: [],
      }),
    ]);
    expect(codes(measurement({ mappings: [console1] }))).not.toContain('no-mappings');
    expect(codes(measurement({ listEnd: 'limit' }))).not.toContain('no-mappings');
  });

  it('neither UPnP nor NAT-PMP at the router is "ok: off", naming the router', () => {
    const off = judgeUpnp(measurement({ igd: null }));
    expect(off).toEqual([
      {
        code: 'upnp-off',
        severity: 'ok',
        text: 'No UPnP gateway and no NAT-PMP answer at the router (192.168.1.1): devices cannot open ports on their own.',
        said: { key: 'upnp.findings.upnpOff', params: { gateway: '192.168.1.1' } },
        evidence: [],
      },
    ]);
  });

  it('other answers claiming to be a router are counted by sender (not by answer), listed, never "off"', () => {
    const m = measurement({
      igd: null,
      elsewhere: [
        { from: '192.168.1.77', location: 'http://192.168.1.77:1900/a.xml' },
        { from: '192.168.1.77', location: 'http://192.168.1.77:1900/b.xml' },
      ],
    });
    const f = finding(m, 'igd-elsewhere')!;
    expect(f.severity).toBe('warning');
    expect(f.text).toBe(
      'A device other than your router answered as an internet gateway. The assistant did not follow them ' +
        '(a device pretending to be the router could misreport). Find out what they are.',
    );
    expect(f.evidence).toEqual([
      '192.168.1.77: http://192.168.1.77:1900/a.xml',
      '192.168.1.77: http://192.168.1.77:1900/b.xml',
    ]);
    const two = measurement({
      elsewhere: [
        { from: '192.168.1.77', location: 'http://192.168.1.77/' },
        { from: '192.168.1.78', location: 'x'.repeat(400) },
      ],
    });
    const f2 = finding(two, 'igd-elsewhere')!;
    expect(f2.text).toMatch(/^2 devices other than your router/);
    expect(f2.evidence[1]).toHaveLength(300);
    // The router's own unfollowed answer is not "a device other than your router" (igd-unreadable says it).
    const gatewayToo = measurement({
      gateway: '192.168.1.1',
      elsewhere: [
        { from: '192.168.1.1', location: 'https://192.168.1.1/rootDesc.xml' },
        { from: '192.168.1.77', location: 'http://192.168.1.77/' },
      ],
    });
    expect(finding(gatewayToo, 'igd-elsewhere')!.text).toMatch(/^A device other than your router/);
    expect(finding(gatewayToo, 'igd-elsewhere')!.evidence).toHaveLength(2);
    const onlyGateway = measurement({
      gateway: '192.168.1.1',
      elsewhere: [{ from: '192.168.1.1', location: 'https://192.168.1.1/rootDesc.xml' }],
    });
    expect(finding(onlyGateway, 'igd-elsewhere')).toBeUndefined();
    const flood = Array.from({ length: 20 }, (_, i) => ({ from: `10.0.0.${i}`, location: `http://10.0.0.${i}/` }));
    const f3 = finding(measurement({ elsewhere: flood }), 'igd-elsewhere')!;
    expect(f3.text).toMatch(/^20 devices/);
    expect(f3.evidence).toHaveLength(16);
  });
});
