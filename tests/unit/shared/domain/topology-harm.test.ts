// The topology picture, what each part says and where it points (issue 17). What the user would lose: an exposure
// drawn to the wrong box or as harmless, a UPnP hole or the VPN drawn like a rule of their own, the record's facts
// (proof reached or not, the VPN's port, the DDNS name, the router) missing or wrong in the words, more devices or
// exposures than the picture can hold, boxes that overlap or fall outside the picture, labels on top of each other.
import { describe, expect, it } from 'vitest';
import { parseXml, type XmlElement } from '../../../../src/main/protocol/xml';
import { emptySetupRecord, type SetupRecord } from '../../../../src/shared/domain/setup';
import {
  exposureRisk,
  topologyFromRecord,
  topologyLayout,
  topologySvg,
  type TopologyExposure,
  type TopologyInput,
  type TopologyLayout,
} from '../../../../src/shared/domain/topology';
import { device, type Device } from './topology-fixture';

const rule = (
  externalPort: number,
  internalAddress: string,
  internalPort: number,
  protocol: 'tcp' | 'udp' = 'tcp',
) => ({
  name: `r${externalPort}`,
  role: 'https',
  protocol,
  externalPort,
  internalAddress,
  internalPort,
  sources: [],
  why: '',
});
const mapping = (protocol: 'TCP' | 'UDP', externalPort: number, internalClient: string, internalPort: number) => ({
  protocol,
  externalPort,
  internalClient,
  internalPort,
  remoteHost: '',
  enabled: true,
  description: '',
  leaseSeconds: 0,
  device: null,
  camera: true,
  service: null,
});

const NVR = '192.168.50.64';
const CAM = '192.168.50.70';

function record(opts: {
  nvr?: Device | null;
  devices?: Device[];
  rules?: ReturnType<typeof rule>[];
  mappings?: ReturnType<typeof mapping>[];
  auditGateway?: string | null;
}): SetupRecord {
  const r = emptySetupRecord('2026-12-05T10:00:00Z');
  const nvr = opts.nvr === undefined ? device('nvr', NVR, 'Shop NVR', 'Hikvision', 'DS-7608') : opts.nvr;
  r.devices = opts.devices ?? (nvr ? [nvr] : []);
  if (nvr) r.nvr = { deviceId: nvr.id, device: nvr, chosenAt: '2026-12-05T10:00:00Z' };
  if (opts.rules)
    r.rules.plan = {
      deviceId: 'nvr',
      address: NVR,
      wants: { web: true, app: true, video: false },
      sources: [],
      rules: opts.rules,
      notes: [],
      madeAt: '2026-12-05T10:00:00Z',
    } as unknown as SetupRecord['rules']['plan'];
  if (opts.mappings || opts.auditGateway !== undefined)
    r.upnp.audit = {
      measuredAt: '2026-12-05T10:00:00Z',
      interfaceName: 'eth0',
      gateway: opts.auditGateway ?? '192.168.50.1',
      igd: null,
      mappings: opts.mappings ?? [],
      listEnd: 'complete',
      natPmp: { present: false, externalAddress: null },
      elsewhere: [],
      findings: [],
    } as unknown as SetupRecord['upnp']['audit'];
  return r;
}
const withVpn = (r: SetupRecord, vpn: object) => {
  r.vpn.plan = vpn as never;
  return r;
};
const withProof = (r: SetupRecord, rows: { port: number; protocol: 'tcp' | 'udp'; state: string }[]) => {
  r.internet.proof = { rows } as never;
  return r;
};
const withCheck = (r: SetupRecord, check: { gateway?: string; publicAddress?: string; code: string }) => {
  r.internet.check = {
    gateway: check.gateway,
    publicAddress: check.publicAddress,
    verdict: { code: check.code },
  } as never;
  return r;
};

