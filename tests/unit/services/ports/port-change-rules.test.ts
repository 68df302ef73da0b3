// The port change engine's own decisions (port-change.ts, port-verify.ts; issue 17, from mutation testing), on the
// fake recorder with a few twists a real NVR has: a service that answers on its old and its new port at once, a
// put-back the NVR acknowledges and does not do (or does a moment later), ONVIF silent for a while, a protocol list
// with a service missing or switched off, an answer the app cannot read. Each title says what the user would lose.
import { inEnglish } from '../../../support/words';
import { describe, expect, it } from 'vitest';
import { combineParts } from '../../../../src/main/services/ports/port-change-parts';
import { createPortsService, type PortsServiceDeps } from '../../../../src/main/services/ports/ports-service';
import type { HttpTransport } from '../../../../src/main/transport/http';
import type { PortApplyResult, PortPendingChange, PortReport } from '../../../../src/shared/domain/ports';
import {
  ADDRESS,
  device,
  envelope,
  fakeRecorder,
  LOGIN,
  signal,
  type FakeOptions,
} from '../../../support/fake-nvr-ports';

const OLD_URL = `http://${ADDRESS}/onvif/device_service`;
const NEW_URL = `http://${ADDRESS}:18080/onvif/device_service`;
const SNAPSHOT_PORTS = '<tt:Port>80</tt:Port>';

interface Twists {
  /** The put-back (the snapshot's ports) is acknowledged and not done; `later`: done at the next pause. */
  putBack?: 'silent' | 'later';
  /** ONVIF (GetSystemDateAndTime) does not answer this many times after the change is sent. */
  clockSilentAfterSet?: number;
  /** ONVIF does not answer this many times after the put-back is sent. */
  clockSilentAfterPutBack?: number;
  /** Rewrites the device's protocol list (GetNetworkProtocols). */
  protocols?: (xml: string) => string;
  /** Every ONVIF request is refused (the device service answers nowhere). */
  onvifDown?: boolean;
  verify?: { rounds: number; intervalMs: number };
  tcp?: PortsServiceDeps['tcp'];
}

/** The fake recorder with the twists above; the SetNetworkProtocols bodies and every pause are recorded. */
function twisted(onSet: FakeOptions['onSet'], t: Twists = {}) {
  const nvr = fakeRecorder({ onSet });
  const bodies: string[] = [];
  const sleeps: number[] = [];
  let clockSilent = 0;
  let pendingPutBack = false;
  const http: HttpTransport = {
    async request(url, o) {
      if (t.onvifDown) throw Object.assign(new Error('refused'), { name: 'HttpLimitError', reason: 'refused' });
      const action = /action="[^"]*\/(\w+)"/.exec(o.headers?.['content-type'] ?? '')?.[1] ?? '';
      if (action === 'GetSystemDateAndTime' && clockSilent > 0) {
        clockSilent--;
        throw Object.assign(new Error('refused'), { name: 'HttpLimitError', reason: 'refused' });
      }
      if (action === 'SetNetworkProtocols') {
        const body = o.body ?? '';
        bodies.push(body);
        const putBack = body.includes(SNAPSHOT_PORTS) && body.includes('<tt:Port>554</tt:Port>');
        if (putBack) {
          clockSilent = t.clockSilentAfterPutBack ?? 0;
          if (t.putBack) {
            // Reachable only where the device's ONVIF is: then "done", and (for 'later') done at the next pause.
            await nvr.deps.http.request(url, { ...o, headers: { ...o.headers, 'content-type': 'x' } });
            pendingPutBack = t.putBack === 'later';
            return { status: 200, headers: {}, body: Buffer.from(envelope('<tds:SetNetworkProtocolsResponse/>')) };
          }
        } else {
          clockSilent = t.clockSilentAfterSet ?? 0;
        }
      }
      const reply = await nvr.deps.http.request(url, o);
      if (action === 'GetNetworkProtocols' && t.protocols)
        return { ...reply, body: Buffer.from(t.protocols(reply.body.toString())) };
      return reply;
    },
  };
  const service = createPortsService({
    ...nvr.deps,
    http,
    ...(t.tcp ? { tcp: t.tcp } : {}),
    ...(t.verify ? { verify: t.verify } : {}),
    sleep: async (ms) => {
      sleeps.push(ms);
      if (pendingPutBack) {
        pendingPutBack = false;
        Object.assign(nvr.ports, { http: 80, https: 443, rtsp: 554 });
      }
    },
  });
  return { ...nvr, service, bodies, sleeps };
}

