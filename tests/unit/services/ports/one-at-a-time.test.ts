import { inEnglish } from '../../../support/words';
import { describe, expect, it } from 'vitest';
import { portApplyResultSchema } from '../../../../src/shared/domain/ports';
import { ADDRESS, LOGIN, device, expectPlainWords, fakeRecorder, signal } from '../../../support/fake-nvr-ports';

const BOTH = [
  { role: 'http', to: 18080 },
  { role: 'rtsp', to: 10554 },
] as const;

describe('a recorder that refuses part of a combined change', () => {
  it('refuses the combined change whole: both ports are put back and checked', async () => {
    const nvr = fakeRecorder({ onSet: 'refuse-rtsp' });
    const { result } = await nvr.service.apply(device(), [...BOTH], { credentials: LOGIN, signal: signal() });
    expect(result.outcome).toBe('restored');
    expect(nvr.ports).toMatchObject({ http: 80, rtsp: 554 });
  });

  it('one port at a time: the web page moves (verified), the NVR keeps RTSP, and says what that means outside', async () => {
    const nvr = fakeRecorder({ onSet: 'refuse-rtsp' });
    const progress: string[] = [];
    const { result: raw, protocols } = await nvr.service.apply(device(), [...BOTH], {
      credentials: LOGIN,
      signal: signal(),
      oneAtATime: true,
      progress: (_d, _t, m) => progress.push(inEnglish(m)),
    });
    const result = portApplyResultSchema.parse(raw);
    expect(result.outcome).toBe('partial');
    expect(result.changes.map((c) => [c.role, c.from, c.to, c.verified])).toEqual([
      ['http', 80, 18080, true],
      ['rtsp', 554, 10554, false],
    ]);
    expect(nvr.ports).toMatchObject({ http: 18080, rtsp: 554 });
    expect(nvr.listening()).toEqual([443, 554, 8000, 18080]);
    // The second change went where ONVIF lives now (it moved with HTTP).
    expect(nvr.sets.map((s) => s.port)).toEqual([80, 18080, 18080]);
    expect(result.onvifUrl).toBe(`http://${ADDRESS}:18080/onvif/device_service`);
    expect(result.message).toMatch(/^Done, and checked: the web page \(HTTP\) from 80 to 18080\./);
    expect(result.message).toMatch(/The NVR keeps the video streams \(RTSP\) on 554/);
    expect(result.message).toMatch(/Do not forward RTSP: watch the video from outside through the VPN/);
    expectPlainWords(result.message);
    expect(protocols?.find((p) => p.name === 'HTTP')?.ports[0]).toBe(18080);
    expect(progress.some((m) => m.startsWith('1 of 2, the web page (HTTP): '))).toBe(true);
    expect(progress.some((m) => m.startsWith('2 of 2, the video streams (RTSP): '))).toBe(true);
  });

  it('one at a time on a recorder that takes everything: the same as a combined change, verified', async () => {
    const nvr = fakeRecorder();
    const { result } = await nvr.service.apply(device(), [...BOTH], {
      credentials: LOGIN,
      signal: signal(),
      oneAtATime: true,
    });
    expect(result.outcome).toBe('verified');
    expect(nvr.ports).toMatchObject({ http: 18080, rtsp: 10554 });
  });

  it('one at a time where the recorder refuses each: nothing changes, and the message says so', async () => {
    const nvr = fakeRecorder({ onSet: 'refuse-rtsp' });
    const { result } = await nvr.service.apply(
      device(),
      [
        { role: 'rtsp', to: 10554 },
        { role: 'rtsp', to: 10554 },
      ],
      {
        credentials: LOGIN,
        signal: signal(),
        oneAtATime: true,
      },
    );
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/refused each port on its own too/);
    expect(nvr.ports.rtsp).toBe(554);
  });
});
