// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import DiscoveredDeviceCard from '../../../../../src/renderer/components/DiscoveredDeviceCard.vue';
import TheSidebar from '../../../../../src/renderer/components/TheSidebar.vue';
import { useSetupStore } from '../../../../../src/renderer/stores/setup';
import {
  fakeDevice,
  fakeDevices,
  fakeReport,
  fakeSetup,
  failed,
  ok,
  discoveryList,
  searchedList,
  searchedSetup,
} from '../../fake-api';
import { api, mountStep, pinia, router, useStepHarness } from '../../mount-step';

const JOB = 'job-search1';

useStepHarness({
  path: '/step/find',
  handlers: () => ({
    'setup.get': () => ok({ setup: searchedSetup(), notice: null }),
    'network.get': () => ok(fakeReport({ chosenInterface: 'eth0' })),
    'discovery.list': () => discoveryList({ devices: fakeDevices() }),
    'discovery.start': () => ok({ jobId: JOB, interfaceName: 'eth0' }),
    'job.cancel': () => ok({ cancelled: true }),
  }),
});

const starts = () => api.calls.filter((c) => c.channel === 'discovery.start');

describe('WizardStepFind: what we found', () => {
  it('shows the saved devices, likely NVRs first, with their time, and searches nothing by itself', async () => {
    const wrapper = await mountStep();
    expect(starts()).toHaveLength(0);
    const cards = wrapper.findAll('[data-testid="device-list"] li[data-device-id]');
    expect(cards.map((c) => c.attributes('data-address'))).toEqual([
      '192.168.1.64',
      '192.168.1.65',
      '192.168.1.66',
      '192.168.1.30',
    ]);
    expect(wrapper.find('[data-testid="searched-at"]').attributes('datetime')).toBe('2025-03-01T10:10:00.000Z');
    expect(wrapper.find('[data-testid="found"]').text()).toContain('Saved from the search of');
    expect(wrapper.find('[data-testid="found-count"]').text()).toBe(
      '4 devices found; 3 of them answered like a camera or recorder (listed first).',
    );
    expect(wrapper.find('[data-testid="found-count"]').attributes('aria-live')).toBe('polite');
    expect(wrapper.find('[data-testid="search"]').text()).toBe('Search again');
  });

  it('shows brand, model, MAC, firmware, serial, source badges, declared ports, DHCP and notes', async () => {
    const wrapper = await mountStep();
    const hik = wrapper.find('li[data-address="192.168.1.64"]');
    expect(hik.find('h3').text()).toContain('Hikvision DS-7608NI-K2');
    expect(hik.text()).toContain('Shop NVR');
    expect(hik.text()).toContain('44:19:b6:00:00:64');
    expect(hik.text()).toContain('V4.30.085 build 210521');
    expect(hik.text()).toContain('DS-7608NI-K20820210521CCRRF12345678');
    expect(hik.findAll('[data-testid="source-badge"]').map((b) => b.text())).toEqual(['ONVIF', 'SADP']);
    expect(hik.findAll('[data-port-role]').map((p) => p.text())).toEqual(['http 80', 'onvif 80', 'sdk 8000']);
    expect(hik.find('[data-testid="device-dhcp"]').text()).toBe('yes');
    expect(hik.find('[data-testid="upnp-hint"]').exists()).toBe(false);

    const dahua = wrapper.find('li[data-address="192.168.1.65"]');
    expect(dahua.findAll('[data-testid="source-badge"]').map((b) => b.text())).toEqual(['DHIP']);
    expect(dahua.find('[data-testid="device-dhcp"]').text()).toBe('no');
    expect(dahua.text()).toContain('sdk 37777');

    const reolink = wrapper.find('li[data-address="192.168.1.66"]');
    expect(reolink.find('[data-testid="device-notes"]').text()).toContain(
      'Ignored an address it announced (http://203.0.113.9/onvif/device_service)',
    );
    expect(reolink.text()).not.toContain('Serial');

    const tv = wrapper.find('li[data-address="192.168.1.30"]');
    expect(tv.findAll('[data-testid="source-badge"]').map((b) => b.text())).toEqual(['SSDP']);
    expect(tv.find('[data-testid="upnp-hint"]').text()).toBe('UPnP on');
    expect(tv.text()).toContain('automatic port opening may be on');
    expect(tv.find('[data-testid="device-dhcp"]').text()).toBe('not known');
  });

  it('keeps details behind a keyboard-reachable disclosure', async () => {
    const wrapper = await mountStep();
    const details = wrapper.find('li[data-address="192.168.1.64"] details');
    expect(details.exists()).toBe(true);
    expect(details.find('summary').text()).toBe('More about this device');
    expect(details.text()).toContain('http://192.168.1.64/onvif/device_service');
    expect(details.text()).toContain('its SADP answer');
    expect((details.element as HTMLDetailsElement).open).toBe(false);
  });

  it('counts the ignored answers and shows them on demand', async () => {
    api.handlers['discovery.list'] = () =>
      searchedList({
        finishedAt: '2025-03-01T10:10:04.000Z',
        warnings: [
          'Ignored an SSDP answer from 192.168.1.250 pointing outside your network.',
          'A WS-Discovery answer from 192.168.1.250 could not be read.',
        ],
      });
    const wrapper = await mountStep();
    const ignored = wrapper.find('[data-testid="ignored-answers"]');
    expect(ignored.element.tagName).toBe('DETAILS');
    expect(ignored.find('summary').text()).toContain('2 odd answers ignored');
    expect(ignored.findAll('li')).toHaveLength(2);
    expect(wrapper.find('[data-testid="searched-at"]').attributes('datetime')).toBe('2025-03-01T10:10:04.000Z');
    expect(wrapper.find('[data-testid="found"]').text()).toContain('through eth0');
  });

  it('says in plain words what to check when nothing answered', async () => {
    api.handlers['setup.get'] = () =>
      ok({
        setup: searchedSetup({
          devices: [],
          steps: {
            find: {
              status: 'attention',
              updatedAt: 'x',
              reason: 'No device answered. Check the NVR is on and on this network, or add it by its address.',
            },
          },
        }),
        notice: null,
      });
    api.handlers['discovery.list'] = () => discoveryList();
    const wrapper = await mountStep();
    expect(starts()).toHaveLength(0);
    const empty = wrapper.find('[data-testid="empty-state"]');
    expect(empty.text()).toContain('No device answered the search.');
    expect(empty.text()).toContain('switched on');
    expect(empty.text()).toContain('client isolation');
    expect(empty.text()).toContain('VLANs');
    expect(empty.text()).toContain('Not in the list? Add it by its address');
    expect(empty.text()).not.toContain('next version');
    expect(wrapper.find('[data-testid="verify-status"]').text()).toBe('needs attention');
  });
});

