import { describe, expect, it } from 'vitest';
import { Inventory, type Finding } from '../../../src/main/services/discovery/inventory';

// The inventory's merge, rule by rule (issue 17, from mutation testing): one box is one device — never two boxes
// merged into one (the user would change the wrong NVR), never one box listed twice — and what a device says after
// a login wins over what it shouted in discovery.

let clock = 0;
const now = () => new Date(Date.UTC(2026, 10, 24, 10, 0, clock++));
const base = (over: Partial<Finding> = {}): Finding => ({
  source: 'onvif',
  address: '192.168.50.64',
  interfaceName: 'eth0',
  ...over,
});

describe('which device a finding belongs to', () => {
  it('by MAC first, even when the address belongs to another device', () => {
    const inv = new Inventory(now);
    inv.add(base({ mac: '02:00:00:00:00:01', address: '192.168.50.10' }));
    inv.add(base({ mac: '02:00:00:00:00:02', address: '192.168.50.20' }));
    inv.add(base({ source: 'sadp', mac: '02:00:00:00:00:02', address: '192.168.50.10' }));
    expect(inv.list().map((d) => [d.mac, d.addresses, d.sources])).toEqual([
      ['02:00:00:00:00:01', ['192.168.50.10'], ['onvif']],
      ['02:00:00:00:00:02', ['192.168.50.20', '192.168.50.10'], ['onvif', 'sadp']],
    ]);
  });

  it('then by ONVIF endpoint, then by serial, before the address', () => {
    const inv = new Inventory(now);
    inv.add(base({ endpoint: 'urn:uuid:a', address: '192.168.50.10' }));
    inv.add(base({ serial: 'SN-B', address: '192.168.50.20' }));
    inv.add(base({ source: 'ssdp', endpoint: 'urn:uuid:a', address: '192.168.50.20' }));
    inv.add(base({ source: 'sadp', serial: 'SN-B', address: '192.168.50.10' }));
    expect(inv.list().map((d) => [d.endpoint, d.serial, d.sources])).toEqual([
      ['urn:uuid:a', null, ['onvif', 'ssdp']],
      [null, 'SN-B', ['onvif', 'sadp']],
    ]);
  });

  it('an unknown endpoint or serial is a new device even at a known address when both MACs differ', () => {
    const inv = new Inventory(now);
    inv.add(base({ mac: '02:00:00:00:00:01', endpoint: 'urn:uuid:a', serial: 'SN-A' }));
    inv.add(base({ mac: '02:00:00:00:00:02', endpoint: 'urn:uuid:b', serial: 'SN-B' }));
    expect(inv.list()).toHaveLength(2);
  });

  it('by address only when the MACs cannot differ: a finding without a MAC, or a device without one, joins', () => {
    const inv = new Inventory(now);
    inv.add(base({ mac: '02:00:00:00:00:01' }));
    inv.add(base({ source: 'ssdp' })); // no MAC: the box at that address
    expect(inv.list()).toHaveLength(1);
    const other = new Inventory(now);
    other.add(base({ source: 'ssdp' })); // known by address only
    other.add(base({ source: 'sadp', mac: '02:00:00:00:00:01' }));
    expect(other.list().map((d) => [d.mac, d.sources])).toEqual([['02:00:00:00:00:01', ['ssdp', 'sadp']]]);
  });

  it('a finding that matches nothing is a new device, whose id comes from its MAC, endpoint, serial or address', () => {
    const inv = new Inventory(now);
    inv.add(base({ mac: 'm1', endpoint: 'e1', serial: 's1', address: '192.168.50.1' }));
    inv.add(base({ endpoint: 'e2', serial: 's2', address: '192.168.50.2' }));
    inv.add(base({ serial: 's3', address: '192.168.50.3' }));
    inv.add(base({ address: '192.168.50.4' }));
    inv.add(base({ serial: 'x'.repeat(400), address: '192.168.50.5' }));
    const ids = inv.list().map((d) => d.id);
    expect(ids.slice(0, 4)).toEqual(['dev-m1', 'dev-e2', 'dev-s3', 'dev-192.168.50.4']);
    expect(ids[4]).toBe(`dev-${'x'.repeat(296)}`);
  });
});

