import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildHttpGet,
  buildOnvifProbe,
  buildRtspRequest,
  buildSdkHello,
  classifyCertificate,
  classifySdkReply,
  classifyServerHeader,
  classifyTextBanner,
  htmlTitle,
  identifyService,
  parseHeadReply,
  replyComplete,
  type CertificateFacts,
  type Exchange,
  type ProbeName,
} from '../../../src/main/protocol/banners';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'banners');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const ok = (probe: ProbeName, name: string, certificate?: CertificateFacts): Exchange => ({
  probe,
  outcome: 'ok',
  reply: fixture(name),
  certificate,
});

const SELF_SIGNED: CertificateFacts = {
  subject: { CN: '192.0.2.64' },
  issuer: { CN: '192.0.2.64' },
  subjectAltName: 'IP Address:192.0.2.64',
  validFrom: 'Jan  1 00:00:00 2024 GMT',
  validTo: 'Jan  1 00:00:00 2034 GMT',
  fingerprint256: 'AA:BB',
  trusted: false,
  trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
  protocol: 'TLSv1.3',
};
const NOW = new Date('2025-06-01T00:00:00Z');

describe('request builders', () => {
  it('build byte-exact requests', () => {
    expect(buildHttpGet('192.0.2.64', 80)).toBe(
      'GET / HTTP/1.1\r\nHost: 192.0.2.64\r\nUser-Agent: nvr-assist\r\nAccept: text/html,*/*\r\nConnection: close\r\n\r\n',
    );
    expect(buildHttpGet('192.0.2.64', 8443, '/', true)).toContain('Host: 192.0.2.64:8443\r\n');
    expect(buildRtspRequest('OPTIONS', '192.0.2.64', 554, 1)).toBe(
      'OPTIONS rtsp://192.0.2.64/ RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: nvr-assist\r\n\r\n',
    );
    expect(buildRtspRequest('DESCRIBE', '192.0.2.64', 8554, 2, '/stream1')).toBe(
      'DESCRIBE rtsp://192.0.2.64:8554/stream1 RTSP/1.0\r\nCSeq: 2\r\nUser-Agent: nvr-assist\r\nAccept: application/sdp\r\n\r\n',
    );
    const onvif = buildOnvifProbe('192.0.2.64', 8000);
    const [head, body] = onvif.split('\r\n\r\n');
    expect(head).toMatch(/^POST \/onvif\/device_service HTTP\/1.1\r\nHost: 192.0.2.64:8000\r\n/);
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body!)}`);
    expect(body).toContain('<tds:GetSystemDateAndTime>');
    expect(body).not.toContain('Security');
  });

  it('SDK hellos are bare headers without credentials, and not a Dahua login (0xa0)', () => {
    expect(Buffer.from(buildSdkHello('hikvision')).toString('hex')).toBe('00000010' + '00'.repeat(12));
    const dahua = buildSdkHello('dahua');
    expect(dahua.length).toBe(32);
    expect(dahua[0]).toBe(0xa4);
    expect([...dahua.subarray(1)].every((b) => b === 0)).toBe(true);
    expect(Buffer.from(buildSdkHello('reolink')).toString('hex')).toBe('f0debc0a01000000' + '00'.repeat(12));
  });
});

describe('reply parsers', () => {
  it('reads HTTP and RTSP heads', () => {
    const r = parseHeadReply(fixture('dahua-http-root.200.txt'))!;
    expect(r).toMatchObject({ protocol: 'HTTP', status: 200, headers: { server: 'Webs' } });
    expect(htmlTitle(r.body)).toBe('WEB SERVICE');
    expect(parseHeadReply(fixture('rtsp-describe.401.txt'))).toMatchObject({ protocol: 'RTSP', status: 401 });
    expect(parseHeadReply(fixture('ssh-dropbear.banner.txt'))).toBeNull();
  });

  it('knows when a reply is whole', () => {
    expect(replyComplete(fixture('dahua-http-root.200.txt'))).toBe(true);
    const full = fixture('dahua-http-root.200.txt');
    expect(replyComplete(full.subarray(0, full.length - 5))).toBe(false);
    expect(replyComplete(fixture('rtsp-describe.401.txt'))).toBe(true);
    expect(replyComplete(new TextEncoder().encode('HTTP/1.1 200 OK\r\nServer: x\r\n\r\nbody'))).toBe(false);
  });

  it('decodes title entities and bounds it', () => {
    expect(htmlTitle('<title>  A &amp; B &#65;&#x42; </title>')).toBe('A & B AB');
    expect(htmlTitle('<p>none</p>')).toBeNull();
    expect(htmlTitle(`<title>${'x'.repeat(500)}</title>`)?.length).toBe(200);
  });

  it('classifies server-first banners', () => {
    expect(classifyTextBanner(fixture('ssh-dropbear.banner.txt'))).toMatchObject({
      service: 'ssh',
      product: 'dropbear 2019.78',
    });
    expect(classifyTextBanner(fixture('ftp-vsftpd.banner.txt'))).toMatchObject({ service: 'ftp', product: 'vsFTPd' });
    expect(classifyTextBanner(fixture('ftp-busybox.banner.txt'))).toMatchObject({ service: 'ftp' });
    expect(classifyTextBanner(fixture('telnet-iac.banner.bin'))).toMatchObject({ service: 'telnet' });
    expect(classifyTextBanner(new Uint8Array())).toBeNull();
  });

  it('tells the SDK protocols apart by header shape', () => {
    expect(classifySdkReply(fixture('sdk-hikvision-8000.reply.bin'))).toBe('hikvision');
    expect(classifySdkReply(fixture('sdk-dahua-37777.reply.bin'))).toBe('dahua');
    expect(classifySdkReply(fixture('sdk-reolink-9000.reply.bin'))).toBe('reolink');
    expect(classifySdkReply(fixture('ssh-dropbear.banner.txt'))).toBeNull();
  });

  it('classifies certificates with the clock as a parameter', () => {
    expect(classifyCertificate(SELF_SIGNED, NOW, '192.0.2.64')).toMatchObject({
      selfSigned: true,
      trusted: false,
      expired: false,
      namesHost: true,
      daysLeft: 3136,
    });
    const old = { ...SELF_SIGNED, validTo: 'Jan  1 00:00:00 2025 GMT' };
    expect(classifyCertificate(old, NOW).expired).toBe(true);
    const ca = { ...SELF_SIGNED, issuer: { CN: 'Vendor CA' }, trustError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' };
    expect(classifyCertificate(ca, NOW, '192.0.2.99')).toMatchObject({ selfSigned: false, namesHost: false });
  });

  it('reads camera Server headers', () => {
    expect(classifyServerHeader('App-webs/')).toMatchObject({ vendor: 'Hikvision' });
    expect(classifyServerHeader('Hikvision-Webs')).toMatchObject({ vendor: 'Hikvision', device: 'recorder' });
    expect(classifyServerHeader('Dahua Rtsp Server')).toMatchObject({ vendor: 'Dahua' });
    expect(classifyServerHeader('Linux/4.9, UPnP/1.0, Reolink/1.0')).toMatchObject({ vendor: 'Reolink' });
    expect(classifyServerHeader('')).toEqual({ vendor: null, product: null, device: null });
    expect(classifyServerHeader('SomethingElse/1.0')).toEqual({
      vendor: null,
      product: 'SomethingElse/1.0',
      device: null,
    });
  });
});

describe('identifyService', () => {
  it('Hikvision web port with ONVIF', () => {
    const id = identifyService(80, [
      ok('http', 'hikvision-http-root.302.txt'),
      ok('onvif', 'onvif-GetSystemDateAndTime.200.txt'),
    ]);
    expect(id).toMatchObject({
      service: 'http',
      vendor: 'Hikvision',
      onvif: true,
      plainText: true,
      adminUi: true,
      authRequired: true,
    });
    expect(id.evidence.join(' ')).toContain('/doc/page/login.asp');
  });

  it('HTTPS with a self-signed certificate', () => {
    const id = identifyService(443, [ok('https', 'dahua-http-root.200.txt', SELF_SIGNED)], {
      now: NOW,
      host: '192.0.2.64',
    });
    expect(id).toMatchObject({
      service: 'https',
      vendor: 'Dahua',
      plainText: false,
      adminUi: true,
      authRequired: true,
    });
    expect(id.tls).toMatchObject({ selfSigned: true, expired: false });
  });

  it('Reolink login page; ONVIF-only port', () => {
    expect(identifyService(80, [ok('http', 'reolink-http-root.200.txt')])).toMatchObject({
      service: 'http',
      vendor: 'Reolink',
    });
    const onvif = identifyService(8000, [
      ok('http', 'onvif-only-root.404.txt'),
      ok('onvif', 'onvif-GetSystemDateAndTime.200.txt'),
    ]);
    expect(onvif).toMatchObject({ service: 'onvif', onvif: true, adminUi: false, plainText: true });
  });

  it('generic camera asking for digest on /', () => {
    expect(identifyService(80, [ok('http', 'generic-boa-root.401.txt')])).toMatchObject({
      service: 'http',
      authRequired: true,
      adminUi: true,
      product: 'Boa 0.94.14rc21',
    });
  });

  it('RTSP: login required, or an open stream', () => {
    const locked = identifyService(554, [
      ok('rtsp-options', 'rtsp-options.200.txt'),
      ok('rtsp-describe', 'rtsp-describe.401.txt'),
    ]);
    expect(locked).toMatchObject({ service: 'rtsp', vendor: 'Dahua', authRequired: true, plainText: true });
    const open = identifyService(554, [
      ok('rtsp-options', 'rtsp-options.200.txt'),
      ok('rtsp-describe', 'rtsp-describe-open.200.txt'),
    ]);
    expect(open).toMatchObject({ service: 'rtsp', authRequired: false });
  });

  it('SDK ports, banners, and silence', () => {
    expect(identifyService(8000, [ok('http', 'sdk-hikvision-8000.reply.bin')])).toMatchObject({
      service: 'sdk',
      vendor: 'Hikvision',
      adminUi: true,
    });
    expect(identifyService(37777, [ok('sdk-dahua', 'sdk-dahua-37777.reply.bin')])).toMatchObject({
      service: 'sdk',
      vendor: 'Dahua',
    });
    expect(identifyService(9000, [ok('sdk-reolink', 'sdk-reolink-9000.reply.bin')])).toMatchObject({
      service: 'sdk',
      vendor: 'Reolink',
    });
    expect(identifyService(23, [ok('banner', 'telnet-iac.banner.bin')])).toMatchObject({
      service: 'telnet',
      plainText: true,
      adminUi: true,
    });
    expect(identifyService(22, [ok('banner', 'ssh-dropbear.banner.txt')])).toMatchObject({
      service: 'ssh',
      plainText: false,
    });
    const silent = identifyService(12345, [{ probe: 'banner', outcome: 'ok', reply: new Uint8Array() }]);
    expect(silent.service).toBe('unknown');
  });

  it('never throws on hostile bytes', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    const probes: ProbeName[] = ['banner', 'http', 'https', 'onvif', 'rtsp-options', 'rtsp-describe', 'sdk-dahua'];
    for (let i = 0; i < 300; i++) {
      const len = rand() * 4;
      const bytes = new Uint8Array(len).map(() => rand());
      const prefix = ['', 'HTTP/1.1 200 OK\r\n', 'RTSP/1.0 401 x\r\n', 'SSH-2.0-', '220 '][i % 5]!;
      const reply = new Uint8Array([...new TextEncoder().encode(prefix), ...bytes]);
      expect(() => identifyService(i, [{ probe: probes[i % probes.length]!, outcome: 'ok', reply }])).not.toThrow();
    }
  });
});
