import { describe, expect, it } from 'vitest';
import { identifyPorts } from '../../../../src/main/services/ports/identify';
import { buildPortPlan } from '../../../../src/main/services/ports/port-plan';
import { buildPortReport } from '../../../../src/main/services/ports/port-report';
import { createPortsService } from '../../../../src/main/services/ports/ports-service';
import type { HttpTransport } from '../../../../src/main/transport/http';
import type { ExchangeResult, TcpConnector, TcpExchange } from '../../../../src/main/transport/tcp';
import type { PortRow } from '../../../../src/shared/domain/ports';
import { ADDRESS, CLOCK, device, envelope, fixture, INFO, LOGIN, signal } from '../../../support/fake-nvr-ports';

// Issue 18: an ONVIF service on a port of its own (8081 here: `GET /` answers 404, ONVIF answers a POST) is
// called ONVIF, not "a web page". Identification knows ONVIF by what it is — its answer to an unauthenticated
// GetSystemDateAndTime, or the device naming the port as its ONVIF service (its discovery answer's XAddr, or
// GetServices) — whatever the number, alone or beside the web page, and the row says which evidence decided.

const XADDR = `http://${ADDRESS}:8081/onvif/device_service`;
const ONVIF_ADVICE = 'Do not forward: ONVIF is for setting up and viewing on your own network.';

const reply = (bytes: Uint8Array | string): ExchangeResult => ({
  outcome: 'ok',
  bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes,
  peerClosed: true,
  certificate: null,
  elapsedMs: 1,
});
const refused: ExchangeResult = {
  outcome: 'refused',
  bytes: new Uint8Array(),
  peerClosed: true,
  certificate: null,
  elapsedMs: 1,
};

interface FakeCamera {
  /** The path its ONVIF device service answers on 8081 (null: ONVIF does not answer an unauthenticated probe). */
  onvifPath: string | null;
  /** What a GET / on 8081 gets (default: 404, no page). */
  root?: 'not-found' | 'silent';
}

/** A camera with its web page on 80 (Hikvision-like login redirect) and ONVIF alone on 8081. */
function camera(opts: FakeCamera) {
  const sent: Array<{ port: number; request: string }> = [];
  const exchange: TcpExchange = async (_address, port, o) => {
    const request = o.send === undefined ? '' : Buffer.from(o.send).toString('latin1');
    sent.push({ port, request });
    if (o.signal?.aborted) return { ...refused, outcome: 'aborted' };
    if (port === 80) {
      if (request.startsWith('POST ')) return reply(fixture('onvif-only-root.404.txt'));
      return request.startsWith('GET ') ? reply(fixture('hikvision-http-root.302.txt')) : reply('');
    }
    if (port !== 8081) return refused;
    if (request.startsWith('POST ')) {
      const path = /^POST (\S+) /.exec(request)?.[1];
      return path === opts.onvifPath
        ? reply(fixture('onvif-GetSystemDateAndTime.200.txt'))
        : reply(fixture('onvif-only-root.404.txt'));
    }
    if (request.startsWith('GET ') && opts.root !== 'silent') return reply(fixture('onvif-only-root.404.txt'));
    return reply('');
  };
  const connector: TcpConnector = {
    attempt(address, port, done) {
      queueMicrotask(() => done(address === ADDRESS && (port === 80 || port === 8081) ? 'open' : 'closed'));
      return () => {};
    },
  };
  return { exchange, connector, sent };
}

const quick = { bannerWaitMs: 5, idleMs: 5, timeoutMs: 100 };
const found = (onvifUrl: string | null = XADDR, extra = {}) =>
  device({ brand: null, brandSource: null, sources: ['onvif'], ports: {}, onvifUrl, model: null, ...extra });

/** The report for a camera whose identification recorded `ids` (8081 open beside the web page on 80). */
async function measured(opts: FakeCamera, onvifUrl: string | null = XADDR, serviceAddresses: string[] = []) {
  const cam = camera(opts);
  const onvifPaths = new Map<number, string>();
  if (onvifUrl && new URL(onvifUrl).port === '8081') onvifPaths.set(8081, new URL(onvifUrl).pathname);
  const identities = await identifyPorts(ADDRESS, [80, 8081], {
    exchange: cam.exchange,
    signal: signal(),
    onvifPaths,
    ...quick,
  });
  const report = buildPortReport({
    device: found(onvifUrl),
    address: ADDRESS,
    full: false,
    measuredAt: new Date('2026-11-24T10:00:00Z'),
    open: [80, 8081],
    filtered: [],
    identities,
    protocols: null,
    serviceAddresses,
  });
  const row = (port: number) => report.rows.find((r) => r.port === port)!;
  return { report, row, identities, sent: cam.sent };
}