describe('what a device is said to be', () => {
  it('first discovery words stay; what the device says after a login (onvif brand) wins', () => {
    const inv = new Inventory(now);
    inv.add(base({ mac: 'm', model: 'FROM-SCOPES', firmware: 'v1', name: 'first', onvifUrl: 'http://a/onvif' }));
    inv.add(base({ mac: 'm', model: 'OTHER', firmware: 'v2', name: 'second', onvifUrl: 'http://b/onvif' }));
    expect(inv.get('dev-m')).toMatchObject({ model: 'FROM-SCOPES', firmware: 'v1', name: 'first' });
    expect(inv.get('dev-m')!.onvifUrl).toBe('http://a/onvif');
    inv.add(
      base({
        mac: 'm',
        model: 'DS-7608NI-K2',
        firmware: 'V4.61',
        onvifUrl: 'http://c/onvif',
        brand: { value: 'Hikvision', from: 'onvif' },
      }),
    );
    expect(inv.get('dev-m')).toMatchObject({ model: 'DS-7608NI-K2', firmware: 'V4.61', onvifUrl: 'http://c/onvif' });
    // A login that names no model does not erase the one known.
    inv.add(base({ mac: 'm', brand: { value: 'Hikvision', from: 'onvif' } }));
    expect(inv.get('dev-m')).toMatchObject({ model: 'DS-7608NI-K2', firmware: 'V4.61', name: 'first' });
  });

  it('the first endpoint, serial and name stay', () => {
    const inv = new Inventory(now);
    inv.add(base({ mac: 'm' }));
    inv.add(base({ mac: 'm', endpoint: 'e1', serial: 's1', name: 'n1' }));
    inv.add(base({ mac: 'm', endpoint: 'e2', serial: 's2', name: 'n2' }));
    expect(inv.get('dev-m')).toMatchObject({ endpoint: 'e1', serial: 's1', name: 'n1' });
  });

  it('DHCP and activation follow the last finding that knows them; UPnP, once seen, stays', () => {
    const inv = new Inventory(now);
    inv.add(base({ mac: 'm' }));
    expect(inv.get('dev-m')).toMatchObject({ dhcp: null, activated: null, upnp: false, notes: [], ports: {} });
    inv.add(base({ mac: 'm', dhcp: true, activated: false, upnp: true }));
    inv.add(base({ mac: 'm', dhcp: null, activated: null, upnp: false }));
    expect(inv.get('dev-m')).toMatchObject({ dhcp: true, activated: false, upnp: true });
    inv.add(base({ mac: 'm', dhcp: false, activated: true }));
    expect(inv.get('dev-m')).toMatchObject({ dhcp: false, activated: true, upnp: true });
  });

  it('the first port named for a role stays; a port that is not a whole number is ignored', () => {
    const inv = new Inventory(now);
    inv.add(base({ mac: 'm', ports: { http: 80.5, rtsp: 554 } }));
    inv.add(base({ mac: 'm', ports: { http: 80, rtsp: 10554 } }));
    expect(inv.get('dev-m')!.ports).toEqual({ http: 80, rtsp: 554 });
  });

  it('notes are kept once each, at most 20; addresses at most 16', () => {
    const inv = new Inventory(now);
    inv.add(base({ mac: 'm', notes: ['a', 'a', 'b'] }));
    inv.add(base({ mac: 'm', notes: ['b', ...Array.from({ length: 30 }, (_, i) => `n${i}`)] }));
    const notes = inv.get('dev-m')!.notes;
    expect(notes).toHaveLength(20);
    expect(notes.slice(0, 3)).toEqual(['a', 'b', 'n0']);
    for (let i = 1; i <= 20; i++) inv.add(base({ mac: 'm', address: `192.168.50.${100 + i}` }));
    expect(inv.get('dev-m')!.addresses).toHaveLength(16);
  });

  it('the brand comes from the strongest source; an equal one does not replace it; the MAC maker is the weakest', () => {
    const inv = new Inventory(now);
    inv.add(base({ mac: 'c0:56:e3:00:00:01' }));
    expect(inv.list()[0]).toMatchObject({ brand: 'Hikvision', brandSource: 'oui' });
    inv.add(base({ mac: 'c0:56:e3:00:00:01', brand: { value: 'HiWatch', from: 'ssdp' } }));
    expect(inv.list()[0]).toMatchObject({ brand: 'HiWatch', brandSource: 'ssdp' });
    inv.add(base({ mac: 'c0:56:e3:00:00:01', brand: { value: 'Other', from: 'ssdp' } }));
    inv.add(base({ mac: 'c0:56:e3:00:00:01', brand: { value: 'Weak', from: 'banner' } }));
    expect(inv.list()[0]).toMatchObject({ brand: 'HiWatch', brandSource: 'ssdp' });
    inv.add(base({ mac: 'c0:56:e3:00:00:01', brand: { value: 'Hikvision', from: 'onvif' } }));
    expect(inv.list()[0]).toMatchObject({ brand: 'Hikvision', brandSource: 'onvif' });
    // A device without a brand and a MAC no maker owns has none.
    inv.add(base({ mac: '02:00:00:00:00:09', address: '192.168.50.9' }));
    expect(inv.get('dev-02:00:00:00:00:09')).toMatchObject({ brand: null, brandSource: null });
  });
});

