import { describe, expect, it } from 'vitest';
import { portsUsedElsewhere } from '../../../../src/main/services/ports/port-plan';
import { buildPortReport } from '../../../../src/main/services/ports/port-report';
import { portsStepVerdict } from '../../../../src/main/services/ports/port-verdict';
import { createPortsService } from '../../../../src/main/services/ports/ports-service';
import { portApplyResultSchema, portPlanSchema, portReportSchema } from '../../../../src/shared/domain/ports';
import { AppFailure } from '../../../../src/shared/ipc/errors';
import {
  ADDRESS,
  applied,
  device,
  expectPlainWords,
  fakeRecorder,
  LOGIN,
  signal,
  SNAPSHOT,
  SNAPSHOT_PROTOCOLS,
} from '../../../support/fake-nvr-ports';

// The Ports service against a fake recorder (tests/support/fake-nvr-ports.ts): its listeners are a port map that
// ONVIF SetNetworkProtocols really changes, the scanner and the identification see that map.

describe('ports audit', () => {
  it('builds one row per open port with role, purpose, risk and a plain recommendation', async () => {
    const { service } = fakeRecorder({ telnet: true });
    const report = portReportSchema.parse(await service.audit(device(), { credentials: LOGIN, signal: signal() }));
    const row = (port: number) => report.rows.find((r) => r.port === port)!;
    expect(report.rows.filter((r) => r.state === 'open').map((r) => [r.port, r.service, r.role])).toEqual([
      [23, 'telnet', 'telnet'],
      [80, 'http', 'http'],
      [443, 'https', 'https'],
      [554, 'rtsp', 'rtsp'],
      [8000, 'sdk', 'sdk'],
    ]);
    expect(row(8000)).toMatchObject({
      risk: { level: 'high' },
      neededOutside: 'only-with-vendor-app',
      isDefault: true,
      declaredBy: expect.arrayContaining(['sadp', 'catalogue']),
    });
    // The catalogue cites no CVE for Hikvision's 8000, so the words do not claim one.
    expect(row(8000).recommendation).toMatch(/^Do not forward: the vendor’s own SDK port/);
    expect(row(80).recommendation).toMatch(/Forward only as HTTPS on a non-standard port/);
    expect(row(80)).toMatchObject({
      risk: { level: 'high' },
      plainText: true,
      adminUi: true,
      declaredBy: expect.arrayContaining(['onvif']),
    });
    expect(row(443)).toMatchObject({ neededOutside: 'yes', plainText: false });
    expect(row(23).recommendation).toMatch(/^Close it: telnet sends passwords in plain text/);
    expect(row(23).risk.level).toBe('high');
    expect(row(554)).toMatchObject({ authRequired: true, isDefault: true });
    expect(report.onvifProtocols).toEqual([
      { name: 'HTTP', enabled: true, ports: [80] },
      { name: 'HTTPS', enabled: true, ports: [443] },
      { name: 'RTSP', enabled: true, ports: [554] },
    ]);
    // Telnet is nobody's declared port: the device's list and the brand's catalogue do not name it.
    expect(report.undeclaredOpen).toEqual([23]);
    expect(report.declaredButClosed).toEqual([]);
  });

  it('without a login it measures anyway, and names what the device declared but does not answer', async () => {
    const { service, calls } = fakeRecorder();
    const report = await service.audit(device({ ports: { http: 80, sdk: 8000, onvif: 80, https: 8443 } }), {
      signal: signal(),
    });
    expect(calls).not.toContain('GetNetworkProtocols');
    expect(report.onvifProtocols).toBeNull();
    expect(report.declaredButClosed).toEqual([8443]);
    expect(report.rows.find((r) => r.port === 8443)).toMatchObject({ state: 'closed', role: 'https' });
  });

  it('judges a recorded scan the same way (pure builder): an unknown open port is undeclared and low risk', () => {
    const report = buildPortReport({
      device: device({ brand: null, sources: ['manual'], ports: { onvif: 80 } }),
      address: ADDRESS,
      full: true,
      measuredAt: new Date(0),
      open: [80, 4444, 37777],
      filtered: [],
      protocols: null,
      identities: [
        {
          port: 80,
          service: 'http',
          product: null,
          vendor: 'Dahua',
          plainText: true,
          adminUi: true,
          authRequired: true,
          onvif: true,
          tls: null,
          evidence: [],
        },
        {
          port: 4444,
          service: 'unknown',
          product: null,
          vendor: null,
          plainText: false,
          adminUi: false,
          authRequired: null,
          onvif: false,
          tls: null,
          evidence: ['nothing recognisable on port 4444'],
        },
        {
          port: 37777,
          service: 'sdk',
          product: 'Dahua DVRIP SDK (TCP port)',
          vendor: 'Dahua',
          plainText: true,
          adminUi: true,
          authRequired: true,
          onvif: false,
          tls: null,
          evidence: [],
        },
      ],
    });
    const row = (port: number) => report.rows.find((r) => r.port === port)!;
    expect(row(37777)).toMatchObject({ role: 'sdk', risk: { level: 'high' } });
    expect(row(37777).recommendation).toMatch(/^Do not forward: vendor SDK port with a history of serious flaws/);
    expect(row(4444)).toMatchObject({ role: null, service: 'unknown', risk: { level: 'low' } });
    expect(row(4444).recommendation).toMatch(/Find out what this is/);
    expect(report.undeclaredOpen).toEqual([4444]);
  });

  it('fails in plain words when the device does not answer at all', async () => {
    const { service } = fakeRecorder();
    await expect(service.audit(device({ addresses: ['192.0.2.99'] }), { signal: signal() })).rejects.toMatchObject({
      code: 'DEVICE_UNREACHABLE',
    });
  });
});

