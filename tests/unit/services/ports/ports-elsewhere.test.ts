import { describe, expect, it } from 'vitest';
import { planContext, portsUsedElsewhere } from '../../../../src/main/services/ports/port-plan';
import type { SetupRecord } from '../../../../src/shared/domain/setup';
import { device } from '../../../support/fake-nvr-ports';

// The ports other known devices use or are planned to use (issue 17, from mutation testing): a router forwards an
// outside port to one device only, so this list is what keeps a plan — and a change — off another NVR's ports.

type Record = Pick<SetupRecord, 'devices' | 'ports'>;
const row = (port: number, state: 'open' | 'closed' | 'filtered') => ({ port, state });
const record = (over: Partial<Record>): Record => ({ devices: [], ports: {}, ...over }) as Record;

describe('portsUsedElsewhere', () => {
  it('names every other device’s declared, open and planned ports, and never the device’s own', () => {
    const me = device({ id: 'me', ports: { http: 80 } });
    const other = device({
      id: 'other',
      brand: 'Dahua',
      model: 'NVR4108',
      addresses: ['192.168.1.20'],
      ports: { http: 81, sdk: 37777 },
    });
    const r = record({
      devices: [me, other],
      ports: {
        me: { report: { rows: [row(554, 'open')] } },
        other: {
          report: { rows: [row(554, 'open'), row(443, 'closed'), row(23, 'filtered')] },
          plan: {
            proposal: [
              { role: 'https', transport: 'tcp', internal: 20443, external: 21443 },
              { role: 'sdk', transport: 'udp', internal: 37778, external: 37778 },
            ],
          },
        },
      } as unknown as Record['ports'],
    });
    const where = 'Dahua NVR4108 (192.168.1.20)';
    expect(portsUsedElsewhere(r, 'me')).toEqual([
      { port: 81, transport: 'tcp', where },
      { port: 37777, transport: 'tcp', where },
      { port: 554, transport: 'tcp', where },
      { port: 20443, transport: 'tcp', where: `${where}, planned` },
      { port: 21443, transport: 'tcp', where: `${where}, planned` },
      { port: 37778, transport: 'udp', where: `${where}, planned` },
    ]);
  });

  it('names a device by brand or model alone, or as "another device" with its id when it has no address', () => {
    const names = (d: Parameters<typeof device>[0]) =>
      portsUsedElsewhere(record({ devices: [device({ id: 'x', ports: { http: 8080 }, ...d })] }), 'me')[0]!.where;
    expect(names({ brand: 'Hikvision', model: null, addresses: ['10.0.0.2'] })).toBe('Hikvision (10.0.0.2)');
    expect(names({ brand: null, model: 'DS-7608', addresses: ['10.0.0.2'] })).toBe('DS-7608 (10.0.0.2)');
    expect(names({ brand: null, model: null, addresses: [] })).toBe('another device (x)');
  });

  it('lists a port once per transport, skips what is no port, and stops at 1 024', () => {
    const r = record({
      devices: [
        device({ id: 'a', ports: { http: 80, onvif: 80, bad: 0, big: 65536, half: 80.5, max: 65535, min: 1 } }),
      ],
      ports: {
        a: { plan: { proposal: [{ role: 'http', transport: 'udp', internal: 80, external: 80 }] } },
      } as unknown as Record['ports'],
    });
    expect(portsUsedElsewhere(r, 'me').map((u) => `${u.port}/${u.transport}`)).toEqual([
      '80/tcp',
      '65535/tcp',
      '1/tcp',
      '80/udp',
    ]);
    const many = record({
      devices: Array.from({ length: 30 }, (_, i) =>
        device({
          id: `d${i}`,
          ports: Object.fromEntries(Array.from({ length: 50 }, (_, j) => [`p${j}`, 10000 + i * 50 + j])),
        }),
      ),
    });
    expect(portsUsedElsewhere(many, 'me')).toHaveLength(1024);
  });
});

describe('planContext', () => {
  it('takes the open rows as the ports in use on the device, named by role or number', () => {
    const report = {
      rows: [
        { port: 80, state: 'open', role: 'http' },
        { port: 9999, state: 'open', role: null },
        { port: 443, state: 'closed', role: 'https' },
      ],
      onvifProtocols: null,
    };
    const ctx = planContext(device(), report as never, [{ port: 1, where: 'x' }]);
    expect(ctx.inUseOnDevice).toEqual([
      { port: 80, transport: 'tcp', where: 'Web page (HTTP)' },
      { port: 9999, transport: 'tcp', where: 'port 9999' },
    ]);
    expect(ctx.inUseElsewhere).toEqual([{ port: 1, where: 'x' }]);
    expect(ctx.brand).toBe('Hikvision');
    expect(planContext(device(), null)).toEqual({
      brand: 'Hikvision',
      current: [],
      inUseOnDevice: [],
      inUseElsewhere: [],
    });
  });
});

describe('the ports elsewhere and the plan context, at their edges', () => {
  it('another device measured but not planned yet (no plan saved): its open ports count, nothing breaks', () => {
    const other = device({ id: 'other', brand: null, model: null, addresses: ['192.168.1.30'], ports: {} });
    const r = record({
      devices: [other],
      ports: {
        other: { report: { rows: [row(8000, 'open')] }, plan: null, lastChange: null, pending: null },
      } as unknown as Record['ports'],
    });
    expect(portsUsedElsewhere(r, 'me')).toEqual([
      { port: 8000, transport: 'tcp', where: 'another device (192.168.1.30)' },
    ]);
  });

  it('a device of no known brand and no measurement: the plan is judged without a brand, not refused', () => {
    expect(planContext(device({ brand: null }), null).brand).toBeNull();
  });
});
