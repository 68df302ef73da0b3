import { describe, expect, it } from 'vitest';
import { portsStepVerdict } from '../../../../src/main/services/ports/port-verdict';
import type { PortApplyResult, PortReport } from '../../../../src/shared/domain/ports';

// The Ports step's status after a change (issue 17, from mutation testing): "verified" only when the change was
// measured and no web or video service is left on a factory port — the status must never tell a user the NVR is
// safe to forward while HTTPS still sits on 443.

const change = (over: Partial<PortApplyResult> = {}): PortApplyResult => ({
  deviceId: 'dev-1',
  outcome: 'verified',
  message: 'Done, and checked.',
  changes: [{ role: 'http', from: 80, to: 18080, verified: true, evidence: 'measured' }],
  onvifUrl: null,
  at: '2026-11-24T10:00:00Z',
  ...over,
});
/** The rows portsStepVerdict reads: port, state, role. */
const report = (rows: Array<{ port: number; state: 'open' | 'closed' | 'filtered'; role: string | null }>) =>
  ({ rows }) as unknown as PortReport;

describe('portsStepVerdict', () => {
  it.each(['restored', 'failed', 'partial'] as const)(
    'a change that ended "%s" is not verified, in its own words',
    (o) => {
      const message = `The NVR refused. ${'x'.repeat(600)}`;
      const v = portsStepVerdict(null, change({ outcome: o, message }), 'Hikvision');
      expect(v.verified).toBe(false);
      expect(v.reason.startsWith('The NVR refused.')).toBe(true);
      expect(v.reason.length).toBeLessThanOrEqual(500);
    },
  );

  it('verified when every web and video port is off its factory number', () => {
    const measured = report([
      { port: 80, state: 'open', role: 'http' },
      { port: 18443, state: 'open', role: 'https' },
      { port: 10554, state: 'open', role: 'rtsp' },
    ]);
    expect(portsStepVerdict(measured, change(), 'Hikvision')).toEqual({ verified: true, reason: '' });
  });

  it('not verified while HTTPS or RTSP is left on a factory port, and says which', () => {
    const measured = report([
      { port: 80, state: 'open', role: 'http' },
      { port: 443, state: 'open', role: 'https' },
      { port: 554, state: 'open', role: 'rtsp' },
    ]);
    expect(portsStepVerdict(measured, change(), 'Hikvision')).toEqual({
      verified: false,
      reason:
        'The change was verified, but factory ports remain: Web page (HTTPS) on 443, Video streams (RTSP) on 554. Move them too.',
      said: {
        key: 'ports.said.verdict.factoryPortsLeftTwo',
        params: { role: { key: 'ports.role.https' }, port: '443', role2: { key: 'ports.role.rtsp' }, port2: '554' },
      },
    });
  });

  it('the web page left on 80 while only RTSP moved is a factory port left', () => {
    const measured = report([
      { port: 80, state: 'open', role: 'http' },
      { port: 18443, state: 'open', role: 'https' },
    ]);
    const rtspOnly = change({ changes: [{ role: 'rtsp', from: 554, to: 10554, verified: true, evidence: '' }] });
    expect(portsStepVerdict(measured, rtspOnly, 'Hikvision')).toEqual({
      verified: false,
      reason: 'The change was verified, but factory ports remain: Web page (HTTP) on 80. Move them too.',
      said: { key: 'ports.said.verdict.factoryPortLeft', params: { role: { key: 'ports.role.http' }, port: '80' } },
    });
  });

  it('the change itself counts: HTTP moved onto a factory port is a factory port', () => {
    const v = portsStepVerdict(
      null,
      change({ changes: [{ role: 'http', from: 18080, to: 80, verified: true, evidence: '' }] }),
      null,
    );
    expect(v).toEqual({
      verified: false,
      reason: expect.stringContaining('Web page (HTTP) on 80'),
      said: { key: 'ports.said.verdict.factoryPortLeft', params: { role: { key: 'ports.role.http' }, port: '80' } },
    });
  });

  it('only open web and video rows count: a closed row, a filtered one or another role’s factory port does not', () => {
    const measured = report([
      { port: 443, state: 'closed', role: 'https' },
      { port: 554, state: 'filtered', role: 'rtsp' },
      { port: 8000, state: 'open', role: 'sdk' },
      { port: 23, state: 'open', role: 'telnet' },
      { port: 8080, state: 'open', role: null },
    ]);
    expect(portsStepVerdict(measured, change(), 'Hikvision')).toEqual({ verified: true, reason: '' });
  });

  it('the first open row of a role is the one that counts', () => {
    const measured = report([
      { port: 18443, state: 'open', role: 'https' },
      { port: 443, state: 'open', role: 'https' },
    ]);
    expect(portsStepVerdict(measured, change(), 'Hikvision').verified).toBe(true);
  });

  it('the device’s own list after the change overrides the report: a disabled service or a moved one is not left', () => {
    const measured = report([
      { port: 443, state: 'open', role: 'https' },
      { port: 554, state: 'open', role: 'rtsp' },
    ]);
    const after = [
      { name: 'HTTP' as const, enabled: true, ports: [18080] },
      { name: 'HTTPS' as const, enabled: false, ports: [443] },
      { name: 'RTSP' as const, enabled: true, ports: [10554] },
    ];
    expect(portsStepVerdict(measured, change(), 'Hikvision', after)).toEqual({ verified: true, reason: '' });
    // …and a service the report did not see, on a factory port in the device's list, is left.
    const v = portsStepVerdict(null, change(), 'Hikvision', [{ name: 'RTSP', enabled: true, ports: [554] }]);
    expect(v.reason).toContain('Video streams (RTSP) on 554');
    // A service listed with no port is not counted.
    expect(
      portsStepVerdict(measured, change(), 'Hikvision', [
        ...after.slice(0, 2),
        { name: 'RTSP', enabled: true, ports: [] },
      ]).verified,
    ).toBe(true);
  });
});
