// The rules of the service verdict one by one: what a port is (web UI, ONVIF only, RTSP, a vendor SDK, SSH/FTP/
// telnet, bare TLS or nothing known), whether it is plain text, an admin interface, asks for a login, and the evidence
// the details view shows; and which probes each port gets. Each test names what the user would be told wrongly if
// the rule broke (an open admin port called closed, a stream called protected, plain text called encrypted).
import { describe, expect, it } from 'vitest';
import { identifyService, probePlan, type Exchange, type ProbeName } from '../../../src/main/protocol/service-identity';
import type { CertificateFacts } from '../../../src/main/protocol/tls-certificate';

const text = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const ok = (probe: ProbeName, reply: string | Uint8Array, certificate?: CertificateFacts): Exchange => ({
  probe,
  outcome: 'ok',
  reply: typeof reply === 'string' ? text(reply) : reply,
  certificate,
});
const http = (status: string, headers: string[] = [], body = '') =>
  `HTTP/1.1 ${status}\r\n${headers.map((h) => `${h}\r\n`).join('')}Content-Length: ${body.length}\r\n\r\n${body}`;
const rtsp = (status: string, headers: string[] = [], body = '') =>
  `RTSP/1.0 ${status}\r\nCSeq: 1\r\n${headers.map((h) => `${h}\r\n`).join('')}Content-Length: ${body.length}\r\n\r\n${body}`;
const ONVIF_TIME = http(
  '200 OK',
  ['Content-Type: application/soap+xml'],
  '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl">' +
    '<s:Body><tds:GetSystemDateAndTimeResponse/></s:Body></s:Envelope>',
);
const ONVIF_FAULT = http(
  '400 Bad Request',
  ['Content-Type: application/soap+xml', 'Server: Hikvision-Webs'],
  '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:ter="http://www.onvif.org/ver10/error">' +
    '<s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:NotAuthorized</s:Value></s:Subcode>' +
    '</s:Code><s:Reason><s:Text xml:lang="en">no</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>',
);
const HIK_SDK = new Uint8Array([0, 0, 0, 16, ...Array(12).fill(0)]);
const DAHUA_SDK = new Uint8Array([0xb0, ...Array(31).fill(0)]);
const CERT: CertificateFacts = {
  subject: { CN: 'cam' },
  issuer: { CN: 'Acme CA' },
  subjectAltName: null,
  validFrom: '2024-01-01T00:00:00Z',
  validTo: '2026-01-01T00:00:00Z',
  fingerprint256: 'AA',
  trusted: true,
  trustError: null,
  protocol: 'TLSv1.3',
};
const NOW = new Date('2025-01-01T00:00:00Z');

describe('nothing recognisable', () => {
  it('a port that answered nothing usable is unknown, not plain text, with what was tried', () => {
    expect(
      identifyService(1234, [
        { probe: 'https', outcome: 'tls-failed', reply: new Uint8Array() },
        { probe: 'http', outcome: 'timeout', reply: text(http('200 OK')) },
        { probe: 'rtsp-options', outcome: 'refused', reply: new Uint8Array() },
      ]),
    ).toEqual({
      service: 'unknown',
      product: null,
      vendor: null,
      plainText: false,
      adminUi: false,
      authRequired: null,
      onvif: false,
      tls: null,
      evidence: ['no TLS handshake', 'nothing recognisable on port 1234'],
    });
  });

  it('a TLS failure on a probe other than https is not reported as a missing handshake', () => {
    expect(identifyService(1, [{ probe: 'http', outcome: 'tls-failed', reply: new Uint8Array() }]).evidence).toEqual([
      'nothing recognisable on port 1',
    ]);
  });

  it('bytes sent unprompted that are no known banner are counted in the evidence', () => {
    expect(identifyService(7, [ok('banner', 'abc')]).evidence).toEqual([
      'sent 3 byte(s) unprompted',
      'nothing recognisable on port 7',
    ]);
  });
});

