import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portsUsedElsewhere } from '../../../../src/main/services/ports/port-plan';
import { buildPortReport } from '../../../../src/main/services/ports/port-report';
import { portsStepVerdict } from '../../../../src/main/services/ports/port-verdict';
import { createPortsService, type PortsServiceDeps } from '../../../../src/main/services/ports/ports-service';
import type { HttpTransport } from '../../../../src/main/transport/http';
import type { ConnectOutcome, ExchangeResult, TcpConnector, TcpExchange } from '../../../../src/main/transport/tcp';
import type { DiscoveredDevice } from '../../../../src/shared/domain/device';
import { portApplyResultSchema, portPlanSchema, portReportSchema } from '../../../../src/shared/domain/ports';
import { AppFailure } from '../../../../src/shared/ipc/errors';

// The Ports service against a fake recorder: its listeners are a port map that ONVIF SetNetworkProtocols really
// changes, the scanner and the identification see that map (replies recorded in tests/fixtures/banners), and the
// ONVIF device service answers on whatever port HTTP is on.

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'banners');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const ADDRESS = '192.0.2.64';
const LOGIN = { username: 'admin', password: 'Lab-Admin-2024' };
const CERT = {
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

const NS =
  'xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:ter="http://www.onvif.org/ver10/error"';
const envelope = (body: string) => `<?xml version="1.0"?><s:Envelope ${NS}><s:Body>${body}</s:Body></s:Envelope>`;
const CLOCK = envelope(
  '<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:UTCDateTime><tt:Time><tt:Hour>10</tt:Hour><tt:Minute>0</tt:Minute><tt:Second>0</tt:Second></tt:Time><tt:Date><tt:Year>2026</tt:Year><tt:Month>11</tt:Month><tt:Day>24</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>',
);
const INFO = envelope(
  '<tds:GetDeviceInformationResponse><tds:Manufacturer>HIKVISION</tds:Manufacturer><tds:Model>DS-7608NI-K2</tds:Model><tds:FirmwareVersion>V4</tds:FirmwareVersion><tds:SerialNumber>X1</tds:SerialNumber><tds:HardwareId>88</tds:HardwareId></tds:GetDeviceInformationResponse>',
);
const fault = (sub: string) =>
  envelope(
    `<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:InvalidArgVal</s:Value><s:Subcode><s:Value>${sub}</s:Value></s:Subcode></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en">no</s:Text></s:Reason></s:Fault>`,
  );

interface FakeOptions {
  /**
   * What SetNetworkProtocols does: move the listeners, refuse (port in use), or accept and move nothing;
   * 'later' accepts and moves the listeners only when the test calls settle() (a device restarting its services).
   */
  onSet?: 'move' | 'in-use' | 'ignore' | 'move-but-rtsp-dead' | 'move-http-but-dead' | 'later';
  telnet?: boolean;
}

type ProtocolPorts = Record<'http' | 'https' | 'rtsp', number>;

function fakeRecorder(opts: FakeOptions = {}) {
  const ports = { http: 80, https: 443, rtsp: 554, sdk: 8000 };
  const calls: string[] = [];
  /** Every SetNetworkProtocols the device received: on which port, and the ports it carried. */
  const sets: Array<{ port: number; want: ProtocolPorts }> = [];
  let queued: ProtocolPorts | null = null;
  let deadHttp = false;
  let deadRtsp = false;
  const listeners = () => {
    const m = new Map<number, string>([
      [ports.http, deadHttp ? 'dead' : 'http'],
      [ports.https, 'https'],
      [ports.rtsp, 'rtsp'],
      [ports.sdk, 'sdk'],
    ]);
    if (deadRtsp) m.delete(ports.rtsp);
    if (opts.telnet) m.set(23, 'telnet');
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
      if (url.hostname !== ADDRESS || port !== ports.http || deadHttp)
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
          if (!restoring && opts.onSet === 'in-use') {
            if (Object.values(want).includes(ports.sdk))
              return { ...reply(fault('ter:PortAlreadyInUse')), status: 400 };
          }
          if (restoring) {
            deadRtsp = false;
            queued = null;
            Object.assign(ports, want);
          } else if (opts.onSet === 'later') queued = want;
          else if (opts.onSet === 'move' || opts.onSet === undefined) Object.assign(ports, want);
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
  return { deps, ports, calls, sets, settle, listening, service: createPortsService(deps) };
}

const device = (overrides: Partial<DiscoveredDevice> = {}): DiscoveredDevice => ({
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

const signal = () => new AbortController().signal;
/** A message for a person: sentences, not XML, error codes, JavaScript values or exception names. */
const expectPlainWords = (text: string) => {
  expect(text).toMatch(/^[A-Z].*\.$/);
  expect(text).not.toMatch(/[<>{}]|\bundefined\b|\bnull\b|NaN|\[object|Error\b|Abort|ter:|\b[A-Z]+_[A-Z_]+\b/);
};
const SNAPSHOT = { http: 80, https: 443, rtsp: 554 };
const SNAPSHOT_PROTOCOLS = [
  { name: 'HTTP', enabled: true, ports: [80] },
  { name: 'HTTPS', enabled: true, ports: [443] },
  { name: 'RTSP', enabled: true, ports: [554] },
];
const applied = async (
  service: ReturnType<typeof createPortsService>,
  ...args: Parameters<ReturnType<typeof createPortsService>['apply']>
) => (await service.apply(...args)).result;

describe('ports audit', () => {
  it('builds one row per open port with role, purpose, risk and a plain recommendation', async () => {
    const { service } = fakeRecorder({ telnet: true });
    const report = portReportSchema.parse(await service.audit(device(), { credentials: LOGIN, signal: signal() }));
    const row = (port: number) => report.rows.find((r) => r.port === port)!;
    expect(report.rows.filter((r) => r.state === 'open').map((r) => [r.port, r.service, r.role])).toEqual([
      [23, 'telnet', 'telnet'],
      [80, 'http', 'http'],
      [443, 'https', 'https'],
      [554, 'rtsp', 'rtsp'],
      [8000, 'sdk', 'sdk'],
    ]);
    expect(row(8000)).toMatchObject({
      risk: { level: 'high' },
      neededOutside: 'only-with-vendor-app',
      isDefault: true,
      declaredBy: expect.arrayContaining(['sadp', 'catalogue']),
    });
    // The catalogue cites no CVE for Hikvision's 8000, so the words do not claim one.
    expect(row(8000).recommendation).toMatch(/^Do not forward: the vendor’s own SDK port/);
    expect(row(80).recommendation).toMatch(/Forward only as HTTPS on a non-standard port/);
    expect(row(80)).toMatchObject({
      risk: { level: 'high' },
      plainText: true,
      adminUi: true,
      declaredBy: expect.arrayContaining(['onvif']),
    });
    expect(row(443)).toMatchObject({ neededOutside: 'yes', plainText: false });
    expect(row(23).recommendation).toMatch(/^Close it: telnet sends passwords in plain text/);
    expect(row(23).risk.level).toBe('high');
    expect(row(554)).toMatchObject({ authRequired: true, isDefault: true });
    expect(report.onvifProtocols).toEqual([
      { name: 'HTTP', enabled: true, ports: [80] },
      { name: 'HTTPS', enabled: true, ports: [443] },
      { name: 'RTSP', enabled: true, ports: [554] },
    ]);
    // Telnet is nobody's declared port: the device's list and the brand's catalogue do not name it.
    expect(report.undeclaredOpen).toEqual([23]);
    expect(report.declaredButClosed).toEqual([]);
  });

  it('without a login it measures anyway, and names what the device declared but does not answer', async () => {
    const { service, calls } = fakeRecorder();
    const report = await service.audit(device({ ports: { http: 80, sdk: 8000, onvif: 80, https: 8443 } }), {
      signal: signal(),
    });
    expect(calls).not.toContain('GetNetworkProtocols');
    expect(report.onvifProtocols).toBeNull();
    expect(report.declaredButClosed).toEqual([8443]);
    expect(report.rows.find((r) => r.port === 8443)).toMatchObject({ state: 'closed', role: 'https' });
  });

  it('judges a recorded scan the same way (pure builder): an unknown open port is undeclared and low risk', () => {
    const report = buildPortReport({
      device: device({ brand: null, sources: ['manual'], ports: { onvif: 80 } }),
      address: ADDRESS,
      full: true,
      measuredAt: new Date(0),
      open: [80, 4444, 37777],
      filtered: [],
      protocols: null,
      identities: [
        {
          port: 80,
          service: 'http',
          product: null,
          vendor: 'Dahua',
          plainText: true,
          adminUi: true,
          authRequired: true,
          onvif: true,
          tls: null,
          evidence: [],
        },
        {
          port: 4444,
          service: 'unknown',
          product: null,
          vendor: null,
          plainText: false,
          adminUi: false,
          authRequired: null,
          onvif: false,
          tls: null,
          evidence: ['nothing recognisable on port 4444'],
        },
        {
          port: 37777,
          service: 'sdk',
          product: 'Dahua DVRIP SDK (TCP port)',
          vendor: 'Dahua',
          plainText: true,
          adminUi: true,
          authRequired: true,
          onvif: false,
          tls: null,
          evidence: [],
        },
      ],
    });
    const row = (port: number) => report.rows.find((r) => r.port === port)!;
    expect(row(37777)).toMatchObject({ role: 'sdk', risk: { level: 'high' } });
    expect(row(37777).recommendation).toMatch(/^Do not forward: vendor SDK port with a history of serious flaws/);
    expect(row(4444)).toMatchObject({ role: null, service: 'unknown', risk: { level: 'low' } });
    expect(row(4444).recommendation).toMatch(/Find out what this is/);
    expect(report.undeclaredOpen).toEqual([4444]);
  });

  it('fails in plain words when the device does not answer at all', async () => {
    const { service } = fakeRecorder();
    await expect(service.audit(device({ addresses: ['192.0.2.99'] }), { signal: signal() })).rejects.toMatchObject({
      code: 'DEVICE_UNREACHABLE',
    });
  });
});

describe('ports plan', () => {
  it('is the same for the same device, never a factory port, and names who changes what', async () => {
    const { service } = fakeRecorder();
    const report = await service.audit(device(), { credentials: LOGIN, signal: signal() });
    const a = portPlanSchema.parse(service.plan(device(), report));
    const b = service.plan(device(), report);
    expect(a).toEqual(b);
    const other = service.plan(device({ id: 'dev-someone-else' }), report);
    expect(other.proposal.map((p) => p.internal)).not.toEqual(a.proposal.map((p) => p.internal));
    expect(a.proposal.map((p) => p.role).sort()).toEqual(['http', 'https', 'onvif', 'rtsp', 'sdk']);
    for (const p of a.proposal) {
      expect(p.internal).toBeGreaterThan(10000);
      expect(p.internal).toBeLessThan(32768);
    }
    expect(a.proposal.find((p) => p.role === 'onvif')!.internal).toBe(
      a.proposal.find((p) => p.role === 'http')!.internal,
    );
    expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(a.applyViaOnvif.sort()).toEqual(['http', 'https', 'rtsp']);
    expect(a.manualSteps.map((m) => m.role)).toEqual(['sdk']);
    expect(a.manualSteps[0]!.steps.join(' ')).toMatch(/Configuration › Network › Basic Settings › Port/);
    expect(a.rtspAdvice).toMatch(/RTSP over TCP/);
  });

  it('checks the user’s edits and says what is wrong in plain words', async () => {
    const { service } = fakeRecorder();
    const report = await service.audit(device(), { credentials: LOGIN, signal: signal() });
    const plan = service.plan(device(), report, { http: 1000, rtsp: 10000 });
    expect(plan.proposal.find((p) => p.role === 'http')!.internal).toBe(1000);
    expect(plan.problems[0]).toMatchObject({ severity: 'error', role: 'http', code: 'well-known' });
    expect(plan.problems[0]!.message).toMatch(/1000 is below 1024/);
    expect(plan.problems.some((p) => p.role === 'rtsp' && p.severity === 'error')).toBe(false);
    expect(plan.problems.some((p) => p.role === 'rtsp' && p.code === 'commonly-scanned')).toBe(true);
  });

  it('keeps clear of the ports other known devices use or are planned to use, and names them', async () => {
    const { service } = fakeRecorder();
    const nvr = device();
    const report = await service.audit(nvr, { credentials: LOGIN, signal: signal() });
    const camera = device({
      id: 'dev-cam',
      addresses: ['192.0.2.70'],
      brand: 'Dahua',
      model: 'IPC-HDW',
      ports: { http: 80, sdk: 37777 },
    });
    const camPlan = service.plan(camera, report);
    // Another device's saved measurement and plan, as the setup record holds them.
    const record = {
      devices: [nvr, camera],
      ports: {
        [camera.id]: { report: { ...report, deviceId: camera.id }, plan: camPlan, lastChange: null, pending: null },
      },
    };
    const elsewhere = portsUsedElsewhere(record, nvr.id);
    // Seen from the camera: only the NVR's declared ports (it has no saved measurement or plan here).
    expect(portsUsedElsewhere(record, camera.id).map((u) => u.port)).toEqual([80, 8000]);
    expect(elsewhere.some((u) => u.port === 37777 && u.where === 'Dahua IPC-HDW (192.0.2.70)')).toBe(true);
    for (const p of camPlan.proposal)
      expect(elsewhere.some((u) => u.port === p.internal && u.where!.endsWith('planned'))).toBe(true);

    // Every free port but ten is taken elsewhere: the NVR's proposal must come from those ten.
    const free = new Set(Array.from({ length: 10 }, (_, i) => 20001 + i * 3));
    const crowded = [
      ...elsewhere,
      ...Array.from({ length: 32767 - 10001 + 1 }, (_, i) => ({
        port: 10001 + i,
        where: 'the shop’s other NVR',
      })).filter((u) => !free.has(u.port)),
    ];
    const plan = service.plan(nvr, report, {}, crowded);
    for (const p of plan.proposal) expect(free.has(p.internal), `${p.role} → ${p.internal}`).toBe(true);
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);

    // Typing a port the camera's plan already took is an error that names the camera.
    const taken = camPlan.proposal.find((p) => p.role === 'http')!.internal;
    const edited = service.plan(nvr, report, { http: taken }, elsewhere);
    expect(edited.problems.find((p) => p.role === 'http' && p.code === 'in-use-other')?.message).toMatch(
      new RegExp(`${taken} is already used by Dahua IPC-HDW \\(192\\.0\\.2\\.70\\), planned`),
    );
    // Keeping a port another device also has (both on 80) is no change, so no error.
    const kept = service.plan(nvr, report, { http: 80 }, elsewhere);
    expect(kept.problems.filter((p) => p.role === 'http' && p.severity === 'error')).toEqual([]);
  });
});

describe('ports apply', () => {
  it('moves HTTP through ONVIF and verifies by measurement: old port closed, new one answers, ONVIF follows', async () => {
    const { service, ports } = fakeRecorder();
    const result = portApplyResultSchema.parse(
      await applied(service, device(), [{ role: 'http', to: 18080 }], { credentials: LOGIN, signal: signal() }),
    );
    expect(result).toMatchObject({
      outcome: 'verified',
      onvifUrl: `http://${ADDRESS}:18080/onvif/device_service`,
      changes: [{ role: 'http', from: 80, to: 18080, verified: true }],
    });
    expect(result.changes[0]!.evidence).toMatch(/80 refuses connections; 18080 answers HTTP/);
    expect(result.message).toMatch(/18080/);
    expect(ports).toMatchObject({ http: 18080, https: 443, rtsp: 554 });
    expect(portsStepVerdict(null, result, 'Hikvision')).toEqual({ verified: true, reason: '' });
  });

  it('PortAlreadyInUse: puts the snapshot back, checks it, and says so', async () => {
    const { service, ports, calls } = fakeRecorder({ onSet: 'in-use' });
    const result = await applied(service, device(), [{ role: 'http', to: 8000 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/already used by another service/);
    expect(result.message).toMatch(/HTTP answers on 80 again/);
    expect(result.onvifUrl).toBe(`http://${ADDRESS}/onvif/device_service`);
    expect(calls.filter((c) => c === 'SetNetworkProtocols')).toHaveLength(2);
    expect(ports.http).toBe(80);
  });

  it('a change that never answers on the new port is put back and verified', async () => {
    const { service, ports } = fakeRecorder({ onSet: 'move-but-rtsp-dead' });
    const result = await applied(service, device(), [{ role: 'rtsp', to: 10554 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/not confirmed within .*10554 does not answer as RTSP/);
    expect(result.message).toMatch(/RTSP answers on 554 again/);
    expect(ports.rtsp).toBe(554);
  });

  it('when even the way back is gone, it fails and says exactly what answers where', async () => {
    const { service } = fakeRecorder({ onSet: 'move-http-but-dead' });
    const result = await applied(service, device(), [{ role: 'http', to: 18080 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(result.outcome).toBe('failed');
    expect(result.message).toMatch(/answers on neither 80 nor 18080; ONVIF does not answer/);
    expect(result.message).toMatch(/restart the NVR/);
  });

  it('a device that ignores the change: restored (the old port still answers), never "verified"', async () => {
    const { service } = fakeRecorder({ onSet: 'ignore' });
    const result = await applied(service, device(), [{ role: 'rtsp', to: 10554 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/554 still answers/);
  });

  it('moves HTTP and RTSP in one change: one SetNetworkProtocols, each move verified with its own evidence', async () => {
    const { service, ports, calls, sets, listening } = fakeRecorder();
    const { result: raw, protocols } = await service.apply(
      device(),
      [
        { role: 'http', to: 18080 },
        { role: 'rtsp', to: 10554 },
      ],
      { credentials: LOGIN, signal: signal() },
    );
    const result = portApplyResultSchema.parse(raw);
    expect(result.outcome).toBe('verified');
    expect(result.onvifUrl).toBe(`http://${ADDRESS}:18080/onvif/device_service`);
    expect(result.changes.map((c) => [c.role, c.from, c.to, c.verified])).toEqual([
      ['http', 80, 18080, true],
      ['rtsp', 554, 10554, true],
    ]);
    expect(result.changes[0]!.evidence).toMatch(/80 refuses connections; 18080 answers HTTP.*ONVIF answers at/);
    expect(result.changes[1]!.evidence).toMatch(/554 refuses connections; 10554 answers RTSP/);
    expect(result.changes[1]!.evidence).not.toMatch(/ONVIF/);
    expect(result.message).toMatch(
      /^Done, and checked: the web page \(HTTP\) from 80 to 18080, the video streams \(RTSP\) from 554 to 10554\. The old ports are closed and the new ones answer\./,
    );
    expect(result.message).toMatch(/Open the NVR at http:\/\/192\.0\.2\.64:18080\/ from now on/);
    expect(result.message).toMatch(/players and recorders/);
    expectPlainWords(result.message);
    expect(ports).toMatchObject({ http: 18080, https: 443, rtsp: 10554 });
    // Measured on the fake device: both new ports answer, neither old one does, the rest is untouched.
    expect(listening()).toEqual([443, 8000, 10554, 18080]);
    expect(calls.filter((c) => c === 'SetNetworkProtocols')).toHaveLength(1);
    // The one SetNetworkProtocols carried both moves (and HTTPS as it was), sent where ONVIF was.
    expect(sets).toEqual([{ port: 80, want: { http: 18080, https: 443, rtsp: 10554 } }]);
    expect(protocols?.map((p) => [p.name, p.ports[0]])).toEqual([
      ['HTTP', 18080],
      ['HTTPS', 443],
      ['RTSP', 10554],
    ]);
  });

  it('HTTP and RTSP together, RTSP never answers: the whole change is put back, both checked', async () => {
    const { service, ports, calls, sets, listening } = fakeRecorder({ onSet: 'move-but-rtsp-dead' });
    const { result: raw, protocols } = await service.apply(
      device(),
      [
        { role: 'http', to: 18080 },
        { role: 'rtsp', to: 10554 },
      ],
      { credentials: LOGIN, signal: signal() },
    );
    const result = portApplyResultSchema.parse(raw);
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/10554 does not answer as RTSP/);
    expect(result.message).toMatch(/HTTP answers on 80 again; RTSP answers on 554 again/);
    expect(result.changes.every((c) => !c.verified)).toBe(true);
    expect(result.onvifUrl).toBe(`http://${ADDRESS}/onvif/device_service`);
    expect(result.message).toMatch(/Nothing is changed on the device\./);
    expectPlainWords(result.message);
    // Each change keeps its own evidence: HTTP had answered on its new port, RTSP never did.
    expect(result.changes.map((c) => [c.role, c.from, c.to])).toEqual([
      ['http', 80, 18080],
      ['rtsp', 554, 10554],
    ]);
    expect(result.changes[0]!.evidence).toBe(
      'While it was changing: 80 refuses connections; 18080 answers HTTP (App-webs).',
    );
    expect(result.changes[1]!.evidence).toMatch(/^The NVR accepted the change, but .*10554 does not answer as RTSP/);
    expect(ports).toMatchObject({ http: 80, https: 443, rtsp: 554 });
    expect(listening()).toEqual([80, 443, 554, 8000]);
    // One change, one restore (ONVIF had moved with HTTP: the restore finds it at whichever address answers).
    expect(calls.filter((c) => c === 'SetNetworkProtocols')).toHaveLength(2);
    expect(sets).toEqual([
      { port: 80, want: { http: 18080, https: 443, rtsp: 10554 } },
      { port: 18080, want: SNAPSHOT },
    ]);
    expect(protocols).toEqual(SNAPSHOT_PROTOCOLS);
  });

  it('a cancel while the new ports are being checked puts the old ones back (under its own signal) and says so', async () => {
    const recorder = fakeRecorder({ onSet: 'move-but-rtsp-dead' });
    const user = new AbortController();
    let waits = 0;
    const service = createPortsService({
      ...recorder.deps,
      verify: { rounds: 10, intervalMs: 1 },
      // The user presses Cancel during the second wait for the new RTSP port.
      sleep: async () => {
        if (++waits === 2) user.abort();
      },
    });
    const result = portApplyResultSchema.parse(
      await applied(service, device(), [{ role: 'rtsp', to: 10554 }], { credentials: LOGIN, signal: user.signal }),
    );
    expect(user.signal.aborted).toBe(true);
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/^You cancelled the change\. The app put the previous ports back and checked them/);
    expect(result.message).toMatch(/RTSP answers on 554 again/);
    expect(result.changes).toEqual([
      { role: 'rtsp', from: 554, to: 10554, verified: false, evidence: 'You cancelled the change.' },
    ]);
    expectPlainWords(result.message);
    expect(recorder.ports.rtsp).toBe(554);
    expect(recorder.listening()).toEqual([80, 443, 554, 8000]);
    expect(recorder.calls.filter((c) => c === 'SetNetworkProtocols')).toHaveLength(2);
    // The fake refuses anything sent on a fired signal, as the real transports do: the restore got through.
    expect(recorder.sets).toEqual([
      { port: 80, want: { http: 80, https: 443, rtsp: 10554 } },
      { port: 80, want: SNAPSHOT },
    ]);
    // The cancel took effect right after the wait it came in (no further round; the restore needed no wait).
    expect(waits).toBe(2);
  });

  it('a cancel while the device finishes moving HTTP: put back through ONVIF’s new address, never "verified"', async () => {
    const recorder = fakeRecorder({ onSet: 'later' });
    const user = new AbortController();
    const waitSignals: AbortSignal[] = [];
    const service = createPortsService({
      ...recorder.deps,
      verify: { rounds: 10, intervalMs: 1 },
      // The device restarts its web server during the first wait, and the user presses Cancel in that wait.
      sleep: async (_ms, s) => {
        waitSignals.push(s);
        if (waitSignals.length === 1) {
          recorder.settle();
          user.abort();
        }
      },
    });
    const { result: raw, protocols } = await service.apply(device(), [{ role: 'http', to: 18080 }], {
      credentials: LOGIN,
      signal: user.signal,
    });
    const result = portApplyResultSchema.parse(raw);
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/^You cancelled the change\. The app put the previous ports back and checked them/);
    expect(result.message).toMatch(/HTTP answers on 80 again/);
    expectPlainWords(result.message);
    expect(result.changes).toEqual([
      { role: 'http', from: 80, to: 18080, verified: false, evidence: 'You cancelled the change.' },
    ]);
    expect(result.onvifUrl).toBe(`http://${ADDRESS}/onvif/device_service`);
    expect(protocols).toEqual(SNAPSHOT_PROTOCOLS);
    // Back on 80, nothing on 18080; the restore went to 18080, where ONVIF was after the move.
    expect(recorder.ports.http).toBe(80);
    expect(recorder.listening()).toEqual([80, 443, 554, 8000]);
    expect(recorder.sets).toEqual([
      { port: 80, want: { http: 18080, https: 443, rtsp: 554 } },
      { port: 18080, want: SNAPSHOT },
    ]);
    // The waits ran on the service's own signal, which the user's cancel does not fire.
    expect(waitSignals.length).toBeGreaterThan(0);
    expect(waitSignals.every((s) => s !== user.signal && !s.aborted)).toBe(true);
  });

  it('a cancel during the last measurement before "verified" still puts the old ports back', async () => {
    const recorder = fakeRecorder({ onSet: 'later' });
    const user = new AbortController();
    let waits = 0;
    const service = createPortsService({
      ...recorder.deps,
      verify: { rounds: 10, intervalMs: 1 },
      sleep: async () => {
        if (++waits === 1) recorder.settle();
      },
      // The user presses Cancel while the app checks that the old port is closed, after the device moved.
      tcp: async (...args) => {
        if (recorder.ports.http === 18080) user.abort();
        return recorder.deps.tcp(...args);
      },
    });
    const result = await applied(service, device(), [{ role: 'http', to: 18080 }], {
      credentials: LOGIN,
      signal: user.signal,
    });
    expect(user.signal.aborted).toBe(true);
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/^You cancelled the change\..*HTTP answers on 80 again/);
    expect(recorder.ports.http).toBe(80);
    expect(recorder.sets.map((s) => s.want)).toEqual([{ http: 18080, https: 443, rtsp: 554 }, SNAPSHOT]);
  });

  it('a cancel before anything was sent changes nothing: CANCELLED, no SetNetworkProtocols', async () => {
    const { service, calls, sets, ports, listening } = fakeRecorder();
    const user = new AbortController();
    user.abort();
    let changing = 0;
    const err = await service
      .apply(device(), [{ role: 'http', to: 18080 }], {
        credentials: LOGIN,
        signal: user.signal,
        onChanging: async () => {
          changing++;
        },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppFailure);
    expect(err).toMatchObject({ code: 'CANCELLED' });
    expect(calls).not.toContain('SetNetworkProtocols');
    expect(sets).toEqual([]);
    expect(changing).toBe(0);
    expect(ports).toMatchObject({ ...SNAPSHOT, sdk: 8000 });
    expect(listening()).toEqual([80, 443, 554, 8000]);
  });

  it('a cancel after the ports were read but before sending: CANCELLED, nothing saved as pending, nothing sent', async () => {
    const { deps, calls, sets, ports } = fakeRecorder();
    const user = new AbortController();
    // The user presses Cancel while the device answers GetNetworkProtocols (the snapshot).
    const service = createPortsService({
      ...deps,
      http: {
        async request(url, o) {
          const reply = await deps.http.request(url, o);
          if ((o.headers?.['content-type'] ?? '').includes('GetNetworkProtocols')) user.abort();
          return reply;
        },
      },
    });
    let changing = 0;
    const err = await service
      .apply(device(), [{ role: 'http', to: 18080 }], {
        credentials: LOGIN,
        signal: user.signal,
        onChanging: async () => {
          changing++;
        },
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CANCELLED' });
    expect(calls).toContain('GetNetworkProtocols');
    expect(sets).toEqual([]);
    expect(changing).toBe(0);
    expect(ports.http).toBe(80);
  });

  it('tells the caller what it is about to change before it sends anything (saved against a crash)', async () => {
    const { service, calls } = fakeRecorder();
    const seen: unknown[] = [];
    await applied(service, device(), [{ role: 'http', to: 18080 }], {
      credentials: LOGIN,
      signal: signal(),
      onChanging: async (pending) => {
        seen.push({ pending, setSoFar: calls.filter((c) => c === 'SetNetworkProtocols').length });
      },
    });
    expect(seen).toEqual([
      {
        pending: {
          changes: [{ role: 'http', from: 80, to: 18080 }],
          onvifUrl: `http://${ADDRESS}/onvif/device_service`,
          newOnvifUrl: `http://${ADDRESS}:18080/onvif/device_service`,
          startedAt: '2026-11-24T10:00:00.000Z',
        },
        setSoFar: 0,
      },
    ]);
  });

  it('after a change the app never finished: finds where the NVR answers now, in plain words', async () => {
    const pending = {
      changes: [{ role: 'http' as const, from: 80, to: 18080 }],
      onvifUrl: `http://${ADDRESS}/onvif/device_service`,
      newOnvifUrl: `http://${ADDRESS}:18080/onvif/device_service`,
      startedAt: '2026-11-24T09:59:00.000Z',
    };
    // The device had taken the change before the app stopped.
    const moved = fakeRecorder();
    moved.ports.http = 18080;
    const took = portApplyResultSchema.parse(await moved.service.recover(device(), pending, signal()));
    expect(took).toMatchObject({ outcome: 'verified', onvifUrl: pending.newOnvifUrl });
    expect(took.changes[0]).toMatchObject({ role: 'http', from: 80, to: 18080, verified: true });
    expect(took.message).toMatch(/did not finish .* Web page \(HTTP\) answers on 18080; ONVIF answers at .*:18080/);
    expect(took.message).toMatch(/now lives on the new ports/);
    expect(took.message).toMatch(/^A port change started on 2026-11-24 at 09:59 UTC did not finish/);
    // It had not: nothing changed.
    const stayed = await fakeRecorder().service.recover(device(), pending, signal());
    expect(stayed).toMatchObject({ outcome: 'restored', onvifUrl: pending.onvifUrl });
    expect(stayed.message).toMatch(/still uses its previous ports/);
    // Half-way and broken: says what answers where and what to do.
    const broken = fakeRecorder({ onSet: 'move-http-but-dead' });
    await broken.service
      .apply(device(), [{ role: 'http', to: 18080 }], { credentials: LOGIN, signal: signal() })
      .catch(() => null);
    const lost = await broken.service.recover(device(), pending, signal());
    expect(lost.outcome).toBe('failed');
    expect(lost.onvifUrl).toBeNull();
    expect(lost.message).toMatch(/answers on neither 80 nor 18080; ONVIF does not answer.*restart the NVR/);
  });

  it('without a login it fails at once in plain words and sends nothing', async () => {
    const { service, calls } = fakeRecorder();
    const err = await service
      .apply(device(), [{ role: 'http', to: 18080 }], { signal: signal() })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppFailure);
    expect(err).toMatchObject({ code: 'PORTS_LOGIN_NEEDED' });
    expect((err as Error).message).toMatch(/Log in/);
    expect(calls).toEqual([]);
  });

  it('a factory port left on HTTPS or RTSP keeps the step in "attention" (from the report or ONVIF’s list)', async () => {
    const { service } = fakeRecorder();
    const report = await service.audit(device(), { credentials: LOGIN, signal: signal() });
    const { result, protocols } = await service.apply(device(), [{ role: 'http', to: 18080 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(protocols?.map((p) => [p.name, p.ports[0]])).toEqual([
      ['HTTP', 18080],
      ['HTTPS', 443],
      ['RTSP', 554],
    ]);
    for (const verdict of [
      portsStepVerdict(report, result, 'Hikvision'),
      portsStepVerdict(null, result, 'Hikvision', protocols),
    ]) {
      expect(verdict.verified).toBe(false);
      expect(verdict.reason).toMatch(/HTTPS\) on 443, Video streams \(RTSP\) on 554/);
    }
  });
});
