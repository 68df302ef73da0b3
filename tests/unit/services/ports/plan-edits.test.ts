import { describe, expect, it } from 'vitest';
import { buildPortPlan, checkPortChanges, currentAssignments } from '../../../../src/main/services/ports/port-plan';
import type { PortReport } from '../../../../src/shared/domain/ports';
import { device, fakeRecorder, LOGIN, signal } from '../../../support/fake-nvr-ports';

// The plan around the user's own edits, and what it says the app does itself (issue 17, from mutation testing):
// an edit is checked like a proposal, ONVIF follows the web port it shares, and a port the app cannot move through
// ONVIF gets the vendor's steps instead of a silent no-op.

const measured = async (opts: { login?: boolean } = {}): Promise<PortReport> =>
  fakeRecorder().service.audit(device(), { credentials: opts.login === false ? undefined : LOGIN, signal: signal() });

describe('currentAssignments', () => {
  it('takes the open rows of movable roles once each, plus ONVIF on the open port of its address', async () => {
    const report = await measured();
    expect(currentAssignments(device(), report)).toEqual([
      { role: 'http', transport: 'tcp', port: 80 },
      { role: 'https', transport: 'tcp', port: 443 },
      { role: 'rtsp', transport: 'tcp', port: 554 },
      { role: 'sdk', transport: 'tcp', port: 8000 },
      { role: 'onvif', transport: 'tcp', port: 80 },
    ]);
  });

  it('leaves out closed rows, roles it does not move, and ONVIF when its port is not open or its address unreadable', () => {
    const report = {
      rows: [
        { port: 23, state: 'open', role: 'telnet' },
        { port: 443, state: 'closed', role: 'https' },
        { port: 9999, state: 'open', role: null },
        { port: 554, state: 'open', role: 'rtsp' },
        { port: 10554, state: 'open', role: 'rtsp' },
        { port: 8000, state: 'closed', role: 'sdk' },
      ],
    } as unknown as PortReport;
    expect(currentAssignments(device({ onvifUrl: 'http://192.0.2.64:8000/onvif' }), report)).toEqual([
      { role: 'rtsp', transport: 'tcp', port: 554 },
    ]);
    expect(currentAssignments(device({ onvifUrl: 'not a url' }), report)).toHaveLength(1);
    expect(currentAssignments(device({ onvifUrl: null }), report)).toHaveLength(1);
    const onvifOpen = { rows: [{ port: 8000, state: 'open', role: null }] } as unknown as PortReport;
    expect(currentAssignments(device({ onvifUrl: 'http://192.0.2.64:8000/onvif' }), onvifOpen)).toEqual([
      { role: 'onvif', transport: 'tcp', port: 8000 },
    ]);
  });
});

describe('buildPortPlan with the user’s edits', () => {
  it('an edit replaces the proposal with the user’s words; keeping the current port says so', async () => {
    const report = await measured();
    const plan = buildPortPlan(device(), report, { https: 443, rtsp: 21554 });
    const https = plan.proposal.find((p) => p.role === 'https')!;
    expect(https).toMatchObject({ internal: 443, external: 443, why: 'Web page (HTTPS): you chose to keep 443.' });
    expect(plan.proposal.find((p) => p.role === 'rtsp')).toMatchObject({
      internal: 21554,
      external: 21554,
      why: 'Video streams (RTSP): move it from 554 to 21554 (your choice).',
    });
    // Keeping a factory port below 1024 is a warning the plan shows.
    expect(plan.problems).toContainEqual(expect.objectContaining({ code: 'well-known', role: 'https', port: 443 }));
  });

  it('an edit equal to the proposal changes nothing', async () => {
    const report = await measured();
    const plain = buildPortPlan(device(), report);
    const rtsp = plain.proposal.find((p) => p.role === 'rtsp')!;
    expect(buildPortPlan(device(), report, { rtsp: rtsp.internal })).toEqual(plain);
  });

  it('ONVIF on the web port follows an edit of HTTP, unless ONVIF was edited too', async () => {
    const report = await measured();
    const follows = buildPortPlan(device(), report, { http: 21080 });
    expect(follows.proposal.find((p) => p.role === 'onvif')).toMatchObject({ internal: 21080, external: 21080 });
    const own = buildPortPlan(device(), report, { http: 21080, onvif: 21081 });
    expect(own.proposal.find((p) => p.role === 'onvif')).toMatchObject({ internal: 21081 });
  });

  it('an edit of a port the device does not have is an error, listed before the warnings', async () => {
    const report = await measured();
    const plan = buildPortPlan(device(), report, { media: 21000, https: 443 });
    expect(plan.problems[0]).toEqual({
      code: 'not-on-device',
      severity: 'error',
      role: 'media',
      port: 21000,
      message:
        'Media port: the device has no such port open, so there is nothing to move. Measure again if you just switched it on.',
      said: { key: 'ports.said.problem.notOnDevice', params: { role: { key: 'ports.role.media' } } },
    });
    expect(plan.problems.map((p) => p.severity)).toEqual(
      [...plan.problems.map((p) => p.severity)].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : 1)),
    );
    expect(plan.problems.at(-1)!.severity).toBe('warning');
  });
});