describe('server-first banners (SSH, FTP, telnet: admin logins)', () => {
  it('SSH is encrypted, an admin login, and asks for credentials; the banner line is evidence (80 characters)', () => {
    const line = `SSH-2.0-dropbear_2019.78${'x'.repeat(100)}`;
    expect(identifyService(22, [ok('banner', `${line}\r\n`)])).toMatchObject({
      service: 'ssh',
      product: `dropbear 2019.78${'x'.repeat(100)}`,
      plainText: false,
      adminUi: true,
      authRequired: true,
      evidence: [`SSH banner "${line.slice(0, 80)}"`],
    });
  });

  it('FTP is plain text', () => {
    expect(identifyService(21, [ok('banner', '220 (vsFTPd 3.0.3)\r\n')])).toMatchObject({
      service: 'ftp',
      product: 'vsFTPd',
      plainText: true,
      adminUi: true,
      authRequired: true,
    });
  });
});

describe('web ports', () => {
  it('a web page: http, its Server product, its title, an admin UI without a login asked (unknown)', () => {
    expect(identifyService(80, [ok('http', http('200 OK', ['Server: nginx/1.2'], '<title>Cam</title>'))])).toEqual({
      service: 'http',
      product: 'nginx',
      vendor: null,
      plainText: true,
      adminUi: true,
      authRequired: null,
      onvif: false,
      tls: null,
      evidence: ['HTTP 200 "Cam"', 'Server: nginx/1.2'],
    });
  });

  it.each([
    ['401', true],
    ['403', true],
    ['399', true],
    ['400', false],
    ['404', false],
    ['500', false],
  ])('GET / → %s: admin UI %s', (status, adminUi) => {
    expect(identifyService(80, [ok('http', http(`${status} X`))])).toMatchObject({ service: 'http', adminUi });
  });

  it('401 asks for a login, and names the scheme (or "auth" when none is given)', () => {
    expect(identifyService(80, [ok('http', http('401 U', ['WWW-Authenticate: Digest realm="x"']))])).toMatchObject({
      authRequired: true,
      evidence: ['HTTP 401', 'GET / → 401 (Digest)'],
    });
    expect(identifyService(80, [ok('http', http('401 U'))]).evidence).toEqual(['HTTP 401', 'GET / → 401 (auth)']);
  });

  it('a redirect to a login page asks for a login; a redirect elsewhere or a 200 with "login" in Location does not', () => {
    expect(identifyService(80, [ok('http', http('302 F', ['Location: /Login.htm']))]).authRequired).toBe(true);
    expect(identifyService(80, [ok('http', http('302 F', ['Location: /index.htm']))]).authRequired).toBeNull();
    expect(identifyService(80, [ok('http', http('200 OK', ['Location: /login']))]).authRequired).toBeNull();
    expect(identifyService(80, [ok('http', http('400 B', ['Location: /login']))]).authRequired).toBeNull();
  });

  it('a login form asks for a login', () => {
    const page = '<form><input name="username"><input type="password"></form>';
    expect(identifyService(80, [ok('http', http('200 OK', [], page))])).toMatchObject({
      authRequired: true,
      evidence: ['HTTP 200', 'login form (user name and password fields)'],
    });
  });

  it('over https: service https, not plain text, the certificate in the evidence', () => {
    const id = identifyService(443, [ok('https', http('200 OK'), CERT)], { now: NOW, host: 'cam' });
    expect(id).toMatchObject({ service: 'https', plainText: false, adminUi: true });
    expect(id.tls).toMatchObject({ trusted: true, namesHost: true });
    expect(id.evidence).toEqual(['TLS certificate trusted (CN=cam)', 'HTTPS 200']);
  });

  it('the first web answer is the one judged; one https answer makes it https', () => {
    const id = identifyService(80, [ok('http', http('401 U')), ok('https', http('200 OK'))]);
    expect(id).toMatchObject({ service: 'https', authRequired: true, plainText: false });
  });

  it('a Server header naming a vendor, and a login page naming another: the page wins', () => {
    const id = identifyService(80, [
      ok('http', http('200 OK', ['Server: Reolink'], '<a href="/doc/page/login.asp">x</a>')),
    ]);
    expect(id).toMatchObject({ vendor: 'Hikvision', product: null });
    expect(id.evidence).toContain('Hikvision web login');
  });

  it('an HTTP request answered with an SDK header is that SDK (the first one found)', () => {
    expect(identifyService(8000, [ok('http', HIK_SDK), ok('https', DAHUA_SDK)])).toMatchObject({
      service: 'sdk',
      vendor: 'Hikvision',
      product: 'Hikvision SDK (server/command port)',
      plainText: true,
      adminUi: true,
      authRequired: true,
      evidence: ['Hikvision SDK header: answered an HTTP request with a binary header'],
    });
  });
});