describe('WizardStepFind: searching', () => {
  it('searches by itself the first time, live: progress, cancel, devices as they arrive', async () => {
    api.handlers['setup.get'] = () =>
      ok({ setup: fakeSetup({ network: fakeReport(), interfaceName: null }), notice: null });
    api.handlers['discovery.list'] = () => discoveryList();
    const wrapper = await mountStep();
    expect(starts()).toEqual([{ channel: 'discovery.start', input: { interfaceName: 'eth0' } }]);
    expect(wrapper.find('[data-testid="found-count"]').text()).toBe('Searching… devices appear here as they answer.');
    expect(wrapper.find('[data-testid="empty-state"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="search"]').attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-testid="cancel-search"]').isVisible()).toBe(true);

    api.emit('job.onProgress', {
      jobId: JOB,
      kind: 'discovery',
      done: 2,
      total: 4,
      message: 'SSDP (UPnP) finished; 1 device(s) so far',
    });
    api.emit('discovery.onDevice', { jobId: JOB, device: fakeDevice() });
    await flushPromises();
    const bar = wrapper.find('[data-testid="search-progress"] [role="progressbar"]');
    expect(bar.attributes('aria-valuenow')).toBe('2');
    expect(bar.attributes('aria-valuemax')).toBe('4');
    expect(wrapper.find('[data-testid="progress-message"]').text()).toBe('SSDP (UPnP) finished; 1 device(s) so far');
    expect(wrapper.find('[data-testid="progress-message"]').attributes('aria-live')).toBe('polite');
    expect(wrapper.find('[data-testid="found-count"]').text()).toBe('1 device found so far.');
    expect(wrapper.findAll('li[data-device-id]')).toHaveLength(1);
    expect(wrapper.find('[data-testid="searching-on"]').text()).toContain('eth0');

    await wrapper.find('[data-testid="cancel-search"]').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'job.cancel')).toEqual([
      { channel: 'job.cancel', input: { jobId: JOB } },
    ]);
    api.handlers['discovery.list'] = () =>
      discoveryList({ devices: [fakeDevice()], interfaceName: 'eth0', finishedAt: '2025-03-01T10:10:02.000Z' });
    api.emit('job.onDone', {
      jobId: JOB,
      kind: 'discovery',
      outcome: 'cancelled',
      error: { code: 'CANCELLED', message: 'The operation was cancelled.' },
    });
    await flushPromises();
    expect(wrapper.find('[data-testid="search-progress"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="cancel-search"]').isVisible()).toBe(false);
    expect(wrapper.find('[data-testid="search"]').text()).toBe('Search again');
    expect(wrapper.findAll('li[data-device-id]')).toHaveLength(1);
  });

  it('searches again through the chosen interface when asked', async () => {
    const wrapper = await mountStep();
    await wrapper.find('[data-testid="search"]').trigger('click');
    await flushPromises();
    expect(starts()).toEqual([{ channel: 'discovery.start', input: { interfaceName: 'eth0' } }]);
    // Main cleared its list when the new search started; so does the page.
    expect(wrapper.findAll('li[data-device-id]')).toHaveLength(0);
  });

  it('shows why a search could not start', async () => {
    api.handlers['discovery.start'] = () =>
      failed(
        'INTERFACE_UNUSABLE',
        'That network interface has no IPv4 address or is down, so the app cannot search the network through it.',
      );
    const wrapper = await mountStep();
    await wrapper.find('[data-testid="search"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="discovery-error"]').text()).toContain('no IPv4 address');
    expect(wrapper.find('[data-testid="discovery-error"]').text()).toContain('still shown');
  });

  it('changes the interface with a compact control listing only usable interfaces', async () => {
    api.handlers['setup.chooseInterface'] = (input) => {
      const name = (input as { interfaceName: string }).interfaceName;
      return ok(
        searchedSetup({
          interfaceName: name,
          network: fakeReport({ chosenInterface: name }),
          updatedAt: '2025-03-01T12:00:00.000Z',
        }),
      );
    };
    const wrapper = await mountStep();
    expect(wrapper.find('[data-testid="search-interface"]').text()).toContain('eth0');
    expect(wrapper.find('[data-testid="search-interface"]').text()).toContain('192.168.1.20/24');
    const toggle = wrapper.find('[data-testid="change-interface"]');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    await toggle.trigger('click');
    await flushPromises();
    expect(toggle.attributes('aria-expanded')).toBe('true');
    const radios = wrapper.findAll('input[name="find-interface"]');
    expect(radios.map((r) => r.attributes('value'))).toEqual(['eth0', 'wlan0']);
    await wrapper.find('input[name="find-interface"][value="wlan0"]').setValue(true);
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'setup.chooseInterface')).toEqual([
      { channel: 'setup.chooseInterface', input: { interfaceName: 'wlan0' } },
    ]);
    expect(wrapper.find('[data-testid="search-interface"]').text()).toContain('wlan0');
  });
});

