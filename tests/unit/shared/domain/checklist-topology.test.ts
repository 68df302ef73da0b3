// The checklist carries the Security step's score with its fixes and the topology picture (issue 15, items 2 and 3).
// What the user would lose: a checklist that hides the score or lists the fixes out of order (the cheap one first),
// a picture that puts the NVR where it no longer is, names every device of the LAN to whoever gets the file, or a
// device's name that breaks the checklist (a throw: no checklist at all) or carries a secret into it.
import { describe, expect, it } from 'vitest';
import { buildChecklist, checklistSchema } from '../../../../src/shared/domain/checklist';
import { checklistContent } from '../../../../src/shared/domain/checklist-export';
import { finding } from '../../../../src/shared/domain/security-model';
import { emptySetupRecord } from '../../../../src/shared/domain/setup';
import { topologySvg } from '../../../../src/shared/domain/topology';
import { SECRETS, fullRecord } from './checklist-fixture';
import { device } from './topology-fixture';

const meta = { madeAt: '2026-03-02T08:00:00.000Z', appVersion: '9.9.9' };
const T = '2026-03-01T10:00:00.000Z';

describe('the security score in the checklist', () => {
  it('carries the last check’s time, score and every fix worth points, the one worth most first', () => {
    const r = fullRecord();
    const c = buildChecklist(r, meta);
    expect(c.security).toMatchObject({ checkedAt: T, score: 35, highRisk: true });
    expect(c.security!.fixes.map((f) => `${f.worth}:${f.id}`)).toEqual([
      '20:service-telnet',
      '20:upnp-camera-mapped',
      '10:forward-any-source',
      '10:no-vpn',
      '5:vuln-CVE-2021-36260',
    ]);
    // The score is 100 less what the fixes are worth: the list hides none of them.
    expect(100 - c.security!.fixes.reduce((s, f) => s + f.worth, 0)).toBe(c.security!.score);
    expect(c.security!.fixes[0]).toEqual({
      id: 'service-telnet',
      severity: 'high',
      title: 'Telnet open on port 23',
      text: expect.stringMatching(/login readable/),
      fix: expect.stringMatching(/Turn telnet off/),
      worth: 20,
      // Its words by key, as the Security step kept them (the reader's language on the PDF, the page, the CLI).
      said: r.security.last!.findings.find((f) => f.id === 'service-telnet')!.said,
    });
    expect(c.security!.fixes[0]!.said?.title).toBeDefined();
  });

  it('orders the fixes by worth, then severity, then id, whatever order the record kept them in; a finding worth nothing is no fix', () => {
    const r = fullRecord();
    r.security.last = {
      checkedAt: T,
      score: 51,
      highRisk: true,
      firmware: [],
      findings: [
        finding('b-low', 'low', 'b', 't', 'f'),
        finding('info', 'info', 'i', 't', 'f'),
        finding('z-high', 'high', 'z', 't', 'f'),
        finding('a-unknown', 'unknown', 'a', 't', 'f', [], { worth: 4 }),
        finding('a-high', 'high', 'a', 't', 'f'),
        finding('m', 'medium', 'm', 't', 'f', [], { worth: 1 }),
      ],
    };
    const fixes = buildChecklist(r, meta).security!.fixes;
    expect(fixes.map((f) => f.id)).toEqual(['a-high', 'z-high', 'b-low', 'a-unknown', 'm']);
  });

  it('no Security check made yet: null (the page and the PDF say "not checked yet"), never a made-up score', () => {
    const r = fullRecord();
    r.security.last = null;
    expect(buildChecklist(r, meta).security).toBeNull();
    expect(buildChecklist({ security: { last: { score: 'high' } } }, meta).security).toBeNull();
  });

  it('never carries a finding’s evidence (a device’s answer may hold a secret)', () => {
    const json = JSON.stringify(buildChecklist(fullRecord(), meta));
    expect(JSON.stringify(fullRecord().security)).toContain(SECRETS[0]);
    for (const secret of SECRETS) expect(json).not.toContain(secret);
    expect(json).not.toContain('"evidence"');
  });
});