const exposure = (
  port: number,
  to: string,
  how: TopologyExposure['how'] = 'rule',
  risk: TopologyExposure['risk'] = 'medium',
): TopologyExposure => ({
  port,
  protocol: how === 'vpn' ? 'udp' : 'tcp',
  to,
  toPort: port,
  how,
  reached: null,
  risk,
  words: `w${port}`,
});
const input = (over: Partial<TopologyInput> = {}): TopologyInput => ({
  publicAddress: null,
  ddnsName: null,
  verdict: null,
  routerAddress: null,
  devices: [],
  exposures: [],
  ...over,
});
const dev = (name: string, address: string | null, kind: 'nvr' | 'camera' = 'camera') => ({
  name,
  address,
  kind,
  risk: 'none' as const,
});

describe('the risk of an open port', () => {
  it('a UPnP mapping is high risk even on a harmless port; a never-outside port is high by its outside number alone', () => {
    expect(exposureRisk({ port: 10443, toPort: 443, how: 'upnp' })).toBe('high');
    expect(exposureRisk({ port: 23, toPort: 2323, how: 'rule' })).toBe('high');
    expect(exposureRisk({ port: 2323, toPort: 23, how: 'rule' })).toBe('high');
    expect(exposureRisk({ port: 10443, toPort: 443, how: 'rule' })).toBe('medium');
  });
});

