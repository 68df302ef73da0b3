// The rules of the SSDP / UPnP codec one by one: which datagrams are read as answers and how their headers are
// read, which LOCATION and control URLs the app will fetch, and what a device description may hold. Each test names
// what a user would lose if the rule broke (a router or camera missed, or the app sent off the LAN).
import { describe, expect, it } from 'vitest';
import {
  allowedLocation,
  parseSsdpMessage,
  parseUpnpDescription,
  resolveOnSameHost,
} from '../../../src/main/protocol/ssdp';

const lan = { network: '192.168.50.0', prefix: 24 };
const headersOf = (text: string) => {
  const r = parseSsdpMessage(text);
  if (!r.ok) throw new Error(`expected a message, got ${r.error}`);
  return r.message.headers;
};

describe('SSDP start lines (an answer from a router or camera is recognised, anything else is not)', () => {
  it.each([
    ['M-SEARCH * HTTP/1.1', 'search'],
    ['m-search * http/1.0', 'search'],
    ['NOTIFY * HTTP/1.1   ', 'notify'],
    ['HTTP/1.0 200 OK', 'response'],
  ])('"%s" is read as a %s', (start, kind) => {
    expect(parseSsdpMessage(`${start}\r\nST: x\r\n\r\n`)).toEqual({
      ok: true,
      message: { kind, headers: { ST: 'x' } },
    });
  });

  it.each([
    'XHTTP/1.1 200 OK',
    'HTTP/1.1 2000 OK',
    'xNOTIFY * HTTP/1.1',
    'NOTIFY * HTTP/1.1 extra',
    'xM-SEARCH * HTTP/1.1',
    'M-SEARCH * HTTP/1.1 extra',
    'M-SEARCH * HTTP/1.2',
  ])('"%s" is not an SSDP message', (start) => {
    expect(parseSsdpMessage(`${start}\r\nST: x\r\n\r\n`)).toEqual({ ok: false, error: 'not an SSDP message' });
  });
});

describe('SSDP headers (the LOCATION and SERVER the app reads a device from)', () => {
  it('lines ending in a bare LF are read like CRLF lines', () => {
    expect(headersOf('HTTP/1.1 200 OK\nST: upnp:rootdevice\nLOCATION: http://192.168.50.1/d.xml\n\n')).toEqual({
      ST: 'upnp:rootdevice',
      LOCATION: 'http://192.168.50.1/d.xml',
    });
  });

  it('a space before the colon is allowed; a line without a colon or with an empty name gives no header', () => {
    expect(headersOf('NOTIFY * HTTP/1.1\r\nLocation : http://192.168.50.1/d.xml\r\nFOO\r\n: bar\r\n')).toEqual({
      LOCATION: 'http://192.168.50.1/d.xml',
    });
  });

  it('lines that are not headers do not use up the 32 headers read, nor does a colon in the start line', () => {
    const junk = [...Array.from({ length: 40 }, () => ': junk'), ...Array.from({ length: 40 }, () => 'NOCOLON')];
    const real = Array.from({ length: 32 }, (_, k) => `H${k}: v${k}`);
    const headers = headersOf(['HTTP/1.1 200 OK: fine', ...junk, ...real].join('\r\n'));
    expect(Object.keys(headers)).toHaveLength(32);
    expect(headers.H31).toBe('v31');
  });
});

describe('which LOCATION is fetched (plain http on the sender itself, inside the user’s subnet)', () => {
  const pad = (n: number) => `http://192.168.50.64/${'d'.repeat(n - 'http://192.168.50.64/'.length)}`;

  it('a LOCATION of 1024 characters is followed; one of 1025 is not', () => {
    expect(allowedLocation(pad(1024), '192.168.50.64', lan)?.href).toBe(pad(1024));
    expect(allowedLocation(pad(1025), '192.168.50.64', lan)).toBeNull();
  });

  it('a missing LOCATION (no such header) gives null instead of an exception', () => {
    expect(allowedLocation(undefined as unknown as string, '192.168.50.64', lan)).toBeNull();
  });

  it('a sender outside the subnet is not followed even when the LOCATION is on the sender itself', () => {
    expect(allowedLocation('http://203.0.113.9/desc.xml', '203.0.113.9', lan)).toBeNull();
  });
});

