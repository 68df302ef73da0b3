import { describe, expect, it } from 'vitest';
import { portOf, webAddress } from '../../../../src/main/services/ports/port-verify';
import { createPortsService } from '../../../../src/main/services/ports/ports-service';
import { ADDRESS, device, fakeRecorder, LOGIN, signal } from '../../../support/fake-nvr-ports';

// How a change is proven (issue 17, from mutation testing): the evidence the user is shown, how long the app waits
// before it calls a change unconfirmed, and the address it tells the user to open.

describe('the address the user is told to open', () => {
  it.each([
    ['http', 80, `http://${ADDRESS}/`],
    ['http', 8080, `http://${ADDRESS}:8080/`],
    ['http', 443, `http://${ADDRESS}:443/`],
    ['https', 443, `https://${ADDRESS}/`],
    ['https', 80, `https://${ADDRESS}:80/`],
    ['https', 18443, `https://${ADDRESS}:18443/`],
    ['rtsp', 554, `rtsp://${ADDRESS}:554/`],
  ] as const)('%s on %i: %s', (role, port, url) => {
    expect(webAddress(role, ADDRESS, port)).toBe(url);
  });

  it('the port of an ONVIF address: its own, or its scheme’s', () => {
    expect(portOf(new URL('http://h/onvif'))).toBe(80);
    expect(portOf(new URL('https://h/onvif'))).toBe(443);
    expect(portOf(new URL('http://h:8000/onvif'))).toBe(8000);
    expect(portOf(new URL('https://h:8443/onvif'))).toBe(8443);
  });
});

describe('proving a change', () => {
  it('the evidence names what was measured: the old port refusing, the new one answering, and ONVIF found again', async () => {
    const nvr = fakeRecorder();
    const { result } = await nvr.service.apply(device(), [{ role: 'http', to: 18080 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(result.changes).toEqual([
      {
        role: 'http',
        from: 80,
        to: 18080,
        verified: true,
        evidence: `80 refuses connections; 18080 answers HTTP (App-webs). ONVIF answers at http://${ADDRESS}:18080/onvif/device_service.`,
      },
    ]);
  });

  it('RTSP’s evidence does not mention ONVIF', async () => {
    const nvr = fakeRecorder();
    const { result } = await nvr.service.apply(device(), [{ role: 'rtsp', to: 10554 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(result.changes[0]!.evidence).toBe('554 refuses connections; 10554 answers RTSP.');
  });

  it('waits rounds × interval before calling a change unconfirmed, and says how long, sleeping between rounds only', async () => {
    const recorder = fakeRecorder({ onSet: 'ignore' });
    const waits: number[] = [];
    const service = createPortsService({
      ...recorder.deps,
      verify: { rounds: 4, intervalMs: 2_000 },
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const { result } = await service.apply(device(), [{ role: 'rtsp', to: 10554 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(
      /^The NVR accepted the change, but it was not confirmed within 8 s \(554 still answers\)\./,
    );
    // 3 waits between the 4 rounds of the check; the put-back, taken at once and measured at once, needs none.
    expect(waits).toEqual([2_000, 2_000, 2_000]);
  });
});