const change = (
  nvr: { service: ReturnType<typeof createPortsService> },
  requested: Parameters<ReturnType<typeof createPortsService>['apply']>[1],
  o: Partial<Parameters<ReturnType<typeof createPortsService>['apply']>[2]> = {},
) => nvr.service.apply(device(), requested, { credentials: LOGIN, signal: signal(), ...o });

describe('what is sent, and what the gate judges it against', () => {
  it('a moved service is sent with its new port only: the old one is not kept as a second port', async () => {
    const nvr = twisted('move');
    const { result } = await change(nvr, [{ role: 'http', to: 18080 }]);
    expect(result.outcome).toBe('verified');
    expect(nvr.bodies[0]).toContain('<tt:Name>HTTP</tt:Name><tt:Enabled>true</tt:Enabled><tt:Port>18080</tt:Port></');
  });

  it('a service the NVR does not list, or lists without a port, cannot be moved: PORTS_SERVICE_UNAVAILABLE, nothing sent', async () => {
    const missing = twisted('move', {
      protocols: (x) => x.replace(/<tds:NetworkProtocols><tt:Name>RTSP.*?<\/tds:NetworkProtocols>/, ''),
    });
    await expect(change(missing, [{ role: 'rtsp', to: 10554 }])).rejects.toMatchObject({
      code: 'PORTS_SERVICE_UNAVAILABLE',
    });
    const portless = twisted('move', { protocols: (x) => x.replace('<tt:Port>554</tt:Port>', '') });
    await expect(change(portless, [{ role: 'rtsp', to: 10554 }])).rejects.toMatchObject({
      code: 'PORTS_SERVICE_UNAVAILABLE',
    });
    expect([...missing.bodies, ...portless.bodies]).toEqual([]);
  });

  it('a port the NVR’s own list gives another service is refused even without a measurement', async () => {
    const nvr = twisted('move');
    const failure = await change(nvr, [{ role: 'rtsp', to: 443 }], { confirmWarnings: true }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'PORTS_CHANGE_REFUSED' });
    expect((failure as Error).message).toMatch(/443 is already used by another service on this device \(HTTPS\)/);
    expect(nvr.bodies).toEqual([]);
  });

  it('a port of a service the NVR has switched off is free to use', async () => {
    const nvr = twisted('move', {
      protocols: (x) =>
        x.replace(
          '<tt:Name>HTTPS</tt:Name><tt:Enabled>true</tt:Enabled><tt:Port>443</tt:Port>',
          '<tt:Name>HTTPS</tt:Name><tt:Enabled>false</tt:Enabled><tt:Port>18443</tt:Port>',
        ),
    });
    const { result } = await change(nvr, [{ role: 'rtsp', to: 18443 }], { confirmWarnings: true });
    expect(result.outcome).toBe('verified');
  });

  it('HTTP listed after RTSP still takes ONVIF with it: both checked at the new web port', async () => {
    const nvr = twisted('move');
    const { result } = await change(nvr, [
      { role: 'rtsp', to: 10554 },
      { role: 'http', to: 18080 },
    ]);
    expect(result).toMatchObject({ outcome: 'verified', onvifUrl: NEW_URL });
  });
});