describe('ONVIF', () => {
  it('ONVIF answering beside a web page that is not a UI (404): ONVIF only, no web UI', () => {
    const id = identifyService(8000, [ok('http', http('404 N')), ok('onvif', ONVIF_TIME)]);
    expect(id).toMatchObject({ service: 'onvif', onvif: true, adminUi: false });
    expect(id.evidence).toEqual([
      'ONVIF GetSystemDateAndTime answered without login',
      'GET / → 404: ONVIF only, no web UI',
    ]);
  });

  it('ONVIF beside a real web UI: the port is the web UI, with ONVIF noted', () => {
    expect(identifyService(80, [ok('http', http('200 OK')), ok('onvif', ONVIF_TIME)])).toMatchObject({
      service: 'http',
      onvif: true,
      adminUi: true,
    });
  });

  it('ONVIF alone (no web answer) is onvif; a fault counts as ONVIF and is named; its Server header is read', () => {
    const id = identifyService(80, [ok('onvif', ONVIF_FAULT)]);
    expect(id).toMatchObject({ service: 'onvif', onvif: true, vendor: 'Hikvision', product: 'Hikvision-Webs' });
    expect(id.evidence).toEqual(['ONVIF fault NotAuthorized', 'Server: Hikvision-Webs']);
  });

  it('an HTTP answer to the ONVIF request that is not ONVIF is not ONVIF', () => {
    expect(identifyService(80, [ok('onvif', http('200 OK', [], '<html/>'))])).toMatchObject({
      service: 'unknown',
      onvif: false,
    });
  });
});

describe('RTSP (whether the video stream needs a login)', () => {
  it('OPTIONS answered: rtsp, plain text, Server read, status in the evidence, login unknown', () => {
    expect(identifyService(554, [ok('rtsp-options', rtsp('200 OK', ['Server: Dahua Rtsp Server']))])).toMatchObject({
      service: 'rtsp',
      vendor: 'Dahua',
      plainText: true,
      authRequired: null,
      evidence: ['RTSP Server: Dahua Rtsp Server', 'RTSP OPTIONS → 200'],
    });
  });

  it.each([
    ['rtsp-options', 'RTSP OPTIONS → 401 (Digest required)'],
    ['rtsp-describe', 'RTSP DESCRIBE → 401 (Digest required)'],
  ] as const)('%s → 401 asks for a login: "%s"', (probe, line) => {
    expect(identifyService(554, [ok(probe, rtsp('401 U', ['WWW-Authenticate: Digest realm="x"']))])).toMatchObject({
      authRequired: true,
      evidence: [line],
    });
  });

  it('401 without a scheme is named "auth"', () => {
    expect(identifyService(554, [ok('rtsp-describe', rtsp('401 U'))]).evidence).toEqual([
      'RTSP DESCRIBE → 401 (auth required)',
    ]);
  });

  it('DESCRIBE answered with SDP: the stream is open without a login', () => {
    expect(
      identifyService(554, [ok('rtsp-describe', rtsp('200 OK', ['Content-Type: application/sdp'], 'v=0\r\n'))]),
    ).toMatchObject({
      authRequired: false,
      evidence: ['RTSP DESCRIBE answered with SDP without login: the stream is open'],
    });
  });

  it('DESCRIBE → 404 says so and leaves the login unknown', () => {
    expect(identifyService(554, [ok('rtsp-describe', rtsp('404 N'))])).toMatchObject({
      authRequired: null,
      evidence: ['RTSP DESCRIBE → 404'],
    });
  });

  it('RTSP over TLS is not plain text', () => {
    const id = identifyService(322, [ok('rtsp-options', rtsp('200 OK'), CERT)], { now: NOW });
    expect(id).toMatchObject({ service: 'rtsp', plainText: false });
  });

  it('an RTSP request answered with an SDK header is that SDK', () => {
    expect(identifyService(554, [ok('rtsp-options', DAHUA_SDK)])).toMatchObject({
      service: 'sdk',
      vendor: 'Dahua',
      evidence: ['Dahua SDK header: answered an RTSP request with a binary header'],
    });
  });

  it('an SDK header after RTSP was identified does not replace it', () => {
    expect(identifyService(554, [ok('rtsp-options', rtsp('200 OK')), ok('rtsp-describe', DAHUA_SDK)]).service).toBe(
      'rtsp',
    );
  });
});

