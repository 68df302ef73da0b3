// @vitest-environment happy-dom
// The Ports step in the pseudo locale (en-XA): every word the step's own files say (its pages, the ports components,
// port-labels.ts, the ports store's messages) must come out accented, so a string that was never converted shows up
// here as plain English. What is still English on the page comes from files not converted yet (the step frame, the
// shared components, the step titles, the time format) or is main's (what it measured, proposed and said): both are
// named below, and a name no longer seen fails the test so the lists only shrink. The fakes' sentences are main's
// English alone; main's own words said by key (a port's recommendation, the plan's why and problems, the RTSP advice)
// are said in en-XA, which the test on a measured report and its plan checks.
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { formatTime } from '../../../../src/renderer/components/step-status';
import { createTranslator, en } from '../../../../src/shared/i18n';
import { ROLE_LABELS } from '../../../../src/shared/catalog/ports';
import type { PortApplyResult, PortPendingChange, PortPlan, PortReport } from '../../../../src/shared/domain/ports';
import { APPLY_JOB, REOLINK, fakeApplyResult, fakePortPlan, fakePortReport, fakePorts, portsPage } from '../fake-ports';
import { applyAndConfirm } from '../steps/ports/ports-page';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, mountStep, useStepHarness } from '../mount-step';
import { intlDates, pseudoChecker, wordsOf } from './english-on-page';

const MEASURED = fakePortReport().measuredAt;
const CHANGED = fakeApplyResult().at;
const STARTED = '2025-03-01T12:04:00.000Z';

/** The NVR refused HTTP and RTSP together; the app put both back. */
const refusedTogether = (): PortApplyResult =>
  fakeApplyResult({
    outcome: 'restored',
    message: 'The NVR refused the new ports (it answered with an error). The app put the previous ports back.',
    onvifUrl: null,
    changes: [
      { role: 'http', from: 80, to: 12080, verified: false, evidence: 'refused' },
      { role: 'rtsp', from: 554, to: 10554, verified: false, evidence: 'refused' },
    ],
  });

const pending = (): PortPendingChange => ({
  changes: [
    { role: 'http', from: 80, to: 12080 },
    { role: 'rtsp', from: 554, to: 10554 },
  ],
  onvifUrl: REOLINK.onvifUrl!,
  newOnvifUrl: REOLINK.onvifUrl!,
  startedAt: STARTED,
});

/** Main's plan with the maker's steps backed by sources, and a port the maker wants the same inside and out. */
function planWithSources(): PortPlan {
  const plan = fakePortPlan();
  plan.proposal[3] = { ...plan.proposal[3]!, samePort: 'required-by-vendor' };
  plan.manualSteps = [
    {
      ...plan.manualSteps[0]!,
      sources: [
        {
          title: 'Reolink NVR manual, p. 12',
          confidence: 'H',
          supports: 'the menu path',
          url: 'https://reolink.example/m.pdf',
        },
        { title: 'An installer’s forum post', confidence: 'L', supports: 'the same-port rule' },
      ],
    },
  ];
  return plan;
}

/**
 * What main said in these states (its words, not the page's): every sentence of the report, the plan, the change
 * and the manual steps the fakes hold. Taken out of a text before it is judged.
 */
function mainSays(): string[] {
  const said = new Set<string>();
  const sentences = new Set(['purpose', 'recommendation', 'reasons', 'why', 'message', 'steps', 'rtspAdvice']);
  const more = new Set(['evidence', 'supports', 'title']);
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string') {
      if (sentences.has(key) || more.has(key)) said.add(value);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk([fakePortReport(), fakePortPlan({ http: 8080, https: 80 }), planWithSources(), fakeApplyResult()]);
  walk([refusedTogether()]);
  return [...said].sort((a, b) => b.length - a.length);
}

/** Not a file's: Intl has no month names for en-XA, so a date is written as English writes it (step-status.ts). */
const check = pseudoChecker({ intl: intlDates(MEASURED, CHANGED, STARTED) });