describe('what the user is told after a change', () => {
  it('RTSP alone: no web address to open, only the players to update', async () => {
    const { result } = await change(twisted('move'), [{ role: 'rtsp', to: 10554 }]);
    expect(result.message).toBe(
      'Done, and checked: the video streams (RTSP) from 554 to 10554. The old port is closed and the new one answers. Update the port in your players and recorders.',
    );
  });

  it('a refused change: the progress says the old ports are being put back, not that new ones are checked', async () => {
    const nvr = twisted('refuse-rtsp');
    const progress: string[] = [];
    await change(nvr, [{ role: 'rtsp', to: 10554 }], { progress: (_d, _t, m) => progress.push(inEnglish(m)) });
    expect(progress).toEqual([
      'Reading the current ports (ONVIF)…',
      'Changing the ports…',
      'Putting the previous ports back…',
    ]);
  });

  it('a refusal names what holds the port only from open rows of the measurement, not a closed one', async () => {
    const nvr = twisted('in-use');
    const report = {
      rows: [{ port: 8000, state: 'closed', role: 'sdk', service: 'sdk', vendor: null, product: null }],
    } as unknown as PortReport;
    const { result } = await change(nvr, [{ role: 'rtsp', to: 8000 }], { report, confirmWarnings: true });
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/^The NVR refused: 8000 is already used by another service on the device\. /);
  });

  it('ONVIF not found again after the ports moved: not confirmed, and the words say ONVIF is what did not answer', async () => {
    const nvr = twisted('move', { clockSilentAfterSet: 3 });
    const { result } = await change(nvr, [{ role: 'rtsp', to: 10554 }]);
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(
      new RegExp(
        `^The NVR accepted the change, but it was not confirmed within 0 s \\(ONVIF does not answer at ${OLD_URL} yet\\)\\.`,
      ),
    );
  });

  it('an old port that times out is said not to answer; one that refuses, to refuse connections', async () => {
    const base = fakeRecorder().deps.tcp;
    const tcp: PortsServiceDeps['tcp'] = async (address, port, ms, s) =>
      port === 554 ? 'timeout' : base(address, port, ms, s);
    const { result } = await change(twisted('move', { tcp }), [{ role: 'rtsp', to: 10554 }]);
    expect(result.changes[0]!.evidence).toBe('554 does not answer; 10554 answers RTSP.');
  });

  it('two services swapping ports: the old port answering the other service is not taken for "still there"', async () => {
    const { result } = await change(
      twisted('move'),
      [
        { role: 'http', to: 18080 },
        { role: 'rtsp', to: 80 },
      ],
      { confirmWarnings: true },
    );
    expect(result.outcome).toBe('verified');
  });
});

describe('the put-back, measured', () => {
  it('a put-back the NVR takes a moment to do is waited for (a pause, then measured again), not called failed', async () => {
    // ONVIF silent after the change: not confirmed, so the ports are put back — which the NVR does a moment later.
    const nvr = twisted('move', { putBack: 'later', clockSilentAfterSet: 3 });
    const { result } = await change(nvr, [{ role: 'rtsp', to: 10554 }]);
    expect(result.outcome).toBe('restored');
    expect(nvr.ports.rtsp).toBe(554);
  });

  it('a put-back never done is measured rounds times with a pause between, then failed with what was last seen', async () => {
    const nvr = twisted('move-but-rtsp-dead', { putBack: 'silent', verify: { rounds: 4, intervalMs: 2_000 } });
    const { result } = await change(nvr, [{ role: 'rtsp', to: 10554 }]);
    expect(result.outcome).toBe('failed');
    expect(result.message).toMatch(/but that was not confirmed \(554 does not answer as RTSP\)\./);
    // 3 pauses between the change's 4 rounds, 3 between the put-back's 4.
    expect(nvr.sleeps).toEqual([2_000, 2_000, 2_000, 2_000, 2_000, 2_000]);
  });

  it('a put-back that ONVIF does not confirm is failed; the words name ONVIF and every port and address that answers', async () => {
    const nvr = twisted('move', { putBack: 'silent', clockSilentAfterPutBack: 3 });
    nvr.also.set(80, 'http'); // the web page still answers on its old port too
    const { result } = await change(nvr, [{ role: 'http', to: 18080 }]);
    expect(result.outcome).toBe('failed');
    expect(result.message).toContain(
      `but that was not confirmed (ONVIF does not answer at ${OLD_URL}). What the device does now: ` +
        `Web page (HTTP) answers on 80 and 18080; ONVIF answers at ${OLD_URL} and ${NEW_URL}.`,
    );
  });

  it('an NVR that cannot be reached for the put-back: three rounds of tries, then it says so', async () => {
    const nvr = twisted('move-http-but-dead');
    const { result } = await change(nvr, [{ role: 'http', to: 18080 }]);
    expect(result.outcome).toBe('failed');
    expect(result.message).toContain('but the app could not reach the NVR to put them back. What the device does now');
    // 2 pauses between the change's 3 rounds, one after each of the put-back's 3.
    expect(nvr.sleeps).toHaveLength(5);
  });
});

