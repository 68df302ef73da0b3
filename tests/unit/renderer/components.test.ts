// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import WizardStepNetwork from '../../../src/renderer/steps/WizardStepNetwork.vue';
import TheSidebar from '../../../src/renderer/components/TheSidebar.vue';
import TheProgress from '../../../src/renderer/components/TheProgress.vue';
import TheNoticeBanner from '../../../src/renderer/components/TheNoticeBanner.vue';
import { createRoutes } from '../../../src/renderer/router';
import { useSetupStore } from '../../../src/renderer/stores/setup';
import { APPROACH_GUIDES, UPNP_WARNING } from '../../../src/shared/guidance/approaches';
import { STEPS } from '../../../src/shared/domain/steps';
import { createFakeApi, fakeReport, fakeSetup, failed, ok, type FakeApi } from './fake-api';

let api: FakeApi;
let pinia: Pinia;
let router: Router;

beforeEach(async () => {
  pinia = createPinia();
  setActivePinia(pinia);
  api = createFakeApi({
    'setup.get': () => ok({ setup: fakeSetup(), notice: null }),
    'network.get': () => ok(fakeReport()),
  });
  window.api = api;
  router = createRouter({ history: createMemoryHistory(), routes: createRoutes() });
  await router.push('/step/network');
  await router.isReady();
});
afterEach(() => {
  delete window.api;
  document.body.innerHTML = '';
});

function mountWithApp<T>(component: T) {
  return mount(component as never, { global: { plugins: [pinia, router] }, attachTo: document.body });
}