/** Main's sentences, and data: the NVR's name, addresses, products, what it answered, the sources' addresses. */
function notThePages() {
  // The protocols' names as ONVIF gives them, and the transports the plan shows (TCP, UDP).
  const words = wordsOf([
    REOLINK,
    fakePortReport().rows.map((r) => [r.product, r.vendor]),
    planWithSources().manualSteps.map((m) => m.sources?.map((source) => source.url)),
    'HTTP HTTPS RTSP TCP UDP',
  ]);
  return { said: mainSays(), words };
}

const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);
const pseudo = () => createTranslator('en-XA');

async function edit(wrapper: VueWrapper, role: string, value: string): Promise<void> {
  const input = byTest(wrapper, `plan-input-${role}`);
  await input.setValue(value);
  await input.trigger('change');
  await flushPromises();
}

async function openDetails(wrapper: VueWrapper): Promise<void> {
  for (const toggle of wrapper.findAll('[data-testid="port-details-toggle"]')) await toggle.trigger('click');
  await flushPromises();
}

let remembered = true;
useStepHarness(portsPage(() => remembered));

afterEach(() => {
  setLocale(null);
  remembered = true;
});

describe('the Ports step in the pseudo locale: no string of its own is left in English', () => {
  it('the ports checked, the table with its details, the plan, a verified change and putting it back asked', async () => {
    setLocale('en-XA');
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan(), lastChange: fakeApplyResult() });
    const wrapper = await mountStep();
    await openDetails(wrapper);
    await byTest(wrapper, 'revert').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'revert-confirm').exists()).toBe(true);
    expect(byTest(wrapper, 'change-result').exists()).toBe(true);
    expect(byTest(wrapper, 'manual-steps').exists()).toBe(true);
    check.expectOnlyKnownEnglish(notThePages());
    // And it is the pseudo text, not an empty page: the summary's plural forms with their numbers.
    const t = pseudo().t;
    expect(byTest(wrapper, 'ports-summary').text()).toBe(
      [
        t('ports.audit.summary.open', { count: 6 }),
        t('ports.audit.summary.risky', { count: 5 }),
        t('ports.audit.summary.factory', { count: 5 }),
        t('ports.audit.summary.plainText', { count: 4 }),
      ].join(' '),
    );
    expect(byTest(wrapper, 'change-outcome').text()).toBe(t('ports.result.outcome.verified'));
  });

  it('a change that never finished, problems in the typed ports, the maker’s steps with sources, a copy refused', async () => {
    setLocale('en-XA');
    fakePorts(api, { report: fakePortReport({ onvifProtocols: null }), plan: planWithSources(), pending: pending() });
    const wrapper = await mountStep();
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('refused')) },
      configurable: true,
    });
    (document as { execCommand?: unknown }).execCommand = () => false;
    await wrapper.findAll('.manual-steps__copy')[0]!.trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'ports-pending').exists()).toBe(true);
    expect(byTest(wrapper, 'apply-blocked').text()).toBe(pseudo().t('ports.apply.blocked.pending'));
    expect(byTest(wrapper, 'manual-sources').exists()).toBe(true);
    expect(byTest(wrapper, 'manual-copied').text()).toContain('Open the NVR’s web page and log in as admin.');
    check.expectOnlyKnownEnglish(notThePages());
    // Main checks the edits (its plan comes back without the sources): a port it refuses, and one not a number.
    await edit(wrapper, 'https', '80');
    await edit(wrapper, 'rtsp', 'abc');
    expect(byTest(wrapper, 'plan-input-problem-rtsp').text()).toBe(pseudo().t('ports.plan.wholeNumber'));
    expect(wrapper.find('[data-severity="error"]').exists()).toBe(true);
    check.expectOnlyKnownEnglish(notThePages());
  });

  it('the NVR refused the ports together (move each alone offered), Apply asked with a warning', async () => {
    setLocale('en-XA');
    fakePorts(api, {
      report: fakePortReport({
        full: true,
        undeclaredOpen: [23, 2323],
        declaredButClosed: [],
        onvifProtocols: [
          { name: 'HTTP', enabled: true, ports: [80, 8080] },
          { name: 'HTTPS', enabled: true, ports: [] },
          { name: 'RTSP', enabled: false, ports: [] },
        ],
      }),
      plan: fakePortPlan(),
      lastChange: refusedTogether(),
    });
    const wrapper = await mountStep();
    await edit(wrapper, 'http', '8080');
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'each-alone').exists()).toBe(true);
    expect(byTest(wrapper, 'apply-confirm').exists()).toBe(true);
    check.expectOnlyKnownEnglish(notThePages());
  });

  it('before any check', async () => {
    setLocale('en-XA');
    fakePorts(api);
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'todo-needs-audit').exists()).toBe(true);
    check.expectOnlyKnownEnglish(notThePages());
  });

  it('the change running, then its measurement stopped (a notice)', async () => {
    setLocale('en-XA');
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const wrapper = await mountStep();
    await applyAndConfirm(wrapper);
    expect(byTest(wrapper, 'apply-progress').exists()).toBe(true);
    check.expectOnlyKnownEnglish(notThePages());
    api.emit('ports.onApplied', { jobId: APPLY_JOB, result: fakeApplyResult() });
    api.emit('job.onDone', { jobId: APPLY_JOB, kind: 'ports-apply', outcome: 'cancelled', error: null });
    await flushPromises();
    expect(byTest(wrapper, 'apply-message').text()).toBe(pseudo().t('ports.apply.measurementStopped'));
    check.expectOnlyKnownEnglish(notThePages());
  });

  it('the login asked before the change, with the ports it would move', async () => {
    setLocale('en-XA');
    remembered = false;
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const wrapper = await mountStep();
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'login-changes').exists()).toBe(true);
    check.expectOnlyKnownEnglish(notThePages());
  });

  it('main’s words said by key (a measured report, its plan with edits): said in en-XA, not in main’s English', async () => {
    setLocale('en-XA');
    // Main's own rules on a measured NVR (the fake recorder's ports) and its plan with two edits, given to the page as
    // the Reolink's: made by main's rules, read from the fixture tests/unit/services/ports/ports-words-fixture.test.ts
    // holds to them (this project's types cannot load main's files).
    const made = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/ports/measured-plan.json'), 'utf8')) as {
      report: PortReport;
      plan: PortPlan;
    };
    const report = { ...made.report, deviceId: REOLINK.id, measuredAt: MEASURED };
    const plan = { ...made.plan, deviceId: REOLINK.id };
    fakePorts(api, { report, plan });
    const wrapper = await mountStep();
    await openDetails(wrapper);
    const saidByKey = [
      ...report.rows.map((r) => r.recommendation),
      ...report.rows.flatMap((r) => r.risk.reasons.filter((_, n) => r.said?.reasons?.[n])),
      ...report.rows.filter((r) => r.said?.purpose).map((r) => r.purpose),
      ...plan.proposal.map((p) => p.why),
      ...plan.problems.map((p) => p.message),
      plan.rtspAdvice,
    ];
    expect(plan.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['commonly-scanned', 'well-known', 'vendor-default']),
    );
    const page = wrapper.text();
    for (const english of saidByKey) expect(page).not.toContain(english);
    const t = pseudo().t;
    const http = t('ports.role.http');
    expect(page).toContain(t('ports.said.advice.httpDefault'));
    expect(page).toContain(t('ports.said.why.youMove', { role: http, from: '80', to: '8080' }));
    expect(page).toContain(t('ports.said.problem.commonlyScanned', { role: http, port: '8080' }));
    expect(byTest(wrapper, 'rtsp-advice').text()).toContain(t('ports.said.rtspAdvice.text'));
    // The maker's steps (a Hikvision's SDK port): said by key, the menu path as the NVR's page shows it, a value.
    const steps = byTest(wrapper, 'manual-steps').text();
    for (const step of plan.manualSteps.flatMap((m) => m.steps)) expect(steps).not.toContain(step);
    expect(steps).toContain(t('ports.said.manual.open.nvr'));
    expect(steps).toContain(
      t('ports.said.manual.where.hikvision', { path: 'Configuration › Network › Basic Settings › Port' }),
    );
    const internal = String(plan.proposal.find((p) => p.role === 'sdk')!.internal);
    expect(steps).toContain(
      t('ports.said.manual.set', {
        field: t('ports.said.manual.field.hikvisionSdk'),
        port: internal,
        label: t('ports.role.sdk'),
      }),
    );
    expect(steps).toContain(t('ports.said.manual.recheck'));
    // What each port is for, the port catalogue's words about the maker's ports among them, is said by key on every
    // row: in en-XA on the page, never main's English.
    expect(report.rows.filter((r) => !r.said?.purpose).map((r) => r.port)).toEqual([]);
    expect(report.rows.flatMap((r) => r.said?.purpose ?? []).map((p) => p.key)).toEqual(
      expect.arrayContaining(['ports.purposes.hikvision.sdk8000', 'ports.purposes.hikvision.rtsp554']),
    );
    expect(page).toContain(t('ports.purposes.hikvision.sdk8000'));
    expect(page).toContain(t('ports.purposes.hikvision.rtsp554'));
    expect(page).not.toContain(en.ports.purposes.hikvision.sdk8000);
    // What stays English is the catalogue's own risk reasons about the maker's ports, the identification's evidence
    // and the maker's steps' sources (evidence): main's data, not said by key. A port's purpose is not among them.
    const english = new Set<string>();
    for (const r of report.rows) {
      r.risk.reasons.forEach((reason, n) => {
        if (!r.said?.reasons?.[n]) english.add(reason);
      });
      r.evidence.forEach((e) => english.add(e));
    }
    for (const m of plan.manualSteps) {
      m.sources?.forEach((source) => [source.title, source.supports].forEach((w) => english.add(w)));
    }
    const words = wordsOf([
      REOLINK,
      report.rows.map((r) => [r.product, r.vendor]),
      plan.manualSteps.map((m) => m.sources?.map((source) => source.url)),
      'HTTP HTTPS RTSP TCP UDP',
      // The values main's words came with (the brands of a factory port: the catalogue names the brand-independent
      // services "any brand" among them).
      plan.problems.map((p) => Object.values(p.said?.params ?? {}).filter((v) => typeof v === 'string')),
      // The menu path of the maker's steps, as the NVR's page shows it (a value of the said words).
      plan.manualSteps.map((m) =>
        m.said?.map((w) => Object.values(w.params ?? {}).filter((v) => typeof v === 'string')),
      ),
    ]);
    check.expectOnlyKnownEnglish({ said: [...english].sort((a, b) => b.length - a.length), words });
  });

  it('the English named as not converted yet was all seen (a file converted since must leave the list)', () => {
    expect(check.unseen()).toEqual([]);
  });
});

