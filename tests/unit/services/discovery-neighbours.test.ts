import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DiscoveredDevice } from '../../../src/shared/domain/device';
import { parseWsdMessage } from '../../../src/main/protocol/ws-discovery';
import { createDiscoveryService } from '../../../src/main/services/discovery/discovery';
import { Inventory, type Finding } from '../../../src/main/services/discovery/inventory';
import { macsFromNeighbours, NEIGHBOUR_NOTE } from '../../../src/main/services/discovery/neighbours';
import type { HttpTransport } from '../../../src/main/transport/http';
import type { SystemSource } from '../../../src/main/transport/system';
import type { TcpProbe } from '../../../src/main/transport/tcp';
import type { Datagram, UdpTransport } from '../../../src/main/transport/udp';
import { FAST_DISCOVERY } from '../../support/fake-lan';

const HEADER = 'IP address       HW type     Flags       HW address            Mask     Device\n';
const entry = (ip: string, mac: string, flags = '0x2') =>
  `${ip}    0x1         ${flags}         ${mac}     *        eth0\n`;
const SUBNET = { network: '192.168.50.0', prefix: 24 };

/** A neighbour table that can change between reads (the kernel learns an entry after a knock). */
function table(...texts: string[]) {
  const reads: string[] = [];
  const system: Pick<SystemSource, 'readText'> = {
    async readText(path) {
      reads.push(path);
      return texts[Math.min(reads.length, texts.length) - 1] ?? null;
    },
  };
  return { system, reads };
}

function device(address: string, extra: Partial<Finding> = {}): DiscoveredDevice {
  const inventory = new Inventory();
  inventory.add({ source: 'onvif', address, interfaceName: 'eth0', endpoint: `urn:uuid:${address}`, ...extra });
  return inventory.list()[0]!;
}

const live = () => new AbortController().signal;

describe('macsFromNeighbours', () => {
  it('names the MAC of a device that has none from a complete entry, keeping how the inventory knows it', async () => {
    const cam = device('192.168.50.167');
    const { system } = table(HEADER + entry('192.168.50.167', '02:00:C0:A8:32:43'));
    expect(await macsFromNeighbours([cam], { system, subnet: SUBNET, signal: live() })).toEqual([
      {
        source: 'onvif',
        address: '192.168.50.167',
        interfaceName: 'eth0',
        mac: '02:00:c0:a8:32:43',
        endpoint: 'urn:uuid:192.168.50.167',
        serial: null,
        notes: [NEIGHBOUR_NOTE],
      },
    ]);
  });

  it('leaves devices that have a MAC, devices off the subnet, and incomplete entries alone', async () => {
    const known = device('192.168.50.64', { mac: '02:00:c0:a8:32:40' });
    const far = device('10.77.0.1');
    const pending = device('192.168.50.70');
    const text =
      HEADER +
      entry('192.168.50.64', '02:00:c0:a8:32:99') +
      entry('10.77.0.1', '02:00:0a:4d:00:01') +
      entry('192.168.50.70', '02:00:c0:a8:32:46', '0x0');
    const { system, reads } = table(text);
    expect(await macsFromNeighbours([known, far, pending], { system, subnet: SUBNET, signal: live() })).toEqual([]);
    expect(reads).toEqual(['/proc/net/arp']);
    const { system: none, reads: noReads } = table(text);
    expect(await macsFromNeighbours([known, far], { system: none, subnet: SUBNET, signal: live() })).toEqual([]);
    expect(noReads).toEqual([]);
  });

  it('does not hand out a MAC another device already has', async () => {
    const known = device('192.168.50.64', { mac: '02:00:c0:a8:32:40' });
    const twin = device('192.168.50.80');
    const { system } = table(HEADER + entry('192.168.50.80', '02:00:c0:a8:32:40'));
    expect(await macsFromNeighbours([known, twin], { system, subnet: SUBNET, signal: live() })).toEqual([]);
  });

  it('knocks once on a device the table does not name yet, on its own port, then reads the table again', async () => {
    const cam = device('192.168.50.167', { ports: { onvif: 8000 } });
    const named = device('192.168.50.66');
    const knocks: string[] = [];
    const tcp: TcpProbe = async (address, port) => {
      knocks.push(`${address}:${port}`);
      return 'open';
    };
    const { system, reads } = table(
      HEADER + entry('192.168.50.66', '02:00:c0:a8:32:42'),
      HEADER + entry('192.168.50.66', '02:00:c0:a8:32:42') + entry('192.168.50.167', '02:00:c0:a8:32:43'),
    );
    const found = await macsFromNeighbours([cam, named], { system, subnet: SUBNET, signal: live(), tcp });
    expect(knocks).toEqual(['192.168.50.167:8000']);
    expect(reads).toHaveLength(2);
    expect(found.map((f) => [f.address, f.mac])).toEqual([
      ['192.168.50.167', '02:00:c0:a8:32:43'],
      ['192.168.50.66', '02:00:c0:a8:32:42'],
    ]);
  });

  it('knocks on nobody when every device is named, and on nobody once cancelled', async () => {
    const knocks: string[] = [];
    const tcp: TcpProbe = async (address, port) => (knocks.push(`${address}:${port}`), 'timeout');
    const { system } = table(HEADER + entry('192.168.50.66', '02:00:c0:a8:32:42'));
    await macsFromNeighbours([device('192.168.50.66')], { system, subnet: SUBNET, signal: live(), tcp });
    const controller = new AbortController();
    controller.abort();
    const cancelled = await macsFromNeighbours([device('192.168.50.67')], {
      system,
      subnet: SUBNET,
      signal: controller.signal,
      tcp,
    });
    expect(cancelled).toEqual([]);
    expect(knocks).toEqual([]);
  });

  it('gives nothing and sends nothing, without throwing, when the table cannot be read; nothing from garbage', async () => {
    const knocks: string[] = [];
    const tcp: TcpProbe = async (address) => (knocks.push(address), 'timeout');
    const failing: Pick<SystemSource, 'readText'> = { readText: () => Promise.reject(new Error('EACCES')) };
    const absent: Pick<SystemSource, 'readText'> = { readText: async () => null };
    for (const unreadable of [failing, absent])
      expect(
        await macsFromNeighbours([device('192.168.50.66')], {
          system: unreadable,
          subnet: SUBNET,
          signal: live(),
          tcp,
        }),
      ).toEqual([]);
    expect(knocks).toEqual([]);
    const { system } = table('\u0000'.repeat(5000) + '\n192.168.50.66 0x1 0x2 zz:zz\n');
    expect(await macsFromNeighbours([device('192.168.50.66')], { system, subnet: SUBNET, signal: live() })).toEqual([]);
  });
});

