// @vitest-environment happy-dom
// "Prove from outside" on the Router rules page (issue 16: no trip to the Internet page and back): once the commands
// are on show, the button starts the Internet step's own proof (its store's action: the same job, the checker and the
// DDNS name that step keeps), and the page shows its verdict in short — each planned rule reachable or not with its
// likely cause — with the way to the Internet page for the whole table. The proofs are judged by the shared domain
// main uses (judgeOutsideProof) from the plan on the page; the step's status is main's record, read again after.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { ddnsAfterAnswer, readDyndns2Answer } from '../../../../../src/shared/domain/ddns';
import type { ForwardPlan } from '../../../../../src/shared/domain/forward-plan';
import {
  judgeOutsideProof,
  proofTargets,
  type CheckerAnswer,
  type OutsideProof,
} from '../../../../../src/shared/domain/outside-proof';
import type { SetupRecord } from '../../../../../src/shared/domain/setup';
import { useInternetStore } from '../../../../../src/renderer/steps/internet/internet-store';
import { setLocale } from '../../../../../src/renderer/composables/useT';
import { formatTime } from '../../../../../src/renderer/components/step-status';
import { FORWARD_CHAINS } from '../../../../../src/shared/catalog/nft-forward-chains';
import { FORWARD_PAGES } from '../../../../../src/shared/catalog/router-forwards';
import { createTranslator } from '../../../../../src/shared/i18n';
import { EXAMPLES } from '../../../../../src/renderer/steps/rules/rules-words';
import { intlDates, pseudoChecker, wordsOf } from '../../i18n/english-on-page';
import { discoveryList, ok } from '../../fake-api';
import { REOLINK, fakePortReport, setupWithNvr } from '../../fake-ports';
import { api, mountStep, useStepHarness } from '../../mount-step';
import { fakeRules, MADE_AT, type RulesMain } from './fake-rules';

const JOB = 'job-prove-rules';
const CHECKER = 'http://198.51.100.10';
const PUBLIC = '203.0.113.2';
const DDNS_HOST = 'mynvr.ddns.net';

let setup: SetupRecord;
let saved: OutsideProof | null;
/** The Router rules step's status as main sets it after the proof (judgeRulesProven), once proven. */
let afterProof: SetupRecord['steps']['rules'] | null;

useStepHarness({
  path: '/step/rules',
  handlers: () => {
    const ddns = ddnsAfterAnswer(
      null,
      { provider: 'noip', host: DDNS_HOST, server: 'https://dynupdate.no-ip.com/nic/update', user: 'u' },
      readDyndns2Answer(200, `good ${PUBLIC}`, PUBLIC),
      new Date('2026-01-02T09:00:00.000Z'),
    );
    setup = setupWithNvr({
      approach: 'port-forwarding',
      ports: { [REOLINK.id]: { report: fakePortReport(), plan: null, lastChange: null, pending: null } },
      ddns: { hosts: [ddns], check: null },
    });
    saved = null;
    afterProof = null;
    return {
      'setup.get': () => ok({ setup, notice: null }),
      'discovery.list': () => discoveryList(),
      'internet.get': () =>
        ok({ check: null, proof: saved, history: [], servers: { stun: 'stun.example.net:3478', checker: CHECKER } }),
      'internet.prove': () => ok({ jobId: JOB }),
      'job.cancel': () => ok({ cancelled: true }),
    };
  },
});

afterEach(() => setLocale(null));

const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);
const proveCalls = () => api.calls.filter((c) => c.channel === 'internet.prove').map((c) => c.input);
const rowOf = (wrapper: VueWrapper, port: number) =>
  wrapper.find(`[data-testid="rules-proof-row"][data-port="${port}"]`);

const reached: CheckerAnswer = { ok: true, reachable: true, ms: 40, ip: PUBLIC };
const silent: CheckerAnswer = { ok: true, reachable: false, ms: 1900, ip: PUBLIC };

/** The proof of `plan` with the checker's answers per outside port (a port not given stays silent). */
function proofOf(plan: ForwardPlan, answers: Record<number, CheckerAnswer>, measuredAt = '2026-01-02T10:00:00.000Z') {
  const targets = proofTargets(plan, null);
  return judgeOutsideProof({
    targets,
    answers: new Map(targets.map((t) => [t.port, answers[t.port] ?? silent])),
    internetVerdict: 'public-on-router',
    report: null,
    mappings: null,
    checkerAddress: '198.51.100.10',
    measuredAt,
    checker: CHECKER,
    target: PUBLIC,
    name: DDNS_HOST,
    hairpin: null,
  });
}