describe('WizardStepFind: choosing the NVR and verify', () => {
  it('chooses a device with its radio; the chosen one is marked and the status comes from main', async () => {
    const hik = fakeDevice();
    api.handlers['setup.chooseDevice'] = (input) =>
      ok(
        searchedSetup({
          updatedAt: '2025-03-01T11:00:00.000Z',
          nvr: {
            deviceId: (input as { deviceId: string }).deviceId,
            device: hik,
            chosenAt: '2025-03-01T11:00:00.000Z',
          },
          steps: {
            find: {
              status: 'working',
              updatedAt: '2025-03-01T11:00:00.000Z',
              reason: 'Log in to the NVR to confirm the app can talk to it.',
            },
          },
        }),
      );
    const wrapper = await mountStep();
    expect(wrapper.find('[data-testid="chosen-summary"]').text()).toBe('Not chosen yet.');
    const radio = wrapper.find('li[data-address="192.168.1.64"] input[data-testid="choose-device"]');
    expect(radio.attributes('aria-label')).toBe('This is my NVR: Hikvision DS-7608NI-K2 at 192.168.1.64');
    await radio.setValue(true);
    await flushPromises();
    expect(api.calls.at(-1)).toEqual({ channel: 'setup.chooseDevice', input: { deviceId: hik.id } });
    const card = wrapper.find('li[data-address="192.168.1.64"]');
    expect(card.classes()).toContain('device-card--chosen');
    expect(card.find('[data-testid="chosen-badge"]').text()).toBe('your NVR');
    expect(wrapper.findAll('[data-testid="chosen-badge"]')).toHaveLength(1);
    expect(wrapper.find('[data-testid="chosen-summary"]').text()).toContain('Hikvision DS-7608NI-K2');
    expect(wrapper.find('[data-testid="chosen-summary"]').text()).toContain('192.168.1.64');
    expect(wrapper.find('[data-testid="verify-status"]').text()).toBe('working');
    expect(wrapper.find('[data-testid="verify-reason"]').text()).toBe(
      'Log in to the NVR to confirm the app can talk to it.',
    );
    // Picking is not proof: the verify part asks for the login, with the button to do it.
    const verify = wrapper.find('[data-testid="verify"]');
    expect(verify.text()).not.toContain('next version');
    expect(verify.find('[data-testid="verify-how"]').text()).toContain('the proof is the NVR answering');
    expect(verify.find('[data-testid="verify-login"]').text()).toBe('Log in to Hikvision DS-7608NI-K2');
    expect(wrapper.find('[data-testid="chosen-summary"] [data-testid="login-chosen"]').text()).toBe('Log in');
  });

  it('keeps the keyboard on a device whose card is drawn anew when its id changes (a serial learned after its MAC)', async () => {
    const hik = fakeDevice();
    const wrapper = await mountStep();
    const radio = () => wrapper.find('li[data-address="192.168.1.64"] input[data-testid="choose-device"]');
    // A search: the NVR answers first by its MAC, and the keyboard is on its radio.
    const renamed = { ...hik, id: `serial:${hik.serial}` };
    api.handlers['discovery.list'] = () =>
      discoveryList({
        devices: fakeDevices().map((d) => (d.id === hik.id ? renamed : d)),
        interfaceName: 'eth0',
        finishedAt: '2025-03-01T10:20:00.000Z',
      });
    await wrapper.find('[data-testid="search"]').trigger('click');
    await flushPromises();
    api.emit('discovery.onDevice', { jobId: JOB, device: hik });
    await flushPromises();
    (radio().element as HTMLInputElement).focus();
    expect(document.activeElement).toBe(radio().element);
    // The search ends and main's list names the same NVR under another id: its card is replaced.
    api.emit('job.onDone', { jobId: JOB, kind: 'discovery', outcome: 'ok', error: null });
    await flushPromises();
    expect(wrapper.find('li[data-device-id="serial:DS-7608NI-K20820210521CCRRF12345678"]').exists()).toBe(true);
    expect(wrapper.find(`li[data-device-id="${hik.id}"]`).exists()).toBe(false);
    // Not dropped at the top of the page: on the same radio of the new card.
    expect(document.activeElement).toBe(radio().element);
    expect(document.activeElement?.closest('li')?.getAttribute('data-device-id')).toBe(renamed.id);
  });

  it('keeps the previous choice checked and says why when main does not know the device', async () => {
    const hik = fakeDevice();
    api.handlers['setup.get'] = () =>
      ok({ setup: searchedSetup({ nvr: { deviceId: hik.id, device: hik, chosenAt: 'x' } }), notice: null });
    api.handlers['setup.chooseDevice'] = () =>
      failed(
        'DEVICE_NOT_FOUND',
        'That device is not in the list of devices found. Search again, or add it by its address.',
      );
    const wrapper = await mountStep();
    const radioOf = (address: string) =>
      wrapper.find(`li[data-address="${address}"] input[data-testid="choose-device"]`);
    expect((radioOf('192.168.1.64').element as HTMLInputElement).checked).toBe(true);
    await radioOf('192.168.1.65').setValue(true);
    await flushPromises();
    expect(wrapper.find('[data-testid="choose-error"]').text()).toContain('not in the list of devices found');
    expect(wrapper.find('[data-testid="choose-error"]').text()).toContain('Your previous choice is kept.');
    expect((radioOf('192.168.1.64').element as HTMLInputElement).checked).toBe(true);
    expect((radioOf('192.168.1.65').element as HTMLInputElement).checked).toBe(false);
    expect(wrapper.find('li[data-address="192.168.1.64"] [data-testid="chosen-badge"]').exists()).toBe(true);
  });
});