describe('vendor SDK ports', () => {
  it('the hello answered: the SDK, named after the hello', () => {
    expect(identifyService(8000, [ok('sdk-hikvision', HIK_SDK)]).evidence).toEqual([
      'Hikvision SDK header: answered the hikvision hello',
    ]);
  });

  it('an HTTP page answering an SDK hello is judged as a web page', () => {
    expect(identifyService(8000, [ok('sdk-hikvision', http('200 OK'))])).toMatchObject({
      service: 'http',
      adminUi: true,
    });
  });

  it('an HTTP page after the port was found to be RTSP does not make it a web port', () => {
    expect(
      identifyService(554, [ok('rtsp-options', rtsp('200 OK')), ok('sdk-hikvision', http('200 OK'))]).service,
    ).toBe('rtsp');
  });
});

describe('bare TLS and certificates', () => {
  it('a TLS handshake and nothing else: service tls, not plain text, the certificate described', () => {
    const cert = { ...CERT, subject: {}, issuer: {}, trusted: false, validTo: '2024-06-01T00:00:00Z' };
    const id = identifyService(9999, [ok('https', new Uint8Array(), cert)], { now: NOW });
    expect(id).toMatchObject({ service: 'tls', plainText: false });
    expect(id.evidence).toEqual(['TLS certificate not trusted, expired (no subject)']);
  });

  it('a self-signed certificate is called self-signed', () => {
    const cert = { ...CERT, issuer: { CN: 'cam' }, trusted: false };
    expect(identifyService(9999, [ok('https', new Uint8Array(), cert)], { now: NOW }).evidence).toEqual([
      'TLS certificate self-signed (CN=cam)',
    ]);
  });
});

describe('evidence is bounded', () => {
  it('each line at most 200 characters, no line twice, at most 20 lines', () => {
    const exchanges = Array.from({ length: 30 }, (_, k) => ok('banner', `x${'y'.repeat(k)}`));
    const id = identifyService(1, [
      ...exchanges,
      ok('banner', 'x'),
      ok('onvif', http('200 OK', [`Server: ${'s'.repeat(300)}`])),
    ]);
    expect(id.evidence).toHaveLength(20);
    expect(id.evidence[0]).toBe('sent 1 byte(s) unprompted');
    expect(id.evidence.filter((e) => e === 'sent 1 byte(s) unprompted')).toHaveLength(1);
    const long = identifyService(1, [ok('onvif', http('200 OK', [`Server: ${'s'.repeat(300)}`]))]).evidence[0];
    expect(long).toBe(`Server: ${'s'.repeat(192)}`);
  });
});

