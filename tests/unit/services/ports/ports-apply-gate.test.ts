import { describe, expect, it } from 'vitest';
import { checkChange, gateChange } from '../../../../src/main/services/ports/change-gate';
import { buildPortPlan, checkPortChanges } from '../../../../src/main/services/ports/port-plan';
import type { ApplyOptions, PortChangeRequest } from '../../../../src/main/services/ports/ports-service';
import { portApplyResultSchema, type PortApplyResult } from '../../../../src/shared/domain/ports';
import { AppFailure, ERROR_MESSAGES } from '../../../../src/shared/ipc/errors';
import { createTranslator, localMessage } from '../../../../src/shared/i18n';
import { device, fakeRecorder, LOGIN, signal } from '../../../support/fake-nvr-ports';

// Main checks every requested port change itself, whoever asks (the page, the CLI, a script): the plan's rules,
// the plan's words. An error refuses the change; a warning needs the user's yes and is recorded with the change.
// Either way nothing reaches the device before the check: the fake NVR sees no SetNetworkProtocols.

/** Measures the fake NVR (HTTP 80, HTTPS 443, RTSP 554, SDK 8000 open), then asks for `changes`. */
async function attempt(changes: PortChangeRequest[], options: Partial<ApplyOptions> = {}) {
  const nvr = fakeRecorder();
  const report = await nvr.service.audit(device(), { credentials: LOGIN, signal: signal() });
  const pending: unknown[] = [];
  const outcome = await nvr.service
    .apply(device(), changes, {
      credentials: LOGIN,
      signal: signal(),
      report,
      onChanging: async (p) => void pending.push(p),
      ...options,
    })
    .then(
      (r) => ({ result: r.result as PortApplyResult, error: null }),
      (e: unknown) => ({ result: null, error: e }),
    );
  const sent = nvr.calls.filter((c) => c === 'SetNetworkProtocols').length;
  return { ...outcome, report, sent, pending, ports: nvr.ports };
}

function expectRefused(error: unknown, code: 'PORTS_CHANGE_REFUSED' | 'PORTS_CHANGE_UNCONFIRMED', ...words: RegExp[]) {
  expect(error).toBeInstanceOf(AppFailure);
  expect(error).toMatchObject({ code });
  const message = (error as AppFailure).message;
  for (const w of words) expect(message).toMatch(w);
  expect(message).toMatch(/Nothing was changed\.$/);
  expect(message.length).toBeLessThanOrEqual(1500);
}

describe('ports apply: errors refuse the change before anything is sent', () => {
  it.each([
    [
      'the device’s own RTSP port, open in the last measurement (554)',
      [{ role: 'http', to: 554 }],
      [/554 is already used by another service on this device \(Video streams \(RTSP\)\)/],
    ],
    [
      'the device’s own HTTPS port (443)',
      [{ role: 'http', to: 443 }],
      [/443 is already used by another service on this device \(Web page \(HTTPS\)\)/],
    ],
    [
      'the device’s SDK port, open in the last measurement (8000)',
      [{ role: 'http', to: 8000 }],
      [/8000 is already used by another service on this device/],
    ],
    [
      'one port for two services',
      [
        { role: 'http', to: 18080 },
        { role: 'rtsp', to: 18080 },
      ],
      [/both use 18080\/TCP\. Each service needs its own port/],
    ],
  ] as Array<[string, PortChangeRequest[], RegExp[]]>)(
    '%s, even when the user says yes to warnings',
    async (_name, changes, words) => {
      const { error, sent, pending, ports } = await attempt(changes, { confirmWarnings: true });
      expectRefused(error, 'PORTS_CHANGE_REFUSED', ...words);
      expect((error as AppFailure).message.startsWith('The app did not send that port change.')).toBe(true);
      expect(sent).toBe(0);
      expect(pending).toEqual([]);
      expect(ports).toMatchObject({ http: 80, https: 443, rtsp: 554 });
    },
  );

  it('the refusal crosses with its words by key: the page and the CLI say it, and each rule’s problem, in their language', async () => {
    const { error } = await attempt([{ role: 'http', to: 554 }], { confirmWarnings: true });
    const failure = error as AppFailure;
    expect(failure.said).toEqual({ key: 'ports.said.failures.notSent' });
    expect(failure.parts?.map((p) => p.said?.key)).toEqual(['ports.said.problem.inUseDeviceBy']);
    expect(localMessage(failure, createTranslator('en'))).toBe(failure.message);
    const pseudo = localMessage(failure, createTranslator('en-XA'));
    expect(pseudo).not.toContain('The app did not send');
    expect(pseudo).not.toContain('already used');
    expect(pseudo).toContain('554');
  });

  it('a port another known device uses (or is planned to use) is refused, naming that device', async () => {
    const { error, sent } = await attempt([{ role: 'rtsp', to: 21554 }], {
      inUseElsewhere: [{ port: 21554, transport: 'tcp', where: 'Dahua NVR (192.0.2.65), planned' }],
      confirmWarnings: true,
    });
    expectRefused(error, 'PORTS_CHANGE_REFUSED', /21554 is already used by Dahua NVR \(192\.0\.2\.65\), planned/);
    expect(sent).toBe(0);
  });

  it('the device’s own list counts even without a measurement: HTTPS’s port for HTTP is refused', async () => {
    const nvr = fakeRecorder();
    const error = await nvr.service
      .apply(
        device(),
        [
          { role: 'http', to: 8443 },
          { role: 'https', to: 8443 },
        ],
        {
          credentials: LOGIN,
          signal: signal(),
        },
      )
      .catch((e: unknown) => e);
    expectRefused(error, 'PORTS_CHANGE_REFUSED', /both use 8443/);
    expect(nvr.calls).not.toContain('SetNetworkProtocols');
  });
});

