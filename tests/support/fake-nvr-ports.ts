// A fake recorder for the Ports service's tests: its listeners are a port map that ONVIF SetNetworkProtocols
// really changes, the scanner and the identification see that map (replies recorded in tests/fixtures/banners),
// and the ONVIF device service answers on whatever port HTTP is on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createPortsService, type PortsServiceDeps } from '../../src/main/services/ports/ports-service';
import type { HttpTransport } from '../../src/main/transport/http';
import type { ConnectOutcome, ExchangeResult, TcpConnector, TcpExchange } from '../../src/main/transport/tcp';
import type { DiscoveredDevice } from '../../src/shared/domain/device';

const FIXTURES = join(__dirname, '..', 'fixtures', 'banners');
export const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
export const ADDRESS = '192.0.2.64';
export const LOGIN = { username: 'admin', password: 'Lab-Admin-2024' };
export const CERT = {
  subject: { CN: ADDRESS },
  issuer: { CN: ADDRESS },
  subjectAltName: null,
  validFrom: 'Jan  1 00:00:00 2024 GMT',
  validTo: 'Jan  1 00:00:00 2034 GMT',
  fingerprint256: 'AA',
  trusted: false,
  trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
  protocol: 'TLSv1.3',
};

export const NS =
  'xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:ter="http://www.onvif.org/ver10/error"';
export const envelope = (body: string) =>
  `<?xml version="1.0"?><s:Envelope ${NS}><s:Body>${body}</s:Body></s:Envelope>`;
export const CLOCK = envelope(
  '<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:UTCDateTime><tt:Time><tt:Hour>10</tt:Hour><tt:Minute>0</tt:Minute><tt:Second>0</tt:Second></tt:Time><tt:Date><tt:Year>2026</tt:Year><tt:Month>11</tt:Month><tt:Day>24</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>',
);
export const INFO = envelope(
  '<tds:GetDeviceInformationResponse><tds:Manufacturer>HIKVISION</tds:Manufacturer><tds:Model>DS-7608NI-K2</tds:Model><tds:FirmwareVersion>V4</tds:FirmwareVersion><tds:SerialNumber>X1</tds:SerialNumber><tds:HardwareId>88</tds:HardwareId></tds:GetDeviceInformationResponse>',
);
export const fault = (sub: string) =>
  envelope(
    `<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:InvalidArgVal</s:Value><s:Subcode><s:Value>${sub}</s:Value></s:Subcode></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en">no</s:Text></s:Reason></s:Fault>`,
  );

export interface FakeOptions {
  /**
   * What SetNetworkProtocols does: move the listeners, refuse (port in use), or accept and move nothing;
   * 'later' accepts and moves the listeners only when the test calls settle() (a device restarting its services).
   */
  onSet?: 'move' | 'in-use' | 'ignore' | 'move-but-rtsp-dead' | 'move-http-but-dead' | 'later' | 'refuse-rtsp';
  telnet?: boolean;
}

type ProtocolPorts = Record<'http' | 'https' | 'rtsp', number>;