describe('the list', () => {
  it('holds at most 2 048 devices: the next new one is dropped (add and upsert return null), known ones still merge', () => {
    const inv = new Inventory(now);
    for (let i = 0; i < 2048; i++) expect(inv.add(base({ mac: `m${i}` }))).not.toBeNull();
    expect(inv.add(base({ mac: 'one-too-many' }))).toBeNull();
    expect(inv.upsert(base({ mac: 'one-too-many' }))).toBeNull();
    expect(inv.list()).toHaveLength(2048);
    expect(inv.upsert(base({ mac: 'm7', serial: 's7' }))).toMatchObject({ id: 'dev-m7', serial: 's7' });
  });

  it('upsert returns the device even when nothing changed; add returns null then', () => {
    const inv = new Inventory(now);
    inv.add(base({ mac: 'm' }));
    expect(inv.add(base({ mac: 'm' }))).toBeNull();
    expect(inv.upsert(base({ mac: 'm' }))).toMatchObject({ id: 'dev-m' });
  });

  it('reset starts over, or from a saved list, which it copies and caps at 2 048', () => {
    const inv = new Inventory(now);
    inv.add(base({ mac: 'm' }));
    const saved = inv.list();
    inv.reset();
    expect(inv.list()).toEqual([]);
    inv.reset(saved);
    saved[0]!.model = 'changed outside';
    expect(inv.list()).toHaveLength(1);
    expect(inv.get('dev-m')!.model).toBeNull();
    const many = Array.from({ length: 2100 }, (_, i) => ({ ...saved[0]!, id: `dev-${i}`, mac: `m${i}` }));
    inv.reset(many);
    expect(inv.list()).toHaveLength(2048);
  });

  it('hands out copies: changing one does not change the list', () => {
    const inv = new Inventory(now);
    inv.add(base({ mac: 'm' }));
    inv.get('dev-m')!.addresses.push('x');
    inv.list()[0]!.notes.push('x');
    expect(inv.get('dev-m')).toMatchObject({ addresses: ['192.168.50.64'], notes: [] });
    expect(inv.get('nope')).toBeNull();
  });
});