describe('DiscoveredDeviceCard', () => {
  it('is data down, events up: emits choose with the device id on change and on Enter', async () => {
    const device = fakeDevice({ sources: ['sweep', 'manual'], activated: false, brand: null, model: null, name: null });
    const wrapper = mount(DiscoveredDeviceCard, { props: { device }, attachTo: document.body });
    // Nothing said who made it (often a device only the sweep found): named by its address, "unknown maker".
    expect(wrapper.find('.device-card__name').text()).toBe('Device at 192.168.1.64');
    expect(wrapper.find('[data-testid="maker-unknown"]').text()).toBe('unknown maker');
    expect(wrapper.find('[data-testid="choose-device"]').attributes('aria-label')).toBe(
      'This is my NVR: Device at 192.168.1.64',
    );
    expect(wrapper.findAll('[data-testid="source-badge"]').map((b) => b.text())).toEqual(['sweep', 'manual']);
    expect(wrapper.find('[data-testid="not-activated"]').exists()).toBe(true);
    await wrapper.find('input[type="radio"]').setValue(true);
    await wrapper.find('input[type="radio"]').trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('choose')).toEqual([[device.id], [device.id]]);
  });
});

describe('TheSidebar with the find step', () => {
  it('links the find step with its status from main', async () => {
    await useSetupStore().load();
    const wrapper = mount(TheSidebar, { global: { plugins: [pinia, router] } });
    const find = wrapper.find('li[data-step="find"]');
    expect(find.find('a').attributes('href')).toContain('/step/find');
    expect(find.find('a').attributes('aria-current')).toBe('step');
    expect(find.find('[data-testid="step-status"]').text()).toContain('working');
  });
});
