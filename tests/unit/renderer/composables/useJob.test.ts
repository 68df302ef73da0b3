// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { useJob } from '../../../../src/renderer/composables/useJob';
import { JOB_KINDS } from '../../../../src/shared/ipc/contract';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { createTranslator } from '../../../../src/shared/i18n';
import { english } from '../../../../src/shared/i18n/english';
import { said } from '../../../../src/shared/i18n/said';
import { createFakeApi, failed, fakeDevice, ok, type FakeApi } from '../fake-api';

const JOB = 'job-one';
const OTHER = 'job-other';

let api: FakeApi;

beforeEach(() => {
  api = createFakeApi({ 'job.cancel': () => ok({ cancelled: true }) });
  window.api = api;
});
afterEach(() => {
  delete window.api;
});

/** A start channel answer that the test releases when it wants (events may come first). */
function deferredStart() {
  let release: (value: unknown) => void = () => undefined;
  const call = () => new Promise((resolve) => (release = resolve)) as never;
  return { call, answer: (jobId = JOB) => release(ok({ jobId, interfaceName: 'eth0' })) };
}

const progress = (jobId: string, kind: string, done: number) =>
  api.emit('job.onProgress', { jobId, kind, done, total: 10, message: `step ${done}` });
const done = (jobId: string, kind: string, outcome: 'ok' | 'failed' | 'cancelled', error = null as unknown) =>
  api.emit('job.onDone', { jobId, kind, outcome, error });

