// @vitest-environment happy-dom
// The Verify step in the pseudo locale (en-XA): every word the step's own files say must come out accented, so a
// string that was never converted shows up here as plain English. What is still English on the page comes from files
// not converted yet (the step frame, shared components, the step titles, the time format) or is data (main's progress,
// the cron line and the systemd units, commands, the values in main's checks): both are named below, and a name no
// longer seen fails the test so the lists only shrink. main's checks are said by key: in en-XA, never main's English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { createTranslator } from '../../../../src/shared/i18n';
import { sayIn, type Said } from '../../../../src/shared/i18n/said';
import type { VerifyResult } from '../../../../src/shared/domain/verify';
import {
  CRON_LINE,
  KEEP_COMMANDS,
  SYSTEMD_ENABLE,
  SYSTEMD_JOURNAL,
  SYSTEMD_UNITS,
} from '../../../../src/renderer/steps/verify/verify-words';
import { ok } from '../fake-api';
import type { EventPayload } from '../../../../src/shared/ipc/contract';
import { api, mountStep, useStepHarness } from '../mount-step';
import {
  VERIFIED_AT,
  VERIFY_JOB,
  judgedVerification,
  setupWithNvr,
  verification,
  verifyHandlers,
} from '../steps/verify/fake-verify';
import { intlDates, pseudoChecker, stringsOf } from './english-on-page';

const JOB = VERIFY_JOB;
const AT = VERIFIED_AT;
/** A verification where the public address moved (drift) and the DDNS name could not be checked. */
function drift(): VerifyResult {
  const v = verification(true);
  v.checks[4] = { ...v.checks[4]!, state: 'not-checked', text: 'No DDNS name was set up.', why: 'nothing-saved' };
  return v;
}
const PROGRESS = 'Reading the public address…';

/** What main said (its checks, its progress) and the commands and unit files: data, not the page's words. */
const DATA = [
  ...stringsOf(drift()),
  PROGRESS,
  CRON_LINE,
  SYSTEMD_UNITS,
  SYSTEMD_ENABLE,
  SYSTEMD_JOURNAL,
  ...Object.values(KEEP_COMMANDS),
];

/** Intl's date: the only English on this page that is not main's or data. */
const guard = pseudoChecker({ intl: intlDates(AT) });

useStepHarness({
  path: '/step/verify',
  handlers: () => verifyHandlers(drift),
});

afterEach(() => setLocale(null));

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);

/** What the page shows as it came in a result made by the rules: the values in what was said by key, the rest whole. */
function valuesOf(r: VerifyResult): string[] {
  const values = (said: Said) => Object.values(said.params ?? {}).filter((v): v is string => typeof v === 'string');
  const shown = (said: Said | undefined, text: string) => (said ? values(said) : [text]);
  return r.checks.flatMap((c) => [
    ...shown(c.titleSaid, c.title),
    ...shown(c.said, c.text),
    ...(c.todo === null ? [] : shown(c.todoSaid, c.todo)),
    ...c.changes.flatMap((ch) => [
      ...shown(ch.said?.what, ch.what),
      ...shown(ch.said?.from, ch.from),
      ...shown(ch.said?.to, ch.to),
    ]),
  ]);
}

