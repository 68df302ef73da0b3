// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describeAnnouncement, useDiscoveryStore } from '../../../../../src/renderer/stores/discovery';
import type { SetupRecord } from '../../../../../src/shared/domain/setup';
import type { DiscoveredDevice } from '../../../../../src/shared/domain/device';
import {
  LISTEN_JOB,
  failed,
  fakeDevice,
  fakeDevices,
  fakeListening,
  fakeReport,
  fakeSetup,
  ok,
  discoveryList,
  searchedList,
  searchedSetup,
} from '../../fake-api';
import { chooseInMain } from './choose-in-main';
import { api, mountStep, useStepHarness } from '../../mount-step';

const JOB = 'job-search1';
const OTHER = 'job-someoneelse';

let listenJobs: ReturnType<typeof fakeListening>;

/** A record after a search that found nothing. */
function emptySetup(): SetupRecord {
  return searchedSetup({
    devices: [],
    steps: {
      find: {
        status: 'attention',
        updatedAt: '2025-03-01T10:10:04.000Z',
        reason: 'No device answered. Check the NVR is on and on this network, or add it by its address.',
      },
    },
  });
}

/** A camera only the sweep found: no brand, no model, no name, its MAC from the ARP table. */
function sweptDevice(overrides: Partial<DiscoveredDevice> = {}): DiscoveredDevice {
  return fakeDevice({
    id: 'mac:02:00:c0:a8:01:63',
    addresses: ['192.168.1.99'],
    mac: '02:00:c0:a8:01:63',
    brand: null,
    brandSource: null,
    model: null,
    name: null,
    firmware: null,
    serial: null,
    sources: ['sweep'],
    onvifUrl: 'http://192.168.1.99/onvif/device_service',
    endpoint: null,
    ports: { http: 80 },
    dhcp: null,
    activated: null,
    ...overrides,
  });
}

useStepHarness({
  path: '/step/find',
  handlers: () => ({
    'setup.get': () => ok({ setup: searchedSetup(), notice: null }),
    'network.get': () => ok(fakeReport({ chosenInterface: 'eth0' })),
    'discovery.list': () => searchedList(),
    'discovery.start': (input) =>
      ok({ jobId: JOB, interfaceName: (input as { interfaceName?: string }).interfaceName ?? 'eth0' }),
    'setup.chooseDevice': chooseInMain,
  }),
});
beforeEach(() => {
  listenJobs = fakeListening(api);
});

const callsOf = (channel: string) => api.calls.filter((c) => c.channel === channel);
const channels = () => api.calls.map((c) => c.channel);
const card = (wrapper: VueWrapper, address: string) => wrapper.find(`li[data-address="${address}"]`);

describe('useDiscoveryStore: the address sweep', () => {
  it('passes sweep: true to discovery.start only when asked, and remembers whether the search swept', async () => {
    const discovery = useDiscoveryStore();
    expect(discovery.sweep).toBe(false);
    await discovery.start('eth0', { sweep: true });
    expect(callsOf('discovery.start').at(-1)!.input).toEqual({ interfaceName: 'eth0', sweep: true });
    expect(discovery.lastSweep).toBe(true);
    api.emit('job.onProgress', { jobId: JOB, kind: 'discovery', done: 5, total: 5, message: 'Address sweep finished' });
    expect(discovery.searchJob.progress).toEqual({ done: 5, total: 5, message: 'Address sweep finished' });
    api.emit('job.onDone', { jobId: JOB, kind: 'discovery', outcome: 'ok', error: null });
    await flushPromises();

    await discovery.start('eth0');
    expect(callsOf('discovery.start').at(-1)!.input).toEqual({ interfaceName: 'eth0' });
    expect(discovery.lastSweep).toBe(false);
  });
});

