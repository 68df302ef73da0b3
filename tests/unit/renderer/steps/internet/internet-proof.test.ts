// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { fakeSetup, ok } from '../../fake-api';
import { api, mountStep, useStepHarness } from '../../mount-step';
import { ddnsAfterAnswer, readDyndns2Answer } from '../../../../../src/shared/domain/ddns';
import type { OutsideProof } from '../../../../../src/shared/domain/outside-proof';
import type { SetupRecord } from '../../../../../src/shared/domain/setup';
import { CHECKER, NVR, PUBLIC, fakePlan, fakeProof, no, yes } from './fake-internet';

// The proof from outside on the Internet page (issue 13 item 3): the proofs shown are judged by the shared domain
// main uses (judgeOutsideProof), from a plan and the checker's answers per port.

const JOB = 'job-prove1';

function withPlan(overrides: Partial<SetupRecord> = {}): SetupRecord {
  const base = fakeSetup();
  return fakeSetup({ rules: { ...base.rules, plan: fakePlan() }, ...overrides });
}

let record: SetupRecord;
let saved: OutsideProof | null;
useStepHarness({
  path: '/step/internet',
  handlers: () => {
    record = withPlan();
    saved = null;
    return {
      'setup.get': () => ok({ setup: record, notice: null }),
      'internet.get': () =>
        ok({
          check: null,
          proof: saved,
          history: [],
          servers: { stun: 'stun.example.net:3478', checker: CHECKER },
        }),
      'internet.prove': () => ok({ jobId: JOB }),
      'job.cancel': () => ok({ cancelled: true }),
    };
  },
});

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);
const proveCalls = () => api.calls.filter((c) => c.channel === 'internet.prove').map((c) => c.input);
const rowOf = (w: VueWrapper, part: string, port: number) =>
  byTest(w, part).find(`[data-testid="proof-row"][data-port="${port}"]`);

async function proveAndAnswer(w: VueWrapper, proof: OutsideProof): Promise<void> {
  await byTest(w, 'proof-start').trigger('click');
  await flushPromises();
  api.emit('internet.onProof', { jobId: JOB, proof });
  api.emit('job.onDone', { jobId: JOB, kind: 'internet-prove', outcome: 'ok', error: null });
  await flushPromises();
}