describe('WizardStepNetwork', () => {
  it('measures on open and lists every interface from the report, with gateway and suggestion', async () => {
    const wrapper = mountWithApp(WizardStepNetwork);
    await flushPromises();
    expect(api.calls.some((c) => c.channel === 'network.get')).toBe(true);
    const rows = wrapper.findAll('[data-testid="interfaces-table"] tbody tr');
    expect(rows.map((r) => r.attributes('data-interface'))).toEqual(['lo', 'eth0', 'wlan0', 'eth1']);
    const eth0 = wrapper.find('[data-interface="eth0"]');
    expect(eth0.text()).toContain('192.168.1.20/24');
    expect(eth0.text()).toContain('192.168.1.0/24');
    expect(eth0.text()).toContain('aa:bb:cc:dd:ee:01');
    expect(eth0.text()).toContain('up');
    expect(eth0.text()).toContain('suggested');
    expect(wrapper.find('[data-interface="eth1"]').text()).toContain('down');
    expect(wrapper.find('[data-interface="eth1"]').text()).toContain('The cable is unplugged.');
    expect(wrapper.find('[data-testid="gateway"]').text()).toContain('192.168.1.1');
    expect(wrapper.find('[data-testid="recommended"]').text()).toContain('eth0');
    expect(wrapper.find('[data-testid="measured-at"]').attributes('datetime')).toBe('2025-03-01T10:00:00.000Z');
    expect(wrapper.find('[data-testid="interface-summary"]').text()).toMatch(/Not chosen yet.*eth0/s);
  });

  it('offers only usable interfaces as radios and saves a choice through the store', async () => {
    api.handlers['setup.chooseInterface'] = (input) => {
      const name = (input as { interfaceName: string }).interfaceName;
      return ok(
        fakeSetup({
          interfaceName: name,
          network: fakeReport({ chosenInterface: name }),
          updatedAt: '2025-03-01T10:01:00.000Z',
        }),
      );
    };
    const wrapper = mountWithApp(WizardStepNetwork);
    await flushPromises();
    const radios = wrapper.findAll('input[name="discovery-interface"]');
    expect(radios).toHaveLength(4);
    const disabled = radios.filter((r) => (r.element as HTMLInputElement).disabled).map((r) => r.attributes('value'));
    expect(disabled).toEqual(['lo', 'eth1']);

    await wrapper.find('input[name="discovery-interface"][value="wlan0"]').setValue(true);
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'setup.chooseInterface')).toEqual([
      { channel: 'setup.chooseInterface', input: { interfaceName: 'wlan0' } },
    ]);
    expect(useSetupStore().interfaceName).toBe('wlan0');
    expect(wrapper.find('[data-testid="interface-summary"]').text()).toContain('wlan0 (your choice)');
  });

  it('keeps the previous interface checked and says why when main refuses the choice', async () => {
    api.handlers['setup.get'] = () =>
      ok({
        setup: fakeSetup({ interfaceName: 'eth0', network: fakeReport({ chosenInterface: 'eth0' }) }),
        notice: null,
      });
    api.handlers['network.get'] = () => ok(fakeReport({ chosenInterface: 'eth0' }));
    api.handlers['setup.chooseInterface'] = () =>
      failed(
        'INTERFACE_NOT_FOUND',
        'That network interface is not on this computer (any more). Refresh the list and pick another one.',
      );
    await useSetupStore().load();
    const wrapper = mountWithApp(WizardStepNetwork);
    await flushPromises();
    await wrapper.find('input[name="discovery-interface"][value="wlan0"]').setValue(true);
    await flushPromises();
    expect(wrapper.find('[data-testid="interface-error"]').text()).toContain('not on this computer');
    expect((wrapper.find('input[value="eth0"]').element as HTMLInputElement).checked).toBe(true);
    expect((wrapper.find('input[value="wlan0"]').element as HTMLInputElement).checked).toBe(false);
  });

  it('shows the three approach cards with pros and cons, VPN recommended, and the UPnP warning', async () => {
    const wrapper = mountWithApp(WizardStepNetwork);
    await flushPromises();
    const cards = wrapper.findAll('.approach-card');
    expect(cards.map((c) => c.attributes('data-approach'))).toEqual(APPROACH_GUIDES.map((g) => g.id));
    const vpn = wrapper.find('[data-approach="vpn"]');
    expect(vpn.text()).toContain('recommended');
    expect(wrapper.find('[data-approach="port-forwarding"]').text()).not.toContain('recommended');
    expect(wrapper.find('[data-approach="port-forwarding"]').text()).toMatch(/Never forward web port 80 or 443/);
    expect(vpn.findAll('li').length).toBe(APPROACH_GUIDES[0]!.pros.length + APPROACH_GUIDES[0]!.cons.length);
    expect(wrapper.find('[data-testid="upnp-warning"]').text()).toContain(UPNP_WARNING);
  });

  it('saves the chosen approach with a click or with Enter', async () => {
    let approach: string | null = null;
    api.handlers['setup.chooseApproach'] = (input) => {
      approach = (input as { approach: string }).approach;
      return ok(
        fakeSetup({ approach: approach as 'vpn', updatedAt: `2025-03-01T11:0${api.calls.length % 10}:00.000Z` }),
      );
    };
    const wrapper = mountWithApp(WizardStepNetwork);
    await flushPromises();
    await wrapper.find('input[name="approach"][value="vendor-cloud"]').setValue(true);
    await flushPromises();
    expect(approach).toBe('vendor-cloud');
    expect(wrapper.find('[data-approach="vendor-cloud"]').text()).toContain('your choice');

    await wrapper.find('input[name="approach"][value="vpn"]').trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(approach).toBe('vpn');
    expect((wrapper.find('input[name="approach"][value="vpn"]').element as HTMLInputElement).checked).toBe(true);
  });

  it('shows the step status from main and re-measures on Re-check', async () => {
    const wrapper = mountWithApp(WizardStepNetwork);
    await flushPromises();
    expect(wrapper.find('[data-testid="verify-status"]').text()).toBe('not started');
    api.handlers['setup.get'] = () =>
      ok({
        setup: fakeSetup({
          approach: 'vpn',
          updatedAt: '2025-03-01T12:00:00.000Z',
          network: fakeReport(),
          steps: { network: { status: 'verified', updatedAt: '2025-03-01T12:00:00.000Z' } },
        }),
        notice: null,
      });
    const before = api.calls.filter((c) => c.channel === 'network.get').length;
    await wrapper.find('[data-testid="recheck"]').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'network.get').length).toBe(before + 1);
    expect(wrapper.find('[data-testid="verify-status"]').text()).toBe('verified');
    expect(wrapper.find('[data-testid="verify"]').text()).toContain('eth0');
  });

  it('says in plain words when the network cannot be measured', async () => {
    api.handlers['network.get'] = () =>
      failed('PLATFORM_UNSUPPORTED', 'This check is not available on this operating system yet.');
    const wrapper = mountWithApp(WizardStepNetwork);
    await flushPromises();
    expect(wrapper.find('[data-testid="network-error"]').text()).toContain(
      'This check is not available on this operating system yet.',
    );
  });
});

