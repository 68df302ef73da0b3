import { describe, expect, it } from 'vitest';
import { renderProof } from '../../../../src/main/features/internet/cli';
import { runCli, type CliCore } from '../../../../src/main/cli/run';
import { migrate } from '../../../../src/main/services/setup/record';
import {
  judgeOutsideProof,
  proofTargets,
  type CheckerAnswer,
  type OutsideProof,
} from '../../../../src/shared/domain/outside-proof';
import type { ForwardPlan } from '../../../../src/shared/domain/forward-plan';
import { emptySetupRecord, setupRecordSchema } from '../../../../src/shared/domain/setup';
import { internetStep } from '../../../../src/shared/steps/internet';

const PLAN: ForwardPlan = {
  deviceId: 'hik',
  address: '192.168.1.64',
  wants: { web: true, app: true, video: false },
  sources: [],
  rules: [
    {
      name: 'NVR App/SDK port',
      role: 'sdk',
      protocol: 'tcp',
      externalPort: 8000,
      internalAddress: '192.168.1.64',
      internalPort: 8000,
      sources: [],
      why: '',
    },
  ],
  notes: [],
  madeAt: '2026-01-01T00:00:00.000Z',
};

function proof(answers: Record<number, CheckerAnswer>, plan: ForwardPlan | null = PLAN): OutsideProof {
  return judgeOutsideProof({
    measuredAt: '2026-01-01T00:00:00.000Z',
    checker: 'http://198.51.100.10/',
    target: '203.0.113.2',
    name: null,
    targets: proofTargets(plan, null),
    answers: new Map(Object.entries(answers).map(([p, a]) => [Number(p), a])),
    internetVerdict: 'public-on-router',
    report: null,
    mappings: null,
    checkerAddress: '198.51.100.10',
    hairpin: null,
  });
}
const yes: CheckerAnswer = { ok: true, reachable: true, ms: 20, ip: '203.0.113.2' };
const no: CheckerAnswer = { ok: true, reachable: false, ms: 20, ip: '203.0.113.2' };
const shut = { 21: no, 22: no, 23: no, 80: no, 554: no };

/** A core whose `internet.prove` job ends with `result` (or fails), recording what was asked. */
function core(result: OutsideProof | null) {
  const calls: Array<[string, unknown]> = [];
  const listeners = new Set<(e: string, p: unknown) => void>();
  const c: CliCore = {
    dispatch: async (channel, input) => {
      calls.push([String(channel), input]);
      setTimeout(() => {
        if (result) for (const l of listeners) l('internet.onProof', { jobId: 'j1', proof: result });
        for (const l of listeners)
          l('job.onDone', {
            jobId: 'j1',
            kind: 'internet-prove',
            outcome: result ? 'ok' : 'failed',
            error: result ? null : { code: 'INTERNAL', message: 'The checker is not an http(s) address.' },
          });
      }, 1);
      return { ok: true, data: { jobId: 'j1' } } as never;
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

async function cli(args: string[], result: OutsideProof | null) {
  const out: string[] = [];
  const err: string[] = [];
  const k = core(result);
  const code = await runCli(args, k.c, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) }, '1');
  return { code, out: out.join(''), err: err.join(''), calls: k.calls };
}

describe('nvr-assist public --prove: exit codes', () => {
  it('0 when every planned port is reachable and nothing is exposed', async () => {
    const r = await cli(['public', '--prove', '--checker', 'http://198.51.100.10'], proof({ 8000: yes, ...shut }));
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([['internet.prove', { checker: 'http://198.51.100.10' }]]);
    expect(r.out.split('\n')[0]).toBe(
      'Proven from outside: every planned port is reachable and nothing else is exposed.',
    );
  });

  it('3 when a forbidden port is exposed (or a planned one is not reachable); the JSON is the proof', async () => {
    const exposed = proof({ 8000: yes, ...shut, 554: yes });
    const r = await cli(['public', '--prove', '--json'], exposed);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.out)).toEqual(exposed);
    expect((await cli(['public', '--prove'], proof({ 8000: no, ...shut }))).code).toBe(3);
  });

  it('1 when it could not check: no plan, a checker without answers, or a job that failed', async () => {
    expect((await cli(['public', '--prove'], proof(shut, null))).code).toBe(1);
    expect((await cli(['public', '--prove'], proof({ 8000: { ok: false, error: 'x' }, ...shut }))).code).toBe(1);
    const failed = await cli(['public', '--prove'], null);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('The checker is not an http(s) address.');
  });

  it('passes a DDNS name; refuses --stun with --prove, --host without it and a malformed name (exit 2, nothing asked)', async () => {
    const named = await cli(['public', '--prove', '--host', 'mynvr.duckdns.org'], proof({ 8000: yes, ...shut }));
    expect(named.calls).toEqual([['internet.prove', { host: 'mynvr.duckdns.org' }]]);
    for (const args of [
      ['public', '--prove', '--stun', 'x:3478'],
      ['public', '--host', 'mynvr.duckdns.org'],
      ['public', '--prove', '--host', 'bad name!'],
      ['public', '--prove', '--checker', 'ftp://x'],
    ]) {
      const r = await cli(args, null);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.calls, args.join(' ')).toEqual([]);
    }
  });
});

