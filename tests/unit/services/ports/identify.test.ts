import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { identifyPorts } from '../../../../src/main/services/ports/identify';
import type { ExchangeOptions, ExchangeResult, TcpExchange } from '../../../../src/main/transport/tcp';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'banners');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** A fake device: answers by port and by what was sent (recorded replies from tests/fixtures/banners). */
function fakeDevice(): { exchange: TcpExchange; log: { port: number; sent: string; tls: boolean }[] } {
  const log: { port: number; sent: string; tls: boolean }[] = [];
  const exchange: TcpExchange = async (_address, port, o: ExchangeOptions): Promise<ExchangeResult> => {
    const sent = o.send === undefined ? '' : Buffer.from(o.send).toString('latin1');
    log.push({ port, sent, tls: !!o.tls });
    const reply = (name: string | null, certificate: ExchangeResult['certificate'] = null): ExchangeResult => ({
      outcome: 'ok',
      bytes: name ? fixture(name) : new Uint8Array(),
      peerClosed: true,
      certificate,
      elapsedMs: 1,
    });
    if (port === 80)
      return reply(
        sent.startsWith('POST /onvif') ? 'onvif-GetSystemDateAndTime.200.txt' : 'hikvision-http-root.302.txt',
      );
    if (port === 443)
      return o.tls
        ? reply('hikvision-http-root.302.txt', {
            subject: { CN: '192.0.2.64' },
            issuer: { CN: '192.0.2.64' },
            subjectAltName: null,
            validFrom: 'Jan  1 00:00:00 2024 GMT',
            validTo: 'Jan  1 00:00:00 2034 GMT',
            fingerprint256: 'AA',
            trusted: false,
            trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
            protocol: 'TLSv1.3',
          })
        : reply(null);
    if (port === 554) {
      if (sent.startsWith('OPTIONS')) return reply('rtsp-options.200.txt');
      // The root is no stream: 404; a vendor path wants a login.
      if (sent.startsWith('DESCRIBE rtsp://192.0.2.64/ '))
        return { ...reply(null), bytes: new TextEncoder().encode('RTSP/1.0 404 Not Found\r\nCSeq: 2\r\n\r\n') };
      return reply('rtsp-describe.401.txt');
    }
    if (port === 8000)
      return reply(sent.startsWith('GET') || sent.charCodeAt(3) === 16 ? 'sdk-hikvision-8000.reply.bin' : null);
    if (port === 2222) return reply('ssh-dropbear.banner.txt');
    return reply(null);
  };
  return { exchange, log };
}

describe('identifyPorts', () => {
  it('identifies each open port of a Hikvision-like recorder with few, bounded exchanges', async () => {
    const { exchange, log } = fakeDevice();
    const ids = await identifyPorts('192.0.2.64', [554, 80, 443, 8000, 2222, 4444], {
      exchange,
      signal: new AbortController().signal,
      now: () => new Date('2025-01-01T00:00:00Z'),
    });
    expect(ids.map((i) => [i.port, i.service, i.vendor, i.authRequired])).toEqual([
      [80, 'http', 'Hikvision', true],
      [443, 'https', 'Hikvision', true],
      [554, 'rtsp', 'Dahua', true],
      [2222, 'ssh', null, true],
      [4444, 'unknown', null, null],
      [8000, 'sdk', 'Hikvision', true],
    ]);
    expect(ids[0]!.onvif).toBe(true);
    expect(ids[1]!.tls?.selfSigned).toBe(true);
    // RTSP: OPTIONS, DESCRIBE /, then the first vendor path (401) and no more.
    expect(log.filter((l) => l.port === 554).map((l) => l.sent.split(' ').slice(0, 2).join(' '))).toEqual([
      'OPTIONS rtsp://192.0.2.64/',
      'DESCRIBE rtsp://192.0.2.64/',
      'DESCRIBE rtsp://192.0.2.64/Streaming/Channels/101',
    ]);
    // Nothing is ever sent with credentials.
    expect(log.some((l) => /authorization|password/i.test(l.sent))).toBe(false);
    expect(log.length).toBeLessThan(25);
  });

  it('stops when aborted', async () => {
    const { exchange } = fakeDevice();
    const ac = new AbortController();
    ac.abort();
    expect(await identifyPorts('192.0.2.64', [80, 443], { exchange, signal: ac.signal })).toEqual([]);
  });
});
