import { inEnglish } from '../../../support/words';
import { describe, expect, it } from 'vitest';
import { bounded, createVerifyService, type VerifyDeps } from '../../../../src/main/services/verify/verify-service';
import { emptySetupRecord, type SetupRecord } from '../../../../src/shared/domain/setup';
import { AppFailure, ERROR_MESSAGES } from '../../../../src/shared/ipc/errors';
import { createTranslator } from '../../../../src/shared/i18n';
import { sayIn } from '../../../../src/shared/i18n/said';
import { fullRecord } from '../../shared/domain/checklist-fixture';

const AT = new Date('2026-04-01T08:00:00.000Z');

function saved(): SetupRecord {
  const r = fullRecord();
  r.nvr!.device.addresses = ['192.168.1.20'];
  return r;
}

/** Deps that measure exactly what `r` saved, recording what was asked and with what. */
function fakes(r: SetupRecord, over: Partial<VerifyDeps> = {}) {
  const asked: Array<[string, unknown]> = [];
  const deps: VerifyDeps = {
    now: () => AT,
    measureNvr: async (device, open) => {
      asked.push(['nvr', device.addresses[0]], ['open', open]);
      return { reached: true, mac: '44:19:b6:00:00:01', report: structuredClone(r.ports[r.nvr!.deviceId]!.report) };
    },
    auditUpnp: async () => (asked.push(['upnp', null]), structuredClone(r.upnp.audit!)),
    checkPublic: async (_rec, checker, wan) => (
      asked.push(['public', { checker, wan }]),
      structuredClone(r.internet.check!)
    ),
    checkDdns: async (host, expected) => (asked.push(['ddns', { host, expected }]), structuredClone(r.ddns.check!)),
    prove: async (_rec, run) => (asked.push(['prove', run.checker]), structuredClone(r.internet.proof!)),
    ...over,
  };
  return { deps, asked };
}