describe('useJob', () => {
  it('follows only jobs of its own kind, from the contract', () => {
    expect(JOB_KINDS).toContain('discovery');
    expect(JOB_KINDS).toContain('ports-audit');
  });

  it('keeps the events that arrive before the job id is known and replays those of its job, in order', async () => {
    const seen: string[] = [];
    const job = useJob({
      kind: 'discovery',
      events: { 'discovery.onDevice': ({ device }) => seen.push(device.id) },
    });
    const start = deferredStart();
    const started = job.start(start.call, { message: 'Starting…' });
    expect(job.starting).toBe(true);
    expect(job.busy).toBe(true);
    progress(JOB, 'discovery', 1);
    api.emit('discovery.onDevice', { jobId: JOB, device: fakeDevice({ id: 'early' }) });
    api.emit('discovery.onDevice', { jobId: OTHER, device: fakeDevice({ id: 'not-ours' }) });
    progress(JOB, 'ports-audit', 7); // another kind with the same id: never taken
    start.answer();
    expect(await started).toEqual({ jobId: JOB, interfaceName: 'eth0' });
    expect(job.id).toBe(JOB);
    expect(job.running).toBe(true);
    expect(job.starting).toBe(false);
    expect(seen).toEqual(['early']);
    expect(job.progress).toEqual({ done: 1, total: 10, message: 'step 1' });

    api.emit('discovery.onDevice', { jobId: JOB, device: fakeDevice({ id: 'later' }) });
    progress(OTHER, 'discovery', 9);
    expect(seen).toEqual(['early', 'later']);
    expect(job.progress?.done).toBe(1);
  });

  it('says a progress line main said by key in the page’s language (main’s English where it did not)', async () => {
    setLocale('en-XA');
    try {
      const job = useJob({ kind: 'static-ip-apply' });
      api.handlers['address.apply'] = () => ok({ jobId: JOB });
      await job.start(() => window.api!.invoke('address.apply', {} as never));
      const words = said('staticIp.progress.giving', { address: '192.168.1.230' });
      api.emit('job.onProgress', {
        jobId: JOB,
        kind: 'static-ip-apply',
        done: 2,
        total: 6,
        message: english(words),
        said: words,
      });
      expect(job.progress?.message).toBe(
        createTranslator('en-XA').t('staticIp.progress.giving', { address: '192.168.1.230' }),
      );
      expect(job.progress?.message).not.toContain('Giving the NVR');
      api.emit('job.onProgress', { jobId: JOB, kind: 'static-ip-apply', done: 3, total: 6, message: 'Only English.' });
      expect(job.progress?.message).toBe('Only English.');
    } finally {
      setLocale(null);
    }
  });

  it('takes the end: ok, failed (the error in the page’s words), cancelled; onEnd hears it', async () => {
    const ends: (string | null)[] = [];
    const job = useJob({ kind: 'ports-apply', onEnd: (end) => void ends.push(end?.outcome ?? null) });
    api.handlers['ports.apply'] = () => ok({ jobId: JOB });
    const call = () => window.api!.invoke('ports.apply', { deviceId: 'd', changes: [{ role: 'http', to: 18080 }] });
    await job.start(call);
    done(JOB, 'ports-apply', 'ok');
    expect(job.running).toBe(false);
    expect(job.outcome).toBe('ok');
    expect(job.error).toBeNull();

    await job.start(call);
    done(JOB, 'ports-apply', 'failed', {
      code: 'PORTS_LOGIN_NEEDED',
      message: 'Log in to the NVR first (step “Find your NVR”, or `nvr-assist identify`): … Nothing was changed.',
    });
    expect(job.outcome).toBe('failed');
    expect(job.error?.code).toBe('PORTS_LOGIN_NEEDED');
    expect(job.errorText).not.toContain('nvr-assist');
    expect(job.errorText).toContain('Log in to the NVR first');

    await job.start(call);
    expect(job.error).toBeNull(); // a new start clears the last error
    done(JOB, 'ports-apply', 'cancelled', { code: 'CANCELLED', message: 'The operation was cancelled.' });
    expect(job.outcome).toBe('cancelled');
    expect(job.error).toBeNull();
    expect(ends).toEqual(['ok', 'failed', 'cancelled']);
  });

  it('says why a start was refused, and refuses a second start while one runs', async () => {
    const job = useJob({ kind: 'discovery' });
    expect(
      await job.start(async () => failed('INTERFACE_UNUSABLE', 'That network interface has no IPv4 address.') as never),
    ).toBeNull();
    expect(job.running).toBe(false);
    expect(job.errorText).toBe('That network interface has no IPv4 address.');
    await job.start(async () => ok({ jobId: JOB }));
    expect(await job.start(async () => ok({ jobId: OTHER }))).toBeNull();
    expect(job.id).toBe(JOB);
  });

  it('cancels through job.cancel; the end comes as job.onDone', async () => {
    const job = useJob({ kind: 'ports-audit' });
    expect(await job.cancel()).toBe(false); // nothing running
    await job.start(async () => ok({ jobId: JOB }));
    expect(await job.cancel()).toBe(true);
    expect(api.calls.at(-1)).toEqual({ channel: 'job.cancel', input: { jobId: JOB } });
    expect(job.cancelling).toBe(true);
    expect(job.running).toBe(true);
    done(JOB, 'ports-audit', 'cancelled');
    expect(job.cancelling).toBe(false);
    expect(job.running).toBe(false);
  });

  it('a cancel that came too late (main: not cancelled) ends the job for us, and onEnd hears null', async () => {
    api.handlers['job.cancel'] = () => ok({ cancelled: false });
    let heard: unknown = 'nothing';
    const job = useJob({ kind: 'ports-audit', onEnd: (end) => void (heard = end) });
    await job.start(async () => ok({ jobId: JOB }));
    expect(await job.cancel()).toBe(true);
    expect(job.running).toBe(false);
    expect(job.cancelling).toBe(false);
    expect(heard).toBeNull();
  });

  it('a refused cancel says why and keeps following the job', async () => {
    api.handlers['job.cancel'] = () => failed('JOB_NOT_FOUND', 'That task has already finished or never existed.');
    const job = useJob({ kind: 'ports-audit' });
    await job.start(async () => ok({ jobId: JOB }));
    expect(await job.cancel()).toBe(false);
    expect(job.cancelling).toBe(false);
    expect(job.running).toBe(true);
    expect(job.errorText).toMatch(/already finished/);
  });

  it('with waitMs, waits for the end (bounded) before it returns', async () => {
    const job = useJob({ kind: 'discovery-listen' });
    await job.start(async () => ok({ jobId: JOB }));
    let returned = false;
    const cancelled = job.cancel({ waitMs: 5000 }).then(() => (returned = true));
    await flushPromises();
    expect(returned).toBe(false);
    done(JOB, 'discovery-listen', 'cancelled');
    await cancelled;
    expect(returned).toBe(true);
    expect(job.running).toBe(false);
  });

  it('a job it did not accept is not followed; it can still be cancelled by its id', async () => {
    const seen: string[] = [];
    const job = useJob({
      kind: 'discovery-listen',
      events: { 'discovery.onDevice': ({ device }) => seen.push(device.id) },
    });
    const answer = await job.start(async () => ok({ jobId: OTHER, interfaceName: 'wlan0' }), {
      accept: (data) => data.interfaceName === 'eth0',
    });
    expect(answer?.jobId).toBe(OTHER);
    expect(job.running).toBe(false);
    api.emit('discovery.onDevice', { jobId: OTHER, device: fakeDevice() });
    expect(seen).toEqual([]);
    const cancelled = job.cancel({ jobId: OTHER, waitMs: 5000 });
    await flushPromises();
    done(OTHER, 'discovery-listen', 'cancelled');
    expect(await cancelled).toBe(true);
    expect(api.calls.at(-1)).toEqual({ channel: 'job.cancel', input: { jobId: OTHER } });
  });

  it('follows a job main says is running (after a reload), and stops listening on unsubscribe', async () => {
    const job = useJob({ kind: 'discovery' });
    job.follow(JOB, 'Searching…');
    expect(job.running).toBe(true);
    expect(job.progress?.message).toBe('Searching…');
    progress(JOB, 'discovery', 4);
    expect(job.progress?.done).toBe(4);
    expect(api.listenerCount('job.onProgress')).toBe(1);
    job.unsubscribe();
    expect(api.listenerCount('job.onProgress')).toBe(0);
    expect(api.listenerCount('job.onDone')).toBe(0);
  });
});