describe('useDiscoveryStore: hearing devices announce themselves', () => {
  it('starts the listen job on the interface asked for and accepts its device events, with words for them', async () => {
    const discovery = useDiscoveryStore();
    await discovery.startListening('eth0');
    expect(callsOf('discovery.listen')).toEqual([{ channel: 'discovery.listen', input: { interfaceName: 'eth0' } }]);
    expect(discovery.listenJob.running).toBe(true);
    expect(discovery.listenJob.id).toBe(LISTEN_JOB);
    expect(discovery.listenInterface).toBe('eth0');

    api.emit('discovery.onDevice', { jobId: LISTEN_JOB, device: fakeDevice() });
    expect(discovery.devices.map((d) => d.id)).toEqual([fakeDevice().id]);
    expect(discovery.announcement).toBe(
      'Hikvision DS-7608NI-K2 switched on at 192.168.1.64 and was added to the list.',
    );
    // Another job's devices are still not taken.
    api.emit('discovery.onDevice', { jobId: OTHER, device: fakeDevice({ id: 'other' }) });
    expect(discovery.devices).toHaveLength(1);
  });

  it('takes devices from the listen job and from the running search at the same time', async () => {
    const discovery = useDiscoveryStore();
    await discovery.startListening('eth0');
    await discovery.start('eth0');
    const [tv, dahua] = fakeDevices();
    api.emit('discovery.onDevice', { jobId: JOB, device: tv! });
    api.emit('discovery.onDevice', { jobId: LISTEN_JOB, device: dahua! });
    expect(discovery.devices.map((d) => d.addresses[0])).toEqual(['192.168.1.65', '192.168.1.30']);
    // The listen job's progress and end are not the search's.
    api.emit('job.onProgress', { jobId: LISTEN_JOB, kind: 'discovery-listen', done: 1, total: null, message: 'x' });
    expect(discovery.searchJob.progress?.message).not.toBe('x');
    expect(discovery.searchJob.running).toBe(true);
  });

  it('keeps a listen event that arrives before the answer to discovery.listen', async () => {
    api.handlers['discovery.listen'] = () => {
      api.emit('discovery.onDevice', { jobId: LISTEN_JOB, device: fakeDevice() });
      api.emit('discovery.onDevice', { jobId: OTHER, device: fakeDevice({ id: 'other' }) });
      return ok({ jobId: LISTEN_JOB, interfaceName: 'eth0' });
    };
    const discovery = useDiscoveryStore();
    await discovery.startListening('eth0');
    expect(discovery.devices.map((d) => d.id)).toEqual([fakeDevice().id]);
  });

  it('says a goodbye, a new address, and a device that announces itself again', () => {
    const hik = fakeDevice();
    const bye = fakeDevice({
      notes: ['Said goodbye at 10:12 UTC (switched off, restarting or moving).'],
      lastSeenAt: '2025-03-01T10:12:00.000Z',
    });
    expect(describeAnnouncement(hik, bye)).toBe(
      'Hikvision DS-7608NI-K2 at 192.168.1.64 said goodbye at 10:12 UTC (switched off, restarting or moving).',
    );
    expect(describeAnnouncement(hik, fakeDevice({ addresses: ['192.168.1.70'] }))).toBe(
      'Hikvision DS-7608NI-K2 is now at 192.168.1.70.',
    );
    expect(describeAnnouncement(bye, bye)).toBe('Hikvision DS-7608NI-K2 at 192.168.1.64 announced itself.');
    expect(describeAnnouncement(undefined, sweptDevice())).toBe(
      'A device switched on at 192.168.1.99 and was added to the list.',
    );
  });

  it('a Bye from the listen job puts the goodbye note on the device in the list', async () => {
    const discovery = useDiscoveryStore();
    await discovery.load();
    await discovery.startListening('eth0');
    const note = 'Said goodbye at 10:12 UTC (switched off, restarting or moving).';
    api.emit('discovery.onDevice', {
      jobId: LISTEN_JOB,
      device: fakeDevice({ notes: [note], lastSeenAt: '2025-03-01T10:12:00.000Z' }),
    });
    expect(discovery.devices.find((d) => d.id === fakeDevice().id)!.notes).toEqual([note]);
    expect(discovery.announcement).toContain('said goodbye at 10:12 UTC');
  });

  it('stops with job.cancel; another interface stops the old job (waiting for its end) before listening there', async () => {
    const discovery = useDiscoveryStore();
    await discovery.startListening('eth0');
    await discovery.followInterface('wlan0');
    expect(api.calls.slice(-2)).toEqual([
      { channel: 'job.cancel', input: { jobId: LISTEN_JOB } },
      { channel: 'discovery.listen', input: { interfaceName: 'wlan0' } },
    ]);
    expect(discovery.listenJob.id).toBe('job-listen2');
    expect(discovery.listenInterface).toBe('wlan0');
    // The old job's late events are no longer taken.
    api.emit('discovery.onDevice', { jobId: LISTEN_JOB, device: fakeDevice() });
    expect(discovery.devices).toHaveLength(0);

    // The same interface again: nothing is sent.
    const before = api.calls.length;
    await discovery.followInterface('wlan0');
    expect(api.calls.length).toBe(before);

    await discovery.stopListening();
    expect(api.calls.at(-1)).toEqual({ channel: 'job.cancel', input: { jobId: 'job-listen2' } });
    expect(discovery.listenJob.running).toBe(false);
    // Not listening: following an interface starts nothing.
    await discovery.followInterface('eth0');
    expect(api.calls.at(-1)!.channel).toBe('job.cancel');
  });

  it('when main hands back a listen job on another interface (left from before a reload), stops it and asks again', async () => {
    let n = 0;
    api.handlers['discovery.listen'] = () =>
      ok(
        n++ === 0 ? { jobId: 'job-listen-old', interfaceName: 'wlan0' } : { jobId: LISTEN_JOB, interfaceName: 'eth0' },
      );
    const discovery = useDiscoveryStore();
    await discovery.startListening('eth0');
    expect(channels()).toEqual(['discovery.listen', 'job.cancel', 'discovery.listen']);
    expect(callsOf('job.cancel')[0]!.input).toEqual({ jobId: 'job-listen-old' });
    expect(discovery.listenJob.id).toBe(LISTEN_JOB);
  });

  it('a listen job that fails on its own stops the indicator and says why; one that cannot start says why', async () => {
    const discovery = useDiscoveryStore();
    await discovery.startListening('eth0');
    api.emit('job.onDone', {
      jobId: LISTEN_JOB,
      kind: 'discovery-listen',
      outcome: 'failed',
      error: { code: 'INTERFACE_UNUSABLE', message: 'That network interface has no IPv4 address or is down.' },
    });
    expect(discovery.listenJob.running).toBe(false);
    expect(discovery.listenJob.errorText).toContain('no IPv4 address');

    setActivePinia(createPinia());
    api.handlers['discovery.listen'] = () => failed('INTERFACE_NOT_FOUND', 'That network interface is gone.');
    const fresh = useDiscoveryStore();
    await fresh.startListening('eth9');
    expect(fresh.listenJob.running).toBe(false);
    expect(fresh.listenJob.errorText).toBe('That network interface is gone.');
  });

  it('leaving the step while its list loads starts no listen job', async () => {
    let release = () => undefined as void;
    api.handlers['discovery.list'] = () =>
      new Promise((resolve) => {
        release = () => resolve(discoveryList());
      });
    const discovery = useDiscoveryStore();
    const opening = discovery.openStep(() => 'eth0');
    await flushPromises();
    await discovery.closeStep();
    release();
    await opening;
    await flushPromises();
    expect(callsOf('discovery.listen')).toHaveLength(0);
    expect(callsOf('discovery.start')).toHaveLength(0);
  });
});

