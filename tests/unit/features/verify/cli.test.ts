import { describe, expect, it } from 'vitest';
import { runCli, type CliCore } from '../../../../src/main/cli/run';
import { renderVerify } from '../../../../src/main/features/verify/cli';
import { judgeVerifyStep } from '../../../../src/main/features/verify/status';
import { emptySetupRecord } from '../../../../src/shared/domain/setup';
import { judgeVerify, type VerifyCheck, type VerifyResult } from '../../../../src/shared/domain/verify';
import { createTranslator } from '../../../../src/shared/i18n';
import { drifted, MAC, OTHER_MAC, saved } from '../../shared/domain/verify-fixture';

const AT = '2026-04-01T08:00:00.000Z';
const line = (
  check: VerifyCheck['check'],
  state: VerifyCheck['state'],
  over: Partial<VerifyCheck> = {},
): VerifyCheck => ({
  check,
  title: check,
  state,
  text: `${check} text`,
  changes: [],
  todo: null,
  why: state === 'not-checked' ? 'nothing-saved' : null,
  ...over,
});
const result = (outcome: VerifyResult['outcome'], checks: VerifyCheck[]): VerifyResult => ({ at: AT, outcome, checks });
const NO_DRIFT = result('no-drift', [line('address', 'ok'), line('ddns', 'not-checked')]);
const DRIFT = result('drift', [
  line('upnp', 'drift', {
    title: 'UPnP mappings',
    changes: [{ what: 'TCP 8000 → 192.168.50.64:8000', from: 'deleted', to: 'listed again, opened by hik' }],
    todo: 'Turn UPnP off on the NVR.',
  }),
]);

/** A core whose `verify.run` job ends with `r` (or fails, or is cancelled), recording what was asked. */
function core(r: VerifyResult | null, outcome: 'ok' | 'failed' | 'cancelled' = r ? 'ok' : 'failed') {
  const calls: Array<[string, unknown]> = [];
  const listeners = new Set<(e: string, p: unknown) => void>();
  const c: CliCore = {
    dispatch: async (channel, input) => {
      calls.push([String(channel), input]);
      setTimeout(() => {
        if (r && outcome === 'ok') for (const l of listeners) l('verify.onResult', { jobId: 'job-1', result: r });
        for (const l of listeners)
          l('job.onDone', {
            jobId: 'job-1',
            kind: 'verify-run',
            outcome,
            error: outcome === 'failed' ? { code: 'INTERNAL', message: 'The record could not be read.' } : null,
          });
      }, 1);
      return { ok: true, data: { jobId: 'job-1' } } as never;
    },
    hub: {
      subscribe: (l) => {
        listeners.add(l as never);
        return () => listeners.delete(l as never);
      },
    },
  };
  return { c, calls };
}

async function cli(args: string[], r: VerifyResult | null, outcome?: 'ok' | 'failed' | 'cancelled') {
  const out: string[] = [];
  const err: string[] = [];
  const k = core(r, outcome);
  const code = await runCli(args, k.c, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) }, '1');
  return { code, out: out.join(''), err: err.join(''), calls: k.calls };
}

