import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildDeviceRequest,
  buildSetNetworkProtocols,
  classifyAuthReply,
  isPortInUseFault,
  digestAuthorization,
  parseDigestChallenge,
  passwordDigest,
  readDeviceInformation,
  readNetworkProtocols,
  readSoapReply,
  readSystemDateAndTime,
  usernameToken,
} from '../../../src/main/protocol/onvif-soap';
import { parseXml } from '../../../src/main/protocol/xml';
import { sharedFixture } from '../../support/shared-corpus';

const shared = (f: string) => readFileSync(sharedFixture('onvif', f));

describe('WS-UsernameToken', () => {
  it('matches the ONVIF Application Programmer’s Guide example', () => {
    const nonce = Buffer.from('LKqI6G/AikKCQrN0zqZFlg==', 'base64');
    expect(passwordDigest(nonce, '2010-09-16T07:50:45Z', 'userpassword')).toBe('tuOSpGlFlIXsozq4HFNeeGeFLEI=');
  });

  it('signs with canonical UTC `Z` time and puts a parseable security header in the request', () => {
    const token = usernameToken(
      'admin',
      'pw',
      new Uint8Array(16).fill(7),
      new Date(Date.UTC(2026, 10, 24, 10, 0, 0, 5)),
    );
    expect(token.created).toBe('2026-11-24T10:00:00.005Z');
    const xml = buildDeviceRequest('GetDeviceInformation', '', token);
    const r = parseXml(xml);
    expect(r.ok).toBe(true);
    expect(xml).toContain('<wsse:Username>admin</wsse:Username>');
    expect(xml).not.toContain('>pw<');
  });

  it('escapes user names and refuses odd operation names', () => {
    const token = usernameToken('a<b&', 'pw', new Uint8Array(16), new Date(0));
    expect(buildDeviceRequest('GetUsers', '', token)).toContain('a&lt;b&amp;');
    expect(() => buildDeviceRequest('Get</x>', '')).toThrow();
  });
});

