import { describe, expect, it } from 'vitest';
import { portApplyResultSchema, type PortPendingChange } from '../../../../src/shared/domain/ports';
import { ADDRESS, device, expectPlainWords, fakeRecorder, signal } from '../../../support/fake-nvr-ports';

// After a change the app never finished (it stopped mid-way), the next check measures where the NVR answers and says
// so (issue 17, from mutation testing): "verified" only when every service answers on its new port and not the old,
// with ONVIF at its new address; "restored" only when everything is back; anything else is "failed", in words.

const OLD_URL = `http://${ADDRESS}/onvif/device_service`;
const NEW_URL = `http://${ADDRESS}:18080/onvif/device_service`;
const pending = (over: Partial<PortPendingChange> = {}): PortPendingChange => ({
  changes: [{ role: 'http', from: 80, to: 18080 }],
  onvifUrl: OLD_URL,
  newOnvifUrl: NEW_URL,
  startedAt: '2026-11-24T09:58:30.000Z',
  ...over,
});

describe('recovering a change the app never finished', () => {
  it('the NVR moved: verified, each change verified, ONVIF at its new address', async () => {
    const nvr = fakeRecorder();
    nvr.ports.http = 18080;
    const result = portApplyResultSchema.parse(await nvr.service.recover(device(), pending(), signal()));
    expect(result).toMatchObject({
      outcome: 'verified',
      onvifUrl: NEW_URL,
      changes: [{ role: 'http', from: 80, to: 18080, verified: true, evidence: 'Web page (HTTP) answers on 18080' }],
    });
    expect(result.message).toBe(
      'A port change started on 2026-11-24 at 09:58 UTC did not finish (the app stopped while it ran). The app ' +
        `measured the NVR now: Web page (HTTP) answers on 18080; ONVIF answers at ${NEW_URL}. The change had taken ` +
        'effect: the NVR now lives on the new ports.',
    );
  });

  it('the NVR never moved: restored, nothing verified, ONVIF at the old address', async () => {
    const nvr = fakeRecorder();
    const result = await nvr.service.recover(device(), pending(), signal());
    expect(result).toMatchObject({
      outcome: 'restored',
      onvifUrl: OLD_URL,
      changes: [{ verified: false, evidence: 'Web page (HTTP) answers on 80' }],
    });
    expect(result.message).toMatch(/answers on 80; ONVIF answers at http:\/\/192\.0\.2\.64\/onvif\/device_service\. /);
    expect(result.message).toMatch(/ The NVR still uses its previous ports: nothing changed\.$/);
  });

  it('part moved, part not: failed, and it says what answers where', async () => {
    const nvr = fakeRecorder();
    nvr.ports.rtsp = 10554; // RTSP moved, HTTP did not
    const result = await nvr.service.recover(
      device(),
      pending({
        changes: [
          { role: 'http', from: 80, to: 18080 },
          { role: 'rtsp', from: 554, to: 10554 },
        ],
      }),
      signal(),
    );
    expect(result.outcome).toBe('failed');
    expect(result.changes.map((c) => [c.role, c.verified, c.evidence])).toEqual([
      ['http', false, 'Web page (HTTP) answers on 80'],
      ['rtsp', false, 'Video streams (RTSP) answers on 10554'],
    ]);
    expect(result.message).toMatch(/restart the NVR\.$/);
    expectPlainWords(result.message);
  });

  it('the new ports answer but ONVIF is not at its new address: not verified', async () => {
    const nvr = fakeRecorder();
    nvr.ports.rtsp = 10554;
    const result = await nvr.service.recover(
      device(),
      pending({ changes: [{ role: 'rtsp', from: 554, to: 10554 }], newOnvifUrl: `http://${ADDRESS}:18080/x` }),
      signal(),
    );
    expect(result.outcome).toBe('failed');
    expect(result.onvifUrl).toBe(OLD_URL);
  });

  it('nothing answers: failed, "answers on neither", "ONVIF does not answer"', async () => {
    const nvr = fakeRecorder();
    nvr.ports.http = 18081; // somewhere the change did not say
    const result = await nvr.service.recover(device(), pending(), signal());
    expect(result.outcome).toBe('failed');
    expect(result.onvifUrl).toBeNull();
    expect(result.message).toMatch(/Web page \(HTTP\) answers on neither 80 nor 18080; ONVIF does not answer\. Open/);
  });

  it('a start time it cannot read is left out of the words', async () => {
    const nvr = fakeRecorder();
    const result = await nvr.service.recover(device(), pending({ startedAt: 'yesterday' }), signal());
    expect(result.message).toMatch(/^A port change started did not finish/);
  });

  it('a device without an address, or a cancel, stops with the catalogued error', async () => {
    const nvr = fakeRecorder();
    await expect(nvr.service.recover(device({ addresses: [] }), pending(), signal())).rejects.toMatchObject({
      code: 'DEVICE_UNREACHABLE',
    });
    const stop = new AbortController();
    stop.abort();
    await expect(nvr.service.recover(device(), pending(), stop.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