export function fakeRecorder(opts: FakeOptions = {}) {
  const ports = { http: 80, https: 443, rtsp: 554, sdk: 8000 };
  const calls: string[] = [];
  /** Every SetNetworkProtocols the device received: on which port, and the ports it carried. */
  const sets: Array<{ port: number; want: ProtocolPorts }> = [];
  let queued: ProtocolPorts | null = null;
  let deadHttp = false;
  let deadRtsp = false;
  /**
   * Listeners the test adds beside the device's own ports (port → service): a service that still answers on its old
   * port too, say. An 'http' one also answers ONVIF, as the web port does.
   */
  const also = new Map<number, string>();
  const listeners = () => {
    const m = new Map<number, string>([
      [ports.http, deadHttp ? 'dead' : 'http'],
      [ports.https, 'https'],
      [ports.rtsp, 'rtsp'],
      [ports.sdk, 'sdk'],
    ]);
    if (deadRtsp) m.delete(ports.rtsp);
    if (opts.telnet) m.set(23, 'telnet');
    for (const [port, what] of also) m.set(port, what);
    return m;
  };

  const connector: TcpConnector = {
    attempt(address, port, done) {
      const outcome: ConnectOutcome = address !== ADDRESS ? 'unreachable' : listeners().has(port) ? 'open' : 'closed';
      queueMicrotask(() => done(outcome));
      return () => {};
    },
  };
  const ok = (bytes: Uint8Array | string, certificate: ExchangeResult['certificate'] = null): ExchangeResult => ({
    outcome: 'ok',
    bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes,
    peerClosed: true,
    certificate,
    elapsedMs: 1,
  });
  // Like the real transports, nothing goes out on a signal that has already fired.
  const exchange: TcpExchange = async (_address, port, o) => {
    if (o.signal?.aborted)
      return { outcome: 'aborted', bytes: new Uint8Array(), peerClosed: false, certificate: null, elapsedMs: 0 };
    const what = listeners().get(port);
    if (!what)
      return { outcome: 'refused', bytes: new Uint8Array(), peerClosed: true, certificate: null, elapsedMs: 1 };
    const sent = o.send === undefined ? '' : Buffer.from(o.send).toString('latin1');
    if (what === 'http')
      return ok(
        fixture(sent.startsWith('POST /onvif') ? 'onvif-GetSystemDateAndTime.200.txt' : 'hikvision-http-root.302.txt'),
      );
    if (what === 'https') return o.tls ? ok(fixture('hikvision-http-root.302.txt'), CERT) : ok('');
    if (what === 'rtsp')
      return ok(fixture(sent.startsWith('OPTIONS') ? 'rtsp-options.200.txt' : 'rtsp-describe.401.txt'));
    if (what === 'sdk') return ok(sent.length > 0 ? fixture('sdk-hikvision-8000.reply.bin') : '');
    if (what === 'telnet') return ok(fixture('telnet-iac.banner.bin'));
    return ok('');
  };
  const tcp: PortsServiceDeps['tcp'] = async (address, port, _timeoutMs, s) =>
    s?.aborted ? 'timeout' : address === ADDRESS && listeners().has(port) ? 'open' : 'closed';

  const http: HttpTransport = {
    async request(url, o) {
      const port = Number(url.port || 80);
      if (o.signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'HttpLimitError', reason: 'aborted' });
      if (url.hostname !== ADDRESS || ((port !== ports.http || deadHttp) && also.get(port) !== 'http'))
        throw Object.assign(new Error('refused'), { name: 'HttpLimitError', reason: 'refused' });
      const action = /action="[^"]*\/(\w+)"/.exec(o.headers?.['content-type'] ?? '')?.[1] ?? '';
      calls.push(action);
      const reply = (body: string) => ({ status: 200, headers: {}, body: Buffer.from(body) });
      switch (action) {
        case 'GetSystemDateAndTime':
          return reply(CLOCK);
        case 'GetDeviceInformation':
          return reply(INFO);
        case 'GetNetworkProtocols':
          return reply(
            envelope(
              `<tds:GetNetworkProtocolsResponse>${[
                ['HTTP', ports.http],
                ['HTTPS', ports.https],
                ['RTSP', ports.rtsp],
              ]
                .map(
                  ([n, p]) =>
                    `<tds:NetworkProtocols><tt:Name>${n}</tt:Name><tt:Enabled>true</tt:Enabled><tt:Port>${p}</tt:Port></tds:NetworkProtocols>`,
                )
                .join('')}</tds:GetNetworkProtocolsResponse>`,
            ),
          );
        case 'SetNetworkProtocols': {
          const want = Object.fromEntries(
            [
              ...(o.body ?? '').matchAll(
                /<tt:Name>(\w+)<\/tt:Name><tt:Enabled>\w+<\/tt:Enabled><tt:Port>(\d+)<\/tt:Port>/g,
              ),
            ].map((m) => [m[1]!.toLowerCase(), Number(m[2])]),
          ) as ProtocolPorts;
          sets.push({ port, want });
          const restoring = want.http === 80 && want.https === 443 && want.rtsp === 554;
          // A recorder whose RTSP port cannot be changed: any request that moves it is refused whole.
          if (opts.onSet === 'refuse-rtsp' && want.rtsp !== ports.rtsp)
            return { ...reply(fault('ter:InvalidArgVal')), status: 400 };
          if (!restoring && opts.onSet === 'in-use') {
            if (Object.values(want).includes(ports.sdk))
              return { ...reply(fault('ter:PortAlreadyInUse')), status: 400 };
          }
          if (restoring) {
            deadRtsp = false;
            queued = null;
            Object.assign(ports, want);
          } else if (opts.onSet === 'later') queued = want;
          else if (opts.onSet === 'move' || opts.onSet === 'refuse-rtsp' || opts.onSet === undefined)
            Object.assign(ports, want);
          else if (opts.onSet === 'move-but-rtsp-dead') {
            Object.assign(ports, want);
            deadRtsp = true; // the RTSP server never comes up on the new port
          } else if (opts.onSet === 'move-http-but-dead') {
            Object.assign(ports, want);
            deadHttp = true; // the web server never comes up on the new port
          }
          return reply(envelope('<tds:SetNetworkProtocolsResponse/>'));
        }
        default:
          return { ...reply(fault('ter:ActionNotSupported')), status: 500 };
      }
    },
  };
  const deps: PortsServiceDeps = {
    http,
    tcp,
    connector,
    exchange,
    now: () => new Date('2026-11-24T10:00:00Z'),
    sleep: async () => {},
    verify: { rounds: 3, intervalMs: 1 },
    scan: { tickMs: 5, initialTimeoutMs: 50 },
    identify: { bannerWaitMs: 5, idleMs: 5, timeoutMs: 100 },
  };
  /** The device finishes a 'later' change: its listeners move now. */
  const settle = () => {
    if (queued) Object.assign(ports, queued);
    queued = null;
  };
  /** The ports that accept a connection now, lowest first. */
  const listening = () => [...listeners().keys()].sort((a, b) => a - b);
  return { deps, ports, also, calls, sets, settle, listening, service: createPortsService(deps) };
}