describe('WizardStepFind: the address sweep', () => {
  it('offers "check every address" next to Search, off by default, and sends it with the search', async () => {
    const wrapper = await mountStep();
    const box = wrapper.find('[data-testid="sweep"]');
    const input = box.element as HTMLInputElement;
    expect(input.type).toBe('checkbox');
    expect(input.checked).toBe(false);
    expect(box.element.closest('label')!.textContent!.trim()).toBe(
      'Also check every address (slower; for networks that block discovery)',
    );
    expect(wrapper.find('[data-testid="search-duration"]').text()).toBe('Takes about 4 seconds.');

    await box.setValue(true);
    expect(wrapper.find('[data-testid="search-duration"]').text()).toBe('Takes about 6 seconds.');
    await wrapper.find('[data-testid="search"]').trigger('click');
    await flushPromises();
    expect(callsOf('discovery.start')).toEqual([
      { channel: 'discovery.start', input: { interfaceName: 'eth0', sweep: true } },
    ]);
    expect((wrapper.find('[data-testid="sweep"]').element as HTMLInputElement).disabled).toBe(true);

    // Five parts when sweeping: the bar follows main's total.
    api.emit('job.onProgress', { jobId: JOB, kind: 'discovery', done: 4, total: 5, message: 'Dahua DHIP finished' });
    await flushPromises();
    const bar = wrapper.find('[data-testid="search-progress"] [role="progressbar"]');
    expect(bar.attributes('aria-valuemax')).toBe('5');
    expect(bar.attributes('aria-valuenow')).toBe('4');

    api.emit('job.onDone', { jobId: JOB, kind: 'discovery', outcome: 'ok', error: null });
    await flushPromises();
    await wrapper.find('[data-testid="sweep"]').setValue(false);
    await wrapper.find('[data-testid="search"]').trigger('click');
    await flushPromises();
    expect(callsOf('discovery.start').at(-1)!.input).toEqual({ interfaceName: 'eth0' });
  });

  it('never sweeps by itself: the first automatic search is the usual one', async () => {
    api.handlers['setup.get'] = () =>
      ok({ setup: fakeSetup({ network: fakeReport(), interfaceName: null }), notice: null });
    api.handlers['discovery.list'] = () => discoveryList();
    await mountStep();
    expect(callsOf('discovery.start')).toEqual([{ channel: 'discovery.start', input: { interfaceName: 'eth0' } }]);
  });

  it('after a search that found nothing, suggests checking every address; its button searches that way', async () => {
    api.handlers['setup.get'] = () => ok({ setup: emptySetup(), notice: null });
    api.handlers['discovery.list'] = () =>
      discoveryList({ interfaceName: 'eth0', finishedAt: '2025-03-01T10:10:04.000Z' });
    const wrapper = await mountStep();
    const suggestion = wrapper.find('[data-testid="suggest-sweep"]');
    expect(suggestion.text()).toContain('Networks that block discovery');
    expect(suggestion.text()).toContain('client isolation');
    await wrapper.find('[data-testid="search-with-sweep"]').trigger('click');
    await flushPromises();
    expect(callsOf('discovery.start')).toEqual([
      { channel: 'discovery.start', input: { interfaceName: 'eth0', sweep: true } },
    ]);
    expect((wrapper.find('[data-testid="sweep"]').element as HTMLInputElement).checked).toBe(true);

    // The sweep found nothing either: no suggestion to do what was just done.
    api.emit('job.onDone', { jobId: JOB, kind: 'discovery', outcome: 'ok', error: null });
    await flushPromises();
    expect(wrapper.find('[data-testid="suggest-sweep"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="swept-nothing"]').text()).toContain('Every address on the network was checked');
  });

  it('on a network bigger than a /22 the option is off, and says why', async () => {
    const big = fakeReport({ chosenInterface: 'eth0' });
    big.interfaces[1]!.ipv4 = [{ address: '10.1.2.3', prefix: 16, subnet: '10.1.0.0/16' }];
    api.handlers['setup.get'] = () => ok({ setup: searchedSetup({ network: big }), notice: null });
    const wrapper = await mountStep();
    const input = wrapper.find('[data-testid="sweep"]').element as HTMLInputElement;
    expect(input.disabled).toBe(true);
    expect(wrapper.find('#sweep-too-big').text()).toContain('/16');
    expect(input.getAttribute('aria-describedby')).toBe('sweep-too-big');
  });

  it('shows a device only the sweep found by its address, "unknown maker", with its sweep badge', async () => {
    api.handlers['discovery.list'] = () => discoveryList({ devices: [sweptDevice()], interfaceName: 'eth0' });
    const wrapper = await mountStep();
    const swept = card(wrapper, '192.168.1.99');
    expect(swept.find('.device-card__name').text()).toBe('Device at 192.168.1.99');
    expect(swept.find('[data-testid="maker-unknown"]').text()).toBe('unknown maker');
    expect(swept.findAll('[data-testid="source-badge"]').map((b) => b.text())).toEqual(['sweep']);
    expect(swept.find('[data-testid="login-device"]').attributes('aria-label')).toBe(
      'Log in to Device at 192.168.1.99',
    );
    // A device with a brand says nothing of the kind.
    expect(wrapper.findAll('[data-testid="maker-unknown"]')).toHaveLength(1);
    await swept.find('[data-testid="login-device"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('#login-dialog-title').text()).toBe('Log in to the device at 192.168.1.99');
  });
});

describe('WizardStepFind: listening for devices that switch on', () => {
  it('starts listening after the list is loaded, says so quietly, and starts nothing else', async () => {
    const wrapper = await mountStep();
    expect(channels().indexOf('discovery.list')).toBeLessThan(channels().indexOf('discovery.listen'));
    expect(callsOf('discovery.listen')).toEqual([{ channel: 'discovery.listen', input: { interfaceName: 'eth0' } }]);
    expect(callsOf('discovery.start')).toHaveLength(0);
    expect(wrapper.find('[data-testid="listening-indicator"]').text()).toBe('Listening for devices that switch on…');
    expect(wrapper.find('[data-testid="announcement"]').attributes('aria-live')).toBe('polite');
    expect(wrapper.find('[data-testid="announcement"]').text()).toBe('');
  });

  it('a device that switches on appears in the list and is announced politely', async () => {
    const wrapper = await mountStep();
    const camera = fakeDevice({
      id: 'urn:uuid:cam-67',
      addresses: ['192.168.1.67'],
      mac: '02:00:c0:a8:01:67',
      brand: 'Axis',
      model: 'M3106',
      name: null,
      sources: ['onvif'],
      lastSeenAt: '2025-03-01T10:20:00.000Z',
    });
    api.emit('discovery.onDevice', { jobId: LISTEN_JOB, device: camera });
    await flushPromises();
    expect(card(wrapper, '192.168.1.67').exists()).toBe(true);
    expect(wrapper.find('[data-testid="announcement"]').text()).toBe(
      'Axis M3106 switched on at 192.168.1.67 and was added to the list.',
    );
    expect(wrapper.find('[data-testid="found-count"]').text()).toContain('5 devices found');
  });

  it('stops listening when the user leaves the step', async () => {
    const wrapper = await mountStep();
    wrapper.unmount();
    await flushPromises();
    expect(callsOf('job.cancel')).toEqual([{ channel: 'job.cancel', input: { jobId: LISTEN_JOB } }]);
  });

  it('changing the interface stops the listen job and starts one on the new interface', async () => {
    api.handlers['setup.chooseInterface'] = (input) => {
      const name = (input as { interfaceName: string }).interfaceName;
      return ok(searchedSetup({ interfaceName: name, network: fakeReport({ chosenInterface: name }) }));
    };
    const wrapper = await mountStep();
    await wrapper.find('[data-testid="change-interface"]').trigger('click');
    await flushPromises();
    await wrapper.find('input[name="find-interface"][value="wlan0"]').setValue(true);
    await flushPromises();
    expect(callsOf('job.cancel')).toEqual([{ channel: 'job.cancel', input: { jobId: LISTEN_JOB } }]);
    expect(callsOf('discovery.listen').at(-1)!.input).toEqual({ interfaceName: 'wlan0' });
    expect(listenJobs.started()).toEqual([LISTEN_JOB, 'job-listen2']);
    expect(useDiscoveryStore().listenJob.id).toBe('job-listen2');
    expect(wrapper.find('[data-testid="listening-indicator"]').exists()).toBe(true);

    // A device announced on the new interface is taken; one from the old job is not.
    api.emit('discovery.onDevice', {
      jobId: LISTEN_JOB,
      device: fakeDevice({ id: 'late', addresses: ['192.168.1.8'] }),
    });
    api.emit('discovery.onDevice', {
      jobId: 'job-listen2',
      device: fakeDevice({ id: 'new', addresses: ['10.0.0.64'], interfaceName: 'wlan0' }),
    });
    await flushPromises();
    expect(card(wrapper, '192.168.1.8').exists()).toBe(false);
    expect(card(wrapper, '10.0.0.64').exists()).toBe(true);
  });

  it('says it is not listening, quietly, when main cannot listen on the interface', async () => {
    api.handlers['discovery.listen'] = () =>
      failed('INTERFACE_UNUSABLE', 'That network interface has no IPv4 address or is down.');
    const wrapper = await mountStep();
    expect(wrapper.find('[data-testid="listening-indicator"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="listening-off"]').text()).toContain('no IPv4 address');
    expect(wrapper.find('[data-testid="discovery-error"]').exists()).toBe(false);
  });
});