describe('one port at a time', () => {
  it('a part that leaves the NVR in an unknown state stops the rest: nothing more is sent, the whole is failed', async () => {
    const nvr = twisted('move-http-but-dead');
    const { result } = await change(
      nvr,
      [
        { role: 'http', to: 18080 },
        { role: 'rtsp', to: 10554 },
      ],
      { oneAtATime: true },
    );
    expect(result.outcome).toBe('failed');
    expect(nvr.bodies).toHaveLength(1);
    expect(nvr.ports.rtsp).toBe(554);
  });

  it('two ports kept: the advice for each, one sentence after the other', () => {
    const part = (outcome: PortApplyResult['outcome'], role: 'http' | 'https' | 'rtsp', from: number, to: number) =>
      ({
        deviceId: 'd',
        outcome,
        message: outcome,
        changes: [{ role, from, to, verified: outcome === 'verified', evidence: '' }],
        onvifUrl: null,
        at: 't',
      }) as PortApplyResult;
    const r = combineParts(
      device(),
      [
        part('verified', 'http', 80, 18080),
        part('restored', 'https', 443, 18443),
        part('restored', 'rtsp', 554, 10554),
      ],
      't',
    );
    expect(r.message).toMatch(
      /reach it from outside through the VPN\. Do not forward RTSP: watch the video from outside through the VPN or the maker’s app\.$/,
    );
  });
});

describe('recovering a change the app never finished', () => {
  const pending = (over: Partial<PortPendingChange> = {}): PortPendingChange => ({
    changes: [{ role: 'rtsp', from: 554, to: 10554 }],
    onvifUrl: OLD_URL,
    newOnvifUrl: OLD_URL,
    startedAt: '2026-11-24T09:58:30.000Z',
    ...over,
  });

  it('RTSP answering on its old and its new port is neither "changed" nor "unchanged": failed, both ports named', async () => {
    for (const [now, also] of [
      [10554, 554],
      [554, 10554],
    ]) {
      const nvr = fakeRecorder();
      nvr.ports.rtsp = now!;
      nvr.also.set(also!, 'rtsp');
      const result = await nvr.service.recover(device(), pending(), signal());
      expect(result.outcome, `on ${now}`).toBe('failed');
      expect(result.changes[0]!.evidence).toBe('Video streams (RTSP) answers on 554 and 10554');
    }
  });

  it('every service back on its old port but ONVIF answering nowhere is not "unchanged"', async () => {
    const nvr = twisted('move', { onvifDown: true });
    const result = await nvr.service.recover(device(), pending(), signal());
    expect(result).toMatchObject({ outcome: 'failed', onvifUrl: null });
  });

  it('the words name each service in turn, then ONVIF', async () => {
    const nvr = fakeRecorder();
    nvr.ports.rtsp = 10554;
    const result = await nvr.service.recover(
      device(),
      pending({
        changes: [
          { role: 'http', from: 80, to: 18080 },
          { role: 'rtsp', from: 554, to: 10554 },
        ],
        newOnvifUrl: NEW_URL,
      }),
      signal(),
    );
    expect(result.message).toContain(
      `measured the NVR now: Web page (HTTP) answers on 80; Video streams (RTSP) answers on 10554; ONVIF answers at ${OLD_URL}.`,
    );
  });

  it('a cancel while ONVIF is looked for stops with CANCELLED, not a verdict', async () => {
    const nvr = fakeRecorder();
    const stop = new AbortController();
    const service = createPortsService({
      ...nvr.deps,
      http: {
        async request() {
          stop.abort();
          throw Object.assign(new Error('aborted'), { name: 'HttpLimitError', reason: 'aborted' });
        },
      },
    });
    await expect(service.recover(device(), pending(), stop.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
