// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { h, nextTick, reactive, ref } from 'vue';
import CheckRow from '../../../../src/renderer/components/CheckRow.vue';
import type { Job } from '../../../../src/renderer/composables/useJob';
import type { FocusHolder } from '../../../../src/renderer/components/focus';

/** The parts of a job the row reads, changed by the test. */
function fakeJob() {
  return reactive({ starting: false, running: false, busy: false, cancelling: false });
}

function mountRow(job: ReturnType<typeof fakeJob>, props: { done?: boolean; running?: boolean } = {}) {
  const holders = { button: ref<FocusHolder>(null), cancel: ref<FocusHolder>(null) };
  const wrapper = mount(CheckRow, {
    props: {
      job: job as unknown as Job,
      done: props.done ?? false,
      labels: { first: 'Check the router', again: 'Check the router again' },
      disabled: false,
      testid: 'check',
      note: 'Reading only: nothing is changed.',
      holders,
      ...(props.running === undefined ? {} : { running: props.running }),
    },
    slots: { default: () => h('button', { 'data-testid': 'extra' }, 'Other check') },
    attachTo: document.body,
  });
  return { wrapper, holders };
}

enableAutoUnmount(afterEach);

const button = (w: ReturnType<typeof mountRow>['wrapper']) => w.get('[data-testid="check"]');

describe('CheckRow', () => {
  it('asks for the first check as the primary button, then offers it again as a secondary one', async () => {
    const job = fakeJob();
    const { wrapper } = mountRow(job);
    expect(button(wrapper).text()).toBe('Check the router');
    expect(button(wrapper).classes()).toContain('base-button--primary');
    await wrapper.setProps({ done: true });
    expect(button(wrapper).text()).toBe('Check the router again');
    expect(button(wrapper).classes()).toContain('base-button--secondary');
  });

  it('says “Checking…” and hides the note while the check runs, and shows its Cancel then only', async () => {
    const job = fakeJob();
    const { wrapper } = mountRow(job, { done: true });
    expect(wrapper.text()).toContain('Reading only: nothing is changed.');
    expect(wrapper.get('[data-testid="check-cancel"]').isVisible()).toBe(false);
    job.running = true;
    job.busy = true;
    await nextTick();
    expect(button(wrapper).text()).toBe('Checking…');
    expect(button(wrapper).attributes('aria-busy')).toBe('true');
    expect(wrapper.text()).not.toContain('Reading only');
    expect(wrapper.get('[data-testid="check-cancel"]').isVisible()).toBe(true);
  });

  it('with `running` false (another kind of check runs on the job) keeps its own label but still hides the note', async () => {
    const job = fakeJob();
    job.running = true;
    const { wrapper } = mountRow(job, { done: true, running: false });
    await nextTick();
    expect(button(wrapper).text()).toBe('Check the router again');
    expect(wrapper.text()).not.toContain('Reading only');
  });

  it('tells the page which button was pressed: the check, or Cancel; the page’s own buttons sit in the row', async () => {
    const job = fakeJob();
    const { wrapper } = mountRow(job);
    await button(wrapper).trigger('click');
    job.running = true;
    await nextTick();
    await wrapper.get('[data-testid="check-cancel"]').trigger('click');
    expect(wrapper.emitted('check')).toHaveLength(1);
    expect(wrapper.emitted('cancel')).toHaveLength(1);
    expect(wrapper.find('.wizard-step__actions [data-testid="extra"]').exists()).toBe(true);
  });

  it('fills the page’s keyboard places: the span around the check button, and the Cancel', () => {
    const { wrapper, holders } = mountRow(fakeJob());
    const span = holders.button.value as HTMLElement;
    expect(span.tagName).toBe('SPAN');
    expect(span.querySelector('[data-testid="check"]')).toBe(button(wrapper).element);
    const cancel = holders.cancel.value as { $el: HTMLElement };
    expect(cancel.$el.querySelector('[data-testid="check-cancel"]')).not.toBeNull();
  });
});