describe('ports plan', () => {
  it('is the same for the same device, never a factory port, and names who changes what', async () => {
    const { service } = fakeRecorder();
    const report = await service.audit(device(), { credentials: LOGIN, signal: signal() });
    const a = portPlanSchema.parse(service.plan(device(), report));
    const b = service.plan(device(), report);
    expect(a).toEqual(b);
    const other = service.plan(device({ id: 'dev-someone-else' }), report);
    expect(other.proposal.map((p) => p.internal)).not.toEqual(a.proposal.map((p) => p.internal));
    expect(a.proposal.map((p) => p.role).sort()).toEqual(['http', 'https', 'onvif', 'rtsp', 'sdk']);
    for (const p of a.proposal) {
      expect(p.internal).toBeGreaterThan(10000);
      expect(p.internal).toBeLessThan(32768);
    }
    expect(a.proposal.find((p) => p.role === 'onvif')!.internal).toBe(
      a.proposal.find((p) => p.role === 'http')!.internal,
    );
    expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(a.applyViaOnvif.sort()).toEqual(['http', 'https', 'rtsp']);
    expect(a.manualSteps.map((m) => m.role)).toEqual(['sdk']);
    expect(a.manualSteps[0]!.steps.join(' ')).toMatch(/Configuration › Network › Basic Settings › Port/);
    expect(a.rtspAdvice).toMatch(/RTSP over TCP/);
  });

  it('checks the user’s edits and says what is wrong in plain words', async () => {
    const { service } = fakeRecorder();
    const report = await service.audit(device(), { credentials: LOGIN, signal: signal() });
    const plan = service.plan(device(), report, { http: 1000, https: 1000, rtsp: 10000 });
    expect(plan.proposal.find((p) => p.role === 'http')!.internal).toBe(1000);
    // Errors first (the set cannot be applied); a well-known number is a warning the user may confirm.
    expect(plan.problems[0]).toMatchObject({ severity: 'error', code: 'duplicate', port: 1000 });
    expect(plan.problems[0]!.message).toMatch(/both use 1000\/TCP/);
    const low = plan.problems.find((p) => p.role === 'http' && p.code === 'well-known');
    expect(low).toMatchObject({ severity: 'warning' });
    expect(low!.message).toMatch(/1000 is below 1024/);
    expect(plan.problems.some((p) => p.role === 'rtsp' && p.severity === 'error')).toBe(false);
    expect(plan.problems.some((p) => p.role === 'rtsp' && p.code === 'commonly-scanned')).toBe(true);
  });

  it('keeps clear of the ports other known devices use or are planned to use, and names them', async () => {
    const { service } = fakeRecorder();
    const nvr = device();
    const report = await service.audit(nvr, { credentials: LOGIN, signal: signal() });
    const camera = device({
      id: 'dev-cam',
      addresses: ['192.0.2.70'],
      brand: 'Dahua',
      model: 'IPC-HDW',
      ports: { http: 80, sdk: 37777 },
    });
    const camPlan = service.plan(camera, report);
    // Another device's saved measurement and plan, as the setup record holds them.
    const record = {
      devices: [nvr, camera],
      ports: {
        [camera.id]: { report: { ...report, deviceId: camera.id }, plan: camPlan, lastChange: null, pending: null },
      },
    };
    const elsewhere = portsUsedElsewhere(record, nvr.id);
    // Seen from the camera: only the NVR's declared ports (it has no saved measurement or plan here).
    expect(portsUsedElsewhere(record, camera.id).map((u) => u.port)).toEqual([80, 8000]);
    expect(elsewhere.some((u) => u.port === 37777 && u.where === 'Dahua IPC-HDW (192.0.2.70)')).toBe(true);
    for (const p of camPlan.proposal)
      expect(elsewhere.some((u) => u.port === p.internal && u.where!.endsWith('planned'))).toBe(true);

    // Every free port but ten is taken elsewhere: the NVR's proposal must come from those ten.
    const free = new Set(Array.from({ length: 10 }, (_, i) => 20001 + i * 3));
    const crowded = [
      ...elsewhere,
      ...Array.from({ length: 32767 - 10001 + 1 }, (_, i) => ({
        port: 10001 + i,
        where: 'the shop’s other NVR',
      })).filter((u) => !free.has(u.port)),
    ];
    const plan = service.plan(nvr, report, {}, crowded);
    for (const p of plan.proposal) expect(free.has(p.internal), `${p.role} → ${p.internal}`).toBe(true);
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);

    // Typing a port the camera's plan already took is an error that names the camera.
    const taken = camPlan.proposal.find((p) => p.role === 'http')!.internal;
    const edited = service.plan(nvr, report, { http: taken }, elsewhere);
    expect(edited.problems.find((p) => p.role === 'http' && p.code === 'in-use-other')?.message).toMatch(
      new RegExp(`${taken} is already used by Dahua IPC-HDW \\(192\\.0\\.2\\.70\\), planned`),
    );
    // Keeping a port another device also has (both on 80) is no change, so no error.
    const kept = service.plan(nvr, report, { http: 80 }, elsewhere);
    expect(kept.problems.filter((p) => p.role === 'http' && p.severity === 'error')).toEqual([]);
  });
});

