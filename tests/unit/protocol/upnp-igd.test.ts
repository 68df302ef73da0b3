// The UPnP IGD and NAT-PMP codec rule by rule (src/main/protocol/upnp-igd.ts): which router description gives a
// control URL, what is sent, how each answer is read. Each title names what a user would lose if the rule broke: a
// router whose mappings go unread, a mapping misreported, a request sent off the router, or a crash on a hostile
// answer. Fixtures: tests/fixtures/upnp-igd (README.md there: recorded from the lab's miniupnpd, or written by hand).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildIgdRequest,
  mappingFromValues,
  NAT_PMP_PORT,
  natPmpExternalAddressRequest,
  pcpAnnounceRequest,
  readIgdDescription,
  readIgdReply,
  readNatPmpReply,
  readPortListing,
  WAN_CONNECTION_SERVICES,
} from '../../../src/main/protocol/upnp-igd';
import { parseXml, textOf } from '../../../src/main/protocol/xml';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'upnp-igd');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const LAB = 'lab-miniupnpd-2.3.1';
const ROUTER = new URL('http://192.168.50.1:5000/rootDesc.xml');

/** A root description with the given device type and services (nested as an IGD nests them). */
function description(deviceType: string, services: Array<[string, string]>, embeddedType = 'WANConnectionDevice:1') {
  const list = services
    .map(([t, u]) => `<service><serviceType>${t}</serviceType><controlURL>${u}</controlURL></service>`)
    .join('');
  return (
    '<?xml version="1.0"?><root xmlns="urn:schemas-upnp-org:device-1-0"><device>' +
    `<deviceType>${deviceType}</deviceType><friendlyName>Box</friendlyName><deviceList><device>` +
    `<deviceType>urn:schemas-upnp-org:device:${embeddedType}</deviceType><serviceList>${list}</serviceList>` +
    '</device></deviceList></device></root>'
  );
}
const IGD1 = 'urn:schemas-upnp-org:device:InternetGatewayDevice:1';
const IGD2 = 'urn:schemas-upnp-org:device:InternetGatewayDevice:2';
const [IP2, IP1, PPP2, PPP1] = WAN_CONNECTION_SERVICES;

/** A SOAP reply envelope around `inner` (what sits inside s:Body). */
const envelope = (inner: string) =>
  `<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${inner}</s:Body></s:Envelope>`;
const response = (action: string, args: string) =>
  envelope(`<u:${action}Response xmlns:u="${IP1}">${args}</u:${action}Response>`);
const fault = (detail: string, faultstring = 'UPnPError') =>
  envelope(`<s:Fault><faultcode>s:Client</faultcode><faultstring>${faultstring}</faultstring>${detail}</s:Fault>`);
const upnpError = (code: string, description = 'Something') =>
  `<detail><UPnPError xmlns="urn:schemas-upnp-org:control-1-0"><errorCode>${code}</errorCode>` +
  `<errorDescription>${description}</errorDescription></UPnPError></detail>`;