describe('renderProof', () => {
  it('one line per port with its verdict and its cause, planned first, then what must not be reachable', () => {
    const text = renderProof(proof({ 8000: no, ...shut, 80: yes }));
    expect(text).toContain('Planned rules (must be reachable):');
    expect(text).toContain('  FAIL TCP 8000 → 192.168.1.64:8000 NVR App/SDK port: closed');
    expect(text).toContain('  FAIL TCP 80 plain HTTP web page: exposed');
    expect(text).toContain('  ok   TCP 23 Telnet (plain-text login): not exposed');
    expect(text.indexOf('Planned rules')).toBeLessThan(text.indexOf('Must NOT be reachable:'));
  });

  it('under a failed port, the questions the app asked itself to find the cause, then what to do', () => {
    const lines = renderProof(proof({ 8000: no, ...shut })).split('\n');
    const at = lines.indexOf('  FAIL TCP 8000 → 192.168.1.64:8000 NVR App/SDK port: closed');
    expect(lines[at + 1]).toBe(
      '       ? Can a connection from the internet reach your router at all? Yes: the public address is on your router. (the Internet step’s last check)',
    );
    const cause = lines.findIndex((l, i) => i > at && l.includes('no forward rule for port 8000'));
    expect(lines[cause - 1]).toBe(
      '       ? How did your public address answer the checker? It refused the connection at once. (the checker’s answer)',
    );
    expect(lines.filter((l) => l.startsWith('       ? '))).toHaveLength(cause - at - 1);
  });
});

describe('the Internet record slice, version 2', () => {
  it('a version-1 record loads: its check, history and servers kept, no proof yet', () => {
    const fresh = emptySetupRecord('2026-01-01T00:00:00.000Z');
    const v1 = {
      ...fresh,
      sliceVersions: { ...fresh.sliceVersions, internet: 1 },
      internet: { check: null, history: [], stun: '198.51.100.3:3478', checker: 'http://198.51.100.10/' },
    };
    const loaded = setupRecordSchema.parse(migrate(v1));
    expect(loaded.internet).toEqual({
      check: null,
      history: [],
      stun: '198.51.100.3:3478',
      checker: 'http://198.51.100.10/',
      proof: null,
    });
    expect(loaded.sliceVersions?.internet).toBe(2);
    expect(internetStep.record.version).toBe(2);
  });

  it('a proof saved in the record survives a round trip through its schema', () => {
    const fresh = emptySetupRecord('2026-01-01T00:00:00.000Z');
    const p = proof({ 8000: yes, ...shut });
    const saved = setupRecordSchema.parse({ ...fresh, internet: { ...fresh.internet, proof: p } });
    expect(saved.internet.proof).toEqual(p);
  });
});