describe('what the picture reads from the setup record', () => {
  it('the NVR is named by brand and model (no "null", no missing space), else its name, else "NVR"', () => {
    expect(topologyFromRecord(record({})).devices[0]!.name).toBe('Hikvision DS-7608');
    expect(topologyFromRecord(record({ nvr: device('nvr', NVR, 'Shop', 'Hikvision') })).devices[0]!.name).toBe(
      'Hikvision',
    );
    expect(topologyFromRecord(record({ nvr: device('nvr', NVR, 'Shop') })).devices[0]!.name).toBe('Shop');
    expect(topologyFromRecord(record({ nvr: device('nvr', NVR, null) })).devices[0]!.name).toBe('NVR');
  });

  it('a camera is named by its name, else brand and model, else "Camera"; its address is read, the NVR not listed twice', () => {
    const r = record({});
    r.devices = [
      r.nvr!.device,
      device('c1', CAM, 'Door'),
      device('c2', '192.168.50.71', null, 'Dahua', 'IPC-HDW'),
      device('c3', null, null),
    ];
    expect(topologyFromRecord(r).devices).toEqual([
      { name: 'Hikvision DS-7608', address: NVR, kind: 'nvr', risk: 'none' },
      { name: 'Door', address: CAM, kind: 'camera', risk: 'none' },
      { name: 'Dahua IPC-HDW', address: '192.168.50.71', kind: 'camera', risk: 'none' },
      { name: 'Camera', address: null, kind: 'camera', risk: 'none' },
    ]);
  });

  it('at most 8 devices, the NVR first, from the record and in the layout', () => {
    const r = record({});
    r.devices = [
      r.nvr!.device,
      ...Array.from({ length: 10 }, (_, i) => device(`c${i}`, `192.168.50.${100 + i}`, `Cam ${i}`)),
    ];
    const got = topologyFromRecord(r);
    expect(got.devices.map((d) => d.name)).toEqual([
      'Hikvision DS-7608',
      ...Array.from({ length: 7 }, (_, i) => `Cam ${i}`),
    ]);
    const many = input({ devices: Array.from({ length: 10 }, (_, i) => dev(`Cam ${i}`, `10.0.0.${i + 1}`)) });
    const layout = topologyLayout(many);
    expect(layout.boxes.filter((b) => b.id.startsWith('device-'))).toHaveLength(8);
    expect(layout.sentences.filter((s) => s.startsWith('a camera'))).toHaveLength(8);
  });

  it('each exposure in words: the plan’s rule, a UPnP mapping (TCP and UDP), the VPN’s port; the proof says reached or not per port and protocol', () => {
    const r = withVpn(
      withProof(
        record({
          rules: [rule(10443, NVR, 443)],
          mappings: [mapping('UDP', 10554, CAM, 554), mapping('TCP', 10554, CAM, 554)],
        }),
        [
          { port: 10443, protocol: 'tcp', state: 'reachable' },
          { port: 10554, protocol: 'tcp', state: 'closed' },
          { port: 51820, protocol: 'tcp', state: 'reachable' },
        ],
      ),
      { mode: 'wireguard', listenPort: 51820, forward: { protocol: 'udp', port: 51820, to: '192.168.50.9' } },
    );
    const got = topologyFromRecord(r).exposures;
    expect(got.map(({ words: _words, ...e }) => e)).toEqual([
      { port: 10443, protocol: 'tcp', to: NVR, toPort: 443, how: 'rule', reached: true, risk: 'medium' },
      { port: 10554, protocol: 'udp', to: CAM, toPort: 554, how: 'upnp', reached: null, risk: 'high' },
      { port: 10554, protocol: 'tcp', to: CAM, toPort: 554, how: 'upnp', reached: false, risk: 'high' },
      { port: 51820, protocol: 'udp', to: '192.168.50.9', toPort: 51820, how: 'vpn', reached: null, risk: 'low' },
    ]);
    expect(got.map((e) => e.words)).toEqual([
      `Port 10443/tcp from the internet to ${NVR}:443, by a forward rule you planned (medium risk; reached from outside).`,
      `Port 10554/udp from the internet to ${CAM}:554, by a UPnP mapping a device opened (high risk).`,
      `Port 10554/tcp from the internet to ${CAM}:554, by a UPnP mapping a device opened (high risk; not reached from outside).`,
      'Port 51820/udp from the internet to 192.168.50.9:51820, by the VPN (low risk).',
    ]);
  });

  it('the VPN’s port leads to its forward target, else the router the Internet check saw, else "your router"; no port or no WireGuard, no exposure', () => {
    const to = (r: SetupRecord) => topologyFromRecord(r).exposures.map((e) => e.to);
    const vpn = { mode: 'wireguard', listenPort: 51820, forward: null };
    expect(to(withVpn(withCheck(record({}), { gateway: '192.168.50.1', code: 'public-on-router' }), vpn))).toEqual([
      '192.168.50.1',
    ]);
    expect(to(withVpn(record({}), vpn))).toEqual(['your router']);
    expect(to(withVpn(record({}), { ...vpn, listenPort: null }))).toEqual([]);
    expect(to(withVpn(record({}), { ...vpn, mode: 'overlay' }))).toEqual([]);
  });

  it('at most 12 exposures are read', () => {
    const rules = Array.from({ length: 14 }, (_, i) => rule(20000 + i, NVR, 443));
    expect(topologyFromRecord(record({ rules })).exposures.map((e) => e.port)).toEqual(
      Array.from({ length: 12 }, (_, i) => 20000 + i),
    );
  });

  it('a device’s risk is its worst exposure in any order; the VPN’s port to a device does not make that device risky', () => {
    const got = topologyFromRecord(record({ rules: [rule(10554, NVR, 554), rule(10443, NVR, 443)] }));
    expect(got.devices[0]!.risk).toBe('high');
    const vpn = withVpn(record({}), {
      mode: 'wireguard',
      listenPort: 51820,
      forward: { protocol: 'udp', port: 51820, to: NVR },
    });
    expect(topologyFromRecord(vpn).devices[0]!.risk).toBe('none');
  });

  it('the public address, the DDNS name (the first host, else the checked one) and the router (the check’s, else the UPnP audit’s)', () => {
    const r = withCheck(record({}), { gateway: '192.168.50.1', publicAddress: '203.0.113.7', code: 'double-nat' });
    r.ddns.hosts = [{ host: 'shop.example.net' }] as never;
    r.ddns.check = { host: 'old.example.net' } as never;
    expect(topologyFromRecord(r)).toMatchObject({
      publicAddress: '203.0.113.7',
      ddnsName: 'shop.example.net',
      verdict: 'double-nat',
      routerAddress: '192.168.50.1',
    });
    const s = record({ auditGateway: '192.168.50.254' });
    s.ddns.check = { host: 'old.example.net' } as never;
    expect(topologyFromRecord(s)).toMatchObject({
      publicAddress: null,
      ddnsName: 'old.example.net',
      verdict: null,
      routerAddress: '192.168.50.254',
    });
    expect(topologyFromRecord(record({}))).toMatchObject({ ddnsName: null, routerAddress: null });
  });
});