describe('the topology picture in the checklist', () => {
  // Built inside each test (not once here), so mutation testing sees which test reaches which line.
  const whole = () => buildChecklist(fullRecord(), meta);

  it('draws Internet → your router → the NVR at the address the Static IP step gave it, with each exposure on it', () => {
    const c = whole();
    expect(c.topology.boxes.map((b) => [b.id, b.label, b.detail, b.risk])).toEqual([
      ['internet', 'Internet', '203.0.113.7 · shop-nvr.duckdns.org', 'none'],
      ['router', 'Your router', '192.168.1.1', 'none'],
      ['device-0', 'NVR: Hikvision DS-7608NI-K2', '192.168.1.20 · high risk', 'high'],
    ]);
    expect(c.topology.arrows.filter((a) => a.label).map((a) => [a.to, a.label, a.risk, a.dashed])).toEqual([
      ['device-0', '8443/tcp', 'medium', false],
      ['device-0', '8000/tcp', 'high', false],
      ['device-0', '8000/tcp (UPnP)', 'high', true],
    ]);
  });

  it('says each exposure in words: how it is open, its risk, and whether the test from outside reached it', () => {
    const c = whole();
    expect(c.topology.exposures.map((e) => [e.port, e.how, e.risk, e.reached])).toEqual([
      [8443, 'rule', 'medium', true],
      [8000, 'rule', 'high', null],
      [8000, 'upnp', 'high', null],
    ]);
    expect(c.topology.sentences).toEqual([
      'The internet sees your network as 203.0.113.7 (name shop-nvr.duckdns.org).',
      'Your router (192.168.1.1) connects:',
      'the NVR Hikvision DS-7608NI-K2 at 192.168.1.20 (high risk);',
      'Port 8443/tcp from the internet to 192.168.1.20:8443, by a forward rule you planned (medium risk; reached from outside).',
      'Port 8000/tcp from the internet to 192.168.1.20:8000, by a forward rule you planned (high risk).',
      'Port 8000/tcp from the internet to 192.168.1.20:8000, by a UPnP mapping a device opened (high risk).',
      '1 other device found on your network: nothing open from the internet leads to it.',
    ]);
  });

  it('counts the devices nothing is open to without naming them, and names a camera a UPnP mapping leads to', () => {
    const c = whole();
    expect(c.topology.otherDevices).toBe(1);
    // The other device's name carries a test token: counted, never copied.
    expect(JSON.stringify(c.topology)).not.toContain(SECRETS[1]);
    const r = fullRecord();
    r.devices.push(device('yard', '192.168.1.70', 'Yard camera'), device('printer', '192.168.1.80', 'Printer'));
    r.upnp.audit!.mappings.push({ ...r.upnp.audit!.mappings[0]!, externalPort: 9554, internalClient: '192.168.1.70' });
    const t = buildChecklist(r, meta).topology;
    expect(t.otherDevices).toBe(2);
    expect(t.boxes.find((b) => b.label === 'Yard camera')).toMatchObject({ risk: 'high' });
    expect(t.sentences).toContain('a camera Yard camera at 192.168.1.70 (high risk);');
    expect(t.sentences.at(-1)).toBe(
      '2 other devices found on your network: nothing open from the internet leads to them.',
    );
    expect(JSON.stringify(t)).not.toContain('Printer');
  });

  it('an empty record: Internet → your router, nothing open, no throw', () => {
    const t = buildChecklist(emptySetupRecord(T), meta).topology;
    expect(t.boxes.map((b) => b.id)).toEqual(['internet', 'router']);
    expect(t.exposures).toEqual([]);
    expect(t.sentences).toContain('Nothing is open from the internet that the app knows of.');
    // No device found but the NVR (none here): nothing to count, no sentence about other devices.
    expect(t.otherDevices).toBe(0);
    expect(t.sentences.join(' ')).not.toMatch(/other device/);
    expect(buildChecklist(undefined, meta).topology.sentences[0]).toBe('The internet.');
  });

  it('shows the carrier’s NAT in front of the router when the Internet step found one (an unknown verdict reads as unknown)', () => {
    const r = fullRecord();
    r.internet.check!.verdict.code = 'cgnat';
    const boxes = buildChecklist(r, meta).topology.boxes;
    expect(boxes.map((b) => b.id)).toEqual(['internet', 'front', 'router', 'device-0']);
    // Its colour says medium risk: so do its words (and a box that says its risk already does not say it twice).
    expect(boxes[1]).toMatchObject({ risk: 'medium', detail: 'shared public address · medium risk' });
    expect(boxes[3]).toMatchObject({ risk: 'high', detail: '192.168.1.20 · high risk' });
    const odd = structuredClone(r) as unknown as { internet: { check: { verdict: { code: string } } } };
    odd.internet.check.verdict.code = 'from-a-newer-app';
    expect(buildChecklist(odd, meta).topology.boxes.map((b) => b.id)).toEqual(['internet', 'router', 'device-0']);
  });

  it('no Internet check: the router’s address from the UPnP audit, the name from the DDNS check alone', () => {
    const r = fullRecord();
    r.internet.check = null;
    r.upnp.audit!.gateway = '192.168.1.254';
    r.ddns.hosts = [];
    const t = buildChecklist(r, meta).topology;
    expect(t.boxes.find((b) => b.id === 'router')?.detail).toBe('192.168.1.254');
    expect(t.sentences[0]).toBe('The internet (name shop-nvr.duckdns.org).');
  });

  it('a camera only a forward rule leads to is drawn and named, as one a UPnP mapping leads to', () => {
    const r = fullRecord();
    r.devices.push(device('door', '192.168.1.71', 'Door camera'));
    r.rules.plan!.rules.push({ ...r.rules.plan!.rules[0]!, externalPort: 9443, internalAddress: '192.168.1.71' });
    const t = buildChecklist(r, meta).topology;
    expect(t.boxes.find((b) => b.label === 'Door camera')).toMatchObject({ risk: 'medium' });
    expect(t.otherDevices).toBe(1);
  });

  it('draws the VPN’s one UDP port (low risk, dashed) to the computer the plan forwards it to', () => {
    const r = fullRecord() as unknown as { vpn: { plan: unknown } };
    r.vpn.plan = { mode: 'wireguard', listenPort: 51820, forward: { protocol: 'udp', port: 51820, to: '192.168.1.5' } };
    const t = buildChecklist(r, meta).topology;
    expect(t.exposures.at(-1)).toMatchObject({
      port: 51820,
      protocol: 'udp',
      to: '192.168.1.5',
      how: 'vpn',
      risk: 'low',
    });
    expect(t.arrows.at(-1)).toMatchObject({ to: 'router', label: '51820/udp (VPN)', dashed: true, risk: 'low' });
  });

  it('device text at its longest, with markup and controls: the checklist is still made, and its SVG stays markup-free', () => {
    const r = fullRecord();
    const long = `<script>alert(1)</script>\u202e${'Ω'.repeat(200)}`.slice(0, 200);
    r.nvr!.device = { ...r.nvr!.device, brand: 'B'.repeat(100), model: long };
    r.devices.push(device('cam', '192.168.1.70', long, 'b'.repeat(100), 'm'.repeat(200)));
    r.upnp.audit!.mappings.push({ ...r.upnp.audit!.mappings[0]!, internalClient: '192.168.1.70' });
    r.ddns.hosts[0]!.host = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    const c2 = buildChecklist(r, meta);
    expect(checklistSchema.parse(c2)).toEqual(c2);
    const svg = topologySvg(c2.topology);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toContain('\u202e');
  });

  it('the picture and the score are part of what the checklist says: a change to either makes a kept copy out of date', () => {
    const c = whole();
    const same = checklistContent(buildChecklist(fullRecord(), meta));
    expect(checklistContent(c)).toBe(same);
    const r = fullRecord();
    r.devices[1]!.addresses = ['192.168.1.20'];
    r.devices[1]!.id = 'moved';
    const named = buildChecklist(r, meta);
    expect(named.topology.otherDevices).toBe(0);
    expect(checklistContent(named)).not.toBe(same);
    const rechecked = fullRecord();
    rechecked.security.last!.score = 40;
    expect(checklistContent(buildChecklist(rechecked, meta))).not.toBe(same);
  });
});