/** The page opened (the plan made on opening) and the commands written for nftables. */
async function withCommands(): Promise<{ wrapper: VueWrapper; main: RulesMain }> {
  const main = fakeRules(api);
  const wrapper = await mountStep();
  await byTest(wrapper, 'family-nftables').setValue(true);
  await flushPromises();
  return { wrapper, main };
}

/** The proof button pressed, then main's job sends the proof and ends (the record read again after it). */
async function proveAndAnswer(wrapper: VueWrapper, proof: OutsideProof): Promise<void> {
  await byTest(wrapper, 'rules-proof-start').trigger('click');
  await flushPromises();
  if (afterProof) setup = { ...setup, steps: { ...setup.steps, rules: afterProof } };
  api.emit('internet.onProof', { jobId: JOB, proof });
  api.emit('job.onDone', { jobId: JOB, kind: 'internet-prove', outcome: 'ok', error: null });
  await flushPromises();
}

describe('Router rules step: prove from outside, from this page', () => {
  it('is offered only once the commands are on show, and reads nothing of the Internet step before', async () => {
    fakeRules(api);
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'rule-table').exists()).toBe(true);
    expect(byTest(wrapper, 'rules-proof').exists()).toBe(false);
    expect(api.count('internet.get')).toBe(0);
    await byTest(wrapper, 'family-nftables').setValue(true);
    await flushPromises();
    expect(byTest(wrapper, 'rules-proof-start').text()).toBe('Prove from outside');
    expect(api.count('internet.get')).toBe(1);
    expect(proveCalls()).toEqual([]);
  });

  it('starts the Internet step’s own proof: its store’s action, with its checker and the DDNS step’s name', async () => {
    // The store the Internet page uses, its action watched before the page renders the button.
    const internet = useInternetStore();
    const prove = vi.spyOn(internet, 'prove');
    const { wrapper } = await withCommands();
    await byTest(wrapper, 'rules-proof-start').trigger('click');
    await flushPromises();
    expect(prove).toHaveBeenCalledTimes(1);
    expect(proveCalls()).toEqual([{ checker: CHECKER, host: DDNS_HOST }]);
    expect(internet.proveJob.busy).toBe(true);
  });

  it('shows the verdict: each planned rule with its word and likely cause, and the way to the whole table', async () => {
    const { wrapper, main } = await withCommands();
    const [https, app] = main.plan!.rules.map((r) => r.externalPort) as [number, number];
    afterProof = {
      status: 'attention',
      updatedAt: '2026-01-02T10:00:01.000Z',
      reason: `Not reachable from outside: port ${app}.`,
    };
    const proof = proofOf(main.plan!, { [https]: reached });
    await proveAndAnswer(wrapper, proof);

    const verdict = byTest(wrapper, 'rules-proof-verdict');
    expect(verdict.attributes('data-code')).toBe('failed');
    expect(verdict.attributes('role')).toBe('alert');
    expect(verdict.text()).toContain(proof.verdict.title);
    expect(wrapper.findAll('[data-testid="rules-proof-row"]').map((r) => r.attributes('data-port'))).toEqual([
      String(https),
      String(app),
    ]);
    expect(rowOf(wrapper, https).attributes('data-ok')).toBe('true');
    expect(rowOf(wrapper, https).find('[data-testid="rules-proof-verdict-word"]').text()).toBe('reachable');
    const failed = proof.rows.find((r) => r.port === app)!;
    expect(rowOf(wrapper, app).attributes('data-ok')).toBe('false');
    expect(rowOf(wrapper, app).find('[data-testid="rules-proof-verdict-word"]').text()).toBe(failed.verdict);
    expect(rowOf(wrapper, app).find('[data-testid="rules-proof-cause"]').text()).toBe(failed.text);
    expect(rowOf(wrapper, app).text()).toContain(`TCP ${app} (${failed.label}):`);
    // Only the planned rules here; the ports that must stay closed are the Internet page's table.
    expect(wrapper.findAll('[data-testid="rules-proof-row"]')).toHaveLength(main.plan!.rules.length);
    // What was proven: the DDNS name's address, as the Internet page says it.
    expect(byTest(wrapper, 'rules-proof-addresses').text().replace(/\s+/g, ' ')).toBe(
      `The checker ${CHECKER} tested ${PUBLIC}; expected ${DDNS_HOST} → ${PUBLIC}. Asked ${formatTime(proof.measuredAt)}.`,
    );
    const more = byTest(wrapper, 'rules-proof-more');
    expect(more.find('a').attributes('href')).toContain('/step/internet');
    // The step's status follows main's record, read again after the proof.
    expect(byTest(wrapper, 'verify-status').text()).toMatch(/attention/i);
    expect(byTest(wrapper, 'rules-proof-start').text()).toBe('Prove again');
  });

  it('a proven result is a status, not an alert', async () => {
    const { wrapper, main } = await withCommands();
    const all = Object.fromEntries(main.plan!.rules.map((r) => [r.externalPort, reached]));
    afterProof = { status: 'verified', updatedAt: '2026-01-02T10:00:01.000Z' };
    await proveAndAnswer(wrapper, proofOf(main.plan!, all));
    const verdict = byTest(wrapper, 'rules-proof-verdict');
    expect(verdict.attributes('role')).toBe('status');
    expect(verdict.text()).toContain('Proven from outside');
    expect(byTest(wrapper, 'verify-status').text()).toMatch(/verified/i);
  });

  it('shows the last proof main kept, with when it was made', async () => {
    const main = fakeRules(api);
    const wrapper = await mountStep();
    saved = proofOf(main.plan!, {}, '2026-01-02T08:00:00.000Z');
    await byTest(wrapper, 'family-nftables').setValue(true);
    await flushPromises();
    expect(byTest(wrapper, 'rules-proof-start').text()).toBe('Prove again');
    expect(byTest(wrapper, 'rules-proof-addresses').find('time').attributes('datetime')).toBe(
      '2026-01-02T08:00:00.000Z',
    );
    expect(wrapper.findAll('[data-testid="rules-proof-row"]')).toHaveLength(main.plan!.rules.length);
  });

  it('progress with Cancel while proving; Cancel asks main to stop the same job', async () => {
    const { wrapper } = await withCommands();
    await byTest(wrapper, 'rules-proof-start').trigger('click');
    await flushPromises();
    api.emit('job.onProgress', { jobId: JOB, kind: 'internet-prove', done: 1, total: 8, message: 'Port 10443…' });
    await flushPromises();
    expect(byTest(wrapper, 'rules-proof-message').text()).toBe('Port 10443…');
    await byTest(wrapper, 'rules-proof-cancel').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'job.cancel').map((c) => c.input)).toEqual([{ jobId: JOB }]);
  });
});