describe('what the app moves itself and what the vendor’s steps cover', () => {
  it('with ONVIF’s own list: the protocols it names move through ONVIF (ONVIF with HTTP), the rest get steps', async () => {
    const plan = buildPortPlan(device(), await measured());
    expect(plan.applyViaOnvif).toEqual(['http', 'https', 'rtsp']);
    expect(plan.manualSteps.map((m) => m.role)).toEqual(['sdk']);
    expect(plan.manualSteps[0]!.steps.length).toBeGreaterThan(0);
  });

  it('without ONVIF’s list but with an ONVIF address: every ONVIF protocol; without an address: steps for all', async () => {
    const report = await measured({ login: false });
    expect(report.onvifProtocols).toBeNull();
    expect(buildPortPlan(device(), report).applyViaOnvif).toEqual(['http', 'https', 'rtsp']);
    const none = buildPortPlan(device({ onvifUrl: null }), report);
    expect(none.applyViaOnvif).toEqual([]);
    expect(none.manualSteps.map((m) => m.role).sort()).toEqual(['http', 'https', 'rtsp', 'sdk']);
  });

  it('a device whose ONVIF list names only RTSP moves only RTSP itself', async () => {
    const report = { ...(await measured()), onvifProtocols: [{ name: 'RTSP' as const, enabled: true, ports: [554] }] };
    const plan = buildPortPlan(device(), report);
    expect(plan.applyViaOnvif).toEqual(['rtsp']);
    expect(plan.manualSteps.map((m) => m.role).sort()).toEqual(['http', 'https', 'onvif', 'sdk']);
  });
});

describe('checkPortChanges', () => {
  it('a moving role is judged from where the device has it now; the others stay where they were measured', async () => {
    const report = await measured();
    // HTTP moves away from 80; HTTPS onto 80 is then not "in use" (HTTP vacates it), only a well-known warning.
    const both = checkPortChanges(device(), report, [
      { role: 'http', from: 80, to: 21080 },
      { role: 'https', from: 443, to: 80 },
    ]);
    expect(both.errors).toEqual([]);
    expect(both.warnings.map((w) => w.code)).toContain('well-known');
    // HTTPS onto 80 alone: HTTP is still there.
    const alone = checkPortChanges(device(), report, [{ role: 'https', from: 443, to: 80 }]);
    expect(alone.errors.map((e) => e.code)).toContain('in-use-device');
  });

  it('the device’s own list counts as in use beside the measurement; an unchanged port is no change', async () => {
    const report = await measured();
    const r = checkPortChanges(device(), report, [{ role: 'rtsp', from: 554, to: 21554 }], {
      onDevice: [{ port: 21554, transport: 'tcp', where: 'FTP' }],
    });
    expect(r.errors.map((e) => [e.code, e.message])).toEqual([
      ['in-use-device', 'Video streams (RTSP): 21554 is already used by another service on this device (FTP).'],
    ]);
    expect(checkPortChanges(device(), report, [{ role: 'rtsp', from: 554, to: 554 }])).toEqual({
      errors: [],
      warnings: [],
    });
  });
});
