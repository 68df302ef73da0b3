// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { fakeSetup, ok } from '../../fake-api';
import { buildChecklist } from '../../../../../src/shared/domain/checklist';
import { api, mountStep, useStepHarness } from '../../mount-step';
import type { VerifyResult } from '../../../../../src/shared/domain/verify';
import { CRON_LINE } from '../../../../../src/renderer/steps/verify/verify-words';
import { VERIFIED_AT, VERIFY_JOB, verification, verifyHandlers } from './fake-verify';

// The Verify page (issue 13 item 7): main's result, as domain/verify shapes it, shown check by check.

const JOB = VERIFY_JOB;

let last: VerifyResult | null;
useStepHarness({
  path: '/step/verify',
  handlers: () => {
    last = null;
    return {
      ...verifyHandlers(() => last),
      'checklist.get': () =>
        ok({
          checklist: buildChecklist(fakeSetup(), { madeAt: VERIFIED_AT, appVersion: '1.0.0' }),
          lastExport: null,
          current: false,
        }),
      'checklist.export': () =>
        ok({
          fileName: 'nvr-checklist-2026-04-01.pdf',
          mediaType: 'application/pdf',
          base64: Buffer.from('%PDF-1.7 fake').toString('base64'),
          bytes: 13,
          export: { at: VERIFIED_AT, format: 'pdf', paper: 'a4', digest: 'a'.repeat(64) },
        }),
    };
  },
});
afterEach(() => vi.restoreAllMocks());

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);
const runCalls = () => api.calls.filter((c) => c.channel === 'verify.run');
const line = (w: VueWrapper, check: string) => w.find(`[data-testid="verify-check"][data-check="${check}"]`);

describe('Verify step', () => {
  it('contacts nothing on opening without a chosen NVR; says it is not verified yet, and offers the cron line and the systemd timer', async () => {
    const w = await mountStep();
    expect(runCalls()).toEqual([]);
    expect(byTest(w, 'verify-none').text()).toContain('Re-check everything');
    expect(byTest(w, 'verify-start').text()).toBe('Re-check everything');
    expect(byTest(w, 'verify-cron-text').text()).toBe(CRON_LINE);
    expect(byTest(w, 'verify-timer-text').text()).toContain('ExecStart=/usr/bin/env nvr-assist verify');
    expect(byTest(w, 'verify-timer-enable').text()).toContain('systemctl --user enable --now nvr-assist-verify.timer');
  });

  it('Re-check everything starts main’s job; progress with Cancel (the keyboard on it); Cancel stops that job', async () => {
    const w = await mountStep();
    await byTest(w, 'verify-start').trigger('click');
    await flushPromises();
    expect(runCalls().map((c) => c.input)).toEqual([{}]);
    api.emit('job.onProgress', {
      jobId: JOB,
      kind: 'verify-run',
      done: 2,
      total: 5,
      message: 'Reading the public address…',
    });
    await flushPromises();
    expect(byTest(w, 'verify-progress').exists()).toBe(true);
    expect(byTest(w, 'verify-message').text()).toBe('Reading the public address…');
    const cancel = byTest(w, 'verify-cancel');
    expect(cancel.isVisible()).toBe(true);
    expect(document.activeElement).toBe(cancel.element);
    await cancel.trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'job.cancel').map((c) => c.input)).toEqual([{ jobId: JOB }]);
    // main answered the cancel, the job has not ended yet: its button is still busy, the keyboard waits on Cancel.
    expect(byTest(w, 'verify-start').attributes('disabled')).toBeDefined();
    expect(document.activeElement).not.toBe(byTest(w, 'verify-start').element);
    api.emit('job.onDone', { jobId: JOB, kind: 'verify-run', outcome: 'cancelled', error: null });
    await flushPromises();
    expect(byTest(w, 'verify-message').text()).toMatch(/Stopped: nothing was kept/);
    // The job ended: the keyboard is back on the button that started it.
    expect(document.activeElement).toBe(byTest(w, 'verify-start').element);
  });

  it('a result with drift: an alert, each check’s line, the change from → to and what to do', async () => {
    const w = await mountStep();
    await byTest(w, 'verify-start').trigger('click');
    await flushPromises();
    const result = verification(true);
    api.emit('verify.onResult', { jobId: JOB, result });
    api.emit('job.onDone', { jobId: JOB, kind: 'verify-run', outcome: 'ok', error: null });
    await flushPromises();
    const outcome = byTest(w, 'verify-outcome');
    expect(outcome.attributes('role')).toBe('alert');
    expect(outcome.text()).toContain('Something changed');
    expect(w.findAll('[data-testid="verify-check"]').map((l) => l.attributes('data-state'))).toEqual([
      'ok',
      'ok',
      'ok',
      'drift',
      'ok',
      'ok',
    ]);
    const pub = line(w, 'public');
    expect(pub.find('[data-testid="verify-changes"]').text()).toBe('Public address: 203.0.113.7 → 203.0.113.99');
    expect(pub.find('[data-testid="verify-todo"]').text()).toContain('DDNS name must follow');
    expect(line(w, 'address').find('[data-testid="verify-todo"]').exists()).toBe(false);
  });

  it('shows the saved verification after a reload: no drift is a status, not an alert', async () => {
    last = verification();
    const w = await mountStep();
    const outcome = byTest(w, 'verify-outcome');
    expect(outcome.attributes('role')).toBe('status');
    expect(outcome.attributes('data-outcome')).toBe('no-drift');
    expect(line(w, 'upnp').text()).toContain('UPnP mappings: as saved.');
  });

  it('no drift: the checklist to keep, downloaded here in one click (main makes the A4 PDF in the page’s language); drift: not offered', async () => {
    last = verification();
    const saved: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:test/0');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const w = await mountStep();
    const handOver = byTest(w, 'verify-hand-over');
    expect(handOver.find('h3').text()).toBe('Keep the checklist');
    expect(byTest(w, 'verify-checklist-step').attributes('href')).toBe('/step/checklist');
    expect(api.count('checklist.export')).toBe(0);
    await byTest(w, 'verify-checklist-download').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'checklist.export').map((c) => c.input)).toEqual([
      { format: 'pdf', paper: 'a4', locale: 'en' },
    ]);
    expect(saved).toEqual(['nvr-checklist-2026-04-01.pdf']);
    expect(byTest(w, 'verify-checklist-saved').text()).toBe('Saved as nvr-checklist-2026-04-01.pdf.');

    last = verification(true);
    const drifted = await mountStep();
    expect(byTest(drifted, 'verify-outcome').attributes('data-outcome')).toBe('drift');
    expect(byTest(drifted, 'verify-hand-over').exists()).toBe(false);
  });
});