describe('the router description: which control URL the audit uses', () => {
  it('the lab miniupnpd (IGD:2) gives WANIPConnection:2 at /ctl/IPConn on the router, with its names', () => {
    expect(readIgdDescription(fixture(`${LAB}.rootDesc.xml`), ROUTER)).toEqual({
      ok: true,
      igd: {
        serviceType: IP2,
        controlUrl: new URL('http://192.168.50.1:5000/ctl/IPConn'),
        igdVersion: 2,
        friendlyName: 'NVR Lab Router',
        manufacturer: 'NVR Lab',
        modelName: 'LabRouter',
      },
    });
  });

  it('an IGD:1 PPP router (WANPPPConnection:1 only) is used, on the description’s host: its URLBase elsewhere is ignored', () => {
    const at = new URL('http://192.168.1.1:5431/igd.xml');
    const r = readIgdDescription(fixture('igd1-wanppp.rootDesc.xml'), at);
    expect(r).toEqual({
      ok: true,
      igd: {
        serviceType: PPP1,
        controlUrl: new URL('http://192.168.1.1:5431/upnp/control/WANPPPConn1'),
        igdVersion: 1,
        friendlyName: 'ADSL Home Gateway',
        manufacturer: 'ExampleNet',
        modelName: 'Wireless-G ADSL Gateway',
      },
    });
  });

  it('the most capable connection service is used whatever the order listed (IP:2, IP:1, PPP:2, then PPP:1)', () => {
    const at = new URL('http://10.0.0.1/d.xml');
    const pick = (services: Array<[string, string]>) => {
      const r = readIgdDescription(description(IGD1, services), at);
      return r.ok ? `${r.igd.serviceType} ${r.igd.controlUrl.pathname}` : r.error;
    };
    expect(
      pick([
        [PPP1, '/ppp'],
        [IP1, '/ip1'],
        [IP2, '/ip2'],
      ]),
    ).toBe(`${IP2} /ip2`);
    expect(
      pick([
        [PPP1, '/ppp'],
        [IP1, '/ip1'],
      ]),
    ).toBe(`${IP1} /ip1`);
    expect(pick([[PPP1, '/ppp']])).toBe(`${PPP1} /ppp`);
    // A box that names its PPP service version 2 (the Orange Livebox) is read, before a PPP:1 one.
    expect(
      pick([
        [PPP1, '/ppp'],
        [PPP2, '/ppp2'],
      ]),
    ).toBe(`${PPP2} /ppp2`);
    expect(
      pick([
        [PPP2, '/ppp2'],
        [IP1, '/ip1'],
      ]),
    ).toBe(`${IP1} /ip1`);
  });

  it('a better service whose control URL points off the router is skipped for one on the router, never followed', () => {
    const at = new URL('http://10.0.0.1:5000/d.xml');
    const r = readIgdDescription(
      description(IGD2, [
        [IP2, 'http://10.0.0.66:5000/evil'],
        [IP2, 'http://10.0.0.1:5001/other-port'],
        [IP1, '/ctl/ip1'],
      ]),
      at,
    );
    expect(r.ok && r.igd.controlUrl.href).toBe('http://10.0.0.1:5000/ctl/ip1');
    expect(r.ok && r.igd.serviceType).toBe(IP1);
  });

  it('a router whose every connection service points elsewhere is refused with that reason (nothing is sent there)', () => {
    const at = new URL('http://10.0.0.1/d.xml');
    expect(
      readIgdDescription(
        description(IGD1, [
          [IP1, 'http://attacker.example/ctl'],
          [PPP1, '//10.0.0.66/x'],
        ]),
        at,
      ),
    ).toEqual({ ok: false, error: 'its WAN connection service points at another host' });
  });

  it('an IGD without a WAN connection service, or a device that is not an IGD, is refused with its reason', () => {
    const at = new URL('http://10.0.0.1/d.xml');
    expect(
      readIgdDescription(description(IGD1, [['urn:schemas-upnp-org:service:Layer3Forwarding:1', '/l3f']]), at),
    ).toEqual({ ok: false, error: 'no WAN connection service' });
    expect(readIgdDescription(description(IGD1, []), at)).toEqual({ ok: false, error: 'no WAN connection service' });
    expect(
      readIgdDescription(
        description('urn:schemas-upnp-org:device:MediaServer:1', [[IP1, '/ctl']], 'MediaRenderer:1'),
        at,
      ),
    ).toEqual({ ok: false, error: 'not an Internet Gateway Device' });
  });

  it.each([
    'urn:schemas-upnp-org:device:InternetGatewayDevice:3',
    'urn:schemas-upnp-org:device:InternetGatewayDevice:12',
    'x-urn:schemas-upnp-org:device:InternetGatewayDevice:1',
    'urn:schemas-upnp-org:device:InternetGatewayDevice',
  ])('a device typed "%s" is not taken for a router', (type) => {
    const r = readIgdDescription(description(type, [[IP1, '/ctl']], 'WANConnectionDevice:1'), ROUTER);
    expect(r).toEqual({ ok: false, error: 'not an Internet Gateway Device' });
  });

  it('an IGD nested inside another root device is found, and its version read from the nested type', () => {
    const nested = (t: string) =>
      readIgdDescription(description('urn:schemas-upnp-org:device:Basic:1', [[IP1, '/ctl']], t), ROUTER);
    expect(nested('InternetGatewayDevice:1')).toMatchObject({ ok: true, igd: { igdVersion: 1, serviceType: IP1 } });
    expect(nested('InternetGatewayDevice:2')).toMatchObject({ ok: true, igd: { igdVersion: 2 } });
  });

  it('empty names are null, not blank text shown to the user', () => {
    const r = readIgdDescription(
      '<root xmlns="urn:schemas-upnp-org:device-1-0"><device><deviceType>' +
        IGD1 +
        `</deviceType><friendlyName></friendlyName><serviceList><service><serviceType>${IP1}</serviceType>` +
        '<controlURL>/c</controlURL></service></serviceList></device></root>',
      ROUTER,
    );
    expect(r).toMatchObject({ ok: true, igd: { friendlyName: null, manufacturer: null, modelName: null } });
  });

  it('a broken or foreign document fails with a reason and never throws', () => {
    for (const bad of ['<a:', '', '<html><body>router</body></html>', '\u0000\u0001', 'x'.repeat(200_000)]) {
      const r = readIgdDescription(bad, ROUTER);
      expect(r.ok, JSON.stringify(bad.slice(0, 20))).toBe(false);
      expect(!r.ok && r.error.length).toBeGreaterThan(0);
    }
  });
});

