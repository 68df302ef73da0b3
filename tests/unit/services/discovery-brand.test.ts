import { describe, expect, it } from 'vitest';
import { createDiscoveryService } from '../../../src/main/services/discovery/discovery';
import { Inventory } from '../../../src/main/services/discovery/inventory';
import type { HttpTransport } from '../../../src/main/transport/http';
import type { UdpTransport } from '../../../src/main/transport/udp';
import { FAST_DISCOVERY } from '../../support/fake-lan';
import { LAB_CLIENT } from '../../support/fake-system';

const silentUdp: UdpTransport = { open: async () => ({ send: async () => {}, close() {} }) };

describe('maker from the web page', () => {
  it('names a device that did not say who made it from its Server header, and only on the LAN', async () => {
    const asked: string[] = [];
    const http: HttpTransport = {
      async request(url) {
        asked.push(url.href);
        if (url.href === 'http://192.168.50.80/')
          return { status: 200, headers: { server: 'App-webs/' }, body: Buffer.from('<title>login</title>') };
        throw new Error('unreachable');
      },
    };
    const inventory = new Inventory();
    inventory.add({ source: 'sweep', address: '192.168.50.80', interfaceName: 'eth0', ports: { http: 80 } });
    inventory.add({ source: 'sweep', address: '10.9.9.9', interfaceName: 'eth0', ports: { http: 80 } });
    const service = createDiscoveryService({
      udp: silentUdp,
      ssdp: async () => ({ search() {}, stop() {} }),
      http,
      tcp: async () => 'timeout',
      system: LAB_CLIENT(),
      newId: () => 'x',
    });
    const devices = await service.run({
      iface: { name: 'eth0', address: '192.168.50.10', prefix: 24 },
      signal: new AbortController().signal,
      onDevice: () => {},
      inventory,
      timing: FAST_DISCOVERY,
    });
    expect(devices.find((d) => d.addresses.includes('192.168.50.80'))).toMatchObject({
      brand: 'Hikvision',
      brandSource: 'banner',
    });
    expect(asked).not.toContain('http://10.9.9.9/');
  });
});