describe('ports apply', () => {
  it('moves HTTP through ONVIF and verifies by measurement: old port closed, new one answers, ONVIF follows', async () => {
    const { service, ports } = fakeRecorder();
    const result = portApplyResultSchema.parse(
      await applied(service, device(), [{ role: 'http', to: 18080 }], { credentials: LOGIN, signal: signal() }),
    );
    expect(result).toMatchObject({
      outcome: 'verified',
      onvifUrl: `http://${ADDRESS}:18080/onvif/device_service`,
      changes: [{ role: 'http', from: 80, to: 18080, verified: true }],
    });
    expect(result.changes[0]!.evidence).toMatch(/80 refuses connections; 18080 answers HTTP/);
    expect(result.message).toMatch(/18080/);
    expect(ports).toMatchObject({ http: 18080, https: 443, rtsp: 554 });
    expect(portsStepVerdict(null, result, 'Hikvision')).toEqual({ verified: true, reason: '' });
  });

  it('PortAlreadyInUse: puts the snapshot back, checks it, and says so', async () => {
    // Without a measurement the app does not know the SDK listens on 8000: its rules only warn (a known factory
    // port), the user says yes, and the device itself refuses.
    const { service, ports, calls } = fakeRecorder({ onSet: 'in-use' });
    const result = await applied(service, device(), [{ role: 'http', to: 8000 }], {
      credentials: LOGIN,
      signal: signal(),
      confirmWarnings: true,
    });
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/already used by another service/);
    expect(result.message).toMatch(/HTTP answers on 80 again/);
    expect(result.onvifUrl).toBe(`http://${ADDRESS}/onvif/device_service`);
    expect(calls.filter((c) => c === 'SetNetworkProtocols')).toHaveLength(2);
    expect(ports.http).toBe(80);
  });

  it('a change that never answers on the new port is put back and verified', async () => {
    const { service, ports } = fakeRecorder({ onSet: 'move-but-rtsp-dead' });
    const result = await applied(service, device(), [{ role: 'rtsp', to: 10554 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/not confirmed within .*10554 does not answer as RTSP/);
    expect(result.message).toMatch(/RTSP answers on 554 again/);
    expect(ports.rtsp).toBe(554);
  });

  it('when even the way back is gone, it fails and says exactly what answers where', async () => {
    const { service } = fakeRecorder({ onSet: 'move-http-but-dead' });
    const result = await applied(service, device(), [{ role: 'http', to: 18080 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(result.outcome).toBe('failed');
    expect(result.message).toMatch(/answers on neither 80 nor 18080; ONVIF does not answer/);
    expect(result.message).toMatch(/restart the NVR/);
  });

  it('a device that ignores the change: restored (the old port still answers), never "verified"', async () => {
    const { service } = fakeRecorder({ onSet: 'ignore' });
    const result = await applied(service, device(), [{ role: 'rtsp', to: 10554 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/554 still answers/);
  });

  it('moves HTTP and RTSP in one change: one SetNetworkProtocols, each move verified with its own evidence', async () => {
    const { service, ports, calls, sets, listening } = fakeRecorder();
    const { result: raw, protocols } = await service.apply(
      device(),
      [
        { role: 'http', to: 18080 },
        { role: 'rtsp', to: 10554 },
      ],
      { credentials: LOGIN, signal: signal() },
    );
    const result = portApplyResultSchema.parse(raw);
    expect(result.outcome).toBe('verified');
    expect(result.onvifUrl).toBe(`http://${ADDRESS}:18080/onvif/device_service`);
    expect(result.changes.map((c) => [c.role, c.from, c.to, c.verified])).toEqual([
      ['http', 80, 18080, true],
      ['rtsp', 554, 10554, true],
    ]);
    expect(result.changes[0]!.evidence).toMatch(/80 refuses connections; 18080 answers HTTP.*ONVIF answers at/);
    expect(result.changes[1]!.evidence).toMatch(/554 refuses connections; 10554 answers RTSP/);
    expect(result.changes[1]!.evidence).not.toMatch(/ONVIF/);
    expect(result.message).toMatch(
      /^Done, and checked: the web page \(HTTP\) from 80 to 18080, the video streams \(RTSP\) from 554 to 10554\. The old ports are closed and the new ones answer\./,
    );
    expect(result.message).toMatch(/Open the NVR at http:\/\/192\.0\.2\.64:18080\/ from now on/);
    expect(result.message).toMatch(/players and recorders/);
    expectPlainWords(result.message);
    expect(ports).toMatchObject({ http: 18080, https: 443, rtsp: 10554 });
    // Measured on the fake device: both new ports answer, neither old one does, the rest is untouched.
    expect(listening()).toEqual([443, 8000, 10554, 18080]);
    expect(calls.filter((c) => c === 'SetNetworkProtocols')).toHaveLength(1);
    // The one SetNetworkProtocols carried both moves (and HTTPS as it was), sent where ONVIF was.
    expect(sets).toEqual([{ port: 80, want: { http: 18080, https: 443, rtsp: 10554 } }]);
    expect(protocols?.map((p) => [p.name, p.ports[0]])).toEqual([
      ['HTTP', 18080],
      ['HTTPS', 443],
      ['RTSP', 10554],
    ]);
  });

  it('HTTP and RTSP together, RTSP never answers: the whole change is put back, both checked', async () => {
    const { service, ports, calls, sets, listening } = fakeRecorder({ onSet: 'move-but-rtsp-dead' });
    const { result: raw, protocols } = await service.apply(
      device(),
      [
        { role: 'http', to: 18080 },
        { role: 'rtsp', to: 10554 },
      ],
      { credentials: LOGIN, signal: signal() },
    );
    const result = portApplyResultSchema.parse(raw);
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/10554 does not answer as RTSP/);
    expect(result.message).toMatch(/HTTP answers on 80 again; RTSP answers on 554 again/);
    expect(result.changes.every((c) => !c.verified)).toBe(true);
    expect(result.onvifUrl).toBe(`http://${ADDRESS}/onvif/device_service`);
    expect(result.message).toMatch(/Nothing is changed on the device\./);
    expectPlainWords(result.message);
    // Each change keeps its own evidence: HTTP had answered on its new port, RTSP never did.
    expect(result.changes.map((c) => [c.role, c.from, c.to])).toEqual([
      ['http', 80, 18080],
      ['rtsp', 554, 10554],
    ]);
    expect(result.changes[0]!.evidence).toBe(
      'While it was changing: 80 refuses connections; 18080 answers HTTP (App-webs).',
    );
    expect(result.changes[1]!.evidence).toMatch(/^The NVR accepted the change, but .*10554 does not answer as RTSP/);
    expect(ports).toMatchObject({ http: 80, https: 443, rtsp: 554 });
    expect(listening()).toEqual([80, 443, 554, 8000]);
    // One change, one restore (ONVIF had moved with HTTP: the restore finds it at whichever address answers).
    expect(calls.filter((c) => c === 'SetNetworkProtocols')).toHaveLength(2);
    expect(sets).toEqual([
      { port: 80, want: { http: 18080, https: 443, rtsp: 10554 } },
      { port: 18080, want: SNAPSHOT },
    ]);
    expect(protocols).toEqual(SNAPSHOT_PROTOCOLS);
  });

  it('a cancel while the new ports are being checked puts the old ones back (under its own signal) and says so', async () => {
    const recorder = fakeRecorder({ onSet: 'move-but-rtsp-dead' });
    const user = new AbortController();
    let waits = 0;
    const service = createPortsService({
      ...recorder.deps,
      verify: { rounds: 10, intervalMs: 1 },
      // The user presses Cancel during the second wait for the new RTSP port.
      sleep: async () => {
        if (++waits === 2) user.abort();
      },
    });
    const result = portApplyResultSchema.parse(
      await applied(service, device(), [{ role: 'rtsp', to: 10554 }], { credentials: LOGIN, signal: user.signal }),
    );
    expect(user.signal.aborted).toBe(true);
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/^You cancelled the change\. The app put the previous ports back and checked them/);
    expect(result.message).toMatch(/RTSP answers on 554 again/);
    expect(result.changes).toEqual([
      { role: 'rtsp', from: 554, to: 10554, verified: false, evidence: 'You cancelled the change.' },
    ]);
    expectPlainWords(result.message);
    expect(recorder.ports.rtsp).toBe(554);
    expect(recorder.listening()).toEqual([80, 443, 554, 8000]);
    expect(recorder.calls.filter((c) => c === 'SetNetworkProtocols')).toHaveLength(2);
    // The fake refuses anything sent on a fired signal, as the real transports do: the restore got through.
    expect(recorder.sets).toEqual([
      { port: 80, want: { http: 80, https: 443, rtsp: 10554 } },
      { port: 80, want: SNAPSHOT },
    ]);
    // The cancel took effect right after the wait it came in (no further round; the restore needed no wait).
    expect(waits).toBe(2);
  });

  it('a cancel while the device finishes moving HTTP: put back through ONVIF’s new address, never "verified"', async () => {
    const recorder = fakeRecorder({ onSet: 'later' });
    const user = new AbortController();
    const waitSignals: AbortSignal[] = [];
    const service = createPortsService({
      ...recorder.deps,
      verify: { rounds: 10, intervalMs: 1 },
      // The device restarts its web server during the first wait, and the user presses Cancel in that wait.
      sleep: async (_ms, s) => {
        waitSignals.push(s);
        if (waitSignals.length === 1) {
          recorder.settle();
          user.abort();
        }
      },
    });
    const { result: raw, protocols } = await service.apply(device(), [{ role: 'http', to: 18080 }], {
      credentials: LOGIN,
      signal: user.signal,
    });
    const result = portApplyResultSchema.parse(raw);
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/^You cancelled the change\. The app put the previous ports back and checked them/);
    expect(result.message).toMatch(/HTTP answers on 80 again/);
    expectPlainWords(result.message);
    expect(result.changes).toEqual([
      { role: 'http', from: 80, to: 18080, verified: false, evidence: 'You cancelled the change.' },
    ]);
    expect(result.onvifUrl).toBe(`http://${ADDRESS}/onvif/device_service`);
    expect(protocols).toEqual(SNAPSHOT_PROTOCOLS);
    // Back on 80, nothing on 18080; the restore went to 18080, where ONVIF was after the move.
    expect(recorder.ports.http).toBe(80);
    expect(recorder.listening()).toEqual([80, 443, 554, 8000]);
    expect(recorder.sets).toEqual([
      { port: 80, want: { http: 18080, https: 443, rtsp: 554 } },
      { port: 18080, want: SNAPSHOT },
    ]);
    // The waits ran on the service's own signal, which the user's cancel does not fire.
    expect(waitSignals.length).toBeGreaterThan(0);
    expect(waitSignals.every((s) => s !== user.signal && !s.aborted)).toBe(true);
  });

  it('a cancel during the last measurement before "verified" still puts the old ports back', async () => {
    const recorder = fakeRecorder({ onSet: 'later' });
    const user = new AbortController();
    let waits = 0;
    const service = createPortsService({
      ...recorder.deps,
      verify: { rounds: 10, intervalMs: 1 },
      sleep: async () => {
        if (++waits === 1) recorder.settle();
      },
      // The user presses Cancel while the app checks that the old port is closed, after the device moved.
      tcp: async (...args) => {
        if (recorder.ports.http === 18080) user.abort();
        return recorder.deps.tcp(...args);
      },
    });
    const result = await applied(service, device(), [{ role: 'http', to: 18080 }], {
      credentials: LOGIN,
      signal: user.signal,
    });
    expect(user.signal.aborted).toBe(true);
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/^You cancelled the change\..*HTTP answers on 80 again/);
    expect(recorder.ports.http).toBe(80);
    expect(recorder.sets.map((s) => s.want)).toEqual([{ http: 18080, https: 443, rtsp: 554 }, SNAPSHOT]);
  });

  it('a cancel before anything was sent changes nothing: CANCELLED, no SetNetworkProtocols', async () => {
    const { service, calls, sets, ports, listening } = fakeRecorder();
    const user = new AbortController();
    user.abort();
    let changing = 0;
    const err = await service
      .apply(device(), [{ role: 'http', to: 18080 }], {
        credentials: LOGIN,
        signal: user.signal,
        onChanging: async () => {
          changing++;
        },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppFailure);
    expect(err).toMatchObject({ code: 'CANCELLED' });
    expect(calls).not.toContain('SetNetworkProtocols');
    expect(sets).toEqual([]);
    expect(changing).toBe(0);
    expect(ports).toMatchObject({ ...SNAPSHOT, sdk: 8000 });
    expect(listening()).toEqual([80, 443, 554, 8000]);
  });

  it('a cancel after the ports were read but before sending: CANCELLED, nothing saved as pending, nothing sent', async () => {
    const { deps, calls, sets, ports } = fakeRecorder();
    const user = new AbortController();
    // The user presses Cancel while the device answers GetNetworkProtocols (the snapshot).
    const service = createPortsService({
      ...deps,
      http: {
        async request(url, o) {
          const reply = await deps.http.request(url, o);
          if ((o.headers?.['content-type'] ?? '').includes('GetNetworkProtocols')) user.abort();
          return reply;
        },
      },
    });
    let changing = 0;
    const err = await service
      .apply(device(), [{ role: 'http', to: 18080 }], {
        credentials: LOGIN,
        signal: user.signal,
        onChanging: async () => {
          changing++;
        },
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CANCELLED' });
    expect(calls).toContain('GetNetworkProtocols');
    expect(sets).toEqual([]);
    expect(changing).toBe(0);
    expect(ports.http).toBe(80);
  });

  it('tells the caller what it is about to change before it sends anything (saved against a crash)', async () => {
    const { service, calls } = fakeRecorder();
    const seen: unknown[] = [];
    await applied(service, device(), [{ role: 'http', to: 18080 }], {
      credentials: LOGIN,
      signal: signal(),
      onChanging: async (pending) => {
        seen.push({ pending, setSoFar: calls.filter((c) => c === 'SetNetworkProtocols').length });
      },
    });
    expect(seen).toEqual([
      {
        pending: {
          changes: [{ role: 'http', from: 80, to: 18080 }],
          onvifUrl: `http://${ADDRESS}/onvif/device_service`,
          newOnvifUrl: `http://${ADDRESS}:18080/onvif/device_service`,
          startedAt: '2026-11-24T10:00:00.000Z',
        },
        setSoFar: 0,
      },
    ]);
  });

  it('after a change the app never finished: finds where the NVR answers now, in plain words', async () => {
    const pending = {
      changes: [{ role: 'http' as const, from: 80, to: 18080 }],
      onvifUrl: `http://${ADDRESS}/onvif/device_service`,
      newOnvifUrl: `http://${ADDRESS}:18080/onvif/device_service`,
      startedAt: '2026-11-24T09:59:00.000Z',
    };
    // The device had taken the change before the app stopped.
    const moved = fakeRecorder();
    moved.ports.http = 18080;
    const took = portApplyResultSchema.parse(await moved.service.recover(device(), pending, signal()));
    expect(took).toMatchObject({ outcome: 'verified', onvifUrl: pending.newOnvifUrl });
    expect(took.changes[0]).toMatchObject({ role: 'http', from: 80, to: 18080, verified: true });
    expect(took.message).toMatch(/did not finish .* Web page \(HTTP\) answers on 18080; ONVIF answers at .*:18080/);
    expect(took.message).toMatch(/now lives on the new ports/);
    expect(took.message).toMatch(/^A port change started on 2026-11-24 at 09:59 UTC did not finish/);
    // It had not: nothing changed.
    const stayed = await fakeRecorder().service.recover(device(), pending, signal());
    expect(stayed).toMatchObject({ outcome: 'restored', onvifUrl: pending.onvifUrl });
    expect(stayed.message).toMatch(/still uses its previous ports/);
    // Half-way and broken: says what answers where and what to do.
    const broken = fakeRecorder({ onSet: 'move-http-but-dead' });
    await broken.service
      .apply(device(), [{ role: 'http', to: 18080 }], { credentials: LOGIN, signal: signal() })
      .catch(() => null);
    const lost = await broken.service.recover(device(), pending, signal());
    expect(lost.outcome).toBe('failed');
    expect(lost.onvifUrl).toBeNull();
    expect(lost.message).toMatch(/answers on neither 80 nor 18080; ONVIF does not answer.*restart the NVR/);
  });

  it('without a login it fails at once in plain words and sends nothing', async () => {
    const { service, calls } = fakeRecorder();
    const err = await service
      .apply(device(), [{ role: 'http', to: 18080 }], { signal: signal() })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppFailure);
    expect(err).toMatchObject({ code: 'PORTS_LOGIN_NEEDED' });
    expect((err as Error).message).toMatch(/Log in/);
    expect(calls).toEqual([]);
  });

  it('a factory port left on HTTPS or RTSP keeps the step in "attention" (from the report or ONVIF’s list)', async () => {
    const { service } = fakeRecorder();
    const report = await service.audit(device(), { credentials: LOGIN, signal: signal() });
    const { result, protocols } = await service.apply(device(), [{ role: 'http', to: 18080 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(protocols?.map((p) => [p.name, p.ports[0]])).toEqual([
      ['HTTP', 18080],
      ['HTTPS', 443],
      ['RTSP', 554],
    ]);
    for (const verdict of [
      portsStepVerdict(report, result, 'Hikvision'),
      portsStepVerdict(null, result, 'Hikvision', protocols),
    ]) {
      expect(verdict.verified).toBe(false);
      expect(verdict.reason).toMatch(/HTTPS\) on 443, Video streams \(RTSP\) on 554/);
    }
  });
});