describe('the Verify step in the pseudo locale: no string of its own is left in English', () => {
  it('a saved drift (a change, what to do, a check not made), re-checking with its progress, a line copied', async () => {
    setLocale('en-XA');
    const w = await mountStep();
    await byTest(w, 'verify-cron-copy').trigger('click');
    await byTest(w, 'verify-start').trigger('click');
    await flushPromises();
    api.emit('job.onProgress', { jobId: JOB, kind: 'verify-run', done: 2, total: 5, message: PROGRESS });
    await flushPromises();
    for (const id of ['verify-outcome', 'verify-changes', 'verify-todo', 'verify-progress', 'verify-cancel'])
      expect(byTest(w, id).exists(), id).toBe(true);
    guard.expectOnlyKnownEnglish({ said: DATA });
    // And it is the pseudo text, not an empty page.
    expect(byTest(w, 'verify-start').text()).toBe(createTranslator('en-XA').t('verify.running'));
  });

  it('not verified yet, and a re-check stopped', async () => {
    setLocale('en-XA');
    api.handlers['verify.get'] = () => ok({ last: null });
    const w = await mountStep();
    await byTest(w, 'verify-start').trigger('click');
    await flushPromises();
    await byTest(w, 'verify-cancel').trigger('click');
    api.emit('job.onDone', { jobId: JOB, kind: 'verify-run', outcome: 'cancelled', error: null });
    await flushPromises();
    expect(byTest(w, 'verify-none').exists()).toBe(true);
    expect(byTest(w, 'verify-message').text()).toBe(createTranslator('en-XA').t('verify.stopped'));
    guard.expectOnlyKnownEnglish({ said: DATA });
  });

  it('never verified, an NVR chosen: the re-check the first visit starts by itself is said so', async () => {
    setLocale('en-XA');
    api.handlers['setup.get'] = () => ok({ setup: setupWithNvr(), notice: null });
    api.handlers['verify.get'] = () => ok({ last: null });
    const w = await mountStep();
    expect(byTest(w, 'first-visit').exists()).toBe(true);
    expect(byTest(w, 'verify-progress').exists()).toBe(true);
    guard.expectOnlyKnownEnglish({ said: DATA });
  });

  it('main’s own checks (the rules’ result: drift, its changes, what to do, checks with nothing saved) say their words in en-XA', async () => {
    setLocale('en-XA');
    const real = judgedVerification();
    api.handlers['verify.get'] = () => ok({ last: real });
    const w = await mountStep();
    const pseudo = createTranslator('en-XA');
    const items = w.findAll('[data-testid="verify-check"]');
    expect(items).toHaveLength(real.checks.length);
    expect(items.map((i) => i.find('.verify-checks__text').text())).toEqual(
      real.checks.map((c) => sayIn(pseudo, c.said, c.text)),
    );
    expect(items.map((i) => i.find('.verify-checks__head strong').text())).toEqual(
      real.checks.map((c) => pseudo.t(`verify.said.title.${c.check}`)),
    );
    const address = real.checks.find((c) => c.check === 'address')!;
    expect(items[0]!.find('[data-testid="verify-todo"]').text()).toContain(
      pseudo.t('verify.said.address.otherDeviceTodo'),
    );
    expect(items[0]!.find('[data-testid="verify-changes"]').text()).toContain(
      pseudo.t('verify.said.change.macAt', { address: '192.168.1.66' }),
    );
    // main's English sentences, beside the keys: none is on the page.
    const page = w.text();
    const english = real.checks.flatMap((c) => [
      c.title,
      ...(c.said ? [c.text] : []),
      ...(c.todoSaid ? [c.todo!] : []),
      ...c.changes.flatMap((ch) => (ch.said?.what ? [ch.what] : [])),
    ]);
    expect(english).toContain(address.text);
    expect(english.length).toBeGreaterThan(10);
    expect(real.outcome).toBe('drift');
    for (const sentence of english) expect(page).not.toContain(sentence);
    guard.expectOnlyKnownEnglish({ said: [...valuesOf(real), ...DATA] });
  });

  it('re-checking: main’s progress lines (the real run’s, through main’s job runner) in en-XA, never its English', async () => {
    // What main's real run sends (the fixture held to it by tests/unit/cli/progress-line-steps.test.ts).
    const { verify: lines } = JSON.parse(
      readFileSync(join(__dirname, '../../../fixtures/progress/steps.json'), 'utf8'),
    ) as Record<'portsAudit' | 'portsEach' | 'verify', Array<EventPayload<'job.onProgress'>>>;
    expect(lines).toHaveLength(4);
    expect(lines[0]!.jobId).toBe(JOB);
    setLocale('en-XA');
    const pseudo = createTranslator('en-XA');
    const w = await mountStep();
    await byTest(w, 'verify-start').trigger('click');
    await flushPromises();
    for (const line of lines) {
      api.emit('job.onProgress', line);
      await flushPromises();
      expect(byTest(w, 'verify-message').text()).toBe(sayIn(pseudo, line.said, ''));
      expect(w.text()).not.toContain(line.message);
      guard.expectOnlyKnownEnglish({ said: DATA.filter((d) => d !== PROGRESS) });
    }
  });

  it('the English named as not converted yet was all seen (a file converted since must leave the list)', () => {
    expect(guard.unseen()).toEqual([]);
  });
});

describe('the Verify step in English: sentences with markup inside stay whole, spaces and all', () => {
  it('how to keep it checked, and a change from → to', async () => {
    const w = await mountStep();
    const text = (id: string) => byTest(w, id).text().replace(/\s+/g, ' ');
    expect(w.find('.verify-keep').text().replace(/\s+/g, ' ')).toContain(
      'nvr-assist verify runs the same checks without a window: exit code 0 when nothing drifted, 3 on drift, 1 when a check could not run. Let this computer run it every day (npm link once puts nvr-assist on your PATH).',
    );
    expect(text('verify-timer-enable')).toBe(
      `Save the two units in ~/.config/systemd/user/, then turn the timer on with ${SYSTEMD_ENABLE}; what it found is in ${SYSTEMD_JOURNAL} (a drift fails the unit, so systemctl --user --failed shows it).`,
    );
    expect(text('verify-outcome')).toBe(
      'Something changed. Each change below says what it was, what it is now and what to do.',
    );
  });
});