describe('Router rules step: the proof part in the pseudo locale', () => {
  it('says no English of its own: the button, the verdict’s frame, each rule’s line and the way to the Internet page', async () => {
    setLocale('en-XA');
    const PROVEN_AT = '2026-01-02T10:00:00.000Z';
    const check = pseudoChecker({ intl: intlDates(MADE_AT.toISOString(), fakePortReport().measuredAt, PROVEN_AT) });
    const { wrapper, main } = await withCommands();
    const https = main.plan!.rules[0]!.externalPort;
    const proof = proofOf(main.plan!, { [https]: reached }, PROVEN_AT);
    await proveAndAnswer(wrapper, proof);
    expect(byTest(wrapper, 'rules-proof-start').text()).toBe(createTranslator('en-XA').t('rules.proof.again'));
    expect(wrapper.findAll('[data-testid="rules-proof-row"]')).toHaveLength(main.plan!.rules.length);
    const plan = main.plan!;
    check.expectOnlyKnownEnglish({
      said: [
        ...plan.rules.flatMap((r) => [r.name, r.why]),
        ...plan.notes.map((n) => n.text),
        byTest(wrapper, 'commands-text').text(),
        proof.verdict.title,
        proof.verdict.advice,
        ...proof.rows.flatMap((r) => [r.text, r.label, r.verdict]),
        // Data: the checker, the address it tested and the DDNS name.
        CHECKER,
        PUBLIC,
        DDNS_HOST,
      ],
      words: wordsOf([
        REOLINK,
        fakePortReport(),
        FORWARD_PAGES.map((p) => p.family),
        FORWARD_CHAINS.map((c) => c.chain),
        EXAMPLES,
        ['TCP', 'UDP'],
      ]),
    });
  });
});