describe('UPnP device descriptions (the router or NVR the app shows, and the services it may call)', () => {
  const root = (inner: string, xmlns = ' xmlns="urn:schemas-upnp-org:device-1-0"') => `<root${xmlns}>${inner}</root>`;
  const service = (k: number) =>
    `<service><serviceType>t${k}</serviceType><controlURL>/c${k}</controlURL><eventSubURL>/e${k}</eventSubURL></service>`;

  it('reads every field of the root device, each cut to 256 characters', () => {
    const r = parseUpnpDescription(
      root(
        '<device><deviceType>urn:x:Basic:1</deviceType><friendlyName>Gate NVR</friendlyName>' +
          '<manufacturer>Acme</manufacturer><modelName>N1</modelName><modelNumber>100</modelNumber>' +
          `<serialNumber>${'s'.repeat(300)}</serialNumber><UDN>uuid:1</UDN><presentationURL>/index.html</presentationURL>` +
          `<serviceList>${service(1)}</serviceList></device>`,
      ),
    );
    expect(r).toEqual({
      ok: true,
      description: {
        deviceType: 'urn:x:Basic:1',
        friendlyName: 'Gate NVR',
        manufacturer: 'Acme',
        modelName: 'N1',
        modelNumber: '100',
        serialNumber: 's'.repeat(256),
        udn: 'uuid:1',
        presentationUrl: '/index.html',
        services: [{ serviceType: 't1', controlUrl: '/c1', eventSubUrl: '/e1' }],
        embeddedDeviceTypes: [],
      },
    });
  });

  it('a description with no namespace is read too', () => {
    const r = parseUpnpDescription(root('<device><friendlyName>Plain</friendlyName></device>', ''));
    expect(r.ok && r.description.friendlyName).toBe('Plain');
  });

  it.each([
    ['a root element not named root', '<scpd><device/></scpd>', 'not a UPnP device description'],
    ['a root without a device', root('<specVersion/>'), 'UPnP description without a device'],
  ])('%s is refused as "%s"', (_label, xml, error) => {
    expect(parseUpnpDescription(xml)).toEqual({ ok: false, error });
  });

  it('a description over 128 KiB is refused (the codec bounds its own input)', () => {
    const r = parseUpnpDescription(root(`<device><friendlyName>${' '.repeat(130 * 1024)}</friendlyName></device>`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^message too large/);
  });

  it('a service is kept only with both a type and a control URL, and at most 64 are kept', () => {
    const partial =
      '<service><serviceType>only-type</serviceType></service><service><controlURL>/only</controlURL></service>';
    const many = Array.from({ length: 70 }, (_, k) => service(k)).join('');
    const r = parseUpnpDescription(root(`<device><serviceList>${partial}${many}</serviceList></device>`));
    const services = r.ok ? r.description.services : [];
    expect(services).toHaveLength(64);
    expect(services[0]).toEqual({ serviceType: 't0', controlUrl: '/c0', eventSubUrl: '/e0' });
    expect(services.at(-1)?.serviceType).toBe('t63');
  });

  it('embedded devices: their types are listed (none without one, at most 32), their services read down to depth 6', () => {
    // A chain of nested devices, each with a type and one service: the root's walk is depth 0.
    const chain = (depth: number, max: number): string =>
      depth > max
        ? ''
        : `<device><deviceType>d${depth}</deviceType><serviceList>${service(depth)}</serviceList>` +
          `<deviceList>${chain(depth + 1, max)}</deviceList></device>`;
    const r = parseUpnpDescription(root(chain(0, 8)));
    if (!r.ok) throw new Error(r.error);
    expect(r.description.embeddedDeviceTypes).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']);
    expect(r.description.services.map((s) => s.serviceType)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6']);

    const flat = `<device/>${Array.from({ length: 40 }, (_, k) => `<device><deviceType>e${k}</deviceType></device>`).join('')}`;
    const wide = parseUpnpDescription(root(`<device><deviceList>${flat}</deviceList></device>`));
    expect(wide.ok && wide.description.embeddedDeviceTypes).toEqual(Array.from({ length: 32 }, (_, k) => `e${k}`));
  });
});

describe('control URLs (resolved only onto the router that described them)', () => {
  const base = new URL('http://192.168.50.1:5000/rootDesc.xml');

  it('a control URL of 1024 characters is resolved; one of 1025 is not', () => {
    const rel = (n: number) => `/${'c'.repeat(n - 1)}`;
    expect(resolveOnSameHost(base, rel(1024))?.pathname).toBe(rel(1024));
    expect(resolveOnSameHost(base, rel(1025))).toBeNull();
  });

  it.each([
    ['https on the same host and port', 'https://192.168.50.1:5000/ctl'],
    ['a user name', 'http://admin@192.168.50.1:5000/ctl'],
    ['a password', 'http://:pw@192.168.50.1:5000/ctl'],
    ['another port on the same host', 'http://192.168.50.1:6000/ctl'],
    ['another host on the same port', 'http://192.168.50.2:5000/ctl'],
  ])('%s is refused', (_label, url) => {
    expect(resolveOnSameHost(base, url)).toBeNull();
  });
});