/** A row that is the ONVIF service alone, in every column. */
function expectOnvifRow(row: PortRow, decidedBy: RegExp) {
  expect(row).toMatchObject({ service: 'onvif', role: 'onvif', neededOutside: 'no', recommendation: ONVIF_ADVICE });
  expect(row.purpose).toMatch(/^ONVIF device service/);
  expect(row.risk.level).toBe('medium');
  expect(row.risk.reasons.join(' ')).toMatch(/ONVIF/);
  expect(row.identifiedBy).toMatch(decidedBy);
  expect(row.evidence[0]).toBe(row.identifiedBy);
  expect(`${row.purpose} ${row.recommendation}`).not.toMatch(/Web page|plain HTTP/);
}

describe('ONVIF on a port of its own', () => {
  it('answers GetSystemDateAndTime without a login: ONVIF, and the row says so', async () => {
    const { row } = await measured({ onvifPath: '/onvif/device_service' });
    expectOnvifRow(row(8081), /^ONVIF: it answered ONVIF GetSystemDateAndTime without a login\.$/);
    expect(row(80)).toMatchObject({ role: 'http', service: 'http' });
  });

  it('the probe asks the path the device’s own discovery answer gives (XAddr), not only the standard one', async () => {
    const xaddr = `http://${ADDRESS}:8081/onvif/services`;
    const { row, sent } = await measured({ onvifPath: '/onvif/services' }, xaddr);
    expect(sent.some((s) => s.port === 8081 && s.request.startsWith('POST /onvif/services '))).toBe(true);
    expectOnvifRow(row(8081), /answered ONVIF GetSystemDateAndTime/);
  });

  it('does not answer an unauthenticated probe: the device’s discovery answer (XAddr) decides, and is named', async () => {
    const { row } = await measured({ onvifPath: null });
    expectOnvifRow(row(8081), /^ONVIF: the device’s own discovery answer names it \(http:\/\/192\.0\.2\.64:8081\//);
  });

  it('GetServices naming the port decides when discovery named another one', async () => {
    const { row } = await measured({ onvifPath: null }, `http://${ADDRESS}/onvif/device_service`, [
      `http://${ADDRESS}/onvif/device_service`,
      `http://${ADDRESS}:8081/onvif/Media`,
    ]);
    expectOnvifRow(row(8081), /GetServices/);
    expect(row(8081).declaredBy).toContain('onvif');
  });

  it('the ONVIF probe runs on the named port even when nothing answered the first probes', async () => {
    const { row, sent } = await measured({ onvifPath: '/onvif/device_service', root: 'silent' });
    expect(sent.some((s) => s.port === 8081 && s.request.startsWith('POST /onvif/device_service '))).toBe(true);
    expect(row(8081)).toMatchObject({ role: 'onvif', recommendation: ONVIF_ADVICE });
  });

  it('an XAddr naming another address is not this device’s word', async () => {
    const { row } = await measured({ onvifPath: null }, null, ['http://192.0.2.99:8081/onvif/device_service']);
    expect(row(8081).role).not.toBe('onvif');
    expect(row(8081).identifiedBy).toBeUndefined();
  });

  it('without any ONVIF evidence a page-less HTTP port is not called the web page’s risk-free twin', async () => {
    const { row } = await measured({ onvifPath: null }, null);
    const r = row(8081);
    expect(r.service).toBe('http');
    expect(r.risk.level).not.toBe('none');
    expect(r.recommendation).toMatch(/^Do not forward: plain HTTP with no web page/);
  });
});

describe('ONVIF beside the web page', () => {
  it('the port stays the web page’s; the row says ONVIF shares it and which evidence said so', () => {
    const report = buildPortReport({
      device: found(`http://${ADDRESS}/onvif/device_service`),
      address: ADDRESS,
      full: false,
      measuredAt: new Date('2026-11-24T10:00:00Z'),
      open: [80],
      filtered: [],
      identities: [
        {
          port: 80,
          service: 'http',
          product: null,
          vendor: null,
          plainText: true,
          adminUi: true,
          authRequired: true,
          onvif: true,
          tls: null,
          evidence: ['HTTP 200 "Login"'],
        },
      ],
      protocols: null,
    });
    const row = report.rows[0]!;
    expect(row).toMatchObject({ role: 'http', service: 'http' });
    expect(row.purpose).toMatch(/the ONVIF device service answers here too/);
    expect(row.identifiedBy).toMatch(/^ONVIF here too: it answered ONVIF GetSystemDateAndTime/);
    expect(row.recommendation).toMatch(/plain HTTP/);
  });
});

describe('the plan treats a dedicated ONVIF port as ONVIF', () => {
  it('proposes it as ONVIF (never as the web page), with vendor steps, since SetNetworkProtocols moves only HTTP', async () => {
    const { report } = await measured({ onvifPath: '/onvif/device_service' });
    const plan = buildPortPlan(found(), report);
    const onvif = plan.proposal.find((p) => p.role === 'onvif')!;
    const web = plan.proposal.find((p) => p.role === 'http')!;
    expect(onvif.current).toBe(8081);
    expect(web.current).toBe(80);
    expect(plan.proposal.filter((p) => p.current === 8081).map((p) => p.role)).toEqual(['onvif']);
    expect(onvif.internal).not.toBe(web.internal);
    expect(plan.applyViaOnvif).not.toContain('onvif');
    expect(plan.manualSteps.find((m) => m.role === 'onvif')?.steps.join(' ')).toMatch(/ONVIF Port/);
  });

  it('ONVIF on the web port moves with it through ONVIF', async () => {
    const { report } = await measured({ onvifPath: null }, `http://${ADDRESS}/onvif/device_service`);
    const plan = buildPortPlan(found(`http://${ADDRESS}/onvif/device_service`), report);
    const onvif = plan.proposal.find((p) => p.role === 'onvif');
    if (onvif) expect(onvif.internal).toBe(plan.proposal.find((p) => p.role === 'http')!.internal);
    expect(plan.manualSteps.some((m) => m.role === 'onvif')).toBe(false);
  });
});

describe('the audit asks GetServices beside GetNetworkProtocols when it has the login', () => {
  it('a port only GetServices names is ONVIF in the table', async () => {
    const cam = camera({ onvifPath: null });
    const calls: string[] = [];
    const http: HttpTransport = {
      async request(url, o) {
        const action = /action="[^"]*\/(\w+)"/.exec(o.headers?.['content-type'] ?? '')?.[1] ?? '';
        calls.push(`${url.port || 80} ${action}`);
        const body = (xml: string) => ({ status: 200, headers: {}, body: Buffer.from(xml) });
        if (action === 'GetSystemDateAndTime') return body(CLOCK);
        if (action === 'GetDeviceInformation') return body(INFO);
        if (action === 'GetNetworkProtocols')
          return body(
            envelope(
              '<tds:GetNetworkProtocolsResponse><tds:NetworkProtocols><tt:Name>HTTP</tt:Name><tt:Enabled>true</tt:Enabled><tt:Port>80</tt:Port></tds:NetworkProtocols></tds:GetNetworkProtocolsResponse>',
            ),
          );
        if (action === 'GetServices')
          return body(
            envelope(
              `<tds:GetServicesResponse><tds:Service><tds:Namespace>http://www.onvif.org/ver10/device/wsdl</tds:Namespace><tds:XAddr>http://${ADDRESS}/onvif/device_service</tds:XAddr></tds:Service>` +
                `<tds:Service><tds:Namespace>http://www.onvif.org/ver10/media/wsdl</tds:Namespace><tds:XAddr>http://${ADDRESS}:8081/onvif/Media</tds:XAddr></tds:Service></tds:GetServicesResponse>`,
            ),
          );
        return { status: 500, headers: {}, body: Buffer.from('') };
      },
    };
    const service = createPortsService({
      http,
      tcp: async () => 'closed',
      connector: cam.connector,
      exchange: cam.exchange,
      now: () => new Date('2026-11-24T10:00:00Z'),
      scan: { tickMs: 5, initialTimeoutMs: 50 },
      identify: quick,
    });
    const report = await service.audit(found(`http://${ADDRESS}/onvif/device_service`), {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(calls).toContain('80 GetServices');
    const row = report.rows.find((r) => r.port === 8081)!;
    expectOnvifRow(row, /GetServices/);
  });
});