describe('what decides between several answers on one port', () => {
  it('an https probe that timed out is not reported as a missing TLS handshake', () => {
    expect(identifyService(5, [{ probe: 'https', outcome: 'timeout', reply: new Uint8Array() }]).evidence).toEqual([
      'nothing recognisable on port 5',
    ]);
  });

  it('a silent port (an empty banner) adds no "sent 0 byte(s)" line', () => {
    expect(identifyService(5, [ok('banner', '')]).evidence).toEqual(['nothing recognisable on port 5']);
  });

  it('ONVIF alone is plain HTTP: plain text', () => {
    expect(identifyService(80, [ok('onvif', ONVIF_TIME)])).toMatchObject({ service: 'onvif', plainText: true });
  });

  it('the first vendor and product named are kept; a later Server header does not replace them', () => {
    const id = identifyService(554, [
      ok('rtsp-options', rtsp('200 OK', ['Server: Dahua Rtsp Server'])),
      ok('rtsp-describe', rtsp('401 U', ['Server: Reolink'])),
    ]);
    expect(id).toMatchObject({ vendor: 'Dahua', product: null });
    const products = identifyService(554, [
      ok('rtsp-options', rtsp('200 OK', ['Server: nginx'])),
      ok('rtsp-describe', rtsp('401 U', ['Server: lighttpd'])),
    ]);
    expect(products.product).toBe('nginx');
  });

  it('a vendor from the Server header stays when the page names none', () => {
    expect(identifyService(80, [ok('http', http('200 OK', ['Server: Hikvision-Webs']))]).vendor).toBe('Hikvision');
  });

  it('an OPTIONS reply carrying SDP does not say the stream is open (only DESCRIBE can)', () => {
    expect(
      identifyService(554, [ok('rtsp-options', rtsp('200 OK', ['Content-Type: application/sdp'], 'v=0\r\n'))]),
    ).toMatchObject({ authRequired: null, evidence: ['RTSP OPTIONS → 200'] });
  });

  it('a redirect (300–399) to a login page asks for a login, 300 included', () => {
    expect(identifyService(80, [ok('http', http('300 M', ['Location: /login']))]).authRequired).toBe(true);
  });

  it('an RTSP reply to an SDK hello does not make the port a web port', () => {
    expect(identifyService(8000, [ok('sdk-hikvision', rtsp('200 OK'))]).service).toBe('unknown');
  });

  it('a port that answered HTTP and then RTSP is RTSP', () => {
    expect(identifyService(80, [ok('http', http('200 OK')), ok('rtsp-options', rtsp('200 OK'))]).service).toBe('rtsp');
  });

  it('a port that answered RTSP and ONVIF is RTSP, with ONVIF noted', () => {
    expect(identifyService(80, [ok('rtsp-options', rtsp('200 OK')), ok('onvif', ONVIF_TIME)])).toMatchObject({
      service: 'rtsp',
      onvif: true,
    });
  });

  it('RTSP with a certificate from a later TLS exchange is not plain text', () => {
    const id = identifyService(322, [ok('rtsp-options', rtsp('200 OK')), ok('https', new Uint8Array(), CERT)], {
      now: NOW,
    });
    expect(id).toMatchObject({ service: 'rtsp', plainText: false });
  });

  it('a plain-http web page stays plain text even when another exchange on the port showed a certificate', () => {
    const id = identifyService(80, [ok('http', http('200 OK')), ok('https', new Uint8Array(), CERT)], { now: NOW });
    expect(id).toMatchObject({ service: 'http', plainText: true });
  });
});

describe('which probes each port gets (the right question first: no HTTP request to an SDK port that waits)', () => {
  it.each([
    [
      [21, 22, 23, 25, 2323, 9530],
      ['banner', 'http'],
    ],
    [
      [443, 8443, 7441, 7443, 5001, 4443, 9443],
      ['https', 'http'],
    ],
    [
      [80, 81, 85, 88, 2020, 5000, 7080, 8080, 8081, 8082, 8899],
      ['http', 'https', 'rtsp-options'],
    ],
    [
      [554, 8554, 7447, 10554],
      ['rtsp-options', 'rtsp-describe'],
    ],
    [[8000], ['http', 'sdk-hikvision']],
    [[37777], ['sdk-dahua', 'sdk-hikvision', 'sdk-reolink']],
    [[9000], ['sdk-reolink', 'http']],
    [
      [1, 12345],
      ['banner', 'http', 'https', 'rtsp-options', 'sdk-hikvision'],
    ],
  ])('ports %j: %j', (ports, plan) => {
    for (const port of ports) expect(probePlan(port), String(port)).toEqual(plan);
  });
});
