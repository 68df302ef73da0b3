// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import TheSidebar from '../../../../src/renderer/components/TheSidebar.vue';
import WizardStepFrame from '../../../../src/renderer/components/WizardStepFrame.vue';
import { useSetupStore } from '../../../../src/renderer/stores/setup';
import type { Approach, SetupRecord } from '../../../../src/shared/domain/setup';
import { STEPS, type StepId } from '../../../../src/shared/domain/steps';
import { stepFit } from '../../../../src/shared/domain/step-approach';
import { fakeReport, ok } from '../fake-api';
import { fakePorts, setupWithNvr } from '../fake-ports';
import { api, mountStep, mountWith, router, useStepHarness } from '../mount-step';

useStepHarness({
  path: '/step/network',
  handlers: () => ({
    'setup.get': () => ok({ setup: setupWithNvr(), notice: null }),
    'network.get': () => ok(fakeReport()),
  }),
});

/** The record main keeps with this way chosen; Ports measured and verified earlier (kept whatever the way). */
function recordWith(approach: Approach | null): SetupRecord {
  const base = setupWithNvr();
  return {
    ...base,
    approach,
    steps: { ...base.steps, ports: { status: 'verified', updatedAt: '2025-03-01T12:00:00.000Z' } },
  };
}

async function loadWith(approach: Approach | null): Promise<void> {
  api.handlers['setup.get'] = () => ok({ setup: recordWith(approach), notice: null });
  await useSetupStore().load();
}

/** The frame alone for a step (its Next and its note come from the frame, not from the page). */
function frameOf(stepId: StepId) {
  return mountWith(
    defineComponent({
      render: () =>
        h(WizardStepFrame, { stepId, emptyText: 'Nothing yet.' }, { found: () => h('p', { id: 'content' }, 'c') }),
    }),
  );
}

const item = (wrapper: ReturnType<typeof mountWith>, id: StepId) => wrapper.find(`li[data-step="${id}"]`);

describe('the list of steps follows the chosen way', () => {
  it('the VPN way: Ports and Router rules stay in the list as links, shown skipped, the reason read out in full', async () => {
    await loadWith('vpn');
    const wrapper = mountWith(TheSidebar);
    expect(wrapper.findAll('li[data-step]').map((i) => i.attributes('data-step'))).toEqual(STEPS.map((s) => s.id));
    for (const id of ['ports', 'rules'] as const) {
      const li = item(wrapper, id);
      const fit = stepFit(id, 'vpn');
      expect(fit.applies).toBe(false);
      expect(li.find('a').attributes('href')).toContain(`/step/${id}`);
      expect(li.classes()).toContain('the-sidebar__item--skipped');
      expect(li.find('[data-testid="step-status"]').text()).toBe('Status: skipped');
      const skip = li.find('[data-testid="step-skip"]');
      expect(skip.text()).toContain('not needed for the VPN way');
      // The full reason is in the link's text (its accessible name), hidden only from the eye.
      expect(skip.find('.visually-hidden').text()).toBe(`. ${fit.applies ? '' : fit.reason}`);
      expect(li.find('a').text()).toContain(fit.applies ? '' : fit.reason);
    }
    // The steps the VPN way needs keep their own status, and no skip line.
    for (const id of ['network', 'find', 'upnp', 'internet', 'ddns', 'vpn'] as const) {
      expect(item(wrapper, id).find('[data-testid="step-skip"]').exists(), id).toBe(false);
      expect(item(wrapper, id).find('[data-testid="step-status"]').text(), id).not.toContain('skipped');
    }
    expect(item(wrapper, 'network').find('[data-testid="step-status"]').text()).toContain('verified');
  });

  it('switching way later brings a skipped step back with its measured status; nothing is deleted or skipped in main', async () => {
    await loadWith('vpn');
    const wrapper = mountWith(TheSidebar);
    expect(item(wrapper, 'ports').find('[data-testid="step-status"]').text()).toContain('skipped');
    expect(item(wrapper, 'vpn').find('[data-testid="step-status"]').text()).toContain('not started');

    api.handlers['setup.chooseApproach'] = (input) =>
      ok({ ...recordWith((input as { approach: Approach }).approach), updatedAt: '2025-03-02T00:00:00.000Z' });
    await useSetupStore().chooseApproach('port-forwarding');
    await flushPromises();
    // Ports shows what was measured before (verified); the VPN is now the step skipped, recommended instead.
    expect(item(wrapper, 'ports').find('[data-testid="step-status"]').text()).toContain('verified');
    expect(item(wrapper, 'ports').find('[data-testid="step-skip"]').exists()).toBe(false);
    expect(item(wrapper, 'vpn').find('[data-testid="step-status"]').text()).toContain('skipped');
    expect(item(wrapper, 'vpn').find('[data-testid="step-skip"]').text()).toMatch(/^recommended instead\. You chose/);
    // The only thing the page asked of main was the new way: no skip, no reset.
    expect(api.calls.map((c) => c.channel).filter((c) => c !== 'setup.get')).toEqual(['setup.chooseApproach']);
  });

  it('the vendor-cloud way skips Ports, Internet, DDNS, Router rules and VPN; no way chosen skips none', async () => {
    await loadWith('vendor-cloud');
    const cloud = mountWith(TheSidebar);
    const skipped = STEPS.filter((s) => s.available)
      .map((s) => s.id)
      .filter((id) => item(cloud, id).find('[data-testid="step-skip"]').exists());
    expect(skipped).toEqual(['ports', 'internet', 'ddns', 'rules', 'vpn']);
    expect(item(cloud, 'internet').text()).toContain('needs no public address');
    cloud.unmount();

    await loadWith(null);
    const none = mountWith(TheSidebar);
    expect(none.findAll('[data-testid="step-skip"]')).toHaveLength(0);
    expect(item(none, 'ports').find('[data-testid="step-status"]').text()).toContain('verified');
  });

  it('a step skipped by the user in main (not by the way) still shows main’s reason', async () => {
    api.handlers['setup.get'] = () =>
      ok({
        setup: { ...recordWith('vpn'), steps: { upnp: { status: 'skipped', updatedAt: 'x', reason: 'No router.' } } },
        notice: null,
      });
    await useSetupStore().load();
    const wrapper = mountWith(TheSidebar);
    expect(item(wrapper, 'upnp').text()).toContain('No router.');
    expect(item(wrapper, 'upnp').find('[data-testid="step-skip"]').exists()).toBe(false);
  });
});

