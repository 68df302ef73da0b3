// combineParts: the one result the user sees for ports changed one at a time. Each part is what the engine gives for
// one port; the combination must say exactly what moved, what the device kept, and stay inside the result's bounds.
import { describe, expect, it } from 'vitest';
import { combineParts } from '../../../../src/main/services/ports/port-change-parts';
import { portApplyResultSchema, type PortApplyResult } from '../../../../src/shared/domain/ports';
import { device, expectPlainWords } from '../../../support/fake-nvr-ports';

const AT = '2026-12-05T12:00:00.000Z';
type Role = 'http' | 'https' | 'rtsp';

function part(
  outcome: PortApplyResult['outcome'],
  changes: [Role, number, number][],
  extra: Partial<PortApplyResult> = {},
): PortApplyResult {
  return {
    deviceId: 'dev-02:00:c0:00:02:40',
    outcome,
    message: `part ${outcome}`,
    changes: changes.map(([role, from, to]) => ({
      role,
      from,
      to,
      verified: outcome === 'verified',
      evidence: 'measured',
    })),
    onvifUrl: null,
    at: '2026-12-05T11:59:00.000Z',
    ...extra,
  };
}

const warning = (port: number) => ({
  code: 'COMMONLY_SCANNED',
  severity: 'warning' as const,
  role: 'http' as const,
  port,
  message: `port ${port} is commonly scanned`,
});

describe('combineParts: one result for ports changed one at a time', () => {
  it('all moved: verified, every part’s words in order, the device’s id and the time of the whole', () => {
    const r = combineParts(
      device(),
      [part('verified', [['http', 80, 18080]]), part('verified', [['rtsp', 554, 10554]])],
      AT,
    );
    expect(r).toMatchObject({
      outcome: 'verified',
      deviceId: device().id,
      at: AT,
      message: 'part verified part verified',
    });
    expect(r.changes.map((c) => c.role)).toEqual(['http', 'rtsp']);
    expect(r).not.toHaveProperty('confirmedWarnings');
  });

  it('a part in an unknown state makes the whole failed, with that part’s words: the user must not read it as done', () => {
    const r = combineParts(
      device(),
      [
        part('verified', [['http', 80, 18080]]),
        part('failed', [['rtsp', 554, 10554]], { message: 'the RTSP port could not be checked' }),
      ],
      AT,
    );
    expect(r.outcome).toBe('failed');
    expect(r.message).toBe('the RTSP port could not be checked');
  });

  it('one kept: partial, names what moved and what stayed (it, not them), and the advice for the kept port', () => {
    const r = combineParts(
      device(),
      [part('verified', [['http', 80, 18080]]), part('restored', [['https', 443, 18443]])],
      AT,
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toBe(
      'Done, and checked: the web page (HTTP) from 80 to 18080. ' +
        'The NVR keeps the encrypted web page (HTTPS) on 443: it refused to move it, and the app put it back and ' +
        'checked. Do not forward the encrypted web page’s port as it is: reach it from outside through the VPN.',
    );
    expectPlainWords(r.message);
  });

  it('two kept: the words say "them", and both kept ports are named with their advice', () => {
    const r = combineParts(
      device(),
      [
        part('verified', [['rtsp', 554, 10554]]),
        part('restored', [['http', 80, 18080]]),
        part('restored', [['https', 443, 18443]]),
      ],
      AT,
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain(
      'The NVR keeps the web page (HTTP) on 80 and the encrypted web page (HTTPS) on 443: it refused to move them, ' +
        'and the app put them back and checked. Do not forward the web page’s port:',
    );
  });

  it('none moved: restored, names each kept port and says nothing is changed on the device', () => {
    const r = combineParts(
      device(),
      [part('restored', [['http', 80, 18080]]), part('restored', [['rtsp', 554, 10554]])],
      AT,
    );
    expect(r.outcome).toBe('restored');
    expect(r.message).toBe(
      'The NVR refused each port on its own too: it keeps the web page (HTTP) on 80 and the video streams (RTSP) ' +
        'on 554. The app put each back and checked it; nothing is changed on the device. ' +
        'Do not forward the web page’s port: reach the NVR’s page from outside through the VPN. ' +
        'Do not forward RTSP: watch the video from outside through the VPN or the maker’s app.',
    );
  });

  it('the device-service address is the last part’s (ONVIF moved with HTTP), else the device’s own', () => {
    const moved = 'http://192.0.2.64:18080/onvif/device_service';
    const withUrl = combineParts(
      device({ onvifUrl: 'http://192.0.2.64/onvif/device_service' }),
      [part('verified', [['http', 80, 18080]], { onvifUrl: moved })],
      AT,
    );
    expect(withUrl.onvifUrl).toBe(moved);
    const without = combineParts(
      device({ onvifUrl: 'http://192.0.2.64/onvif/device_service' }),
      [part('verified', [['rtsp', 554, 10554]])],
      AT,
    );
    expect(without.onvifUrl).toBe('http://192.0.2.64/onvif/device_service');
    expect(combineParts(device({ onvifUrl: null }), [], AT).onvifUrl).toBeNull();
  });

  it('stays inside the result’s bounds however many parts: 8 changes, 16 confirmed warnings, 1 000 characters', () => {
    const long = 'a long explanation from one part. '.repeat(10);
    const many = Array.from({ length: 12 }, (_, i) =>
      part('verified', [['http', 80 + i, 18080 + i]], {
        message: long,
        confirmedWarnings: [warning(18080 + i), warning(28080 + i)],
      }),
    );
    const r = combineParts(device(), many, AT);
    expect(r.changes).toHaveLength(8);
    expect(r.changes[0]).toMatchObject({ from: 80, to: 18080 });
    expect(r.confirmedWarnings).toHaveLength(16);
    expect(r.confirmedWarnings?.[0]).toMatchObject({ port: 18080 });
    expect(r.message.length).toBe(1000);
    expect(r.message.startsWith(long)).toBe(true);
    expect(portApplyResultSchema.safeParse(r).success).toBe(true);

    const kept = Array.from({ length: 12 }, (_, i) =>
      part(i === 0 ? 'verified' : 'restored', [['http', 80 + i, 18080 + i]]),
    );
    const partial = combineParts(device(), kept, AT);
    expect(partial.outcome).toBe('partial');
    expect(partial.message.length).toBeLessThanOrEqual(1000);
    expect(portApplyResultSchema.safeParse(partial).success).toBe(true);
  });
});
