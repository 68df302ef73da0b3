// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import TheSidebar from '../../../../src/renderer/components/TheSidebar.vue';
import TheProgress from '../../../../src/renderer/components/TheProgress.vue';
import TheNoticeBanner from '../../../../src/renderer/components/TheNoticeBanner.vue';
import { useSetupStore } from '../../../../src/renderer/stores/setup';
import { STEPS } from '../../../../src/shared/domain/steps';
import { fakeReport, fakeSetup, failed, ok } from '../fake-api';
import { api, mountWith, useStepHarness } from '../mount-step';

useStepHarness({
  path: '/step/network',
  handlers: () => ({
    'setup.get': () => ok({ setup: fakeSetup(), notice: null }),
    'network.get': () => ok(fakeReport()),
  }),
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
    const wrapper = mountWith(TheSidebar);
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

  it('shows a verified status; every step of this version has its page, so each is a link (none planned)', async () => {
    api.handlers['setup.get'] = () =>
      ok({
        setup: fakeSetup({ steps: { network: { status: 'verified', updatedAt: 'x' } } }),
        notice: null,
      });
    await useSetupStore().load();
    const wrapper = mountWith(TheSidebar);
    expect(wrapper.find('li[data-step="network"] [data-testid="step-status"]').text()).toContain('verified');
    expect(STEPS.every((s) => s.available)).toBe(true);
    for (const step of STEPS) {
      const item = wrapper.find(`li[data-step="${step.id}"]`);
      expect(item.find('a').attributes('href'), step.id).toContain(`/step/${step.id}`);
      expect(item.text()).not.toContain('planned — not in this version yet');
    }
  });

  it('starts over only after confirmation', async () => {
    api.handlers['setup.reset'] = () =>
      ok(fakeSetup({ createdAt: '2025-04-01T00:00:00.000Z', updatedAt: '2025-04-01T00:00:00.000Z' }));
    await useSetupStore().load();
    const wrapper = mountWith(TheSidebar);
    await wrapper.find('[data-testid="start-over"]').trigger('click');
    expect(api.calls.some((c) => c.channel === 'setup.reset')).toBe(false);
    await wrapper.find('[data-testid="start-over-confirm"]').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'setup.reset')).toHaveLength(1);
    expect(wrapper.text()).toContain('The setup starts fresh');
  });
});

describe('TheProgress and TheNoticeBanner', () => {
  it('counts verified steps out of all steps while no way is chosen', async () => {
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
    const wrapper = mountWith(TheProgress);
    expect(wrapper.find('[data-testid="progress-label"]').text()).toBe(`1 of ${STEPS.length} steps verified`);
    expect(wrapper.find('[role="progressbar"]').attributes('aria-valuenow')).toBe('1');
  });

  it('with a way chosen, counts only the steps that way needs: the VPN way leaves out Ports and Router rules', async () => {
    api.handlers['setup.get'] = () =>
      ok({
        setup: fakeSetup({
          approach: 'vpn',
          steps: {
            network: { status: 'verified', updatedAt: 'x' },
            // Verified before the way changed: kept in the record, not counted for a way that does not need it.
            ports: { status: 'verified', updatedAt: 'x' },
          },
        }),
        notice: null,
      });
    await useSetupStore().load();
    const wrapper = mountWith(TheProgress);
    const needed = STEPS.filter((s) => s.id !== 'ports' && s.id !== 'rules').length;
    expect(wrapper.find('[data-testid="progress-label"]').text()).toBe(`1 of ${needed} steps verified`);
    expect(wrapper.find('[role="progressbar"]').attributes('aria-valuemax')).toBe(String(needed));
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
    const wrapper = mountWith(TheNoticeBanner);
    expect(wrapper.find('[data-testid="recovered-notice"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="backup-name"]').text()).toBe('setup.json.corrupt-2025');
    await wrapper.find('[data-testid="recovered-notice"] button').trigger('click');
    expect(wrapper.find('[data-testid="recovered-notice"]').exists()).toBe(false);
  });

  it('shows why the setup could not be loaded, with a retry', async () => {
    api.handlers['setup.get'] = () =>
      failed('INTERNAL', "The app's background service is not running or cannot be reached.");
    await useSetupStore().load();
    const wrapper = mountWith(TheNoticeBanner);
    expect(wrapper.find('[role="alert"]').text()).toContain('background service is not running');
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup(), notice: null });
    await wrapper.find('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });
});