describe('a step page under the chosen way', () => {
  it('a skipped step says so at the top, links back to "Your network", and its page stays usable', async () => {
    api.handlers['setup.get'] = () => ok({ setup: recordWith('vpn'), notice: null });
    fakePorts(api);
    await router.push('/step/ports');
    const page = await mountStep();
    const note = page.find('[data-testid="step-not-applicable"]');
    expect(note.exists()).toBe(true);
    expect(note.text()).toContain('Not needed for the VPN way:');
    const fit = stepFit('ports', 'vpn');
    expect(note.text()).toContain(fit.applies ? '' : fit.reason);
    // Named for screen readers by its text, and placed before the page's parts.
    expect(note.attributes('aria-labelledby')).toBe(note.find('p').attributes('id'));
    const html = page.html();
    expect(html.indexOf('step-not-applicable')).toBeLessThan(html.indexOf('data-testid="found"'));
    // The page itself is all there: the check button can be pressed.
    const audit = page.find('[data-testid="audit"]');
    expect(audit.exists()).toBe(true);
    expect(audit.attributes('disabled')).toBeUndefined();
    // Its Next still leads on, to the next step with a page the VPN way needs (not Router rules, not Security).
    const next = STEPS.slice(STEPS.findIndex((s) => s.id === 'ports') + 1).find(
      (s) => router.hasRoute(`step-${s.id}`) && s.id !== 'rules',
    )!;
    expect(page.find('[data-testid="next-step"]').text()).toBe(`Next: ${next.title} →`);

    await page.find('[data-testid="change-approach"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/step/network');
  });

  it('a step the way needs has no note', async () => {
    await loadWith('port-forwarding');
    const frame = frameOf('ports');
    await flushPromises();
    expect(frame.find('[data-testid="step-not-applicable"]').exists()).toBe(false);
    expect(frame.find('#content').exists()).toBe(true);
  });

  it('Next: DDNS leads to VPN on the VPN way, to Router rules while no way is chosen', async () => {
    await loadWith('vpn');
    const frame = frameOf('ddns');
    await flushPromises();
    const next = frame.find('[data-testid="next-step"]');
    expect(next.text()).toBe('Next: VPN →');
    expect(next.attributes('href')).toContain('/step/vpn');

    // The way changes while the page is open: Next follows at once.
    useSetupStore().applyRecord({ ...recordWith(null), updatedAt: '2025-03-03T00:00:00.000Z' });
    await flushPromises();
    expect(frame.find('[data-testid="next-step"]').text()).toBe('Next: Router rules →');
    expect(frame.find('[data-testid="next-step"]').attributes('href')).toContain('/step/rules');
  });

  it('the vendor-cloud way: Next from UPnP passes Internet, DDNS, Router rules and VPN; the last step has no Next', async () => {
    await loadWith('vendor-cloud');
    const upnp = frameOf('upnp');
    await flushPromises();
    const next = upnp.find('[data-testid="next-step"]').attributes('href');
    for (const skipped of ['internet', 'ddns', 'rules', 'vpn']) expect(next).not.toContain(`/step/${skipped}`);
    expect(next).toContain('/step/verify');
    const last = frameOf(STEPS.at(-1)!.id);
    await flushPromises();
    expect(last.find('[data-testid="next-step"]').exists()).toBe(false);
  });
});
