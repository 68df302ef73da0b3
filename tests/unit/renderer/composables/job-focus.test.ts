// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { defineComponent, h, reactive, type VNodeChild } from 'vue';
import ConfirmPanel from '../../../../src/renderer/components/ConfirmPanel.vue';
import { useConfirmPanel, useJobPlaces } from '../../../../src/renderer/composables/job-focus';

enableAutoUnmount(afterEach);

/** Mounts a page made by `setup` (its render function), in the document so the keyboard can be on its buttons. */
function mountHost(setup: () => () => VNodeChild) {
  return mount(defineComponent({ setup }), { attachTo: document.body });
}

/** A page with a check and a change: each job's button and its Cancel (there while the job runs). */
function mountPage(jobs: { check: boolean; change: boolean }) {
  return mountHost(() => {
    const places = useJobPlaces(
      () => jobs.check,
      () => jobs.change,
    );
    return () =>
      h('div', [
        h('span', { ref: places.checkButton }, [h('button', { id: 'check' }, 'Check')]),
        jobs.check
          ? h('span', { ref: places.checkCancelButton }, [h('button', { id: 'check-cancel' }, 'Cancel')])
          : null,
        h('span', { ref: places.changeButton }, [h('button', { id: 'change' }, 'Apply')]),
        jobs.change
          ? h('span', { ref: places.changeCancelButton }, [h('button', { id: 'change-cancel' }, 'Cancel')])
          : null,
      ]);
  });
}

describe('useJobPlaces', () => {
  it('a keyboard user on a Cancel that goes away when its job ends is put back on the button that started that job', async () => {
    const jobs = reactive({ check: true, change: false });
    mountPage(jobs);
    document.getElementById('check-cancel')!.focus();
    jobs.check = false;
    await flushPromises();
    expect(document.activeElement?.id).toBe('check');

    jobs.change = true;
    await flushPromises();
    document.getElementById('change-cancel')!.focus();
    jobs.change = false;
    await flushPromises();
    expect(document.activeElement?.id).toBe('change');
  });

  it('a job that ends while the keyboard is elsewhere leaves it where it is', async () => {
    const jobs = reactive({ check: true, change: false });
    mountPage(jobs);
    document.getElementById('change')!.focus();
    jobs.check = false;
    await flushPromises();
    expect(document.activeElement?.id).toBe('change');
  });
});

describe('useConfirmPanel', () => {
  it('opens the question asked and puts the keyboard on its “yes”', async () => {
    let confirm!: ReturnType<typeof useConfirmPanel<'delete'>>;
    const wrapper = mountHost(() => {
      confirm = useConfirmPanel<'delete'>();
      return () =>
        confirm.confirming.value
          ? h(ConfirmPanel, {
              ref: confirm.confirmPanel,
              name: 'q',
              title: `Really ${confirm.confirming.value}?`,
              yesLabel: 'Yes',
              yesTestid: 'yes',
            })
          : null;
    });
    expect(wrapper.find('[role="alertdialog"]').exists()).toBe(false);
    await confirm.openConfirm('delete');
    await flushPromises();
    expect(confirm.confirming.value).toBe('delete');
    expect(wrapper.get('strong').text()).toBe('Really delete?');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('yes');
  });
});