describe('the control request (what the router is sent)', () => {
  it('is the SOAP 1.1 envelope miniupnpc sends, with the quoted SOAPAction header', () => {
    expect(
      buildIgdRequest(IP1, 'DeletePortMapping', [
        ['NewRemoteHost', ''],
        ['NewExternalPort', 123],
        ['NewProtocol', 'TCP'],
      ]),
    ).toEqual({
      body:
        '<?xml version="1.0"?>\r\n<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" ' +
        's:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body>' +
        `<u:DeletePortMapping xmlns:u="${IP1}"><NewRemoteHost></NewRemoteHost><NewExternalPort>123</NewExternalPort>` +
        '<NewProtocol>TCP</NewProtocol></u:DeletePortMapping></s:Body></s:Envelope>\r\n',
      soapAction: `"${IP1}#DeletePortMapping"`,
    });
  });

  it('an action without arguments has an empty action element', () => {
    expect(buildIgdRequest(IP2, 'GetExternalIPAddress').body).toContain(
      `<u:GetExternalIPAddress xmlns:u="${IP2}"></u:GetExternalIPAddress>`,
    );
  });

  it('values are escaped, so a description or host cannot inject elements into the request', () => {
    const { body } = buildIgdRequest('urn:x"y', 'AddPortMapping', [['NewPortMappingDescription', '</a><b>&"\'']]);
    const r = parseXml(body);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const action = r.root.children[0]!.children[0]!;
    expect(action.ns).toBe('urn:x"y');
    expect(action.children.map((c) => [c.name, c.text])).toEqual([['NewPortMappingDescription', '</a><b>&"\'']]);
  });
});

