// The topology picture: what is exposed where, coloured AND said in words. What the user would lose: a UPnP hole or a
// plain-text port drawn as harmless, a device name that breaks the SVG (or injects markup into the checklist), a
// picture a screen reader cannot read.
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../src/main/protocol/xml';
import { emptySetupRecord, type SetupRecord } from '../../../../src/shared/domain/setup';
import {
  exposureRisk,
  topologyFromRecord,
  topologyLayout,
  topologySvg,
  xmlText,
} from '../../../../src/shared/domain/topology';
import { device } from './topology-fixture';

function shop(): SetupRecord {
  const r = emptySetupRecord('2026-12-05T10:00:00Z');
  const nvr = device('nvr', '192.168.50.64', 'Shop NVR', 'Hikvision');
  r.devices = [nvr, device('cam1', '192.168.50.70', 'Door <cam> & "yard"')];
  r.nvr = { deviceId: 'nvr', device: nvr, chosenAt: '2026-12-05T10:00:00Z' };
  r.rules.plan = {
    deviceId: 'nvr',
    address: '192.168.50.64',
    wants: { web: true, app: true, video: false },
    sources: [],
    rules: [
      {
        name: 'web',
        role: 'https',
        protocol: 'tcp',
        externalPort: 10443,
        internalAddress: '192.168.50.64',
        internalPort: 443,
        sources: [],
        why: 'web',
      },
    ],
    notes: [],
    madeAt: '2026-12-05T10:00:00Z',
  };
  r.upnp.audit = {
    measuredAt: '2026-12-05T10:00:00Z',
    interfaceName: 'eth0',
    gateway: '192.168.50.1',
    igd: null,
    mappings: [
      {
        protocol: 'TCP',
        externalPort: 8000,
        internalClient: '192.168.50.64',
        internalPort: 8000,
        remoteHost: '',
        enabled: true,
        description: 'hik',
        leaseSeconds: 0,
        device: null,
        camera: true,
        service: null,
      },
    ],
    listEnd: 'complete',
    natPmp: { present: false, externalAddress: null },
    elsewhere: [],
    findings: [],
  } as unknown as SetupRecord['upnp']['audit'];
  return r;
}

describe('the topology picture', () => {
  it('an empty record: Internet → router, nothing exposed, and it says so', () => {
    const layout = topologyLayout(topologyFromRecord(emptySetupRecord('2026-12-05T10:00:00Z')));
    expect(layout.boxes.map((b) => b.id)).toEqual(['internet', 'router']);
    expect(layout.sentences.at(-1)).toBe('Nothing is open from the internet that the app knows of.');
  });

  it('a UPnP hole to the NVR is high risk, drawn dashed, and named in words; the planned HTTPS rule is medium', () => {
    const input = topologyFromRecord(shop());
    expect(input.exposures.map((e) => [e.port, e.how, e.risk])).toEqual([
      [10443, 'rule', 'medium'],
      [8000, 'upnp', 'high'],
    ]);
    expect(input.devices.map((d) => [d.kind, d.risk])).toEqual([
      ['nvr', 'high'],
      ['camera', 'none'],
    ]);
    const layout = topologyLayout(input);
    const upnp = layout.arrows.find((a) => a.label.startsWith('8000/tcp'))!;
    expect(upnp).toMatchObject({ from: 'internet', to: 'device-0', risk: 'high', dashed: true });
    expect(layout.sentences.join(' ')).toContain(
      'Port 8000/tcp from the internet to 192.168.50.64:8000, by a UPnP mapping a device opened (high risk)',
    );
  });

  it('double NAT and CGNAT put a box in front of the router and a sentence about it', () => {
    const r = shop();
    r.internet.check = { gateway: '192.168.50.1', publicAddress: '203.0.113.3', verdict: { code: 'cgnat' } } as never;
    const layout = topologyLayout(topologyFromRecord(r));
    expect(layout.boxes.map((b) => b.id).slice(0, 3)).toEqual(['internet', 'front', 'router']);
    expect(layout.sentences.join(' ')).toContain('carrier-grade NAT');
  });

  it('the VPN port is low risk and leads to the router, not to a device', () => {
    expect(exposureRisk({ port: 51820, toPort: 51820, how: 'vpn' })).toBe('low');
    expect(exposureRisk({ port: 10554, toPort: 554, how: 'rule' })).toBe('high');
    expect(exposureRisk({ port: 10443, toPort: 443, how: 'rule' })).toBe('medium');
  });

  it('the SVG: a titled, described image; device names escaped (no markup from a device), colour plus words', () => {
    const svg = topologySvg(topologyLayout(topologyFromRecord(shop())));
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* role="img" aria-labelledby="topo-title topo-desc"/,
    );
    expect(svg).toContain('<title id="topo-title">How your NVR is reached</title>');
    expect(svg).toContain('Door &lt;cam&gt; &amp; &quot;yard&quot;');
    expect(svg).not.toContain('<cam>');
    expect(svg).toContain('8000/tcp (UPnP) → NVR: Hikvision · high risk');
    // Well-formed XML (the browser and the checklist would refuse a broken one), read back by our XML parser.
    const parsed = parseXml(svg);
    expect(parsed.ok).toBe(true);
  });

  it('xmlText drops control and bidi characters and escapes the five XML characters', () => {
    expect(xmlText('a\u0007b\u202ec<d>&\'"')).toBe('abc&lt;d&gt;&amp;&apos;&quot;');
  });
});
