import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allowedLocation,
  buildMSearch,
  parseSsdpMessage,
  parseUpnpDescription,
  resolveOnSameHost,
} from '../../../src/main/protocol/ssdp';
import { sharedFixture } from '../../support/shared-corpus';

const lan = { network: '192.168.50.0', prefix: 24 };

describe('SSDP messages', () => {
  it('builds the M-SEARCH exactly as miniupnpc does (plus our MX)', () => {
    expect(buildMSearch('ssdp:all', 2)).toBe(
      'M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: "ssdp:discover"\r\nMX: 2\r\nST: ssdp:all\r\n\r\n',
    );
  });

  it('reads a search response', () => {
    const r = parseSsdpMessage(
      'HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=120\r\nST: upnp:rootdevice\r\nUSN: uuid:abc::upnp:rootdevice\r\nEXT:\r\nSERVER: Linux/3.0 UPnP/1.0 App-webs/\r\nLocation: http://192.168.50.64:80/upnpdevicedesc.xml\r\n\r\n',
    );
    expect(r).toMatchObject({
      ok: true,
      message: {
        kind: 'response',
        headers: { LOCATION: 'http://192.168.50.64:80/upnpdevicedesc.xml', SERVER: 'Linux/3.0 UPnP/1.0 App-webs/' },
      },
    });
  });

  it('reads the shared NOTIFY (no space after colons, trailing space)', () => {
    const r = parseSsdpMessage(readFileSync(sharedFixture('ssdp', 'universalscanner-virtual.NOTIFY-alive.txt')));
    expect(r).toMatchObject({
      ok: true,
      message: { kind: 'notify', headers: { NTS: 'ssdp:alive', LOCATION: 'http://240.0.1.0/rootDesc.xml' } },
    });
  });

  it.each(['GET / HTTP/1.1\r\n\r\n', '', 'x'.repeat(9000), 'HTTP/1.1 404 Not Found\r\n\r\n'])('refuses %#', (t) => {
    expect(parseSsdpMessage(t).ok).toBe(false);
  });

  it('follows a LOCATION only on the sender’s own address inside the subnet', () => {
    expect(allowedLocation('http://192.168.50.64:80/desc.xml', '192.168.50.64', lan)?.href).toBe(
      'http://192.168.50.64/desc.xml',
    );
    expect(allowedLocation('http://203.0.113.9/desc.xml', '192.168.50.250', lan)).toBeNull();
    expect(allowedLocation('http://192.168.50.1/desc.xml', '192.168.50.250', lan)).toBeNull();
    expect(allowedLocation('https://192.168.50.64/desc.xml', '192.168.50.64', lan)).toBeNull();
    expect(allowedLocation('http://u:p@192.168.50.64/', '192.168.50.64', lan)).toBeNull();
    expect(allowedLocation('file:///etc/passwd', '192.168.50.64', lan)).toBeNull();
  });
});

describe('UPnP descriptions', () => {
  it('reads the router descriptions of the shared corpus', () => {
    const r = parseUpnpDescription(readFileSync(sharedFixture('upnp-igd', 'miniupnpd-20180615.rootDesc.xml')));
    expect(r.ok && r.description.deviceType).toMatch(/InternetGatewayDevice/);
    expect(r.ok && r.description.services.some((s) => /WANIPConnection/.test(s.serviceType))).toBe(true);
    const fritz = parseUpnpDescription(readFileSync(sharedFixture('upnp-igd', 'avm-fritzbox7430.rootDesc.xml')));
    expect(fritz.ok && fritz.description.manufacturer).toMatch(/AVM/);
  });

  it('never resolves a spoofed controlURL to another host', () => {
    const base = new URL('http://192.168.50.1:5000/rootDesc.xml');
    const resolved = (file: string) => {
      const r = parseUpnpDescription(readFileSync(sharedFixture('upnp-igd', file)));
      expect(r.ok, file).toBe(true);
      return (r.ok ? r.description.services : []).map((s) => resolveOnSameHost(base, s.controlUrl)?.host ?? null);
    };
    // The spoofed controlURL (":aaa@example2.com/exec_cmd…") stays a path on the router; the other file's is plain.
    expect(resolved('rust-igd-synthetic.rootDesc-spoofed-controlurl.xml')).toEqual(['192.168.50.1:5000']);
    expect(resolved('rust-igd-synthetic.rootDesc-spoofed-scpdurl.xml')).toEqual(['192.168.50.1:5000']);
    expect(resolveOnSameHost(new URL('http://192.168.50.1:5000/x'), ':aaa@example.com/exec')?.href).toBe(
      'http://192.168.50.1:5000/:aaa@example.com/exec',
    );
    expect(resolveOnSameHost(new URL('http://192.168.50.1:5000/x'), 'http://example.com/ctl')).toBeNull();
    expect(resolveOnSameHost(new URL('http://192.168.50.1:5000/x'), '/ctl/IPConn')?.href).toBe(
      'http://192.168.50.1:5000/ctl/IPConn',
    );
  });

  it('reads an NVR description', () => {
    const xml = `<?xml version="1.0"?><root xmlns="urn:schemas-upnp-org:device-1-0"><device><deviceType>urn:schemas-upnp-org:device:Basic:1</deviceType><friendlyName>DS-7608NI-K2</friendlyName><manufacturer>Hikvision</manufacturer><modelName>DS-7608NI-K2</modelName><serialNumber>DS-7608NI-K20820191234CCRR</serialNumber><UDN>uuid:abc</UDN></device></root>`;
    expect(parseUpnpDescription(xml)).toMatchObject({
      ok: true,
      description: { manufacturer: 'Hikvision', serialNumber: 'DS-7608NI-K20820191234CCRR', udn: 'uuid:abc' },
    });
  });
});
