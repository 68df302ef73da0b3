// upnp.watch through the app (src/main/features/upnp/index.ts): the real core, job runner and setup record, with the
// LAN scripted (an SSDP answer and a router over HTTP in the recorded lab miniupnpd's shapes, NAT-PMP answering). The
// user's harm if it broke: a re-check that waits the wrong time or cannot be cancelled, a mapping that came back
// and is not named (or not kept), or a "re-check" run with nothing deleted to look for.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../../src/main/app';
import { HttpLimitError } from '../../../../src/main/transport/http';
import type { SsdpTransport } from '../../../../src/main/transport/ssdp-client';
import type { UdpTransport } from '../../../../src/main/transport/udp';
import type { DiscoveredDevice } from '../../../../src/shared/domain/device';
import { emptySetupRecord } from '../../../../src/shared/domain/setup';
import { upnpWatchResultSchema, type UpnpWatchResult } from '../../../../src/shared/domain/upnp';
import type { EventName, EventPayload } from '../../../../src/shared/ipc/contract';
import { LAB_CLIENT } from '../../../support/fake-system';
import { fakeHttp, fixture, genericList, ok, upnpFault, type Entry } from '../../services/upnp/fake-igd';

const GATEWAY = '192.168.50.1';
const LOCATION = `http://${GATEWAY}:5000/rootDesc.xml`;
const HIK = '192.168.50.64';
const SDK = { protocol: 'TCP' as const, externalPort: 8000 };

const hik: DiscoveredDevice = {
  id: 'dev-hik',
  addresses: [HIK],
  mac: null,
  brand: 'Hikvision',
  brandSource: 'sadp',
  model: 'DS-7608NI-K2',
  name: null,
  firmware: null,
  serial: null,
  sources: ['sadp'],
  onvifUrl: null,
  endpoint: null,
  ports: { sdk: 8000 },
  dhcp: null,
  activated: null,
  upnp: true,
  notes: [],
  interfaceName: 'eth0',
  lastSeenAt: '2026-12-05T09:00:00.000Z',
};

/** The lab's LAN: the router answers SSDP and NAT-PMP at once and holds `mappings` (a device may add them again). */
function lan(initial: Entry[]) {
  const mappings = [...initial];
  const http = fakeHttp((req) => {
    if (req.method === 'GET' && req.url === LOCATION) return { body: fixture('lab-miniupnpd-2.3.1.rootDesc.xml') };
    if (req.url !== `http://${GATEWAY}:5000/ctl/IPConn`) return new HttpLimitError('unreachable');
    switch (req.action) {
      case 'GetExternalIPAddress':
        return { body: fixture('lab-miniupnpd-2.3.1.GetExternalIPAddress.xml') };
      case 'GetStatusInfo':
        return { body: fixture('lab-miniupnpd-2.3.1.GetStatusInfo.xml') };
      case 'GetGenericPortMappingEntry':
        return genericList(mappings)(req);
      case 'DeletePortMapping': {
        const i = mappings.findIndex((m) => m.port === Number(req.args.NewExternalPort));
        if (i < 0) return upnpFault(714, 'NoSuchEntryInArray');
        mappings.splice(i, 1);
        return ok('DeletePortMapping', {});
      }
      default:
        return upnpFault(401, 'Invalid Action');
    }
  });
  const ssdp: SsdpTransport = async (_iface, onResponse) => ({
    search(st) {
      if (st.includes('InternetGatewayDevice'))
        onResponse({ headers: { ST: st, LOCATION }, from: { address: GATEWAY, port: 1900 } });
    },
    stop() {},
  });
  const udp: UdpTransport = {
    async open(_options, onDatagram) {
      return {
        async send() {
          onDatagram({
            data: Buffer.from([0, 128, 0, 0, 0, 0, 0, 42, 203, 0, 113, 2]),
            from: { address: GATEWAY, port: 5351 },
          });
        },
        close() {},
      };
    },
  };
  return { http, ssdp, udp, mappings };
}

const cores: AppCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

function app(initial: Entry[]) {
  const net = lan(initial);
  const dataDir = mkdtempSync(join(tmpdir(), 'upnp-watch-app-'));
  writeFileSync(
    join(dataDir, 'setup.json'),
    JSON.stringify({ ...emptySetupRecord('2026-12-05T09:00:00.000Z'), devices: [hik] }),
  );
  const core = createAppCore({
    dataDir,
    mode: 'cli',
    version: '1',
    system: LAB_CLIENT(),
    http: net.http,
    ssdp: net.ssdp,
    udp: net.udp,
    upnpSearchMs: 1000,
    log: () => {},
  });
  cores.push(core);
  const events: Array<[EventName, { jobId?: string } & Record<string, unknown>]> = [];
  core.hub.subscribe((event, payload) => events.push([event, payload as { jobId?: string }]));
  const call = (channel: string, input: unknown) =>
    core.dispatch(channel as never, input as never, { transport: 'test' });
  /** The events of one job, once it has ended. */
  async function ended(jobId: string) {
    for (let i = 0; i < 400 && !events.some(([e, p]) => e === 'job.onDone' && p.jobId === jobId); i++)
      await new Promise((r) => setTimeout(r, 25));
    return events.filter(([, p]) => p.jobId === jobId);
  }
  async function started(channel: string, input: unknown): Promise<{ jobId: string; seconds?: number }> {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
    return r.data as { jobId: string; seconds?: number };
  }
  const get = async () => {
    const r = await call('upnp.get', {});
    if (!r.ok) throw new Error('upnp.get');
    return r.data as EventPayload<'upnp.onAudit'> & Record<string, unknown>;
  };
  return { core, net, events, call, ended, started, get };
}

