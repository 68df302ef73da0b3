import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDhipSearch, decodeDhip, encodeDhip, parseDhipReply } from '../../../src/main/protocol/dhip';
import { buildSadpInquiry, parseSadpReply } from '../../../src/main/protocol/sadp';
import { sharedFixture } from '../../support/shared-corpus';

const SADP_REPLY = `<?xml version="1.0" encoding="UTF-8"?>\r\n<ProbeMatch>\r\n<Uuid>abc</Uuid>\r\n<Types>inquiry</Types>\r\n<DeviceDescription>DS-7608NI-K2</DeviceDescription>\r\n<DeviceSN>DS-7608NI-K20820191234CCRR</DeviceSN>\r\n<CommandPort>8000</CommandPort>\r\n<HttpPort>80</HttpPort>\r\n<MAC>02-00-c0-a8-32-40</MAC>\r\n<IPv4Address>192.168.50.64</IPv4Address>\r\n<IPv4SubnetMask>255.255.255.0</IPv4SubnetMask>\r\n<IPv4Gateway>192.168.50.1</IPv4Gateway>\r\n<DHCP>false</DHCP>\r\n<SoftwareVersion>V4.62.210</SoftwareVersion>\r\n<Activated>true</Activated>\r\n</ProbeMatch>\r\n`;

describe('SADP', () => {
  it('builds the inquiry', () => {
    expect(buildSadpInquiry('u-1')).toBe(
      '<?xml version="1.0" encoding="utf-8"?><Probe><Uuid>u-1</Uuid><Types>inquiry</Types></Probe>',
    );
  });

  it('reads ports, DHCP, activation and identity from a reply', () => {
    expect(parseSadpReply(SADP_REPLY)).toEqual({
      ok: true,
      device: {
        uuid: 'abc',
        mac: '02:00:c0:a8:32:40',
        address: '192.168.50.64',
        prefix: 24,
        gateway: '192.168.50.1',
        dhcp: false,
        httpPort: 80,
        commandPort: 8000,
        serial: 'DS-7608NI-K20820191234CCRR',
        model: 'DS-7608NI-K2',
        firmware: 'V4.62.210',
        activated: true,
      },
    });
  });

  it('reads the shared corpus reply, including the "flase" firmware typo', () => {
    const r = parseSadpReply(readFileSync(sharedFixture('sadp', 'hikvision-universalscanner.ProbeMatch.xml')));
    expect(r).toMatchObject({
      ok: true,
      device: { commandPort: 8000, httpPort: 80, mac: '00:11:22:33:44:55', prefix: 8, activated: true },
    });
  });

  it.each([
    '<Probe/>',
    '<ProbeMatch/>',
    '<!DOCTYPE x><ProbeMatch/>',
    'garbage',
    `<ProbeMatch><Uuid>x</Uuid><HttpPort>99999</HttpPort></ProbeMatch>`,
  ])('handles %s without throwing', (text) => {
    const r = parseSadpReply(text);
    if (r.ok) expect(r.device.httpPort).toBeNull();
  });
});

describe('DHIP', () => {
  it('encodes the search with the 32-byte header and decodes it back', () => {
    const packet = buildDhipSearch(7);
    expect(Array.from(packet.subarray(0, 8))).toEqual([0x20, 0, 0, 0, 0x44, 0x48, 0x49, 0x50]);
    expect(decodeDhip(packet)).toMatchObject({
      ok: true,
      json: { method: 'DHDiscover.search', params: { mac: '', uni: 1 } },
    });
  });

  it('reads a device announcement', () => {
    const reply = encodeDhip({
      mac: '02:00:c0:a8:32:41',
      method: 'client.notifyDevInfo',
      params: {
        deviceInfo: {
          DeviceType: 'NVR4108HS-4KS2',
          HttpPort: 80,
          Port: 37777,
          SerialNo: '7J0ABCDEF123456',
          Vendor: 'Dahua',
          Version: '4.001.0000000.3',
          IPv4Address: {
            IPAddress: '192.168.50.65',
            SubnetMask: '255.255.255.0',
            DefaultGateway: '192.168.50.1',
            DhcpEnable: false,
          },
        },
      },
    });
    expect(parseDhipReply(reply)).toMatchObject({
      ok: true,
      device: {
        mac: '02:00:c0:a8:32:41',
        address: '192.168.50.65',
        prefix: 24,
        sdkPort: 37777,
        httpPort: 80,
        dhcp: false,
        vendor: 'Dahua',
      },
    });
  });

  it('reads the shared corpus announcement', () => {
    const r = parseDhipReply(readFileSync(sharedFixture('dhip', 'dahua-universalscanner.notifyDevInfo.bin')));
    expect(r).toMatchObject({
      ok: true,
      device: { mac: '00:11:22:33:44:55', sdkPort: 37777, httpPort: 80, serial: '123456789', address: '240.0.4.0' },
    });
  });

  it('refuses short, foreign, lying-length and non-JSON packets', () => {
    expect(decodeDhip(new Uint8Array(10)).ok).toBe(false);
    expect(decodeDhip(new Uint8Array(40)).ok).toBe(false);
    const lying = buildDhipSearch();
    new DataView(lying.buffer).setUint32(16, 1_000_000, true);
    expect(decodeDhip(lying).ok).toBe(false);
    const notJson = encodeDhip('x');
    notJson[32] = 0x7b; // "{"
    expect(decodeDhip(notJson).ok).toBe(false);
    expect(parseDhipReply(buildDhipSearch()).ok).toBe(false);
  });
});

describe('DHIP salvage', () => {
  it('reads the fields of an almost-JSON announcement, and nothing from other broken packets', () => {
    const text =
      '{ "mac" : "02:00:c0:a8:32:41", "method" : "client.notifyDevInfo", "params" : { "deviceInfo" : { "HttpPort" : 8080, "Port" : 37777, "Version" : "1.0, "IPv4Address" : { "IPAddress" : "192.168.50.65", "DhcpEnable" : true } } } }';
    const packet = encodeDhip('placeholder');
    const body = new TextEncoder().encode(text);
    const full = new Uint8Array(32 + body.length);
    full.set(packet.subarray(0, 32));
    new DataView(full.buffer).setUint32(16, body.length, true);
    full.set(body, 32);
    expect(parseDhipReply(full)).toMatchObject({
      ok: true,
      device: { httpPort: 8080, sdkPort: 37777, address: '192.168.50.65', dhcp: true },
    });
    const junk = encodeDhip('x');
    junk[32] = 0x7b;
    expect(parseDhipReply(junk).ok).toBe(false);
  });
});