describe('the layout: boxes, arrows and sentences', () => {
  it('no NAT in front: Internet → router → each device, plain arrows; the exact sentences', () => {
    const layout = topologyLayout(
      input({
        publicAddress: '203.0.113.7',
        ddnsName: 'shop.example.net',
        routerAddress: '192.168.50.1',
        devices: [dev('Hikvision', NVR, 'nvr'), dev('Door', null)],
      }),
    );
    expect(layout.boxes.map((b) => [b.id, b.label, b.detail, b.risk])).toEqual([
      ['internet', 'Internet', '203.0.113.7 · shop.example.net', 'none'],
      ['router', 'Your router', '192.168.50.1', 'none'],
      ['device-0', 'NVR: Hikvision', `${NVR} · no risk found`, 'none'],
      ['device-1', 'Door', 'address unknown · no risk found', 'none'],
    ]);
    expect(layout.arrows).toEqual([
      { from: 'internet', to: 'router', label: '', risk: 'none', dashed: false },
      { from: 'router', to: 'device-0', label: '', risk: 'none', dashed: false },
      { from: 'router', to: 'device-1', label: '', risk: 'none', dashed: false },
    ]);
    expect(layout.sentences).toEqual([
      'The internet sees your network as 203.0.113.7 (name shop.example.net).',
      'Your router (192.168.50.1) connects:',
      `the NVR Hikvision at ${NVR} (no risk found);`,
      'a camera Door at an unknown address (no risk found);',
      'Nothing is open from the internet that the app knows of.',
    ]);
  });

  it('nothing checked: the Internet box and the sentences say so, the router without an address', () => {
    const layout = topologyLayout(input({ devices: [dev('Door', CAM)] }));
    expect(layout.boxes.map((b) => b.detail).slice(0, 2)).toEqual(['public address not checked', '']);
    expect(layout.sentences.slice(0, 2)).toEqual(['The internet.', 'Your router connects:']);
    expect(topologyLayout(input({ ddnsName: 'shop.example.net' })).boxes[0]!.detail).toBe('shop.example.net');
    expect(topologyLayout(input({ ddnsName: 'shop.example.net' })).sentences[0]).toBe(
      'The internet (name shop.example.net).',
    );
  });

  it('double NAT: an "ISP box" (a second router, medium risk) between Internet and router, and its sentence', () => {
    const layout = topologyLayout(input({ verdict: 'double-nat' }));
    expect(layout.boxes.map((b) => [b.id, b.label, b.detail, b.risk])).toEqual([
      ['internet', 'Internet', 'public address not checked', 'none'],
      ['front', 'ISP box', 'a second router', 'medium'],
      ['router', 'Your router', '', 'none'],
    ]);
    expect(layout.arrows).toEqual([
      { from: 'internet', to: 'front', label: '', risk: 'none', dashed: false },
      { from: 'front', to: 'router', label: '', risk: 'none', dashed: false },
    ]);
    expect(layout.sentences).toEqual([
      'The internet.',
      'An ISP box sits in front of your router (double NAT).',
      'Your router connects:',
      'Nothing is open from the internet that the app knows of.',
    ]);
  });

  it('CGNAT: the carrier’s NAT (a shared public address) in front, and the sentence that nothing reaches the router', () => {
    const layout = topologyLayout(input({ verdict: 'cgnat' }));
    expect(layout.boxes[1]).toMatchObject({
      id: 'front',
      label: 'Carrier’s NAT',
      detail: 'shared public address',
      risk: 'medium',
    });
    expect(layout.sentences[1]).toBe(
      'Your provider’s carrier-grade NAT sits in front of your router: nothing from the internet reaches it.',
    );
    for (const verdict of ['public-on-router', 'unknown'] as const) {
      const plain = topologyLayout(input({ verdict }));
      expect(plain.boxes.map((b) => b.id)).toEqual(['internet', 'router']);
      expect(plain.sentences).toHaveLength(3);
    }
  });

  it('each exposure’s arrow goes to the box of its device (the router when the VPN or an unknown address), UPnP and VPN dashed, labelled with port and how', () => {
    const layout = topologyLayout(
      input({
        devices: [dev('Hikvision', NVR, 'nvr'), dev('Door', CAM)],
        exposures: [
          exposure(10443, NVR, 'rule', 'medium'),
          exposure(10554, CAM, 'upnp', 'high'),
          exposure(8080, '192.168.50.99', 'rule', 'medium'),
          exposure(51820, NVR, 'vpn', 'low'),
        ],
      }),
    );
    expect(layout.arrows.filter((a) => a.label)).toEqual([
      { from: 'internet', to: 'device-0', label: '10443/tcp', risk: 'medium', dashed: false },
      { from: 'internet', to: 'device-1', label: '10554/tcp (UPnP)', risk: 'high', dashed: true },
      { from: 'internet', to: 'router', label: '8080/tcp', risk: 'medium', dashed: false },
      { from: 'internet', to: 'router', label: '51820/udp (VPN)', risk: 'low', dashed: true },
    ]);
    expect(layout.sentences.slice(-4)).toEqual(['w10443', 'w10554', 'w8080', 'w51820']);
  });

  it('at most 12 exposures drawn and said', () => {
    const layout = topologyLayout(input({ exposures: Array.from({ length: 14 }, (_, i) => exposure(20000 + i, NVR)) }));
    expect(layout.arrows.filter((a) => a.label)).toHaveLength(12);
    expect(layout.sentences.filter((s) => s.startsWith('w'))).toHaveLength(12);
  });

  it('the band for the exposures’ labels grows by one line each (up to 12) plus a margin; none, no band', () => {
    const h = (n: number) =>
      topologyLayout(input({ exposures: Array.from({ length: n }, (_, i) => exposure(20000 + i, NVR)) })).height;
    expect(h(1) - h(0)).toBe(18 + 24);
    expect(h(3) - h(0)).toBe(3 * 18 + 24);
    expect(h(14) - h(0)).toBe(12 * 18 + 24);
    // One device: the picture's minimum height; eight: tall enough for the stack (checked by the bounds below).
    expect(h(0)).toBe(180);
  });
});

