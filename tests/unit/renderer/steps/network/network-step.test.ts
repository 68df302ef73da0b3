// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { APPROACH_GUIDES, UPNP_WARNING } from '../../../../../src/shared/guidance/approaches';
import { createTranslator } from '../../../../../src/shared/i18n';
import { useSetupStore } from '../../../../../src/renderer/stores/setup';
import { fakeReport, fakeSetup, failed, ok } from '../../fake-api';
import { api, mountStep, useStepHarness } from '../../mount-step';
import { emptySetupRecord } from '../../../../../src/shared/domain/setup';

useStepHarness({
  path: '/step/network',
  handlers: () => ({
    'setup.get': () => ok({ setup: fakeSetup(), notice: null }),
    'network.get': () => ok(fakeReport()),
  }),
});

describe('WizardStepNetwork', () => {
  it('measures on open and lists every interface from the report, with gateway and suggestion', async () => {
    const wrapper = await mountStep();
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

  it('a new setup record (Start over) measures again at once: the first step does not stay "not started"', async () => {
    await mountStep();
    const measures = () => api.calls.filter((c) => c.channel === 'network.get').length;
    expect(measures()).toBe(1);
    // The same record saved again (another step's change) measures nothing.
    api.emit('setup.onChanged', { setup: fakeSetup({ updatedAt: '2025-03-01T09:30:00.000Z' }) });
    await flushPromises();
    expect(measures()).toBe(1);
    // A record started over: created anew (main now answers with it).
    const fresh = emptySetupRecord('2025-03-02T08:00:00.000Z');
    api.handlers['setup.get'] = () => ok({ setup: fresh, notice: null });
    api.emit('setup.onChanged', { setup: fresh });
    await flushPromises();
    expect(measures()).toBe(2);
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
    const wrapper = await mountStep();
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
    const wrapper = await mountStep();
    await wrapper.find('input[name="discovery-interface"][value="wlan0"]').setValue(true);
    await flushPromises();
    expect(wrapper.find('[data-testid="interface-error"]').text()).toContain('not on this computer');
    expect((wrapper.find('input[value="eth0"]').element as HTMLInputElement).checked).toBe(true);
    expect((wrapper.find('input[value="wlan0"]').element as HTMLInputElement).checked).toBe(false);
  });

  it('shows the three approach cards with pros and cons, VPN recommended, and the UPnP warning', async () => {
    const wrapper = await mountStep();
    const cards = wrapper.findAll('.approach-card');
    expect(cards.map((c) => c.attributes('data-approach'))).toEqual(APPROACH_GUIDES.map((g) => g.id));
    const vpn = wrapper.find('[data-approach="vpn"]');
    expect(vpn.text()).toContain('recommended');
    expect(wrapper.find('[data-approach="port-forwarding"]').text()).not.toContain('recommended');
    expect(wrapper.find('[data-approach="port-forwarding"]').text()).toMatch(/Never forward web port 80 or 443/);
    expect(vpn.findAll('li').length).toBe(APPROACH_GUIDES[0]!.pros.length + APPROACH_GUIDES[0]!.cons.length);
    expect(wrapper.find('[data-testid="upnp-warning"]').text()).toContain(createTranslator('en').t(UPNP_WARNING));
  });

  it('saves the chosen approach with a click or with Enter', async () => {
    let approach: string | null = null;
    api.handlers['setup.chooseApproach'] = (input) => {
      approach = (input as { approach: string }).approach;
      return ok(
        fakeSetup({ approach: approach as 'vpn', updatedAt: `2025-03-01T11:0${api.calls.length % 10}:00.000Z` }),
      );
    };
    const wrapper = await mountStep();
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
    const wrapper = await mountStep();
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
    const wrapper = await mountStep();
    expect(wrapper.find('[data-testid="network-error"]').text()).toContain(
      'This check is not available on this operating system yet.',
    );
  });
});