describe('ports apply: warnings need the user’s yes, and are recorded with the change', () => {
  it.each([
    ['a well-known port (22), the standard SSH port', 22, ['well-known', 'vendor-default'], [/22 is below 1024/]],
    ['an ephemeral port (40000)', 40000, ['ephemeral'], [/40000 is 32768 or above/]],
    [
      'another brand’s SDK default, in the ephemeral range (37777)',
      37777,
      ['ephemeral', 'vendor-default'],
      [/37777 is 32768 or above/, /37777 is a known factory port \(App\/SDK port of Dahua/],
    ],
    ['another brand’s factory port (9000)', 9000, ['vendor-default'], [/9000 is a known factory port/]],
    ['a commonly scanned alternate (8888)', 8888, ['commonly-scanned'], [/8888 is a popular alternate port/]],
  ] as Array<[string, number, string[], RegExp[]]>)('%s', async (_name, port, codes, words) => {
    const refused = await attempt([{ role: 'http', to: port }]);
    expectRefused(refused.error, 'PORTS_CHANGE_UNCONFIRMED', ...words, /Confirm it to send it anyway/);
    expect(refused.sent).toBe(0);
    expect(refused.pending).toEqual([]);

    const confirmed = await attempt([{ role: 'http', to: port }], { confirmWarnings: true });
    expect(confirmed.error).toBeNull();
    const result = portApplyResultSchema.parse(confirmed.result);
    expect(result.outcome).toBe('verified');
    expect(result.confirmedWarnings?.map((w) => [w.code, w.severity, w.role, w.port])).toEqual(
      codes.map((code) => [code, 'warning', 'http', port]),
    );
    words.forEach((w) => expect(result.confirmedWarnings!.some((c) => w.test(c.message))).toBe(true));
    expect(confirmed.sent).toBe(1);
  });

  it('going back to the factory port is the user’s call: a warning, not a refusal', async () => {
    const nvr = fakeRecorder();
    const opts = { credentials: LOGIN, signal: signal() };
    const moved = (await nvr.service.apply(device(), [{ role: 'http', to: 18080 }], opts)).result;
    expect(moved.outcome).toBe('verified');
    const nvrNow = device({ onvifUrl: moved.onvifUrl! });
    const back = await nvr.service.apply(nvrNow, [{ role: 'http', to: 80 }], opts).catch((e: unknown) => e);
    expect(back).toMatchObject({ code: 'PORTS_CHANGE_UNCONFIRMED' });
    expect((back as Error).message).toMatch(/80 is below 1024/);
    const { result } = await nvr.service.apply(nvrNow, [{ role: 'http', to: 80 }], {
      ...opts,
      confirmWarnings: true,
    });
    expect(result.outcome).toBe('verified');
    expect(nvr.ports.http).toBe(80);
  });

  it('a change without warnings records none (the field is absent, as in records written before it)', async () => {
    const { result } = await attempt([{ role: 'http', to: 18080 }]);
    expect(result?.outcome).toBe('verified');
    expect(result).not.toHaveProperty('confirmedWarnings');
    const old = { ...result! };
    expect(portApplyResultSchema.parse(old)).toEqual(old);
  });

  it('a confirmed change the device then refuses keeps its warnings in the result (put back, recorded)', async () => {
    const nvr = fakeRecorder({ onSet: 'in-use' });
    const { result } = await nvr.service.apply(device(), [{ role: 'http', to: 8000 }], {
      credentials: LOGIN,
      signal: signal(),
      confirmWarnings: true,
    });
    expect(result.outcome).toBe('restored');
    expect(result.confirmedWarnings?.map((w) => [w.code, w.port])).toEqual([['vendor-default', 8000]]);
  });
});

describe('one rule set for the plan and for apply', () => {
  it('the refusal says what the plan says about the same port, in the same words', async () => {
    const nvr = fakeRecorder();
    const report = await nvr.service.audit(device(), { credentials: LOGIN, signal: signal() });
    for (const port of [22, 40000, 37777, 9000, 8888]) {
      const plan = buildPortPlan(device(), report, { http: port });
      const planned = plan.problems.filter((p) => p.role === 'http').map((p) => p.message);
      const check = checkPortChanges(device(), report, [{ role: 'http', from: 80, to: port }]);
      const gate = [...check.errors, ...check.warnings].map((p) => p.message);
      expect(gate.length, `port ${port}`).toBeGreaterThan(0);
      expect(gate, `port ${port}`).toEqual(planned);
    }
  });

  it('a port another service keeps is an error in the plan too (the plan that moves it away frees it)', async () => {
    const nvr = fakeRecorder();
    const report = await nvr.service.audit(device(), { credentials: LOGIN, signal: signal() });
    const keepOthers = { https: 443, rtsp: 554, sdk: 8000 };
    for (const port of [554, 443, 8000]) {
      const plan = buildPortPlan(device(), report, { ...keepOthers, http: port });
      expect(
        plan.problems.some((p) => p.severity === 'error' && p.port === port),
        `port ${port}`,
      ).toBe(true);
      const check = checkPortChanges(device(), report, [{ role: 'http', from: 80, to: port }]);
      expect(
        check.errors.map((p) => p.code),
        `port ${port}`,
      ).toContain('in-use-device');
    }
  });

  it('a change to the port a role already has is no change: nothing to judge', () => {
    expect(checkPortChanges(device(), null, [{ role: 'rtsp', from: 554, to: 554 }])).toEqual({
      errors: [],
      warnings: [],
    });
  });
});

describe('the change gate (any device change)', () => {
  const error = { severity: 'error' as const, message: 'Address: 192.0.2.1 is the router.' };
  const warning = { severity: 'warning' as const, message: 'Address: 192.0.2.200 is inside the DHCP pool.' };
  const codes = { refused: 'PORTS_CHANGE_REFUSED', unconfirmed: 'PORTS_CHANGE_UNCONFIRMED' } as const;

  it('refuses on any error, confirmed or not, with the catalogue’s words around the rule’s own', () => {
    for (const confirm of [false, true]) {
      const e = (() => {
        try {
          gateChange(checkChange([warning, error]), confirm, codes);
        } catch (err) {
          return err;
        }
      })();
      expect(e).toMatchObject({ code: 'PORTS_CHANGE_REFUSED' });
      expect((e as Error).message).toBe(
        `The app did not send that port change. ${error.message} Pick another port. Nothing was changed.`,
      );
    }
  });

  it('asks for a yes on warnings, and hands back the confirmed ones', () => {
    expect(() => gateChange(checkChange([warning]), false, codes)).toThrow(
      expect.objectContaining({ code: 'PORTS_CHANGE_UNCONFIRMED' }),
    );
    expect(gateChange(checkChange([warning]), true, codes)).toEqual([warning]);
    expect(gateChange(checkChange([]), false, codes)).toEqual([]);
  });

  it('the catalogue has plain words for both codes', () => {
    for (const code of Object.values(codes)) expect(ERROR_MESSAGES[code]).toMatch(/^The app did not send .*\.$/);
  });
});