describe('discovery fills MACs from the neighbour table', () => {
  // A camera that answers WS-Discovery without a MAC scope (our own fixture with the scope taken out).
  const probeMatch = readFileSync('tests/fixtures/ws-discovery/hikvision-like.ProbeMatches.xml', 'utf8').replace(
    'onvif://www.onvif.org/MAC/02:00:c0:a8:32:40',
    '',
  );
  const udp: UdpTransport = {
    async open(_options, onDatagram) {
      return {
        async send(data, port) {
          if (port !== 3702) return;
          const p = parseWsdMessage(Buffer.from(data as Uint8Array).toString());
          if (p.ok && p.message.kind === 'probe' && p.message.messageId) {
            const reply = probeMatch.replace('urn:uuid:11111111-2222-4333-8444-555555555555', p.message.messageId);
            setTimeout(
              () =>
                onDatagram({ data: Buffer.from(reply), from: { address: '192.168.50.64', port: 3702 } } as Datagram),
              2,
            );
          }
        },
        close() {},
      };
    },
  };
  const http: HttpTransport = { request: async () => ({ status: 404, headers: {}, body: Buffer.alloc(0) }) };

  it('a device found by WS-Discovery alone gets the MAC the kernel learned for its address', async () => {
    const arp = HEADER + entry('192.168.50.64', '02:00:c0:a8:32:40') + entry('192.168.50.1', '02:00:c0:a8:32:01');
    const system: SystemSource = {
      platform: 'linux',
      networkInterfaces: () => ({}),
      listLinks: async () => null,
      readText: async (path) => (path === '/proc/net/arp' ? arp : null),
      run: async () => null,
    };
    const streamed: DiscoveredDevice[] = [];
    const service = createDiscoveryService({
      udp,
      ssdp: async () => ({ search() {}, stop() {} }),
      http,
      tcp: async () => 'timeout',
      system,
      newId: () => 'x',
    });
    const devices = await service.run({
      iface: { name: 'eth0', address: '192.168.50.10', prefix: 24 },
      signal: live(),
      onDevice: (d) => streamed.push(d),
      timing: FAST_DISCOVERY,
    });
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({ addresses: ['192.168.50.64'], mac: '02:00:c0:a8:32:40', sources: ['onvif'] });
    expect(devices[0]!.notes).toContain(NEIGHBOUR_NOTE);
    // The page hears of it: the last device streamed carries the MAC.
    expect(streamed.at(-1)!.mac).toBe('02:00:c0:a8:32:40');
    expect(streamed[0]!.mac).toBeNull();
  });
});