describe('the Ports step in English: the words are the ones it had', () => {
  it('the ports’ names are the shared catalogue’s, which main’s messages use', () => {
    expect(en.ports.role).toEqual(ROLE_LABELS);
  });

  it('sentences with markup inside read as one sentence each, spaces and all', async () => {
    fakePorts(api, {
      report: fakePortReport(),
      plan: planWithSources(),
      lastChange: fakeApplyResult(),
      pending: pending(),
    });
    const wrapper = await mountStep();
    const text = (id: string) => byTest(wrapper, id).text().replace(/\s+/g, ' ');
    expect(text('ports-pending')).toBe(
      `A port change did not finish. The app stopped while it was moving Web page (HTTP) from 80 to 12080, Video streams (RTSP) from 554 to 10554 (started ${formatTime(STARTED)}). Press “Check the ports again”: the app first finds where the NVR answers now, then measures as usual.`,
    );
    expect(wrapper.find('.change-result__url').text()).toBe(`The app now reaches the NVR at ${REOLINK.onvifUrl}.`);
    expect(wrapper.find('.manual-steps__value').text()).toContain('From 9000 to 19000');
    // (The source's address follows on a line of its own.)
    expect(byTest(wrapper, 'manual-source').text().replace(/\s+/g, ' ')).toContain(
      'Reolink NVR manual, p. 12 (the maker’s own document): the menu path.',
    );
    expect(text('onvif-protocols')).toBe('The NVR’s ONVIF settings say: HTTP 80; HTTPS 443; RTSP 554.');
  });
});