describe('TheSidebar', () => {
  it('lists every step with its status; planned steps are greyed and not links', async () => {
    api.handlers['setup.get'] = () =>
      ok({
        setup: fakeSetup({
          steps: {
            network: { status: 'attention', updatedAt: 'x', reason: 'No usable network connection was found.' },
          },
        }),
        notice: null,
      });
    await useSetupStore().load();
    const wrapper = mountWithApp(TheSidebar);
    await flushPromises();
    const items = wrapper.findAll('li[data-step]');
    expect(items.map((i) => i.attributes('data-step'))).toEqual(STEPS.map((s) => s.id));
    const network = wrapper.find('li[data-step="network"]');
    expect(network.find('a').exists()).toBe(true);
    expect(network.find('a').attributes('href')).toContain('/step/network');
    expect(network.find('[data-testid="step-status"]').text()).toContain('needs attention');
    expect(network.find('a').attributes('aria-current')).toBe('step');
    for (const step of STEPS.filter((s) => !s.available)) {
      const item = wrapper.find(`li[data-step="${step.id}"]`);
      expect(item.find('a').exists()).toBe(false);
      expect(item.text()).toContain('planned — not in this version yet');
      expect(item.classes()).toContain('the-sidebar__item--planned');
    }
  });

  it('shows a verified status; a planned step stays planned whatever the record says', async () => {
    api.handlers['setup.get'] = () =>
      ok({
        setup: fakeSetup({
          steps: {
            network: { status: 'verified', updatedAt: 'x' },
            upnp: { status: 'skipped', updatedAt: 'x', reason: 'My router has no UPnP.' },
          },
        }),
        notice: null,
      });
    await useSetupStore().load();
    const wrapper = mountWithApp(TheSidebar);
    expect(wrapper.find('li[data-step="network"] [data-testid="step-status"]').text()).toContain('verified');
    // A planned step keeps saying it is planned, whatever the record says.
    expect(wrapper.find('li[data-step="upnp"]').text()).toContain('planned — not in this version yet');
  });

  it('starts over only after confirmation', async () => {
    api.handlers['setup.reset'] = () =>
      ok(fakeSetup({ createdAt: '2025-04-01T00:00:00.000Z', updatedAt: '2025-04-01T00:00:00.000Z' }));
    await useSetupStore().load();
    const wrapper = mountWithApp(TheSidebar);
    await wrapper.find('[data-testid="start-over"]').trigger('click');
    expect(api.calls.some((c) => c.channel === 'setup.reset')).toBe(false);
    await wrapper.find('[data-testid="start-over-confirm"]').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'setup.reset')).toHaveLength(1);
    expect(wrapper.text()).toContain('The setup starts fresh');
  });
});

describe('TheProgress and TheNoticeBanner', () => {
  it('counts verified steps out of all steps', async () => {
    api.handlers['setup.get'] = () =>
      ok({
        setup: fakeSetup({
          steps: {
            network: { status: 'verified', updatedAt: 'x' },
            upnp: { status: 'skipped', updatedAt: 'x', reason: 'r' },
          },
        }),
        notice: null,
      });
    await useSetupStore().load();
    const wrapper = mountWithApp(TheProgress);
    expect(wrapper.find('[data-testid="progress-label"]').text()).toBe(`1 of ${STEPS.length} steps verified`);
    expect(wrapper.find('[role="progressbar"]').attributes('aria-valuenow')).toBe('1');
  });

  it('tells the user a damaged setup file was kept, naming the backup file', async () => {
    api.handlers['setup.get'] = () =>
      ok({
        setup: fakeSetup(),
        notice: {
          code: 'SETUP_RECOVERED',
          message:
            'Your saved progress could not be read. It was kept as setup.json.corrupt-2025 and the setup starts fresh.',
          backupFile: '/home/u/.config/nvr-assist/setup.json.corrupt-2025',
        },
      });
    await useSetupStore().load();
    const wrapper = mountWithApp(TheNoticeBanner);
    expect(wrapper.find('[data-testid="recovered-notice"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="backup-name"]').text()).toBe('setup.json.corrupt-2025');
    await wrapper.find('[data-testid="recovered-notice"] button').trigger('click');
    expect(wrapper.find('[data-testid="recovered-notice"]').exists()).toBe(false);
  });

  it('shows why the setup could not be loaded, with a retry', async () => {
    api.handlers['setup.get'] = () =>
      failed('INTERNAL', "The app's background service is not running or cannot be reached.");
    await useSetupStore().load();
    const wrapper = mountWithApp(TheNoticeBanner);
    expect(wrapper.find('[role="alert"]').text()).toContain('background service is not running');
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup(), notice: null });
    await wrapper.find('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });
});
