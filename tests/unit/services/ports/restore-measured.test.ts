import { describe, expect, it } from 'vitest';
import { createPortsService } from '../../../../src/main/services/ports/ports-service';
import { portApplyResultSchema } from '../../../../src/shared/domain/ports';
import type { HttpTransport } from '../../../../src/main/transport/http';
import {
  ADDRESS,
  device,
  envelope,
  expectPlainWords,
  fakeRecorder,
  LOGIN,
  signal,
  SNAPSHOT,
  type FakeOptions,
} from '../../../support/fake-nvr-ports';

// "Restored" is a measurement, not the device's word (issue 17). Every other fake NVR either really puts its old
// ports back or cannot be reached; this one answers the put-back with a success and then does nothing, as firmware
// that acknowledges a setting it does not apply does. The app must measure, find the old ports silent, and say so.

/** A fake recorder whose answer to the put-back (SetNetworkProtocols with the snapshot's ports) is "done", and no more. */
function silentRestore(onSet: FakeOptions['onSet']) {
  const recorder = fakeRecorder({ onSet });
  const putBacks: number[] = [];
  const http: HttpTransport = {
    async request(url, o) {
      const action = /action="[^"]*\/(\w+)"/.exec(o.headers?.['content-type'] ?? '')?.[1];
      const ports = [...(o.body ?? '').matchAll(/<tt:Port>(\d+)<\/tt:Port>/g)].map((m) => Number(m[1]));
      if (
        action === 'SetNetworkProtocols' &&
        ports.join(',') === [SNAPSHOT.http, SNAPSHOT.https, SNAPSHOT.rtsp].join(',')
      ) {
        // Reachable only where the device's ONVIF is now; then it acknowledges and changes nothing.
        await recorder.deps.http.request(url, {
          ...o,
          headers: { ...o.headers, 'content-type': 'application/soap+xml' },
        });
        putBacks.push(Number(url.port || 80));
        return { status: 200, headers: {}, body: Buffer.from(envelope('<tds:SetNetworkProtocolsResponse/>')) };
      }
      return recorder.deps.http.request(url, o);
    },
  };
  const service = createPortsService({ ...recorder.deps, http });
  return { ...recorder, service, putBacks };
}

describe('the put-back is measured, never taken on the device’s word', () => {
  it('never reports the old ports as restored when the NVR accepts the put-back but stays on the new ones', async () => {
    const nvr = silentRestore('move-but-rtsp-dead');
    const { result: raw, protocols } = await nvr.service.apply(device(), [{ role: 'rtsp', to: 10554 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    const result = portApplyResultSchema.parse(raw);
    // The device said yes to the put-back …
    expect(nvr.putBacks).toEqual([80]);
    expect(nvr.ports.rtsp).toBe(10554);
    // … and the app measured that 554 is silent: not "restored", not "verified".
    expect(result.outcome).toBe('failed');
    expect(result.message).toMatch(/tried to put the previous ports back, but that was not confirmed/);
    expect(result.message).toMatch(/554 does not answer as RTSP/);
    expect(result.message).not.toMatch(/answers on 554 again|Nothing is changed on the device/);
    expect(result.message).toContain(
      `What the device does now: Video streams (RTSP) answers on neither 554 nor 10554; ONVIF answers at http://${ADDRESS}/onvif/device_service. Open`,
    );
    expect(result.changes.every((c) => !c.verified)).toBe(true);
    expectPlainWords(result.message);
    // The app does not claim to know the device's ports any more.
    expect(protocols).toBeNull();
  });

  it('a cancelled HTTP move whose put-back the NVR acknowledges but ignores is "failed", and says where it answers', async () => {
    const nvr = silentRestore('move');
    const user = new AbortController();
    const { result: raw, protocols } = await nvr.service.apply(device(), [{ role: 'http', to: 18080 }], {
      credentials: LOGIN,
      signal: user.signal,
      // The user presses Cancel as the change is sent.
      onChanging: async () => user.abort(),
    });
    const result = portApplyResultSchema.parse(raw);
    expect(nvr.putBacks).toEqual([18080]);
    expect(nvr.ports.http).toBe(18080);
    expect(result.outcome).toBe('failed');
    expect(result.message).toMatch(/^You cancelled the change\. The app tried to put the previous ports back, but/);
    expect(result.message).toMatch(/80 does not answer as HTTP/);
    expect(result.message).toMatch(
      /answers on 18080; ONVIF answers at http:\/\/192\.0\.2\.64:18080\/onvif\/device_service/,
    );
    expect(result.onvifUrl).toBe(`http://${ADDRESS}/onvif/device_service`);
    expect(protocols).toBeNull();
    expectPlainWords(result.message);
  });

  it('the same device that really puts its ports back is "restored" (the measurement, not the fake, decides)', async () => {
    const nvr = fakeRecorder({ onSet: 'move-but-rtsp-dead' });
    const { result, protocols } = await nvr.service.apply(device(), [{ role: 'rtsp', to: 10554 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/RTSP answers on 554 again/);
    expect(protocols?.map((p) => p.ports[0])).toEqual([80, 443, 554]);
  });
});
