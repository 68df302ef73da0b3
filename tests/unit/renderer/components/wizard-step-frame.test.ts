// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { STEPS, type StepId } from '../../../../src/shared/domain/steps';
import { appInfo, fakeReport, ok, searchedList, searchedSetup } from '../fake-api';
import { fakePorts, setupWithNvr } from '../fake-ports';
import { defineComponent, h } from 'vue';
import WizardStepFrame from '../../../../src/renderer/components/WizardStepFrame.vue';
import { api, mountStep, mountWith, router, useStepHarness } from '../mount-step';

useStepHarness({
  path: '/step/network',
  handlers: () => ({
    'app.info': () => appInfo(false, 'browser'),
    'setup.get': () => ok({ setup: searchedSetup(), notice: null }),
    'network.get': () => ok(fakeReport({ chosenInterface: 'eth0' })),
    'discovery.list': () => searchedList(),
  }),
});

/** The pages these fixtures know how to feed (a new step's page has its own tests). */
const PAGES = STEPS.filter((s) => s.available && ['network', 'find', 'ports'].includes(s.id));

/** The frame alone for a step (not its page): its Next is computed from STEPS and the routes. */
function frameOf(stepId: StepId, props: Record<string, unknown> = {}) {
  return mountWith(
    defineComponent({ render: () => h(WizardStepFrame, { stepId, emptyText: 'Nothing yet.', ...props }) }),
  );
}

describe('WizardStepFrame', () => {
  it.each(PAGES.map((s) => [s.id, s.title, STEPS.indexOf(s) + 1] as const))(
    '%s: numbered and titled from STEPS, with its status from the record',
    async (id, title, number) => {
      api.handlers['setup.get'] = () => ok({ setup: setupWithNvr(), notice: null });
      fakePorts(api);
      await router.push(`/step/${id}`);
      const wrapper = await mountStep();
      expect(wrapper.find('[data-testid="step-number"]').text()).toBe(`Step ${number}`);
      expect(wrapper.find('h1').text()).toBe(title);
      expect(wrapper.find('article').attributes('aria-labelledby')).toBe(wrapper.find('h1').attributes('id'));
      const expected = id === 'ports' ? 'not started' : 'verified';
      expect(wrapper.find(`[data-testid="${id}-step-status"]`).text()).toBe(expected);
      expect(wrapper.find('[data-testid="verify-status"]').text()).toBe(expected);
      // The three parts, in order.
      expect(wrapper.findAll('.base-card__title').map((t) => t.text())).toEqual([
        'What we found',
        'What to do',
        'Verify',
      ]);
    },
  );

  it('ends with "Next: <the next step with a page>", a link the keyboard reaches; planned steps are skipped', async () => {
    const wrapper = await mountStep();
    const next = wrapper.find('[data-testid="next-step"]');
    expect(next.element.tagName).toBe('A');
    expect(next.text()).toBe('Next: Find your NVR →');
    expect(next.attributes('href')).toContain('/step/find');
    expect((next.element as HTMLAnchorElement).tabIndex).toBe(0);
    expect(wrapper.find('nav[aria-label="Next step"]').exists()).toBe(true);
    await next.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/step/find');

    await router.push('/step/find');
    const find = await mountStep();
    expect(find.find('[data-testid="next-step"]').text()).toBe('Next: Static IP →');
    expect(find.find('[data-testid="next-step"]').attributes('href')).toContain('/step/static-ip');

    // A step without a page is skipped: the step before it offers the first later step that has a page. No planned
    // step sits between two steps with pages any more (Security got its page), so the page of the step after `from`
    // is taken away here; computed from STEPS, so a step added in between keeps the rule tested. The frame alone is
    // mounted for it, as for the last step below.
    const from = STEPS.findLastIndex((s, k) => s.available && STEPS.slice(k + 2).some((t) => t.available));
    expect(from).toBeGreaterThanOrEqual(0);
    const skipped = STEPS[from + 1]!;
    if (router.hasRoute(`step-${skipped.id}`)) router.removeRoute(`step-${skipped.id}`);
    const later = STEPS.slice(from + 2).find((s) => s.available)!;
    await router.push(`/step/${STEPS[from]!.id}`);
    await mountStep({ component: { render: () => null } }); // loads the record as App.vue does
    const frame = frameOf(STEPS[from]!.id);
    await flushPromises();
    expect(frame.find('[data-testid="next-step"]').text()).toBe(`Next: ${later.title} →`);
    expect(frame.find('[data-testid="next-step"]').attributes('href')).toContain(`/step/${later.id}`);
  });

  it('the last step with a page has no Next', async () => {
    // The frame alone, for whichever step is last today: its Next is computed from STEPS and the routes.
    const last = STEPS.filter((s) => s.available).at(-1)!;
    await router.push(`/step/${last.id}`);
    await mountStep({ component: { render: () => null } }); // loads the record as App.vue does
    const frame = frameOf(last.id);
    await flushPromises();
    expect(frame.find('[data-testid="next-step"]').exists()).toBe(false);
    expect(frame.find('h1').text()).toBe(last.title);
  });

  it('the status line: main’s reason first, then the verified sentence, else the page’s words for "nothing yet"', async () => {
    api.handlers['setup.get'] = () =>
      ok({
        setup: setupWithNvr({
          steps: { ports: { status: 'attention', updatedAt: 'x', reason: 'RTSP is still on 554.' } },
        }),
        notice: null,
      });
    fakePorts(api);
    await router.push('/step/ports');
    const wrapper = await mountStep();
    expect(wrapper.find('[data-testid="verify-reason"]').text()).toBe('RTSP is still on 554.');
    expect(wrapper.find('[data-testid="verify-status"]').text()).toBe('needs attention');
  });

  it('a step the chosen way does not need says "skipped" in its header, as the list of steps does; Verify keeps its own status', async () => {
    api.handlers['setup.get'] = () =>
      ok({
        setup: setupWithNvr({
          approach: 'vpn',
          steps: { ports: { status: 'attention', updatedAt: 'x', reason: 'RTSP is still on 554.' } },
        }),
        notice: null,
      });
    fakePorts(api);
    await router.push('/step/ports');
    const wrapper = await mountStep();
    expect(wrapper.find('[data-testid="ports-step-status"]').text()).toBe('skipped');
    expect(wrapper.find('[data-testid="verify-status"]').text()).toBe('needs attention');
    expect(wrapper.find('[data-testid="verify-reason"]').text()).toBe('RTSP is still on 554.');
  });

  it('says above the parts, as an alert (test id <step>-load-error), why main’s saved entry could not be read; nothing while it could', async () => {
    await mountStep({ component: { render: () => null } }); // loads the record as App.vue does
    const broken = frameOf('upnp', {
      loadError: 'The file is damaged.',
      loadErrorTitle: 'The saved router check could not be read.',
    });
    await flushPromises();
    const alert = broken.get('[data-testid="upnp-load-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toBe('The saved router check could not be read. The file is damaged.');
    const fine = frameOf('upnp', { loadError: null });
    await flushPromises();
    expect(fine.find('[role="alert"]').exists()).toBe(false);
  });

  it('a part the page leaves out is not shown (Ports without an NVR: only what was found)', async () => {
    fakePorts(api);
    await router.push('/step/ports');
    const wrapper = await mountStep();
    expect(wrapper.find('[data-testid="no-nvr"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="todo"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="verify"]').exists()).toBe(false);
  });
});