describe('Internet step: the proof from outside', () => {
  it('contacts nothing on opening; the button asks main with the checker field and the DDNS name from the DDNS step', async () => {
    const entry = ddnsAfterAnswer(
      null,
      { provider: 'noip', host: 'mynvr.ddns.net', server: 'https://dynupdate.no-ip.com/nic/update', user: 'u' },
      readDyndns2Answer(200, `good ${PUBLIC}`, PUBLIC),
      new Date('2026-01-02T09:00:00.000Z'),
    );
    record = withPlan({ ddns: { hosts: [entry], check: null } });
    const w = await mountStep();
    expect(proveCalls()).toEqual([]);
    expect((byTest(w, 'proof-host').element as HTMLInputElement).value).toBe('mynvr.ddns.net');
    await byTest(w, 'internet-checker-input').setValue('http://198.51.100.10');
    await byTest(w, 'proof-start').trigger('click');
    await flushPromises();
    expect(proveCalls()).toEqual([{ checker: 'http://198.51.100.10', host: 'mynvr.ddns.net' }]);
  });

  it('an emptied name field proves the public address (no host sent)', async () => {
    const w = await mountStep();
    await byTest(w, 'proof-host').setValue('');
    await byTest(w, 'proof-start').trigger('click');
    await flushPromises();
    expect(proveCalls()).toEqual([{ checker: CHECKER }]);
  });

  it('shows the progress per port with Cancel (the keyboard on it); Cancel asks main to stop that job', async () => {
    const w = await mountStep();
    await byTest(w, 'proof-start').trigger('click');
    await flushPromises();
    api.emit('job.onProgress', { jobId: JOB, kind: 'internet-prove', done: 2, total: 7, message: 'Port 18000…' });
    await flushPromises();
    expect(byTest(w, 'proof-progress').exists()).toBe(true);
    expect(byTest(w, 'proof-message').text()).toBe('Port 18000…');
    const cancel = byTest(w, 'proof-cancel');
    expect(cancel.isVisible()).toBe(true);
    expect(document.activeElement).toBe(cancel.element);
    await cancel.trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'job.cancel').map((c) => c.input)).toEqual([{ jobId: JOB }]);
    api.emit('job.onDone', { jobId: JOB, kind: 'internet-prove', outcome: 'cancelled', error: null });
    await flushPromises();
    expect(byTest(w, 'proof-message').text()).toMatch(/stopped/);
    expect(byTest(w, 'proof-cancel').isVisible()).toBe(false);
  });

  it('a result: the reachable rule, the closed one with its cause, and an exposed forbidden port as an alert', async () => {
    const w = await mountStep();
    await proveAndAnswer(w, fakeProof({ 10443: yes(), 18000: no(30), 23: yes() }));
    const verdict = byTest(w, 'proof-verdict');
    expect(verdict.attributes('role')).toBe('alert');
    expect(verdict.text()).toContain(
      '1 planned port(s) not reachable; 1 port(s) exposed that must not be. Each port says its likely cause',
    );
    expect(byTest(w, 'proof-exposed').text()).toContain('TCP 23 (Telnet (plain-text login))');

    const reached = rowOf(w, 'proof-planned', 10443);
    expect(reached.find('[data-testid="proof-verdict-word"]').text()).toBe('reachable');
    expect(reached.attributes('data-ok')).toBe('true');
    expect(reached.text()).toContain(`${NVR}:443`);

    const closed = rowOf(w, 'proof-planned', 18000);
    expect(closed.find('[data-testid="proof-verdict-word"]').text()).toBe('closed');
    expect(closed.attributes('data-ok')).toBe('false');
    expect(closed.find('[data-testid="proof-cause"]').text()).toMatch(/no forward rule for port 18000/);
    expect(closed.find('[data-testid="proof-evidence"]').text()).toBe('the checker said not reachable after 30 ms');
    // How the app found the cause: the questions it asked itself, in order, each with where its answer came from.
    const questions = closed.findAll('[data-testid="proof-path"] [data-testid="proof-question"]').map((q) => q.text());
    expect(questions[0]).toBe(
      'Can a connection from the internet reach your router at all? Yes: the public address is on your router. (the Internet step’s last check)',
    );
    expect(questions.at(-1)).toBe(
      'How did your public address answer the checker? It refused the connection at once. (the checker’s answer)',
    );
    expect(reached.find('[data-testid="proof-path"]').exists()).toBe(false);

    const telnet = rowOf(w, 'proof-forbidden', 23);
    expect(telnet.find('[data-testid="proof-verdict-word"]').text()).toBe('exposed');
    expect(telnet.attributes('data-ok')).toBe('false');
    expect(rowOf(w, 'proof-forbidden', 21).find('[data-testid="proof-verdict-word"]').text()).toBe('not exposed');
    expect(rowOf(w, 'proof-planned', 23).exists()).toBe(false);

    expect(byTest(w, 'proof-addresses').text()).toContain(`tested ${PUBLIC}; expected ${PUBLIC}`);
    const hairpin = byTest(w, 'proof-hairpin');
    expect(hairpin.attributes('data-loops')).toBe('no');
    expect(hairpin.text()).toMatch(/fails: add the NVR a second time in the app with its LAN address/);
  });

  it('a proven result is a status, not an alert, and says so', async () => {
    const w = await mountStep();
    await proveAndAnswer(w, fakeProof({ 10443: yes(), 18000: yes() }));
    const verdict = byTest(w, 'proof-verdict');
    expect(verdict.attributes('role')).toBe('status');
    expect(verdict.text()).toContain('Proven from outside');
    expect(byTest(w, 'proof-exposed').exists()).toBe(false);
  });

  it('shows the last proof after a reload, and a newer proof from the event wins over the saved one', async () => {
    saved = fakeProof({ 10443: yes(), 18000: no(30) }, '2026-01-02T10:00:00.000Z');
    const w = await mountStep();
    expect(byTest(w, 'proof-start').text()).toBe('Prove again');
    expect(rowOf(w, 'proof-planned', 18000).find('[data-testid="proof-verdict-word"]').text()).toBe('closed');
    await proveAndAnswer(w, fakeProof({ 10443: yes(), 18000: yes() }, '2026-01-02T11:00:00.000Z'));
    expect(rowOf(w, 'proof-planned', 18000).find('[data-testid="proof-verdict-word"]').text()).toBe('reachable');
  });

  it('without a plan of router rules says “Nothing to prove” with the way to the Router rules step', async () => {
    record = fakeSetup();
    const w = await mountStep();
    const box = byTest(w, 'proof-no-plan');
    expect(box.text()).toContain('Nothing to prove yet');
    expect(box.find('a').attributes('href')).toContain('/step/rules');
  });

  it('a plan on file hides “Nothing to prove”', async () => {
    const w = await mountStep();
    expect(byTest(w, 'proof-no-plan').exists()).toBe(false);
  });
});
