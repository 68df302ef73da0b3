// The change engine's decisions that mutation testing left open (port-change.ts, port-verify.ts; issue 17): how long
// a hung change and the last account of the device are waited for (on a virtual clock), ONVIF on a port of its own,
// a put-back the NVR refuses, two services swapping ports, and a proven service left alone while another is awaited.
// Each title says what the user would lose.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPortsService, type PortsServiceDeps } from '../../../../src/main/services/ports/ports-service';
import type { HttpTransport } from '../../../../src/main/transport/http';
import type { TcpExchange } from '../../../../src/main/transport/tcp';
import type { PortApplyResult } from '../../../../src/shared/domain/ports';
import {
  ADDRESS,
  device,
  expectPlainWords,
  fakeRecorder,
  LOGIN,
  NS,
  signal,
  type FakeOptions,
} from '../../../support/fake-nvr-ports';

const NEW_URL = `http://${ADDRESS}:18080/onvif/device_service`;

afterEach(() => {
  vi.useRealTimers();
});

describe('how long a hung change is waited for (virtual clock)', () => {
  /**
   * A change of RTSP on an NVR whose every identification hangs until its signal gives up: returns when (virtual ms
   * after the start) each bound fired — the change's own, then the last account's — and the result.
   */
  async function hung(verify: { rounds: number; intervalMs: number }) {
    vi.useFakeTimers();
    const nvr = fakeRecorder({ onSet: 'move' });
    const started = Date.now();
    const gaveUp = new Set<number>();
    const exchange: TcpExchange = (address, port, o) =>
      new Promise((resolve) => {
        const s = o.signal;
        const answer = () => resolve(nvr.deps.exchange(address, port, o));
        if (!s || s.aborted) return answer();
        s.addEventListener(
          'abort',
          () => {
            gaveUp.add(Date.now() - started);
            answer();
          },
          { once: true },
        );
      });
    const service = createPortsService({ ...nvr.deps, exchange, verify });
    let result: PortApplyResult | null = null;
    void service
      .apply(device(), [{ role: 'rtsp', to: 10554 }], { credentials: LOGIN, signal: signal() })
      .then((r) => (result = r.result));
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    return { gaveUp: [...gaveUp], result: result as PortApplyResult | null, timers: vi.getTimerCount() };
  }

  it('a check that hangs is given up on after a minute, not sooner: an NVR restarting its services is not cut short', async () => {
    const { gaveUp, result, timers } = await hung({ rounds: 3, intervalMs: 1 });
    expect(gaveUp[0]).toBe(60_000);
    expect(result?.outcome).toBe('failed');
    expect(timers).toBe(0);
  });

  it('with a longer check (30 rounds of 2 s), four times it: the check, the put-back and its check all fit', async () => {
    const { gaveUp } = await hung({ rounds: 30, intervalMs: 2_000 });
    expect(gaveUp[0]).toBe(240_000);
  });

  it('the last account of where each service answers gets 30 s of its own: the user still gets a result, in words', async () => {
    const { gaveUp, result } = await hung({ rounds: 3, intervalMs: 1 });
    expect(gaveUp).toEqual([60_000, 90_000]);
    expect(result?.message).toContain(
      'What the device does now: Video streams (RTSP) answers on neither 554 nor 10554; ONVIF does not answer.',
    );
  });

  it('with a longer check, twice its length for the last account (a slow NVR is still described)', async () => {
    const { gaveUp } = await hung({ rounds: 30, intervalMs: 2_000 });
    expect(gaveUp).toEqual([240_000, 360_000]);
  });
  it('a change that ends failed leaves no timer running: nothing fires half a minute later in a finished change', async () => {
    vi.useFakeTimers();
    const nvr = fakeRecorder({ onSet: 'move-http-but-dead' });
    const { result } = await nvr.service.apply(device(), [{ role: 'http', to: 18080 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(result.outcome).toBe('failed');
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('ONVIF on a port of its own', () => {
  it('moving the web page does not move ONVIF when ONVIF has its own port: the app keeps the address where it answers', async () => {
    const nvr = fakeRecorder({ onSet: 'move' });
    nvr.also.set(8080, 'http'); // the device service listens on 8080, which no change moves
    const onvifUrl = `http://${ADDRESS}:8080/onvif/device_service`;
    const { result } = await nvr.service.apply(
      device({ onvifUrl, ports: { http: 80, sdk: 8000, onvif: 8080 } }),
      [{ role: 'http', to: 18080 }],
      { credentials: LOGIN, signal: signal() },
    );
    expect(result).toMatchObject({ outcome: 'verified', onvifUrl });
    expect(result.changes[0]!.evidence).toBe(
      `80 refuses connections; 18080 answers HTTP (App-webs). ONVIF answers at ${onvifUrl}.`,
    );
  });
});

/** A SOAP fault with these codes (no InvalidArgVal unless asked). */
const faultOf = (code: string, sub?: string) =>
  `<?xml version="1.0"?><s:Envelope ${NS}><s:Body><s:Fault><s:Code><s:Value>${code}</s:Value>${
    sub ? `<s:Subcode><s:Value>${sub}</s:Value></s:Subcode>` : ''
  }</s:Code><s:Reason><s:Text xml:lang="en">busy</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>`;

describe('a put-back the NVR refuses', () => {
  /**
   * RTSP moved, then ONVIF silent for the whole check (so the ports are put back), and the put-back answered with
   * `fault`: the bodies the NVR got are recorded.
   */
  function refusingPutBack(fault: string, onSet: FakeOptions['onSet'] = 'move') {
    const nvr = fakeRecorder({ onSet });
    let clockSilent = 0;
    const puts: string[] = [];
    const http: HttpTransport = {
      async request(url, o) {
        const action = /action="[^"]*\/(\w+)"/.exec(o.headers?.['content-type'] ?? '')?.[1] ?? '';
        if (action === 'GetSystemDateAndTime' && clockSilent > 0) {
          clockSilent--;
          throw Object.assign(new Error('refused'), { name: 'HttpLimitError', reason: 'refused' });
        }
        if (action === 'SetNetworkProtocols') {
          const body = o.body ?? '';
          puts.push(body);
          if (puts.length > 1) return { status: 400, headers: {}, body: Buffer.from(fault) };
          clockSilent = 3;
        }
        return nvr.deps.http.request(url, o);
      },
    };
    const service = createPortsService({ ...nvr.deps, http });
    return { nvr, puts, service };
  }

  it('is said as the NVR refusing to put its old settings back, in plain words, not as an NVR that could not be reached', async () => {
    const { service, puts, nvr } = refusingPutBack(faultOf('s:Sender', 'ter:InvalidArgVal'));
    const { result } = await service.apply(device(), [{ role: 'rtsp', to: 10554 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(result.outcome).toBe('failed');
    expect(result.message).toContain(
      'The app tried to put the previous ports back, but the NVR refused to put its old settings back (it says a setting is not valid). What the device does now: Video streams (RTSP) answers on 10554;',
    );
    expect(result.message).not.toContain('could not reach');
    expectPlainWords(result.message);
    // The put-back was asked three times (a device busy restarting may take it later), then given up.
    expect(puts).toHaveLength(4);
    expect(nvr.ports.rtsp).toBe(10554);
  });

  it('the refusal’s reason in words the user can act on: port in use, not allowed over ONVIF, or no known reason', async () => {
    for (const [fault, words] of [
      [faultOf('s:Sender', 'ter:PortAlreadyInUse'), 'it says a port is already used by another service'],
      [faultOf('s:Receiver', 'ter:ActionNotSupported'), 'it does not allow that change over ONVIF'],
      [faultOf('s:Receiver'), 'it gave no reason the app knows'],
    ] as const) {
      const { service } = refusingPutBack(fault);
      const { result } = await service.apply(device(), [{ role: 'rtsp', to: 10554 }], {
        credentials: LOGIN,
        signal: signal(),
      });
      expect(result.message, words).toContain(`but the NVR refused to put its old settings back (${words}).`);
    }
  });

  it('a put-back refused once and taken the next time is measured and is "restored", not failed', async () => {
    const nvr = fakeRecorder({ onSet: 'move' });
    let clockSilent = 0;
    let sets = 0;
    const service = createPortsService({
      ...nvr.deps,
      http: {
        async request(url, o) {
          const action = /action="[^"]*\/(\w+)"/.exec(o.headers?.['content-type'] ?? '')?.[1] ?? '';
          if (action === 'GetSystemDateAndTime' && clockSilent > 0) {
            clockSilent--;
            throw Object.assign(new Error('refused'), { name: 'HttpLimitError', reason: 'refused' });
          }
          if (action === 'SetNetworkProtocols' && ++sets === 1) clockSilent = 3;
          if (action === 'SetNetworkProtocols' && sets === 2)
            return { status: 400, headers: {}, body: Buffer.from(faultOf('s:Receiver')) };
          return nvr.deps.http.request(url, o);
        },
      },
    });
    const { result } = await service.apply(device(), [{ role: 'rtsp', to: 10554 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(result.outcome).toBe('restored');
    expect(nvr.ports.rtsp).toBe(554);
    expect(sets).toBe(3);
  });
});

describe('two services swapping ports', () => {
  const swap = [
    { role: 'http' as const, to: 18080 },
    { role: 'rtsp' as const, to: 80 },
  ];

  it('the web page’s evidence says the video streams answer on its old port now, not that the port refuses connections', async () => {
    const nvr = fakeRecorder({ onSet: 'move' });
    const { result } = await nvr.service.apply(device(), swap, {
      credentials: LOGIN,
      signal: signal(),
      confirmWarnings: true,
    });
    expect(result.outcome).toBe('verified');
    expect(result.changes.map((c) => [c.role, c.evidence])).toEqual([
      ['http', `80 answers RTSP now; 18080 answers HTTP (App-webs). ONVIF answers at ${NEW_URL}.`],
      ['rtsp', '554 refuses connections; 80 answers RTSP.'],
    ]);
  });

  it('when the streams never come up on the web page’s old port, its evidence claims nothing about that port', async () => {
    const nvr = fakeRecorder({ onSet: 'move-but-rtsp-dead' });
    const { result } = await nvr.service.apply(device(), swap, {
      credentials: LOGIN,
      signal: signal(),
      confirmWarnings: true,
    });
    expect(result.outcome).toBe('restored');
    expect(result.changes[0]!.evidence).toBe('While it was changing: 18080 answers HTTP (App-webs).');
  });
});

describe('while one service is awaited', () => {
  it('a service already proven on its new port is not probed again each round (no extra connections to a busy NVR)', async () => {
    let base: PortsServiceDeps['tcp'] | null = null;
    const probed: number[] = [];
    const tcp: PortsServiceDeps['tcp'] = async (address, port, ms, s) => {
      probed.push(port);
      // RTSP's old port is still open at the first look: the NVR restarts its streams a moment later.
      if (port === 554 && probed.filter((p) => p === 554).length === 1) return 'open';
      return base!(address, port, ms, s);
    };
    const nvr = fakeRecorder({ onSet: 'move' });
    base = nvr.deps.tcp;
    const service = createPortsService({ ...nvr.deps, tcp });
    const { result } = await service.apply(
      device(),
      [
        { role: 'http', to: 18080 },
        { role: 'rtsp', to: 10554 },
      ],
      { credentials: LOGIN, signal: signal() },
    );
    expect(result.outcome).toBe('verified');
    expect(probed).toEqual([80, 554, 554]);
  });
});
