// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { compareDevices, useDiscoveryStore } from '../../../../src/renderer/stores/discovery';
import { useSetupStore } from '../../../../src/renderer/stores/setup';
import {
  createFakeApi,
  discoveryList,
  fakeDevice,
  fakeDevices,
  fakeSetup,
  failed,
  ok,
  type FakeApi,
} from '../fake-api';

const JOB = 'job-search1';
const OTHER = 'job-someoneelse';

let api: FakeApi;

beforeEach(() => {
  setActivePinia(createPinia());
  api = createFakeApi({
    'setup.get': () => ok({ setup: fakeSetup(), notice: null }),
    'discovery.list': () => discoveryList(),
    'discovery.start': () => ok({ jobId: JOB, interfaceName: 'eth0' }),
  });
  window.api = api;
});
afterEach(() => {
  delete window.api;
});

const channels = () => api.calls.map((c) => c.channel);

describe('useDiscoveryStore: a search and its events', () => {
  it('upserts devices by id and lists likely NVRs first (ONVIF/SADP/DHIP), then by address', async () => {
    const discovery = useDiscoveryStore();
    expect(await discovery.start('eth0')).toBe(true);
    expect(api.calls.at(-1)).toEqual({ channel: 'discovery.start', input: { interfaceName: 'eth0' } });
    expect(discovery.searchJob.running).toBe(true);
    expect(discovery.searchJob.id).toBe(JOB);

    for (const device of fakeDevices()) api.emit('discovery.onDevice', { jobId: JOB, device });
    expect(discovery.devices.map((d) => d.addresses[0])).toEqual([
      '192.168.1.64',
      '192.168.1.65',
      '192.168.1.66',
      '192.168.1.30',
    ]);
    expect(discovery.likelyNvrCount).toBe(3);

    // More is learned about the Hikvision: same id, replaced in place, not added.
    api.emit('discovery.onDevice', {
      jobId: JOB,
      device: fakeDevice({ sources: ['onvif', 'sadp', 'ssdp'], upnp: true, lastSeenAt: '2025-03-01T10:10:02.000Z' }),
    });
    expect(discovery.devices).toHaveLength(4);
    expect(discovery.devices[0]!.sources).toEqual(['onvif', 'sadp', 'ssdp']);
    // An older version of the same device (answers may cross) does not undo what was learned.
    api.emit('discovery.onDevice', { jobId: JOB, device: fakeDevice({ lastSeenAt: '2025-03-01T10:09:00.000Z' }) });
    expect(discovery.devices[0]!.upnp).toBe(true);
  });

  it('sorts numerically by address, not as text', () => {
    const a = fakeDevice({ id: 'a', addresses: ['192.168.1.9'] });
    const b = fakeDevice({ id: 'b', addresses: ['192.168.1.10'] });
    const c = fakeDevice({ id: 'c', addresses: ['fe80::1'] });
    expect([c, b, a].sort(compareDevices).map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });

  it('ignores events of another job, malformed events, and other kinds of job', async () => {
    const discovery = useDiscoveryStore();
    // Before any search of ours, nothing is taken.
    api.emit('discovery.onDevice', { jobId: OTHER, device: fakeDevice() });
    expect(discovery.devices).toHaveLength(0);

    await discovery.start();
    api.emit('discovery.onDevice', { jobId: OTHER, device: fakeDevice({ id: 'other' }) });
    api.emit('discovery.onWarning', { jobId: OTHER, message: 'not ours' });
    api.emit('job.onProgress', { jobId: OTHER, kind: 'discovery', done: 3, total: 4, message: 'not ours' });
    api.emit('job.onProgress', { jobId: JOB, kind: 'ports', done: 3, total: 4, message: 'another kind' });
    api.emit('job.onDone', { jobId: OTHER, kind: 'discovery', outcome: 'ok', error: null });
    api.emit('discovery.onDevice', { jobId: JOB, device: { id: 'x', addresses: 'not a list' } });
    expect(discovery.devices).toHaveLength(0);
    expect(discovery.warnings).toEqual([]);
    expect(discovery.searchJob.progress?.message).toBe('Starting the search…');
    expect(discovery.searchJob.running).toBe(true);
  });

  it('keeps events that arrive before discovery.start answers, and applies those of its own job', async () => {
    api.handlers['discovery.start'] = () => {
      api.emit('job.onProgress', { jobId: JOB, kind: 'discovery', done: 1, total: 4, message: 'SSDP finished' });
      api.emit('discovery.onDevice', { jobId: JOB, device: fakeDevice() });
      api.emit('discovery.onDevice', { jobId: OTHER, device: fakeDevice({ id: 'other' }) });
      return ok({ jobId: JOB, interfaceName: 'eth0' });
    };
    const discovery = useDiscoveryStore();
    await discovery.start('eth0');
    expect(discovery.devices.map((d) => d.id)).toEqual([fakeDevice().id]);
    expect(discovery.searchJob.progress).toEqual({ done: 1, total: 4, message: 'SSDP finished' });
  });

  it('follows progress and warnings, and takes main’s list when the search ends', async () => {
    const discovery = useDiscoveryStore();
    await discovery.start();
    api.emit('job.onProgress', {
      jobId: JOB,
      kind: 'discovery',
      done: 2,
      total: 4,
      message: 'SSDP (UPnP) finished; 1 device(s) so far',
    });
    expect(discovery.searchJob.progress).toEqual({
      done: 2,
      total: 4,
      message: 'SSDP (UPnP) finished; 1 device(s) so far',
    });
    api.emit('discovery.onWarning', { jobId: JOB, message: 'Ignored an SSDP answer from 192.168.1.250.' });
    expect(discovery.warnings).toEqual(['Ignored an SSDP answer from 192.168.1.250.']);
    api.emit('discovery.onDevice', { jobId: JOB, device: fakeDevice() });

    api.handlers['discovery.list'] = () =>
      discoveryList({
        devices: [fakeDevice()],
        interfaceName: 'eth0',
        finishedAt: '2025-03-01T10:10:04.000Z',
        warnings: ['Ignored an SSDP answer from 192.168.1.250.'],
      });
    api.emit('job.onDone', { jobId: JOB, kind: 'discovery', outcome: 'ok', error: null });
    expect(discovery.searchJob.running).toBe(false);
    expect(discovery.searchJob.outcome).toBe('ok');
    await flushPromises();
    expect(channels().at(-1)).toBe('discovery.list');
    expect(discovery.finishedAt).toBe('2025-03-01T10:10:04.000Z');
    expect(discovery.measuredAt).toBe('2025-03-01T10:10:04.000Z');
    expect(discovery.devices).toHaveLength(1);
    expect(discovery.error).toBeNull();
  });

  it('says why when the search fails, keeping what it found', async () => {
    const discovery = useDiscoveryStore();
    await discovery.start();
    api.emit('discovery.onDevice', { jobId: JOB, device: fakeDevice() });
    api.handlers['discovery.list'] = () => failed('INTERNAL', 'down');
    api.emit('job.onDone', {
      jobId: JOB,
      kind: 'discovery',
      outcome: 'failed',
      error: { code: 'INTERNAL', message: 'Something went wrong inside the app.' },
    });
    await flushPromises();
    expect(discovery.searchJob.outcome).toBe('failed');
    expect(discovery.error).toBe('Something went wrong inside the app.');
    expect(discovery.devices).toHaveLength(1);
  });

  it('shows why a search could not start, and does not pretend to run', async () => {
    api.handlers['discovery.start'] = () =>
      failed(
        'INTERFACE_UNUSABLE',
        'That network interface has no IPv4 address or is down, so the app cannot search the network through it.',
      );
    const discovery = useDiscoveryStore();
    expect(await discovery.start('eth1')).toBe(false);
    expect(discovery.searchJob.running).toBe(false);
    expect(discovery.searchJob.starting).toBe(false);
    expect(discovery.error).toMatch(/no IPv4 address/);
  });

  it('cancels its own job through job.cancel; the found devices stay', async () => {
    api.handlers['job.cancel'] = () => ok({ cancelled: true });
    const discovery = useDiscoveryStore();
    await discovery.start();
    api.emit('discovery.onDevice', { jobId: JOB, device: fakeDevice() });
    expect(await discovery.cancel()).toBe(true);
    expect(api.calls.at(-1)).toEqual({ channel: 'job.cancel', input: { jobId: JOB } });
    expect(discovery.searchJob.cancelling).toBe(true);
    expect(discovery.searchJob.running).toBe(true);
    api.handlers['discovery.list'] = () =>
      discoveryList({ devices: [fakeDevice()], interfaceName: 'eth0', finishedAt: '2025-03-01T10:10:01.000Z' });
    api.emit('job.onDone', {
      jobId: JOB,
      kind: 'discovery',
      outcome: 'cancelled',
      error: { code: 'CANCELLED', message: 'The operation was cancelled.' },
    });
    await flushPromises();
    expect(discovery.searchJob.running).toBe(false);
    expect(discovery.searchJob.cancelling).toBe(false);
    expect(discovery.searchJob.outcome).toBe('cancelled');
    expect(discovery.error).toBeNull();
    expect(discovery.devices).toHaveLength(1);
  });

  it('stops waiting when the job had already ended before the cancel', async () => {
    api.handlers['job.cancel'] = () => ok({ cancelled: false });
    const discovery = useDiscoveryStore();
    await discovery.start();
    api.handlers['discovery.list'] = () => discoveryList({ finishedAt: '2025-03-01T10:10:01.000Z' });
    await discovery.cancel();
    expect(discovery.searchJob.running).toBe(false);
    expect(discovery.finishedAt).toBe('2025-03-01T10:10:01.000Z');
  });
});

describe('useDiscoveryStore: entering the step', () => {
  it('shows the devices saved by an earlier run, with the time they were seen, without searching', async () => {
    const saved = fakeDevices();
    api.handlers['setup.get'] = () =>
      ok({
        setup: fakeSetup({
          devices: saved,
          steps: { find: { status: 'working', updatedAt: 'x', reason: 'Pick your NVR in the list.' } },
        }),
        notice: null,
      });
    api.handlers['discovery.list'] = () => discoveryList({ devices: saved });
    const discovery = useDiscoveryStore();
    await discovery.openStep(() => 'eth0');
    expect(channels()).not.toContain('discovery.start');
    expect(discovery.devices).toHaveLength(4);
    expect(discovery.finishedAt).toBeNull();
    expect(discovery.measuredAt).toBe('2025-03-01T10:10:00.000Z');
    expect(discovery.shownInterface).toBe('eth0');
    expect(discovery.loaded).toBe(true);
  });

  it('follows a search that is still running after a reload', async () => {
    api.handlers['discovery.list'] = () =>
      discoveryList({ devices: [fakeDevice()], running: JOB, interfaceName: 'eth0' });
    const discovery = useDiscoveryStore();
    await discovery.load();
    expect(discovery.searchJob.running).toBe(true);
    api.emit('discovery.onDevice', { jobId: JOB, device: fakeDevices()[1]! });
    expect(discovery.devices).toHaveLength(2);
  });

  it('searches by itself only the first time, when nothing was ever searched', async () => {
    const discovery = useDiscoveryStore();
    await discovery.openStep(() => 'eth0');
    expect(api.calls.filter((c) => c.channel === 'discovery.start')).toEqual([
      { channel: 'discovery.start', input: { interfaceName: 'eth0' } },
    ]);
    expect(discovery.autoStarted).toBe(true);
    api.emit('job.onDone', { jobId: JOB, kind: 'discovery', outcome: 'ok', error: null });
    await flushPromises();
    await discovery.openStep(() => 'eth0');
    expect(api.calls.filter((c) => c.channel === 'discovery.start')).toHaveLength(1);
  });

  it('does not search by itself after an earlier search that found nothing', async () => {
    api.handlers['setup.get'] = () =>
      ok({
        setup: fakeSetup({ steps: { find: { status: 'attention', updatedAt: 'x', reason: 'No device answered.' } } }),
        notice: null,
      });
    const discovery = useDiscoveryStore();
    await discovery.openStep(() => 'eth0');
    expect(channels()).not.toContain('discovery.start');
  });

  it('does not search by itself when the list cannot be read', async () => {
    api.handlers['discovery.list'] = () => failed('INTERNAL', 'The app’s background service is not running.');
    const discovery = useDiscoveryStore();
    await discovery.openStep(() => 'eth0');
    expect(channels()).not.toContain('discovery.start');
    expect(discovery.error).toMatch(/not running/);
  });
});

describe('useDiscoveryStore: choosing the NVR', () => {
  it('saves the chosen device in main, and keeps the previous choice when main does not know the device', async () => {
    const hik = fakeDevice();
    const dahua = fakeDevices()[1]!;
    api.handlers['setup.get'] = () =>
      ok({
        setup: fakeSetup({ devices: [hik, dahua], nvr: { deviceId: hik.id, device: hik, chosenAt: 'x' } }),
        notice: null,
      });
    api.handlers['discovery.list'] = () => discoveryList({ devices: [hik, dahua] });
    const setup = useSetupStore();
    const discovery = useDiscoveryStore();
    await setup.load();
    await discovery.load();
    expect(discovery.chosenId).toBe(hik.id);

    api.handlers['setup.chooseDevice'] = () =>
      failed(
        'DEVICE_NOT_FOUND',
        'That device is not in the list of devices found. Search again, or add it by its address.',
      );
    expect(await discovery.chooseDevice('gone')).toBe(false);
    expect(discovery.chosenId).toBe(hik.id);
    expect(discovery.chooseError).toMatch(/not in the list of devices found/);
    expect(discovery.choosing).toBeNull();

    api.handlers['setup.chooseDevice'] = (input) => {
      const id = (input as { deviceId: string }).deviceId;
      return ok(
        fakeSetup({
          updatedAt: '2025-03-01T11:00:00.000Z',
          devices: [hik, dahua],
          nvr: { deviceId: id, device: dahua, chosenAt: '2025-03-01T11:00:00.000Z' },
          steps: {
            find: {
              status: 'working',
              updatedAt: '2025-03-01T11:00:00.000Z',
              reason: 'Log in to the NVR to confirm the app can talk to it.',
            },
          },
        }),
      );
    };
    expect(await discovery.chooseDevice(dahua.id)).toBe(true);
    expect(api.calls.at(-1)).toEqual({ channel: 'setup.chooseDevice', input: { deviceId: dahua.id } });
    expect(discovery.chosenId).toBe(dahua.id);
    expect(discovery.chooseError).toBeNull();
    expect(setup.statusOf('find')).toBe('working');
  });

  it('recognises the chosen NVR by MAC when a later search named it differently', async () => {
    const hik = fakeDevice();
    api.handlers['setup.get'] = () =>
      ok({ setup: fakeSetup({ nvr: { deviceId: 'old-id', device: hik, chosenAt: 'x' } }), notice: null });
    api.handlers['discovery.list'] = () => discoveryList({ devices: [fakeDevice({ id: 'new-id' })] });
    await useSetupStore().load();
    const discovery = useDiscoveryStore();
    await discovery.load();
    expect(discovery.isChosen(discovery.devices[0]!)).toBe(true);
  });
});