describe('the control reply (what the router answered)', () => {
  it('the lab router’s external address and status are read', () => {
    expect(readIgdReply(fixture(`${LAB}.GetExternalIPAddress.xml`), 'GetExternalIPAddress')).toEqual({
      kind: 'ok',
      values: { NewExternalIPAddress: '203.0.113.2' },
    });
    expect(readIgdReply(fixture(`${LAB}.GetStatusInfo.xml`), 'GetStatusInfo')).toEqual({
      kind: 'ok',
      values: { NewConnectionStatus: 'Connected', NewLastConnectionError: 'ERROR_NONE', NewUptime: '124' },
    });
  });

  it.each([
    ['Fault-713.xml', 713, 'SpecifiedArrayIndexInvalid'],
    ['Fault-714.xml', 714, 'NoSuchEntryInArray'],
    ['Fault-401.xml', 401, 'Invalid Action'],
  ])('the lab router’s %s is read as UPnP error %i (%s)', (file, code, description) => {
    expect(readIgdReply(fixture(`${LAB}.${file}`), 'GetGenericPortMappingEntry')).toEqual({
      kind: 'fault',
      code,
      description,
    });
  });

  it('a refusal (606) is read as that error, whichever action was asked', () => {
    expect(readIgdReply(fixture('miniupnpd-like.Fault-606.xml'), 'DeletePortMapping')).toEqual({
      kind: 'fault',
      code: 606,
      description: 'Action not authorized',
    });
  });

  it('a fault with a capitalised Detail is still read; one without a UPnP error gives code 0 and the faultstring', () => {
    expect(readIgdReply(fault(upnpError('718').replace(/detail>/g, 'Detail>')), 'X')).toMatchObject({
      kind: 'fault',
      code: 718,
    });
    expect(readIgdReply(fault('', 'Server busy'), 'X')).toEqual({ kind: 'fault', code: 0, description: 'Server busy' });
    expect(readIgdReply(fault('<detail><Other/></detail>', 'Nope'), 'X')).toEqual({
      kind: 'fault',
      code: 0,
      description: 'Nope',
    });
  });

  it.each([
    ['abc', 0],
    ['7.5', 0],
    ['-1', 0],
    ['10000', 0],
    ['9999', 9999],
    ['0', 0],
    [' 606 ', 606],
  ])('an error code "%s" is read as %i (a made-up code is not shown as a real one)', (code, expected) => {
    expect(readIgdReply(fault(upnpError(code)), 'X')).toMatchObject({ kind: 'fault', code: expected });
  });

  it('a fault’s description is cut to 200 characters, and falls back to the faultstring when empty', () => {
    const r = readIgdReply(fault(upnpError('501', 'd'.repeat(1000))), 'X');
    expect(r.kind === 'fault' && r.description).toBe('d'.repeat(200));
    expect(readIgdReply(fault(upnpError('501', ''), 'UPnPError'), 'X')).toMatchObject({ description: 'UPnPError' });
  });

  it('a reply to another action, an empty body, or a non-SOAP document is invalid, never taken as an answer', () => {
    expect(readIgdReply(fixture(`${LAB}.GetExternalIPAddress.xml`), 'GetGenericPortMappingEntry')).toEqual({
      kind: 'invalid',
      error: 'not a GetGenericPortMappingEntry reply',
    });
    expect(readIgdReply(envelope(''), 'X')).toEqual({ kind: 'invalid', error: 'empty SOAP body' });
    expect(
      readIgdReply(
        '<s:Envelope xmlns:s="urn:a" xmlns:t="urn:b"><t:Body><u:XResponse xmlns:u="urn:u"/></t:Body></s:Envelope>',
        'X',
      ),
    ).toEqual({ kind: 'invalid', error: 'empty SOAP body' });
    expect(readIgdReply('<html><body>Login</body></html>', 'X')).toEqual({
      kind: 'invalid',
      error: 'not a SOAP envelope',
    });
  });

  it('a huge, deep or broken reply is invalid with a reason, and never throws', () => {
    const huge = response('X', `<A>${'x'.repeat(140 * 1024)}</A>`);
    const deep = envelope(`${'<a>'.repeat(20)}${'</a>'.repeat(20)}`);
    const wide = response('X', '<A/>'.repeat(700));
    for (const bad of [huge, deep, wide, '<a:', '', Buffer.from([0xff, 0xfe, 0x00])]) {
      const r = readIgdReply(bad, 'X');
      expect(r.kind).toBe('invalid');
      expect(r.kind === 'invalid' && r.error.length).toBeGreaterThan(0);
    }
  });

  it('a value is cut to 512 characters, the port listing to 64 KiB, and at most 32 values are read', () => {
    const long = 'v'.repeat(600);
    const listing = '&lt;'.repeat(20_000);
    const many = Array.from({ length: 40 }, (_, i) => `<V${i}>${i}</V${i}>`).join('');
    const r = readIgdReply(response('X', `<A>${long}</A><NewPortListing>${listing}</NewPortListing>${many}`), 'X');
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.values.A).toBe('v'.repeat(512));
    expect(r.values.NewPortListing).toBe('<'.repeat(20_000));
    expect(Object.keys(r.values)).toHaveLength(32);
    // Over 64 KiB the XML reader refuses the text itself: the reply is invalid (the audit then reads entry by entry).
    const big = readIgdReply(response('X', `<NewPortListing>${'p'.repeat(70_000)}</NewPortListing>`), 'X');
    expect(big.kind).toBe('invalid');
  });

  it('the port listing is trimmed of the whitespace around it, its escaped list decoded', () => {
    const r = readIgdReply(response('X', '<NewPortListing>\n  &lt;p:PortMappingList/&gt;  \n</NewPortListing>'), 'X');
    expect(r.kind === 'ok' && r.values.NewPortListing).toBe('<p:PortMappingList/>');
  });

  it('the UPnP error is found inside the detail even after other elements', () => {
    const detail = upnpError('606', 'Action not authorized').replace('<detail>', '<detail><Vendor>x</Vendor>');
    expect(readIgdReply(fault(detail), 'X')).toEqual({
      kind: 'fault',
      code: 606,
      description: 'Action not authorized',
    });
  });

  it('values named like object internals are kept as plain values (no prototype pollution)', () => {
    const r = readIgdReply(response('X', '<__proto__>polluted</__proto__><constructor>c</constructor>'), 'X');
    expect(r.kind === 'ok' && Object.keys(r.values)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('values are trimmed and cleaned of control characters (they are shown to the user)', () => {
    const r = readIgdReply(response('X', '<A>  192.168.1.5\u0007  </A>'), 'X');
    const a = r.kind === 'ok' ? (r.values.A ?? '') : '';
    expect(a.startsWith('192.168.1.5')).toBe(true);
    expect(a.includes('\u0007') || a !== a.trim()).toBe(false);
  });
});

describe('one mapping from an entry (what the user is told is open)', () => {
  const valuesOf = (file: string, action: string) => {
    const r = readIgdReply(fixture(file), action);
    if (r.kind !== 'ok') throw new Error(`${file}: ${r.kind}`);
    return r.values;
  };

  it('the lab router’s first entry is the camera’s SDK port, open to any address, with its lease', () => {
    expect(
      mappingFromValues(valuesOf(`${LAB}.GetGenericPortMappingEntry-0.xml`, 'GetGenericPortMappingEntry')),
    ).toEqual({
      remoteHost: '',
      externalPort: 8000,
      protocol: 'TCP',
      internalPort: 8000,
      internalClient: '192.168.50.64',
      enabled: true,
      description: 'Hikvision SDK',
      leaseSeconds: 604706,
    });
  });

  it('a PPP router’s UDP entry keeps a different internal port and the decoded description', () => {
    expect(
      mappingFromValues(valuesOf('miniupnpd-like.GetGenericPortMappingEntry-udp.xml', 'GetGenericPortMappingEntry')),
    ).toEqual({
      remoteHost: '',
      externalPort: 37777,
      protocol: 'UDP',
      internalPort: 37778,
      internalClient: '192.168.1.108',
      enabled: true,
      description: 'Dahua <DVR>',
      leaseSeconds: 7200,
    });
  });

  it('GetSpecificPortMappingEntry’s reply (no port or protocol in it) takes them from the key asked', () => {
    const values = { NewInternalPort: '12345', NewInternalClient: '192.168.10.110', NewEnabled: '1' };
    expect(mappingFromValues(values, { externalPort: 12345, protocol: 'UDP' })).toMatchObject({
      externalPort: 12345,
      protocol: 'UDP',
      internalPort: 12345,
    });
    expect(
      mappingFromValues({ ...values, NewExternalPort: '1', NewProtocol: 'TCP' }, { externalPort: 80, protocol: 'UDP' }),
    ).toMatchObject({ externalPort: 80, protocol: 'UDP' });
  });

  const good = {
    NewExternalPort: '8000',
    NewProtocol: 'TCP',
    NewInternalPort: '8000',
    NewInternalClient: '192.168.1.64',
  };

  it('an entry with only the required values is a permanent, enabled mapping from anywhere, without a label', () => {
    expect(mappingFromValues(good)).toEqual({
      remoteHost: '',
      externalPort: 8000,
      protocol: 'TCP',
      internalPort: 8000,
      internalClient: '192.168.1.64',
      enabled: true,
      description: '',
      leaseSeconds: 0,
    });
  });

  it.each([
    ['no external port', { NewExternalPort: undefined }],
    ['external port 0', { NewExternalPort: '0' }],
    ['external port 65536', { NewExternalPort: '65536' }],
    ['external port of 6 digits', { NewExternalPort: '000080' }],
    ['external port "80a"', { NewExternalPort: '80a' }],
    ['external port "-80"', { NewExternalPort: '-80' }],
    ['protocol SCTP', { NewProtocol: 'SCTP' }],
    ['no protocol', { NewProtocol: undefined }],
    ['no internal port', { NewInternalPort: undefined }],
    ['internal port 70000', { NewInternalPort: '70000' }],
    ['no internal client', { NewInternalClient: undefined }],
    ['a blank internal client', { NewInternalClient: '   ' }],
  ])('an entry with %s is not reported as a mapping (skipped, not guessed)', (_what, change) => {
    const values = { ...good, ...change } as Record<string, string>;
    for (const k of Object.keys(values)) if (values[k] === undefined) delete values[k];
    expect(mappingFromValues(values)).toBeNull();
  });

  it('ports at the edges (1 and 65535, padded with spaces) and a lower-case protocol are read', () => {
    expect(
      mappingFromValues({ ...good, NewExternalPort: ' 1 ', NewInternalPort: '65535', NewProtocol: ' udp ' }),
    ).toMatchObject({ externalPort: 1, internalPort: 65535, protocol: 'UDP' });
  });

  it.each([
    ['1', true],
    ['true', true],
    ['TRUE', true],
    [' 1 ', true],
    [undefined, true],
    ['0', false],
    ['false', false],
    ['yes', false],
  ])('NewEnabled "%s" is read as %s', (enabled, expected) => {
    const values: Record<string, string> = { ...good };
    if (enabled !== undefined) values.NewEnabled = enabled;
    expect(mappingFromValues(values)?.enabled).toBe(expected);
  });

  it.each([
    [undefined, 0],
    ['3600', 3600],
    [' 60 ', 60],
    ['4294967295', 4294967295],
    ['4294967296', 0],
    ['-5', 0],
    ['1.5', 0],
    ['soon', 0],
  ])('a lease of "%s" is read as %i seconds (0 = never expires)', (lease, expected) => {
    const values: Record<string, string> = { ...good };
    if (lease !== undefined) values.NewLeaseDuration = lease;
    expect(mappingFromValues(values)?.leaseSeconds).toBe(expected);
  });

  it('hostile text is bounded: host and client to 64 characters, the description to 256', () => {
    const m = mappingFromValues({
      ...good,
      NewRemoteHost: ` ${'h'.repeat(100)} `,
      NewInternalClient: ` ${'c'.repeat(100)} `,
      NewPortMappingDescription: 'd'.repeat(400),
    });
    expect(m?.remoteHost).toBe('h'.repeat(64));
    expect(m?.internalClient).toBe('c'.repeat(64));
    expect(m?.description).toBe('d'.repeat(256));
  });
});

describe('IGD:2’s whole list at once (GetListOfPortMappings)', () => {
  const listingOf = (file: string) => {
    const r = readIgdReply(fixture(file), 'GetListOfPortMappings');
    if (r.kind !== 'ok') throw new Error(`${file}: ${r.kind}`);
    return r.values.NewPortListing ?? '';
  };

  it('the lab router’s CDATA listing gives its 5 mappings in order', () => {
    const r = readPortListing(listingOf(`${LAB}.GetListOfPortMappings-TCP.xml`));
    expect(
      r.ok && r.mappings.map((m) => `${m.protocol} ${m.externalPort} ${m.internalClient}:${m.internalPort}`),
    ).toEqual([
      'TCP 8000 192.168.50.64:8000',
      'TCP 9000 192.168.50.66:9000',
      'TCP 37777 192.168.50.65:37777',
      'TCP 554 192.168.50.64:554',
      'TCP 80 192.168.50.64:80',
    ]);
    expect(r.ok && r.skipped).toBe(0);
  });

  it('an empty list is an empty list, not an error', () => {
    expect(readPortListing(listingOf(`${LAB}.GetListOfPortMappings-UDP-empty.xml`))).toEqual({
      ok: true,
      mappings: [],
      skipped: 0,
    });
  });

  it('each entry’s description, lease, remote host and enabled flag are read (NewDescription, NewLeaseTime)', () => {
    expect(readPortListing(listingOf('miniupnpd-like.GetListOfPortMappings-3.xml'))).toEqual({
      ok: true,
      skipped: 0,
      mappings: [
        {
          remoteHost: '',
          externalPort: 8000,
          protocol: 'TCP',
          internalPort: 8000,
          internalClient: '192.168.1.64',
          enabled: true,
          description: 'Hikvision SDK',
          leaseSeconds: 0,
        },
        {
          remoteHost: '203.0.113.50',
          externalPort: 8443,
          protocol: 'TCP',
          internalPort: 443,
          internalClient: '192.168.1.64',
          enabled: false,
          description: 'Hikvision HTTPS',
          leaseSeconds: 3600,
        },
        {
          remoteHost: '',
          externalPort: 3074,
          protocol: 'TCP',
          internalPort: 3074,
          internalClient: '192.168.1.23',
          enabled: true,
          description: 'Xbox & friends',
          leaseSeconds: 86400,
        },
      ],
    });
  });

  const entry = (port: number, client = '192.168.1.9') =>
    `<p:PortMappingEntry><p:NewExternalPort>${port}</p:NewExternalPort><p:NewProtocol>TCP</p:NewProtocol>` +
    `<p:NewInternalPort>${port}</p:NewInternalPort><p:NewInternalClient>${client}</p:NewInternalClient></p:PortMappingEntry>`;
  const list = (inner: string) =>
    `<p:PortMappingList xmlns:p="urn:schemas-upnp-org:gw:WANIPConnection">${inner}</p:PortMappingList>`;

  it('an entry missing its client is skipped and counted, the others kept; other elements are ignored', () => {
    const r = readPortListing(list(`${entry(1)}<p:Other>${entry(9)}</p:Other>${entry(2, '')}${entry(3)}`));
    expect(r.ok && r.mappings.map((m) => m.externalPort)).toEqual([1, 3]);
    expect(r.ok && r.skipped).toBe(1);
  });

  it('at most `max` entries are read', () => {
    const r = readPortListing(list([1, 2, 3, 4].map((p) => entry(p)).join('')), 3);
    expect(r.ok && r.mappings.map((m) => m.externalPort)).toEqual([1, 2, 3]);
    expect(r.ok && r.skipped).toBe(0);
  });

  it('an entry’s values are bounded and read from its first 16 children only', () => {
    const filler = Array.from({ length: 16 }, (_, i) => `<p:F${i}>x</p:F${i}>`).join('');
    const late = `<p:PortMappingEntry>${filler}<p:NewExternalPort>5</p:NewExternalPort><p:NewProtocol>TCP</p:NewProtocol><p:NewInternalPort>5</p:NewInternalPort><p:NewInternalClient>192.168.1.9</p:NewInternalClient></p:PortMappingEntry>`;
    expect(readPortListing(list(late))).toEqual({ ok: true, mappings: [], skipped: 1 });
    const longDesc = `<p:PortMappingEntry><p:NewExternalPort>5</p:NewExternalPort><p:NewProtocol>TCP</p:NewProtocol><p:NewInternalPort>5</p:NewInternalPort><p:NewInternalClient>192.168.1.9</p:NewInternalClient><p:NewDescription>${'d'.repeat(600)}</p:NewDescription></p:PortMappingEntry>`;
    const r = readPortListing(list(longDesc));
    expect(r.ok && r.mappings[0]!.description).toBe('d'.repeat(256));
  });

  it('a listing with only the required values gives a mapping without a label that never expires', () => {
    expect(readPortListing(list(entry(7)))).toEqual({
      ok: true,
      skipped: 0,
      mappings: [
        {
          remoteHost: '',
          externalPort: 7,
          protocol: 'TCP',
          internalPort: 7,
          internalClient: '192.168.1.9',
          enabled: true,
          description: '',
          leaseSeconds: 0,
        },
      ],
    });
  });

  it('the work on a listing is bounded by `max`: 12 elements an entry, and 6 deep', () => {
    // max 1: the list, one entry and 12 values (14 elements) is read; one element more is refused.
    const extra = (n: number) => Array.from({ length: n }, (_, i) => `<p:X${i}/>`).join('');
    const withValues = (n: number) =>
      list(entry(7).replace('</p:PortMappingEntry>', `${extra(n)}</p:PortMappingEntry>`));
    expect(readPortListing(withValues(8), 1)).toMatchObject({ ok: true, mappings: [{ externalPort: 7 }] });
    expect(readPortListing(withValues(9), 1)).toMatchObject({ ok: false });
    const deep = list(`<p:PortMappingEntry><a><b><c><d><e>x</e></d></c></b></a></p:PortMappingEntry>`);
    expect(readPortListing(deep)).toMatchObject({ ok: false });
    const fiveDeep = list(`<p:PortMappingEntry><a><b><c><d>x</d></c></b></a></p:PortMappingEntry>`);
    expect(readPortListing(fiveDeep)).toEqual({ ok: true, mappings: [], skipped: 1 });
  });

  it('something that is not a port mapping list, or is broken, is an error (the audit then reads entry by entry)', () => {
    expect(readPortListing('<PortMappingListX/>')).toEqual({ ok: false, error: 'not a port mapping list' });
    for (const bad of ['', '<p:PortMappingList>', 'x'.repeat(70 * 1024), '<a:']) {
      const r = readPortListing(bad);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.length).toBeGreaterThan(0);
    }
  });
});

describe('NAT-PMP (RFC 6886): is it on at the router, and which external address it gives', () => {
  const answer = (bytes: number[]) => Uint8Array.from(bytes);

  it('the request is version 0, opcode 0, to UDP 5351', () => {
    expect([...natPmpExternalAddressRequest()]).toEqual([0, 0]);
    expect(NAT_PMP_PORT).toBe(5351);
  });

  it('a success gives the external address and the epoch', () => {
    expect(readNatPmpReply(answer([0, 128, 0, 0, 0, 0, 1, 2, 203, 0, 113, 2]))).toEqual({
      ok: true,
      protocol: 'nat-pmp',
      result: 0,
      epochSeconds: 258,
      externalAddress: '203.0.113.2',
    });
  });

  it('an answer inside a larger buffer is read from its own bytes', () => {
    const buf = answer([9, 9, 9, 0, 128, 0, 0, 0, 0, 0, 7, 198, 51, 100, 9, 9]).subarray(3, 15);
    expect(readNatPmpReply(buf)).toEqual({
      ok: true,
      protocol: 'nat-pmp',
      result: 0,
      epochSeconds: 7,
      externalAddress: '198.51.100.9',
    });
  });

  it('an error result (e.g. 3, network failure) still shows NAT-PMP is on, with no address', () => {
    expect(readNatPmpReply(answer([0, 128, 0, 3, 0, 0, 0, 9, 203, 0, 113, 2]))).toEqual({
      ok: true,
      protocol: 'nat-pmp',
      result: 3,
      epochSeconds: 9,
      externalAddress: null,
    });
    expect(readNatPmpReply(answer([0, 128, 1, 0, 0, 0, 0, 9, 1, 2, 3, 4]))).toMatchObject({
      result: 256,
      externalAddress: null,
    });
  });

  it('a short success (8 bytes) is on, without an address; up to 64 bytes is accepted', () => {
    expect(readNatPmpReply(answer([0, 128, 0, 0, 0, 0, 0, 1]))).toMatchObject({ ok: true, externalAddress: null });
    expect(readNatPmpReply(answer([0, 128, 0, 0, 0, 0, 0, 1, 10, 0, 0, 1, ...Array(52).fill(0)]))).toMatchObject({
      ok: true,
      externalAddress: '10.0.0.1',
    });
  });

  it.each([
    ['7 bytes', [0, 128, 0, 0, 0, 0, 0], 'not a NAT-PMP or PCP answer (length)'],
    ['65 bytes', [0, 128, ...Array(63).fill(0)], 'not a NAT-PMP external address answer'],
    ['1101 bytes', [2, 128, ...Array(1099).fill(0)], 'not a NAT-PMP or PCP answer (length)'],
    ['a 12-byte version 2 (PCP is 24 at least)', [2, 128, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4], 'not a PCP response'],
    ['a PCP request (no R bit)', [2, 0, ...Array(22).fill(0)], 'not a PCP response'],
    ['a PCP answer not in 4-byte words', [2, 128, ...Array(23).fill(0)], 'not a PCP response'],
    ['opcode 129 (a mapping answer)', [0, 129, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4], 'not a NAT-PMP external address answer'],
    [
      'version 1 (neither NAT-PMP nor PCP)',
      [1, 128, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4],
      'not a NAT-PMP external address answer',
    ],
    ['the request echoed back', [0, 0, 0, 0, 0, 0, 0, 1], 'not a NAT-PMP external address answer'],
  ])('%s is not taken as NAT-PMP being on', (_what, bytes, error) => {
    expect(readNatPmpReply(answer(bytes))).toEqual({ ok: false, error });
  });

  it('PCP (RFC 6887): the ANNOUNCE request, and any response to it means PCP is on, with its result and epoch', () => {
    expect([...pcpAnnounceRequest('192.168.50.10')]).toEqual([
      2,
      0,
      ...Array(16).fill(0),
      0xff,
      0xff,
      192,
      168,
      50,
      10,
    ]);
    // miniupnpd's answer to it in the lab, byte for byte.
    const lab = [2, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xe8, ...Array(12).fill(0)];
    expect(readNatPmpReply(answer(lab))).toEqual({
      ok: true,
      protocol: 'pcp',
      result: 0,
      epochSeconds: 0xe8,
      externalAddress: null,
    });
    // The largest PCP message (RFC 6887 §7: 1100 bytes) is still an answer.
    expect(readNatPmpReply(answer([2, 0x80, ...Array(1098).fill(0)]))).toMatchObject({ ok: true, protocol: 'pcp' });
    // An error (e.g. 1, UNSUPP_VERSION) still shows PCP is there; a longer response (options) is read.
    expect(readNatPmpReply(answer([2, 0x81, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, ...Array(16).fill(0)]))).toMatchObject({
      ok: true,
      protocol: 'pcp',
      result: 1,
      epochSeconds: 256,
    });
  });
});

// The request shapes match miniupnpc's own (shared corpus values for the same request): a router reading our request
// sees the values miniupnpc would send.
it('the built DeletePortMapping request carries the same values as miniupnpc’s', () => {
  const r = parseXml(
    buildIgdRequest(IP1, 'DeletePortMapping', [
      ['NewRemoteHost', ''],
      ['NewExternalPort', 123],
      ['NewProtocol', 'TCP'],
    ]).body,
  );
  if (!r.ok) throw new Error(r.error);
  const action = r.root.children[0]!.children[0]!;
  expect(action.children.map((c) => `${c.name}=${textOf(c)}`)).toEqual([
    'NewRemoteHost=',
    'NewExternalPort=123',
    'NewProtocol=TCP',
  ]);
});
