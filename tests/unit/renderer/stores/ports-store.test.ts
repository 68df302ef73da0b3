// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { parsePortText, usePortsStore } from '../../../../src/renderer/stores/ports';
import { useSetupStore } from '../../../../src/renderer/stores/setup';
import { createFakeApi, fakeSetup, ok, type FakeApi } from '../fake-api';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { useJob } from '../../../../src/renderer/composables/useJob';
import { createTranslator } from '../../../../src/shared/i18n';
import { sayIn } from '../../../../src/shared/i18n/said';
import type { EventPayload } from '../../../../src/shared/ipc/contract';
import {
  APPLY_JOB,
  AUDIT_JOB,
  REOLINK,
  fakeApplyResult,
  fakePortPlan,
  fakePortReport,
  fakePorts,
  loginNeeded,
  setupWithNvr,
} from '../fake-ports';

let api: FakeApi;

beforeEach(async () => {
  setActivePinia(createPinia());
  api = createFakeApi({ 'setup.get': () => ok({ setup: setupWithNvr(), notice: null }) });
  window.api = api;
  await useSetupStore().load();
});
afterEach(() => {
  delete window.api;
});

describe('usePortsStore', () => {
  it('reads what main saved for the chosen NVR; without an NVR it asks nothing', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan(), lastChange: fakeApplyResult() });
    const ports = usePortsStore();
    await ports.openStep();
    expect(ports.loadedFor).toBe(REOLINK.id);
    expect(ports.report?.rows).toHaveLength(7);
    expect(ports.plan?.proposal).toHaveLength(4);
    expect(ports.lastChange?.outcome).toBe('verified');

    useSetupStore().applyRecord(fakeSetup({ updatedAt: '2025-03-02T00:00:00.000Z' }));
    expect(await ports.load()).toBe(false);
    expect(ports.report).toBeNull();
    expect(api.count('ports.get')).toBe(1);
  });

  it('takes its audit’s events that arrive before main’s answer, and ignores other jobs', async () => {
    fakePorts(api);
    let answer: (v: unknown) => void = () => undefined;
    api.handlers['ports.audit'] = () => new Promise((resolve) => (answer = resolve));
    const ports = usePortsStore();
    await ports.openStep();
    const started = ports.audit();
    await flushPromises();
    api.emit('job.onProgress', { jobId: AUDIT_JOB, kind: 'ports-audit', done: 1, total: 5, message: 'early' });
    api.emit('ports.onReport', { jobId: 'job-someone-else', report: fakePortReport({ address: '10.0.0.9' }) });
    api.emit('ports.onReport', { jobId: AUDIT_JOB, report: fakePortReport() });
    answer(ok({ jobId: AUDIT_JOB }));
    expect(await started).toBe(true);
    expect(ports.auditJob.id).toBe(AUDIT_JOB);
    expect(ports.auditJob.progress).toEqual({ done: 1, total: 5, message: 'early' });
    expect(ports.report?.address).toBe('192.168.1.66');

    // A second audit is refused while one runs; so is a change.
    expect(await ports.audit()).toBe(false);
    expect(ports.canApply).toBe(false);
    api.emit('job.onDone', { jobId: 'job-someone-else', kind: 'ports-audit', outcome: 'ok', error: null });
    expect(ports.auditJob.running).toBe(true);
    api.emit('job.onDone', { jobId: AUDIT_JOB, kind: 'ports-audit', outcome: 'ok', error: null });
    await flushPromises();
    expect(ports.auditJob.running).toBe(false);
    expect(ports.auditJob.outcome).toBe('ok');
  });

  it('a cancel for an audit that had already ended takes main’s state', async () => {
    fakePorts(api, { report: fakePortReport() });
    api.handlers['job.cancel'] = () => ok({ cancelled: false });
    const ports = usePortsStore();
    await ports.openStep();
    await ports.audit();
    expect(await ports.cancelAudit()).toBe(true);
    expect(api.calls.find((c) => c.channel === 'job.cancel')?.input).toEqual({ jobId: AUDIT_JOB });
    expect(ports.auditJob.running).toBe(false);
    expect(ports.auditJob.cancelling).toBe(false);
  });

  it('changes only the ONVIF roles whose port moves, and only through applyChanges', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const ports = usePortsStore();
    await ports.openStep();
    expect(ports.pendingChanges).toEqual([
      { role: 'http', from: 80, to: 12080 },
      { role: 'https', from: 443, to: 12443 },
      { role: 'rtsp', from: 554, to: 12554 },
    ]);
    expect(api.count('ports.apply')).toBe(0);
    expect(await ports.applyChanges()).toBe(true);
    expect(ports.applyJob.id).toBe(APPLY_JOB);
    api.emit('ports.onApplied', { jobId: 'job-other', result: fakeApplyResult({ outcome: 'failed' }) });
    expect(ports.lastChange).toBeNull();
    api.emit('ports.onApplied', { jobId: APPLY_JOB, result: fakeApplyResult() });
    api.emit('job.onDone', { jobId: APPLY_JOB, kind: 'ports-apply', outcome: 'ok', error: null });
    await flushPromises();
    expect(ports.lastChange?.outcome).toBe('verified');
    expect(ports.applyJob.running).toBe(false);
    expect(api.count('ports.apply')).toBe(1);
  });

  it('shows the measurement main makes after the change (same job) before the job ends', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const ports = usePortsStore();
    await ports.openStep();
    expect(await ports.applyChanges()).toBe(true);
    api.emit('ports.onApplied', { jobId: APPLY_JOB, result: fakeApplyResult() });
    const after = fakePortReport({ measuredAt: '2025-03-01T12:05:00.000Z' });
    after.rows = after.rows.map((r) => (r.role === 'http' ? { ...r, port: 12080, isDefault: false } : r));
    api.emit('ports.onReport', { jobId: 'job-other', report: fakePortReport({ address: '10.0.0.9' }) });
    api.emit('ports.onReport', { jobId: APPLY_JOB, report: after });
    expect(ports.applyJob.running).toBe(true);
    expect(ports.report?.measuredAt).toBe('2025-03-01T12:05:00.000Z');
    expect(ports.report?.rows.find((r) => r.role === 'http')?.port).toBe(12080);
  });

  it('cancels its change through job.cancel; a cancel that main answered by putting the ports back is an error', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    api.handlers['job.cancel'] = () => ok({ cancelled: true });
    const ports = usePortsStore();
    await ports.openStep();
    expect(await ports.cancelApply()).toBe(false); // nothing running
    expect(await ports.applyChanges()).toBe(true);
    expect(await ports.cancelApply()).toBe(true);
    expect(ports.applyJob.cancelling).toBe(true);
    expect(api.calls.at(-1)).toEqual({ channel: 'job.cancel', input: { jobId: APPLY_JOB } });
    const restored = fakeApplyResult({
      outcome: 'restored',
      message: 'You cancelled the change. The app put the previous ports back.',
    });
    api.emit('ports.onApplied', { jobId: APPLY_JOB, result: restored });
    const cancelled = { code: 'CANCELLED', message: 'Stopped: you cancelled it.' };
    api.emit('job.onDone', { jobId: APPLY_JOB, kind: 'ports-apply', outcome: 'cancelled', error: cancelled });
    await flushPromises();
    expect(ports.applyJob.running).toBe(false);
    expect(ports.applyJob.cancelling).toBe(false);
    expect(ports.applyJob.error).toEqual(cancelled);
    expect(ports.applyNotice).toBeNull();
    expect(ports.lastChange?.outcome).toBe('restored');
  });

  it('a cancel during the measurement after a verified change is a notice, not “not moved”', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    api.handlers['job.cancel'] = () => ok({ cancelled: true });
    const ports = usePortsStore();
    await ports.openStep();
    expect(await ports.applyChanges()).toBe(true);
    api.emit('ports.onApplied', { jobId: APPLY_JOB, result: fakeApplyResult() });
    await ports.cancelApply();
    api.emit('job.onDone', {
      jobId: APPLY_JOB,
      kind: 'ports-apply',
      outcome: 'cancelled',
      error: { code: 'CANCELLED', message: 'Stopped: you cancelled it.' },
    });
    await flushPromises();
    expect(ports.applyJob.error).toBeNull();
    expect(ports.applyNotice).toMatch(/moved and checked.*Re-check/);
    expect(ports.lastChange?.outcome).toBe('verified');
    // The next change starts clean.
    expect(await ports.applyChanges()).toBe(true);
    expect(ports.applyNotice).toBeNull();
  });

  it('says when main needs a login to change the ports (from the answer or from the job’s end)', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    api.handlers['ports.apply'] = () => loginNeeded();
    const ports = usePortsStore();
    await ports.openStep();
    expect(await ports.applyChanges()).toBe(false);
    expect(ports.needsLogin).toBe(true);
    ports.applyJob.clearError();
    expect(ports.needsLogin).toBe(false);

    api.handlers['ports.apply'] = () => ok({ jobId: APPLY_JOB });
    await ports.applyChanges();
    api.emit('job.onDone', {
      jobId: APPLY_JOB,
      kind: 'ports-apply',
      outcome: 'failed',
      error: { code: 'PORTS_LOGIN_NEEDED', message: 'Log in to the NVR first.' },
    });
    await flushPromises();
    expect(ports.needsLogin).toBe(true);
    expect(api.count('ports.apply')).toBe(2);
  });

  it('checks typed ports before sending them', () => {
    expect(parsePortText(' 18080 ')).toEqual({ ok: true, value: 18080 });
    expect(parsePortText('')).toMatchObject({ ok: false });
    expect(parsePortText('80a')).toMatchObject({ ok: false });
    expect(parsePortText('0')).toMatchObject({ ok: false });
    expect(parsePortText('65536')).toMatchObject({ ok: false });
    expect(parsePortText('1.5')).toMatchObject({ ok: false });
  });

  it('in en-XA: main’s progress lines (the real audit’s and change’s) in the page’s language, never its English', async () => {
    const xa = createTranslator('en-XA');
    // What main's real audit and change send (the fixture held to them by tests/unit/cli/progress-line-steps.test.ts).
    const { portsAudit: audit, portsEach: change } = JSON.parse(
      readFileSync(join(__dirname, '../../../fixtures/progress/steps.json'), 'utf8'),
    ) as Record<'portsAudit' | 'portsEach' | 'verify', Array<EventPayload<'job.onProgress'>>>;
    expect([audit[0]!.jobId, change[0]!.jobId]).toEqual([AUDIT_JOB, APPLY_JOB]);
    setLocale('en-XA');
    try {
      fakePorts(api);
      const ports = usePortsStore();
      await ports.openStep();
      expect(await ports.audit()).toBe(true);
      for (const line of audit) {
        api.emit('job.onProgress', line);
        expect(ports.auditJob.progress?.message).toBe(sayIn(xa, line.said, ''));
        expect(ports.auditJob.progress?.message).not.toMatch(/Checking ports|Identifying what answers/);
      }
      // The change's lines, followed as the page follows its change (useJob of kind ports-apply).
      const job = useJob({ kind: 'ports-apply' });
      await job.start(() => window.api!.invoke('ports.apply', {} as never));
      for (const line of change) {
        api.emit('job.onProgress', line);
        expect(job.progress?.message).toBe(sayIn(xa, line.said, ''));
        expect(job.progress?.message).not.toMatch(/the web page|the video streams|Reading|Changing|Putting|Checking/);
      }
      expect(audit.length).toBeGreaterThan(1);
      expect(change.length).toBeGreaterThan(4);
    } finally {
      setLocale(null);
    }
  });
});
