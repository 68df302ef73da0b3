import { describe, expect, it } from 'vitest';
import { hostsOf, parseProcArp } from '../../../src/main/protocol/arp';
import { parseIpv4 } from '../../../src/main/protocol/ipv4';
import type { Finding } from '../../../src/main/services/discovery/inventory';
import { sweepSubnet } from '../../../src/main/services/discovery/sweep';
import type { HttpTransport } from '../../../src/main/transport/http';
import type { TcpProbe } from '../../../src/main/transport/tcp';
import { LAB_CLIENT } from '../../support/fake-system';

const ARP = `IP address       HW type     Flags       HW address            Mask     Device
192.168.50.64    0x1         0x2         02:00:c0:a8:32:40     *        eth0
192.168.50.77    0x1         0x0         00:00:00:00:00:00     *        eth0
`;
const CLOCK = `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><tds:GetSystemDateAndTimeResponse xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema"><tds:SystemDateAndTime><tt:UTCDateTime><tt:Time><tt:Hour>10</tt:Hour><tt:Minute>0</tt:Minute><tt:Second>0</tt:Second></tt:Time><tt:Date><tt:Year>2026</tt:Year><tt:Month>11</tt:Month><tt:Day>24</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse></s:Body></s:Envelope>`;

describe('sweep helpers', () => {
  it('reads complete ARP entries only', () => {
    expect([...parseProcArp(ARP)]).toEqual([['192.168.50.64', '02:00:c0:a8:32:40']]);
    expect(parseProcArp('garbage').size).toBe(0);
  });

  it('lists the hosts of a subnet and refuses anything larger than a /22', () => {
    const net = parseIpv4('192.168.50.0')!;
    expect(hostsOf(net, 24)).toHaveLength(254);
    expect(hostsOf(net, 22)).toHaveLength(1022);
    expect(hostsOf(net, 21)).toBeNull();
    expect(hostsOf(parseIpv4('10.0.0.0')!, 8)).toBeNull();
  });
});

describe('address sweep', () => {
  // A fake LAN: .64 is an NVR (80 open with ONVIF, 554 and 8000 open), .70 a PC (80 refused only), others silent.
  const open: Record<string, number[]> = { '192.168.50.64': [80, 554, 8000], '192.168.50.70': [] };
  const attempts: string[] = [];
  const tcp: TcpProbe = async (address, port) => {
    attempts.push(`${address}:${port}`);
    if (!(address in open)) return 'timeout';
    return open[address]!.includes(port) ? 'open' : 'closed';
  };
  const http: HttpTransport = {
    async request(url) {
      if (url.host === '192.168.50.64') return { status: 200, headers: {}, body: Buffer.from(CLOCK) };
      throw new Error('unreachable');
    },
  };

  it('finds the NVR with its ports, ONVIF address and MAC, and skips silent addresses quickly', async () => {
    const findings: Finding[] = [];
    const system = LAB_CLIENT();
    const base = system.readText;
    system.readText = async (p) => (p === '/proc/net/arp' ? ARP : base(p));
    const r = await sweepSubnet({
      iface: { name: 'eth0', address: '192.168.50.10', prefix: 24 },
      signal: new AbortController().signal,
      tcp,
      onvif: { http },
      system,
      onFinding: (f) => findings.push(f),
    });
    expect(r).toEqual({ hosts: 253, found: 1 });
    expect(findings).toEqual([
      expect.objectContaining({
        source: 'sweep',
        address: '192.168.50.64',
        mac: '02:00:c0:a8:32:40',
        onvifUrl: 'http://192.168.50.64/onvif/device_service',
        ports: { http: 80, rtsp: 554, onvif: 80 },
      }),
    ]);
    // A silent address costs one attempt, not one per port; our own address is never knocked on.
    expect(attempts.filter((a) => a.startsWith('192.168.50.200:'))).toEqual(['192.168.50.200:80']);
    expect(attempts.some((a) => a.startsWith('192.168.50.10:'))).toBe(false);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    attempts.length = 0;
    await sweepSubnet({
      iface: { name: 'eth0', address: '192.168.50.10', prefix: 24 },
      signal: controller.signal,
      tcp,
      onvif: { http },
      system: LAB_CLIENT(),
      onFinding: () => {},
    });
    expect(attempts).toEqual([]);
  });

  it('does nothing on a subnet larger than a /22', async () => {
    attempts.length = 0;
    const r = await sweepSubnet({
      iface: { name: 'eth0', address: '10.1.2.3', prefix: 8 },
      signal: new AbortController().signal,
      tcp,
      onvif: { http },
      system: LAB_CLIENT(),
      onFinding: () => {},
    });
    expect(r.hosts).toBe(0);
    expect(attempts).toEqual([]);
  });
});