describe('upnp.watch through the app', () => {
  it('with nothing deleted on record it is refused in plain words, and no job starts', async () => {
    const a = app([{ port: 8000, client: HIK }]);
    const r = await a.call('upnp.watch', { seconds: 1 });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'No deleted UPnP mapping is on record to re-check: delete one first (then re-check).',
      },
    });
    expect(a.events.filter(([e]) => e === 'job.onProgress' || e === 'job.onDone')).toEqual([]);
    expect(a.net.http.seen).toHaveLength(0);
  });

  it('after a deletion: counts down, reads the list again, names hik’s 8000 that came back, and keeps it', async () => {
    const a = app([
      { port: 8000, client: HIK, lease: 0 },
      { port: 554, client: HIK, lease: 0 },
    ]);
    const del = await a.started('upnp.delete', { mappings: [SDK] });
    await a.ended(del.jobId);
    expect(await a.get()).toMatchObject({ recheckAfterS: 120, recheck: null });
    // hik renews its mappings: 8000 is listed again
    a.net.mappings.push({ port: 8000, client: HIK });
    const w = await a.started('upnp.watch', { seconds: 1 });
    expect(w.seconds).toBe(1);
    const seen = await a.ended(w.jobId);
    const progress = seen.filter(([e]) => e === 'job.onProgress').map(([, p]) => p);
    expect(progress[0]).toEqual({
      jobId: w.jobId,
      kind: 'upnp-watch',
      done: 0,
      total: 1,
      message: 'Re-checking TCP 8000 in 1 s…',
      said: { key: 'upnp.progress.recheckIn', params: { what: 'TCP 8000', seconds: '1' } },
    });
    // the audit's own progress after the wait: the countdown at its end
    expect(progress.slice(1).every((p) => p.done === 1 && p.total === 1)).toBe(true);
    expect(progress.length).toBeGreaterThan(1);
    const done = seen.find(([e]) => e === 'job.onDone')![1];
    expect(done).toMatchObject({ outcome: 'ok', kind: 'upnp-watch' });
    const result = upnpWatchResultSchema.parse(seen.find(([e]) => e === 'upnp.onWatched')![1].result);
    expect(result.recheck).toMatchObject({
      waitedS: 1,
      watched: [SDK],
      cameBack: [
        { protocol: 'TCP', externalPort: 8000, internalClient: HIK, internalPort: 8000, device: 'DS-7608NI-K2' },
      ],
      outcome: 'came-back',
    });
    expect(result.audit.findings.find((f) => f.code === 'came-back')?.text).toContain('DS-7608NI-K2');
    // kept: the re-check (when, and what came back) and its audit; the step asks for attention
    const saved = await a.get();
    expect(saved.recheck).toEqual(result.recheck);
    expect(saved.audit).toEqual(result.audit);
    expect(saved.recheckAfterS).toBe(120);
    const setup = await a.call('setup.get', {});
    expect(
      setup.ok && (setup.data as { setup: { steps: Record<string, { status: string }> } }).setup.steps.upnp?.status,
    ).toBe('attention');
  });

  it('still gone after the wait: the verdict says so and is kept', async () => {
    const a = app([{ port: 8000, client: HIK, lease: 30 }]);
    await a.ended((await a.started('upnp.delete', { mappings: [SDK] })).jobId);
    expect((await a.get()).recheckAfterS).toBe(40);
    const w = await a.started('upnp.watch', { seconds: 1 });
    const seen = await a.ended(w.jobId);
    const result = seen.find(([e]) => e === 'upnp.onWatched')![1].result as UpnpWatchResult;
    expect(result.recheck).toMatchObject({ cameBack: [], outcome: 'still-gone', watched: [SDK] });
    expect((await a.get()).recheck).toEqual(result.recheck);
  });

  it('without seconds it waits the delay computed at the deletion; a cancel ends the wait and nothing is read or kept', async () => {
    const a = app([{ port: 8000, client: HIK, lease: 0 }]);
    await a.ended((await a.started('upnp.delete', { mappings: [SDK] })).jobId);
    const before = a.net.http.seen.length;
    const w = await a.started('upnp.watch', {});
    expect(w.seconds).toBe(120);
    for (let i = 0; i < 100 && !a.events.some(([e, p]) => e === 'job.onProgress' && p.jobId === w.jobId); i++)
      await new Promise((r) => setTimeout(r, 10));
    const t0 = Date.now();
    expect(await a.call('job.cancel', { jobId: w.jobId })).toMatchObject({ ok: true });
    const seen = await a.ended(w.jobId);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(seen.find(([e]) => e === 'job.onDone')![1]).toMatchObject({ outcome: 'cancelled' });
    expect(seen.filter(([e]) => e === 'job.onProgress').map(([, p]) => p.message)).toEqual([
      'Re-checking TCP 8000 in 120 s…',
    ]);
    expect(seen.some(([e]) => e === 'upnp.onWatched')).toBe(false);
    expect(a.net.http.seen.length).toBe(before);
    expect((await a.get()).recheck).toBeNull();
  });
});