describe('nvr-assist verify: exit codes as upnp --watch has them', () => {
  it('0 with no drift; the checker given is passed on', async () => {
    const r = await cli(['verify', '--checker', 'http://198.51.100.10'], NO_DRIFT);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([['verify.run', { checker: 'http://198.51.100.10' }]]);
    expect(r.out.split('\n')[0]).toBe('No drift: everything checked is as it was set up.');
    expect(r.out).toContain('--    ddns: not checked — ddns text');
  });

  it('3 on drift, each change printed from → to with what to do; --json prints the result itself', async () => {
    const r = await cli(['verify'], DRIFT);
    expect(r.code).toBe(3);
    expect(r.out).toContain('DRIFT UPnP mappings: upnp text');
    expect(r.out).toContain('TCP 8000 → 192.168.50.64:8000: deleted → listed again, opened by hik');
    expect(r.out).toContain('What to do: Turn UPnP off on the NVR.');
    const j = await cli(['verify', '--json'], DRIFT);
    expect(j.code).toBe(3);
    expect(JSON.parse(j.out)).toEqual(DRIFT);
  });

  it('1 when not proven or when the job failed; 130 when cancelled', async () => {
    expect((await cli(['verify'], result('unproven', [line('upnp', 'not-checked', { why: 'unmeasured' })]))).code).toBe(
      1,
    );
    const failed = await cli(['verify'], null);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('The record could not be read.');
    expect((await cli(['verify'], NO_DRIFT, 'cancelled')).code).toBe(130);
  });

  it('refuses words and a malformed --checker before anything runs (exit 2)', async () => {
    const a = await cli(['verify', 'now'], NO_DRIFT);
    const b = await cli(['verify', '--checker', 'ftp://x'], NO_DRIFT);
    expect([a.code, b.code]).toEqual([2, 2]);
    expect([...a.calls, ...b.calls]).toEqual([]);
  });

  it('in the terminal’s language: each check’s title, what was found, its changes and what to do (en-XA), values as they came', () => {
    // The rules' own result: another MAC at the NVR's address, a port closed, a new public address, the proof not asked.
    const result = judgeVerify(saved(), drifted(saved()));
    const xa = createTranslator('en-XA').t;
    const text = renderVerify(result, xa);
    const address = '192.168.1.20';
    expect(text).toContain(
      xa('cli.verify.check', {
        mark: xa('cli.verify.mark.drift'),
        title: xa('verify.said.title.address'),
        text: xa('verify.said.address.otherDevice', { address, mac: OTHER_MAC, saved: MAC }),
      }),
    );
    expect(text).toContain(
      xa('cli.verify.change', { what: xa('verify.said.change.macAt', { address }), from: MAC, to: OTHER_MAC }),
    );
    expect(text).toContain(xa('cli.verify.todo', { todo: xa('verify.said.address.otherDeviceTodo') }));
    // The port's name is the ports catalogue's (as it came); its states are said by key.
    expect(text).toContain(
      xa('cli.verify.change', {
        what: 'Web page (HTTPS) 8443',
        from: xa('verify.said.change.state.open'),
        to: xa('verify.said.change.state.closed'),
      }),
    );
    expect(text).toContain(xa('verify.said.ports.changed', { count: 1 }));
    expect(text).toContain(xa('verify.said.public.moved', { address: '203.0.113.99' }));
    expect(text).toContain(
      xa('cli.verify.change', {
        what: xa('verify.said.change.publicAddress'),
        from: '203.0.113.7',
        to: '203.0.113.99',
      }),
    );
    expect(text).toContain(
      xa('cli.verify.checkNotChecked', {
        mark: xa('cli.verify.mark.not-checked'),
        title: xa('verify.said.title.outside'),
        text: xa('verify.said.outside.notAsked'),
      }),
    );
    // None of main's English sentences beside the keys is printed.
    const english = result.checks.flatMap((c) => [
      ...(c.said ? [c.text] : []),
      ...(c.todoSaid ? [c.todo!] : []),
      ...c.changes.filter((ch) => ch.said).map((ch) => `${ch.what}: ${ch.from} → ${ch.to}`),
      c.title,
    ]);
    expect(english.length).toBeGreaterThan(12);
    for (const sentence of english) expect(text).not.toContain(sentence);
  });

  it('renders every check on its own line', () => {
    expect(
      renderVerify(NO_DRIFT)
        .split('\n')
        .filter((l) => /^(ok|DRIFT|--)/.test(l)),
    ).toHaveLength(2);
  });
});

describe('the Verify step’s status', () => {
  it('verified only with no drift; attention naming what drifted, or what could not be checked', () => {
    const at = new Date(AT);
    const draft = emptySetupRecord(AT);
    judgeVerifyStep(draft, NO_DRIFT, at);
    expect(draft.steps.verify).toEqual({ status: 'verified', updatedAt: AT });
    judgeVerifyStep(draft, DRIFT, at);
    expect(draft.steps.verify).toEqual({
      status: 'attention',
      updatedAt: AT,
      reason: 'Changed since it was set up: UPnP mappings.',
    });
    judgeVerifyStep(draft, result('unproven', [line('upnp', 'not-checked', { title: 'UPnP', why: 'unmeasured' })]), at);
    expect(draft.steps.verify).toMatchObject({ status: 'attention', reason: 'Could not check: UPnP.' });
    judgeVerifyStep(draft, result('unproven', [line('upnp', 'not-checked')]), at);
    expect(draft.steps.verify).toMatchObject({ reason: 'Nothing to check yet: set up the steps first.' });
  });
});