// ---- the SVG: everything inside the picture, nothing on top of anything else, each arrow from its box to its box
const all = (el: XmlElement, name: string): XmlElement[] => [
  ...(el.name === name ? [el] : []),
  ...el.children.flatMap((c) => all(c, name)),
];
type Eight = [number, number, number, number, number, number, number, number];
const nums = (d: string) => d.match(/-?[\d.]+/g)!.map(Number) as Eight;
const busy = (): TopologyLayout =>
  topologyLayout(
    input({
      verdict: 'double-nat',
      publicAddress: '203.0.113.7',
      devices: [
        dev('Hikvision', NVR, 'nvr'),
        ...Array.from({ length: 7 }, (_, i) => dev(`Cam ${i}`, `192.168.50.${71 + i}`)),
      ],
      exposures: Array.from({ length: 12 }, (_, i) =>
        exposure(
          20000 + i,
          i % 2 ? NVR : `192.168.50.${71 + (i % 7)}`,
          i % 3 === 0 ? 'upnp' : 'rule',
          i % 3 === 0 ? 'high' : 'medium',
        ),
      ),
    }),
  );
function parsed(layout: TopologyLayout) {
  const svg = topologySvg(layout);
  const doc = parseXml(svg);
  if (!doc.ok) throw new Error(doc.error);
  return { svg, root: doc.root };
}

