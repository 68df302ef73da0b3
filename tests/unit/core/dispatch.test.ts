import { describe, expect, it } from 'vitest';
import { createDispatcher, type CallContext } from '../../../src/main/core/dispatch';
import { invokeContract, type InvokeHandlers } from '../../../src/shared/ipc/contract';
import { AppFailure, ERROR_MESSAGES } from '../../../src/shared/ipc/errors';
import { emptySetupRecord } from '../../../src/shared/domain/setup';

const setup = emptySetupRecord('t');

/**
 * A handler for every channel of the contract (derived from it: a new channel needs no edit here), each failing
 * plainly unless a test gives it a body; the few the tests below use by default answer.
 */
function handlers(overrides: Partial<InvokeHandlers<CallContext>> = {}): InvokeHandlers<CallContext> {
  const unused = Object.fromEntries(
    Object.keys(invokeContract).map((channel) => [
      channel,
      async () => {
        throw new AppFailure('DEVICE_UNREACHABLE');
      },
    ]),
  ) as unknown as InvokeHandlers<CallContext>;
  const answering: Partial<InvokeHandlers<CallContext>> = {
    'app.info': async () => ({ name: 'x', version: '1', mode: 'cli', platform: 'linux', canRememberPasswords: false }),
    'setup.get': async () => ({ setup, notice: null }),
    'setup.chooseApproach': async ({ approach }) => ({ ...setup, approach }),
    'discovery.start': async () => ({ jobId: 'job-1', interfaceName: 'eth0' }),
  };
  return { ...unused, ...answering, ...overrides };
}

const ctx: CallContext = { transport: 'test' };

describe('dispatcher', () => {
  it('calls the handler with parsed input and returns its parsed output', async () => {
    const dispatch = createDispatcher(handlers(), () => {});
    expect(await dispatch('setup.chooseApproach', { approach: 'vpn' }, ctx)).toEqual({
      ok: true,
      data: { ...setup, approach: 'vpn' },
    });
  });

  it('refuses unknown channels, including prototype names', async () => {
    const dispatch = createDispatcher(handlers(), () => {});
    for (const channel of ['nope', '__proto__', 'constructor', 42, null])
      expect(await dispatch(channel, {}, ctx)).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: ERROR_MESSAGES.UNKNOWN_CHANNEL },
      });
  });

  it('rejects bad input naming the field but never echoing its value', async () => {
    const dispatch = createDispatcher(handlers(), () => {});
    const r = await dispatch('setup.chooseApproach', { approach: 'hunter2-secret' }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('BAD_REQUEST');
      expect(r.error.message).toContain('approach');
      expect(r.error.message).not.toContain('hunter2');
    }
    const extra = await dispatch('setup.chooseApproach', { approach: 'vpn', password: 'x' }, ctx);
    expect(extra.ok).toBe(false);
  });

  it('refuses an input that is not an object with the catalogued bad-input error, never as "no input"', async () => {
    let called = 0;
    const dispatch = createDispatcher(
      handlers({
        'discovery.start': async () => {
          called++;
          return { jobId: 'job-1', interfaceName: 'eth0' };
        },
      }),
      () => {},
    );
    const refused = { ok: false, error: { code: 'BAD_REQUEST', message: ERROR_MESSAGES.BAD_REQUEST } };
    for (const input of [null, undefined, [], [{}], 'x', '', '{}', 0, 1, true, new Date(0), new Map()]) {
      expect(await dispatch('discovery.start', input, ctx), String(input)).toEqual(refused);
      expect(await dispatch('app.info', input, ctx), String(input)).toEqual(refused);
    }
    expect(called).toBe(0);
    expect(await dispatch('discovery.start', {}, ctx)).toMatchObject({ ok: true });
    expect(await dispatch('app.info', Object.create(null), ctx)).toMatchObject({ ok: true });
    expect(called).toBe(1);
  });

  it('turns an unexpected exception into INTERNAL without its text, and logs only its name', async () => {
    const lines: string[] = [];
    const dispatch = createDispatcher(
      handlers({
        'setup.get': async () => {
          throw new Error('EACCES: /home/alice/.config/nvr-assist/setup.json password=hunter2');
        },
      }),
      (l) => lines.push(l),
    );
    const r = await dispatch('setup.get', {}, ctx);
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } });
    expect(lines.join('\n')).not.toContain('hunter2');
    expect(lines.join('\n')).not.toContain('/home/alice');
  });

  it('passes catalogued failures through with their code', async () => {
    const dispatch = createDispatcher(
      handlers({
        'setup.chooseInterface': async () => {
          throw new AppFailure('INTERFACE_NOT_FOUND');
        },
      }),
      () => {},
    );
    expect(await dispatch('setup.chooseInterface', { interfaceName: 'eth9' }, ctx)).toEqual({
      ok: false,
      error: { code: 'INTERFACE_NOT_FOUND', message: ERROR_MESSAGES.INTERFACE_NOT_FOUND },
    });
  });

  it('refuses output outside the contract', async () => {
    const lines: string[] = [];
    const dispatch = createDispatcher(handlers({ 'job.cancel': async () => ({ cancelled: 'yes' }) as never }), (l) =>
      lines.push(l),
    );
    const r = await dispatch('job.cancel', { jobId: 'job-abc' }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(lines[0]).toContain('outside the contract');
  });
});

describe('device text leaves main as data', () => {
  it('an output carrying control, escape or bidi characters from a device reaches no transport with them', async () => {
    const warnings = ['A UPnP description from 192.168.50.250 could not be read: \x1b]0;PWNED\x07x\u202e.'];
    const dispatch = createDispatcher(
      handlers({
        'discovery.list': async () => ({
          devices: [],
          running: null,
          interfaceName: 'eth0\x1b[2J',
          finishedAt: null,
          warnings,
          rememberedDeviceIds: [],
        }),
      }),
      () => {},
    );
    const r = await dispatch('discovery.list', {}, ctx);
    expect(r).toMatchObject({
      ok: true,
      data: { interfaceName: 'eth0', warnings: ['A UPnP description from 192.168.50.250 could not be read: x.'] },
    });
    expect(warnings[0]).toContain('\x1b'); // the handler's own data is not changed in place
  });
});