describe('the verify service: the other steps’ measurements, bounded, judged against the record', () => {
  it('measures each check through its service and finds no drift when they measure what was saved', async () => {
    const r = saved();
    const { deps, asked } = fakes(r);
    const progress: string[] = [];
    const result = await createVerifyService(deps).run({
      record: r,
      checker: 'http://198.51.100.10/',
      signal: new AbortController().signal,
      progress: (done, total, words) => progress.push(`${done}/${total} ${inEnglish(words)}`),
    });
    expect(result.outcome).toBe('no-drift');
    expect(result.at).toBe(AT.toISOString());
    // The router's WAN address comes from the audit just made; the DDNS name is compared with the address now.
    expect(asked).toContainEqual([
      'public',
      { checker: 'http://198.51.100.10/', wan: { address: '203.0.113.7', source: 'igd', readAt: expect.any(String) } },
    ]);
    expect(asked).toContainEqual(['ddns', { host: 'shop-nvr.duckdns.org', expected: '203.0.113.7' }]);
    expect(asked).toContainEqual(['prove', 'http://198.51.100.10/']);
    expect(asked).toContainEqual(['nvr', '192.168.1.20']);
    // Knocked on where the audit does not list them: the ports open when saved and those the router rules use.
    expect(asked).toContainEqual(['open', [8443, 8000, 23]]);
    expect(progress[0]).toMatch(/^0\/5 Checking the NVR/);
    expect(progress.at(-1)).toMatch(/^5\/5 Comparing/);
  });

  it('asks nothing for a fresh record (nothing saved to compare with)', async () => {
    const { deps, asked } = fakes(saved());
    const result = await createVerifyService(deps).run({
      record: emptySetupRecord(AT.toISOString()),
      checker: 'http://c/',
      signal: new AbortController().signal,
    });
    expect(asked).toEqual([]);
    expect(result.checks.every((c) => c.why === 'nothing-saved')).toBe(true);
  });

  it('a measurement that never ends is cut at its bound: not checked, "no answer within", the others still judged', async () => {
    const r = saved();
    const { deps } = fakes(r, { auditUpnp: () => new Promise(() => {}) });
    // A measurement that never settles: only the bound can end the run (else the test's own time-out fails it).
    const result = await createVerifyService({ ...deps, bounds: { upnp: 150 } }).run({
      record: r,
      checker: 'http://c/',
      signal: new AbortController().signal,
    });
    const upnp = result.checks.find((c) => c.check === 'upnp')!;
    expect(upnp).toMatchObject({ state: 'not-checked', why: 'unmeasured' });
    expect(upnp.text).toContain('no answer within 150 ms');
    expect(result.checks.find((c) => c.check === 'address')!.state).toBe('ok');
    expect(result.outcome).toBe('unproven');
    // Said by key, its time a number the locale writes: in en-XA the words are the locale's, the time as it came.
    expect(upnp.said?.params?.error).toEqual({ key: 'verify.said.failures.noAnswerMs', params: { ms: 150 } });
    const xa = createTranslator('en-XA');
    const shown = sayIn(xa, upnp.said, upnp.text);
    expect(shown).toContain(xa.t('verify.said.failures.noAnswerMs', { ms: 150 }));
    expect(shown).not.toContain('no answer within');
  });

  it('a bound of a second or more says its time in whole seconds, by key', async () => {
    const cut = await bounded(1000, new AbortController().signal, () => new Promise(() => {}));
    expect(cut).toEqual({ ok: false, error: { key: 'verify.said.failures.noAnswerS', params: { seconds: 1 } } });
    expect(createTranslator('en').t('verify.said.failures.noAnswerS', { seconds: 1 })).toBe('no answer within 1 s');
  });

  it('an NVR that does not answer is drift of the address; a catalogued failure keeps its words, others none', async () => {
    const r = saved();
    const gone = fakes(r, { measureNvr: async () => ({ reached: false, mac: null, report: null }) });
    const res = await createVerifyService(gone.deps).run({
      record: r,
      checker: 'c',
      signal: new AbortController().signal,
    });
    expect(res.checks.find((c) => c.check === 'address')!.state).toBe('drift');
    const failing = fakes(r, {
      checkDdns: async () => {
        throw new AppFailure('BAD_REQUEST', 'The DNS server refused.');
      },
      prove: async () => {
        throw new Error('/secret/path stack');
      },
    });
    const res2 = await createVerifyService(failing.deps).run({
      record: r,
      checker: 'c',
      signal: new AbortController().signal,
    });
    expect(res2.checks.find((c) => c.check === 'ddns')!.text).toContain('The DNS server refused.');
    const outside = res2.checks.find((c) => c.check === 'outside')!.text;
    expect(outside).toContain('failed unexpectedly');
    expect(outside).not.toContain('/secret/path');
  });

  it('why a check was not measured is said by key where it can be: a catalogued failure, or "failed unexpectedly"', async () => {
    const r = saved();
    const failing = fakes(r, {
      checkDdns: async () => {
        throw new AppFailure('DEVICE_UNREACHABLE');
      },
      prove: async () => {
        throw new Error('/secret/path stack');
      },
    });
    const res = await createVerifyService(failing.deps).run({
      record: r,
      checker: 'c',
      signal: new AbortController().signal,
    });
    const ddns = res.checks.find((c) => c.check === 'ddns')!;
    const outside = res.checks.find((c) => c.check === 'outside')!;
    expect(ddns.text).toContain(ERROR_MESSAGES.DEVICE_UNREACHABLE);
    expect(ddns.said?.params?.error).toEqual({ key: 'errors.DEVICE_UNREACHABLE' });
    expect(outside.said?.params?.error).toEqual({ key: 'verify.said.failures.unexpected' });
    const xa = createTranslator('en-XA');
    for (const check of [ddns, outside]) {
      expect(sayIn(createTranslator('en'), check.said, '')).toBe(check.text);
      expect(sayIn(xa, check.said, check.text)).not.toMatch(/did not answer|failed unexpectedly/);
    }
  });

  it('cancelled: the measurement under way stops at once and nothing after it is asked', async () => {
    const r = saved();
    const stop = new AbortController();
    const { deps, asked } = fakes(r, {
      measureNvr: (_d, _open, signal) =>
        new Promise((_, reject) => {
          stop.abort();
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    });
    const result = await createVerifyService(deps).run({ record: r, checker: 'c', signal: stop.signal });
    expect(asked.filter(([k]) => k !== 'upnp')).toEqual([]);
    expect(result.checks.find((c) => c.check === 'address')!.text).toMatch(/^Not measured/);
  });
});

describe('bounded', () => {
  it('gives the value, the failure words, or null once the user cancelled', async () => {
    const live = new AbortController().signal;
    expect(await bounded(1000, live, async () => 7)).toEqual({ ok: true, value: 7 });
    expect(await bounded(1000, live, async () => Promise.reject(new AppFailure('DEVICE_UNREACHABLE')))).toMatchObject({
      ok: false,
    });
    const cancelled = new AbortController();
    cancelled.abort();
    expect(await bounded(1000, cancelled.signal, async () => 7)).toBeNull();
  });
});
