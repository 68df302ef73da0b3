import { describe, expect, it } from 'vitest';
import { brandFromText } from '../../../src/shared/catalog/oui';
import {
  ANY_BRAND,
  BRAND_PORTS,
  brandPortsSchema,
  CATALOG_SOURCES,
  catalogPortNumbers,
  knownService,
  portFactSchema,
  portsForBrand,
  RISKY_SERVICES,
  riskOf,
  type Confidence,
  type PortRole,
  type Transport,
} from '../../../src/shared/catalog/ports';

const allFacts = [
  ...BRAND_PORTS.flatMap((b) => b.ports.map((f) => ({ owner: b.id, f }))),
  ...RISKY_SERVICES.map((f) => ({ owner: ANY_BRAND, f })),
];

describe('port catalogue: shape and provenance', () => {
  it('every brand parses with brandPortsSchema and ids are unique', () => {
    for (const b of BRAND_PORTS) expect(brandPortsSchema.safeParse(b).success, b.id).toBe(true);
    expect(new Set(BRAND_PORTS.map((b) => b.id)).size).toBe(BRAND_PORTS.length);
  });

  it.each(allFacts.map(({ owner, f }) => [`${owner} ${f.role} ${f.port}/${f.transport}`, f] as const))(
    '%s parses, has a source and a confidence',
    (_name, f) => {
      expect(portFactSchema.safeParse(f).success).toBe(true);
      expect(f.source.trim().length).toBeGreaterThan(0);
      expect(['H', 'M', 'L']).toContain(f.confidence);
      expect(f.purpose.trim().length).toBeGreaterThan(0);
      expect(f.risk.why.trim().length).toBeGreaterThan(0);
    },
  );

  it('every brand rule has a source and a confidence', () => {
    for (const r of BRAND_PORTS.flatMap((b) => b.rules)) {
      expect(r.source.length).toBeGreaterThan(0);
      expect(['H', 'M', 'L']).toContain(r.confidence);
    }
  });

  it('every URL cited parses as a URL', () => {
    for (const s of CATALOG_SOURCES.filter((s) => /^https?:\/\//.test(s))) expect(() => new URL(s), s).not.toThrow();
  });

  it('CATALOG_SOURCES is the sorted set of every cited source', () => {
    expect(CATALOG_SOURCES).toContain('https://www.dvraid.com/how-to/hikvision-port-forwarding-guide/');
    expect(CATALOG_SOURCES).toContain('Dahua NVR4208 manual p.274');
    expect(CATALOG_SOURCES).toContain('https://camlocus.com/docs/remote-access/');
    expect([...CATALOG_SOURCES].sort()).toEqual(CATALOG_SOURCES);
    expect(new Set(CATALOG_SOURCES).size).toBe(CATALOG_SOURCES.length);
    expect(CATALOG_SOURCES.every((s) => s.length > 0)).toBe(true);
  });

  it('covers the brands the Ports issue asks for', () => {
    for (const id of [
      'hikvision',
      'dahua',
      'amcrest',
      'lorex',
      'uniview',
      'reolink',
      'swann',
      'axis',
      'hanwha',
      'annke',
      'unifi-protect',
      'synology',
      'milestone',
      'blue-iris',
      'xm',
      'tapo',
    ])
      expect(BRAND_PORTS.map((b) => b.id)).toContain(id);
  });
});

/** PORTS.md, row by row: [brand, role, port, transport, confidence]. */
const PORTS_MD: ReadonlyArray<readonly [string, PortRole, number, Transport, Confidence]> = [
  ['hikvision', 'http', 80, 'tcp', 'H'],
  ['hikvision', 'https', 443, 'tcp', 'H'],
  ['hikvision', 'rtsp', 554, 'tcp', 'H'],
  ['hikvision', 'onvif', 80, 'tcp', 'H'],
  ['hikvision', 'sdk', 8000, 'tcp', 'M'],
  ['hikvision', 'sdk', 8443, 'tcp', 'L'],
  ['dahua', 'http', 80, 'tcp', 'H'],
  ['dahua', 'https', 443, 'tcp', 'H'],
  ['dahua', 'rtsp', 554, 'tcp', 'H'],
  ['dahua', 'onvif', 80, 'tcp', 'H'],
  ['dahua', 'sdk', 37777, 'tcp', 'H'],
  ['dahua', 'sdk', 37778, 'udp', 'L'],
  ['amcrest', 'http', 80, 'tcp', 'M'],
  ['amcrest', 'rtsp', 554, 'tcp', 'M'],
  ['amcrest', 'sdk', 37777, 'tcp', 'H'],
  ['amcrest', 'sdk', 37778, 'udp', 'L'],
  ['lorex', 'http', 80, 'tcp', 'L'],
  ['lorex', 'https', 443, 'tcp', 'L'],
  ['lorex', 'rtsp', 554, 'tcp', 'L'],
  ['lorex', 'sdk', 35000, 'tcp', 'L'],
  ['uniview', 'http', 80, 'tcp', 'L'],
  ['uniview', 'rtsp', 554, 'tcp', 'L'],
  ['reolink', 'http', 80, 'tcp', 'M'],
  ['reolink', 'https', 443, 'tcp', 'M'],
  ['reolink', 'rtsp', 554, 'tcp', 'M'],
  ['reolink', 'onvif', 8000, 'tcp', 'H'],
  ['reolink', 'media', 9000, 'tcp', 'M'],
  ['swann', 'http', 85, 'tcp', 'L'],
  ['swann', 'rtsp', 554, 'tcp', 'L'],
  ['swann', 'mobile', 9000, 'tcp', 'H'],
  ['axis', 'http', 80, 'tcp', 'H'],
  ['axis', 'https', 443, 'tcp', 'M'],
  ['axis', 'rtsp', 554, 'tcp', 'M'],
  ['hanwha', 'http', 80, 'tcp', 'L'],
  ['hanwha', 'rtsp', 554, 'tcp', 'L'],
  ['hanwha', 'sdk', 4520, 'tcp', 'L'],
  ['annke', 'http', 80, 'tcp', 'M'],
  ['annke', 'rtsp', 554, 'tcp', 'M'],
  ['annke', 'sdk', 8000, 'tcp', 'M'],
  ['unifi-protect', 'https', 443, 'tcp', 'M'],
  ['unifi-protect', 'rtsp', 7447, 'tcp', 'M'],
  ['unifi-protect', 'rtsps', 7441, 'tcp', 'M'],
  ['synology', 'http', 5000, 'tcp', 'H'],
  ['synology', 'https', 5001, 'tcp', 'H'],
  ['milestone', 'http', 80, 'tcp', 'L'],
  ['milestone', 'recording', 7563, 'tcp', 'L'],
  ['milestone', 'mobile', 8081, 'tcp', 'L'],
  ['blue-iris', 'http', 81, 'tcp', 'H'],
  ['xm', 'http', 80, 'tcp', 'H'],
  ['xm', 'media', 554, 'tcp', 'H'],
  ['xm', 'mobile', 34599, 'tcp', 'H'],
  ['xm', 'backdoor', 9530, 'tcp', 'M'],
  ['tapo', 'onvif', 2020, 'tcp', 'M'],
  ['tapo', 'rtsp', 554, 'tcp', 'M'],
  ['tapo', 'https', 443, 'tcp', 'M'],
  ['speco', 'sdk', 5445, 'tcp', 'H'],
  ['qnap-viostor', 'http', 80, 'tcp', 'H'],
];

describe('port catalogue: defaults as PORTS.md states them', () => {
  it.each(PORTS_MD)('%s %s is %i/%s (%s)', (brand, role, port, transport, confidence) => {
    const b = portsForBrand(brand);
    expect(b).not.toBeNull();
    const fact = b!.ports.find((f) => f.role === role && f.port === port && f.transport === transport);
    expect(fact, `${brand} ${role} ${port}`).toBeDefined();
    expect(fact!.confidence).toBe(confidence);
  });

  it('leaves out what PORTS.md marks "?" or "–"', () => {
    expect(portsForBrand('lorex')!.ports.some((f) => f.role === 'onvif')).toBe(false);
    expect(portsForBrand('uniview')!.ports.some((f) => f.role === 'onvif' || f.role === 'sdk')).toBe(false);
    expect(portsForBrand('swann')!.ports.some((f) => f.role === 'https')).toBe(false);
    expect(portsForBrand('blue-iris')!.ports).toHaveLength(1);
  });

  it('keeps the Dahua "internal = external" rule for the SDK port, with its source', () => {
    for (const id of ['dahua', 'amcrest']) {
      const rule = portsForBrand(id)!.rules.find((r) => r.id === 'internal-equals-external');
      expect(rule?.roles).toContain('sdk');
      expect(rule?.source).toBe('Dahua NVR4208 manual p.274');
    }
    expect(portsForBrand('hikvision')!.rules).toEqual([]);
  });

  it('ranges: Synology Assistant 9997–9999/udp, Speco 59011–59254', () => {
    expect(portsForBrand('synology')!.ports.find((f) => f.port === 9997)?.portEnd).toBe(9999);
    expect(portsForBrand('speco')!.ports.find((f) => f.port === 59011)?.portEnd).toBe(59254);
  });
});

describe('brand-independent risky services', () => {
  it.each([
    [23, 'tcp', 'telnet', 'high'],
    [9530, 'tcp', 'backdoor', 'high'],
    [21, 'tcp', 'ftp', 'high'],
    [22, 'tcp', 'ssh', 'medium'],
    [1900, 'udp', 'upnp', 'medium'],
    [5000, 'tcp', 'igd', 'medium'],
    [554, 'tcp', 'rtsp', 'high'],
    [80, 'tcp', 'http', 'high'],
  ] as const)('%i/%s is %s, risk %s', (port, transport, role, level) => {
    const f = RISKY_SERVICES.find((s) => s.port === port && s.transport === transport);
    expect(f?.role).toBe(role);
    expect(f?.risk.level).toBe(level);
    expect(f?.neededOutside).toBe('no');
  });

  it('facts not in the reference files say so and are graded L', () => {
    for (const f of RISKY_SERVICES.filter((s) => s.source.startsWith('not in the reference files')))
      expect(f.confidence).toBe('L');
  });
});

describe('lookups', () => {
  it.each([
    ['Hikvision', 'hikvision'],
    ['HIKVISION', 'hikvision'],
    ['Samsung Techwin', 'hanwha'],
    ['Ubiquiti', 'unifi-protect'],
    ['UniFi', 'unifi-protect'],
    ['XM', 'xm'],
    ['XMEye', 'xm'],
    ['TP-Link', 'tapo'],
    ['Synology', 'synology'],
    ['Blue Iris', 'blue-iris'],
    ['Milestone XProtect', 'milestone'],
  ])('portsForBrand(%s) is %s', (name, id) => {
    expect(portsForBrand(name)?.id).toBe(id);
  });

  it('portsForBrand: unknown or empty is null', () => {
    expect(portsForBrand('Acme Cam')).toBeNull();
    expect(portsForBrand('')).toBeNull();
    expect(portsForBrand(null)).toBeNull();
    expect(portsForBrand('---')).toBeNull();
  });

  it('every brand brandFromText() can return has a catalogue entry', () => {
    const samples = [
      'hikvision',
      'dahua',
      'amcrest',
      'lorex',
      'reolink',
      'uniview',
      'axis',
      'wisenet',
      'annke',
      'swann',
      'unifi',
      'synology',
      'tapo',
      'xmeye',
    ];
    for (const s of samples) {
      const brand = brandFromText(s);
      expect(brand, s).not.toBeNull();
      expect(portsForBrand(brand), `${s} → ${brand}`).not.toBeNull();
    }
  });

  it('knownService(37777/tcp) is the Dahua-family SDK port', () => {
    const [svc, ...rest] = knownService(37777, 'tcp');
    expect(rest).toEqual([]);
    expect(svc?.role).toBe('sdk');
    expect(svc?.brands).toEqual(expect.arrayContaining(['Dahua', 'Amcrest']));
    expect(svc?.risk).toBe('high');
    expect(svc?.confidence).toBe('H');
  });

  it('knownService(80/tcp): HTTP for most brands first, ONVIF too', () => {
    const svcs = knownService(80, 'tcp');
    expect(svcs[0]?.role).toBe('http');
    expect(svcs[0]?.brands).toEqual(expect.arrayContaining([ANY_BRAND, 'Hikvision', 'Dahua', 'Axis']));
    expect(svcs.map((s) => s.role)).toContain('onvif');
  });

  it('knownService(5000/tcp) is both Synology DSM and a router IGD', () => {
    const roles = knownService(5000, 'tcp').map((s) => s.role);
    expect(roles).toEqual(expect.arrayContaining(['http', 'igd']));
  });

  it('knownService matches ranges and respects the transport', () => {
    expect(knownService(9998, 'udp')[0]?.brands).toEqual(['Synology Surveillance Station']);
    expect(knownService(9998, 'tcp')).toEqual([]);
    expect(
      knownService(8555)
        .map((s) => s.transport)
        .sort(),
    ).toEqual(['tcp', 'udp']);
    expect(knownService(23456, 'tcp')).toEqual([]);
  });

  it.each([
    [23, {}, 'high', 'plain-text'],
    [9530, {}, 'high', 'backdoor'],
    [80, { brand: 'Axis' }, 'high', 'plain-text'],
    [37777, { transport: 'tcp' }, 'high', 'cve-history'],
    [8000, { brand: 'Hikvision' }, 'high', 'vendor-sdk'],
    [3702, { transport: 'udp' }, 'low', 'lan-only'],
    [7788, { transport: 'udp' }, 'high', 'backdoor'],
  ] as const)('riskOf(%i, %j) is %s with %s', (port, opts, level, reason) => {
    const r = riskOf(port, opts);
    expect(r.level).toBe(level);
    expect(r.reasons).toContain(reason);
    expect(r.why.length).toBeGreaterThan(0);
  });

  it('riskOf an unknown port is none', () => {
    expect(riskOf(23456)).toEqual({ level: 'none', reasons: [], why: [] });
  });

  it('catalogPortNumbers includes the defaults and expands ranges', () => {
    const n = catalogPortNumbers();
    for (const p of [80, 443, 554, 8000, 8443, 37777, 9000, 34599, 9530, 6150, 59100])
      expect(n.has(p), String(p)).toBe(true);
    expect(n.has(23456)).toBe(false);
  });
});