export const device = (overrides: Partial<DiscoveredDevice> = {}): DiscoveredDevice => ({
  id: 'dev-02:00:c0:00:02:40',
  addresses: [ADDRESS],
  mac: '02:00:c0:00:02:40',
  brand: 'Hikvision',
  brandSource: 'sadp',
  model: 'DS-7608NI-K2',
  name: null,
  firmware: null,
  serial: null,
  sources: ['onvif', 'sadp'],
  onvifUrl: `http://${ADDRESS}/onvif/device_service`,
  endpoint: null,
  ports: { http: 80, sdk: 8000, onvif: 80 },
  dhcp: false,
  activated: true,
  upnp: false,
  notes: [],
  interfaceName: 'eth0',
  lastSeenAt: 't',
  ...overrides,
});

export const signal = (): AbortSignal => new AbortController().signal;
/** A message for a person: sentences, not XML, error codes, JavaScript values or exception names. */
export const expectPlainWords = (text: string) => {
  expect(text).toMatch(/^[A-Z].*\.$/);
  expect(text).not.toMatch(/[<>{}]|\bundefined\b|\bnull\b|NaN|\[object|Error\b|Abort|ter:|\b[A-Z]+_[A-Z_]+\b/);
};
export const SNAPSHOT = { http: 80, https: 443, rtsp: 554 };
export const SNAPSHOT_PROTOCOLS = [
  { name: 'HTTP', enabled: true, ports: [80] },
  { name: 'HTTPS', enabled: true, ports: [443] },
  { name: 'RTSP', enabled: true, ports: [554] },
];
export const applied = async (
  service: ReturnType<typeof createPortsService>,
  ...args: Parameters<ReturnType<typeof createPortsService>['apply']>
) => (await service.apply(...args)).result;
