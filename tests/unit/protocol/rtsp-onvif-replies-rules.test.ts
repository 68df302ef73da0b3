// The rules of the RTSP and unauthenticated-ONVIF codec one by one: the requests the app sends (exact), which path
// from a device it will put on a request line, what an RTSP reply says (login, open stream, methods), whether a
// reply is ONVIF, and which service addresses a GetServices answer lists. Each test names what a user would be told
// wrongly if the rule broke (an open stream called protected, a non-ONVIF port called ONVIF).
import { describe, expect, it } from 'vitest';
import {
  buildOnvifProbe,
  buildRtspRequest,
  onvifRequestPath,
  readOnvifReply,
  readRtspReply,
  readServiceAddresses,
} from '../../../src/main/protocol/rtsp-onvif-replies';
import { parseXml, type XmlElement } from '../../../src/main/protocol/xml';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const rtsp = (status: string, headers: string[] = [], body = '') =>
  bytes(
    `RTSP/1.0 ${status}\r\nCSeq: 1\r\n${headers.map((h) => `${h}\r\n`).join('')}Content-Length: ${body.length}\r\n\r\n${body}`,
  );
const http = (status: string, body: string) =>
  bytes(`HTTP/1.1 ${status}\r\nContent-Type: application/soap+xml\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
const ENV = (inner: string) =>
  '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" ' +
  `xmlns:tt="http://www.onvif.org/ver10/schema"><s:Body>${inner}</s:Body></s:Envelope>`;

describe('which device path goes on a request line', () => {
  it.each([
    ['/onvif/device_service', '/onvif/device_service'],
    ['/dev/svc?x=1', '/dev/svc?x=1'],
    [`/${'p'.repeat(255)}`, `/${'p'.repeat(255)}`],
    [`/${'p'.repeat(256)}`, '/onvif/device_service'],
    ['onvif/device_service', '/onvif/device_service'],
    ['x/onvif', '/onvif/device_service'],
    ['/a b', '/onvif/device_service'],
    ['/a\r\nHost: evil', '/onvif/device_service'],
    ['/a\n', '/onvif/device_service'],
    [null, '/onvif/device_service'],
    [undefined, '/onvif/device_service'],
  ])('%j → %s', (path, want) => {
    expect(onvifRequestPath(path)).toBe(want);
  });
});

describe('the requests the app sends (exact bytes, no credentials)', () => {
  it('the ONVIF probe: POST to the path, Host without the default port, SOAP 1.2 action, length, close', () => {
    const probe = buildOnvifProbe('192.0.2.1', 80);
    const [head, body] = probe.split('\r\n\r\n');
    expect(head).toBe(
      'POST /onvif/device_service HTTP/1.1\r\nHost: 192.0.2.1\r\nUser-Agent: nvr-assist\r\n' +
        'Content-Type: application/soap+xml; charset=utf-8; action="http://www.onvif.org/ver10/device/wsdl/GetSystemDateAndTime"\r\n' +
        `Content-Length: ${Buffer.byteLength(body!)}\r\nConnection: close`,
    );
    expect(body).toContain('GetSystemDateAndTime');
    expect(buildOnvifProbe('192.0.2.1', 443, true)).toContain('\r\nHost: 192.0.2.1\r\n');
    expect(buildOnvifProbe('192.0.2.1', 8080, false, '/x')).toMatch(
      /^POST \/x HTTP\/1\.1\r\nHost: 192\.0\.2\.1:8080\r\n/,
    );
  });

  it('RTSP: OPTIONS of the root, DESCRIBE asking for SDP, a path without its slash gets one', () => {
    expect(buildRtspRequest('OPTIONS', '192.0.2.1', 554, 1)).toBe(
      'OPTIONS rtsp://192.0.2.1/ RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: nvr-assist\r\n\r\n',
    );
    expect(buildRtspRequest('DESCRIBE', '192.0.2.1', 8554, 2, 'stream1')).toBe(
      'DESCRIBE rtsp://192.0.2.1:8554/stream1 RTSP/1.0\r\nCSeq: 2\r\nUser-Agent: nvr-assist\r\nAccept: application/sdp\r\n\r\n',
    );
  });
});

describe('RTSP replies', () => {
  it('an HTTP reply is not RTSP', () => {
    expect(readRtspReply(http('200 OK', ''))).toBeNull();
  });

  it('reads status, Server, the login scheme and the methods (trimmed, no empties, at most 20)', () => {
    const methods = Array.from({ length: 25 }, (_, k) => `M${k}`);
    expect(
      readRtspReply(
        rtsp('401 Unauthorized', [
          'Server: Cam',
          'WWW-Authenticate: Digest realm="x"',
          `Public: OPTIONS, ,DESCRIBE ,${methods.join(',')}`,
        ]),
      ),
    ).toEqual({
      status: 401,
      server: 'Cam',
      authRequired: true,
      authScheme: 'Digest',
      sdp: false,
      methods: ['OPTIONS', 'DESCRIBE', ...methods.slice(0, 18)],
    });
    expect(readRtspReply(rtsp('200 OK'))).toMatchObject({
      server: null,
      authScheme: null,
      methods: [],
      authRequired: false,
    });
  });

  it.each([
    ['200 with an SDP content type', '200 OK', ['Content-Type: Application/SDP'], '', true],
    ['200 with an SDP body and no content type', '200 OK', [], 'v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n', true],
    ['200 with v=0 on a later line', '200 OK', ['Content-Type: text/plain'], 'x\nv=0\n', true],
    ['200 with v=0 inside a line', '200 OK', ['Content-Type: text/plain'], 'xv=0', false],
    ['200 with neither', '200 OK', ['Content-Type: text/plain'], 'hello', false],
    ['401 with an SDP content type and body', '401 U', ['Content-Type: application/sdp'], 'v=0\r\n', false],
  ])('%s: the stream is open = %s', (_label, status, headers, body, sdp) => {
    expect(readRtspReply(rtsp(status, headers, body))?.sdp).toBe(sdp);
  });
});

describe('ONVIF replies to the unauthenticated GetSystemDateAndTime', () => {
  const TIME =
    '<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:UTCDateTime>' +
    '<tt:Time><tt:Hour>10</tt:Hour><tt:Minute>20</tt:Minute><tt:Second>30</tt:Second></tt:Time>' +
    '<tt:Date><tt:Year>2025</tt:Year><tt:Month>6</tt:Month><tt:Day>1</tt:Day></tt:Date>' +
    '</tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>';

  it('the answer is ONVIF and carries the device clock', () => {
    expect(readOnvifReply(http('200 OK', ENV(TIME)))).toEqual({
      onvif: true,
      deviceTime: new Date('2025-06-01T10:20:30Z'),
      fault: null,
    });
  });

  it('a fault is ONVIF, named by its first subcode, or by its code when it has none', () => {
    const fault = (sub: string) =>
      ENV(
        `<s:Fault><s:Code><s:Value>s:Sender</s:Value>${sub}</s:Code><s:Reason><s:Text xml:lang="en">x</s:Text></s:Reason></s:Fault>`,
      );
    expect(readOnvifReply(http('400 B', fault('')))).toEqual({ onvif: true, deviceTime: null, fault: 'Sender' });
    expect(
      readOnvifReply(http('400 B', fault('<s:Subcode><s:Value>ter:NotAuthorized</s:Value></s:Subcode>'))).fault,
    ).toBe('NotAuthorized');
  });

  it.each([
    ['another SOAP answer', http('200 OK', ENV('<tds:GetDeviceInformationResponse/>'))],
    ['an HTML page', http('200 OK', '<html><body>hi</body></html>')],
    ['an RTSP reply carrying the answer', rtsp('200 OK', [], ENV(TIME))],
  ])('%s is not ONVIF', (_label, reply) => {
    expect(readOnvifReply(reply)).toEqual({ onvif: false, deviceTime: null, fault: null });
  });
});

describe('service addresses of a GetServices answer (the ONVIF endpoints the app may call)', () => {
  const body = (inner: string): XmlElement => {
    const r = parseXml(`<GetServicesResponse>${inner}</GetServicesResponse>`);
    if (!r.ok) throw new Error(r.error);
    return r.root;
  };
  const svc = (xaddr: string) => `<Service><XAddr>${xaddr}</XAddr></Service>`;

  it('another answer lists none', () => {
    const r = parseXml(`<GetCapabilitiesResponse>${svc('http://a/x')}</GetCapabilitiesResponse>`);
    expect(r.ok && readServiceAddresses(r.root)).toEqual([]);
  });

  it('empty, over 300 characters and repeated addresses are skipped; 300 characters are kept', () => {
    const long = `http://a/${'p'.repeat(291)}`;
    expect(long).toHaveLength(300);
    expect(
      readServiceAddresses(body(svc('') + svc(`${long}p`) + svc(long) + svc('http://a/m') + svc('http://a/m'))),
    ).toEqual([long, 'http://a/m']);
  });

  it('at most 32 addresses, from the first 64 services', () => {
    const many = Array.from({ length: 40 }, (_, k) => svc(`http://a/${k}`)).join('');
    expect(readServiceAddresses(body(many))).toEqual(Array.from({ length: 32 }, (_, k) => `http://a/${k}`));
    const late = `${'<Service/>'.repeat(64)}${svc('http://a/late')}`;
    expect(readServiceAddresses(body(late))).toEqual([]);
  });
});
