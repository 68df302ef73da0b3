import { describe, expect, it } from 'vitest';
import { discoveredDeviceSchema } from '../../../src/shared/domain/device';
import { Inventory } from '../../../src/main/services/discovery/inventory';

const at = () => new Date('2026-11-24T10:00:00Z');

describe('device inventory', () => {
  it('merges WS-Discovery, SADP and SSDP findings about one NVR into one device', () => {
    const inv = new Inventory(at);
    inv.add({
      source: 'onvif',
      address: '192.168.50.64',
      interfaceName: 'eth0',
      endpoint: 'urn:uuid:a',
      mac: '02:00:c0:a8:32:40',
      model: 'DS-7608NI-K2',
      brand: { value: 'Hikvision', from: 'scopes' },
      onvifUrl: 'http://192.168.50.64/onvif/device_service',
    });
    inv.add({
      source: 'sadp',
      address: '192.168.50.64',
      interfaceName: 'eth0',
      mac: '02:00:c0:a8:32:40',
      serial: 'DS-7608NI-K20820191234CCRR',
      firmware: 'V4.62.210',
      ports: { http: 80, sdk: 8000 },
      dhcp: false,
      activated: true,
      brand: { value: 'Hikvision', from: 'sadp' },
    });
    const merged = inv.add({
      source: 'ssdp',
      address: '192.168.50.64',
      interfaceName: 'eth0',
      serial: 'DS-7608NI-K20820191234CCRR',
      upnp: true,
      brand: { value: 'Hikvision', from: 'ssdp' },
    });
    expect(inv.list()).toHaveLength(1);
    expect(merged).toMatchObject({
      sources: ['onvif', 'sadp', 'ssdp'],
      brand: 'Hikvision',
      brandSource: 'sadp',
      ports: { http: 80, sdk: 8000 },
      dhcp: false,
      upnp: true,
      firmware: 'V4.62.210',
    });
    expect(discoveredDeviceSchema.safeParse(merged).success).toBe(true);
  });

  it('keeps two boxes apart when their MACs differ, even at one address (an address that moved)', () => {
    const inv = new Inventory(at);
    inv.add({ source: 'sadp', address: '192.168.50.70', interfaceName: 'eth0', mac: '02:00:00:00:00:01' });
    inv.add({ source: 'dhip', address: '192.168.50.70', interfaceName: 'eth0', mac: '02:00:00:00:00:02' });
    expect(inv.list()).toHaveLength(2);
  });

  it('returns null when a finding adds nothing new', () => {
    const inv = new Inventory(at);
    const f = { source: 'onvif' as const, address: '192.168.50.66', interfaceName: 'eth0', endpoint: 'urn:uuid:r' };
    expect(inv.add(f)).not.toBeNull();
    expect(inv.add(f)).toBeNull();
  });

  it('uses the MAC maker only as the weakest brand hint', () => {
    const inv = new Inventory(at);
    const d = inv.add({ source: 'sweep', address: '192.168.50.80', interfaceName: 'eth0', mac: '3c:ef:8c:00:00:01' });
    expect(d).toMatchObject({ brand: 'Dahua', brandSource: 'oui' });
    const d2 = inv.add({
      source: 'ssdp',
      address: '192.168.50.80',
      interfaceName: 'eth0',
      brand: { value: 'Amcrest', from: 'ssdp' },
    });
    expect(d2).toMatchObject({ brand: 'Amcrest', brandSource: 'ssdp' });
  });
});

describe('a new search keeps the ids of the devices it finds again', () => {
  const at = () => new Date('2026-12-06T10:00:00.000Z');
  it('whichever protocol answers first this time, the same box keeps its id; a new box gets its own', () => {
    const inv = new Inventory(at);
    // First search: SADP answered first for hik (by its serial, no MAC yet), then WS-Discovery.
    inv.add({ source: 'sadp', address: '192.168.50.64', interfaceName: 'eth0', serial: 'DS-1' });
    inv.add({ source: 'onvif', address: '192.168.50.64', interfaceName: 'eth0', endpoint: 'urn:uuid:hik' });
    inv.add({ source: 'ssdp', address: '192.168.50.65', interfaceName: 'eth0' });
    const [hik, other] = inv.list();
    expect(hik!.id).toBe('dev-DS-1');
    // Second search: WS-Discovery answers first now (an endpoint: its fresh id would be dev-urn:uuid:hik).
    inv.startOver();
    expect(inv.list()).toEqual([]);
    inv.add({ source: 'onvif', address: '192.168.50.64', interfaceName: 'eth0', endpoint: 'urn:uuid:hik' });
    inv.add({ source: 'ssdp', address: '192.168.50.65', interfaceName: 'eth0' });
    inv.add({ source: 'sadp', address: '192.168.50.66', interfaceName: 'eth0', mac: '02:00:00:00:00:66' });
    expect(inv.list().map((d) => d.id)).toEqual([hik!.id, other!.id, 'dev-02:00:00:00:00:66']);
    // A box at a known address that says it is another box (another MAC) is not taken for the one before.
    inv.startOver();
    inv.add({ source: 'sadp', address: '192.168.50.66', interfaceName: 'eth0', mac: '02:00:00:00:00:99' });
    expect(inv.list().map((d) => d.id)).toEqual(['dev-02:00:00:00:00:99']);
    // One not found in a search is still known to the next one.
    inv.startOver();
    inv.add({ source: 'onvif', address: '192.168.50.64', interfaceName: 'eth0', endpoint: 'urn:uuid:hik' });
    expect(inv.list().map((d) => d.id)).toEqual([hik!.id]);
  });

  it('a fresh id an earlier device still has is not given to another box', () => {
    const inv = new Inventory(at);
    inv.add({ source: 'ssdp', address: '192.168.50.70', interfaceName: 'eth0', mac: '02:00:00:00:00:70' });
    inv.startOver();
    // Another box (another serial) whose fresh id would be the same as the one before: kept apart.
    inv.add({ source: 'sadp', address: '192.168.50.71', interfaceName: 'eth0', serial: '02:00:00:00:00:70' });
    const [box] = inv.list();
    expect(box!.id).not.toBe('dev-02:00:00:00:00:70');
  });
});