describe('HTTP digest', () => {
  it('answers the RFC 2617 example exactly', () => {
    const challenge = parseDigestChallenge(
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
    expect(challenge).toMatchObject({ realm: 'testrealm@host.com', qop: 'auth', algorithm: 'MD5' });
    const header = digestAuthorization(
      challenge!,
      { username: 'Mufasa', password: 'Circle Of Life' },
      { method: 'GET', uri: '/dir/index.html' },
      '0a4f113b',
    );
    expect(header).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(header).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
    expect(header).toContain('nc=00000001');
  });

  it.each([
    undefined,
    'Basic realm="x"',
    'Digest realm="x"',
    'Digest realm="x", nonce="n", algorithm=SHA-512',
    'Digest realm="x", nonce="n", qop="auth-int"',
  ])('finds no usable challenge in %s', (h) => expect(parseDigestChallenge(h)).toBeNull());

  it('takes the first usable one of several headers', () => {
    expect(parseDigestChallenge(['Basic realm="a"', 'Digest realm="b", nonce="n", algorithm=SHA-256'])).toMatchObject({
      realm: 'b',
      algorithm: 'SHA-256',
      qop: null,
    });
  });
});

describe('SOAP replies', () => {
  it('reads the device clock and information from the shared corpus', () => {
    const clock = readSoapReply(shared('hd-predator-agsh-onvif.GetSystemDateAndTime.xml'));
    expect(clock.kind === 'body' && readSystemDateAndTime(clock.body)).toBeInstanceOf(Date);
    const info = readSoapReply(shared('hikvision-fake-onvif-zeep-async.GetDeviceInformation.xml'));
    expect(info.kind === 'body' && readDeviceInformation(info.body).manufacturer).toMatch(/hikvision/i);
  });

  it('reads faults: NotAuthorized is wrong credentials, ActionNotSupported a fault', () => {
    const na = readSoapReply(shared('hikvision-fake-onvif-zeep-async.Fault-NotAuthorized.xml'));
    expect(na).toMatchObject({ kind: 'fault', subcodes: expect.arrayContaining(['NotAuthorized']) });
    expect(classifyAuthReply(400, na)).toBe('wrong-credentials');
    const ans = readSoapReply(shared('hikvision-fake-onvif-zeep-async.Fault-ActionNotSupported.xml'));
    expect(classifyAuthReply(400, ans)).toBe('fault');
  });

  it('tells apart locked accounts, HTML 401 pages and non-ONVIF answers', () => {
    const locked = readSoapReply(
      `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:NotAuthorized</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en">User is locked</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>`,
    );
    expect(classifyAuthReply(400, locked)).toBe('locked');
    const html = readSoapReply('<html><body>401 Unauthorized</body></html>');
    expect(classifyAuthReply(401, html)).toBe('unsupported-auth');
    expect(classifyAuthReply(200, readSoapReply('<html><body>hello</body></html>'))).toBe('not-onvif');
    expect(classifyAuthReply(200, readSoapReply('not xml'))).toBe('not-onvif');
  });

  it('refuses impossible clocks', () => {
    const body = (y: number, mo: number) =>
      parseXml(
        `<r><SystemDateAndTime><UTCDateTime><Time><Hour>25</Hour><Minute>0</Minute><Second>0</Second></Time><Date><Year>${y}</Year><Month>${mo}</Month><Day>1</Day></Date></UTCDateTime></SystemDateAndTime></r>`,
      );
    const r = body(2026, 1);
    expect(r.ok && readSystemDateAndTime(r.root)).toBeNull();
  });
});

describe('network protocols', () => {
  it('reads GetNetworkProtocols and builds an escaped SetNetworkProtocols that reads back the same', () => {
    const body = `<tds:GetNetworkProtocolsResponse xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema"><tds:NetworkProtocols><tt:Name>HTTP</tt:Name><tt:Enabled>true</tt:Enabled><tt:Port>80</tt:Port></tds:NetworkProtocols><tds:NetworkProtocols><tt:Name>HTTPS</tt:Name><tt:Enabled>false</tt:Enabled><tt:Port>443</tt:Port></tds:NetworkProtocols><tds:NetworkProtocols><tt:Name>RTSP</tt:Name><tt:Enabled>true</tt:Enabled><tt:Port>554</tt:Port><tt:Port>99999</tt:Port></tds:NetworkProtocols><tds:NetworkProtocols><tt:Name>FTP</tt:Name><tt:Enabled>true</tt:Enabled><tt:Port>21</tt:Port></tds:NetworkProtocols></tds:GetNetworkProtocolsResponse>`;
    const r = parseXml(body);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const protocols = readNetworkProtocols(r.root);
    expect(protocols).toEqual([
      { name: 'HTTP', enabled: true, ports: [80] },
      { name: 'HTTPS', enabled: false, ports: [443] },
      { name: 'RTSP', enabled: true, ports: [554] },
    ]);
    const request = buildDeviceRequest(
      'SetNetworkProtocols',
      buildSetNetworkProtocols([{ name: 'HTTP', enabled: true, ports: [18080] }]),
    );
    const parsed = parseXml(request);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      const set = parsed.root.children[0]!.children[0]!;
      expect(readNetworkProtocols(set)).toEqual([{ name: 'HTTP', enabled: true, ports: [18080] }]);
    }
    expect(() => buildSetNetworkProtocols([{ name: 'HTTP', enabled: true, ports: [70000] }])).toThrow();
  });

  it('recognises the PortAlreadyInUse fault', () => {
    const reply = readSoapReply(
      `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:InvalidArgVal</s:Value><s:Subcode><s:Value>ter:PortAlreadyInUse</s:Value></s:Subcode></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en">in use</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>`,
    );
    expect(isPortInUseFault(reply)).toBe(true);
    expect(isPortInUseFault(readSoapReply('<x/>'))).toBe(false);
  });
});