describe('the SVG', () => {
  it('every box inside the picture, left to right without overlap, below the exposures’ labels; the devices stacked without overlap', () => {
    // Eight devices and twelve exposures; one device alone; one device under twelve exposures (a short stack
    // under a tall band: the Internet and router boxes still inside).
    const oneUnderMany = input({
      devices: [dev('Door', CAM)],
      exposures: Array.from({ length: 12 }, (_, i) => exposure(20000 + i, CAM)),
    });
    for (const layout of [
      busy(),
      topologyLayout(input({ devices: [dev('Door', CAM)] })),
      topologyLayout(oneUnderMany),
    ]) {
      const { root } = parsed(layout);
      expect(root.attrs.viewBox).toBe(`0 0 ${layout.width} ${layout.height}`);
      const rects = all(root, 'rect').map((r) => ({
        x: +r.attrs.x!,
        y: +r.attrs.y!,
        w: +r.attrs.width!,
        h: +r.attrs.height!,
      }));
      expect(rects).toHaveLength(layout.boxes.length);
      const labels = all(root, 'text').filter((t) => t.attrs['font-size'] === '12' && t.text.includes('→'));
      const bandEnd = Math.max(0, ...labels.map((t) => +t.attrs.y!));
      for (const r of rects) {
        expect(r.x).toBeGreaterThanOrEqual(0);
        expect(r.y).toBeGreaterThan(bandEnd);
        expect(r.x + r.w).toBeLessThanOrEqual(layout.width);
        expect(r.y + r.h).toBeLessThanOrEqual(layout.height);
      }
      for (const [i, a] of rects.entries())
        for (const b of rects.slice(i + 1)) {
          const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
          expect(apart, JSON.stringify([a, b])).toBe(true);
        }
      // Internet, (front,) router, devices: left to right, with room for an arrow between.
      const columns = [...new Set(rects.map((r) => r.x))];
      for (let i = 1; i < columns.length; i++) expect(columns[i]!).toBeGreaterThan(columns[i - 1]! + 200 + 20);
      // Each box's two lines of text inside its box.
      const texts = all(root, 'text').filter((t) => t.attrs['font-size'] !== '12' || !t.text.includes('→'));
      expect(texts).toHaveLength(2 * rects.length);
      for (const [i, r] of rects.entries())
        for (const t of texts.slice(2 * i, 2 * i + 2)) {
          expect(+t.attrs.x!).toBeGreaterThan(r.x);
          expect(+t.attrs.x!).toBeLessThan(r.x + r.w);
          expect(+t.attrs.y!).toBeGreaterThan(r.y);
          expect(+t.attrs.y!).toBeLessThan(r.y + r.h);
        }
    }
  });

  it('each box shows its label and detail; a high-risk box has a thicker border than the others', () => {
    const layout = busy();
    layout.boxes[3]!.risk = 'high';
    const { root } = parsed(layout);
    const groups = all(root, 'g');
    expect(groups.map((g) => g.children.filter((c) => c.name === 'text').map((t) => t.text))).toEqual(
      layout.boxes.map((b) => [b.label, b.detail]),
    );
    expect(groups.map((g) => g.children[0]!.attrs['stroke-width'])).toEqual(
      layout.boxes.map((b) => (b.risk === 'high' ? '3' : '1.5')),
    );
  });

  it('a plain arrow runs from the right edge of its box to the left edge of the next, at their height, with an arrowhead', () => {
    const layout = busy();
    const { root } = parsed(layout);
    expect(all(root, 'marker').map((m) => m.attrs.id)).toEqual(['topo-arrow']);
    const byId = new Map(layout.boxes.map((b) => [b.id, b]));
    const plain = layout.arrows.filter((a) => !a.label);
    const paths = all(root, 'path').filter((p) => /^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/.test(p.attrs.d!));
    expect(paths).toHaveLength(plain.length);
    for (const [i, a] of plain.entries()) {
      const [x1, y1, x2, y2] = nums(paths[i]!.attrs.d!);
      const from = byId.get(a.from)!;
      const to = byId.get(a.to)!;
      expect(x1).toBe(from.x + from.w);
      expect(y1).toBeGreaterThan(from.y);
      expect(y1).toBeLessThan(from.y + from.h);
      expect(x2).toBe(to.x);
      expect(y2).toBeGreaterThan(to.y);
      expect(y2).toBeLessThan(to.y + to.h);
      expect(paths[i]!.attrs['marker-end']).toBe('url(#topo-arrow)');
    }
  });

  it('each exposure: an arc from the top of the Internet box to the top of its target, dashed for UPnP/VPN, its label on a line of its own above the boxes', () => {
    const layout = busy();
    const { root } = parsed(layout);
    const byId = new Map(layout.boxes.map((b) => [b.id, b]));
    const exposed = layout.arrows.filter((a) => a.label);
    const arcs = all(root, 'path').filter((p) => (p.attrs.d!.match(/L/g) ?? []).length === 3);
    const labels = all(root, 'text').filter((t) => t.text.includes('→'));
    expect(arcs).toHaveLength(12);
    expect(labels.map((t) => t.text)).toEqual(
      exposed.map((a) => `${a.label} → ${byId.get(a.to)!.label} · ${a.risk} risk`),
    );
    const risers: number[] = [];
    const lines: number[] = [];
    const drops = new Map<string, number[]>();
    for (const [k, a] of exposed.entries()) {
      const [x1, y1, x1b, yLine, x2, yLine2, x2b, y2] = nums(arcs[k]!.attrs.d!);
      const from = byId.get(a.from)!;
      const to = byId.get(a.to)!;
      const labelY = +labels[k]!.attrs.y!;
      expect([x1b, yLine2, x2b]).toEqual([x1, yLine, x2]);
      expect(x1).toBeGreaterThan(from.x);
      expect(x1).toBeLessThan(from.x + from.w);
      expect(y1).toBe(from.y);
      expect(x2).toBeGreaterThan(to.x);
      expect(x2).toBeLessThan(to.x + to.w);
      expect(y2).toBe(to.y);
      // The horizontal run below its own label (not through it) and above the next line's text (12 px high).
      expect(yLine).toBeGreaterThan(labelY);
      expect(yLine).toBeLessThan(labelY + 18 - 12);
      expect(labelY).toBeGreaterThanOrEqual(12);
      expect(+labels[k]!.attrs.x!).toBeGreaterThan(x1);
      expect(arcs[k]!.attrs['stroke-dasharray'] !== undefined).toBe(a.dashed);
      risers.push(x1);
      lines.push(labelY);
      drops.set(a.to, [...(drops.get(a.to) ?? []), x2]);
    }
    // Lines 18 px apart, top to bottom; the risers (and the drops into one box) apart enough to tell them apart.
    for (let i = 1; i < lines.length; i++) expect(lines[i]! - lines[i - 1]!).toBe(18);
    const apart = (xs: number[]) => [...xs].sort((a, b) => a - b).every((x, i, s) => i === 0 || x - s[i - 1]! >= 6);
    expect(apart(risers)).toBe(true);
    for (const xs of drops.values()) expect(apart(xs)).toBe(true);
    expect(exposed.some((a) => a.dashed) && exposed.some((a) => !a.dashed)).toBe(true);
  });

  it('the description is every sentence, space separated; an arrow to a box that is not there is left out, not a crash', () => {
    const layout = busy();
    const { root } = parsed(layout);
    expect(all(root, 'desc')[0]!.text).toBe(layout.sentences.join(' '));
    const broken: TopologyLayout = {
      ...layout,
      arrows: [
        { from: 'internet', to: 'gone', label: 'x', risk: 'high', dashed: false },
        { from: 'gone', to: 'router', label: '', risk: 'none', dashed: false },
      ],
    };
    const { root: r2 } = parsed(broken);
    expect(all(r2, 'path').filter((p) => p.attrs.d !== 'M0 0 L10 5 L0 10 z')).toHaveLength(0);
  });
});
