import { readFileSync } from 'node:fs';
import { encodeDhip } from '../../src/main/protocol/dhip';
import { parseWsdMessage } from '../../src/main/protocol/ws-discovery';
import type { HttpTransport } from '../../src/main/transport/http';
import type { SsdpTransport } from '../../src/main/transport/ssdp-client';
import type { Datagram, UdpTransport } from '../../src/main/transport/udp';

// A recorded-looking LAN for unit tests of discovery: a Hikvision-like NVR (WS-Discovery, SADP, SSDP) at .64
// and a Dahua-like one (DHIP only) at .65. Replies are our own fixtures; nothing touches a real socket.

const WSD = readFileSync('tests/fixtures/ws-discovery/hikvision-like.ProbeMatches.xml', 'utf8');
const SADP = `<?xml version="1.0" encoding="UTF-8"?><ProbeMatch><Uuid>U</Uuid><Types>inquiry</Types><DeviceDescription>DS-7608NI-K2</DeviceDescription><DeviceSN>DS-7608NI-K20820191234CCRR</DeviceSN><CommandPort>8000</CommandPort><HttpPort>80</HttpPort><MAC>02-00-c0-a8-32-40</MAC><IPv4Address>192.168.50.64</IPv4Address><IPv4SubnetMask>255.255.255.0</IPv4SubnetMask><DHCP>false</DHCP><SoftwareVersion>V4.62.210</SoftwareVersion><Activated>true</Activated></ProbeMatch>`;
const DESCRIPTION = `<?xml version="1.0"?><root xmlns="urn:schemas-upnp-org:device-1-0"><device><deviceType>urn:schemas-upnp-org:device:Basic:1</deviceType><friendlyName>DS-7608NI-K2</friendlyName><manufacturer>Hikvision</manufacturer><modelName>DS-7608NI-K2</modelName><serialNumber>DS-7608NI-K20820191234CCRR</serialNumber><UDN>uuid:hik</UDN></device></root>`;
const DHIP = encodeDhip({
  mac: '02:00:c0:a8:32:41',
  method: 'client.notifyDevInfo',
  params: {
    deviceInfo: {
      DeviceType: 'NVR4108HS-4KS2',
      HttpPort: 80,
      Port: 37777,
      SerialNo: '7J0ABCDEF123456',
      Vendor: 'Dahua',
      IPv4Address: { IPAddress: '192.168.50.65', SubnetMask: '255.255.255.0', DhcpEnable: false },
    },
  },
});

export const fakeLanUdp: UdpTransport = {
  async open(_options, onDatagram) {
    const reply = (data: string | Uint8Array, address: string, port: number) =>
      setTimeout(() => onDatagram({ data: Buffer.from(data), from: { address, port } } as Datagram), 2);
    return {
      async send(data, port) {
        const text = Buffer.from(data as Uint8Array).toString();
        if (port === 3702) {
          const p = parseWsdMessage(text);
          if (p.ok && p.message.kind === 'probe' && p.message.messageId)
            reply(
              WSD.replace('urn:uuid:11111111-2222-4333-8444-555555555555', p.message.messageId),
              '192.168.50.64',
              3702,
            );
        } else if (port === 37020) reply(SADP, '192.168.50.64', 37020);
        else if (port === 37810) reply(DHIP, '192.168.50.65', 37810);
      },
      close() {},
    };
  },
};

export const fakeLanSsdp: SsdpTransport = async (_name, onResponse) => ({
  search() {
    setTimeout(
      () =>
        onResponse({
          headers: { LOCATION: 'http://192.168.50.64:80/upnpdevicedesc.xml', SERVER: 'Linux UPnP/1.0 App-webs/' },
          from: { address: '192.168.50.64', port: 1900 },
        }),
      2,
    );
  },
  stop() {},
});

export const fakeLanHttp: HttpTransport = {
  async request(url) {
    if (url.href === 'http://192.168.50.64/upnpdevicedesc.xml')
      return { status: 200, headers: {}, body: Buffer.from(DESCRIPTION) };
    return { status: 404, headers: {}, body: Buffer.alloc(0) };
  },
};

export const FAST_DISCOVERY = {
  wsd: { rounds: 1, gapMs: [1, 2] as [number, number], listenMs: 30 },
  vendorListenMs: 30,
  ssdpListenMs: 40,
};
